void pushes(unsigned long n) {
  unsigned long k;
  asm volatile("sub $128, %%rsp\n\tmov %1, %0\n1:\tpush %%rax\n\tdec %0\n\tjnz 1b\n\tlea (%%rsp,%1,8), %%rsp\n\tadd $128, %%rsp" : "=&r"(k) : "r"(n));
}
