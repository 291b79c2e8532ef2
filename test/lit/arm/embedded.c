// RUN: not %asmstory --target=thumbv7em-none-eabihf %s -- -ffreestanding | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --target=thumbv7m-none-eabi %s -- -ffreestanding | FileCheck %s --implicit-check-not='[asmstory-'
// Embedded critical sections as CMSIS writes them (core_cmFunc.h): the
// interrupt masks are system state; without "memory" the compiler may move
// memory accesses out of the critical section.

static inline void enable_irq_ok(void) { __asm volatile("cpsie i" : : : "memory"); }
static inline void disable_irq_ok(void) { __asm volatile("cpsid i" : : : "memory"); }
static inline unsigned get_primask_ok(void) {
  unsigned r;
  __asm volatile("mrs %0, primask" : "=r"(r));
  return r;
}
static inline void set_basepri_ok(unsigned v) { __asm volatile("msr basepri, %0" : : "r"(v) : "memory"); }
static inline void wfi_ok(void) { __asm volatile("wfi"); }
static inline void dsb_ok(void) { __asm volatile("dsb 0xF" : : : "memory"); }

// A pure (non-volatile) read of the priority mask: it changes under the
// compiler.
unsigned get_basepri_bad(void) {
  unsigned r;
  // CHECK: embedded.c:[[@LINE+2]]:10: warning: `mrs r0, basepri` is a system or privileged instruction, but the block is not volatile (an asm with outputs and no volatile is treated as a pure function); {{.*}}[asmstory-pure-side-effect]
  // CHECK: note: fix: add volatile: asm volatile (...)
  __asm("mrs %0, basepri" : "=r"(r));
  return r;
}

// A Thumb-2 it block: the conditional move may or may not write.
unsigned sel_ok(unsigned a, unsigned b) {
  __asm("cmp %0, %1\n\tit lo\n\tmovlo %0, %1" : "+r"(a) : "r"(b) : "cc");
  return a;
}

void use(void) {
  disable_irq_ok();
  set_basepri_ok(get_primask_ok());
  wfi_ok();
  dsb_ok();
  enable_irq_ok();
}
