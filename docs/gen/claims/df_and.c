void df_and(void) {
  asm volatile("mov %%rsp, %%rbx\n\tand $-16, %%rsp\n\tsub $128, %%rsp\n\tpushf\n\tstd\n\tpopf\n\tmov %%rbx, %%rsp" ::: "rbx");
}
