// x87 stack operands: "t" and "u" are st(0) and st(1) (clang's IR spells
// them {st} and {st(1)}: not register variables), "f" binds to st(N) as the
// assembler spells it, and a double on the x87 stack is an 80-bit value (no
// operand-width).  The register stack is modeled (rules/x87-stack.c): these
// correct blocks are verified and silent, on i386 too, and from the IR.
// RUN: %asmstory %s | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// RUN: %asmstory --target=i386-pc-linux-gnu %s | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// RUN: %clang -S -emit-llvm -O1 %s -o %t.ll && %asmstory %t.ll | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --allow-empty --implicit-check-not='[asmstory-' %}
void sincos87(double x, double *s, double *c) {
  double cs, sn;
  __asm__("fsincos" : "=t"(cs), "=u"(sn) : "0"(x));
  *s = sn;
  *c = cs;
}

double atan87(double y, double x) {
  double r;
  __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
  return r;
}

double add87(double a, double b) {
  double r;
  __asm__("fadd %2, %%st" : "=t"(r) : "0"(a), "f"(b));
  return r;
}
