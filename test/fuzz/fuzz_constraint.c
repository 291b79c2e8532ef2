/* libFuzzer target: constraint parsing.  The input (up to its first NUL) is
 * parsed as a GNU output constraint, a GNU input constraint and a whole LLVM
 * IR constraint string; whatever is accepted is described again.  Checks
 * the parsers' promises: a result or a one-line reason, every string field
 * terminated, tied operand numbers within the parser's limit. */
#include "asmstory/block.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "asmstory/target.h"

/* The x86 constraint letters (lib/target/x86/constraints.c). */
static const as_constraint_dialect *x86(void) {
  return as_target_constraint_dialect("x86_64-unknown-linux-gnu");
}


#define EXPECT(cond) \
  do {               \
    if (!(cond)) abort(); \
  } while (0)

static void check_constraint(as_arena *arena, const as_constraint *c) {
  EXPECT(memchr(c->fixed_reg, '\0', sizeof c->fixed_reg));
  EXPECT(memchr(c->fixed_reg2, '\0', sizeof c->fixed_reg2));
  EXPECT(memchr(c->tied_name, '\0', sizeof c->tied_name));
  EXPECT(memchr(c->letters, '\0', sizeof c->letters));
  EXPECT(c->tied_to >= -1 && c->tied_to <= 9999);
  const char *text = as_constraint_describe(arena, c);
  EXPECT(text != NULL);
}

/* The reason is a terminated line of the buffer's size, non-empty on failure. */
static void check_error(int rc, const char *err, size_t errlen) {
  EXPECT(memchr(err, '\0', errlen));
  if (rc != 0) EXPECT(err[0] != '\0');
  else EXPECT(rc == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  as_arena arena;
  as_arena_init(&arena);

  for (int is_output = 0; is_output < 2; is_output++) {
    as_constraint c;
    char err[256];
    memset(err, 'x', sizeof err);
    int rc = as_constraint_parse_gnu(x86(), text, is_output != 0, &c, err, sizeof err);
    check_error(rc, err, sizeof err);
    check_constraint(&arena, &c); /* initialized even on failure */
    if (rc == 0) {
      EXPECT(((c.flags & AS_CF_OUTPUT) != 0) == (is_output != 0));
      EXPECT(c.kinds != 0);
    }
    /* A short error buffer is truncated, never overrun; no buffer at all. */
    char tiny[4];
    EXPECT(as_constraint_parse_gnu(x86(), text, is_output != 0, NULL, tiny, sizeof tiny) == rc);
    EXPECT(memchr(tiny, '\0', sizeof tiny));
    EXPECT(as_constraint_parse_gnu(x86(), text, is_output != 0, &c, NULL, 0) == rc);
  }

  as_constraint *items = NULL;
  unsigned count = 0;
  char err[256];
  int rc = as_constraint_parse_ir(&arena, x86(), text, &items, &count, err, sizeof err);
  check_error(rc, err, sizeof err);
  if (rc == 0) {
    EXPECT(count == 0 || items != NULL);
    for (unsigned i = 0; i < count; i++) check_constraint(&arena, &items[i]);
  } else {
    EXPECT(items == NULL && count == 0);
  }
  char tiny[4];
  EXPECT(as_constraint_parse_ir(&arena, x86(), text, NULL, NULL, tiny, sizeof tiny) == rc);

  as_arena_free(&arena);
  free(text);
  return 0;
}
