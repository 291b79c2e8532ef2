unsigned long mulhi(unsigned x, unsigned long y) {
  unsigned long lo, hi;
  asm("mulq %3" : "=a"(lo), "=d"(hi) : "a"(x), "r"(y));
  return hi;
}
