// Every allocation on i386: ebx is not clobbered (the PIC register of old
// GCC), so the compiler may give it to a "r" operand.
// RUN: not %asmstory --target=i386-pc-linux-gnu %s | FileCheck %s --implicit-check-not='[asmstory-'

// gcc -m32 -O2 puts %1 in ebx: the pop restores the old ebx over the result.
unsigned cpuid_ebx_bad(unsigned level) {
  unsigned a, b, c, d;
  // CHECK: every-allocation-i386.c:[[@LINE+1]]:3: warning: when the compiler puts %1 (`b`) in ebx, output %1 (`b`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  __asm__("push %%ebx\n\tcpuid\n\tmovl %%ebx, %1\n\tpop %%ebx"
          : "=a"(a), "=r"(b), "=c"(c), "=d"(d) : "0"(level));
  return b;
}
// Correct: the xchg idiom works in any register, ebx included.
unsigned cpuid_ebx_ok(unsigned level) {
  unsigned a, b, c, d;
  __asm__("xchgl %%ebx, %1\n\tcpuid\n\txchgl %%ebx, %1"
          : "=a"(a), "=r"(b), "=c"(c), "=d"(d) : "0"(level));
  return b;
}

// A system call that loads ebx itself: if the compiler puts a2 in ebx, the
// first mov overwrites it before it is read.
long syscall_bad(long n, long a1, long a2) {
  long r;
  // CHECK: every-allocation-i386.c:[[@LINE+2]]:35: warning: when the compiler puts input %3 (`a2`) in ebx, `movl %edx, %ebx` overwrites it before `movl %esi, %ecx` reads it; {{.*}}[asmstory-clobber-missing]
  // CHECK: note: fix: add "ebx" to the clobbers (or give %3 (`a2`) a fixed register)
  __asm__ volatile("push %%ebx\n\tmov %2, %%ebx\n\tmov %3, %%ecx\n\tint $0x80\n\tpop %%ebx"
                   : "=a"(r) : "0"(n), "r"(a1), "r"(a2) : "ecx", "memory");
  return r;
}
// Correct: the second argument in its fixed register.
long syscall_ok(long n, long a1, long a2) {
  long r;
  __asm__ volatile("push %%ebx\n\tmov %2, %%ebx\n\tint $0x80\n\tpop %%ebx"
                   : "=a"(r) : "0"(n), "r"(a1), "c"(a2) : "memory");
  return r;
}
