// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %asmstory --stats %s -- -mno-red-zone 2>%t.stats | FileCheck %s --check-prefix=NORZ --allow-empty
// RUN: FileCheck %s --check-prefix=BLOCKS < %t.stats
// NORZ-NOT: [asmstory-
// Without a red zone both blocks are analyzed and silent.
// BLOCKS-COUNT-2: asmstory-stats: block {{.*}}stack-undeclared.c:{{[0-9]+}} us {{[0-9]+$}}
// BLOCKS-NEXT: asmstory-stats: z3 queries

// x86-64 System V: a push writes into the red zone.
void push_bad(void) {
  // CHECK: stack-undeclared.c:[[@LINE+1]]:17: warning: `pushq %rax` writes 8 bytes below the stack pointer, into the x86-64 red zone{{.*}}[asmstory-stack-undeclared]
  asm volatile("push %%rax\n\tpop %%rax" : :);
}

// Correct: the stack pointer first moves past the red zone.
void push_ok(void) {
  asm volatile("sub $128, %%rsp\n\tpush %%rax\n\tpop %%rax\n\tadd $128, %%rsp" : :);
}
