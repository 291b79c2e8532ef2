/* AArch64 NEON and crypto-extension kernels in the style of multimedia
 * and crypto code (libjpeg-turbo, ffmpeg, OpenSSL, the kernel's crypto). */
#include <arm_neon.h>
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long u64;

void add16_u8(u8 *d, const u8 *a, const u8 *b) {
  __asm__ __volatile__("ld1 {v0.16b}, [%1]\n"
                       "ld1 {v1.16b}, [%2]\n"
                       "uqadd v0.16b, v0.16b, v1.16b\n"
                       "st1 {v0.16b}, [%0]"
                       : : "r"(d), "r"(a), "r"(b) : "v0", "v1", "memory");
}
void xor_block64(u64 *d, const u64 *s) {
  __asm__ __volatile__("ld1 {v0.2d-v3.2d}, [%0]\n"
                       "ld1 {v4.2d-v7.2d}, [%1]\n"
                       "eor v0.16b, v0.16b, v4.16b\n"
                       "eor v1.16b, v1.16b, v5.16b\n"
                       "eor v2.16b, v2.16b, v6.16b\n"
                       "eor v3.16b, v3.16b, v7.16b\n"
                       "st1 {v0.2d-v3.2d}, [%0]"
                       : : "r"(d), "r"(s) : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "memory");
}
uint8x16_t aes_round(uint8x16_t state, uint8x16_t key) {
  __asm__(".arch_extension aes\naese %0.16b, %1.16b\n aesmc %0.16b, %0.16b" : "+w"(state) : "w"(key));
  return state;
}
uint8x16_t aes_dround(uint8x16_t state, uint8x16_t key) {
  __asm__(".arch_extension aes\naesd %0.16b, %1.16b\n aesimc %0.16b, %0.16b" : "+w"(state) : "w"(key));
  return state;
}
uint32x4_t sha256_2rounds(uint32x4_t abcd, uint32x4_t efgh, uint32x4_t wk) {
  uint32x4_t t = abcd;
  __asm__(".arch_extension sha2\nsha256h %q0, %q1, %2.4s\n sha256h2 %q1, %q3, %2.4s"
          : "+w"(abcd), "+w"(efgh) : "w"(wk), "w"(t));
  return vaddq_u32(abcd, efgh);
}
uint32x4_t sha256_schedule(uint32x4_t w0, uint32x4_t w1, uint32x4_t w2, uint32x4_t w3) {
  __asm__(".arch_extension sha2\nsha256su0 %0.4s, %1.4s\n sha256su1 %0.4s, %2.4s, %3.4s" : "+w"(w0) : "w"(w1), "w"(w2), "w"(w3));
  return w0;
}
poly64x2_t gf128_mul_lo(poly64x2_t a, poly64x2_t b) {
  poly64x2_t r;
  __asm__(".arch_extension aes\npmull %0.1q, %1.1d, %2.1d" : "=w"(r) : "w"(a), "w"(b));
  return r;
}
poly64x2_t gf128_mul_hi(poly64x2_t a, poly64x2_t b) {
  poly64x2_t r;
  __asm__(".arch_extension aes\npmull2 %0.1q, %1.2d, %2.2d" : "=w"(r) : "w"(a), "w"(b));
  return r;
}
int16x8_t idct_butterfly(int16x8_t a, int16x8_t b, int16x4_t c) {
  int16x8_t s, d;
  __asm__("add %0.8h, %2.8h, %3.8h\n"
          "sub %1.8h, %2.8h, %3.8h\n"
          "sqrdmulh %1.8h, %1.8h, %4.h[0]"
          : "=&w"(s), "=&w"(d) : "w"(a), "w"(b), "x"(c));
  return vaddq_s16(s, d);
}
uint8x8_t narrow_clamp(int16x8_t v) {
  uint8x8_t r;
  __asm__("sqxtun %0.8b, %1.8h" : "=w"(r) : "w"(v));
  return r;
}
void rgb_deinterleave(const u8 *rgb, u8 *r, u8 *g, u8 *b) {
  __asm__ __volatile__("ld3 {v0.16b, v1.16b, v2.16b}, [%0]\n"
                       "st1 {v0.16b}, [%1]\n st1 {v1.16b}, [%2]\n st1 {v2.16b}, [%3]"
                       : : "r"(rgb), "r"(r), "r"(g), "r"(b) : "v0", "v1", "v2", "memory");
}
u32 sad16(const u8 *a, const u8 *b) {
  u32 r;
  __asm__("ld1 {v0.16b}, [%1]\n"
          "ld1 {v1.16b}, [%2]\n"
          "uabd v0.16b, v0.16b, v1.16b\n"
          "uaddlv h0, v0.16b\n"
          "umov %w0, v0.h[0]"
          : "=r"(r) : "r"(a), "r"(b) : "v0", "v1");
  return r;
}
float32x4_t fma4(float32x4_t acc, float32x4_t a, float32x4_t b) {
  __asm__("fmla %0.4s, %1.4s, %2.4s" : "+w"(acc) : "w"(a), "w"(b));
  return acc;
}
float dot4(float32x4_t a, float32x4_t b) {
  float r;
  __asm__("fmul v16.4s, %1.4s, %2.4s\n faddp v16.4s, v16.4s, v16.4s\n faddp %s0, v16.2s" : "=w"(r) : "w"(a), "w"(b) : "v16");
  return r;
}
double fsqrt_d(double x) { __asm__("fsqrt %d0, %d0" : "+w"(x)); return x; }
int fcvt_round(double x) { int r; __asm__("fcvtns %w0, %d1" : "=r"(r) : "w"(x)); return r; }
uint8x16_t tbl_shuffle(uint8x16_t t, uint8x16_t idx) {
  uint8x16_t r;
  __asm__("tbl %0.16b, {%1.16b}, %2.16b" : "=w"(r) : "w"(t), "w"(idx));
  return r;
}
uint32x4_t widen_mul(uint16x4_t a, uint16x4_t b) {
  uint32x4_t r;
  __asm__("umull %0.4s, %1.4h, %2.4h" : "=w"(r) : "w"(a), "w"(b));
  return r;
}
uint8x16_t movi_dup(u8 v) {
  uint8x16_t r;
  __asm__("dup %0.16b, %w1" : "=w"(r) : "r"((u32)v));
  return r;
}
void zero64(u8 *p) {
  __asm__ __volatile__("movi v0.16b, #0\n movi v1.16b, #0\n stp q0, q1, [%0]\n stp q0, q1, [%0, #32]" : : "r"(p) : "v0", "v1", "memory");
}
uint64x2_t ext_rotate(uint64x2_t a) {
  uint64x2_t r;
  __asm__("ext %0.16b, %1.16b, %1.16b, #8" : "=w"(r) : "w"(a));
  return r;
}
u64 fpcr_read(void) { u64 v; __asm__ __volatile__("mrs %0, fpcr" : "=r"(v)); return v; }
void fpcr_write(u64 v) { __asm__ __volatile__("msr fpcr, %0" : : "r"(v)); }
