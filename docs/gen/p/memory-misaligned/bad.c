void plus_one(void) {
  char buf[64] = {0};
  asm volatile("movdqa (%0), %%xmm0" : : "r"(buf + 1) : "xmm0", "memory");
}

void load(const char *p) {
  asm volatile("vmovdqa (%0), %%ymm0" : : "r"(p) : "xmm0", "memory");
}
