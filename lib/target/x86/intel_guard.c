/* A guard against LLVM MC crashes on Intel-syntax operands.
 *
 * LLVM 22's X86 Intel-syntax operand parser (X86AsmParser's
 * IntelExprStateMachine / InfixCalculator) kills the process on two kinds of
 * operand text; `llvm-mc` does the same (found by test/fuzz/fuzz_decode):
 *  - `a / b`, `a % b`, `a mod b` divide without a check: a zero divisor, or
 *    -1 under INT64_MIN, is SIGFPE (`mov eax, 1 % 0`).  Constant symbols
 *    (`.set z, 0`, `z = 0`) are folded into the divisor too.
 *  - a unary operator followed by `~` or `not` at the start of an operand
 *    (`push -~1`, `mov eax, not not 1`) pops an empty stack and aborts.
 * Before MC sees Intel-syntax text it is scanned here: a divisor must be a
 * literal constant expression other than 0 and -1 (an identifier is accepted
 * unless the template assigns symbols), and no unary operator may be
 * followed by `~`/`not`.  Anything else is refused with a message instead of
 * assembled (a little more than what crashes: an odd but valid expression is
 * refused too).  AT&T operands and directives go through MCExpr, which has
 * neither bug. */
#define _DEFAULT_SOURCE /* strncasecmp */
#include "../mc_shim.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct divisor_scan {
  const char *p, *end;
  bool assigns; /* the template defines constant symbols */
  bool unknown;
} divisor_scan;

static void space(divisor_scan *s) {
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t')) s->p++;
}

static bool ident_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '$' || c == '@';
}

static bool word(divisor_scan *s, const char *w) {
  size_t n = strlen(w);
  if ((size_t)(s->end - s->p) < n || strncasecmp(s->p, w, n) != 0) return false;
  if (s->p + n < s->end && ident_char(s->p[n])) return false;
  s->p += n;
  return true;
}

static int64_t expr(divisor_scan *s, int min_prec, int depth);

/* unary := ('-' | '+' | '~' | '!' | 'not') unary | primary */
static int64_t unary(divisor_scan *s, int depth) {
  space(s);
  if (s->p >= s->end || depth > 64) {
    s->unknown = true;
    return 0;
  }
  char c = *s->p;
  if (c == '-' || c == '+' || c == '~' || c == '!') {
    s->p++;
    uint64_t v = (uint64_t)unary(s, depth + 1);
    return c == '-' ? (int64_t)(0 - v) : c == '~' ? (int64_t)~v : c == '!' ? (int64_t)(v == 0) : (int64_t)v;
  }
  if (word(s, "not")) return (int64_t)~(uint64_t)unary(s, depth + 1);
  if (c == '(') {
    s->p++;
    int64_t v = expr(s, 0, depth + 1);
    space(s);
    if (s->p < s->end && *s->p == ')') s->p++;
    else s->unknown = true;
    return v;
  }
  if (isdigit((unsigned char)c)) {
    const char *start = s->p;
    while (s->p < s->end && isalnum((unsigned char)*s->p)) s->p++;
    size_t n = (size_t)(s->p - start);
    char *lit = malloc(n + 1);
    if (!lit) {
      s->unknown = true;
      return 0;
    }
    memcpy(lit, start, n);
    lit[n] = '\0';
    char *stop = NULL;
    errno = 0;
    unsigned long long v = strtoull(lit, &stop, 0);
    if (!stop || *stop || errno) s->unknown = true; /* a form not read here */
    free(lit);
    return (int64_t)v;
  }
  if (ident_char(c)) {
    while (s->p < s->end && ident_char(*s->p)) s->p++;
    if (s->assigns) s->unknown = true; /* may be folded to any constant */
    return 1;                          /* not folded: an error or a relocation */
  }
  s->unknown = true;
  return 0;
}

/* Binary operators by LLVM's precedence (OpPrecedence in X86AsmParser). */
static int precedence(divisor_scan *s, size_t *len) {
  space(s);
  *len = 1;
  if (s->p >= s->end) return -1;
  switch (*s->p) {
  case '|': return 0;
  case '^': return 1;
  case '&': return 2;
  case '+': case '-': return 5;
  case '*': case '/': case '%': return 6;
  case '<': case '>':
    if (s->p + 1 < s->end && s->p[1] == *s->p) {
      *len = 2;
      return 4;
    }
    return -1;
  default: break;
  }
  const char *save = s->p;
  static const char *const words[] = {"or", "xor", "and", "shl", "shr", "mod"};
  static const int prec[] = {0, 1, 2, 4, 4, 6};
  for (int i = 0; i < 6; i++)
    if (word(s, words[i])) {
      *len = (size_t)(s->p - save);
      s->p = save;
      return prec[i];
    }
  return -1;
}

static int64_t expr(divisor_scan *s, int min_prec, int depth) {
  int64_t lhs = unary(s, depth + 1);
  for (;;) {
    size_t len;
    int prec = precedence(s, &len);
    if (prec < min_prec || prec < 0 || depth > 64) return lhs;
    char op = (char)tolower((unsigned char)*s->p);
    bool is_mod = op == 'm';
    s->p += len;
    int64_t rhs = expr(s, prec + 1, depth + 1);
    uint64_t a = (uint64_t)lhs, b = (uint64_t)rhs;
    switch (op) {
    case '|': case 'o': lhs = (int64_t)(a | b); break;
    case '^': case 'x': lhs = (int64_t)(a ^ b); break;
    case '&': case 'a': lhs = (int64_t)(a & b); break;
    case '+': lhs = (int64_t)(a + b); break;
    case '-': lhs = (int64_t)(a - b); break;
    case '*': lhs = (int64_t)(a * b); break;
    case '<': lhs = b < 64 ? (int64_t)(a << b) : 0; break;
    case '>': lhs = b < 64 ? (int64_t)(a >> b) : 0; break;
    case 's':
      lhs = len == 3 && tolower((unsigned char)s->p[-1]) == 'l' ? (b < 64 ? (int64_t)(a << b) : 0)
                                                                 : (b < 64 ? (int64_t)(a >> b) : 0);
      break;
    default: /* '/', '%', mod */
      if (rhs == 0 || rhs == -1) {
        s->unknown = true;
        lhs = 0;
      } else {
        lhs = (op == '/' && !is_mod) ? lhs / rhs : lhs % rhs;
      }
      break;
    }
  }
}

/* Is the text at p the word w (case-insensitive, not part of a longer name)? */
static bool is_word(const char *p, const char *end, const char *w) {
  size_t n = strlen(w);
  return (size_t)(end - p) >= n && !strncasecmp(p, w, n) && (p + n == end || !ident_char(p[n]));
}

static bool directive_is(const char *s, const char *p, const char *name) {
  size_t n = strlen(name);
  return (size_t)(p - s) >= n && !strncasecmp(s, name, n);
}

const char *as_intel_parser_hazard(const as_mc_line *lines, unsigned num_lines, bool intel,
                                   unsigned *line_index, unsigned *column) {
  static const char kDivision[] =
      "an Intel-syntax operand divides by a value asmstory cannot prove safe (0 or -1 make "
      "LLVM's assembler, and so the compiler, crash with SIGFPE); the block is not assembled";
  static const char kUnary[] =
      "an Intel-syntax operand applies `~` or `not` right after another unary operator, which "
      "makes LLVM's assembler (and so the compiler) abort; the block is not assembled";
  bool assigns = false;
  for (unsigned i = 0; i < num_lines; i++) {
    const char *t = lines[i].text ? lines[i].text : "";
    if (strstr(t, ".set") || strstr(t, ".equ") || strchr(t, '=')) assigns = true;
  }
  for (unsigned i = 0; i < num_lines; i++) {
    const char *t = lines[i].text ? lines[i].text : "";
    const char *end = t + strlen(t);
    bool statement_start = true;
    bool after_value = false; /* the last token was a number, ')' or ']' */
    for (const char *p = t; p < end;) {
      char c = *p;
      if (c == '#' || (c == '/' && p + 1 < end && p[1] == '/')) break; /* comment */
      if (c == '/' && p + 1 < end && p[1] == '*') {
        const char *close = strstr(p + 2, "*/");
        p = close ? close + 2 : end;
        continue;
      }
      if (c == '"') {
        for (p++; p < end && *p != '"'; p++)
          if (*p == '\\' && p + 1 < end) p++;
        if (p < end) p++;
        after_value = true;
        continue;
      }
      if (c == ';' || c == '\n') {
        statement_start = true;
        after_value = false;
        p++;
        continue;
      }
      if (c == ' ' || c == '\t') {
        p++;
        continue;
      }
      if (statement_start && c == '.') {
        /* A directive: switches the syntax; its own expressions are MCExpr. */
        const char *s = p;
        while (p < end && *p != ';' && *p != '#') p++;
        if (directive_is(s, p, ".intel_syntax")) intel = true;
        else if (directive_is(s, p, ".att_syntax")) intel = false;
        continue;
      }
      statement_start = false;
      if (!intel) {
        p++;
        continue;
      }
      *line_index = i;
      *column = (unsigned)(p - t) + 1;
      /* Rule 1: a unary -, ~ or not followed by ~ or not (X86AsmParser pops
       * an empty operand stack: "SmallVector unable to grow").  A '-' after
       * a number or a bracket is binary; after a name it is taken as unary. */
      size_t ulen = c == '~' || (c == '-' && !after_value) ? 1 : is_word(p, end, "not") ? 3 : 0;
      if (ulen) {
        const char *q = p + ulen;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        if (q < end && (*q == '~' || is_word(q, end, "not"))) return kUnary;
      }
      /* Rule 2: division by what may be 0 or -1 (SIGFPE). */
      size_t dlen = c == '/' || c == '%' ? 1 : is_word(p, end, "mod") ? 3 : 0;
      if (dlen) {
        divisor_scan scan = {p + dlen, end, assigns, false};
        int64_t v = unary(&scan, 0);
        if (scan.unknown || v == 0 || v == -1) return kDivision;
        p += dlen;
        after_value = false;
        continue;
      }
      if (isdigit((unsigned char)c)) { /* a number ends where LLVM's lexer ends it ("4mod 0") */
        after_value = true;
        while (p < end && (isxdigit((unsigned char)*p) || *p == 'x' || *p == 'X')) p++;
        continue;
      }
      if (ident_char(c)) {
        after_value = false;
        while (p < end && ident_char(*p)) p++;
        continue;
      }
      after_value = c == ')' || c == ']';
      p++;
    }
  }
  return NULL;
}
