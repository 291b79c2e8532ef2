/* cpuid and rdtsc helpers as found in hypervisors and benchmarks:
   macros in templates, comments among the operands, ';' on one line. */
#define asm __asm__
#define CPUID_LEAF_VENDOR 0
#define CPUID_LEAF_FEATURES "1"
#define SERIALIZE "lfence\n\t"

/* Correct: all four registers are outputs. */
static inline void cpuid_full(unsigned leaf, unsigned *a, unsigned *b,
			      unsigned *c, unsigned *d)
{
	asm volatile("cpuid"
		     : "=a"(*a), /* eax */ "=b"(*b), /* ebx */
		       "=c"(*c), // ecx
		       "=d"(*d)  // edx
		     : "0"(leaf), "2"(0));
}

/* Buggy: only eax is declared; cpuid changes ebx, ecx and edx. */
unsigned cpuid_max_leaf(void)
{
	unsigned a = CPUID_LEAF_VENDOR;
	asm volatile("cpuid" : "+a"(a) /* the leaf in, the maximum out */);
	return a;
}

/* Buggy: the leaf comes from a macro, ';' between the instructions, and
   the clobbers forget ecx. */
unsigned cpuid_family_bad(void)
{
	unsigned a, b, d;
	asm volatile("movl $" CPUID_LEAF_FEATURES ", %%eax; cpuid"
		     : "=a"(a), "=b"(b), "=d"(d)
		     : /* no inputs */);
	return a ^ b ^ d;
}

/* Correct: rdtsc with both halves out. */
static inline unsigned long long rdtsc(void)
{
	unsigned lo, hi;
	asm volatile(SERIALIZE "rdtsc"
		     : "=a"(lo), /* low half */ "=d"(hi) /* high half */);
	return ((unsigned long long)hi << 32) | lo;
}

/* Buggy: rdtscp writes ecx (the processor id) too. */
static inline unsigned long long rdtscp_bad(void)
{
	unsigned lo, hi;
	asm volatile("rdtscp" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

/* Buggy: not volatile, so two reads may be merged: a hidden effect. */
static inline unsigned long long rdtsc_pure(void)
{
	unsigned lo, hi;
	asm("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

unsigned long long cycles_between(void)
{
	unsigned long long t0 = rdtsc();
	unsigned long long t1 = rdtsc();
	unsigned long long t2 = rdtscp_bad();
	return (t1 - t0) + (t2 - t1) + rdtsc_pure();
}

unsigned long long cycles_again(void)
{
	unsigned a, b, c, d;
	cpuid_full(1, &a, &b, &c, &d);
	return rdtscp_bad() + rdtsc_pure() + rdtsc() + a;
}
