// The effects layer alone (--print-effects): rep string operations repeat
// an access of the element size, the count in rcx, the address in rdi/rsi
// stepping by the direction flag.
// RUN: %asmstory --print-effects %s | FileCheck %s --match-full-lines

// CHECK: block {{[0-9]+}} at {{.*}}rep.c:[[@LINE+14]]:3 in fill (C, att, {{[^)]*}}) volatile memory-clobber
// CHECK-NEXT: insn 0: rep stosb %al, %es:(%rdi); reads rax rdi rcx; writes rdi rcx; df read
// CHECK-NEXT: reg rax: entry defined; not written; holds %2 (`c`)
// CHECK-NEXT: reg rcx: entry defined; first write insn 0; changed at exit by insn 0; holds %1 (`n`)
// CHECK-NEXT: reg rdi: entry defined; first write insn 0; changed at exit by insn 0; holds %0 (`d`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: store 1 byte; repeated, count in rcx; string op; pointer in %0 (`d`)+0
// CHECK-NEXT: written on every path: %0 (`d`) %1 (`n`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void fill(void *d, int c, unsigned long n) {
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
}

// CHECK-NEXT: block {{[0-9]+}} at {{.*}}rep.c:[[@LINE+15]]:3 in copy_quads (C, att, {{[^)]*}}) volatile memory-clobber
// CHECK-NEXT: insn 0: rep movsq (%rsi), %es:(%rdi); reads rdi rsi rcx; writes rdi rsi rcx; df read
// CHECK-NEXT: reg rcx: entry defined; first write insn 0; changed at exit by insn 0; holds %2 (`n`)
// CHECK-NEXT: reg rdi: entry defined; first write insn 0; changed at exit by insn 0; holds %0 (`d`)
// CHECK-NEXT: reg rsi: entry defined; first write insn 0; changed at exit by insn 0; holds %1 (`s`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load 8 bytes; repeated, count in rcx; string op; pointer in %1 (`s`)+0
// CHECK-NEXT: access insn 0: store 8 bytes; repeated, count in rcx; string op; pointer in %0 (`d`)+0
// CHECK-NEXT: written on every path: %0 (`d`) %1 (`s`) %2 (`n`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void copy_quads(void *d, const void *s, unsigned long n) {
  asm volatile("rep movsq" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
}

// repne scas counts rcx down like rep: a repeated 1-byte load, rcx written.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}rep.c:[[@LINE+14]]:3 in find (C, att, {{[^)]*}}) volatile memory-clobber cc-clobber
// CHECK-NEXT: insn 0: repne scasb %es:(%rdi), %al; reads rax rdi rcx; writes rdi rcx; flags written; df read
// CHECK-NEXT: reg rax: entry defined; not written; holds %2 (`0`)
// CHECK-NEXT: reg rcx: entry defined; first write insn 0; changed at exit by insn 0; holds %1 (`n`)
// CHECK-NEXT: reg rdi: entry defined; first write insn 0; changed at exit by insn 0; holds %0 (`s`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 0; changed at exit by insn 0
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load 1 byte; repeated, count in rcx; string op; pointer in %0 (`s`)+0
// CHECK-NEXT: written on every path: %0 (`s`) %1 (`n`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned long find(const char *s, unsigned long n) {
  asm volatile("repne scasb" : "+D"(s), "+c"(n) : "a"(0) : "cc", "memory");
  return n;
}

// One lodsl, not repeated: one 4-byte load, rsi advanced.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}rep.c:[[@LINE+14]]:3 in next (C, att, {{[^)]*}}) volatile memory-clobber
// CHECK-NEXT: insn 0: lodsl (%rsi), %eax; reads rsi; writes rax rsi; df read
// CHECK-NEXT: reg rax: entry undefined; first write insn 0; changed at exit by insn 0; holds %0 (`v`)
// CHECK-NEXT: reg rsi: entry defined; first write insn 0; changed at exit by insn 0; holds %1 (`s`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: load 4 bytes; string op; pointer in %1 (`s`)+0
// CHECK-NEXT: written on every path: %0 (`v`) %1 (`s`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned next(const unsigned *s) {
  unsigned v;
  asm volatile("lodsl" : "=a"(v), "+S"(s) : : "memory");
  return v;
}

// Nothing after the last block.
// CHECK-NOT: {{.}}
