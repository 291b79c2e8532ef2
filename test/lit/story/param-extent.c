// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// The plugin's IR has no value names: the declaration is found by position.
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O1 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
// A parameter declared `T p[static N]` has at least N elements: its
// extent is written down, so accesses through it are checked against it.

// Correct: 32 bytes of 64-byte parameters.
void copy64(char dst[static 64], const char src[static 64]) {
  __asm__ volatile("movdqu (%1), %%xmm0\n\tmovdqu %%xmm0, (%0)\n\tmovdqu 16(%1), %%xmm0\n\tmovdqu %%xmm0, 16(%0)"
                   :: "r"(dst), "r"(src) : "xmm0", "memory");
}
// EXPLAIN: `movdqu 16(%rcx), %xmm0` reads 16 bytes at %1 (`src`)+16: points into parameter `src` (64 bytes) at offset 0, align 1, read-write; extent 64 bytes, from its declaration `const char src[static 64]`; in bounds: justified

// Buggy: 32 bytes of 16-byte parameters.
void copy_bad(char dst[static 16], const char src[static 16]) {
  // CHECK: param-extent.c:[[@LINE+4]]:{{[0-9]+}}: error: `movdqu 16(%rcx), %xmm0` reads `src[16..32)`, past the end of `src` (parameter, 16 bytes by its declaration `const char src[static 16]`) [asmstory-memory-out-of-bounds]
  // CHECK: note: also: `movdqu %xmm0, 16(%rax)` writes `dst[16..32)`, past the end of `dst` (parameter, 16 bytes by its declaration `char dst[static 16]`)
  // PLUGIN: param-extent.c:[[@LINE+2]]:{{[0-9]+}}: warning: `movdqu 16(%rcx), %xmm0` reads bytes [16..32) of the parameter that %1 (`src`) points to, past the end of it (16 bytes by its declaration `const char src[static 16]`) [asmstory-memory-out-of-bounds]
  // PLUGIN: note: also: `movdqu %xmm0, 16(%rax)` writes bytes [16..32) of the parameter that %0 (`dst`) points to, past the end of it (16 bytes by its declaration `char dst[static 16]`)
  __asm__ volatile("movdqu (%1), %%xmm0\n\tmovdqu %%xmm0, (%0)\n\tmovdqu 16(%1), %%xmm0\n\tmovdqu %%xmm0, 16(%0)"
                   :: "r"(dst), "r"(src) : "xmm0", "memory");
}
// EXPLAIN: `movdqu 16(%rcx), %xmm0` reads 16 bytes at %1 (`src`)+16: points into parameter `src` (16 bytes) at offset 0, align 1, read-write; extent 16 bytes, from its declaration `const char src[static 16]`; out of bounds [16..32)

// Elements, not bytes: 4 ints are 16 bytes; a memory operand through it.
unsigned long long load_ints(const int v[static 4]) {
  unsigned long long r;
  // PLUGIN: param-extent.c:[[@LINE+2]]:{{[0-9]+}}: warning: `vmovdqu (%{{r..}}), %ymm0` reads bytes [0..32) of the parameter that %1 ({{.*}}) points to, past the end of it (16 bytes by its declaration `const int v[static 4]`) [asmstory-memory-out-of-bounds]
  // CHECK: param-extent.c:[[@LINE+1]]:{{[0-9]+}}: error: `vmovdqu (%{{r..}}), %ymm0` reads `v[0..32)`, past the end of `v` (parameter, 16 bytes by its declaration `const int v[static 4]`) [asmstory-memory-out-of-bounds]
  __asm__("vmovdqu %1, %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "m"(*(const char(*)[32])v) : "xmm0");
  return r;
}

// No extent written down: the story still assumes the caller.
void copy_any(char *dst, const char *src) {
  __asm__ volatile("movdqu (%1), %%xmm0\n\tmovdqu %%xmm0, (%0)" :: "r"(dst), "r"(src) : "xmm0", "memory");
}
// EXPLAIN: `movdqu (%rcx), %xmm0` reads 16 bytes at %1 (`src`)+0: points into parameter `src` at offset 0, align 1, read-write; extent unknown: the story assumes the caller passed a large enough object: justified
