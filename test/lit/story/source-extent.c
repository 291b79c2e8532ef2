// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// The plugin's IR has no value names: a value without a source expression
// is "the size value" there.
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O1 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
// Extents the source writes down as values rather than constants: a flexible
// array member's __counted_by count, an allocator's alloc_size argument, and
// an end pointer `src + n`.  The story keeps the value symbolic: a count over
// the same value is tied to it, and the counterexample names it.
#include <stddef.h>

struct msg {
  unsigned n;
  unsigned flags;
  int data[] __attribute__((counted_by(n)));
};

// Buggy: 16 bytes of `s->data`, which holds `s->n` ints.
void head_bad(struct msg *s) {
  // PLUGIN: source-extent.c:[[@LINE+2]]:{{[0-9]+}}: warning: when `s->n` = {{[0-3]}}, {{.*}} (8+`s->n`*4 = {{[0-9]+}} bytes, from `__counted_by(n)`) [asmstory-memory-out-of-bounds]
  // CHECK: source-extent.c:[[@LINE+1]]:{{[0-9]+}}: warning: when `s->n` = 3, `movdqu (%{{r..}}), %xmm0` reads `s[8..24)`, past the end of `s` (parameter, 8+`s->n`*4 = 20 bytes, from `__counted_by(n)`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("movdqu (%0), %%xmm0" :: "r"(s->data) : "xmm0", "memory");
}
// EXPLAIN-DAG: `movdqu (%{{r..}}), %xmm0` reads 16 bytes at %0 (`s->data`)+0: points into parameter `s` at offset 8, {{.*}}; extent 8+`s->n`*4 bytes, from `__counted_by(n)`; out of bounds when `s->n` = {{[0-3]}}, [8..24)

// Correct: the count is checked first.
void head_ok(struct msg *s) {
  if (s->n < 4) return;
  __asm__ volatile("movdqu (%0), %%xmm0" :: "r"(s->data) : "xmm0", "memory");
}

// Buggy: the count taken as bytes is fine, but as 8-byte words it is not.
void clear_bad(struct msg *s) {
  void *d = s->data;
  unsigned long c = s->n;
  // PLUGIN: source-extent.c:[[@LINE+2]]:{{[0-9]+}}: warning: when `s->n` = {{[0-9]+}}, {{.*}} (8+`s->n`*4 = {{[0-9]+}} bytes, from `__counted_by(n)`) [asmstory-memory-out-of-bounds]
  // CHECK: source-extent.c:[[@LINE+1]]:{{[0-9]+}}: error: when `s->n` = {{[0-9]+}}, `rep stosq %rax, %es:(%rdi)` writes `s[8..{{[0-9]+}})`, past the end of `s` (parameter, 8+`s->n`*4 = {{[0-9]+}} bytes, from `__counted_by(n)`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("rep stosq" : "+D"(d), "+c"(c) : "a"(0ul) : "memory");
}

// Correct: 4-byte stores, one per element.
void clear_ok(struct msg *s) {
  void *d = s->data;
  unsigned long c = s->n;
  __asm__ volatile("rep stosl" : "+D"(d), "+c"(c) : "a"(0u) : "memory");
}
// EXPLAIN-DAG: `rep stosl %eax, %es:(%rdi)` writes 4 bytes per iteration {{.*}}; extent 8+`s->n`*4 bytes, from `__counted_by(n)`; in bounds for every `s->n` in [{{[0-9]+}}, {{[0-9]+}}]: justified

void *pool_get(size_t n) __attribute__((alloc_size(1)));
void *pool_array(size_t count, size_t size) __attribute__((alloc_size(1, 2)));

// Buggy: one byte past the `n` bytes asked for.
void fill_bad(size_t n) {
  char *p = pool_get(n);
  char *d = p;
  size_t c = n + 1;
  // PLUGIN: source-extent.c:[[@LINE+2]]:{{[0-9]+}}: warning: when the size value = {{[0-9]+}}, {{.*}} (the size value = {{[0-9]+}} bytes, from `alloc_size(1)` of `pool_get`) [asmstory-memory-out-of-bounds]
  // CHECK: source-extent.c:[[@LINE+1]]:{{[0-9]+}}: error: when `n` = {{[0-9]+}}, `rep stosb %al, %es:(%rdi)` writes bytes [0..{{[0-9]+}}) of the heap allocation that %0 (`d`) points to, past the end of it (`n` = {{[0-9]+}} bytes, from `alloc_size(1)` of `pool_get`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(c) : "a"(0), "r"(p) : "memory");
}

// Correct: the `n` bytes asked for.
void fill_ok(size_t n) {
  char *p = pool_get(n);
  char *d = p;
  size_t c = n;
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(c) : "a"(0), "r"(p) : "memory");
}
// EXPLAIN-DAG: `rep stosb %al, %es:(%rdi)` writes 1 byte per iteration {{.*}}; extent `n` bytes, from `alloc_size(1)` of `pool_get`; in bounds for every `n` in [{{[0-9]+}}, {{[0-9]+}}]: justified

// Buggy: 32 bytes of an array of `k` 4-byte elements, any k.
void vec_bad(size_t k) {
  int *v = pool_array(k, 4);
  // PLUGIN: source-extent.c:[[@LINE+2]]:{{[0-9]+}}: warning: when {{.*}} [asmstory-memory-out-of-bounds]
  // CHECK: source-extent.c:[[@LINE+1]]:{{[0-9]+}}: warning: when `k` = {{[0-7]}}, `vmovdqu %ymm0, (%{{r..}})` writes bytes [0..32) of the heap allocation that %0 (`v`) points to, past the end of it (`k`*4 = {{[0-9]+}} bytes, from `alloc_size(1, 2)` of `pool_array`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("vpxor %%xmm0, %%xmm0, %%xmm0\n\tvmovdqu %%ymm0, (%0)" :: "r"(v) : "xmm0", "memory");
}

// Correct: at least 8 elements.
void vec_ok(size_t k) {
  if (k < 8) return;
  int *v = pool_array(k, 4);
  __asm__ volatile("vpxor %%xmm0, %%xmm0, %%xmm0\n\tvmovdqu %%ymm0, (%0)" :: "r"(v) : "xmm0", "memory");
}

// Buggy: the end pointer `buf + n` may be past a 64-byte buffer.
unsigned sum_bad(size_t n) {
  unsigned char buf[64];
  __builtin_memset(buf, 1, sizeof buf);
  if (n == 0 || n > 128) return 0;
  const unsigned char *p = buf, *end = buf + n;
  unsigned s = 0;
  // PLUGIN: source-extent.c:[[@LINE+2]]:{{[0-9]+}}: warning: when {{.*}} [asmstory-memory-out-of-bounds]
  // CHECK: source-extent.c:[[@LINE+1]]:{{[0-9]+}}: warning: when `n` = {{(6[5-9]|[7-9][0-9]|1[0-2][0-9])}}, `addb (%{{r..}}), %{{.*}}` in a loop of {{[0-9]+}} iterations reads `buf[0..{{[0-9]+}})`, past the end of `buf` (local, 64 bytes) [asmstory-memory-out-of-bounds]
  __asm__("1: addb (%1), %b0\n\tinc %1\n\tcmp %2, %1\n\tjb 1b" : "+r"(s), "+r"(p) : "r"(end) : "memory");
  return s;
}
// EXPLAIN-DAG: `addb (%{{r..}}), %{{.*}}` reads 1 byte at %1 {{.*}} stays < %2 (`end`) (offset `n`) {{.*}}; out of bounds when `n` = {{[0-9]+}}, in {{[0-9]+}} iterations: [0..{{[0-9]+}})

// Correct: `n` in [1, 64].
unsigned sum_ok(size_t n) {
  unsigned char buf[64] = {1};
  const unsigned char *p = buf;
  unsigned s = 0;
  if (n - 1 < sizeof buf)
    __asm__("1: addb (%1), %b0\n\tinc %1\n\tcmp %2, %1\n\tjb 1b" : "+r"(s), "+r"(p) : "r"(buf + n) : "memory");
  return s;
}
// EXPLAIN-DAG: `addb (%{{r..}}), %{{.*}}` reads 1 byte at %1 {{.*}} stays < %2 ({{.*}}) (offset `n`) {{.*}}; in bounds for every `n` in [1, 64]{{.*}}

// No extent written down: the story still assumes the caller.
void copy_any(char *dst, const char *src) {
  __asm__ volatile("movdqu (%1), %%xmm0\n\tmovdqu %%xmm0, (%0)" :: "r"(dst), "r"(src) : "xmm0", "memory");
}
// EXPLAIN-DAG: `movdqu (%rcx), %xmm0` reads 16 bytes at %1 (`src`)+0: points into parameter `src` at offset 0, align 1, read-write; extent unknown: the story assumes the caller passed a large enough object: justified
