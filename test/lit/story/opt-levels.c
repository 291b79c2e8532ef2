// The permission facts do not depend on the optimization level: they are
// read on the tool's analysis copy of the IR (function-local passes), so a
// pointer that reaches the asm at -O0 through a load from its stack slot is
// still known as the constant, the local array or the aligned buffer.  The
// CLI and the pass plugin report the same at -O0, -O1 and -O2.
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O1 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O1 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-' %}
// The objects stay byte-identical under the plugin at every level.
// RUN: %if plugin %{ %clang -O0 -c %s -o %t-plain.o && %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O0 -c %s -o %t-plugin.o 2>/dev/null && cmp %t-plain.o %t-plugin.o %}
// RUN: %if plugin %{ %clang -O1 -c %s -o %t-plain.o && %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O1 -c %s -o %t-plugin.o 2>/dev/null && cmp %t-plain.o %t-plugin.o %}

static const int table[4] = {1, 2, 3, 4};
static int counter[4];

// A write to a constant object through a pointer kept in a local variable.
void write_const(void) {
  const int *q = table;
  // CHECK: opt-levels.c:[[@LINE+1]]:17: {{error|warning}}: `movl $1, (%rax)` writes through %0 (`q`), which points into the constant `table`{{.*}}[asmstory-memory-readonly-write]
  asm volatile("movl $1, (%0)" : : "r"(q) : "memory");
}
// The same after casting the const away.
void write_const_cast(void) {
  int *w = (int *)&table[1];
  // CHECK: opt-levels.c:[[@LINE+1]]:17: {{error|warning}}: `movl $1, (%rax)` writes through %0 (`w`), which points into the constant `table`{{.*}}[asmstory-memory-readonly-write]
  asm volatile("movl $1, (%0)" : : "r"(w) : "memory");
}
// A 32-byte read of a 16-byte local array through a local pointer.
unsigned long long read_past(void) {
  char buf[16] = {0};
  char *p = buf;
  unsigned long long r;
  // CHECK: opt-levels.c:[[@LINE+1]]:17: {{error|warning}}: `vmovdqu (%{{r..}}), %ymm0` reads {{.*}}past the end of {{.*}}16 bytes{{.*}}[asmstory-memory-out-of-bounds]
  asm volatile("vmovdqu (%1), %%ymm0\n\tvmovq %%xmm0, %0" : "=r"(r) : "r"(p) : "xmm0", "memory");
  return r;
}
// movdqa one byte into a 16-aligned char buffer: faults on every execution.
void misaligned(void) {
  _Alignas(16) char buf[64] = {0};
  char *p = buf + 1;
  // CHECK: opt-levels.c:[[@LINE+1]]:17: {{error|warning}}: `movdqa (%rax), %xmm0` needs 16-byte alignment, but %0 (`p`)+0 is at offset 1 of {{.*}}(aligned 16): it faults on every execution [asmstory-memory-misaligned]
  asm volatile("movdqa (%0), %%xmm0" : : "r"(p) : "xmm0", "memory");
  asm volatile("" : : "r"(buf) : "memory");
}

// Correct, silent at every level: the GCC manual's array-typed memory
// operand beside the pointer in a register.  At -O0 each operand loads `p`
// from its stack slot; in the analysis copy both are the same value, so the
// operand covers the access (memory-read-undeclared, memory-write-undeclared
// and output-not-written were reported at -O0).
unsigned long length(const char *p) {
  unsigned long count;
  asm("repne scasb" : "=c"(count), "+D"(p) : "m"(*(const char (*)[4096])p), "0"(-1L), "a"(0));
  return count;
}
void zero16(char *d, unsigned long n) {
  asm volatile("rep stosb" : "+D"(d), "+c"(n), "+m"(*(char (*)[16])d) : "a"(0));
}
void clear16(char *p) {
  asm volatile("movq $0, (%1)\n\tmovq $0, 8(%1)" : "=m"(*(char (*)[16])p) : "r"(p));
}

// Correct, silent at every level: the same through pointers that grant it.
int read_const(void) {
  const int *q = table;
  int v;
  asm volatile("movl (%1), %0" : "=r"(v) : "r"(q) : "memory");
  return v;
}
void write_mutable(void) {
  int *w = counter;
  asm volatile("movl $1, (%0)" : : "r"(w) : "memory");
}
void write_through_const_param(const int *p) { asm volatile("movl $1, (%0)" : : "r"(p) : "memory"); }
// An aligned 16-byte load inside a 32-byte local, through a local pointer.
long read_within(void) {
  _Alignas(16) char bytes[32] = {1};
  const char *at = bytes + 16;
  long low;
  asm volatile("movdqa (%1), %%xmm1\n\tmovq %%xmm1, %0" : "=r"(low) : "r"(at) : "xmm1", "memory");
  return low;
}
