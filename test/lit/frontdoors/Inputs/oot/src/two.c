#include "cpu.h"
unsigned long two(unsigned long x) {
  __asm__ volatile("incq %0" : : "r"(x));
  return x + cpu_max_leaf();
}
