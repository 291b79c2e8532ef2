static _Alignas(16) char g[64];
void at(long i) { asm volatile("movdqa (%0,%1), %%xmm0" : : "r"(g), "r"(i) : "xmm0", "memory"); }
