// RUN: %asmstory --dump --checks=-* %s | FileCheck %s
// Decoding of the common instruction families.
#include <stdint.h>

long arith(long a, long b, long *p) {
  asm("lea 8(%1,%2,4), %0\n\tadd %2, %0\n\tsub $3, %0\n\txor %1, %1\n\timul %2, %0\n\tmov %0, %3"
      : "+r"(a), "+r"(b) : "r"(b), "m"(*p));
  return a;
}
// CHECK: insn 0 (line 1:1): leaq 8(%rcx,%rdx,4), %rax LEA64r leaq reads=rcx,rdx writes=rax{{$}}
// CHECK: insn 1 (line 2:2): addq %rdx, %rax {{.*}} flags=w
// CHECK: insn 2 (line 3:2): subq $3, %rax {{.*}} reads=rax writes=rax flags=w
// CHECK: insn 3 (line 4:2): xorq %rcx, %rcx {{.*}} zero-idiom
// CHECK: insn 4 (line 5:2): imulq %rdx, %rax {{.*}} reads=rax,rdx writes=rax flags=w
// CHECK: insn 5 (line 6:2): movq %rax, (%{{r[a-z0-9]+}}) {{.*}} store[{{r[a-z0-9]+}}] size=8

uint64_t muldiv(uint64_t a, uint64_t b) {
  uint64_t hi;
  asm("mulq %2\n\tdivq %2" : "+a"(a), "=&d"(hi) : "r"(b));
  return a + hi;
}
// CHECK: insn 0 (line 1:1): mulq %rcx {{.*}} reads=rcx,rax writes=rax,rdx flags=w
// CHECK: insn 1 (line 2:2): divq %rcx {{.*}} reads=rcx,rax,rdx writes=rax,rdx flags=w

void atomics(uint64_t *p, __int128 *q, uint64_t v) {
  asm volatile("xchg %0, %1\n\tlock cmpxchg8b %2\n\tlock cmpxchg16b %3"
               : "+r"(v), "+m"(*p), "+m"(*p), "+m"(*q) : : "rax", "rbx", "rcx", "rdx", "memory");
}
// CHECK: insn 0 (line 1:1): xchgq %{{r[a-z0-9]+}}, (%{{r[a-z0-9]+}}) {{.*}} load+store[{{r[a-z0-9]+}}] size=8 effect=atomic
// CHECK: insn 1 (line 2:2): lock cmpxchg8b {{.*}} reads={{.*}}eax(rax),ebx(rbx),ecx(rcx),edx(rdx) writes=eax(rax),edx(rdx) flags=w load+store[{{r[a-z0-9]+}}] size=8 lock effect=atomic
// CHECK: insn 2 (line 3:2): lock cmpxchg16b {{.*}} load+store[{{r[a-z0-9]+}}] size=16 align=16 lock effect=atomic

uint32_t misc(uint32_t x) {
  uint64_t r;
  asm volatile("bswap %0\n\trdrand %1\n\trdseed %1" : "+r"(x), "=r"(r));
  return x + (uint32_t)r;
}
// CHECK: insn 0 (line 1:1): bswapl %eax {{.*}} reads=eax(rax) writes=eax(rax)
// CHECK: insn 1 (line 2:2): rdrandq %rcx {{.*}} writes=rcx flags=w effect=nondet
// CHECK: insn 2 (line 3:2): rdseedq %rcx {{.*}} effect=nondet

void vectors(void *p) {
  asm volatile("movaps (%0), %%xmm1\n\tmovups (%0), %%xmm1\n\tvmovaps (%0), %%ymm2\n\tvmovups %%ymm2, (%0)\n\tmovdqu %%xmm1, 16(%0)\n\tvmovdqa64 %%zmm3, (%0)"
               : : "r"(p) : "xmm1", "ymm2", "zmm3", "memory");
}
// CHECK: insn 0 (line 1:1): movaps (%rax), %xmm1 {{.*}} load[rax] size=16 align=16
// CHECK: insn 1 (line 2:2): movups (%rax), %xmm1 {{.*}} load[rax] size=16{{$}}
// CHECK: insn 2 (line 3:2): vmovaps (%rax), %ymm2 {{.*}} load[rax] size=32 align=32
// CHECK: insn 3 (line 4:2): vmovups %ymm2, (%rax) {{.*}} store[rax] size=32{{$}}
// CHECK: insn 4 (line 5:2): movdqu %xmm1, 16(%rax) {{.*}} store[rax+16] size=16{{$}}
// CHECK: insn 5 (line 6:2): vmovdqa64 %zmm3, (%rax) {{.*}} store[rax] size=64

void stos(void *d, unsigned long n) {
  asm volatile("rep stosq" : "+D"(d), "+c"(n) : "a"(0L) : "memory");
}
// CHECK: insn 0 (line 1:1): rep stosq %rax, %es:(%rdi) {{.*}} store[rdi] size=8 x rcx rep
