/* A block declared pure with hidden state or effects: pure-side-effect. */
#include "checks_internal.h"

void as_check_purity(check_ctx *c) {
  const as_block *b = c->b;
  if (!(b->flags & AS_BF_PURE) || (b->flags & AS_BF_VOLATILE)) return;
  static const struct {
    unsigned bit;
    const char *what;
  } classes[] = {{AS_SE_NONDET, "returns a value that changes between executions"},
                 {AS_SE_IO, "performs port I/O"},
                 {AS_SE_SYSTEM, "is a system or privileged instruction"},
                 {AS_SE_FENCE, "is a memory fence"},
                 {AS_SE_CACHE, "changes the cache state"},
                 {AS_SE_FPENV, "changes the floating-point control state (rounding, exception masks)"}};
  as_finding *f = NULL;
  for (unsigned k = 0; k < sizeof classes / sizeof classes[0]; k++) {
    if (!(c->s->side_effects & classes[k].bit)) continue;
    unsigned bitno = 0;
    while (!((classes[k].bit >> bitno) & 1)) bitno++;
    int at = c->s->side_effect_insn[bitno];
    if (!f) {
      f = as_check_report(
          c, "pure-side-effect", at,
          "%s %s, but the block is %s; the compiler may merge two executions of it, hoist it "
          "out of a loop, or delete it when its outputs are unused",
          as_check_insn_text(c, at), classes[k].what,
          is_rust(b) ? "declared options(pure)"
          : is_c(b)
              ? "not volatile (an asm with outputs and no volatile is treated as a pure function)"
              : "a call without sideeffect");
      if (!f) return;
      if (is_c(b)) {
        as_fixit *x = as_finding_fixit(c->arena, f, "add volatile: asm volatile (...)");
        x->add_volatile = true;
        x->certain = true;
      } else if (is_rust(b)) {
        as_finding_fixit(c->arena, f, "remove pure");
      } else {
        as_finding_fixit(c->arena, f, "add sideeffect to the call asm");
      }
    } else {
      as_check_note(c, f, at, "%s also %s", as_check_insn_text(c, at), classes[k].what);
    }
  }
}
