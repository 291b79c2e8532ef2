/* The AArch64 constraint letters (GCC's "Machine Constraints", AArch64
 * family; Clang accepts the same): what the shared parser in
 * lib/core/constraint.c asks of an architecture. */
#include "aarch64.h"

#include <string.h>

/* Three-letter codes starting with 'U': SVE predicates (Upa, Upl), memory
 * forms (Q-like Ump for ldp/stp, Ut* for the other addressing modes),
 * symbolic immediates (Us*). */
static size_t classify_u(const char *p, as_constraint *c, size_t *bad_len) {
  *bad_len = p[1] && p[2] ? 3 : p[1] ? 2 : 1;
  if (!p[1] || !p[2]) return 0;
  switch (p[1]) {
  case 'p':
    if (p[2] != 'a' && p[2] != 'l') return 0;
    c->kinds |= AS_CK_REG;
    as_constraint_set_class(c, AS_RC_A64_PRED);
    return 3;
  case 'm': if (p[2] != 'p') return 0; c->kinds |= AS_CK_MEM; return 3;
  case 't': c->kinds |= AS_CK_MEM; return 3;
  case 's': c->kinds |= AS_CK_IMM; return 3;
  default: return 0;
  }
}

/* The letter or code at p; 0 when it is not an AArch64 letter (the shared
 * letters are the parser's). */
static size_t classify(const char *p, as_constraint *c, size_t *bad_len) {
  *bad_len = 1;
  switch (*p) {
  case 'w': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_A64_FP); return 1;
  case 'x': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_A64_FP_LOW16); return 1;
  case 'y': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_A64_FP_LOW8); return 1;
  case 'k': as_constraint_set_fixed(c, "sp", NULL); return 1;
  case 'Q': c->kinds |= AS_CK_MEM; return 1; /* a base register, no offset */
  case 'I': case 'J': case 'K': case 'L': case 'M': case 'N': case 'Z': case 'Y': case 'S':
    c->kinds |= AS_CK_IMM; return 1;
  case 'U': return classify_u(p, c, bad_len);
  case 'D':
    if (p[1] && strchr("nhqlrsz", p[1])) {
      c->kinds |= AS_CK_IMM;
      return 2;
    }
    *bad_len = p[1] ? 2 : 1;
    return 0;
  default: return 0;
  }
}

/* The conditions after "=@cc" (Clang and GCC on AArch64). */
static bool valid_flag_condition(const char *s, size_t n) {
  static const char *const codes[] = {"eq", "ne", "hs", "cs", "lo", "cc", "mi", "pl", "vs", "vc",
                                      "hi", "ls", "ge", "lt", "gt", "le"};
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
    if (strlen(codes[i]) == n && !strncmp(codes[i], s, n)) return true;
  return false;
}

static const char *class_name(unsigned rc) {
  switch (rc) {
  case AS_RC_A64_GPR: return "gpr";
  case AS_RC_A64_FP: return "vector";
  case AS_RC_A64_FP_LOW16: return "v0-v15";
  case AS_RC_A64_FP_LOW8: return "v0-v7";
  case AS_RC_A64_PRED: return "predicate";
  }
  return NULL;
}

const as_constraint_dialect as_a64_constraints = {
    .arch = "aarch64",
    .classify = classify,
    .valid_flag_condition = valid_flag_condition,
    .class_name = class_name,
};
