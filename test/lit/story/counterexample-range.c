// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-' %}
// RUN: %clang -S -emit-llvm -O2 %s -o %t.ll
// RUN: %asmstory --dump --checks=-* %t.ll | FileCheck %s --check-prefix=DUMP
// DUMP: block 1 {{.*}} in small_signed
// DUMP: operand 2: {{.*}} : i64, 64 bits, range [-4, 3] ->
// DUMP: block 2 {{.*}} in stride16
// DUMP: operand 2: {{.*}} : i64, 64 bits, range [0, 240], a multiple of 16 ->
// A counterexample is a value the facts allow: a signed index or count in a
// range that includes negatives is shown negative (not a positive value it
// cannot have), and an index or count whose low bits LLVM knows (a mask, a
// multiple) is one of its possible values.
int tab[64];

// i is in [-4, 3]: only a negative index leaves `tab` (not i = 64).
int small_signed(int i) {
  int r;
  if (i < -4 || i > 3) return 0;
  // CHECK: counterexample-range.c:[[@LINE+1]]:12: warning: when `(long)i` = -{{[1-4]}}, `movl (%{{r..}},%{{r..}},4), %eax` reads `tab[-{{[0-9]+}}..{{-?[0-9]+}})`, before the start of `tab` (global, 256 bytes) [asmstory-memory-out-of-bounds]
  __asm__("movl (%1,%2,4), %0" : "=r"(r) : "r"(tab), "r"((long)i), "m"(tab));
  return r;
}

// j is a multiple of 16 up to 240: past 60 elements first at 64 (not 60).
int tab60[60];
int stride16(int i) {
  int r;
  long j = i & 0xF0;
  // CHECK: counterexample-range.c:[[@LINE+1]]:12: warning: when `j` = {{64|80|96|112|128|144|160|176|192|208|224|240}}, `movl {{.*}} past the end of `tab60` (global, 240 bytes) [asmstory-memory-out-of-bounds]
  __asm__("movl (%1,%2,4), %0" : "=r"(r) : "r"(tab60), "r"(j), "m"(tab60));
  return r;
}

// n is in [-5, 3]: 1 to 3 bytes fit, so only a negative n (a count beyond
// 2^63) writes past the end (not n = 17).
void neg_count(long n) {
  char buf[16];
  char *d = buf;
  if (n < -5 || n > 3) return;
  // CHECK: counterexample-range.c:[[@LINE+1]]:21: warning: when `n` = -{{[1-5]}}, `rep stosb %al, %es:(%rdi)` writes {{.*}}[0..1844674407370955161{{[1-5]}}){{.*}}, past the end of {{.*}}16 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
}

// c is a multiple of 4 up to 28: past 17 bytes first at 20 (not 18).
void count4(unsigned n) {
  char buf[17];
  char *d = buf;
  unsigned long c = (n & 7) * 4;
  // CHECK: counterexample-range.c:[[@LINE+1]]:21: warning: when `c` = {{20|24|28}}, `rep stosb {{.*}} past the end of {{.*}}17 bytes) [asmstory-memory-out-of-bounds]
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(c) : "a"(0) : "memory");
}

// Correct: the same index and count where every allowed value fits.
int fits_signed(int i) {
  int r;
  if (i < 0 || i > 63) return 0;
  __asm__("movl (%1,%2,4), %0" : "=r"(r) : "r"(tab), "r"((long)i), "m"(tab));
  return r;
}
void fits_count(long n) {
  char buf[16];
  char *d = buf;
  if (n < 1 || n > 16) return;
  __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
}
