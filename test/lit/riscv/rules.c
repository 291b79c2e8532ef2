// RUN: not %asmstory --target=riscv64-unknown-linux-gnu %s | FileCheck %s --implicit-check-not='[asmstory-'
// Each rule that applies to RISC-V: a buggy block, then correct ones that
// stay silent.
typedef unsigned long u64;

u64 clobber_bad(u64 a) {
  u64 r;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: the block changes t0 but declares it neither as an output nor as a clobber; the compiler may keep a live value there acr{{.*}}{{.*}}[asmstory-clobber-missing]
  asm("li t0, 5\n\tadd %0, %1, t0" : "=r"(r) : "r"(a));
  return r;
}
u64 clobber_ok(u64 a) {
  u64 r;
  asm("li t0, 5\n\tadd %0, %1, t0" : "=r"(r) : "r"(a) : "t0");
  return r;
}

void input_overwritten_bad(u64 n) {
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: `addi a0, a0, -1` writes a0, which holds input-only operand %0 (`n`); the compiler assumes the input is unchanged after {{.*}}{{.*}}[asmstory-input-overwritten]
  asm volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : : "r"(n));
}
void input_overwritten_ok(u64 n) {
  asm volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(n));
}

u64 output_not_written_bad(u64 a) {
  u64 r;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: output %0 (`r`) is not written on some path through the block; the compiler uses whatever its register or memory held be{{.*}}{{.*}}[asmstory-output-not-written]
  asm("beqz %1, 1f\n\tmv %0, %1\n1:" : "=r"(r) : "r"(a));
  return r;
}
u64 output_not_written_ok(u64 a) {
  u64 r;
  asm("mv %0, zero\n\tbeqz %1, 1f\n\tmv %0, %1\n1:" : "=&r"(r) : "r"(a));
  return r;
}

u64 undefined_read_bad(void) {
  u64 r;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: the block uses the value of output-only operand %0 (`r`) (a0) before the block wrote it; it reaches output %0 (`r`), so {{.*}}{{.*}}[asmstory-undefined-read]
  asm("addi %0, %0, 1" : "=r"(r));
  return r;
}

// An int operand read at 64 bits is defined: the psABI keeps 32-bit values
// sign-extended in x registers (no operand-width on RISC-V).
int width_ok(int a) {
  int r;
  asm("add %0, %1, %1" : "=r"(r) : "r"(a));
  return r;
}

void stack_unbalanced_bad(void) {
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: the stack pointer is 16 bytes lower at the end of the block than at its start; the compiler addresses locals and returns{{.*}}{{.*}}[asmstory-stack-unbalanced]
  asm volatile("addi sp, sp, -16");
}
void stack_ok(u64 a) {
  asm volatile("addi sp, sp, -16\n\tsd %0, 0(sp)\n\taddi sp, sp, 16" : : "r"(a) : "memory");
}

void escape_bad(void) {
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: `ret` returns from the enclosing function; the compiler assumes control leaves an asm only by falling through or through{{.*}}{{.*}}[asmstory-control-escape]
  asm volatile("ret");
}
void escape_ok(u64 a) {
  asm volatile("beqz %0, 1f\n\tnop\n1:" : : "r"(a));
}

u64 read_undeclared_bad(const u64 *p) {
  u64 r;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: `ld a0, 0(a1)` reads memory through the pointer in %1 (`p`), but it has no input memory operand for it and no "memory" c{{.*}}{{.*}}[asmstory-memory-read-undeclared]
  asm("ld %0, 0(%1)" : "=r"(r) : "r"(p));
  return r;
}
u64 read_ok(const u64 *p) {
  u64 r;
  asm("ld %0, %1" : "=r"(r) : "m"(*p));
  return r;
}

void write_undeclared_bad(u64 *p, u64 v) {
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: `sd a1, 0(a0)` writes memory through the pointer in %0 (`p`), but it has no output memory operand for it and no "memory"{{.*}}{{.*}}[asmstory-memory-write-undeclared]
  asm volatile("sd %1, 0(%0)" : : "r"(p), "r"(v));
}
void write_ok(u64 *p, u64 v) {
  asm volatile("sd %1, 0(%0)" : : "r"(p), "r"(v) : "memory");
}

unsigned misaligned_bad(char *p) {
  unsigned r;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: `lr.w a0, (a1)` needs 4-byte alignment, but %1 (`p + 1`)+0 is only known to be 1-byte aligned; it faults when the pointe{{.*}}{{.*}}[asmstory-memory-misaligned]
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(p + 1) : "memory");
  return r;
}
unsigned aligned_ok(unsigned *p) {
  unsigned r;
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(p) : "memory");
  return r;
}

void readonly_write_bad(u64 v) {
  static const u64 k = 1;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: error: `sd a1, 0(a0)` writes through %0 (`&k`), which points into the constant `readonly_write_bad.k`; its provenance grants on{{.*}}{{.*}}[asmstory-memory-readonly-write]
  asm volatile("sd %1, 0(%0)" : : "r"(&k), "r"(v) : "memory");
}

void no_provenance_bad(u64 v) {
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: `sd a0, 0(a1)` writes memory through %1 (`(u64 *)0x1000`), which is made from an integer and has no provenance; no objec{{.*}}{{.*}}[asmstory-memory-no-provenance]
  asm volatile("sd %0, 0(%1)" : : "r"(v), "r"((u64 *)0x1000) : "memory");
}

u64 oob_bad(void) {
  unsigned x = 1;
  u64 r;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: error: `ld a0, 0(a1)` reads `x[0..8)`, past the end of `x` (local, 4 bytes) [asmstory-memory-out-of-bounds]
  asm volatile("ld %0, 0(%1)" : "=r"(r) : "r"(&x) : "memory");
  return r;
}

u64 pure_bad(void) {
  u64 r;
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: warning: `rdcycle a0` returns a value that changes between executions, but the block is not volatile (an asm with outputs and no {{.*}}{{.*}}[asmstory-pure-side-effect]
  asm("rdcycle %0" : "=r"(r));
  return r;
}
u64 pure_ok(void) {
  u64 r;
  asm volatile("rdcycle %0" : "=r"(r));
  return r;
}

void template_bad(void) {
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: error: the template does not assemble for riscv64-unknown-linux-gnu after operand substitution: unrecognized instruction mnemon{{.*}}{{.*}}[asmstory-template-error]
  asm volatile("frobnicate a0");
}
void unmodeled_note(void) {
  // CHECK: rules.c:[[@LINE+1]]:{{[0-9]+}}: note: the block is not verified: `call foo` cannot be modeled (call: the callee's effects are not modeled) [asmstory-unmodeled]
  asm volatile("call foo");
}
