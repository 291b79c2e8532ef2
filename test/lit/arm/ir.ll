; RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
; LLVM IR with an ARM triple: the constraint string as clang and rustc write
; it (~{cc} for the flags, {r7} for a fixed register).
target datalayout = "e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64"
target triple = "armv7-unknown-linux-gnueabihf"

; input-overwritten: the base register written back by a post-indexed load.
define i32 @next_bad(ptr %p) {
  ; CHECK: warning: `ldr {{r[0-9]+}}, [{{r[0-9]+}}], #4` writes {{r[0-9]+}}, which holds input-only operand $1{{.*}}[asmstory-input-overwritten]
  %v = call i32 asm sideeffect "ldr $0, [$1], #4", "=&r,r,~{memory}"(ptr %p)
  ret i32 %v
}

; correct: in/out pointer.
define i32 @next_ok(ptr %p) {
  %r = call { i32, ptr } asm sideeffect "ldr $0, [$1], #4", "=&r,=r,1,~{memory}"(ptr %p)
  %v = extractvalue { i32, ptr } %r, 0
  ret i32 %v
}

; flags-clobber-missing: IR without ~{cc}.
define i32 @flags_bad(i32 %x) {
  ; CHECK: warning: {{.*}}[asmstory-flags-clobber-missing]
  %v = call i32 asm "adds $0, $1, #1", "=r,r"(i32 %x)
  ret i32 %v
}
define i32 @flags_ok(i32 %x) {
  %v = call i32 asm "adds $0, $1, #1", "=r,r,~{cc}"(i32 %x)
  ret i32 %v
}
