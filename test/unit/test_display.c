/* Unit tests for operand labels: one notation per language, whatever form
 * the template came in. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/display.h"

static const char *label(as_lang lang, bool ir_form, const char *name) {
  static as_arena arena;
  static bool ready;
  if (!ready) {
    as_arena_init(&arena);
    ready = true;
  }
  static as_operand ops[2];
  static as_block b;
  memset(&b, 0, sizeof b);
  memset(ops, 0, sizeof ops);
  ops[1].expr_text = "a";
  ops[1].name = name;
  b.operands = ops;
  b.num_operands = 2;
  b.lang = lang;
  b.template_ir_form = ir_form;
  return as_operand_label(&arena, &b, 1);
}

static void c_operands_are_percent_n(void **state) {
  (void)state;
  assert_string_equal(label(AS_LANG_C, false, NULL), "%1 (`a`)");
  /* a template clang had to give in its IR form (a macro the front end could
   * not read) is still the source's %1, never $1 */
  assert_string_equal(label(AS_LANG_C, true, NULL), "%1 (`a`)");
  assert_string_equal(label(AS_LANG_CXX, true, NULL), "%1 (`a`)");
  assert_string_equal(label(AS_LANG_C, true, "x"), "%[x] (`a`)");
}

static void rust_and_ir(void **state) {
  (void)state;
  assert_string_equal(label(AS_LANG_RUST, true, NULL), "{1} (`a`)");
  assert_string_equal(label(AS_LANG_RUST, true, "x"), "{x} (`a`)");
  assert_string_equal(label(AS_LANG_IR, true, NULL), "$1 (`a`)");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(c_operands_are_percent_n),
      cmocka_unit_test(rust_and_ir),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
