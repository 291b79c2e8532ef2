long sys(long n) {
  long r;
  asm volatile("syscall" : "=a"(r) : "a"(n));
  return r;
}
long sys2(long n) {
  asm volatile("syscall" : "+a"(n) :: "memory");
  return n;
}
void rep(void *d, unsigned long n) {
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0));
}
int xchg_in(int a) {
  asm volatile("xchg %0, %0" :: "r"(a));
  return a;
}
