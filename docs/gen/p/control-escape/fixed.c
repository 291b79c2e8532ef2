int is_zero(int x) {
  asm goto("test %0, %0\n\tjz %l1" : : "r"(x) : "cc" : zero);
  return 0;
zero:
  return 1;
}
