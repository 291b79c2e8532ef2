#include <emmintrin.h>
int arr[4];
int oob(void) { int v; asm("movl 16%1, %0" : "=r"(v) : "m"(arr)); return v; }
void mis(char *p) { char buf[32]; asm volatile("movdqa (%0), %%xmm0" :: "r"(buf + 1) : "xmm0", "memory"); }
static const int K = 5;
void ro(void) { asm volatile("movl $1, %0" :: "m"(K) : "memory"); }
void nop_(void) { asm volatile("movl $1, 0x1000" ::: "memory"); }
