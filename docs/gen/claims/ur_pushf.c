unsigned long read_flags(void) {
  unsigned long f;
  asm volatile("lea -128(%%rsp), %%rsp\n\tpushf\n\tpop %0\n\tlea 128(%%rsp), %%rsp" : "=r"(f));
  return f;
}
