unsigned max_leaf(void) {
  unsigned eax = 0;
  asm volatile("cpuid" : "+a"(eax));
  return eax;
}
