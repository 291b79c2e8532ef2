#include <stdint.h>
int intop(uintptr_t a) { int v; asm volatile("movl (%1), %0" : "=r"(v) : "r"(a) : "memory"); return v; }
