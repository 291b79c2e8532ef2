// -mno-red-zone (CodeGenOptions::DisableRedZone) and -mcmodel=kernel: no red
// zone below the stack pointer, so a push is no longer stack-undeclared.
// RUN: %clang -fplugin=%asmstory_so -O2 -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -fplugin=%asmstory_so -O2 -mno-red-zone -fsyntax-only %s 2>&1 | count 0
// RUN: %clang -fplugin=%asmstory_so -O2 -mcmodel=kernel -fsyntax-only %s 2>&1 | count 0

unsigned long flags(void) {
  unsigned long f;
  // CHECK: redzone.c:[[@LINE+1]]:17: warning: {{.*}}red zone{{.*}}[asmstory-stack-undeclared]
  asm volatile("pushf\n\tpop %0" : "=r"(f));
  return f;
}
