; RUN: not %asmstory --checks='-*,template-error' %s | FileCheck %s --implicit-check-not='[asmstory-'
; RUN: %asmstory --dump --checks=-* %s | FileCheck %s --check-prefix=DUMP
; Limits: LLVM 22's Intel-syntax operand parser kills the process on a zero
; (or -1) divisor (SIGFPE) and on a unary operator followed by `~`/`not`
; (abort), as `llvm-mc` does (found by test/fuzz/fuzz_decode).  asmstory
; checks Intel-syntax operands first and refuses what it cannot prove safe.
target triple = "x86_64-unknown-linux-gnu"

; CHECK: intel-operands.ll:[[@LINE+2]]:8: error: an Intel-syntax operand divides by a value asmstory cannot prove safe (0 or -1 make LLVM's assembler, and so the compiler, crash with SIGFPE); the block is not assembled [asmstory-template-error]
define i32 @zero() {
  %r = call i32 asm inteldialect "mov $0, 1 % 0", "=r"()
  ret i32 %r
}

; Constant divisors are evaluated with LLVM's precedence: 16 / 2 mod 5 + 8 / 3 = 5.
; DUMP: in ok
; DUMP: insn 0 (line 1:1): movl $5, %eax
define i32 @ok() {
  %r = call i32 asm inteldialect "mov $0, 16 / 2 mod 5 + (1 shl 3) / (7 and 3)", "=r"()
  ret i32 %r
}

; CHECK: intel-operands.ll:[[@LINE+2]]:8: error: an Intel-syntax operand divides {{.*}}[asmstory-template-error]
define i32 @paren() {
  %r = call i32 asm inteldialect "mov $0, dword ptr [rsp + 8 / (1 shr 1)]", "=r"()
  ret i32 %r
}

; A symbol the template defines may fold to 0: refused.
; CHECK: intel-operands.ll:[[@LINE+2]]:8: error: an Intel-syntax operand divides {{.*}}[asmstory-template-error]
define i32 @sym() {
  %r = call i32 asm inteldialect ".set z, 2\0Amov $0, 8 / z", "=r"()
  ret i32 %r
}

; AT&T expressions (and comments) are MC expressions, which check division.
; DUMP: in att
; DUMP: insn 0 (line 1:1): movl $2, %eax
define i32 @att() {
  %r = call i32 asm "movl $$(8/4), $0 # 1/0", "=r"()
  ret i32 %r
}

; .intel_syntax inside an AT&T template switches the parser: -1 is refused too.
; CHECK: intel-operands.ll:[[@LINE+2]]:8: error: an Intel-syntax operand divides {{.*}}[asmstory-template-error]
define i32 @switch() {
  %r = call i32 asm ".intel_syntax noprefix\0Amov $0, 8 / -1\0A.att_syntax", "=r"()
  ret i32 %r
}

; CHECK: intel-operands.ll:[[@LINE+2]]:3: error: an Intel-syntax operand applies `~` or `not` right after another unary operator, which makes LLVM's assembler (and so the compiler) abort; the block is not assembled [asmstory-template-error]
define void @unary() {
  call void asm sideeffect inteldialect "push -~1", ""()
  ret void
}
; CHECK: intel-operands.ll:[[@LINE+2]]:8: error: an Intel-syntax operand applies `~` or `not` {{.*}}[asmstory-template-error]
define i32 @not_not() {
  %r = call i32 asm inteldialect "mov $0, not not 1", "=r"()
  ret i32 %r
}

; A binary minus before `~`, and one unary operator before another: fine.
; DUMP: in binary
; DUMP: insn 0 (line 1:1): movl $5, %eax
; DUMP-NEXT: insn 1 (line 2:1): movl $0, %eax
define i32 @binary() {
  %r = call i32 asm inteldialect "mov $0, 3-~1\0Amov $0, not -1", "=r"()
  ret i32 %r
}
