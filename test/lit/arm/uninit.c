// memory-uninit-read on ARM (A32 and Thumb-2): the story's rule with the
// target's access description.  Buggy: never written; correct: written.
// RUN: not %asmstory %s -- --target=armv7a-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- --target=thumbv7em-none-eabihf -O2 | FileCheck %s --implicit-check-not='[asmstory-'
int never_written(void) {
  int v, r;
  // CHECK: uninit.c:[[@LINE+1]]:17: error: `ldr r{{[0-9]+}}, [r{{[0-9]+}}]` reads `v[0..4)`, never written before the asm (a local, 4 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("ldr %0, %1" : "=r"(r) : "m"(v));
  return r;
}
int written(void) {
  int v = 5, r;
  asm volatile("ldr %0, %1" : "=r"(r) : "m"(v));
  return r;
}
