// vzeroupper zeroes bits 128 and up of ymm0-ymm15 and keeps their low 128
// bits, the xmm registers.  In SSE code the compiler keeps nothing wider
// than 128 bits in them: nothing it holds changes, and the block is
// silent.  Built with AVX, the compiler may keep a 256-bit value there
// across the block: a clobber is missing.  vzeroall zeroes the xmm
// registers too, in any build.
// RUN: not %asmstory %s | FileCheck %s --check-prefix=SSE --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -mavx | FileCheck %s --check-prefixes=SSE,AVX --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -march=haswell | FileCheck %s --check-prefixes=SSE,AVX --implicit-check-not='[asmstory-'
// RUN: not %asmstory --target=i386-pc-linux-gnu %s -- -mavx | FileCheck %s --check-prefixes=I386 --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -mavx -fsyntax-only %s 2>&1 | FileCheck %s --check-prefixes=SSE,AVX --implicit-check-not='[asmstory-' %}

typedef float v4sf __attribute__((vector_size(16)));

// Correct in SSE code; in AVX code the upper halves of ymm0-ymm15 are lost.
void upper(void) {
  // AVX: vector-upper.c:[[@LINE+4]]:21: warning: the block changes ymm0, ymm1, {{.*}}, ymm15 but declares them neither as an output nor as a clobber; the compiler may keep a live value there across the asm [asmstory-clobber-missing]
  // AVX: note: `vzeroupper` zeroes bits 128 and up of ymm0, ymm1, {{.*}}, ymm15 (the low 128 bits keep their value), where the compiler may keep values wider than 128 bits
  // AVX: note: fix: add "ymm0", "ymm1", {{.*}}, "ymm15" to the clobbers
  // I386: vector-upper.c:[[@LINE+1]]:21: warning: the block changes ymm0, ymm1, ymm2, ymm3, ymm4, ymm5, ymm6, ymm7 but {{.*}}[asmstory-clobber-missing]
  __asm__ volatile("vzeroupper");
}
void upper_ok(void) {
  __asm__ volatile("vzeroupper" ::: "ymm0", "ymm1", "ymm2", "ymm3", "ymm4", "ymm5", "ymm6", "ymm7",
                   "ymm8", "ymm9", "ymm10", "ymm11", "ymm12", "ymm13", "ymm14", "ymm15");
}
// A 128-bit operand keeps its value in any build.
v4sf keep_xmm_ok(v4sf x) {
  __asm__ volatile("vzeroupper" : "+x"(x) : : "ymm1", "ymm2", "ymm3", "ymm4", "ymm5", "ymm6", "ymm7",
                   "ymm8", "ymm9", "ymm10", "ymm11", "ymm12", "ymm13", "ymm14", "ymm15");
  return x;
}

// vzeroall: every bit.
void all_bad(void) {
  // SSE: vector-upper.c:[[@LINE+3]]:21: warning: the block changes ymm0, ymm1, {{.*}}, ymm15 but declares them neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  // I386: vector-upper.c:[[@LINE+2]]:21: warning: the block changes ymm0, ymm1, ymm2, ymm3, ymm4, ymm5, ymm6, ymm7 but {{.*}}[asmstory-clobber-missing]
  // SSE: note: fix: add "ymm0", "ymm1", {{.*}}, "ymm15" to the clobbers
  __asm__ volatile("vzeroall");
}
void all_ok(void) {
  __asm__ volatile("vzeroall" ::: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
                   "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}
