// `asm` spelled through a macro (DPDK's rte_common.h: #define asm __asm__):
// the statement's tokens are read where the macro is expanded, so operand
// names, named ties and fix-its work as with the keyword.
// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
#define asm __asm__

// Correct: the input tied by name to output [v] (rte_spinlock.h).
int xchg_ok(int *p) {
  int v = 1;
  asm volatile("xchg %[m], %[v]" : [m] "=m"(*p), [v] "=q"(v) : "[v]"(v) : "memory");
  return v;
}

// Buggy through the macro: still found, the operand named as written.
unsigned leaf_bad(unsigned leaf) {
  // CHECK: asm-macro.c:[[@LINE+2]]:17: warning: the block changes rcx, rbx, rdx {{.*}}[asmstory-clobber-missing]
  // CHECK: note: fix: add "rcx", "rbx", "rdx" to the clobbers
  asm volatile("cpuid" : [l] "+a"(leaf));
  return leaf;
}
