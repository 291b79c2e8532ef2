// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'

// movdqa on buf + 1 of a 16-aligned buffer: faults on every execution.
void plus_one(void) {
  char buf[64] = {0};
  // CHECK: memory-misaligned.c:[[@LINE+1]]:17: error: `movdqa (%rax), %xmm0` needs 16-byte alignment, but %0 (`buf + 1`)+0 is at offset 1 of `buf` (aligned 16): it faults on every execution [asmstory-memory-misaligned]
  asm volatile("movdqa (%0), %%xmm0" : : "r"(buf + 1) : "xmm0", "memory");
}
// vmovdqa through a char pointer parameter: alignment not provable.
void param(const char *p) {
  // CHECK: memory-misaligned.c:[[@LINE+1]]:17: warning: `vmovdqa (%rax), %ymm0` needs 32-byte alignment, but %0 (`p`)+0 is only known to be 1-byte aligned{{.*}}[asmstory-memory-misaligned]
  asm volatile("vmovdqa (%0), %%ymm0" : : "r"(p) : "xmm0", "memory");
}

// Correct: _Alignas(32); a pointer to a 32-byte-aligned type; movdqu.
void aligned_local(void) {
  _Alignas(32) char buf[64] = {0};
  asm volatile("vmovdqa (%0), %%ymm0" : : "r"(buf) : "xmm0", "memory");
}
typedef struct { _Alignas(32) char b[32]; } block32;
void aligned_type(const block32 *p) {
  asm volatile("vmovdqa (%0), %%ymm0" : : "r"(p) : "xmm0", "memory");
}
void unaligned_ok(const char *p) {
  asm volatile("movdqu (%0), %%xmm0" : : "r"(p) : "xmm0", "memory");
}
