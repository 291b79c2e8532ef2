/* How the block treats its operands: early-clobber-missing,
 * output-not-written, undefined-read, operand-width. */
#include "checks_internal.h"

void as_check_early_clobber(check_ctx *c) {
  const as_summary *s = c->s;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_early; i++) {
    const as_early_clobber *e = &s->early[i];
    const char *out = as_operand_label(c->arena, c->b, e->output);
    const char *in = as_operand_label(c->arena, c->b, e->input);
    if (!f) {
      int at = e->write_insn >= 0 ? e->write_insn : e->read_insn;
      if (e->address)
        f = as_check_report(c, "early-clobber-missing", at,
                            "output %s is written before the address of %s is used, but is not "
                            "early-clobber; the compiler may keep that address in the output's "
                            "register, and %s is then accessed at the wrong place",
                            out, in, in);
      else
        f = as_check_report(c, "early-clobber-missing", at,
                            "output %s is written before input %s is read, but is not early-clobber; "
                            "the compiler may give both the same register and the input is lost",
                            out, in);
      if (!f) return;
      const as_operand *o = &c->b->operands[e->output];
      if (is_c(c->b)) {
        const char *letters = o->constraint.letters;
        as_fixit *x = as_finding_fixit(c->arena, f, "mark %s early-clobber: \"%s&%s\"", out,
                                       o->dir == AS_DIR_INOUT ? "+" : "=", letters);
        x->operand = e->output;
        x->constraint = as_arena_printf(c->arena, "%s&%s", o->dir == AS_DIR_INOUT ? "+" : "=", letters);
        x->certain = !(o->constraint.flags & AS_CF_MULTI_ALT);
      } else if (is_rust(c->b)) {
        as_finding_fixit(c->arena, f, "use `out` instead of `lateout` for %s", out);
      } else {
        as_finding_fixit(c->arena, f, "use \"=&\" for output %d in the constraint string", e->output);
      }
    }
    if (e->write_insn >= 0)
      as_check_note(c, f, e->write_insn, "%s writes output %s",
                    as_check_insn_text(c, e->write_insn), out);
    if (e->address)
      as_check_note(c, f, e->read_insn, "%s then accesses %s through its address",
                    as_check_insn_text(c, e->read_insn), in);
    else
      as_check_note(c, f, e->read_insn, "%s then reads input %s", as_check_insn_text(c, e->read_insn),
                    in);
  }
}

/* A memory output whose pointer value is also a register operand the block
 * stores through (GCC manual: "=m"(*(char (*)[n])p) next to "+D"(p)). */
static bool memory_output_stored_through_pointer(const check_ctx *c, int m) {
  const as_operand *o = &c->b->operands[m];
  bool mem = o->indirect || ((o->constraint.kinds & AS_CK_MEM) && !(o->constraint.kinds & AS_CK_REG));
  unsigned long long id = mem ? as_check_value_id(c->b, m) : 0;
  if (!id) return false;
  for (unsigned i = 0; i < c->s->num_accesses; i++) {
    const as_access *a = &c->s->accesses[i];
    int p = a->pointer_operand >= 0 ? a->pointer_operand : a->derived_operand;
    if (a->store && p >= 0 && p != m && as_check_value_id(c->b, p) == id) return true;
  }
  return false;
}

/* Is memory output m written by stores through another memory operand of
 * the same variable that cover its bytes on every path?  (Boost's 128-bit
 * store: cmpxchg16b through [dest_lo], the variable's 16 bytes, also writes
 * [dest_hi], its upper half.) */
static bool covered_by_other_store(const check_ctx *c, int m) {
  const as_operand *o = &c->b->operands[m];
  if (!o->mem_object || !o->pointee_size) return false;
  long long lo = o->mem_offset, hi = o->mem_offset + (long long)o->pointee_size;
  for (unsigned q = 0; q < c->b->num_operands && q < 64; q++) {
    const as_operand *p = &c->b->operands[q];
    if ((int)q == m || !p->mem_object || strcmp(p->mem_object, o->mem_object) ||
        !((c->s->outputs_written_all >> q) & 1))
      continue;
    for (unsigned k = 0; k < c->s->num_accesses; k++) {
      const as_access *a = &c->s->accesses[k];
      if (a->operand != (int)q || !a->store || a->varies || a->has_index) continue;
      const as_insn *in = &c->d->insns[a->insn];
      long long start = p->mem_offset + a->base.offset;
      long long end = start + (long long)in->mem[a->mem_index].size;
      if (start <= lo && end >= hi) return true;
    }
  }
  return false;
}

void as_check_outputs(check_ctx *c) {
  const as_block *b = c->b;
  if (!c->s->falls_through && !(b->flags & AS_BF_GOTO)) return; /* no exit: nothing is returned */
  /* Raw bytes (.byte-encoded instructions) may write anything. */
  if (c->d->num_unmodeled) return;
  /* A called function may write the outputs (the call itself is unmodeled),
   * and so may any instruction the tool does not model. */
  for (unsigned i = 0; i < c->d->num_insns; i++)
    if (c->d->insns[i].kind == AS_INSN_CALL || c->d->insns[i].kind == AS_INSN_CALL_INDIRECT ||
        c->d->insns[i].unmodeled)
      return;
  as_finding *f = NULL;
  for (unsigned i = 0; i < b->num_operands && i < 64; i++) {
    const as_operand *o = &b->operands[i];
    if (o->dir != AS_DIR_OUT) continue;
    if (!strcmp(o->constraint.fixed_reg, "flags")) continue; /* =@cc: set by the flags */
    bool tied = false;
    for (unsigned q = 0; q < b->num_operands; q++)
      if (b->operands[q].tied_to == (int)i) tied = true;
    /* An input in the same fixed register (Rust inlateout("rax") x => y):
     * an unwritten register still holds a defined value. */
    for (unsigned q = 0; q < b->num_operands && q < c->d->num_bindings && i < c->d->num_bindings; q++)
      if (b->operands[q].dir == AS_DIR_IN && c->d->bindings[q].kind == AS_BIND_REG &&
          c->d->bindings[i].kind == AS_BIND_REG && c->d->bindings[q].reg == c->d->bindings[i].reg)
        tied = true;
    if (tied || o->discarded) continue;
    /* "=m"(x) beside "m"(x): memory the block leaves alone keeps the
     * input's value, which is the output's (boost's conditional increment). */
    if (o->indirect || (o->constraint.kinds & AS_CK_MEM)) {
      bool also_input = false;
      for (unsigned q = 0; q < b->num_operands && !also_input; q++) {
        const as_operand *in = &b->operands[q];
        also_input = in->dir == AS_DIR_IN && (in->indirect || (in->constraint.kinds & AS_CK_MEM)) &&
                     ((o->value_id && in->value_id == o->value_id) ||
                      (o->expr_text && in->expr_text && !strcmp(o->expr_text, in->expr_text)));
      }
      if (also_input) continue;
      if (covered_by_other_store(c, (int)i)) continue;
    }
    if (i >= c->d->num_bindings || c->d->bindings[i].kind == AS_BIND_NONE) continue;
    if ((c->s->outputs_written_all >> i) & 1) continue;
    if (memory_output_stored_through_pointer(c, (int)i)) continue;
    const char *label = as_operand_label(c->arena, b, (int)i);
    if (!f)
      f = as_check_report(
          c, "output-not-written", -1,
          "output %s is not written on some path through the block; the compiler uses "
          "whatever its register or memory held before",
          label);
    else
      as_finding_note(c->arena, f, 0, 0, "output %s is not written on some path either", label);
  }
}

static const char *use_text(as_use_kind k) {
  switch (k) {
  case AS_USE_ADDRESS: return "an address";
  case AS_USE_BRANCH: return "a branch decision";
  case AS_USE_OUTPUT: return "output";
  case AS_USE_STORE: return "a value stored to memory";
  case AS_USE_FLAGS_CONSUMED: return "a result";
  }
  return "a result";
}

void as_check_undefined(check_ctx *c) {
  const as_summary *s = c->s;
  /* Raw bytes (.byte-encoded instructions: DPDK's xtest) may define what is
   * read after them; the block is already reported unmodeled. */
  if (c->d->num_unmodeled) return;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_undefined; i++) {
    const as_undefined_use *u = &s->undefined[i];
    if (u->kind == AS_USE_OUTPUT && u->operand >= 0 && c->b->operands[u->operand].discarded) continue;
    bool is_mem = false;
    int op = as_check_operand_of_reg(c, u->reg, &is_mem);
    /* An output's own entry value reaching it unchanged on a path that
     * skips every write: that is output-not-written (an output written
     * inside a loop, left alone on the path that skips the loop). */
    if (u->kind == AS_USE_OUTPUT && op >= 0 && op == u->operand && !is_mem && u->operand < 64 &&
        !((s->outputs_written_all >> u->operand) & 1))
      continue;
    const char *what;
    if (u->reg == c->d->flags_reg)
      what = "the status flags, which nothing in the block set";
    else if (op >= 0 && !is_mem && c->b->operands[op].dir == AS_DIR_OUT)
      what = as_arena_printf(c->arena, "output-only operand %s (%s) before the block wrote it",
                             as_operand_label(c->arena, c->b, op), as_check_named_reg(c, u->reg));
    else
      what = as_arena_printf(c->arena, "%s, which is not an input of the block",
                             as_check_named_reg(c, u->reg));
    const char *into = u->kind == AS_USE_OUTPUT
                           ? as_arena_printf(c->arena, "output %s", as_operand_label(c->arena, c->b, u->operand))
                           : use_text(u->kind);
    if (!f) {
      f = as_check_report(c, "undefined-read", u->insn,
                          "the block uses the value of %s; it reaches %s, so the "
                          "result depends on whatever the compiler left there",
                          what, into);
      if (!f) return;
      if (is_c(c->b) && op >= 0 && !is_mem && c->b->operands[op].dir == AS_DIR_OUT) {
        as_fixit *x = as_finding_fixit(c->arena, f, "make %s an in/out operand (\"+%s\") if it must "
                                       "start with the C value", as_operand_label(c->arena, c->b, op),
                                       c->b->operands[op].constraint.letters);
        x->operand = op;
      }
    } else {
      as_check_note(c, f, u->insn, "the value of %s also reaches %s", what, into);
    }
  }
}

/* Where an input's undefined upper bits that w->insn only carried on are
 * used: a note on the finding. */
static void note_wide_use(check_ctx *c, as_finding *f, const as_wide_read *w) {
  if (!f || w->use_insn == w->insn) return;
  if (w->use_insn >= 0)
    as_check_note(c, f, w->use_insn, "%s then uses %u bits of that value, the undefined ones included",
                  as_check_insn_text(c, w->use_insn), w->use_bits);
  else if (w->use_operand >= 0)
    as_finding_note(c->arena, f, 0, 0, "the value reaches output %s, which the compiler reads as %u bits",
                    as_operand_label(c->arena, c->b, w->use_operand), w->use_bits);
}

void as_check_width(check_ctx *c) {
  const as_summary *s = c->s;
  const as_block *b = c->b;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_wide; i++) {
    const as_wide_read *w = &s->wide[i];
    const as_operand *o = &b->operands[w->operand];
    if (!f && o->range.truncated && !as_target_class_narrows(c->t, &o->constraint))
      f = as_check_report(
          c, "operand-width", w->insn,
          "%s reads %u bits of operand %s, a %u-bit value (%s) truncated from a wider one; the "
          "register keeps the wider value's upper bits, not the extension the ABI gives a %u-bit value",
          as_check_insn_text(c, w->insn), w->bits, as_operand_label(c->arena, b, w->operand),
          w->defined_bits, o->type_text ? o->type_text : "its type", w->defined_bits);
    else if (!f)
      f = as_check_report(
          c, "operand-width", w->insn,
          "%s reads %u bits of operand %s, whose value has only %u bits (%s); the upper bits "
          "are whatever the register held",
          as_check_insn_text(c, w->insn), w->bits, as_operand_label(c->arena, b, w->operand),
          w->defined_bits, o->type_text ? o->type_text : "its type");
    else
      as_check_note(c, f, w->insn, "%s reads %u bits of operand %s", as_check_insn_text(c, w->insn),
                    w->bits, as_operand_label(c->arena, b, w->operand));
    note_wide_use(c, f, w);
  }
  for (unsigned k = 0; k < s->num_regs; k++) {
    const as_reg_effect *e = &s->regs[k];
    bool is_mem = false;
    int op = as_check_operand_of_reg(c, e->reg, &is_mem);
    if (op < 0 || is_mem || !e->changed_at_exit) continue;
    const as_operand *o = &b->operands[op];
    if (o->dir != AS_DIR_OUT || o->discarded || !o->width_bits || !as_target_class_narrows(c->t, &o->constraint) ||
        c->d->bindings[op].reg2)
      continue;
    if (e->min_exit_defined_bits >= o->width_bits || e->min_exit_defined_bits == 0) continue;
    if (!f)
      f = as_check_report(
          c, "operand-width", e->changed_by,
          "output %s has %u bits but the block writes only its low %u bits; the compiler "
          "reads the rest as part of the result",
          as_operand_label(c->arena, b, op), o->width_bits, e->min_exit_defined_bits);
    else
      as_check_note(c, f, e->changed_by, "output %s is written only in its low %u bits",
                    as_operand_label(c->arena, b, op), e->min_exit_defined_bits);
  }
}
