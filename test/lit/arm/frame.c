// RUN: not %asmstory %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --target=thumbv7em-none-eabihf %s -- -ffreestanding | FileCheck %s --implicit-check-not='[asmstory-'
// The register and flag rules on 32-bit ARM (A32 and Thumb-2).

// clobber-missing: a scratch register used without listing it.
unsigned scratch_bad(unsigned x) {
  unsigned r;
  // CHECK: frame.c:[[@LINE+1]]:8: warning: the block changes r3 but declares it neither as an output nor as a clobber; the compiler may keep a live value there across the asm [asmstory-clobber-missing]
  asm("mov r3, %1\n\tadd %0, r3, #1" : "=r"(r) : "r"(x));
  // CHECK: note: fix: add "r3" to the clobbers
  return r;
}
unsigned scratch_ok(unsigned x) {
  unsigned r;
  asm("mov r3, %1\n\tadd %0, r3, #1" : "=r"(r) : "r"(x) : "r3");
  return r;
}
// A register saved and restored around its use (push/pop) is not clobbered.
unsigned saved_ok(unsigned x) {
  unsigned r;
  asm("push {r4, r5}\n\tmov r4, #0\n\tmov r5, r4\n\tpop {r4, r5}\n\tadd %0, %1, #1" : "=&r"(r) : "r"(x));
  return r;
}
// ... but the compiler may give the output r4 itself: the pop then undoes
// the result (every allocation counts).
unsigned saved_bad(unsigned x) {
  unsigned r;
  // CHECK: frame.c:[[@LINE+1]]:3: warning: when the compiler puts %0 (`r`) in r4, output %0 (`r`) is not written on some path through the block; the compiler uses whatever its register or memory held before [asmstory-output-not-written]
  asm("push {r4, r5}\n\tmov r4, %1\n\tadd r5, r4, #1\n\tmov %0, r5\n\tpop {r4, r5}" : "=&r"(r) : "r"(x));
  return r;
}
// The clobber names the ABI aliases: ip is r12, fp is r11.
unsigned alias_ok(unsigned x) {
  unsigned r;
  asm("mov r12, %1\n\tadd %0, r12, #1" : "=r"(r) : "r"(x) : "ip");
  return r;
}

// input-overwritten: a loop counter decremented in place.
void spin_bad(unsigned n) {
  // CHECK: frame.c:[[@LINE+1]]:17: warning: `subs r0, r0, #1` writes r0, which holds input-only operand %0 (`n`); the compiler assumes the input is unchanged after the asm and may reuse the register's value [asmstory-input-overwritten]
  asm volatile("1: subs %0, %0, #1\n\tbne 1b" : : "r"(n) : "cc");
  // CHECK: note: fix: make %0 (`n`) an in/out operand ("+r")
}
void spin_ok(unsigned n) { asm volatile("1: subs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc"); }

// early-clobber-missing: the output is written before the last input is read.
unsigned early_bad(unsigned a, unsigned b) {
  unsigned r;
  // CHECK: frame.c:[[@LINE+1]]:8: warning: output %0 (`r`) is written before input %1 (`a`) is read, but is not early-clobber; the compiler may give both the same register and the input is lost [asmstory-early-clobber-missing]
  asm("mov %0, #0\n\tadd %0, %0, %1\n\tadd %0, %0, %2" : "=r"(r) : "r"(a), "r"(b));
  // CHECK: note: fix: mark %0 (`r`) early-clobber: "=&r"
  return r;
}
unsigned early_ok(unsigned a, unsigned b) {
  unsigned r;
  asm("mov %0, #0\n\tadd %0, %0, %1\n\tadd %0, %0, %2" : "=&r"(r) : "r"(a), "r"(b));
  return r;
}

// A conditional move (an it block in Thumb) leaves the output as it was
// when the condition fails: the output's old value reaches the result.
unsigned cond_bad(unsigned a) {
  unsigned r;
  // CHECK: frame.c:[[@LINE+1]]:31: warning: the block uses the value of output-only operand %0 (`r`) (r0) before the block wrote it; it reaches output %0 (`r`), so the result depends on whatever the compiler left there [asmstory-undefined-read]
  asm("cmp %1, #0\n\tit ne\n\tmovne %0, #1" : "=r"(r) : "r"(a) : "cc");
  return r;
}
unsigned cond_ok(unsigned a) {
  unsigned r;
  asm("mov %0, #0\n\tcmp %1, #0\n\tit ne\n\tmovne %0, #1" : "=&r"(r) : "r"(a) : "cc");
  return r;
}

// undefined-read: the output read before the block wrote it.
unsigned undef_bad(unsigned a) {
  unsigned r;
  // CHECK: frame.c:[[@LINE+1]]:8: warning: the block uses the value of output-only operand %0 (`r`) (r0) before the block wrote it; it reaches output %0 (`r`), so the result depends on whatever the compiler left there [asmstory-undefined-read]
  asm("add %0, %0, %1" : "=r"(r) : "r"(a));
  // CHECK: note: fix: make %0 (`r`) an in/out operand ("+r") if it must start with the C value
  return r;
}
unsigned undef_ok(unsigned a) {
  unsigned r = 1;
  asm("add %0, %0, %1" : "+r"(r) : "r"(a));
  return r;
}
// The flags consumed (adc) before the block set them.
unsigned carry_bad(unsigned a) {
  unsigned r;
  // CHECK: frame.c:[[@LINE+1]]:8: warning: the block uses the value of the status flags, which nothing in the block set; it reaches a result, so the result depends on whatever the compiler left there [asmstory-undefined-read]
  asm("adc %0, %1, #0" : "=r"(r) : "r"(a) : "cc");
  return r;
}

// flags-clobber-missing: GCC and Clang on ARM do not assume that an asm
// changes the flags; without "cc" the compiler may keep a comparison
// across it.
unsigned flags_bad(unsigned a) {
  // CHECK: frame.c:[[@LINE+1]]:8: warning: `adds r0, r0, #1` changes the status flags but the block does not list "cc" in its clobbers; the compiler may keep a comparison result in the flags across the asm [asmstory-flags-clobber-missing]
  asm("adds %0, %0, #1" : "+r"(a));
  // CHECK: note: fix: add "cc" to the clobbers
  return a;
}
unsigned flags_ok(unsigned a) {
  asm("add %0, %0, #1" : "+r"(a));
  asm("adds %0, %0, #1" : "+r"(a) : : "cc");
  return a;
}
// Saturating arithmetic sets the sticky Q flag, which "cc" covers too.
int qadd_bad(int a, int b) {
  // CHECK: frame.c:[[@LINE+1]]:8: warning: `qadd r0, r0, r1` changes the status flags but the block does not list "cc" in its clobbers; the compiler may keep a comparison result in the flags across the asm [asmstory-flags-clobber-missing]
  asm("qadd %0, %0, %1" : "+r"(a) : "r"(b));
  // CHECK: note: fix: add "cc" to the clobbers
  return a;
}

// A 64-bit value in a register pair (%Q0 low word, %R0 high word).
unsigned long long wide_ok(unsigned x) {
  unsigned long long r;
  asm("mov %Q0, %1\n\tmov %R0, #0" : "=&r"(r) : "r"(x));
  return r;
}
