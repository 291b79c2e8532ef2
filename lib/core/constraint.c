/* Constraint parsing: GNU C operand constraints ("=&r", "+m", "0", "[x]",
 * "=@ccz", "{rax}") and LLVM IR constraint strings
 * ("=&r,*m,0,~{memory},~{dirflag}").  The letters every GCC target shares
 * are here; the rest are the architecture's (as_constraint_dialect). */
#include "asmstory/block.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* An operand number above this is refused (GCC allows 30 operands). */
enum { AS_MAX_TIED = 9999 };

static int fail(char *err, size_t errlen, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *format, ...) {
  if (err && errlen) {
    va_list args;
    va_start(args, format);
    vsnprintf(err, errlen, format, args);
    va_end(args);
  }
  return -1;
}

/* A printable rendering of one byte for error messages. */
static const char *show_char(char ch, char buf[8]) {
  unsigned char u = (unsigned char)ch;
  if (u >= 0x21 && u < 0x7f)
    snprintf(buf, 8, "'%c'", ch);
  else
    snprintf(buf, 8, "0x%02x", u);
  return buf;
}

static void constraint_init(as_constraint *c) {
  memset(c, 0, sizeof *c);
  c->tied_to = -1;
}

void as_constraint_set_class(as_constraint *c, unsigned rc) {
  if (c->reg_class == AS_RC_NONE) c->reg_class = rc;
}

/* Copies a register name lower-cased; false when it does not fit. */
static bool copy_lower(char *dst, size_t size, const char *src, size_t n) {
  if (n >= size) return false;
  for (size_t i = 0; i < n; i++) dst[i] = (char)tolower((unsigned char)src[i]);
  dst[n] = '\0';
  return true;
}

void as_constraint_set_fixed(as_constraint *c, const char *reg, const char *reg2) {
  c->kinds |= AS_CK_FIXED;
  if (c->fixed_reg[0]) return; /* keep the first alternative's register */
  snprintf(c->fixed_reg, sizeof c->fixed_reg, "%s", reg);
  if (reg2) snprintf(c->fixed_reg2, sizeof c->fixed_reg2, "%s", reg2);
}

/* Appends n bytes to the display letters (silently truncated). */
static void add_letters(as_constraint *c, const char *s, size_t n) {
  size_t have = strlen(c->letters);
  size_t room = sizeof c->letters - 1 - have;
  if (n > room) n = room;
  memcpy(c->letters + have, s, n);
  c->letters[have + n] = '\0';
}

/* The letter (or two-letter code) at p: the architecture's first, then
 * those every GCC target shares.  Bytes used, or 0 when unknown (then
 * *bad_len says how many bytes to quote in the message). */
static size_t classify_letter(const as_constraint_dialect *d, const char *p, as_constraint *c,
                              size_t *bad_len) {
  *bad_len = 1;
  if (d && d->classify) {
    size_t used = d->classify(p, c, bad_len);
    if (used) return used;
    if (*bad_len > 1) return 0;
  }
  switch (*p) {
  case 'r': c->kinds |= AS_CK_REG; as_constraint_set_class(c, AS_RC_GENERAL); return 1;
  case 'm': case 'o': case 'V': case '<': case '>':
    c->kinds |= AS_CK_MEM; return 1;
  case 'p': c->kinds |= AS_CK_ADDRESS; return 1;
  case 'i': case 'n': case 's': case 'E': case 'F':
    c->kinds |= AS_CK_IMM; return 1;
  case 'g':
    c->kinds |= AS_CK_REG | AS_CK_MEM | AS_CK_IMM | AS_CK_ANY;
    as_constraint_set_class(c, AS_RC_GENERAL);
    return 1;
  case 'X': c->kinds |= AS_CK_ANY; return 1;
  default: return 0;
  }
}

static int unknown_letter(const char *p, size_t n, char *err, size_t errlen) {
  char buf[8];
  if (n == 2 && (unsigned char)p[1] >= 0x21 && (unsigned char)p[1] < 0x7f)
    return fail(err, errlen, "unknown constraint letter '%c%c'", p[0], p[1]);
  return fail(err, errlen, "unknown constraint letter %s", show_char(p[0], buf));
}

/* Parses a decimal number at *pp (at least one digit there). */
static int parse_number(const char **pp, int *value, char *err, size_t errlen) {
  const char *p = *pp;
  long v = 0;
  while (isdigit((unsigned char)*p)) {
    v = v * 10 + (*p - '0');
    if (v > AS_MAX_TIED) return fail(err, errlen, "operand number too large in constraint");
    p++;
  }
  *value = (int)v;
  *pp = p;
  return 0;
}

/* "{name}" at p (p points at '{'); end is the limit of the group.  Sets
 * the fixed register (or the flags for "{@ccX}").  Returns bytes used. */
static int parse_brace_reg(const char *p, const char *end, as_constraint *c, bool record,
                           size_t *used, char *err, size_t errlen) {
  const char *close = p + 1;
  while (close < end && *close != '}') close++;
  if (close >= end) return fail(err, errlen, "unterminated '{' in constraint");
  size_t n = (size_t)(close - (p + 1));
  if (n == 0) return fail(err, errlen, "empty register name '{}' in constraint");
  const char *name = p + 1;
  if (n > 3 && !strncmp(name, "@cc", 3)) {
    if (!c->dialect || !c->dialect->valid_flag_condition || !c->dialect->valid_flag_condition(name + 3, n - 3))
      return fail(err, errlen, "unknown flag condition '%.*s'", (int)(n - 3), name + 3);
    as_constraint_set_fixed(c, "flags", NULL);
    if (record) add_letters(c, name, n);
  } else {
    char reg[sizeof c->fixed_reg];
    for (size_t i = 0; i < n; i++)
      if (isspace((unsigned char)name[i]) || name[i] == '{' || name[i] == ',')
        return fail(err, errlen, "bad register name '{%.*s}' in constraint", (int)n, name);
    if (!copy_lower(reg, sizeof reg, name, n))
      return fail(err, errlen, "register name '{%.*s}' is too long", (int)n, name);
    as_constraint_set_fixed(c, reg, NULL);
    if (record) add_letters(c, p, n + 2);
  }
  *used = n + 2;
  return 0;
}

/* ---- GNU ----------------------------------------------------------------- */

int as_constraint_parse_gnu(const as_constraint_dialect *dialect, const char *text, bool is_output,
                            as_constraint *out, char *err, size_t errlen) {
  as_constraint c;
  constraint_init(&c);
  c.dialect = dialect;
  if (err && errlen) err[0] = '\0';
  if (out) constraint_init(out);
  if (!text) return fail(err, errlen, "empty constraint");
  const char *p = text;
  const char *end = text + strlen(text);
  while (p < end && isspace((unsigned char)*p)) p++;
  if (p == end) return fail(err, errlen, "empty constraint");

  /* Leading modifiers. */
  for (; p < end; p++) {
    if (*p == '=') c.flags |= AS_CF_OUTPUT;
    else if (*p == '+') c.flags |= AS_CF_INOUT | AS_CF_OUTPUT;
    else if (*p == '&') c.flags |= AS_CF_EARLY;
    else if (*p == '%') c.flags |= AS_CF_COMMUTATIVE;
    else if (!isspace((unsigned char)*p)) break;
  }
  bool writes = (c.flags & (AS_CF_OUTPUT | AS_CF_INOUT)) != 0;
  if (is_output && !writes)
    return fail(err, errlen, "output constraint '%s' lacks '=' or '+'", text);
  if (!is_output && writes)
    return fail(err, errlen, "input constraint '%s' contains '=' or '+'", text);

  unsigned alt = 0;
  bool any_code = false;
  while (p < end) {
    char ch = *p;
    bool first = alt == 0;
    if (isspace((unsigned char)ch) || ch == '*' || ch == '?' || ch == '!') {
      p++;
      continue;
    }
    if (ch == ',') {
      alt++;
      c.flags |= AS_CF_MULTI_ALT;
      p++;
      continue;
    }
    if (ch == '#') { /* a hint up to the next alternative */
      while (p < end && *p != ',') p++;
      continue;
    }
    if (ch == '&') { c.flags |= AS_CF_EARLY; p++; continue; }
    if (ch == '%') { c.flags |= AS_CF_COMMUTATIVE; p++; continue; }
    if (ch == '=' || ch == '+')
      return fail(err, errlen, "'%c' must come first in constraint '%s'", ch, text);
    if (isdigit((unsigned char)ch)) {
      if (is_output)
        return fail(err, errlen, "matching constraint '%c' is not valid in an output", ch);
      const char *start = p;
      int n;
      if (parse_number(&p, &n, err, errlen) != 0) return -1;
      c.kinds |= AS_CK_TIED;
      if (c.tied_to < 0 && !c.tied_name[0]) c.tied_to = n;
      if (first) add_letters(&c, start, (size_t)(p - start));
      any_code = true;
      continue;
    }
    if (ch == '[') {
      const char *close = p + 1;
      while (close < end && *close != ']') close++;
      if (close >= end) return fail(err, errlen, "unterminated '[' in constraint '%s'", text);
      if (is_output)
        return fail(err, errlen, "matching constraint '[...]' is not valid in an output");
      size_t n = (size_t)(close - (p + 1));
      if (n == 0) return fail(err, errlen, "empty operand name '[]' in constraint");
      if (n >= sizeof c.tied_name)
        return fail(err, errlen, "operand name in constraint '%s' is too long", text);
      for (size_t i = 0; i < n; i++) {
        unsigned char u = (unsigned char)p[1 + i];
        if (!isalnum(u) && u != '_')
          return fail(err, errlen, "bad operand name '[%.*s]' in constraint", (int)n, p + 1);
      }
      c.kinds |= AS_CK_TIED;
      if (c.tied_to < 0 && !c.tied_name[0]) memcpy(c.tied_name, p + 1, n);
      if (first) add_letters(&c, p, n + 2);
      p = close + 1;
      any_code = true;
      continue;
    }
    if (ch == '{') {
      size_t used;
      if (parse_brace_reg(p, end, &c, first, &used, err, errlen) != 0) return -1;
      p += used;
      any_code = true;
      continue;
    }
    if (ch == '@') {
      if (strncmp(p, "@cc", 3) != 0 || end - p < 4)
        return fail(err, errlen, "'@' must start a flag output like '=@ccz'");
      if (!(c.flags & AS_CF_OUTPUT) || (c.flags & AS_CF_INOUT) || !is_output)
        return fail(err, errlen, "flag output '%s' must be a '=' output", text);
      const char *cc = p + 3, *q = cc;
      while (q < end && islower((unsigned char)*q)) q++;
      if (!dialect || !dialect->valid_flag_condition ||
          !dialect->valid_flag_condition(cc, (size_t)(q - cc)))
        return fail(err, errlen, "unknown flag condition '%.*s'", (int)(q - cc), cc);
      as_constraint_set_fixed(&c, "flags", NULL);
      if (first) add_letters(&c, p, (size_t)(q - p));
      p = q;
      any_code = true;
      continue;
    }
    size_t bad;
    size_t used = classify_letter(dialect, p, &c, &bad);
    if (!used) return unknown_letter(p, bad, err, errlen);
    if (first) add_letters(&c, p, used);
    p += used;
    any_code = true;
  }
  if (!any_code) return fail(err, errlen, "constraint '%s' has no letters", text);
  if (out) *out = c;
  return 0;
}

/* ---- LLVM IR ------------------------------------------------------------- */

/* Parses one group [start, end) of an IR constraint string. */
static int parse_ir_group(const as_constraint_dialect *dialect, const char *start, const char *end,
                          as_constraint *c, char *err,
                          size_t errlen) {
  constraint_init(c);
  c->dialect = dialect;
  const char *p = start;
  if (p == end) return fail(err, errlen, "empty group in IR constraint string");
  bool output = false;
  if (*p == '~') {
    c->flags |= AS_CF_CLOBBER;
    p++;
    if (p == end || *p != '{')
      return fail(err, errlen, "clobber '~' must be followed by '{name}'");
    const char *close = p + 1;
    while (close < end && *close != '}') close++;
    if (close >= end) return fail(err, errlen, "unterminated '{' in clobber");
    size_t n = (size_t)(close - (p + 1));
    if (n == 0) return fail(err, errlen, "empty clobber '~{}'");
    if (!copy_lower(c->fixed_reg, sizeof c->fixed_reg, p + 1, n))
      return fail(err, errlen, "clobber name '%.*s' is too long", (int)n, p + 1);
    add_letters(c, p, n + 2);
    if (close + 1 != end)
      return fail(err, errlen, "unexpected text after clobber '~{%.*s}'", (int)n, p + 1);
    return 0;
  }
  if (*p == '!') {
    p++;
    if (p == end || *p != 'i' || p + 1 != end)
      return fail(err, errlen, "label constraint must be '!i'");
    c->kinds = AS_CK_LABEL;
    add_letters(c, "!i", 2);
    return 0;
  }
  if (*p == '=') {
    output = true;
    c->flags |= AS_CF_OUTPUT;
    p++;
  }
  if (p < end && *p == '*') {
    c->flags |= AS_CF_INDIRECT;
    p++;
  }
  for (; p < end; p++) {
    if (*p == '&') {
      if (!output) return fail(err, errlen, "'&' is only valid on an output");
      c->flags |= AS_CF_EARLY;
    } else if (*p == '%') {
      c->flags |= AS_CF_COMMUTATIVE;
    } else {
      break;
    }
  }
  if (p == end) return fail(err, errlen, "IR constraint group has no code after its prefix");

  bool first = true;
  bool need_code = true;
  while (p < end) {
    char ch = *p;
    if (ch == '|') {
      if (need_code) return fail(err, errlen, "empty alternative in IR constraint");
      c->flags |= AS_CF_MULTI_ALT;
      first = false;
      need_code = true;
      p++;
      continue;
    }
    need_code = false;
    if (ch == '{') {
      size_t used;
      if (parse_brace_reg(p, end, c, first, &used, err, errlen) != 0) return -1;
      p += used;
      continue;
    }
    if (isdigit((unsigned char)ch)) {
      if (output) return fail(err, errlen, "tied operand '%c' is not valid in an output", ch);
      const char *s = p;
      int n;
      if (parse_number(&p, &n, err, errlen) != 0) return -1;
      c->kinds |= AS_CK_TIED;
      if (c->tied_to < 0) c->tied_to = n;
      if (first) add_letters(c, s, (size_t)(p - s));
      continue;
    }
    if (ch == '^') { /* two-letter code, e.g. "^Yz" */
      if (end - p < 3) return fail(err, errlen, "truncated '^' code in IR constraint");
      size_t bad;
      size_t used = classify_letter(dialect, p + 1, c, &bad);
      if (used != 2) return unknown_letter(p + 1, 2, err, errlen);
      if (first) add_letters(c, p + 1, 2);
      p += 3;
      continue;
    }
    if (ch == '@') { /* "@3ccz" style */
      return fail(err, errlen, "unsupported '@' code in IR constraint");
    }
    size_t bad;
    size_t used = classify_letter(dialect, p, c, &bad);
    if (!used || p + used > end)
      return unknown_letter(p, (!used && p + bad <= end) ? bad : 1, err, errlen);
    if (first) add_letters(c, p, used);
    p += used;
  }
  if (need_code) return fail(err, errlen, "empty alternative in IR constraint");
  return 0;
}

int as_constraint_parse_ir(as_arena *arena, const as_constraint_dialect *dialect, const char *text,
                           as_constraint **items,
                           unsigned *count, char *err, size_t errlen) {
  if (err && errlen) err[0] = '\0';
  if (items) *items = NULL;
  if (count) *count = 0;
  if (!text || !*text) return 0; /* an asm without operands */
  as_constraint *list = NULL;
  unsigned n = 0, cap = 0;
  const char *p = text;
  for (;;) {
    /* Find the end of this group: a ',' outside braces. */
    const char *q = p;
    bool in_brace = false;
    while (*q && (in_brace || *q != ',')) {
      if (*q == '{') in_brace = true;
      else if (*q == '}') in_brace = false;
      q++;
    }
    list = as_arena_grow(arena, list, sizeof *list, n, &cap);
    char sub[256];
    if (parse_ir_group(dialect, p, q, &list[n], sub, sizeof sub) != 0)
      return fail(err, errlen, "IR constraint %u ('%.*s'): %s", n,
                  (int)((size_t)(q - p) > 40 ? 40 : (size_t)(q - p)), p, sub);
    n++;
    if (!*q) break;
    p = q + 1;
  }
  if (items) *items = list;
  if (count) *count = n;
  return 0;
}

/* ---- description --------------------------------------------------------- */

static const char *class_name(const as_constraint *c) {
  if (c->dialect && c->dialect->class_name) {
    const char *n = c->dialect->class_name(c->reg_class);
    if (n) return n;
  }
  return c->reg_class == AS_RC_GENERAL ? "gpr" : NULL;
}

const char *as_constraint_describe(as_arena *arena, const as_constraint *c) {
  if (!c) return as_arena_strdup(arena, "(none)");
  as_strbuf b;
  as_strbuf_init(&b, arena);
  if (c->flags & AS_CF_CLOBBER) {
    as_strbuf_printf(&b, "clobber %s", c->fixed_reg[0] ? c->fixed_reg : "?");
    return b.data;
  }
  if (c->kinds & AS_CK_LABEL) {
    as_strbuf_puts(&b, "label");
    return b.data;
  }
  if (c->flags & AS_CF_INOUT) as_strbuf_puts(&b, "in-out");
  else if (c->flags & AS_CF_OUTPUT) as_strbuf_puts(&b, "output");
  else as_strbuf_puts(&b, "input");
  if (c->flags & AS_CF_EARLY) as_strbuf_puts(&b, " early-clobber");
  if (c->flags & AS_CF_COMMUTATIVE) as_strbuf_puts(&b, " commutative");
  if (c->flags & AS_CF_INDIRECT) as_strbuf_puts(&b, " indirect");

  unsigned k = c->kinds;
  const char *sep = " ";
  if (k & AS_CK_TIED) {
    if (c->tied_to >= 0) as_strbuf_printf(&b, "%stied to %d", sep, c->tied_to);
    else as_strbuf_printf(&b, "%stied to [%s]", sep, c->tied_name);
    sep = " or ";
  }
  if (k & AS_CK_FIXED) {
    if (!strcmp(c->fixed_reg, "flags")) {
      const char *cc = c->letters;
      if (cc[0] == '{') cc++;
      if (!strncmp(cc, "@cc", 3)) cc += 3;
      size_t n = strcspn(cc, "}");
      as_strbuf_printf(&b, "%sflags (condition %.*s)", sep, (int)n, cc);
    } else if (c->fixed_reg2[0]) {
      as_strbuf_printf(&b, "%sfixed register pair %s:%s", sep, c->fixed_reg2, c->fixed_reg);
    } else {
      as_strbuf_printf(&b, "%sfixed register %s", sep, c->fixed_reg);
    }
    sep = " or ";
  }
  if (k & AS_CK_REG) {
    const char *cls = class_name(c);
    if (cls) as_strbuf_printf(&b, "%sregister (%s)", sep, cls);
    else as_strbuf_printf(&b, "%sregister", sep);
    sep = " or ";
  }
  if (k & AS_CK_MEM) { as_strbuf_printf(&b, "%smemory", sep); sep = " or "; }
  if (k & AS_CK_IMM) { as_strbuf_printf(&b, "%simmediate", sep); sep = " or "; }
  if (k & AS_CK_ADDRESS) { as_strbuf_printf(&b, "%saddress", sep); sep = " or "; }
  if ((k & AS_CK_ANY) && (k & (AS_CK_REG | AS_CK_MEM | AS_CK_IMM)) !=
                             (AS_CK_REG | AS_CK_MEM | AS_CK_IMM)) {
    as_strbuf_printf(&b, "%sanything", sep);
    sep = " or ";
  }
  if (!k) as_strbuf_puts(&b, " (nothing)");
  return b.data;
}
