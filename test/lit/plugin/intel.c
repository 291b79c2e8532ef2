// -masm=intel (CodeGenOptions' inline asm dialect): templates read as Intel
// syntax, operands as clang prints them there.
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -masm=intel -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// The same file read as AT&T syntax does not assemble (-fsyntax-only: clang
// itself never assembles it): template-error findings.
// RUN: %clang -fplugin=%asmstory_so -O2 -fsyntax-only %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ATT

unsigned long long swap_halves(unsigned long long x) {
  asm("ror %0, 32" : "+r"(x));
  return x;
}

unsigned twice(unsigned x) {
  // CHECK: intel.c:[[@LINE+1]]:23: warning: the block changes rbx {{.*}}[asmstory-clobber-missing] [-Winline-asm]
  asm("mov ebx, %0\n\tadd ebx, ebx\n\tmov %0, ebx" : "+r"(x));
  // CHECK: intel.c:[[@LINE-1]]:23: note: `addl %ebx, %ebx` writes rbx and the block does not restore it
  return x;
}
// ATT: warning: the template does not assemble {{.*}}[asmstory-template-error]
