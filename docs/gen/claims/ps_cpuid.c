unsigned c(void) { unsigned a = 0, b, cc, d; asm("cpuid" : "+a"(a), "=b"(b), "=c"(cc), "=d"(d)); return b; }
unsigned x(unsigned n) { unsigned a, d; asm("xgetbv" : "=a"(a), "=d"(d) : "c"(n)); return a; }
