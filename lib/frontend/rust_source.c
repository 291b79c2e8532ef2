/* Rust asm! blocks read from the IR, mapped back to their source.
 *
 * The IR knows the asm! macro's location but not its template strings or
 * operand order (rustc puts outputs first).  Reading the macro's template
 * string literals from the source file gives each template line its own
 * location, and aligning the source placeholders ({0}, {x}, {}) with the IR
 * operand references ($0, ${1:q}) in order of appearance gives each IR
 * operand the name the programmer wrote. */
#include "asmstory/frontend.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(as_arena *arena, const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  as_strbuf b;
  as_strbuf_init(&b, arena);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.length < (16u << 20)) as_strbuf_append(&b, chunk, n);
  fclose(f);
  *len = b.length;
  return b.data;
}

typedef struct literal {
  size_t begin;   /* offset of the first content byte */
  size_t end;     /* offset of the closing quote */
  bool raw;
} literal;

/* Parses one string literal at text[i] ("..." or r#"..."#); false if none. */
static bool parse_literal(const char *text, size_t len, size_t *i, literal *lit) {
  size_t p = *i;
  bool raw = false;
  unsigned hashes = 0;
  if (p < len && text[p] == 'r') {
    raw = true;
    p++;
    while (p < len && text[p] == '#') hashes++, p++;
  }
  if (p >= len || text[p] != '"') return false;
  p++;
  lit->begin = p;
  lit->raw = raw;
  while (p < len) {
    if (!raw && text[p] == '\\') {
      p += 2;
      continue;
    }
    if (text[p] == '"') {
      unsigned h = 0;
      while (h < hashes && p + 1 + h < len && text[p + 1 + h] == '#') h++;
      if (h == hashes) {
        lit->end = p;
        *i = p + 1 + hashes;
        return true;
      }
    }
    p++;
  }
  return false;
}

static void skip_space(const char *text, size_t len, size_t *i) {
  while (*i < len) {
    if (isspace((unsigned char)text[*i])) {
      (*i)++;
    } else if (text[*i] == '/' && *i + 1 < len && text[*i + 1] == '/') {
      while (*i < len && text[*i] != '\n') (*i)++;
    } else {
      break;
    }
  }
}

/* Line and column (1-based) of an offset. */
static as_loc loc_of(const char *file, const char *text, size_t offset) {
  as_loc l = {file, 1, 1};
  for (size_t k = 0; k < offset; k++) {
    if (text[k] == '\n') {
      l.line++;
      l.column = 1;
    } else {
      l.column++;
    }
  }
  return l;
}

#define MAX_REFS 256

/* Placeholders of the Rust template, in order: "0", "x" (positional {}
 * numbered as rustc does). */
static unsigned rust_placeholders(as_arena *arena, const char *text, const literal *lits, unsigned n,
                                  const char **out) {
  unsigned count = 0, next_positional = 0;
  for (unsigned k = 0; k < n; k++) {
    for (size_t p = lits[k].begin; p < lits[k].end; p++) {
      if (text[p] == '{' && p + 1 < lits[k].end && text[p + 1] == '{') {
        p++;
        continue;
      }
      if (text[p] != '{') continue;
      size_t q = p + 1;
      while (q < lits[k].end && text[q] != '}' && text[q] != ':') q++;
      const char *name = q == p + 1 ? as_arena_printf(arena, "%u", next_positional++)
                                    : as_arena_strndup(arena, text + p + 1, q - p - 1);
      while (q < lits[k].end && text[q] != '}') q++;
      if (count < MAX_REFS) out[count] = name;
      count++;
      p = q;
    }
  }
  return count;
}

/* Operand numbers referenced by the IR template, in order. */
static unsigned ir_references(const char *t, int *out) {
  unsigned count = 0;
  for (const char *p = t; *p; p++) {
    if (*p != '$') continue;
    if (p[1] == '$') {
      p++;
      continue;
    }
    const char *q = p + 1;
    if (*q == '{') q++;
    if (!isdigit((unsigned char)*q)) continue;
    int n = atoi(q);
    if (count < MAX_REFS) out[count] = n;
    count++;
  }
  return count;
}

static void annotate(as_arena *arena, as_block *b) {
  if (!b->loc.file || !b->loc.line) return;
  size_t len = 0;
  char *text = read_file(arena, b->loc.file, &len);
  if (!text) return;
  as_loc start = {b->loc.file, b->loc.line, b->loc.column};
  size_t i = 0;
  for (unsigned line = 1; i < len && line < start.line; i++)
    if (text[i] == '\n') line++;
  i += start.column ? start.column - 1 : 0;
  /* asm!( ... , or the path to it. */
  const char *macro = i < len ? strstr(text + i, "asm!") : NULL;
  if (!macro || (size_t)(macro - text) > i + 64) return;
  i = (size_t)(macro - text) + 4;
  skip_space(text, len, &i);
  if (i >= len || (text[i] != '(' && text[i] != '{' && text[i] != '[')) return;
  i++;
  literal lits[MAX_REFS];
  unsigned n = 0;
  for (;;) {
    skip_space(text, len, &i);
    literal lit;
    if (n >= MAX_REFS || !parse_literal(text, len, &i, &lit)) break;
    lits[n++] = lit;
    skip_space(text, len, &i);
    if (i < len && text[i] == ',') i++;
    else break;
  }
  if (n == 0) return;
  /* Each template string is one line of the template (rustc joins them
   * with newlines); a string with its own "\n" escapes makes the counts
   * differ, and then only the statement location is used. */
  /* Template lines: each string, and within a (non-raw) string each "\n"
   * escape or real newline starts another line. */
  unsigned lines = as_template_line_count(b->template_text);
  as_loc *locs = as_arena_alloc(arena, sizeof *locs * (lines + 1));
  as_strbuf src;
  as_strbuf_init(&src, arena);
  unsigned found = 0;
  for (unsigned k = 0; k < n && found <= lines; k++) {
    if (k) as_strbuf_puts(&src, "\n");
    if (found < lines) locs[found] = loc_of(b->loc.file, text, lits[k].begin);
    found++;
    size_t start = lits[k].begin;
    for (size_t p = lits[k].begin; p < lits[k].end; p++) {
      bool escape = !lits[k].raw && text[p] == '\\' && p + 1 < lits[k].end && text[p + 1] == 'n';
      if (escape || text[p] == '\n') {
        as_strbuf_append(&src, text + start, p - start);
        as_strbuf_puts(&src, "\n");
        p += escape ? 1 : 0;
        start = p + 1;
        if (found < lines) locs[found] = loc_of(b->loc.file, text, start);
        found++;
      } else if (!lits[k].raw && text[p] == '\\') {
        p++; /* another escape: skip its second character */
      }
    }
    as_strbuf_append(&src, text + start, lits[k].end - start);
  }
  /* rustc adds a newline after a string ending in "\n"; the counts agree
   * only when the source was read the way rustc joins it. */
  if (found == lines) {
    b->line_locs = locs;
    b->num_line_locs = lines;
    b->line_columns_approx = true;
    b->display_template = src.data;
  }
  /* Operand names by aligning placeholders. */
  const char *names[MAX_REFS];
  int refs[MAX_REFS];
  unsigned np = rust_placeholders(arena, text, lits, n, names);
  unsigned nr = ir_references(b->template_text, refs);
  if (np != nr || np > MAX_REFS) return;
  const char **by_operand = as_arena_alloc(arena, sizeof(char *) * (b->num_operands + 1));
  for (unsigned k = 0; k < nr; k++) {
    if (refs[k] < 0 || (unsigned)refs[k] >= b->num_operands) return;
    const char *prev = by_operand[refs[k]];
    if (prev && strcmp(prev, names[k])) return; /* inconsistent: give up */
    by_operand[refs[k]] = names[k];
  }
  for (unsigned k = 0; k < b->num_operands; k++) {
    if (by_operand[k]) b->operands[k].name = by_operand[k];
    /* An input tied to an output (inout) is the same Rust operand. */
    int t = b->operands[k].tied_to;
    if (!b->operands[k].name && t >= 0 && (unsigned)t < b->num_operands && by_operand[t])
      b->operands[k].name = by_operand[t];
  }
}

void as_rust_annotate(as_arena *arena, as_block_list *blocks, unsigned first) {
  for (unsigned i = first; i < blocks->count; i++)
    if (blocks->items[i]->lang == AS_LANG_RUST) annotate(arena, blocks->items[i]);
}
