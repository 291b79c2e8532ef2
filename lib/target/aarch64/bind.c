/* AArch64 operand binding: substitutes every operand reference of a
 * template with text the assembler accepts (x/w registers, v/q/d/s/h/b views
 * of a vector register, "[xN]" for memory, bare immediates, labels), choosing
 * registers the template does not name, and splits the result into
 * statements (';' and newlines; "//" comments) with template positions. */
#include "aarch64.h"
#include "asmstory/template.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct a64_bind {
  as_target *t;
  as_arena *arena;
  const as_block *block;
  as_decoded *out;
  const as_placement *place;
  bool used[1024];
  as_strbuf text;
  unsigned *line_at, *col_at; /* template position of each output byte */
  unsigned cap;
} a64_bind;

static void mark(a64_bind *s, unsigned reg) {
  unsigned full = reg ? as_target_reg_full(s->t, reg) : 0;
  if (full && full < 1024) s->used[full] = true;
}

/* Appends text; with advance, positions follow the template from (line,
 * col), otherwise every byte is at (line, col) (a substitution). */
static void put(a64_bind *s, const char *text, unsigned line, unsigned col, bool advance) {
  for (const char *p = text; *p; p++) {
    if (s->text.length + 1 >= s->cap) {
      unsigned cap = s->cap ? s->cap * 2 : 256;
      unsigned *l = as_arena_alloc(s->arena, sizeof(unsigned) * cap);
      unsigned *c = as_arena_alloc(s->arena, sizeof(unsigned) * cap);
      if (s->cap) memcpy(l, s->line_at, sizeof(unsigned) * s->cap), memcpy(c, s->col_at, sizeof(unsigned) * s->cap);
      s->line_at = l, s->col_at = c, s->cap = cap;
    }
    s->line_at[s->text.length] = line;
    s->col_at[s->text.length] = col;
    as_strbuf_append(&s->text, p, 1);
    if (advance) *p == '\n' ? (line++, col = 1) : col++;
  }
}

/* Registers the template names itself (bare words: x3, w3, v3.16b, q3, sp);
 * words after '#' are immediates, and xzr names no storage. */
static void collect_named(a64_bind *s, const as_tpl_piece *pieces, unsigned count) {
  for (unsigned i = 0; i < count; i++) {
    if (pieces[i].kind != AS_TPL_TEXT) continue;
    const char *p = pieces[i].text;
    while (*p) {
      if (!isalpha((unsigned char)*p)) {
        p++;
        continue;
      }
      const char *start = p;
      while (isalnum((unsigned char)*p) || *p == '_') p++;
      if (start > pieces[i].text && (start[-1] == '#' || start[-1] == '.' || isalnum((unsigned char)start[-1])))
        continue;
      char name[16];
      size_t n = (size_t)(p - start);
      if (n >= sizeof name) continue;
      memcpy(name, start, n);
      name[n] = '\0';
      unsigned reg = as_a64_reg(s->t, name);
      unsigned full = reg ? as_target_reg_full(s->t, reg) : 0;
      if (!full || !strcmp(as_target_reg_name(s->t, full), "xzr")) continue;
      as_target_add_named(s->arena, s->out, full);
      mark(s, full);
    }
  }
}

/* Allocation orders: caller-saved first; never x18 (the platform register
 * on Darwin, Android and Windows), fp or lr. */
static const char *const gpr_order[] = {"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8",
                                        "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16",
                                        "x17", "x19", "x20", "x21", "x22", "x23", "x24", "x25",
                                        "x26", "x27", "x28", NULL};
static const char *const vec_order[] = {"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v16", "v17",
                                        "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26",
                                        "v27", "v28", "v29", "v30", "v31", "v8", "v9", "v10", "v11",
                                        "v12", "v13", "v14", "v15", NULL};
static const char *const vec16_order[] = {"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
                                          "v9", "v10", "v11", "v12", "v13", "v14", "v15", NULL};
static const char *const pred_order[] = {"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
                                         "p9", "p10", "p11", "p12", "p13", "p14", "p15", NULL};

static const char *const *class_order(const as_operand *op, unsigned *bits) {
  *bits = op->width_bits && op->width_bits <= 32 ? 32 : 64;
  switch (op->constraint.reg_class) {
  case AS_RC_A64_FP: *bits = 128; return vec_order;
  case AS_RC_A64_FP_LOW16: *bits = 128; return vec16_order;
  case AS_RC_A64_FP_LOW8: *bits = 128; return vec16_order; /* v0-v7: pick_class stops at 8 */
  case AS_RC_A64_PRED: *bits = 16; return pred_order;
  default: return gpr_order;
  }
}

static unsigned pick(a64_bind *s, const char *const *order, unsigned limit) {
  for (unsigned i = 0; order[i] && i < limit; i++) {
    unsigned r = as_a64_reg(s->t, order[i]);
    unsigned full = r ? as_target_reg_full(s->t, r) : 0;
    if (full && full < 1024 && !s->used[full] && as_target_reg_allocatable(s->t, s->block, full)) {
      s->used[full] = true;
      return full;
    }
  }
  return 0;
}

static unsigned pick_class(a64_bind *s, const as_operand *op, unsigned *bits) {
  const char *const *order = class_order(op, bits);
  return pick(s, order, op->constraint.reg_class == AS_RC_A64_FP_LOW8 ? 8 : 64);
}

static void bind_memory(a64_bind *s, unsigned i) {
  as_binding *b = &s->out->bindings[i];
  b->kind = AS_BIND_MEM;
  b->reg = pick(s, gpr_order, 64);
}

static int bind_operand(a64_bind *s, unsigned i, char *err, size_t errlen) {
  const as_operand *op = &s->block->operands[i];
  as_binding *b = &s->out->bindings[i];
  const as_constraint *c = &op->constraint;
  unsigned bits;
  if (c->kinds & AS_CK_LABEL) {
    b->kind = AS_BIND_LABEL;
    b->text = as_arena_printf(s->arena, "asmstory_label%u", i);
    return 0;
  }
  if (s->place && s->place->operand == (int)i) {
    if (s->place->memory) { bind_memory(s, i); return 0; }
    class_order(op, &bits);
    b->kind = AS_BIND_REG, b->reg = s->place->reg, b->bits = bits;
    return 0;
  }
  if (op->indirect || ((c->kinds & AS_CK_MEM) && !(c->kinds & (AS_CK_REG | AS_CK_FIXED)))) {
    bind_memory(s, i);
    return b->reg ? 0 : (snprintf(err, errlen, "operand %u: no free register left to bind it", op->index), -1);
  }
  if (c->kinds & AS_CK_FIXED) {
    if (!strcmp(c->fixed_reg, "flags")) return 0; /* =@cc flag outputs */
    unsigned r = as_a64_reg(s->t, c->fixed_reg);
    if (!r) {
      snprintf(err, errlen, "operand %u: unknown register '%s'", op->index, c->fixed_reg);
      return -1;
    }
    b->kind = AS_BIND_REG;
    b->reg = as_target_reg_full(s->t, r);
    b->bits = as_a64_is_gpr(s->t, b->reg) ? (op->width_bits && op->width_bits <= 32 ? 32 : 64)
                                           : as_target_reg_bits(s->t, b->reg);
    return 0;
  }
  if (c->kinds & (AS_CK_REG | AS_CK_ADDRESS | AS_CK_ANY)) {
    b->reg = pick_class(s, op, &bits);
    if (!b->reg && (c->kinds & AS_CK_MEM)) {
      bind_memory(s, i);
      return 0;
    }
    if (!b->reg) {
      snprintf(err, errlen, "operand %u: no free register left to bind it", op->index);
      return -1;
    }
    b->kind = AS_BIND_REG;
    b->bits = bits;
    return 0;
  }
  if (c->kinds & AS_CK_IMM) {
    b->kind = AS_BIND_IMM;
    b->imm_known = op->has_value;
    b->imm = op->has_value ? op->value : 1;
    if (op->is_pointer || strchr(c->letters, 'S') || strchr(c->letters, 's')) {
      b->imm_known = false;
      b->text = as_arena_printf(s->arena, "asmstory_sym%u", i);
    }
  }
  return 0;
}

/* A register operand as a modifier asks for it: %w0 %x0 (GPR widths), %b0
 * %h0 %s0 %d0 %q0 (views of a vector register), none: x for a GPR, v for a
 * vector register (as Clang and GCC print them). */
static const char *reg_text(a64_bind *s, const as_binding *b, char modifier) {
  unsigned reg = b->reg;
  if (as_a64_is_gpr(s->t, reg) || !strcmp(as_target_reg_name(s->t, reg), "sp")) {
    if (modifier == 'w') reg = as_a64_sub_reg(s->t, reg, 32);
    if (!strcmp(as_target_reg_name(s->t, reg), "sp") && modifier == 'w') return "wsp";
    if (modifier == 'w' || !as_a64_is_gpr(s->t, reg)) return as_target_reg_name(s->t, reg);
    return as_arena_printf(s->arena, "x%d", as_a64_reg_number(s->t, reg));
  }
  int num = as_a64_reg_number(s->t, reg);
  switch (modifier) {
  case 'b': case 'h': case 's': case 'd': case 'q':
    return as_arena_printf(s->arena, "%c%d", modifier, num);
  default:
    break;
  }
  const char *n = as_target_reg_name(s->t, reg);
  return n[0] == 'q' ? as_arena_printf(s->arena, "v%d", num) : n;
}

/* The text an operand reference becomes.  Immediates are bare (templates
 * write "#%1"); %z of 0 is the zero register, %c and %n as GCC has them. */
static const char *operand_text(a64_bind *s, unsigned i, char modifier) {
  const as_binding *b = &s->out->bindings[i];
  switch (b->kind) {
  case AS_BIND_REG:
    if (modifier == 'a') return as_arena_printf(s->arena, "[%s]", reg_text(s, b, 'x'));
    return reg_text(s, b, modifier);
  case AS_BIND_MEM:
    return as_arena_printf(s->arena, "[x%d]", as_a64_reg_number(s->t, b->reg));
  case AS_BIND_IMM:
    if (b->text) return b->text;
    if (b->imm == 0 && (modifier == 'w' || modifier == 'x' || modifier == 'z'))
      return modifier == 'w' ? "wzr" : "xzr";
    return as_arena_printf(s->arena, "%lld", modifier == 'n' ? -b->imm : b->imm);
  case AS_BIND_LABEL:
    return b->text;
  case AS_BIND_NONE:
    break;
  }
  return "0";
}

static int resolve_name(const as_block *block, const char *name) {
  for (unsigned i = 0; i < block->num_operands; i++)
    if (block->operands[i].name && !strcmp(block->operands[i].name, name)) return (int)i;
  for (unsigned i = 0; i < block->num_labels; i++)
    if (block->labels[i] && !strcmp(block->labels[i], name)) return (int)(block->num_operands + i);
  return -1;
}

static void add_unmodeled(a64_bind *s, const char *what, unsigned line) {
  as_decoded *o = s->out;
  const char **u = as_arena_alloc(s->arena, sizeof(char *) * (o->num_unmodeled + 1));
  unsigned *ul = as_arena_alloc(s->arena, sizeof(unsigned) * (o->num_unmodeled + 1));
  if (o->num_unmodeled) {
    memcpy(u, o->unmodeled, sizeof(char *) * o->num_unmodeled);
    memcpy(ul, o->unmodeled_lines, sizeof(unsigned) * o->num_unmodeled);
  }
  u[o->num_unmodeled] = what;
  ul[o->num_unmodeled++] = line;
  o->unmodeled = u, o->unmodeled_lines = ul;
}

/* Statements: split at newlines and ';' outside strings and "//" comments;
 * .include and .incbin (they would read a file) are not assembled. */
static void split_statements(a64_bind *s, as_mc_line **lines, unsigned *num_lines) {
  const char *text = s->text.data;
  size_t n = s->text.length, start = 0;
  unsigned cap = 0, count = 0;
  as_mc_line *out = NULL;
  bool quote = false, comment = false;
  for (size_t i = 0; i <= n; i++) {
    char ch = i < n ? text[i] : '\n';
    if (quote && ch != '\n') {
      if (ch == '\\' && i + 1 < n) i++;
      else if (ch == '"') quote = false;
      continue;
    }
    if (!comment && ch == '"') { quote = true; continue; }
    if (!comment && ch == '/' && i + 1 < n && text[i + 1] == '/') comment = true;
    if (ch != '\n' && (ch != ';' || comment)) continue;
    size_t b = start;
    while (b < i && (text[b] == ' ' || text[b] == '\t')) b++;
    start = i + 1;
    if (ch == '\n') comment = quote = false;
    if (b >= i) continue;
    char *stmt = as_arena_strndup(s->arena, text + b, i - b);
    if (!strncmp(stmt, ".include", 8) || !strncmp(stmt, ".incbin", 7)) {
      add_unmodeled(s, "file inclusion directive", s->line_at[b]);
      continue;
    }
    out = as_arena_grow(s->arena, out, sizeof *out, count, &cap);
    out[count].text = stmt;
    out[count].line = s->line_at[b];
    out[count].column = s->col_at[b];
    count++;
  }
  *lines = out;
  *num_lines = count;
}

/* Registers no operand may take: sp, fp, lr, x18, what the template names,
 * what is clobbered, what fixed operands use. */
static void reserve(a64_bind *s, const as_tpl_piece *pieces, unsigned count) {
  static const char *const reserved[] = {"sp", "fp", "lr", "x18", "xzr", NULL};
  for (unsigned i = 0; reserved[i]; i++) mark(s, as_a64_reg(s->t, reserved[i]));
  collect_named(s, pieces, count);
  for (unsigned i = 0; i < s->block->num_clobbers; i++)
    mark(s, s->t->arch->clobber_reg(s->t, s->block->clobbers[i]));
  for (unsigned i = 0; i < s->block->num_operands; i++) {
    const as_constraint *c = &s->block->operands[i].constraint;
    if ((c->kinds & AS_CK_FIXED) && strcmp(c->fixed_reg, "flags")) mark(s, as_a64_reg(s->t, c->fixed_reg));
  }
  if (s->place && !s->place->memory) mark(s, s->place->reg);
}

static int bind_all(a64_bind *s, char *err, size_t errlen) {
  const as_block *block = s->block;
  as_decoded *out = s->out;
  out->num_bindings = block->num_operands;
  out->bindings = as_arena_alloc(s->arena, sizeof(as_binding) * (block->num_operands + 1));
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    if (op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED)) continue;
    if (bind_operand(s, i, err, errlen) != 0) return -1;
  }
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    if (!(op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED))) continue;
    int tied = op->tied_to >= 0 ? op->tied_to : op->constraint.tied_to;
    if (tied < 0 && op->constraint.tied_name[0]) tied = resolve_name(block, op->constraint.tied_name);
    if (tied < 0 || (unsigned)tied >= block->num_operands) {
      snprintf(err, errlen, "operand %u is tied to operand %d, which does not exist", op->index, tied);
      return -1;
    }
    out->bindings[i] = out->bindings[tied];
  }
  return 0;
}

static int substitute(a64_bind *s, const as_tpl_piece *p, char *err, size_t errlen) {
  const as_block *block = s->block;
  char buf[16];
  switch (p->kind) {
  case AS_TPL_TEXT: put(s, p->text, p->line, p->column, true); return 0;
  case AS_TPL_UNIQUE:
    snprintf(buf, sizeof buf, "%u", block->id);
    put(s, buf, p->line, p->column, false);
    return 0;
  case AS_TPL_COMMENT: put(s, "//", p->line, p->column, false); return 0;
  case AS_TPL_OPERAND: break;
  }
  int idx = p->name ? resolve_name(block, p->name) : p->operand;
  if (p->name && idx < 0) {
    snprintf(err, errlen, "template line %u: no operand named [%s]", p->line, p->name);
    return -1;
  }
  const char *sub;
  if (idx >= 0 && (unsigned)idx < block->num_operands) {
    sub = operand_text(s, (unsigned)idx, p->modifier);
  } else if (idx >= 0 && (unsigned)idx < block->num_operands + block->num_labels) {
    sub = as_arena_printf(s->arena, "asmstory_label%d", idx);
  } else {
    snprintf(err, errlen, "template line %u: operand %d does not exist (the block has %u)", p->line, idx,
             block->num_operands + block->num_labels);
    return -1;
  }
  put(s, sub, p->line, p->column, false);
  return 0;
}

int as_a64_bind_template(as_target *t, as_arena *arena, const as_block *block,
                         const as_placement *place, as_decoded *out, as_mc_line **lines,
                         unsigned *num_lines, char *err, size_t errlen) {
  a64_bind s;
  memset(&s, 0, sizeof s);
  s.t = t, s.arena = arena, s.block = block, s.out = out, s.place = place;
  as_strbuf_init(&s.text, arena);
  as_tpl_piece *pieces = NULL;
  unsigned count = 0;
  const char *tpl = block->template_text ? block->template_text : "";
  if (block->flags & AS_BF_BASIC) {
    pieces = as_arena_alloc(arena, sizeof *pieces);
    pieces->kind = AS_TPL_TEXT, pieces->text = tpl, pieces->operand = -1;
    pieces->line = pieces->column = 1;
    count = 1;
  } else if (as_template_tokenize(arena, tpl, block->template_ir_form, AS_DIALECT_NONE, &pieces, &count,
                                  err, errlen) != 0) {
    return -1;
  }
  reserve(&s, pieces, count);
  if (bind_all(&s, err, errlen) != 0) return -1;
  for (unsigned i = 0; i < count; i++)
    if (substitute(&s, &pieces[i], err, errlen) != 0) return -1;
  for (unsigned i = 0; i < block->num_operands; i++)
    if (!out->bindings[i].text && out->bindings[i].kind != AS_BIND_NONE)
      out->bindings[i].text = operand_text(&s, i, 0);
  out->bound_text = s.text.data;
  split_statements(&s, lines, num_lines);
  return 0;
}

/* The registers the template names that the compiler may also give a
 * register operand (in its class, allocatable, not clobbered, not another
 * operand's), and the memory form of a register-or-memory operand. */
unsigned as_a64_alternatives(as_target *t, as_arena *arena, const as_block *block,
                             const as_decoded *d, as_placement **out) {
  unsigned cap = block->num_operands * (d->num_named_regs + 1) + 1, n = 0;
  as_placement *p = as_arena_alloc(arena, sizeof *p * cap);
  for (unsigned i = 0; i < block->num_operands && i < d->num_bindings; i++) {
    const as_operand *op = &block->operands[i];
    unsigned kinds = op->constraint.kinds, bits;
    if (op->tied_to >= 0 || (kinds & (AS_CK_TIED | AS_CK_FIXED | AS_CK_LABEL)) || op->indirect ||
        d->bindings[i].kind != AS_BIND_REG)
      continue;
    const char *const *order = class_order(op, &bits);
    unsigned limit = op->constraint.reg_class == AS_RC_A64_FP_LOW8 ? 8 : 64;
    for (unsigned k = 0; k < d->num_named_regs; k++) {
      unsigned r = d->named_regs[k];
      bool in_class = false, taken = !as_target_reg_allocatable(t, block, r);
      for (unsigned q = 0; order[q] && q < limit && !in_class; q++)
        in_class = as_target_reg_full(t, as_a64_reg(t, order[q])) == r;
      for (unsigned c = 0; c < block->num_clobbers && !taken; c++)
        taken = t->arch->clobber_reg(t, block->clobbers[c]) == r;
      for (unsigned j = 0; j < d->num_bindings && !taken; j++)
        taken = j != i && d->bindings[j].kind == AS_BIND_REG && d->bindings[j].reg == r;
      if (!in_class || taken) continue;
      p[n].operand = (int)i, p[n].memory = false, p[n].reg = r;
      n++;
    }
    if (kinds & AS_CK_MEM) {
      p[n].operand = (int)i, p[n].memory = true, p[n].reg = 0;
      n++;
    }
  }
  *out = p;
  return n;
}
