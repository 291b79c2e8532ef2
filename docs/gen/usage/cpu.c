static char buf[64];

void clear(unsigned long n) {
  char *d = buf;
  if (n <= sizeof buf)
    asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
}

unsigned max_leaf(void) {
  unsigned eax = 0;
  asm volatile("cpuid" : "+a"(eax));
  return eax;
}

unsigned features(void) {
  unsigned a, b, c, d;
  asm("xchg %%rbx, %q1\n\tcpuid\n\txchg %%rbx, %q1"
      : "=a"(a), "=&r"(b), "=c"(c), "=d"(d) : "0"(1));
  return b;
}

unsigned long flags(void) {
  unsigned long f;
  asm volatile("sub $128, %%rsp\n\tpushf\n\tpop %0\n\tadd $128, %%rsp" : "=r"(f));
  return f;
}
