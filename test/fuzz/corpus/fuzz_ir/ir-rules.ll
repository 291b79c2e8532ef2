; RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
; The interface rules on plain LLVM IR: the constraint string and the call
; attributes are the declaration.
target triple = "x86_64-unknown-linux-gnu"

; No ~{flags}: add changes the flags.
define i32 @flags_bad(i32 %x) {
; CHECK: ir-rules.ll:[[@LINE+1]]:8: warning: `addl $1, %eax` changes the status flags but the constraint string has no ~{flags}{{.*}}[asmstory-flags-clobber-missing]
  %r = call i32 asm "addl $$1, $0", "=r,0,~{dirflag}"(i32 %x)
  ret i32 %r
}

; memory(none) but the block loads: memory(none) wins over ~{memory}.
define i32 @nomem_bad(ptr %p) {
; CHECK: ir-rules.ll:[[@LINE+1]]:8: warning: `movl (%rcx), %eax` reads memory through the pointer in $1 (`p`), but the call is memory(none){{.*}}[asmstory-memory-read-undeclared]
  %r = call i32 asm "movl ($1), $0", "=r,r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p) memory(none)
  ret i32 %r
}

; cpuid without ~{ebx}.
define i32 @clobber_bad(i32 %leaf) {
; CHECK: ir-rules.ll:[[@LINE+2]]:8: warning: the block changes rbx but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
; CHECK: note: fix: add ~{<reg>} for each to the constraint string
  %r = call i32 asm sideeffect "cpuid", "={ax},{ax},~{ecx},~{edx},~{dirflag},~{fpsr},~{flags}"(i32 %leaf)
  ret i32 %r
}

; Correct: tied input, declared flags; "*m" input; clobbers listed.
define i32 @flags_ok(i32 %x) {
  %r = call i32 asm "addl $$1, $0", "=r,0,~{dirflag},~{fpsr},~{flags}"(i32 %x)
  ret i32 %r
}
define i32 @load_ok(ptr %p) {
  %r = call i32 asm "movl $1, $0", "=r,*m,~{dirflag},~{fpsr},~{flags}"(ptr elementtype(i32) %p)
  ret i32 %r
}
define i32 @cpuid_ok(i32 %leaf) {
  %r = call i32 asm sideeffect "cpuid", "={ax},{ax},~{ebx},~{ecx},~{edx},~{dirflag},~{fpsr},~{flags}"(i32 %leaf)
  ret i32 %r
}
