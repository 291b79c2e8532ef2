// RUN: %asmstory --target=riscv64-unknown-linux-gnu %s | FileCheck %s --implicit-check-not=warning: --implicit-check-not=error:
// Shapes of the Linux kernel's arch/riscv/include/asm headers (6.1) that
// must stay silent (each was a false alarm once).
typedef unsigned long u64;
typedef unsigned int u32;

// ALTERNATIVE with its errata switch off: `.if 0 == 1 ... .endif` around a
// section switch.  MC must see the .endif at the start of its line.
void flush_tlb_page(u64 addr) {
  asm("886 :\n.option push\n.option norvc\n.option norelax\nsfence.vma %0\n.option pop\n887 :\n"
      ".if 0 == 1\n.pushsection .alternative, \"a\"\n.dword 886b\n.popsection\n.subsection 1\n888 :\n"
      ".option push\n.option norvc\n.option norelax\nsfence.vma\n.option pop\n889 :\n"
      ".org . - (887b - 886b) + (889b - 888b)\n.org . - (889b - 888b) + (887b - 886b)\n.previous\n.endif\n"
      : : "r"(addr) : "memory");
}

// arch_static_branch_jump: `jal zero, %l[label]` (not compressed under
// .option norvc) goes to the asm goto label, not out of the block.  The
// __jump_table entry is a section switch: a note.
struct static_key { int enabled; };
static inline __attribute__((always_inline)) _Bool static_branch_jump(struct static_key *const key, const _Bool branch) {
  // CHECK: note: the block is not verified: it contains a section switch [asmstory-unmodeled]
  asm goto("	.align		2			\n\t"
           "	.option push				\n\t"
           "	.option norelax				\n\t"
           "	.option norvc				\n\t"
           "1:	jal		zero, %l[label]		\n\t"
           "	.option pop				\n\t"
           "	.pushsection	__jump_table, \"aw\"	\n\t"
           "	.align		3			\n\t"
           "	.long		1b - ., %l[label] - .	\n\t"
           "	.dword		%0 - .			\n\t"
           "	.popsection				\n\t"
           : : "i"(&((char *)key)[branch]) : : label);
  return 0;
label:
  return 1;
}
struct static_key key;
int use_key(void) { return static_branch_jump(&key, 1); }

// __cmpxchg's size switch: each arm has its own asm writing the scratch
// __rc ("=&r"), which nothing reads; the path that skips the sc.w leaves it
// unwritten, and that is fine.
#define cmpxchg(ptr, o, n) ({                                                   \
  __typeof__(*(ptr)) __ret, __old = (o), __new = (n);                           \
  register unsigned int __rc;                                                   \
  switch (sizeof(*(ptr))) {                                                     \
  case 4:                                                                       \
    asm volatile("0:	lr.w %0, %2\n	bne  %0, %z3, 1f\n	sc.w %1, %z4, %2\n"    \
                 "	bnez %1, 0b\n1:\n"                                      \
                 : "=&r"(__ret), "=&r"(__rc), "+A"(*(ptr))                     \
                 : "rJ"((long)__old), "rJ"(__new) : "memory");                 \
    break;                                                                      \
  case 8:                                                                       \
    asm volatile("0:	lr.d %0, %2\n	bne %0, %z3, 1f\n	sc.d %1, %z4, %2\n"     \
                 "	bnez %1, 0b\n1:\n"                                      \
                 : "=&r"(__ret), "=&r"(__rc), "+A"(*(ptr))                     \
                 : "rJ"(__old), "rJ"(__new) : "memory");                       \
    break;                                                                      \
  }                                                                             \
  __ret; })
u64 cas64(u64 *p) { return cmpxchg(p, 1UL, 2UL); }
u32 cas32(u32 *p) { return cmpxchg(p, 1U, 2U); }
