// The x87 register stack against the operands (GCC's manual, "x86
// Floating-Point asm Operands"; LLVM's X86FloatingPoint.cpp): the inputs in
// "t" (st(0)) and "u" (st(1)) are at the top at entry; an input the block
// pops must be clobbered or tied to an output; outputs are pushed, st(0)
// first; below them the compiler finds its own values where it left them.
// The block moves the stack by (outputs - popped inputs).  Each buggy block
// has a correct twin, which is silent.
// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}

// fpatan pops st(1): the input in "u" is popped, and nothing says so.
long double atan2_bad(long double y, long double x) {
  long double r;
  // PLUGIN: x87-stack.c:[[@LINE+4]]:12: warning: the block pops st(1) (input %2 (`y`)) of{{.*}}[asmstory-clobber-missing]
  // CHECK: x87-stack.c:[[@LINE+3]]:12: warning: the block pops st(1) (input %2 (`y`)) off the x87 register stack, but declares it neither clobbered nor tied to an output; the compiler expects it still on the stack after the asm and takes the registers below for its own values [asmstory-clobber-missing]
  // CHECK-NEXT: {{^}}  __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y));
  // CHECK: note: fix: add "st(1)" to the clobbers
  __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y));
  return r;
}
long double atan2_ok(long double y, long double x) {
  long double r;
  __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
  return r;
}

// fistpl pops the input in "t" (glibc's lrint on i386 clobbers "st").
int lrint_bad(double x) {
  int r;
  // PLUGIN: x87-stack.c:[[@LINE+3]]:12: warning: the block pops st(0) (input %1 (`x`)) of{{.*}}[asmstory-clobber-missing]
  // CHECK: x87-stack.c:[[@LINE+2]]:12: warning: the block pops st(0) (input %1 (`x`)) off the x87 register stack{{.*}}[asmstory-clobber-missing]
  // CHECK: note: fix: add "st" to the clobbers
  __asm__("fistpl %0" : "=m"(r) : "t"(x));
  return r;
}
int lrint_ok(double x) {
  int r;
  __asm__("fistpl %0" : "=m"(r) : "t"(x) : "st");
  return r;
}

// fld1 pushes; fadd leaves both values on the stack: one entry more than
// the one output for the one popped input.
double add_one_bad(double x) {
  double r;
  // PLUGIN: x87-stack.c:[[@LINE+3]]:12: warning: the block leaves the x87 register stack {{.*}}[asmstory-stack-unbalanced]
  // CHECK: x87-stack.c:[[@LINE+2]]:12: warning: the block leaves the x87 register stack 1 entry deeper than it declares (1 output pushed, 1 input popped); the compiler finds its own values below the outputs at the wrong positions [asmstory-stack-unbalanced]
  // CHECK: note: fix: pop what the block pushes (fstp %st(0)), or declare it as an output ("=t", "=u")
  __asm__("fld1\n\tfadd %%st(1), %%st" : "=t"(r) : "0"(x));
  return r;
}
double add_one_ok(double x) {
  double r;
  __asm__("fld1\n\tfaddp" : "=t"(r) : "0"(x));
  return r;
}

// A push with no output for it.
void push_bad(void) {
  // PLUGIN: x87-stack.c:[[@LINE+2]]:21: warning: the block leaves the x87 register stack {{.*}}[asmstory-stack-unbalanced]
  // CHECK: x87-stack.c:[[@LINE+1]]:21: warning: the block leaves the x87 register stack 1 entry deeper than it declares (0 outputs pushed, 0 inputs popped){{.*}}[asmstory-stack-unbalanced]
  __asm__ volatile("fldpi");
}
void push_ok(double *p) {
  __asm__ volatile("fldpi\n\tfstpl %0" : "=m"(*p));
}
// ... and a pushed output declared: the compiler pops it.
long double pi_ok(void) {
  long double r;
  __asm__("fldpi" : "=t"(r));
  return r;
}

// fadd %st, %st(1) writes st(1), the input in "u", which is not popped.
double add_into_u_bad(double x, double y) {
  double r;
  // PLUGIN: x87-stack.c:[[@LINE+3]]:12: warning: `fadd %st, %st(1)` changes st(1), which {{.*}}[asmstory-input-overwritten]
  // CHECK: x87-stack.c:[[@LINE+2]]:12: warning: `fadd %st, %st(1)` changes st(1), which holds input-only operand %2 (`y`); the block neither pops it nor declares it, so the compiler assumes the input is still there, unchanged, after the asm [asmstory-input-overwritten]
  // CHECK: note: fix: declare st(1) as an output tied to the input, or pop it and add "st(1)" to the clobbers
  __asm__("fadd %%st, %%st(1)" : "=t"(r) : "0"(x), "u"(y));
  return r;
}
double add_into_u_ok(double x, double y) {
  double r;
  __asm__("fadd %%st(1), %%st" : "=t"(r) : "0"(x), "u"(y));
  return r;
}

// No operands: fstp %st(2) overwrites the value two below the top, and
// fld1 the top; the compiler's values there are gone.
void below_bad(void) {
  // PLUGIN: x87-stack.c:[[@LINE+5]]:37: warning: the block changes st(0), st(2) of the x8{{.*}}[asmstory-clobber-missing]
  // CHECK: x87-stack.c:[[@LINE+4]]:37: warning: the block changes st(0), st(2) of the x87 register stack but declares them neither as an operand nor as a clobber; the compiler may keep a live value there across the asm [asmstory-clobber-missing]
  // CHECK: note: `fld1` changes st(0) and the block does not restore it
  // CHECK: note: `fld1` changes st(2) and the block does not restore it
  // CHECK: note: fix: add "st", "st(1)", "st(2)" to the clobbers
  __asm__ volatile("fstp %%st(2)\n\tfld1" :::);
}
void below_ok(void) {
  __asm__ volatile("fstp %%st(2)\n\tfld1" ::: "st", "st(1)", "st(2)");
}

// fninit empties the stack, long double values the compiler keeps there
// included; with every register declared, the compiler keeps none.
void init_bad(void) {
  // PLUGIN: x87-stack.c:[[@LINE+3]]:21: warning: `fninit` empties the x87 register stack,{{.*}}[asmstory-stack-unbalanced]
  // CHECK: x87-stack.c:[[@LINE+2]]:21: warning: `fninit` empties the x87 register stack, where the compiler may keep values across the asm (long double; on i386 without SSE, float and double too) [asmstory-stack-unbalanced]
  // CHECK: note: fix: declare every register of the x87 register stack clobbered ("st", "st(1)", ..., "st(7)")
  __asm__ volatile("fninit");
}
void init_ok(void) {
  __asm__ volatile("fninit" ::: "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)");
}

// A push on one path only: the depth at the end depends on the path.
double path_bad(double x) {
  double r;
  // PLUGIN: x87-stack.c:[[@LINE+3]]:53: warning: the depth of the x87 register stack at t{{.*}}[asmstory-stack-unbalanced]
  // CHECK: x87-stack.c:[[@LINE+2]]:53: warning: the depth of the x87 register stack at the end of the block depends on the path through it; the compiler expects it moved by exactly what the block declares (1 output pushed, 1 input popped) [asmstory-stack-unbalanced]
  // CHECK: note: fix: pop what the block pushes
  __asm__("ftst\n\tfnstsw %%ax\n\tsahf\n\tjnz 1f\n\tfld1\n1:" : "=t"(r) : "0"(x) : "ax", "cc");
  return r;
}
double path_ok(double x) {
  double r;
  __asm__("ftst\n\tfnstsw %%ax\n\tsahf\n\tjnz 1f\n\tfld1\n\tfaddp\n1:" : "=t"(r) : "0"(x) : "ax", "cc");
  return r;
}

// Correct x87 idioms: one value in, one out ("=t" with "0"; a float in "t"
// is an 80-bit value, no undefined bits); two out (fsincos pushes cos over
// sin); temporaries pushed and popped (fld/fstp through memory); "f" for
// any stack register; fxch twice; fscale keeps its exponent input.
double sqrt_ok(double x) {
  double r;
  __asm__("fsqrt" : "=t"(r) : "0"(x));
  return r;
}
float sin_ok(float x) {
  float r;
  __asm__("fsin" : "=t"(r) : "0"(x));
  return r;
}
void sincos_ok(double x, double *s, double *c) {
  double cs, sn;
  __asm__("fsincos" : "=t"(cs), "=u"(sn) : "0"(x));
  *s = sn;
  *c = cs;
}
void copy_ok(long double *dst, const long double *src) {
  __asm__("fldt %1\n\tfstpt %0" : "=m"(*dst) : "m"(*src));
}
double add_any_ok(double a, double b) {
  double r;
  __asm__("fadd %2, %%st" : "=t"(r) : "0"(a), "f"(b));
  return r;
}
double swap_twice_ok(double x, double y) {
  double r;
  __asm__("fxch\n\tfxch\n\tfsqrt" : "=t"(r) : "0"(x), "u"(y));
  return r;
}
// An output in st(0) written before the input in st(1) is read: stack
// positions are not registers the compiler allocates, so no early clobber.
double no_early_clobber_ok(double x, double y) {
  double r;
  __asm__("fsqrt\n\tfadd %%st(1), %%st" : "=t"(r) : "t"(x), "u"(y));
  return r;
}
long double scale_ok(long double x, long double e) {
  long double r;
  __asm__("fscale" : "=t"(r) : "0"(x), "u"(e));
  return r;
}
