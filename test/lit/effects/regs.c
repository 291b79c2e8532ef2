// The effects layer alone (--print-effects): which registers a block reads
// and writes, which it leaves changed, which entry values are undefined and
// where they go.
// RUN: %asmstory --print-effects %s | FileCheck %s --match-full-lines

// Inputs read, one output written from them; the input registers are not
// written and hold their operands.
// CHECK: block {{[0-9]+}} at {{.*}}regs.c:[[@LINE+15]]:3 in add (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: movl %ecx, %eax; reads rcx; writes rax
// CHECK-NEXT: insn 1: addl %edx, %eax; reads rax rdx; writes rax; flags written
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 1; holds %0 (`r`)
// CHECK-NEXT: reg rcx: entry defined; not written; holds %1 (`a`)
// CHECK-NEXT: reg rdx: entry defined; not written; holds %2 (`b`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 1; changed at exit by insn 1
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: %0 (`r`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned add(unsigned a, unsigned b) {
  unsigned r;
  asm("movl %1, %0\n\taddl %2, %0" : "=&r"(r) : "r"(a), "r"(b));
  return r;
}

// An in/out operand: defined at entry, changed at exit.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}regs.c:[[@LINE+11]]:3 in negate (C, att, {{[^)]*}}) pure cc-clobber
// CHECK-NEXT: insn 0: negq %rax; reads rax; writes rax; flags written
// CHECK-NEXT: reg rax: entry defined; first write insn 0; changed at exit by insn 0; holds %0 (`x`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 0; changed at exit by insn 0
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: %0 (`x`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned long negate(unsigned long x) {
  asm("negq %0" : "+r"(x) : : "cc");
  return x;
}

// A scratch register written and left changed, undeclared: the summary says
// so (the clobber rule reads it from here).
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}regs.c:[[@LINE+11]]:3 in scratch (C, att, {{[^)]*}}) volatile cc-clobber
// CHECK-NEXT: insn 0: xorl %r11d, %r11d; reads r11; writes r11; flags written
// CHECK-NEXT: reg r11: entry undefined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 0; changed at exit by insn 0
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void scratch(void) {
  asm volatile("xorl %%r11d, %%r11d" : : : "cc");
}

// A register the block reads but nobody set: its entry value is undefined
// and reaches an address and the output.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}regs.c:[[@LINE+16]]:3 in undefined_base (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: movl (%rbx), %eax; reads rbx; writes rax
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 0; holds %0 (`r`)
// CHECK-NEXT: reg rbx: entry undefined; not written
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load 4 bytes; base entry rbx
// CHECK-NEXT: undefined: entry rbx reaches an address at insn 0
// CHECK-NEXT: undefined: entry rbx reaches output %0 (`r`) at insn 0
// CHECK-NEXT: written on every path: %0 (`r`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
int undefined_base(void) {
  int r;
  asm("movl (%%rbx), %0" : "=r"(r));
  return r;
}

// A 32-bit input read as 64 bits: the upper half is undefined.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}regs.c:[[@LINE+14]]:3 in wide (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: movq %rcx, %rax; reads rcx; writes rax
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 0; holds %0 (`r`)
// CHECK-NEXT: reg rcx: entry defined; not written; holds %1 (`x`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: wide read: %1 (`x`) read as 64 bits by insn 0, 32 defined
// CHECK-NEXT: written on every path: %0 (`r`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
long wide(int x) {
  long r;
  asm("movq %q1, %0" : "=r"(r) : "r"(x));
  return r;
}

// An output only written on one path.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}regs.c:[[@LINE+15]]:3 in maybe (C, att, {{[^)]*}}) pure cc-clobber
// CHECK-NEXT: insn 0: testl %ecx, %ecx; reads rcx; writes -; flags written
// CHECK-NEXT: insn 1: je .Ltmp0; reads -; writes -; flags consumed; to insn 3
// CHECK-NEXT: insn 2: movl $1, %eax; reads -; writes rax
// CHECK-NEXT: reg rax: entry undefined; first write insn 2; changed at exit by insn 2; defined bits at exit 0; holds %0 (`r`)
// CHECK-NEXT: reg rcx: entry defined; not written; holds %1 (`c`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 0; changed at exit by insn 0
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
int maybe(int c) {
  int r;
  asm("testl %1, %1\n\tjz 1f\n\tmovl $1, %0\n1:" : "=r"(r) : "r"(c) : "cc");
  return r;
}

// Nothing after the last block.
// CHECK-NOT: {{.}}
