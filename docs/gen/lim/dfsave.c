void saved_ok(void) {
  asm volatile("sub $128, %%rsp\n\tpushf\n\tstd\n\tpopf\n\tadd $128, %%rsp");
}
