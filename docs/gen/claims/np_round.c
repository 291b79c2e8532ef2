#include <stdint.h>
int second(int *p) { uintptr_t a = (uintptr_t)p; int v; asm volatile("movl (%1), %0" : "=r"(v) : "r"((int *)(a + 4)) : "memory"); return v; }
