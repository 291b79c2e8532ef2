/* The interface rules: registers, flags, operand widths, stack, control
 * flow, declared memory and purity, read off the block summary.
 *
 * Each case says what the compiler is allowed to do because of the bug. One
 * finding per block and rule; its notes name every register, operand or
 * access involved. */
#include "asmstory/analyze.h"

#include <stdio.h>
#include <string.h>

typedef struct ctx {
  as_arena *arena;
  const as_target *t;
  const as_block *b;
  const as_decoded *d;
  const as_summary *s;
  const char *checks;
  as_finding_list *out;
} ctx;

static bool is_c(const as_block *b) { return b->lang == AS_LANG_C || b->lang == AS_LANG_CXX; }
static bool is_rust(const as_block *b) { return b->lang == AS_LANG_RUST; }

static const as_insn *insn_at(const ctx *c, int i) {
  return i >= 0 && (unsigned)i < c->d->num_insns ? &c->d->insns[i] : NULL;
}

static as_finding *report(ctx *c, const char *rule, int insn, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
static as_finding *report(ctx *c, const char *rule, int insn, const char *format, ...) {
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

static void note_insn(ctx *c, as_finding *f, int insn, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
static void note_insn(ctx *c, as_finding *f, int insn, const char *format, ...) {
  if (!f) return;
  const as_insn *in = insn_at(c, insn);
  va_list args;
  va_start(args, format);
  char *msg = as_arena_vprintf(c->arena, format, args);
  va_end(args);
  as_finding_note(c->arena, f, in ? in->line : 0, in ? in->column : 0, "%s", msg);
}

static const char *insn_text(const ctx *c, int i) {
  const as_insn *in = insn_at(c, i);
  return in ? as_arena_printf(c->arena, "`%s`", as_insn_display(c->arena, c->b, in)) : "the block";
}

/* A register as the block names it (the architecture decides from the
 * widest sub-register of it the instructions use: "xmm3" in SSE code, where
 * MC reports the zmm family), which is also the clobber a reader expects. */
static const char *named_reg(const ctx *c, unsigned reg) {
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

/* "a" or "an" before a phrase ("an alignment directive"). */
static const char *article(const char *phrase) {
  return phrase && strchr("aeiou", phrase[0]) && phrase[0] ? "an" : "a";
}

/* Is the full register named by a clobber of the block? */
static bool clobbered(const ctx *c, unsigned reg) {
  for (unsigned i = 0; i < c->b->num_clobbers; i++)
    if (reg && as_target_clobber_reg(c->t, c->b->clobbers[i]) == reg) return true;
  return false;
}

static int operand_of_reg(const ctx *c, unsigned reg, bool *is_mem) {
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

/* ---- registers ---------------------------------------------------------- */

static void check_registers(ctx *c) {
  const as_summary *s = c->s;
  as_finding *missing = NULL, *overwritten = NULL;
  as_strbuf missing_list, clobber_text;
  as_strbuf_init(&missing_list, c->arena);
  as_strbuf_init(&clobber_text, c->arena);
  for (unsigned k = 0; k < s->num_regs; k++) {
    const as_reg_effect *e = &s->regs[k];
    if (!e->changed_at_exit || e->reg == c->d->stack_pointer || e->reg == c->d->flags_reg) continue;
    if (as_target_reg_is_system(c->t, e->reg) || !as_target_reg_allocatable(c->t, c->b, e->reg)) continue;
    bool is_mem = false;
    int op = operand_of_reg(c, e->reg, &is_mem);
    if (op >= 0 && !is_mem) {
      const as_operand *o = &c->b->operands[op];
      if (o->dir != AS_DIR_IN) continue;
      /* Case: an input-only operand is modified.  The compiler assumes the
       * register still holds the input afterwards and may reuse it. */
      if (!overwritten)
        overwritten = report(c, "input-overwritten", e->changed_by,
                             "%s writes %s, which holds input-only operand %s; the compiler assumes "
                             "the input is unchanged after the asm and may reuse the register's value",
                             insn_text(c, e->changed_by), named_reg(c, e->reg),
                             as_operand_label(c->arena, c->b, op));
      else
        note_insn(c, overwritten, e->changed_by, "%s also writes input-only operand %s",
                  insn_text(c, e->changed_by), as_operand_label(c->arena, c->b, op));
      if (overwritten) {
        if (is_rust(c->b)) {
          if (!o->name && (o->constraint.kinds & AS_CK_FIXED))
            as_finding_fixit(c->arena, overwritten, "declare it as `inout(\"%s\") <value> => _`",
                             o->constraint.fixed_reg);
          else
            as_finding_fixit(c->arena, overwritten, "declare %s as `inout(reg) <value> => _`",
                             as_operand_label(c->arena, c->b, op));
        } else if (is_c(c->b)) {
          as_fixit *x = as_finding_fixit(c->arena, overwritten,
                                         "make %s an in/out operand (\"+%s\") or copy it to a scratch "
                                         "output first",
                                         as_operand_label(c->arena, c->b, op), o->constraint.letters);
          x->operand = op;
          x->constraint = as_arena_printf(c->arena, "+%s", o->constraint.letters);
        }
      }
      continue;
    }
    if (clobbered(c, e->reg)) continue;
    /* Case: a register that is neither operand nor clobber is left changed.
     * The compiler may keep a live value in it across the asm. */
    if (!missing)
      missing = report(c, "clobber-missing", e->changed_by, "%s", "");
    if (missing) {
      const char *name = named_reg(c, e->reg);
      note_insn(c, missing, e->changed_by, "%s writes %s and the block does not restore it",
                insn_text(c, e->changed_by), name);
      as_strbuf_printf(&missing_list, "%s%s", missing_list.length ? ", " : "", name);
      as_strbuf_printf(&clobber_text, "%s\"%s\"", clobber_text.length ? ", " : "", name);
    }
  }
  if (missing) {
    missing->message = as_arena_printf(
        c->arena,
        "the block changes %s but declares %s neither as an output nor as a clobber; the compiler "
        "may keep a live value there across the asm",
        missing_list.data, strchr(missing_list.data, ',') ? "them" : "it");
    if (is_c(c->b)) {
      as_fixit *x = as_finding_fixit(c->arena, missing, "add %s to the clobbers", clobber_text.data);
      x->clobber = clobber_text.data;
      x->certain = true;
    } else if (is_rust(c->b)) {
      as_finding_fixit(c->arena, missing, "declare each as `out(\"<reg>\") _` (or use clobber_abi(\"C\"))");
    } else {
      as_finding_fixit(c->arena, missing, "add ~{<reg>} for each to the constraint string");
    }
  }
}

/* Every allocation: the compiler may give an input a register the
 * template names, if nothing excludes it (saving and restoring a register
 * does not); an input read after the block wrote that register is then
 * lost. */
static void check_lost_inputs(ctx *c) {
  as_finding *f = NULL;
  for (unsigned i = 0; i < c->s->num_lost; i++) {
    const as_lost_input *l = &c->s->lost[i];
    /* A register the block leaves changed is a clobber-missing of its own,
     * and declaring it excludes this allocation too. */
    int k = as_summary_reg(c->s, l->reg);
    if (k >= 0 && c->s->regs[k].changed_at_exit) continue;
    const char *in = as_operand_label(c->arena, c->b, l->operand);
    const char *reg = named_reg(c, l->reg);
    int w = l->write_insn;
    if (f) {
      note_insn(c, f, l->read_insn, "and when it puts input %s in %s, %s reads it after the block wrote %s",
                in, reg, insn_text(c, l->read_insn), reg);
      continue;
    }
    f = report(c, "clobber-missing", w >= 0 ? w : l->read_insn,
               "when the compiler puts input %s in %s, %s overwrites it before %s reads it; %s is "
               "not clobbered, so the compiler may choose it for an operand (saving and restoring "
               "it in the block does not prevent that)",
               in, reg, w >= 0 ? insn_text(c, w) : "the block", insn_text(c, l->read_insn), reg);
    if (!f) return;
    if (is_c(c->b)) {
      as_fixit *x = as_finding_fixit(c->arena, f, "add \"%s\" to the clobbers (or give %s a fixed register)",
                                     reg, in);
      x->clobber = as_arena_printf(c->arena, "\"%s\"", reg);
    } else if (is_rust(c->b)) {
      as_finding_fixit(c->arena, f, "declare `out(\"%s\") _`, or give %s an explicit register", reg, in);
    } else {
      as_finding_fixit(c->arena, f, "add ~{%s} to the constraint string", reg);
    }
  }
}

static void check_early_clobber(ctx *c) {
  const as_summary *s = c->s;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_early; i++) {
    const as_early_clobber *e = &s->early[i];
    const char *out = as_operand_label(c->arena, c->b, e->output);
    const char *in = as_operand_label(c->arena, c->b, e->input);
    if (!f) {
      int at = e->write_insn >= 0 ? e->write_insn : e->read_insn;
      if (e->address)
        f = report(c, "early-clobber-missing", at,
                   "output %s is written before the address of %s is used, but is not "
                   "early-clobber; the compiler may keep that address in the output's register, "
                   "and %s is then accessed at the wrong place",
                   out, in, in);
      else
        f = report(c, "early-clobber-missing", at,
                   "output %s is written before input %s is read, but is not early-clobber; the "
                   "compiler may give both the same register and the input is lost",
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
    if (e->write_insn >= 0) note_insn(c, f, e->write_insn, "%s writes output %s", insn_text(c, e->write_insn), out);
    if (e->address)
      note_insn(c, f, e->read_insn, "%s then accesses %s through its address", insn_text(c, e->read_insn), in);
    else
      note_insn(c, f, e->read_insn, "%s then reads input %s", insn_text(c, e->read_insn), in);
  }
}

static unsigned long long value_id_of(const as_block *b, int i);

/* A memory output whose pointer value is also a register operand the block
 * stores through (GCC manual: "=m"(*(char (*)[n])p) next to "+D"(p)). */
static bool memory_output_stored_through_pointer(const ctx *c, int m) {
  const as_operand *o = &c->b->operands[m];
  bool mem = o->indirect || ((o->constraint.kinds & AS_CK_MEM) && !(o->constraint.kinds & AS_CK_REG));
  unsigned long long id = mem ? value_id_of(c->b, m) : 0;
  if (!id) return false;
  for (unsigned i = 0; i < c->s->num_accesses; i++) {
    const as_access *a = &c->s->accesses[i];
    int p = a->pointer_operand >= 0 ? a->pointer_operand : a->derived_operand;
    if (a->store && p >= 0 && p != m && value_id_of(c->b, p) == id) return true;
  }
  return false;
}

static void check_outputs(ctx *c) {
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
    }
    if (i >= c->d->num_bindings || c->d->bindings[i].kind == AS_BIND_NONE) continue;
    if ((c->s->outputs_written_all >> i) & 1) continue;
    if (memory_output_stored_through_pointer(c, (int)i)) continue;
    const char *label = as_operand_label(c->arena, b, (int)i);
    if (!f)
      f = report(c, "output-not-written", -1,
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

static void check_undefined(ctx *c) {
  const as_summary *s = c->s;
  /* Raw bytes (.byte-encoded instructions: DPDK's xtest) may define what is
   * read after them; the block is already reported unmodeled. */
  if (c->d->num_unmodeled) return;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_undefined; i++) {
    const as_undefined_use *u = &s->undefined[i];
    if (u->kind == AS_USE_OUTPUT && u->operand >= 0 && c->b->operands[u->operand].discarded) continue;
    bool is_mem = false;
    int op = operand_of_reg(c, u->reg, &is_mem);
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
                             as_operand_label(c->arena, c->b, op), named_reg(c, u->reg));
    else
      what = as_arena_printf(c->arena, "%s, which is not an input of the block", named_reg(c, u->reg));
    const char *into = u->kind == AS_USE_OUTPUT
                           ? as_arena_printf(c->arena, "output %s", as_operand_label(c->arena, c->b, u->operand))
                           : use_text(u->kind);
    if (!f) {
      f = report(c, "undefined-read", u->insn, "the block uses the value of %s; it reaches %s, so the "
                 "result depends on whatever the compiler left there", what, into);
      if (!f) return;
      if (is_c(c->b) && op >= 0 && !is_mem && c->b->operands[op].dir == AS_DIR_OUT) {
        as_fixit *x = as_finding_fixit(c->arena, f, "make %s an in/out operand (\"+%s\") if it must "
                                       "start with the C value", as_operand_label(c->arena, c->b, op),
                                       c->b->operands[op].constraint.letters);
        x->operand = op;
      }
    } else {
      note_insn(c, f, u->insn, "the value of %s also reaches %s", what, into);
    }
  }
}

static void check_flags(ctx *c) {
  const as_summary *s = c->s;
  const as_block *b = c->b;
  if (!s->flags_changed_at_exit) return;
  /* GNU C on some architectures (x86): the compiler always assumes the
   * flags are clobbered. */
  if (is_c(b) && as_target_gnu_asm_clobbers_flags(c->t)) return;
  if (b->flags & AS_BF_CC_CLOBBER) return;
  int at = s->flags_changed_by >= 0 ? s->flags_changed_by : s->flags_first_write;
  as_finding *f;
  if (is_rust(b))
    f = report(c, "flags-clobber-missing", at,
               "%s changes the status flags but the block declares options(preserves_flags); the "
               "compiler may keep a comparison result in the flags across the asm",
               insn_text(c, at));
  else
    f = report(c, "flags-clobber-missing", at,
               "%s changes the status flags but the constraint string has no ~{%s}; the compiler "
               "may keep a comparison result in the flags across the asm",
               insn_text(c, at), as_target_flags_clobber(c->t));
  if (f)
    as_finding_fixit(c->arena, f,
                     is_rust(b) ? "remove preserves_flags"
                                : as_arena_printf(c->arena, "add ~{%s}", as_target_flags_clobber(c->t)));
}

static void check_width(ctx *c) {
  const as_summary *s = c->s;
  const as_block *b = c->b;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_wide; i++) {
    const as_wide_read *w = &s->wide[i];
    const as_operand *o = &b->operands[w->operand];
    if (!f)
      f = report(c, "operand-width", w->insn,
                 "%s reads %u bits of operand %s, whose value has only %u bits (%s); the upper bits "
                 "are whatever the register held",
                 insn_text(c, w->insn), w->bits, as_operand_label(c->arena, b, w->operand),
                 w->defined_bits, o->type_text ? o->type_text : "its type");
    else
      note_insn(c, f, w->insn, "%s reads %u bits of operand %s", insn_text(c, w->insn), w->bits,
                as_operand_label(c->arena, b, w->operand));
  }
  for (unsigned k = 0; k < s->num_regs; k++) {
    const as_reg_effect *e = &s->regs[k];
    bool is_mem = false;
    int op = operand_of_reg(c, e->reg, &is_mem);
    if (op < 0 || is_mem || !e->changed_at_exit) continue;
    const as_operand *o = &b->operands[op];
    if (o->dir != AS_DIR_OUT || o->discarded || !o->width_bits || !as_target_class_narrows(c->t, &o->constraint) ||
        c->d->bindings[op].reg2)
      continue;
    if (e->min_exit_defined_bits >= o->width_bits || e->min_exit_defined_bits == 0) continue;
    if (!f)
      f = report(c, "operand-width", e->changed_by,
                 "output %s has %u bits but the block writes only its low %u bits; the compiler "
                 "reads the rest as part of the result",
                 as_operand_label(c->arena, b, op), o->width_bits, e->min_exit_defined_bits);
    else
      note_insn(c, f, e->changed_by, "output %s is written only in its low %u bits",
                as_operand_label(c->arena, b, op), e->min_exit_defined_bits);
  }
}

/* ---- stack and control flow --------------------------------------------- */

static void check_stack(ctx *c) {
  const as_summary *s = c->s;
  const as_block *b = c->b;
  if (!(b->flags & AS_BF_NORETURN) && (s->falls_through || (b->flags & AS_BF_GOTO)) &&
      (!s->sp_exit_known || s->sp_exit != 0)) {
    int at = s->sp_unbalanced_insn;
    if (s->sp_exit_known)
      report(c, "stack-unbalanced", at,
             "the stack pointer is %lld bytes %s at the end of the block than at its start; the "
             "compiler addresses locals and returns through it",
             (long long)(s->sp_exit < 0 ? -s->sp_exit : s->sp_exit), s->sp_exit < 0 ? "lower" : "higher");
    else
      report(c, "stack-unbalanced", at,
             "the stack pointer at the end of the block may differ from its value at the start; the "
             "compiler addresses locals and returns through it");
  }
  if (b->flags & AS_BF_NOSTACK) {
    if (s->uses_stack) {
      as_finding *f = report(c, "stack-undeclared", s->stack_first_insn,
                             "%s uses the stack but the block declares options(nostack); the "
                             "compiler may have live data below the stack pointer (red zone) or an "
                             "unaligned stack",
                             insn_text(c, s->stack_first_insn));
      if (f) as_finding_fixit(c->arena, f, "remove nostack");
    }
    return;
  }
  /* The bytes below the stack pointer at entry that may hold the function's
   * live data (the red zone of the ABI; none on many). */
  long long red_zone = as_target_red_zone(c->t, b);
  if (!red_zone || is_rust(b)) return;
  for (unsigned i = 0; i < s->num_accesses; i++) {
    const as_access *a = &s->accesses[i];
    if (!a->store || !a->stack || !a->stack_offset_known) continue;
    if (a->stack_offset < 0 && a->stack_offset >= -red_zone) {
      as_finding *f = report(c, "stack-undeclared", a->insn,
                             "%s writes %lld bytes below the stack pointer, into %s "
                             "where the compiler may keep live locals without adjusting the stack "
                             "pointer",
                             insn_text(c, a->insn), (long long)-a->stack_offset,
                             as_target_red_zone_name(c->t));
      if (f && c->d->insns[a->insn].mem[a->mem_index].size != (unsigned)-a->stack_offset)
        f->message = as_arena_printf(c->arena,
                                     "%s writes %u bytes at %lld bytes below the stack pointer, into "
                                     "%s where the compiler may keep live locals without "
                                     "adjusting the stack pointer",
                                     insn_text(c, a->insn), c->d->insns[a->insn].mem[a->mem_index].size,
                                     (long long)-a->stack_offset, as_target_red_zone_name(c->t));
      if (f) as_finding_note(c->arena, f, 0, 0, "%s", as_target_red_zone_advice(c->t));
      return;
    }
  }
}

static void check_direction_flag(ctx *c) {
  if (!c->s->df_may_be_set_at_exit) return;
  if (!c->s->falls_through && !(c->b->flags & AS_BF_GOTO)) return;
  const as_insn *at = insn_at(c, c->s->df_set_insn);
  const char *does = at && at->df_set == 2 ? "may set the direction flag (it loads the flags)"
                                           : "sets the direction flag";
  as_finding *f = report(c, "direction-flag", c->s->df_set_insn,
                         "%s %s and the block may end with it set; the ABI requires it clear, so "
                         "compiler-generated string operations (memcpy, memset) would run backwards",
                         insn_text(c, c->s->df_set_insn), does);
  if (f) as_finding_fixit(c->arena, f, as_target_control_flag_fix(c->t));
}

static void check_control(ctx *c) {
  const as_summary *s = c->s;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_escapes; i++) {
    if (!f)
      f = report(c, "control-escape", s->escapes[i].insn,
                 "%s %s; the compiler assumes control leaves an asm only by falling through%s",
                 insn_text(c, s->escapes[i].insn), s->escapes[i].why,
                 is_c(c->b) ? " or through its asm goto labels" : "");
    else
      note_insn(c, f, s->escapes[i].insn, "%s also %s", insn_text(c, s->escapes[i].insn),
                s->escapes[i].why);
  }
  if ((c->b->flags & AS_BF_NORETURN) && s->falls_through && s->syscall_nr_unknown >= 0) {
    /* exit or not is the caller's number (a wrapper's standalone copy) */
    as_finding *u = report(c, "unmodeled", s->syscall_nr_unknown,
                           "the block is declared noreturn and %s is a system call whose number "
                           "comes from outside the block; that it never returns is not verified",
                           insn_text(c, s->syscall_nr_unknown));
    if (u) u->severity = AS_SEV_NOTE;
  } else if ((c->b->flags & AS_BF_NORETURN) && s->falls_through)
    report(c, "control-escape", c->d->num_insns ? (int)c->d->num_insns - 1 : -1,
           "the block is declared noreturn but control can reach its end; the compiler placed "
           "nothing after it");
}

/* ---- declared memory ---------------------------------------------------- */

static unsigned long long value_id_of(const as_block *b, int i) {
  if (i < 0 || (unsigned)i >= b->num_operands) return 0;
  if (b->operands[i].value_id) return b->operands[i].value_id;
  for (unsigned q = 0; q < b->num_operands; q++)
    if (b->operands[q].tied_to == i && b->operands[q].value_id) return b->operands[q].value_id;
  if (b->ir_twin) return value_id_of(b->ir_twin, i);
  return 0;
}

/* An access through the pointer in operand p is declared by a memory
 * operand holding the same pointer value (GCC manual: "=m"(*(char (*)[n])p)
 * next to "+D"(p)), of the right direction. */
static bool declared_by_memory_operand(const ctx *c, int p, bool store) {
  unsigned long long id = value_id_of(c->b, p);
  if (!id) return false;
  for (unsigned m = 0; m < c->b->num_operands; m++) {
    const as_operand *o = &c->b->operands[m];
    bool mem = o->indirect || ((o->constraint.kinds & AS_CK_MEM) && !(o->constraint.kinds & AS_CK_REG));
    if (!mem || (int)m == p) continue;
    if (store ? o->dir == AS_DIR_IN : o->dir == AS_DIR_OUT) continue;
    if (value_id_of(c->b, (int)m) == id) return true;
  }
  return false;
}

static void check_memory(ctx *c) {
  const as_block *b = c->b;
  const as_summary *s = c->s;
  bool reads_ok, writes_ok;
  const char *why_reads, *why_writes;
  if (b->flags & AS_BF_HAS_MEMORY_ATTR) {
    reads_ok = !(b->flags & AS_BF_NOMEM);
    writes_ok = !(b->flags & (AS_BF_NOMEM | AS_BF_READONLY));
  } else {
    reads_ok = writes_ok = (b->flags & AS_BF_MEMORY_CLOBBER) != 0;
    if (is_rust(b) && (b->flags & AS_BF_NOMEM)) reads_ok = writes_ok = false;
    if (is_rust(b) && (b->flags & AS_BF_READONLY)) writes_ok = false;
  }
  if (is_rust(b)) {
    why_reads = "the block declares options(nomem)";
    why_writes = b->flags & AS_BF_NOMEM ? "the block declares options(nomem)"
                                         : "the block declares options(readonly)";
  } else if (is_c(b)) {
    why_reads = "it has no input memory operand for it and no \"memory\" clobber";
    why_writes = "it has no output memory operand for it and no \"memory\" clobber";
  } else {
    why_reads = b->flags & AS_BF_HAS_MEMORY_ATTR ? "the call is memory(none)"
                                                 : "the constraint string has no *m input for it and no ~{memory}";
    why_writes = b->flags & AS_BF_HAS_MEMORY_ATTR ? "the call does not allow writes (memory(none) or memory(read))"
                                                  : "the constraint string has no *m output for it and no ~{memory}";
  }
  as_finding *rf = NULL, *wf = NULL;
  for (unsigned i = 0; i < s->num_accesses; i++) {
    const as_access *a = &s->accesses[i];
    /* The block's own stack traffic is the stack rules' business; an
     * explicit access above the entry stack pointer reads the caller's frame. */
    if (a->stack && (a->implicit_stack || !(a->stack_offset_known && a->stack_offset >= 0))) continue;
    const as_insn *in = insn_at(c, a->insn);
    const as_mem_access *m = in ? &in->mem[a->mem_index] : NULL;
    const char *through = a->operand >= 0          ? as_arena_printf(c->arena, "memory operand %s", as_operand_label(c->arena, b, a->operand))
                          : a->pointer_operand >= 0 ? as_arena_printf(c->arena, "the pointer in %s", as_operand_label(c->arena, b, a->pointer_operand))
                          : a->stack                ? "the caller's stack frame"
                          : m && m->rip_relative    ? "a global symbol"
                          : a->has_base             ? "an address computed in the block"
                                                    : "an absolute address";
    if (a->load) {
      /* Reads through %fs/%gs are thread- or CPU-local control blocks the
       * compiler holds no pointer to (glibc THREAD_SELF); not reported. */
      bool segment_local = m && m->segment && !a->has_base && !a->has_index;
      bool covered = reads_ok || segment_local ||
                     (a->operand >= 0 && !(is_rust(b) && (b->flags & AS_BF_NOMEM))) ||
                     (a->pointer_operand >= 0 && declared_by_memory_operand(c, a->pointer_operand, false));
      if (!covered) {
        if (!rf) {
          rf = report(c, "memory-read-undeclared", a->insn,
                      "%s reads memory through %s, but %s; the compiler may keep that memory's "
                      "value in a register, or sink a store to it past the asm",
                      insn_text(c, a->insn), through, why_reads);
          if (rf && is_c(b)) {
            as_fixit *x = as_finding_fixit(c->arena, rf, "add \"memory\" to the clobbers (or pass the "
                                           "memory as an \"m\" input)");
            x->clobber = "\"memory\"";
            x->certain = true;
          } else if (rf && is_rust(b)) {
            as_finding_fixit(c->arena, rf, "remove nomem");
          }
        } else {
          note_insn(c, rf, a->insn, "%s also reads through %s", insn_text(c, a->insn), through);
        }
      }
    }
    if (a->store) {
      bool covered = writes_ok ||
                     (a->pointer_operand >= 0 && declared_by_memory_operand(c, a->pointer_operand, true));
      const char *why = why_writes;
      if (a->operand >= 0) {
        const as_operand *o = &b->operands[a->operand];
        covered = covered || o->dir != AS_DIR_IN;
        if (!covered && is_c(b))
          why = as_arena_printf(c->arena, "%s is an input-only operand (\"%s\") and there is no "
                                "\"memory\" clobber", as_operand_label(c->arena, b, a->operand),
                                o->constraint_text ? o->constraint_text : "m");
      }
      if (!covered) {
        if (!wf) {
          wf = report(c, "memory-write-undeclared", a->insn,
                      "%s writes memory through %s, but %s; the compiler may assume that memory "
                      "is unchanged and use a stale copy, or delete the asm",
                      insn_text(c, a->insn), through, why);
          if (wf && is_c(b)) {
            if (a->operand >= 0) {
              as_fixit *x = as_finding_fixit(c->arena, wf, "make %s an in/out memory operand (\"+m\")",
                                             as_operand_label(c->arena, b, a->operand));
              x->operand = a->operand;
              x->constraint = "+m";
              as_fixit *y = as_finding_fixit(c->arena, wf, "or add \"memory\" to the clobbers");
              y->clobber = "\"memory\"";
              y->certain = true;
            } else {
              as_fixit *x = as_finding_fixit(c->arena, wf, "add \"memory\" to the clobbers");
              x->clobber = "\"memory\"";
              x->certain = true;
            }
          } else if (wf && is_rust(b)) {
            as_finding_fixit(c->arena, wf, b->flags & AS_BF_NOMEM ? "remove nomem" : "remove readonly");
          }
        } else {
          note_insn(c, wf, a->insn, "%s also writes through %s", insn_text(c, a->insn), through);
        }
      }
    }
  }
}

/* ---- purity ------------------------------------------------------------- */

static void check_purity(ctx *c) {
  const as_block *b = c->b;
  if (!(b->flags & AS_BF_PURE) || (b->flags & AS_BF_VOLATILE)) return;
  static const struct {
    unsigned bit;
    const char *what;
  } classes[] = {{AS_SE_NONDET, "returns a value that changes between executions"},
                 {AS_SE_IO, "performs port I/O"},
                 {AS_SE_SYSTEM, "is a system or privileged instruction"},
                 {AS_SE_FENCE, "is a memory fence"},
                 {AS_SE_CACHE, "changes the cache state"}};
  as_finding *f = NULL;
  for (unsigned k = 0; k < sizeof classes / sizeof classes[0]; k++) {
    if (!(c->s->side_effects & classes[k].bit)) continue;
    unsigned bitno = 0;
    while (!((classes[k].bit >> bitno) & 1)) bitno++;
    int at = c->s->side_effect_insn[bitno];
    if (!f) {
      f = report(c, "pure-side-effect", at,
                 "%s %s, but the block is %s; the compiler may merge two executions of it, hoist it "
                 "out of a loop, or delete it when its outputs are unused",
                 insn_text(c, at), classes[k].what,
                 is_rust(b) ? "declared options(pure)"
                 : is_c(b)  ? "not volatile (an asm with outputs and no volatile is treated as a pure function)"
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
      note_insn(c, f, at, "%s also %s", insn_text(c, at), classes[k].what);
    }
  }
}

/* ---- unmodeled ---------------------------------------------------------- */

static void check_unmodeled(ctx *c) {
  as_finding *f = NULL;
  for (unsigned i = 0; i < c->d->num_insns; i++) {
    const as_insn *in = &c->d->insns[i];
    if (!in->unmodeled) continue;
    if (!f) {
      f = report(c, "unmodeled", (int)i,
                 "the block is not verified: %s cannot be modeled (%s)", insn_text(c, (int)i),
                 in->unmodeled);
      if (!f) return;
    } else {
      note_insn(c, f, (int)i, "%s cannot be modeled either (%s)", insn_text(c, (int)i), in->unmodeled);
    }
  }
  for (unsigned i = 0; i < c->d->num_unmodeled; i++) {
    if (!f) {
      f = report(c, "unmodeled", -1, "the block is not verified: it contains %s %s",
                 article(c->d->unmodeled[i]), c->d->unmodeled[i]);
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
                        article(c->d->unmodeled[i]), c->d->unmodeled[i]);
    }
  }
  if (!c->s->converged) {
    if (!f) f = report(c, "unmodeled", -1, "the block is not verified: its control flow did not "
                       "reach a fixpoint within the walk's budget");
    else as_finding_note(c->arena, f, 0, 0, "its control flow did not reach a fixpoint");
  }
}

void as_checks_run(as_arena *arena, const as_target *target, const as_block *block,
                   const as_decoded *decoded, const as_summary *summary, const char *checks,
                   as_finding_list *findings) {
  ctx c = {arena, target, block, decoded, summary, checks, findings};
  /* A noreturn block never gives control back: what it leaves in registers,
   * flags and the stack pointer cannot matter (falling off its end is
   * control-escape). */
  bool returns = !(block->flags & AS_BF_NORETURN);
  if (returns) {
    check_registers(&c);
    check_early_clobber(&c);
    check_outputs(&c);
  }
  check_lost_inputs(&c);
  check_undefined(&c);
  if (returns) {
    check_flags(&c);
    check_width(&c);
  }
  check_stack(&c);
  if (returns) check_direction_flag(&c);
  check_control(&c);
  check_memory(&c);
  check_purity(&c);
  check_unmodeled(&c);
}
