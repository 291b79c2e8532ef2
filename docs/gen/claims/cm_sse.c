void sse(void) { asm volatile("pxor %%xmm0, %%xmm0"); }
