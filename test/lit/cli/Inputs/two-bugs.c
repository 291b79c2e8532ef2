void cpuid_bad(unsigned leaf) { asm volatile("cpuid" : "+a"(leaf)); }
int load_bad(const int *p) { int v; asm("mov (%1), %0" : "=r"(v) : "r"(p)); return v; }
void ok(void) { asm volatile("nop"); }
