// RUN: %clang -S -emit-llvm -O2 -g %s -o %t.ll
// RUN: not %asmstory %t.ll | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --format=json %t.ll | FileCheck %s --check-prefix=JSON
// RUN: not %asmstory --format=sarif %t.ll | FileCheck %s --check-prefix=SARIF
// LLVM IR input: a helper inlined into four callers is four asm calls at
// one source place; each finding is told once, naming the copies that have
// it when not all do.
static inline __attribute__((always_inline)) unsigned long load32(const void *p) {
  unsigned long r;
  // CHECK-DAG: inlined-ir.c:[[@LINE+2]]:3: error: `vmovdqu (%rcx), %ymm0` reads bytes [0..32) of the local that $1 points to, past the end of it (16 bytes) (in the copies in `small` and `small2`) [asmstory-memory-out-of-bounds]
  // CHECK-DAG: inlined-ir.c:[[@LINE+1]]:3: error: `vmovdqu (%rcx), %ymm0` reads bytes [0..32) of the local that $1 points to, past the end of it (8 bytes) (in the copy in `tiny`) [asmstory-memory-out-of-bounds]
  __asm__ volatile("vmovdqu (%1), %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "r"(p) : "xmm0", "memory");
  return r;
}
// CHECK-DAG: inlined-ir.c:[[@LINE+1]]:33: warning: the block changes rbx {{.*}}[asmstory-clobber-missing]
static inline void clob(void) { __asm__ volatile("movl $1, %%ebx" ::: "memory"); }
unsigned long small(void) { char b[16] = {0}; clob(); return load32(b); }
unsigned long small2(void) { char b[16] = {1}; clob(); return load32(b); }
unsigned long tiny(void) { char b[8] = {0}; clob(); return load32(b); }
unsigned long big(void) { char b[32] = {0}; clob(); return load32(b); }

// JSON-COUNT-3: "rule":
// JSON-NOT: "rule":
// SARIF-COUNT-3: "ruleId":
// SARIF-NOT: "ruleId":
