/* Template tokenizing: GNU source form (%0, %k0, %[name], %%, %=, {att|intel})
 * and LLVM IR form ($0, ${0:k}, $$, ${:uid}, ${:comment}, $(att$|intel$)). */
#ifndef ASMSTORY_TEMPLATE_H
#define ASMSTORY_TEMPLATE_H
#include <stdbool.h>
#include <stddef.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_tpl_kind {
  AS_TPL_TEXT,    /* literal text (escapes resolved, dialect chosen) */
  AS_TPL_OPERAND, /* a reference to an operand, maybe with a modifier */
  AS_TPL_UNIQUE,  /* %= / ${:uid}: a number unique to this asm instance */
  AS_TPL_COMMENT, /* ${:comment}: the assembler's comment string */
} as_tpl_kind;

typedef struct as_tpl_piece {
  as_tpl_kind kind;
  const char *text;   /* AS_TPL_TEXT: the text (NUL-terminated, arena) */
  int operand;        /* AS_TPL_OPERAND: operand number, -1 when by name */
  const char *name;   /* AS_TPL_OPERAND: %[name] reference, else NULL */
  char modifier;      /* 'k','w','b','h','q','c','P','a','l','n','H','V','x','t','g','p','z', 0 */
  unsigned offset;    /* byte offset in the template text */
  unsigned line;      /* 1-based line within the template */
  unsigned column;    /* 1-based column within that line */
} as_tpl_piece;

/* Splits a template into pieces.  ir_form selects the '$' syntax; dialect
 * chooses among {att|intel} alternatives.  Returns 0, or -1 with a one-line
 * reason in err (unterminated ${, bad modifier, bad operand number...). */
int as_template_tokenize(as_arena *arena, const char *text, bool ir_form,
                         as_dialect dialect, as_tpl_piece **pieces,
                         unsigned *count, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
