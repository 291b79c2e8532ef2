unsigned max_leaf(void) {
  unsigned eax = 0;
  asm volatile("sub $128, %%rsp\n\tpush %%rbx\n\tcpuid\n\tpop %%rbx\n\tadd $128, %%rsp"
               : "+a"(eax) : : "rcx", "rdx");
  return eax;
}
