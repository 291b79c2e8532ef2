long widen(int a) {
  long r;
  asm("mov %q1, %0" : "=r"(r) : "r"(a));
  return r;
}
