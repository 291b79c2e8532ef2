#include <stddef.h>
static void fill(char *d, size_t n) { asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory"); }
void big(void) { char b[16]; fill(b, 9); asm volatile("" : : "r"(b) : "memory"); }
void small(void) { char b[8]; fill(b, 9); asm volatile("" : : "r"(b) : "memory"); }
