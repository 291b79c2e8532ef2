unsigned leafv(unsigned l) { unsigned a, b, c, d; asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(l)); return b; }
unsigned leafmov(void) { unsigned a, b, c, d; asm volatile("mov $7, %%eax\n\tcpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)); return b; }
