static int table[4] = {1, 2, 3, 4};

void bump_first(void) {
  asm volatile("incl (%0)" : : "r"(table) : "memory");
}

void patch_greeting(void) {
  char s[] = "hello";
  asm volatile("movb $'H', (%0)" : : "r"(s) : "memory");
}
