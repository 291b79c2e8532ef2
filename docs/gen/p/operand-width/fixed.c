long widen(int a) {
  long r;
  asm("movslq %1, %0" : "=r"(r) : "r"(a));
  return r;
}
