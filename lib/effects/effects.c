/* The effects walk: abstract interpretation of a decoded block over its
 * control flow (labels, forward and backward branches, fall-through).
 *
 * Each register holds a symbolic value: its value at entry plus a constant,
 * a constant, or an opaque value computed by the block that remembers which
 * undefined entry values flow into it (taint) and whether it derives from the
 * stack pointer.  Stack slots written by push/pop are tracked so that a
 * register saved and restored ends with its entry value.  At every exit the
 * state is compared with the entry state; the union over all exits is the
 * summary the checks read.
 *
 * A register stack (x87) is followed by position: a push moves every value
 * one register down (st(0) to st(1)), a pop one up, and the depth counts
 * pushes since entry; a save of the whole state (fxsave) and its restore
 * from the same memory give the values back. */
#include "asmstory/effects.h"

#include <stdio.h>
#include <string.h>

#define MAX_SLOTS 32
#define MAX_VISITS 64

typedef struct slot {
  int64_t offset;    /* relative to the stack pointer at entry */
  unsigned reg2;     /* plus coef2 times this register's entry value */
  int coef2;
  as_value value;
  int df;            /* pushf: the direction flag saved, else -1 */
  int code;          /* 1 + the instruction a pushed label of the block is at, 0 */
} slot;

typedef struct state {
  bool reached;
  as_value regs[AS_MAX_TRACKED];
  as_value flags;
  int df;            /* 0 clear, 1 set, 2 unknown */
  int df_insn;
  slot slots[MAX_SLOTS];
  unsigned num_slots;
  uint64_t out_may, out_must;  /* register outputs written (may / on every path) */
  uint64_t mem_must;           /* memory outputs stored on every path */
  /* Flags values pushf saved, with the direction flag they held: a popf of
   * one of them, through registers, restores that direction flag. */
  as_value saved_flags[4];
  int saved_df[4];
  unsigned num_saved_flags;
  /* Whole registers stored into a memory operand (operand, offset): a load
   * back gives the stored value (a register saved and restored there). */
  struct {
    int operand;
    int64_t offset;
    as_value value;
  } saves[4];
  unsigned num_saves;
  /* The register stack: entries pushed since entry (REG_STACK_KNOWN) or since the
   * block emptied it (REG_STACK_EMPTIED), or REG_STACK_UNKNOWN; the last instruction that
   * moved it. */
  int reg_stack_mode, reg_stack_depth, reg_stack_insn;
  /* The state a save stored in a memory operand (at an offset): the stack,
   * and the values of the registers saved with it (as_insn.state_regs). */
  struct {
    bool valid;
    int operand;
    int64_t offset;
    int mode, depth;
    as_value stack[8];
    unsigned num;
    unsigned char idx[24];
    as_value regs[24];
  } snap;
} state;

enum { REG_STACK_KNOWN = 0, REG_STACK_EMPTIED = 1, REG_STACK_UNKNOWN = 2 };

typedef struct walker {
  as_arena *arena;
  const as_target *t;
  const as_block *block;
  const as_decoded *d;
  as_summary *s;
  unsigned sp, flags;
  int sp_idx;
  int reg_operand[AS_MAX_TRACKED];  /* REG binding: operand, -1 */
  int mem_operand[AS_MAX_TRACKED];  /* MEM base binding: operand, -1 */
  uint64_t entry_taint;             /* tracked registers undefined at entry */
  as_value entry_regs[AS_MAX_TRACKED];  /* each tracked register's value at entry */
  bool *in_loop;
  bool *value_used;                 /* per instruction: a value it produced is read */
  bool exit_seen;
  int cas_equal_insn;               /* a compare-exchange whose comparand is its new value */
  int return_to;                    /* the label a return at the current insn goes to, -1 */
  int load_insn;                    /* an AS_VAL_LOAD of a saved value: the value */
  as_value load_value;
  /* Entry values of registers that are not inputs, stored into a memory
   * operand: undefined stores, unless a path loads them back into their
   * register (a save; reported at the end of the walk otherwise). */
  struct {
    int insn, operand;
    int64_t offset;
    unsigned reg;
    uint64_t taint;
    bool restored;
  } pending[8];
  unsigned num_pending;
  /* The register stack: summary indices of its registers from the top (-1:
   * not tracked); reg_stack_used_count is 0 when the block does not use it.  A state save
   * or restore at the current instruction: the memory operand and offset it
   * goes to (operand -1: not one the walk can name). */
  int reg_stack_index[8];
  unsigned reg_stack_used_count;
  unsigned reg_stack_regs[8], reg_stack_count;     /* the stack's registers, used or not */
  int state_key_operand;
  int64_t state_key_offset;
  /* The current instruction carries an input's undefined upper bits into
   * the register it writes (carry_op >= 0): the input, the instruction
   * that first read them, its read width, the defined low bits. */
  int carry_op, carry_insn;
  unsigned carry_bits, carry_defined;
} walker;

int as_summary_reg(const as_summary *s, unsigned reg) {
  for (unsigned i = 0; i < s->num_regs; i++)
    if (s->regs[i].reg == reg) return (int)i;
  return -1;
}

static int track(walker *w, unsigned reg) {
  if (!reg) return -1;
  int i = as_summary_reg(w->s, reg);
  if (i >= 0) return i;
  if (w->s->num_regs >= AS_MAX_TRACKED) return -1;
  as_reg_effect *e = &w->s->regs[w->s->num_regs];
  memset(e, 0, sizeof *e);
  e->reg = reg;
  e->first_write = -1;
  e->changed_by = -1;
  e->min_exit_defined_bits = 4096;
  return (int)w->s->num_regs++;
}

static int idx(const walker *w, unsigned reg) { return reg ? as_summary_reg(w->s, reg) : -1; }

static bool is_special(const walker *w, unsigned reg) { return reg == w->flags; }

static bool value_equal(const as_value *a, const as_value *b) {
  return a->kind == b->kind && a->reg == b->reg && a->offset == b->offset && a->reg2 == b->reg2 &&
         a->prov == b->prov && a->rot == b->rot && a->inv == b->inv && a->width == b->width &&
         a->coef2 == b->coef2 && a->taint == b->taint &&
         a->from_sp == b->from_sp && a->defined_bits == b->defined_bits && a->origin == b->origin &&
         a->upper_op == b->upper_op && a->upper_insn == b->upper_insn && a->lanes_reg == b->lanes_reg &&
         a->entry_lanes == b->entry_lanes;
}

/* Does v hold reg's entry value, untransformed? */
static bool entry_unchanged(const as_value *v, unsigned reg) {
  return v->kind == AS_VALUE_ENTRY && v->reg == reg && v->offset == 0 && v->reg2 == 0 && !v->rot && !v->inv &&
         !v->width;
}

/* The low bits of reg that v keeps at their entry value when the bits
 * above were zeroed (a 32-bit write on x86-64), 0 otherwise. */
static unsigned entry_low_bits(const as_value *v, unsigned reg) {
  return v->kind == AS_VALUE_ENTRY && v->reg == reg && v->offset == 0 && v->reg2 == 0 && !v->rot && !v->inv
             ? v->width
             : 0;
}

/* ---- parts of registers: 32-bit lanes holding the entry value ---------- */

static uint32_t all_lanes(const walker *w, unsigned full) {
  unsigned n = as_target_reg_bits(w->t, full) / 32;
  return n >= 32 ? ~0u : (1u << n) - 1;
}

static uint32_t use_lanes(const walker *w, const as_reg_use *u) { return as_target_use_lanes(w->t, u); }

/* The lanes of value v (in full register full) that hold full's entry value. */
static uint32_t entry_lanes_of(const walker *w, const as_value *v, unsigned full) {
  if (entry_unchanged(v, full)) return all_lanes(w, full);
  unsigned low = entry_low_bits(v, full);
  if (low >= 32) return (low / 32 >= 32 ? ~0u : (uint32_t)((1ull << (low / 32)) - 1)) & all_lanes(w, full);
  return v->lanes_reg == full ? v->entry_lanes : 0;
}

static as_value merge_value(const as_value *a, const as_value *b, int at) {
  if (value_equal(a, b)) return *a;
  as_value m;
  memset(&m, 0, sizeof m);
  bool same_sym = a->kind == b->kind && a->reg == b->reg && a->offset == b->offset &&
                  a->reg2 == b->reg2 && a->coef2 == b->coef2 && a->rot == b->rot && a->inv == b->inv &&
                  a->width == b->width;
  m.kind = same_sym ? a->kind : AS_VALUE_UNKNOWN;
  m.reg = same_sym ? a->reg : 0;
  m.offset = same_sym ? a->offset : 0;
  m.reg2 = same_sym ? a->reg2 : 0;
  m.rot = same_sym ? a->rot : 0;
  m.inv = same_sym ? a->inv : 0;
  m.width = same_sym ? a->width : 0;
  m.coef2 = same_sym ? a->coef2 : 0;
  m.taint = a->taint | b->taint;
  m.from_sp = a->from_sp || b->from_sp;
  m.prov = a->prov == b->prov ? a->prov : 0;
  m.defined_bits = a->defined_bits < b->defined_bits ? a->defined_bits : b->defined_bits;
  const as_value *up = a->upper_op ? a : b; /* undefined upper bits on either path */
  m.upper_op = up->upper_op;
  m.upper_insn = up->upper_insn;
  m.upper_read_bits = up->upper_read_bits;
  /* lanes holding the entry value on both paths (an unchanged register: all) */
  unsigned lr = a->lanes_reg ? a->lanes_reg : b->lanes_reg;
  uint32_t la = a->lanes_reg == lr ? a->entry_lanes : entry_unchanged(a, lr) ? ~0u : 0;
  uint32_t lb = b->lanes_reg == lr ? b->entry_lanes : entry_unchanged(b, lr) ? ~0u : 0;
  if (lr && (la & lb)) {
    m.lanes_reg = lr;
    m.entry_lanes = la & lb;
  }
  if (same_sym) m.origin = a->origin > b->origin ? a->origin : b->origin;
  else m.origin = a->kind == AS_VALUE_ENTRY ? b->origin : b->kind == AS_VALUE_ENTRY ? a->origin : at;
  if (m.origin < 0) m.origin = at;
  m.writer = a->writer > b->writer ? a->writer : b->writer;
  return m;
}

/* The same saved state on both paths. */
static bool snap_equal(const state *a, const state *b) {
  if (!a->snap.valid || !b->snap.valid || a->snap.operand != b->snap.operand ||
      a->snap.offset != b->snap.offset || a->snap.mode != b->snap.mode || a->snap.depth != b->snap.depth ||
      a->snap.num != b->snap.num)
    return false;
  for (unsigned k = 0; k < 8; k++)
    if (!value_equal(&a->snap.stack[k], &b->snap.stack[k])) return false;
  for (unsigned k = 0; k < a->snap.num; k++)
    if (a->snap.idx[k] != b->snap.idx[k] || !value_equal(&a->snap.regs[k], &b->snap.regs[k])) return false;
  return true;
}

/* Merges src into dst; returns true when dst changed. */
static bool merge_state(state *dst, const state *src, int at) {
  if (!dst->reached) {
    *dst = *src;
    return true;
  }
  state old = *dst;
  for (unsigned i = 0; i < AS_MAX_TRACKED; i++) dst->regs[i] = merge_value(&dst->regs[i], &src->regs[i], at);
  dst->flags = merge_value(&dst->flags, &src->flags, at);
  if (dst->df != src->df) {
    dst->df = 2;
    if (dst->df_insn < 0) dst->df_insn = src->df_insn;
  }
  unsigned n = 0;
  for (unsigned i = 0; i < dst->num_slots; i++)
    for (unsigned k = 0; k < src->num_slots; k++)
      if (dst->slots[i].offset == src->slots[k].offset && dst->slots[i].reg2 == src->slots[k].reg2 &&
          dst->slots[i].coef2 == src->slots[k].coef2) {
        slot sl = dst->slots[i];
        sl.value = merge_value(&dst->slots[i].value, &src->slots[k].value, at);
        if (sl.df != src->slots[k].df) sl.df = -1;
        if (sl.code != src->slots[k].code) sl.code = 0;
        dst->slots[n++] = sl;
        break;
      }
  dst->num_slots = n;
  n = 0;
  for (unsigned i = 0; i < dst->num_saved_flags; i++)
    for (unsigned k = 0; k < src->num_saved_flags; k++)
      if (value_equal(&dst->saved_flags[i], &src->saved_flags[k]) && dst->saved_df[i] == src->saved_df[k]) {
        dst->saved_flags[n] = dst->saved_flags[i];
        dst->saved_df[n++] = dst->saved_df[i];
        break;
      }
  dst->num_saved_flags = n;
  n = 0;
  for (unsigned i = 0; i < dst->num_saves; i++)
    for (unsigned k = 0; k < src->num_saves; k++)
      if (dst->saves[i].operand == src->saves[k].operand && dst->saves[i].offset == src->saves[k].offset &&
          value_equal(&dst->saves[i].value, &src->saves[k].value)) {
        dst->saves[n++] = dst->saves[i];
        break;
      }
  dst->num_saves = n;
  if (dst->reg_stack_mode != src->reg_stack_mode || dst->reg_stack_depth != src->reg_stack_depth) {
    if (dst->reg_stack_mode != REG_STACK_UNKNOWN) dst->reg_stack_insn = src->reg_stack_insn > dst->reg_stack_insn ? src->reg_stack_insn : dst->reg_stack_insn;
    dst->reg_stack_mode = REG_STACK_UNKNOWN;
    dst->reg_stack_depth = 0;
  }
  if (dst->snap.valid && !snap_equal(dst, src)) memset(&dst->snap, 0, sizeof dst->snap);
  dst->out_may |= src->out_may;
  dst->out_must &= src->out_must;
  dst->mem_must &= src->mem_must;
  return memcmp(&old, dst, sizeof old) != 0;
}

static as_value opaque(int insn, uint64_t taint, bool from_sp, unsigned bits) {
  as_value v;
  memset(&v, 0, sizeof v);
  v.kind = AS_VALUE_UNKNOWN;
  v.taint = taint;
  v.from_sp = from_sp;
  v.defined_bits = bits;
  v.origin = insn;
  return v;
}

/* Slots are keyed by the stack pointer's symbolic value at the access:
 * entry sp + offset (+ coef2 * entry value of reg2). */
static slot *find_slot(state *st, const as_value *at) {
  for (unsigned i = 0; i < st->num_slots; i++)
    if (st->slots[i].offset == at->offset && st->slots[i].reg2 == at->reg2 &&
        st->slots[i].coef2 == at->coef2)
      return &st->slots[i];
  return NULL;
}

static void set_slot(state *st, const as_value *at, as_value v, int df) {
  slot *sl = find_slot(st, at);
  if (!sl) {
    if (st->num_slots == MAX_SLOTS) return;
    sl = &st->slots[st->num_slots++];
  }
  sl->offset = at->offset;
  sl->reg2 = at->reg2;
  sl->coef2 = at->coef2;
  sl->value = v;
  sl->df = df;
  sl->code = 0;
}

/* slot: bytes a stack slot holds (a push's size) */
static void forget_slots_overlapping(state *st, int64_t offset, unsigned size, unsigned slot) {
  unsigned n = 0;
  for (unsigned i = 0; i < st->num_slots; i++) {
    int64_t o = st->slots[i].offset;
    if (o + (int64_t)slot <= offset || o >= offset + (int64_t)size) st->slots[n++] = st->slots[i];
  }
  st->num_slots = n;
}

/* The stack pointer is entry sp plus a known constant. */
static bool sp_known(const walker *w, const state *st) {
  const as_value *v = &st->regs[w->sp_idx];
  return v->kind == AS_VALUE_ENTRY && v->reg == w->sp && v->reg2 == 0;
}

/* The stack pointer is entry sp plus a constant and maybe one more
 * register's entry value (sub %0, %rsp): slots can still be tracked. */
static bool sp_symbolic(const walker *w, const state *st) {
  const as_value *v = &st->regs[w->sp_idx];
  return v->kind == AS_VALUE_ENTRY && v->reg == w->sp;
}

static void add_undefined(walker *w, uint64_t taint, int insn, as_use_kind kind, int operand) {
  for (unsigned b = 0; b < w->s->num_regs && taint; b++) {
    if (!(taint & (1ull << b))) continue;
    taint &= ~(1ull << b);
    unsigned reg = w->s->regs[b].reg;
    bool dup = false;
    for (unsigned i = 0; i < w->s->num_undefined; i++)
      if (w->s->undefined[i].reg == reg && w->s->undefined[i].kind == kind &&
          w->s->undefined[i].operand == operand)
        dup = true;
    if (dup) continue;
    if (w->s->num_undefined == w->s->cap_undefined)
      w->s->undefined = as_arena_grow(w->arena, w->s->undefined, sizeof *w->s->undefined,
                                      w->s->num_undefined, &w->s->cap_undefined);
    as_undefined_use *u = &w->s->undefined[w->s->num_undefined++];
    u->reg = reg;
    u->insn = insn;
    u->kind = kind;
    u->operand = operand;
  }
}

static void add_escape(walker *w, int insn, const char *why) {
  for (unsigned i = 0; i < w->s->num_escapes; i++)
    if (w->s->escapes[i].insn == insn) return;
  if (w->s->num_escapes == w->s->cap_escapes)
    w->s->escapes = as_arena_grow(w->arena, w->s->escapes, sizeof *w->s->escapes,
                                  w->s->num_escapes, &w->s->cap_escapes);
  w->s->escapes[w->s->num_escapes].insn = insn;
  w->s->escapes[w->s->num_escapes++].why = why;
}

static void add_early_at(walker *w, int output, int input, int read_insn, int write_insn,
                         bool address) {
  for (unsigned i = 0; i < w->s->num_early; i++)
    if (w->s->early[i].output == output && w->s->early[i].input == input) return;
  if (w->s->num_early == w->s->cap_early)
    w->s->early = as_arena_grow(w->arena, w->s->early, sizeof *w->s->early, w->s->num_early,
                                &w->s->cap_early);
  as_early_clobber *e = &w->s->early[w->s->num_early++];
  e->output = output;
  e->input = input;
  e->read_insn = read_insn;
  e->write_insn = write_insn;
  e->address = address;
}

/* Input operand op is read at insn i with its entry value: if the compiler
 * may give it a register the template names (d->alternatives), and the
 * block has already written that register on this path, the input would
 * be lost under that allocation. */
static void check_named_overwrite(walker *w, const state *st, int op, int i) {
  const as_block *b = w->block;
  /* The register is bound to op; the input is op itself or one tied to it. */
  int input = b->operands[op].dir != AS_DIR_OUT ? op : -1;
  for (unsigned q = 0; q < b->num_operands && input < 0; q++)
    if (b->operands[q].dir == AS_DIR_IN && b->operands[q].tied_to == op) input = (int)q;
  if (input < 0) return;
  for (unsigned a = 0; a < w->d->num_alternatives; a++) {
    const as_placement *p = &w->d->alternatives[a];
    if (p->memory || p->operand != op) continue;
    int k = idx(w, p->reg);
    if (k < 0) continue;
    const as_value *v = &st->regs[k];
    if (entry_unchanged(v, p->reg)) continue;
    bool known = false;
    for (unsigned l = 0; l < w->s->num_lost; l++)
      known |= w->s->lost[l].operand == input && w->s->lost[l].reg == p->reg;
    if (known) continue;
    if (w->s->num_lost == w->s->cap_lost)
      w->s->lost = as_arena_grow(w->arena, w->s->lost, sizeof *w->s->lost, w->s->num_lost,
                                 &w->s->cap_lost);
    as_lost_input *l = &w->s->lost[w->s->num_lost++];
    l->operand = input;
    l->reg = p->reg;
    l->write_insn = v->writer ? v->writer - 1 : v->origin;
    l->read_insn = i;
  }
}

static void add_access(walker *w, const as_access *a) {
  for (unsigned i = 0; i < w->s->num_accesses; i++)
    if (w->s->accesses[i].insn == a->insn && w->s->accesses[i].mem_index == a->mem_index) {
      /* Seen on another path (or another loop iteration): keep only what
       * holds on both. */
      as_access *old = &w->s->accesses[i];
      if (old->stack_offset_known && (!a->stack_offset_known || a->stack_offset != old->stack_offset))
        old->stack_offset_known = false;
      bool same_base = old->base.kind == a->base.kind && old->base.reg == a->base.reg &&
                       old->base.offset == a->base.offset && old->base.reg2 == a->base.reg2;
      if (!same_base) {
        if (old->derived_operand < 0 || old->derived_operand != a->derived_operand)
          old->derived_operand = old->operand >= 0 ? old->operand : old->pointer_operand;
        if (a->derived_operand != old->derived_operand &&
            (a->operand >= 0 ? a->operand : a->pointer_operand) != old->derived_operand)
          old->derived_operand = -1;
        old->base.kind = AS_VALUE_UNKNOWN;
        old->operand = old->pointer_operand = -1;
        old->varies = true;
      }
      if (old->index_operand != a->index_operand) old->index_operand = -1;
      return;
    }
  if (w->s->num_accesses == w->s->cap_accesses)
    w->s->accesses = as_arena_grow(w->arena, w->s->accesses, sizeof *w->s->accesses,
                                   w->s->num_accesses, &w->s->cap_accesses);
  w->s->accesses[w->s->num_accesses++] = *a;
}

/* Can output o and input i be given the same register by the compiler? */
static bool may_share(const as_target *t, const as_block *b, int o, int i) {
  const as_operand *out = &b->operands[o], *in = &b->operands[i];
  if (out->early_clobber || out->indirect || out->dir == AS_DIR_INOUT) return false;
  if (in->tied_to == o) return false;
  for (unsigned q = 0; q < b->num_operands; q++)
    if (b->operands[q].tied_to == o && b->operands[q].dir == AS_DIR_IN) return false;
  /* "=a" with an "a" input: rax holds that input at entry, so no other
   * input can be given rax. */
  if ((out->constraint.kinds & AS_CK_FIXED) && !(out->constraint.kinds & AS_CK_REG))
    for (unsigned q = 0; q < b->num_operands; q++)
      if ((int)q != i && b->operands[q].dir == AS_DIR_IN && (b->operands[q].constraint.kinds & AS_CK_FIXED) &&
          !strcmp(b->operands[q].constraint.fixed_reg, out->constraint.fixed_reg))
        return false;
  if (!(out->constraint.kinds & (AS_CK_REG | AS_CK_FIXED | AS_CK_ANY))) return false;
  /* Registers of different files never coincide (a GPR output, an xmm input). */
  int out_file = as_target_operand_file(t, &out->constraint), in_file = as_target_operand_file(t, &in->constraint);
  if (out_file != in_file && in_file >= 0) return false;
  if ((out->constraint.kinds & AS_CK_FIXED) && (in->constraint.kinds & AS_CK_FIXED) &&
      !(in->constraint.kinds & AS_CK_REG) && !(out->constraint.kinds & AS_CK_REG))
    return strcmp(out->constraint.fixed_reg, in->constraint.fixed_reg) == 0;
  return true;
}

static bool is_output(const as_operand *op) { return op->dir == AS_DIR_OUT || op->dir == AS_DIR_INOUT; }

/* Does the compiler need a register for a memory operand's address?  Not
 * for a local variable at a known offset (the frame or stack pointer reaches
 * it); for anything reached through a pointer, it may. */
static bool local_at_known_offset(const as_pointer_facts *f) {
  return f->known && f->kind == AS_OBJ_LOCAL && f->offset_known;
}

static bool address_in_register(const as_block *b, int m) {
  /* C: the lvalue, from the AST (the same with or without IR); IR: LLVM's
   * underlying object. */
  if (b->operands[m].frame_object) return false;
  return !local_at_known_offset(&b->operands[m].facts);
}

/* May output o be given the register that holds memory operand m's
 * address?  Addresses are general-purpose registers; an input tied to o, or
 * another input in o's fixed register, holds that register at entry. */
static bool may_share_address(const as_target *t, const as_block *b, int o, int m) {
  const as_operand *out = &b->operands[o];
  if (o == m || !is_output(out) || out->early_clobber || out->indirect || out->dir == AS_DIR_INOUT) return false;
  if (!(out->constraint.kinds & (AS_CK_REG | AS_CK_FIXED | AS_CK_ANY))) return false;
  if (as_target_operand_file(t, &out->constraint) != 0) return false;
  for (unsigned q = 0; q < b->num_operands; q++) {
    const as_operand *in = &b->operands[q];
    if (in->dir != AS_DIR_IN || (int)q == m) continue;
    if (in->tied_to == o) return false;
    if ((out->constraint.kinds & AS_CK_FIXED) && !(out->constraint.kinds & AS_CK_REG) &&
        (in->constraint.kinds & AS_CK_FIXED) && !strcmp(in->constraint.fixed_reg, out->constraint.fixed_reg))
      return false;
  }
  return true;
}

/* The register a push reads or a pop writes (not the stack pointer). */
static unsigned stack_reg(const walker *w, const as_reg_use *list, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    if (list[i].reg != w->sp && !is_special(w, list[i].reg) && !list[i].implicit) return list[i].sub;
  return 0;
}

static void write_value(walker *w, state *st, unsigned sub, as_value v, int insn) {
  unsigned full = as_target_reg_full(w->t, sub);
  int k = idx(w, full);
  if (k < 0) return;
  unsigned bits = as_target_reg_bits(w->t, sub);
  unsigned full_bits = as_target_reg_bits(w->t, full);
  bool whole = bits >= full_bits || as_target_write_defines_whole(w->t, sub);
  if (!whole) {
    as_value prior = st->regs[k];
    as_value m = opaque(insn, v.taint, v.from_sp || prior.from_sp, prior.defined_bits);
    if (bits > m.defined_bits) m.defined_bits = bits;
    v = m;
  }
  else if (bits < full_bits && v.defined_bits >= bits)
    v.defined_bits = full_bits; /* a 32-bit write zero-extends into the full register */
  if (v.origin < 0 && !(v.kind == AS_VALUE_ENTRY && v.reg == full && v.offset == 0)) v.origin = insn;
  v.writer = insn + 1;
  st->regs[k] = v;
  if (w->s->regs[k].first_write < 0) w->s->regs[k].first_write = insn;
  int op = w->reg_operand[k];
  if (op >= 0 && is_output(&w->block->operands[op]) && op < 64) {
    st->out_may |= 1ull << op;
    st->out_must |= 1ull << op;
  }
}

/* The register stack at one exit: its depth, and which entry value each
 * position holds; merged with the exits seen before (w->exit_seen). */
static void record_reg_stack_exit(walker *w, const state *st, int insn) {
  as_summary *s = w->s;
  as_reg_stack_exit mode = st->reg_stack_mode == REG_STACK_KNOWN     ? AS_REG_STACK_EXIT_KNOWN
                    : st->reg_stack_mode == REG_STACK_EMPTIED ? AS_REG_STACK_EXIT_EMPTIED
                                                : AS_REG_STACK_EXIT_UNKNOWN;
  if (!w->exit_seen) {
    s->reg_stack_exit_mode = mode;
    s->reg_stack_exit = st->reg_stack_depth;
    s->reg_stack_insn = st->reg_stack_insn;
  } else if (s->reg_stack_exit_mode != mode || s->reg_stack_exit != st->reg_stack_depth) {
    s->reg_stack_exit_mode = AS_REG_STACK_EXIT_UNKNOWN;
    s->reg_stack_exit = 0;
    if (s->reg_stack_insn < st->reg_stack_insn) s->reg_stack_insn = st->reg_stack_insn;
  }
  for (unsigned k = 0; k < w->reg_stack_used_count; k++) {
    const as_value *v = &st->regs[w->reg_stack_index[k]];
    int src = -1;
    for (unsigned j = 0; j < w->reg_stack_used_count; j++)
      if (entry_unchanged(v, s->regs[w->reg_stack_index[j]].reg)) src = (int)j;
    int by = src >= 0 ? -1 : v->writer ? v->writer - 1 : v->origin >= 0 ? v->origin : st->reg_stack_insn >= 0 ? st->reg_stack_insn : insn;
    if (!w->exit_seen) {
      s->reg_stack_exit_src[k] = src;
      s->reg_stack_changed_by[k] = by;
    } else if (s->reg_stack_exit_src[k] != src) {
      if (s->reg_stack_exit_src[k] >= 0) s->reg_stack_changed_by[k] = by >= 0 ? by : insn;
      s->reg_stack_exit_src[k] = -1;
    }
  }
}

static void wide_use(walker *w, int op, const as_value *v, int i, unsigned bits, int use_insn, int use_operand,
                     unsigned use_bits);

/* Is what full register reg holds at exit kept after the block: an output
 * the compiler reads, or any register the block does not declare it
 * discards (a clobber, an output nobody reads)? */
static bool kept_after_block(const walker *w, unsigned reg) {
  if (reg == w->sp || is_special(w, reg)) return false;
  for (unsigned op = 0; op < w->d->num_bindings && op < w->block->num_operands; op++) {
    const as_binding *bd = &w->d->bindings[op];
    if (bd->kind == AS_BIND_REG && (bd->reg == reg || bd->reg2 == reg))
      return !(w->block->operands[op].dir == AS_DIR_OUT && w->block->operands[op].discarded);
  }
  for (unsigned c = 0; c < w->block->num_clobbers; c++)
    if (as_target_clobber_reg(w->t, w->block->clobbers[c]) == reg) return false;
  return true;
}

static void record_exit(walker *w, const state *st, int insn) {
  as_summary *s = w->s;
  for (unsigned k = 0; k < s->num_regs; k++) {
    const as_value *v = &st->regs[k];
    as_reg_effect *e = &s->regs[k];
    bool unchanged = entry_unchanged(v, e->reg);
    if (!unchanged) {
      unsigned kept = entry_low_bits(v, e->reg);
      e->kept_low_bits = !e->changed_at_exit ? kept : kept < e->kept_low_bits ? kept : e->kept_low_bits;
    }
    if (!unchanged) e->changed_lanes |= all_lanes(w, e->reg) & ~entry_lanes_of(w, v, e->reg);
    if (!unchanged && !e->changed_at_exit) {
      e->changed_at_exit = true;
      /* The instruction that wrote the register (`mov %rdx, %r11`), not
       * the one that made the value it copied. */
      e->changed_by = v->writer ? v->writer - 1 : v->origin >= 0 ? v->origin : insn;
    }
    int op = w->reg_operand[k];
    if (v->upper_op) {
      /* an input's undefined upper bits, read by the compiler as the output */
      if (op >= 0 && is_output(&w->block->operands[op]) && !w->block->operands[op].discarded) {
        const as_operand *o = &w->block->operands[op];
        unsigned bits = as_target_reg_bits(w->t, e->reg);
        if (o->width_bits && o->width_bits < bits && !w->d->bindings[op].reg2) bits = o->width_bits;
        if (bits > v->defined_bits) wide_use(w, v->upper_op - 1, v, -1, 0, -1, op, bits);
      }
    } else if (v->defined_bits < e->min_exit_defined_bits) {
      e->min_exit_defined_bits = v->defined_bits;
    }
    if (op >= 0 && is_output(&w->block->operands[op])) {
      uint64_t t = v->taint;
      if (unchanged) t &= ~(1ull << k); /* never written: output-not-written */
      if (t) add_undefined(w, t, v->origin, AS_USE_OUTPUT, op);
    }
  }
  bool flags_unchanged = st->flags.kind == AS_VALUE_ENTRY && st->flags.reg == w->flags;
  if (!flags_unchanged && !s->flags_changed_at_exit) {
    s->flags_changed_at_exit = true;
    s->flags_changed_by = st->flags.origin;
  }
  const as_value *spv = &st->regs[w->sp_idx];
  if (!sp_known(w, st)) {
    s->sp_exit_known = false;
    if (s->sp_unbalanced_insn < 0) s->sp_unbalanced_insn = spv->origin >= 0 ? spv->origin : insn;
  } else if (!w->exit_seen) {
    s->sp_exit = spv->offset;
    if (spv->offset != 0) s->sp_unbalanced_insn = spv->origin;
  } else if (s->sp_exit != spv->offset) {
    s->sp_exit_known = false;
    if (s->sp_unbalanced_insn < 0) s->sp_unbalanced_insn = spv->origin;
  }
  if (st->df != 0) {
    s->df_may_be_set_at_exit = true;
    if (s->df_set_insn < 0) s->df_set_insn = st->df_insn;
  }
  /* Outputs written on this path: a register output whose register does
   * not hold its entry value at exit, a memory output stored to. */
  uint64_t written = st->mem_must;
  for (unsigned k = 0; k < s->num_regs; k++) {
    const as_value *v = &st->regs[k];
    bool unchanged = entry_unchanged(v, s->regs[k].reg);
    for (unsigned op = 0; op < w->d->num_bindings && op < 64; op++) {
      const as_binding *bd = &w->d->bindings[op];
      if (bd->kind == AS_BIND_REG && (bd->reg == s->regs[k].reg || bd->reg2 == s->regs[k].reg) && !unchanged)
        written |= 1ull << op;

    }
  }
  for (unsigned k = 0; k < s->num_regs; k++)
    if (st->regs[k].origin >= 0 && (unsigned)st->regs[k].origin <= w->d->num_insns &&
        kept_after_block(w, s->regs[k].reg))
      w->value_used[st->regs[k].origin] = true;
  if (!w->exit_seen) s->outputs_written_all = written;
  else s->outputs_written_all &= written;
  if (w->reg_stack_used_count) record_reg_stack_exit(w, st, insn);
  w->exit_seen = true;
}

static bool is_goto_label(const walker *w, const char *name) {
  unsigned n;
  if (sscanf(name, "asmstory_label%u", &n) == 1 && n < w->block->num_operands + w->block->num_labels)
    return true;
  for (unsigned i = 0; i < w->d->num_bindings; i++)
    if (w->d->bindings[i].kind == AS_BIND_LABEL && w->d->bindings[i].text &&
        !strcmp(w->d->bindings[i].text, name))
      return true;
  return false;
}

/* The known constant entry value of full register reg, from an input bound
 * to it. */
static bool known_entry_value(const walker *w, unsigned reg, long long *value) {
  for (unsigned i = 0; i < w->d->num_bindings && i < w->block->num_operands; i++) {
    const as_operand *op = &w->block->operands[i];
    if (w->d->bindings[i].kind != AS_BIND_REG || w->d->bindings[i].reg != reg || !op->has_value) continue;
    *value = op->value;
    return true;
  }
  return false;
}

/* A read whose value the instruction uses. */
static bool read_matters(const walker *w, const as_insn *in, const as_reg_use *u) {
  if (u->value_ignored || u->passthrough) return false;
  /* cmpxchg16b with rdx:rax equal to rcx:rbx: the result is the memory's */
  if (w->cas_equal_insn >= 0 && in == &w->d->insns[w->cas_equal_insn])
    for (unsigned k = 0; k < 2; k++)
      if (u->reg == in->cas_cmp[k] || u->reg == in->cas_new[k]) return false;
  if (!u->live_if) return true;
  long long v = 0;
  bool known = known_entry_value(w, u->live_if, &v);
  return as_target_read_live(w->t, in, u, known, v);
}

static uint64_t taint_of_reads(walker *w, const state *st, const as_insn *in, bool *from_sp) {
  uint64_t t = 0;
  for (unsigned r = 0; r < in->num_reads; r++) {
    int k = idx(w, in->reads[r].reg);
    if (k < 0 || in->reads[r].reg == w->sp) continue;
    if (!read_matters(w, in, &in->reads[r])) continue;
    t |= st->regs[k].taint;
    if (st->regs[k].from_sp) *from_sp = true;
  }
  return t;
}

/* ---- one instruction: reads ------------------------------------------- */

/* Is operand op bound to a register of the register stack? */
static bool on_reg_stack(const walker *w, int op) {
  if (op < 0 || (unsigned)op >= w->d->num_bindings || w->d->bindings[op].kind != AS_BIND_REG) return false;
  for (unsigned k = 0; k < w->reg_stack_count; k++)
    if (w->reg_stack_regs[k] == w->d->bindings[op].reg) return true;
  return false;
}

/* Outputs already written that may share a register with `input`, read now
 * by instruction i: early clobbers.  With address, `input` is a memory
 * operand (input or output) whose address is used now: an input of the
 * block too, which the compiler may put in an output's register. */
static void early_clobbers_of_input(walker *w, const state *st, int input, int i, bool address) {
  const as_block *b = w->block;
  for (unsigned o = 0; o < b->num_operands && o < 64; o++) {
    if (!((st->out_may >> o) & 1)) continue;
    if (address ? !may_share_address(w->t, b, (int)o, input) : !may_share(w->t, b, (int)o, input)) continue;
    /* Register-stack operands (x87 "t", "u") have positions the compiler
     * arranges around the block, not registers it allocates. */
    if (!address && on_reg_stack(w, (int)o) && on_reg_stack(w, input)) continue;
    int wk = -1;
    for (unsigned q = 0; q < w->s->num_regs; q++)
      if (w->reg_operand[q] == (int)o) wk = (int)q;
    add_early_at(w, (int)o, input, i, wk >= 0 ? st->regs[wk].origin : -1, address);
  }
}

/* Read u of instruction i reads the undefined upper bits of value v (in
 * tracked register k): the input operand they belong to (the operand's own
 * entry value, or bits a copy carried into v), or -1. */
static int undefined_upper_source(const walker *w, const as_insn *in, const as_reg_use *u, const as_value *v,
                                  int k) {
  if (!v->defined_bits || u->bits <= v->defined_bits || in->zero_idiom ||
      /* a narrow lea keeps only the low bits of the address it computes */
      (in->value_op == AS_VAL_LEA && as_target_reg_bits(w->t, in->value_dst) <= v->defined_bits) ||
      /* a destination read only to pass its bits through (bsr/bsf) */
      u->passthrough ||
      /* only the low bits are used (a segment register takes 16, strb 8) */
      (u->used_bits && v->defined_bits >= u->used_bits) ||
      (u->implicit && !(u->count && u->bits == w->d->pointer_bits)))
    return -1;
  if (v->upper_op) return v->upper_op - 1;
  int op = w->reg_operand[k];
  if (op >= 0 && w->block->operands[op].dir != AS_DIR_OUT && v->kind == AS_VALUE_ENTRY && v->reg == u->reg &&
      v->offset == 0)
    return op;
  return -1;
}

static void add_wide_read(walker *w, int op, int i, unsigned bits, unsigned defined_bits, int use_insn,
                          int use_operand, unsigned use_bits) {
  for (unsigned q = 0; q < w->s->num_wide; q++)
    if (w->s->wide[q].operand == op) return;
  if (w->s->num_wide == w->s->cap_wide)
    w->s->wide = as_arena_grow(w->arena, w->s->wide, sizeof *w->s->wide, w->s->num_wide,
                               &w->s->cap_wide);
  as_wide_read *x = &w->s->wide[w->s->num_wide++];
  x->operand = op;
  x->insn = i;
  x->bits = bits;
  x->defined_bits = defined_bits;
  x->use_insn = use_insn;
  x->use_operand = use_operand;
  x->use_bits = use_bits;
}

/* Undefined upper bits of input op, in value v, used at use_bits by
 * instruction use_insn (-1: by the compiler, as output use_operand). */
static void wide_use(walker *w, int op, const as_value *v, int i, unsigned bits, int use_insn, int use_operand,
                     unsigned use_bits) {
  if (v->upper_op)
    add_wide_read(w, op, v->upper_insn - 1, v->upper_read_bits, v->defined_bits, use_insn, use_operand, use_bits);
  else
    add_wide_read(w, op, i, bits, v->defined_bits, use_insn, use_operand, use_bits);
}

/* Does instruction i only carry the bits it reads into the one register it
 * writes, its low k bits from their low k bits (a copy; add, and, orr as
 * the target marks them low_bits_closed)?  Its tracked index, or -1. */
static int carrying_write(const walker *w, const as_insn *in) {
  if (in->value_op != AS_VAL_COPY && !in->low_bits_closed) return -1;
  int k = -1, n = 0;
  for (unsigned q = 0; q < in->num_writes; q++) {
    if (in->writes[q].reg == w->sp || is_special(w, in->writes[q].reg)) return -1;
    k = idx(w, in->writes[q].reg);
    n++;
  }
  return n == 1 ? k : -1;
}

/* What instruction i's register reads say about the operands: an input read
 * after an output was written (early clobber), an input read wider than its
 * value (or its undefined upper bits carried on into the register i
 * writes, to be checked where they are used). */
static void step_reads(walker *w, const state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  const as_block *b = w->block;
  int carry_k = carrying_write(w, in);
  w->carry_op = -1;
  for (unsigned r = 0; r < in->num_reads; r++) {
    int k = idx(w, in->reads[r].reg);
    if (k < 0) continue;
    int op = w->reg_operand[k];
    const as_value *v = &st->regs[k];
    if (v->origin >= 0 && (unsigned)v->origin <= w->d->num_insns && read_matters(w, in, &in->reads[r]))
      w->value_used[v->origin] = true;
    if (op >= 0 && v->kind == AS_VALUE_ENTRY && v->reg == in->reads[r].reg && v->offset == 0 &&
        read_matters(w, in, &in->reads[r]))
      check_named_overwrite(w, st, op, i);
    if (op >= 0 && b->operands[op].dir == AS_DIR_IN && v->kind == AS_VALUE_ENTRY &&
        v->reg == in->reads[r].reg && v->offset == 0 && st->out_may)
      early_clobbers_of_input(w, st, op, i, false);
    int src = undefined_upper_source(w, in, &in->reads[r], v, k);
    if (src < 0) continue;
    if (carry_k < 0) {
      wide_use(w, src, v, i, in->reads[r].bits, i, -1, in->reads[r].bits);
    } else if (w->carry_op < 0 || v->defined_bits < w->carry_defined) {
      w->carry_op = src;
      w->carry_insn = v->upper_op ? v->upper_insn - 1 : i;
      w->carry_bits = v->upper_op ? v->upper_read_bits : in->reads[r].bits;
      w->carry_defined = v->defined_bits;
    }
  }
}

/* After instruction i's writes: the register a carrying instruction wrote
 * holds the undefined upper bits it read (step_reads); any other write
 * holds none it carried. */
static void step_upper_bits(walker *w, state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  for (unsigned q = 0; q < in->num_writes; q++) {
    int k = idx(w, in->writes[q].reg);
    if (k < 0 || in->writes[q].reg == w->sp || is_special(w, in->writes[q].reg)) continue;
    as_value *v = &st->regs[k];
    if (w->carry_op >= 0) {
      if (v->defined_bits > w->carry_defined) v->defined_bits = w->carry_defined;
      v->upper_op = w->carry_op + 1;
      v->upper_insn = w->carry_insn + 1;
      v->upper_read_bits = w->carry_bits;
    } else {
      v->upper_op = v->upper_insn = 0;
      v->upper_read_bits = 0;
    }
  }
}

/* ---- one instruction: memory ------------------------------------------ */

/* The access m of instruction i as the summary records it: the address as a
 * symbolic value, the operand it goes through (memory operand, pointer in a
 * register operand, symbol), the stack offset.  An undefined value used as
 * an address is an undefined read. */
static void describe_access(walker *w, const state *st, int i, unsigned m, as_access *a) {
  const as_insn *in = &w->d->insns[i];
  const as_mem_access *ma = &in->mem[m];
  memset(a, 0, sizeof *a);
  a->insn = i;
  a->mem_index = m;
  a->load = ma->load;
  a->store = ma->store;
  a->operand = -1;
  a->pointer_operand = -1;
  a->derived_operand = -1;
  a->in_loop = w->in_loop[i];
  a->repeated = ma->repeated;
  a->implicit_stack = ma->stack;
  int bk = idx(w, ma->base);
  if (bk >= 0) {
    a->has_base = true;
    a->base = st->regs[bk];
    a->base.offset += ma->disp;
    a->derived_operand = -1;
    int pk = a->base.prov ? idx(w, a->base.prov) : -1;
    if (pk >= 0) a->derived_operand = w->mem_operand[pk] >= 0 ? w->mem_operand[pk] : w->reg_operand[pk];
    if (w->mem_operand[bk] >= 0 && a->base.kind == AS_VALUE_ENTRY && a->base.reg == ma->base && !a->base.rot &&
        !a->base.inv && !a->base.width)
      a->operand = w->mem_operand[bk];
    else if (w->reg_operand[bk] >= 0 && a->base.kind == AS_VALUE_ENTRY && a->base.reg == ma->base && !a->base.rot &&
        !a->base.inv && !a->base.width)
      a->pointer_operand = w->reg_operand[bk];
    if (a->base.from_sp || ma->stack) {
      a->stack = true;
      if (sp_known(w, st) || (a->base.kind == AS_VALUE_ENTRY && a->base.reg == w->sp)) {
        a->stack_offset_known = a->base.kind == AS_VALUE_ENTRY && a->base.reg == w->sp && !a->base.reg2;
        a->stack_offset = a->base.offset;
      }
    }
    if (a->base.taint && !ma->stack) add_undefined(w, a->base.taint, i, AS_USE_ADDRESS, -1);
  }
  a->sym_operand = -1;
  unsigned sym;
  if (ma->disp_symbol && sscanf(ma->disp_symbol, "asmstory_sym%u", &sym) == 1 && sym < w->block->num_operands) {
    a->sym_operand = (int)sym;
    a->base.offset = ma->disp;
  } else if (ma->disp_symbol && sscanf(ma->disp_symbol, "asmstory_mem%u", &sym) == 1 &&
             sym < w->block->num_operands) {
    a->operand = (int)sym; /* a memory operand bound by symbol */
    a->base.offset = ma->disp;
  }
  int ik = idx(w, ma->index);
  a->index_operand = -1;
  a->index_scale = ma->scale;
  if (ik >= 0) {
    a->has_index = true;
    const as_value *iv = &st->regs[ik];
    if (iv->kind == AS_VALUE_ENTRY && iv->reg == ma->index && iv->offset == 0 && w->reg_operand[ik] >= 0)
      a->index_operand = w->reg_operand[ik];
    if (st->regs[ik].taint) add_undefined(w, st->regs[ik].taint, i, AS_USE_ADDRESS, -1);
  }
}

/* The stack use an access shows: the first instruction that uses the stack,
 * the lowest offset below the entry stack pointer touched. */
static void note_stack_access(walker *w, const as_access *a, const as_insn *in, int i) {
  const as_mem_access *ma = &in->mem[a->mem_index];
  if (a->stack && (a->store || ma->stack)) {
    if (!w->s->uses_stack && (a->store || in->sp_delta < 0)) {
      w->s->uses_stack = true;
      w->s->stack_first_insn = i;
    }
  }
  if (a->stack && a->stack_offset_known && a->stack_offset < w->s->sp_min) {
    w->s->sp_min = a->stack_offset;
    w->s->sp_min_insn = i;
  }
}

/* Instruction i's memory accesses: recorded in the summary, with what they
 * imply for the stack, early clobbers through an input's address, memory
 * outputs written, and undefined values stored where the program sees
 * them. */
static bool track_saves(walker *w, state *st, const as_insn *in, int i, const as_access *a);

/* One number for the memory operands of one object: an input tied to an
 * output, or (IR: "=*m" and "*m" of one pointer, as clang writes "+m") the
 * same value. */
static int same_memory(const walker *w, int op) {
  const as_block *b = w->block;
  if (op < 0 || (unsigned)op >= b->num_operands) return op;
  if (b->operands[op].tied_to >= 0) return b->operands[op].tied_to;
  unsigned long long id = b->operands[op].value_id;
  for (int q = 0; id && q < op; q++)
    if (b->operands[q].value_id == id) return q;
  return op;
}

/* Does reg hold, unchanged, a register operand of pointer type? */
static bool holds_pointer_operand(const walker *w, const state *st, unsigned reg) {
  int k = idx(w, reg);
  if (k < 0 || w->reg_operand[k] < 0) return false;
  const as_value *v = &st->regs[k];
  return v->kind == AS_VALUE_ENTRY && v->reg == reg && !v->offset && w->block->operands[w->reg_operand[k]].is_pointer;
}

static void step_memory(walker *w, state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  const as_block *b = w->block;
  for (unsigned m = 0; m < in->num_mem; m++) {
    const as_mem_access *ma = &in->mem[m];
    /* A call given its arguments in registers reaches memory only through
     * those that hold a pointer the block was handed. */
    if (ma->if_pointer && !holds_pointer_operand(w, st, ma->base)) continue;
    as_access a;
    describe_access(w, st, i, m, &a);
    add_access(w, &a);
    note_stack_access(w, &a, in, i);
    /* Early clobber through the address of a memory operand: input or
     * output, its address is an input of the block, and the compiler may
     * put it in the register of an output that is not early-clobber. */
    if (a.operand >= 0 && st->out_may && address_in_register(b, a.operand))
      early_clobbers_of_input(w, st, a.operand, i, true);
    if (a.store && a.operand >= 0 && is_output(&b->operands[a.operand]) && a.operand < 64)
      st->mem_must |= 1ull << a.operand;
    /* The memory a state save or restore goes to (state_op); any other
     * store there overwrites a saved state. */
    if (in->reg_stack_op != AS_REG_STACK_NONE && a.operand >= 0 && !a.has_index && a.base.kind != AS_VALUE_UNKNOWN) {
      w->state_key_operand = same_memory(w, a.operand);
      w->state_key_offset = a.base.offset;
    } else if (a.store && st->snap.valid && (a.operand < 0 || same_memory(w, a.operand) == st->snap.operand)) {
      memset(&st->snap, 0, sizeof st->snap);
    }
    bool save = track_saves(w, st, in, i, &a);
    /* A store of an undefined value into memory the program sees. */
    if (a.store && !a.stack) {
      uint64_t t = 0;
      for (unsigned r = 0; r < in->num_reads; r++) {
        unsigned reg = in->reads[r].reg;
        if (reg == ma->base || reg == ma->index || reg == w->sp || !read_matters(w, in, &in->reads[r]))
          continue;
        int k = idx(w, reg);
        if (k >= 0) t |= st->regs[k].taint;
      }
      if (t && save && w->num_pending < 8) {
        w->pending[w->num_pending].insn = i;
        w->pending[w->num_pending].operand = a.operand;
        w->pending[w->num_pending].offset = a.base.offset;
        w->pending[w->num_pending].reg = as_target_reg_full(w->t, in->value_src);
        w->pending[w->num_pending].taint = t;
        w->pending[w->num_pending++].restored = false;
      } else if (t) {
        add_undefined(w, t, i, AS_USE_STORE, -1);
      }
    }
  }
}

/* Whole registers kept in memory operands: a store records the value, a
 * load of the same place gives it back (w->load_insn), any other store
 * there forgets it.  True when this is a store of a register's entry value
 * (a save, whose undefined bits matter only if nothing restores them). */
static bool track_saves(walker *w, state *st, const as_insn *in, int i, const as_access *a) {
  bool keyed = a->operand >= 0 && !a->has_index && a->base.kind != AS_VALUE_UNKNOWN;
  if (a->load && keyed && in->value_op == AS_VAL_LOAD)
    for (unsigned k = 0; k < st->num_saves; k++)
      if (st->saves[k].operand == a->operand && st->saves[k].offset == a->base.offset) {
        w->load_insn = i;
        w->load_value = st->saves[k].value;
      }
  if (!a->store) return false;
  unsigned n = 0;
  for (unsigned k = 0; k < st->num_saves; k++)
    if (keyed && !(st->saves[k].operand == a->operand && st->saves[k].offset == a->base.offset))
      st->saves[n++] = st->saves[k];
  st->num_saves = n;
  if (!keyed || in->value_op != AS_VAL_STORE || n >= 4) return false;
  int k = idx(w, as_target_reg_full(w->t, in->value_src));
  if (k < 0) return false;
  st->saves[n].operand = a->operand;
  st->saves[n].offset = a->base.offset;
  st->saves[n].value = st->regs[k];
  st->num_saves = n + 1;
  return entry_unchanged(&st->regs[k], w->s->regs[k].reg) && w->reg_operand[k] < 0;
}

/* ---- one instruction: flags, branches, side effects ------------------- */

/* Undefined flags consumed (RULES: jcc, setcc, cmov, adc, sbb, rcl, rcr,
 * ...) and undefined registers deciding an indirect branch or call. */
static void step_decisions(walker *w, const state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  if (in->flags_consumed && st->flags.taint) {
    bool decision = in->kind == AS_INSN_JUMP_COND;
    add_undefined(w, st->flags.taint, i, decision ? AS_USE_BRANCH : AS_USE_FLAGS_CONSUMED, -1);
  }
  if ((in->kind == AS_INSN_JUMP_INDIRECT || in->kind == AS_INSN_CALL_INDIRECT)) {
    bool fs = false;
    uint64_t t = taint_of_reads(w, st, in, &fs);
    if (t) add_undefined(w, t, i, AS_USE_BRANCH, -1);
  }
}

/* The first instruction of each side-effect class. */
static void step_side_effects(walker *w, int i) {
  const as_insn *in = &w->d->insns[i];
  for (unsigned c = 0; c < 8; c++)
    if ((in->side_effects >> c) & 1 && !((w->s->side_effects >> c) & 1)) {
      w->s->side_effects |= 1u << c;
      w->s->side_effect_insn[c] = i;
    }
}

/* ---- one instruction: values the target describes --------------------
 * Each returns false when the value cannot be followed (a partial register,
 * an untracked one): the generic write below then makes it opaque. */

static bool value_copy(walker *w, state *st, const as_insn *in, int i) {
  int k = idx(w, as_target_reg_full(w->t, in->value_src));
  if (k < 0 || as_target_reg_bits(w->t, in->value_src) != as_target_reg_bits(w->t, in->value_dst))
    return false;
  as_value v = st->regs[k];
  if (as_target_reg_bits(w->t, in->value_src) < as_target_reg_bits(w->t, as_target_reg_full(w->t, in->value_src)))
    v = opaque(i, v.taint, v.from_sp, as_target_reg_bits(w->t, in->value_dst));
  /* Undefined upper bits of a copied input are the read side's finding. */
  if (v.defined_bits && v.defined_bits < as_target_reg_bits(w->t, in->value_dst))
    v.defined_bits = as_target_reg_bits(w->t, in->value_dst);
  write_value(w, st, in->value_dst, v, i);
  return true;
}

static bool value_const(walker *w, state *st, const as_insn *in, int i) {
  as_value v;
  memset(&v, 0, sizeof v);
  v.kind = AS_VALUE_CONST;
  v.offset = in->value_imm;
  v.defined_bits = 4096;
  v.origin = i;
  write_value(w, st, in->value_dst, v, i);
  return true;
}

static bool value_swap(walker *w, state *st, const as_insn *in, int i) {
  int a = idx(w, as_target_reg_full(w->t, in->value_dst));
  int c = idx(w, as_target_reg_full(w->t, in->value_src));
  if (a < 0 || c < 0) return false;
  as_value va = st->regs[a], vc = st->regs[c];
  bool narrow = as_target_reg_bits(w->t, in->value_dst) <
                as_target_reg_bits(w->t, as_target_reg_full(w->t, in->value_dst));
  if (narrow) {
    va = opaque(i, va.taint, va.from_sp, 0);
    vc = opaque(i, vc.taint, vc.from_sp, 0);
  }
  write_value(w, st, in->value_dst, vc, i);
  write_value(w, st, in->value_src, va, i);
  return true;
}

static bool value_add_const(walker *w, state *st, const as_insn *in, int i) {
  int k = idx(w, as_target_reg_full(w->t, in->value_dst));
  if (k < 0 || as_target_reg_bits(w->t, in->value_dst) !=
                   as_target_reg_bits(w->t, as_target_reg_full(w->t, in->value_dst)))
    return false;
  as_value v = st->regs[k];
  if (v.rot || v.inv || v.width) {
    v = opaque(i, v.taint, v.from_sp, 4096);
  } else if (v.kind != AS_VALUE_UNKNOWN) {
    v.offset += in->value_imm;
    v.origin = i;
    if (v.kind == AS_VALUE_ENTRY && v.reg == w->s->regs[k].reg && v.offset == 0) v.origin = -1;
  } else {
    v.origin = i;
  }
  write_value(w, st, in->value_dst, v, i);
  return true;
}

/* dst += src or dst -= src, followed while src is a constant or a second
 * entry register (the `sub %0, %rsp` of a variable-size stack frame). */
static bool value_add_reg(walker *w, state *st, const as_insn *in, int i) {
  int k = idx(w, as_target_reg_full(w->t, in->value_dst));
  int q = idx(w, as_target_reg_full(w->t, in->value_src));
  unsigned dbits = as_target_reg_bits(w->t, in->value_dst);
  if (k < 0 || q < 0 || dbits != as_target_reg_bits(w->t, as_target_reg_full(w->t, in->value_dst)) ||
      dbits != as_target_reg_bits(w->t, in->value_src))
    return false;
  as_value v = st->regs[k], u = st->regs[q];
  int sign = in->value_op == AS_VAL_ADD_REG ? 1 : -1;
  bool ok = false;
  if (v.rot || u.rot || v.inv || u.inv || v.width || u.width) {
    ok = false;
  } else if (v.kind == AS_VALUE_ENTRY && u.kind == AS_VALUE_CONST) {
    v.offset += sign * u.offset;
    ok = true;
  } else if (v.kind == AS_VALUE_ENTRY && u.kind == AS_VALUE_ENTRY && u.offset == 0 && !u.reg2) {
    if (!v.reg2) {
      v.reg2 = u.reg;
      v.coef2 = sign;
      ok = true;
    } else if (v.reg2 == u.reg && v.coef2 == -sign) {
      v.reg2 = 0;
      v.coef2 = 0;
      ok = true;
    }
  }
  if (!ok) return false;
  v.taint |= u.taint;
  v.from_sp = v.from_sp || u.from_sp;
  v.origin = i;
  if (v.reg == w->s->regs[k].reg && v.offset == 0 && !v.reg2) v.origin = -1;
  write_value(w, st, in->value_dst, v, i);
  return true;
}

/* The ENTRY value an in-place transform of in->value_dst starts from, with
 * the width it acts on (0: the whole register); false when it cannot be
 * followed (a narrow write that keeps the upper bits, another value). */
static bool transform_start(walker *w, const state *st, const as_insn *in, as_value *v, unsigned *bits) {
  int k = idx(w, as_target_reg_full(w->t, in->value_dst));
  *bits = as_target_reg_bits(w->t, in->value_dst);
  bool whole = *bits == as_target_reg_bits(w->t, as_target_reg_full(w->t, in->value_dst));
  if (k < 0 || (!whole && !as_target_write_defines_whole(w->t, in->value_dst))) return false;
  *v = st->regs[k];
  if (v->kind != AS_VALUE_ENTRY || v->offset || v->reg2) return false;
  unsigned width = whole ? 0 : *bits;
  if ((v->rot || v->inv || v->width) && v->width != width) return false;
  v->width = width;
  return true;
}

static bool value_rotate(walker *w, state *st, const as_insn *in, int i) {
  as_value v;
  unsigned bits;
  if (!transform_start(w, st, in, &v, &bits) || v.inv) return false;
  v.rot = (int)(((v.rot + in->value_imm) % (long long)bits + bits) % bits);
  v.origin = v.rot || v.width ? i : -1;
  write_value(w, st, in->value_dst, v, i);
  return true;
}

/* A load of a value saved in a memory operand; back in its own register, it
 * makes the save's store a save, not an undefined store. */
static bool value_load(walker *w, state *st, const as_insn *in, int i) {
  if (w->load_insn != i) return false;
  as_value v = w->load_value;
  unsigned full = as_target_reg_full(w->t, in->value_dst);
  if (v.kind == AS_VALUE_ENTRY && v.reg == full)
    for (unsigned k = 0; k < w->num_pending; k++)
      if (w->pending[k].reg == full) w->pending[k].restored = true;
  if (!entry_unchanged(&v, full)) v.origin = i;
  write_value(w, st, in->value_dst, v, i);
  return true;
}

/* bswap, neg, not: applied twice in a row, the value is back. */
static bool value_involution(walker *w, state *st, const as_insn *in, int i) {
  as_value v;
  unsigned bits;
  if (!transform_start(w, st, in, &v, &bits)) return false;
  unsigned op = (unsigned)in->value_imm & 0xf;
  if ((v.inv & 0xf) == op) v.inv >>= 4;
  else if (v.inv >> 24) return false;
  else v.inv = (v.inv << 4) | op;
  v.origin = v.rot || v.inv || v.width ? i : -1;
  write_value(w, st, in->value_dst, v, i);
  return true;
}

static bool value_lea(walker *w, state *st, const as_insn *in, int i) {
  int bk = idx(w, in->lea.base);
  if (bk < 0 || in->lea.index) return false;
  as_value v = st->regs[bk];
  if (v.kind != AS_VALUE_UNKNOWN) v.offset += in->lea.disp;
  v.origin = i;
  write_value(w, st, in->value_dst, v, i);
  return true;
}

/* The value the instruction computes, when the target describes it
 * (in->value_op); false when it does not or it cannot be followed. */
static bool step_value(walker *w, state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  switch (in->value_op) {
  case AS_VAL_COPY: return value_copy(w, st, in, i);
  case AS_VAL_CONST: return value_const(w, st, in, i);
  case AS_VAL_SWAP: return value_swap(w, st, in, i);
  case AS_VAL_ADD_CONST: return value_add_const(w, st, in, i);
  case AS_VAL_ADD_REG:
  case AS_VAL_SUB_REG: return value_add_reg(w, st, in, i);
  case AS_VAL_ROTATE: return value_rotate(w, st, in, i);
  case AS_VAL_INVOLUTION: return value_involution(w, st, in, i);
  case AS_VAL_LOAD: return value_load(w, st, in, i);
  case AS_VAL_LEA: return value_lea(w, st, in, i);
  default: return false;
  }
}

/* ---- one instruction: everything else it writes ----------------------- */

/* What instruction i reads to compute its results: the taint they carry
 * and whether they derive from the stack pointer. */
typedef struct results {
  uint64_t taint;
  bool from_sp;
  as_value sp_before;  /* the stack pointer before the instruction */
  bool is_push, is_pop;
} results;

/* The use of instruction in that reads or writes register `sub` as named. */
static const as_reg_use *named_use(const as_reg_use *list, unsigned n, unsigned sub) {
  for (unsigned k = 0; k < n; k++)
    if (list[k].sub == sub) return &list[k];
  return NULL;
}

/* The value a push of register part u stores: the register's value, or for
 * a part of it (vpush {d8} of q4) an opaque value that remembers when that
 * part held the entry value. */
static as_value pushed_part(walker *w, const state *st, int i, const as_reg_use *u, unsigned sub) {
  int k = idx(w, as_target_reg_full(w->t, sub));
  if (k < 0) return opaque(i, 0, false, 4096);
  if (k == w->sp_idx) return st->regs[k];
  as_value v = st->regs[k];
  if (as_target_reg_bits(w->t, sub) >= as_target_reg_bits(w->t, as_target_reg_full(w->t, sub))) return v;
  as_value p = opaque(i, v.taint, v.from_sp, v.defined_bits);
  uint32_t lanes = u ? use_lanes(w, u) : 0;
  if (lanes && (entry_lanes_of(w, &v, w->s->regs[k].reg) & lanes) == lanes) {
    p.lanes_reg = w->s->regs[k].reg;
    p.entry_lanes = lanes;
  }
  return p;
}

/* After write u of instruction i to a part of a register: the lanes it did
 * not write keep the entry value they held before (prior); a pop of a part
 * saved at entry (slot value saved) gives its lanes back, and all of them
 * back is the entry value. */
static void write_part_lanes(walker *w, state *st, int i, const as_reg_use *u, const as_value *prior,
                             const as_value *saved) {
  uint32_t lanes = use_lanes(w, u);
  int k = idx(w, u->reg);
  if (!lanes || k < 0 || u->whole) return;
  uint32_t keep = entry_lanes_of(w, prior, u->reg) & ~lanes;
  if (saved && saved->lanes_reg == u->reg && (saved->entry_lanes & lanes) == lanes) keep |= lanes;
  if (keep == all_lanes(w, u->reg)) {
    write_value(w, st, u->reg, w->entry_regs[k], i);
    st->regs[k].writer = i + 1;
  } else if (keep && st->regs[k].kind == AS_VALUE_UNKNOWN) {
    st->regs[k].lanes_reg = u->reg;
    st->regs[k].entry_lanes = keep;
  }
}

/* A push: the value pushed goes into the slot below the stack pointer
 * (pushf: the flags with the direction flag). */
static void push_slot(walker *w, state *st, int i, const results *r) {
  const as_insn *in = &w->d->insns[i];
  as_value v;
  int df = -1;
  if (in->num_stack_list) { /* pusha: one slot per register, the first highest */
    if (!sp_symbolic(w, st)) return;
    int step = in->sp_delta / (int)in->num_stack_list;
    for (unsigned k = 0; k < in->num_stack_list; k++) {
      as_value at = r->sp_before;
      at.offset += step * (int)(k + 1);
      unsigned sub = in->stack_list[k];
      set_slot(st, &at, pushed_part(w, st, i, named_use(in->reads, in->num_reads, sub), sub), -1);
    }
    return;
  }
  if (in->flags_saved) {
    v = st->flags;
    v.taint = 0; /* pushf of the entry flags is the accepted way to read them */
    df = st->df;
    if (df == 0 || df == 1) {
      unsigned n = st->num_saved_flags < 4 ? st->num_saved_flags++ : 3;
      st->saved_flags[n] = v;
      st->saved_df[n] = df;
    }
  } else {
    unsigned reg = stack_reg(w, in->reads, in->num_reads);
    v = reg ? pushed_part(w, st, i, named_use(in->reads, in->num_reads, reg), reg) : opaque(i, 0, false, 4096);
  }
  if (sp_symbolic(w, st)) {
    as_value at = r->sp_before;
    at.offset = r->sp_before.offset + (in->sp_delta < 0 ? in->sp_delta : 0);
    set_slot(st, &at, v, df);
    /* push $1f: the address of a label of the block (a return or an iret
     * to it continues there) */
    slot *sl = find_slot(st, &at);
    if (sl && in->target_insn >= 0 && !in->flags_saved && !stack_reg(w, in->reads, in->num_reads))
      sl->code = in->target_insn + 1;
  }
}

/* Registers written: opaque results of the reads, a popped slot's value, or
 * the constant of a zero idiom. */
static void write_results(walker *w, state *st, int i, const results *r) {
  const as_insn *in = &w->d->insns[i];
  for (unsigned k = 0; k < in->num_writes; k++) {
    const as_reg_use *u = &in->writes[k];
    if (u->reg == w->sp || is_special(w, u->reg)) continue;
    if (u->implicit && u->shift && u->shift + u->bits >= as_target_reg_bits(w->t, u->reg)) {
      /* The bits from u->shift up only (vzeroupper): the low bits keep
       * what they held, the entry value's low bits included. */
      int q = idx(w, u->reg);
      if (q < 0) continue;
      as_value v = st->regs[q];
      if (v.kind == AS_VALUE_ENTRY && v.reg == u->reg && !v.offset && !v.reg2 && !v.rot && !v.inv) {
        if (!v.width || v.width > u->shift) v.width = u->shift;
        v.origin = i;
      } else {
        v = opaque(i, v.taint, v.from_sp, v.defined_bits);
      }
      write_value(w, st, u->reg, v, i);
      continue;
    }
    as_value v = opaque(i, r->taint, r->from_sp, 4096);
    int q = idx(w, u->reg);
    as_value prior = q >= 0 ? st->regs[q] : v;
    const slot *sl = NULL;
    if (r->is_pop && in->num_stack_list && sp_symbolic(w, st)) {
      /* popa: each register from its slot (the first pushed is highest);
       * the list names parts of registers as the instruction does */
      unsigned k = 0, n = in->num_stack_list;
      while (k < n && in->stack_list[k] != u->sub) k++;
      for (k = k < n ? k : 0; k < n && in->stack_list[k] != u->sub && in->stack_list[k] != u->reg;) k++;
      as_value at = r->sp_before;
      at.offset += in->sp_delta - (in->sp_delta / (int)in->num_stack_list) * (int)(k + 1);
      sl = k < in->num_stack_list ? find_slot(st, &at) : NULL;
      v = sl ? sl->value : opaque(i, 0, false, 4096);
    } else if (r->is_pop && !u->implicit && sp_symbolic(w, st)) {
      sl = find_slot(st, &r->sp_before);
      if (sl) v = sl->value;
      else v = opaque(i, 0, false, 4096);
      if (v.kind == AS_VALUE_UNKNOWN) v.origin = v.origin >= 0 ? v.origin : i;
    } else if (in->zero_idiom) {
      memset(&v, 0, sizeof v);
      v.kind = AS_VALUE_CONST;
      v.offset = in->idiom_value;
      v.defined_bits = 4096;
      v.origin = i;
    }
    as_value saved = sl ? sl->value : v;
    write_value(w, st, u->sub, v, i);
    write_part_lanes(w, st, i, u, &prior, sl ? &saved : NULL);
  }
}

/* Flags written: restored from a pushf slot (popf), or computed. */
static void write_flags(walker *w, state *st, int i, const results *r) {
  const as_insn *in = &w->d->insns[i];
  if (in->flags_restored && sp_symbolic(w, st)) {
    slot *sl = find_slot(st, &r->sp_before);
    /* Flags pushf saved, back through a register (pushf; pop %0; ...;
     * push %0; popf: the CPUID-detection idiom): their direction flag. */
    int saved = -1;
    for (unsigned k = 0; sl && sl->df < 0 && k < st->num_saved_flags; k++)
      if (value_equal(&sl->value, &st->saved_flags[k])) saved = st->saved_df[k];
    /* the entry flags themselves: the entry direction flag, clear */
    if (sl && sl->df < 0 && sl->value.kind == AS_VALUE_ENTRY && sl->value.reg == w->flags &&
        !sl->value.offset && !sl->value.reg2 && !sl->value.rot && !sl->value.inv &&
        !sl->value.width)
      saved = 0;
    if (sl && (sl->df >= 0 || saved >= 0)) {
      st->flags = sl->value;
      st->df = saved >= 0 ? saved : sl->df;
      if (st->df != 0) st->df_insn = i;
    } else {
      st->flags = opaque(i, 0, false, 0);
      st->df = 2;
      st->df_insn = i;
    }
  } else {
    st->flags = opaque(i, in->zero_idiom ? 0 : r->taint, false, 0);
  }
  if (w->s->flags_first_write < 0) w->s->flags_first_write = i;
}

/* An instruction the target gives no value for: push, pop, and any other
 * register, flags and stack pointer writes. */
static void step_generic_writes(walker *w, state *st, int i, const results *r) {
  const as_insn *in = &w->d->insns[i];
  if (r->is_push) push_slot(w, st, i, r);
  write_results(w, st, i, r);
  if (in->flags_written) write_flags(w, st, i, r);
  /* Explicit writes of the stack pointer other than the families above. */
  for (unsigned k = 0; k < in->num_writes; k++)
    if (in->writes[k].reg == w->sp && !in->writes[k].implicit && !in->sp_delta) {
      st->regs[w->sp_idx] = opaque(i, r->taint, true, 4096);
      if (w->s->regs[w->sp_idx].first_write < 0) w->s->regs[w->sp_idx].first_write = i;
    }
}

/* ---- one instruction: the stack ---------------------------------------- */

/* Stores into tracked slots other than push forget them. */
static void forget_stored_slots(walker *w, state *st, const as_insn *in, bool is_push) {
  for (unsigned m = 0; m < in->num_mem; m++)
    if (in->mem[m].store && !is_push) {
      int bk = idx(w, in->mem[m].base);
      if (bk >= 0 && st->regs[bk].kind == AS_VALUE_ENTRY && st->regs[bk].reg == w->sp && !st->regs[bk].reg2)
        forget_slots_overlapping(st, st->regs[bk].offset + in->mem[m].disp, in->mem[m].size,
                                 w->d->pointer_bits / 8);
      else if (bk < 0 || st->regs[bk].from_sp)
        st->num_slots = 0;
    }
}

/* Implicit stack pointer change (a call's return address is popped by the
 * callee's return: no net change after it), and the lowest stack pointer. */
static void step_stack_pointer(walker *w, state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  if (in->sp_delta && in->kind != AS_INSN_CALL && in->kind != AS_INSN_CALL_INDIRECT) {
    as_value *sp = &st->regs[w->sp_idx];
    if (sp->kind == AS_VALUE_ENTRY) {
      sp->offset += in->sp_delta;
      sp->origin = sp->offset || sp->reg2 ? i : -1;
    }
    if (sp_known(w, st) && sp->offset < w->s->sp_min) {
      w->s->sp_min = sp->offset;
      w->s->sp_min_insn = i;
    }
    if (in->sp_delta < 0 && !w->s->uses_stack) {
      w->s->uses_stack = true;
      w->s->stack_first_insn = i;
    }
    if (w->s->regs[w->sp_idx].first_write < 0) w->s->regs[w->sp_idx].first_write = i;
  }
  if (sp_known(w, st) && st->regs[w->sp_idx].offset < w->s->sp_min) {
    w->s->sp_min = st->regs[w->sp_idx].offset;
    w->s->sp_min_insn = i;
  }
}

/* ---- one instruction: the register stack ------------------------------ */

/* A push (delta > 0) moves every value one register down, the last one to
 * the top (the registers are a ring: the top of stack moves); a pop moves
 * them up. */
static void reg_stack_move(walker *w, state *st, int i, int delta) {
  if (!w->reg_stack_used_count) return;
  unsigned n = w->reg_stack_used_count;
  int steps = delta;
  for (; steps > 0; steps--) {
    as_value last = st->regs[w->reg_stack_index[n - 1]];
    for (unsigned k = n - 1; k > 0; k--) st->regs[w->reg_stack_index[k]] = st->regs[w->reg_stack_index[k - 1]];
    st->regs[w->reg_stack_index[0]] = last;
  }
  for (; steps < 0; steps++) {
    as_value first = st->regs[w->reg_stack_index[0]];
    for (unsigned k = 0; k + 1 < n; k++) st->regs[w->reg_stack_index[k]] = st->regs[w->reg_stack_index[k + 1]];
    st->regs[w->reg_stack_index[n - 1]] = first;
  }
  for (unsigned k = 0; k < n; k++)
    if (w->s->regs[w->reg_stack_index[k]].first_write < 0) w->s->regs[w->reg_stack_index[k]].first_write = i;
  if (st->reg_stack_mode != REG_STACK_UNKNOWN) st->reg_stack_depth += delta;
  if (st->reg_stack_mode == REG_STACK_KNOWN && st->reg_stack_depth > w->s->reg_stack_max) w->s->reg_stack_max = st->reg_stack_depth;
  st->reg_stack_insn = i;
}

/* Every register of the stack holds something the block does not know. */
static void reg_stack_forget(walker *w, state *st, int i) {
  for (unsigned k = 0; k < w->reg_stack_used_count; k++) {
    st->regs[w->reg_stack_index[k]] = opaque(i, 0, false, 4096);
    st->regs[w->reg_stack_index[k]].writer = i + 1;
    if (w->s->regs[w->reg_stack_index[k]].first_write < 0) w->s->regs[w->reg_stack_index[k]].first_write = i;
  }
  st->reg_stack_insn = i;
}

/* A save of the whole state (fxsave, fnsave), before the instruction's own
 * writes: what its memory then holds, for a restore of the same memory. */
static void state_save(walker *w, state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  memset(&st->snap, 0, sizeof st->snap);
  if (w->state_key_operand < 0) return;
  st->snap.valid = true;
  st->snap.operand = w->state_key_operand;
  st->snap.offset = w->state_key_offset;
  st->snap.mode = st->reg_stack_mode;
  st->snap.depth = st->reg_stack_depth;
  for (unsigned k = 0; k < w->reg_stack_used_count; k++) st->snap.stack[k] = st->regs[w->reg_stack_index[k]];
  for (unsigned r = 0; r < in->num_state_regs && st->snap.num < 24; r++) {
    int q = idx(w, in->state_regs[r]);
    if (q < 0) continue;
    st->snap.idx[st->snap.num] = (unsigned char)q;
    st->snap.regs[st->snap.num++] = st->regs[q];
  }
}

/* After the instruction's writes: a reset (fninit, and fnsave after its
 * save) empties the stack; a restore (fxrstor) from the memory a save of
 * this path stored gives back the stack and the registers saved with it,
 * from any other memory the stack is what that memory holds. */
static void state_op(walker *w, state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  bool keyed = w->state_key_operand >= 0;
  switch (in->reg_stack_op) {
  case AS_REG_STACK_SAVE:
    break;
  case AS_REG_STACK_SAVE_RESET:
    if (!w->reg_stack_used_count) break;
    reg_stack_forget(w, st, i); /* fnsave initializes the FPU after storing it */
    st->reg_stack_mode = REG_STACK_EMPTIED;
    st->reg_stack_depth = 0;
    break;
  case AS_REG_STACK_RESET:
    if (!w->reg_stack_used_count) break;
    reg_stack_forget(w, st, i);
    st->reg_stack_mode = REG_STACK_EMPTIED;
    st->reg_stack_depth = 0;
    break;
  case AS_REG_STACK_RESTORE:
    if (keyed && st->snap.valid && st->snap.operand == w->state_key_operand &&
        st->snap.offset == w->state_key_offset) {
      for (unsigned k = 0; k < w->reg_stack_used_count; k++) st->regs[w->reg_stack_index[k]] = st->snap.stack[k];
      for (unsigned r = 0; r < st->snap.num; r++) st->regs[st->snap.idx[r]] = st->snap.regs[r];
      st->reg_stack_mode = st->snap.mode;
      st->reg_stack_depth = st->snap.depth;
      st->reg_stack_insn = i;
    } else if (w->reg_stack_used_count) {
      reg_stack_forget(w, st, i);
      st->reg_stack_mode = REG_STACK_UNKNOWN;
      st->reg_stack_depth = 0;
    }
    break;
  case AS_REG_STACK_NONE:
    break;
  }
}

/* ---- one instruction -------------------------------------------------- */

/* One instruction's effect on the state, in this order: what its reads and
 * memory accesses say, the flags and registers it consumes, then what it
 * writes (a value the target describes, or generic results), the stack
 * slots and stack pointer, and the direction flag. */
/* Does each comparand register of a compare-exchange hold the same value as
 * its new-value register (copied from it, or the other way round)? */
static bool cas_comparand_is_new(const walker *w, const state *st, const as_insn *in) {
  if (!in->cas_cmp[0]) return false;
  for (unsigned k = 0; k < 2; k++) {
    int c = idx(w, in->cas_cmp[k]), n = idx(w, in->cas_new[k]);
    if (c < 0 || n < 0) return false;
    const as_value *a = &st->regs[c], *b = &st->regs[n];
    if (a->kind == AS_VALUE_UNKNOWN
            ? !(b->kind == AS_VALUE_UNKNOWN && a->origin == b->origin && a->origin >= 0)
            : !(a->kind == b->kind && a->reg == b->reg && a->offset == b->offset && a->reg2 == b->reg2 &&
                a->coef2 == b->coef2 && a->rot == b->rot && a->inv == b->inv && a->width == b->width))
      return false;
  }
  return true;
}

static void step(walker *w, state *st, int i) {
  const as_insn *in = &w->d->insns[i];
  w->cas_equal_insn = cas_comparand_is_new(w, st, in) ? i : -1;
  w->state_key_operand = -1;
  step_reads(w, st, i);
  step_memory(w, st, i);
  step_decisions(w, st, i);
  step_side_effects(w, i);

  results r;
  r.from_sp = false;
  r.taint = taint_of_reads(w, st, in, &r.from_sp);
  if (in->flags_consumed) r.taint |= st->flags.taint;
  if (in->zero_idiom) r.taint = 0;
  r.sp_before = st->regs[w->sp_idx];
  r.is_pop = in->sp_delta > 0 && in->kind == AS_INSN_OTHER;
  r.is_push = in->sp_delta < 0 && in->kind == AS_INSN_OTHER;
  /* A register-stack push renames the registers before the writes, a pop
   * after them (insn.h). */
  if (in->reg_stack_op == AS_REG_STACK_SAVE || in->reg_stack_op == AS_REG_STACK_SAVE_RESET) state_save(w, st, i);
  if (in->reg_stack_delta > 0) reg_stack_move(w, st, i, in->reg_stack_delta);
  bool handled = step_value(w, st, i);
  if (handled && in->flags_written) st->flags = opaque(i, r.taint, false, 0);
  if (!handled) step_generic_writes(w, st, i, &r);
  else if (in->flags_written && w->s->flags_first_write < 0) w->s->flags_first_write = i;
  step_upper_bits(w, st, i);
  if (in->reg_stack_delta < 0) reg_stack_move(w, st, i, in->reg_stack_delta);
  if (in->reg_stack_op != AS_REG_STACK_NONE) state_op(w, st, i);

  forget_stored_slots(w, st, in, r.is_push);
  step_stack_pointer(w, st, i);

  /* Direction flag. */
  if (in->df_set == 0 || in->df_set == 1) {
    st->df = in->df_set;
    st->df_insn = i;
  }
}

/* A system call that never returns (exit), its number a known constant. */
static bool exits_process(walker *w, const state *st, const as_insn *in) {
  if (!in->syscall_nr_reg) return false;
  int k = idx(w, in->syscall_nr_reg);
  long long nr = -1;
  if (k >= 0 && st->regs[k].kind == AS_VALUE_CONST) nr = st->regs[k].offset;
  if (k >= 0 && st->regs[k].kind == AS_VALUE_ENTRY && w->reg_operand[k] >= 0) {
    /* the entry value of an input with a known constant */
    for (unsigned q = 0; q < w->block->num_operands && q < w->d->num_bindings; q++)
      if (w->d->bindings[q].kind == AS_BIND_REG && w->d->bindings[q].reg == st->regs[k].reg &&
          w->block->operands[q].dir != AS_DIR_OUT && w->block->operands[q].has_value)
        nr = w->block->operands[q].value;
  }
  if (nr < 0 && w->s->syscall_nr_unknown < 0) w->s->syscall_nr_unknown = (int)(in - w->d->insns);
  return as_target_syscall_never_returns(w->t, in, nr);
}

/* ---- the walk ---------------------------------------------------------- */

static void init_summary(as_summary *s) {
  memset(s, 0, sizeof *s);
  s->flags_first_write = -1;
  s->flags_changed_by = -1;
  s->sp_unbalanced_insn = -1;
  s->sp_min_insn = -1;
  s->stack_first_insn = -1;
  s->syscall_nr_unknown = -1;
  s->df_set_insn = -1;
  s->sp_exit_known = true;
  for (unsigned c = 0; c < 8; c++) s->side_effect_insn[c] = -1;
  s->reg_stack_insn = -1;
  for (unsigned k = 0; k < 8; k++) s->reg_stack_exit_src[k] = (int)k, s->reg_stack_changed_by[k] = -1;
}

/* The registers the walk tracks: the stack pointer, every bound register,
 * every register the instructions touch.  False when there are more than
 * AS_MAX_TRACKED. */
static bool track_registers(walker *w) {
  const as_decoded *d = w->d;
  w->sp_idx = track(w, w->sp);
  for (unsigned i = 0; i < d->num_bindings; i++) {
    const as_binding *bd = &d->bindings[i];
    if (bd->kind == AS_BIND_REG || bd->kind == AS_BIND_MEM) {
      int k = track(w, bd->reg);
      if (k >= 0) {
        if (bd->kind == AS_BIND_REG && w->reg_operand[k] < 0) w->reg_operand[k] = (int)i;
        if (bd->kind == AS_BIND_MEM && w->mem_operand[k] < 0) w->mem_operand[k] = (int)i;
      }
      if (bd->reg2) {
        int k2 = track(w, bd->reg2);
        if (k2 >= 0 && w->reg_operand[k2] < 0) w->reg_operand[k2] = (int)i;
      }
    }
  }
  /* The register stack: all its registers, when an instruction moves it,
   * saves or restores it, or names one of them (a value moves between
   * them with every push and pop). */
  unsigned stack_regs[8];
  unsigned stack_count = as_target_reg_stack(w->t, stack_regs);
  for (unsigned k = 0; k < stack_count; k++) w->reg_stack_regs[k] = stack_regs[k];
  w->reg_stack_count = stack_count;
  for (unsigned k = 0; k < 8; k++) w->reg_stack_index[k] = -1;
  bool uses_reg_stack = false;
  for (unsigned i = 0; i < d->num_insns && stack_count; i++) {
    const as_insn *in = &d->insns[i];
    uses_reg_stack |= in->reg_stack_delta != 0 || in->reg_stack_op != AS_REG_STACK_NONE;
    for (unsigned r = 0; r < in->num_reads + in->num_writes; r++) {
      unsigned reg = r < in->num_reads ? in->reads[r].reg : in->writes[r - in->num_reads].reg;
      for (unsigned k = 0; k < stack_count; k++) uses_reg_stack |= reg == stack_regs[k];
    }
  }
  if (uses_reg_stack) {
    for (unsigned k = 0; k < stack_count; k++)
      if ((w->reg_stack_index[k] = track(w, stack_regs[k])) < 0) return false;
    w->reg_stack_used_count = stack_count;
  }
  for (unsigned i = 0; i < d->num_insns; i++) {
    const as_insn *in = &d->insns[i];
    for (unsigned r = 0; r < in->num_reads; r++)
      if (!is_special(w, in->reads[r].reg) && track(w, in->reads[r].reg) < 0) return false;
    for (unsigned r = 0; r < in->num_writes; r++)
      if (!is_special(w, in->writes[r].reg) && track(w, in->writes[r].reg) < 0) return false;
    for (unsigned r = 0; r < in->num_state_regs; r++)
      if (track(w, in->state_regs[r]) < 0) return false;
    for (unsigned m = 0; m < in->num_mem; m++) {
      if (in->mem[m].base && track(w, in->mem[m].base) < 0) return false;
      if (in->mem[m].index && track(w, in->mem[m].index) < 0) return false;
    }
  }
  return true;
}

/* Is register reg defined at entry through an operand: bound to an input,
 * an in/out operand, or an output some input is tied to (several operands
 * may share a fixed register)?  Narrows v->defined_bits to the width of an
 * input's type. */
static bool defined_by_operand(const walker *w, unsigned reg, as_value *v) {
  const as_block *block = w->block;
  const as_decoded *d = w->d;
  bool defined = false;
  for (unsigned op = 0; op < d->num_bindings && op < block->num_operands; op++) {
    const as_binding *bd = &d->bindings[op];
    if (bd->kind != AS_BIND_REG || (bd->reg != reg && bd->reg2 != reg)) continue;
    const as_operand *o = &block->operands[op];
    bool tied_input = false;
    for (unsigned q = 0; q < block->num_operands; q++)
      if (block->operands[q].tied_to == (int)op && block->operands[q].dir == AS_DIR_IN) tied_input = true;
    if (o->dir != AS_DIR_OUT || tied_input) {
      defined = true;
      /* A matching input ("0") has the class of the output it is tied to
       * (a double tied to "=t" is an 80-bit x87 value). */
      const as_constraint *cls = &o->constraint;
      if (o->tied_to >= 0 && (unsigned)o->tied_to < block->num_operands)
        cls = &block->operands[o->tied_to].constraint;
      /* Where the ABI keeps narrow values extended (RISC-V), a truncated
       * value still carries the upper bits of the value it was cut from. */
      if (o->width_bits && o->width_bits < v->defined_bits && !o->is_pointer && !bd->reg2 &&
          (as_target_class_narrows(w->t, cls) || (o->range.truncated && as_target_operand_file(w->t, cls) == 0)))
        v->defined_bits = o->width_bits;
    }
  }
  return defined;
}

/* The state at entry: every tracked register holds its entry value, tainted
 * when nothing defines it for the block; the flags are undefined; the
 * direction flag is clear. */
static void entry_state(walker *w, state *entry) {
  as_summary *s = w->s;
  memset(entry, 0, sizeof *entry);
  entry->reached = true;
  for (unsigned k = 0; k < s->num_regs; k++) {
    unsigned reg = s->regs[k].reg;
    as_value *v = &entry->regs[k];
    v->kind = AS_VALUE_ENTRY;
    v->reg = reg;
    v->prov = reg;
    v->origin = -1;
    v->from_sp = reg == w->sp;
    v->defined_bits = as_target_reg_bits(w->t, reg);
    bool defined = reg == w->sp;
    if (defined_by_operand(w, reg, v)) defined = true;
    if (w->mem_operand[k] >= 0) defined = true;
    /* Registers the block does not own but that are not data registers
     * (segment, control, x87 stack) are not tainted. */
    if (!defined && !as_target_reg_holds_data(w->t, reg)) defined = true;
    if (!defined) {
      v->taint = 1ull << k;
      v->defined_bits = 0;
      s->regs[k].entry_tainted = true;
    }
    w->entry_regs[k] = *v;
  }
  entry->flags.kind = AS_VALUE_ENTRY;
  entry->flags.reg = w->flags;
  entry->flags.origin = -1;
  /* The entry flags are undefined: give them a taint bit of their own. */
  int fk = track(w, w->flags);
  if (fk >= 0) {
    entry->flags.taint = 1ull << fk;
    entry->regs[fk].kind = AS_VALUE_ENTRY;
    entry->regs[fk].reg = w->flags;
    entry->regs[fk].origin = -1;
  }
  entry->df = 0;
  entry->df_insn = -1;
  entry->reg_stack_mode = REG_STACK_KNOWN;
  entry->reg_stack_depth = 0;
  entry->reg_stack_insn = -1;
}

/* Where control goes after instruction i (state st after it): up to two
 * successors; a jump to an asm goto label is an exit (merged into
 * exit_states), a jump anywhere else outside the block, a return or an
 * indirect jump is an escape. */
static unsigned successors(walker *w, const state *st, unsigned i, bool exits, state *exit_states,
                           unsigned succ[2]) {
  const as_insn *in = &w->d->insns[i];
  unsigned nsucc = 0;
  bool fall = (in->kind == AS_INSN_OTHER && !exits) || in->kind == AS_INSN_JUMP_COND ||
              in->kind == AS_INSN_CALL || in->kind == AS_INSN_CALL_INDIRECT;
  if (in->kind == AS_INSN_JUMP || in->kind == AS_INSN_JUMP_COND) {
    const char *private_prefix = as_target_private_label_prefix(w->t);
    if (in->target_insn >= 0) {
      succ[nsucc++] = (unsigned)in->target_insn;
    } else if (in->target && is_goto_label(w, in->target)) {
      record_exit(w, st, (int)i);
      merge_state(exit_states, st, (int)i);
    } else if (in->target && w->d->num_unmodeled &&
               !strncmp(in->target, private_prefix, strlen(private_prefix))) {
      /* A local label in another section (.pushsection): the block is
       * already reported unmodeled; the jump is not an escape we can tell. */
    } else {
      add_escape(w, (int)i, in->target ? as_arena_printf(w->arena, "jumps to '%s', which is neither a label of the block nor a declared asm goto label", in->target)
                                       : "jumps out of the block");
    }
  } else if (in->kind == AS_INSN_RETURN && w->return_to >= 0) {
    /* to a label of the block it pushed itself (iret_to_self) */
    succ[nsucc++] = (unsigned)w->return_to;
  } else if (in->kind == AS_INSN_RETURN) {
    add_escape(w, (int)i, "returns from the enclosing function");
  } else if (in->kind == AS_INSN_JUMP_INDIRECT) {
    add_escape(w, (int)i, "jumps to an address computed at run time");
  }
  if (fall) succ[nsucc++] = i + 1;
  return nsucc;
}

/* Worklist iteration from the entry state to a fixpoint (or MAX_VISITS of
 * one instruction: not converged); every way out of the block is recorded
 * as an exit. */
static void walk(walker *w, const state *entry) {
  const as_decoded *d = w->d;
  as_summary *s = w->s;
  as_arena *arena = w->arena;
  state *in_states = as_arena_alloc(arena, sizeof(state) * (d->num_insns + 1));
  unsigned *visits = as_arena_alloc(arena, sizeof(unsigned) * (d->num_insns + 1));
  merge_state(&in_states[0], entry, 0);
  unsigned *work = as_arena_alloc(arena, sizeof(unsigned) * (d->num_insns + 1) * 2);
  bool *queued = as_arena_alloc(arena, sizeof(bool) * (d->num_insns + 1));
  unsigned head = 0, tail = 0, cap = (d->num_insns + 1) * 2;
  work[tail++ % cap] = 0;
  queued[0] = true;
  s->converged = true;
  state *exit_states = as_arena_alloc(arena, sizeof(state));
  while (head != tail) {
    unsigned i = work[head++ % cap];
    queued[i] = false;
    if (++visits[i] > MAX_VISITS) {
      s->converged = false;
      break;
    }
    state st = in_states[i];
    bool exits = exits_process(w, &st, &d->insns[i]); /* decided on the state before it */
    w->return_to = -1;
    if (d->insns[i].kind == AS_INSN_RETURN && sp_symbolic(w, &st)) {
      slot *sl = find_slot(&st, &st.regs[w->sp_idx]);
      if (sl && sl->code) w->return_to = sl->code - 1;
    }
    step(w, &st, (int)i);
    unsigned succ[2];
    unsigned nsucc = successors(w, &st, i, exits, exit_states, succ);
    for (unsigned k = 0; k < nsucc; k++) {
      unsigned n = succ[k];
      if (n >= d->num_insns) {
        s->falls_through = true;
        record_exit(w, &st, (int)i);
        continue;
      }
      if (merge_state(&in_states[n], &st, (int)n) && !queued[n]) {
        queued[n] = true;
        work[tail++ % cap] = n;
      }
    }
  }
}

/* Loads into registers whose value nothing read (as_access.value_unused);
 * not known when the walk did not converge or control left the block. */
static void mark_unused_loads(walker *w) {
  if (!w->s->converged || w->s->num_escapes) return;
  for (unsigned k = 0; k < w->s->num_accesses; k++) {
    as_access *a = &w->s->accesses[k];
    const as_insn *in = &w->d->insns[a->insn];
    bool writes_reg = false;
    for (unsigned q = 0; q < in->num_writes; q++) writes_reg |= in->writes[q].reg != w->sp;
    a->value_unused = a->load && !a->store && writes_reg && !in->flags_written && !w->value_used[a->insn];
  }
}

int as_effects_compute(as_arena *arena, const as_target *target, const as_block *block,
                       const as_decoded *d, as_summary *s, char *err, size_t errlen) {
  init_summary(s);
  walker w;
  memset(&w, 0, sizeof w);
  w.cas_equal_insn = -1;
  w.load_insn = -1;
  w.return_to = -1;
  w.arena = arena;
  w.t = target;
  w.block = block;
  w.d = d;
  w.s = s;
  w.sp = d->stack_pointer;
  w.flags = d->flags_reg;
  for (unsigned k = 0; k < AS_MAX_TRACKED; k++) w.reg_operand[k] = w.mem_operand[k] = -1;
  if (!track_registers(&w)) {
    snprintf(err, errlen, "the block touches more than %d distinct registers", AS_MAX_TRACKED);
    return -1;
  }

  /* Instructions inside a backward jump's range run in a loop. */
  w.in_loop = as_arena_alloc(arena, sizeof(bool) * (d->num_insns + 1));
  w.value_used = as_arena_alloc(arena, sizeof(bool) * (d->num_insns + 1));
  for (unsigned i = 0; i < d->num_insns; i++) {
    int t = d->insns[i].target_insn;
    if (t >= 0 && (unsigned)t <= i)
      for (unsigned k = (unsigned)t; k <= i; k++) w.in_loop[k] = true;
  }
  s->reg_stack_used = w.reg_stack_used_count > 0;
  state entry;
  entry_state(&w, &entry);
  if (d->num_insns == 0) {
    record_exit(&w, &entry, -1);
    s->falls_through = true;
    s->converged = true;
    return 0;
  }
  walk(&w, &entry);
  for (unsigned k = 0; k < w.num_pending; k++)
    if (!w.pending[k].restored) add_undefined(&w, w.pending[k].taint, w.pending[k].insn, AS_USE_STORE, -1);
  mark_unused_loads(&w);
  return 0;
}
