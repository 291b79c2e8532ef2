/* AArch64 Linux-style blocks: LL/SC and LSE atomics, barriers, system
 * registers, interrupt masking, critical sections, system calls. */
typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

int atomic_add_return(int i, int *v) {
  unsigned long tmp;
  int result;
  __asm__ __volatile__("1: ldxr %w0, %2\n"
                       "   add %w0, %w0, %w3\n"
                       "   stlxr %w1, %w0, %2\n"
                       "   cbnz %w1, 1b\n"
                       "   dmb ish"
                       : "=&r"(result), "=&r"(tmp), "+Q"(*v)
                       : "Ir"(i)
                       : "memory");
  return result;
}
long atomic64_fetch_or(long i, long *v) {
  long result, val;
  unsigned long tmp;
  __asm__ __volatile__("1: ldaxr %0, %3\n"
                       "   orr %1, %0, %4\n"
                       "   stlxr %w2, %1, %3\n"
                       "   cbnz %w2, 1b"
                       : "=&r"(result), "=&r"(val), "=&r"(tmp), "+Q"(*v)
                       : "r"(i)
                       : "memory");
  return result;
}
int atomic_fetch_add_lse(int i, int *v) {
  __asm__ __volatile__(".arch_extension lse\n"
                       "ldaddal %w[i], %w[i], %[v]"
                       : [i] "+r"(i), [v] "+Q"(*v)
                       :
                       : "memory");
  return i;
}
void atomic64_andnot_lse(long i, long *v) {
  __asm__ __volatile__(".arch_extension lse\n"
                       "stclr %[i], %[v]" : [v] "+Q"(*v) : [i] "r"(i));
}
u64 cmpxchg_case_mb_64(u64 *ptr, u64 old, u64 new) {
  register unsigned long x0 __asm__("x0") = (unsigned long)ptr;
  register u64 x1 __asm__("x1") = old;
  register u64 x2 __asm__("x2") = new;
  __asm__ __volatile__(".arch_extension lse\n"
                       "mov x30, %x[old]\n"
                       "casal x30, %x[new], %[v]\n"
                       "mov %x[ret], x30"
                       : [ret] "+r"(x0), [v] "+Q"(*(u64 *)ptr)
                       : [old] "r"(x1), [new] "r"(x2)
                       : "x30", "memory");
  return x0;
}
u8 xchg8(u8 *p, u8 n) {
  u8 ret;
  unsigned long tmp;
  __asm__ __volatile__("1: ldxrb %w0, %2\n"
                       "   stlxrb %w1, %w3, %2\n"
                       "   cbnz %w1, 1b\n"
                       "   dmb ish"
                       : "=&r"(ret), "=&r"(tmp), "+Q"(*p)
                       : "r"(n)
                       : "memory");
  return ret;
}
u16 xchg16_lse(u16 *p, u16 n) {
  u16 ret;
  __asm__ __volatile__(".arch_extension lse\n"
                       "swpalh %w2, %w0, %1" : "=&r"(ret), "+Q"(*p) : "r"(n) : "memory");
  return ret;
}
int cmpxchg_double(u64 *p, u64 o1, u64 o2, u64 n1, u64 n2) {
  unsigned long tmp, ret;
  __asm__ __volatile__("1: ldxp %0, %1, %2\n"
                       "   eor %0, %0, %3\n"
                       "   eor %1, %1, %4\n"
                       "   orr %1, %0, %1\n"
                       "   cbnz %1, 2f\n"
                       "   stlxp %w0, %5, %6, %2\n"
                       "   cbnz %w0, 1b\n"
                       "   dmb ish\n"
                       "2:"
                       : "=&r"(tmp), "=&r"(ret), "+Q"(*(__int128 *)p)
                       : "r"(o1), "r"(o2), "r"(n1), "r"(n2)
                       : "memory");
  return ret;
}
u32 load_acquire32(const u32 *p) {
  u32 v;
  __asm__ __volatile__("ldar %w0, %1" : "=r"(v) : "Q"(*p) : "memory");
  return v;
}
void store_release64(u64 *p, u64 v) {
  __asm__ __volatile__("stlr %1, %0" : "=Q"(*p) : "r"(v) : "memory");
}
u64 load_acquire_rcpc(const u64 *p) {
  u64 v;
  __asm__ __volatile__(".arch_extension rcpc\nldapr %0, %1" : "=r"(v) : "Q"(*p) : "memory");
  return v;
}
void mb(void) { __asm__ __volatile__("dsb sy" ::: "memory"); }
void rmb(void) { __asm__ __volatile__("dsb ld" ::: "memory"); }
void wmb(void) { __asm__ __volatile__("dsb st" ::: "memory"); }
void smp_mb(void) { __asm__ __volatile__("dmb ish" ::: "memory"); }
void dma_rmb(void) { __asm__ __volatile__("dmb oshld" ::: "memory"); }
void isb(void) { __asm__ __volatile__("isb" ::: "memory"); }
void csdb(void) { __asm__ __volatile__("hint #20" ::: "memory"); }
void spec_bar(void) { __asm__ __volatile__("dsb nsh\n isb" ::: "memory"); }
void cpu_relax(void) { __asm__ __volatile__("yield" ::: "memory"); }
void wfe(void) { __asm__ __volatile__("wfe" ::: "memory"); }
void wfi(void) { __asm__ __volatile__("wfi" ::: "memory"); }
void sev(void) { __asm__ __volatile__("sev"); }
void sevl(void) { __asm__ __volatile__("sevl"); }

unsigned long arch_local_irq_save(void) {
  unsigned long flags;
  __asm__ __volatile__("mrs %0, daif\n msr daifset, #3" : "=r"(flags) : : "memory");
  return flags;
}
void arch_local_irq_restore(unsigned long flags) {
  __asm__ __volatile__("msr daif, %0" : : "r"(flags) : "memory");
}
void arch_local_irq_enable(void) { __asm__ __volatile__("msr daifclr, #3" ::: "memory"); }
void arch_local_irq_disable(void) { __asm__ __volatile__("msr daifset, #3" ::: "memory"); }
u64 read_cntvct(void) {
  u64 cval;
  __asm__ __volatile__("isb\n mrs %0, cntvct_el0" : "=r"(cval) : : "memory");
  return cval;
}
u64 read_cntfrq(void) { u64 v; __asm__("mrs %0, cntfrq_el0" : "=r"(v)); return v; }
u64 read_midr(void) { u64 v; __asm__("mrs %0, midr_el1" : "=r"(v)); return v; }
u64 read_mpidr(void) { u64 v; __asm__("mrs %0, mpidr_el1" : "=r"(v)); return v; }
u64 read_tpidr_el1(void) { u64 v; __asm__ __volatile__("mrs %0, tpidr_el1" : "=r"(v)); return v; }
void write_tpidr_el1(u64 v) { __asm__ __volatile__("msr tpidr_el1, %0" : : "r"(v) : "memory"); }
u64 read_tpidr_el0(void) { u64 v; __asm__("mrs %0, tpidr_el0" : "=r"(v)); return v; }
void write_sctlr(u64 v) { __asm__ __volatile__("msr sctlr_el1, %x0\n isb" : : "rZ"(v) : "memory"); }
u64 read_ttbr0(void) { u64 v; __asm__ __volatile__("mrs %0, ttbr0_el1" : "=r"(v)); return v; }
void uaccess_enable_pan(void) { __asm__ __volatile__(".arch_extension pan\nmsr pan, #0" ::: "memory"); }
void uaccess_disable_pan(void) { __asm__ __volatile__(".arch_extension pan\nmsr pan, #1" ::: "memory"); }
void flush_tlb_all(void) { __asm__ __volatile__("dsb ishst\n tlbi vmalle1is\n dsb ish\n isb" ::: "memory"); }
void flush_tlb_page(u64 addr) { __asm__ __volatile__("dsb ishst\n tlbi vale1is, %0\n dsb ish" : : "r"(addr >> 12) : "memory"); }
void dcache_clean_poc(void *p) { __asm__ __volatile__("dc cvac, %0" : : "r"(p) : "memory"); }
void dcache_clean_inval(void *p) { __asm__ __volatile__("dc civac, %0" : : "r"(p) : "memory"); }
void icache_inval(void *p) { __asm__ __volatile__("ic ivau, %0" : : "r"(p) : "memory"); }
void icache_inval_all(void) { __asm__ __volatile__("ic iallu\n dsb nsh\n isb" ::: "memory"); }
void prefetch(const void *p) { __asm__ __volatile__("prfm pldl1keep, %a0" : : "p"(p)); }
void prefetchw(const void *p) { __asm__ __volatile__("prfm pstl1keep, %a0" : : "p"(p)); }
u64 ptrauth_strip(u64 p) {
  register u64 x30 __asm__("x30") = p;
  __asm__("hint #7" : "+r"(x30));  /* xpaclri */
  return x30;
}

/* ticket spinlock (arm64's pre-qspinlock arch_spin_lock) */
typedef struct { u16 owner, next; } arch_spinlock_t;
void arch_spin_lock(arch_spinlock_t *lock) {
  unsigned int tmp;
  arch_spinlock_t lockval, newval;
  __asm__ __volatile__("   prfm pstl1strm, %3\n"
                       "1: ldaxr %w0, %3\n"
                       "   add %w1, %w0, %w5\n"
                       "   stxr %w2, %w1, %3\n"
                       "   cbnz %w2, 1b\n"
                       "   eor %w1, %w0, %w0, ror #16\n"
                       "   cbz %w1, 3f\n"
                       "   sevl\n"
                       "2: wfe\n"
                       "   ldaxrh %w2, %4\n"
                       "   eor %w1, %w2, %w0, lsr #16\n"
                       "   cbnz %w1, 2b\n"
                       "3:"
                       : "=&r"(lockval), "=&r"(newval), "=&r"(tmp), "+Q"(*lock)
                       : "Q"(lock->owner), "I"(1 << 16)
                       : "memory");
}
void arch_spin_unlock(arch_spinlock_t *lock) {
  __asm__ __volatile__("stlrh %w1, %0" : "=Q"(lock->owner) : "r"(lock->owner + 1) : "memory");
}

long syscall3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  __asm__ __volatile__("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory", "cc");
  return x0;
}
long syscall0(long n) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0");
  __asm__ __volatile__("svc #0" : "=r"(x0) : "r"(x8) : "memory", "cc");
  return x0;
}

/* word-at-a-time, bit operations, byte order */
u64 has_zero(u64 a) {
  u64 r;
  __asm__("sub %0, %1, %2\n bic %0, %0, %1\n and %0, %0, %3" : "=&r"(r) : "r"(a), "r"(0x0101010101010101UL), "r"(0x8080808080808080UL));
  return r;
}
u64 fls64(u64 x) { u64 r; __asm__("clz %0, %1" : "=r"(r) : "r"(x)); return 64 - r; }
u32 ffs32(u32 x) { u32 r; __asm__("rbit %w0, %w1\n clz %w0, %w0" : "=r"(r) : "r"(x)); return r; }
u32 swab32(u32 x) { __asm__("rev %w0, %w0" : "+r"(x)); return x; }
u64 swab64(u64 x) { __asm__("rev %0, %0" : "+r"(x)); return x; }
u16 swab16(u16 x) { u32 r; __asm__("rev16 %w0, %w1" : "=r"(r) : "r"((u32)x)); return r; }
u64 mul_hi(u64 a, u64 b) { u64 r; __asm__("umulh %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
u64 add_carry(u64 a, u64 b, u64 *c) {
  u64 s, k;
  __asm__("adds %0, %2, %3\n cset %1, cs" : "=&r"(s), "=r"(k) : "r"(a), "r"(b) : "cc");
  *c = k;
  return s;
}
u64 csum_fold64(u64 sum) {
  u64 t;
  __asm__("ror %1, %0, #32\n adds %0, %0, %1\n adc %0, %0, xzr\n" : "+r"(sum), "=&r"(t) : : "cc");
  return sum >> 32;
}
u32 crc32c_u64(u32 crc, u64 v) {
  __asm__(".arch_extension crc\ncrc32cx %w0, %w0, %x1" : "+r"(crc) : "r"(v));
  return crc;
}
u32 crc32_u8(u32 crc, u8 v) {
  __asm__(".arch_extension crc\ncrc32b %w0, %w0, %w1" : "+r"(crc) : "r"((u32)v));
  return crc;
}
u64 get_random_rndr(void) {
  u64 v; int ok;
  __asm__ __volatile__(".arch_extension rng\nmrs %0, s3_3_c2_c4_0\n cset %w1, ne" : "=r"(v), "=r"(ok) : : "cc");
  return ok ? v : 0;
}

/* user access: load/store unprivileged, copy loops, stack */
u64 get_user_u64(const u64 *p) {
  u64 v;
  __asm__ __volatile__("ldtr %0, [%1]" : "=r"(v) : "r"(p) : "memory");
  return v;
}
void put_user_u32(u32 *p, u32 v) {
  __asm__ __volatile__("sttr %w1, [%0]" : : "r"(p), "r"(v) : "memory");
}
void copy16(void *d, const void *s) {
  u64 a, b;
  __asm__ __volatile__("ldp %0, %1, [%3]\n stp %0, %1, [%2]" : "=&r"(a), "=&r"(b) : "r"(d), "r"(s) : "memory");
}
u64 current_stack_pointer(void) { u64 sp; __asm__("mov %0, sp" : "=r"(sp)); return sp; }
u64 read_lr(void) { u64 lr; __asm__("mov %0, x30" : "=r"(lr)); return lr; }
u64 stack_push_pop(u64 a, u64 b) {
  __asm__ __volatile__("stp %0, %1, [sp, #-16]!\n ldp %0, %1, [sp], #16" : "+r"(a), "+r"(b) : : "memory");
  return a + b;
}
