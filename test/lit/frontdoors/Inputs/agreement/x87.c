/* x87 helpers in the style of an old libm: the stack operands "t" (st(0)),
   "u" (st(1)) and "f" (any stack register), loads and stores with fld/fstp. */

/* Correct: fsincos leaves cos in st(0) and sin in st(1). */
void x87_sincos(double x, double *s, double *c)
{
	double cs, sn;
	__asm__("fsincos" : "=t"(cs), "=u"(sn) : "0"(x));
	*s = sn;
	*c = cs;
}

/* Correct: fpatan pops st(1); the input in "u" is declared clobbered. */
double x87_atan2(double y, double x)
{
	double r;
	__asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
	return r;
}

/* Buggy: fyl2x pops st(1) too, but nothing says so. */
double x87_log2_scaled(double x, double y)
{
	double r;
	__asm__("fyl2x" : "=t"(r) : "0"(x), "u"(y));
	return r;
}

/* Correct: a copy through the FPU, memory operands on both sides. */
void x87_copy(long double *dst, const long double *src)
{
	__asm__("fldt %1\n\t"
		"fstpt %0"
		: "=m"(*dst)
		: "m"(*src));
}

/* Buggy: the same copy through bare pointers, memory undeclared. */
void x87_copy_reg(double *dst, const double *src)
{
	__asm__ volatile("fldl (%1); fstpl (%0)" : : "r"(dst), "r"(src));
}

/* Correct: add any stack register ("f") to st(0). */
double x87_add(double a, double b)
{
	double r;
	__asm__("fadd %2, %%st" : "=t"(r) : "0"(a), "f"(b));
	return r;
}

/* Buggy: fnstsw writes %ax, which is not declared. */
int x87_status_bad(void)
{
	int sw = 0;
	__asm__ volatile("fnstsw %%ax\n\tmovzwl %%ax, %0" : "=r"(sw));
	return sw;
}

/* Correct: the control word read to memory. */
unsigned short x87_getcw(void)
{
	unsigned short cw;
	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return cw;
}
