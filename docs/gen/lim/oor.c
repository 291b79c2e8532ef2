int f(void){int x; asm("mov %3, %0" : "=r"(x)); return x;}
