int foo(void);
int callpure(void) { int r; asm("sub $128, %%rsp\n\tcall foo\n\tadd $128, %%rsp" : "=a"(r) :: "rcx","rdx","rsi","rdi","r8","r9","r10","r11","memory"); return r; }
void abs_mem(void) { asm volatile("movl $1, 0x1000" ::: "memory"); }
