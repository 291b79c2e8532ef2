/* Internal to lib/target: the target object and the x86 register model. */
#ifndef ASMSTORY_TARGET_INTERNAL_H
#define ASMSTORY_TARGET_INTERNAL_H
#include "asmstory/target.h"
#include "arch.h"
#include "mc_shim.h"

struct as_target {
  char *triple;
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

#endif
