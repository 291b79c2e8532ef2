unsigned max_leaf(void) {
  unsigned eax = 0;
  asm volatile("push %%rbx\n\tcpuid\n\tpop %%rbx" : "+a"(eax) : : "rcx", "rdx");
  return eax;
}
