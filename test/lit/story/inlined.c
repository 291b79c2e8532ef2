// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// A helper inlined into two callers: each copy has its own facts, and the
// copy in `small` writes past its 8-byte buffer.
#include <stddef.h>
static void fill(char *d, size_t n) {
  // CHECK: inlined.c:[[@LINE+1]]:17: error: when `n` = 9, `rep stosb %al, %es:(%rdi)` writes `b[0..9)`, past the end of `b` (local, 8 bytes) (in the copy in `small`) [asmstory-memory-out-of-bounds]
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
}
void big(void) { char b[16]; fill(b, 9); asm volatile("" : : "r"(b) : "memory"); }
void small(void) { char b[8]; fill(b, 9); asm volatile("" : : "r"(b) : "memory"); }
// EXPLAIN: 2 copies of this statement (inlined into `big`, `small`); each is checked
// EXPLAIN: `rep stosb %al, %es:(%rdi)` writes 1 byte per iteration {{.*}} points into local `b` (16 bytes){{.*}}: justified

// A pointer that moves in a loop whose exit the story does not model (a
// signed condition; story/loop-range.c has the ones it does): the story
// says what it cannot check.
void loop(void) {
  char b[8];
  char *d = b;
  asm volatile("mov $9, %%ecx\n1:\tmovb $0, (%0)\n\tadd $1, %0\n\tdec %%ecx\n\tjg 1b" : "+r"(d) : : "rcx", "memory");
}
// EXPLAIN: `movb $0, (%rax)` writes 1 byte at %0 (`d`)+0: points into local `b` (8 bytes){{.*}}; the pointer moves in the block (a loop): bounds and alignment not checked (a signed condition, or one on other flags){{$}}
