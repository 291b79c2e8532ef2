// The effects layer alone (--print-effects): an output written before an
// input is read (the order early-clobber-missing is about), and the orders
// that are harmless.
// RUN: %asmstory --print-effects %s | FileCheck %s --match-full-lines

// Output written first, input read after: the compiler may have given both
// the same register.
// CHECK: block {{[0-9]+}} at {{.*}}early-clobber.c:[[@LINE+18]]:3 in write_then_read (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: movq $1, %rax; reads -; writes rax
// CHECK-NEXT: insn 1: addq %rcx, %rax; reads rax rcx; writes rax; flags written
// CHECK-NEXT: insn 2: addq %rdx, %rax; reads rax rdx; writes rax; flags written
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 2; holds %0 (`r`)
// CHECK-NEXT: reg rcx: entry defined; not written; holds %1 (`a`)
// CHECK-NEXT: reg rdx: entry defined; not written; holds %2 (`b`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 1; changed at exit by insn 2
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: early clobber: output %0 (`r`) written by insn 0, then input %1 (`a`) read by insn 1
// CHECK-NEXT: early clobber: output %0 (`r`) written by insn 1, then input %2 (`b`) read by insn 2
// CHECK-NEXT: written on every path: %0 (`r`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned long write_then_read(unsigned long a, unsigned long b) {
  unsigned long r;
  asm("movq $1, %0\n\taddq %1, %0\n\taddq %2, %0" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

// Every input read before the output is written: nothing to report.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}early-clobber.c:[[@LINE+14]]:3 in read_then_write (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: leaq (%rcx,%rdx), %rax; reads rcx rdx; writes rax
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 0; holds %0 (`r`)
// CHECK-NEXT: reg rcx: entry defined; not written; holds %1 (`a`)
// CHECK-NEXT: reg rdx: entry defined; not written; holds %2 (`b`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: %0 (`r`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned long read_then_write(unsigned long a, unsigned long b) {
  unsigned long r;
  asm("leaq (%1,%2), %0" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

// Declared early-clobber: the registers differ, nothing to report.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}early-clobber.c:[[@LINE+16]]:3 in declared (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: movq $1, %rax; reads -; writes rax
// CHECK-NEXT: insn 1: addq %rcx, %rax; reads rax rcx; writes rax; flags written
// CHECK-NEXT: insn 2: addq %rdx, %rax; reads rax rdx; writes rax; flags written
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 2; holds %0 (`r`)
// CHECK-NEXT: reg rcx: entry defined; not written; holds %1 (`a`)
// CHECK-NEXT: reg rdx: entry defined; not written; holds %2 (`b`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 1; changed at exit by insn 2
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: %0 (`r`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned long declared(unsigned long a, unsigned long b) {
  unsigned long r;
  asm("movq $1, %0\n\taddq %1, %0\n\taddq %2, %0" : "=&r"(r) : "r"(a), "r"(b));
  return r;
}

// Nothing after the last block.
// CHECK-NOT: {{.}}
