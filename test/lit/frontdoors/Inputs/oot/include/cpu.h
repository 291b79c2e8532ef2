/* Included by both translation units: its finding is reported once. */
static inline unsigned cpu_max_leaf(void) {
  unsigned a, b, c, d;
  __asm__ volatile("cpuid" : "=a"(a) : "a"(0));
  (void)b; (void)c; (void)d;
  return a;
}
