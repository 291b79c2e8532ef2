// An allocation sized by the kernel's saturating helpers (size_add,
// size_mul, struct_size: SIZE_MAX when the arithmetic overflows) is at least
// its fixed part: LLVM's range of such a size is one interval that wraps
// through 0, which would let the story pick a size smaller than the struct
// (a false out-of-bounds on every `set_bit(FLAG, &p->flags)` of such an
// object in the kernel: cgroup_mkdir), and so is one rounded up by ALIGN.  The flexible array past the fixed
// part is still checked against the count.
// RUN: not %asmstory %s -- -O2 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s -- -O1 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -O2 -g -S -emit-llvm %s -o %t.ll
// RUN: not %asmstory %t.ll | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-' %}
// At -O0 the helpers are calls (not inlined into the analysis copy): their
// result has no range, and the fixed part is not known there.
#include <stddef.h>
void *kmalloc_sized(size_t size, int flags) __attribute__((alloc_size(1)));
struct group {
  char head[200];
  unsigned long flags;
  int level;
  struct group *ancestors[];
};
static inline size_t size_add(size_t a, size_t b) {
  size_t r;
  if (__builtin_add_overflow(a, b, &r)) return (size_t)-1;
  return r;
}
static inline size_t size_mul(size_t a, size_t b) {
  size_t r;
  if (__builtin_mul_overflow(a, b, &r)) return (size_t)-1;
  return r;
}
#define struct_size(p, member, n) size_add(sizeof(*(p)), size_mul(sizeof((p)->member[0]), (n)))

// Correct: the flag word is in the fixed part.
struct group *make(int level) {
  struct group *g = kmalloc_sized(struct_size(g, ancestors, level + 1), 0);
  if (!g) return 0;
  __asm__ volatile("lock; orb %1, %0" : "+m"(*(char *)&g->flags) : "iq"((char)4) : "memory");
  return g;
}

// Correct: rounded up to the cache line, whose size is known only at run
// time (ALIGN(x, a) = (x + a - 1) & -a is at least x for the power of two a
// it needs; the kernel's __ring_buffer_alloc).
extern int cache_line_bytes;
#define ALIGN(x, a) (((x) + (a) - 1) & -(a))
struct group *make_aligned(void) {
  struct group *g = kmalloc_sized(ALIGN(sizeof(*g), (long)cache_line_bytes), 0);
  if (!g) return 0;
  __asm__ volatile("lock; btsq %1, %0" : "+m"(g->flags) : "Ir"(3L) : "memory");
  return g;
}

// Buggy: ancestors[0] exists only when level + 1 > 0.
struct group *make_and_link(int level, struct group *parent) {
  struct group *g = kmalloc_sized(struct_size(g, ancestors, level + 1), 0);
  if (!g) return 0;
  // CHECK: saturating-size.c:[[@LINE+1]]:{{[0-9]+}}: warning: when {{.*}} = {{21[6-9]|22[0-3]}}, `movq %{{[a-z0-9]+}}, (%{{[a-z0-9]+}})` writes bytes [216..224) of the heap allocation {{.*}}[asmstory-memory-out-of-bounds]
  __asm__ volatile("movq %1, %0" : "=m"(g->ancestors[0]) : "r"(parent));
  return g;
}
