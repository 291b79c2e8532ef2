// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

unsigned long long tsc_bad(void) {
  unsigned lo, hi;
  // CHECK: pure-side-effect.c:[[@LINE+1]]:8: warning: `rdtsc` returns a value that changes between executions, but the block is not volatile{{.*}}[asmstory-pure-side-effect]
  asm("rdtsc" : "=a"(lo), "=d"(hi));
  // CHECK: note: fix: add volatile
  return ((unsigned long long)hi << 32) | lo;
}
unsigned char inb_bad(unsigned short port) {
  unsigned char v;
  // CHECK: pure-side-effect.c:[[@LINE+1]]:8: warning: `inb %dx, %al` performs port I/O{{.*}}[asmstory-pure-side-effect]
  asm("inb %1, %0" : "=a"(v) : "Nd"(port));
  return v;
}

// Correct: volatile.
unsigned long long tsc_ok(void) {
  unsigned lo, hi;
  asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return ((unsigned long long)hi << 32) | lo;
}
