/* 32-bit ARM facts shared inside lib/target/arm: register classes of its
 * constraint letters, the register model and the describer's entry points. */
#ifndef ASMSTORY_TARGET_ARM_H
#define ASMSTORY_TARGET_ARM_H
#include "../target_internal.h"
#include "asmstory/block.h"

/* Register classes of ARM constraint letters (as_constraint.reg_class).
 * The floating-point classes hold s, d or q registers by the operand's
 * width, as LLVM's ARMTargetLowering::getRegForInlineAsmConstraint does. */
enum as_arm_reg_class {
  AS_RC_ARM_GPR = AS_RC_GENERAL, /* r */
  AS_RC_ARM_LOW = AS_RC_GENERAL + 1, /* l: r0-r7 in Thumb (any GPR in ARM state) */
  AS_RC_ARM_HIGH,  /* h: r8-r15 */
  AS_RC_ARM_VFP,   /* w: s0-s31, d0-d31, q0-q15 */
  AS_RC_ARM_VFP16, /* t: s0-s31, d0-d15, q0-q7 */
  AS_RC_ARM_VFP8,  /* x: s0-s15, d0-d7, q0-q3 */
};

extern const as_constraint_dialect as_arm_constraints;

/* Is the triple's default instruction set Thumb (thumb*, M-profile)? */
bool as_arm_is_thumb(const as_target *t);
/* r0..r15 as 0..15 (sp, lr, pc included), -1 for any other register. */
int as_arm_gpr_index(const as_target *t, unsigned reg);
/* A floating-point/SIMD register: its kind ('s', 'd', 'q') and number. */
bool as_arm_fp_reg(const as_target *t, unsigned reg, char *kind, unsigned *num);
/* The register called kind+num ("d", 3 -> d3), 0 if none. */
unsigned as_arm_reg(const as_target *t, char kind, unsigned num);

struct as_mc_result;
int as_arm_bind_template(as_target *t, as_arena *arena, const as_block *block,
                         const as_placement *place, as_decoded *out, as_mc_line **lines,
                         unsigned *num_lines, char *err, size_t errlen);
unsigned as_arm_alternatives(as_target *t, as_arena *arena, const as_block *block,
                             const as_decoded *d, as_placement **out);
void as_arm_describe_insns(as_target *t, as_arena *arena, const struct as_mc_result *mc,
                           as_decoded *out);
const char *as_arm_insn_text(as_arena *arena, const as_target *t, const as_insn *insn);
#endif
