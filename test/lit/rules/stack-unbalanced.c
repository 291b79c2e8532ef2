// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

void unbalanced_bad(void) {
  // CHECK: stack-unbalanced.c:[[@LINE+1]]:36: warning: the stack pointer is 136 bytes lower at the end of the block than at its start{{.*}}[asmstory-stack-unbalanced]
  asm volatile("sub $128, %%rsp\n\tpush %%rax" : :);
}
void pop_bad(void) {
  // CHECK: stack-unbalanced.c:[[@LINE+1]]:17: warning: the stack pointer is 8 bytes higher at the end of the block{{.*}}[asmstory-stack-unbalanced]
  asm volatile("pop %%rax" ::: "rax");
}

// Correct: balanced.
void balanced_ok(void) {
  asm volatile("sub $128, %%rsp\n\tpush %%rax\n\tpop %%rax\n\tadd $128, %%rsp" : :);
}
