unsigned cpuid_ebx(unsigned leaf) {
  unsigned ebx;
  asm volatile("sub $128, %%rsp\n\tpush %%rbx\n\tcpuid\n\tmov %%ebx, %1\n\tpop %%rbx\n\tadd $128, %%rsp"
               : "+a"(leaf), "=b"(ebx) : : "rcx", "rdx");
  return ebx;
}
