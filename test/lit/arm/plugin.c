// REQUIRES: plugin
// The Clang plugin when clang targets 32-bit ARM (A32 and Thumb): the same
// finding as the command line, from the compiler's own AST and IR.
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so --target=armv7a-unknown-linux-gnueabihf -O2 -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so --target=thumbv7em-none-eabihf -ffreestanding -O2 -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not='[asmstory-'

unsigned next_bad(const unsigned *p) {
  unsigned v;
  // CHECK: plugin.c:[[@LINE+1]]:17: warning: `ldr {{r[0-9]+}}, [{{r[0-9]+}}], #4` writes {{r[0-9]+}}, which holds input-only operand %1 (`p`){{.*}}[asmstory-input-overwritten]
  asm volatile("ldr %0, [%1], #4" : "=&r"(v) : "r"(p) : "memory");
  return v;
}
unsigned next_ok(const unsigned *p) {
  unsigned v;
  asm volatile("ldr %0, [%1], #4" : "=r"(v), "+r"(p) : : "memory");
  return v;
}
