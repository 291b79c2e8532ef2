void set_flags(unsigned long f) {
  asm volatile("sub $128, %%rsp\n\tpush %0\n\tpopf\n\tadd $128, %%rsp" : : "r"(f) : "cc");
}
