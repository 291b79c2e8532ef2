void load(const int *p) { asm volatile("movdqa (%0), %%xmm0" : : "r"(p) : "xmm0", "memory"); }
