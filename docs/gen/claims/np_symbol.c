extern int counter;
int by_name(void) { int v; asm volatile("movl counter(%%rip), %0" : "=r"(v) :: "memory"); return v; }
int by_operand(void) { int v; asm volatile("movl %1, %0" : "=r"(v) : "m"(counter)); return v; }
