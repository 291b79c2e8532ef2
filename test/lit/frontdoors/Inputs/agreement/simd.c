/* SIMD loads and stores in the style of a memcpy/checksum library. */
#include <stdint.h>

typedef float v4sf __attribute__((vector_size(16)));
typedef long long v2di __attribute__((vector_size(16)));

/* Correct: unaligned load, memory operand declared. */
static inline v4sf load_u(const float *p)
{
	v4sf r;
	__asm__("movups %1, %0" : "=x"(r) : "m"(*(const v4sf *)p));
	return r;
}

/* Correct: aligned load from a 16-byte aligned array. */
static float table[8] __attribute__((aligned(16))) = {1, 2, 3, 4, 5, 6, 7, 8};
v4sf load_table(void)
{
	v4sf r;
	__asm__("movaps %1, %0" : "=x"(r) : "m"(*(const v4sf *)table));
	return r;
}

/* Buggy: movaps through a register with no memory operand. */
v4sf load_a_bad(const float *p)
{
	v4sf r;
	__asm__ volatile("movaps (%1), %0" : "=x"(r) : "r"(p));
	return r;
}

/* Buggy: a 16-byte store through a pointer, memory undeclared; string
   pasting builds the template. */
void store_bad(int64_t *dst, v2di v)
{
	__asm__ volatile("movdqu %1, "
			 "(%0)"
			 :
			 : "r"(dst), "x"(v));
}

/* Correct: xmm scratch declared. */
void copy16(void *dst, const void *src)
{
	__asm__ volatile("movdqu (%1), %%xmm0\n\t"
			 "movdqu %%xmm0, (%0)"
			 :
			 : "r"(dst), "r"(src)
			 : "xmm0", "memory");
}

/* Buggy: xmm1 used as scratch and not declared. */
void copy16_bad(void *dst, const void *src)
{
	__asm__ volatile("movdqu (%1), %%xmm1; movdqu %%xmm1, (%0)"
			 :
			 : "r"(dst), "r"(src)
			 : "memory");
}

/* Buggy: a 16-byte load from an 8-byte object. */
v2di load_small(void)
{
	static int64_t one = 1;
	v2di r;
	__asm__("movdqu %1, %0" : "=x"(r) : "m"(one));
	return r;
}

/* Correct: pxor to zero a register. */
v2di zero(void)
{
	v2di z;
	__asm__("pxor %0, %0" : "=x"(z));
	return z;
}
