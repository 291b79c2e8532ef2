/* The x86 constraint letters (GCC's "Machine Constraints" for x86): what
 * the shared parser in lib/core/constraint.c asks of an architecture. */
#include "x86.h"

#include <string.h>

/* The letter or two-letter code at p; 0 when it is not an x86 letter (the
 * shared letters are the parser's). */
static size_t classify(const char *p, as_constraint *c, size_t *bad_len) {
  *bad_len = 1;
  switch (*p) {
  case 'R': case 'U':
    c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_GPR); return 1;
  case 'q': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_GPR_BYTE); return 1;
  case 'Q': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_GPR_ABCD); return 1;
  case 'l': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_GPR_INDEX); return 1;
  case 'x': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_XMM); return 1;
  case 'v': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_VEC_ANY); return 1;
  case 'k': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_MASK); return 1;
  case 'y': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_MMX); return 1;
  case 'f': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_X87); return 1;
  case 't': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_X87_TOP); return 1;
  case 'u': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_X87_SECOND); return 1;
  case 'a': as_constraint_set_fixed(c, "ax", NULL); return 1;
  case 'b': as_constraint_set_fixed(c, "bx", NULL); return 1;
  case 'c': as_constraint_set_fixed(c, "cx", NULL); return 1;
  case 'd': as_constraint_set_fixed(c, "dx", NULL); return 1;
  case 'S': as_constraint_set_fixed(c, "si", NULL); return 1;
  case 'D': as_constraint_set_fixed(c, "di", NULL); return 1;
  case 'A': as_constraint_set_fixed(c, "ax", "dx"); return 1;
  case 'I': case 'J': case 'K': case 'L': case 'M': case 'N': case 'O': case 'e': case 'Z':
  case 'G': case 'H': case 'C':
    c->kinds |= AS_CK_IMM; return 1;
  case 'Y':
    switch (p[1]) {
    case 'z': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_XMM0); return 2;
    case 'k': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_MASK); return 2;
    case 'i': case 't': case '2':
      c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_XMM); return 2;
    case 'm': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_MMX); return 2;
    default: *bad_len = p[1] ? 2 : 1; return 0;
    }
  case 'W':
    if (p[1] == 's') {
      c->kinds |= AS_CK_IMM;
      return 2;
    }
    *bad_len = p[1] ? 2 : 1;
    return 0;
  default: return 0;
  }
}

/* The condition codes accepted after "=@cc". */
static bool valid_flag_condition(const char *s, size_t n) {
  static const char *const codes[] = {
      "a",  "ae",  "b",  "be", "c",  "e",  "g",  "ge",  "l",  "le",
      "na", "nae", "nb", "nbe", "nc", "ne", "ng", "nge", "nl", "nle",
      "no", "np",  "ns", "nz", "o",  "p",  "s",  "z",   "pe", "po"};
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
    if (strlen(codes[i]) == n && !strncmp(codes[i], s, n)) return true;
  return false;
}

static const char *class_name(unsigned rc) {
  switch (rc) {
  case AS_RC_GPR: return "gpr";
  case AS_RC_GPR_BYTE: return "byte gpr";
  case AS_RC_GPR_ABCD: return "a/b/c/d";
  case AS_RC_GPR_INDEX: return "index gpr";
  case AS_RC_XMM: return "xmm";
  case AS_RC_VEC_ANY: return "vector";
  case AS_RC_X87: return "x87";
  case AS_RC_X87_TOP: return "st(0)";
  case AS_RC_X87_SECOND: return "st(1)";
  case AS_RC_MMX: return "mmx";
  case AS_RC_MASK: return "mask";
  case AS_RC_XMM0: return "xmm0";
  }
  return NULL;
}

const as_constraint_dialect as_x86_constraints = {
    .arch = "x86",
    .classify = classify,
    .valid_flag_condition = valid_flag_condition,
    .class_name = class_name,
};
