#include "shared.h"
unsigned long b(unsigned long x) {
  asm("mov $1, %%rcx" ::: "memory");
  return shared_swap(x) * 2;
}
