void xs(char *p) { asm volatile("xsave (%0)" : : "r"(p), "a"(-1), "d"(-1) : "memory"); }
void z(const char *p) { asm volatile("vmovdqa64 (%0), %%zmm0" : : "r"(p) : "xmm0", "memory"); }
void nt(const char *p) { asm volatile("movntdqa (%0), %%xmm0" : : "r"(p) : "xmm0", "memory"); }
void pa(const char *p) { asm volatile("paddd (%0), %%xmm0" : : "r"(p) : "xmm0", "memory"); }
void vpa(const char *p) { asm volatile("vpaddd (%0), %%xmm0, %%xmm0" : : "r"(p) : "xmm0", "memory"); }
