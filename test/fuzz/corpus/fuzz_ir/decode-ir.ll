; RUN: %asmstory --dump --checks=-* %s | FileCheck %s
; RUN: llvm-as %s -o %t.bc
; RUN: %asmstory --dump --checks=-* %t.bc | FileCheck %s
; Every call asm / callbr asm of a module becomes a block: constraint string,
; call attributes, sideeffect, inteldialect, elementtype sizes.
target triple = "x86_64-unknown-linux-gnu"

define i32 @f(i32 %x, ptr %p) {
  %r = call i32 asm sideeffect inteldialect "mov $0, $1\0Aadd $0, $2", "=&r,r,*m,~{memory},~{dirflag},~{fpsr},~{flags}"(i32 %x, ptr elementtype(i32) %p)
  %s = call i32 asm "movl $1, $0", "=r,r"(i32 %r) memory(none)
  ret i32 %s
}
; CHECK: block 1 at {{.*}} in f (LLVM IR, intel, x86_64-unknown-linux-gnu) volatile memory-clobber cc-clobber
; CHECK: template: "mov $0, $1\nadd $0, $2"
; CHECK: operand 0: out "=&r" (output early-clobber register (gpr)) `%r` : i32, 32 bits -> register rax (as eax)
; CHECK: operand 2: in "*m" {{.*}}, pointer, 4 bytes behind, points into parameter `p` at offset 0, align 1, read-write -> memory at
; CHECK: clobbers: memory dirflag fpsr flags
; CHECK: insn 1 (line 2:1): addl (%{{r[a-z0-9]+}}), %eax {{.*}} load[{{r[a-z0-9]+}}] size=4
; CHECK: block 2 at {{.*}} in f (LLVM IR, att, x86_64-unknown-linux-gnu) nomem pure memory-attr

define void @g(i32 %x) {
entry:
  callbr void asm "test $0, $0\0Ajz ${1:l}", "r,!i"(i32 %x) to label %fall [label %out]
fall:
  ret void
out:
  ret void
}
; CHECK: block 3 at {{.*}} in g (LLVM IR, att, {{.*}}) goto
; CHECK: insn 1 (line 2:1): je asmstory_label1 {{.*}} jump-cond->asmstory_label1
