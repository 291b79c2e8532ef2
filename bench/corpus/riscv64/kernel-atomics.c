/* RISC-V Linux-style blocks: atomics (AMO, LR/SC), barriers, CSRs,
 * system calls, string and crypto-style kernels. */
typedef unsigned long u64;
typedef unsigned int u32;

int atomic_add_return(int i, int *v) {
  int ret;
  __asm__ __volatile__("amoadd.w.aqrl %0, %2, %1" : "=r"(ret), "+A"(*v) : "r"(i) : "memory");
  return ret + i;
}
long atomic64_fetch_or(long i, long *v) {
  long ret;
  __asm__ __volatile__("amoor.d %0, %2, %1" : "=r"(ret), "+A"(*v) : "r"(i) : "memory");
  return ret;
}
u32 xchg32(u32 *p, u32 n) {
  u32 ret;
  __asm__ __volatile__("amoswap.w.aqrl %0, %2, %1" : "=r"(ret), "+A"(*p) : "r"(n) : "memory");
  return ret;
}
long cmpxchg64(long *p, long old, long new) {
  long ret;
  register unsigned int rc;
  __asm__ __volatile__("0: lr.d %0, %2\n"
                       "   bne  %0, %z3, 1f\n"
                       "   sc.d.rl %1, %z4, %2\n"
                       "   bnez %1, 0b\n"
                       "   fence rw, rw\n"
                       "1:\n"
                       : "=&r"(ret), "=&r"(rc), "+A"(*p)
                       : "rJ"(old), "rJ"(new)
                       : "memory");
  return ret;
}
void mb(void) { __asm__ __volatile__("fence iorw, iorw" ::: "memory"); }
void rmb(void) { __asm__ __volatile__("fence ir, ir" ::: "memory"); }
void wmb(void) { __asm__ __volatile__("fence ow, ow" ::: "memory"); }
void smp_mb(void) { __asm__ __volatile__("fence rw, rw" ::: "memory"); }
void fence_i(void) { __asm__ __volatile__("fence.i" ::: "memory"); }
void flush_tlb_all(void) { __asm__ __volatile__("sfence.vma" : : : "memory"); }
void flush_tlb_page(u64 addr) { __asm__ __volatile__("sfence.vma %0" : : "r"(addr) : "memory"); }
void wait_for_interrupt(void) { __asm__ __volatile__("wfi"); }
void cpu_relax(void) { __asm__ __volatile__("nop\n\tnop" ::: "memory"); }
u64 csr_read_sstatus(void) {
  u64 v;
  __asm__ __volatile__("csrr %0, sstatus" : "=r"(v) : : "memory");
  return v;
}
void csr_set_sie(u64 bits) { __asm__ __volatile__("csrs sie, %0" : : "rK"(bits) : "memory"); }
void csr_clear_sstatus(u64 bits) { __asm__ __volatile__("csrc sstatus, %0" : : "rK"(bits) : "memory"); }
u64 csr_swap_sscratch(u64 v) {
  __asm__ __volatile__("csrrw %0, sscratch, %1" : "=r"(v) : "rK"(v) : "memory");
  return v;
}
u64 get_cycles(void) {
  u64 n;
  __asm__ __volatile__("rdtime %0" : "=r"(n));
  return n;
}
u64 rdcycle(void) {
  u64 n;
  __asm__ __volatile__("rdcycle %0" : "=r"(n));
  return n;
}
long syscall3(long n, long a, long b, long c) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  __asm__ __volatile__("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
  return a0;
}
void ebreak(void) { __asm__ __volatile__("ebreak"); }
u32 fcsr_read(void) {
  u32 v;
  __asm__ __volatile__("frcsr %0" : "=r"(v));
  return v;
}
void fcsr_write(u32 v) { __asm__ __volatile__("fscsr %0" : : "r"(v)); }
void frm_set(u32 v) { __asm__ __volatile__("fsrm %0" : : "r"(v)); }
u32 fflags_clear(void) {
  u32 v;
  __asm__ __volatile__("fsflags %0, zero" : "=r"(v));
  return v;
}
double fma_d(double a, double b, double c) {
  double r;
  __asm__("fmadd.d %0, %1, %2, %3" : "=f"(r) : "f"(a), "f"(b), "f"(c));
  return r;
}
float fsqrt_s(float a) {
  float r;
  __asm__("fsqrt.s %0, %1" : "=f"(r) : "f"(a));
  return r;
}
double fload(const double *p) {
  double r;
  __asm__("fld %0, %1" : "=f"(r) : "m"(*p));
  return r;
}
void fstore(double *p, double v) { __asm__("fsd %1, %0" : "=m"(*p) : "f"(v)); }
u64 mulhu(u64 a, u64 b) {
  u64 r;
  __asm__("mulhu %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
u64 divu(u64 a, u64 b) {
  u64 r;
  __asm__("divu %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
u64 rotl(u64 x, u64 n) {
  u64 r, t;
  __asm__("sll %0, %2, %3\n\tneg %1, %3\n\tsrl %1, %2, %1\n\tor %0, %0, %1"
          : "=&r"(r), "=&r"(t) : "r"(x), "r"(n));
  return r;
}
/* A word-at-a-time copy loop (memcpy-style). */
void copy_words(u64 *dst, const u64 *src, u64 n) {
  u64 t;
  __asm__ __volatile__("beqz %2, 2f\n"
                       "1: ld %3, 0(%1)\n"
                       "   sd %3, 0(%0)\n"
                       "   addi %0, %0, 8\n"
                       "   addi %1, %1, 8\n"
                       "   addi %2, %2, -1\n"
                       "   bnez %2, 1b\n"
                       "2:\n"
                       : "+r"(dst), "+r"(src), "+r"(n), "=&r"(t) : : "memory");
}
/* Byte-wise checksum (crypto-style inner loop). */
u32 sum_bytes(const unsigned char *p, u64 n) {
  u32 s = 0, b;
  __asm__ __volatile__("beqz %1, 2f\n"
                       "1: lbu %3, 0(%2)\n"
                       "   addw %0, %0, %3\n"
                       "   slliw %3, %0, 5\n"
                       "   xor %0, %0, %3\n"
                       "   addi %2, %2, 1\n"
                       "   addi %1, %1, -1\n"
                       "   bnez %1, 1b\n"
                       "2:\n"
                       : "+r"(s), "+r"(n), "+r"(p), "=&r"(b) : : "memory");
  return s;
}
u64 load_reserved_pair(u64 *p) {
  u64 v;
  __asm__ __volatile__("ld %0, 0(%1)\n\tsd zero, 8(%1)" : "=&r"(v) : "r"(p) : "memory");
  return v;
}
void save_restore(void) {
  __asm__ __volatile__("addi sp, sp, -16\n\tsd ra, 8(sp)\n\tsd s0, 0(sp)\n\tld s0, 0(sp)\n\tld ra, 8(sp)\n\taddi sp, sp, 16" ::: "memory");
}
u32 hw_bits(u32 x) {
  u32 r;
  __asm__("srliw %0, %1, 16\n\tandi %0, %0, 255\n\tsltu %0, zero, %0" : "=r"(r) : "r"(x));
  return r;
}
u64 lui_const(void) {
  u64 r;
  __asm__("lui %0, 0x12345\n\taddiw %0, %0, 0x678" : "=r"(r));
  return r;
}
