void f(int *p) { asm volatile("nop" : "=m"(*p)); }
