int f(void){int x; asm("jmp 2f" : "=r"(x)); return x;}
