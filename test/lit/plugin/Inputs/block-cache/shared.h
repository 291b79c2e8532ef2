/* A header helper every file that includes it carries: the same block. */
static inline unsigned long shared_swap(unsigned long x) {
  asm("xchg %0, %%rbx" : "+r"(x));
  return x;
}
