void partial(void) { asm volatile("sub $64, %%rsp\n\tpush %%rax\n\tpop %%rax\n\tadd $64, %%rsp"); }
void far(void) { asm volatile("movq $0, -200(%%rsp)"); }
void rzvar(long n) { asm volatile("sub %0, %%rsp\n\tpush %%rax\n\tpop %%rax\n\tadd %0, %%rsp" :: "r"(n)); }
