// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

// On the jz path the output is never written.
int maybe_bad(int a) {
  int r;
  // CHECK: output-not-written.c:[[@LINE+1]]:3: warning: output %0 (`r`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  asm("test %1, %1\n\tjz 1f\n\tmov %1, %0\n1:" : "=r"(r) : "r"(a));
  return r;
}
// A memory output never stored.
void mem_bad(int *p) {
  // CHECK: output-not-written.c:[[@LINE+1]]:3: warning: output %0 (`*p`) is not written {{.*}}[asmstory-output-not-written]
  asm volatile("nop" : "=m"(*p));
}

// Correct: written on both paths; memory output stored.
int maybe_ok(int a) {
  int r;
  asm("xor %0, %0\n\ttest %1, %1\n\tjz 1f\n\tmov %1, %0\n1:" : "=&r"(r) : "r"(a));
  return r;
}
void mem_ok(int *p) { asm volatile("movl $1, %0" : "=m"(*p)); }

// sgdt/sidt store the 10-byte descriptor-table pointer to their "=m"
// operand (the kernel's desc.h): written, not reported.
struct desc_ptr { unsigned short size; unsigned long address; } __attribute__((packed));
void store_gdt_ok(struct desc_ptr *d) { asm volatile("sgdt %0" : "=m"(*d)); }
void store_idt_ok(struct desc_ptr *d) { asm volatile("sidt %0" : "=m"(*d)); }

// Written inside a loop that a path skips: the output is not written on that
// path (output-not-written), which is not also an undefined read.
int loop_skip(int n) {
  int r;
  // CHECK: output-not-written.c:[[@LINE+1]]:3: warning: output %0 (`r`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  asm("test %1, %1\n\tje 2f\n1:\n\tmov %1, %0\n\tinc %0\n\tdec %1\n\tjnz 1b\n2:" : "=&r"(r), "+r"(n));
  return r;
}

// Correct: "=m"(*p) beside "m"(*p): memory the block leaves alone keeps the
// input's value, which is the output's (boost's conditional increment).
void store_if_nonzero(int *p) {
  asm("cmpl $0, %1\n\tje 1f\n\tmovl $1, %0\n1:" : "=m"(*p) : "m"(*p) : "cc");
}

// Correct: a scratch output that nothing else names ("=&r"(tmp)) may be
// left unwritten on the path that skips the loop: nobody reads it (boost's
// atomic_conditional_increment, whole).
int cond_inc(int *pw) {
  int rv, tmp;
  asm("movl %0, %%eax\n0:\n\ttest %%eax, %%eax\n\tje 1f\n\tmovl %%eax, %2\n\tincl %2\n\t"
      "lock\n\tcmpxchgl %2, %0\n\tjne 0b\n1:"
      : "=m"(*pw), "=&a"(rv), "=&r"(tmp) : "m"(*pw) : "cc");
  return rv;
}
// The same output read after the block is reported.
int cond_inc_read(int *pw) {
  int rv, tmp;
  // CHECK: output-not-written.c:[[@LINE+1]]:3: warning: output %2 (`tmp`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  asm("movl %0, %%eax\n0:\n\ttest %%eax, %%eax\n\tje 1f\n\tmovl %%eax, %2\n\tincl %2\n\t"
      "lock\n\tcmpxchgl %2, %0\n\tjne 0b\n1:"
      : "=m"(*pw), "=&a"(rv), "=&r"(tmp) : "m"(*pw) : "cc");
  return rv + tmp;
}

// Correct: cmpxchg16b through %0 stores all 16 bytes of `storage`, which
// include %1, its upper half (Boost.Atomic's 128-bit store).
void store128(volatile unsigned __int128 *p, unsigned long lo, unsigned long hi) {
  unsigned __int128 storage = *p;
  asm volatile("movq %0, %%rax\n\tmovq %1, %%rdx\n\t1: lock; cmpxchg16b %0\n\tjne 1b"
               : "=m"(storage), "=m"(((volatile unsigned long *)&storage)[1])
               : "b"(lo), "c"(hi) : "cc", "rax", "rdx", "memory");
  *p = storage;
}
// Another variable is not covered.
void store128_other(volatile unsigned __int128 *p, unsigned long *other, unsigned long lo,
                    unsigned long hi) {
  unsigned __int128 storage = *p;
  // CHECK: output-not-written.c:[[@LINE+1]]:3: warning: output %1 (`*other`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  asm volatile("movq %0, %%rax\n\tmovq %1, %%rdx\n\t1: lock; cmpxchg16b %0\n\tjne 1b"
               : "=m"(storage), "=m"(*other)
               : "b"(lo), "c"(hi) : "cc", "rax", "rdx", "memory");
  *p = storage;
}
