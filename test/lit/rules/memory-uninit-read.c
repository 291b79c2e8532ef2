// RUN: not %asmstory %s -- -O0 | FileCheck %s --check-prefixes=CHECK,CLI -DERROR=error --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --check-prefixes=CHECK,CLI -DERROR=error --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s -DERROR=warning --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s -DERROR=warning --implicit-check-not='[asmstory-' %}
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// memory-uninit-read: the bytes a block reads from a local or fresh heap
// memory must be written before it on every path (LLVM's MemorySSA on the
// tool's analysis copy: the same findings at -O0 and -O2, CLI and plugin;
// the plugin reports every finding as a compiler warning).
#include <stdlib.h>
#include <string.h>

typedef long long v2di __attribute__((vector_size(16)));
void fill(char *p);

// A local read, never written.
long never_bad(void) {
  long v, r;
  // CHECK: memory-uninit-read.c:[[@LINE+1]]:17: [[ERROR]]: `movq {{.*}}, %rax` reads `v[0..8)`, never written before the asm (a local, 8 bytes): the bytes are uninitialized on every path{{.*}}[asmstory-memory-uninit-read]
  asm volatile("movq %1, %0" : "=r"(r) : "m"(v));
  // CLI: note: fix: initialize the memory before the asm, or make the operand an output ("=m") if the block is meant to write it first
  return r;
}

// Written on one path only.
int some_path_bad(int c) {
  int v, r;
  if (c) v = 1;
  // CHECK: memory-uninit-read.c:[[@LINE+1]]:17: warning: `movl {{.*}}, %eax` reads `v[0..4)`, written only on some paths to the asm (a local, 4 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("movl %1, %0" : "=r"(r) : "m"(v));
  return r;
}

// Fresh malloc memory.
long malloc_bad(void) {
  long r;
  char *p = malloc(16);
  // CHECK: memory-uninit-read.c:[[@LINE+1]]:17: [[ERROR]]: `movq (%rcx), %rax` reads bytes [0..8) of the heap allocation that %1 (`p`) points to, never written before the asm (fresh heap memory, 16 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("movq (%1), %0" : "=r"(r) : "r"(p) : "memory");
  free(p);
  return r;
}

// A 16-byte load of a buffer whose first 8 bytes were written.
v2di half_bad(const char *src) {
  char buf[16];
  v2di r;
  memcpy(buf, src, 8);
  // CHECK: memory-uninit-read.c:[[@LINE+1]]:17: [[ERROR]]: `movdqu {{.*}}, %xmm0` reads `buf[8..16)`, never written before the asm (a local, 16 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("movdqu %1, %0" : "=x"(r) : "m"(buf));
  // EXPLAIN: `movdqu (%{{r..}}), %xmm0` reads 16 bytes at %1 (`buf`)+0: points into local `buf` (16 bytes) at offset 0, align 16, read-write; in bounds; reads [8..16), never written{{$}}
  return r;
}

// ---- correct: silent -------------------------------------------------------

long written_ok(void) {
  long v = 5, r;
  asm volatile("movq %1, %0" : "=r"(r) : "m"(v));
  return r;
}

v2di memset_ok(void) {
  char buf[16];
  v2di r;
  memset(buf, 0, sizeof buf);
  asm volatile("movdqu %1, %0" : "=x"(r) : "m"(buf));
  // EXPLAIN: `movdqu (%{{r..}}), %xmm0` reads 16 bytes at %1 (`buf`)+0: points into local `buf` (16 bytes) at offset 0, align 16, read-write; in bounds: justified
  return r;
}

long calloc_ok(void) {
  long r;
  char *p = calloc(1, 16);
  asm volatile("movq 8(%1), %0" : "=r"(r) : "r"(p) : "memory");
  free(p);
  return r;
}

// Handed to an unknown function first: it may have written it.
v2di escaped_ok(void) {
  char buf[16];
  v2di r;
  fill(buf);
  asm volatile("movdqu %1, %0" : "=x"(r) : "m"(buf));
  return r;
}

// Written by an earlier block's "=m" output.
int earlier_output_ok(void) {
  int v, r;
  asm volatile("movl $1, %0" : "=m"(v));
  asm volatile("movl %1, %0" : "=r"(r) : "m"(v));
  return r;
}

// Written by an earlier block with a "memory" clobber.
long earlier_memory_ok(void) {
  char buf[8];
  long r;
  asm volatile("movq $0, (%0)" : : "r"(buf) : "memory");
  asm volatile("movq %1, %0" : "=r"(r) : "m"(buf));
  return r;
}

// The block writes the memory first, then reads it.
int writes_then_reads_ok(void) {
  int v, r;
  asm volatile("movl $7, %0\n\tmovl %0, %1" : "=m"(v), "=r"(r));
  return r;
}

// Filled in a loop (the trip count is not followed): not known, not reported.
v2di loop_ok(void) {
  char buf[16];
  v2di r;
  for (int i = 0; i < 16; i++) buf[i] = (char)i;
  asm volatile("movdqu %1, %0" : "=x"(r) : "m"(buf));
  // EXPLAIN: `movdqu (%{{r..}}), %xmm0` reads 16 bytes at %1 (`buf`)+0: points into local `buf` (16 bytes) at offset 0, align 16, read-write; in bounds; initialization of the bytes read not known{{$}}
  return r;
}

// Padding of a struct holds no value: a read of the whole struct after
// every field is written is silent.
struct padded { char c; long l; };
v2di padding_ok(void) {
  struct padded s;
  v2di r;
  s.c = 1;
  s.l = 2;
  asm volatile("movdqu %1, %0" : "=x"(r) : "m"(s));
  return r;
}

// aligned_alloc memory is as fresh as malloc's.
long aligned_alloc_bad(void) {
  long r;
  char *p = aligned_alloc(16, 32);
  // CHECK: memory-uninit-read.c:[[@LINE+1]]:17: [[ERROR]]: `movq 16(%rcx), %rax` reads bytes [16..24) of the heap allocation that %1 (`p`) points to, never written before the asm (fresh heap memory, 32 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("movq 16(%1), %0" : "=r"(r) : "r"(p) : "memory");
  free(p);
  return r;
}
