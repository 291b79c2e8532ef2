/* x86 facts shared inside lib/target: register classes of its constraint
 * letters and the constraint dialect. */
#ifndef ASMSTORY_TARGET_X86_H
#define ASMSTORY_TARGET_X86_H
#include "../target_internal.h"
#include "asmstory/block.h"

/* Register classes of x86 constraint letters (as_constraint.reg_class). */
enum as_x86_reg_class {
  AS_RC_GPR = AS_RC_GENERAL, /* r, R, g: general purpose */
  AS_RC_GPR_BYTE = AS_RC_GENERAL + 1, /* q: byte-addressable GPR (any in 64-bit mode) */
  AS_RC_GPR_ABCD,   /* Q: a, b, c, d (have %h) */
  AS_RC_GPR_INDEX,  /* l: usable as index (not sp) */
  AS_RC_XMM,        /* x: xmm0-15 (SSE) */
  AS_RC_VEC_ANY,    /* v: any xmm/ymm/zmm incl. 16-31 */
  AS_RC_X87,        /* f */
  AS_RC_X87_TOP,    /* t: st(0) */
  AS_RC_X87_SECOND, /* u: st(1) */
  AS_RC_MMX,        /* y */
  AS_RC_MASK,       /* k, Yk */
  AS_RC_XMM0,       /* Yz: xmm0 */
};

extern const as_constraint_dialect as_x86_constraints;

struct as_mc_result;
/* Substitutes the operands of a block's template (bind.c). */
int as_x86_bind_template(as_target *t, as_arena *arena, const as_block *block,
                         const as_placement *place, as_decoded *out, as_mc_line **lines,
                         unsigned *num_lines, char *err, size_t errlen);
/* Other places the compiler may give the block's operands (bind.c). */
unsigned as_x86_alternatives(as_target *t, as_arena *arena, const as_block *block,
                             const as_decoded *d, as_placement **out);
/* Describes what MC decoded (describe.c). */
void as_x86_describe_insns(as_target *t, as_arena *arena, const struct as_mc_result *mc,
                           as_decoded *out);
#endif
