// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s 2>&1 >/dev/null | count 0
// Operand modifiers GCC documents for x86 that clang cannot print ("invalid
// operand in inline asm": the opcode suffixes %B %W %L %Q %S %T, %z %Z, the
// AVX-512 rounding %R %r, %E, %d): the block is an unmodeled note naming the
// first one, not a template-error; clang's own modifiers are bound as usual.

void suffix_byte(unsigned char *p, unsigned char v) {
  // CHECK: gcc-modifiers.c:[[@LINE+1]]:20: note: the template uses GCC's %B1 modifier, which clang does not support; the block is not verified [asmstory-unmodeled]
  asm volatile("add%B1 %1, %0" : "+m"(*p) : "q"(v));
}

void suffix_named(unsigned short *p, unsigned short v) {
  // CHECK: gcc-modifiers.c:[[@LINE+1]]:20: note: the template uses GCC's %W[v] modifier, which clang does not support; the block is not verified [asmstory-unmodeled]
  asm volatile("add%W[v] %[v], %[p]" : [p] "+m"(*p) : [v] "r"(v));
}

int suffix_by_size(int x) {
  // One note per block, for the first such modifier.
  // CHECK: gcc-modifiers.c:[[@LINE+1]]:11: note: the template uses GCC's %z0 modifier, which clang does not support; the block is not verified [asmstory-unmodeled]
  asm("mov%z0 %1, %0\n\tadd%L0 $1, %0" : "=r"(x) : "r"(x));
  return x;
}

// clang's modifiers (%k %w %b %h %q) are bound and the block is checked:
// a bug is found, the correct block is silent.
unsigned long widths_buggy(unsigned long x) {
  // CHECK: gcc-modifiers.c:[[@LINE+1]]:36: warning: the block changes rcx but declares it neither as an output nor as a clobber; the compiler may keep a live value there across the asm [asmstory-clobber-missing]
  asm volatile("movl %k0, %%ecx\n\tmovw %w0, %%cx\n\tmovq %%rcx, %q0" : "+r"(x));
  return x;
}

unsigned long widths_ok(unsigned long x, unsigned short y) {
  unsigned long r;
  asm("movq %q1, %0\n\taddb %h2, %b0\n\taddw %w2, %w0" : "=&Q"(r) : "r"(x), "Q"(y) : "cc");
  return r;
}
