unsigned long load8(unsigned long *p) {
  unsigned long r;
  asm("push rbx\n\tmov rbx, QWORD PTR [%1+8]\n\tmov %0, rbx\n\tpop rbx" : "=r"(r) : "r"(p) : "memory");
  return r;
}
