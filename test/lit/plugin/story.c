// The pass plugin tells the permission story of each emitted asm call with
// the provenance facts LLVM has after optimization; its findings are
// reported once per statement, at the instruction inside the asm string.
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O1 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// The Clang plugin alone reports no story (it has no IR).
// RUN: %clang -fplugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 | count 0
// Only the story rules, and with ThinLTO (the pass runs in the pre-link pipeline).
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -fplugin-arg-asmstory-checks=-*,memory-out-of-bounds \
// RUN:   -O2 -flto=thin -c %s -o %t.bc 2>&1 | FileCheck %s --implicit-check-not='[asmstory-'

// A 32-byte load from a 16-byte local array.
unsigned long long load32(void) {
  char buf[16] = {0};
  unsigned long long r;
  // CHECK: story.c:[[@LINE+1]]:8: warning: `vmovdqu (%{{r..}}), %ymm0` reads `buf[0..32)`, past the end of `buf` (local, 16 bytes) [asmstory-memory-out-of-bounds] [-Winline-asm]
  asm("vmovdqu %1, %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "m"(*(char(*)[32])buf) : "xmm0");
  return r;
}

// Inlined into three callers: one story per copy, one warning for the
// statement; what only some copies find names them.
static inline void store32(char *p) {
  // CHECK: story.c:[[@LINE+1]]:49: warning: `vmovdqu %ymm0, (%{{r..}})` writes bytes [0..32) of the local that %0 (`p`) points to, past the end of it (24 bytes) (in the copies in `caller1` and `caller3`) [asmstory-memory-out-of-bounds] [-Winline-asm]
  asm volatile("vpxor %%ymm0, %%ymm0, %%ymm0\n\tvmovdqu %%ymm0, (%0)" : : "r"(p) : "xmm0", "memory");
  // CHECK: story.c:[[@LINE-1]]:49: note: also: {{.*}} past the end of it (16 bytes) (in the copy in `caller2`)
  // CHECK-NOT: note: also:
}
void caller1(void) {
  char small[24];
  store32(small);
  asm volatile("" : : "r"(small) : "memory");
}
void caller2(void) {
  char small2[16];
  store32(small2);
  asm volatile("" : : "r"(small2) : "memory");
}
void caller3(void) {
  char small3[24];
  store32(small3);
  asm volatile("" : : "r"(small3) : "memory");
}

// Inlined twice, too small both times: one warning that names no copy.
static inline void store32b(char *p) {
  // CHECK: story.c:[[@LINE+1]]:49: warning: `vmovdqu %ymm0, (%{{r..}})` writes bytes [0..32) of the local that %0 (`p`) points to, past the end of it (8 bytes) [asmstory-memory-out-of-bounds] [-Winline-asm]
  asm volatile("vpxor %%ymm0, %%ymm0, %%ymm0\n\tvmovdqu %%ymm0, (%0)" : : "r"(p) : "xmm0", "memory");
  // CHECK-NOT: note: also:
}
void caller4(void) {
  char b[8], c[8];
  store32b(b);
  store32b(c);
  asm volatile("" : : "r"(b), "r"(c) : "memory");
}

// Correct: a 16-byte load from a 16-byte array.
unsigned long long load16(void) {
  char buf[16] = {0};
  unsigned long long r;
  asm("movdqu %1, %%xmm0\n\tmovq %%xmm0, %0" : "=r"(r) : "m"(buf) : "xmm0");
  return r;
}
