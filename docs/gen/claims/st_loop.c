void clear9(void) {
  char b[8];
  char *d = b;
  asm volatile("mov $9, %%ecx\n1:\tmovb $0, (%0)\n\tadd $1, %0\n\tdec %%ecx\n\tjnz 1b" : "+r"(d) : : "rcx", "memory");
}
