// The effects layer alone (--print-effects): the facts every-allocation
// rests on.  An input read after the block wrote a register the template
// names, which the compiler may also give that input; a memory operand's
// address used after an output was written.
// RUN: %asmstory --print-effects --target=i386-pc-linux-gnu %s | FileCheck %s

// ebx is saved and restored, not clobbered: a2 may be in it.
long load_ebx(long n, long a1, long a2) {
  long r;
  // CHECK-LABEL: in load_ebx
  // CHECK: lost in ebx: input %3 (`a2`) read by insn 2 after insn 1 wrote ebx
  __asm__ volatile("push %%ebx\n\tmov %2, %%ebx\n\tmov %3, %%ecx\n\tint $0x80\n\tpop %%ebx"
                   : "=a"(r) : "0"(n), "r"(a1), "r"(a2) : "ecx", "memory");
  return r;
}
// Read before the write: nothing is lost.
long load_ebx_ok(long n, long a1, long a2) {
  long r;
  // CHECK-LABEL: in load_ebx_ok
  // CHECK-NOT: lost in
  // CHECK: exit: falls through
  __asm__ volatile("push %%ebx\n\tmov %3, %%ecx\n\tmov %2, %%ebx\n\tint $0x80\n\tpop %%ebx"
                   : "=a"(r) : "0"(n), "r"(a1), "r"(a2) : "ecx", "memory");
  return r;
}
// A memory output's address is an input too.
void store_after(int *p, int *q) {
  int r;
  // CHECK-LABEL: in store_after
  // CHECK: early clobber: output %0 (`r`) written by insn 0, then the address of %1 (`*p`) used by insn 1
  __asm__("movl $1, %0\n\tmovl $2, %1" : "=r"(r), "=m"(*p));
  *q = r;
}
// A local's address comes from the frame: no register to share.
int store_local(void) {
  int r, x;
  // CHECK-LABEL: in store_local
  // CHECK-NOT: early clobber
  // CHECK: exit: falls through
  __asm__("movl $1, %0\n\tmovl $2, %1" : "=r"(r), "=m"(x));
  return r + x;
}
