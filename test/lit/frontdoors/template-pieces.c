// Where the CLI reads a statement the way the compiler does: a template
// piece from an object-like macro is located where the #define spells it
// (or at the next literal), `#if` inside the statement keeps only the
// compiled branch, and a comment in an empty operand section is no
// operand.  The plugin locates the same bytes.
// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not='[asmstory-' %}
#define LOCK_PREFIX "lock; "
#define LEAF "1"

void inc(int *p) {
  // CHECK: template-pieces.c:[[@LINE+1]]:29: warning: {{.*}}[asmstory-memory-read-undeclared]
  asm volatile(LOCK_PREFIX "incl (%0)" : : "r"(p));
  // CHECK: template-pieces.c:[[@LINE-1]]:29: warning: {{.*}}[asmstory-memory-write-undeclared]
}

unsigned leaf1(void) {
  unsigned a, b, d;
  // CHECK: template-pieces.c:[[@LINE+1]]:40: warning: {{.*}}[asmstory-clobber-missing]
  asm volatile("movl $" LEAF ", %%eax; cpuid" : "=a"(a), "=b"(b), "=d"(d) : /* none */);
  return a ^ b ^ d;
}

unsigned long swap(unsigned long x) {
  unsigned long r;
  asm(
#if 1
      "movq %1, %%rcx\n\t"
      // CHECK: template-pieces.c:[[@LINE+1]]:8: warning: {{.*}}[asmstory-clobber-missing]
      "bswapq %%rcx\n\t"
#else
      "nop\n\t"
#endif
      "movq %%rcx, %0"
      : "=r"(r)
      : "r"(x));
  return r;
}
