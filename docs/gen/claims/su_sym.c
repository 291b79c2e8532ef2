void var_sp(unsigned long n) { asm volatile("sub %0, %%rsp\n\tadd %0, %%rsp" : : "r"(n)); }
