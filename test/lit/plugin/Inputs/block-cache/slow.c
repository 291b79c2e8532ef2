void slow(void) { __asm__ volatile(".rept 2000000000\n nop\n.endr"); }
