/* The RISC-V constraint letters (GCC's "Machine Constraints", RISC-V
 * family; LLVM's RISCVTargetLowering::getConstraintType): what the shared
 * parser in lib/core/constraint.c asks of an architecture. */
#include "riscv.h"

#include <string.h>

static size_t reg_of(as_constraint *c, unsigned rc, size_t used) {
  c->kinds |= AS_CK_REG;
  as_constraint_set_class(c, rc);
  return used;
}

/* The letter or two-letter code at p; 0 when it is not a RISC-V letter
 * (r, m, i, ... are the parser's). */
static size_t classify(const char *p, as_constraint *c, size_t *bad_len) {
  *bad_len = 1;
  switch (*p) {
  case 'f': return reg_of(c, AS_RV_FPR, 1);
  case 'A': c->kinds |= AS_CK_MEM; return 1; /* an address in a register: (reg) */
  case 'I': case 'J': case 'K': case 'S': c->kinds |= AS_CK_IMM; return 1;
  case 'v':
    switch (p[1]) {
    case 'r': return reg_of(c, AS_RV_VR, 2);
    case 'm': return reg_of(c, AS_RV_VM, 2);
    case 'd': return reg_of(c, AS_RV_VD, 2);
    default: *bad_len = p[1] ? 2 : 1; return 0;
    }
  case 'c':
    switch (p[1]) {
    case 'r': return reg_of(c, AS_RV_GPR_C, 2);
    case 'f': return reg_of(c, AS_RV_FPR_C, 2);
    default: *bad_len = p[1] ? 2 : 1; return 0;
    }
  default: return 0;
  }
}

static const char *class_name(unsigned rc) {
  switch (rc) {
  case AS_RV_GPR: return "gpr";
  case AS_RV_FPR: return "fpr";
  case AS_RV_VR: return "vector";
  case AS_RV_VM: return "vector mask";
  case AS_RV_VD: return "vector (not v0)";
  case AS_RV_GPR_C: return "compressed gpr";
  case AS_RV_FPR_C: return "compressed fpr";
  }
  return NULL;
}

const as_constraint_dialect as_riscv_constraints = {
    .arch = "riscv",
    .classify = classify,
    .valid_flag_condition = NULL,
    .class_name = class_name,
};
