// The x87 register stack on i386, where every float and double may live on
// it: libm-style helpers in the manner of the inline math glibc shipped for
// i386 before 2.27, correct, and the same with one declaration missing.
// RUN: not %asmstory --target=i386-pc-linux-gnu %s | FileCheck %s --implicit-check-not='[asmstory-'

// 2^x in two blocks: the first splits x into its integer part and
// 2^fraction - 1 (two outputs for one popped input: the stack ends one
// deeper), the second scales by the integer part, an input in "u" that
// fscale keeps.
long double exp2_ok(long double x) {
  long double frac, n;
  __asm__ __volatile__("fld %%st(0)\n\t"        /* x x */
                       "frndint\n\t"            /* n x */
                       "fxch\n\t"               /* x n */
                       "fsub %%st(1), %%st\n\t" /* x-n n */
                       "f2xm1"                  /* 2^(x-n)-1 n */
                       : "=t"(frac), "=u"(n)
                       : "0"(x));
  frac += 1.0;
  __asm__ __volatile__("fscale" : "=t"(frac) : "0"(frac), "u"(n));
  return frac;
}
// Two outputs declared, nothing pushed: the stack ends one entry
// shallower than declared, and the second output is never written.
long double exp2_bad(long double x) {
  long double frac, n;
  // CHECK: x87-stack-i386.c:[[@LINE+3]]:3: warning: output %1 (`n`) is not written on some path through the block{{.*}}[asmstory-output-not-written]
  // CHECK: x87-stack-i386.c:[[@LINE+2]]:3: warning: the block leaves the x87 register stack 1 entry shallower than it declares (2 outputs pushed, 1 input popped){{.*}}[asmstory-stack-unbalanced]
  // CHECK: note: fix: push every output the block declares, top first, or declare only what it pushes
  __asm__ __volatile__("frndint\n\t"
                       "f2xm1"
                       : "=t"(frac), "=u"(n)
                       : "0"(x));
  return frac + n;
}

// log2: fyl2x pops st(1), clobbered.
double log2_ok(double x) {
  double r;
  __asm__("fyl2x" : "=t"(r) : "0"(x), "u"(1.0) : "st(1)");
  return r;
}
double log2_bad(double x) {
  double r;
  // CHECK: x87-stack-i386.c:[[@LINE+2]]:12: warning: the block pops st(1) (input %2 (`1.0`)) off the x87 register stack{{.*}}[asmstory-clobber-missing]
  // CHECK: note: fix: add "st(1)" to the clobbers
  __asm__("fyl2x" : "=t"(r) : "0"(x), "u"(1.0));
  return r;
}

// Compare and pop both (fucompp): both inputs clobbered; the status word
// read into ax.
int less_ok(double a, double b) {
  unsigned short sw;
  __asm__("fucompp\n\tfnstsw %0" : "=a"(sw) : "t"(a), "u"(b) : "st", "st(1)");
  return (sw & 0x100) != 0;
}
int less_bad(double a, double b) {
  unsigned short sw;
  // CHECK: x87-stack-i386.c:[[@LINE+2]]:12: warning: the block pops st(1) (input %2 (`b`)) off the x87 register stack{{.*}}[asmstory-clobber-missing]
  // CHECK: note: fix: add "st(1)" to the clobbers
  __asm__("fucompp\n\tfnstsw %0" : "=a"(sw) : "t"(a), "u"(b) : "st");
  return (sw & 0x100) != 0;
}

// fprem loops until the reduction is complete: the depth is the same on
// every path.
long double fmod_ok(long double x, long double y) {
  long double r;
  __asm__("1:\tfprem\n\tfnstsw %%ax\n\tsahf\n\tjp 1b" : "=t"(r) : "0"(x), "u"(y) : "ax", "cc");
  return r;
}
// A constant pushed in a loop: one more entry per iteration.
long double fmod_bad(long double x, long double y) {
  long double r;
  // CHECK: x87-stack-i386.c:[[@LINE+2]]:25: warning: the depth of the x87 register stack at the end of the block depends on the path through it{{.*}}[asmstory-stack-unbalanced]
  // CHECK: note: fix: pop what the block pushes
  __asm__("1:\tfprem\n\tfld1\n\tfnstsw %%ax\n\tsahf\n\tjp 1b" : "=t"(r) : "0"(x), "u"(y) : "ax", "cc");
  return r;
}
