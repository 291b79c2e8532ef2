// Built without vector registers (the kernel: -mno-sse, -mgeneral-regs-only),
// the compiler keeps no value in xmm/ymm/zmm, so a block that uses them
// between kernel_fpu_begin/end without clobbers miscompiles nothing
// (bench/realworld: arch/x86/include/asm/xor.h, xor_avx.h).  Built as usual,
// the same block is a clobber-missing.
// RUN: not %asmstory %s -- -mno-sse | FileCheck %s --check-prefix=KERNEL --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -mgeneral-regs-only | FileCheck %s --check-prefix=KERNEL --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -mno-sse -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=KERNEL --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}

void xor_2(unsigned long *p1, const unsigned long *p2) {
  // CHECK: no-vector-regs.c:[[@LINE+3]]:21: warning: the block changes xmm0, xmm1 but declares them neither {{.*}}[asmstory-clobber-missing]
  // PLUGIN: no-vector-regs.c:[[@LINE+2]]:21: warning: the block changes xmm0, xmm1 but declares them neither {{.*}}[asmstory-clobber-missing]
  __asm__ volatile("movups (%0), %%xmm0\n\tmovups (%1), %%xmm1\n\t"
                   "xorps %%xmm1, %%xmm0\n\tmovups %%xmm0, (%0)"
                   : : "r"(p1), "r"(p2) : "memory");
}

// A general-purpose register is the compiler's in any build.
unsigned long scratch(unsigned long x) {
  // KERNEL: no-vector-regs.c:[[@LINE+3]]:{{[0-9]+}}: warning: the block changes rdx {{.*}}[asmstory-clobber-missing]
  // CHECK: no-vector-regs.c:[[@LINE+2]]:{{[0-9]+}}: warning: the block changes rdx {{.*}}[asmstory-clobber-missing]
  // PLUGIN: no-vector-regs.c:[[@LINE+1]]:{{[0-9]+}}: warning: the block changes rdx {{.*}}[asmstory-clobber-missing]
  __asm__("movq %0, %%rdx\n\taddq %%rdx, %0" : "+r"(x));
  return x;
}
