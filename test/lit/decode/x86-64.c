// RUN: %asmstory --dump --checks=-* %s | FileCheck %s
// Operand binding and MC decoding of x86-64 AT&T templates: registers read
// and written (implicit ones too), flags, memory accesses, stack, control
// flow and side-effect classes.

void strings(void *d, const void *s, unsigned long n) {
  asm volatile("rep movsb\n\tcld\n\tstd\n\tcld" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}
// CHECK: block 1 at {{.*}}x86-64.c:[[@LINE-2]]:3 in strings (C, att, x86_64{{.*}}) volatile memory-clobber
// CHECK: operand 0: inout "+D" (in-out fixed register di) `d` : void *, 64 bits, pointer -> register rdi
// CHECK: insn 0 (line 1:1): rep movsb {{.*}} MOVSB movsb reads={{.*}}rcx writes={{.*}}rcx df=r load[rsi] size=1 x rcx store[rdi] size=1 x rcx rep
// CHECK: insn 1 (line 2:2): cld {{.*}} df:=0
// CHECK: insn 2 (line 3:2): std {{.*}} df:=1

int cas(int *p, int old, int new) {
  asm volatile("lock cmpxchgl %2, %1" : "+a"(old), "+m"(*p) : "r"(new));
  return old;
}
// CHECK-LABEL: block 2 at
// CHECK: operand 1: inout "+m" (in-out memory) `*p` : int, 32 bits, 4 bytes behind -> memory at ([[BASE:r[a-z0-9]+]])
// CHECK: insn 0 (line 1:1): lock cmpxchgl {{.*}} reads={{.*}}eax(rax){{.*}} writes=eax(rax) flags=w load+store[[[BASE]]] size=4 lock effect=atomic

void stack_and_calls(void) {
  asm volatile("push %%rbx\n\tpop %%rbx\n\tcall f\n\tret" : :);
}
// CHECK-LABEL: block 3 at
// CHECK: insn 0 (line 1:1): pushq %rbx {{.*}} reads=rbx store[rsp-8] size=8 stack sp-8
// CHECK: insn 1 (line 2:2): popq %rbx {{.*}} load[rsp] size=8 stack sp+8
// CHECK: insn 2 (line 3:2): callq f {{.*}} store[rsp-8] size=8 stack sp-8 call->f UNMODELED(call: the callee's effects are not modeled)
// CHECK: insn 3 (line 4:2): retq {{.*}} load[rsp] size=8 stack sp+8 return

void effects(void) {
  asm volatile("cpuid\n\trdtsc\n\tmfence\n\tinb $0x80, %%al\n\tsyscall\n\tpause" ::: "memory");
}
// CHECK-LABEL: block 4 at
// CHECK: insn 0 (line 1:1): cpuid {{.*}} reads=eax(rax),ecx(rcx) writes=eax(rax),ebx(rbx),ecx(rcx),edx(rdx)
// CHECK: insn 1 (line 2:2): rdtsc {{.*}} effect=nondet
// CHECK: insn 2 (line 3:2): mfence {{.*}} effect=fence
// CHECK: insn 3 (line 4:2): inb $128, %al {{.*}} writes=al(rax) effect=io
// CHECK: insn 4 (line 5:2): syscall {{.*}} effect=system
// CHECK: insn 5 (line 6:2): pause {{.*}} effect=hint

typedef float v4 __attribute__((vector_size(16)));
void aligned(v4 *p, v4 *q) {
  asm volatile("movdqa %1, %%xmm0\n\tmovups %%xmm0, %0\n\tvmovdqa %%ymm0, %0" : "=m"(*p) : "m"(*q) : "xmm0");
}
// CHECK-LABEL: block 5 at
// CHECK: insn 0 (line 1:1): movdqa {{.*}} load[{{r[a-z0-9]+}}] size=16 align=16
// CHECK: insn 1 (line 2:2): movups {{.*}} store[{{r[a-z0-9]+}}] size=16{{$}}
// CHECK: insn 2 (line 3:2): vmovdqa {{.*}} store[{{r[a-z0-9]+}}] size=32 align=32

int modifiers(int x, long y) {
  int r;
  asm("movl %k1, %0\n\taddw %w1, %w0\n\taddb %b1, %h0\n\taddq %q2, %q0" : "=&Q"(r) : "Q"(x), "r"(y));
  return r;
}
// CHECK-LABEL: block 6 at
// CHECK: operand 0: out "=&Q" {{.*}} -> register rax (as %eax)
// CHECK: operand 1: in "Q" {{.*}} -> register rcx (as %ecx)
// CHECK: insn 1 (line 2:2): addw %cx, %ax
// CHECK: insn 2 (line 3:2): addb %cl, %ah {{.*}} writes=ah(rax)
// CHECK: insn 3 (line 4:2): addq %rdx, %rax

void loops(unsigned long n) {
  asm volatile("1: dec %0\n\tjnz 1b\n\tloop 2f\n2: jmp 1b" : "+c"(n));
}
// CHECK-LABEL: block 7 at
// CHECK: insn 1 (line 2:2): jne {{.*}} flags=r jump-cond->{{.*}}(#0)
// CHECK: insn 2 (line 3:2): loop {{.*}} reads=rcx writes=rcx jump-cond->{{.*}}(#3)
// CHECK: insn 3 (line 4:1): jmp {{.*}} jump->{{.*}}(#0)
