// The Clang plugin on a RISC-V build: findings are compiler warnings at the
// instruction inside the asm string, and the object is built.
// RUN: %if plugin %{ %clang --target=riscv64-linux-gnu -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ test -s %t.o %}

// The cycle counter read through t1, which the block does not declare.
// CHECK: plugin.c:[[@LINE+3]]:{{[0-9]+}}: warning: the block changes t1 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing] [-Winline-asm]
unsigned long cycles(void) {
  unsigned long c;
  asm volatile("rdcycle t1\n\tmv %0, t1" : "=r"(c));
  return c;
}
unsigned long cycles_ok(void) {
  unsigned long c;
  asm volatile("rdcycle %0" : "=r"(c));
  return c;
}
