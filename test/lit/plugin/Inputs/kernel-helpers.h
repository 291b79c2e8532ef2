/* Kernel-style helpers in a header: a size-dispatch macro and inline
 * functions, most of which a given file never calls. */
#define xchg_sized(ptr, v)                                                    \
  ({                                                                          \
    __typeof__(*(ptr)) __ret = (v);                                           \
    switch (sizeof(*(ptr))) {                                                 \
    case 1: {                                                                 \
      asm volatile("xchgb %b0, %1" : "+q"(__ret), "+m"(*(ptr)) : : "memory"); \
      break;                                                                  \
    }                                                                         \
    case 4: {                                                                 \
      asm volatile("xchgl %0, %1" : "+r"(__ret), "+m"(*(ptr)) : : "memory");  \
      break;                                                                  \
    }                                                                         \
    case 8: {                                                                 \
      asm volatile("xchgq %q0, %1" : "+r"(__ret), "+m"(*(ptr)) : : "memory"); \
      break;                                                                  \
    }                                                                         \
    }                                                                         \
    __ret;                                                                    \
  })

/* Buggy (cpuid writes ebx, ecx, edx), but only files that call it compile it. */
static inline unsigned cpuid_eax(unsigned leaf) {
  asm volatile("cpuid" : "+a"(leaf));
  return leaf;
}

/* Buggy too, and called by nobody. */
static inline unsigned long read_tsc(void) {
  unsigned long lo;
  asm volatile("rdtsc" : "=a"(lo));
  return lo;
}
