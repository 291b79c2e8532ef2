// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

// cpuid writes ebx, ecx and edx: one finding naming all three, one fix-it.
void cpuid_bad(unsigned leaf, unsigned *a) {
  // CHECK: clobber-missing.c:[[@LINE+1]]:17: warning: the block changes rcx, rbx, rdx but declares them neither as an output nor as a clobber; {{.*}} [asmstory-clobber-missing]
  asm volatile("cpuid" : "+a"(leaf));
  // CHECK: note: `cpuid` writes rbx and the block does not restore it
  // CHECK: note: fix: add "rcx", "rbx", "rdx" to the clobbers
  *a = leaf;
}

// A scratch register used without listing it.
long scratch_bad(long x) {
  long r;
  // CHECK: clobber-missing.c:[[@LINE+1]]:8: warning: the block changes r8 {{.*}}[asmstory-clobber-missing]
  asm("mov %1, %%r8\n\tlea (%%r8,%%r8), %0" : "=r"(r) : "r"(x));
  return r;
}

// Correct: outputs for every register cpuid writes; clobbers; save/restore
// through another register, through xchg, and through push/pop.
void cpuid_ok(unsigned leaf, unsigned r[4]) {
  asm volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf));
}
void cpuid_clobbers_ok(unsigned leaf) {
  asm volatile("cpuid" : "+a"(leaf) : : "ebx", "ecx", "edx");
}
void save_mov_ok(unsigned leaf) {
  asm volatile("mov %%rbx, %%r8\n\tcpuid\n\tmov %%r8, %%rbx" : "+a"(leaf) : : "rcx", "rdx", "r8");
}
void save_xchg_ok(unsigned leaf, unsigned long *b) {
  asm volatile("xchg %%rbx, %1\n\tcpuid\n\txchg %%rbx, %1" : "+a"(leaf), "=&r"(*b) : : "rcx", "rdx");
}
void save_push_ok(unsigned leaf) {
  asm volatile("sub $128, %%rsp\n\tpush %%rbx\n\tcpuid\n\tpop %%rbx\n\tadd $128, %%rsp"
               : "+a"(leaf) : : "rcx", "rdx");
}

// Vector registers are named as the template names them, and the fix-it adds
// the clobber a reader expects: "xmm3" in SSE code, "ymm2" in AVX code (MC
// reports the whole zmm family).
void sse_bad(float *p) {
  // CHECK: clobber-missing.c:[[@LINE+1]]:21: warning: the block changes xmm3 but declares it {{.*}}[asmstory-clobber-missing]
  __asm__ volatile("movups (%0), %%xmm3\n\tmovups %%xmm3, 16(%0)" : : "r"(p) : "memory");
  // CHECK: note: `movups (%rax), %xmm3` writes xmm3 and the block does not restore it
  // CHECK: note: fix: add "xmm3" to the clobbers
}
void avx_bad(float *p) {
  // CHECK: clobber-missing.c:[[@LINE+1]]:21: warning: the block changes ymm2 but declares it {{.*}}[asmstory-clobber-missing]
  __asm__ volatile("vmovups (%0), %%ymm2\n\tvmovups %%ymm2, 32(%0)" : : "r"(p) : "memory");
  // CHECK: note: fix: add "ymm2" to the clobbers
}
void sse_ok(float *p) {
  __asm__ volatile("movups (%0), %%xmm3\n\tmovups %%xmm3, 16(%0)" : : "r"(p) : "memory", "xmm3");
}

// Several instructions on one template line: the finding points at the one
// that writes the register (a copy, not the instruction its value came from).
long same_line_bad(long x) {
  long r;
  // CHECK: clobber-missing.c:[[@LINE+1]]:28: warning: the block changes r11 {{.*}}[asmstory-clobber-missing]
  __asm__("movq %1, %%rdx; movq %%rdx, %%r11; movq %%r11, %0" : "=r"(r) : "r"(x) : "rdx");
  // CHECK: note: `movq %rdx, %r11` writes r11 and the block does not restore it
  return r;
}

// Correct: rbx saved in a memory operand and reloaded from it is restored,
// as with push and pop (and saving its garbage is no undefined store).
int save_in_memory(int x) {
  int r;
  long save;
  asm("movq %%rbx, %1\n\tmovl %2, %%ebx\n\tleal 1(%%rbx), %0\n\tmovq %1, %%rbx"
      : "=&a"(r), "=m"(save) : "r"(x));
  return r;
}
