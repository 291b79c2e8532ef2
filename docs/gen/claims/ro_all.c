static const int table[4] = {1, 2, 3, 4};
void write_const(void) { asm volatile("movl $1, (%0)" : : "r"(table) : "memory"); }
void write_literal(void) { asm volatile("movb $1, (%0)" : : "r"("hello") : "memory"); }
void m_const(void) { asm volatile("movl $1, %0" : : "m"(table[1])); }
void plusm(void) { asm volatile("incl %0" : "+m"(*(int *)&table[1])); }
const int ext_table[4] = {1,2,3,4};
void ext(void) { asm volatile("movl $1, (%0)" : : "r"(ext_table) : "memory"); }
extern const int decl_table[4];
void decl(void) { asm volatile("movl $1, (%0)" : : "r"(decl_table) : "memory"); }
void rd(void) { int v; asm volatile("movl (%1), %0" : "=r"(v) : "r"(table) : "memory"); }
void loc(void) { const int x = 5; asm volatile("movl $1, (%0)" : : "r"(&x) : "memory"); }
void cmpx(void) { int old = 1; asm volatile("lock cmpxchgl %2, (%1)" : "+a"(old) : "r"(table), "r"(2) : "memory"); }
void lit2(void) { char *s = "abc"; asm volatile("movb $1, 1(%0)" : : "r"(s) : "memory"); }
