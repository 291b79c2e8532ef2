/* Internal to lib/target: the target object and the x86 register model. */
#ifndef ASMSTORY_TARGET_INTERNAL_H
#define ASMSTORY_TARGET_INTERNAL_H
#include "asmstory/target.h"
#include "arch.h"
#include "mc_shim.h"

struct as_target {
  char *triple;
  char *features; /* the build's, or NULL (as_block.target_features) */
  const as_arch *arch;
  as_mc *mc;
  as_mc_server *server; /* MC runs there (mc_isolate.c) */
  bool is64;
  unsigned sp, flags, df, ip; /* full registers: rsp/esp, eflags, df, rip */
};

/* Width-specific name of a GPR family ("rax", 32) -> "eax"; NULL if none. */
const char *as_x86_gpr_name(const as_target *t, unsigned family, unsigned bits, bool high);
/* The register number for a family at a width (0 if none). */
unsigned as_x86_sub_reg(const as_target *t, unsigned family, unsigned bits, bool high);
bool as_x86_is_high_byte(const as_target *t, unsigned reg);
bool as_x86_is_gpr(const as_target *t, unsigned reg);

/* ---- shared by the architectures' describers and binders ---- */
struct as_mc_result;
/* The block's labels at the instructions MC emitted after them (map: MC
 * instruction index -> description index, mc->num_insns + 1 entries, or
 * NULL when they are the same), and each branch's target inside the block. */
void as_target_place_labels(as_arena *arena, const struct as_mc_result *mc, const unsigned *map,
                            as_decoded *out);
/* Registers as --dump prints them: "ecx,xmm1(zmm1)". */
/* Records full as a register the template names itself (once). */
void as_target_add_named(as_arena *arena, as_decoded *out, unsigned full);
void as_target_regs_text(as_strbuf *b, const as_target *t, const as_reg_use *list, unsigned n);
/* The operand, or asm goto label (numbered after the operands), a [name]
 * refers to; -1 if none. */
int as_target_operand_by_name(const as_block *block, const char *name);

#endif
