// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

// "=r" read as if it held the C value.
int acc_bad(int a) {
  int r = 0;
  // CHECK: undefined-read.c:[[@LINE+1]]:8: warning: the block uses the value of output-only operand %0 (`r`) (r{{..}}) before the block wrote it; it reaches output %0 (`r`){{.*}}[asmstory-undefined-read]
  asm("add %1, %0" : "=r"(r) : "r"(a));
  return r;
}
// A branch on flags nothing set.
int flags_bad(int a) {
  // CHECK: undefined-read.c:[[@LINE+1]]:17: warning: the block uses the value of the status flags, which nothing in the block set; it reaches a branch decision{{.*}}[asmstory-undefined-read]
  asm volatile("jz 1f\n\tinc %0\n1:" : "+r"(a));
  return a;
}

// Correct: in/out accumulator; flags set before use; entry flags saved by pushf.
int acc_ok(int a) { int r = 0; asm("add %1, %0" : "+r"(r) : "r"(a)); return r; }
int flags_ok(int a) { asm volatile("test %0, %0\n\tjz 1f\n\tinc %0\n1:" : "+r"(a)); return a; }
unsigned long pushf_ok(void) {
  unsigned long f;
  asm volatile("sub $128, %%rsp\n\tpushf\n\tpop %0\n\tadd $128, %%rsp" : "=r"(f));
  return f;
}

// Segment registers are machine state, never a value the compiler left:
// es is no more undefined than ds (the kernel's ELF_CORE_COPY_REGS).
unsigned segments_ok(void) {
  unsigned e, d;
  asm volatile("movl %%es, %0" : "=r"(e));
  asm volatile("movl %%ds, %0" : "=r"(d));
  return e + d;
}

// An instruction written as data (DPDK's rte_xtest: .byte-encoded xtest sets
// ZF) is decoded like any instruction: the flags setnz reads are defined, and
// the block is verified, silently.
int xtest_ok(void) {
  unsigned char out;
  asm volatile(".byte 0x0f,0x01,0xd6\n\tsetnz %0" : "=r"(out) : : "memory");
  return out;
}

// Bytes that decode into no instruction stay data: the block is not verified,
// and no read after it is called undefined.
int data_ok(void) {
  unsigned char out;
  // CHECK: undefined-read.c:[[@LINE+1]]:{{[0-9]+}}: note: the block is not verified: it contains a data directive [asmstory-unmodeled]
  asm volatile(".byte 0x0f,0xff,0xff\n\tsetnz %0" : "=r"(out) : : "memory");
  return out;
}

// Correct: cmpxchg16b as an atomic load: rdx:rax is a copy of rcx:rbx, so
// memory is either rewritten with its own value or loaded; the result never
// depends on the registers' garbage (boost.atomic, concurrencykit).
unsigned __int128 load128(unsigned __int128 *p) {
  unsigned long lo, hi;
  asm volatile("movq %%rbx, %%rax\n\tmovq %%rcx, %%rdx\n\tlock; cmpxchg16b %2"
               : "=&a"(lo), "=&d"(hi) : "m"(*p) : "cc", "memory");
  return ((unsigned __int128)hi << 64) | lo;
}
// Only rax is a copy: rdx is garbage, and cmpxchg16b may store rcx:rbx.
unsigned __int128 load128_bad(unsigned __int128 *p) {
  unsigned long lo, hi;
  // CHECK: undefined-read.c:[[@LINE+1]]:44: warning: the block uses the value of output-only operand %1 (`hi`) (rdx) before the block wrote it; {{.*}}[asmstory-undefined-read]
  asm volatile("movq %%rbx, %%rax\n\tlock; cmpxchg16b %2"
               : "=&a"(lo), "=&d"(hi) : "m"(*p) : "cc", "memory");
  return ((unsigned __int128)hi << 64) | lo;
}
