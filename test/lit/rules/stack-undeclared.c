// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %asmstory %s -- -mno-red-zone | FileCheck %s --check-prefix=NORZ --allow-empty
// NORZ-NOT: [asmstory-

// x86-64 System V: a push writes into the red zone.
void push_bad(void) {
  // CHECK: stack-undeclared.c:[[@LINE+1]]:17: warning: `pushq %rax` writes 8 bytes below the stack pointer, into the x86-64 red zone{{.*}}[asmstory-stack-undeclared]
  asm volatile("push %%rax\n\tpop %%rax" : :);
}

// Correct: the stack pointer first moves past the red zone.
void push_ok(void) {
  asm volatile("sub $128, %%rsp\n\tpush %%rax\n\tpop %%rax\n\tadd $128, %%rsp" : :);
}
