void plus_sixteen(void) {
  char buf[64] = {0};
  asm volatile("movdqa (%0), %%xmm0" : : "r"(buf + 16) : "xmm0", "memory");
}

typedef struct { _Alignas(32) char b[32]; } block32;

void load(const block32 *p) {
  asm volatile("vmovdqa (%0), %%ymm0" : : "r"(p) : "xmm0", "memory");
}

void load_any(const char *p) {
  asm volatile("vmovdqu (%0), %%ymm0" : : "r"(p) : "xmm0", "memory");
}
