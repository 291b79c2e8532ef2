int a1(int x) { int r; asm("mov $0, %0\n\tadd %1, %0" : "=a"(r) : "r"(x)); return r; }
int a2(int x) { int r; asm("mov $0, %0\n\tadd %1, %0" : "=a"(r) : "c"(x)); return r; }
