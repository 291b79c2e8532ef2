; RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
; RUN: llvm-as %s -o %t.bc
; RUN: not %asmstory %t.bc | FileCheck %s --implicit-check-not='[asmstory-'
; LLVM IR with a riscv64 triple: the module's triple chooses the target,
; x registers and their ABI names ($0, ~{x5}) come from MC.
target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "riscv64-unknown-linux-gnu"

; CHECK: warning: the block changes t0 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
define i64 @clobber_bad(i64 %a) {
  %r = tail call i64 asm "li t0, 5\0A\09add $0, $1, t0", "=r,r"(i64 %a)
  ret i64 %r
}

define i64 @clobber_ok(i64 %a) {
  %r = tail call i64 asm "li t0, 5\0A\09add $0, $1, t0", "=r,r,~{x5}"(i64 %a)
  ret i64 %r
}

; An i32 truncated from an i64 and compared at 64 bits.
; CHECK: warning: `bne {{.*}}` reads 64 bits of operand $1 (`t`), a 32-bit value (i32) truncated from a wider one{{.*}}[asmstory-operand-width]
define i32 @trunc_bad(i64 %x, i32 %v) {
  %t = trunc i64 %x to i32
  %r = tail call i32 asm "li $0, 0\0A\09bne $1, $2, 1f\0A\09li $0, 1\0A1:", "=&r,r,r"(i32 %t, i32 %v)
  ret i32 %r
}

define i32 @param_ok(i32 signext %a, i32 signext %v) {
  %r = tail call i32 asm "li $0, 0\0A\09bne $1, $2, 1f\0A\09li $0, 1\0A1:", "=&r,r,r"(i32 %a, i32 %v)
  ret i32 %r
}
