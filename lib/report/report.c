/* Text, SARIF and JSON output of findings. */
#include "asmstory/report.h"
#include "asmstory/display.h"
#include "asmstory/version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads line `line` (1-based) of a file into buf; false if unavailable. */
static bool source_line(const char *file, unsigned line, char *buf, size_t size) {
  if (!file || !line) return false;
  FILE *f = fopen(file, "r");
  if (!f) return false;
  unsigned n = 1;
  bool ok = false;
  while (fgets(buf, (int)size, f)) {
    size_t len = strlen(buf);
    bool whole = len && buf[len - 1] == '\n';
    if (n == line) {
      if (whole) buf[len - 1] = '\0';
      ok = true;
      break;
    }
    if (whole) n++;
  }
  fclose(f);
  return ok;
}

/* Reads a whole (small) source file into the arena; NULL if unavailable. */
static char *read_file(as_arena *arena, const char *path) {
  FILE *f = path ? fopen(path, "rb") : NULL;
  if (!f) return NULL;
  as_strbuf b;
  as_strbuf_init(&b, arena);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.length < (64u << 20))
    as_strbuf_append(&b, chunk, n);
  fclose(f);
  return b.data ? b.data : as_arena_strdup(arena, "");
}

/* From (line, col) inside a C string literal, advances over `count`
 * decoded template bytes, stepping over escapes and over the gaps between
 * concatenated literals (which may span lines). */
static as_loc advance_in_literal(as_arena *arena, as_loc loc, unsigned count) {
  char *text = read_file(arena, loc.file);
  if (!text) {
    loc.column += count;
    return loc;
  }
  size_t i = 0;
  unsigned line = 1;
  while (text[i] && line < loc.line) {
    if (text[i] == '\n') line++;
    i++;
  }
  i += loc.column ? loc.column - 1 : 0;
  size_t len = strlen(text);
  if (i > len) i = len;
  while (count > 0 && i < len) {
    if (text[i] == '"') { /* end of this literal: find the next one */
      size_t k = i + 1;
      while (k < len && text[k] != '"') {
        if (text[k] == '/' && k + 1 < len && text[k + 1] == '/') {
          while (k < len && text[k] != '\n') k++;
        } else if (!strchr(" \t\r\n", text[k])) {
          k = len; /* something else: not a concatenation */
        } else {
          k++;
        }
      }
      if (k >= len) break;
      i = k + 1;
      continue;
    }
    if (text[i] == '\\' && i + 1 < len) {
      char e = text[i + 1];
      if (e >= '0' && e <= '7') {
        i += 2;
        for (int k = 0; k < 2 && i < len && text[i] >= '0' && text[i] <= '7'; k++) i++;
      } else if (e == 'x') {
        i += 2;
        while (i < len && strchr("0123456789abcdefABCDEF", text[i])) i++;
      } else {
        i += 2;
      }
    } else {
      i++;
    }
    count--;
  }
  if (i < len && text[i] == '"') { /* landed on a closing quote: next literal */
    size_t k = i + 1;
    while (k < len && strchr(" \t\r\n", text[k])) k++;
    if (k < len && text[k] == '"') i = k + 1;
  }
  /* Back to line and column. */
  unsigned l = 1, c = 1;
  for (size_t k = 0; k < i; k++) {
    if (text[k] == '\n') {
      l++;
      c = 1;
    } else {
      c++;
    }
  }
  loc.line = l;
  loc.column = c;
  return loc;
}

/* The start of line n (1-based) of a template, or NULL. */
static const char *template_line_at(const char *text, unsigned n) {
  const char *p = text;
  for (unsigned i = 1; i < n && p; i++) {
    p = strchr(p, '\n');
    if (p) p++;
  }
  return p;
}

/* The byte of the template at (line, column), from the block's byte
 * locations; false when there are none or the place is past them. */
static bool byte_location(const as_block *b, unsigned tpl_line, unsigned tpl_column, as_loc *loc) {
  if (!b->byte_locs || !b->template_text || b->template_ir_form) return false;
  size_t i = 0;
  for (unsigned l = 1; l < tpl_line && i < b->num_byte_locs; i++)
    if (b->template_text[i] == '\n') l++;
  i += tpl_column ? tpl_column - 1 : 0;
  if (i >= b->num_byte_locs || !b->byte_locs[i].file) return false;
  *loc = b->byte_locs[i];
  return true;
}

/* Rust: where in a template line as the source spells it (escapes, {name}
 * placeholders, {{ }}) the byte at ir_offset of the same IR line ($N,
 * ${N:mod}, $$) is; -1 when the two do not line up. */
static long source_offset(const char *src, size_t src_len, const char *ir, size_t ir_len, size_t ir_offset) {
  size_t i = 0, s = 0;
  while (i < ir_offset) {
    if (i >= ir_len || s >= src_len) return -1;
    if (ir[i] == '$' && i + 1 < ir_len && ir[i + 1] != '$') { /* a placeholder */
      size_t k = i + 1;
      if (ir[k] == '{') k += strcspn(ir + k, "}") + 1;
      else while (k < ir_len && ir[k] >= '0' && ir[k] <= '9') k++;
      size_t t = s + strcspn(src + s, "}");
      if (src[s] != '{' || (s + 1 < src_len && src[s + 1] == '{') || t >= src_len) return -1;
      if (ir_offset < k) return (long)s;
      i = k;
      s = t + 1;
    } else if (ir[i] == '$') { /* $$ is the source's $ */
      if (src[s] != '$') return -1;
      i += 2;
      s++;
    } else if ((ir[i] == '{' || ir[i] == '}') && s + 1 < src_len && src[s] == ir[i] && src[s + 1] == ir[i]) {
      i++;
      s += 2;
    } else if (src[s] == '\\' && s + 1 < src_len) { /* an escape: one byte */
      s += src[s + 1] == 'x' ? 4 : src[s + 1] == 'u' ? strcspn(src + s, "}") + 1 : 2;
      i++;
    } else {
      if (src[s] != ir[i]) return -1;
      i++;
      s++;
    }
  }
  return (long)s;
}

/* The column of a Rust template line's byte, from the line's start. */
static unsigned rust_column(const as_block *b, unsigned tpl_line, unsigned tpl_column, unsigned start) {
  const char *src = template_line_at(b->display_template, tpl_line);
  const char *ir = template_line_at(b->template_text, tpl_line);
  if (!src || !ir) return start;
  long off = source_offset(src, strcspn(src, "\n"), ir, strcspn(ir, "\n"), tpl_column - 1);
  return off < 0 ? start : start + (unsigned)off;
}

as_loc as_report_location(const as_block *b, unsigned tpl_line, unsigned tpl_column) {
  as_loc at;
  if (tpl_line && tpl_line <= b->num_line_locs && byte_location(b, tpl_line, tpl_column, &at))
    return at;
  if (tpl_line && b->line_locs && tpl_line <= b->num_line_locs) {
    as_loc loc = b->line_locs[tpl_line - 1];
    if (tpl_column > 1 && b->line_columns_approx && b->display_template && b->template_ir_form) {
      loc.column = rust_column(b, tpl_line, tpl_column, loc.column);
    } else if (tpl_column > 1 && !b->line_columns_approx) {
      if (!b->template_ir_form) {
        as_arena scratch;
        as_arena_init(&scratch);
        loc = advance_in_literal(&scratch, loc, tpl_column - 1);
        as_arena_free(&scratch);
      } else {
        loc.column += tpl_column - 1;
      }
    }
    return loc;
  }
  return b->loc;
}

typedef struct keyed {
  as_loc loc;
  unsigned index;
} keyed;

static int by_place(const keyed *x, const keyed *y) {
  int c = strcmp(x->loc.file ? x->loc.file : "", y->loc.file ? y->loc.file : "");
  if (c) return c;
  if (x->loc.line != y->loc.line) return x->loc.line < y->loc.line ? -1 : 1;
  if (x->loc.column != y->loc.column) return x->loc.column < y->loc.column ? -1 : 1;
  return 0;
}

static int by_location(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  int c = by_place(x, y);
  if (c) return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

void as_findings_sort(as_arena *arena, as_finding_list *list, unsigned from, bool drop_duplicates) {
  unsigned n = list->count - from;
  if (n < 1) return;
  keyed *keys = as_arena_alloc(arena, sizeof *keys * n);
  as_finding *copy = as_arena_alloc(arena, sizeof *copy * n);
  for (unsigned i = 0; i < n; i++) {
    const as_finding *f = &list->items[from + i];
    keys[i].loc = as_report_location(f->block, f->tpl_line, f->tpl_column);
    keys[i].index = i;
    copy[i] = *f;
  }
  qsort(keys, n, sizeof *keys, by_location);
  unsigned kept = 0;
  for (unsigned i = 0; i < n; i++) {
    const as_finding *f = &copy[keys[i].index];
    bool dup = false;
    for (unsigned k = i; drop_duplicates && k-- > 0 && !by_place(&keys[k], &keys[i]);)
      if (!strcmp(copy[keys[k].index].rule, f->rule) && !strcmp(copy[keys[k].index].message, f->message))
        dup = true;
    if (!dup) list->items[from + kept++] = *f;
  }
  list->count = from + kept;
}

static bool same_text(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

/* Are a and b IR copies of one statement (same place and template)? */
static bool same_statement(const as_block *a, const as_block *b) {
  return a == b || (a->template_ir_form && b->template_ir_form && a->loc.file && a->loc.line &&
                    a->loc.line == b->loc.line && a->loc.column == b->loc.column &&
                    same_text(a->loc.file, b->loc.file) && same_text(a->template_text, b->template_text));
}

static bool same_finding(const as_finding *f, const as_finding *g) {
  return same_statement(f->block, g->block) && f->tpl_line == g->tpl_line &&
         f->tpl_column == g->tpl_column && !strcmp(f->rule, g->rule) && !strcmp(f->message, g->message);
}

void as_findings_merge_copies(as_arena *arena, as_finding_list *list, unsigned from,
                              as_block *const *blocks, unsigned num_blocks) {
  unsigned n = list->count > from ? list->count - from : 0;
  as_finding *items = list->items + from;
  bool *gone = as_arena_alloc(arena, n ? n : 1);
  memset(gone, 0, n ? n : 1);
  const as_block **names = as_arena_alloc(arena, sizeof *names * (num_blocks ? num_blocks : 1));
  unsigned kept = 0;
  for (unsigned i = 0; i < n; i++) {
    if (gone[i]) continue;
    as_finding *f = &items[i];
    unsigned copies = 0, found = 0;
    for (unsigned k = 0; k < num_blocks; k++)
      if (same_statement(blocks[k], f->block)) copies++;
    /* The copies that have it: this one and the equal findings after it. */
    for (unsigned k = 0; k < num_blocks && copies > 1; k++) {
      bool has = blocks[k] == f->block;
      for (unsigned j = i + 1; j < n && !has; j++)
        if (!gone[j] && items[j].block == blocks[k] && same_finding(f, &items[j])) has = true;
      if (has) names[found++] = blocks[k];
    }
    for (unsigned j = i + 1; j < n && copies > 1; j++)
      if (!gone[j] && same_finding(f, &items[j])) gone[j] = true;
    if (copies > 1 && found < copies)
      f->message = as_arena_printf(arena, "%s (%s)", f->message, as_copies_text(arena, names, found));
    items[kept++] = *f;
  }
  list->count = from + kept;
}

/* The template line `n` (1-based) of a block. */
static const char *template_line(as_arena *arena, const char *text, unsigned n) {
  const char *p = text ? text : "";
  for (unsigned i = 1; i < n && p; i++) {
    p = strchr(p, '\n');
    if (p) p++;
  }
  if (!p) return "";
  return as_arena_strndup(arena, p, strcspn(p, "\n"));
}

static void caret(as_strbuf *out, const char *line, unsigned column) {
  as_strbuf_printf(out, "  %s\n  ", line);
  for (unsigned i = 1; i < column && line[i - 1]; i++) as_strbuf_puts(out, line[i - 1] == '\t' ? "\t" : " ");
  as_strbuf_puts(out, "^\n");
}

void as_report_text(as_strbuf *out, const as_finding_list *findings) {
  for (unsigned i = 0; i < findings->count; i++) {
    const as_finding *f = &findings->items[i];
    const as_block *b = f->block;
    as_loc loc = as_report_location(b, f->tpl_line, f->tpl_column);
    as_strbuf_printf(out, "%s:%u:%u: %s: %s [asmstory-%s]\n", loc.file ? loc.file : "<unknown>", loc.line,
                     loc.column, as_severity_name(f->severity), f->message, f->rule);
    char buf[4096];
    bool in_source = b->line_locs && f->tpl_line && source_line(loc.file, loc.line, buf, sizeof buf);
    if (in_source) {
      caret(out, buf, loc.column);
    } else if (f->tpl_line) {
      as_strbuf_printf(out, "  in asm line %u:\n", f->tpl_line);
      caret(out, template_line(out->arena, b->display_template ? b->display_template : b->template_text,
                               f->tpl_line),
            b->display_template ? 1 : f->tpl_column);
    } else if (source_line(loc.file, loc.line, buf, sizeof buf)) {
      caret(out, buf, loc.column);
    }
    for (unsigned k = 0; k < f->num_notes; k++) {
      const as_note *n = &f->notes[k];
      as_loc nl = n->tpl_line ? as_report_location(b, n->tpl_line, n->tpl_column) : loc;
      as_strbuf_printf(out, "%s:%u:%u: note: %s\n", nl.file ? nl.file : "<unknown>", nl.line, nl.column,
                       n->text);
    }
    for (unsigned k = 0; k < f->num_fixits; k++)
      as_strbuf_printf(out, "%s:%u:%u: note: fix: %s\n", loc.file ? loc.file : "<unknown>", loc.line,
                       loc.column, f->fixits[k].description);
  }
}

static void json_string(as_strbuf *out, const char *s) {
  as_strbuf_puts(out, "\"");
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    switch (*p) {
    case '"': as_strbuf_puts(out, "\\\""); break;
    case '\\': as_strbuf_puts(out, "\\\\"); break;
    case '\n': as_strbuf_puts(out, "\\n"); break;
    case '\t': as_strbuf_puts(out, "\\t"); break;
    case '\r': as_strbuf_puts(out, "\\r"); break;
    default:
      if (*p < 0x20) as_strbuf_printf(out, "\\u%04x", *p);
      else as_strbuf_append(out, (const char *)p, 1);
    }
  }
  as_strbuf_puts(out, "\"");
}

void as_report_json(as_strbuf *out, const as_finding_list *findings) {
  as_strbuf_puts(out, "{\"findings\": [");
  for (unsigned i = 0; i < findings->count; i++) {
    const as_finding *f = &findings->items[i];
    as_loc loc = as_report_location(f->block, f->tpl_line, f->tpl_column);
    as_strbuf_puts(out, i ? ",\n  {" : "\n  {");
    as_strbuf_puts(out, "\"rule\": ");
    json_string(out, f->rule);
    as_strbuf_printf(out, ", \"severity\": \"%s\", \"message\": ", as_severity_name(f->severity));
    json_string(out, f->message);
    as_strbuf_puts(out, ", \"file\": ");
    json_string(out, loc.file);
    as_strbuf_printf(out, ", \"line\": %u, \"column\": %u, \"block\": %u, \"asm_line\": %u", loc.line,
                     loc.column, f->block->id, f->tpl_line);
    as_strbuf_puts(out, ", \"notes\": [");
    for (unsigned k = 0; k < f->num_notes; k++) {
      if (k) as_strbuf_puts(out, ", ");
      json_string(out, f->notes[k].text);
    }
    as_strbuf_puts(out, "], \"fixits\": [");
    for (unsigned k = 0; k < f->num_fixits; k++) {
      if (k) as_strbuf_puts(out, ", ");
      json_string(out, f->fixits[k].description);
    }
    as_strbuf_puts(out, "]}");
  }
  as_strbuf_puts(out, findings->count ? "\n]}\n" : "]}\n");
}

/* A SARIF artifact URI: file:///abs/path for absolute paths (RFC 8089),
 * the relative reference otherwise; percent-encoding what URIs forbid. */
static void sarif_uri(as_strbuf *out, const char *path) {
  as_strbuf_puts(out, "\"");
  if (path && path[0] == '/') as_strbuf_puts(out, "file://");
  for (const unsigned char *p = (const unsigned char *)(path ? path : "unknown"); *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        strchr("/-._~+", *p))
      as_strbuf_append(out, (const char *)p, 1);
    else
      as_strbuf_printf(out, "%%%02X", *p);
  }
  as_strbuf_puts(out, "\"");
}

void as_report_sarif(as_strbuf *out, const as_finding_list *findings) {
  as_strbuf_puts(out,
                 "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                 "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\n"
                 "      \"name\": \"asmstory\",\n      \"version\": \"" AS_VERSION "\",\n"
                 "      \"semanticVersion\": \"" AS_VERSION "\",\n"
                 "      \"rules\": [");
  unsigned n;
  const as_rule_info *rules = as_rules(&n);
  for (unsigned i = 0; i < n; i++) {
    as_strbuf_printf(out, "%s\n        {\"id\": \"%s\", \"shortDescription\": {\"text\": ", i ? "," : "",
                     rules[i].id);
    json_string(out, rules[i].summary);
    as_strbuf_puts(out, "}, \"fullDescription\": {\"text\": ");
    json_string(out, rules[i].summary);
    as_strbuf_printf(out, "}, \"help\": {\"text\": \"See docs/rules/%s.md\"}, \"defaultConfiguration\": "
                          "{\"level\": \"%s\"}}",
                     rules[i].id, as_severity_name(rules[i].default_severity));
  }
  as_strbuf_puts(out, "\n      ]\n    }},\n    \"results\": [");
  for (unsigned i = 0; i < findings->count; i++) {
    const as_finding *f = &findings->items[i];
    as_loc loc = as_report_location(f->block, f->tpl_line, f->tpl_column);
    unsigned rule_index = 0;
    for (unsigned k = 0; k < n; k++)
      if (!strcmp(rules[k].id, f->rule)) rule_index = k;
    as_strbuf_printf(out, "%s\n      {\"ruleId\": \"%s\", \"ruleIndex\": %u, \"level\": \"%s\", \"message\": {\"text\": ",
                     i ? "," : "", f->rule, rule_index, as_severity_name(f->severity));
    json_string(out, f->message);
    as_strbuf_puts(out, "},\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
    sarif_uri(out, loc.file);
    as_strbuf_printf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}}]", loc.line ? loc.line : 1,
                     loc.column ? loc.column : 1);
    if (f->num_notes) {
      as_strbuf_puts(out, ",\n       \"relatedLocations\": [");
      for (unsigned k = 0; k < f->num_notes; k++) {
        const as_note *nt = &f->notes[k];
        as_loc nl = nt->tpl_line ? as_report_location(f->block, nt->tpl_line, nt->tpl_column) : loc;
        as_strbuf_printf(out, "%s{\"id\": %u, \"message\": {\"text\": ", k ? ", " : "", k);
        json_string(out, nt->text);
        as_strbuf_puts(out, "}, \"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
        sarif_uri(out, nl.file);
        as_strbuf_printf(out, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}}", nl.line ? nl.line : 1,
                         nl.column ? nl.column : 1);
      }
      as_strbuf_puts(out, "]");
    }
    as_strbuf_puts(out, "}");
  }
  as_strbuf_puts(out, findings->count ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
}

void as_report_checks(as_strbuf *out, const char *globs) {
  unsigned n;
  const as_rule_info *r = as_rules(&n);
  for (unsigned k = 0; k < n; k++) {
    if (!as_check_enabled(globs, r[k].id)) continue;
    const char *needs = as_rule_needs_text(&r[k]);
    as_strbuf_printf(out, "%-24s %s%s%s%s\n", r[k].id, r[k].summary, *needs ? " [needs " : "", needs,
                     *needs ? "]" : "");
  }
}
