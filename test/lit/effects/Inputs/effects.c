unsigned save_ebx(unsigned x) {
  unsigned r;
  asm volatile("push %%ebx\n\tmov %1, %%ebx\n\tmov %%ebx, %0\n\tpop %%ebx" : "=r"(r) : "r"(x));
  return r;
}
void bad(void) { asm volatile("frobnicate"); }
void data(void) { asm volatile(".long data"); }
