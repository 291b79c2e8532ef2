/* C / C++ front end: libclang parses the file in process; every GCC-style
 * asm statement outside system headers becomes an as_block whose template is
 * the source form, rebuilt from the string literal tokens so that each
 * template line knows where it is in the file.  With options->want_ir, the
 * same file is also compiled to bitcode by clang and each statement gets the
 * IR block of the same source line as its twin. */
#define _POSIX_C_SOURCE 200809L
#include "asmstory/frontend.h"
#include "asmstory/hash.h"
#include "asmstory/target.h"

#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe_internal.h"
#include "gnu_block.h"

typedef struct c_ctx {
  as_arena *arena;
  CXTranslationUnit tu;
  as_lang lang;
  const char *triple;
  as_dialect dialect;
  unsigned extra_flags;
  const char *target_features; /* from -march= (as_block.target_features) */
  unsigned pointer_bits;
  as_block_list blocks;
  /* per block: its presumed location (#line / line markers of .i files),
   * which is what the debug info of the IR twin records */
  as_loc *presumed;
  unsigned presumed_cap;
  /* the last file whose name was copied, to share the copy */
  CXFile last_file;
  const char *last_file_name;
  /* -working-directory (from -p): libclang names headers relative to it */
  const char *working_dir;
  char *err;
  size_t errlen;
  bool failed;
} c_ctx;

typedef struct visit_scope {
  c_ctx *ctx;
  const char *function;
  bool in_template;
  bool dead;                 /* inside a branch a constant condition excludes */
  bool switch_known;         /* the enclosing switch's condition is a constant */
  long long switch_value;
} visit_scope;

/* ---- small helpers ----------------------------------------------------- */

static const char *take_string(as_arena *arena, CXString s) {
  const char *c = clang_getCString(s);
  const char *copy = c ? as_arena_strdup(arena, c) : NULL;
  clang_disposeString(s);
  return copy;
}

static const char *file_name(c_ctx *ctx, CXFile file) {
  if (!file) return NULL;
  if (file == ctx->last_file) return ctx->last_file_name;
  ctx->last_file = file;
  ctx->last_file_name = take_string(ctx->arena, clang_getFileName(file));
  /* A name relative to the command's directory cannot be opened from where
   * the tool runs: absolute, normalized. */
  if (ctx->working_dir && ctx->last_file_name && ctx->last_file_name[0] != '/')
    ctx->last_file_name = as_fe_path_normalize(ctx->arena, ctx->working_dir, ctx->last_file_name);
  return ctx->last_file_name;
}

static as_loc expansion_loc(c_ctx *ctx, CXSourceLocation where) {
  CXFile file = NULL;
  unsigned line = 0, column = 0, offset = 0;
  clang_getExpansionLocation(where, &file, &line, &column, &offset);
  as_loc loc = {file_name(ctx, file), line, column};
  return loc;
}

static const char *extension_of(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  return (dot && dot != base) ? dot : "";
}

static const char *base_name(const char *path) {
  if (!path) return "";
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

static as_lang language_of(const char *path, const as_frontend_options *o) {
  as_lang lang = AS_LANG_C;
  const char *ext = extension_of(path);
  static const char *const cxx_exts[] = {".cc", ".cpp", ".cxx", ".c++", ".ii", ".hpp",
                                         ".hh", ".hxx", ".C"};
  for (size_t i = 0; i < sizeof cxx_exts / sizeof cxx_exts[0]; i++)
    if (!strcmp(ext, cxx_exts[i])) lang = AS_LANG_CXX;
  for (unsigned i = 0; i < o->num_cc_args; i++) {
    const char *a = o->cc_args[i];
    if (!a) continue;
    const char *x = NULL;
    if (!strcmp(a, "-x") && i + 1 < o->num_cc_args) x = o->cc_args[i + 1];
    else if (!strncmp(a, "-x", 2) && a[2]) x = a + 2;
    if (x) lang = (!strncmp(x, "c++", 3) || !strcmp(x, "objective-c++")) ? AS_LANG_CXX
                                                                         : AS_LANG_C;
  }
  return lang;
}

/* ---- tokens ------------------------------------------------------------ */

typedef struct tok_list {
  CXTranslationUnit tu;
  CXToken *tokens;
  unsigned count;
  char **spell; /* malloc copies, freed by tokens_release */
} tok_list;

static void tokens_release(tok_list *t) {
  if (t->tokens) clang_disposeTokens(t->tu, t->tokens, t->count);
  if (t->spell) {
    for (unsigned i = 0; i < t->count; i++) free(t->spell[i]);
    free(t->spell);
  }
  memset(t, 0, sizeof *t);
}

/* Is the token spelled s? */
static int strcmp_token(CXTranslationUnit tu, CXToken tok, const char *s) {
  CXString sp = clang_getTokenSpelling(tu, tok);
  const char *c = clang_getCString(sp);
  int r = strcmp(c ? c : "", s);
  clang_disposeString(sp);
  return r;
}

/* The line of a token's spelling. */
static unsigned token_line(CXTranslationUnit tu, CXToken tok, unsigned *offset) {
  unsigned line = 0;
  clang_getSpellingLocation(clang_getTokenLocation(tu, tok), NULL, &line, NULL, offset);
  return line;
}

/* Is the token inside a range the preprocessor skipped (`#if 0` ... )? */
static bool token_skipped(CXTranslationUnit tu, const CXSourceRangeList *skipped, CXToken tok) {
  unsigned off = 0;
  token_line(tu, tok, &off);
  for (unsigned k = 0; skipped && k < skipped->count; k++) {
    unsigned b = 0, e = 0;
    clang_getSpellingLocation(clang_getRangeStart(skipped->ranges[k]), NULL, NULL, NULL, &b);
    clang_getSpellingLocation(clang_getRangeEnd(skipped->ranges[k]), NULL, NULL, NULL, &e);
    if (off >= b && off <= e) return true;
  }
  return false;
}

/* Keeps the tokens the compiler reads: not comments (libclang returns
 * them among the operands), not preprocessor directive lines, not the
 * branches of #if that were skipped. */
static void tokens_filter(CXTranslationUnit tu, CXToken *tokens, unsigned *count) {
  bool directives = false;
  for (unsigned i = 0; i < *count && !directives; i++)
    directives = clang_getTokenKind(tokens[i]) == CXToken_Punctuation &&
                 !strcmp_token(tu, tokens[i], "#");
  CXSourceRangeList *skipped = NULL;
  if (directives && *count) {
    CXFile file = NULL;
    clang_getSpellingLocation(clang_getTokenLocation(tu, tokens[0]), &file, NULL, NULL, NULL);
    if (file) skipped = clang_getSkippedRanges(tu, file);
  }
  unsigned kept = 0, prev_line = 0, directive_line = 0;
  for (unsigned i = 0; i < *count; i++) {
    unsigned line = token_line(tu, tokens[i], NULL);
    bool first_on_line = i == 0 || line != prev_line;
    prev_line = line;
    if (clang_getTokenKind(tokens[i]) == CXToken_Comment) continue;
    if (directives) {
      if (first_on_line && clang_getTokenKind(tokens[i]) == CXToken_Punctuation &&
          !strcmp_token(tu, tokens[i], "#"))
        directive_line = line;
      if (directive_line && line == directive_line) continue;
      if (token_skipped(tu, skipped, tokens[i])) continue;
    }
    tokens[kept++] = tokens[i];
  }
  if (skipped) clang_disposeSourceRangeList(skipped);
  *count = kept;
}

static void tokens_get(c_ctx *ctx, CXSourceRange range, tok_list *t) {
  memset(t, 0, sizeof *t);
  t->tu = ctx->tu;
  clang_tokenize(ctx->tu, range, &t->tokens, &t->count);
  tokens_filter(ctx->tu, t->tokens, &t->count);
  if (!t->count) return;
  t->spell = calloc(t->count, sizeof *t->spell);
  if (!t->spell) {
    clang_disposeTokens(ctx->tu, t->tokens, t->count);
    t->tokens = NULL;
    t->count = 0;
    return;
  }
  bool ok = true;
  for (unsigned i = 0; i < t->count; i++) {
    CXString s = clang_getTokenSpelling(ctx->tu, t->tokens[i]);
    const char *c = clang_getCString(s);
    t->spell[i] = strdup(c ? c : "");
    clang_disposeString(s);
    if (!t->spell[i]) ok = false;
  }
  if (!ok) tokens_release(t);
}

static const char *tok_text(const tok_list *t, unsigned i) {
  return i < t->count && t->spell[i] ? t->spell[i] : "";
}

static bool tok_is(const tok_list *t, unsigned i, const char *s) {
  return !strcmp(tok_text(t, i), s) && i < t->count;
}

/* A string literal spelling: optional encoding prefix, optional R, quote. */
static bool is_string_spelling(const char *s) {
  unsigned n = 0;
  while (n < 3 && (s[n] == 'u' || s[n] == 'U' || s[n] == 'L' || s[n] == '8')) n++;
  if (s[n] == 'R') n++;
  return s[n] == '"';
}

static bool tok_is_string(const tok_list *t, unsigned i) {
  return i < t->count && clang_getTokenKind(t->tokens[i]) == CXToken_Literal &&
         is_string_spelling(t->spell[i]);
}

typedef struct tok_range {
  unsigned begin, end; /* [begin, end) */
} tok_range;

/* The shape of `asm qualifiers ( template : outs : ins : clobbers : labels )`
 * as token ranges. */
typedef struct asm_syntax {
  bool ok;
  tok_range section[5]; /* 0: template, 1: outputs, 2: inputs, 3: clobbers, 4: labels */
  unsigned num_sections;
} asm_syntax;

static bool is_asm_keyword(const char *s) {
  return !strcmp(s, "asm") || !strcmp(s, "__asm__") || !strcmp(s, "__asm");
}

static bool is_asm_qualifier(const char *s) {
  static const char *const q[] = {"volatile", "__volatile__", "__volatile", "goto",
                                  "inline",   "__inline__",   "__inline"};
  for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
    if (!strcmp(s, q[i])) return true;
  return false;
}

static asm_syntax parse_syntax(const tok_list *t) {
  asm_syntax s;
  memset(&s, 0, sizeof s);
  unsigned i = 0;
  if (!is_asm_keyword(tok_text(t, i))) return s;
  i++;
  while (i < t->count && is_asm_qualifier(t->spell[i])) i++;
  if (!tok_is(t, i, "(")) return s;
  i++;
  unsigned sec = 0, begin = i;
  int depth = 0;
  for (; i < t->count; i++) {
    const char *x = t->spell[i];
    if (!strcmp(x, "(") || !strcmp(x, "[") || !strcmp(x, "{")) {
      depth++;
    } else if (!strcmp(x, ")") || !strcmp(x, "]") || !strcmp(x, "}")) {
      if (depth == 0) {
        if (strcmp(x, ")")) return s;
        s.section[sec].begin = begin;
        s.section[sec].end = i;
        s.num_sections = sec + 1;
        s.ok = true;
        return s;
      }
      depth--;
    } else if (depth == 0 && (!strcmp(x, ":") || !strcmp(x, "::"))) {
      /* "::" (one token in C++ and C23) closes two sections, the second empty */
      unsigned colons = x[1] ? 2 : 1;
      for (unsigned k = 0; k < colons; k++) {
        if (sec >= 4) return s;
        s.section[sec].begin = begin;
        s.section[sec].end = i;
        sec++;
        begin = i;
      }
      begin = i + 1;
    }
  }
  return s;
}

/* Splits a token range at top-level commas; an empty range has no items. */
static unsigned split_items(const tok_list *t, tok_range r, tok_range *items, unsigned max) {
  if (r.begin >= r.end) return 0;
  unsigned n = 0, begin = r.begin;
  int depth = 0;
  for (unsigned i = r.begin; i <= r.end; i++) {
    const char *x = i < r.end ? t->spell[i] : ",";
    if (!strcmp(x, "(") || !strcmp(x, "[") || !strcmp(x, "{")) depth++;
    else if (!strcmp(x, ")") || !strcmp(x, "]") || !strcmp(x, "}")) depth--;
    else if (depth == 0 && !strcmp(x, ",")) {
      if (n < max) {
        items[n].begin = begin;
        items[n].end = i;
      }
      n++;
      begin = i + 1;
    }
  }
  return n;
}

/* Source text of tokens [begin, end): a single space wherever the source had
 * whitespace between two tokens. */
static const char *join_tokens(c_ctx *ctx, const tok_list *t, unsigned begin, unsigned end) {
  if (begin >= end) return NULL;
  as_strbuf buf;
  as_strbuf_init(&buf, ctx->arena);
  unsigned prev_end = 0;
  CXFile prev_file = NULL;
  for (unsigned i = begin; i < end; i++) {
    CXSourceRange ext = clang_getTokenExtent(t->tu, t->tokens[i]);
    CXFile f1 = NULL, f2 = NULL;
    unsigned off1 = 0, off2 = 0;
    clang_getSpellingLocation(clang_getRangeStart(ext), &f1, NULL, NULL, &off1);
    clang_getSpellingLocation(clang_getRangeEnd(ext), &f2, NULL, NULL, &off2);
    if (i > begin && (f1 != prev_file || off1 > prev_end)) as_strbuf_puts(&buf, " ");
    as_strbuf_puts(&buf, t->spell[i]);
    prev_end = off2;
    prev_file = f2;
  }
  return buf.data;
}

/* ---- template literals ------------------------------------------------- */

typedef struct tmpl_builder {
  c_ctx *ctx;
  as_strbuf text;
  as_loc *locs;
  unsigned num_locs, cap_locs;
  bool tentative; /* the last line's start may still move to its first char */
  bool started;
  as_loc *byte_locs; /* where each byte of text is spelled */
  unsigned cap_byte_locs;
} tmpl_builder;

static void push_line(tmpl_builder *tb, as_loc loc, bool tentative) {
  tb->locs = as_arena_grow(tb->ctx->arena, tb->locs, sizeof *tb->locs, tb->num_locs,
                           &tb->cap_locs);
  tb->locs[tb->num_locs++] = loc;
  tb->tentative = tentative;
}

/* One decoded byte c, whose source starts at `at` and ends before `after`. */
static void emit_byte(tmpl_builder *tb, char c, as_loc at, as_loc after) {
  if (c != '\n' && tb->tentative) {
    tb->locs[tb->num_locs - 1] = at;
    tb->tentative = false;
  }
  tb->byte_locs = as_arena_grow(tb->ctx->arena, tb->byte_locs, sizeof *tb->byte_locs,
                                tb->text.length, &tb->cap_byte_locs);
  tb->byte_locs[tb->text.length] = at;
  as_strbuf_append(&tb->text, &c, 1);
  if (c == '\n') push_line(tb, after, true);
}

static void emit_code_point(tmpl_builder *tb, unsigned long cp, as_loc at, as_loc after) {
  char buf[4];
  int n;
  if (cp < 0x80) {
    buf[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    buf[0] = (char)(0xC0 | (cp >> 6));
    buf[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    buf[0] = (char)(0xE0 | (cp >> 12));
    buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    buf[0] = (char)(0xF0 | ((cp >> 18) & 0x07));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  for (int i = 0; i < n; i++) emit_byte(tb, buf[i], at, after);
}

static void advance(as_loc *pos, char c) {
  if (c == '\n') {
    pos->line++;
    pos->column = 1;
  } else {
    pos->column++;
  }
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decodes one string literal token spelled s, starting at pos. */
static void decode_literal(tmpl_builder *tb, const char *s, as_loc pos) {
  const char *p = s;
  while (*p && *p != '"' && *p != 'R') advance(&pos, *p++);
  bool raw = *p == 'R';
  if (raw) advance(&pos, *p++);
  if (*p != '"') return;
  advance(&pos, *p++);
  /* content starts here */
  if (!tb->started) {
    push_line(tb, pos, false);
    tb->started = true;
  } else if (tb->tentative) {
    tb->locs[tb->num_locs - 1] = pos;
  }
  if (raw) {
    const char *open = strchr(p, '(');
    if (!open) return;
    size_t dlen = (size_t)(open - p);
    char delim[20];
    if (dlen >= sizeof delim - 2) return;
    delim[0] = ')';
    memcpy(delim + 1, p, dlen);
    delim[dlen + 1] = '"';
    delim[dlen + 2] = '\0';
    while (p <= open) advance(&pos, *p++);
    const char *close = strstr(p, delim);
    if (!close) close = p + strlen(p);
    while (p < close) {
      as_loc at = pos;
      advance(&pos, *p);
      emit_byte(tb, *p++, at, pos);
    }
    return;
  }
  while (*p && *p != '"') {
    as_loc at = pos;
    if (*p != '\\') {
      advance(&pos, *p);
      emit_byte(tb, *p++, at, pos);
      continue;
    }
    /* line splice */
    if (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n')) {
      advance(&pos, *p++);
      if (*p == '\r') advance(&pos, *p++);
      advance(&pos, *p++);
      continue;
    }
    advance(&pos, *p++); /* backslash */
    char e = *p;
    if (!e) break;
    unsigned long value;
    bool code_point = false;
    if (e >= '0' && e <= '7') {
      value = 0;
      for (int k = 0; k < 3 && *p >= '0' && *p <= '7'; k++) {
        value = value * 8 + (unsigned long)(*p - '0');
        advance(&pos, *p++);
      }
    } else if (e == 'x') {
      advance(&pos, *p++);
      value = 0;
      while (hex_value(*p) >= 0) {
        value = value * 16 + (unsigned long)hex_value(*p);
        advance(&pos, *p++);
      }
    } else if (e == 'u' || e == 'U') {
      int digits = e == 'u' ? 4 : 8;
      advance(&pos, *p++);
      value = 0;
      for (int k = 0; k < digits && hex_value(*p) >= 0; k++) {
        value = value * 16 + (unsigned long)hex_value(*p);
        advance(&pos, *p++);
      }
      code_point = true;
    } else {
      switch (e) {
      case 'n': value = '\n'; break;
      case 't': value = '\t'; break;
      case 'r': value = '\r'; break;
      case 'a': value = 7; break;
      case 'b': value = 8; break;
      case 'f': value = 12; break;
      case 'v': value = 11; break;
      case 'e': case 'E': value = 27; break;
      default: value = (unsigned char)e; break; /* \\ \" \' \? and unknown */
      }
      advance(&pos, *p++);
    }
    if (code_point) emit_code_point(tb, value, at, pos);
    else emit_byte(tb, (char)(value & 0xFF), at, pos);
  }
}

/* Decodes a string literal token at its spelling location. */
static void decode_token(c_ctx *ctx, tmpl_builder *tb, CXToken tok, const char *spelling) {
  CXFile file = NULL;
  unsigned line = 0, column = 0;
  clang_getSpellingLocation(clang_getTokenLocation(ctx->tu, tok), &file, &line, &column, NULL);
  as_loc pos = {file_name(ctx, file), line, column};
  decode_literal(tb, spelling, pos);
}

/* A template piece spelled through an object-like macro whose body is
 * string literals (or such macros): `LOCK_PREFIX "incl %0"`.  Decodes the
 * body's literals where the #define spells them, as clang locates them;
 * false for anything else (function-like macros, other tokens), which
 * leaves the template to clang's IR form. */
static bool decode_macro_strings(c_ctx *ctx, tmpl_builder *tb, CXToken tok, int depth) {
  if (depth > 8) return false;
  CXCursor use = clang_getCursor(ctx->tu, clang_getTokenLocation(ctx->tu, tok));
  if (clang_getCursorKind(use) != CXCursor_MacroExpansion) return false;
  CXCursor def = clang_getCursorReferenced(use);
  if (clang_getCursorKind(def) != CXCursor_MacroDefinition || clang_Cursor_isMacroFunctionLike(def))
    return false;
  tok_list body;
  tokens_get(ctx, clang_getCursorExtent(def), &body);
  bool ok = body.count > 1; /* the name, then the body */
  for (unsigned i = 1; ok && i < body.count; i++) {
    if (tok_is_string(&body, i))
      decode_token(ctx, tb, body.tokens[i], body.spell[i]);
    else
      ok = clang_getTokenKind(body.tokens[i]) == CXToken_Identifier &&
           decode_macro_strings(ctx, tb, body.tokens[i], depth + 1);
  }
  tokens_release(&body);
  return ok;
}

/* ---- one asm statement ------------------------------------------------- */

static unsigned count_lines(const char *text) {
  unsigned n = 1;
  for (const char *p = text; p && *p; p++)
    if (*p == '\n') n++;
  return n;
}

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  *(CXCursor *)data = c;
  return CXChildVisit_Break;
}

/* The last child (a cast's operand comes after its written type). */
static enum CXChildVisitResult last_child(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  *(CXCursor *)data = c;
  return CXChildVisit_Continue;
}

/* The first two children (data: CXCursor[2], null-initialized). */
static enum CXChildVisitResult two_children(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  CXCursor *kids = data;
  if (clang_Cursor_isNull(kids[0])) {
    kids[0] = c;
    return CXChildVisit_Continue;
  }
  kids[1] = c;
  return CXChildVisit_Break;
}

/* The expression under implicit casts and parentheses. */
static CXCursor strip_expr(CXCursor c) {
  for (int depth = 0; depth < 8; depth++) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr) break;
    CXCursor child = clang_getNullCursor();
    clang_visitChildren(c, first_child, &child);
    if (clang_Cursor_isNull(child)) break;
    c = child;
  }
  return c;
}

static bool is_array_kind(enum CXTypeKind k) {
  return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
         k == CXType_VariableArray || k == CXType_DependentSizedArray;
}

/* An array subscript with a constant index: its base and the index. */
static bool constant_subscript(CXCursor c, CXCursor *base, long long *index) {
  CXCursor kids[2] = {clang_getNullCursor(), clang_getNullCursor()};
  clang_visitChildren(c, two_children, kids);
  CXEvalResult r = clang_Cursor_isNull(kids[1]) ? NULL : clang_Cursor_Evaluate(kids[1]);
  bool constant = r && clang_EvalResult_getKind(r) == CXEval_Int;
  *index = constant ? clang_EvalResult_getAsLongLong(r) : 0;
  if (r) clang_EvalResult_dispose(r);
  *base = kids[0];
  return constant && !clang_Cursor_isNull(kids[0]);
}

/* Is the lvalue a local variable, or a field or constant-index element of
 * one (x, s.f, buf[2])?  Its address then comes from the frame pointer or
 * the stack pointer, in no register of its own. */
static bool frame_object(CXCursor expr) {
  CXCursor c = strip_expr(expr);
  for (int depth = 0; depth < 16; depth++) {
    enum CXCursorKind k = clang_getCursorKind(c);
    CXCursor base = clang_getNullCursor();
    if (k == CXCursor_DeclRefExpr) {
      CXCursor decl = clang_getCursorReferenced(c);
      enum CXCursorKind dk = clang_getCursorKind(decl);
      if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl) return false;
      enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
      if (sc == CX_SC_Static || sc == CX_SC_Extern) return false;
      enum CXCursorKind pk = clang_getCursorKind(clang_getCursorSemanticParent(decl));
      if (pk != CXCursor_FunctionDecl && pk != CXCursor_CXXMethod && pk != CXCursor_Constructor &&
          pk != CXCursor_Destructor && pk != CXCursor_FunctionTemplate && pk != CXCursor_LambdaExpr)
        return false;
      enum CXTypeKind tk = clang_getCanonicalType(clang_getCursorType(decl)).kind;
      return tk != CXType_LValueReference && tk != CXType_RValueReference;
    }
    if (k == CXCursor_MemberRefExpr) {
      clang_visitChildren(c, first_child, &base);
      /* s.f, not p->f */
      if (clang_Cursor_isNull(base) || clang_getCanonicalType(clang_getCursorType(base)).kind == CXType_Pointer)
        return false;
    } else if (k == CXCursor_ArraySubscriptExpr) {
      long long index;
      if (!constant_subscript(c, &base, &index) ||
          !is_array_kind(clang_getCanonicalType(clang_getCursorType(strip_expr(base))).kind))
        return false;
    } else {
      return false;
    }
    c = strip_expr(base);
  }
  return false;
}

typedef struct var_refs {
  CXCursor var, skip;
  CXCursor written[8]; /* write-only asm outputs naming var ("=r"(var)) */
  unsigned num_written;
  unsigned count;
} var_refs;

static enum CXChildVisitResult count_refs(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  var_refs *r = data;
  /* Another asm that only writes the variable ("=&r"(tmp) in the other arm
   * of a size switch) does not read it. */
  if (clang_getCursorKind(c) == CXCursor_GCCAsmStmt) {
    unsigned n = clang_Cursor_getGCCAssemblyNumOutputs(c);
    for (unsigned i = 0; i < n && r->num_written < 8; i++) {
      CXString cs;
      CXCursor e;
      if (!clang_Cursor_getGCCAssemblyOutput(c, i, &cs, &e)) continue;
      const char *text = clang_getCString(cs);
      bool write_only = text && text[0] == '=';
      clang_disposeString(cs);
      CXCursor ref = strip_expr(e);
      if (write_only && clang_getCursorKind(ref) == CXCursor_DeclRefExpr &&
          clang_equalCursors(clang_getCursorReferenced(ref), r->var))
        r->written[r->num_written++] = ref;
    }
  }
  if (clang_getCursorKind(c) == CXCursor_DeclRefExpr && !clang_equalCursors(c, r->skip) &&
      clang_equalCursors(clang_getCursorReferenced(c), r->var)) {
    bool written = false;
    for (unsigned i = 0; i < r->num_written && !written; i++) written = clang_equalCursors(c, r->written[i]);
    if (!written) r->count++;
  }
  return r->count ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* Is an output a local variable that nothing else in its function names (a
 * scratch output, "=&r"(tmp))?  Nobody reads what the block leaves there. */
static bool scratch_output(CXCursor expr) {
  CXCursor ref = strip_expr(expr);
  if (clang_getCursorKind(ref) != CXCursor_DeclRefExpr) return false;
  CXCursor decl = clang_getCursorReferenced(ref);
  if (clang_getCursorKind(decl) != CXCursor_VarDecl) return false;
  enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
  CXType type = clang_getCursorType(decl);
  if (sc == CX_SC_Static || sc == CX_SC_Extern || clang_isVolatileQualifiedType(type) ||
      clang_getCanonicalType(type).kind == CXType_LValueReference)
    return false;
  CXCursor fn = clang_getCursorSemanticParent(decl);
  enum CXCursorKind fk = clang_getCursorKind(fn);
  if (fk != CXCursor_FunctionDecl && fk != CXCursor_CXXMethod && fk != CXCursor_Constructor &&
      fk != CXCursor_Destructor)
    return false;
  var_refs r = {.var = decl, .skip = ref};
  clang_visitChildren(fn, count_refs, &r);
  return r.count == 0;
}

/* The expression under parentheses and casts, implicit and written. */
static CXCursor strip_casts(CXCursor c) {
  for (int depth = 0; depth < 8; depth++) {
    c = strip_expr(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_CStyleCastExpr && k != CXCursor_CXXStaticCastExpr &&
        k != CXCursor_CXXReinterpretCastExpr && k != CXCursor_CXXConstCastExpr)
      break;
    CXCursor inner = clang_getNullCursor();
    clang_visitChildren(c, last_child, &inner);
    if (clang_Cursor_isNull(inner)) break;
    c = inner;
  }
  return c;
}

/* The variable a memory operand's lvalue is a constant-offset part of:
 * x itself, or a constant element of it or of a pointer cast of &x
 * (((T *)&x)[1], Boost's 128-bit halves).  Sets op->mem_object/mem_offset. */
static void mem_object(c_ctx *ctx, as_gnu_lvalue *op, CXCursor expr) {
  CXCursor c = strip_expr(expr);
  long long offset = 0;
  if (clang_getCursorKind(c) == CXCursor_ArraySubscriptExpr) {
    CXCursor base;
    long long index;
    long long size = clang_Type_getSizeOf(clang_getCanonicalType(clang_getCursorType(c)));
    if (!constant_subscript(c, &base, &index) || size <= 0) return;
    offset = index * size;
    c = strip_casts(base); /* a pointer cast of &x, or an array x */
    if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf) {
      CXCursor inner = clang_getNullCursor();
      clang_visitChildren(c, first_child, &inner);
      c = strip_expr(inner);
    } else if (!is_array_kind(clang_getCanonicalType(clang_getCursorType(c)).kind)) {
      return;
    }
  }
  if (clang_getCursorKind(c) != CXCursor_DeclRefExpr) return;
  CXCursor decl = clang_getCursorReferenced(c);
  CXSourceLocation at = clang_getCursorLocation(decl);
  unsigned line = 0, column = 0;
  clang_getSpellingLocation(at, NULL, &line, &column, NULL);
  CXString name = clang_getCursorSpelling(decl);
  op->mem_object = as_arena_printf(ctx->arena, "%s:%u:%u", clang_getCString(name), line, column);
  clang_disposeString(name);
  op->mem_offset = offset;
}

/* The identity of the value an operand hands to the block, from the AST (the
 * plugin's handedValue, through libclang): a non-volatile variable's value, or
 * its address (&v, an array v, and a memory operand v); a memory operand *p
 * is at the value of p.  Same value, same id; 0 when unknown. */
static unsigned long long ast_value_id(CXCursor expr, bool memory) {
  bool address = false;
  CXCursor c = memory ? strip_expr(expr) : strip_casts(expr);
  if (clang_getCursorKind(c) == CXCursor_UnaryOperator) {
    enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(c);
    if (k != (memory ? CXUnaryOperator_Deref : CXUnaryOperator_AddrOf)) return 0;
    CXCursor inner = clang_getNullCursor();
    clang_visitChildren(c, first_child, &inner);
    c = memory ? strip_casts(inner) : strip_expr(inner);
    address = !memory;
  } else if (memory) {
    address = true;
  }
  if (clang_getCursorKind(c) != CXCursor_DeclRefExpr) return 0;
  CXCursor decl = clang_getCursorReferenced(c);
  if (clang_getCursorKind(decl) != CXCursor_VarDecl && clang_getCursorKind(decl) != CXCursor_ParmDecl)
    return 0;
  CXType type = clang_getCursorType(decl);
  if (clang_isVolatileQualifiedType(type)) return 0;
  if (is_array_kind(clang_getCanonicalType(type).kind)) address = true;
  CXString usr = clang_getCursorUSR(decl);
  const char *u = clang_getCString(usr);
  uint64_t h = AS_FNV_START; /* the declaration's USR and place */
  CXSourceLocation at = clang_getCursorLocation(decl);
  unsigned line = 0, column = 0, offset = 0;
  clang_getSpellingLocation(at, NULL, &line, &column, &offset);
  char place[64];
  snprintf(place, sizeof place, "@%u:%u:%u", line, column, offset);
  h = as_fnv1a(h, u ? u : "", u ? strlen(u) : 0);
  h = as_fnv1a(h, place, strlen(place));
  clang_disposeString(usr);
  return (h << 2) | (address ? 2 : 1);
}

/* The operand's C type facts; with want_value, an input's constant value. */
static void fill_type(c_ctx *ctx, as_operand *op, CXCursor expr, bool want_value) {
  if (clang_Cursor_isNull(expr)) return;
  CXType type = clang_getCursorType(expr);
  op->type_text = take_string(ctx->arena, clang_getTypeSpelling(type));
  CXType canon = clang_getCanonicalType(type);
  long long size = clang_Type_getSizeOf(canon);
  if (size == CXTypeLayoutError_Dependent) op->type_dependent = true;
  /* libclang reports an array parameter ("char buf[16]") with its written
   * array type; its value is a pointer to the element type. */
  if (is_array_kind(canon.kind)) {
    CXCursor inner = strip_expr(expr);
    CXCursor decl = clang_getCursorReferenced(inner);
    if (!clang_Cursor_isNull(decl) && clang_getCursorKind(decl) == CXCursor_ParmDecl) {
      op->is_pointer = true;
      op->width_bits = ctx->pointer_bits;
      long long es = clang_Type_getSizeOf(clang_getCanonicalType(clang_getArrayElementType(canon)));
      op->pointee_size = es > 0 ? (unsigned)es : 0;
      if ((op->constraint.kinds & AS_CK_MEM) && ctx->pointer_bits)
        op->pointee_size = ctx->pointer_bits / 8;
      return;
    }
  }
  if (size > 0) op->width_bits = (unsigned)(size * 8);
  if (canon.kind == CXType_Pointer || canon.kind == CXType_BlockPointer ||
      canon.kind == CXType_ObjCObjectPointer) {
    op->is_pointer = true;
    long long ps = clang_Type_getSizeOf(clang_getCanonicalType(clang_getPointeeType(canon)));
    if (ps > 0) op->pointee_size = (unsigned)ps;
    /* Alignment from the written pointee type: a typedef may carry an
     * aligned attribute that the canonical type loses. */
    long long pa = clang_Type_getAlignOf(clang_getPointeeType(type));
    long long pc = clang_Type_getAlignOf(clang_getCanonicalType(clang_getPointeeType(canon)));
    if (pc > pa) pa = pc;
    if (pa > 0) op->pointee_align = (unsigned)pa;
    /* A decayed array: the whole array is behind the pointer. */
    CXCursor inner = strip_expr(expr);
    CXType it = clang_getCanonicalType(clang_getCursorType(inner));
    long long as = clang_Type_getSizeOf(it);
    if (is_array_kind(it.kind) && as > 0) {
      CXCursor decl = clang_getCursorReferenced(inner);
      if (clang_Cursor_isNull(decl) || clang_getCursorKind(decl) != CXCursor_ParmDecl)
        op->pointee_size = (unsigned)as;
    }
  }
  if ((op->constraint.kinds & AS_CK_MEM) && size > 0) {
    op->pointee_size = (unsigned)size;
    long long ta = clang_Type_getAlignOf(canon);
    if (ta > 0) op->pointee_align = (unsigned)ta; /* the object "m" names */
  }
  if (want_value) {
    CXEvalResult r = clang_Cursor_Evaluate(expr);
    if (r) {
      if (clang_EvalResult_getKind(r) == CXEval_Int) {
        op->has_value = true;
        op->value = clang_EvalResult_isUnsignedInt(r)
                        ? (long long)clang_EvalResult_getAsUnsigned(r)
                        : clang_EvalResult_getAsLongLong(r);
      }
      clang_EvalResult_dispose(r);
    }
  }
}

/* Text of an expression from its extent, when it is a plain range of one
 * file (not split across a macro definition and its use). */
static const char *extent_text(c_ctx *ctx, CXCursor expr) {
  CXSourceRange ext = clang_getCursorExtent(expr);
  CXFile f1 = NULL, f2 = NULL;
  unsigned l1 = 0, l2 = 0, o1 = 0, o2 = 0;
  clang_getSpellingLocation(clang_getRangeStart(ext), &f1, &l1, NULL, &o1);
  clang_getSpellingLocation(clang_getRangeEnd(ext), &f2, &l2, NULL, &o2);
  if (!f1 || f1 != f2 || o2 <= o1 || o2 - o1 > 512 || l2 - l1 > 4) return NULL;
  size_t size = 0;
  const char *contents = clang_getFileContents(ctx->tu, f1, &size);
  if (!contents || o2 > size) return NULL;
  as_strbuf buf;
  as_strbuf_init(&buf, ctx->arena);
  bool space = false;
  for (unsigned i = o1; i < o2; i++) {
    char c = contents[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && buf.length) as_strbuf_append(&buf, " ", 1);
    space = false;
    as_strbuf_append(&buf, &c, 1);
  }
  return buf.data;
}

/* A parameter whose declaration writes its extent down (`char p[static 16]`):
 * sets op->extent_decl to the declaration's text and op->extent_param to its
 * name, when the operand is that parameter (p, (T *)p, *p). */
static void param_extent(c_ctx *ctx, as_operand *op, CXCursor expr) {
  CXCursor c = strip_casts(expr);
  if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
      clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref) {
    CXCursor inner = clang_getNullCursor();
    clang_visitChildren(c, first_child, &inner);
    if (clang_Cursor_isNull(inner)) return;
    c = strip_casts(inner);
  }
  if (clang_getCursorKind(c) != CXCursor_DeclRefExpr) return;
  CXCursor decl = clang_getCursorReferenced(c);
  if (clang_getCursorKind(decl) != CXCursor_ParmDecl) return;
  CXCursor fn = clang_getCursorSemanticParent(decl);
  int nargs = clang_Cursor_getNumArguments(fn);
  unsigned number = 0;
  for (int i = 0; i < nargs && !number; i++)
    if (clang_equalCursors(clang_Cursor_getArgument(fn, (unsigned)i), decl)) number = (unsigned)i + 1;
  const char *text = number ? extent_text(ctx, decl) : NULL;
  if (!text) return;
  const char *open = strchr(text, '[');
  if (!open) return;
  /* `static` among the bracket's words: [static 16], [const static 16] */
  for (const char *w = strstr(open, "static"); w; w = strstr(w + 6, "static")) {
    const char *close = strchr(open, ']');
    if (close && w > close) return;
    bool left = w[-1] == '[' || w[-1] == ' ';
    bool right = w[6] == ' ' || w[6] == ']';
    if (left && right) {
      op->extent_decl = text;
      op->extent_param = take_string(ctx->arena, clang_getCursorSpelling(decl));
      op->extent_param_number = number;
      return;
    }
  }
}

/* The member named `name` of the record `record`, or a null cursor. */
typedef struct member_find {
  const char *name;
  CXCursor found;
} member_find;

static enum CXChildVisitResult find_member(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  member_find *m = data;
  if (clang_getCursorKind(c) != CXCursor_FieldDecl) return CXChildVisit_Continue;
  CXString name = clang_getCursorSpelling(c);
  bool same = !strcmp(clang_getCString(name), m->name);
  clang_disposeString(name);
  if (!same) return CXChildVisit_Continue;
  m->found = c;
  return CXChildVisit_Break;
}

/* A flexible array member whose count another member holds
 * (`int data[] __counted_by(n)`, `__sized_by(n)`): the operand `s->data`
 * (through casts) has the extent `s->n` elements.  Sets op->count_*. */
static void counted_extent(c_ctx *ctx, as_operand *op, CXCursor expr) {
  CXCursor c = strip_casts(expr);
  /* a local initialized with the member (`void *d = s->data;`): the story
   * uses it only when the IR's pointer is at the member's place */
  if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
    CXCursor decl = clang_getCursorReferenced(c);
    if (clang_getCursorKind(decl) != CXCursor_VarDecl) return;
    CXCursor init = clang_getNullCursor();
    clang_visitChildren(decl, last_child, &init);
    if (clang_Cursor_isNull(init)) return;
    c = strip_casts(init);
  }
  if (clang_getCursorKind(c) != CXCursor_MemberRefExpr) return;
  const char *type = take_string(ctx->arena, clang_getTypeSpelling(clang_getCursorType(c)));
  static const char *const attrs[] = {"__counted_by(", "__counted_by_or_null(", "__sized_by(",
                                      "__sized_by_or_null("};
  const char *at = NULL;
  unsigned which = 0;
  for (unsigned i = 0; i < 4 && !at; i++)
    if ((at = strstr(type, attrs[i]))) which = i;
  if (!at) return;
  const char *open = strchr(at, '('), *close = strchr(at, ')');
  if (!close || close - open < 2) return;
  const char *count = as_arena_strndup(ctx->arena, open + 1, (size_t)(close - open - 1));
  for (const char *q = count; *q; q++)
    if (!(isalnum((unsigned char)*q) || *q == '_')) return;
  CXCursor field = clang_getCursorReferenced(c);
  CXCursor record = clang_getCursorSemanticParent(field);
  member_find m = {count, clang_getNullCursor()};
  clang_visitChildren(record, find_member, &m);
  if (clang_Cursor_isNull(m.found)) return;
  long long array_at = clang_Cursor_getOffsetOfField(field), count_at = clang_Cursor_getOffsetOfField(m.found);
  CXType count_type = clang_getCanonicalType(clang_getCursorType(m.found));
  long long count_size = clang_Type_getSizeOf(count_type);
  CXType elem = clang_getArrayElementType(clang_getCanonicalType(clang_getCursorType(field)));
  long long unit = which >= 2 ? 1 : clang_Type_getSizeOf(clang_getCanonicalType(elem));
  if (array_at < 0 || count_at < 0 || array_at % 8 || count_at % 8 || count_size <= 0 || count_size > 8 ||
      unit <= 0)
    return;
  /* `s->data` as written, its member name replaced by the count's */
  const char *text = extent_text(ctx, c);
  const char *name = take_string(ctx->arena, clang_getCursorSpelling(field));
  size_t tl = text ? strlen(text) : 0, nl = strlen(name);
  if (!tl || tl <= nl || strcmp(text + tl - nl, name)) return;
  op->count_expr = as_arena_printf(ctx->arena, "%.*s%s", (int)(tl - nl), text, count);
  op->count_attr = as_arena_printf(ctx->arena, "%.*s", (int)(close - at + 1), at);
  op->count_delta = (count_at - array_at) / 8;
  op->count_unit = (unsigned)unit;
  op->count_bits = (unsigned)count_size * 8;
  switch (count_type.kind) {
  case CXType_Char_S: case CXType_SChar: case CXType_Short: case CXType_Int: case CXType_Long:
  case CXType_LongLong: op->count_signed = true; break;
  default: op->count_signed = false; break;
  }
}

/* The C type and lvalue facts of an operand (as_gnu_describe_fn): what
 * libclang says of its expression. */
static void describe_operand(void *data, const as_gnu_operand_src *src, as_operand *op,
                             unsigned want, as_gnu_lvalue *lvalue) {
  c_ctx *ctx = data;
  CXCursor expr = *(const CXCursor *)src->expr;
  fill_type(ctx, op, expr, (want & AS_GNU_WANT_VALUE) != 0);
  if (!clang_Cursor_isNull(expr)) {
    param_extent(ctx, op, expr);
    counted_extent(ctx, op, expr);
  }
  if (want & AS_GNU_WANT_FRAME_OBJECT) lvalue->frame_object = frame_object(expr);
  if (want & AS_GNU_WANT_MEM_OBJECT) mem_object(ctx, lvalue, expr);
  if (want & AS_GNU_WANT_DISCARDED) lvalue->discarded = scratch_output(expr);
  if (!clang_Cursor_isNull(expr))
    op->value_id = ast_value_id(expr, (op->constraint.kinds & AS_CK_MEM) &&
                                          !(op->constraint.kinds & (AS_CK_REG | AS_CK_FIXED | AS_CK_ANY)));
}

/* Byte offset in its file of a token's start or end; false inside a macro
 * expansion (spelling and expansion differ). */
static bool token_offset(c_ctx *ctx, const tok_list *t, unsigned i, bool end, const char **file,
                         unsigned *offset) {
  if (i >= t->count) return false;
  CXSourceRange r = clang_getTokenExtent(ctx->tu, t->tokens[i]);
  CXSourceLocation at = end ? clang_getRangeEnd(r) : clang_getRangeStart(r);
  CXFile sf = NULL, ef = NULL;
  unsigned so = 0, eo = 0;
  clang_getSpellingLocation(at, &sf, NULL, NULL, &so);
  clang_getExpansionLocation(at, &ef, NULL, NULL, &eo);
  if (!sf || !clang_File_isEqual(sf, ef) || so != eo) return false;
  *file = file_name(ctx, sf);
  *offset = so;
  return true;
}

enum { MAX_ITEMS = 256 };

/* The statement's tokens, read as `asm qualifiers ( template : outputs :
 * inputs : clobbers : labels )`, with its operand items. */
typedef struct asm_reading {
  tok_list t;
  asm_syntax syn;
  tok_range outs[MAX_ITEMS], ins[MAX_ITEMS], clobs[MAX_ITEMS], labs[MAX_ITEMS];
  unsigned n_outs, n_ins, n_clobs, n_labs;
} asm_reading;

/* Records where the statement's parts are, for fix-its. */
static void record_layout(c_ctx *ctx, as_asm_layout *l, const asm_reading *r, unsigned nout,
                          unsigned nin) {
  const tok_list *t = &r->t;
  const asm_syntax *syn = &r->syn;
  memset(l, 0, sizeof *l);
  if (!syn->ok || syn->num_sections == 0) return;
  const char *file = NULL, *f2 = NULL;
  if (!token_offset(ctx, t, 0, true, &file, &l->after_keyword)) return;
  unsigned close = syn->section[syn->num_sections - 1].end;
  if (!token_offset(ctx, t, close, false, &f2, &l->close_paren) || strcmp(file, f2)) return;
  l->num_sections = syn->num_sections;
  for (unsigned k = 0; k < syn->num_sections; k++) {
    tok_range rg = syn->section[k];
    /* Section k > 0 starts after its ':'; its end is after its last token,
     * or right after the ':' when it is empty. */
    l->section_empty[k] = rg.end <= rg.begin;
    unsigned last = !l->section_empty[k]        ? rg.end - 1
                    : tok_is(t, rg.begin, "::") ? rg.begin
                                                : rg.begin - 1; /* the ':' */
    if (!token_offset(ctx, t, last, true, &f2, &l->section_end[k]) || strcmp(file, f2)) return;
  }
  unsigned n = nout + nin;
  l->constraint_offset = as_arena_alloc(ctx->arena, sizeof(unsigned) * (n + 1));
  l->constraint_length = as_arena_alloc(ctx->arena, sizeof(unsigned) * (n + 1));
  for (unsigned k = 0; k < n; k++) {
    tok_range it = k < nout ? r->outs[k] : r->ins[k - nout];
    unsigned j = it.begin;
    if (tok_is(t, j, "[") && tok_is(t, j + 2, "]")) j += 3;
    unsigned start = 0, stop = 0;
    if (!tok_is_string(t, j) || tok_is_string(t, j + 1) ||
        !token_offset(ctx, t, j, false, &f2, &start) || !token_offset(ctx, t, j, true, &f2, &stop))
      return;
    l->constraint_offset[k] = start;
    l->constraint_length[k] = stop - start;
  }
  l->file = file;
  l->valid = true;
}

/* Reads the statement's tokens: its extent, or, when that does not read as
 * an asm statement (macro bodies), the text from its spelling onwards.
 * r->syn.ok says whether they match what clang counted. */
static void read_tokens(c_ctx *ctx, CXCursor c, asm_reading *r) {
  unsigned nout = clang_Cursor_getGCCAssemblyNumOutputs(c);
  unsigned nin = clang_Cursor_getGCCAssemblyNumInputs(c);
  unsigned nclob = clang_Cursor_getGCCAssemblyNumClobbers(c);
  bool is_goto = clang_Cursor_isGCCAssemblyHasGoto(c) != 0;
  memset(&r->t, 0, sizeof r->t);
  memset(&r->syn, 0, sizeof r->syn);
  for (int attempt = 0; attempt < 3; attempt++) {
    CXSourceRange range = clang_getCursorExtent(c);
    if (attempt >= 1) {
      /* 1: from where the statement's first token is spelled; 2: from where
       * it is expanded (`#define asm __asm__`: the keyword is a macro) */
      CXFile f = NULL;
      unsigned off = 0;
      if (attempt == 1) clang_getSpellingLocation(clang_getRangeStart(range), &f, NULL, NULL, &off);
      else clang_getExpansionLocation(clang_getRangeStart(range), &f, NULL, NULL, &off);
      size_t size = 0;
      if (!f || !clang_getFileContents(ctx->tu, f, &size) || off >= size) break;
      size_t end = off + 16384 < size ? off + 16384 : size;
      range = clang_getRange(clang_getLocationForOffset(ctx->tu, f, off),
                             clang_getLocationForOffset(ctx->tu, f, (unsigned)end));
      tokens_release(&r->t);
    }
    tokens_get(ctx, range, &r->t);
    r->syn = parse_syntax(&r->t);
    /* Operand items, checked against what clang counted. */
    r->n_outs = r->n_ins = r->n_clobs = r->n_labs = 0;
    asm_syntax *syn = &r->syn;
    if (syn->ok) {
      if (syn->num_sections > 1) r->n_outs = split_items(&r->t, syn->section[1], r->outs, MAX_ITEMS);
      if (syn->num_sections > 2) r->n_ins = split_items(&r->t, syn->section[2], r->ins, MAX_ITEMS);
      if (syn->num_sections > 3) r->n_clobs = split_items(&r->t, syn->section[3], r->clobs, MAX_ITEMS);
      if (syn->num_sections > 4) r->n_labs = split_items(&r->t, syn->section[4], r->labs, MAX_ITEMS);
      if (r->n_outs != nout || r->n_ins != nin || r->n_clobs != nclob || r->n_outs > MAX_ITEMS ||
          r->n_ins > MAX_ITEMS || r->n_labs > MAX_ITEMS || (is_goto && syn->num_sections < 5))
        syn->ok = false;
    }
    if (syn->ok) break;
  }
}

/* A template piece that a function-like macro expands to (`STR(REG)`, the
 * kernel's __stringify): where its invocation starts in the template text,
 * and where it is written. */
typedef struct tmpl_hole {
  size_t at;
  as_loc loc;
} tmpl_hole;

#define MAX_HOLES 16

/* Is token i a function-like macro's invocation?  *end: its closing ')'. */
static bool macro_call(c_ctx *ctx, const tok_list *t, unsigned i, unsigned limit, unsigned *end) {
  CXCursor use = clang_getCursor(ctx->tu, clang_getTokenLocation(ctx->tu, t->tokens[i]));
  if (clang_getCursorKind(use) != CXCursor_MacroExpansion) return false;
  CXCursor def = clang_getCursorReferenced(use);
  if (clang_getCursorKind(def) != CXCursor_MacroDefinition || !clang_Cursor_isMacroFunctionLike(def))
    return false;
  if (i + 1 >= limit || strcmp(t->spell[i + 1], "(") != 0) return false;
  int depth = 0;
  for (unsigned k = i + 1; k < limit; k++) {
    if (!strcmp(t->spell[k], "(")) depth++;
    else if (!strcmp(t->spell[k], ")") && --depth == 0) {
      *end = k;
      return true;
    }
  }
  return false;
}

/* clang's IR form of a template back in source form: `$$` is `$`, `$N` and
 * `${N:m}` are `%N` and `%mN`, `${:uid}` is `%=`, a lone `%` is `%%`.  NULL
 * for what it does not know. */
static char *ir_to_source(as_arena *arena, const char *ir) {
  as_strbuf b;
  as_strbuf_init(&b, arena);
  for (const char *p = ir; *p;) {
    if (*p == '%') {
      as_strbuf_puts(&b, "%%");
      p++;
    } else if (*p != '$') {
      as_strbuf_append(&b, p++, 1);
    } else if (p[1] == '$') {
      as_strbuf_puts(&b, "$");
      p += 2;
    } else if (p[1] >= '0' && p[1] <= '9') {
      as_strbuf_puts(&b, "%");
      for (p++; *p >= '0' && *p <= '9'; p++) as_strbuf_append(&b, p, 1);
    } else if (p[1] == '{') {
      const char *close = strchr(p, '}'), *colon = strchr(p, ':');
      if (!close) return NULL;
      if (colon && colon < close && !strncmp(colon, ":uid}", 5) && colon == p + 2) {
        as_strbuf_puts(&b, "%=");
      } else {
        const char *num_end = colon && colon < close ? colon : close;
        as_strbuf_puts(&b, "%");
        if (colon && colon < close) as_strbuf_append(&b, colon + 1, (size_t)(close - colon - 1));
        as_strbuf_append(&b, p + 2, (size_t)(num_end - p - 2));
      }
      p = close + 1;
    } else {
      return NULL;
    }
  }
  return b.data;
}

/* Does the literal piece (len bytes) match clang's template at w?  An
 * operand named by [name] in the piece is a number there.  *used: the bytes
 * of w it covers. */
static bool piece_matches(const char *w, const char *piece, size_t len, size_t *used) {
  const char *q = w;
  for (size_t i = 0; i < len;) {
    if (piece[i] == '%' && i + 1 < len && piece[i + 1] != '%') {
      size_t k = i + 1;
      while (k < len && ((piece[k] >= 'a' && piece[k] <= 'z') || (piece[k] >= 'A' && piece[k] <= 'Z'))) k++;
      if (k < len && piece[k] == '[') {
        const char *close = memchr(piece + k, ']', len - k);
        if (!close || strncmp(q, piece + i, k - i) != 0) return false;
        q += k - i;
        if (*q < '0' || *q > '9') return false;
        while (*q >= '0' && *q <= '9') q++;
        i = (size_t)(close - piece) + 1;
        continue;
      }
    }
    if (piece[i] == '%' && i + 1 < len && piece[i + 1] == '%') {
      if (q[0] != '%' || q[1] != '%') return false;
      q += 2;
      i += 2;
      continue;
    }
    if (*q != piece[i]) return false;
    q++;
    i++;
  }
  *used = (size_t)(q - w);
  return true;
}

/* Copies bytes [from, to) of a builder's text with their locations. */
static void copy_located(tmpl_builder *dst, const tmpl_builder *src, size_t from, size_t to) {
  for (size_t i = from; i < to; i++) {
    as_loc at = src->byte_locs[i];
    emit_byte(dst, src->text.data[i], at, at);
  }
}

/* Fills the holes the function-like macros left in the decoded literals with
 * their expansions, found in clang's whole template between the literal
 * pieces around them (the first match; the last piece ends the template).
 * Each expanded byte is located at its macro's name. */
static bool fill_holes(c_ctx *ctx, CXCursor c, const tmpl_builder *tb, const tmpl_hole *holes,
                       unsigned num_holes, tmpl_builder *out) {
  const char *whole = ir_to_source(ctx->arena, take_string(ctx->arena, clang_Cursor_getGCCAssemblyTemplate(c)));
  if (!whole) return false;
  size_t first = holes[0].at, pos = 0;
  if (!piece_matches(whole, tb->text.data, first, &pos)) return false;
  memset(out, 0, sizeof *out);
  out->ctx = ctx;
  as_strbuf_init(&out->text, ctx->arena);
  push_line(out, first ? tb->byte_locs[0] : holes[0].loc, false);
  out->started = true;
  copy_located(out, tb, 0, first);
  size_t wlen = strlen(whole);
  for (unsigned h = 0; h < num_holes; h++) {
    size_t from = holes[h].at, to = h + 1 < num_holes ? holes[h + 1].at : tb->text.length;
    bool last = h + 1 == num_holes;
    size_t found = wlen + 1, used = 0;
    for (size_t q = pos; q <= wlen && found > wlen; q++)
      if (piece_matches(whole + q, tb->text.data + from, to - from, &used) && (!last || q + used == wlen))
        found = q;
    if (found > wlen) return false;
    for (size_t q = pos; q < found; q++) emit_byte(out, whole[q], holes[h].loc, holes[h].loc);
    copy_located(out, tb, from, to);
    pos = found + used;
  }
  return out->num_locs == count_lines(out->text.data);
}

/* The template: the source form from the literals (each line and byte
 * located where it is spelled; what function-like macros expand to, at the
 * macro), else clang's IR form. */
static void read_template(c_ctx *ctx, CXCursor c, const asm_reading *r, as_gnu_stmt *stmt) {
  const tok_list *t = &r->t;
  bool literal = r->syn.ok && r->syn.section[0].begin < r->syn.section[0].end;
  if (literal) {
    tmpl_builder tb;
    memset(&tb, 0, sizeof tb);
    tb.ctx = ctx;
    as_strbuf_init(&tb.text, ctx->arena);
    tmpl_hole holes[MAX_HOLES];
    unsigned num_holes = 0, end = 0, limit = r->syn.section[0].end;
    for (unsigned i = r->syn.section[0].begin; literal && i < limit; i++) {
      if (tok_is_string(t, i)) {
        decode_token(ctx, &tb, t->tokens[i], t->spell[i]);
      } else if (clang_getTokenKind(t->tokens[i]) == CXToken_Identifier && num_holes < MAX_HOLES &&
                 macro_call(ctx, t, i, limit, &end)) {
        CXFile file = NULL;
        unsigned line = 0, column = 0;
        clang_getSpellingLocation(clang_getTokenLocation(ctx->tu, t->tokens[i]), &file, &line, &column, NULL);
        holes[num_holes].at = tb.text.length;
        holes[num_holes++].loc = (as_loc){file_name(ctx, file), line, column};
        i = end;
      } else if (clang_getTokenKind(t->tokens[i]) != CXToken_Identifier ||
                 !decode_macro_strings(ctx, &tb, t->tokens[i], 0)) {
        literal = false;
      }
    }
    tmpl_builder filled;
    if (literal && num_holes && fill_holes(ctx, c, &tb, holes, num_holes, &filled)) tb = filled;
    else if (num_holes) literal = false;
    if (literal && tb.num_locs == count_lines(tb.text.data)) {
      stmt->template_text = tb.text.data;
      stmt->line_locs = tb.locs;
      stmt->num_line_locs = tb.num_locs;
      stmt->byte_locs = tb.byte_locs;
      stmt->num_byte_locs = (unsigned)tb.text.length;
      return;
    }
  }
  stmt->template_text = take_string(ctx->arena, clang_Cursor_getGCCAssemblyTemplate(c));
  stmt->template_ir_form = true;
}

/* The operands' pieces: constraint and expression from clang, name and
 * expression text from the tokens. */
/* A local register variable (register long x asm("x0")) named by an
 * operand: its register, as the plugin reads it from the AST.  A function
 * nothing calls has no IR to bind it from (the arm64 kernel's SMCCC and
 * casp helpers). */
static enum CXChildVisitResult asm_label(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) != CXCursor_AsmLabelAttr) return CXChildVisit_Continue;
  *(CXCursor *)data = c;
  return CXChildVisit_Break;
}

static const char *register_variable(c_ctx *ctx, CXCursor e) {
  if (clang_Cursor_isNull(e)) return NULL;
  CXCursor c = strip_expr(e);
  if (clang_getCursorKind(c) != CXCursor_DeclRefExpr) return NULL;
  CXCursor d = clang_getCursorReferenced(c);
  if (clang_getCursorKind(d) != CXCursor_VarDecl || clang_Cursor_getStorageClass(d) != CX_SC_Register) return NULL;
  CXCursor label = clang_getNullCursor();
  clang_visitChildren(d, asm_label, &label);
  if (clang_Cursor_isNull(label)) return NULL;
  const char *name = take_string(ctx->arena, clang_getCursorSpelling(label));
  return name && *name ? name : NULL;
}

static void read_operands(c_ctx *ctx, CXCursor c, const asm_reading *r, as_gnu_stmt *stmt,
                          CXCursor *exprs) {
  const tok_list *t = &r->t;
  unsigned nout = stmt->num_outputs, n = stmt->num_outputs + stmt->num_inputs;
  stmt->operands = n ? as_arena_alloc(ctx->arena, sizeof *stmt->operands * n) : NULL;
  for (unsigned k = 0; k < n; k++) {
    bool is_output = k < nout;
    as_gnu_operand_src *src = &stmt->operands[k];
    const char *expr_tokens = NULL;
    if (r->syn.ok) {
      tok_range it = is_output ? r->outs[k] : r->ins[k - nout];
      unsigned j = it.begin;
      if (tok_is(t, j, "[") && tok_is(t, j + 2, "]") && j + 2 < it.end) {
        src->name = as_arena_strdup(ctx->arena, t->spell[j + 1]);
        j += 3;
      }
      while (j < it.end && tok_is_string(t, j)) j++;
      if (tok_is(t, j, "(") && it.end > j + 1 && tok_is(t, it.end - 1, ")"))
        expr_tokens = join_tokens(ctx, t, j + 1, it.end - 1);
    }
    CXString cs;
    exprs[k] = clang_getNullCursor();
    unsigned ok = is_output ? clang_Cursor_getGCCAssemblyOutput(c, k, &cs, &exprs[k])
                            : clang_Cursor_getGCCAssemblyInput(c, k - nout, &cs, &exprs[k]);
    src->expr = &exprs[k];
    if (!ok) continue;
    src->constraint = take_string(ctx->arena, cs);
    if (!clang_Cursor_isNull(exprs[k])) src->loc = expansion_loc(ctx, clang_getCursorLocation(exprs[k]));
    src->expr_text = expr_tokens ? expr_tokens : extent_text(ctx, exprs[k]);
    src->register_variable = register_variable(ctx, exprs[k]);
  }
}

/* Clobbers from clang; goto labels from the tokens. */
static void read_clobbers_labels(c_ctx *ctx, CXCursor c, const asm_reading *r, as_gnu_stmt *stmt) {
  stmt->num_clobbers = clang_Cursor_getGCCAssemblyNumClobbers(c);
  stmt->clobbers = stmt->num_clobbers
                       ? as_arena_alloc(ctx->arena, sizeof *stmt->clobbers * stmt->num_clobbers)
                       : NULL;
  for (unsigned k = 0; k < stmt->num_clobbers; k++)
    stmt->clobbers[k] = take_string(ctx->arena, clang_Cursor_getGCCAssemblyClobber(c, k));
  stmt->is_goto = clang_Cursor_isGCCAssemblyHasGoto(c) != 0;
  if (!stmt->is_goto || !r->syn.ok || !r->n_labs) return;
  stmt->labels = as_arena_alloc(ctx->arena, sizeof *stmt->labels * r->n_labs);
  for (unsigned k = 0; k < r->n_labs; k++)
    if (r->labs[k].end == r->labs[k].begin + 1)
      stmt->labels[stmt->num_labels++] = as_arena_strdup(ctx->arena, r->t.spell[r->labs[k].begin]);
}

static void handle_asm(visit_scope *scope, CXCursor c) {
  c_ctx *ctx = scope->ctx;
  as_gnu_stmt stmt;
  memset(&stmt, 0, sizeof stmt);
  stmt.loc = expansion_loc(ctx, clang_getCursorLocation(c));
  if (!stmt.loc.file) return;
  stmt.function = scope->function;
  stmt.in_template = scope->in_template;
  stmt.num_outputs = clang_Cursor_getGCCAssemblyNumOutputs(c);
  stmt.num_inputs = clang_Cursor_getGCCAssemblyNumInputs(c);
  stmt.volatile_keyword = clang_Cursor_isGCCAssemblyVolatile(c) != 0;

  asm_reading *r = malloc(sizeof *r);
  CXCursor *exprs = malloc(sizeof *exprs * (stmt.num_outputs + stmt.num_inputs + 1));
  if (!r || !exprs) {
    free(r);
    free(exprs);
    return;
  }
  read_tokens(ctx, c, r);
  read_template(ctx, c, r, &stmt);
  read_operands(ctx, c, r, &stmt, exprs);
  read_clobbers_labels(ctx, c, r, &stmt);
  /* Basic asm: no ':' at all. */
  stmt.basic = r->syn.ok && r->syn.num_sections == 1;
  record_layout(ctx, &stmt.layout, r, stmt.num_outputs, stmt.num_inputs);
  tokens_release(&r->t);

  as_gnu_unit unit = {ctx->arena,       ctx->lang,        ctx->dialect,
                      ctx->triple,      ctx->extra_flags, ctx->target_features,
                      describe_operand, ctx};
  as_block *b = as_gnu_block_build(&unit, &stmt);
  free(exprs);
  free(r);

  CXString pfile;
  as_loc presumed = {NULL, 0, 0};
  clang_getPresumedLocation(clang_getCursorLocation(c), &pfile, &presumed.line,
                            &presumed.column);
  presumed.file = take_string(ctx->arena, pfile);
  ctx->presumed = as_arena_grow(ctx->arena, ctx->presumed, sizeof *ctx->presumed,
                                ctx->blocks.count, &ctx->presumed_cap);
  ctx->presumed[ctx->blocks.count] = presumed;
  as_block_list_push(ctx->arena, &ctx->blocks, b);
}

/* ---- AST walk ---------------------------------------------------------- */

/* The function's name; in C++ qualified by its namespaces and classes. */
static const char *function_name(c_ctx *ctx, CXCursor fn) {
  const char *name = take_string(ctx->arena, clang_getCursorSpelling(fn));
  if (ctx->lang != AS_LANG_CXX || !name) return name;
  CXCursor p = clang_getCursorSemanticParent(fn);
  for (int depth = 0; depth < 32 && !clang_Cursor_isNull(p); depth++) {
    enum CXCursorKind k = clang_getCursorKind(p);
    if (k == CXCursor_TranslationUnit || clang_isInvalid(k)) break;
    if (k != CXCursor_LinkageSpec) {
      const char *outer = take_string(ctx->arena, clang_getCursorSpelling(p));
      name = as_arena_printf(ctx->arena, "%s::%s",
                             outer && *outer ? outer : "(anonymous)", name);
    }
    p = clang_getCursorSemanticParent(p);
  }
  return name;
}

/* The value of a constant integer expression (sizeof, enumerators). */
static bool constant_int(CXCursor e, long long *out) {
  if (clang_Cursor_isNull(e)) return false;
  CXEvalResult r = clang_Cursor_Evaluate(e);
  if (!r) return false;
  bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
  if (ok) *out = clang_EvalResult_getAsLongLong(r);
  clang_EvalResult_dispose(r);
  return ok;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  visit_scope *scope = data;
  if (scope->ctx->failed) return CXChildVisit_Break;
  enum CXCursorKind kind = clang_getCursorKind(c);
  if (clang_isDeclaration(kind) || kind == CXCursor_GCCAsmStmt) {
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(c))) return CXChildVisit_Continue;
  }
  switch (kind) {
  case CXCursor_GCCAsmStmt:
    handle_asm(scope, c);
    if (scope->dead && scope->ctx->blocks.count)
      scope->ctx->blocks.items[scope->ctx->blocks.count - 1]->flags |= AS_BF_DEAD_BRANCH;
    return CXChildVisit_Continue;
  case CXCursor_SwitchStmt: {
    /* switch (sizeof x): the cases that do not match never run. */
    visit_scope inner = *scope;
    inner.switch_known = false;
    CXCursor cond = clang_getNullCursor();
    clang_visitChildren(c, first_child, &cond);
    long long v;
    if (!scope->in_template && constant_int(cond, &v)) {
      inner.switch_known = true;
      inner.switch_value = v;
    }
    clang_visitChildren(c, visit, &inner);
    return scope->ctx->failed ? CXChildVisit_Break : CXChildVisit_Continue;
  }
  case CXCursor_CaseStmt: {
    visit_scope inner = *scope;
    CXCursor value = clang_getNullCursor();
    clang_visitChildren(c, first_child, &value);
    long long v;
    if (scope->switch_known && constant_int(value, &v) && v != scope->switch_value) inner.dead = true;
    /* A case holds the next case as a child when they share statements:
     * the switch value decides each level again. */
    clang_visitChildren(c, visit, &inner);
    return scope->ctx->failed ? CXChildVisit_Break : CXChildVisit_Continue;
  }
  case CXCursor_FunctionDecl:
  case CXCursor_CXXMethod:
  case CXCursor_Constructor:
  case CXCursor_Destructor:
  case CXCursor_ConversionFunction:
  case CXCursor_FunctionTemplate:
  case CXCursor_ObjCInstanceMethodDecl:
  case CXCursor_ObjCClassMethodDecl: {
    visit_scope inner = *scope;
    inner.function = function_name(scope->ctx, c);
    if (kind == CXCursor_FunctionTemplate) inner.in_template = true;
    clang_visitChildren(c, visit, &inner);
    return scope->ctx->failed ? CXChildVisit_Break : CXChildVisit_Continue;
  }
  case CXCursor_LambdaExpr: {
    visit_scope inner = *scope;
    inner.function = scope->function
                         ? as_arena_printf(scope->ctx->arena, "%s::<lambda>", scope->function)
                         : "<lambda>";
    clang_visitChildren(c, visit, &inner);
    return scope->ctx->failed ? CXChildVisit_Break : CXChildVisit_Continue;
  }
  case CXCursor_ClassTemplate:
  case CXCursor_ClassTemplatePartialSpecialization: {
    visit_scope inner = *scope;
    inner.in_template = true;
    clang_visitChildren(c, visit, &inner);
    return scope->ctx->failed ? CXChildVisit_Break : CXChildVisit_Continue;
  }
  default:
    return CXChildVisit_Recurse;
  }
}

/* ---- IR twins ---------------------------------------------------------- */

static int attach_ir_twins(c_ctx *ctx, const char *path, const as_frontend_options *options,
                           const char *const *parse_args, unsigned num_parse_args,
                           char *err, size_t errlen) {
  char dir[PATH_MAX];
  if (as_fe_make_temp_dir(dir, sizeof dir, err, errlen) != 0) return -1;
  char bc_path[PATH_MAX + 16], log_path[PATH_MAX + 16];
  snprintf(bc_path, sizeof bc_path, "%s/out.bc", dir);
  snprintf(log_path, sizeof log_path, "%s/clang.log", dir);

  const char **argv = as_arena_alloc(ctx->arena, sizeof *argv * (num_parse_args + 24));
  unsigned argc = 0;
  const char *clang = options->clang && *options->clang ? options->clang : "clang-22";
  argv[argc++] = clang;
  argv[argc++] = "-O1";
  for (unsigned i = 0; i < num_parse_args; i++) argv[argc++] = parse_args[i];
  argv[argc++] = "-g";
  argv[argc++] = "-fno-discard-value-names";
  argv[argc++] = "-w";
  const char *ext = extension_of(path);
  bool header = !strcmp(ext, ".h") || !strcmp(ext, ".hpp") || !strcmp(ext, ".hh") ||
                !strcmp(ext, ".hxx");
  if (header) {
    argv[argc++] = "-x";
    argv[argc++] = ctx->lang == AS_LANG_CXX ? "c++" : "c";
  }
  argv[argc++] = "-c";
  argv[argc++] = "-emit-llvm";
  argv[argc++] = "-o";
  argv[argc++] = bc_path;
  argv[argc++] = path;
  argv[argc] = NULL;

  int status = 0;
  int rc = as_fe_run(argv, log_path, &status, err, errlen);
  if (rc != 0 && !(options->clang && *options->clang)) {
    argv[0] = "/usr/lib/llvm-22/bin/clang";
    rc = as_fe_run(argv, log_path, &status, err, errlen);
  }
  if (rc != 0) {
    as_fe_remove_temp_dir(dir);
    return -1;
  }
  if (status != 0) {
    char line[512];
    if (as_fe_first_error_line(log_path, line, sizeof line))
      as_fe_error(err, errlen, "clang failed on '%s': %s", path, line);
    else
      as_fe_error(err, errlen, "clang failed on '%s': exit status %d", path, status);
    as_fe_remove_temp_dir(dir);
    return -1;
  }
  as_frontend_options ir_options;
  memset(&ir_options, 0, sizeof ir_options);
  ir_options.triple = options->triple;
  as_block_list ir = {NULL, 0, 0, NULL};
  rc = as_frontend_ir(ctx->arena, bc_path, ctx->lang, &ir_options, &ir, err, errlen);
  as_fe_remove_temp_dir(dir);
  if (rc != 0) return -1;

  bool *used = ir.count ? as_arena_alloc(ctx->arena, sizeof *used * ir.count) : NULL;
  for (int pass = 0; pass < 2; pass++) {
    for (unsigned i = 0; i < ctx->blocks.count; i++) {
      as_block *b = ctx->blocks.items[i];
      if (b->ir_twin) continue;
      for (unsigned k = 0; k < ir.count && !b->ir_twin; k++) {
        as_block *w = ir.items[k];
        if (used[k] || !w->loc.file) continue;
        const as_loc *where[2] = {&b->loc, &ctx->presumed[i]};
        for (int m = 0; m < 2; m++) {
          const as_loc *l = where[m];
          if (!l->file || w->loc.line != l->line) continue;
          if (strcmp(base_name(w->loc.file), base_name(l->file))) continue;
          if (pass == 0 && w->loc.column != l->column) continue;
          b->ir_twin = w;
          used[k] = true;
          break;
        }
      }
    }
  }
  /* Inlined copies: other IR calls with the twin's location (same line and
   * column, same file) are the same statement at another call site. */
  for (unsigned i = 0; i < ctx->blocks.count; i++) {
    as_block *b = ctx->blocks.items[i];
    if (!b->ir_twin) continue;
    unsigned n = 1;
    for (unsigned k = 0; k < ir.count; k++)
      if (!used[k] && ir.items[k]->loc.file && ir.items[k]->loc.line == b->ir_twin->loc.line &&
          ir.items[k]->loc.column == b->ir_twin->loc.column &&
          !strcmp(ir.items[k]->loc.file, b->ir_twin->loc.file))
        n++;
    b->ir_twins = as_arena_alloc(ctx->arena, sizeof *b->ir_twins * n);
    b->ir_twins[b->num_ir_twins++] = b->ir_twin;
    for (unsigned k = 0; k < ir.count && b->num_ir_twins < n; k++)
      if (!used[k] && ir.items[k]->loc.file && ir.items[k]->loc.line == b->ir_twin->loc.line &&
          ir.items[k]->loc.column == b->ir_twin->loc.column &&
          !strcmp(ir.items[k]->loc.file, b->ir_twin->loc.file)) {
        used[k] = true;
        b->ir_twins[b->num_ir_twins++] = ir.items[k];
      }
  }
  for (unsigned i = 0; i < ctx->blocks.count; i++) {
    as_block *b = ctx->blocks.items[i];
    if (!b->ir_twin) {
      b->flags |= AS_BF_UNREACHED;
      /* Its function was emitted (another statement of it was): the
       * statement sits in a branch the compiler folded away. */
      for (unsigned k = 0; k < ctx->blocks.count; k++) {
        const as_block *o = ctx->blocks.items[k];
        if (o != b && o->ir_twin && o->function && b->function && !strcmp(o->function, b->function))
          b->flags |= AS_BF_DEAD_BRANCH;
      }
      continue;
    }
    /* Local register variables (register int x asm("r9")): the AST says
     * "r", the IR says {r9}.  Bind where the compiler will.  The x87
     * stack's {st} and {st(1)} are clang's spelling of "t" and "u" (no
     * register variable names them): the AST's class stays. */
    const as_block *w = b->ir_twin;
    for (unsigned k = 0; k < b->num_operands && k < w->num_operands; k++) {
      const as_constraint *wc = &w->operands[k].constraint;
      if ((wc->kinds & AS_CK_FIXED) && strncmp(wc->fixed_reg, "st", 2))
        as_constraint_use_register(&b->operands[k].constraint, wc->fixed_reg);
    }
    /* A value truncated from a wider one in some copy (operand-width on
     * RISC-V, where other narrow values arrive extended). */
    unsigned copies = b->num_ir_twins ? b->num_ir_twins : 1;
    for (unsigned c = 0; c < copies; c++) {
      const as_block *x = b->num_ir_twins ? b->ir_twins[c] : w;
      for (unsigned k = 0; k < b->num_operands && k < x->num_operands; k++)
        if (x->operands[k].range.truncated) b->operands[k].range.truncated = true;
    }
  }
  return 0;
}

/* ---- old C ------------------------------------------------------------- */

/* Errors of clang's newer strictness that GCC before 14 only warns about:
 * old C that calls undeclared functions, leaves out `int`, mixes integers
 * and pointers, defines functions K&R style.  A file whose errors include them is parsed again with
 * them as warnings (-Wno-error=<group>), so that it is analyzed as GCC
 * compiles it; a file with other errors still does not compile. */
static const struct old_c_error {
  const char *group; /* the warning group, as in -W<group> */
  const char *what;  /* for the note */
} old_c_errors[] = {
    {"implicit-function-declaration", "implicit function declarations"},
    {"implicit-int", "implicit int"},
    {"int-conversion", "conversions between integers and pointers"},
    {"incompatible-pointer-types", "incompatible pointer types"},
    {"incompatible-function-pointer-types", "incompatible function pointer types"},
    {"return-mismatch", "return statements that do not match the function's type"},
    /* an error only under the user's -Werror */
    {"deprecated-non-prototype", "function definitions without prototypes"},
};
#define NUM_OLD_C_ERRORS (sizeof old_c_errors / sizeof old_c_errors[0])

/* The bit of old_c_errors that diagnostic d belongs to, or 0. */
static unsigned old_c_bit(CXDiagnostic d) {
  CXString option = clang_getDiagnosticOption(d, NULL);
  const char *o = clang_getCString(option);
  unsigned bit = 0;
  if (o && !strncmp(o, "-W", 2))
    for (size_t i = 0; i < NUM_OLD_C_ERRORS; i++)
      if (!strcmp(o + 2, old_c_errors[i].group)) bit = 1u << i;
  clang_disposeString(option);
  return bit;
}

/* The one-line note for a file analyzed as old C: which of old_c_errors
 * (bits) clang reported. */
static const char *old_c_note(as_arena *arena, const char *path, unsigned bits) {
  as_strbuf what;
  as_strbuf_init(&what, arena);
  for (size_t i = 0; i < NUM_OLD_C_ERRORS; i++)
    if (bits & (1u << i)) as_strbuf_printf(&what, "%s%s", what.length ? ", " : "", old_c_errors[i].what);
  return as_arena_printf(arena,
                         "'%s' is old C that clang rejects (%s): analyzed as GCC compiles it, "
                         "with those errors as warnings",
                         path, what.data);
}

/* ---- parsing ----------------------------------------------------------- */

static int parse(CXIndex index, const char *path, const char *const *args, unsigned num_args,
                 CXTranslationUnit *tu, char *err, size_t errlen) {
  enum CXErrorCode code = clang_parseTranslationUnit2(
      index, path, args, (int)num_args, NULL, 0,
      CXTranslationUnit_KeepGoing | CXTranslationUnit_DetailedPreprocessingRecord, tu);
  if (code == CXError_Success && *tu) return 0;
  const char *why = code == CXError_Crashed            ? "libclang crashed"
                    : code == CXError_InvalidArguments ? "invalid arguments"
                    : code == CXError_ASTReadError
                        ? "libclang could not build it; check the compiler arguments"
                        : "libclang failed";
  as_fe_error(err, errlen, "cannot parse '%s': %s", path, why);
  return -1;
}

/* Does tu have an error?  The first one is the one-line reason in err;
 * the old-C errors among them are added to *old_c. */
static bool first_error(CXTranslationUnit tu, const char *path, unsigned *old_c, char *err,
                        size_t errlen) {
  bool found = false;
  unsigned nd = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < nd; i++) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    bool error = sev == CXDiagnostic_Error || sev == CXDiagnostic_Fatal;
    if (error) *old_c |= old_c_bit(d);
    if (!found && error) {
      CXString s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn);
      as_fe_error(err, errlen, "'%s' does not compile: %s", path, clang_getCString(s));
      clang_disposeString(s);
      found = true;
    }
    clang_disposeDiagnostic(d);
  }
  return found;
}

/* ---- entry ------------------------------------------------------------- */

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;

static void global_init_once(void) {
  as_target_global_init();
  clang_disposeIndex(clang_createIndex(0, 0));
}

void as_frontend_global_init(void) { pthread_once(&global_once, global_init_once); }

/* clang_createIndex re-runs LLVM's target registration each time; after the
 * global set-up that only rewrites the same pointers, and the lock keeps two
 * threads from doing it at once. */
static CXIndex create_index(void) {
  as_frontend_global_init();
  pthread_mutex_lock(&index_lock);
  CXIndex index = clang_createIndex(0, 0);
  pthread_mutex_unlock(&index_lock);
  return index;
}

int as_frontend_c(as_arena *arena, const char *path,
                  const as_frontend_options *options, as_block_list *out,
                  char *err, size_t errlen) {
  static const as_frontend_options no_options;
  if (!options) options = &no_options;
  if (!path) {
    as_fe_error(err, errlen, "no input file");
    return -1;
  }
  FILE *probe = fopen(path, "r");
  if (!probe) {
    as_fe_error(err, errlen, "cannot open '%s': %s", path, strerror(errno));
    return -1;
  }
  fclose(probe);

  c_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.arena = arena;
  ctx.err = err;
  ctx.errlen = errlen;
  ctx.lang = language_of(path, options);
  ctx.dialect = AS_DIALECT_ATT;
  for (unsigned i = 0; i < options->num_cc_args; i++) {
    const char *a = options->cc_args[i];
    if (a && !strcmp(a, "-masm=intel")) ctx.dialect = AS_DIALECT_INTEL;
    if (a && !strcmp(a, "-working-directory") && i + 1 < options->num_cc_args)
      ctx.working_dir = options->cc_args[i + 1];
    else if (a && !strcmp(a, "-masm=att")) ctx.dialect = AS_DIALECT_ATT;
  }
  /* The compiler flags read for the target they build for: --target= of
   * asmstory, else the compiler's own (`f.c -- --target=riscv64-linux-gnu
   * -march=rv64gcv`). */
  const char *flags_triple = options->triple && *options->triple ? options->triple : NULL;
  for (unsigned i = 0; i < options->num_cc_args && !(options->triple && *options->triple); i++) {
    const char *a = options->cc_args[i];
    if (a && !strncmp(a, "--target=", 9)) flags_triple = a + 9;
    else if (a && !strcmp(a, "-target") && i + 1 < options->num_cc_args) flags_triple = options->cc_args[i + 1];
  }
  for (unsigned i = 0; i < options->num_cc_args; i++) /* -mno-red-zone, -mno-sse, ... */
    ctx.extra_flags |= as_target_flags_from_arg(flags_triple, options->cc_args[i]);

  unsigned num_args = 0;
  const char **args =
      as_arena_alloc(arena, sizeof *args * (options->num_cc_args + 2 + NUM_OLD_C_ERRORS));
  for (unsigned i = 0; i < options->num_cc_args; i++)
    if (options->cc_args[i]) args[num_args++] = options->cc_args[i];
  if (options->triple && *options->triple)
    args[num_args++] = as_arena_printf(arena, "--target=%s", options->triple);

  CXIndex index = create_index();
  CXTranslationUnit tu = NULL;
  if (parse(index, path, args, num_args, &tu, err, errlen) != 0) {
    clang_disposeIndex(index);
    return -1;
  }
  unsigned old_c = 0;
  bool compiles = !first_error(tu, path, &old_c, err, errlen);
  if (!compiles && old_c) {
    /* Old C: parsed again as GCC compiles it (the IR twin too). */
    clang_disposeTranslationUnit(tu);
    for (size_t i = 0; i < NUM_OLD_C_ERRORS; i++)
      args[num_args++] = as_arena_printf(arena, "-Wno-error=%s", old_c_errors[i].group);
    if (parse(index, path, args, num_args, &tu, err, errlen) != 0) {
      clang_disposeIndex(index);
      return -1;
    }
    compiles = !first_error(tu, path, &old_c, err, errlen);
    if (compiles) out->note = old_c_note(arena, path, old_c);
  }
  if (!compiles) {
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(index);
    return -1;
  }
  ctx.tu = tu;
  CXTargetInfo info = clang_getTranslationUnitTargetInfo(tu);
  if (info) {
    ctx.triple = take_string(arena, clang_TargetInfo_getTriple(info));
    int pw = clang_TargetInfo_getPointerWidth(info);
    ctx.pointer_bits = pw > 0 ? (unsigned)pw : 0;
    clang_TargetInfo_dispose(info);
  }
  if (options->triple && *options->triple && !ctx.triple)
    ctx.triple = as_arena_strdup(arena, options->triple);
  /* -march=armv8.2-a+sve: what the assembler must accept (the last wins). */
  for (unsigned i = 0; i < options->num_cc_args; i++) {
    const char *f = as_target_features_from_arg(arena, ctx.triple, options->cc_args[i]);
    if (f) ctx.target_features = f;
  }

  visit_scope top = {&ctx, NULL, false, false, false, 0};
  clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &top);
  clang_disposeTranslationUnit(tu);
  clang_disposeIndex(index);
  ctx.tu = NULL;
  if (ctx.failed) return -1;

  for (unsigned i = 0; i < ctx.blocks.count; i++) ctx.blocks.items[i]->id = i + 1;

  if (options->want_ir &&
      attach_ir_twins(&ctx, path, options, args, num_args, err, errlen) != 0)
    return -1;

  for (unsigned i = 0; i < ctx.blocks.count; i++)
    as_block_list_push(arena, out, ctx.blocks.items[i]);
  return 0;
}
