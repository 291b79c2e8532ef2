int nonzero_or_zero(int a) {
  int r;
  asm("xor %0, %0\n\ttest %1, %1\n\tjz 1f\n\tmov %1, %0\n1:" : "=&r"(r) : "r"(a));
  return r;
}
