// Upstream bug shapes on AArch64.
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang --target=aarch64-linux-gnu -fplugin=%asmstory_so -O2 -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=PLUGIN %}

// (a) A 128-bit compare-and-swap with casp that tells the compiler nothing
// about the memory it writes (no memory operand, no "memory" clobber).
typedef struct { unsigned long lo, hi; } __attribute__((aligned(16))) u128;
int cas128_bad(u128 *p, u128 old, u128 new) {
  register unsigned long x0 __asm__("x0") = old.lo, x1 __asm__("x1") = old.hi;
  register unsigned long x2 __asm__("x2") = new.lo, x3 __asm__("x3") = new.hi;
  __asm__ __volatile__("caspal %0, %1, %2, %3, [%4]" : "+r"(x0), "+r"(x1) : "r"(x2), "r"(x3), "r"(p));
  return x0 == old.lo && x1 == old.hi;
}
// CHECK: bugs.c:11:25: warning: `caspal x0, x1, x2, x3, [x4]` reads memory through the pointer in %4 (`p`){{.*}}[asmstory-memory-read-undeclared]
// CHECK: bugs.c:11:25: warning: `caspal x0, x1, x2, x3, [x4]` writes memory through the pointer in %4 (`p`){{.*}}[asmstory-memory-write-undeclared]
// PLUGIN: bugs.c:11:25: warning: {{.*}}[asmstory-memory-read-undeclared]
int cas128_ok(u128 *p, u128 old, u128 new) {
  register unsigned long x0 __asm__("x0") = old.lo, x1 __asm__("x1") = old.hi;
  register unsigned long x2 __asm__("x2") = new.lo, x3 __asm__("x3") = new.hi;
  __asm__ __volatile__("caspal %0, %1, %3, %4, %2" : "+r"(x0), "+r"(x1), "+Q"(*p) : "r"(x2), "r"(x3));
  return x0 == old.lo && x1 == old.hi;
}

// The same with an ldxp/stxp loop.
void add128_bad(u128 *p, unsigned long v) {
  unsigned long lo, hi, tmp;
  __asm__ __volatile__("1: ldxp %0, %1, [%3]\n\tadds %0, %0, %4\n\tadc %1, %1, xzr\n\t"
                       "stxp %w2, %0, %1, [%3]\n\tcbnz %w2, 1b"
                       : "=&r"(lo), "=&r"(hi), "=&r"(tmp) : "r"(p), "r"(v) : "cc");
}
// CHECK: bugs.c:27:25: warning: `ldxp x0, x1, [x3]` reads memory{{.*}}[asmstory-memory-read-undeclared]
// CHECK: bugs.c:28:25: warning: `stxp w2, x0, x1, [x3]` writes memory{{.*}}[asmstory-memory-write-undeclared]
void add128_ok(u128 *p, unsigned long v) {
  unsigned long lo, hi, tmp;
  __asm__ __volatile__("1: ldxp %0, %1, %3\n\tadds %0, %0, %4\n\tadc %1, %1, xzr\n\t"
                       "stxp %w2, %0, %1, %3\n\tcbnz %w2, 1b"
                       : "=&r"(lo), "=&r"(hi), "=&r"(tmp), "+Q"(*p) : "r"(v) : "cc");
}

// (b) A firmware call (SMCCC: function id in x0, arguments in x1..x7,
// results in x0..x3) whose secure monitor fills the buffer passed in x1.
struct fw_info { unsigned long words[8]; };
long fw_query_bad(struct fw_info *buf) {
  register unsigned long x0 __asm__("x0") = 0xc2000010;
  register struct fw_info *x1 __asm__("x1") = buf;
  register unsigned long x2 __asm__("x2"), x3 __asm__("x3");
  __asm__ __volatile__("smc #0" : "+r"(x0), "+r"(x1), "=r"(x2), "=r"(x3));
  return (long)x0;
}
// CHECK: bugs.c:47:25: warning: `smc #0` reads memory through the pointer in %1 (`x1`){{.*}}[asmstory-memory-read-undeclared]
// CHECK: bugs.c:47:25: warning: `smc #0` writes memory through the pointer in %1 (`x1`){{.*}}[asmstory-memory-write-undeclared]
long fw_query_ok(struct fw_info *buf) {
  register unsigned long x0 __asm__("x0") = 0xc2000010;
  register struct fw_info *x1 __asm__("x1") = buf;
  register unsigned long x2 __asm__("x2"), x3 __asm__("x3");
  __asm__ __volatile__("smc #0" : "+r"(x0), "+r"(x1), "=r"(x2), "=r"(x3) : : "memory");
  return (long)x0;
}
