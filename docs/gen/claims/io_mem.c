void f(int *p) { asm volatile("incl %0" :: "m"(*p)); }
