unsigned long my_strlen(const char *p) {
  unsigned long count;
  asm("repne scasb" : "=c"(count), "+D"(p) : "m"(*(const char (*)[4096])p), "0"(-1L), "a"(0));
  return -2 - count;
}
