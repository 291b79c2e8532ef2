void delay(unsigned n) {
  asm volatile("1: dec %0\n\tjnz 1b" : "+r"(n));
}
