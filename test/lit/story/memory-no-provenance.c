// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'

// A load from an absolute address.
int absolute(void) {
  int v;
  // CHECK: memory-no-provenance.c:[[@LINE+1]]:17: warning: `movl 4096, %eax` reads memory at the absolute address 0x1000, which derives from no pointer handed to the block{{.*}}[asmstory-memory-no-provenance]
  asm volatile("movl 0x1000, %0" : "=r"(v) : : "memory");
  return v;
}
// A pointer made from an integer.
int from_integer(void) {
  int v;
  // CHECK: memory-no-provenance.c:[[@LINE+1]]:17: warning: `movl (%rcx), %eax` reads memory through %1 (`(int *)0x2000`), which is made from an integer and has no provenance{{.*}}[asmstory-memory-no-provenance]
  asm volatile("movl (%1), %0" : "=r"(v) : "r"((int *)0x2000) : "memory");
  return v;
}

// Correct: a load through a pointer parameter; TLS through %fs.
int param(const int *p) { int v; asm volatile("movl (%1), %0" : "=r"(v) : "r"(p) : "memory"); return v; }
void *self(void) { void *s; asm("movq %%fs:0, %0" : "=r"(s)); return s; }

// Correct: a global named in the template is reached through its own name,
// as the equivalent C would reach it.
int named_counter;
void inc_named(void) {
  asm volatile("lock incl named_counter(%%rip)" : : : "memory", "cc");
}
