long write32(int fd, const char *b, unsigned long n) {
  asm volatile("int $0x80" : : "a"(4), "b"(fd), "c"(b), "d"(n) : "memory");
  return 0;
}
