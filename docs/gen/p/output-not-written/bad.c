int nonzero_or_garbage(int a) {
  int r;
  asm("test %1, %1\n\tjz 1f\n\tmov %1, %0\n1:" : "=r"(r) : "r"(a));
  return r;
}
