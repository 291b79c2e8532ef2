int accumulate(int acc, int a) {
  asm("add %1, %0" : "+r"(acc) : "r"(a));
  return acc;
}
