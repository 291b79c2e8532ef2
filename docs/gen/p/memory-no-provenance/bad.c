int read_fixed(void) {
  int v;
  asm volatile("movl 0x1000, %0" : "=r"(v) : : "memory");
  return v;
}

int read_at(unsigned long addr) {
  int v;
  asm volatile("movl (%1), %0" : "=r"(v) : "r"((const int *)addr) : "memory");
  return v;
}
