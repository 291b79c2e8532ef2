int f(void) { const int x = 5; asm volatile("movl $1, (%0)" : : "r"(&x) : "memory"); return x; }
