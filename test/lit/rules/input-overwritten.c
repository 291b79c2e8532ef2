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
