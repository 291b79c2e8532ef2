// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// A pointer stepped in a loop: the range it covers is bounded by the trip
// count (a counter decremented to zero, a pointer compared with an end
// pointer, `loop`, a counter counted up to a bound) and checked with Z3.
#include <stddef.h>

// Buggy: the count is in bytes, the loop reads 16 bytes per count.
void blocks_bad(size_t n) {
  char src[64] = {0};
  const char *p = src;
  if (n == 0 || n > 64) return;
  // CHECK: loop-range.c:[[@LINE+1]]:27: warning: when `n` = {{([5-9]|[1-6][0-9])}}, `movdqu (%{{r..}}), %xmm0` in a loop of {{[0-9]+}} iterations reads `src[0..{{[0-9]+}})`, past the end of `src` (local, 64 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tsub $1, %1\n\tjnz 1b"
                   : "+r"(p), "+r"(n) : "m"(src) : "xmm0", "memory");
}
// EXPLAIN: block {{.*}} in blocks_bad
// EXPLAIN: `movdqu (%{{r..}}), %xmm0` reads 16 bytes at %0 (`p`)+0: points into local `src` (64 bytes) {{.*}}; in a loop (lines 2-5) that steps the pointer by 16 and runs while `n`, stepped by -1, stays != 0 (line 4); out of bounds when `n` = {{[0-9]+}}, in {{[0-9]+}} iterations: [0..{{[0-9]+}})

// Correct: the count is bounded by a check the compiler sees.
void blocks_ok(size_t n) {
  char src[64] = {0};
  const char *p = src;
  if (n == 0 || n > 4) return;
  __asm__ volatile("1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tsub $1, %1\n\tjnz 1b"
                   : "+r"(p), "+r"(n) : "m"(src) : "xmm0", "memory");
}
// EXPLAIN: block {{.*}} in blocks_ok
// EXPLAIN: `movdqu (%{{r..}}), %xmm0` reads 16 bytes {{.*}}; in a loop (lines 2-5) that steps the pointer by 16 and runs while `n`, stepped by -1, stays != 0 (line 4); in bounds for every `n` in [1, 4]{{.*}}

// Buggy: a do-while loop runs once with a count of 0, and the count
// then wraps: it never reaches zero before the end of `src`.
void zero_count_bad(size_t n) {
  char src[64] = {0};
  const char *p = src;
  if (n > 4) return;
  // CHECK: loop-range.c:[[@LINE+1]]:27: warning: when `n` = 0, `movdqu (%{{r..}}), %xmm0` in a loop of more than {{[0-9]+}} iterations (its count does not end first) reads `src[0..{{[0-9]+}})`, past the end of `src` (local, 64 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tdec %1\n\tjnz 1b"
                   : "+r"(p), "+r"(n) : "m"(src) : "xmm0", "memory");
}

// Correct: a count of 0 jumps past the loop.
void zero_count_ok(size_t n) {
  char src[64] = {0};
  const char *p = src;
  if (n > 4) return;
  __asm__ volatile("test %1, %1\n\tjz 2f\n1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tdec %1\n\tjnz 1b\n2:"
                   : "+r"(p), "+r"(n) : "m"(src) : "xmm0", "memory");
}
// EXPLAIN: block {{.*}} in zero_count_ok
// EXPLAIN: in a loop (lines 4-7) {{.*}} stays != 0 (line 6), entered only when it is not zero (line 2); in bounds for every `n` in [0, 4]{{.*}}

// Buggy: `<=` against the end pointer reads one block past the end.
void end_le_bad(void) {
  char src[64] = {0};
  const char *p = src;
  // CHECK: loop-range.c:[[@LINE+1]]:27: error: `movdqu (%{{r..}}), %xmm0` in a loop of 5 iterations reads `src[0..80)`, past the end of `src` (local, 64 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tcmp %1, %0\n\tjbe 1b"
                   : "+r"(p) : "r"(src + sizeof src), "m"(src) : "xmm0", "memory");
}
// EXPLAIN: block {{.*}} in end_le_bad
// EXPLAIN: in a loop (lines 2-5) that steps the pointer by 16 and runs while %0 (`p`) (offset 0), stepped by 16, stays <= %1 (`src + sizeof src`) (offset 64) (line 4); out of bounds in 5 iterations: [0..80)

// Correct: `<` against the end pointer.
void end_lt_ok(void) {
  char src[64] = {0};
  const char *p = src;
  __asm__ volatile("1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tcmp %1, %0\n\tjb 1b"
                   : "+r"(p) : "r"(src + sizeof src), "m"(src) : "xmm0", "memory");
}
// EXPLAIN: block {{.*}} in end_lt_ok
// EXPLAIN: stays < %1 (`src + sizeof src`) (offset 64) (line 4); in bounds on every iteration{{.*}}

// Buggy: `loop` with a constant count one too many.
void loop_insn_bad(void) {
  char b[8] = {0};
  char *d = b;
  // CHECK: loop-range.c:[[@LINE+1]]:36: error: `movb $0, (%{{r..}})` in a loop of 9 iterations writes `b[0..9)`, past the end of `b` (local, 8 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("mov $9, %%ecx\n1:\tmovb $0, (%0)\n\tadd $1, %0\n\tloop 1b" : "+r"(d) : : "rcx", "memory");
}

// Correct: the count is the size.
void loop_insn_ok(void) {
  char b[8] = {0};
  char *d = b;
  __asm__ volatile("mov $8, %%ecx\n1:\tmovb $0, (%0)\n\tadd $1, %0\n\tloop 1b" : "+r"(d) : : "rcx", "memory");
}

// Buggy: a counter counted up to `n` blocks, `n` up to 5 over 4 blocks.
void count_up_bad(size_t n) {
  char dst[64];
  char *p = dst;
  if (n == 0 || n > 5) return;
  // CHECK: loop-range.c:[[@LINE+1]]:{{[0-9]+}}: warning: when `n` = 5, `movdqu %xmm0, (%{{r..}})` in a loop of 5 iterations writes `dst[0..80)`, past the end of `dst` (local, 64 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("pxor %%xmm0, %%xmm0\n\txor %%ecx, %%ecx\n1:\n\tmovdqu %%xmm0, (%0)\n\tadd $16, %0\n\tadd $1, %%rcx\n\tcmp %1, %%rcx\n\tjb 1b"
                   : "+r"(p) : "r"(n) : "rcx", "xmm0", "memory");
}

// Correct: `n` up to 4.
void count_up_ok(size_t n) {
  char dst[64];
  char *p = dst;
  if (n == 0 || n > 4) return;
  __asm__ volatile("pxor %%xmm0, %%xmm0\n\txor %%ecx, %%ecx\n1:\n\tmovdqu %%xmm0, (%0)\n\tadd $16, %0\n\tadd $1, %%rcx\n\tcmp %1, %%rcx\n\tjb 1b"
                   : "+r"(p) : "r"(n) : "rcx", "xmm0", "memory");
}
// EXPLAIN: block {{.*}} in count_up_ok
// EXPLAIN: runs while 0, stepped by 1, stays < `n` (line 7); in bounds for every `n` in [1, 4]{{.*}}

// A parameter declared with its extent: 4 blocks, `n` blocks read.
void param_bad(const char src[static 64], size_t n) {
  if (n == 0 || n > 8) return;
  // CHECK: loop-range.c:[[@LINE+1]]:27: warning: when `n` = {{[5-8]}}, `movdqu (%{{r..}}), %xmm0` in a loop of {{[5-8]}} iterations reads `src[0..{{[0-9]+}})`, past the end of `src` (parameter, 64 bytes by its declaration `const char src[static 64]`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tsub $1, %1\n\tjnz 1b"
                   : "+r"(src), "+r"(n) : "m"(*(const char (*)[64])src) : "xmm0", "memory");
}

// A shape the story does not model (two backward jumps): not checked, and
// it says so.
void two_loops(void) {
  char b[8] = {0};
  char *d = b;
  __asm__ volatile("mov $9, %%ecx\n1:\tmovb $0, (%0)\n\tadd $1, %0\n\tdec %%ecx\n\tjnz 1b\n\tmov $2, %%ecx\n2:\tdec %%ecx\n\tjnz 2b"
                   : "+r"(d) : : "rcx", "memory");
}
// EXPLAIN: block {{.*}} in two_loops
// EXPLAIN: `movb $0, (%{{r..}})` writes 1 byte {{.*}}; the pointer moves in the block (a loop): bounds and alignment not checked (more than one backward jump)

// Buggy: a signed count that may be negative is a huge unsigned count; the
// counterexample shows the value the source has.
void signed_count_bad(long n) {
  char src[64] = {0};
  const char *p = src;
  if (n < -2 || n > 4 || n == 0) return;
  // CHECK: loop-range.c:[[@LINE+1]]:27: warning: when `n` = -{{[12]}}, `movdqu (%{{r..}}), %xmm0` in a loop of more than {{[0-9]+}} iterations (its count does not end first) reads `src[0..{{[0-9]+}})`, past the end of `src` (local, 64 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("1:\n\tmovdqu (%0), %%xmm0\n\tadd $16, %0\n\tsub $1, %1\n\tjnz 1b"
                   : "+r"(p), "+r"(n) : "m"(src) : "xmm0", "memory");
}
