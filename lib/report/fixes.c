/* Fix-its as source edits: --fix applies them, --export-fixes writes them in
 * clang-tidy's YAML.  Only fix-its that are certainly right become edits
 * (adding clobbers, `volatile`, early-clobber `&`), as clang-tidy does. */
#include "asmstory/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void push(as_arena *arena, as_edit_list *list, const as_edit *e) {
  if (list->count == list->capacity)
    list->items = as_arena_grow(arena, list->items, sizeof *list->items, list->count, &list->capacity);
  list->items[list->count++] = *e;
}

static bool has_clobber(const as_block *b, const char *quoted) {
  size_t n = strlen(quoted);
  if (n < 2) return true;
  for (unsigned i = 0; i < b->num_clobbers; i++)
    if (strlen(b->clobbers[i]) == n - 2 && !strncmp(b->clobbers[i], quoted + 1, n - 2)) return true;
  return false;
}

/* Adds each quoted name of `list` ("\"rcx\", \"rbx\"") to `names` unless present. */
static void add_names(as_arena *arena, const as_block *b, const char *list, const char **names,
                      unsigned *count, unsigned max) {
  const char *p = list;
  while ((p = strchr(p, '"')) != NULL) {
    const char *q = strchr(p + 1, '"');
    if (!q) break;
    char *name = as_arena_strndup(arena, p, (size_t)(q - p + 1));
    bool dup = has_clobber(b, name);
    for (unsigned i = 0; i < *count && !dup; i++) dup = !strcmp(names[i], name);
    if (!dup && *count < max) names[(*count)++] = name;
    p = q + 1;
  }
}

void as_fix_edits(as_arena *arena, const as_finding_list *findings, as_edit_list *edits) {
  for (unsigned i = 0; i < findings->count; i++) {
    const as_block *b = findings->items[i].block;
    bool first = true; /* handle each block once, at its first finding */
    for (unsigned k = 0; k < i; k++)
      if (findings->items[k].block == b) first = false;
    /* Basic asm cannot take clobbers or a constraint change without
     * becoming extended asm, where its '%' would mean something else. */
    if (!first || !b->layout.valid || (b->flags & AS_BF_BASIC)) continue;
    const as_asm_layout *l = &b->layout;
    const char *names[64];
    unsigned num_names = 0;
    bool add_volatile = false;
    const as_finding *volatile_for = NULL, *clobber_for = NULL;
    for (unsigned k = i; k < findings->count; k++) {
      const as_finding *f = &findings->items[k];
      if (f->block != b) continue;
      for (unsigned x = 0; x < f->num_fixits; x++) {
        const as_fixit *fx = &f->fixits[x];
        if (!fx->certain) continue;
        if (fx->clobber) {
          unsigned before = num_names;
          add_names(arena, b, fx->clobber, names, &num_names, 64);
          if (num_names > before && !clobber_for) clobber_for = f;
        }
        if (fx->add_volatile && !(b->flags & AS_BF_VOLATILE) && !add_volatile) {
          add_volatile = true;
          volatile_for = f;
        }
        if (fx->operand >= 0 && fx->constraint && (unsigned)fx->operand < b->num_operands &&
            l->constraint_length[fx->operand]) {
          const char *old = b->operands[fx->operand].constraint_text;
          if (!old || strchr(old, '&') || (old[0] != '=' && old[0] != '+')) continue;
          as_edit e = {l->file, l->constraint_offset[fx->operand], l->constraint_length[fx->operand],
                       as_arena_printf(arena, "\"%c&%s\"", old[0], old + 1), f};
          push(arena, edits, &e);
        }
      }
    }
    if (add_volatile) {
      as_edit e = {l->file, l->after_keyword, 0, " volatile", volatile_for};
      push(arena, edits, &e);
    }
    if (num_names) {
      as_strbuf list;
      as_strbuf_init(&list, arena);
      for (unsigned n = 0; n < num_names; n++) as_strbuf_printf(&list, "%s%s", n ? ", " : "", names[n]);
      as_edit e = {l->file, 0, 0, NULL, clobber_for};
      if (l->num_sections >= 4) {
        e.offset = l->section_end[3];
        e.text = as_arena_printf(arena, "%s%s", l->section_empty[3] ? " " : ", ", list.data);
      } else {
        as_strbuf t;
        as_strbuf_init(&t, arena);
        for (unsigned n = l->num_sections; n < 4; n++) as_strbuf_puts(&t, n + 1 < 4 ? " :" : " : ");
        as_strbuf_puts(&t, list.data);
        e.offset = l->close_paren;
        e.text = t.data;
      }
      push(arena, edits, &e);
    }
  }
}

static int by_offset_desc(const void *a, const void *b) {
  const as_edit *x = a, *y = b;
  int c = strcmp(x->file, y->file);
  if (c) return c;
  return x->offset < y->offset ? 1 : x->offset > y->offset ? -1 : 0;
}

int as_fix_apply(as_arena *arena, const as_edit_list *edits, char *err, size_t errlen) {
  if (!edits->count) return 0;
  as_edit *sorted = as_arena_alloc(arena, sizeof *sorted * edits->count);
  memcpy(sorted, edits->items, sizeof *sorted * edits->count);
  qsort(sorted, edits->count, sizeof *sorted, by_offset_desc);
  for (unsigned i = 0; i < edits->count;) {
    const char *file = sorted[i].file;
    FILE *f = fopen(file, "rb");
    if (!f) {
      snprintf(err, errlen, "--fix: cannot read '%s'", file);
      return -1;
    }
    as_strbuf text;
    as_strbuf_init(&text, arena);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) as_strbuf_append(&text, chunk, n);
    fclose(f);
    char *data = text.data ? text.data : as_arena_strdup(arena, "");
    size_t len = text.length;
    for (; i < edits->count && !strcmp(sorted[i].file, file); i++) {
      const as_edit *e = &sorted[i];
      if (e->offset + e->length > len) continue;
      size_t tl = strlen(e->text);
      char *next = as_arena_alloc(arena, len - e->length + tl + 1);
      memcpy(next, data, e->offset);
      memcpy(next + e->offset, e->text, tl);
      memcpy(next + e->offset + tl, data + e->offset + e->length, len - e->offset - e->length);
      len = len - e->length + tl;
      next[len] = '\0';
      data = next;
    }
    f = fopen(file, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
      if (f) fclose(f);
      snprintf(err, errlen, "--fix: cannot write '%s'", file);
      return -1;
    }
    fclose(f);
  }
  return 0;
}

static void yaml_string(as_strbuf *out, const char *s) {
  as_strbuf_puts(out, "'");
  for (const char *p = s ? s : ""; *p; p++) {
    if (*p == '\'') as_strbuf_puts(out, "''");
    else if (*p == '\n') as_strbuf_puts(out, "\\n");
    else as_strbuf_append(out, p, 1);
  }
  as_strbuf_puts(out, "'");
}

void as_fix_export_yaml(as_strbuf *out, const char *main_file, const as_finding_list *findings,
                        const as_edit_list *edits) {
  as_strbuf_puts(out, "---\nMainSourceFile:  ");
  yaml_string(out, main_file);
  as_strbuf_puts(out, "\nDiagnostics:\n");
  for (unsigned i = 0; i < findings->count; i++) {
    const as_finding *f = &findings->items[i];
    unsigned n = 0;
    for (unsigned k = 0; k < edits->count; k++)
      if (edits->items[k].finding == f) n++;
    if (!n) continue;
    const as_asm_layout *l = &f->block->layout;
    as_strbuf_printf(out, "  - DiagnosticName:  asmstory-%s\n    DiagnosticMessage:\n      Message:         ", f->rule);
    yaml_string(out, f->message);
    as_strbuf_puts(out, "\n      FilePath:        ");
    yaml_string(out, l->file);
    as_strbuf_printf(out, "\n      FileOffset:      %u\n      Replacements:\n", l->after_keyword);
    for (unsigned k = 0; k < edits->count; k++) {
      const as_edit *e = &edits->items[k];
      if (e->finding != f) continue;
      as_strbuf_puts(out, "        - FilePath:        ");
      yaml_string(out, e->file);
      as_strbuf_printf(out, "\n          Offset:          %u\n          Length:          %u\n"
                            "          ReplacementText: ", e->offset, e->length);
      yaml_string(out, e->text);
      as_strbuf_puts(out, "\n");
    }
    as_strbuf_printf(out, "    Level:           %s\n", f->severity == AS_SEV_ERROR ? "Error" : "Warning");
  }
  as_strbuf_puts(out, "...\n");
}
