/* libFuzzer target: one asm block through the whole analysis.
 *
 * The input describes a block as text (a corpus file reads like a small asm
 * statement):
 *
 *   line 1       options, one letter each:
 *                  i Intel dialect      $ IR-form template ($0, ${0:k})
 *                  3 i386 target        s permission stories (Z3)
 *                  R Rust  I IR  C C++  (language; default C)
 *                  v volatile  n nomem  r readonly  p pure  k nostack
 *                  f preserves_flags  x noreturn  m memory attribute
 *                  a alignstack  z no red zone  g asm goto
 *   lines        the template, up to a line "--"
 *   lines        one item each:
 *                  ~name                a clobber
 *                  !name                an asm goto label
 *                  ^triple              the target triple
 *                  [name] constraint key=value...   an operand
 *                with keys w (width in bits), v (constant value), p (bytes
 *                behind a pointer), a (pointee alignment), t (type text) and
 *                o=kind:size:offset:align:readonly (provenance facts).
 *
 * GNU constraints are parsed with as_constraint_parse_gnu (outputs are the
 * ones starting with '=' or '+', numbered first, as Clang does; "[name]"
 * matching constraints are resolved), IR-form ones with
 * as_constraint_parse_ir.  The block then goes through as_analyze_block
 * (decode, effects, checks, stories) with --dump and --explain text, and
 * the findings are rendered as text, SARIF and JSON. */
#include "asmstory/analyze.h"
#include "asmstory/report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "asmstory/target.h"

/* The x86 constraint letters (lib/target/x86/constraints.c). */
static const as_constraint_dialect *x86(void) {
  return as_target_constraint_dialect("x86_64-unknown-linux-gnu");
}


enum { MAX_ITEMS = 160 };

static as_target_cache *targets;
static as_story_ctx *story;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  targets = as_target_cache_create();
  story = as_story_create(100, false);
  return 0;
}

/* Next line of [*p, end) (without its newline); false at the end. */
static bool next_line(const char **p, const char *end, const char **line, size_t *len) {
  if (*p >= end) return false;
  const char *nl = memchr(*p, '\n', (size_t)(end - *p));
  *line = *p;
  *len = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
  *p = nl ? nl + 1 : end;
  return true;
}

static long long number(const char *s) { return strtoll(s, NULL, 0); }

static void operand_keys(as_arena *arena, as_operand *op, char *rest) {
  for (char *tok = strtok(rest, " \t"); tok; tok = strtok(NULL, " \t")) {
    if (tok[0] == '\0' || tok[1] != '=') continue;
    const char *v = tok + 2;
    switch (tok[0]) {
    case 'w': op->width_bits = (unsigned)number(v); break;
    case 'v': op->has_value = true; op->value = number(v); break;
    case 'p': op->is_pointer = true; op->pointee_size = (unsigned)number(v); break;
    case 'a': op->pointee_align = (unsigned)number(v); break;
    case 't': op->type_text = as_arena_strdup(arena, v); break;
    case 'o': {
      /* kind:size:offset:align:readonly */
      long long f[5] = {0, -1, -1, 0, 0};
      const char *q = v;
      for (int k = 0; k < 5 && *q; k++) {
        char *next;
        f[k] = strtoll(q, &next, 0);
        q = *next == ':' ? next + 1 : next + strlen(next);
      }
      op->is_pointer = true;
      op->facts.known = true;
      op->facts.kind = (as_object_kind)((unsigned long long)f[0] % (AS_OBJ_NULL + 1));
      op->facts.object = "obj";
      op->facts.size_known = f[1] >= 0;
      op->facts.object_size = (unsigned long long)f[1];
      op->facts.offset_known = f[2] >= 0;
      op->facts.offset = f[2];
      op->facts.align = (unsigned long long)f[3];
      op->facts.readonly = f[4] != 0;
      break;
    }
    default: break;
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  const char *p = text, *end = text + strlen(text);
  as_arena arena;
  as_arena_init(&arena);

  as_block *b = as_arena_alloc(&arena, sizeof *b);
  b->id = 1;
  b->lang = AS_LANG_C;
  b->triple = "x86_64-unknown-linux-gnu";
  b->loc.file = NULL;
  bool stories = false;
  const char *line;
  size_t len;
  if (next_line(&p, end, &line, &len)) {
    for (size_t i = 0; i < len; i++) {
      switch (line[i]) {
      case 'i': b->dialect = AS_DIALECT_INTEL; break;
      case '$': b->template_ir_form = true; break;
      case '3': b->triple = "i386-unknown-linux-gnu"; break;
      case 's': stories = true; break;
      case 'R': b->lang = AS_LANG_RUST; break;
      case 'I': b->lang = AS_LANG_IR; break;
      case 'C': b->lang = AS_LANG_CXX; break;
      case 'v': b->flags |= AS_BF_VOLATILE; break;
      case 'n': b->flags |= AS_BF_NOMEM; break;
      case 'r': b->flags |= AS_BF_READONLY; break;
      case 'p': b->flags |= AS_BF_PURE; break;
      case 'k': b->flags |= AS_BF_NOSTACK; break;
      case 'f': b->flags |= AS_BF_PRESERVES_FLAGS; break;
      case 'x': b->flags |= AS_BF_NORETURN; break;
      case 'm': b->flags |= AS_BF_HAS_MEMORY_ATTR; break;
      case 'a': b->flags |= AS_BF_ALIGNSTACK; break;
      case 'z': b->flags |= AS_BF_NO_RED_ZONE; break;
      case 'g': b->flags |= AS_BF_GOTO; break;
      default: break;
      }
    }
  }

  /* The template. */
  as_strbuf tpl;
  as_strbuf_init(&tpl, &arena);
  bool first = true;
  while (next_line(&p, end, &line, &len)) {
    if (len == 2 && !memcmp(line, "--", 2)) break;
    if (!first) as_strbuf_append(&tpl, "\n", 1);
    as_strbuf_append(&tpl, line, len);
    first = false;
  }
  b->template_text = tpl.data;

  /* Items: clobbers, labels, the triple, operands (outputs first). */
  as_operand outs[MAX_ITEMS], ins[MAX_ITEMS];
  unsigned n_outs = 0, n_ins = 0;
  b->clobbers = as_arena_alloc(&arena, sizeof *b->clobbers * MAX_ITEMS);
  b->labels = as_arena_alloc(&arena, sizeof *b->labels * MAX_ITEMS);
  unsigned items = 0;
  while (next_line(&p, end, &line, &len) && items++ < MAX_ITEMS) {
    char *item = as_arena_strndup(&arena, line, len);
    if (item[0] == '~') {
      const char *name = item + 1;
      if (b->template_ir_form && name[0] == '{' && name[strlen(name) - 1] == '}')
        name = as_arena_strndup(&arena, name + 1, strlen(name) - 2);
      b->clobbers[b->num_clobbers++] = name;
      if (!strcmp(name, "memory")) b->flags |= AS_BF_MEMORY_CLOBBER;
      else if (!strcmp(name, "cc") || !strcmp(name, "flags")) b->flags |= AS_BF_CC_CLOBBER;
      continue;
    }
    if (item[0] == '!') {
      b->labels[b->num_labels++] = item + 1;
      b->flags |= AS_BF_GOTO;
      continue;
    }
    if (item[0] == '^') {
      b->triple = item + 1;
      continue;
    }
    as_operand op;
    memset(&op, 0, sizeof op);
    op.tied_to = -1;
    char *s = item;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '[') {
      char *close = strchr(s, ']');
      if (!close) continue;
      op.name = as_arena_strndup(&arena, s + 1, (size_t)(close - s - 1));
      s = close + 1;
      while (*s == ' ' || *s == '\t') s++;
    }
    char *rest = s + strcspn(s, " \t");
    if (*rest) *rest++ = '\0';
    op.constraint_text = s;
    char err[256];
    if (b->template_ir_form) {
      as_constraint *c = NULL;
      unsigned count = 0;
      if (as_constraint_parse_ir(&arena, x86(), s, &c, &count, err, sizeof err) != 0 || count != 1)
        continue;
      if (c->flags & AS_CF_CLOBBER) {
        b->clobbers[b->num_clobbers++] = as_arena_strdup(&arena, c->fixed_reg);
        continue;
      }
      if (c->kinds & AS_CK_LABEL) {
        b->labels[b->num_labels++] = "label";
        continue;
      }
      op.constraint = *c;
      op.dir = (c->flags & AS_CF_OUTPUT) ? AS_DIR_OUT : AS_DIR_IN;
      op.indirect = (c->flags & AS_CF_INDIRECT) != 0;
    } else {
      bool is_output = s[strspn(s, " \t&%")] == '=' || s[strspn(s, " \t&%")] == '+';
      if (as_constraint_parse_gnu(x86(), s, is_output, &op.constraint, err, sizeof err) != 0) continue;
      op.dir = !is_output ? AS_DIR_IN
               : (op.constraint.flags & AS_CF_INOUT) ? AS_DIR_INOUT
                                                     : AS_DIR_OUT;
    }
    op.tied_to = op.constraint.tied_to;
    op.early_clobber = (op.constraint.flags & AS_CF_EARLY) != 0;
    operand_keys(&arena, &op, rest);
    if (op.dir == AS_DIR_IN || b->template_ir_form) ins[n_ins++] = op;
    else outs[n_outs++] = op;
  }
  /* GNU numbering: outputs, then inputs; IR: as written. */
  b->num_operands = n_outs + n_ins;
  b->operands = as_arena_alloc(&arena, sizeof *b->operands * (b->num_operands + 1));
  memcpy(b->operands, outs, sizeof *outs * n_outs);
  memcpy(b->operands + n_outs, ins, sizeof *ins * n_ins);
  for (unsigned i = 0; i < b->num_operands; i++) {
    as_operand *op = &b->operands[i];
    op->index = i;
    if (!op->constraint.tied_name[0]) continue;
    for (unsigned o = 0; o < n_outs; o++)
      if (b->operands[o].name && !strcmp(b->operands[o].name, op->constraint.tied_name)) {
        op->tied_to = op->constraint.tied_to = (int)o;
        break;
      }
  }

  as_finding_list findings = {0};
  as_strbuf dump, explain, out;
  as_strbuf_init(&dump, &arena);
  as_strbuf_init(&explain, &arena);
  as_strbuf_init(&out, &arena);
  as_analysis_options options = {NULL, true, true};
  char err[512];
  if (as_analyze_block(targets, stories ? story : NULL, &arena, b, &options, &findings, &dump,
                       &explain, err, sizeof err) == 0) {
    as_report_text(&out, &findings);
    as_report_sarif(&out, &findings);
    as_report_json(&out, &findings);
  }
  as_arena_free(&arena);
  free(text);
  return 0;
}
