long trunc_or_zero(double d) {
  long r;
  asm("xor %k0, %k0\n\tcvttsd2si %1, %0" : "=r"(r) : "x"(d));
  return r;
}
