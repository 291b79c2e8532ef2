; RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
; AArch64 through the IR path: the triple selects the target; a buggy block
; and its correct variant per rule.
target triple = "aarch64-unknown-linux-gnu"

; clobber-missing: x9 written, no ~{x9}.
define i64 @clobber_bad(i64 %x) {
; CHECK: ir.ll:[[@LINE+1]]:8: warning: the block changes x9 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  %r = call i64 asm "mov x9, $1\0Aadd $0, x9, x9", "=r,r"(i64 %x)
  ret i64 %r
}
define i64 @clobber_ok(i64 %x) {
  %r = call i64 asm "mov x9, $1\0Aadd $0, x9, x9", "=r,r,~{x9}"(i64 %x)
  ret i64 %r
}

; flags: cmp writes NZCV without ~{cc}.
define i32 @flags_bad(i64 %a, i64 %b) {
; CHECK: ir.ll:[[@LINE+1]]:8: warning: `cmp x1, x2` changes the status flags but the constraint string has no ~{cc}{{.*}}[asmstory-flags-clobber-missing]
  %r = call i32 asm "cmp $1, $2\0Acset ${0:w}, eq", "=r,r,r"(i64 %a, i64 %b)
  ret i32 %r
}
define i32 @flags_ok(i64 %a, i64 %b) {
  %r = call i32 asm "cmp $1, $2\0Acset ${0:w}, eq", "=r,r,r,~{cc}"(i64 %a, i64 %b)
  ret i32 %r
}

; memory-write-undeclared: str through a pointer input, no ~{memory}.
define void @store_bad(ptr %p, i64 %v) {
; CHECK: ir.ll:[[@LINE+1]]:3: warning: `str x1, [x0]` writes memory through the pointer in $0{{.*}}[asmstory-memory-write-undeclared]
  call void asm sideeffect "str $1, [$0]", "r,r"(ptr %p, i64 %v)
  ret void
}
define void @store_ok(ptr %p, i64 %v) {
  call void asm sideeffect "str $1, [$0]", "r,r,~{memory}"(ptr %p, i64 %v)
  ret void
}
