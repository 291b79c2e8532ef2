int load(const int *p) {
  int v;
  asm("movl %1, %0" : "=r"(v) : "m"(*p));
  return v;
}
