// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

void backwards_bad(void *d, const void *s, unsigned long n) {
  // CHECK: direction-flag.c:[[@LINE+1]]:17: warning: `std` sets the direction flag and the block may end with it set{{.*}}[asmstory-direction-flag]
  asm volatile("std\n\trep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
  // CHECK: note: fix: execute cld before the end of the block
}

// Correct: cld before the end; pushf/popf around std.
void backwards_ok(void *d, const void *s, unsigned long n) {
  asm volatile("std\n\trep movsb\n\tcld" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}
void saved_ok(void) {
  asm volatile("sub $128, %%rsp\n\tpushf\n\tstd\n\tpopf\n\tadd $128, %%rsp" : :);
}

// Correct: the CPUID-detection idiom flips bit 21 and pops the original
// flags back through a register: the entry direction flag, clear.
int has_cpuid(void) {
  long a, b;
  asm("subq $128, %%rsp\n\tpushfq\n\tpopq %0\n\tmovq %0, %1\n\txorq $0x200000, %0\n\tpushq %0\n\tpopfq\n\t"
      "pushfq\n\tpopq %0\n\tpushq %1\n\tpopfq\n\taddq $128, %%rsp"
      : "=&r"(a), "=&r"(b) : : "cc");
  return (a ^ b) != 0;
}
