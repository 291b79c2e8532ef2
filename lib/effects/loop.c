/* The loop of a block: which registers its body steps by a constant, their
 * values where it starts, and the exit condition that bounds its trip
 * count (loop.h).  Only the simplest shape is recognized: straight-line
 * code before it (with at most one jump past the loop when the control
 * register is zero), a body without other jumps, calls or unmodeled
 * instructions, and one backward conditional jump closing it. */
#include "asmstory/loop.h"

#include <string.h>

typedef struct pre_state {
  unsigned regs[64];
  as_loop_value values[64];
  unsigned num;
} pre_state;

static as_loop_value pre_get(const pre_state *s, unsigned reg) {
  for (unsigned i = 0; i < s->num; i++)
    if (s->regs[i] == reg) return s->values[i];
  as_loop_value v = {true, false, reg, 0};
  return v;
}

static void pre_set(pre_state *s, unsigned reg, as_loop_value v) {
  for (unsigned i = 0; i < s->num; i++)
    if (s->regs[i] == reg) {
      s->values[i] = v;
      return;
    }
  if (s->num < 64) {
    s->regs[s->num] = reg;
    s->values[s->num++] = v;
  }
}

/* A value operation on the whole register (or a 32-bit one that defines
 * it all: a constant that stays non-negative). */
static bool full_width(const as_target *t, unsigned sub) {
  return as_target_reg_bits(t, sub) == as_target_reg_bits(t, as_target_reg_full(t, sub));
}

/* One instruction before the loop, on the values registers hold. */
static void pre_step(const as_target *t, pre_state *s, const as_insn *in) {
  unsigned dst = in->value_dst ? as_target_reg_full(t, in->value_dst) : 0;
  as_loop_value unknown = {false, false, 0, 0};
  as_loop_value v = unknown;
  bool handled = false;
  if (in->zero_idiom && in->num_writes) {
    for (unsigned w = 0; w < in->num_writes; w++) {
      as_loop_value c = {true, true, 0, in->idiom_value};
      pre_set(s, in->writes[w].reg, in->writes[w].whole ? c : unknown);
    }
    return;
  }
  switch (in->value_op) {
  case AS_VAL_CONST:
    if (full_width(t, in->value_dst) || (in->value_imm >= 0 && as_target_reg_bits(t, in->value_dst) >= 32))
      v = (as_loop_value){true, true, 0, in->value_imm};
    handled = true;
    break;
  case AS_VAL_COPY:
    if (full_width(t, in->value_dst)) v = pre_get(s, as_target_reg_full(t, in->value_src));
    handled = true;
    break;
  case AS_VAL_ADD_CONST:
    v = pre_get(s, dst);
    if (full_width(t, in->value_dst) && v.known) v.value += in->value_imm;
    else v = unknown;
    handled = true;
    break;
  case AS_VAL_LEA:
    if (full_width(t, in->value_dst) && in->lea.base && !in->lea.index && !in->lea.disp_symbol) {
      v = pre_get(s, in->lea.base);
      if (v.known) v.value += in->lea.disp;
    }
    handled = true;
    break;
  default: break;
  }
  for (unsigned w = 0; w < in->num_writes; w++)
    if (!(handled && in->writes[w].reg == dst)) pre_set(s, in->writes[w].reg, unknown);
  if (handled && dst) pre_set(s, dst, v);
}

/* How instruction in moves reg: the constant it adds (*other when it
 * writes reg some other way, *narrow when at fewer bits than reg has). */
static int64_t step_of(const as_target *t, const as_insn *in, unsigned reg, bool *other, bool *narrow) {
  int64_t step = 0;
  bool counted = false;
  if (in->cond == AS_COND_COUNT_NE && in->cond_reg == reg) {
    step -= 1;
    counted = true;
  }
  for (unsigned w = 0; w < in->num_writes; w++) {
    if (in->writes[w].reg != reg) continue;
    if (counted) continue;
    unsigned dst = in->value_dst ? as_target_reg_full(t, in->value_dst) : 0;
    if (dst == reg && in->value_op == AS_VAL_ADD_CONST) {
      step += in->value_imm;
    } else if (dst == reg && in->value_op == AS_VAL_LEA && in->lea.base == reg && !in->lea.index &&
               !in->lea.disp_symbol) {
      step += in->lea.disp;
    } else {
      *other = true;
      return 0;
    }
    if (!full_width(t, in->value_dst)) *narrow = true;
    counted = true;
  }
  return step;
}

static as_cond swapped(as_cond c) {
  switch (c) {
  case AS_COND_ULT: return AS_COND_UGT;
  case AS_COND_ULE: return AS_COND_UGE;
  case AS_COND_UGT: return AS_COND_ULT;
  case AS_COND_UGE: return AS_COND_ULE;
  default: return c;
  }
}

static int slot_of(const as_loop *l, unsigned reg) {
  for (unsigned i = 0; i < l->num_regs; i++)
    if (l->regs[i] == reg) return (int)i;
  return -1;
}

static bool not_found(as_loop *l, const char *why) {
  l->found = false;
  l->why_not = why;
  return false;
}

/* The guard before the loop: a jump past it taken when the control is
 * zero (test or compare with 0, then jump if equal; or a jump when the
 * count register is zero), with the control unchanged up to the loop. */
static bool guard_ok(const as_decoded *d, const as_loop *l, int g) {
  const as_insn *j = &d->insns[g];
  if (j->cond == AS_COND_COUNT_ZERO) return j->cond_reg == l->control;
  if (j->cond != AS_COND_EQ) return false;
  int w = -1;
  for (int i = g - 1; i >= 0 && w < 0; i--)
    if (d->insns[i].flags_written) w = i;
  if (w < 0) return false;
  const as_insn *c = &d->insns[w];
  bool zero = (c->compare == AS_CMP_ZERO && c->compare_a == l->control) ||
              (c->compare == AS_CMP_SUB && c->compare_a == l->control && !c->compare_b && c->compare_imm == 0 &&
               c->value_op == AS_VAL_NONE);
  if (!zero || c->compare_bits != l->bits) return false;
  for (int i = w + 1; i < l->head; i++)
    for (unsigned k = 0; k < d->insns[i].num_writes; k++)
      if (d->insns[i].writes[k].reg == l->control) return false;
  return true;
}

static bool find(const as_target *t, const as_decoded *d, as_loop *l) {
  int latch = -1;
  for (unsigned i = 0; i < d->num_insns; i++) {
    int target = d->insns[i].target_insn;
    if (target >= 0 && (unsigned)target <= i) {
      if (latch >= 0) return not_found(l, "more than one backward jump");
      latch = (int)i;
    }
  }
  if (latch < 0) return not_found(l, "no backward jump");
  const as_insn *back = &d->insns[latch];
  l->head = back->target_insn;
  l->latch = latch;
  if (back->kind != AS_INSN_JUMP_COND) return not_found(l, "the backward jump is unconditional");
  /* Control enters the body only at its head, and leaves only at the jump. */
  for (unsigned i = 0; i < d->num_insns; i++) {
    const as_insn *in = &d->insns[i];
    if ((int)i == latch) continue;
    if (in->target_insn > l->head && in->target_insn <= latch) return not_found(l, "a jump into the loop");
    if ((int)i >= l->head && (int)i < latch && in->kind != AS_INSN_OTHER)
      return not_found(l, "a jump or call inside the loop");
    if ((int)i >= l->head && (int)i <= latch && in->unmodeled) return not_found(l, "an unmodeled instruction in the loop");
  }
  /* Before the loop: straight-line code, at most one jump past it. */
  pre_state pre;
  memset(&pre, 0, sizeof pre);
  l->guard = -1;
  for (int i = 0; i < l->head; i++) {
    const as_insn *in = &d->insns[i];
    if (in->kind == AS_INSN_JUMP_COND && in->target_insn > latch && l->guard < 0) {
      l->guard = i;
      continue;
    }
    if (in->kind != AS_INSN_OTHER || in->unmodeled) return not_found(l, "control flow before the loop");
    pre_step(t, &pre, in);
  }
  /* The registers the body steps, and their values at its entry. */
  for (int i = l->head; i <= latch; i++) {
    const as_insn *in = &d->insns[i];
    unsigned regs[AS_MAX_REG_USES + 1];
    unsigned n = 0;
    for (unsigned w = 0; w < in->num_writes; w++) regs[n++] = in->writes[w].reg;
    if (in->cond == AS_COND_COUNT_NE) regs[n++] = in->cond_reg;
    for (unsigned k = 0; k < n; k++) {
      if (regs[k] == d->flags_reg) continue;
      int s = slot_of(l, regs[k]);
      if (s < 0) {
        if (l->num_regs == AS_LOOP_MAX_REGS) return not_found(l, "too many registers change in the loop");
        s = (int)l->num_regs++;
        l->regs[s] = regs[k];
        l->init[s] = pre_get(&pre, regs[k]);
      }
    }
  }
  for (unsigned s = 0; s < l->num_regs; s++) {
    bool other = false, narrow = false;
    for (int i = l->head; i <= latch && !other; i++) l->steps[s] += step_of(t, &d->insns[i], l->regs[s], &other, &narrow);
    l->varies[s] = other;
    l->narrow[s] = narrow;
  }
  /* The exit condition. */
  l->compare = -1;
  as_cond cond = back->cond;
  int64_t pre_step_at = 0;
  if (cond == AS_COND_COUNT_NE) {
    l->control = back->cond_reg;
    l->cond = AS_COND_NE;
    l->bound = (as_loop_value){true, true, 0, 0};
    l->bits = d->pointer_bits;
    if (!as_loop_reg_at(l, d, l->control, latch + 1, &(as_loop_value){0}, &(int64_t){0}, &pre_step_at))
      return not_found(l, "the count register changes otherwise in the loop");
    l->control_pre = pre_step_at;
  } else if (cond >= AS_COND_EQ && cond <= AS_COND_UGE) {
    int c = -1;
    for (int i = latch - 1; i >= l->head && c < 0; i--)
      if (d->insns[i].flags_written) c = i;
    if (c < 0) return not_found(l, "the condition is set before the loop");
    const as_insn *ci = &d->insns[c];
    l->compare = c;
    l->bits = ci->compare_bits;
    as_loop_value init;
    int64_t step;
    /* sub $k, c then a jump on equality: c after it against zero */
    bool sub_zero = ci->compare == AS_CMP_SUB && !ci->compare_b && ci->value_op == AS_VAL_ADD_CONST &&
                    ci->value_dst && as_target_reg_full(t, ci->value_dst) == ci->compare_a &&
                    ci->value_imm == -ci->compare_imm && (cond == AS_COND_EQ || cond == AS_COND_NE);
    if (ci->compare == AS_CMP_ZERO || sub_zero) {
      if (cond != AS_COND_EQ && cond != AS_COND_NE) return not_found(l, "a condition on a result not modeled");
      l->control = ci->compare_a;
      l->cond = cond;
      l->bound = (as_loop_value){true, true, 0, 0};
      if (!as_loop_reg_at(l, d, l->control, c + 1, &init, &step, &l->control_pre))
        return not_found(l, "the tested register changes otherwise in the loop");
    } else if (ci->compare == AS_CMP_SUB) {
      int sa = slot_of(l, ci->compare_a), sb = ci->compare_b ? slot_of(l, ci->compare_b) : -1;
      as_loop_value imm = {true, true, 0, ci->compare_imm};
      if (sa >= 0 && sb < 0) {
        l->control = ci->compare_a;
        l->cond = cond;
        l->bound = ci->compare_b ? pre_get(&pre, ci->compare_b) : imm;
      } else if (sb >= 0 && sa < 0) {
        l->control = ci->compare_b;
        l->cond = swapped(cond);
        l->bound = pre_get(&pre, ci->compare_a);
      } else {
        return not_found(l, "the compare is not of a stepped register with an invariant bound");
      }
      if (!as_loop_reg_at(l, d, l->control, c, &init, &step, &l->control_pre))
        return not_found(l, "the compared register changes otherwise in the loop");
    } else {
      return not_found(l, "the condition's compare is not modeled");
    }
  } else {
    return not_found(l, "a signed condition, or one on other flags");
  }
  int s = slot_of(l, l->control);
  if (s < 0 || !l->steps[s] || !l->init[s].known) return not_found(l, "the control register does not step");
  if (!l->bound.known) return not_found(l, "the bound is computed in the block");
  if (l->guard >= 0 && !guard_ok(d, l, l->guard)) return not_found(l, "a jump past the loop on a condition not modeled");
  l->found = true;
  return true;
}

void as_loop_find(const as_target *target, const as_decoded *decoded, as_loop *out) {
  memset(out, 0, sizeof *out);
  out->head = out->latch = out->compare = out->guard = -1;
  out->target = target;
  find(target, decoded, out);
}

bool as_loop_reg_at(const as_loop *l, const as_decoded *d, unsigned reg, int insn, as_loop_value *init,
                    int64_t *step, int64_t *pre) {
  *pre = 0;
  int s = slot_of(l, reg);
  if (s < 0) {
    /* Not written in the loop: its value at entry (from the stepped
     * registers' point of view, unknown). */
    return false;
  }
  if (l->varies[s]) return false;
  *init = l->init[s];
  *step = l->steps[s];
  for (int i = l->head; i < insn && i <= l->latch; i++) {
    bool other = false, narrow = false;
    *pre += step_of(l->target, &d->insns[i], reg, &other, &narrow);
  }
  return true;
}
