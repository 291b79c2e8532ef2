// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// At -O0 a pointer kept in a local variable reaches the asm through a load
// from its stack slot; the facts come from the analysis copy, where it is
// `buf` again, so -O0 finds the same (and the bound on `n`).
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O1 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
#include <stddef.h>

// A 32-byte load from a 16-byte array: out of bounds on every execution.
unsigned long long load32(void) {
  char buf[16] = {0};
  unsigned long long r;
  // CHECK: memory-out-of-bounds.c:[[@LINE+1]]:8: error: `vmovdqu (%{{r..}}), %ymm0` reads `buf[0..32)`, past the end of `buf` (local, 16 bytes) [asmstory-memory-out-of-bounds]
  asm("vmovdqu %1, %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "m"(*(char(*)[32])buf) : "xmm0");
  return r;
}

// rep stosb with a length the caller does not bound: counterexample.
void fill_unbounded(size_t n) {
  char buf[32];
  char *d = buf;
  // CHECK: memory-out-of-bounds.c:[[@LINE+1]]:17: warning: when `n` = 33, `rep stosb %al, %es:(%rdi)` writes `buf[0..33)`, past the end of `buf` (local, 32 bytes) [asmstory-memory-out-of-bounds]
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
  asm volatile("" : : "r"(buf) : "memory");
}

// Correct: the same with a dominating check, and a 16-byte load.
void fill_bounded(size_t n) {
  char buf[32];
  char *d = buf;
  if (n <= 32) asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
  asm volatile("" : : "r"(buf) : "memory");
}
// EXPLAIN: `rep stosb %al, %es:(%rdi)` writes 1 byte per iteration at %0 (`d`)+0: points into local `buf` (32 bytes) at offset 0, align 16, read-write; in bounds for every `n` in [0, 32]: justified
unsigned long long load16(void) {
  char buf[16] = {0};
  unsigned long long r;
  asm("movdqu %1, %%xmm0\n\tmovq %%xmm0, %0" : "=r"(r) : "m"(buf) : "xmm0");
  return r;
}
// EXPLAIN: `movdqu (%{{r..}}), %xmm0` reads 16 bytes at %1 (`buf`)+0: points into local `buf` (16 bytes) at offset 0, align 16, read-write; in bounds: justified
