/* The pipeline: one block through bind and decode (lib/target), the
 * effects walk (lib/effects), the interface rules (lib/checks) and the
 * permission story (lib/story); plus the --dump and --explain texts, and
 * the effects layer alone for --print-effects.  The command-line tools and
 * the plugin call as_analyze_block. */
#include "asmstory/analyze.h"

#include <stdio.h>
#include <string.h>

static void quoted(as_strbuf *b, const char *text) {
  as_strbuf_puts(b, "\"");
  for (const char *p = text; p && *p; p++) {
    if (*p == '\n') as_strbuf_puts(b, "\\n");
    else if (*p == '\t') as_strbuf_puts(b, "\\t");
    else if (*p == '"') as_strbuf_puts(b, "\\\"");
    else if (*p == '\\') as_strbuf_puts(b, "\\\\");
    else as_strbuf_append(b, p, 1);
  }
  as_strbuf_puts(b, "\"");
}

static const char *binding_text(as_arena *arena, const as_target *t, const as_binding *bd) {
  switch (bd->kind) {
  case AS_BIND_REG:
    return bd->reg2 ? as_arena_printf(arena, "register %s:%s", as_target_reg_name(t, bd->reg2),
                                      as_target_reg_name(t, bd->reg))
                    : as_arena_printf(arena, "register %s (as %s)", as_target_reg_name(t, bd->reg), bd->text ? bd->text : "?");
  case AS_BIND_MEM:
    if (!bd->reg && bd->text) return as_arena_printf(arena, "memory at the symbol %s", bd->text);
    return as_arena_printf(arena, "memory at (%s)", as_target_reg_name(t, bd->reg));
  case AS_BIND_IMM: return as_arena_printf(arena, "immediate %lld%s", bd->imm, bd->imm_known ? "" : " (value unknown)");
  case AS_BIND_LABEL: return as_arena_printf(arena, "label %s", bd->text);
  default: return "unbound";
  }
}

static void dump_block(as_arena *arena, as_strbuf *b, const as_target *t, const as_block *block,
                       const as_decoded *d) {
  as_block_header(b, block);
  as_strbuf_puts(b, "  template: ");
  quoted(b, block->template_text);
  as_strbuf_puts(b, "\n");
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    as_strbuf_printf(b, "  operand %u: %s \"%s\" (%s)", i, as_direction_name(op->dir),
                     op->constraint_text ? op->constraint_text : "",
                     as_constraint_describe(arena, &op->constraint));
    if (op->name) as_strbuf_printf(b, " [%s]", op->name);
    if (op->expr_text) as_strbuf_printf(b, " `%s`", op->expr_text);
    if (op->type_text) as_strbuf_printf(b, " : %s", op->type_text);
    if (op->width_bits) as_strbuf_printf(b, ", %u bits", op->width_bits);
    if (op->is_pointer) as_strbuf_puts(b, ", pointer");
    if (op->pointee_size) as_strbuf_printf(b, ", %u bytes behind", op->pointee_size);
    if (op->tied_to >= 0) as_strbuf_printf(b, ", tied to %d", op->tied_to);
    if (op->has_value) as_strbuf_printf(b, ", value %lld", op->value);
    if (op->facts.known) as_strbuf_printf(b, ", %s", as_facts_describe(arena, &op->facts));
    if (op->range.known) as_strbuf_printf(b, ", %s", as_int_facts_describe(arena, &op->range));
    if (op->range.truncated) as_strbuf_puts(b, ", truncated from a wider value");
    if (d && i < d->num_bindings) as_strbuf_printf(b, " -> %s", binding_text(arena, t, &d->bindings[i]));
    as_strbuf_puts(b, "\n");
  }
  if (block->num_clobbers) {
    as_strbuf_puts(b, "  clobbers:");
    for (unsigned i = 0; i < block->num_clobbers; i++) as_strbuf_printf(b, " %s", block->clobbers[i]);
    as_strbuf_puts(b, "\n");
  }
  if (block->num_labels) {
    as_strbuf_puts(b, "  goto labels:");
    for (unsigned i = 0; i < block->num_labels; i++) as_strbuf_printf(b, " %s", block->labels[i]);
    as_strbuf_puts(b, "\n");
  }
  if (!d) return;
  for (unsigned i = 0; i < d->num_insns; i++) {
    const as_insn *in = &d->insns[i];
    as_strbuf_printf(b, "  insn %u (line %u:%u): %-28s %s %s\n", i, in->line, in->column, in->text,
                     in->opcode, as_insn_describe(arena, t, in));
  }
  for (unsigned i = 0; i < d->num_labels; i++)
    as_strbuf_printf(b, "  label %s -> insn %u\n", d->labels[i].name, d->labels[i].insn);
  for (unsigned i = 0; i < d->num_errors; i++)
    as_strbuf_printf(b, "  error (line %u:%u): %s\n", d->errors[i].line, d->errors[i].column,
                     d->errors[i].message);
  for (unsigned i = 0; i < d->num_unmodeled; i++)
    as_strbuf_printf(b, "  unmodeled (line %u): %s\n", d->unmodeled_lines[i], d->unmodeled[i]);
}

static void explain_block(as_arena *arena, as_strbuf *b, const as_target *t, const as_block *block,
                          const as_decoded *d, const as_summary *s, const char *stories) {
  as_block_header(b, block);
  for (unsigned i = 0; i < block->num_operands && i < d->num_bindings; i++)
    as_strbuf_printf(b, "  %s: %s \"%s\" bound to %s\n", as_operand_label(arena, block, (int)i),
                     as_direction_name(block->operands[i].dir),
                     block->operands[i].constraint_text ? block->operands[i].constraint_text : "",
                     binding_text(arena, t, &d->bindings[i]));
  if (!s) return;
  for (unsigned k = 0; k < s->num_regs; k++) {
    const as_reg_effect *e = &s->regs[k];
    if (e->reg == d->flags_reg || e->reg == d->stack_pointer) continue;
    if (e->first_write >= 0 && !e->changed_at_exit)
      as_strbuf_printf(b, "  %s: written by `%s`, restored at exit\n", as_target_reg_name(t, e->reg),
                       d->insns[e->first_write].text);
  }
  if (s->uses_stack)
    as_strbuf_printf(b, "  stack: lowest offset %lld from the entry stack pointer, %s at exit\n",
                     (long long)s->sp_min,
                     s->sp_exit_known && s->sp_exit == 0 ? "balanced" : "not balanced");
  for (unsigned i = 0; i < s->num_accesses; i++) {
    const as_access *a = &s->accesses[i];
    bool caller_frame = a->stack && !a->implicit_stack && a->stack_offset_known && a->stack_offset >= 0;
    if (stories && (!a->stack || caller_frame)) continue; /* told by the story below */
    const as_insn *in = &d->insns[a->insn];
    const as_mem_access *m = &in->mem[a->mem_index];
    as_strbuf_printf(b, "  `%s` %s %u byte%s", in->text,
                     a->load && a->store ? "reads and writes" : a->store ? "writes" : "reads", m->size,
                     m->size == 1 ? "" : "s");
    if (m->repeated) as_strbuf_puts(b, " per iteration (rep: count in the counter register)");
    else if (a->in_loop) as_strbuf_puts(b, " per loop iteration");
    if (a->stack) {
      if (a->stack_offset_known) as_strbuf_printf(b, " on the stack at entry sp%+lld", (long long)a->stack_offset);
      else as_strbuf_puts(b, " on the stack");
      as_strbuf_puts(b, ": the block's own stack traffic\n");
    } else if (a->operand >= 0) {
      as_strbuf_printf(b, " at %s%+lld: declared by the operand\n", as_operand_label(arena, block, a->operand),
                       (long long)a->base.offset);
    } else if (a->pointer_operand >= 0) {
      as_strbuf_printf(b, " at the pointer in %s%+lld: %s\n", as_operand_label(arena, block, a->pointer_operand),
                       (long long)a->base.offset,
                       (block->flags & AS_BF_HAS_MEMORY_ATTR) ? "covered only by the call's memory attribute"
                       : (block->flags & AS_BF_MEMORY_CLOBBER) ? "covered by the \"memory\" clobber"
                                                               : "not declared");
    } else {
      as_strbuf_puts(b, " at an address not derived from an operand\n");
    }
  }
  if (stories) as_strbuf_puts(b, stories);
}

static int analyze_one(as_target_cache *targets, as_story_ctx *story, as_arena *arena,
                       const as_block *block, const as_analysis_options *options,
                       as_finding_list *findings, as_strbuf *dump, as_strbuf *explain, char *err,
                       size_t errlen);

/* Rules whose verdict can depend on where the compiler puts an operand.
 * Whether the template assembles, operand widths and the unmodeled notes
 * are told for the binder's own choice. */
static bool allocation_dependent(const as_finding *f) {
  return f->severity != AS_SEV_NOTE && strcmp(f->rule, "template-error") &&
         strcmp(f->rule, "operand-width") && strcmp(f->rule, "unmodeled");
}

/* Is f's rule, or anything at f's place, already told of the block (in
 * findings[first...])?  Fixing that finding changes the allocations. */
static bool told(const as_finding_list *findings, unsigned first, const as_finding *f) {
  for (unsigned i = first; i < findings->count; i++) {
    const as_finding *g = &findings->items[i];
    if (!strcmp(g->rule, f->rule) || (g->tpl_line == f->tpl_line && g->tpl_column == f->tpl_column))
      return true;
  }
  return false;
}

/* Every allocation: the binder gives each operand a register the template
 * does not name, but GCC and Clang may give it one the template names (if
 * nothing excludes it) or take the memory form of "g" and "rm".  Each such
 * placement is analyzed again; what it adds is reported once per place,
 * saying which allocation breaks the block.  The permission story does not
 * depend on registers and is not repeated. */
static void check_allocations(as_target *t, as_arena *arena, const as_block *block,
                              const as_decoded *d, const as_analysis_options *options,
                              as_finding_list *findings, unsigned first) {
  const as_placement *alts = d->alternatives;
  unsigned n = d->num_alternatives;
  for (unsigned a = 0; a < n; a++) {
    as_decoded ad;
    as_summary s;
    char why[512];
    if (as_decode_block_placed(t, arena, block, &alts[a], &ad, why, sizeof why) != 0 ||
        ad.num_errors || as_effects_compute(arena, t, block, &ad, &s, why, sizeof why) != 0)
      continue;
    as_finding_list more = {0};
    as_checks_run(arena, t, block, &ad, &s, options->checks, &more);
    int op = alts[a].operand;
    const char *where = "memory";
    if (!alts[a].memory && ad.bindings[op].text)
      where = ad.bindings[op].text[0] == '%' ? ad.bindings[op].text + 1 : ad.bindings[op].text;
    /* One finding per allocation: what breaks first (the others follow
     * from the same choice). */
    for (unsigned k = 0, added = 0; k < more.count && !added; k++) {
      const as_finding *m = &more.items[k];
      if (!allocation_dependent(m) || told(findings, first, m)) continue;
      added = 1;
      as_finding *f = as_finding_add(arena, findings, block, m->rule, m->severity, m->tpl_line,
                                     m->tpl_column, "when the compiler puts %s in %s, %s",
                                     as_operand_label(arena, block, op), where, m->message);
      f->notes = m->notes;
      f->num_notes = f->cap_notes = m->num_notes;
      f->fixits = m->fixits;
      f->num_fixits = f->cap_fixits = m->num_fixits;
      /* A fix-it made for one allocation is a suggestion, never applied. */
      for (unsigned x = 0; x < f->num_fixits; x++) f->fixits[x].certain = false;
    }
  }
}

/* A statement in a branch the compiler folds away (switch (sizeof x) in a
 * macro): its operand types only fit the live branch, so what depends on
 * them (does it assemble, operand widths) is told as a note. */
static void soften_dead_branch(as_arena *arena, const as_block *block, as_finding_list *findings,
                               unsigned first) {
  if (!(block->flags & AS_BF_DEAD_BRANCH)) return;
  for (unsigned i = first; i < findings->count; i++) {
    as_finding *f = &findings->items[i];
    if (strcmp(f->rule, "template-error") && strcmp(f->rule, "operand-width")) continue;
    f->severity = AS_SEV_NOTE;
    f->message = as_arena_printf(arena, "%s (in a branch the compiler does not emit here)", f->message);
  }
}

int as_analyze_block(as_target_cache *targets, as_story_ctx *story, as_arena *arena,
                     const as_block *block,
                     const as_analysis_options *options, as_finding_list *findings,
                     as_strbuf *dump, as_strbuf *explain, char *err, size_t errlen) {
  unsigned first = findings->count;
  int rc = analyze_one(targets, story, arena, block, options, findings, dump, explain, err, errlen);
  soften_dead_branch(arena, block, findings, first);
  return rc;
}

static int analyze_one(as_target_cache *targets, as_story_ctx *story, as_arena *arena,
                       const as_block *block, const as_analysis_options *options,
                       as_finding_list *findings, as_strbuf *dump, as_strbuf *explain, char *err,
                       size_t errlen) {
  as_target *t = as_target_get_with(targets, block->triple, block->target_features, err, errlen); /* NULL: the default */
  if (!t) return -1;
  const char *triple = as_target_triple(t);
  /* In a C++ template, a register operand of a type that depends on a
   * template parameter has no width yet: the binder substitutes the widest
   * register, so a template that does not assemble that way says nothing
   * about the program (boost/atomic's `lock; xaddb %0, %1` on a T). */
  int dependent = -1;
  for (unsigned i = 0; i < block->num_operands && dependent < 0; i++)
    if (block->operands[i].type_dependent &&
        (block->operands[i].constraint.kinds & (AS_CK_REG | AS_CK_FIXED | AS_CK_ANY)))
      dependent = (int)i;
  if (block->unreadable) {
    /* A statement the front end could not read (a constraint the parser
     * does not know): not verified, and nothing else is checked in it. */
    if (as_check_enabled(options->checks, "unmodeled"))
      as_finding_add(arena, findings, block, "unmodeled", AS_SEV_NOTE, 0, 0,
                     "the block is not verified: %s", block->unreadable);
    if (options->dump && dump) {
      as_block_header(dump, block);
      as_strbuf_printf(dump, "  not read: %s\n", block->unreadable);
    }
    if (options->explain && explain) {
      as_block_header(explain, block);
      as_strbuf_printf(explain, "  not read: %s\n", block->unreadable);
    }
    return 0;
  }
  as_decoded d;
  char why[512];
  if (as_decode_block(t, arena, block, &d, why, sizeof why) != 0) {
    /* A malformed block (operand reference out of range...) is a template
     * error of the block, not a failure of the tool. */
    if (as_check_enabled(options->checks, "template-error"))
      as_finding_add(arena, findings, block, "template-error", AS_SEV_ERROR, 0, 0, "%s", why);
    if (options->dump && dump) {
      dump_block(arena, dump, t, block, NULL);
      as_strbuf_printf(dump, "  error: %s\n", why);
    }
    return 0;
  }
  if (options->dump && dump) dump_block(arena, dump, t, block, &d);
  if (d.unsupported) {
    if (as_check_enabled(options->checks, "unmodeled"))
      as_finding_add(arena, findings, block, "unmodeled", AS_SEV_NOTE, d.unsupported_line,
                     d.unsupported_column,
                     "the template uses %s, which clang does not support; the block is not verified",
                     d.unsupported);
    return 0;
  }
  if (d.num_errors && dependent >= 0) {
    if (as_check_enabled(options->checks, "unmodeled"))
      as_finding_add(arena, findings, block, "unmodeled", AS_SEV_NOTE, 0, 0,
                     "the block is not verified: operand %s has a type that depends on a template "
                     "parameter (%s), so its register width is known only in an instantiation",
                     as_operand_label(arena, block, dependent),
                     block->operands[dependent].type_text ? block->operands[dependent].type_text : "dependent");
    return 0;
  }
  if (d.num_errors) {
    if (as_check_enabled(options->checks, "template-error")) {
      as_finding *f = as_finding_add(arena, findings, block, "template-error", AS_SEV_ERROR,
                                     d.errors[0].line, d.errors[0].column,
                                     "the template does not assemble for %s after operand "
                                     "substitution: %s",
                                     triple, d.errors[0].message);
      for (unsigned i = 1; i < d.num_errors; i++)
        as_finding_note(arena, f, d.errors[i].line, d.errors[i].column, "also: %s", d.errors[i].message);
      if (d.bound_text) {
        char *flat = as_arena_strdup(arena, d.bound_text);
        for (char *p = flat; *p; p++)
          if (*p == '\n') *p = ';';
        as_finding_note(arena, f, 0, 0, "the template after substitution was: %s", flat);
      }
    }
    return 0;
  }
  as_summary s;
  if (as_effects_compute(arena, t, block, &d, &s, why, sizeof why) != 0) {
    if (as_check_enabled(options->checks, "unmodeled"))
      as_finding_add(arena, findings, block, "unmodeled", AS_SEV_NOTE, 0, 0,
                     "the block is not verified: %s", why);
    return 0;
  }
  unsigned first = findings->count;
  as_checks_run(arena, t, block, &d, &s, options->checks, findings);
  check_allocations(t, arena, block, &d, options, findings, first);
  as_strbuf stories;
  as_strbuf_init(&stories, arena);
  as_story_check(story, arena, t, block, &d, &s, options->checks, findings,
                 options->explain ? &stories : NULL);
  if (options->explain && explain)
    explain_block(arena, explain, t, block, &d, &s, story ? (stories.data ? stories.data : "") : NULL);
  return 0;
}

void as_analyze_story_only(as_story_ctx *story, as_arena *arena, as_target *target,
                           const as_block *block, const char *checks, as_finding_list *findings) {
  as_decoded d;
  char why[512];
  /* A block that is not read, does not decode or walk has its finding from
   * the first stage. */
  if (block->unreadable || as_decode_block(target, arena, block, &d, why, sizeof why) != 0 || d.num_errors ||
      d.unsupported)
    return;
  as_summary s;
  if (as_effects_compute(arena, target, block, &d, &s, why, sizeof why) != 0) return;
  as_story_check(story, arena, target, block, &d, &s, checks, findings, NULL);
}

int as_print_block_effects(as_target_cache *targets, as_arena *arena, const as_block *block,
                           as_strbuf *out, char *err, size_t errlen) {
  as_target *t = as_target_get_with(targets, block->triple, block->target_features, err, errlen);
  if (!t) return -1;
  as_block_header(out, block);
  if (block->unreadable) {
    as_strbuf_printf(out, "  not read: %s\n", block->unreadable);
    return 0;
  }
  as_decoded d;
  char why[512];
  if (as_decode_block(t, arena, block, &d, why, sizeof why) != 0) {
    as_strbuf_printf(out, "  not decoded: %s\n", why);
    return 0;
  }
  if (d.unsupported) {
    as_strbuf_printf(out, "  not verified: the template uses %s, which clang does not support\n",
                     d.unsupported);
    return 0;
  }
  if (d.num_errors) {
    for (unsigned i = 0; i < d.num_errors; i++)
      as_strbuf_printf(out, "  template error (line %u:%u): %s\n", d.errors[i].line, d.errors[i].column,
                       d.errors[i].message);
    return 0;
  }
  as_summary s;
  if (as_effects_compute(arena, t, block, &d, &s, why, sizeof why) != 0) {
    as_strbuf_printf(out, "  not walked: %s\n", why);
    return 0;
  }
  as_effects_text(out, arena, t, block, &d, &s);
  return 0;
}
