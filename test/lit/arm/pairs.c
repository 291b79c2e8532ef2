// RUN: %asmstory --dump %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --check-prefix=LE
// RUN: %asmstory --dump %s -- --target=armeb-unknown-linux-gnueabi | FileCheck %s --check-prefix=BE
// A 64-bit value in "r" takes an even/odd register pair; %Q0 and %R0 are its
// low and high words (on big-endian targets, the second and the first
// register), %H0 the second register.

unsigned long long add64(unsigned long long a, unsigned long long b) {
  asm("adds %Q0, %Q0, %Q1\n\tadc %R0, %R0, %R1\n\tmov %H1, %H1" : "+r"(a) : "r"(b) : "cc");
  // LE: operand 0: inout "+r" {{.*}} -> register r1:r0
  // LE: adds r0, r0, r2
  // LE: adc r1, r1, r3
  // LE: mov r3, r3
  // BE: adds r1, r1, r3
  // BE: adc r0, r0, r2
  // BE: mov r3, r3
  return a;
}
