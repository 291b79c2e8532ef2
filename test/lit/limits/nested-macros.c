// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// Limits: an asm statement produced through 40 levels of nested macros, its
// template pasted together from macro strings.  It is found, and the finding
// points at the use of the outermost macro.

#define STR_(x) #x
#define STR(x) STR_(x)
#define INSN(op, a, b) STR(op) " " STR(a) ", " STR(b) "\n\t"
#define L0(t, x) asm volatile(t : "+r"(x))
#define L1(t, x) L0(t, x)
#define L2(t, x) L1(t, x)
#define L3(t, x) L2(t, x)
#define L4(t, x) L3(t, x)
#define L5(t, x) L4(t, x)
#define L6(t, x) L5(t, x)
#define L7(t, x) L6(t, x)
#define L8(t, x) L7(t, x)
#define L9(t, x) L8(t, x)
#define M0(t, x) L9(t, x)
#define M1(t, x) M0(t, x)
#define M2(t, x) M1(t, x)
#define M3(t, x) M2(t, x)
#define M4(t, x) M3(t, x)
#define M5(t, x) M4(t, x)
#define M6(t, x) M5(t, x)
#define M7(t, x) M6(t, x)
#define M8(t, x) M7(t, x)
#define M9(t, x) M8(t, x)
#define N0(t, x) M9(t, x)
#define N1(t, x) N0(t, x)
#define N2(t, x) N1(t, x)
#define N3(t, x) N2(t, x)
#define N4(t, x) N3(t, x)
#define N5(t, x) N4(t, x)
#define N6(t, x) N5(t, x)
#define N7(t, x) N6(t, x)
#define N8(t, x) N7(t, x)
#define N9(t, x) N8(t, x)
#define O0(t, x) N9(t, x)
#define O1(t, x) O0(t, x)
#define O2(t, x) O1(t, x)
#define O3(t, x) O2(t, x)
#define O4(t, x) O3(t, x)
#define O5(t, x) O4(t, x)
#define O6(t, x) O5(t, x)
#define O7(t, x) O6(t, x)
#define O8(t, x) O7(t, x)
#define O9(t, x) O8(t, x)
#define DEEP(t, x) O9(t, x)

unsigned long bad(unsigned long x) {
  // CHECK: nested-macros.c:[[@LINE+1]]:3: warning: the block changes rbx but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  DEEP(INSN(movq, $1, %%rbx) INSN(addq, %%rbx, %0), x);
  return x;
}

unsigned long good(unsigned long x) {
  DEEP(INSN(addq, $1, %0) INSN(addq, $2, %0), x);
  return x;
}
