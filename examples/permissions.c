/* The permission story: every memory access needs a pointer handed to the
 * block whose provenance grants it.  `make run` shows each story
 * (--explain); three blocks have none. */
#include <stddef.h>

/* Justified: 16 bytes through a pointer into a 16-byte local. */
unsigned long long load16(void) {
  char buf[16] = {0};
  unsigned long long r;
  asm("movdqu %1, %%xmm0\n\tmovq %%xmm0, %0" : "=r"(r) : "m"(buf) : "xmm0");
  return r;
}

/* Justified by a dominating check: n <= 32 at the asm. */
void clear(size_t n) {
  char buf[32];
  char *d = buf;
  if (n <= 32) asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
  asm volatile("" : : "r"(buf) : "memory");
}

/* No story: nothing bounds n; the counterexample is n = 33. */
void clear_unchecked(size_t n) {
  char buf[32];
  char *d = buf;
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
  asm volatile("" : : "r"(buf) : "memory");
}

/* No story: movdqa needs 16-byte alignment, buf + 1 is never aligned. */
void misaligned(void) {
  char buf[64] = {0};
  asm volatile("movdqa (%0), %%xmm0" : : "r"(buf + 1) : "xmm0", "memory");
}

/* No story: a string literal grants only reading. */
void write_literal(void) { asm volatile("movb $1, (%0)" : : "r"("hello") : "memory"); }
