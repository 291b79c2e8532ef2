/* RV32IMAC bare-metal blocks: critical sections (mstatus.MIE), interrupts,
 * timers, atomics without F/D, a cycle counter read twice (RV32 high/low). */
typedef unsigned int u32;
typedef unsigned long long u64;

u32 irq_save(void) {
  u32 m;
  __asm__ __volatile__("csrrci %0, mstatus, 8" : "=r"(m) : : "memory");
  return m;
}
void irq_restore(u32 m) { __asm__ __volatile__("csrw mstatus, %0" : : "r"(m) : "memory"); }
void irq_enable(void) { __asm__ __volatile__("csrsi mstatus, 8" ::: "memory"); }
void irq_disable(void) { __asm__ __volatile__("csrci mstatus, 8" ::: "memory"); }
void set_mtvec(void (*handler)(void)) { __asm__ __volatile__("csrw mtvec, %0" : : "r"(handler)); }
u32 read_mcause(void) {
  u32 c;
  __asm__ __volatile__("csrr %0, mcause" : "=r"(c));
  return c;
}
u32 read_mhartid(void) {
  u32 h;
  __asm__ __volatile__("csrr %0, mhartid" : "=r"(h));
  return h;
}
u64 read_cycle64(void) {
  u32 hi, lo, hi2;
  __asm__ __volatile__("1: rdcycleh %0\n"
                       "   rdcycle  %1\n"
                       "   rdcycleh %2\n"
                       "   bne %0, %2, 1b\n"
                       : "=&r"(hi), "=&r"(lo), "=&r"(hi2));
  return ((u64)hi << 32) | lo;
}
void wfi(void) { __asm__ __volatile__("wfi"); }
u32 spin_trylock(u32 *lock) {
  u32 old;
  __asm__ __volatile__("amoswap.w.aq %0, %2, %1" : "=r"(old), "+A"(*lock) : "r"(1) : "memory");
  return !old;
}
void spin_unlock(u32 *lock) { __asm__ __volatile__("amoswap.w.rl zero, zero, %0" : "+A"(*lock) : : "memory"); }
u32 atomic_inc(u32 *p) {
  u32 v, rc;
  __asm__ __volatile__("1: lr.w %0, (%2)\n"
                       "   addi %0, %0, 1\n"
                       "   sc.w %1, %0, (%2)\n"
                       "   bnez %1, 1b\n"
                       : "=&r"(v), "=&r"(rc) : "r"(p) : "memory");
  return v;
}
void write_reg(volatile u32 *reg, u32 v) { __asm__ __volatile__("sw %1, 0(%0)" : : "r"(reg), "r"(v) : "memory"); }
u32 read_reg(volatile u32 *reg) {
  u32 v;
  __asm__ __volatile__("lw %0, 0(%1)" : "=r"(v) : "r"(reg) : "memory");
  return v;
}
void fence_io(void) { __asm__ __volatile__("fence io, io" ::: "memory"); }
u32 mul32(u32 a, u32 b) {
  u32 lo;
  __asm__("mul %0, %1, %2" : "=r"(lo) : "r"(a), "r"(b));
  return lo;
}
u32 clz_loop(u32 x) {
  u32 n = 0, t;
  __asm__("beqz %1, 2f\n"
          "1: bltz %1, 2f\n"
          "   slli %1, %1, 1\n"
          "   addi %0, %0, 1\n"
          "   j 1b\n"
          "2:\n"
          : "+r"(n), "+r"(x), "=&r"(t));
  return n;
}
void delay(u32 n) {
  __asm__ __volatile__("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(n));
}
u32 compressed(u32 a, u32 b) {
  u32 r;
  __asm__("c.mv %0, %1\n\tc.add %0, %2" : "=&cr"(r) : "cr"(a), "cr"(b));
  return r;
}
void ecall_env(u32 id) {
  register u32 a7 __asm__("a7") = id;
  __asm__ __volatile__("ecall" : : "r"(a7) : "memory", "a0");
}
