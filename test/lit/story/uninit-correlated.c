// RUN: %asmstory %s -- -O0 | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// RUN: %asmstory %s -- -O2 | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// RUN: %asmstory --explain %s -- -O0 | FileCheck %s --check-prefix=EXPLAIN
// RUN: not %asmstory %s -- -O0 -DSOME_PATHS | FileCheck %s --check-prefix=SOME --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --allow-empty --implicit-check-not='[asmstory-' %}
// memory-uninit-read is path-sensitive for correlated branches: a local
// written under `if (c)` and read by an asm under the same `if (c)` is
// written on every path that reaches the asm.  A read the condition does
// not guard is written only on some paths: a warning, never an error.

// Correct: the same condition guards the write and the read.
unsigned long correlated(int c) {
  char buf[16];
  unsigned long r = 0;
  if (c) __builtin_memset(buf, 1, sizeof buf);
  r++;
  if (c) __asm__("movq %1, %0" : "=r"(r) : "m"(*(char (*)[8])buf));
  return r;
}
// EXPLAIN: `movq (%{{r..}}), %{{r..}}` reads 8 bytes at %1{{.*}}points into local `buf` (16 bytes) at offset 0{{.*}}: justified

// Correct: the path that skips the write returns before the asm.
unsigned long early_return(int c) {
  char buf[16];
  unsigned long r = 0;
  if (c) __builtin_memset(buf, 2, sizeof buf);
  if (!c) return 0;
  __asm__("movq %1, %0" : "+r"(r) : "m"(*(char (*)[8])buf));
  return r;
}

#ifdef SOME_PATHS
// Buggy: the read is not guarded, so the path without the write reaches it:
// a warning (written on some paths), not an error.
unsigned long unguarded(int c) {
  char buf[16];
  unsigned long r = 0;
  if (c) __builtin_memset(buf, 1, sizeof buf);
  // SOME: uninit-correlated.c:[[@LINE+1]]:{{[0-9]+}}: warning: `movq (%{{r..}}), %{{r..}}` reads `buf[0..8)`, written only on some paths to the asm (a local, 16 bytes){{.*}} [asmstory-memory-uninit-read]
  __asm__("movq %1, %0" : "=r"(r) : "m"(*(char (*)[8])buf));
  return r;
}
#endif
