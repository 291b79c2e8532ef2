// The effects layer alone (--print-effects): push/pop save and restore,
// stack depth and balance, the implicit stack accesses.
// RUN: %asmstory --print-effects %s | FileCheck %s --match-full-lines

// rbx saved and restored: written, but not changed at exit; the stack is
// balanced and its lowest point is one slot down.
// CHECK: block {{[0-9]+}} at {{.*}}stack.c:[[@LINE+21]]:3 in leaf1_ebx (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: pushq %rbx; reads rbx; writes -; sp-8
// CHECK-NEXT: insn 1: cpuid; reads rax rcx; writes rax rbx rcx rdx
// CHECK-NEXT: insn 2: movl %ebx, %esi; reads rbx; writes rsi
// CHECK-NEXT: insn 3: popq %rbx; reads -; writes rbx; sp+8
// CHECK-NEXT: reg rax: entry defined; first write insn 1; changed at exit by insn 1; holds %0 (`a`)
// CHECK-NEXT: reg rbx: entry undefined; first write insn 1; restored at exit
// CHECK-NEXT: reg rcx: entry undefined; first write insn 1; changed at exit by insn 1
// CHECK-NEXT: reg rdx: entry undefined; first write insn 1; changed at exit by insn 1
// CHECK-NEXT: reg rsi: entry undefined; first write insn 2; changed at exit by insn 2; holds %1 (`b`)
// CHECK-NEXT: reg rsp: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: used from insn 0; lowest sp-8 at insn 0; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: store 8 bytes; stack sp-8; implicit
// CHECK-NEXT: access insn 3: load 8 bytes; stack sp-8; implicit
// CHECK-NEXT: written on every path: %0 (`a`) %1 (`b`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned leaf1_ebx(void) {
  unsigned a = 1, b;
  asm volatile("pushq %%rbx\n\tcpuid\n\tmovl %%ebx, %1\n\tpopq %%rbx"
               : "+a"(a), "=r"(b) : : "rcx", "rdx");
  return b;
}

// Two registers saved in order and restored in reverse order.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}stack.c:[[@LINE+21]]:3 in nested (C, att, {{[^)]*}}) volatile cc-clobber
// CHECK-NEXT: insn 0: pushq %r12; reads r12; writes -; sp-8
// CHECK-NEXT: insn 1: pushq %r13; reads r13; writes -; sp-8
// CHECK-NEXT: insn 2: xorl %r12d, %r12d; reads r12; writes r12; flags written
// CHECK-NEXT: insn 3: movq %r12, %r13; reads r12; writes r13
// CHECK-NEXT: insn 4: popq %r13; reads -; writes r13; sp+8
// CHECK-NEXT: insn 5: popq %r12; reads -; writes r12; sp+8
// CHECK-NEXT: reg r12: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg r13: entry undefined; first write insn 3; restored at exit
// CHECK-NEXT: reg rsp: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: flags: first write insn 2; changed at exit by insn 2
// CHECK-NEXT: stack: used from insn 0; lowest sp-16 at insn 1; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: store 8 bytes; stack sp-8; implicit
// CHECK-NEXT: access insn 1: store 8 bytes; stack sp-16; implicit
// CHECK-NEXT: access insn 4: load 8 bytes; stack sp-16; implicit
// CHECK-NEXT: access insn 5: load 8 bytes; stack sp-8; implicit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void nested(void) {
  asm volatile("pushq %%r12\n\tpushq %%r13\n\txorl %%r12d, %%r12d\n\tmovq %%r12, %%r13\n\t"
               "popq %%r13\n\tpopq %%r12" : : : "cc");
}

// Restored in the wrong order: both registers end with the other's value.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}stack.c:[[@LINE+19]]:3 in swapped (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: pushq %r12; reads r12; writes -; sp-8
// CHECK-NEXT: insn 1: pushq %r13; reads r13; writes -; sp-8
// CHECK-NEXT: insn 2: popq %r12; reads -; writes r12; sp+8
// CHECK-NEXT: insn 3: popq %r13; reads -; writes r13; sp+8
// CHECK-NEXT: reg r12: entry undefined; first write insn 2; changed at exit by insn 2; defined bits at exit 0
// CHECK-NEXT: reg r13: entry undefined; first write insn 3; changed at exit by insn 3; defined bits at exit 0
// CHECK-NEXT: reg rsp: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: used from insn 0; lowest sp-16 at insn 1; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: store 8 bytes; stack sp-8; implicit
// CHECK-NEXT: access insn 1: store 8 bytes; stack sp-16; implicit
// CHECK-NEXT: access insn 2: load 8 bytes; stack sp-16; implicit
// CHECK-NEXT: access insn 3: load 8 bytes; stack sp-8; implicit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void swapped(void) {
  asm volatile("pushq %%r12\n\tpushq %%r13\n\tpopq %%r12\n\tpopq %%r13" : :);
}

// A push without a pop: the stack pointer is 8 lower at exit.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}stack.c:[[@LINE+11]]:3 in unbalanced (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: pushq $0; reads -; writes -; sp-8
// CHECK-NEXT: reg rsp: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: used from insn 0; lowest sp-8 at insn 0; exit sp-8 (insn 0)
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: store 8 bytes; stack sp-8; implicit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void unbalanced(void) {
  asm volatile("pushq $0" : :);
}

// The stack pointer moved explicitly, then used for a store.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}stack.c:[[@LINE+13]]:3 in frame (C, att, {{[^)]*}}) volatile cc-clobber
// CHECK-NEXT: insn 0: subq $128, %rsp; reads rsp; writes rsp; flags written
// CHECK-NEXT: insn 1: movq $0, 8(%rsp); reads rsp; writes -
// CHECK-NEXT: insn 2: addq $128, %rsp; reads rsp; writes rsp; flags written
// CHECK-NEXT: reg rsp: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: flags: first write insn 0; changed at exit by insn 2
// CHECK-NEXT: stack: used from insn 1; lowest sp-128 at insn 0; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 1: store 8 bytes; stack sp-120
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void frame(void) {
  asm volatile("subq $128, %%rsp\n\tmovq $0, 8(%%rsp)\n\taddq $128, %%rsp" : : : "cc");
}

// Nothing after the last block.
// CHECK-NOT: {{.}}
