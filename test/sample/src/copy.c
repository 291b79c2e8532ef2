#include "sample.h"

void copy(void *d, const void *s, size_t n) {
  asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}

int load(const int *p) {
  int v;
  asm("mov (%1), %0" : "=r"(v) : "r"(p));
  return v;
}
