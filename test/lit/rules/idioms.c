// RUN: not %asmstory %s -- -mavx512f | FileCheck %s --implicit-check-not='[asmstory-'
// Idioms seen in real code that read nothing, or touch nothing: each correct
// form stays silent, and a near miss that really is wrong is still reported.
typedef int v4 __attribute__((vector_size(16)));
typedef int v8 __attribute__((vector_size(32)));
typedef int v16 __attribute__((vector_size(64)));

// All-ones and zero idioms: equal sources, any register width.
v4 ones_ok(void) {
  v4 r;
  __asm__("pcmpeqd %0, %0" : "=x"(r));
  return r;
}
v8 avx_zero_ok(void) {
  v8 r;
  __asm__("vpxor %%ymm1, %%ymm1, %0" : "=x"(r));
  return r;
}
v8 avx_ones_ok(void) {
  v8 r;
  __asm__("vpcmpeqd %%ymm3, %%ymm3, %0" : "=x"(r));
  return r;
}
v16 ternlog_ones_ok(void) {
  v16 r;
  __asm__("vpternlogd $0xff, %0, %0, %0" : "=v"(r));
  return r;
}
v4 xorps_avx_ok(void) {
  v4 r;
  __asm__("vxorps %%xmm5, %%xmm5, %0" : "=x"(r));
  return r;
}
// Different sources: the result depends on registers nobody defined.
v8 avx_mixed_bad(void) {
  v8 r;
  // CHECK: idioms.c:[[@LINE+1]]:12: warning: {{.*}}[asmstory-undefined-read]
  __asm__("vpxor %%ymm1, %%ymm2, %0" : "=x"(r));
  return r;
}
v4 ones_bad(v4 a) {
  v4 r;
  // CHECK: idioms.c:[[@LINE+1]]:12: warning: the block uses the value of output-only operand %0 {{.*}}[asmstory-undefined-read]
  __asm__("pcmpeqd %1, %0" : "=x"(r) : "x"(a));
  return r;
}

// Alignment directives pad with no-ops.
void aligned_ok(void) {
  __asm__ volatile(".p2align 4\n\tnop\n\t.balign 8\n\tnop\n\t.align 16\n\tnop");
}
// A fill value is data inside the code: not modeled.
void aligned_fill(void) {
  // CHECK: idioms.c:[[@LINE+1]]:21: note: the block is not verified: it contains an alignment directive with a fill value [asmstory-unmodeled]
  __asm__ volatile(".p2align 4, 0xcc\n\tnop");
}

// The locked no-op on the stack top is a fence (Linux's smp_mb on x86-64):
// it rewrites the bytes there with their own value.
void fence_ok(void) {
  __asm__ volatile("lock; orq $0, (%%rsp)" ::: "memory", "cc");
}
void fence_add_ok(void) {
  __asm__ volatile("lock; addl $0, (%%rsp)" ::: "memory", "cc");
}
// Adding 1 changes the caller's data.
void fence_bad(void) {
  // CHECK: idioms.c:[[@LINE+1]]:27: warning: `orq $1, (%rsp)` reads and writes the caller's stack frame {{.*}}[asmstory-memory-no-provenance]
  __asm__ volatile("lock; orq $1, (%%rsp)" ::: "memory", "cc");
}
