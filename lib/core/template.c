/* Template tokenizing.
 *
 * GNU source form: %N, %<letter>N, %[name], %<letter>[name], %%, %=, %{, %|,
 * %}, and dialect alternatives {att|intel}.
 * LLVM IR form: $N, ${N}, ${N:k}, $$, ${:uid}, ${:comment}, ${:private},
 * and dialect alternatives $(att$|intel$). */
#include "asmstory/template.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum { AS_MAX_OPERAND = 9999 };

typedef struct tstate {
  as_arena *arena;
  const char *text;
  size_t len;
  as_tpl_piece *pieces;
  unsigned count, cap;
  /* Literal text waiting to become one TEXT piece. */
  as_strbuf pending;
  bool have_pending;
  size_t pending_offset;
  /* Location cursor: offsets asked for only grow. */
  size_t loc_offset;
  unsigned loc_line, loc_col;
  char *err;
  size_t errlen;
} tstate;

static void locate(tstate *s, size_t offset, unsigned *line, unsigned *col) {
  if (offset < s->loc_offset) {
    s->loc_offset = 0;
    s->loc_line = 1;
    s->loc_col = 1;
  }
  while (s->loc_offset < offset && s->loc_offset < s->len) {
    if (s->text[s->loc_offset] == '\n') {
      s->loc_line++;
      s->loc_col = 1;
    } else {
      s->loc_col++;
    }
    s->loc_offset++;
  }
  *line = s->loc_line;
  *col = s->loc_col;
}

static int fail_at(tstate *s, size_t offset, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static int fail_at(tstate *s, size_t offset, const char *format, ...) {
  if (s->err && s->errlen) {
    char msg[200];
    va_list args;
    va_start(args, format);
    vsnprintf(msg, sizeof msg, format, args);
    va_end(args);
    unsigned line, col;
    locate(s, offset, &line, &col);
    snprintf(s->err, s->errlen, "template line %u column %u: %s", line, col, msg);
  }
  return -1;
}

static const char *show_char(char ch, char buf[8]) {
  unsigned char u = (unsigned char)ch;
  if (u >= 0x21 && u < 0x7f)
    snprintf(buf, 8, "'%c'", ch);
  else
    snprintf(buf, 8, "0x%02x", u);
  return buf;
}

static as_tpl_piece *push(tstate *s, as_tpl_kind kind, size_t offset) {
  s->pieces = as_arena_grow(s->arena, s->pieces, sizeof *s->pieces, s->count, &s->cap);
  as_tpl_piece *p = &s->pieces[s->count++];
  memset(p, 0, sizeof *p);
  p->kind = kind;
  p->operand = -1;
  p->offset = (unsigned)offset;
  locate(s, offset, &p->line, &p->column);
  return p;
}

static void flush(tstate *s) {
  if (!s->have_pending) return;
  s->have_pending = false;
  if (s->pending.length == 0) return;
  as_tpl_piece *p = push(s, AS_TPL_TEXT, s->pending_offset);
  p->text = as_arena_strndup(s->arena, s->pending.data, s->pending.length);
}

static void add_text(tstate *s, size_t offset, const char *text, size_t n) {
  if (!s->have_pending) {
    s->have_pending = true;
    s->pending_offset = offset;
    s->pending.length = 0;
    s->pending.data[0] = '\0';
  }
  as_strbuf_append(&s->pending, text, n);
}

static void add_operand(tstate *s, size_t offset, int number, const char *name,
                        size_t name_len, char modifier) {
  flush(s);
  as_tpl_piece *p = push(s, AS_TPL_OPERAND, offset);
  p->operand = name ? -1 : number;
  p->name = name ? as_arena_strndup(s->arena, name, name_len) : NULL;
  p->modifier = modifier;
}

static void add_special(tstate *s, size_t offset, as_tpl_kind kind) {
  flush(s);
  push(s, kind, offset);
}

/* Reads a decimal operand number at text[*i]; at least one digit there. */
static int read_number(tstate *s, size_t *i, size_t start, int *value) {
  long v = 0;
  size_t j = *i;
  while (j < s->len && isdigit((unsigned char)s->text[j])) {
    v = v * 10 + (s->text[j] - '0');
    if (v > AS_MAX_OPERAND)
      return fail_at(s, start, "operand number too large (the limit is %d)", AS_MAX_OPERAND);
    j++;
  }
  *value = (int)v;
  *i = j;
  return 0;
}

/* ---- GNU form ------------------------------------------------------------ */

/* "%[name]" / "%k[name]": text[*i] is '['.  On success *i is past ']'. */
static int read_name(tstate *s, size_t *i, size_t start, const char **name, size_t *n) {
  size_t j = *i + 1;
  while (j < s->len && s->text[j] != ']' && s->text[j] != '\n') j++;
  if (j >= s->len || s->text[j] != ']')
    return fail_at(s, start, "unterminated '%%[' operand name");
  size_t len = j - (*i + 1);
  if (len == 0) return fail_at(s, start, "empty operand name '%%[]'");
  const char *p = s->text + *i + 1;
  for (size_t k = 0; k < len; k++) {
    unsigned char u = (unsigned char)p[k];
    if (!isalnum(u) && u != '_')
      return fail_at(s, start, "bad character in operand name '%%[%.*s]'",
                     (int)(len > 40 ? 40 : len), p);
  }
  *name = p;
  *n = len;
  *i = j + 1;
  return 0;
}

static int tokenize_gnu(tstate *s, as_dialect dialect) {
  const char *t = s->text;
  int alt = -1; /* -1: outside {...}; else the alternative's index */
  size_t alt_open = 0;
  int chosen = dialect == AS_DIALECT_INTEL ? 1 : 0;
  /* Without dialect variants (every architecture but x86), '{', '|' and
   * '}' are text: ARM's `push {r4, lr}`. */
  bool variants = dialect != AS_DIALECT_NONE;
  size_t i = 0;
  while (i < s->len) {
    char ch = t[i];
    bool emit = alt < 0 || alt == chosen;
    if (ch == '{' && variants) {
      if (alt >= 0) return fail_at(s, i, "nested '{' inside dialect alternatives");
      alt = 0;
      alt_open = i;
      i++;
      continue;
    }
    if (ch == '|' && alt >= 0) {
      alt++;
      i++;
      continue;
    }
    if (ch == '}' && alt >= 0) {
      alt = -1;
      i++;
      continue;
    }
    if (ch != '%') {
      size_t j = i + 1;
      while (j < s->len && t[j] != '%' && t[j] != '{' && t[j] != '|' && t[j] != '}') j++;
      if (emit) add_text(s, i, t + i, j - i);
      i = j;
      continue;
    }
    size_t start = i;
    if (i + 1 >= s->len) return fail_at(s, start, "'%%' at the end of the template");
    char e = t[i + 1];
    char buf[8];
    switch (e) {
    case '%': case '{': case '|': case '}':
      if (emit) add_text(s, start, &t[i + 1], 1);
      i += 2;
      continue;
    case '=':
      if (emit) add_special(s, start, AS_TPL_UNIQUE);
      i += 2;
      continue;
    default: break;
    }
    char modifier = 0;
    i++;
    if (isalpha((unsigned char)e)) {
      modifier = e;
      i++;
      if (i >= s->len || (!isdigit((unsigned char)t[i]) && t[i] != '['))
        return fail_at(s, start, "'%%%c' must be followed by an operand number or [name]", e);
    } else if (!isdigit((unsigned char)e) && e != '[') {
      return fail_at(s, start, "invalid '%%' escape: '%%' followed by %s", show_char(e, buf));
    }
    if (t[i] == '[') {
      const char *name = NULL;
      size_t n = 0;
      if (read_name(s, &i, start, &name, &n) != 0) return -1;
      if (emit) add_operand(s, start, -1, name, n, modifier);
    } else {
      int number;
      if (read_number(s, &i, start, &number) != 0) return -1;
      if (emit) add_operand(s, start, number, NULL, 0, modifier);
    }
  }
  if (alt >= 0) return fail_at(s, alt_open, "unterminated '{' dialect alternative");
  return 0;
}

/* ---- IR form ------------------------------------------------------------- */

static int tokenize_ir(tstate *s, as_dialect dialect) {
  const char *t = s->text;
  int alt = -1;
  size_t alt_open = 0;
  int chosen = dialect == AS_DIALECT_INTEL ? 1 : 0;
  size_t i = 0;
  while (i < s->len) {
    bool emit = alt < 0 || alt == chosen;
    if (t[i] != '$') {
      size_t j = i + 1;
      while (j < s->len && t[j] != '$') j++;
      if (emit) add_text(s, i, t + i, j - i);
      i = j;
      continue;
    }
    size_t start = i;
    if (i + 1 >= s->len) return fail_at(s, start, "'$' at the end of the template");
    char e = t[i + 1];
    char buf[8];
    if (e == '$') {
      if (emit) add_text(s, start, "$", 1);
      i += 2;
    } else if (e == '(') {
      if (alt >= 0) return fail_at(s, start, "nested '$(' inside dialect alternatives");
      alt = 0;
      alt_open = start;
      i += 2;
    } else if (e == '|') {
      if (alt >= 0) alt++;
      else add_text(s, start, "|", 1);
      i += 2;
    } else if (e == ')') {
      if (alt >= 0) alt = -1;
      else add_text(s, start, "}", 1);
      i += 2;
    } else if (isdigit((unsigned char)e)) {
      int number;
      i++;
      if (read_number(s, &i, start, &number) != 0) return -1;
      if (emit) add_operand(s, start, number, NULL, 0, 0);
    } else if (e == '{') {
      size_t open = i + 2, close = open;
      while (close < s->len && t[close] != '}' && t[close] != '\n') close++;
      if (close >= s->len || t[close] != '}')
        return fail_at(s, start, "unterminated '${' in template");
      const char *body = t + open;
      size_t n = close - open;
      if (n > 0 && body[0] == ':') {
        if (n == 4 && !strncmp(body, ":uid", 4)) {
          if (emit) add_special(s, start, AS_TPL_UNIQUE);
        } else if (n == 8 && !strncmp(body, ":comment", 8)) {
          if (emit) add_special(s, start, AS_TPL_COMMENT);
        } else if (n == 8 && !strncmp(body, ":private", 8)) {
          if (emit) add_text(s, start, ".L", 2);
        } else {
          return fail_at(s, start, "unknown special '${%.*s}'", (int)(n > 40 ? 40 : n), body);
        }
      } else {
        size_t j = open;
        if (j >= close || !isdigit((unsigned char)t[j]))
          return fail_at(s, start, "'${' must hold an operand number, as in '${0}' or '${0:k}'");
        int number;
        if (read_number(s, &j, start, &number) != 0) return -1;
        char modifier = 0;
        if (j < close && t[j] == ':') {
          j++;
          if (j >= close || !isalpha((unsigned char)t[j]))
            return fail_at(s, start, "'${N:' must be followed by a modifier letter");
          modifier = t[j];
          j++;
        }
        if (j != close)
          return fail_at(s, start, "bad operand reference '${%.*s}'", (int)(n > 40 ? 40 : n),
                         body);
        if (emit) add_operand(s, start, number, NULL, 0, modifier);
      }
      i = close + 1;
    } else {
      return fail_at(s, start,
                     "'$' followed by %s: expected a digit, '{', '$', '(', '|' or ')'",
                     show_char(e, buf));
    }
  }
  if (alt >= 0) return fail_at(s, alt_open, "unterminated '$(' dialect alternative");
  return 0;
}

int as_template_tokenize(as_arena *arena, const char *text, bool ir_form,
                         as_dialect dialect, as_tpl_piece **pieces, unsigned *count,
                         char *err, size_t errlen) {
  if (err && errlen) err[0] = '\0';
  if (pieces) *pieces = NULL;
  if (count) *count = 0;
  tstate s;
  memset(&s, 0, sizeof s);
  s.arena = arena;
  s.text = text ? text : "";
  s.len = strlen(s.text);
  s.loc_line = 1;
  s.loc_col = 1;
  s.err = err;
  s.errlen = errlen;
  as_strbuf_init(&s.pending, arena);
  int rc = ir_form ? tokenize_ir(&s, dialect) : tokenize_gnu(&s, dialect);
  if (rc != 0) return -1;
  flush(&s);
  if (pieces) *pieces = s.pieces;
  if (count) *count = s.count;
  return 0;
}
