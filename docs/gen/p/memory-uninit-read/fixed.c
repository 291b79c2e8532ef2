#include <string.h>
typedef long long v2di __attribute__((vector_size(16)));

v2di load(const char *src) {
  char buf[16] = {0};
  v2di r;
  memcpy(buf, src, 8);
  asm("movdqu %1, %0" : "=x"(r) : "m"(buf));
  return r;
}

int pick(int c) {
  int v = 0, r;
  if (c) v = 1;
  asm("movl %1, %0" : "=r"(r) : "m"(v));
  return r;
}
