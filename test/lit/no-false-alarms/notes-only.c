// RUN: %asmstory --stats %s 2>%t.stats | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: FileCheck %s --check-prefix=BLOCKS < %t.stats
// RUN: %asmstory --stats %s -- -O2 2>%t-O2.stats | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: FileCheck %s --check-prefix=BLOCKS < %t-O2.stats
// All four blocks are analyzed (the two silent ones too): one --stats line
// each, then the Z3 line.
// BLOCKS-COUNT-4: asmstory-stats: block {{.*}}notes-only.c:{{[0-9]+}} us {{[0-9]+$}}
// BLOCKS-NEXT: asmstory-stats: z3 queries
// Correct kernel-style blocks the tool cannot fully verify: notes only (exit
// status 0), never warnings.

// rdpkru written as bytes (old assemblers) is decoded: verified, silent.
unsigned rdpkru_bytes(void) {
  unsigned pkru, edx;
  asm volatile(".byte 0x0f,0x01,0xee\n\t" : "=a"(pkru), "=d"(edx) : "c"(0));
  return pkru;
}
// CHECK: notes-only.c:[[@LINE+9]]:27: note: `xchgq %rax, (%rcx)` reads 64 bits of operand %0 (`__ret`){{.*}}(in a branch the compiler does not emit here) [asmstory-operand-width]
/* A size-dispatching macro: only the case matching sizeof runs; the others
 * would not even assemble with this operand type. */
#define XCHG_OP(ptr, arg)                                                        \
  ({                                                                             \
    __typeof__(*(ptr)) __ret = (arg);                                            \
    switch (sizeof(*(ptr))) {                                                    \
    case 1: asm volatile("xchgb %b0, %1" : "+q"(__ret), "+m"(*(ptr)) : : "memory"); break; \
    case 4: asm volatile("xchgl %0, %1" : "+r"(__ret), "+m"(*(ptr)) : : "memory"); break;  \
    case 8: asm volatile("xchgq %q0, %1" : "+r"(__ret), "+m"(*(ptr)) : : "memory"); break; \
    }                                                                            \
    __ret;                                                                       \
  })
int xchg_int(int *p, int v) { return XCHG_OP(p, v); }
