/* libFuzzer target: template tokenizing.  The input (up to its first NUL) is
 * tokenized in the GNU source form and the LLVM IR form, each for AT&T and
 * Intel.  Checks the tokenizer's promises: pieces in template order, each
 * inside the text, positions that agree with their offsets, text pieces
 * terminated, operand numbers within the limit or a name. */
#include "asmstory/template.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPECT(cond) \
  do {               \
    if (!(cond)) abort(); \
  } while (0)

static void check_pieces(const char *text, const as_tpl_piece *pieces, unsigned count) {
  size_t len = strlen(text);
  unsigned prev = 0;
  for (unsigned i = 0; i < count; i++) {
    const as_tpl_piece *p = &pieces[i];
    EXPECT(p->offset <= len);
    EXPECT(i == 0 || p->offset >= prev);
    prev = p->offset;
    /* line/column of the offset, counted again here */
    unsigned line = 1, column = 1;
    for (size_t k = 0; k < p->offset; k++) {
      if (text[k] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    EXPECT(p->line == line && p->column == column);
    switch (p->kind) {
    case AS_TPL_TEXT:
      EXPECT(p->text != NULL && p->text[0] != '\0');
      break;
    case AS_TPL_OPERAND:
      EXPECT(p->name ? (p->operand == -1 && p->name[0]) : (p->operand >= 0 && p->operand <= 9999));
      break;
    case AS_TPL_UNIQUE:
    case AS_TPL_COMMENT:
      break;
    default:
      abort();
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  as_arena arena;
  as_arena_init(&arena);
  for (int ir_form = 0; ir_form < 2; ir_form++) {
    for (int intel = 0; intel < 2; intel++) {
      as_tpl_piece *pieces = NULL;
      unsigned count = 0;
      char err[256];
      memset(err, 'x', sizeof err);
      as_dialect dialect = intel ? AS_DIALECT_INTEL : AS_DIALECT_ATT;
      int rc = as_template_tokenize(&arena, text, ir_form != 0, dialect, &pieces, &count, err,
                                    sizeof err);
      EXPECT(memchr(err, '\0', sizeof err));
      if (rc == 0) {
        EXPECT(count == 0 || pieces != NULL);
        check_pieces(text, pieces, count);
      } else {
        EXPECT(rc == -1 && err[0] != '\0' && pieces == NULL && count == 0);
      }
      char tiny[3];
      int again = as_template_tokenize(&arena, text, ir_form != 0, dialect, NULL, NULL, tiny,
                                       sizeof tiny);
      EXPECT(again == rc && memchr(tiny, '\0', sizeof tiny));
    }
  }
  as_arena_free(&arena);
  free(text);
  return 0;
}
