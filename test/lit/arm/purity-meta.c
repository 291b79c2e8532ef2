// RUN: not %asmstory %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// Purity and the meta rules on 32-bit ARM.

// pure-side-effect: reading the cycle counter (a performance counter) in
// an asm the compiler may merge or hoist.
unsigned cycles_bad(void) {
  unsigned c;
  // CHECK: purity-meta.c:[[@LINE+1]]:8: warning: `mrc p15, #0, r0, c9, c13, #0` returns a value that changes between executions, but the block is not volatile (an asm with outputs and no volatile is treated as a pure function); the compiler may merge two executions of it, hoist it out of a loop, or delete it when its outputs are unused [asmstory-pure-side-effect]
  asm("mrc p15, 0, %0, c9, c13, 0" : "=r"(c));
  // CHECK: note: fix: add volatile: asm volatile (...)
  return c;
}
unsigned cycles_ok(void) {
  unsigned c;
  asm volatile("mrc p15, 0, %0, c9, c13, 0" : "=r"(c));
  return c;
}
// The thread ID register does not change under the thread: a plain read.
unsigned long tls_ok(void) {
  unsigned long tp;
  asm("mrc p15, 0, %0, c13, c0, 3" : "=r"(tp));
  return tp;
}
// Masking interrupts (a critical section) is a system effect.
unsigned long irq_save_bad(void) {
  unsigned long flags;
  // CHECK: purity-meta.c:[[@LINE+1]]:24: warning: `cpsid i` is a system or privileged instruction, but the block is not volatile (an asm with outputs and no volatile is treated as a pure function); the compiler may merge two executions of it, hoist it out of a loop, or delete it when its outputs are unused [asmstory-pure-side-effect]
  asm("mrs %0, cpsr\n\tcpsid i" : "=r"(flags) : : "memory", "cc");
  // CHECK: note: fix: add volatile: asm volatile (...)
  return flags;
}
unsigned long irq_save_ok(void) {
  unsigned long flags;
  asm volatile("mrs %0, cpsr\n\tcpsid i" : "=r"(flags) : : "memory", "cc");
  return flags;
}

// template-error: an offset out of the instruction's range does not
// assemble; the message names the target tried.
void bad_template(void) {
  // CHECK: purity-meta.c:[[@LINE+1]]:25: error: the template does not assemble for armv7-unknown-linux-gnueabihf after operand substitution: invalid operand for instruction [asmstory-template-error]
  asm volatile("ldr r0, [r1, #4096]");
}

// unmodeled: a call's callee is not modeled.
void call_note(void) {
  // CHECK: purity-meta.c:[[@LINE+1]]:17: note: the block is not verified: `bl abort` cannot be modeled (call: the callee's effects are not modeled) [asmstory-unmodeled]
  asm volatile("bl abort" : : : "r0", "r1", "r2", "r3", "r12", "lr", "cc", "memory");
}
