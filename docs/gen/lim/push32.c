unsigned max_leaf(void) {
  unsigned eax = 0;
  asm volatile("push %%ebx\n\tcpuid\n\tpop %%ebx" : "+a"(eax) : : "ecx", "edx");
  return eax;
}
