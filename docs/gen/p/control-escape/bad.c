int is_zero(int x) {
  asm volatile("test %0, %0\n\tjz zero" : : "r"(x));
  return 0;
zero:
  return 1;
}
