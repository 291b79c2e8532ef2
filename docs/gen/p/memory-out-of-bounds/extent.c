#include <stddef.h>

struct msg {
  unsigned n;
  unsigned flags;
  int data[] __attribute__((counted_by(n)));
};

void *pool_get(size_t n) __attribute__((alloc_size(1)));

void head(struct msg *s) {
  __asm__ volatile("movdqu (%0), %%xmm0" :: "r"(s->data) : "xmm0", "memory");
}

void fill(size_t n) {
  char *d = pool_get(n);
  size_t c = n + 1;
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(c) : "a"(0) : "memory");
}

unsigned sum(size_t n) {
  unsigned char buf[64];
  __builtin_memset(buf, 1, sizeof buf);
  if (n == 0 || n > 128) return 0;
  const unsigned char *p = buf, *end = buf + n;
  unsigned s = 0;
  __asm__("1: addb (%1), %b0\n\tinc %1\n\tcmp %2, %1\n\tjb 1b" : "+r"(s), "+r"(p) : "r"(end) : "memory");
  return s;
}
