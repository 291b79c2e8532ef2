// The effects layer alone (--print-effects): memory accesses, their
// direction, size, required alignment and what the address derives from.
// RUN: %asmstory --print-effects %s | FileCheck %s --match-full-lines

// Sizes from byte to 32 bytes, loads through memory operands.
// CHECK: block {{[0-9]+}} at {{.*}}memory.c:[[@LINE+22]]:3 in sizes (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: movb (%rcx), %al; reads rcx; writes rax
// CHECK-NEXT: insn 1: movw (%rdx), %ax; reads rdx; writes rax
// CHECK-NEXT: insn 2: movl (%rsi), %eax; reads rsi; writes rax
// CHECK-NEXT: insn 3: movq (%rdi), %rax; reads rdi; writes rax
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 3
// CHECK-NEXT: reg rcx: entry defined; not written; addresses %0 (`*b`)
// CHECK-NEXT: reg rdi: entry defined; not written; addresses %3 (`*q`)
// CHECK-NEXT: reg rdx: entry defined; not written; addresses %1 (`*w`)
// CHECK-NEXT: reg rsi: entry defined; not written; addresses %2 (`*d`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load 1 byte; memory operand %0 (`*b`)+0
// CHECK-NEXT: access insn 1: load 2 bytes; memory operand %1 (`*w`)+0
// CHECK-NEXT: access insn 2: load 4 bytes; memory operand %2 (`*d`)+0
// CHECK-NEXT: access insn 3: load 8 bytes; memory operand %3 (`*q`)+0
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void sizes(char *b, short *w, int *d, long *q) {
  asm volatile("movb %0, %%al\n\tmovw %1, %%ax\n\tmovl %2, %%eax\n\tmovq %3, %%rax"
               : : "m"(*b), "m"(*w), "m"(*d), "m"(*q) : "rax");
}

// Vector sizes and the alignment movdqa and vmovdqa require.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}memory.c:[[@LINE+22]]:3 in vectors (C, att, {{[^)]*}}) volatile memory-clobber
// CHECK-NEXT: insn 0: movdqu (%rax), %xmm0; reads rax; writes zmm0
// CHECK-NEXT: insn 1: movdqa (%rax), %xmm1; reads rax; writes zmm1
// CHECK-NEXT: insn 2: vmovdqu (%rax), %ymm2; reads rax; writes zmm2
// CHECK-NEXT: insn 3: vmovdqa (%rax), %ymm3; reads rax; writes zmm3
// CHECK-NEXT: reg rax: entry defined; not written; holds %0 (`p`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: reg zmm0: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 128
// CHECK-NEXT: reg zmm1: entry undefined; first write insn 1; changed at exit by insn 1; defined bits at exit 128
// CHECK-NEXT: reg zmm2: entry undefined; first write insn 2; changed at exit by insn 2; defined bits at exit 256
// CHECK-NEXT: reg zmm3: entry undefined; first write insn 3; changed at exit by insn 3; defined bits at exit 256
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load 16 bytes; pointer in %0 (`p`)+0
// CHECK-NEXT: access insn 1: load 16 bytes; align 16; pointer in %0 (`p`)+0
// CHECK-NEXT: access insn 2: load 32 bytes; pointer in %0 (`p`)+0
// CHECK-NEXT: access insn 3: load 32 bytes; align 32; pointer in %0 (`p`)+0
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void vectors(char (*p)[32]) {
  asm volatile("movdqu (%0), %%xmm0\n\tmovdqa (%0), %%xmm1\n\tvmovdqu (%0), %%ymm2\n\tvmovdqa (%0), %%ymm3"
               : : "r"(p) : "xmm0", "xmm1", "xmm2", "xmm3", "memory");
}

// A read-modify-write through a pointer at a constant offset; a store.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}memory.c:[[@LINE+14]]:3 in rmw (C, att, {{[^)]*}}) volatile memory-clobber cc-clobber
// CHECK-NEXT: insn 0: addl $1, 8(%rax); reads rax; writes -; flags written
// CHECK-NEXT: insn 1: movl $0, (%rax); reads rax; writes -
// CHECK-NEXT: reg rax: entry defined; not written; holds %0 (`p`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 0; changed at exit by insn 0
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load store 4 bytes; pointer in %0 (`p`)+8
// CHECK-NEXT: access insn 1: store 4 bytes; pointer in %0 (`p`)+0
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void rmw(int *p) {
  asm volatile("addl $1, 8(%0)\n\tmovl $0, (%0)" : : "r"(p) : "cc", "memory");
}

// An indexed access: pointer plus an index operand scaled by 4.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}memory.c:[[@LINE+16]]:3 in indexed (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: movl (%rcx,%rdx,4), %eax; reads rcx rdx; writes rax
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 0; holds %0 (`r`)
// CHECK-NEXT: reg rcx: entry defined; not written; holds %1 (`p`)
// CHECK-NEXT: reg rdx: entry defined; not written; holds %2 (`i`)
// CHECK-NEXT: reg rsi: entry defined; not written; addresses %3 (`*p`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load 4 bytes; pointer in %1 (`p`)+0; index %2 (`i`) x4
// CHECK-NEXT: written on every path: %0 (`r`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
int indexed(int *p, long i) {
  int r;
  asm("movl (%1,%2,4), %0" : "=r"(r) : "r"(p), "r"(i), "m"(*p));
  return r;
}

// A pointer stepped in a loop: the address varies, and the walk does not
// follow it back to %0 (docs: loops that step a pointer are not bounded).
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}memory.c:[[@LINE+16]]:3 in loop (C, att, {{[^)]*}}) volatile memory-clobber cc-clobber
// CHECK-NEXT: insn 0: movb $0, (%rax); reads rax; writes -
// CHECK-NEXT: insn 1: incq %rax; reads rax; writes rax; flags written
// CHECK-NEXT: insn 2: decq %rcx; reads rcx; writes rcx; flags written
// CHECK-NEXT: insn 3: jne .Ltmp0; reads -; writes -; flags consumed; to insn 0
// CHECK-NEXT: reg rax: entry defined; first write insn 1; changed at exit by insn 1; holds %0 (`p`)
// CHECK-NEXT: reg rcx: entry defined; first write insn 2; changed at exit by insn 2; holds %1 (`n`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 1; changed at exit by insn 2
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: store 1 byte; derived from %0 (`p`), offset unknown; in loop; address varies
// CHECK-NEXT: written on every path: %0 (`p`) %1 (`n`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void loop(char *p, long n) {
  asm volatile("1:\n\tmovb $0, (%0)\n\tincq %0\n\tdecq %1\n\tjnz 1b"
               : "+r"(p), "+r"(n) : : "cc", "memory");
}

// Nothing after the last block.
// CHECK-NOT: {{.}}
