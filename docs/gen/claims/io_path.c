void never(unsigned n) {
  asm volatile("mov $1, %%ecx\n\ttest %%ecx, %%ecx\n\tjnz 1f\n\tdec %0\n1:" : : "r"(n) : "rcx");
}
