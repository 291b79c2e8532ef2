/* Real-world-style Thumb-2 blocks for Cortex-M (CMSIS core_cmFunc.h and
 * core_cmInstr.h, RTOS context switches and spinlocks, DSP kernels). */
#include <stdint.h>

static inline void __enable_irq(void) { __asm volatile("cpsie i" : : : "memory"); }
static inline void __disable_irq(void) { __asm volatile("cpsid i" : : : "memory"); }
static inline void __enable_fault_irq(void) { __asm volatile("cpsie f" : : : "memory"); }
static inline uint32_t __get_CONTROL(void) { uint32_t r; __asm volatile("MRS %0, control" : "=r"(r)); return r; }
static inline void __set_CONTROL(uint32_t c) { __asm volatile("MSR control, %0" : : "r"(c) : "memory"); }
static inline uint32_t __get_IPSR(void) { uint32_t r; __asm volatile("MRS %0, ipsr" : "=r"(r)); return r; }
static inline uint32_t __get_APSR(void) { uint32_t r; __asm volatile("MRS %0, apsr" : "=r"(r)); return r; }
static inline uint32_t __get_PSP(void) { uint32_t r; __asm volatile("MRS %0, psp" : "=r"(r)); return r; }
static inline void __set_PSP(uint32_t p) { __asm volatile("MSR psp, %0" : : "r"(p)); }
static inline uint32_t __get_MSP(void) { uint32_t r; __asm volatile("MRS %0, msp" : "=r"(r)); return r; }
static inline uint32_t __get_PRIMASK(void) { uint32_t r; __asm volatile("MRS %0, primask" : "=r"(r) :: "memory"); return r; }
static inline void __set_PRIMASK(uint32_t m) { __asm volatile("MSR primask, %0" : : "r"(m) : "memory"); }
static inline uint32_t __get_BASEPRI(void) { uint32_t r; __asm volatile("MRS %0, basepri" : "=r"(r)); return r; }
static inline void __set_BASEPRI_MAX(uint32_t v) { __asm volatile("MSR basepri_max, %0" : : "r"(v) : "memory"); }
static inline uint32_t __get_FAULTMASK(void) { uint32_t r; __asm volatile("MRS %0, faultmask" : "=r"(r)); return r; }
static inline uint32_t __get_FPSCR(void) { uint32_t r; __asm volatile("VMRS %0, fpscr" : "=r"(r)); return r; }
static inline void __set_FPSCR(uint32_t v) { __asm volatile("VMSR fpscr, %0" : : "r"(v) : "memory"); }
static inline void __NOP(void) { __asm volatile("nop"); }
static inline void __WFI(void) { __asm volatile("wfi"); }
static inline void __WFE(void) { __asm volatile("wfe"); }
static inline void __SEV(void) { __asm volatile("sev"); }
static inline void __ISB(void) { __asm volatile("isb 0xF" : : : "memory"); }
static inline void __DSB(void) { __asm volatile("dsb 0xF" : : : "memory"); }
static inline void __DMB(void) { __asm volatile("dmb 0xF" : : : "memory"); }
static inline uint32_t __REV(uint32_t v) { uint32_t r; __asm("rev %0, %1" : "=l"(r) : "l"(v)); return r; }
static inline uint32_t __REV16(uint32_t v) { uint32_t r; __asm("rev16 %0, %1" : "=l"(r) : "l"(v)); return r; }
static inline uint32_t __RBIT(uint32_t v) { uint32_t r; __asm("rbit %0, %1" : "=r"(r) : "r"(v)); return r; }
static inline uint32_t __CLZ(uint32_t v) { uint32_t r; __asm("clz %0, %1" : "=r"(r) : "r"(v)); return r; }
static inline uint32_t __LDREXW(volatile uint32_t *a) { uint32_t r; __asm volatile("ldrex %0, %1" : "=r"(r) : "Q"(*a)); return r; }
static inline uint32_t __STREXW(uint32_t v, volatile uint32_t *a) { uint32_t r; __asm volatile("strex %0, %2, %1" : "=&r"(r), "=Q"(*a) : "r"(v)); return r; }
static inline uint8_t __LDREXB(volatile uint8_t *a) { uint32_t r; __asm volatile("ldrexb %0, %1" : "=r"(r) : "Q"(*a)); return (uint8_t)r; }
static inline void __CLREX(void) { __asm volatile("clrex" ::: "memory"); }
static inline int32_t __SSAT16(int32_t v) { int32_t r; __asm("ssat16 %0, #8, %1" : "=r"(r) : "r"(v) : "cc"); return r; }
static inline uint32_t __UADD8(uint32_t a, uint32_t b) { uint32_t r; __asm volatile("uadd8 %0, %1, %2" : "=r"(r) : "r"(a), "r"(b) : "cc"); return r; }
static inline uint32_t __SEL(uint32_t a, uint32_t b) { uint32_t r; __asm volatile("sel %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); return r; }
static inline uint32_t __SMLAD(uint32_t a, uint32_t b, uint32_t c) { uint32_t r; __asm volatile("smlad %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(c) : "cc"); return r; }
static inline uint32_t __USAT(int32_t v) { uint32_t r; __asm("usat %0, #8, %1" : "=r"(r) : "r"(v) : "cc"); return r; }
static inline uint32_t __ROR(uint32_t v, uint32_t n) { uint32_t r; __asm("ror %0, %1, %2" : "=r"(r) : "r"(v), "r"(n)); return r; }

/* A PendSV-style context save onto the process stack (FreeRTOS port.c). */
static inline uint32_t save_context(uint32_t psp) {
  __asm volatile("stmdb %0!, {r4-r11}\n"
                 "vstmdb %0!, {s16-s31}\n"
                 : "+r"(psp) : : "memory");
  return psp;
}
static inline uint32_t restore_context(uint32_t psp) {
  __asm volatile("vldmia %0!, {s16-s31}\n"
                 "ldmia %0!, {r4-r11}\n"
                 : "+r"(psp) : : "r4", "r5", "r6", "r8", "r9", "r10", "r11", "s16", "s17", "s18", "s19", "s20",
                   "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31", "memory");
  return psp;
}

/* A ticket spinlock (Linux arch/arm spinlock.h in Thumb-2). */
static inline void spin_lock(volatile uint32_t *lock) {
  uint32_t tmp, newval, contended;
  __asm volatile("1: ldrex %0, [%3]\n"
                 "   add %1, %0, #0x10000\n"
                 "   strex %2, %1, [%3]\n"
                 "   teq %2, #0\n"
                 "   bne 1b"
                 : "=&r"(tmp), "=&r"(newval), "=&r"(contended)
                 : "r"(lock) : "cc", "memory");
}

/* A DSP inner loop: 16-bit dot product with smlad and post-increment. */
static inline int32_t dot16(const int16_t *a, const int16_t *b, uint32_t n, int32_t acc) {
  uint32_t x, y;
  __asm volatile("1: ldr %[x], [%[a]], #4\n"
                 "   ldr %[y], [%[b]], #4\n"
                 "   smlad %[acc], %[x], %[y], %[acc]\n"
                 "   subs %[n], %[n], #1\n"
                 "   bne 1b"
                 : [acc] "+r"(acc), [a] "+r"(a), [b] "+r"(b), [n] "+r"(n), [x] "=&r"(x), [y] "=&r"(y)
                 : : "cc", "memory");
  return acc;
}

static inline uint32_t ite_min(uint32_t a, uint32_t b) {
  __asm("cmp %0, %1\n\tite hi\n\tmovhi %0, %1\n\tmovls %0, %0" : "+r"(a) : "r"(b) : "cc");
  return a;
}

static inline void svc_call(void) { __asm volatile("svc #1" ::: "memory"); }
static inline void bkpt(void) { __asm volatile("bkpt #0"); }

void use_all(volatile uint32_t *p, int16_t *s) {
  __disable_irq();
  __set_PRIMASK(__get_PRIMASK());
  __set_BASEPRI_MAX(__get_BASEPRI() + __get_FAULTMASK() + __get_IPSR() + __get_APSR());
  __set_CONTROL(__get_CONTROL());
  __set_PSP(restore_context(save_context(__get_PSP())) + __get_MSP());
  __set_FPSCR(__get_FPSCR());
  __enable_fault_irq();
  __NOP(); __WFI(); __WFE(); __SEV(); __ISB(); __DSB(); __DMB();
  p[0] = __REV(p[1]) + __REV16(p[2]) + __RBIT(p[3]) + __CLZ(p[4]) + __ROR(p[5], 3);
  p[6] = __STREXW(__LDREXW(p + 7), p + 7) + __LDREXB((volatile uint8_t *)p);
  __CLREX();
  p[8] = (uint32_t)__SSAT16((int32_t)p[9]) + __UADD8(p[10], p[11]) + __SEL(p[12], p[13]) + __SMLAD(p[14], p[15], p[16]) + __USAT((int32_t)p[17]);
  spin_lock(p + 18);
  p[19] = (uint32_t)dot16(s, s + 8, 4, 0) + ite_min(p[20], p[21]);
  svc_call();
  if (!p[0]) bkpt();
  __enable_irq();
}
