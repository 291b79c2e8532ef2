int apic_id(void) { volatile int *r = (volatile int *)0xfee00020; int v; asm volatile("movl %1, %0" : "=r"(v) : "m"(*r)); return v; }
