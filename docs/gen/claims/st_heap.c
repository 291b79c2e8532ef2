#include <stdlib.h>
long second(void) { long *p = malloc(8); long v; asm volatile("movq 8(%1), %0" : "=r"(v) : "r"(p) : "memory"); free(p); return v; }
