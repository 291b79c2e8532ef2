int caller_frame(void) { int v; asm volatile("movl 8(%%rsp), %0" : "=r"(v) :: "memory"); return v; }
