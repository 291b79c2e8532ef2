int f(void) { int x; asm("mov $1, %%ecx\n\ttest %%ecx, %%ecx\n\tjz 1f\n\tmov $5, %0\n1:" : "=r"(x) :: "rcx"); return x; }
