// RUN: not %asmstory %s -- -masm=intel | FileCheck %s --implicit-check-not='[asmstory-'
// The interface rules on Intel-syntax templates (-masm=intel).

void cpuid_bad(unsigned leaf) {
  // CHECK: intel-syntax.c:[[@LINE+1]]:17: warning: the block changes rcx, rbx, rdx {{.*}}[asmstory-clobber-missing]
  asm volatile("cpuid" : "+a"(leaf));
}
void spin_bad(unsigned n) {
  // CHECK: intel-syntax.c:[[@LINE+1]]:17: warning: `decl %eax` writes rax, which holds input-only operand %0 (`n`){{.*}}[asmstory-input-overwritten]
  asm volatile("1: dec %0\n\tjnz 1b" : : "r"(n));
}
int sum_bad(int a, int b) {
  int r;
  // CHECK: intel-syntax.c:[[@LINE+1]]:8: warning: output %0 (`r`) is written before input %2 (`b`) is read{{.*}}[asmstory-early-clobber-missing]
  asm("mov %0, %1\n\tadd %0, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
int load_bad(const int *p) {
  int v;
  // CHECK: intel-syntax.c:[[@LINE+1]]:8: warning: `movl (%rcx), %eax` reads memory through the pointer in %1 (`p`){{.*}}[asmstory-memory-read-undeclared]
  asm("mov %0, dword ptr [%1]" : "=r"(v) : "r"(p));
  return v;
}
void store_bad(int *p) {
  // CHECK: intel-syntax.c:[[@LINE+1]]:17: warning: `movl $1, (%rax)` writes memory through memory operand %0 (`*p`), but %0 (`*p`) is an input-only operand{{.*}}[asmstory-memory-write-undeclared]
  asm volatile("mov dword ptr %0, 1" : : "m"(*p));
}
void push_bad(void) {
  // CHECK: intel-syntax.c:[[@LINE+1]]:17: warning: `pushq %rax` writes 8 bytes below the stack pointer{{.*}}[asmstory-stack-undeclared]
  asm volatile("push rax\n\tpop rax");
}

// Correct Intel-syntax blocks.
void cpuid_ok(unsigned leaf) { asm volatile("cpuid" : "+a"(leaf) : : "rbx", "rcx", "rdx"); }
int sum_ok(int a, int b) { int r; asm("mov %0, %1\n\tadd %0, %2" : "=&r"(r) : "r"(a), "r"(b)); return r; }
int load_ok(const int *p) { int v; asm("mov %0, %1" : "=r"(v) : "m"(*p)); return v; }
void store_ok(int *p) { asm volatile("mov dword ptr %0, 1" : "=m"(*p)); }
void copy_ok(void *d, const void *s, unsigned long n) {
  asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}
