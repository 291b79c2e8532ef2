void write_through_const_param(const int *p) { asm volatile("movl $1, (%0)" : : "r"(p) : "memory"); }
