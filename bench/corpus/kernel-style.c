/* Kernel- and libc-style blocks: port I/O, MSRs, control registers, TLS,
 * system calls, x87 and a few data directives (varied on purpose: some are
 * modeled, some are reported unmodeled). */
#include <stdint.h>
static inline void outb(uint16_t port, uint8_t v) { asm volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port) { uint8_t v; asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint64_t rdmsr(uint32_t msr) {
  uint32_t lo, hi;
  asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
  return ((uint64_t)hi << 32) | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v) {
  asm volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)) : "memory");
}
static inline uint64_t read_cr3(void) { uint64_t v; asm volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static inline void invlpg(void *p) { asm volatile("invlpg (%0)" : : "r"(p) : "memory"); }
static inline void cli(void) { asm volatile("cli" ::: "memory"); }
static inline void sti(void) { asm volatile("sti" ::: "memory"); }
static inline void hlt(void) { asm volatile("hlt"); }
static inline long sys_write(int fd, const void *buf, unsigned long n) {
  long ret;
  asm volatile("syscall" : "=a"(ret) : "a"(1L), "D"((long)fd), "S"(buf), "d"(n) : "rcx", "r11", "memory");
  return ret;
}
static inline void *thread_self(void) { void *p; asm("mov %%fs:0, %0" : "=r"(p)); return p; }
static inline double fsqrt(double x) { asm("fsqrt" : "+t"(x)); return x; }
static inline void ud2(void) { asm volatile("ud2"); }
static inline void marker(void) { asm volatile(".byte 0x0f, 0x1f, 0x00"); }
static inline void xsave(void *area) { asm volatile("xsave (%0)" : : "r"(area), "a"(-1), "d"(-1) : "memory"); }
static inline void fxsave(void *area) { asm volatile("fxsave (%0)" : : "r"(area) : "memory"); }
static inline uint32_t rdpkru(void) { uint32_t v; asm volatile("rdpkru" : "=a"(v) : "c"(0) : "rdx"); return v; }
static inline void swapgs(void) { asm volatile("swapgs" ::: "memory"); }
static inline void lgdt(const void *p) { asm volatile("lgdt %0" : : "m"(*(const char (*)[10])p)); }
static inline void enter_leave(void) { asm volatile("enter $16, $0\n\tleave" ::: "memory"); }
