/* The interface rules, read off the block summary: the driver, the
 * unmodeled rule and the helpers the rule families share (one file per
 * family, listed in checks_internal.h).
 *
 * Each case says what the compiler is allowed to do because of the bug. One
 * finding per block and rule; its notes name every register, operand or
 * access involved. */
#include "checks_internal.h"

#include <stdarg.h>

as_finding *as_check_report(check_ctx *c, const char *rule, int insn, const char *format, ...) {
  if (!as_check_enabled(c->checks, rule)) return NULL;
  const as_rule_info *info = as_rule_find(rule);
  const as_insn *in = insn_at(c, insn);
  va_list args;
  va_start(args, format);
  char *msg = as_arena_vprintf(c->arena, format, args);
  va_end(args);
  return as_finding_add(c->arena, c->out, c->b, rule, info ? info->default_severity : AS_SEV_WARNING,
                        in ? in->line : 0, in ? in->column : 0, "%s", msg);
}

void as_check_note(check_ctx *c, as_finding *f, int insn, const char *format, ...) {
  if (!f) return;
  const as_insn *in = insn_at(c, insn);
  va_list args;
  va_start(args, format);
  char *msg = as_arena_vprintf(c->arena, format, args);
  va_end(args);
  as_finding_note(c->arena, f, in ? in->line : 0, in ? in->column : 0, "%s", msg);
}

const char *as_check_insn_text(const check_ctx *c, int i) {
  const as_insn *in = insn_at(c, i);
  return in ? as_arena_printf(c->arena, "`%s`", as_insn_display(c->arena, c->b, in)) : "the block";
}

/* A register as the block names it (the architecture decides from the
 * widest sub-register of it the instructions use: "xmm3" in SSE code, where
 * MC reports the zmm family), which is also the clobber a reader expects. */
const char *as_check_named_reg(const check_ctx *c, unsigned reg) {
  unsigned best = 0, best_bits = 0;
  for (unsigned i = 0; i < c->d->num_insns; i++) {
    const as_insn *in = &c->d->insns[i];
    for (unsigned k = 0; k < in->num_reads + in->num_writes; k++) {
      const as_reg_use *u = k < in->num_reads ? &in->reads[k] : &in->writes[k - in->num_reads];
      unsigned bits = u->reg == reg && u->sub ? as_target_reg_bits(c->t, u->sub) : 0;
      if (bits > best_bits) {
        best = u->sub;
        best_bits = bits;
      }
    }
  }
  const char *n = as_target_reg_spelling(c->t, reg, best);
  return n ? n : "?";
}

/* Is the full register named by a clobber of the block? */
bool as_check_clobbered(const check_ctx *c, unsigned reg) {
  for (unsigned i = 0; i < c->b->num_clobbers; i++)
    if (reg && as_target_clobber_reg(c->t, c->b->clobbers[i]) == reg) return true;
  return false;
}

int as_check_operand_of_reg(const check_ctx *c, unsigned reg, bool *is_mem) {
  for (unsigned i = 0; i < c->d->num_bindings; i++) {
    const as_binding *bd = &c->d->bindings[i];
    if ((bd->kind == AS_BIND_REG && (bd->reg == reg || bd->reg2 == reg))) {
      *is_mem = false;
      return (int)i;
    }
  }
  for (unsigned i = 0; i < c->d->num_bindings; i++)
    if (c->d->bindings[i].kind == AS_BIND_MEM && c->d->bindings[i].reg == reg) {
      *is_mem = true;
      return (int)i;
    }
  return -1;
}

static unsigned long long own_value_id(const as_block *b, int i) {
  if (b->operands[i].value_id) return b->operands[i].value_id;
  for (unsigned q = 0; q < b->num_operands; q++)
    if (b->operands[q].tied_to == i && b->operands[q].value_id) return b->operands[q].value_id;
  return 0;
}

/* The IR's identity when the block has an IR twin (it sees copies and
 * casts), else the front end's own (the AST's: a function nobody calls has
 * no IR). */
unsigned long long as_check_value_id(const as_block *b, int i) {
  if (i < 0 || (unsigned)i >= b->num_operands) return 0;
  unsigned long long twin = b->ir_twin && (unsigned)i < b->ir_twin->num_operands ? own_value_id(b->ir_twin, i) : 0;
  return twin ? twin : own_value_id(b, i);
}

/* ---- unmodeled ---------------------------------------------------------- */

static void check_unmodeled(check_ctx *c) {
  as_finding *f = NULL;
  for (unsigned i = 0; i < c->d->num_insns; i++) {
    const as_insn *in = &c->d->insns[i];
    if (!in->unmodeled) continue;
    if (!f) {
      f = as_check_report(c, "unmodeled", (int)i,
                          "the block is not verified: %s cannot be modeled (%s)",
                          as_check_insn_text(c, (int)i), in->unmodeled);
      if (!f) return;
    } else {
      as_check_note(c, f, (int)i, "%s cannot be modeled either (%s)", as_check_insn_text(c, (int)i),
                    in->unmodeled);
    }
  }
  for (unsigned i = 0; i < c->d->num_unmodeled; i++) {
    if (!f) {
      f = as_check_report(c, "unmodeled", -1, "the block is not verified: it contains %s %s",
                          as_check_article(c->d->unmodeled[i]), c->d->unmodeled[i]);
      if (!f) return;
      f->tpl_line = c->d->unmodeled_lines[i];
      f->tpl_column = 1;
    } else {
      bool dup = false;
      for (unsigned k = 0; k < i; k++)
        if (c->d->unmodeled_lines[k] == c->d->unmodeled_lines[i] && !strcmp(c->d->unmodeled[k], c->d->unmodeled[i]))
          dup = true;
      if (!dup)
        as_finding_note(c->arena, f, c->d->unmodeled_lines[i], 1, "it also contains %s %s",
                        as_check_article(c->d->unmodeled[i]), c->d->unmodeled[i]);
    }
  }
  if (!c->s->converged) {
    if (!f)
      f = as_check_report(c, "unmodeled", -1,
                          "the block is not verified: its control flow did not "
                          "reach a fixpoint within the walk's budget");
    else as_finding_note(c->arena, f, 0, 0, "its control flow did not reach a fixpoint");
  }
}

void as_checks_run(as_arena *arena, const as_target *target, const as_block *block,
                   const as_decoded *decoded, const as_summary *summary, const char *checks,
                   as_finding_list *findings) {
  check_ctx c = {arena, target, block, decoded, summary, checks, findings};
  /* A noreturn block never gives control back: what it leaves in registers,
   * flags and the stack pointer cannot matter (falling off its end is
   * control-escape). */
  bool returns = !(block->flags & AS_BF_NORETURN);
  if (returns) {
    as_check_registers(&c);
    as_check_early_clobber(&c);
    as_check_outputs(&c);
  }
  as_check_lost_inputs(&c);
  as_check_undefined(&c);
  if (returns) {
    as_check_flags(&c);
    as_check_width(&c);
  }
  as_check_stack(&c);
  if (returns) as_check_reg_stack(&c);
  if (returns) as_check_direction_flag(&c);
  as_check_control(&c);
  as_check_memory(&c);
  as_check_purity(&c);
  check_unmodeled(&c);
}
