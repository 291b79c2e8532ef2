int foo(void);
int r1(void) { int r; asm("sub $128, %%rsp\n\tcall foo\n\tadd $128, %%rsp" : "=r"(r) :: "rax","rcx","rdx","rsi","rdi","r8","r9","r10","r11","memory"); return r; }
void r2(int *p) { asm volatile("sub $128, %%rsp\n\tcall foo\n\tadd $128, %%rsp" : "=m"(*p) :: "rax","rcx","rdx","rsi","rdi","r8","r9","r10","r11","memory"); }
