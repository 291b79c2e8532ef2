void symbolic(long n) {
  asm volatile("sub %0, %%rsp\n\tpush %%rbx\n\tmov $1, %%ebx\n\tpop %%rbx\n\tadd %0, %%rsp" :: "r"(n));
}
