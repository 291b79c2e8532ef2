/* Operand binding for 32-bit ARM: every operand reference of a template
 * becomes what the assembler accepts (a register of the operand's class
 * and width, [rN] for memory, #imm for an immediate, a label), in
 * registers the template does not name itself.  The operand modifiers are
 * LLVM's ARMAsmPrinter::PrintAsmOperand ones. */
#include "arm.h"
#include "asmstory/template.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct bind_state {
  as_target *t;
  as_arena *arena;
  const as_block *block;
  as_decoded *out;
  bool used[1024];
  as_strbuf text;
  unsigned *pos_line, *pos_col;
  unsigned pos_cap;
} bind_state;

static void mark_used(bind_state *s, unsigned reg) {
  unsigned full = as_target_reg_full(s->t, reg);
  if (full && full < 1024) s->used[full] = true;
}

/* Appends text; with advance, columns follow the template from (line, col). */
static void emit(bind_state *s, const char *text, unsigned line, unsigned col, bool advance) {
  for (size_t i = 0; text[i]; i++) {
    if (s->text.length + 1 >= s->pos_cap) {
      unsigned cap = s->pos_cap ? s->pos_cap * 2 : 256;
      unsigned *l = as_arena_alloc(s->arena, sizeof(unsigned) * cap);
      unsigned *c = as_arena_alloc(s->arena, sizeof(unsigned) * cap);
      if (s->pos_cap) {
        memcpy(l, s->pos_line, sizeof(unsigned) * s->pos_cap);
        memcpy(c, s->pos_col, sizeof(unsigned) * s->pos_cap);
      }
      s->pos_line = l, s->pos_col = c, s->pos_cap = cap;
    }
    s->pos_line[s->text.length] = line;
    s->pos_col[s->text.length] = col;
    as_strbuf_append(&s->text, text + i, 1);
    if (!advance) continue;
    if (text[i] == '\n') line++, col = 1;
    else col++;
  }
}

/* Registers the template names itself (bare words: r4, lr, d8, fp). */
static void collect_named(bind_state *s, const as_tpl_piece *pieces, unsigned count) {
  for (unsigned i = 0; i < count; i++) {
    if (pieces[i].kind != AS_TPL_TEXT) continue;
    const char *p = pieces[i].text;
    while (*p) {
      if (!isalpha((unsigned char)*p) && *p != '_') {
        p++;
        continue;
      }
      const char *start = p;
      while (isalnum((unsigned char)*p) || *p == '_') p++;
      char name[32];
      size_t n = (size_t)(p - start);
      if (n >= sizeof name || (start > pieces[i].text && (start[-1] == '.' || start[-1] == '#'))) continue;
      memcpy(name, start, n);
      name[n] = '\0';
      unsigned reg = as_target_clobber_reg(s->t, name);
      if (!reg || reg == s->t->ip || reg == s->t->flags || as_target_reg_is_system(s->t, reg)) continue;
      if (!as_target_reg_holds_data(s->t, reg)) continue;
      as_target_add_named(s->arena, s->out, reg);
      mark_used(s, reg);
    }
  }
}

/* Allocation orders: scratch registers first; never sp, pc, the frame
 * pointer (r7 in Thumb, r11 in ARM state) or r9 (the platform register). */
static const char *const gpr_order[] = {"r0", "r1", "r2", "r3", "r12", "r4", "r5", "r6", "r8", "r10", "lr", NULL};
static const char *const gpr_arm_order[] = {"r0", "r1", "r2", "r3", "r12", "r4", "r5", "r6", "r7", "r8", "r10", "lr", NULL};
static const char *const low_order[] = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", NULL};
static const char *const high_order[] = {"r12", "r8", "r10", "lr", NULL};

static unsigned take(bind_state *s, unsigned reg) {
  unsigned full = as_target_reg_full(s->t, reg);
  if (!reg || full >= 1024 || s->used[full]) return 0;
  s->used[full] = true;
  return reg;
}

static unsigned pick(bind_state *s, const char *const *order) {
  for (unsigned i = 0; order[i]; i++) {
    unsigned r = take(s, as_target_reg_lookup(s->t, order[i]));
    if (r) return r;
  }
  return 0;
}

/* An even/odd pair (r0, r1), (r2, r3)... for a 64-bit value in "r": LLVM's
 * GPRPair class (ldrexd wants it; %Q, %R and %H name its halves). */
static unsigned pick_pair(bind_state *s, unsigned *second) {
  for (unsigned k = 0; k < 12; k += 2) {
    unsigned a = as_arm_reg(s->t, 'r', k), b = as_arm_reg(s->t, 'r', k + 1);
    if (a && b && !s->used[a] && !s->used[b] && !(as_arm_is_thumb(s->t) && k + 1 == 7) &&
        !(!as_arm_is_thumb(s->t) && k + 1 == 11) && k + 1 != 9) {
      s->used[a] = s->used[b] = true;
      *second = b;
      return a;
    }
  }
  return 0;
}

static const char *const *gpr_class_order(const as_target *t, unsigned rc) {
  if (rc == AS_RC_ARM_LOW && as_arm_is_thumb(t)) return low_order;
  if (rc == AS_RC_ARM_HIGH) return high_order;
  return as_arm_is_thumb(t) ? gpr_order : gpr_arm_order;
}

/* A VFP/NEON value of the operand's width in the class's range: one q
 * register of its own (bindings name full registers), used as its first
 * s or d register, or whole. */
static unsigned pick_fp(bind_state *s, const as_operand *op, unsigned *bits) {
  unsigned w = op->width_bits ? op->width_bits : 32;
  unsigned limit = 16; /* q registers */
  if (op->constraint.reg_class == AS_RC_ARM_VFP16) limit = 8;
  if (op->constraint.reg_class == AS_RC_ARM_VFP8) limit = w <= 32 ? 4 : w <= 64 ? 4 : 4;
  *bits = w <= 32 ? 32 : w <= 64 ? 64 : 128;
  for (unsigned k = 0; k < limit; k++) {
    unsigned r = take(s, as_arm_reg(s->t, 'q', k));
    if (r) return r;
  }
  return 0;
}

/* The register a VFP/NEON binding is used as: the first s or d register
 * of its q register, by width. */
static unsigned fp_sub(const as_target *t, unsigned full, unsigned bits) {
  char kind;
  unsigned num;
  if (!as_arm_fp_reg(t, full, &kind, &num) || kind != 'q') return full;
  if (bits == 32) return as_arm_reg(t, 's', num * 4);
  if (bits == 64) return as_arm_reg(t, 'd', num * 2);
  return full;
}

static void bind_memory(bind_state *s, unsigned i) {
  as_binding *b = &s->out->bindings[i];
  b->kind = AS_BIND_MEM;
  b->reg = pick(s, gpr_class_order(s->t, AS_RC_ARM_GPR));
  if (!b->reg) b->text = as_arena_printf(s->arena, "asmstory_mem%u", i);
}

static bool is_fp_class(unsigned rc) {
  return rc == AS_RC_ARM_VFP || rc == AS_RC_ARM_VFP16 || rc == AS_RC_ARM_VFP8;
}

static int bind_register(bind_state *s, unsigned i, const as_placement *place) {
  const as_operand *op = &s->block->operands[i];
  as_binding *b = &s->out->bindings[i];
  const as_constraint *c = &op->constraint;
  b->kind = AS_BIND_REG;
  b->bits = 32;
  if (place && place->operand == (int)i) {
    b->reg = place->reg;
  } else if (is_fp_class(c->reg_class)) {
    b->reg = pick_fp(s, op, &b->bits);
  } else if (op->width_bits > 32 && c->reg_class == AS_RC_ARM_GPR) {
    b->reg = pick_pair(s, &b->reg2);
  } else {
    b->reg = pick(s, gpr_class_order(s->t, c->reg_class));
  }
  if (is_fp_class(c->reg_class) && place && place->operand == (int)i)
    b->bits = as_target_reg_bits(s->t, b->reg);
  return b->reg ? 0 : -1;
}

static int bind_operand(bind_state *s, unsigned i, const as_placement *place, char *err, size_t errlen) {
  const as_operand *op = &s->block->operands[i];
  as_binding *b = &s->out->bindings[i];
  const as_constraint *c = &op->constraint;
  if (c->kinds & AS_CK_LABEL) {
    b->kind = AS_BIND_LABEL;
    b->text = as_arena_printf(s->arena, "asmstory_label%u", i);
    return 0;
  }
  if (place && place->operand == (int)i && place->memory) {
    bind_memory(s, i);
    return 0;
  }
  if (op->indirect || ((c->kinds & AS_CK_MEM) && !(c->kinds & (AS_CK_REG | AS_CK_FIXED)))) {
    bind_memory(s, i);
    return 0;
  }
  if (c->kinds & AS_CK_FIXED) {
    if (!strcmp(c->fixed_reg, "flags")) return 0;
    b->kind = AS_BIND_REG;
    b->reg = as_target_clobber_reg(s->t, c->fixed_reg);
    if (!b->reg) {
      snprintf(err, errlen, "operand %u: unknown register '%s'", op->index, c->fixed_reg);
      return -1;
    }
    unsigned named = as_target_reg_lookup(s->t, c->fixed_reg);
    b->bits = named ? as_target_reg_bits(s->t, named) : 32;
    if (as_arm_gpr_index(s->t, b->reg) >= 0) b->bits = 32;
    /* s2 or d3: the text names it, the binding its q register */
    if (named && named != b->reg) b->text = as_target_reg_name(s->t, named);
    return 0;
  }
  if (c->kinds & (AS_CK_REG | AS_CK_ADDRESS | AS_CK_ANY)) {
    if (bind_register(s, i, place) == 0) return 0;
    if (c->kinds & AS_CK_MEM) {
      bind_memory(s, i);
      return 0;
    }
    snprintf(err, errlen, "operand %u: no free register left to bind it", op->index);
    return -1;
  }
  if (c->kinds & AS_CK_IMM) {
    b->kind = AS_BIND_IMM;
    b->imm_known = op->has_value;
    b->imm = op->has_value ? op->value : 1;
    if (op->is_pointer || strchr(c->letters, 's')) {
      b->imm_known = false;
      b->text = as_arena_printf(s->arena, "asmstory_sym%u", i);
    }
    return 0;
  }
  if (c->kinds & AS_CK_MEM) bind_memory(s, i);
  return 0;
}

/* The pair member a modifier names: H the second register; Q the low
 * word and R the high word, which on big-endian targets (armeb, thumbeb)
 * are the second and the first register. */
static unsigned pair_member(const as_target *t, const as_binding *b, char modifier) {
  bool big = !strncmp(t->triple, "armeb", 5) || !strncmp(t->triple, "thumbeb", 7);
  bool second = modifier == 'H' || (modifier == 'R') != big;
  if (second) return b->reg2 ? b->reg2 : 0;
  return b->reg;
}

/* A q register's d halves (%e low, %f high), a d register as %P prints
 * it; a register as itself otherwise. */
static const char *reg_text(bind_state *s, const as_binding *b, char modifier) {
  char kind;
  unsigned num;
  unsigned reg = b->reg;
  if (modifier == 'Q' || modifier == 'R' || modifier == 'H') {
    reg = pair_member(s->t, b, modifier);
    if (!reg) return NULL;
  } else if ((modifier == 'e' || modifier == 'f') && as_arm_fp_reg(s->t, reg, &kind, &num) && kind == 'q') {
    reg = as_arm_reg(s->t, 'd', num * 2 + (modifier == 'f'));
  } else if (b->text) {
    return b->text; /* a fixed s or d register */
  } else {
    reg = fp_sub(s->t, reg, b->bits);
  }
  return as_target_reg_name(s->t, reg);
}

/* Operand modifiers GCC documents for ARM that this binder does not
 * model (LLVM's y: an s register as d[n]; GCC's B, L, M, V, C): the block
 * is then not verified. */
static const char unmodeled_modifiers[] = "yBLMVCbdijkNoOpqStTuvwWxXzZ";

static const char *operand_text(bind_state *s, unsigned i, char modifier) {
  const as_binding *b = &s->out->bindings[i];
  switch (b->kind) {
  case AS_BIND_REG: {
    const char *name = reg_text(s, b, modifier);
    return name ? name : as_target_reg_name(s->t, b->reg);
  }
  case AS_BIND_MEM:
    if (!b->reg) return b->text;
    if (modifier == 'm') return as_target_reg_name(s->t, b->reg);
    return as_arena_printf(s->arena, "[%s]", as_target_reg_name(s->t, b->reg));
  case AS_BIND_IMM:
    if (b->text) return modifier == 'c' ? b->text : as_arena_printf(s->arena, "#%s", b->text);
    return modifier == 'c' ? as_arena_printf(s->arena, "%lld", b->imm) : as_arena_printf(s->arena, "#%lld", b->imm);
  case AS_BIND_LABEL: return b->text;
  case AS_BIND_NONE: break;
  }
  return "#0";
}

/* Splits the bound text into statements (newline and ';'; '@' starts a
 * comment to the end of the line), each with its template position. */
static void split_statements(bind_state *s, as_mc_line **lines, unsigned *num_lines) {
  const char *text = s->text.data;
  size_t n = s->text.length, start = 0;
  unsigned cap = 0, count = 0;
  as_mc_line *out = NULL;
  bool comment = false, quote = false;
  for (size_t i = 0; i <= n; i++) {
    char ch = i < n ? text[i] : '\n';
    if (quote && ch != '\n') {
      if (ch == '\\' && i + 1 < n) i++;
      else if (ch == '"') quote = false;
      continue;
    }
    if (ch == '"' && !comment) quote = true;
    if (ch == '@' && !comment) comment = true;
    if (ch != '\n' && (ch != ';' || comment)) continue;
    size_t b = start;
    while (b < i && (text[b] == ' ' || text[b] == '\t')) b++;
    if (b < i) {
      out = as_arena_grow(s->arena, out, sizeof *out, count, &cap);
      out[count].text = as_arena_strndup(s->arena, text + b, i - b);
      out[count].line = s->pos_line[b];
      out[count].column = s->pos_col[b];
      count++;
    }
    start = i + 1;
    if (ch == '\n') comment = false, quote = false;
  }
  *lines = out;
  *num_lines = count;
}

static void reserve(bind_state *s, const as_tpl_piece *pieces, unsigned count, const as_placement *place) {
  const as_block *block = s->block;
  mark_used(s, s->t->sp);
  mark_used(s, s->t->ip);
  mark_used(s, as_target_reg_lookup(s->t, "r9"));
  mark_used(s, as_target_reg_lookup(s->t, as_arm_is_thumb(s->t) ? "r7" : "r11"));
  collect_named(s, pieces, count);
  for (unsigned i = 0; i < block->num_clobbers; i++) mark_used(s, as_target_clobber_reg(s->t, block->clobbers[i]));
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_constraint *c = &block->operands[i].constraint;
    if ((c->kinds & AS_CK_FIXED) && strcmp(c->fixed_reg, "flags")) mark_used(s, as_target_clobber_reg(s->t, c->fixed_reg));
  }
  if (place && !place->memory) mark_used(s, place->reg);
}

static int bind_all(bind_state *s, const as_placement *place, char *err, size_t errlen) {
  const as_block *block = s->block;
  as_decoded *out = s->out;
  out->num_bindings = block->num_operands;
  out->bindings = as_arena_alloc(s->arena, sizeof(as_binding) * (block->num_operands + 1));
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    if (op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED)) continue;
    if (bind_operand(s, i, place, err, errlen) != 0) return -1;
  }
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    if (!(op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED))) continue;
    int tied = op->tied_to >= 0 ? op->tied_to : op->constraint.tied_to;
    if (tied < 0 && op->constraint.tied_name[0]) tied = as_target_operand_by_name(block, op->constraint.tied_name);
    if (tied < 0 || (unsigned)tied >= block->num_operands) {
      snprintf(err, errlen, "operand %u is tied to operand %d, which does not exist", op->index, tied);
      return -1;
    }
    out->bindings[i] = out->bindings[tied];
  }
  return 0;
}

static int substitute(bind_state *s, const as_tpl_piece *p, char *err, size_t errlen) {
  const as_block *block = s->block;
  int idx = p->name ? as_target_operand_by_name(block, p->name) : p->operand;
  if (p->name && idx < 0) {
    snprintf(err, errlen, "template line %u: no operand named [%s]", p->line, p->name);
    return -1;
  }
  if (p->modifier && strchr(unmodeled_modifiers, p->modifier) && !s->out->unsupported) {
    s->out->unsupported = p->name ? as_arena_printf(s->arena, "the %%%c[%s] modifier", p->modifier, p->name)
                                  : as_arena_printf(s->arena, "the %%%c%d modifier", p->modifier, p->operand);
    s->out->unsupported_line = p->line;
    s->out->unsupported_column = p->column;
  }
  const char *sub;
  if (idx >= 0 && (unsigned)idx < block->num_operands)
    sub = operand_text(s, (unsigned)idx, p->modifier);
  else if (idx >= 0 && (unsigned)idx < block->num_operands + block->num_labels)
    sub = as_arena_printf(s->arena, "asmstory_label%d", idx);
  else {
    snprintf(err, errlen, "template line %u: operand %d does not exist (the block has %u)", p->line, idx,
             block->num_operands + block->num_labels);
    return -1;
  }
  emit(s, sub, p->line, p->column, false);
  return 0;
}

int as_arm_bind_template(as_target *t, as_arena *arena, const as_block *block, const as_placement *place,
                         as_decoded *out, as_mc_line **lines, unsigned *num_lines, char *err, size_t errlen) {
  bind_state s;
  memset(&s, 0, sizeof s);
  s.t = t, s.arena = arena, s.block = block, s.out = out;
  as_strbuf_init(&s.text, arena);
  as_tpl_piece *pieces = NULL;
  unsigned count = 0;
  const char *text = block->template_text ? block->template_text : "";
  if (block->flags & AS_BF_BASIC) {
    pieces = as_arena_alloc(arena, sizeof *pieces);
    pieces->kind = AS_TPL_TEXT, pieces->text = text, pieces->operand = -1;
    pieces->line = 1, pieces->column = 1;
    count = 1;
  } else if (as_template_tokenize(arena, text, block->template_ir_form, AS_DIALECT_NONE, &pieces, &count,
                                  err, errlen) != 0) {
    return -1;
  }
  reserve(&s, pieces, count, place);
  if (bind_all(&s, place, err, errlen) != 0) return -1;
  for (unsigned i = 0; i < count; i++) {
    const as_tpl_piece *p = &pieces[i];
    if (p->kind == AS_TPL_TEXT) emit(&s, p->text, p->line, p->column, true);
    else if (p->kind == AS_TPL_UNIQUE) emit(&s, as_arena_printf(arena, "%u", block->id), p->line, p->column, false);
    else if (p->kind == AS_TPL_COMMENT) emit(&s, "@", p->line, p->column, false);
    else if (substitute(&s, p, err, errlen) != 0) return -1;
  }
  for (unsigned i = 0; i < block->num_operands; i++)
    if (!out->bindings[i].text && out->bindings[i].kind != AS_BIND_NONE)
      out->bindings[i].text = operand_text(&s, i, 0);
  out->bound_text = s.text.data;
  split_statements(&s, lines, num_lines);
  return 0;
}

/* Registers the template names that the compiler may also give operand i:
 * in its class, neither clobbered nor another operand's, nor sp, pc, the
 * frame pointer or r9. */
static unsigned named_alternatives(as_target *t, const as_block *block, const as_decoded *d, unsigned i,
                                   as_placement *out) {
  unsigned n = 0;
  const as_binding *mine = &d->bindings[i];
  unsigned fp = as_target_reg_lookup(t, as_arm_is_thumb(t) ? "r7" : "r11");
  for (unsigned k = 0; k < d->num_named_regs; k++) {
    unsigned r = d->named_regs[k];
    bool gpr = as_arm_gpr_index(t, r) >= 0, mine_gpr = as_arm_gpr_index(t, mine->reg) >= 0;
    bool taken = r == t->sp || r == t->ip || r == fp || r == as_target_reg_lookup(t, "r9") ||
                 gpr != mine_gpr || !gpr || mine->reg2 || !as_target_reg_allocatable(t, block, r);
    const char *const *order = gpr_class_order(t, block->operands[i].constraint.reg_class);
    bool in_class = false;
    for (unsigned q = 0; order[q] && !in_class; q++) in_class = as_target_reg_lookup(t, order[q]) == r;
    for (unsigned c = 0; c < block->num_clobbers && !taken; c++) taken = as_target_clobber_reg(t, block->clobbers[c]) == r;
    for (unsigned j = 0; j < d->num_bindings && !taken; j++)
      taken = j != i && d->bindings[j].kind == AS_BIND_REG &&
              (as_target_reg_full(t, d->bindings[j].reg) == r || (d->bindings[j].reg2 && d->bindings[j].reg2 == r));
    if (!in_class || taken) continue;
    out[n].operand = (int)i, out[n].memory = false, out[n].reg = r;
    n++;
  }
  return n;
}

unsigned as_arm_alternatives(as_target *t, as_arena *arena, const as_block *block, const as_decoded *d,
                             as_placement **out) {
  unsigned cap = block->num_operands * (d->num_named_regs + 1) + 1, n = 0;
  as_placement *p = as_arena_alloc(arena, sizeof *p * cap);
  for (unsigned i = 0; i < block->num_operands && i < d->num_bindings; i++) {
    const as_operand *op = &block->operands[i];
    unsigned kinds = op->constraint.kinds;
    if (op->tied_to >= 0 || (kinds & (AS_CK_TIED | AS_CK_FIXED | AS_CK_LABEL)) || op->indirect ||
        d->bindings[i].kind != AS_BIND_REG)
      continue;
    n += named_alternatives(t, block, d, i, p + n);
    if (kinds & AS_CK_MEM) {
      p[n].operand = (int)i, p[n].memory = true, p[n].reg = 0;
      n++;
    }
  }
  *out = p;
  return n;
}
