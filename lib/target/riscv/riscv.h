/* RISC-V facts shared inside lib/target/riscv: register classes of its
 * constraint letters, the register model, and the files' entry points. */
#ifndef ASMSTORY_TARGET_RISCV_H
#define ASMSTORY_TARGET_RISCV_H
#include "../target_internal.h"
#include "asmstory/block.h"

/* Register classes of RISC-V constraint letters (as_constraint.reg_class). */
enum as_riscv_reg_class {
  AS_RV_GPR = AS_RC_GENERAL, /* r: x1-x31 */
  AS_RV_FPR = AS_RC_GENERAL + 1, /* f: f0-f31 */
  AS_RV_VR,       /* vr: v0-v31 */
  AS_RV_VM,       /* vm: v0, the mask register */
  AS_RV_GPR_C,    /* cr: x8-x15 (compressed forms) */
  AS_RV_FPR_C,    /* cf: f8-f15 */
  AS_RV_VD,       /* vd: v1-v31 (not the mask register) */
};

/* Block flag meaning, on RISC-V, that the build enables the V extension
 * (-march=...v, +v): vector registers then hold values. */
#define AS_RV_BF_VECTOR AS_BF_VECTOR_256

extern const as_constraint_dialect as_riscv_constraints;

/* Register model (arch.c): the kind and number of an MC register. */
typedef enum { RV_NONE, RV_X, RV_F, RV_V } rv_file;
rv_file as_riscv_reg_file(const as_target *t, unsigned reg, unsigned *num);
/* The full register of a file and number: x5, f3 (its widest view), v4. */
unsigned as_riscv_reg(const as_target *t, rv_file file, unsigned num);
/* The MC registers a group or pair stands for (v8m2: v8, v9; x10_x11). */
unsigned as_riscv_expand(const as_target *t, unsigned reg, unsigned out[8]);

struct as_mc_result;
int as_riscv_bind_template(as_target *t, as_arena *arena, const as_block *block,
                           const as_placement *place, as_decoded *out, as_mc_line **lines,
                           unsigned *num_lines, char *err, size_t errlen);
unsigned as_riscv_alternatives(as_target *t, as_arena *arena, const as_block *block,
                               const as_decoded *d, as_placement **out);
void as_riscv_describe_insns(as_target *t, as_arena *arena, const struct as_mc_result *mc,
                             as_decoded *out);
const char *as_riscv_insn_text(as_arena *arena, const as_target *t, const as_insn *insn);
#endif
