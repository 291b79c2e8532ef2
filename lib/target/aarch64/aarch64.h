/* AArch64 facts shared inside lib/target/aarch64: register classes of its
 * constraint letters, the register model and the entry points of bind.c and
 * describe.c. */
#ifndef ASMSTORY_TARGET_AARCH64_H
#define ASMSTORY_TARGET_AARCH64_H
#include "../target_internal.h"
#include "asmstory/block.h"

/* Register classes of AArch64 constraint letters (as_constraint.reg_class). */
enum as_a64_reg_class {
  AS_RC_A64_GPR = AS_RC_GENERAL,          /* r: x0-x30 */
  AS_RC_A64_FP = AS_RC_GENERAL + 1,       /* w: v0-v31 */
  AS_RC_A64_FP_LOW16,                     /* x: v0-v15 */
  AS_RC_A64_FP_LOW8,                      /* y: v0-v7 */
  AS_RC_A64_PRED,                         /* Upa: p0-p15; Upl: p0-p7 */
};

extern const as_constraint_dialect as_a64_constraints;

/* The register number of a name, with the assembler's aliases MC's table
 * lacks (x29, x30, w29, w30, v0 = q0); 0 when none. */
unsigned as_a64_reg(const as_target *t, const char *name);
/* x0..x30 (as MC names them: fp, lr) and their w forms. */
bool as_a64_is_gpr(const as_target *t, unsigned reg);
/* The register of family `full` (a GPR or a vector register) at a width:
 * 64 x, 32 w; 128 q, 64 d, 32 s, 16 h, 8 b. */
unsigned as_a64_sub_reg(const as_target *t, unsigned full, unsigned bits);
/* The number of the register (x7 -> 7, q3 -> 3), -1 for none. */
int as_a64_reg_number(const as_target *t, unsigned reg);

struct as_mc_result;
int as_a64_bind_template(as_target *t, as_arena *arena, const as_block *block,
                         const as_placement *place, as_decoded *out, as_mc_line **lines,
                         unsigned *num_lines, char *err, size_t errlen);
unsigned as_a64_alternatives(as_target *t, as_arena *arena, const as_block *block,
                             const as_decoded *d, as_placement **out);
void as_a64_describe_insns(as_target *t, as_arena *arena, const struct as_mc_result *mc,
                           as_decoded *out);
const char *as_a64_insn_text(as_arena *arena, const as_target *t, const as_insn *insn);
#endif
