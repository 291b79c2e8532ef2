void aligned_frame(void) {
  asm volatile("mov %%rsp, %%rbx\n\tand $-16, %%rsp\n\tsub $128, %%rsp\n\tpush %%rax\n\tpop %%rax\n\tmov %%rbx, %%rsp" ::: "rbx");
}
