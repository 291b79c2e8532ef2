/* The 32-bit ARM constraint letters (GCC's "Machine Constraints", ARM
 * family, and LLVM's ARMTargetLowering::getConstraintType): what the shared
 * parser in lib/core/constraint.c asks of an architecture. */
#include "arm.h"

#include <string.h>

static size_t reg_class(as_constraint *c, unsigned rc, size_t len) {
  c->kinds |= AS_CK_REG;
  as_constraint_set_class(c, rc);
  return len;
}

/* The letter or two-letter code at p; 0 when it is not an ARM letter. */
static size_t classify(const char *p, as_constraint *c, size_t *bad_len) {
  *bad_len = 1;
  switch (*p) {
  case 'l': return reg_class(c, AS_RC_ARM_LOW, 1);
  case 'h': return reg_class(c, AS_RC_ARM_HIGH, 1);
  case 'w': return reg_class(c, AS_RC_ARM_VFP, 1);
  case 't': return reg_class(c, AS_RC_ARM_VFP16, 1);
  case 'x': return reg_class(c, AS_RC_ARM_VFP8, 1);
  case 'k': as_constraint_set_fixed(c, "sp", NULL); return 1;
  case 'Q': c->kinds |= AS_CK_MEM; return 1; /* memory through a base register only */
  case 'I': case 'J': case 'K': case 'L': case 'M': case 'N': case 'O': case 'G': case 'H':
  case 'j':
    c->kinds |= AS_CK_IMM; return 1;
  case 'U': /* Uv Ut Um Uq Uy Us Uz Ua: memory forms of VFP, NEON and ldrd */
    if (p[1] && strchr("vtmqysza", p[1])) {
      c->kinds |= AS_CK_MEM;
      return 2;
    }
    *bad_len = p[1] ? 2 : 1;
    return 0;
  case 'D': /* Dn Dl DL Dv Dy Di Dt Dz DB Da Dd: constants for NEON and VFP moves */
    if (p[1] && strchr("nlLvyitzBaDdb", p[1])) {
      c->kinds |= AS_CK_IMM;
      return 2;
    }
    *bad_len = p[1] ? 2 : 1;
    return 0;
  case 'P': /* Pa..Pz: Thumb-1 immediates */
    if (p[1] >= 'a' && p[1] <= 'z') {
      c->kinds |= AS_CK_IMM;
      return 2;
    }
    *bad_len = p[1] ? 2 : 1;
    return 0;
  case 'T': /* Te To: even and odd general registers (GCC) */
    if (p[1] == 'e' || p[1] == 'o') return reg_class(c, AS_RC_ARM_GPR, 2);
    *bad_len = p[1] ? 2 : 1;
    return 0;
  default: return 0;
  }
}

/* The conditions after "=@cc" (clang: ARM's condition codes). */
static bool valid_flag_condition(const char *s, size_t n) {
  static const char *const codes[] = {"eq", "ne", "cs", "hs", "cc", "lo", "mi", "pl",
                                      "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"};
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
    if (n == 2 && !strncmp(codes[i], s, n)) return true;
  return false;
}

static const char *class_name(unsigned rc) {
  switch (rc) {
  case AS_RC_ARM_GPR: return "gpr";
  case AS_RC_ARM_LOW: return "low gpr";
  case AS_RC_ARM_HIGH: return "high gpr";
  case AS_RC_ARM_VFP: return "vfp";
  case AS_RC_ARM_VFP16: return "vfp (low half)";
  case AS_RC_ARM_VFP8: return "vfp (low quarter)";
  }
  return NULL;
}

const as_constraint_dialect as_arm_constraints = {
    .arch = "arm",
    .classify = classify,
    .valid_flag_condition = valid_flag_condition,
    .class_name = class_name,
};
