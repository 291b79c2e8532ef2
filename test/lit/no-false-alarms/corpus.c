// RUN: %asmstory --stats %s 2>%t.stats | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// RUN: FileCheck %s --check-prefix=BLOCKS < %t.stats
// RUN: %asmstory --stats %s -- -O2 2>%t-O2.stats | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// RUN: FileCheck %s --check-prefix=BLOCKS < %t-O2.stats
// Silence proves nothing unless every block was analyzed: --stats prints one
// line per block, and the Z3 line follows the last one (exactly 59 blocks).
// BLOCKS-COUNT-59: asmstory-stats: block {{.*}}corpus.c:{{[0-9]+}} us {{[0-9]+$}}
// BLOCKS-NEXT: asmstory-stats: z3 queries
// The no-false-alarm suite: correct real-world-style blocks that must stay
// silent (each one is a pattern from libc, kernels, crypto or atomics code).
#include <stddef.h>
#include <stdint.h>

/* 1-4: cpuid */
void cpuid_full(uint32_t leaf, uint32_t sub, uint32_t r[4]) {
  asm volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}
uint32_t cpuid_max(void) {
  uint32_t a = 0;
  asm volatile("cpuid" : "+a"(a) : : "ebx", "ecx", "edx");
  return a;
}
void cpuid_pic(uint32_t leaf, uint32_t r[4]) {
  asm volatile("mov %%rbx, %%rsi\n\tcpuid\n\txchg %%rbx, %%rsi"
               : "=a"(r[0]), "=S"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf));
}
uint64_t xgetbv0(void) {
  uint32_t lo, hi;
  asm volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((uint64_t)hi << 32) | lo;
}
/* 5-9: string operations */
void *copy_bytes(void *d, const void *s, size_t n) {
  void *ret = d;
  asm volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
  return ret;
}
void fill_bytes(void *d, int c, size_t n) {
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
}
void fill_quads(uint64_t *d, uint64_t v, size_t n) {
  asm volatile("rep stosq" : "+D"(d), "+c"(n) : "a"(v) : "memory");
}
void copy_quads(void *d, const void *s, size_t n) {
  asm volatile("cld\n\trep movsq" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}
size_t scan_zero(const char *s) {
  size_t n = (size_t)-1;
  asm volatile("repne scasb" : "+D"(s), "+c"(n) : "a"(0) : "memory", "cc");
  return ~n - 1;
}
/* 10-15: atomics */
int cas32(int *p, int old, int new) {
  asm volatile("lock cmpxchgl %2, %1" : "+a"(old), "+m"(*p) : "r"(new) : "memory");
  return old;
}
long fetch_add(long *p, long v) {
  asm volatile("lock xaddq %0, %1" : "+r"(v), "+m"(*p) : : "memory");
  return v;
}
int swap32(int *p, int v) {
  asm volatile("xchgl %0, %1" : "+r"(v), "+m"(*p) : : "memory");
  return v;
}
void atomic_inc(int *p) { asm volatile("lock incl %0" : "+m"(*p)); }
void atomic_or(unsigned long *p, unsigned long m) { asm volatile("lock orq %1, %0" : "+m"(*p) : "r"(m)); }
int cas_flag(int *p, int old, int new) {
  _Bool ok;
  asm volatile("lock cmpxchgl %3, %1" : "+a"(old), "+m"(*p), "=@ccz"(ok) : "r"(new) : "memory");
  return ok;
}
/* 16-19: time and randomness, volatile */
uint64_t tsc(void) {
  uint32_t lo, hi;
  asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return ((uint64_t)hi << 32) | lo;
}
uint64_t tscp(uint32_t *aux) {
  uint32_t lo, hi;
  asm volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(*aux));
  return ((uint64_t)hi << 32) | lo;
}
int rand64(uint64_t *v) {
  unsigned char ok;
  asm volatile("rdrand %0\n\tsetc %1" : "=r"(*v), "=qm"(ok));
  return ok;
}
uint64_t tsc_fenced(void) {
  uint32_t lo, hi;
  asm volatile("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) : : "memory");
  return ((uint64_t)hi << 32) | lo;
}
/* 20-23: save and restore */
uint32_t save_rbx_push(uint32_t leaf) {
  asm volatile("sub $128, %%rsp\n\tpush %%rbx\n\tcpuid\n\tpop %%rbx\n\tadd $128, %%rsp"
               : "+a"(leaf) : : "rcx", "rdx");
  return leaf;
}
void save_flags(void) {
  asm volatile("sub $128, %%rsp\n\tpushfq\n\tstd\n\tpopfq\n\tadd $128, %%rsp" : :);
}
long swap_back(long a, long b) {
  asm("xchg %0, %1\n\txchg %0, %1" : "+r"(a), "+r"(b));
  return a + b;
}
long mov_save(long x) {
  long r;
  /* "=a": with "=r" the compiler may choose r12 itself, and the restore
   * overwrites the result (rules/every-allocation.c). */
  asm("mov %%r12, %%r11\n\tmov %1, %%r12\n\tlea 1(%%r12), %0\n\tmov %%r11, %%r12" : "=a"(r) : "r"(x) : "r11");
  return r;
}
/* 24-28: loops with +r counters */
void delay(unsigned n) { asm volatile("1: dec %0\n\tjnz 1b" : "+r"(n)); }
unsigned long sum_array(const unsigned long *p, unsigned long n) {
  unsigned long s = 0;
  asm("test %2, %2\n\tjz 2f\n1: add (%1), %0\n\tadd $8, %1\n\tdec %2\n\tjnz 1b\n2:"
      : "+r"(s), "+r"(p), "+r"(n) : : "memory");
  return s;
}
unsigned count_loop(unsigned n) {
  unsigned c = 0;
  asm("1: inc %0\n\tcmp %1, %0\n\tjb 1b" : "+r"(c) : "r"(n));
  return c;
}
void spin_pause(volatile int *lock) {
  asm volatile("1: pause\n\tcmpl $0, %0\n\tjne 1b" : : "m"(*lock) : "memory");
}
void loop_insn(unsigned long n) { asm volatile("1: loop 1b" : "+c"(n)); }
/* 29-35: arithmetic */
uint32_t bswap32(uint32_t x) { asm("bswap %0" : "+r"(x)); return x; }
uint64_t popcnt64(uint64_t x) { uint64_t r; asm("popcnt %1, %0" : "=r"(r) : "rm"(x)); return r; }
int bsr32(uint32_t x) { int r; asm("bsr %1, %0" : "=r"(r) : "rm"(x)); return r; }
uint64_t mulhi(uint64_t a, uint64_t b) {
  uint64_t hi, lo;
  asm("mulq %3" : "=a"(lo), "=d"(hi) : "a"(a), "rm"(b));
  return hi ^ lo;
}
uint32_t div32(uint32_t hi, uint32_t lo, uint32_t d, uint32_t *rem) {
  uint32_t q;
  asm("divl %4" : "=a"(q), "=d"(*rem) : "a"(lo), "d"(hi), "rm"(d));
  return q;
}
void add128(uint64_t *lo, uint64_t *hi, uint64_t a, uint64_t b) {
  asm("addq %2, %0\n\tadcq %3, %1" : "+r"(*lo), "+r"(*hi) : "r"(a), "r"(b));
}
int max_cmov(int a, int b) { asm("cmpl %1, %0\n\tcmovl %1, %0" : "+r"(a) : "r"(b)); return a; }
int is_zero(long x) { int r; asm("test %1, %1\n\tsetz %b0\n\tmovzbl %b0, %0" : "=&q"(r) : "r"(x)); return r; }
uint32_t rotl(uint32_t x, unsigned char n) { asm("roll %%cl, %0" : "+r"(x) : "c"(n)); return x; }
/* 36-42: SSE/AVX kernels with m operands */
typedef float v4sf __attribute__((vector_size(16)));
void add4(float *d, const float *a, const float *b) {
  asm("movups %1, %%xmm0\n\tmovups %2, %%xmm1\n\taddps %%xmm1, %%xmm0\n\tmovups %%xmm0, %0"
      : "=m"(*(float(*)[4])d) : "m"(*(const float(*)[4])a), "m"(*(const float(*)[4])b) : "xmm0", "xmm1");
}
v4sf mul4(v4sf a, v4sf b) { asm("mulps %1, %0" : "+x"(a) : "x"(b)); return a; }
void zero16(void *p) { asm("xorps %%xmm0, %%xmm0\n\tmovups %%xmm0, %0" : "=m"(*(char(*)[16])p) : : "xmm0"); }
float sqrt1(float x) { float r; asm("sqrtss %1, %0" : "=x"(r) : "x"(x)); return r; }
void avx_add(float *d, const float *a) {
  asm("vmovups %1, %%ymm0\n\tvaddps %%ymm0, %%ymm0, %%ymm0\n\tvmovups %%ymm0, %0"
      : "=m"(*(float(*)[8])d) : "m"(*(const float(*)[8])a) : "ymm0");
}
uint32_t crc32c(uint32_t c, uint64_t v) { uint64_t c64 = c; asm("crc32q %1, %0" : "+r"(c64) : "rm"(v)); return (uint32_t)c64; }
void nt_store(long *p, long v) { asm volatile("movnti %1, %0" : "=m"(*p) : "r"(v)); }
/* 43-48: fences, hints, misc */
void full_fence(void) { asm volatile("mfence" ::: "memory"); }
void compiler_barrier(void) { asm volatile("" ::: "memory"); }
void cpu_relax(void) { asm volatile("pause"); }
void prefetch(const void *p) { asm volatile("prefetcht0 %0" : : "m"(*(const char *)p)); }
void flush_line(void *p) { asm volatile("clflush %0" : "+m"(*(volatile char *)p)); }
int goto_zero(int x) {
  asm goto("test %0, %0\n\tjz %l[zero]" : : "r"(x) : "cc" : zero);
  return 1;
zero:
  return 0;
}
uint64_t read_fs0(void) { uint64_t v; asm volatile("movq %%fs:0, %0" : "=r"(v)); return v; }
/* 49: Valgrind's client-request preamble: rdi rotated by 3+13+61+51 = 128 bits. */
unsigned long valgrind_request(unsigned long *args) {
  unsigned long result = 0;
  asm volatile("rolq $3, %%rdi; rolq $13, %%rdi\n\trolq $61, %%rdi; rolq $51, %%rdi\n\txchgq %%rbx, %%rbx"
               : "=d"(result) : "a"(args), "0"(result) : "cc", "memory");
  return result;
}
/* 50: glibc's insb with the memory clobber it needs. */
void insb_ok(unsigned short port, void *addr, unsigned long count) {
  asm volatile("cld; rep insb" : "=D"(addr), "=c"(count) : "d"(port), "0"(addr), "1"(count) : "memory");
}
/* 51-58: Linux kernel idioms (arch/x86/include/asm). */
unsigned long index_mask(unsigned long index, unsigned long size) {
  unsigned long mask;
  asm volatile("cmp %1,%2; sbb %0,%0;" : "=r"(mask) : "g"(size), "r"(index) : "cc");
  return mask;
}
unsigned long tzcnt_bsf(unsigned long word) { asm("rep; bsf %1,%0" : "=r"(word) : "rm"(word)); return word; }
void irq_disable(void) { asm volatile("cli" : : : "memory"); }
void irq_enable_halt(void) { asm volatile("sti; hlt" : : : "memory"); }
void write_cr3(unsigned long val) { asm volatile("mov %0,%%cr3" : : "r"(val) : "memory"); }
unsigned long long mul_div(unsigned long long a, unsigned long long mul, unsigned long long div) {
  unsigned long long q;
  asm("mulq %2; divq %3" : "=a"(q) : "a"(a), "rm"(mul), "rm"(div) : "rdx");
  return q;
}
