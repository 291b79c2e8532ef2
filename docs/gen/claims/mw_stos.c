void zero16(char *d) {
  unsigned long n = 16;
  asm volatile("rep stosb" : "+D"(d), "+c"(n), "=m"(*(char (*)[16])d) : "a"(0));
}
