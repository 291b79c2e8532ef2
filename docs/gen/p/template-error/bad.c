unsigned char low_byte(unsigned x) {
  unsigned char r;
  asm("movb %1, %0" : "=q"(r) : "r"(x));
  return r;
}
