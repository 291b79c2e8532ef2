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

void clear(size_t n) {
  char buf[64];
  if (n == 0 || n > 100) return;
  char *p = buf, *end = buf + n;
  __asm__ volatile("1: movb $0, (%0)\n\tinc %0\n\tcmp %1, %0\n\tjb 1b" : "+r"(p) : "r"(end) : "memory");
  __asm__ volatile("" :: "r"(buf) : "memory");
}
