// RUN: not %asmstory --target=riscv64-unknown-linux-gnu %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- --target=riscv64-linux-gnu -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// operand-width on RV64.  LLVM any-extends a 32-bit asm operand into its
// 64-bit x register: what the upper 32 bits hold is what the value's
// producer left there.  A parameter (the psABI passes int and unsigned
// sign-extended), a load (lw), W arithmetic (addw) and constants leave the
// sign extension, so reading such an operand at 64 bits (beq, add) is
// defined.  A truncation of a 64-bit value costs no instruction and leaves
// the 64-bit value's upper bits: reading it at 64 bits is the bug.
typedef long s64;
typedef unsigned long u64;

// (int)x keeps x's upper 32 bits in the register; bne compares all 64.
int trunc_bad(s64 x, int v) {
  int r;
  // CHECK: operand-width.c:[[@LINE+1]]:{{[0-9]+}}: warning: `bne a1, a2, .Ltmp{{[0-9]+}}` reads 64 bits of operand %1 (`(int)x`), a 32-bit value (int) truncated from a wider one; the register keeps the wider value's upper bits, not the extension the ABI gives a 32-bit value [asmstory-operand-width]
  asm("li %0, 0\n\tbne %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"((int)x), "r"(v));
  return r;
}
// The same value through a W instruction uses only its low 32 bits.
int trunc_addw_ok(s64 x, int v) {
  int r;
  asm("addw %0, %1, %2" : "=r"(r) : "r"((int)x), "r"(v));
  return r;
}
// An unsigned truncation added to a pointer-sized value: bad.
u64 utrunc_bad(u64 base, u64 off) {
  u64 r;
  // CHECK: operand-width.c:[[@LINE+1]]:{{[0-9]+}}: warning: `add {{.*}}` reads 64 bits of operand %2 (`(unsigned)off`), a 32-bit value (unsigned int) truncated from a wider one{{.*}}[asmstory-operand-width]
  asm("add %0, %1, %2" : "=r"(r) : "r"(base), "r"((unsigned)off));
  return r;
}
// ... stored by sw, only its low 32 bits are used.
void trunc_sw_ok(unsigned *p, u64 x) {
  asm volatile("sw %1, 0(%0)" : : "r"(p), "r"((unsigned)x) : "memory");
}
// ... as a shift amount, only its low 6 bits.
u64 trunc_shift_ok(u64 a, u64 n) {
  u64 r;
  asm("sll %0, %1, %2" : "=r"(r) : "r"(a), "r"((unsigned)n));
  return r;
}
// A parameter, a load, 32-bit arithmetic: sign-extended, read at 64 bits.
int param_ok(int a, int b) {
  int r;
  asm("li %0, 0\n\tbne %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"(a), "r"(b));
  return r;
}
int load_ok(int *p, int b) {
  int r;
  asm("li %0, 0\n\tbne %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"(*p), "r"(b + 1));
  return r;
}
// The upper half of a 64-bit value: clang-22 -O2 computes it with srli (zero
// upper bits), not the sign extension `v` has: bne sees them differ when
// the half is negative.
int high_half_bad(s64 x, int v) {
  int r;
  // CHECK: operand-width.c:[[@LINE+1]]:{{[0-9]+}}: warning: `bne a1, a2, .Ltmp{{[0-9]+}}` reads 64 bits of operand %1 (`(int)(x >> 32)`), a 32-bit value (int) truncated from a wider one{{.*}}[asmstory-operand-width]
  asm("li %0, 0\n\tbne %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"((int)(x >> 32)), "r"(v));
  return r;
}
// Shifted by more than 32 (srai): the upper bits are copies of the sign.
int high_bits_ok(s64 x, int v) {
  int r;
  asm("li %0, 0\n\tbne %1, %2, 1f\n\tli %0, 1\n1:" : "=&r"(r) : "r"((int)(x >> 40)), "r"(v));
  return r;
}
