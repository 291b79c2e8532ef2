// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'

void jump_bad(void) {
  // CHECK: control-escape.c:[[@LINE+1]]:17: warning: `jmp somewhere` jumps to 'somewhere', which is neither a label of the block nor a declared asm goto label{{.*}}[asmstory-control-escape]
  asm volatile("jmp somewhere");
}
void ret_bad(void) {
  // CHECK: control-escape.c:[[@LINE+1]]:17: warning: `retq` returns from the enclosing function{{.*}}[asmstory-control-escape]
  asm volatile("ret");
}

// Correct: asm goto to a declared label; local labels.
int goto_ok(int x) {
  asm goto("test %0, %0\n\tjz %l1" : : "r"(x) : "cc" : out);
  return 1;
out:
  return 0;
}
void local_ok(unsigned n) { asm volatile("1: dec %0\n\tjnz 1b\n\tjmp 2f\n2:" : "+r"(n)); }
