int f(int x) {
  int r;
  asm("mov %1, %0" : "=r"(r) : "=r"(x));
  return r;
}
