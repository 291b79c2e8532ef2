// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

// On the jz path the output is never written.
int maybe_bad(int a) {
  int r;
  // CHECK: output-not-written.c:[[@LINE+1]]:3: warning: output %0 (`r`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  asm("test %1, %1\n\tjz 1f\n\tmov %1, %0\n1:" : "=r"(r) : "r"(a));
  return r;
}
// A memory output never stored.
void mem_bad(int *p) {
  // CHECK: output-not-written.c:[[@LINE+1]]:3: warning: output %0 (`*p`) is not written {{.*}}[asmstory-output-not-written]
  asm volatile("nop" : "=m"(*p));
}

// Correct: written on both paths; memory output stored.
int maybe_ok(int a) {
  int r;
  asm("xor %0, %0\n\ttest %1, %1\n\tjz 1f\n\tmov %1, %0\n1:" : "=&r"(r) : "r"(a));
  return r;
}
void mem_ok(int *p) { asm volatile("movl $1, %0" : "=m"(*p)); }

// sgdt/sidt store the 10-byte descriptor-table pointer to their "=m"
// operand (the kernel's desc.h): written, not reported.
struct desc_ptr { unsigned short size; unsigned long address; } __attribute__((packed));
void store_gdt_ok(struct desc_ptr *d) { asm volatile("sgdt %0" : "=m"(*d)); }
void store_idt_ok(struct desc_ptr *d) { asm volatile("sidt %0" : "=m"(*d)); }
