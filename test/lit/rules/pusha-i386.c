// pusha/popa save and restore the eight general registers (i386).
// RUN: not %asmstory --target=i386-pc-linux-gnu %s | FileCheck %s --implicit-check-not='[asmstory-'

// Correct: every register the block changes is restored by popa.
void all_saved(void) {
  __asm__ volatile("pusha\n\tmovl $0, %%eax\n\txorl %%ebx, %%ebx\n\tpopa" ::: "memory", "cc");
}
// popa also restores the output's register: the result is lost.
int result_lost(void) {
  int r;
  // CHECK: pusha-i386.c:[[@LINE+1]]:3: warning: output %0 (`r`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  __asm__ volatile("pusha\n\tmovl $1, %%eax\n\tpopa" : "=a"(r) :: "memory");
  return r;
}
