// AArch64: a buggy case per register, flags, stack, purity and template rule,
// and the correct form of each, which stays silent.
// RUN: not %asmstory %s -- --target=aarch64-linux-gnu | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --target=aarch64-linux-gnu %s | FileCheck %s --implicit-check-not='[asmstory-'

long scratch_bad(long x) {
  long r;
  asm("mov x9, %1\n\tadd %0, x9, x9" : "=r"(r) : "r"(x));
  return r;
}
long scratch_ok(long x) {
  long r;
  asm("mov x9, %1\n\tadd %0, x9, x9" : "=r"(r) : "r"(x) : "x9");
  return r;
}
long scratch_w_ok(long x) {
  long r;
  asm("mov w9, %w1\n\tadd %0, x9, x9" : "=r"(r) : "r"(x) : "w9");
  return r;
}

void count_bad(long n) { asm volatile("1: subs %0, %0, #1\n\tb.ne 1b" : : "r"(n) : "cc"); }
void count_ok(long n) { asm volatile("1: subs %0, %0, #1\n\tb.ne 1b" : "+r"(n) : : "cc"); }

int flags_bad(long a, long b) {
  int r;
  asm("cmp %1, %2\n\tcset %w0, eq" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
int flags_ok(long a, long b) {
  int r;
  asm("cmp %1, %2\n\tcset %w0, eq" : "=r"(r) : "r"(a), "r"(b) : "cc");
  return r;
}

void store_bad(long *p, long v) { asm volatile("str %1, [%0]" : : "r"(p), "r"(v)); }
void store_ok(long *p, long v) { asm volatile("str %1, [%0]" : : "r"(p), "r"(v) : "memory"); }
void store_q_ok(long *p, long v) { asm volatile("str %1, %0" : "=Q"(*p) : "r"(v)); }
long load_bad(const long *p) {
  long v;
  asm("ldr %0, [%1]" : "=r"(v) : "r"(p));
  return v;
}
long load_ok(const long *p) {
  long v;
  asm("ldr %0, %1" : "=r"(v) : "Q"(*p));
  return v;
}

unsigned long ticks_bad(void) {
  unsigned long v;
  asm("mrs %0, cntvct_el0" : "=r"(v));
  return v;
}
unsigned long ticks_ok(void) {
  unsigned long v;
  asm volatile("mrs %0, cntvct_el0" : "=r"(v));
  return v;
}
unsigned long tp_ok(void) {
  unsigned long v;
  asm("mrs %0, tpidr_el0" : "=r"(v));
  return v;
}

void push_bad(void) { asm volatile("str x19, [sp, #-16]!"); }
void push_ok(void) { asm volatile("stp x29, x30, [sp, #-16]!\n\tmov x29, sp\n\tldp x29, x30, [sp], #16"); }

long pair_ok(long *p) {
  long a, b;
  asm volatile("ldp %0, %1, [%2]" : "=&r"(a), "=r"(b) : "r"(p) : "memory");
  return a + b;
}
long writeback_ok(long *p) {
  long v;
  asm volatile("ldr %0, [%1], #8" : "=r"(v), "+r"(p) : : "memory");
  return v;
}

int early_bad(long a, long b) {
  long r;
  asm("mov %0, #1\n\tadd %0, %0, %1\n\tadd %0, %0, %2" : "=r"(r) : "r"(a), "r"(b));
  return (int)r;
}
int early_ok(long a, long b) {
  long r;
  asm("mov %0, #1\n\tadd %0, %0, %1\n\tadd %0, %0, %2" : "=&r"(r) : "r"(a), "r"(b));
  return (int)r;
}

void ret_bad(void) { asm volatile("ret"); }

void tmpl_bad(void) { asm volatile("movq %rax, %rbx"); }

void fence_ok(void) { asm volatile("dmb ish" ::: "memory"); }
void wait_ok(void) { asm volatile("wfe\n\tsev\n\tyield\n\tisb"); }

// CHECK: rules.c:8:8: warning: the block changes x9 but declares it neither as an output nor as a clobber; {{.*}}[asmstory-clobber-missing]
// CHECK: note: fix: add "x9" to the clobbers
// CHECK: rules.c:22:40: warning: `subs x0, x0, #1` writes x0, which holds input-only operand %0 (`n`){{.*}}[asmstory-input-overwritten]
// CHECK: rules.c:27:8: warning: `cmp x1, x2` changes the status flags but the block does not list "cc" in its clobbers{{.*}}[asmstory-flags-clobber-missing]
// CHECK: note: fix: add "cc" to the clobbers
// CHECK: rules.c:36:49: warning: `str x1, [x0]` writes memory through the pointer in %0 (`p`), but it has no output memory operand for it and no "memory" clobber{{.*}}[asmstory-memory-write-undeclared]
// CHECK: rules.c:41:8: warning: `ldr x0, [x1]` reads memory through the pointer in %1 (`p`), but it has no input memory operand for it and no "memory" clobber{{.*}}[asmstory-memory-read-undeclared]
// CHECK: rules.c:52:8: warning: `mrs x0, CNTVCT_EL0` returns a value that changes between executions, but the block is not volatile{{.*}}[asmstory-pure-side-effect]
// CHECK: rules.c:66:37: warning: the stack pointer is 16 bytes lower at the end of the block than at its start{{.*}}[asmstory-stack-unbalanced]
// CHECK: rules.c:82:8: warning: output %0 (`r`) is written before input %1 (`a`) is read, but is not early-clobber{{.*}}[asmstory-early-clobber-missing]
// CHECK: rules.c:91:36: warning: `ret` returns from the enclosing function{{.*}}[asmstory-control-escape]
// CHECK: rules.c:93:42: error: the template does not assemble for aarch64-unknown-linux-gnu after operand substitution{{.*}}[asmstory-template-error]
