int table[4];
int get(long i) { int v; asm("movl (%1,%2,4), %0" : "=r"(v) : "r"(table), "r"(i) : "memory"); return v; }
int get_small(unsigned i) { int v = 0; if (i < 5) asm("movl (%1,%2,4), %0" : "=r"(v) : "r"(table), "r"((long)i) : "memory"); return v; }
