/* RISC-V operand binding: each operand reference of a template becomes a
 * register of its class in the compiler's allocation order (a0-a7 first),
 * a memory reference 0(base) through a free register, an immediate or a
 * label; then the text is cut into statements with their template
 * positions.  Operand modifiers are LLVM's (RISCVAsmPrinter): %z (zero for
 * a 0 immediate), %i (the "i" of an immediate form), %N (register number). */
#include "riscv.h"
#include "asmstory/template.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct rv_bind {
  as_target *t;
  as_arena *arena;
  const as_block *block;
  as_decoded *out;
  bool used[1024];
  as_strbuf text;
  unsigned *line_at, *col_at; /* template position of each byte of text */
  unsigned cap;
} rv_bind;

/* The compiler's allocation orders (RISCVRegisterInfo.td): argument
 * registers first, then temporaries, then callee-saved ones. */
static const unsigned gpr_order[] = {10, 11, 12, 13, 14, 15, 16, 17, 5, 6, 7, 28, 29, 30, 31,
                                     8,  9,  18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 99};
static const unsigned gprc_order[] = {10, 11, 12, 13, 14, 15, 8, 9, 99};
static const unsigned fpr_order[] = {15, 14, 13, 12, 11, 10, 0,  1,  2,  3,  4,  5,  6,  7,  16, 17, 28,
                                     29, 30, 31, 8,  9,  18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 99};
static const unsigned fprc_order[] = {15, 14, 13, 12, 11, 10, 8, 9, 99};
static const unsigned vr_order[] = {8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                                    24, 25, 26, 27, 28, 29, 30, 31, 1,  2,  3,  4,  5,  6,  7,  0, 99};

static const unsigned *class_order(unsigned rc, rv_file *file) {
  *file = RV_X;
  switch (rc) {
  case AS_RV_GPR_C: return gprc_order;
  case AS_RV_FPR: *file = RV_F; return fpr_order;
  case AS_RV_FPR_C: *file = RV_F; return fprc_order;
  case AS_RV_VR: case AS_RV_VD: *file = RV_V; return vr_order;
  case AS_RV_VM: *file = RV_V; return vr_order + 31; /* v0 */
  default: return gpr_order;
  }
}

static void reserve(rv_bind *s, unsigned reg) {
  unsigned full = as_target_reg_full(s->t, reg);
  if (full && full < 1024) s->used[full] = true;
}

static unsigned pick(rv_bind *s, unsigned rc) {
  rv_file file;
  const unsigned *order = class_order(rc, &file);
  for (unsigned i = 0; order[i] != 99; i++) {
    unsigned r = as_riscv_reg(s->t, file, order[i]);
    if (rc == AS_RV_VD && order[i] == 0) continue;
    if (r && r < 1024 && !s->used[r]) {
      s->used[r] = true;
      return r;
    }
  }
  return 0;
}

/* Appends text read from template position (line, col); advance: the
 * position moves with each byte (text copied from the template). */
static void put(rv_bind *s, const char *text, unsigned line, unsigned col, bool advance) {
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
    if (advance) col = *p == '\n' ? (line++, 1) : col + 1;
  }
}

/* Registers the template names itself (a0, x10, ft1, v8: bare words). */
static void collect_named(rv_bind *s, const as_tpl_piece *pieces, unsigned count) {
  for (unsigned i = 0; i < count; i++) {
    if (pieces[i].kind != AS_TPL_TEXT) continue;
    const char *p = pieces[i].text;
    while (*p) {
      if (!isalpha((unsigned char)*p) && *p != '_') {
        p += *p == '.' && isalpha((unsigned char)p[1]) ? 1 + strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_0123456789") : 1;
        continue;
      }
      const char *start = p;
      while (isalnum((unsigned char)*p) || *p == '_') p++;
      char name[16];
      size_t n = (size_t)(p - start);
      if (n >= sizeof name) continue;
      memcpy(name, start, n);
      name[n] = '\0';
      unsigned reg = s->t->arch->clobber_reg(s->t, name);
      if (!reg || as_target_reg_is_system(s->t, reg)) continue;
      as_target_add_named(s->arena, s->out, reg);
      reserve(s, reg);
    }
  }
}

static void bind_memory(rv_bind *s, unsigned i) {
  as_binding *b = &s->out->bindings[i];
  b->kind = AS_BIND_MEM;
  b->reg = pick(s, AS_RV_GPR);
  if (!b->reg) b->text = as_arena_printf(s->arena, "asmstory_mem%u", i);
}

static unsigned reg_width(const as_target *t, unsigned reg) {
  return as_target_reg_bits(t, reg);
}

static int bind_operand(rv_bind *s, unsigned i, const as_placement *place, char *err, size_t errlen) {
  const as_operand *op = &s->block->operands[i];
  as_binding *b = &s->out->bindings[i];
  const as_constraint *c = &op->constraint;
  if (c->kinds & AS_CK_LABEL) {
    b->kind = AS_BIND_LABEL;
    b->text = as_arena_printf(s->arena, "asmstory_label%u", i);
  } else if (place && place->operand == (int)i && place->memory) {
    bind_memory(s, i);
  } else if (place && place->operand == (int)i) {
    b->kind = AS_BIND_REG;
    b->reg = place->reg;
  } else if (op->indirect || ((c->kinds & AS_CK_MEM) && !(c->kinds & (AS_CK_REG | AS_CK_FIXED)))) {
    bind_memory(s, i);
  } else if (c->kinds & AS_CK_FIXED) {
    b->kind = AS_BIND_REG;
    b->reg = s->t->arch->clobber_reg(s->t, c->fixed_reg);
    if (!b->reg) {
      snprintf(err, errlen, "operand %u: unknown register '%s'", op->index, c->fixed_reg);
      return -1;
    }
  } else if (c->kinds & (AS_CK_REG | AS_CK_ADDRESS | AS_CK_ANY)) {
    b->kind = AS_BIND_REG;
    b->reg = pick(s, c->reg_class);
    if (!b->reg && (c->kinds & AS_CK_MEM)) bind_memory(s, i);
    else if (!b->reg) {
      snprintf(err, errlen, "operand %u: no free register left to bind it", op->index);
      return -1;
    }
  } else if (c->kinds & AS_CK_IMM) {
    b->kind = AS_BIND_IMM;
    b->imm_known = op->has_value;
    b->imm = op->has_value ? op->value : 1;
    if (op->is_pointer || strchr(c->letters, 's') || strchr(c->letters, 'S')) {
      b->imm_known = false;
      b->text = as_arena_printf(s->arena, "asmstory_sym%u", i);
    }
  } else if (c->kinds & AS_CK_MEM) {
    bind_memory(s, i);
  }
  if (b->kind == AS_BIND_REG) b->bits = reg_width(s->t, b->reg);
  return 0;
}

/* The text an operand reference becomes, with LLVM's RISC-V modifiers. */
static const char *operand_text(rv_bind *s, unsigned i, char modifier) {
  const as_binding *b = &s->out->bindings[i];
  unsigned num;
  switch (b->kind) {
  case AS_BIND_REG:
    if (modifier == 'i') return "";
    if (modifier == 'N' && as_riscv_reg_file(s->t, b->reg, &num) != RV_NONE)
      return as_arena_printf(s->arena, "%u", num);
    return as_target_reg_spelling(s->t, b->reg, 0);
  case AS_BIND_MEM:
    if (!b->reg) return b->text;
    return as_arena_printf(s->arena, "0(%s)", as_target_reg_spelling(s->t, b->reg, 0));
  case AS_BIND_IMM:
    if (modifier == 'i') return "i";
    if (b->text) return b->text;
    if (modifier == 'z' && b->imm == 0) return "zero";
    return as_arena_printf(s->arena, "%lld", modifier == 'n' ? -b->imm : b->imm);
  case AS_BIND_LABEL: return b->text;
  case AS_BIND_NONE: break;
  }
  return "0";
}

/* A block-level construct not assembled (it would read a file). */
static void add_unmodeled(rv_bind *s, const char *what, unsigned line) {
  unsigned n = s->out->num_unmodeled;
  const char **u = as_arena_alloc(s->arena, sizeof(char *) * (n + 1));
  unsigned *ul = as_arena_alloc(s->arena, sizeof(unsigned) * (n + 1));
  if (n) memcpy(u, s->out->unmodeled, sizeof(char *) * n), memcpy(ul, s->out->unmodeled_lines, sizeof(unsigned) * n);
  u[n] = what;
  ul[n] = line;
  s->out->unmodeled = u, s->out->unmodeled_lines = ul, s->out->num_unmodeled = n + 1;
}

/* Statements end at a newline or ';' (outside strings and '#' comments). */
static void cut(rv_bind *s, as_mc_line **lines, unsigned *num_lines) {
  const char *text = s->text.data ? s->text.data : "";
  unsigned cap = 0, count = 0;
  as_mc_line *out = NULL;
  bool quote = false, comment = false;
  size_t start = 0, n = s->text.length;
  for (size_t i = 0; i <= n; i++) {
    char ch = i < n ? text[i] : '\n';
    if (quote && ch != '\n') {
      if (ch == '\\' && i + 1 < n) i++;
      else if (ch == '"') quote = false;
      continue;
    }
    if (!comment && ch == '"') quote = true;
    if (!comment && ch == '#') comment = true;
    if (ch != '\n' && (ch != ';' || comment)) continue;
    size_t b = start + strspn(text + start, " \t");
    if (b < i) {
      char *stmt = as_arena_strndup(s->arena, text + b, i - b);
      const char *w = stmt + strspn(stmt, " \t");
      if (!strncmp(w, ".include", 8) || !strncmp(w, ".incbin", 7)) {
        add_unmodeled(s, "file inclusion directive", s->line_at[b]);
      } else {
        out = as_arena_grow(s->arena, out, sizeof *out, count, &cap);
        out[count++] = (as_mc_line){stmt, s->line_at[b], s->col_at[b]};
      }
    }
    start = i + 1;
    if (ch == '\n') comment = quote = false;
  }
  *lines = out;
  *num_lines = count;
}

static int tied_source(const as_block *block, const as_operand *op) {
  int tied = op->tied_to >= 0 ? op->tied_to : op->constraint.tied_to;
  if (tied < 0 && op->constraint.tied_name[0])
    for (unsigned k = 0; k < block->num_operands; k++)
      if (block->operands[k].name && !strcmp(block->operands[k].name, op->constraint.tied_name)) tied = (int)k;
  return tied;
}

static int resolve(const as_block *block, const as_tpl_piece *p) {
  if (!p->name) return p->operand;
  for (unsigned i = 0; i < block->num_operands; i++)
    if (block->operands[i].name && !strcmp(block->operands[i].name, p->name)) return (int)i;
  for (unsigned i = 0; i < block->num_labels; i++)
    if (block->labels[i] && !strcmp(block->labels[i], p->name)) return (int)(block->num_operands + i);
  return -1;
}

static int bind_all(rv_bind *s, const as_placement *place, char *err, size_t errlen) {
  const as_block *block = s->block;
  s->out->num_bindings = block->num_operands;
  s->out->bindings = as_arena_alloc(s->arena, sizeof(as_binding) * (block->num_operands + 1));
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    if (op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED)) continue;
    if (bind_operand(s, i, place, err, errlen) != 0) return -1;
  }
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    if (!(op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED))) continue;
    int tied = tied_source(block, op);
    if (tied < 0 || (unsigned)tied >= block->num_operands) {
      snprintf(err, errlen, "operand %u is tied to operand %d, which does not exist", op->index, tied);
      return -1;
    }
    s->out->bindings[i] = s->out->bindings[tied];
  }
  return 0;
}

static int substitute(rv_bind *s, const as_tpl_piece *pieces, unsigned count, char *err, size_t errlen) {
  const as_block *block = s->block;
  for (unsigned i = 0; i < count; i++) {
    const as_tpl_piece *p = &pieces[i];
    if (p->kind == AS_TPL_TEXT) {
      put(s, p->text, p->line, p->column, true);
    } else if (p->kind == AS_TPL_UNIQUE) {
      put(s, as_arena_printf(s->arena, "%u", block->id), p->line, p->column, false);
    } else if (p->kind == AS_TPL_COMMENT) {
      put(s, "#", p->line, p->column, false);
    } else {
      int idx = resolve(block, p);
      if (idx >= 0 && (unsigned)idx < block->num_operands) {
        put(s, operand_text(s, (unsigned)idx, p->modifier), p->line, p->column, false);
      } else if (idx >= 0 && (unsigned)idx < block->num_operands + block->num_labels) {
        put(s, as_arena_printf(s->arena, "asmstory_label%d", idx), p->line, p->column, false);
      } else {
        if (p->name) snprintf(err, errlen, "template line %u: no operand named [%s]", p->line, p->name);
        else snprintf(err, errlen, "template line %u: operand %d does not exist (the block has %u)", p->line, idx,
                      block->num_operands + block->num_labels);
        return -1;
      }
    }
  }
  return 0;
}

int as_riscv_bind_template(as_target *t, as_arena *arena, const as_block *block,
                           const as_placement *place, as_decoded *out, as_mc_line **lines,
                           unsigned *num_lines, char *err, size_t errlen) {
  rv_bind s;
  memset(&s, 0, sizeof s);
  s.t = t, s.arena = arena, s.block = block, s.out = out;
  as_strbuf_init(&s.text, arena);
  as_tpl_piece *pieces = NULL, basic;
  unsigned count = 0;
  const char *tpl = block->template_text ? block->template_text : "";
  if (block->flags & AS_BF_BASIC) {
    basic = (as_tpl_piece){.kind = AS_TPL_TEXT, .text = tpl, .operand = -1, .line = 1, .column = 1};
    pieces = &basic;
    count = 1;
  } else if (as_template_tokenize(arena, tpl, block->template_ir_form, AS_DIALECT_NONE, &pieces, &count, err,
                                  errlen) != 0) {
    return -1;
  }
  /* Never an operand's: zero, ra, sp, gp, tp, the frame pointer s0. */
  for (unsigned r = 0; r <= 4; r++) reserve(&s, as_riscv_reg(t, RV_X, r));
  collect_named(&s, pieces, count);
  for (unsigned i = 0; i < block->num_clobbers; i++) reserve(&s, t->arch->clobber_reg(t, block->clobbers[i]));
  for (unsigned i = 0; i < block->num_operands; i++)
    if (block->operands[i].constraint.kinds & AS_CK_FIXED)
      reserve(&s, t->arch->clobber_reg(t, block->operands[i].constraint.fixed_reg));
  if (place && !place->memory) reserve(&s, place->reg);
  if (bind_all(&s, place, err, errlen) != 0 || substitute(&s, pieces, count, err, errlen) != 0) return -1;
  for (unsigned i = 0; i < block->num_operands; i++)
    if (!out->bindings[i].text && out->bindings[i].kind != AS_BIND_NONE)
      out->bindings[i].text = operand_text(&s, i, 0);
  out->bound_text = s.text.data ? s.text.data : "";
  /* A build with V (-march=...v) gives MC its features
   * (as_block.target_features): its instructions assemble. */
  cut(&s, lines, num_lines);
  return 0;
}

/* Registers the template names that the compiler may also give operand i:
 * of its class, allocatable, neither clobbered nor another operand's. */
static unsigned named_alternatives(as_target *t, const as_block *block, const as_decoded *d, unsigned i,
                                   as_placement *out) {
  unsigned n = 0;
  rv_file file;
  const unsigned *order = class_order(block->operands[i].constraint.reg_class, &file);
  for (unsigned k = 0; k < d->num_named_regs; k++) {
    unsigned r = d->named_regs[k];
    bool in_class = false, taken = !as_target_reg_allocatable(t, block, r) || r == as_riscv_reg(t, RV_X, 8);
    for (unsigned q = 0; order[q] != 99 && !in_class; q++) in_class = as_riscv_reg(t, file, order[q]) == r;
    for (unsigned c = 0; c < block->num_clobbers && !taken; c++) taken = t->arch->clobber_reg(t, block->clobbers[c]) == r;
    for (unsigned j = 0; j < d->num_bindings && !taken; j++)
      taken = j != i && d->bindings[j].kind == AS_BIND_REG && d->bindings[j].reg == r;
    if (in_class && !taken) out[n++] = (as_placement){(int)i, false, r};
  }
  return n;
}

unsigned as_riscv_alternatives(as_target *t, as_arena *arena, const as_block *block, const as_decoded *d,
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
    if (kinds & AS_CK_MEM) p[n++] = (as_placement){(int)i, true, 0};
  }
  *out = p;
  return n;
}
