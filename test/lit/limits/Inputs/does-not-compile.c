// Several errors: the first one is reported.
#include "no-such-header-asmstory.h"
int f(int x) {
  asm volatile("nop" : "=r"(x) : "q"(undeclared));
  return x +;
}
