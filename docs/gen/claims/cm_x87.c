void x87_leave(void) { asm volatile("fld1"); }
