// -march reaches LLVM's assembler: with -march=rv64gc_zbb a Zbb template
// assembles (and is checked); without Zbb it does not, as clang's own
// assembler says too.  Same on the command line and in the plugin.
// RUN: not %asmstory %s -- --target=riscv64-linux-gnu -march=rv64gc_zbb -ffreestanding 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ZBB --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- --target=riscv64-linux-gnu -ffreestanding 2>&1 | FileCheck %s --check-prefix=NOZBB
// RUN: %if plugin %{ %clang --target=riscv64-linux-gnu -march=rv64gc_zbb -ffreestanding -fplugin=%asmstory_so \
// RUN:   -fpass-plugin=%asmstory_so -O2 -S -o /dev/null %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ZBB --implicit-check-not='[asmstory-' %}

// Correct: a and not b, into an output.
unsigned long and_not(unsigned long a, unsigned long b) {
  unsigned long r;
  // NOZBB: features.c:[[@LINE+1]]:{{[0-9]+}}: error: the template does not assemble for riscv64{{.*}}'Zbb'{{.*}}[asmstory-template-error]
  __asm__("andn %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

// Buggy: the same written into an input-only operand.
unsigned long and_not_in_place(unsigned long a, unsigned long b) {
  // ZBB: features.c:[[@LINE+1]]:{{[0-9]+}}: {{warning|error}}: `andn {{.*}}` writes {{.*}}input-only operand %0 (`a`){{.*}}[asmstory-input-overwritten]
  __asm__("andn %0, %0, %1" : : "r"(a), "r"(b));
  return a;
}
