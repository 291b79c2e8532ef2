// memory-uninit-read on RISC-V (RV64 and RV32): the story's rule with the
// target's access description.  Buggy: never written; correct: written.
// RUN: not %asmstory %s -- --target=riscv64-linux-gnu | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- --target=riscv32-unknown-elf -O2 | FileCheck %s --implicit-check-not='[asmstory-'
int never_written(void) {
  int v, r;
  // CHECK: uninit.c:[[@LINE+1]]:17: error: `lw {{[a-z0-9]+}}, 0({{[a-z0-9]+}})` reads `v[0..4)`, never written before the asm (a local, 4 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("lw %0, %1" : "=r"(r) : "m"(v));
  return r;
}
int written(void) {
  int v = 5, r;
  asm volatile("lw %0, %1" : "=r"(r) : "m"(v));
  return r;
}
