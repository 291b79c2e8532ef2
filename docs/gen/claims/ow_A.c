unsigned long long rd(void) { unsigned long long v; asm volatile("xor %%eax, %%eax" : "=A"(v)); return v; }
