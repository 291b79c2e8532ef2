// iretq (or a far return) to a label of the block that the block pushed
// itself continues at that label: not a control escape (the kernel's
// iret_to_self, which serializes the CPU).  The frame is built on the
// stack, so the kernel's -mno-red-zone build.
// RUN: not %asmstory %s -- -mno-red-zone | FileCheck %s --implicit-check-not='[asmstory-'

// Correct: rip is label 1, rsp is the stack pointer before the frame.
void iret_to_self(void) {
  unsigned long tmp;
  __asm__ volatile("mov %%ss, %0\n\tpushq %0\n\tpushq %%rsp\n\taddq $8, (%%rsp)\n\tpushfq\n\t"
                   "mov %%cs, %0\n\tpushq %0\n\tpushq $1f\n\tiretq\n1:"
                   : "=&r"(tmp) : : "cc", "memory");
}
// An address from outside: control leaves the block.
void iret_elsewhere(void *target) {
  // CHECK: iret-to-self.c:[[@LINE+1]]:33: warning: `iretq` returns from the enclosing function; {{.*}}[asmstory-control-escape]
  __asm__ volatile("pushq %0\n\tiretq" : : "r"(target) : "memory");
}
