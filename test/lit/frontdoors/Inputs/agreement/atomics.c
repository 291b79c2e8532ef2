/* Kernel-style atomics and bit operations: a LOCK_PREFIX macro pasted into
   the templates, `#if` choosing an instruction inside a statement. */
#define LOCK_PREFIX "lock; "
#define asm __asm__

typedef struct { int counter; } atomic_t;

/* Correct. */
static inline void atomic_add(int i, atomic_t *v)
{
	asm volatile(LOCK_PREFIX "addl %1,%0"
		     : "+m"(v->counter)
		     : "ir"(i));
}

/* Correct: xadd returns the old value. */
static inline int atomic_fetch_add(int i, atomic_t *v)
{
	asm volatile(LOCK_PREFIX "xaddl %0, %1"
		     : "+r"(i), "+m"(v->counter)
		     : : "memory");
	return i;
}

/* Buggy: the counter is changed through a register pointer, undeclared. */
static inline void atomic_inc_bad(atomic_t *v)
{
	asm volatile(LOCK_PREFIX "incl (%0)" : : "r"(&v->counter));
}

/* Correct: compare-and-exchange, eax in and out. */
static inline int cmpxchg(int *p, int old, int new)
{
	int prev;
	asm volatile(LOCK_PREFIX "cmpxchgl %2,%1"
		     : "=a"(prev), "+m"(*p)
		     : "r"(new), "0"(old)
		     : "memory");
	return prev;
}

/* Buggy: the output is written before the second input is read, without &. */
static inline unsigned long set_bit_mask(unsigned long word, unsigned long bit)
{
	unsigned long out;
	asm("mov $1, %0\n\t"
	    "shl %%cl, %0\n\t"
	    "or %1, %0"
	    : "=r"(out)
	    : "r"(word), "c"(bit));
	return out;
}

/* Correct, with `#if` inside the statement choosing the width. */
static inline unsigned long xchg_ptr(unsigned long *p, unsigned long v)
{
	asm volatile(
#if defined(__x86_64__)
		"xchgq %0, %1"
#else
		"xchgl %0, %1"
#endif
		: "+r"(v), "+m"(*p)
		:
		: "memory");
	return v;
}

/* Buggy, `#if` inside the operand list: the input bit number is cleared
   (input-only, so the compiler's copy is lost), and the setc output may
   share the input's register (no early clobber). */
static inline int test_and_set_bit_bad(long nr, unsigned long *addr)
{
	unsigned char old;
	asm volatile(LOCK_PREFIX "btsq %2, %1\n\t"
		     "setc %0\n\t"
		     "xorq %2, %2"
		     : "=qm"(old), "+m"(*addr)
#if 1
		     : "r"(nr)
#else
		     : "Ir"(nr)
#endif
		     : "memory");
	return old;
}

/* Buggy, `#if` inside the template: the byte swap goes through rcx, which
   is not declared, in the branch that is compiled. */
static inline unsigned long bswap_bad(unsigned long x)
{
	unsigned long r;
	asm(
#ifdef __x86_64__
	    "movq %1, %%rcx\n\t"
	    "bswapq %%rcx\n\t"
	    "movq %%rcx, %0"
#else
	    "movl %1, %%ecx\n\t"
	    "bswapl %%ecx\n\t"
	    "movl %%ecx, %0"
#endif
	    : "=r"(r)
	    : "r"(x));
	return r;
}

int use_atomics(atomic_t *v, unsigned long *w)
{
	atomic_add(2, v);
	atomic_inc_bad(v);
	atomic_inc_bad(v);
	int r = atomic_fetch_add(1, v) + cmpxchg(&v->counter, 3, 4);
	r += (int)set_bit_mask(*w, 3) + (int)xchg_ptr(w, 7);
	return r + test_and_set_bit_bad(5, w) + (int)bswap_bad(*w);
}

int use_atomics_again(atomic_t *v, unsigned long *w)
{
	atomic_inc_bad(v);
	return (int)set_bit_mask(w[1], 9) + test_and_set_bit_bad(1, w);
}
