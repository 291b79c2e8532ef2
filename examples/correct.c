/* Correct inline asm: asmstory is silent on every block; --explain shows
 * how each operand was bound and what each block touches. */
#include <stddef.h>
#include <stdint.h>

void cpuid(uint32_t leaf, uint32_t r[4]) {
  asm volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(0));
}
void *copy(void *d, const void *s, size_t n) {
  void *ret = d;
  asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
  return ret;
}
int cas(int *p, int old, int new) {
  asm volatile("lock cmpxchgl %2, %1" : "+a"(old), "+m"(*p) : "r"(new) : "memory");
  return old;
}
uint64_t timestamp(void) {
  uint32_t lo, hi;
  asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return ((uint64_t)hi << 32) | lo;
}
void delay(unsigned n) { asm volatile("1: dec %0\n\tjnz 1b" : "+r"(n)); }
uint32_t save_rbx(uint32_t leaf) {
  asm volatile("mov %%rbx, %%r8\n\tcpuid\n\tmov %%r8, %%rbx" : "+a"(leaf) : : "rcx", "rdx", "r8");
  return leaf;
}
