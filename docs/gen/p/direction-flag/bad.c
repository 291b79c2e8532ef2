void copy_backwards(char *dst_end, const char *src_end, unsigned long n) {
  asm volatile("std\n\trep movsb"
               : "+D"(dst_end), "+S"(src_end), "+c"(n) : : "memory");
}
