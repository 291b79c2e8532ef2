typedef char a16 __attribute__((aligned(16)));
void typed(const a16 *p) { asm volatile("movdqa (%0), %%xmm0" : : "r"(p) : "xmm0", "memory"); }
