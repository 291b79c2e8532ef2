unsigned max_leaf(void) {
  unsigned eax = 0, ebx, ecx, edx;
  asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
  return eax;
}
