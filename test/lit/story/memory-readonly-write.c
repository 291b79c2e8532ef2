// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O0 | FileCheck %s --implicit-check-not='[asmstory-'

static const int table[4] = {1, 2, 3, 4};
// A write through a pointer to a const global.
void write_const(void) {
  // CHECK: memory-readonly-write.c:[[@LINE+1]]:17: error: `movl $1, (%rax)` writes through %0 (`table`), which points into the constant `table`{{.*}}[asmstory-memory-readonly-write]
  asm volatile("movl $1, (%0)" : : "r"(table) : "memory");
}
// A write into a string literal.
void write_literal(void) {
  // CHECK: memory-readonly-write.c:[[@LINE+1]]:17: error: `movb $1, (%rax)` writes through %0 (`"hello"`), which points into a string literal{{.*}}[asmstory-memory-readonly-write]
  asm volatile("movb $1, (%0)" : : "r"("hello") : "memory");
}

// Correct: a read of the constant; a write to a mutable global; a write
// through a const-qualified pointer to a mutable object is allowed in C.
static int counter[4];
int read_const(void) { int v; asm volatile("movl (%1), %0" : "=r"(v) : "r"(table) : "memory"); return v; }
void write_mutable(void) { asm volatile("movl $1, (%0)" : : "r"(counter) : "memory"); }
void write_through_const_param(const int *p) { asm volatile("movl $1, (%0)" : : "r"(p) : "memory"); }
