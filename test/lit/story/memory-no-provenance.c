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

// A pointer made from an integer argument: no object grants it.
int from_argument(unsigned long addr) {
  int v;
  // CHECK: memory-no-provenance.c:[[@LINE+1]]:17: warning: `movl ({{%r[a-z0-9]+}}), %eax` reads memory through %1 (`(int *)addr`), which is made from an integer and has no provenance{{.*}}[asmstory-memory-no-provenance]
  asm volatile("movl (%1), %0" : "=r"(v) : "r"((int *)addr) : "memory");
  return v;
}

// Correct: a pointer an earlier asm block produced as an integer (the
// kernel's `current`, read from a per-CPU variable with `movq %gs:...`): the
// earlier block's story may hand it a pointer with its provenance, so the
// access is not one "made from an integer" (the story assumes that block).
struct task { unsigned long flags; };
static inline struct task *current_task(void) {
  unsigned long v;
  asm("movq %%gs:0x1000, %0" : "=r"(v));
  return (struct task *)v;
}
void set_flag(void) {
  struct task *t = current_task();
  asm volatile("lock orq $1, %0" : "+m"(t->flags) : : "cc");
}
