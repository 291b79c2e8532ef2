// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// A malloc'd object has the size LLVM knows from the call.
#include <stdlib.h>
void two_words(void) {
  char *p = malloc(8);
  // CHECK: heap.c:[[@LINE+1]]:34: error: `movq $0, 8(%rax)` writes bytes [8..16) of the heap allocation that %0 (`p`) points to, past the end of it (8 bytes) [asmstory-memory-out-of-bounds]
  asm volatile("movq $0, (%0)\n\tmovq $0, 8(%0)" : : "r"(p) : "memory");
  free(p);
}
void one_word(void) {
  char *p = malloc(8);
  asm volatile("movq $0, (%0)" : : "r"(p) : "memory");
  free(p);
}
