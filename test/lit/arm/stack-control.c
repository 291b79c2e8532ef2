// RUN: not %asmstory %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// Stack and control flow on 32-bit ARM: push/pop balance, branches out of the block, system calls (EABI: svc #0, the
// number in r7; exit is 1, exit_group 248).

// stack-unbalanced: a push without its pop.
void push_bad(void) {
  // CHECK: stack-control.c:[[@LINE+1]]:17: warning: the stack pointer is 8 bytes lower at the end of the block than at its start; the compiler addresses locals and returns through it [asmstory-stack-unbalanced]
  asm volatile("push {r4, lr}" : : : "memory");
}
void push_ok(void) { asm volatile("push {r4, lr}\n\tpop {r4, lr}" : : : "memory"); }
void sub_ok(void) { asm volatile("sub sp, sp, #16\n\tadd sp, sp, #16" : : : "memory"); }

// control-escape: a branch to a label the block does not declare.
void escape_bad(void) {
  // CHECK: stack-control.c:[[@LINE+1]]:17: warning: `b somewhere_else` jumps to 'somewhere_else', which is neither a label of the block nor a declared asm goto label; the compiler assumes control leaves an asm only by falling through or through its asm goto labels [asmstory-control-escape]
  asm volatile("b somewhere_else");
}
void loop_ok(unsigned n) { asm volatile("1: subs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc"); }
void goto_ok(unsigned x) {
  asm goto("cmp %0, #0\n\tbeq %l1" : : "r"(x) : "cc" : out);
  return;
out:
  __builtin_trap();
}
// A return from inside the block.
void return_bad(void) {
  // CHECK: stack-control.c:[[@LINE+2]]:17: warning: the block uses the value of lr, which is not an input of the block; it reaches a branch decision, so the result depends on whatever the compiler left there [asmstory-undefined-read]
  // CHECK: stack-control.c:[[@LINE+1]]:17: warning: `bx lr` jumps to an address computed at run time; the compiler assumes control leaves an asm only by falling through or through its asm goto labels [asmstory-control-escape]
  asm volatile("bx lr");
}

// write(2) returns its result in r0: an input-only r0 is overwritten.
long write_bad(long fd, const char *buf, long n) {
  register long r0 asm("r0") = fd;
  register long r1 asm("r1") = (long)buf;
  register long r2 asm("r2") = n;
  register long r7 asm("r7") = 4;
  // CHECK: stack-control.c:[[@LINE+1]]:17: warning: `svc #0` writes r0, which holds input-only operand %0 (`r0`); the compiler assumes the input is unchanged after the asm and may reuse the register's value [asmstory-input-overwritten]
  asm volatile("svc #0" : : "r"(r0), "r"(r1), "r"(r2), "r"(r7) : "memory");
  // CHECK: note: fix: make %0 (`r0`) an in/out operand ("+r") or copy it to a scratch output first
  return r0;
}
long write_ok(long fd, const char *buf, long n) {
  register long r0 asm("r0") = fd;
  register long r1 asm("r1") = (long)buf;
  register long r2 asm("r2") = n;
  register long r7 asm("r7") = 4;
  asm volatile("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
  return r0;
}
