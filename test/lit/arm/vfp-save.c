// RUN: not %asmstory %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// vpush/vpop of d and s registers save and restore them like push/pop of
// core registers: d8 is half of q4 (s21 a quarter of q5), and the parts
// a block saves and pops back hold their entry value again.

/* d8 saved, used as a scratch, then `end` */
#define USE_D8(end) "vpush {d8}\n\tvmov.f64 d8, %P1\n\tvadd.f64 %P0, d8, d8\n\t" end

double vpush_ok(double x) {
  double r;
  asm volatile(USE_D8("vpop {d8}") : "=w"(r) : "w"(x));
  return r;
}
double vpush_pair_ok(double x) {
  double r;
  asm volatile("vpush {d8-d9}\n\tvpush {s21}\n\tvmov.f64 d9, %P1\n\tvmov.f64 d8, %P1\n\tvmov s21, s0\n\t"
               "vadd.f64 %P0, d8, d9\n\tvpop {s21}\n\tvpop {d8-d9}"
               : "=w"(r) : "w"(x) : "s0");
  return r;
}
// Popped into the other half of q4: d8 keeps the block's value, d9 gets d8's.
double vpush_swapped_bad(double x) {
  double r;
  // CHECK: vfp-save.c:[[@LINE+3]]:{{[0-9]+}}: warning: the block changes d8, d9 but declares them neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  // CHECK: note: `vpop {d9}` writes d9 and the block does not restore d8, d9
  // CHECK: note: fix: add "d8", "d9" to the clobbers
  asm volatile(USE_D8("vpop {d9}") : "=w"(r) : "w"(x));
  return r;
}
// The slot dropped instead of popped: d8 is not restored.
double vpush_dropped_bad(double x) {
  double r;
  // CHECK: vfp-save.c:[[@LINE+3]]:{{[0-9]+}}: warning: the block changes d8 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  // CHECK: note: `vmov.f64 d8, d{{[0-9]+}}` writes d8 and the block does not restore it
  // CHECK: note: fix: add "d8" to the clobbers
  asm volatile(USE_D8("add sp, sp, #8") : "=w"(r) : "w"(x));
  return r;
}

/* A clobber names only its part: "d8" declares lanes 0-1 of q4, not d9. */
void d9_written_d8_declared(void) {
  // CHECK: vfp-save.c:[[@LINE+2]]:{{[0-9]+}}: warning: the block changes d9 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  // CHECK: note: fix: add "d9" to the clobbers
  __asm__ volatile("vmov.f64 d9, #1.0" : : : "d8");
}
void d8_written_d8_declared(void) { __asm__ volatile("vmov.f64 d8, #1.0" : : : "d8"); }
void q4_written_halves_declared(void) {
  __asm__ volatile("vmov.f64 d8, #1.0\n\tvmov.f64 d9, #1.0" : : : "d8", "d9");
}
void d9_written_q4_declared(void) { __asm__ volatile("vmov.f64 d9, #1.0" : : : "q4"); }
void s17_written_d8_declared(void) { __asm__ volatile("vmov.f32 s17, #1.0" : : : "d8"); }
