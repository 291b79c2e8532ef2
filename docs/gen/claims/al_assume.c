void load(const char *p) {
  p = __builtin_assume_aligned(p, 16);
  asm volatile("movdqa (%0), %%xmm0" : : "r"(p) : "xmm0", "memory");
}
void load_down(const char *p) {
  p = __builtin_align_down(p, 16);
  asm volatile("movdqa (%0), %%xmm0" : : "r"(p) : "xmm0", "memory");
}
