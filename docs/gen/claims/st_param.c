unsigned long long load32(const char *p) {
  unsigned long long r;
  asm("vmovdqu (%1), %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "r"(p) : "xmm0", "memory");
  return r;
}
