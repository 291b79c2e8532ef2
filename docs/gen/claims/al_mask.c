#include <stdint.h>
void masked(const char *p) { p = (const char *)((uintptr_t)p & ~(uintptr_t)15); asm volatile("movdqa (%0), %%xmm0" : : "r"(p) : "xmm0", "memory"); }
