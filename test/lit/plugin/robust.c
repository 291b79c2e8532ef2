// Unusual statements never crash the compiler and never change its output;
// what cannot be analyzed is a remark (-Rremark-backend-plugin), not a warning.
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -g -c %s -o %t0.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -m32 -O2 -c %s -o %t32.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=I386 --implicit-check-not='[asmstory-'
// A target the analyzer does not support: silent by default, a remark on request.
// RUN: echo 'long f(long x) { asm("daddiu %%0, %%0, 1" : "+r"(x)); return x; }' > %t-mips.c
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so --target=mips64-linux-gnuabi64 -O2 -c %t-mips.c -o %t-mips.o 2>&1 | count 0
// RUN: %clang -fplugin=%asmstory_so --target=mips64-linux-gnuabi64 -Rremark-backend-plugin -fsyntax-only %t-mips.c 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MIPS
// MIPS: remark: asmstory: the asm statement is not analyzed: {{.*}} [-Rremark-backend-plugin]
#include <stddef.h>

struct opaque;
struct pair { long a, b; };

// Operands of every shape: VLA, incomplete pointee, struct, named ties,
// a local register variable, an empty template, many operands.
void shapes(size_t n, struct opaque *o, struct pair *p) {
  char vla[n];
  asm volatile("" : : "r"(vla), "m"(*(char (*)[1])vla) : "memory");
  asm volatile("" : : "r"(o) : "memory");
  asm volatile("" : "+m"(*p));
  long x = 1, y = 2;
  asm("add %[b], %[a]" : [a] "=r"(x) : "[a]"(x), [b] "r"(y) : "cc");
  asm volatile("");
#if defined(__x86_64__)
  register long r9 asm("r9") = x;
  asm volatile("inc %0" : "+r"(r9) : : "cc");
  int a0 = 0, a1 = 1, a2 = 2, a3 = 3, a4 = 4, a5 = 5, a6 = 6, a7 = 7;
  asm volatile("" : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5), "r"(a6), "r"(a7));
  p->a = x + y + r9 + a0 + a1 + a2 + a3;
#else
  p->a = x + y;
#endif
}

// asm goto with an output and a declared label.
int jump(int v) {
  asm goto("test %0, %0\n\tjz %l[zero]" : "+r"(v) : : "cc" : zero);
  return v;
zero:
  return 0;
}

// A diagnostic pragma silences the warning where it applies.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winline-asm"
unsigned quiet_leaf(unsigned a) {
  asm volatile("cpuid" : "+a"(a));
  return a;
}
#pragma clang diagnostic pop

// Templates from macros and concatenated literals.
#define STR(x) #x
#define XSTR(x) STR(x)
#define SHIFT 3
unsigned long shift(unsigned long v) {
  asm("shl $" XSTR(SHIFT) ", %0" : "+r"(v) : : "cc");
  return v;
}

// I386: robust.c:[[@LINE+3]]:17: warning: the block changes ecx, ebx, edx {{.*}}[asmstory-clobber-missing]
// CHECK: robust.c:[[@LINE+2]]:17: warning: the block changes rcx, rbx, rdx {{.*}}[asmstory-clobber-missing]
unsigned loud_leaf(unsigned a) {
  asm volatile("cpuid" : "+a"(a));
  return a;
}
