int sum(int a, int b) {
  int r;
  asm("mov %1, %0\n\tadd %2, %0" : "=&r"(r) : "r"(a), "r"(b));
  return r;
}
