static inline unsigned long long load32(void) {
  char buf[16] = {0};
  unsigned long long r;
  asm("vmovdqu %1, %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "m"(*(char (*)[32])buf) : "xmm0");
  return r;
}
