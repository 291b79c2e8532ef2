/* --print-effects: the effects summary of one block as text, the way LLVM's
 * print<...> passes show an analysis, so that the effects layer is tested
 * on its own (test/lit/effects).  One fact per line, each line starting
 * with what it is about (insn, reg, flags, stack, access, ...); registers
 * in name order and accesses in instruction order, whatever order the walk
 * met them in.  The format is described in docs/usage.md. */
#include "asmstory/display.h"

#include <string.h>

static const char *reg_name(const as_target *t, unsigned reg) {
  const char *name = as_target_reg_name(t, reg);
  return name && *name ? name : "?";
}

/* " rax rbx" for the full registers of a use list, each once; " -" for none. */
static void reg_list(as_strbuf *b, const as_target *t, const as_reg_use *uses, unsigned n) {
  unsigned shown = 0;
  for (unsigned i = 0; i < n; i++) {
    bool seen = false;
    for (unsigned k = 0; k < i; k++)
      if (uses[k].reg == uses[i].reg) seen = true;
    if (seen) continue;
    as_strbuf_printf(b, " %s", reg_name(t, uses[i].reg));
    shown++;
  }
  if (!shown) as_strbuf_puts(b, " -");
}

static void insn_line(as_strbuf *b, as_arena *arena, const as_target *t, const as_block *block,
                      const as_insn *in, unsigned i) {
  as_strbuf_printf(b, "  insn %u: %s; reads", i, as_insn_display(arena, block, in));
  reg_list(b, t, in->reads, in->num_reads);
  as_strbuf_puts(b, "; writes");
  reg_list(b, t, in->writes, in->num_writes);
  if (in->flags_read) as_strbuf_puts(b, in->flags_consumed ? "; flags consumed" : "; flags read");
  if (in->flags_written) as_strbuf_puts(b, "; flags written");
  if (in->sp_delta) as_strbuf_printf(b, "; sp%+d", in->sp_delta);
  if (in->reg_stack_delta > 0) as_strbuf_printf(b, "; pushes %d", in->reg_stack_delta);
  if (in->reg_stack_delta < 0) as_strbuf_printf(b, "; pops %d", -in->reg_stack_delta);
  static const char *const reg_stack_ops[] = {"", "; empties the register stack", "; saves the register stack",
                                       "; saves and empties the register stack", "; restores the register stack"};
  if (in->reg_stack_op > AS_REG_STACK_NONE && in->reg_stack_op <= AS_REG_STACK_RESTORE) as_strbuf_puts(b, reg_stack_ops[in->reg_stack_op]);
  if (in->df_read) as_strbuf_puts(b, "; df read");
  if (in->df_set >= 0) as_strbuf_puts(b, in->df_set == 0 ? "; df cleared" : in->df_set == 1 ? "; df set" : "; df popped");
  if (in->target_insn >= 0) as_strbuf_printf(b, "; to insn %d", in->target_insn);
  else if (in->target) as_strbuf_printf(b, "; to %s", in->target);
  if (in->unmodeled) as_strbuf_printf(b, "; unmodeled: %s", in->unmodeled);
  as_strbuf_puts(b, "\n");
}

/* "; holds %1 (`p`)" for each operand bound to reg. */
static void reg_operands(as_strbuf *b, as_arena *arena, const as_block *block, const as_decoded *d,
                         unsigned reg) {
  for (unsigned op = 0; op < d->num_bindings && op < block->num_operands; op++) {
    const as_binding *bd = &d->bindings[op];
    if (bd->kind == AS_BIND_REG && (bd->reg == reg || bd->reg2 == reg))
      as_strbuf_printf(b, "; holds %s", as_operand_label(arena, block, (int)op));
    else if (bd->kind == AS_BIND_MEM && bd->reg == reg)
      as_strbuf_printf(b, "; addresses %s", as_operand_label(arena, block, (int)op));
  }
}

/* "first write insn 1; changed at exit by insn 3": the common part of a
 * register's and the flags' lines. */
static void write_facts(as_strbuf *b, int first_write, bool changed, int changed_by) {
  if (first_write >= 0) as_strbuf_printf(b, "first write insn %d", first_write);
  else as_strbuf_puts(b, "not written");
  if (changed) as_strbuf_printf(b, "; changed at exit by insn %d", changed_by);
  else if (first_write >= 0) as_strbuf_puts(b, "; restored at exit");
}

static void reg_lines(as_strbuf *b, as_arena *arena, const as_target *t, const as_block *block,
                      const as_decoded *d, const as_summary *s) {
  unsigned order[AS_MAX_TRACKED], n = 0;
  for (unsigned k = 0; k < s->num_regs; k++) {
    if (s->regs[k].reg == d->flags_reg) continue; /* the flags line */
    unsigned j = n++;
    while (j > 0 && strcmp(reg_name(t, s->regs[order[j - 1]].reg), reg_name(t, s->regs[k].reg)) > 0) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
  for (unsigned i = 0; i < n; i++) {
    const as_reg_effect *e = &s->regs[order[i]];
    as_strbuf_printf(b, "  reg %s: entry %s; ", reg_name(t, e->reg), e->entry_tainted ? "undefined" : "defined");
    write_facts(b, e->first_write, e->changed_at_exit, e->changed_by);
    if (e->changed_at_exit && e->min_exit_defined_bits < as_target_reg_bits(t, e->reg))
      as_strbuf_printf(b, "; defined bits at exit %u", e->min_exit_defined_bits);
    if (e->changed_at_exit && e->kept_low_bits) as_strbuf_printf(b, "; low %u bits kept", e->kept_low_bits);
    reg_operands(b, arena, block, d, e->reg);
    as_strbuf_puts(b, "\n");
  }
}

/* The register stack: where it stands at exit, how deep the block pushes
 * it, and what each position holds at exit (the top first). */
static void reg_stack_line(as_strbuf *b, const as_target *t, const as_summary *s) {
  unsigned regs[8];
  unsigned n = as_target_reg_stack(t, regs);
  as_strbuf_puts(b, "  register stack: ");
  switch (s->reg_stack_exit_mode) {
  case AS_REG_STACK_EXIT_KNOWN: as_strbuf_printf(b, "exit %+d", s->reg_stack_exit); break;
  case AS_REG_STACK_EXIT_EMPTIED: as_strbuf_printf(b, "emptied, %d at exit", s->reg_stack_exit); break;
  case AS_REG_STACK_EXIT_UNKNOWN: as_strbuf_puts(b, "exit unknown"); break;
  }
  if (s->reg_stack_insn >= 0) as_strbuf_printf(b, " (insn %d)", s->reg_stack_insn);
  if (s->reg_stack_max) as_strbuf_printf(b, "; deepest %+d", s->reg_stack_max);
  as_strbuf_puts(b, "; holds");
  for (unsigned k = 0; k < n; k++) {
    if (s->reg_stack_exit_src[k] >= 0) as_strbuf_printf(b, "%s entry %s", k ? "," : "", reg_name(t, regs[s->reg_stack_exit_src[k]]));
    else as_strbuf_printf(b, "%s insn %d", k ? "," : "", s->reg_stack_changed_by[k]);
  }
  as_strbuf_puts(b, "\n");
}

static void value_text(as_strbuf *b, const as_target *t, const as_value *v) {
  switch (v->kind) {
  case AS_VALUE_ENTRY:
    as_strbuf_printf(b, "entry %s", reg_name(t, v->reg));
    if (v->reg2) as_strbuf_printf(b, " %c entry %s", v->coef2 < 0 ? '-' : '+', reg_name(t, v->reg2));
    if (v->rot) as_strbuf_printf(b, " rotated %d", v->rot);
    if (v->offset) as_strbuf_printf(b, "%+lld", (long long)v->offset);
    break;
  case AS_VALUE_CONST: as_strbuf_printf(b, "constant %lld", (long long)v->offset); break;
  default:
    if (v->origin >= 0) as_strbuf_printf(b, "computed by insn %d", v->origin);
    else as_strbuf_puts(b, "computed");
    break;
  }
}

/* Where an access goes: the block's stack, an operand, or a base value. */
static void access_place(as_strbuf *b, as_arena *arena, const as_target *t, const as_block *block,
                         const as_access *a, const as_mem_access *m) {
  if (a->stack) {
    if (a->stack_offset_known) as_strbuf_printf(b, "; stack sp%+lld", (long long)a->stack_offset);
    else as_strbuf_puts(b, "; stack, offset unknown");
    if (a->implicit_stack) as_strbuf_puts(b, "; implicit");
    return;
  }
  if (a->operand >= 0)
    as_strbuf_printf(b, "; memory operand %s%+lld", as_operand_label(arena, block, a->operand),
                     (long long)a->base.offset);
  else if (a->pointer_operand >= 0)
    as_strbuf_printf(b, "; pointer in %s%+lld", as_operand_label(arena, block, a->pointer_operand),
                     (long long)a->base.offset);
  else if (a->derived_operand >= 0)
    as_strbuf_printf(b, "; derived from %s, offset unknown", as_operand_label(arena, block, a->derived_operand));
  else if (a->sym_operand >= 0)
    as_strbuf_printf(b, "; relative to %s", as_operand_label(arena, block, a->sym_operand));
  else if (m->disp_symbol)
    as_strbuf_printf(b, "; symbol %s%+lld", m->disp_symbol, (long long)m->disp);
  else if (a->has_base) {
    as_strbuf_puts(b, "; base ");
    value_text(b, t, &a->base);
  } else {
    as_strbuf_puts(b, "; no base");
  }
  if (a->index_operand >= 0)
    as_strbuf_printf(b, "; index %s x%u", as_operand_label(arena, block, a->index_operand), a->index_scale);
  else if (a->has_index)
    as_strbuf_printf(b, "; index x%u", a->index_scale);
}

static void access_line(as_strbuf *b, as_arena *arena, const as_target *t, const as_block *block,
                        const as_decoded *d, const as_access *a) {
  const as_mem_access *m = &d->insns[a->insn].mem[a->mem_index];
  as_strbuf_printf(b, "  access insn %d: %s", a->insn,
                   a->load && a->store ? "load store" : a->store ? "store" : "load");
  if (m->size) as_strbuf_printf(b, "%s %u byte%s", m->size_at_least ? " at least" : "", m->size, m->size == 1 ? "" : "s");
  else as_strbuf_puts(b, " size unknown");
  if (m->align > 1) as_strbuf_printf(b, "; align %u", m->align);
  if (m->repeated) as_strbuf_printf(b, "; repeated, count in %s", reg_name(t, m->count_reg));
  if (m->string_op) as_strbuf_puts(b, "; string op");
  access_place(b, arena, t, block, a, m);
  if (a->in_loop) as_strbuf_puts(b, "; in loop");
  if (a->varies) as_strbuf_puts(b, "; address varies");
  as_strbuf_puts(b, "\n");
}

static void access_lines(as_strbuf *b, as_arena *arena, const as_target *t, const as_block *block,
                         const as_decoded *d, const as_summary *s) {
  /* By instruction, then by memory operand: insertion sort of indices. */
  unsigned *order = as_arena_alloc(arena, sizeof *order * (s->num_accesses + 1));
  for (unsigned k = 0; k < s->num_accesses; k++) {
    const as_access *a = &s->accesses[k];
    unsigned j = k;
    while (j > 0) {
      const as_access *p = &s->accesses[order[j - 1]];
      if (p->insn < a->insn || (p->insn == a->insn && p->mem_index < a->mem_index)) break;
      order[j] = order[j - 1];
      j--;
    }
    order[j] = k;
  }
  for (unsigned k = 0; k < s->num_accesses; k++) access_line(b, arena, t, block, d, &s->accesses[order[k]]);
}

static const char *use_kind_name(as_use_kind kind) {
  switch (kind) {
  case AS_USE_ADDRESS: return "an address";
  case AS_USE_BRANCH: return "a branch decision";
  case AS_USE_OUTPUT: return "output";
  case AS_USE_STORE: return "a store";
  case AS_USE_FLAGS_CONSUMED: return "a flags consumer";
  }
  return "?";
}

static void undefined_lines(as_strbuf *b, as_arena *arena, const as_target *t, const as_block *block,
                            const as_decoded *d, const as_summary *s) {
  for (unsigned i = 0; i < s->num_undefined; i++) {
    const as_undefined_use *u = &s->undefined[i];
    as_strbuf_printf(b, "  undefined: entry %s reaches %s",
                     u->reg == d->flags_reg ? "flags" : reg_name(t, u->reg), use_kind_name(u->kind));
    if (u->kind == AS_USE_OUTPUT) as_strbuf_printf(b, " %s", as_operand_label(arena, block, u->operand));
    if (u->insn >= 0) as_strbuf_printf(b, " at insn %d\n", u->insn);
    else as_strbuf_puts(b, " at exit\n");
  }
}

static void side_effect_line(as_strbuf *b, const as_summary *s) {
  static const char *const names[] = {"io", "fence", "system", "nondet", "hint", "atomic", "cache", "fpenv"};
  as_strbuf_puts(b, "  side effects:");
  if (!s->side_effects) as_strbuf_puts(b, " none");
  for (unsigned c = 0; c < sizeof names / sizeof names[0]; c++)
    if (s->side_effects & (1u << c)) as_strbuf_printf(b, " %s (insn %d)", names[c], s->side_effect_insn[c]);
  as_strbuf_puts(b, "\n");
}

void as_effects_text(as_strbuf *b, as_arena *arena, const as_target *t, const as_block *block,
                     const as_decoded *d, const as_summary *s) {
  for (unsigned i = 0; i < d->num_insns; i++) insn_line(b, arena, t, block, &d->insns[i], i);
  for (unsigned i = 0; i < d->num_unmodeled; i++)
    as_strbuf_printf(b, "  unmodeled (line %u): %s\n", d->unmodeled_lines[i], d->unmodeled[i]);
  reg_lines(b, arena, t, block, d, s);

  as_strbuf_puts(b, "  flags: ");
  write_facts(b, s->flags_first_write, s->flags_changed_at_exit, s->flags_changed_by);
  as_strbuf_puts(b, "\n");

  if (s->uses_stack) as_strbuf_printf(b, "  stack: used from insn %d", s->stack_first_insn);
  else as_strbuf_puts(b, "  stack: not used");
  if (s->sp_min_insn >= 0) as_strbuf_printf(b, "; lowest sp%+lld at insn %d", (long long)s->sp_min, s->sp_min_insn);
  if (!s->sp_exit_known) as_strbuf_printf(b, "; exit sp unknown (insn %d)", s->sp_unbalanced_insn);
  else if (s->sp_exit) as_strbuf_printf(b, "; exit sp%+lld (insn %d)", (long long)s->sp_exit, s->sp_unbalanced_insn);
  else as_strbuf_puts(b, "; exit sp+0");
  as_strbuf_puts(b, "\n");

  if (s->df_may_be_set_at_exit) as_strbuf_printf(b, "  direction flag: may be set at exit by insn %d\n", s->df_set_insn);
  else as_strbuf_puts(b, "  direction flag: clear at exit\n");
  if (s->reg_stack_used) reg_stack_line(b, t, s);

  access_lines(b, arena, t, block, d, s);
  undefined_lines(b, arena, t, block, d, s);
  for (unsigned i = 0; i < s->num_early; i++) {
    const as_early_clobber *e = &s->early[i];
    as_strbuf_printf(b, "  early clobber: output %s written", as_operand_label(arena, block, e->output));
    if (e->write_insn >= 0) as_strbuf_printf(b, " by insn %d", e->write_insn);
    as_strbuf_printf(b, ", then %s %s %s by insn %d\n", e->address ? "the address of" : "input",
                     as_operand_label(arena, block, e->input), e->address ? "used" : "read", e->read_insn);
  }
  for (unsigned i = 0; i < s->num_lost; i++) {
    const as_lost_input *l = &s->lost[i];
    as_strbuf_printf(b, "  lost in %s: input %s read by insn %d after insn %d wrote %s\n",
                     as_target_reg_name(t, l->reg), as_operand_label(arena, block, l->operand),
                     l->read_insn, l->write_insn, as_target_reg_name(t, l->reg));
  }
  for (unsigned i = 0; i < s->num_wide; i++) {
    const as_wide_read *w = &s->wide[i];
    as_strbuf_printf(b, "  wide read: %s read as %u bits by insn %d, %u defined\n",
                     as_operand_label(arena, block, w->operand), w->bits, w->insn, w->defined_bits);
  }
  for (unsigned i = 0; i < s->num_escapes; i++)
    as_strbuf_printf(b, "  escape: insn %d %s\n", s->escapes[i].insn, s->escapes[i].why);

  as_strbuf_puts(b, "  written on every path:");
  unsigned shown = 0;
  for (unsigned op = 0; op < block->num_operands && op < 64; op++)
    if (s->outputs_written_all & (1ull << op)) {
      as_strbuf_printf(b, " %s", as_operand_label(arena, block, (int)op));
      shown++;
    }
  as_strbuf_puts(b, shown ? "\n" : " none\n");
  side_effect_line(b, s);
  as_strbuf_printf(b, "  exit: %s; %s\n", s->falls_through ? "falls through" : "does not fall through",
                   s->converged ? "converged" : "not converged");
}
