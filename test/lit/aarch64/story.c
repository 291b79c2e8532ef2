// AArch64: a buggy case and its silent correct form for the operand and
// memory-story rules (output-not-written, undefined-read, operand-width,
// memory-misaligned, -out-of-bounds, -readonly-write, -no-provenance).
// Byte stores and exclusives (strb, stxrb) and extends (uxtb) use only the
// low bits of a narrow operand: no operand-width finding for them.
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu -O2 | FileCheck %s --implicit-check-not='[asmstory-'
typedef unsigned long u64;
typedef unsigned char u8;

long onw_bad(long x) {
  long r;
  // CHECK: story.c:[[@LINE+1]]:3: warning: output %0 (`r`) is not written on some path through the block{{.*}}[asmstory-output-not-written]
  asm("cbz %1, 1f\n\tmov %0, %1\n1:" : "=r"(r) : "r"(x));
  return r;
}
long onw_ok(long x) {
  long r;
  asm("mov %0, xzr\n\tcbz %1, 1f\n\tmov %0, %1\n1:" : "=&r"(r) : "r"(x));
  return r;
}
long undef_bad(long x) {
  long r;
  // CHECK: story.c:[[@LINE+1]]:8: warning: the block uses the value of output-only operand %0 (`r`) (x0) before the block wrote it{{.*}}[asmstory-undefined-read]
  asm("add %0, %0, %1" : "=r"(r) : "r"(x));
  return r;
}
long undef_ok(long x) {
  long r = 1;
  asm("add %0, %0, %1" : "+r"(r) : "r"(x));
  return r;
}
u64 width_bad(u64 a, u8 b) {
  u64 r;
  // CHECK: story.c:[[@LINE+1]]:8: warning: `add x0, x1, x2` reads 64 bits of operand %2 (`b`), whose value has only 8 bits (u8){{.*}}[asmstory-operand-width]
  asm("add %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
u64 width_ok(u64 a, u8 b) {
  u64 r;
  asm("add %0, %1, %w2, uxtb" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
void width_store_ok(u8 *p, u8 v) {
  asm volatile("strb %w1, %0" : "=Q"(*p) : "r"(v));
}
u8 width_xchg_ok(u8 *p, u8 v) {
  u8 old;
  unsigned tmp;
  asm volatile("1: ldxrb %w0, %2\n\tstxrb %w1, %w3, %2\n\tcbnz %w1, 1b" : "=&r"(old), "=&r"(tmp), "+Q"(*p) : "r"(v));
  return old;
}
/* An 8-bit operand combined by add and stored with stxrb: only its low
 * 8 bits reach memory (silent); the same sum returned as 32 bits is not. */
u8 width_fetch_add_ok(u8 *p, u8 v) {
  u8 old, sum;
  unsigned tmp;
  asm volatile("1: ldxrb %w0, %3\n\tadd %w1, %w0, %w4\n\tstxrb %w2, %w1, %3\n\tcbnz %w2, 1b"
               : "=&r"(old), "=&r"(sum), "=&r"(tmp), "+Q"(*p) : "r"(v));
  return old;
}
unsigned width_fetch_add_bad(u8 *p, u8 v) {
  unsigned old, sum;
  unsigned tmp;
  // CHECK: story.c:[[@LINE+1]]:{{[0-9]+}}: warning: `add w1, w0, w4` reads 32 bits of operand %4 (`v`), whose value has only 8 bits (u8){{.*}}[asmstory-operand-width]
  asm volatile("1: ldxrb %w0, %3\n\tadd %w1, %w0, %w4\n\tstxrb %w2, %w1, %3\n\tcbnz %w2, 1b"
               : "=&r"(old), "=&r"(sum), "=&r"(tmp), "+Q"(*p) : "r"(v));
  return sum;
}
/* Undefined upper bits followed through copies to their uses: the kernel's
 * __lse__cmpxchg_case_8 copies its u8 comparand with a 32-bit mov, and
 * casb compares only the copy's low 8 bits (silent); the same copy
 * compared at 32 bits, returned as 32 bits or used as an address index is
 * reported at the copy, with where the bits are used. */
typedef unsigned short u16;
u8 copy_cas_ok(volatile void *ptr, u8 old, u8 new) {
  register unsigned long x0 asm("x0") = (unsigned long)ptr;
  register u8 x1 asm("x1") = old;
  register u8 x2 asm("x2") = new;
  unsigned long tmp;
  asm volatile(".arch_extension lse\n\tmov %w[tmp], %w[old]\n\tcasalb %w[tmp], %w[new], %[v]\n\tmov %w[ret], %w[tmp]"
               : [ret] "+r"(x0), [v] "+Q"(*(u8 *)ptr), [tmp] "=&r"(tmp)
               : [old] "r"(x1), [new] "r"(x2) : "memory");
  return x0;
}
int copy_cmp_bad(u8 a, unsigned b) {
  unsigned t;
  int r;
  // CHECK: story.c:[[@LINE+2]]:8: warning: `mov w1, w2` reads 32 bits of operand %2 (`a`), whose value has only 8 bits (u8){{.*}}[asmstory-operand-width]
  // CHECK: story.c:[[@LINE+1]]:24: note: `cmp w1, w3` then uses 32 bits of that value, the undefined ones included
  asm("mov %w1, %w2\n\tcmp %w1, %w3\n\tcset %w0, eq" : "=r"(r), "=&r"(t) : "r"(a), "r"(b) : "cc");
  return r;
}
unsigned copy_out_bad(u16 a) {
  unsigned t;
  // CHECK: story.c:[[@LINE+2]]:8: warning: `mov w0, w1` reads 32 bits of operand %1 (`a`), whose value has only 16 bits (u16){{.*}}[asmstory-operand-width]
  // CHECK: story.c:[[@LINE+1]]:8: note: the value reaches output %0 (`t`), which the compiler reads as 32 bits
  asm("mov %w0, %w1" : "=r"(t) : "r"(a));
  return t;
}
u16 copy_out_ok(u16 a) {
  u16 t;
  asm("mov %w0, %w1" : "=r"(t) : "r"(a));
  return t;
}
u8 copy_index_bad(u8 a, const u8 *p) {
  unsigned long t;
  // CHECK: story.c:[[@LINE+2]]:8: warning: `mov w0, w1` reads 32 bits of operand %1 (`a`), whose value has only 8 bits (u8){{.*}}[asmstory-operand-width]
  // CHECK: story.c:[[@LINE+1]]:24: note: `ldrb w0, [x2, x0]` then uses 64 bits of that value, the undefined ones included
  asm("mov %w0, %w1\n\tldrb %w0, [%2, %0]" : "=&r"(t) : "r"(a), "r"(p), "m"(*(const u8 (*)[256])p));
  return t;
}
/* A mask or a shift that keeps only the defined bits: silent. */
unsigned mask_ok(u8 a, u8 b) {
  unsigned t, u;
  asm("and %w0, %w2, #0xff\n\tlsl %w1, %w3, #24\n\torr %w0, %w0, %w1" : "=&r"(t), "=&r"(u) : "r"(a), "r"(b));
  return t;
}
typedef struct { u64 lo, hi; } __attribute__((aligned(16))) u128;
u64 misaligned_bad(void) {
  u128 buf[2] = {{0, 0}, {0, 0}};
  u64 lo, hi;
  // CHECK: story.c:[[@LINE+1]]:17: error: `ldxp x0, x1, [x2]` needs 16-byte alignment, but %2 (`(char *)buf + 8`)+0 is at offset 8 of `buf` (aligned 16): it faults on every execution [asmstory-memory-misaligned]
  asm volatile("ldxp %0, %1, [%2]" : "=&r"(lo), "=&r"(hi) : "r"((char *)buf + 8), "m"(buf) : "memory");
  return lo + hi;
}
u64 misaligned_ok(void) {
  u128 buf[2] = {{0, 0}, {0, 0}};
  u64 lo, hi;
  asm volatile("ldxp %0, %1, [%2]" : "=&r"(lo), "=&r"(hi) : "r"(&buf[1]), "m"(buf) : "memory");
  return lo + hi;
}
u64 oob_bad(void) {
  u64 x = 1;
  u64 a, b;
  // CHECK: story.c:[[@LINE+1]]:17: error: `ldp x0, x1, [x2]` reads `x[0..16)`, past the end of `x` (local, 8 bytes) [asmstory-memory-out-of-bounds]
  asm volatile("ldp %0, %1, [%2]" : "=r"(a), "=r"(b) : "r"(&x) : "memory");
  return a + b;
}
u64 oob_ok(void) {
  u64 x[2] = {1, 2};
  u64 a, b;
  asm volatile("ldp %0, %1, [%2]" : "=r"(a), "=r"(b) : "r"(x) : "memory");
  return a + b;
}
static const int table[4] = {1, 2, 3, 4};
void readonly_bad(void) {
  // CHECK: story.c:[[@LINE+1]]:17: error: `str wzr, [x0]` writes through %0 (`table`), which points into the constant `table`{{.*}}[asmstory-memory-readonly-write]
  asm volatile("str wzr, [%0]" : : "r"(table) : "memory");
}
static int counters[4];
void readonly_ok(void) {
  asm volatile("str wzr, [%0]" : : "r"(counters) : "memory");
}
int noprov_bad(void) {
  int v;
  // CHECK: story.c:[[@LINE+1]]:17: warning: `ldr w0, [x1]` reads memory through %1 (`(int *)0x2000`), which is made from an integer and has no provenance{{.*}}[asmstory-memory-no-provenance]
  asm volatile("ldr %w0, [%1]" : "=r"(v) : "r"((int *)0x2000) : "memory");
  return v;
}
int noprov_ok(const int *p) {
  int v;
  asm volatile("ldr %w0, [%1]" : "=r"(v) : "r"(p) : "memory");
  return v;
}
