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
