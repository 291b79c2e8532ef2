int high_half(int x) {
  int hi;
  asm("cltd" : "=d"(hi) : "a"(x));
  return hi;
}
