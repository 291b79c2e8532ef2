// RUN: not %asmstory %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --target=thumbv7em-none-eabihf %s -- -ffreestanding | FileCheck %s --implicit-check-not='[asmstory-'

// A pointer passed as an input and post-incremented by the load: the
// writeback changes a register the compiler thinks still holds p.
unsigned next_bad(const unsigned *p) {
  unsigned v;
  // CHECK: postinc.c:[[@LINE+1]]:17: warning: `ldr r0, [r1], #4` writes r1, which holds input-only operand %1 (`p`); the compiler assumes the input is unchanged after the asm and may reuse the register's value [asmstory-input-overwritten]
  asm volatile("ldr %0, [%1], #4" : "=&r"(v) : "r"(p) : "memory");
  // CHECK: note: fix: make %1 (`p`) an in/out operand ("+r") or copy it to a scratch output first
  return v;
}

// Correct: the pointer is in/out.
unsigned next_ok(const unsigned *p) {
  unsigned v;
  asm volatile("ldr %0, [%1], #4" : "=r"(v), "+r"(p) : : "memory");
  return v;
}
