// A verdict holds for every register allocation the compiler may choose,
// not only the one asmstory binds: an operand may get a register the
// template names (if nothing excludes it), and "g"/"rm"/"qm" operands may be
// in memory, whose address is an input the compiler may put in an output's
// register.
// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}

// r12 is saved in r11 and restored, but nothing stops the compiler from
// choosing r12 for %0: the restore then overwrites the result.
long mov_save_bad(long x) {
  long r;
  // CHECK: every-allocation.c:[[@LINE+2]]:3: warning: when the compiler puts %0 (`r`) in r12, output %0 (`r`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  // PLUGIN: every-allocation.c:[[@LINE+1]]:3: warning: when the compiler puts %0 (`r`) in r12, {{.*}}[asmstory-output-not-written]
  asm("mov %%r12, %%r11\n\tmov %1, %%r12\n\tlea 1(%%r12), %0\n\tmov %%r11, %%r12" : "=r"(r) : "r"(x) : "r11");
  return r;
}
// Correct: %0 cannot be r12.
long mov_save_ok(long x) {
  long r;
  asm("mov %%r12, %%r11\n\tmov %1, %%r12\n\tlea 1(%%r12), %0\n\tmov %%r11, %%r12" : "=a"(r) : "r"(x) : "r11");
  return r;
}

// The same with rbx saved in a memory operand: "=&r" may still be rbx.
int save_in_memory_bad(int x) {
  int r;
  long save;
  // PLUGIN: every-allocation.c:[[@LINE+2]]:3: warning: when the compiler puts %0 (`r`) in ebx, {{.*}}[asmstory-output-not-written]
  // CHECK: every-allocation.c:[[@LINE+1]]:3: warning: when the compiler puts %0 (`r`) in ebx, output %0 (`r`) is not written on some path through the block; {{.*}}[asmstory-output-not-written]
  asm("movq %%rbx, %1\n\tmovl %2, %%ebx\n\tleal 1(%%rbx), %0\n\tmovq %1, %%rbx"
      : "=&r"(r), "=m"(save) : "r"(x));
  return r;
}

// rdrand writes rax before setc stores through the flag's address, and in
// its memory form that address may be in rax.
int rdrand_bad(unsigned long *v, unsigned char *ok) {
  unsigned long val;
  // PLUGIN: every-allocation.c:[[@LINE+4]]:17: warning: when the compiler puts %1 (`*ok`) in memory, {{.*}}[asmstory-early-clobber-missing]
  // CHECK: every-allocation.c:[[@LINE+3]]:17: warning: when the compiler puts %1 (`*ok`) in memory, output %0 (`val`) is written before the address of %1 (`*ok`) is used, but is not early-clobber; {{.*}}[asmstory-early-clobber-missing]
  // CHECK: every-allocation.c:[[@LINE+2]]:17: note: `rdrandq %rax` writes output %0 (`val`)
  // CHECK-NEXT: every-allocation.c:[[@LINE+1]]:28: note: `setb (%rcx)` then accesses %1 (`*ok`) through its address
  asm volatile("rdrand %0; setc %1" : "=a"(val), "=qm"(*ok));
  *v = val;
  return 0;
}
// Correct: early-clobber; or a local flag, whose address needs no register.
int rdrand_ok(unsigned long *v, unsigned char *ok) {
  unsigned long val;
  asm volatile("rdrand %0; setc %1" : "=&a"(val), "=qm"(*ok));
  *v = val;
  return 0;
}
int rdrand_local_ok(unsigned long *v) {
  unsigned long val;
  unsigned char ok;
  asm volatile("rdrand %0; setc %1" : "=a"(val), "=qm"(ok));
  *v = val;
  return ok;
}

// Seven "=g" outputs beside nine clobbers: five registers are left, so two
// outputs are in memory, and their addresses can only be in the registers
// of the outputs written first.  Binding never fails on code that compiles.
struct seven { int a, b, c, d, e, f, g; };
void seven_bad(struct seven *o) {
  // PLUGIN: every-allocation.c:[[@LINE+2]]:8: warning: output %0 (`o->a`) is written before the address of %5 (`o->f`) {{.*}}[asmstory-early-clobber-missing]
  // CHECK: every-allocation.c:[[@LINE+1]]:8: warning: output %0 (`o->a`) is written before the address of %5 (`o->f`) is used, but is not early-clobber; {{.*}}[asmstory-early-clobber-missing]
  asm("movl $1, %0\n\tmovl $2, %1\n\tmovl $3, %2\n\tmovl $4, %3\n\tmovl $5, %4\n\tmovl $6, %5\n\tmovl $7, %6"
      : "=g"(o->a), "=g"(o->b), "=g"(o->c), "=g"(o->d), "=g"(o->e), "=g"(o->f), "=g"(o->g)
      : : "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10");
}
// Correct: locals, reached from the frame without a register.
int seven_ok(void) {
  int a, b, c, d, e, f, g;
  asm("movl $1, %0\n\tmovl $2, %1\n\tmovl $3, %2\n\tmovl $4, %3\n\tmovl $5, %4\n\tmovl $6, %5\n\tmovl $7, %6"
      : "=g"(a), "=g"(b), "=g"(c), "=g"(d), "=g"(e), "=g"(f), "=g"(g)
      : : "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10");
  return a + b + c + d + e + f + g;
}
