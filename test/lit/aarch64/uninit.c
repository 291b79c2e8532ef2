// memory-uninit-read on AArch64: the rule is the story's (LLVM's MemorySSA on
// the analysis copy), the access description is the target's (`ldr` of 8
// bytes through a memory operand).  Buggy: never written; correct: written.
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu -O2 | FileCheck %s --implicit-check-not='[asmstory-'
long never_written(void) {
  long v, r;
  // CHECK: uninit.c:[[@LINE+1]]:17: error: `ldr x{{[0-9]+}}, [x{{[0-9]+}}]` reads `v[0..8)`, never written before the asm (a local, 8 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("ldr %0, %1" : "=r"(r) : "m"(v));
  return r;
}
long written(void) {
  long v = 5, r;
  asm volatile("ldr %0, %1" : "=r"(r) : "m"(v));
  return r;
}
// A pair load of a buffer whose second half is never written.
long half_written(void) {
  long buf[2], a, b;
  buf[0] = 1;
  // CHECK: uninit.c:[[@LINE+1]]:17: error: `ldp x{{[0-9]+}}, x{{[0-9]+}}, [x{{[0-9]+}}]` reads `buf[8..16)`, never written before the asm (a local, 16 bytes){{.*}}[asmstory-memory-uninit-read]
  asm volatile("ldp %0, %1, %2" : "=r"(a), "=r"(b) : "Q"(buf));
  return a + b;
}
long fully_written(void) {
  long buf[2] = {1, 2}, a, b;
  asm volatile("ldp %0, %1, %2" : "=r"(a), "=r"(b) : "Q"(buf));
  return a + b;
}

// unmodeled: bytes that decode into no instruction are data, and the block
// is not verified (a note, exit status unchanged).
void junk(void) {
  // CHECK: uninit.c:[[@LINE+1]]:17: note: the block is not verified: it contains a data directive [asmstory-unmodeled]
  asm volatile(".word 0xffffffff");
}
