void store_one(int *p) {
  asm volatile("movl $1, (%0)" : : "r"(p));
}
