unsigned low_tsc(void) {
  unsigned lo;
  asm volatile(".byte 0x0f, 0x31" : "=a"(lo) : : "rdx");
  return lo;
}
