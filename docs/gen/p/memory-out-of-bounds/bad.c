#include <stddef.h>

unsigned long long load32(void) {
  char buf[16] = {0};
  unsigned long long r;
  asm("vmovdqu %1, %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "m"(*(char (*)[32])buf) : "xmm0");
  return r;
}

void fill(size_t n) {
  char buf[32];
  char *d = buf;
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
}
