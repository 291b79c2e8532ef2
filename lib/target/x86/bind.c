/* Operand binding: substitutes every operand reference of a template with
 * something the assembler accepts (a register of the right class and width, a
 * memory reference through a reserved base register, an immediate, a label),
 * choosing registers the template does not name itself, so that every
 * register in the result maps back to an operand or to a register the block
 * names.  The result is split into statements, each with its template
 * position, for the MC bridge. */
#include "../target_internal.h"
#include "x86.h"
#include "asmstory/template.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct bind_state {
  as_target *t;
  as_arena *arena;
  const as_block *block;
  as_decoded *out;
  const as_placement *place; /* one operand placed elsewhere (every-allocation), or NULL */
  bool used[1024];            /* full registers not available for operands */
  as_strbuf text;             /* the bound template */
  unsigned *pos_line, *pos_col; /* template position of each output byte */
  unsigned pos_cap;
} bind_state;

static void mark_used(bind_state *s, unsigned reg) {
  unsigned full = as_target_reg_full(s->t, reg);
  if (full && full < 1024) s->used[full] = true;
}

/* Appends text that came from template position (line, col). */
/* Appends text; with advance, each byte's position follows the source from
 * (line, col).  src, when given, is the template source the text was read
 * from: an escape there (GNU `%%`, `%{`, `%|`, `%}`; IR `$$`) is two
 * columns of source for one byte of text, so the columns after it stay
 * those of the source.  Where text and source part (dialect braces), the
 * walk stops and columns count text bytes. */
static void emit_from(bind_state *s, const char *text, unsigned line, unsigned col, bool advance,
                      const char *src, bool ir_form) {
  size_t n = strlen(text);
  for (size_t i = 0; i < n; i++) {
    if (s->text.length + 1 >= s->pos_cap) {
      unsigned cap = s->pos_cap ? s->pos_cap * 2 : 256;
      unsigned *l = as_arena_alloc(s->arena, sizeof(unsigned) * cap);
      unsigned *c = as_arena_alloc(s->arena, sizeof(unsigned) * cap);
      if (s->pos_cap) {
        memcpy(l, s->pos_line, sizeof(unsigned) * s->pos_cap);
        memcpy(c, s->pos_col, sizeof(unsigned) * s->pos_cap);
      }
      s->pos_line = l;
      s->pos_col = c;
      s->pos_cap = cap;
    }
    s->pos_line[s->text.length] = line;
    s->pos_col[s->text.length] = col;
    as_strbuf_append(&s->text, text + i, 1);
    unsigned width = 1;
    if (src) {
      if (!ir_form && src[0] == '%' && src[1] && strchr("%{|}", src[1]) && src[1] == text[i])
        width = 2;
      else if (ir_form && src[0] == '$' && src[1] == '$' && text[i] == '$')
        width = 2;
      else if (src[0] != text[i])
        src = NULL;
      if (src) src += width;
    }
    if (advance) {
      if (text[i] == '\n') {
        line++;
        col = 1;
      } else {
        col += width;
      }
    }
  }
}

static void emit(bind_state *s, const char *text, unsigned line, unsigned col, bool advance) {
  emit_from(s, text, line, col, advance, NULL, false);
}

/* Registers the template names itself: %reg in AT&T, bare names in Intel. */
static void collect_named(bind_state *s, const as_tpl_piece *pieces, unsigned count) {
  for (unsigned i = 0; i < count; i++) {
    if (pieces[i].kind != AS_TPL_TEXT) continue;
    const char *p = pieces[i].text;
    while (*p) {
      bool att_reg = *p == '%';
      if (att_reg) p++;
      if (isalpha((unsigned char)*p) || *p == '_') {
        const char *start = p;
        while (isalnum((unsigned char)*p) || *p == '_') p++;
        char name[32];
        size_t n = (size_t)(p - start);
        if ((att_reg || s->block->dialect == AS_DIALECT_INTEL) && n < sizeof name) {
          memcpy(name, start, n);
          name[n] = '\0';
          unsigned reg = as_target_reg_lookup(s->t, name);
          if (reg && as_target_reg_full(s->t, reg) != s->t->ip) {
            as_target_add_named(s->arena, s->out, as_target_reg_full(s->t, reg));
            mark_used(s, reg);
          }
        }
      } else if (!att_reg) {
        p++;
      }
    }
  }
}

/* Allocation order for each class: scratch registers first. */
static const char *const gpr64_order[] = {"rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
                                          "r11", "rbx", "r12", "r13", "r14", "r15", NULL};
static const char *const gpr32_order[] = {"eax", "ecx", "edx", "esi", "edi", "ebx", NULL};
static const char *const abcd_order[] = {"eax", "ecx", "edx", "ebx", NULL};
static const char *const xmm_order[] = {"xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",
                                        "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
                                        "xmm13", "xmm14", "xmm15", NULL};
static const char *const mmx_order[] = {"mm0", "mm1", "mm2", "mm3", "mm4", "mm5", "mm6", "mm7", NULL};
static const char *const mask_order[] = {"k1", "k2", "k3", "k4", "k5", "k6", "k7", NULL};
static const char *const x87_order[] = {"st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)", NULL};

static unsigned pick(bind_state *s, const char *const *order) {
  for (unsigned i = 0; order[i]; i++) {
    unsigned r = as_target_reg_lookup(s->t, order[i]);
    if (!r) {
      /* MC spells x87 registers "st2"... or "fp2"; try without parens. */
      char buf[16];
      unsigned n;
      if (sscanf(order[i], "st(%u)", &n) == 1) {
        snprintf(buf, sizeof buf, "st%u", n);
        r = as_target_reg_lookup(s->t, buf);
      }
    }
    if (!r) continue;
    unsigned full = as_target_reg_full(s->t, r);
    if (full < 1024 && !s->used[full]) {
      s->used[full] = true;
      return full;
    }
  }
  return 0;
}

static unsigned fixed_register(bind_state *s, const char *name) {
  /* The x87 stack as LLVM's IR names it: {st}, {st(1)}; MC: st0, st1. */
  unsigned pos;
  char close;
  if (!strcmp(name, "st")) name = "st0";
  else if (sscanf(name, "st(%u%c", &pos, &close) == 2 && close == ')' && pos < 8)
    name = as_arena_printf(s->arena, "st%u", pos);
  unsigned r = as_target_reg_lookup(s->t, name);
  if (!r) {
    /* GNU letters name a family ("ax"); MC may spell some differently. */
    char buf[32];
    snprintf(buf, sizeof buf, "e%s", name);
    r = as_target_reg_lookup(s->t, buf);
  }
  return r ? as_target_reg_full(s->t, r) : 0;
}

static unsigned default_bits(const as_target *t, const as_operand *op) {
  unsigned w = op->width_bits;
  unsigned pbits = t->is64 ? 64 : 32;
  if (w == 0 || w > pbits) return pbits;
  if (w <= 8) return 8;
  if (w <= 16) return 16;
  if (w <= 32) return 32;
  return pbits;
}

/* The allocation order of an operand's register class, and the width the
 * binder gives its register. */
static const char *const *class_order(const as_target *t, const as_operand *op, unsigned *bits) {
  const char *const *order = t->is64 ? gpr64_order : gpr32_order;
  *bits = default_bits(t, op);
  switch (op->constraint.reg_class) {
  case AS_RC_GPR_ABCD: return abcd_order;
  case AS_RC_GPR_BYTE: return t->is64 ? order : abcd_order;
  case AS_RC_XMM: case AS_RC_VEC_ANY: case AS_RC_XMM0:
    *bits = op->width_bits > 128 ? op->width_bits : 128;
    return xmm_order;
  case AS_RC_MMX: *bits = 64; return mmx_order;
  case AS_RC_MASK: *bits = 64; return mask_order;
  case AS_RC_X87: case AS_RC_X87_TOP: case AS_RC_X87_SECOND: *bits = 80; return x87_order;
  default: return order;
  }
}

/* An operand in memory: through a free base register, or, when none is
 * left (many "m" operands), through a symbol of its own that stands for the
 * operand's address. */
static void bind_memory(bind_state *s, unsigned i) {
  as_binding *b = &s->out->bindings[i];
  b->kind = AS_BIND_MEM;
  b->reg = pick(s, s->t->is64 ? gpr64_order : gpr32_order);
  if (!b->reg) b->text = as_arena_printf(s->arena, "asmstory_mem%u", i);
}

/* The operand the caller placed: in its memory form, or in a register the
 * compiler may choose for it. */
static int bind_placed(bind_state *s, unsigned i) {
  as_binding *b = &s->out->bindings[i];
  if (s->place->memory) {
    bind_memory(s, i);
    return 0;
  }
  unsigned bits;
  class_order(s->t, &s->block->operands[i], &bits);
  b->kind = AS_BIND_REG;
  b->reg = s->place->reg;
  b->bits = bits;
  return 0;
}

/* Binds one operand that is not tied. */
static int bind_operand(bind_state *s, unsigned i, char *err, size_t errlen) {
  const as_operand *op = &s->block->operands[i];
  as_binding *b = &s->out->bindings[i];
  const as_constraint *c = &op->constraint;
  unsigned kinds = c->kinds;
  if (kinds & AS_CK_LABEL) {
    b->kind = AS_BIND_LABEL;
    b->text = as_arena_printf(s->arena, "asmstory_label%u", i);
    return 0;
  }
  if (s->place && s->place->operand == (int)i) return bind_placed(s, i);
  if (op->indirect || ((kinds & AS_CK_MEM) && !(kinds & (AS_CK_REG | AS_CK_FIXED)))) {
    bind_memory(s, i);
    return 0;
  }
  if (kinds & AS_CK_FIXED) {
    if (!strcmp(c->fixed_reg, "flags")) return 0; /* =@cc flag outputs */
    b->kind = AS_BIND_REG;
    b->reg = fixed_register(s, c->fixed_reg);
    if (c->fixed_reg2[0]) b->reg2 = fixed_register(s, c->fixed_reg2);
    if (!b->reg) {
      snprintf(err, errlen, "operand %u: unknown register '%s'", op->index, c->fixed_reg);
      return -1;
    }
    b->bits = default_bits(s->t, op);
    if (b->reg2 && b->bits > (s->t->is64 ? 64u : 32u) / 2) b->bits = s->t->is64 ? 64 : 32;
    if (as_target_reg_bits(s->t, b->reg) > 64 && !as_x86_is_gpr(s->t, b->reg))
      b->bits = op->width_bits > 128 ? op->width_bits : 128;
    return 0;
  }
  if (kinds & (AS_CK_REG | AS_CK_ADDRESS | AS_CK_ANY)) {
    unsigned bits;
    const char *const *order = class_order(s->t, op, &bits);
    if (c->reg_class == AS_RC_XMM0) {
      b->reg = fixed_register(s, "xmm0");
    } else if (c->reg_class == AS_RC_X87_TOP) {
      b->reg = fixed_register(s, "st0");
    } else if (c->reg_class == AS_RC_X87_SECOND) {
      b->reg = fixed_register(s, "st1");
    } else {
      b->reg = pick(s, order);
    }
    if (!b->reg && (kinds & AS_CK_MEM)) {
      /* Out of registers ("=g" outputs beside many clobbers): GCC and
       * Clang take the memory alternative, and so does the binder. */
      bind_memory(s, i);
      return 0;
    }
    if (!b->reg) goto exhausted;
    b->kind = AS_BIND_REG;
    b->bits = bits;
    return 0;
  }
  if (kinds & AS_CK_IMM) {
    b->kind = AS_BIND_IMM;
    b->imm_known = op->has_value;
    b->imm = op->has_value ? op->value : 1;
    /* A symbol (Rust `sym`, C "s"/"i" with an address): bound as a symbol
     * the assembler can relocate, named after the operand. */
    if (op->is_pointer || strchr(c->letters, 's')) {
      b->imm_known = false;
      b->text = as_arena_printf(s->arena, "asmstory_sym%u", i);
    }
    return 0;
  }
  if (kinds & AS_CK_MEM) {
    b->kind = AS_BIND_MEM;
    b->reg = pick(s, s->t->is64 ? gpr64_order : gpr32_order);
    if (!b->reg) goto exhausted;
    return 0;
  }
  return 0; /* tied or unknown: filled later or left unbound */
exhausted:
  snprintf(err, errlen, "operand %u: no free register left to bind it", op->index);
  return -1;
}


/* Operand modifiers GCC documents for x86 that LLVM cannot print ("invalid
 * operand in inline asm"): the opcode suffixes (B W L Q S T, and z Z by the
 * operand's size), AVX-512 rounding (R r), the address with 64-bit
 * registers (E) and the duplicated AVX operand (d). */
static const char gcc_only_modifiers[] = "BWLQSTzZRrEd";

/* The text an operand reference becomes. */
static const char *operand_text(bind_state *s, unsigned i, char modifier) {
  const as_binding *b = &s->out->bindings[i];
  bool intel = s->block->dialect == AS_DIALECT_INTEL;
  const char *pct = intel ? "" : "%";
  switch (b->kind) {
  case AS_BIND_REG: {
    unsigned bits = b->bits;
    bool high = false;
    switch (modifier) {
    case 'k': case 'e': bits = 32; break;
    case 'w': bits = 16; break;
    case 'b': case 'l': bits = 8; break;
    case 'h': bits = 8; high = true; break;
    case 'q': case 'r': bits = 64; break;
    case 'x': bits = as_x86_is_gpr(s->t, b->reg) ? 16 : 128; break;
    case 't': case 'y': bits = 256; break;
    case 'g': case 'z': bits = 512; break;
    default: break;
    }
    if (!s->t->is64 && bits == 64 && as_x86_is_gpr(s->t, b->reg)) bits = 32;
    unsigned reg = as_x86_is_gpr(s->t, b->reg) || as_target_reg_bits(s->t, b->reg) >= 128
                       ? as_x86_sub_reg(s->t, b->reg, bits, high)
                       : b->reg;
    if (!reg) reg = b->reg;
    const char *name = as_target_reg_name(s->t, reg);
    /* LLVM names the x87 stack st0..st7; the assembler reads st(N). */
    if (name && !strncmp(name, "st", 2) && isdigit((unsigned char)name[2]) && !name[3])
      name = as_arena_printf(s->arena, "st(%c)", name[2]);
    if (modifier == 'V' || modifier == 'P' || modifier == 'c') pct = "";
    if (modifier == 'a') return as_arena_printf(s->arena, intel ? "[%s]" : "(%%%s)", name);
    return as_arena_printf(s->arena, "%s%s", pct, name);
  }
  case AS_BIND_MEM: {
    int disp = modifier == 'H' ? 8 : 0;
    if (!b->reg && b->text) {
      const char *ip = s->t->is64 ? "rip" : NULL;
      if (intel)
        return ip ? as_arena_printf(s->arena, "[%s + %s + %d]", ip, b->text, disp)
                  : as_arena_printf(s->arena, "[%s + %d]", b->text, disp);
      return ip ? as_arena_printf(s->arena, "%s+%d(%%%s)", b->text, disp, ip)
                : as_arena_printf(s->arena, "%s+%d", b->text, disp);
    }
    const char *base = as_target_reg_name(s->t, b->reg);
    if (intel) {
      /* As clang prints it: no size keyword (the template gives one when
       * the instruction needs it: `inc dword ptr %0`). */
      return disp ? as_arena_printf(s->arena, "[%s + %d]", base, disp)
                  : as_arena_printf(s->arena, "[%s]", base);
    }
    return disp ? as_arena_printf(s->arena, "%d(%%%s)", disp, base)
                : as_arena_printf(s->arena, "(%%%s)", base);
  }
  case AS_BIND_IMM: {
    if (b->text) /* a symbol */
      return intel || modifier == 'c' || modifier == 'P' || modifier == 'a' || modifier == 'p'
                 ? b->text
                 : as_arena_printf(s->arena, "$%s", b->text);
    long long v = modifier == 'n' ? -b->imm : b->imm;
    if (intel || modifier == 'c' || modifier == 'P' || modifier == 'n' || modifier == 'a')
      return as_arena_printf(s->arena, "%lld", v);
    return as_arena_printf(s->arena, "$%lld", v);
  }
  case AS_BIND_LABEL:
    return b->text;
  case AS_BIND_NONE:
    break;
  }
  return intel ? "0" : "$0";
}

static bool is_directive(const char *stmt, const char *name) {
  while (*stmt == ' ' || *stmt == '\t') stmt++;
  size_t n = strlen(name);
  return !strncmp(stmt, name, n) && (stmt[n] == '\0' || isspace((unsigned char)stmt[n]));
}

/* Splits the bound text into statements with their template positions. */
static void split_statements(bind_state *s, as_mc_line **lines, unsigned *num_lines) {
  const char *text = s->text.data;
  size_t n = s->text.length;
  unsigned cap = 0, count = 0;
  as_mc_line *out = NULL;
  size_t start = 0;
  bool in_quote = false, in_comment = false;
  for (size_t i = 0; i <= n; i++) {
    char ch = i < n ? text[i] : '\n';
    if (in_quote) {
      if (ch == '\\' && i + 1 < n) i++;
      else if (ch == '"') in_quote = false;
      if (ch != '\n') continue;
    }
    if (ch == '"' && !in_comment) {
      in_quote = true;
      continue;
    }
    if (ch == '#' && !in_comment) in_comment = true;
    if (ch == '\n' || (ch == ';' && !in_comment)) {
      size_t b = start;
      while (b < i && (text[b] == ' ' || text[b] == '\t')) b++;
      if (b < i) {
        out = as_arena_grow(s->arena, out, sizeof *out, count, &cap);
        char *stmt = as_arena_strndup(s->arena, text + b, i - b);
        unsigned line = s->pos_line[b], col = s->pos_col[b];
        if (is_directive(stmt, ".include") || is_directive(stmt, ".incbin")) {
          /* Not assembled (it would read a file): a block-level unmodeled. */
          const char **u = as_arena_alloc(s->arena, sizeof(char *) * (s->out->num_unmodeled + 1));
          unsigned *ul = as_arena_alloc(s->arena, sizeof(unsigned) * (s->out->num_unmodeled + 1));
          if (s->out->num_unmodeled) {
            memcpy(u, s->out->unmodeled, sizeof(char *) * s->out->num_unmodeled);
            memcpy(ul, s->out->unmodeled_lines, sizeof(unsigned) * s->out->num_unmodeled);
          }
          u[s->out->num_unmodeled] = "file inclusion directive";
          ul[s->out->num_unmodeled] = line;
          s->out->unmodeled = u;
          s->out->unmodeled_lines = ul;
          s->out->num_unmodeled++;
        } else {
          out[count].text = stmt;
          out[count].line = line;
          out[count].column = col;
          count++;
        }
      }
      start = i + 1;
      if (ch == '\n') in_comment = false;
    }
  }
  *lines = out;
  *num_lines = count;
}

int as_x86_bind_template(as_target *t, as_arena *arena, const as_block *block,
                         const as_placement *place, as_decoded *out, as_mc_line **lines,
                         unsigned *num_lines, char *err, size_t errlen) {
  bind_state s;
  memset(&s, 0, sizeof s);
  s.t = t;
  s.place = place;
  s.arena = arena;
  s.block = block;
  s.out = out;
  as_strbuf_init(&s.text, arena);

  as_tpl_piece *pieces = NULL;
  unsigned count = 0;
  if (block->flags & AS_BF_BASIC) {
    /* Basic asm: the template goes to the assembler as written. */
    pieces = as_arena_alloc(arena, sizeof *pieces);
    pieces->kind = AS_TPL_TEXT;
    pieces->text = block->template_text ? block->template_text : "";
    pieces->operand = -1;
    pieces->line = 1;
    pieces->column = 1;
    count = 1;
  } else if (as_template_tokenize(arena, block->template_text ? block->template_text : "",
                                  block->template_ir_form,
                                  t->arch->dialect_variants ? block->dialect : AS_DIALECT_NONE, &pieces, &count, err,
                                  errlen) != 0) {
    return -1;
  }

  /* Registers no operand may take: the stack and frame pointers, what the
   * template names, what is clobbered, what fixed operands use. */
  mark_used(&s, t->sp);
  mark_used(&s, as_target_reg_lookup(t, t->is64 ? "rbp" : "ebp"));
  collect_named(&s, pieces, count);
  for (unsigned i = 0; i < block->num_clobbers; i++) {
    unsigned r = as_target_reg_lookup(t, block->clobbers[i]);
    if (!r) {
      char buf[40];
      snprintf(buf, sizeof buf, "e%s", block->clobbers[i]);
      r = as_target_reg_lookup(t, buf);
    }
    if (r) mark_used(&s, r);
  }
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_constraint *c = &block->operands[i].constraint;
    if ((c->kinds & AS_CK_FIXED) && strcmp(c->fixed_reg, "flags")) {
      unsigned r = fixed_register(&s, c->fixed_reg);
      if (r) mark_used(&s, r);
      if (c->fixed_reg2[0] && (r = fixed_register(&s, c->fixed_reg2))) mark_used(&s, r);
    }
  }
  if (place && !place->memory) mark_used(&s, place->reg);

  out->num_bindings = block->num_operands;
  out->bindings = as_arena_alloc(arena, sizeof(as_binding) * (block->num_operands + 1));
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    if (op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED)) continue;
    if (bind_operand(&s, i, err, errlen) != 0) return -1;
  }
  /* Tied inputs share their output's location. */
  for (unsigned i = 0; i < block->num_operands; i++) {
    const as_operand *op = &block->operands[i];
    int tied = op->tied_to >= 0 ? op->tied_to : op->constraint.tied_to;
    if (tied < 0 && op->constraint.tied_name[0])
      tied = as_target_operand_by_name(block, op->constraint.tied_name);
    if (!(op->tied_to >= 0 || (op->constraint.kinds & AS_CK_TIED))) continue;
    if (tied < 0 || (unsigned)tied >= block->num_operands) {
      snprintf(err, errlen, "operand %u is tied to operand %d, which does not exist", op->index, tied);
      return -1;
    }
    out->bindings[i] = out->bindings[tied];
  }

  /* Substitute. */
  for (unsigned i = 0; i < count; i++) {
    const as_tpl_piece *p = &pieces[i];
    switch (p->kind) {
    case AS_TPL_TEXT:
      emit_from(&s, p->text, p->line, p->column, true,
                (block->flags & AS_BF_BASIC) || !block->template_text ||
                        p->offset >= strlen(block->template_text)
                    ? NULL
                    : block->template_text + p->offset,
                block->template_ir_form);
      break;
    case AS_TPL_UNIQUE: {
      char buf[16];
      snprintf(buf, sizeof buf, "%u", block->id);
      emit(&s, buf, p->line, p->column, false);
      break;
    }
    case AS_TPL_COMMENT:
      emit(&s, "#", p->line, p->column, false);
      break;
    case AS_TPL_OPERAND: {
      int idx = p->name ? as_target_operand_by_name(block, p->name) : p->operand;
      if (p->name && idx < 0) {
        snprintf(err, errlen, "template line %u: no operand named [%s]", p->line, p->name);
        return -1;
      }
      if (p->modifier && strchr(gcc_only_modifiers, p->modifier) && !out->unsupported) {
        out->unsupported = p->name ? as_arena_printf(arena, "GCC's %%%c[%s] modifier", p->modifier, p->name)
                                   : as_arena_printf(arena, "GCC's %%%c%d modifier", p->modifier, p->operand);
        out->unsupported_line = p->line;
        out->unsupported_column = p->column;
      }
      const char *sub;
      if (idx >= 0 && (unsigned)idx < block->num_operands) {
        sub = operand_text(&s, (unsigned)idx, p->modifier);
      } else if (idx >= 0 && (unsigned)idx < block->num_operands + block->num_labels) {
        sub = as_arena_printf(arena, "asmstory_label%d", idx);
      } else {
        snprintf(err, errlen, "template line %u: operand %d does not exist (the block has %u)",
                 p->line, idx, block->num_operands + block->num_labels);
        return -1;
      }
      emit(&s, sub, p->line, p->column, false);
      break;
    }
    }
  }
  for (unsigned i = 0; i < block->num_operands; i++)
    if (!out->bindings[i].text && out->bindings[i].kind != AS_BIND_NONE)
      out->bindings[i].text = operand_text(&s, i, 0);
  out->bound_text = s.text.data;
  split_statements(&s, lines, num_lines);
  return 0;
}

/* Registers the template names that the compiler may also give operand i
 * (the binder never does): in its class, allocatable in the block's build,
 * neither clobbered nor another operand's, nor the stack or frame pointer. */
static unsigned named_alternatives(as_target *t, const as_block *block, const as_decoded *d,
                                   unsigned i, as_placement *out) {
  unsigned n = 0, bits;
  const char *const *order = class_order(t, &block->operands[i], &bits);
  unsigned fp = as_target_reg_full(t, as_target_reg_lookup(t, t->is64 ? "rbp" : "ebp"));
  for (unsigned k = 0; k < d->num_named_regs; k++) {
    unsigned r = d->named_regs[k];
    bool in_class = false, taken = r == t->sp || r == fp || !as_target_reg_allocatable(t, block, r);
    /* rustc never gives an operand LLVM's base pointer (rbx; esi on i386). */
    if (block->lang == AS_LANG_RUST)
      taken |= r == as_target_reg_full(t, as_target_reg_lookup(t, t->is64 ? "rbx" : "esi"));
    for (unsigned q = 0; order[q] && !in_class; q++)
      in_class = as_target_reg_full(t, as_target_reg_lookup(t, order[q])) == r;
    for (unsigned c = 0; c < block->num_clobbers && !taken; c++)
      taken = t->arch->clobber_reg(t, block->clobbers[c]) == r;
    for (unsigned j = 0; j < d->num_bindings && !taken; j++)
      taken = j != i && d->bindings[j].kind == AS_BIND_REG &&
              (as_target_reg_full(t, d->bindings[j].reg) == r ||
               (d->bindings[j].reg2 && as_target_reg_full(t, d->bindings[j].reg2) == r));
    if (!in_class || taken) continue;
    out[n].operand = (int)i;
    out[n].memory = false;
    out[n].reg = r;
    n++;
  }
  return n;
}

unsigned as_x86_alternatives(as_target *t, as_arena *arena, const as_block *block,
                             const as_decoded *d, as_placement **out) {
  unsigned cap = block->num_operands * (d->num_named_regs + 1) + 1, n = 0;
  as_placement *p = as_arena_alloc(arena, sizeof *p * cap);
  for (unsigned i = 0; i < block->num_operands && i < d->num_bindings; i++) {
    const as_operand *op = &block->operands[i];
    unsigned kinds = op->constraint.kinds;
    if (op->tied_to >= 0 || (kinds & (AS_CK_TIED | AS_CK_FIXED | AS_CK_LABEL)) || op->indirect ||
        d->bindings[i].kind != AS_BIND_REG)
      continue;
    /* x87 stack operands are positions the compiler arranges (inputs at
     * the top, outputs pushed), which the register-stack rules check; a
     * template naming %st(2) does not make it a place the compiler picks. */
    unsigned rc = op->constraint.reg_class;
    if (rc == AS_RC_X87 || rc == AS_RC_X87_TOP || rc == AS_RC_X87_SECOND) continue;
    n += named_alternatives(t, block, d, i, p + n);
    if (kinds & AS_CK_MEM) { /* "g", "rm", "qm": the memory form */
      p[n].operand = (int)i;
      p[n].memory = true;
      p[n].reg = 0;
      n++;
    }
  }
  *out = p;
  return n;
}
