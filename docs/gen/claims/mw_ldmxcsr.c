void set_csr(unsigned v) { asm volatile("ldmxcsr %0" :: "m"(v)); }
