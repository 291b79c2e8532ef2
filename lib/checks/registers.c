/* Registers and flags the block changes against what it declares:
 * clobber-missing, input-overwritten, flags-clobber-missing. */
#include "checks_internal.h"

/* The parts of full register reg the block names that do not hold their
 * entry value at exit ("d8, d9" of q4), when it names two or more disjoint
 * parts of it (ARM's d and s registers): each needs its own clobber, and
 * those in declared (lanes clobbered) have one.  NULL otherwise; *writer is
 * the part instruction `by` writes, if any. */
static const char *changed_parts(check_ctx *c, const as_reg_effect *e, uint32_t declared,
                                 const char **writer) {
  unsigned subs[16], n = 0;
  uint32_t lanes[16], seen = 0;
  bool disjoint = false;
  *writer = NULL;
  for (unsigned i = 0; i < c->d->num_insns; i++) {
    const as_insn *in = &c->d->insns[i];
    for (unsigned k = 0; k < in->num_reads + in->num_writes; k++) {
      const as_reg_use *u = k < in->num_reads ? &in->reads[k] : &in->writes[k - in->num_reads];
      uint32_t l = u->reg == e->reg ? as_target_use_lanes(c->t, u) : 0;
      unsigned q = 0;
      while (q < n && subs[q] != u->sub) q++;
      if (!l || q < n || n == 16) continue;
      if (!(l & seen)) disjoint = disjoint || seen;
      seen |= l;
      subs[n] = u->sub, lanes[n++] = l;
    }
  }
  if (!disjoint || !e->changed_lanes) return NULL;
  as_strbuf b;
  as_strbuf_init(&b, c->arena);
  const as_insn *by = e->changed_by >= 0 ? &c->d->insns[e->changed_by] : NULL;
  for (unsigned q = 0; q < n; q++) {
    if (!(lanes[q] & e->changed_lanes & ~declared)) continue;
    /* a part inside another named part that changed: the larger names it */
    bool inside = false;
    for (unsigned p = 0; p < n; p++)
      inside = inside || (p != q && (lanes[q] & lanes[p]) == lanes[q] && lanes[p] != lanes[q] &&
                          (lanes[p] & e->changed_lanes));
    if (inside) continue;
    const char *name = as_target_reg_name(c->t, subs[q]);
    as_strbuf_printf(&b, "%s%s", b.length ? ", " : "", name);
    for (unsigned w = 0; by && w < by->num_writes; w++)
      if (by->writes[w].sub == subs[q]) *writer = name;
  }
  return b.length ? b.data : NULL;
}

/* Whether the clobbers cover what the block changes in full register reg:
 * one naming it whole, or parts ("d8", "d9" of q4) covering every lane it
 * changes (*declared: those parts' lanes). */
static bool clobbers_cover(const check_ctx *c, const as_reg_effect *e, uint32_t *declared) {
  *declared = 0;
  bool named = false;
  for (unsigned i = 0; i < c->b->num_clobbers; i++) {
    if (as_target_clobber_reg(c->t, c->b->clobbers[i]) != e->reg) continue;
    uint32_t l = as_target_clobber_lanes(c->t, c->b->clobbers[i]);
    if (!l) return true;
    named = true;
    *declared |= l;
  }
  /* Without lanes for the change (not known which parts): as declared. */
  return named && (!e->changed_lanes || !(e->changed_lanes & ~*declared));
}

void as_check_registers(check_ctx *c) {
  const as_summary *s = c->s;
  as_finding *missing = NULL, *overwritten = NULL;
  as_strbuf missing_list, clobber_text;
  as_strbuf_init(&missing_list, c->arena);
  as_strbuf_init(&clobber_text, c->arena);
  struct {
    int insn;
    unsigned kept;
    as_strbuf regs;
  } groups[8];
  unsigned num_groups = 0;
  for (unsigned k = 0; k < s->num_regs; k++) {
    const as_reg_effect *e = &s->regs[k];
    if (!e->changed_at_exit || e->reg == c->d->stack_pointer || e->reg == c->d->flags_reg) continue;
    if (as_target_reg_is_system(c->t, e->reg) || !as_target_reg_allocatable(c->t, c->b, e->reg)) continue;
    /* Only bits the compiler keeps no value in changed (vzeroupper: bits 128
     * and up of a ymm register in SSE code). */
    if (e->kept_low_bits && as_target_reg_value_bits(c->t, c->b, e->reg) <= e->kept_low_bits) continue;
    bool is_mem = false;
    int op = as_check_operand_of_reg(c, e->reg, &is_mem);
    if (op >= 0 && !is_mem) {
      const as_operand *o = &c->b->operands[op];
      if (o->dir != AS_DIR_IN) continue;
      /* Its bits are back (bswap twice at 32 bits): only the upper half,
       * which the input's value does not have, is zeroed. */
      if (e->kept_low_bits && o->width_bits && o->width_bits <= e->kept_low_bits) continue;
      /* Case: an input-only operand is modified.  The compiler assumes the
       * register still holds the input afterwards and may reuse it. */
      if (!overwritten)
        overwritten = as_check_report(
            c, "input-overwritten", e->changed_by,
            "%s writes %s, which holds input-only operand %s; the compiler assumes "
            "the input is unchanged after the asm and may reuse the register's value",
            as_check_insn_text(c, e->changed_by), as_check_named_reg(c, e->reg),
            as_operand_label(c->arena, c->b, op));
      else
        as_check_note(c, overwritten, e->changed_by, "%s also writes input-only operand %s",
                      as_check_insn_text(c, e->changed_by), as_operand_label(c->arena, c->b, op));
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
    uint32_t declared;
    if (clobbers_cover(c, e, &declared)) continue;
    /* Case: a register that is neither operand nor clobber is left changed.
     * The compiler may keep a live value in it across the asm. */
    if (!missing)
      missing = as_check_report(c, "clobber-missing", e->changed_by, "%s", "");
    if (missing) {
      const char *writer = NULL, *parts = changed_parts(c, e, declared, &writer);
      const char *name = parts ? parts : as_check_named_reg(c, e->reg);
      if (parts) {
        as_check_note(c, missing, e->changed_by, "%s writes %s and the block does not restore %s",
                      as_check_insn_text(c, e->changed_by), writer ? writer : as_check_named_reg(c, e->reg),
                      strchr(parts, ',') ? parts : "it");
        as_strbuf_printf(&missing_list, "%s%s", missing_list.length ? ", " : "", parts);
        for (const char *p = parts; *p;) {
          size_t len = strcspn(p, ",");
          as_strbuf_printf(&clobber_text, "%s\"%.*s\"", clobber_text.length ? ", " : "", (int)len, p);
          p += len;
          while (*p == ',' || *p == ' ') p++;
        }
        continue;
      }
      if (e->kept_low_bits) {
        /* One note per instruction: vzeroupper changes the upper bits of
         * sixteen registers the same way. */
        unsigned g = 0;
        while (g < num_groups && (groups[g].insn != e->changed_by || groups[g].kept != e->kept_low_bits)) g++;
        if (g == num_groups && num_groups < sizeof groups / sizeof groups[0]) {
          groups[g].insn = e->changed_by;
          groups[g].kept = e->kept_low_bits;
          as_strbuf_init(&groups[g].regs, c->arena);
          num_groups++;
        }
        if (g < num_groups)
          as_strbuf_printf(&groups[g].regs, "%s%s", groups[g].regs.length ? ", " : "", name);
      } else {
        as_check_note(c, missing, e->changed_by, "%s writes %s and the block does not restore it",
                      as_check_insn_text(c, e->changed_by), name);
      }
      as_strbuf_printf(&missing_list, "%s%s", missing_list.length ? ", " : "", name);
      as_strbuf_printf(&clobber_text, "%s\"%s\"", clobber_text.length ? ", " : "", name);
    }
  }
  for (unsigned g = 0; g < num_groups; g++)
    as_check_note(c, missing, groups[g].insn,
                  "%s zeroes bits %u and up of %s (the low %u bits keep their value), where the "
                  "compiler may keep values wider than %u bits",
                  as_check_insn_text(c, groups[g].insn), groups[g].kept, groups[g].regs.data, groups[g].kept,
                  groups[g].kept);
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


void as_check_flags(check_ctx *c) {
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
    f = as_check_report(
        c, "flags-clobber-missing", at,
        "%s changes the status flags but the block declares options(preserves_flags); the "
        "compiler may keep a comparison result in the flags across the asm",
        as_check_insn_text(c, at));
  else if (is_c(b)) /* GNU C where the flags are not implicitly clobbered (ARM) */
    f = as_check_report(
        c, "flags-clobber-missing", at,
        "%s changes the status flags but the block does not list \"%s\" in its clobbers; the "
        "compiler may keep a comparison result in the flags across the asm",
        as_check_insn_text(c, at), as_target_flags_clobber(c->t));
  else
    f = as_check_report(
        c, "flags-clobber-missing", at,
        "%s changes the status flags but the constraint string has no ~{%s}; the compiler "
        "may keep a comparison result in the flags across the asm",
        as_check_insn_text(c, at), as_target_flags_clobber(c->t));
  if (f)
    as_finding_fixit(c->arena, f, "%s",
                     is_rust(b)   ? "remove preserves_flags"
                     : is_c(b)    ? as_arena_printf(c->arena, "add \"%s\" to the clobbers", as_target_flags_clobber(c->t))
                                  : as_arena_printf(c->arena, "add ~{%s}", as_target_flags_clobber(c->t)));
}

/* Every allocation: the compiler may give an input a register the
 * template names, if nothing excludes it (saving and restoring a register
 * does not); an input read after the block wrote that register is then
 * lost. */
void as_check_lost_inputs(check_ctx *c) {
  as_finding *f = NULL;
  for (unsigned i = 0; i < c->s->num_lost; i++) {
    const as_lost_input *l = &c->s->lost[i];
    /* A register the block leaves changed is a clobber-missing of its own,
     * and declaring it excludes this allocation too. */
    int k = as_summary_reg(c->s, l->reg);
    if (k >= 0 && c->s->regs[k].changed_at_exit) continue;
    const char *in = as_operand_label(c->arena, c->b, l->operand);
    const char *reg = as_check_named_reg(c, l->reg);
    int w = l->write_insn;
    if (f) {
      as_check_note(c, f, l->read_insn, "and when it puts input %s in %s, %s reads it after the block wrote %s",
                    in, reg, as_check_insn_text(c, l->read_insn), reg);
      continue;
    }
    f = as_check_report(c, "clobber-missing", w >= 0 ? w : l->read_insn,
                        "when the compiler puts input %s in %s, %s overwrites it before %s reads it; %s "
                        "is not clobbered, so the compiler may choose it for an operand (saving and "
                        "restoring it in the block does not prevent that)",
                        in, reg, w >= 0 ? as_check_insn_text(c, w) : "the block",
                        as_check_insn_text(c, l->read_insn), reg);
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
