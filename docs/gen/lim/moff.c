int second(const int *p) {
  int v;
  asm("movl 4%1, %0" : "=r"(v) : "m"(*p));
  return v;
}
