unsigned char low_byte(unsigned x) {
  unsigned char r;
  asm("movb %b1, %0" : "=q"(r) : "q"(x));
  return r;
}
