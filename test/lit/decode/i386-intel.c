// RUN: %asmstory --dump --checks=-* %s -- -m32 | FileCheck %s --check-prefix=I386
// RUN: %asmstory --dump --checks=-* %s -- -masm=intel -DINTEL | FileCheck %s --check-prefix=INTEL
// i386 (-m32) binds 32-bit registers and knows a 4-byte stack slot; Intel
// syntax (-masm=intel) templates decode to the same descriptions.

int add(int a, int b) {
#ifdef INTEL
  asm("add %0, %1\n\tpush %0\n\tpop %0" : "+r"(a) : "r"(b));
#else
  asm("addl %1, %0\n\tpush %0\n\tpop %0" : "+r"(a) : "r"(b));
#endif
  return a;
}
// I386: block 1 at {{.*}} (C, att, i386{{.*}})
// I386: operand 0: inout "+r" {{.*}} -> register eax (as %eax)
// I386: insn 0 (line 1:1): addl %ecx, %eax {{.*}} reads=eax,ecx writes=eax flags=w
// I386: insn 1 (line 2:2): pushl %eax {{.*}} store[esp-4] size=4 stack sp-4
// INTEL: block 1 at {{.*}} (C, intel, x86_64{{.*}})
// INTEL: operand 0: inout "+r" {{.*}} -> register rax (as eax)
// INTEL: insn 0 (line 1:1): addl %ecx, %eax {{.*}} reads=eax(rax),ecx(rcx) writes=eax(rax) flags=w

int load(const int *p) {
  int v;
#ifdef INTEL
  asm("mov %0, %1" : "=r"(v) : "m"(*p));
#else
  asm("movl %1, %0" : "=r"(v) : "m"(*p));
#endif
  return v;
}
// I386: insn 0 (line 1:1): movl (%{{e[a-z]+}}), %eax {{.*}} load[{{e[a-z]+}}] size=4
// INTEL: operand 1: in "m" {{.*}} -> memory at ({{r[a-z0-9]+}})
// INTEL: insn 0 (line 1:1): movl (%{{r[a-z0-9]+}}), %eax {{.*}} load[{{r[a-z0-9]+}}] size=4
