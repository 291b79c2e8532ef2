// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

// An int input read as 64 bits: the upper half is undefined.
long widen_bad(int a) {
  long r;
  // CHECK: operand-width.c:[[@LINE+1]]:8: warning: `movq {{.*}}` reads 64 bits of operand %1 (`a`), whose value has only 32 bits (int){{.*}}[asmstory-operand-width]
  asm("mov %q1, %0" : "=r"(r) : "r"(a));
  return r;
}
// A 64-bit output written only through its low byte.
long narrow_bad(void) {
  long r;
  // CHECK: operand-width.c:[[@LINE+1]]:8: warning: output %0 (`r`) has 64 bits but the block writes only its low 8 bits{{.*}}[asmstory-operand-width]
  asm("movb $1, %b0" : "=r"(r));
  return r;
}

// Correct: sign extension; full-width write.
long widen_ok(int a) { long r; asm("movslq %1, %0" : "=r"(r) : "r"(a)); return r; }
long narrow_ok(void) { long r; asm("movzbl %1, %k0" : "=r"(r) : "q"((char)1)); return r; }
