/* Buggy inline asm: each block shows one kind of finding.
 * Run: build/bin/asmstory examples/buggy.c */
#include <stdint.h>

/* clobber-missing: cpuid also writes ebx, ecx, edx. */
uint32_t max_leaf(void) {
  uint32_t a = 0;
  asm volatile("cpuid" : "+a"(a));
  return a;
}

/* input-overwritten: the counter is an input but the loop decrements it. */
void delay(unsigned n) { asm volatile("1: dec %0\n\tjnz 1b" : : "r"(n)); }

/* early-clobber-missing: %0 is written before %2 is read. */
int add3(int a, int b) {
  int r;
  asm("mov %1, %0\n\tadd %2, %0" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

/* output-not-written: nothing is stored on the zero path. */
int nonzero_or_garbage(int a) {
  int r;
  asm("test %1, %1\n\tjz 1f\n\tmov %1, %0\n1:" : "=r"(r) : "r"(a));
  return r;
}

/* undefined-read: "=r" read as if it held the C value. */
int accumulate(int acc, int x) {
  asm("add %1, %0" : "=r"(acc) : "r"(x));
  return acc;
}

/* operand-width: an int read as 64 bits. */
long widen(int x) {
  long r;
  asm("mov %q1, %0" : "=r"(r) : "r"(x));
  return r;
}

/* stack-undeclared: push into the x86-64 red zone. */
void red_zone(void) { asm volatile("push %%rax\n\tpop %%rax" : :); }

/* stack-unbalanced: one push too many. */
void unbalanced(void) { asm volatile("sub $128, %%rsp\n\tpush %%rax" : :); }

/* direction-flag: std without cld. */
void copy_backwards(void *d, const void *s, unsigned long n) {
  asm volatile("std\n\trep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}

/* control-escape: jumps to a label outside the block. */
void escape(void) { asm volatile("jmp elsewhere"); }

/* memory-read-undeclared: reads *p without "m" or "memory". */
int load(const int *p) {
  int v;
  asm("mov (%1), %0" : "=r"(v) : "r"(p));
  return v;
}

/* memory-write-undeclared: writes through an input-only "m". */
void store(int *p) { asm volatile("movl $1, %0" : : "m"(*p)); }

/* pure-side-effect: rdtsc in a non-volatile asm. */
uint64_t timestamp(void) {
  uint32_t lo, hi;
  asm("rdtsc" : "=a"(lo), "=d"(hi));
  return ((uint64_t)hi << 32) | lo;
}

/* template-error: does not assemble. */
void typo(void) { asm volatile("movl %%eax" : :); }

/* unmodeled: a call's callee is not analyzed (a note, not a pass). */
void calls(void) { asm volatile("sub $128, %%rsp\n\tcall helper\n\tadd $128, %%rsp" ::: "memory"); }
