// RUN: not %asmstory %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// The memory rules on 32-bit ARM: loads and stores through operands,
// exclusives, register lists, NEON alignment hints.

// memory-read-undeclared: a load through a pointer with no "m" operand
// and no "memory" clobber.
unsigned load_bad(const unsigned *p) {
  unsigned v;
  // CHECK: memory.c:[[@LINE+1]]:8: warning: `ldr r0, [r1]` reads memory through the pointer in %1 (`p`), but it has no input memory operand for it and no "memory" clobber; the compiler may keep that memory's value in a register, or sink a store to it past the asm [asmstory-memory-read-undeclared]
  asm("ldr %0, [%1]" : "=r"(v) : "r"(p));
  // CHECK: note: fix: add "memory" to the clobbers (or pass the memory as an "m" input)
  return v;
}
unsigned load_ok(const unsigned *p) {
  unsigned v;
  asm("ldr %0, %1" : "=r"(v) : "m"(*p));
  return v;
}

// memory-write-undeclared: stm of two words with no output and no clobber.
void store_bad(unsigned *p, unsigned a, unsigned b) {
  register unsigned r2 asm("r2") = a, r3 asm("r3") = b;
  // CHECK: memory.c:[[@LINE+1]]:17: warning: `stm r0, {r2, r3}` writes memory through the pointer in %0 (`p`), but it has no output memory operand for it and no "memory" clobber; the compiler may assume that memory is unchanged and use a stale copy, or delete the asm [asmstory-memory-write-undeclared]
  asm volatile("stm %0, {r2, r3}" : : "r"(p), "r"(r2), "r"(r3));
  // CHECK: note: fix: add "memory" to the clobbers
}
void store_ok(unsigned *p, unsigned a, unsigned b) {
  register unsigned r2 asm("r2") = a, r3 asm("r3") = b;
  asm volatile("stm %0, {r2, r3}" : : "r"(p), "r"(r2), "r"(r3) : "memory");
}

// memory-out-of-bounds: a pair load (8 bytes) from a 4-byte object.
unsigned pair_bad(void) {
  unsigned x = 1, lo, hi;
  // CHECK: memory.c:[[@LINE+1]]:8: error: `ldrd r0, r1, [r2]` reads `x[0..8)`, past the end of `x` (local, 4 bytes) [asmstory-memory-out-of-bounds]
  asm("ldrd %0, %1, [%2]" : "=r"(lo), "=r"(hi) : "r"(&x) : "memory");
  return lo + hi;
}
unsigned pair_ok(void) {
  unsigned long long x = 1;
  unsigned lo, hi;
  asm("ldrd %0, %1, [%2]" : "=r"(lo), "=r"(hi) : "r"(&x) : "memory");
  return lo + hi;
}

// memory-misaligned: the alignment hint :128 on a byte pointer.
void neon_bad(unsigned char *dst, const unsigned char *src) {
  // CHECK: memory.c:[[@LINE+1]]:17: warning: `vld1.8 {d0, d1}, [r1:128]` needs 16-byte alignment, but %1 (`src`)+0 is only known to be 1-byte aligned; it faults when the pointer is not aligned [asmstory-memory-misaligned]
  asm volatile("vld1.8 {d0, d1}, [%1:128]\n\tvst1.8 {d0, d1}, [%0]" : : "r"(dst), "r"(src) : "d0", "d1", "memory");
}
void neon_ok(unsigned char *dst, const unsigned char *src) {
  const unsigned char *a = __builtin_assume_aligned(src, 16);
  asm volatile("vld1.8 {d0, d1}, [%1:128]\n\tvst1.8 {d0, d1}, [%0]" : : "r"(dst), "r"(a) : "d0", "d1", "memory");
}

// memory-readonly-write: a store through a pointer into a string literal.
void literal_bad(void) {
  const char *s = "abc";
  // CHECK: memory.c:[[@LINE+1]]:17: error: `strb r1, [r0]` writes through %0 (`s`), which points into a string literal; its provenance grants only reading, so the write is undefined behaviour (the compiler may keep the old value or place the object in read-only memory) [asmstory-memory-readonly-write]
  asm volatile("strb %1, [%0]" : : "r"(s), "r"(0) : "memory");
}

// memory-no-provenance: an absolute address.
unsigned mmio_bad(void) {
  unsigned v;
  // CHECK: memory.c:[[@LINE+1]]:17: warning: `ldr r0, [r1]` reads memory through %1 (`(unsigned *)0x40000000`), which is made from an integer and has no provenance{{.*}}[asmstory-memory-no-provenance]
  asm volatile("ldr %0, [%1]" : "=r"(v) : "r"((unsigned *)0x40000000) : "memory");
  return v;
}

// memory-misaligned: ldrexd needs 8-byte alignment.
unsigned long long excl_bad(unsigned *p) {
  unsigned long long v;
  // CHECK: memory.c:[[@LINE+1]]:17: warning: `ldrexd r0, r1, [r2]` needs 8-byte alignment, but %1 (`p`)+0 is only known to be 4-byte aligned; it faults when the pointer is not aligned [asmstory-memory-misaligned]
  asm volatile("ldrexd %0, %H0, [%1]" : "=&r"(v) : "r"(p) : "memory");
  return v;
}
unsigned long long excl_ok(unsigned long long *p) {
  unsigned long long v;
  asm volatile("ldrexd %0, %H0, [%1]" : "=&r"(v) : "r"(p) : "memory");
  return v;
}

// An exclusive load that only arms the monitor (the kernel's atomic64_set:
// ldrexd into a scratch that strexd overwrites) reads nothing the block
// uses: no memory-read-undeclared.  The same ldrexd returning the value
// it read through a bare pointer is reported.
typedef long long s64;
void atomic64_set_ok(s64 *v, s64 i) {
  s64 tmp;
  asm volatile("1: ldrexd %0, %H0, [%2]\n\tstrexd %0, %3, %H3, [%2]\n\tteq %0, #0\n\tbne 1b"
               : "=&r"(tmp), "=Qo"(*v) : "r"(v), "r"(i) : "cc");
}
s64 atomic64_read_bad(const s64 *v) {
  s64 r;
  // CHECK: memory.c:[[@LINE+1]]:{{[0-9]+}}: warning: `ldrexd r{{[0-9]+}}, r{{[0-9]+}}, [r{{[0-9]+}}]` reads memory through the pointer in %1 (`v`), but it has no input memory operand for it and no "memory" clobber{{.*}}[asmstory-memory-read-undeclared]
  asm volatile("ldrexd %0, %H0, [%1]" : "=&r"(r) : "r"(v));
  // CHECK: note: fix: add "memory" to the clobbers (or pass the memory as an "m" input)
  return r;
}
