/* Real-world-style 32-bit ARM blocks (A32, Linux): the kernel's atomics
 * and barriers (arch/arm/include/asm/atomic.h, barrier.h, cmpxchg.h), its
 * system calls and TLS read, and NEON/VFP kernels as multimedia and crypto
 * code writes them. */
typedef unsigned long long u64;

static inline void atomic_add(int i, int *counter) {
  unsigned long tmp;
  int result;
  __asm__ __volatile__("@ atomic_add\n"
                       "1:	ldrex	%0, [%3]\n"
                       "	add	%0, %0, %4\n"
                       "	strex	%1, %0, [%3]\n"
                       "	teq	%1, #0\n"
                       "	bne	1b"
                       : "=&r"(result), "=&r"(tmp), "+Qo"(*counter)
                       : "r"(counter), "Ir"(i)
                       : "cc");
}

static inline int atomic_cmpxchg(int *ptr, int old, int new) {
  int oldval;
  unsigned long res;
  do {
    __asm__ __volatile__("@ atomic_cmpxchg\n"
                         "ldrex	%1, [%3]\n"
                         "mov	%0, #0\n"
                         "teq	%1, %4\n"
                         "strexeq %0, %5, [%3]\n"
                         : "=&r"(res), "=&r"(oldval), "+Qo"(*ptr)
                         : "r"(ptr), "Ir"(old), "r"(new)
                         : "cc");
  } while (res);
  return oldval;
}

static inline u64 atomic64_read(const u64 *v) {
  u64 result;
  __asm__ __volatile__("@ atomic64_read\n"
                       "	ldrexd	%0, %H0, [%1]"
                       : "=&r"(result)
                       : "r"(v), "Qo"(*v));
  return result;
}

static inline void atomic64_set(u64 *v, u64 i) {
  u64 tmp;
  __asm__ __volatile__("@ atomic64_set\n"
                       "1:	ldrexd	%0, %H0, [%2]\n"
                       "	strexd	%0, %3, %H3, [%2]\n"
                       "	teq	%0, #0\n"
                       "	bne	1b"
                       : "=&r"(tmp), "=Qo"(*v)
                       : "r"(v), "r"(i)
                       : "cc");
}

static inline void dmb_ish(void) { __asm__ __volatile__("dmb ish" : : : "memory"); }
static inline void dsb_sy(void) { __asm__ __volatile__("dsb sy" : : : "memory"); }
static inline void isb_sy(void) { __asm__ __volatile__("isb sy" : : : "memory"); }

static inline unsigned long get_tls(void) {
  unsigned long tp;
  __asm__("mrc p15, 0, %0, c13, c0, 3" : "=r"(tp));
  return tp;
}

static inline unsigned long arch_local_irq_save(void) {
  unsigned long flags;
  asm volatile("	mrs	%0, cpsr	@ arch_local_irq_save\n"
               "	cpsid	i"
               : "=r"(flags) : : "memory", "cc");
  return flags;
}

static inline void arch_local_irq_restore(unsigned long flags) {
  asm volatile("	msr	cpsr_c, %0	@ local_irq_restore" : : "r"(flags) : "memory", "cc");
}

static inline long sys_write(int fd, const void *buf, unsigned long n) {
  register long r0 asm("r0") = fd;
  register long r1 asm("r1") = (long)buf;
  register long r2 asm("r2") = (long)n;
  register long r7 asm("r7") = 4;
  asm volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
  return r0;
}

static inline void sys_exit(int code) {
  register long r0 asm("r0") = code;
  register long r7 asm("r7") = 248;
  asm volatile("svc #0" : : "r"(r0), "r"(r7) : "memory");
  __builtin_unreachable();
}

static inline unsigned clz32(unsigned x) {
  unsigned r;
  asm("clz %0, %1" : "=r"(r) : "r"(x));
  return r;
}

static inline unsigned bswap32(unsigned x) {
  unsigned r;
  asm("rev %0, %1" : "=r"(r) : "r"(x));
  return r;
}

static inline unsigned long long umull(unsigned a, unsigned b) {
  unsigned lo, hi;
  asm("umull %0, %1, %2, %3" : "=&r"(lo), "=&r"(hi) : "r"(a), "r"(b));
  return ((unsigned long long)hi << 32) | lo;
}

static inline int qadd(int a, int b) {
  int r;
  asm("qadd %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

/* NEON: add two 16-byte vectors (multimedia), with an aligned load. */
static inline void vadd_u8(unsigned char *dst, const unsigned char *a, const unsigned char *b) {
  asm volatile("vld1.8 {d0, d1}, [%1:128]\n"
               "vld1.8 {d2, d3}, [%2]\n"
               "vadd.i8 q0, q0, q1\n"
               "vst1.8 {d0, d1}, [%0]\n"
               : : "r"(dst), "r"(a), "r"(b) : "q0", "q1", "memory");
}

/* A memcpy inner loop: 32 bytes per iteration with ldm/stm writeback. */
static inline void copy32(unsigned *dst, const unsigned *src, unsigned n) {
  asm volatile("1: ldmia %1!, {r3, r4, r5, r6}\n"
               "   stmia %0!, {r3, r4, r5, r6}\n"
               "   ldmia %1!, {r3, r4, r5, r6}\n"
               "   stmia %0!, {r3, r4, r5, r6}\n"
               "   subs %2, %2, #1\n"
               "   bne 1b\n"
               : "+r"(dst), "+r"(src), "+r"(n) : : "r3", "r4", "r5", "r6", "cc", "memory");
}

/* Callee-saved VFP registers around a kernel that uses them. */
static inline double vfp_mac(double acc, double x, double y) {
  asm("vpush {d8}\n"
      "vmov.f64 d8, %P1\n"
      "vmla.f64 d8, %P2, %P3\n"
      "vmov.f64 %P0, d8\n"
      "vpop {d8}\n"
      : "=w"(acc) : "w"(acc), "w"(x), "w"(y));
  return acc;
}

static inline unsigned read_fpscr(void) {
  unsigned r;
  asm volatile("vmrs %0, fpscr" : "=r"(r));
  return r;
}

static inline void write_fpscr(unsigned v) { asm volatile("vmsr fpscr, %0" : : "r"(v) : "memory"); }

static inline unsigned ror_sum(unsigned a, unsigned b) {
  unsigned r;
  asm("add %0, %1, %2, ror #7" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

static inline void prefetch(const void *p) { asm volatile("pld [%0]" : : "r"(p)); }
static inline void cpu_relax(void) { asm volatile("yield" : : : "memory"); }
static inline void wfi(void) { asm volatile("wfi" : : : "memory"); }
static inline void sev(void) { asm volatile("sev"); }

static inline unsigned cond_max(unsigned a, unsigned b) {
  asm("cmp %0, %1\n\tmovlo %0, %1" : "+r"(a) : "r"(b) : "cc");
  return a;
}

static inline unsigned long long add64(unsigned long long a, unsigned long long b) {
  asm("adds %Q0, %Q0, %Q1\n\tadc %R0, %R0, %R1" : "+r"(a) : "r"(b) : "cc");
  return a;
}

void use_all(int *c, u64 *v, unsigned char *d, unsigned *w, double *f) {
  atomic_add(1, c);
  atomic_cmpxchg(c, 1, 2);
  atomic64_set(v, atomic64_read(v) + 1);
  dmb_ish();
  dsb_sy();
  isb_sy();
  arch_local_irq_restore(arch_local_irq_save() + get_tls());
  sys_write(1, d, 1);
  w[0] = clz32(w[1]) + bswap32(w[2]) + (unsigned)umull(w[3], w[4]) + (unsigned)qadd(1, 2);
  vadd_u8(d, d + 16, d + 32);
  copy32(w, w + 64, 2);
  f[0] = vfp_mac(f[1], f[2], f[3]);
  write_fpscr(read_fpscr());
  w[5] = ror_sum(w[6], w[7]) + cond_max(w[8], w[9]);
  *v = add64(*v, 3);
  prefetch(d);
  cpu_relax();
  wfi();
  sev();
  if (!w[0]) sys_exit(0);
}
