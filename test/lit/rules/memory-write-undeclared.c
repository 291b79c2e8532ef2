// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

void store_bad(int *p) {
  // CHECK: memory-write-undeclared.c:[[@LINE+1]]:17: warning: `movl $1, (%rax)` writes memory through the pointer in %0 (`p`), but it has no output memory operand for it and no "memory" clobber{{.*}}[asmstory-memory-write-undeclared]
  asm volatile("movl $1, (%0)" : : "r"(p));
}
void store_input_bad(int *p) {
  // CHECK: memory-write-undeclared.c:[[@LINE+1]]:17: warning: `movl $1, (%rax)` writes memory through memory operand %0 (`*p`), but %0 (`*p`) is an input-only operand ("m"){{.*}}[asmstory-memory-write-undeclared]
  asm volatile("movl $1, %0" : : "m"(*p));
  // CHECK: note: fix: make %0 (`*p`) an in/out memory operand ("+m")
}

// Correct: "=m", "+m" with lock cmpxchg, "memory".
void store_ok(int *p) { asm volatile("movl $1, %0" : "=m"(*p)); }
int cas_ok(int *p, int old, int new) {
  asm volatile("lock cmpxchg %2, %1" : "+a"(old), "+m"(*p) : "r"(new) : "memory");
  return old;
}
void store_clobber_ok(int *p) { asm volatile("movl $1, (%0)" : : "r"(p) : "memory"); }
