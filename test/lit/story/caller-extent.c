// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
// A pointer parameter has no extent of its own, but the calls of the
// function in the translation unit pass objects that have one: an asm the
// function runs on every entry is checked once per call, with that call's
// objects and values, and a finding names the caller.
#include <stddef.h>
#include <stdlib.h>

// Reads 16 bytes, writes 16 bytes.
static __attribute__((noinline)) void copy16(char *dst, const char *src) {
  // CHECK: caller-extent.c:[[@LINE+2]]:{{[0-9]+}}: error: `movdqu (%rcx), %xmm0` reads `tail[0..16)`, past the end of `tail` (local, 8 bytes) (when called from `short_tail`) [asmstory-memory-out-of-bounds]
  // PLUGIN: caller-extent.c:[[@LINE+1]]:{{[0-9]+}}: warning: `movdqu (%rcx), %xmm0` reads bytes [0..16) of the local that %1 (`src`) points to, past the end of it (8 bytes) (when called from `short_tail`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("movdqu (%1), %%xmm0\n\tmovdqu %%xmm0, (%0)"
                   :: "r"(dst), "r"(src) : "xmm0", "memory");
}
// EXPLAIN: `movdqu (%rcx), %xmm0` reads 16 bytes at %1 (`src`)+0: points into parameter `src` at offset 0, align 1, read-write; extent unknown: the story assumes the caller passed a large enough object (checked again with the objects of each call: from `short_tail`, `full`): justified

// Buggy: 8 bytes where the block reads 16.
void short_tail(char *out) {
  char tail[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  copy16(out, tail);
}
// Correct: 16 bytes and more.
void full(char *out) {
  char block[32] = {0};
  copy16(out, block + 16);
}

// A count from the caller: rep movsb of n bytes.
static __attribute__((noinline)) void copy_n(char *dst, const char *src, size_t n) {
  // CHECK: caller-extent.c:[[@LINE+2]]:{{[0-9]+}}: error: when `n` = 24, `rep movsb (%rsi), %es:(%rdi)` writes `small[0..24)`, past the end of `small` (local, 16 bytes) (when called from `count_in_elements`) [asmstory-memory-out-of-bounds]
  // PLUGIN: caller-extent.c:[[@LINE+1]]:{{[0-9]+}}: warning: when {{.*}} = 24, `rep movsb (%rsi), %es:(%rdi)` writes bytes [0..24) of the local that %0 (`dst`) points to, past the end of it (16 bytes) (when called from `count_in_elements`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) :: "memory");
}
// Buggy: a count of 3-byte elements taken as bytes... of 8 elements.
void count_in_elements(const char *src) {
  char small[16];
  copy_n(small, src, 8 * 3);
  __asm__ volatile("" :: "r"(small) : "memory");
}
// Correct: the count is the object's size.
void count_exact(const char *src) {
  char big[64];
  copy_n(big, src, sizeof big);
  __asm__ volatile("" :: "r"(big) : "memory");
}

// Correct: the asm runs only when the callee's test lets it, so a caller's
// small object may never reach it: not checked per call.
static __attribute__((noinline)) void guarded(char *dst, const char *src, size_t len) {
  if (len < 16) return;
  __asm__ volatile("movdqu (%1), %%xmm0\n\tmovdqu %%xmm0, (%0)"
                   :: "r"(dst), "r"(src) : "xmm0", "memory");
}
void guarded_short(char *out) {
  char tail[8] = {0};
  guarded(out, tail, sizeof tail);
}

// Correct: a null pointer or a heap block of the right size from a caller.
static __attribute__((noinline)) void load16(const char *src) {
  __asm__ volatile("movdqu (%0), %%xmm0" :: "r"(src) : "xmm0", "memory");
}
void heap_ok(void) {
  char *p = calloc(1, 16);
  if (p) load16(p);
  free(p);
}
