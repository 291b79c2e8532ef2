// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

int load_bad(const int *p) {
  int v;
  // CHECK: memory-read-undeclared.c:[[@LINE+1]]:8: warning: `movl (%rcx), %eax` reads memory through the pointer in %1 (`p`), but it has no input memory operand for it and no "memory" clobber; the compiler may keep that memory's value in a register{{.*}}[asmstory-memory-read-undeclared]
  asm("mov (%1), %0" : "=r"(v) : "r"(p));
  // CHECK: note: fix: add "memory" to the clobbers
  return v;
}

// Correct: an "m" input; a "memory" clobber; rep movsb with "memory".
int load_ok(const int *p) { int v; asm("mov %1, %0" : "=r"(v) : "m"(*p)); return v; }
int load_clobber_ok(const int *p) { int v; asm("mov (%1), %0" : "=r"(v) : "r"(p) : "memory"); return v; }
void copy_ok(void *d, const void *s, unsigned long n) {
  asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}
