void foo(void);
void f(void){ asm volatile("call foo" ::: "memory"); }
