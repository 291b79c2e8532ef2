// RUN: not %asmstory --target=riscv64-unknown-linux-gnu %s | FileCheck %s --implicit-check-not='[asmstory-'
// The shape of Linux's RISC-V arch_atomic_fetch_add_unless (LR/SC loop):
// the scratch output rc is written by the add before the loop reads a and
// u again on a retry; without '&' the compiler may give rc the register of
// a or u, and the retry then adds the wrong value.
typedef struct { int counter; } atomic_t;

int fetch_add_unless_bad(atomic_t *v, int a, int u) {
  int prev, rc;
  __asm__ __volatile__(
      "0: lr.w     %[p],  %[c]\n"
      "   beq      %[p],  %[u], 1f\n"
      // CHECK: early-clobber-atomic.c:[[@LINE+1]]:{{[0-9]+}}: warning: output %[rc] (`rc`) is written before the address of %[c] (`v->counter`) is used, but is not early-clobber; the compiler{{.*}}{{.*}}[asmstory-early-clobber-missing]
      "   add      %[rc], %[p], %[a]\n"
      "   sc.w.rl  %[rc], %[rc], %[c]\n"
      "   bnez     %[rc], 0b\n"
      "   fence    rw, rw\n"
      "1:\n"
      : [p] "=&r"(prev), [rc] "=r"(rc), [c] "+A"(v->counter)
      : [a] "r"(a), [u] "r"(u)
      : "memory");
  return prev;
}

int fetch_add_unless_ok(atomic_t *v, int a, int u) {
  int prev, rc;
  __asm__ __volatile__(
      "0: lr.w     %[p],  %[c]\n"
      "   beq      %[p],  %[u], 1f\n"
      "   add      %[rc], %[p], %[a]\n"
      "   sc.w.rl  %[rc], %[rc], %[c]\n"
      "   bnez     %[rc], 0b\n"
      "   fence    rw, rw\n"
      "1:\n"
      : [p] "=&r"(prev), [rc] "=&r"(rc), [c] "+A"(v->counter)
      : [a] "r"(a), [u] "r"(u)
      : "memory");
  return prev;
}

// A straight-line one: the output is written, then the last input read.
long sum3_bad(long a, long b, long c) {
  long r;
  // CHECK: early-clobber-atomic.c:[[@LINE+1]]:{{[0-9]+}}: warning: output %0 (`r`) is written before input %3 (`c`) is read, but is not early-clobber; the compiler may give both the same {{.*}}{{.*}}[asmstory-early-clobber-missing]
  asm("add %0, %1, %2\n\tadd %0, %0, %3" : "=r"(r) : "r"(a), "r"(b), "r"(c));
  return r;
}
long sum3_ok(long a, long b, long c) {
  long r;
  asm("add %0, %1, %2\n\tadd %0, %0, %3" : "=&r"(r) : "r"(a), "r"(b), "r"(c));
  return r;
}
