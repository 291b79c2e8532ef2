void *self(void) { void *s; asm("movq %%fs:0, %0" : "=r"(s)); return s; }
