/* The register stack (x87) against what the block declares:
 * stack-unbalanced, clobber-missing, input-overwritten and
 * output-not-written for the stack's registers.
 *
 * The compiler's rules (GCC, "x86 Floating-Point asm Operands"; LLVM,
 * X86FloatingPoint.cpp): the inputs in stack registers are at the top at
 * entry, st(0) first; an input that is clobbered or tied to an output is
 * popped by the block (GCC: an input the block pops must be clobbered or
 * tied); the outputs are pushed, st(0) first; below them the compiler finds
 * the inputs it did not pop and every value it kept on the stack, in their
 * order.  So the block moves the stack by (outputs - popped inputs) and
 * leaves each register below where that puts it.  With every stack register
 * declared (Rust: out("st(0)") _ ... out("st(7)") _), the compiler keeps
 * nothing else there: the stack holds only the inputs at entry. */
#include "checks_internal.h"

typedef struct layout {
  unsigned n;            /* registers of the stack (0: the target has none) */
  unsigned regs[8];      /* from the top */
  unsigned uses, outs, clob, popped; /* bit k: position k */
  int in_op[8];          /* the input operand at entry position k, or -1 */
  int out_op[8];         /* the output operand at exit position k, or -1 */
  int m, p, n_in;        /* outputs, popped inputs, inputs */
  bool all_declared;     /* every stack register an operand or a clobber */
  const char *name;      /* "the x87 register stack" */
} layout;

static int position_of(const layout *l, unsigned reg) {
  for (unsigned k = 0; k < l->n; k++)
    if (l->regs[k] == reg) return (int)k;
  return -1;
}

static int popcount8(unsigned bits) {
  int n = 0;
  for (unsigned k = 0; k < 8; k++) n += (bits >> k) & 1;
  return n;
}

static void layout_of(const check_ctx *c, layout *l) {
  memset(l, 0, sizeof *l);
  for (unsigned k = 0; k < 8; k++) l->in_op[k] = l->out_op[k] = -1;
  l->n = as_target_reg_stack(c->t, l->regs);
  l->name = as_target_reg_stack_name(c->t);
  const as_block *b = c->b;
  for (unsigned op = 0; op < b->num_operands && op < c->d->num_bindings; op++) {
    const as_binding *bd = &c->d->bindings[op];
    int k = bd->kind == AS_BIND_REG ? position_of(l, bd->reg) : -1;
    if (k < 0) continue;
    const as_operand *o = &b->operands[op];
    if (o->dir != AS_DIR_IN) {
      if (o->discarded && is_rust(b)) { /* out("st(0)") _: a clobber */
        l->clob |= 1u << k;
        continue;
      }
      l->outs |= 1u << k;
      if (l->out_op[k] < 0) l->out_op[k] = (int)op;
    }
    if (o->dir != AS_DIR_OUT) {
      l->uses |= 1u << k;
      if (l->in_op[k] < 0) l->in_op[k] = (int)op;
      if (o->dir == AS_DIR_INOUT || o->tied_to >= 0) l->popped |= 1u << k;
    }
  }
  for (unsigned i = 0; i < b->num_clobbers; i++) {
    int k = position_of(l, as_target_clobber_reg(c->t, b->clobbers[i]));
    if (k >= 0) l->clob |= 1u << k;
  }
  /* LLVM: the inputs that are also defined or clobbered are popped. */
  l->popped |= l->uses & (l->outs | l->clob);
  l->m = popcount8(l->outs);
  l->p = popcount8(l->popped);
  l->n_in = popcount8(l->uses);
  l->all_declared = l->n && (l->uses | l->outs | l->clob) == (1u << l->n) - 1;
}

/* "st(1)": position k in messages; "\"st(1)\"": as a GNU C clobber. */
static const char *pos_text(const check_ctx *c, const layout *l, int k) {
  return as_target_reg_spelling(c->t, l->regs[k], 0);
}
static const char *pos_name(const check_ctx *c, const layout *l, int k) {
  (void)l;
  return as_arena_printf(c->arena, "\"%s\"", as_target_reg_stack_clobber(c->t, (unsigned)k));
}

/* Rust: every register of the stack declared as a discarded output. */
static const char *rust_all_text(const check_ctx *c, const layout *l) {
  return as_arena_printf(c->arena, "declare every register of %s (out(\"%s\") _ ... out(\"%s\") _)", l->name,
                         pos_text(c, l, 0), pos_text(c, l, (int)l->n - 1));
}

/* GNU C and IR: every register of the stack clobbered. */
static const char *c_all_text(const check_ctx *c, const layout *l) {
  if (!is_c(c->b))
    return as_arena_printf(c->arena, "declare every register of %s clobbered (~{%s}, ~{%s}, ..., ~{%s})", l->name,
                           as_target_reg_stack_clobber(c->t, 0), as_target_reg_stack_clobber(c->t, 1),
                           as_target_reg_stack_clobber(c->t, l->n - 1));
  return as_arena_printf(c->arena, "declare every register of %s clobbered (%s, %s, ..., %s)", l->name,
                         pos_name(c, l, 0), pos_name(c, l, 1), pos_name(c, l, (int)l->n - 1));
}

static const char *plural(int n, const char *one, const char *many) { return n == 1 ? one : many; }

/* What the block declares, for messages: "1 output pushed, 1 input popped". */
static const char *declared_text(const check_ctx *c, const layout *l) {
  return as_arena_printf(c->arena, "%d output%s pushed, %d input%s popped", l->m, plural(l->m, "", "s"),
                         l->p, plural(l->p, "", "s"));
}

static void fix_unbalanced(check_ctx *c, const layout *l, as_finding *f, bool deeper) {
  if (!f) return;
  if (is_rust(c->b))
    as_finding_fixit(c->arena, f, "leave the stack as the block found it, or %s and leave it empty",
                     rust_all_text(c, l));
  else if (deeper)
    as_finding_fixit(c->arena, f, "%s", as_target_reg_stack_push_fix(c->t));
  else if (c->s->reg_stack_exit_mode == AS_REG_STACK_EXIT_KNOWN && c->s->reg_stack_exit < 0)
    as_finding_fixit(c->arena, f, "%s", as_target_reg_stack_pop_fix(c->t));
  else
    as_finding_fixit(c->arena, f, "push every output the block declares, top first, or declare only "
                                  "what it pushes");
}

/* The block leaves the stack d entries deeper (d < 0: shallower) than it
 * declares. */
static void report_depth(check_ctx *c, const layout *l, int d) {
  const as_summary *s = c->s;
  if (d < 0) {
    /* Popped inputs that are neither clobbered nor tied (GCC: "an input
     * register that is implicitly popped by the asm must be explicitly
     * clobbered"): the next -d positions below the popped ones. */
    bool inputs = l->p - d <= (int)l->n;
    for (int k = l->p; k < l->p - d && inputs; k++) inputs = l->in_op[k] >= 0 && !((l->popped >> k) & 1);
    if (inputs) {
      as_strbuf regs, clobbers;
      as_strbuf_init(&regs, c->arena);
      as_strbuf_init(&clobbers, c->arena);
      for (int k = l->p; k < l->p - d; k++) {
        as_strbuf_printf(&regs, "%s%s (input %s)", regs.length ? ", " : "", pos_text(c, l, k),
                         as_operand_label(c->arena, c->b, l->in_op[k]));
        as_strbuf_printf(&clobbers, "%s%s", clobbers.length ? ", " : "", pos_name(c, l, k));
      }
      as_finding *f = as_check_report(
          c, "clobber-missing", s->reg_stack_insn,
          "the block pops %s off %s, but declares %s neither clobbered nor tied to an output; the "
          "compiler expects %s still on the stack after the asm and takes the registers below for "
          "its own values",
          regs.data, l->name, -d == 1 ? "it" : "them", -d == 1 ? "it" : "them");
      if (f && is_c(c->b)) {
        as_fixit *x = as_finding_fixit(c->arena, f, "add %s to the clobbers", clobbers.data);
        x->clobber = clobbers.data;
        x->certain = true;
      } else if (f && is_rust(c->b)) {
        as_finding_fixit(c->arena, f, "%s", rust_all_text(c, l));
      } else if (f) {
        as_strbuf ir;
        as_strbuf_init(&ir, c->arena);
        for (int k = l->p; k < l->p - d; k++)
          as_strbuf_printf(&ir, "%s~{%s}", ir.length ? "," : "", as_target_reg_stack_clobber(c->t, (unsigned)k));
        as_finding_fixit(c->arena, f, "add %s to the constraint string", ir.data);
      }
      return;
    }
  }
  as_finding *f;
  if (is_rust(c->b))
    f = as_check_report(c, "stack-unbalanced", s->reg_stack_insn,
                        "the block leaves %s %d entr%s %s than it found it; Rust requires it unchanged "
                        "(empty, when the block declares every register of it)",
                        l->name, d < 0 ? -d : d, plural(d < 0 ? -d : d, "y", "ies"), d < 0 ? "shallower" : "deeper");
  else
    f = as_check_report(
        c, "stack-unbalanced", s->reg_stack_insn,
        "the block leaves %s %d entr%s %s than it declares (%s); the compiler finds its own values "
        "below the outputs at the wrong positions",
        l->name, d < 0 ? -d : d, plural(d < 0 ? -d : d, "y", "ies"), d < 0 ? "shallower" : "deeper",
        declared_text(c, l));
  fix_unbalanced(c, l, f, d > 0);
}

/* The depth at exit is not known: it depends on the path, or it was loaded
 * from memory. */
static void report_unknown(check_ctx *c, const layout *l) {
  const as_insn *in = insn_at(c, c->s->reg_stack_insn);
  if (in && in->reg_stack_op == AS_REG_STACK_RESTORE) {
    if (l->all_declared) {
      as_check_report(c, "unmodeled", c->s->reg_stack_insn,
                      "the block is not verified: after %s, %s is what that memory holds",
                      as_check_insn_text(c, c->s->reg_stack_insn), l->name);
      return;
    }
    as_finding *f = as_check_report(
        c, "stack-unbalanced", c->s->reg_stack_insn,
        "after %s, %s is what that memory holds, not what the compiler left there (%s); the "
        "compiler may keep values on it across the asm",
        as_check_insn_text(c, c->s->reg_stack_insn), l->name, declared_text(c, l));
    if (f)
      as_finding_fixit(c->arena, f, "save the state in the same block before restoring it, or %s",
                       is_rust(c->b) ? rust_all_text(c, l) : c_all_text(c, l));
    return;
  }
  as_finding *f = as_check_report(
      c, "stack-unbalanced", c->s->reg_stack_insn,
      "the depth of %s at the end of the block depends on the path through it; the compiler "
      "expects it moved by exactly what the block declares (%s)",
      l->name, declared_text(c, l));
  fix_unbalanced(c, l, f, true);
}

/* The depth matches: each register below the outputs must hold the value
 * the compiler left at its entry position; each output one the block
 * computed or an input's. */
static void check_positions(check_ctx *c, const layout *l) {
  const as_summary *s = c->s;
  as_finding *missing = NULL, *overwritten = NULL, *unwritten = NULL;
  int deepest = -1;
  as_strbuf list, clobbers;
  as_strbuf_init(&list, c->arena);
  as_strbuf_init(&clobbers, c->arena);
  for (int k = 0; k < (int)l->n; k++) {
    int src = s->reg_stack_exit_src[k];
    if (k < l->m) {
      /* An output: computed by the block, or an input's value. */
      if (src < 0 || (l->uses >> src) & 1 || l->all_declared) continue;
      int op = l->out_op[k];
      if (!unwritten && op >= 0)
        unwritten = as_check_report(
            c, "output-not-written", -1,
            "output %s in %s holds the value the compiler kept in %s before the asm, not one the "
            "block computes",
            as_operand_label(c->arena, c->b, op), pos_text(c, l, k), pos_text(c, l, src));
      continue;
    }
    int j = k - l->m + l->p; /* the entry position whose value belongs here */
    if (j >= (int)l->n || src == j || (l->clob >> j) & 1) continue;
    /* Pushed past the bottom: a value there overflows the stack, which no
     * declaration prevents (stack space is the compiler's, see docs). */
    if (j >= (int)l->n - s->reg_stack_max) continue;
    if (l->all_declared && l->in_op[j] < 0) continue;
    int by = s->reg_stack_changed_by[k] >= 0 ? s->reg_stack_changed_by[k] : s->reg_stack_insn;
    const char *reg = pos_text(c, l, j);
    if (l->in_op[j] >= 0) {
      const char *in = as_operand_label(c->arena, c->b, l->in_op[j]);
      if (!overwritten) {
        overwritten = as_check_report(
            c, "input-overwritten", by,
            "%s changes %s, which holds input-only operand %s; the block neither pops it nor "
            "declares it, so the compiler assumes the input is still there, unchanged, after the asm",
            as_check_insn_text(c, by), reg, in);
        if (overwritten && is_c(c->b))
          as_finding_fixit(c->arena, overwritten,
                           "declare %s as an output tied to the input, or pop it and add %s to the clobbers",
                           reg, pos_name(c, l, j));
      } else {
        as_check_note(c, overwritten, by, "%s also changes input-only operand %s", as_check_insn_text(c, by), in);
      }
      continue;
    }
    if (!missing) missing = as_check_report(c, "clobber-missing", by, "%s", "");
    if (!missing) continue;
    if (k == j)
      as_check_note(c, missing, by, "%s changes %s and the block does not restore it", as_check_insn_text(c, by), reg);
    else
      as_check_note(c, missing, by, "the value the compiler kept in %s is not in %s after the block, "
                    "where the declared operands put it", reg, pos_text(c, l, k));
    as_strbuf_printf(&list, "%s%s", list.length ? ", " : "", reg);
    if (j > deepest) deepest = j;
  }
  /* LLVM takes clobbers only from the top down, outputs included ("clobbers
   * must be last on the x87 stack"): the clobbers that declare the deepest
   * changed register, unless an input the block keeps is in the way. */
  int from = 0;
  while (from < (int)l->n && (((l->outs | l->clob | l->popped) >> from) & 1)) from++;
  bool clobberable = deepest >= 0;
  for (int k = from; k <= deepest; k++) {
    if (l->in_op[k] >= 0 && !((l->popped >> k) & 1)) clobberable = false;
    as_strbuf_printf(&clobbers, "%s%s", clobbers.length ? ", " : "", pos_name(c, l, k));
  }
  if (missing) {
    missing->message = as_arena_printf(
        c->arena,
        "the block changes %s of %s but declares %s neither as an operand nor as a clobber; the "
        "compiler may keep a live value there across the asm",
        list.data, l->name, strchr(list.data, ',') ? "them" : "it");
    if (is_c(c->b) && clobberable) {
      as_fixit *x = as_finding_fixit(c->arena, missing, "add %s to the clobbers", clobbers.data);
      x->clobber = clobbers.data;
    } else if (is_c(c->b)) {
      as_finding_fixit(c->arena, missing, "leave the registers below the outputs as the block found them");
    } else if (is_rust(c->b)) {
      as_finding_fixit(c->arena, missing, "%s", rust_all_text(c, l));
    } else if (clobberable) {
      as_strbuf ir;
      as_strbuf_init(&ir, c->arena);
      for (int k = from; k <= deepest; k++)
        as_strbuf_printf(&ir, "%s~{%s}", ir.length ? "," : "", as_target_reg_stack_clobber(c->t, (unsigned)k));
      as_finding_fixit(c->arena, missing, "add %s to the constraint string", ir.data);
    } else {
      as_finding_fixit(c->arena, missing, "leave the registers below the outputs as the block found them");
    }
  }
}

void as_check_reg_stack(check_ctx *c) {
  const as_summary *s = c->s;
  const as_block *b = c->b;
  if (!s->reg_stack_used || (b->flags & AS_BF_NO_REG_STACK)) return;
  if (!s->falls_through && !(b->flags & AS_BF_GOTO)) return;
  layout l;
  layout_of(c, &l);
  if (!l.n) return;
  int declared = l.m - l.p;
  switch (s->reg_stack_exit_mode) {
  case AS_REG_STACK_EXIT_UNKNOWN:
    report_unknown(c, &l);
    return;
  case AS_REG_STACK_EXIT_EMPTIED:
    if (!l.all_declared) {
      as_finding *f = as_check_report(
          c, "stack-unbalanced", s->reg_stack_insn,
          "%s empties %s, where the compiler may keep values across the asm%s%s%s",
          as_check_insn_text(c, s->reg_stack_insn), l.name, is_c(b) ? " (" : "", is_c(b) ? as_target_reg_stack_values(c->t) : "",
          is_c(b) ? ")" : "");
      if (f) as_finding_fixit(c->arena, f, "%s", is_rust(b) ? rust_all_text(c, &l) : c_all_text(c, &l));
      return;
    }
    /* Everything declared: the stack held only the inputs at entry. */
    if (s->reg_stack_exit - l.n_in != declared) report_depth(c, &l, s->reg_stack_exit - l.n_in - declared);
    return;
  case AS_REG_STACK_EXIT_KNOWN:
    if (s->reg_stack_exit != declared) {
      report_depth(c, &l, s->reg_stack_exit - declared);
      return;
    }
    check_positions(c, &l);
    return;
  }
}
