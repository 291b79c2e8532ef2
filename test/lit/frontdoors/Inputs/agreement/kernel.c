/* Kernel-style helpers: control registers, port I/O, string ops,
   stack tricks. */
#define asm __asm__
#define __force_order_clobber "memory"
#define OUTB(port, val) asm volatile("outb %b0, %w1" : : "a"(val), "Nd"(port))

/* Correct. */
static inline unsigned long read_cr3(void)
{
	unsigned long v;
	asm volatile("mov %%cr3, %0" : "=r"(v) : : __force_order_clobber);
	return v;
}

/* Correct: port input. */
static inline unsigned char inb(unsigned short port)
{
	unsigned char v;
	asm volatile("inb %w1, %b0" : "=a"(v) : "Nd"(port));
	return v;
}

/* Buggy: rep stosb changes rdi and rcx, which are inputs only. */
static inline void memset_bad(void *d, int c, unsigned long n)
{
	asm volatile("rep stosb" : : "D"(d), "a"(c), "c"(n) : "memory");
}

/* Correct: the same with in/out operands. */
static inline void memset_ok(void *d, int c, unsigned long n)
{
	asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
}

/* Buggy: std without cld leaves the direction flag set. */
static inline void backwards_bad(void)
{
	asm volatile("std" : : : "cc");
}

/* Buggy: a push without its pop. */
static inline void push_bad(unsigned long v)
{
	asm volatile("push %0" : : "r"(v) : "memory");
}

/* Buggy: pushf/pop in the red zone of a leaf function. */
static inline unsigned long save_flags(void)
{
	unsigned long f;
	asm volatile("pushf ; pop %0" : "=rm"(f) : : "memory");
	return f;
}

/* Buggy: an output written only on one path. */
static inline int maybe_set(int c)
{
	int r;
	asm("test %1, %1\n\t"
	    "jz 1f\n\t"
	    "mov $1, %0\n"
	    "1:"
	    : "=r"(r)
	    : "r"(c)
	    : "cc");
	return r;
}

void kernel_paths(void *buf, unsigned short port)
{
	OUTB(port, 1);
	OUTB(port + 1, inb(port));
	memset_bad(buf, 0, 64);
	memset_ok(buf, 0, 64);
	backwards_bad();
	push_bad(read_cr3());
}

unsigned long kernel_more(void *buf)
{
	memset_bad(buf, 1, 16);
	return save_flags() + (unsigned long)maybe_set(3);
}
