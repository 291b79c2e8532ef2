#include "sample.h"

unsigned max_leaf(void) {
  unsigned a = 0;
  asm volatile("cpuid" : "+a"(a));
  return a;
}

unsigned long long timestamp(void) {
  unsigned lo, hi;
  asm("rdtsc" : "=a"(lo), "=d"(hi));
  return ((unsigned long long)hi << 32) | lo;
}

int sum(int a, int b) {
  int r;
  asm("mov %1, %0\n\tadd %2, %0" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
