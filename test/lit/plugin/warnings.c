// Findings are compiler warnings of the inline-asm group, at the instruction
// inside the asm string, with notes and the rule id; the object is built.
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: test -s %t.o

// CHECK: warnings.c:[[@LINE+3]]:17: warning: the block changes rcx, rbx, rdx but declares them neither as an output nor as a clobber; {{.*}} [asmstory-clobber-missing] [-Winline-asm]
// CHECK: note: `cpuid` writes rbx and the block does not restore it
unsigned max_leaf(unsigned a) {
  asm volatile("cpuid" : "+a"(a));
  return a;
}

// The second line of the template: column inside the literal, after "\n\t".
long scratch(long x) {
  long r;
  asm("mov %1, %0\n\t"
      "lea (%%r8,%0), %0"
      : "=&r"(r)
      : "r"(x));
  // CHECK: warnings.c:[[@LINE-3]]:8: warning: the block uses the value of r8{{.*}}[asmstory-undefined-read] [-Winline-asm]
  return r;
}

// Basic asm reads its template literally: no %-substitution, no finding.
void basic(void) { asm("nop"); }

// An unused static function is checked too (the AST sees it).
static void unused(unsigned *p) {
  // CHECK: warnings.c:[[@LINE+1]]:17: warning: {{.*}} [asmstory-clobber-missing]
  asm volatile("rdtscp" : "=a"(p[0]), "=d"(p[1]));
}

// A statement from a macro: the warning points into the macro body.
#define SPIN() asm volatile("pause\n\tmov $1, %%r11" ::: "memory")
void spin(void) {
  // CHECK: warnings.c:[[@LINE+2]]:3: warning: {{.*}}r11{{.*}}[asmstory-clobber-missing]
  // CHECK: note: expanded from macro 'SPIN'
  SPIN();
}
