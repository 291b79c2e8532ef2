// x87, MMX and SSE state: emms, the state saves and restores (fnsave,
// fxsave, xsave and their restores), the control words.  Each buggy block
// has a correct twin, which is silent.
// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O1 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}

struct fx_area { char bytes[512]; } __attribute__((aligned(16)));
struct xsave_area { char bytes[4096]; } __attribute__((aligned(64)));

// emms changes the x87 tag word only: no mm register's value.  The block
// below leaves mm0 changed by its movq, which emms does not undo.
unsigned mmx_bad(unsigned long long v) {
  unsigned r;
  // CHECK: fp-state.c:[[@LINE+3]]:39: warning: the block changes mm0 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  // CHECK: note: `paddd %mm0, %mm0` writes mm0 and the block does not restore it
  // PLUGIN-DAG: fp-state.c:[[@LINE+1]]:39: warning: the block changes mm0 {{.*}}[asmstory-clobber-missing]
  __asm__ volatile("movq %1, %%mm0\n\tpaddd %%mm0, %%mm0\n\tmovd %%mm0, %0\n\temms" : "=r"(r) : "r"(v));
  return r;
}
unsigned mmx_ok(unsigned long long v) {
  unsigned r;
  __asm__ volatile("movq %1, %%mm0\n\tpaddd %%mm0, %%mm0\n\tmovd %%mm0, %0\n\temms" : "=r"(r) : "r"(v) : "mm0");
  return r;
}
void emms_ok(void) { __asm__ volatile("emms"); }

// fxsave writes its 512-byte area: an input-only operand is not enough.
void fxsave_bad(struct fx_area *a) {
  // CHECK: fp-state.c:[[@LINE+2]]:21: warning: `fxsave (%rax)` writes memory through memory operand %0 (`*a`), but %0 (`*a`) is an input-only operand ("m") and there is no "memory" clobber{{.*}}[asmstory-memory-write-undeclared]
  // PLUGIN-DAG: fp-state.c:[[@LINE+1]]:21: warning: `fxsave (%rax)` writes memory {{.*}}[asmstory-memory-write-undeclared]
  __asm__ volatile("fxsave %0" : : "m"(*a));
}
void fxsave_ok(struct fx_area *a) { __asm__ volatile("fxsave %0" : "=m"(*a)); }

// fxsave and fxrstor need 16-byte alignment: a char pointer promises 1.
void fxsave_misaligned(char *p) {
  // CHECK: fp-state.c:[[@LINE+2]]:21: warning: `fxsave (%rax)` needs 16-byte alignment, but %0 (`*(char (*)[512])p`)+0 is only known to be 1-byte aligned{{.*}}[asmstory-memory-misaligned]
  // PLUGIN-DAG: fp-state.c:[[@LINE+1]]:21: warning: `fxsave (%rax)` needs 16-byte alignment{{.*}}[asmstory-memory-misaligned]
  __asm__ volatile("fxsave %0" : "=m"(*(char (*)[512])p));
}

// The state saved and given back in one block: the x87 stack and the xmm
// registers are what they were (fxrstor only reads its area).
void fx_roundtrip_ok(struct fx_area *a) {
  __asm__ volatile("fxsave %0\n\tfninit\n\tpxor %%xmm0, %%xmm0\n\tfxrstor %0" : "+m"(*a));
}
// Given back from other memory: xmm0-xmm15 and the x87 stack are whatever
// that memory holds.
void fxrstor_bad(const struct fx_area *a) {
  // CHECK: fp-state.c:[[@LINE+5]]:21: warning: the block changes xmm0, xmm1, {{.*}}, xmm15 but declares them neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  // CHECK: note: fix: add "xmm0", "xmm1", {{.*}}, "xmm15" to the clobbers
  // CHECK: fp-state.c:[[@LINE+3]]:21: warning: after `fxrstor (%rax)`, the x87 register stack is what that memory holds, not what the compiler left there{{.*}}[asmstory-stack-unbalanced]
  // PLUGIN-DAG: fp-state.c:[[@LINE+2]]:21: warning: the block changes xmm0, {{.*}}[asmstory-clobber-missing]
  // PLUGIN-DAG: fp-state.c:[[@LINE+1]]:21: warning: after `fxrstor (%rax)`, {{.*}}[asmstory-stack-unbalanced]
  __asm__ volatile("fxrstor %0" : : "m"(*a));
}

// xsave writes at least the 576-byte legacy area and header (more with the
// components edx:eax and XCR0 select), 64-byte aligned.
void xsave_ok(struct xsave_area *a) { __asm__ volatile("xsave %0" : "=m"(*a) : "a"(-1), "d"(-1)); }
void xsave_small(void) {
  struct fx_area buf;
  // CHECK: fp-state.c:[[@LINE+4]]:21: warning: `xsave (%rcx)` needs 64-byte alignment, but %0 (`buf`)+0 {{.*}}[asmstory-memory-misaligned]
  // CHECK: fp-state.c:[[@LINE+3]]:21: error: `xsave (%rcx)` writes at least `buf[0..576)`, past the end of `buf` (local, 512 bytes) [asmstory-memory-out-of-bounds]
  // PLUGIN-DAG: fp-state.c:[[@LINE+2]]:21: warning: `xsave (%rcx)` needs 64-byte alignment{{.*}}[asmstory-memory-misaligned]
  // PLUGIN-DAG: fp-state.c:[[@LINE+1]]:21: warning: `xsave (%rcx)` writes at least `buf[0..576)`{{.*}}[asmstory-memory-out-of-bounds]
  __asm__ volatile("xsave %0" : "=m"(buf) : "a"(-1), "d"(-1));
}
void xsave_roundtrip_ok(struct xsave_area *a) {
  __asm__ volatile("xsave %0\n\tvzeroall\n\txrstor %0" : "+m"(*a) : "a"(-1), "d"(-1));
}

// fnsave stores 108 bytes and initializes the FPU: the stack is emptied.
void fnsave_bad(void *p) {
  // CHECK: fp-state.c:[[@LINE+2]]:21: warning: `fnsave (%rax)` empties the x87 register stack, where the compiler may keep values across the asm{{.*}}[asmstory-stack-unbalanced]
  // PLUGIN-DAG: fp-state.c:[[@LINE+1]]:21: warning: `fnsave (%rax)` empties the x87 register stack{{.*}}[asmstory-stack-unbalanced]
  __asm__ volatile("fnsave %0" : "=m"(*(char (*)[108])p));
}
void fnsave_roundtrip_ok(void *p) {
  __asm__ volatile("fnsave %0\n\tfld1\n\tfstp %%st(0)\n\tfrstor %0" : "+m"(*(char (*)[108])p));
}

// The control words: loading one changes how the compiler's floating-point
// code rounds; a block without volatile may be deleted or merged.
int setcw_bad(unsigned short cw) {
  int r;
  // CHECK: fp-state.c:[[@LINE+2]]:12: warning: `fldcw (%rcx)` changes the floating-point control state (rounding, exception masks), but the block is not volatile{{.*}}[asmstory-pure-side-effect]
  // PLUGIN-DAG: fp-state.c:[[@LINE+1]]:12: warning: `fldcw {{.*}}[asmstory-pure-side-effect]
  __asm__("fldcw %1\n\txorl %0, %0" : "=r"(r) : "m"(cw));
  return r;
}
void setcw_ok(unsigned short cw) { __asm__ volatile("fldcw %0" : : "m"(cw)); }
unsigned short getcw_ok(void) {
  unsigned short cw;
  __asm__ volatile("fnstcw %0" : "=m"(cw));
  return cw;
}
void setcsr_ok(unsigned v) { __asm__ volatile("ldmxcsr %0" : : "m"(v)); }
