// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

// A loop counter passed as an input and decremented: must be "+r".
void spin_bad(unsigned n) {
  // CHECK: input-overwritten.c:[[@LINE+1]]:17: warning: `decl {{.*}}` writes {{r..}}, which holds input-only operand %0 (`n`); {{.*}}[asmstory-input-overwritten]
  asm volatile("1: dec %0\n\tjnz 1b" : : "r"(n));
  // CHECK: note: fix: make %0 (`n`) an in/out operand ("+r")
}

// Correct: in/out counter; an input modified and restored.
void spin_ok(unsigned n) { asm volatile("1: dec %0\n\tjnz 1b" : "+r"(n)); }
void restore_ok(unsigned long x) { asm volatile("add $1, %0\n\tsub $1, %0" : : "r"(x)); }

// repne scas counts rcx down as rep does: the count must be in/out.
unsigned long scan_bad(const char *s, unsigned long n) {
  // CHECK: input-overwritten.c:[[@LINE+1]]:17: warning: `repne scasb %es:(%rdi), %al` writes rcx, which holds input-only operand %1 (`n`); {{.*}}[asmstory-input-overwritten]
  asm volatile("repne scasb" : "+D"(s) : "c"(n), "a"(0) : "cc", "memory");
  // CHECK: note: fix: make %1 (`n`) an in/out operand ("+c")
  return (unsigned long)s;
}

// Correct: vmwrite reads its field-encoding register (LLVM lists it as
// written); the block is an unmodeled note, not input-overwritten.
void vmwrite_field(unsigned long field, unsigned long val) {
  // CHECK: input-overwritten.c:[[@LINE+1]]:17: note: the block is not verified: `vmwriteq {{.*}}` cannot be modeled {{.*}}[asmstory-unmodeled]
  asm volatile("vmwrite %1, %0" : : "r"(field), "rm"(val) : "cc", "memory");
}

// Correct: operations that undo themselves leave the input as it was
// (a 32-bit write zeroes the upper half, which a 32-bit input does not have).
unsigned bswap_twice(unsigned x) { asm("bswap %0\n\tbswap %0" : : "r"(x)); return x; }
int neg_twice(int x) { asm("neg %0\n\tneg %0" : : "r"(x) : "cc"); return x; }
long not_twice(long x) { asm("not %0\n\tnot %0" : : "r"(x)); return x; }
unsigned rotate_back(unsigned x) { asm("roll $3, %0\n\trorl $3, %0" : : "r"(x) : "cc"); return x; }
// neg then not is x - 1; a 32-bit bswap pair zeroes the upper half of a long.
int neg_not_bad(int x) {
  // CHECK: input-overwritten.c:[[@LINE+1]]:18: warning: `notl {{.*}}` writes {{r..}}, which holds input-only operand %0 (`x`); {{.*}}[asmstory-input-overwritten]
  asm("neg %0\n\tnot %0" : : "r"(x) : "cc");
  return x;
}
long bswap32_of_long_bad(long x) {
  // CHECK: input-overwritten.c:[[@LINE+1]]:21: warning: `bswapl {{.*}}` writes {{r..}}, which holds input-only operand %0 (`x`); {{.*}}[asmstory-input-overwritten]
  asm("bswap %k0\n\tbswap %k0" : : "r"(x));
  return x;
}
