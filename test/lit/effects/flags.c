// The effects layer alone (--print-effects): status flags written,
// consumed, saved and restored; the direction flag.
// RUN: %asmstory --print-effects %s | FileCheck %s --match-full-lines

// Written by the add, consumed by the adc (a carry chain).
// CHECK: block {{[0-9]+}} at {{.*}}flags.c:[[@LINE+14]]:3 in add128 (C, att, {{[^)]*}}) pure cc-clobber
// CHECK-NEXT: insn 0: addq %rdx, %rax; reads rax rdx; writes rax; flags written
// CHECK-NEXT: insn 1: adcq $0, %rcx; reads rcx; writes rcx; flags consumed; flags written
// CHECK-NEXT: reg rax: entry defined; first write insn 0; changed at exit by insn 0; holds %0 (`lo`)
// CHECK-NEXT: reg rcx: entry defined; first write insn 1; changed at exit by insn 1; holds %1 (`hi`)
// CHECK-NEXT: reg rdx: entry defined; not written; holds %2 (`b`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: first write insn 0; changed at exit by insn 1
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: %0 (`lo`) %1 (`hi`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
unsigned long add128(unsigned long lo, unsigned long hi, unsigned long b) {
  asm("addq %2, %0\n\tadcq $0, %1" : "+r"(lo), "+r"(hi) : "r"(b) : "cc");
  return lo ^ hi;
}

// Read by the conditional jump before the block sets them.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}flags.c:[[@LINE+12]]:3 in jump_on_entry_flags (C, att, {{[^)]*}}) volatile cc-clobber
// CHECK-NEXT: insn 0: je .Ltmp0; reads -; writes -; flags consumed; to insn 2
// CHECK-NEXT: insn 1: nop; reads -; writes -
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: undefined: entry flags reaches a branch decision at insn 0
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: hint (insn 1)
// CHECK-NEXT: exit: falls through; converged
void jump_on_entry_flags(void) {
  asm volatile("jz 1f\n\tnop\n1:" : : : "cc");
}

// pushf/popf around a flag-setting instruction: restored at exit.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}flags.c:[[@LINE+15]]:3 in saved (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: pushfq; reads -; writes -; flags read; sp-8; df read
// CHECK-NEXT: insn 1: testq %rax, %rax; reads rax; writes -; flags written
// CHECK-NEXT: insn 2: popfq; reads -; writes -; flags written; sp+8; df popped
// CHECK-NEXT: reg rax: entry defined; not written; holds %0 (`x`)
// CHECK-NEXT: reg rsp: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: flags: first write insn 1; restored at exit
// CHECK-NEXT: stack: used from insn 0; lowest sp-8 at insn 0; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: access insn 0: store 8 bytes; stack sp-8; implicit
// CHECK-NEXT: access insn 2: load 8 bytes; stack sp-8; implicit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void saved(unsigned long x) {
  asm volatile("pushfq\n\ttestq %0, %0\n\tpopfq" : : "r"(x));
}

// std without cld: the direction flag may be set at exit.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}flags.c:[[@LINE+10]]:3 in std_only (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: std; reads -; writes -; df set
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: may be set at exit by insn 0
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void std_only(void) {
  asm volatile("std" : :);
}

// std then cld: clear at exit.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}flags.c:[[@LINE+11]]:3 in std_cld (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: std; reads -; writes -; df set
// CHECK-NEXT: insn 1: cld; reads -; writes -; df cleared
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void std_cld(void) {
  asm volatile("std\n\tcld" : :);
}

// Nothing after the last block.
// CHECK-NOT: {{.}}
