/* sqrt(x * x + 1) on the x87 stack */
double hypot1(double x) {
  double r;
  asm("fld %%st(0)\n\t"
      "fmulp\n\t"
      "fld1\n\t"
      "fadd %%st(1), %%st\n\t"
      "fsqrt"
      : "=t"(r) : "0"(x));
  return r;
}
