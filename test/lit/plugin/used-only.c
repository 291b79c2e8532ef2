// What the plugin checks in included files: the functions this translation
// unit uses (the compiler emits no code for the others, and every file that
// uses them checks them), and in a size dispatch (switch (sizeof *p)) only
// the arm that matches: the others are notes, as in the CLI.  Functions of
// the main file are always checked.
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -fplugin=%asmstory_so -O2 -fsyntax-only -Rremark-backend-plugin %s -I %S/Inputs 2>&1 \
// RUN:   | FileCheck %s --check-prefix=REMARK
// The CLI reads every function of the files it is given, used or not.
// RUN: not %asmstory %s -- -I %S/Inputs | FileCheck %s --check-prefix=CLI
#include "kernel-helpers.h"

// CHECK: kernel-helpers.h:25:17: warning: the block changes {{.*}}[asmstory-clobber-missing]
// CLI-DAG: kernel-helpers.h:25:17: warning: the block changes {{.*}}[asmstory-clobber-missing]
// CLI-DAG: kernel-helpers.h:32:17: warning: the block changes rdx {{.*}}[asmstory-clobber-missing]
unsigned max_leaf(void) { return cpuid_eax(0); }

// A 4-byte exchange: the 1- and 8-byte arms are never emitted.  Their
// operands fit only the 4-byte arm (%b0 of an int is fine; %q0 of an int
// reads 64 bits of a 32-bit value).
// REMARK: remark: `xchgq %rax, (%rcx)` reads 64 bits of operand %0{{.*}}(in a branch the compiler does not emit here) [asmstory-operand-width]
// CLI-DAG: kernel-helpers.h:16:21: note: `xchgq %rax, (%rcx)` reads 64 bits of operand %0 (`__ret`){{.*}}(in a branch the compiler does not emit here) [asmstory-operand-width]
int swap_int(int *p, int v) { return xchg_sized(p, v); }

// A buggy function of the main file nobody calls is still checked.
// CHECK: used-only.c:[[@LINE+2]]:17: warning: the block changes {{.*}}[asmstory-clobber-missing]
static inline unsigned unused_here(unsigned leaf) {
  asm volatile("cpuid" : "+a"(leaf));
  return leaf;
}
