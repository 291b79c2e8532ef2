/* How messages name instructions and operands, for every rule family
 * (checks and story alike), and the header line of a shown block:
 * display.h. */
#include "asmstory/display.h"

#include <stdio.h>
#include <string.h>

const char *as_insn_display(as_arena *arena, const as_block *block, const as_insn *insn) {
  const char *text = insn->text;
  if (!strstr(text, "asmstory_")) return text;
  as_strbuf b;
  as_strbuf_init(&b, arena);
  const char *p = text;
  while (*p) {
    unsigned n;
    int used = 0;
    const char *name = NULL;
    if ((sscanf(p, "asmstory_sym%u%n", &n, &used) == 1 || sscanf(p, "asmstory_mem%u%n", &n, &used) == 1) &&
        n < block->num_operands) {
      name = block->operands[n].expr_text;
      if (name && (name[0] == '@' || name[0] == '%')) name++;
    } else if (sscanf(p, "asmstory_label%u%n", &n, &used) == 1 && n >= block->num_operands &&
               n - block->num_operands < block->num_labels) {
      name = block->labels[n - block->num_operands];
    }
    if (name && used > 0) {
      as_strbuf_puts(&b, name);
      p += used;
    } else {
      as_strbuf_append(&b, p, 1);
      p++;
    }
  }
  return b.data;
}

const char *as_operand_label(as_arena *arena, const as_block *b, int i) {
  if (i < 0 || (unsigned)i >= b->num_operands) return "?";
  const as_operand *op = &b->operands[i];
  const char *ref = b->lang == AS_LANG_RUST && !op->name && (op->constraint.kinds & AS_CK_FIXED)
                        ? as_arena_printf(arena, "\"%s\"", op->constraint.fixed_reg)
                    : b->lang == AS_LANG_RUST ? as_arena_printf(arena, "{%d}", i)
                    : b->lang == AS_LANG_IR ? as_arena_printf(arena, "$%d", i)
                                            : as_arena_printf(arena, "%%%d", i);
  if (op->name) ref = b->lang == AS_LANG_RUST ? as_arena_printf(arena, "{%s}", op->name)
                                               : as_arena_printf(arena, "%%[%s]", op->name);
  if (op->expr_text) {
    const char *e = op->expr_text[0] == '%' ? op->expr_text + 1 : op->expr_text;
    return as_arena_printf(arena, "%s (`%s`)", ref, e);
  }
  return ref;
}

static const char *dialect_name(as_dialect d) { return d == AS_DIALECT_INTEL ? "intel" : "att"; }

static void flags_text(as_strbuf *b, unsigned flags) {
  static const char *const names[] = {"volatile", "goto", "nomem", "readonly", "pure", "nostack",
                                      "preserves_flags", "noreturn", "memory-clobber", "cc-clobber",
                                      "alignstack", "no-red-zone", "unreached", "memory-attr"};
  for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
    if (flags & (1u << i)) as_strbuf_printf(b, " %s", names[i]);
}

void as_block_header(as_strbuf *b, const as_block *block) {
  as_strbuf_printf(b, "block %u at %s:%u:%u", block->id, block->loc.file ? block->loc.file : "<unknown>",
                   block->loc.line, block->loc.column);
  if (block->function) as_strbuf_printf(b, " in %s", block->function);
  as_strbuf_printf(b, " (%s, %s, %s)", as_lang_name(block->lang), dialect_name(block->dialect),
                   block->triple ? block->triple : "no triple");
  flags_text(b, block->flags);
  as_strbuf_puts(b, "\n");
}

/* "`a`", "`a` and `b`", "`a`, `b` and `c`": the distinct names of the
 * copies (of the kind asked) among copies[0..count). */
static unsigned copy_names(const as_block *const *copies, unsigned count, bool contexts,
                           const char **names) {
  unsigned n = 0;
  for (unsigned i = 0; i < count; i++) {
    if (copies[i]->caller_context != contexts) continue;
    const char *f = as_block_function_shown(copies[i]);
    f = f ? f : "?";
    bool again = false;
    for (unsigned k = 0; k < n && !again; k++) again = !strcmp(names[k], f);
    if (!again) names[n++] = f;
  }
  return n;
}

static void name_list(as_strbuf *b, const char *const *names, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    as_strbuf_printf(b, "%s`%s`", i == 0 ? " " : i + 1 == n ? " and " : ", ", names[i]);
}

const char *as_copies_text(as_arena *arena, const as_block *const *copies, unsigned count) {
  const char **names = as_arena_alloc(arena, sizeof *names * (count ? count : 1));
  as_strbuf b;
  as_strbuf_init(&b, arena);
  unsigned n = copy_names(copies, count, false, names);
  if (n) {
    as_strbuf_puts(&b, n == 1 ? "in the copy in" : "in the copies in");
    name_list(&b, names, n);
  }
  unsigned m = copy_names(copies, count, true, names);
  if (m) {
    as_strbuf_puts(&b, n ? "; when called from" : "when called from");
    name_list(&b, names, m);
  }
  return b.data ? b.data : "";
}
