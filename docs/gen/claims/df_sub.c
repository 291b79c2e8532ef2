void df_sub(long n) {
  asm volatile("sub %0, %%rsp\n\tpushf\n\tstd\n\tpopf\n\tadd %0, %%rsp" :: "r"(n));
}
