// The kernel saves and restores the FPU state of tasks in blocks of their
// own (fxrstor, xrstor, frstor from the task's area), built with -mno-sse
// -mno-80387: the compiler keeps nothing in the xmm registers or on the x87
// stack, so what a restore loads there changes nothing it holds.  A restore
// only reads its area: an "m" input declares it.
// RUN: not %asmstory %s -- -mno-sse -mno-mmx -mno-80387 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --target=i386-pc-linux-gnu %s -- -mno-sse -mno-mmx -mno-80387 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -mgeneral-regs-only | FileCheck %s --implicit-check-not='[asmstory-'
// Built as usual, a restore from another block's area changes the xmm
// registers (xmm0-xmm7 on i386) and the x87 stack.
// RUN: not %asmstory %s | FileCheck %s --check-prefixes=USER,USER64
// RUN: not %asmstory --target=i386-pc-linux-gnu %s | FileCheck %s --check-prefixes=USER,USER32

struct fx_area { char bytes[512]; } __attribute__((aligned(16)));
struct xsave_area { char bytes[4096]; } __attribute__((aligned(64)));

void fxrstor_ok(const struct fx_area *a) {
  // USER64: fp-state-kernel.c:[[@LINE+3]]:17: warning: the block changes xmm0, {{.*}}, xmm15 but declares them{{.*}}[asmstory-clobber-missing]
  // USER32: fp-state-kernel.c:[[@LINE+2]]:17: warning: the block changes xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7 but declares them{{.*}}[asmstory-clobber-missing]
  // USER: fp-state-kernel.c:[[@LINE+1]]:17: warning: after `fxrstor {{.*}}`, the x87 register stack is what that memory holds{{.*}}[asmstory-stack-unbalanced]
  asm volatile("fxrstor %0" : : "m"(*a));
}
void xrstor_ok(const struct xsave_area *a, unsigned lo, unsigned hi) {
  asm volatile("xrstor %0" : : "m"(*a), "a"(lo), "d"(hi));
}
void frstor_ok(const char *p) {
  asm volatile("frstor %0" : : "m"(*(const char (*)[108])p));
}
void fxsave_ok(struct fx_area *a) {
  asm volatile("fxsave %0" : "=m"(*a));
}

// Through a bare pointer, the area read is undeclared.
void fxrstor_ptr_bad(const struct fx_area *a) {
  // CHECK: fp-state-kernel.c:[[@LINE+1]]:17: warning: `fxrstor ({{.*}})` reads memory through the pointer in %0 (`a`), but it has no input memory operand for it and no "memory" clobber{{.*}}[asmstory-memory-read-undeclared]
  asm volatile("fxrstor (%0)" : : "r"(a));
}
