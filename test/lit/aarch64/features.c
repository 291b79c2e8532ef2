// The build's extensions reach LLVM's assembler: with -march=armv8.2-a+sve
// (on asmstory's command line after --, or in the compiler the plugin runs
// in) an SVE template assembles and is checked like any other; without it,
// it does not assemble, as clang's own assembler says too.
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu -march=armv8.2-a+sve -ffreestanding 2>&1 \
// RUN:   | FileCheck %s --check-prefix=SVE --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu -ffreestanding 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOSVE
// RUN: %if plugin %{ %clang --target=aarch64-linux-gnu -march=armv8.2-a+sve -ffreestanding -fplugin=%asmstory_so \
// RUN:   -fpass-plugin=%asmstory_so -O2 -S -o /dev/null %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
//
// The same from LLVM IR: the function's "target-features" (reported at the
// .ll line: no debug info).
// FROMIR: .ll:{{[0-9]+}}:{{[0-9]+}}: warning: `st1w { z0.s }, p0, [x{{[0-9]+}}]` writes memory{{.*}}[asmstory-memory-write-undeclared]
// RUN: %clang --target=aarch64-linux-gnu -march=armv8.2-a+sve -ffreestanding -O2 -S -emit-llvm -o %t.ll %s
// RUN: not %asmstory %t.ll 2>&1 | FileCheck %s --check-prefix=FROMIR --implicit-check-not='[asmstory-'

// Correct: the vector length in bytes, nothing else touched.
unsigned long vector_bytes(void) {
  unsigned long n;
  __asm__("cntb %0" : "=r"(n));
  return n;
}

// Buggy: the SVE store writes *p, and the block declares no memory.
void zero_lanes(float *p) {
  // SVE: features.c:[[@LINE+3]]:{{[0-9]+}}: warning: `st1w { z0.s }, p0, [x{{[0-9]+}}]` writes memory through the pointer in %0 (`p`){{.*}}[asmstory-memory-write-undeclared]
  // NOSVE: features.c:[[@LINE+2]]:{{[0-9]+}}: error: the template does not assemble for aarch64{{.*}}: instruction requires: sve or sme [asmstory-template-error]
  // PLUGIN: features.c:[[@LINE+1]]:{{[0-9]+}}: warning: `st1w { z0.s }, p0, [x{{[0-9]+}}]` writes memory through the pointer in %0 (`p`){{.*}}[asmstory-memory-write-undeclared]
  __asm__ volatile("ptrue p0.s\n\tmov z0.s, #0\n\tst1w {z0.s}, p0, [%0]" : : "r"(p) : "p0", "z0");
}

// Correct: the same with "memory".
void zero_lanes_declared(float *p) {
  __asm__ volatile("ptrue p0.s\n\tmov z0.s, #0\n\tst1w {z0.s}, p0, [%0]" : : "r"(p) : "p0", "z0", "memory");
}
