// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

// The output is written before the second input is read.
int sum_bad(int a, int b) {
  int r;
  // CHECK: early-clobber-missing.c:[[@LINE+1]]:8: warning: output %0 (`r`) is written before input %2 (`b`) is read, but is not early-clobber; {{.*}}[asmstory-early-clobber-missing]
  asm("mov %1, %0\n\tadd %2, %0" : "=r"(r) : "r"(a), "r"(b));
  // CHECK: note: fix: mark %0 (`r`) early-clobber: "=&r"
  return r;
}

// The output register may be the address register of a memory input.
int load_bad(int a, const int *p) {
  int r;
  // CHECK: early-clobber-missing.c:[[@LINE+1]]:8: warning: output %0 (`r`) is written before the address of %2 (`*p`) is used, but is not early-clobber{{.*}}[asmstory-early-clobber-missing]
  asm("mov %1, %0\n\tadd %2, %0" : "=r"(r) : "r"(a), "m"(*p));
  return r;
}

// Correct: early-clobber; last input read before the write; tied input.
int sum_ok(int a, int b) { int r; asm("mov %1, %0\n\tadd %2, %0" : "=&r"(r) : "r"(a), "r"(b)); return r; }
int lea_ok(int a, int b) { int r; asm("lea (%1,%2), %0" : "=r"(r) : "r"(a), "r"(b)); return r; }
int tied_ok(int a, int b) { int r; asm("add %2, %0" : "=r"(r) : "0"(a), "r"(b)); return r; }
