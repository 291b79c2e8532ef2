// RUN: %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// A call: the callee is not modeled; a note, never a clean pass (exit 0: notes only).

void call_note(void) {
  // CHECK: unmodeled.c:[[@LINE+1]]:36: note: the block is not verified: `callq foo` cannot be modeled (call: the callee's effects are not modeled) [asmstory-unmodeled]
  asm volatile("sub $128, %%rsp\n\tcall foo\n\tadd $128, %%rsp" ::: "memory");
}
void data_note(void) {
  // CHECK: unmodeled.c:[[@LINE+1]]:17: note: the block is not verified: it contains a data directive [asmstory-unmodeled]
  asm volatile(".long data_note");
}
void ok(void) { asm volatile("nop"); }
