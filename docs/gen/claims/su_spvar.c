void x87(double *p) {
  asm volatile("fld1\n\tfstpl %0" : "=m"(*p));
}
void x87_leave(void) {
  asm volatile("fld1");
}
void sse(void) {
  asm volatile("pxor %%xmm0, %%xmm0");
}
void loop_push(unsigned long n) {
  asm volatile("sub $128, %%rsp\n1:\tpush %%rax\n\tdec %0\n\tjnz 1b\n\tlea (%%rsp,%0,8), %%rsp\n\tadd $128, %%rsp" : "+r"(n));
}
void loop_balanced(unsigned long n) {
  asm volatile("sub $128, %%rsp\n1:\tpush %%rax\n\tpop %%rax\n\tdec %0\n\tjnz 1b\n\tadd $128, %%rsp" : "+r"(n));
}
void var_sp(unsigned long n) {
  asm volatile("sub %0, %%rsp\n\tadd %0, %%rsp" : : "r"(n));
}
void redzone_store(void) {
  asm volatile("movq $0, -8(%%rsp)");
}
void caller_frame(void) {
  int v;
  asm volatile("movl 8(%%rsp), %0" : "=r"(v));
}
