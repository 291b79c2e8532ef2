/* Unit tests for the template tokenizer (GNU and LLVM IR forms). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "mutate.h"

#include <stdio.h>
#include <string.h>

#include "asmstory/arena.h"
#include "asmstory/template.h"

static as_arena arena;
static char err[256];

static int setup(void **state) {
  (void)state;
  as_arena_init(&arena);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  as_arena_free(&arena);
  return 0;
}

static as_tpl_piece *tok(const char *text, bool ir, as_dialect d, unsigned want) {
  as_tpl_piece *p = NULL;
  unsigned n = 12345;
  err[0] = '\0';
  int rc = as_template_tokenize(&arena, text, ir, d, &p, &n, err, sizeof err);
  if (rc != 0) fprintf(stderr, "unexpected failure on '%s': %s\n", text, err);
  assert_int_equal(rc, 0);
  if (n != want) {
    fprintf(stderr, "'%s': %u pieces, wanted %u\n", text, n, want);
    for (unsigned i = 0; i < n; i++)
      fprintf(stderr, "  [%u] kind %d text '%s' operand %d\n", i, (int)p[i].kind,
              p[i].text ? p[i].text : "", p[i].operand);
  }
  assert_int_equal(n, want);
  return p;
}

static as_tpl_piece *gnu(const char *text, unsigned want) {
  return tok(text, false, AS_DIALECT_ATT, want);
}

static as_tpl_piece *ir(const char *text, unsigned want) {
  return tok(text, true, AS_DIALECT_ATT, want);
}

static void bad(const char *text, bool is_ir, const char *needle) {
  as_tpl_piece *p = NULL;
  unsigned n = 12345;
  err[0] = '\0';
  int rc = as_template_tokenize(&arena, text, is_ir, AS_DIALECT_ATT, &p, &n, err, sizeof err);
  if (rc == 0) fprintf(stderr, "unexpected success on '%s'\n", text);
  assert_int_equal(rc, -1);
  assert_true(strlen(err) > 0);
  assert_null(strchr(err, '\n'));
  assert_int_equal(n, 0);
  assert_null(p);
  if (needle && !strstr(err, needle)) {
    fprintf(stderr, "message for '%s' is '%s', wanted '%s'\n", text, err, needle);
    fail();
  }
}

static void check_text(const as_tpl_piece *p, const char *text, unsigned offset) {
  assert_int_equal(p->kind, AS_TPL_TEXT);
  assert_string_equal(p->text, text);
  assert_int_equal(p->offset, offset);
}

static void check_op(const as_tpl_piece *p, int operand, char modifier, unsigned offset) {
  assert_int_equal(p->kind, AS_TPL_OPERAND);
  assert_int_equal(p->operand, operand);
  assert_int_equal(p->modifier, modifier);
  assert_null(p->name);
  assert_int_equal(p->offset, offset);
}

/* ---- GNU ------------------------------------------------------------------- */

static void test_gnu_basic(void **state) {
  (void)state;
  as_tpl_piece *p = gnu("mov %1, %0", 4);
  check_text(&p[0], "mov ", 0);
  check_op(&p[1], 1, 0, 4);
  check_text(&p[2], ", ", 6);
  check_op(&p[3], 0, 0, 8);
  assert_int_equal(p[3].line, 1);
  assert_int_equal(p[3].column, 9);

  p = gnu("", 0);
  assert_null(p);
  p = gnu("nop", 1);
  check_text(&p[0], "nop", 0);
  assert_int_equal(p[0].line, 1);
  assert_int_equal(p[0].column, 1);

  p = gnu("%12", 1);
  check_op(&p[0], 12, 0, 0);
  p = gnu("%9999", 1);
  check_op(&p[0], 9999, 0, 0);
  p = gnu("%0%1", 2);
  check_op(&p[0], 0, 0, 0);
  check_op(&p[1], 1, 0, 2);
}

static void test_gnu_modifiers(void **state) {
  (void)state;
  as_tpl_piece *p = gnu("%k0 %w1 %b2 %h3 %q4", 9);
  check_op(&p[0], 0, 'k', 0);
  check_text(&p[1], " ", 3);
  check_op(&p[2], 1, 'w', 4);
  check_op(&p[4], 2, 'b', 8);
  check_op(&p[6], 3, 'h', 12);
  check_op(&p[8], 4, 'q', 16);
  const char *mods = "kwbhqcPalnHVxtgpz";
  for (const char *m = mods; *m; m++) {
    char text[8];
    snprintf(text, sizeof text, "%%%c17", *m);
    p = gnu(text, 1);
    check_op(&p[0], 17, *m, 0);
  }
  p = gnu("%l[done]", 1);
  assert_int_equal(p[0].kind, AS_TPL_OPERAND);
  assert_int_equal(p[0].modifier, 'l');
  assert_string_equal(p[0].name, "done");
}

static void test_gnu_named(void **state) {
  (void)state;
  as_tpl_piece *p = gnu("%[out]", 1);
  assert_int_equal(p[0].kind, AS_TPL_OPERAND);
  assert_int_equal(p[0].operand, -1);
  assert_string_equal(p[0].name, "out");
  assert_int_equal(p[0].modifier, 0);
  assert_int_equal(p[0].offset, 0);

  p = gnu("add %k[out], %[in_2]", 4);
  check_text(&p[0], "add ", 0);
  assert_int_equal(p[1].operand, -1);
  assert_string_equal(p[1].name, "out");
  assert_int_equal(p[1].modifier, 'k');
  assert_int_equal(p[1].offset, 4);
  check_text(&p[2], ", ", 11);
  assert_string_equal(p[3].name, "in_2");
  assert_int_equal(p[3].offset, 13);
}

static void test_gnu_escapes(void **state) {
  (void)state;
  as_tpl_piece *p = gnu("%%eax", 1);
  check_text(&p[0], "%eax", 0);
  p = gnu("movl %%eax, %0", 2);
  check_text(&p[0], "movl %eax, ", 0);
  check_op(&p[1], 0, 0, 12);
  p = gnu("vaddps %1, %2, %0%{%k3%}%{z%}", 9);
  check_text(&p[0], "vaddps ", 0);
  check_op(&p[1], 1, 0, 7);
  check_text(&p[2], ", ", 9);
  check_op(&p[3], 2, 0, 11);
  check_text(&p[4], ", ", 13);
  check_op(&p[5], 0, 0, 15);
  check_text(&p[6], "{", 17);
  check_op(&p[7], 3, 'k', 19);
  check_text(&p[8], "}{z}", 22);
  p = gnu("%{%k3%}%{z%}", 3);
  check_text(&p[0], "{", 0);
  check_op(&p[1], 3, 'k', 2);
  check_text(&p[2], "}{z}", 5);
  p = gnu("a%|b", 1);
  check_text(&p[0], "a|b", 0);
  /* '|' and '}' outside alternatives are plain text. */
  p = gnu("a|b}", 1);
  check_text(&p[0], "a|b}", 0);
}

static void test_gnu_unique(void **state) {
  (void)state;
  as_tpl_piece *p = gnu("1%=: jmp 1%=", 4);
  check_text(&p[0], "1", 0);
  assert_int_equal(p[1].kind, AS_TPL_UNIQUE);
  assert_int_equal(p[1].offset, 1);
  check_text(&p[2], ": jmp 1", 3);
  assert_int_equal(p[3].kind, AS_TPL_UNIQUE);
  assert_int_equal(p[3].offset, 10);
  p = gnu("%=", 1);
  assert_int_equal(p[0].kind, AS_TPL_UNIQUE);
}

static void test_gnu_dialects(void **state) {
  (void)state;
  as_tpl_piece *p = tok("{movl|mov} %0, %1", false, AS_DIALECT_ATT, 4);
  check_text(&p[0], "movl ", 1);
  check_op(&p[1], 0, 0, 11);
  check_text(&p[2], ", ", 13);
  check_op(&p[3], 1, 0, 15);

  p = tok("{movl|mov} %0, %1", false, AS_DIALECT_INTEL, 4);
  check_text(&p[0], "mov ", 6);
  check_op(&p[1], 0, 0, 11);

  p = tok("{movl %1, %0|mov %0, %1}", false, AS_DIALECT_ATT, 4);
  check_text(&p[0], "movl ", 1);
  check_op(&p[1], 1, 0, 6);
  check_op(&p[3], 0, 0, 10);
  p = tok("{movl %1, %0|mov %0, %1}", false, AS_DIALECT_INTEL, 4);
  check_text(&p[0], "mov ", 13);
  check_op(&p[1], 0, 0, 17);
  check_op(&p[3], 1, 0, 21);

  /* An architecture without dialect variants: braces and bars are text. */
  p = tok("push {r4, lr}", false, AS_DIALECT_NONE, 1);
  check_text(&p[0], "push {r4, lr}", 0);
  p = tok("{%0|%1}", false, AS_DIALECT_NONE, 5);
  check_text(&p[0], "{", 0);
  check_op(&p[1], 0, 0, 1);
  check_text(&p[2], "|", 3);
  check_op(&p[3], 1, 0, 4);
  check_text(&p[4], "}", 6);

  /* No '|': only AT&T gets the text. */
  p = tok("a{b}c", false, AS_DIALECT_ATT, 1);
  check_text(&p[0], "abc", 0);
  p = tok("a{b}c", false, AS_DIALECT_INTEL, 1);
  check_text(&p[0], "ac", 0);
  /* Escapes inside alternatives do not end them. */
  p = tok("{x%|y|z%}w}", false, AS_DIALECT_ATT, 1);
  check_text(&p[0], "x|y", 1);
  p = tok("{x%|y|z%}w}", false, AS_DIALECT_INTEL, 1);
  check_text(&p[0], "z}w", 6);
}

static void test_gnu_lines(void **state) {
  (void)state;
  as_tpl_piece *p = gnu("a\n\tb %0", 2);
  check_text(&p[0], "a\n\tb ", 0);
  assert_int_equal(p[0].line, 1);
  assert_int_equal(p[0].column, 1);
  check_op(&p[1], 0, 0, 5);
  assert_int_equal(p[1].line, 2);
  assert_int_equal(p[1].column, 4);

  p = gnu("x\n\ny %1\nzz %k2", 4);
  check_op(&p[1], 1, 0, 5);
  assert_int_equal(p[1].line, 3);
  assert_int_equal(p[1].column, 3);
  check_text(&p[2], "\nzz ", 7);
  assert_int_equal(p[2].line, 3);
  assert_int_equal(p[2].column, 5);
  check_op(&p[3], 2, 'k', 11);
  assert_int_equal(p[3].line, 4);
  assert_int_equal(p[3].column, 4);
}

static void test_gnu_errors(void **state) {
  (void)state;
  bad("mov %", false, "end");
  bad("%[out", false, "unterminated");
  bad("%k[out", false, "unterminated");
  bad("%[out\n]", false, "unterminated");
  bad("%[]", false, "empty");
  bad("%[a-b]", false, NULL);
  bad("%k", false, "%k");
  bad("%kx", false, "%k");
  bad("% 0", false, NULL);
  bad("%!", false, "'!'");
  bad("%\n", false, "0x0a");
  bad("%10000", false, "large");
  bad("%k99999999999999999999", false, "large");
  bad("{movl", false, "unterminated");
  bad("{a|b", false, "unterminated");
  bad("{a{b}|c}", false, "nested");
  /* The error names the line. */
  bad("nop\nmov %", false, "line 2");
  /* NULL err and tiny err are fine. */
  as_tpl_piece *p;
  unsigned n;
  assert_int_equal(as_template_tokenize(&arena, "%", false, AS_DIALECT_ATT, &p, &n, NULL, 0), -1);
  char small[5];
  assert_int_equal(
      as_template_tokenize(&arena, "%", false, AS_DIALECT_ATT, &p, &n, small, sizeof small), -1);
  assert_true(strlen(small) < sizeof small);
}

/* ---- IR -------------------------------------------------------------------- */

static void test_ir_basic(void **state) {
  (void)state;
  as_tpl_piece *p = ir("mov $1, $0", 4);
  check_text(&p[0], "mov ", 0);
  check_op(&p[1], 1, 0, 4);
  check_text(&p[2], ", ", 6);
  check_op(&p[3], 0, 0, 8);

  p = ir("${0:k}", 1);
  check_op(&p[0], 0, 'k', 0);
  p = ir("${12}", 1);
  check_op(&p[0], 12, 0, 0);
  p = ir("movl ${1:k}, ${0:w}", 4);
  check_op(&p[1], 1, 'k', 5);
  check_op(&p[3], 0, 'w', 13);
  p = ir("$$1", 1);
  check_text(&p[0], "$1", 0);
  p = ir("movl $$0x10, %eax", 1);
  check_text(&p[0], "movl $0x10, %eax", 0);
  p = ir("$10", 1);
  check_op(&p[0], 10, 0, 0);
  /* '%' and braces are plain text in IR form. */
  p = ir("%eax {%k1}", 1);
  check_text(&p[0], "%eax {%k1}", 0);
}

static void test_ir_specials(void **state) {
  (void)state;
  as_tpl_piece *p = ir("${:uid}", 1);
  assert_int_equal(p[0].kind, AS_TPL_UNIQUE);
  assert_int_equal(p[0].offset, 0);
  p = ir("${:comment} hi", 2);
  assert_int_equal(p[0].kind, AS_TPL_COMMENT);
  check_text(&p[1], " hi", 11);
  p = ir("jmp ${:private}foo${:uid}", 2);
  check_text(&p[0], "jmp .Lfoo", 0);
  assert_int_equal(p[1].kind, AS_TPL_UNIQUE);
  assert_int_equal(p[1].offset, 18);
  assert_int_equal(p[1].line, 1);
  assert_int_equal(p[1].column, 19);
}

static void test_ir_dialects(void **state) {
  (void)state;
  as_tpl_piece *p = tok("$(a$|b$)", true, AS_DIALECT_ATT, 1);
  check_text(&p[0], "a", 2);
  p = tok("$(a$|b$)", true, AS_DIALECT_INTEL, 1);
  check_text(&p[0], "b", 5);
  p = tok("$(movl $1, $0$|mov $0, $1$) ; x", true, AS_DIALECT_INTEL, 5);
  check_text(&p[0], "mov ", 15);
  check_op(&p[1], 0, 0, 19);
  check_text(&p[2], ", ", 21);
  check_op(&p[3], 1, 0, 23);
  check_text(&p[4], " ; x", 27);
  p = tok("$(movl $1, $0$|mov $0, $1$) ; x", true, AS_DIALECT_ATT, 5);
  check_text(&p[0], "movl ", 2);
  check_op(&p[1], 1, 0, 7);
  check_text(&p[4], " ; x", 27);
  /* '$|' and '$)' outside a variant print '|' and '}'. */
  p = ir("a$|b$)", 1);
  check_text(&p[0], "a|b}", 0);
}

static void test_ir_lines(void **state) {
  (void)state;
  as_tpl_piece *p = ir("a\n\tb $0", 2);
  check_op(&p[1], 0, 0, 5);
  assert_int_equal(p[1].line, 2);
  assert_int_equal(p[1].column, 4);
}

static void test_ir_errors(void **state) {
  (void)state;
  bad("mov $", true, "end");
  bad("$x", true, "'x'");
  bad("$ 1", true, NULL);
  bad("${0", true, "unterminated");
  bad("${:uid", true, "unterminated");
  bad("${}", true, NULL);
  bad("${:foo}", true, "foo");
  bad("${0:}", true, NULL);
  bad("${0:kk}", true, NULL);
  bad("${0:1}", true, NULL);
  bad("${a}", true, NULL);
  bad("$99999", true, "large");
  bad("$(a", true, "unterminated");
  bad("$(a$(b$)$)", true, "nested");
}

/* ---- robustness ------------------------------------------------------------ */

static uint32_t rng_state = 88172645u;
static uint32_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

static const char interesting[] = "%$[]{}|()=:0123456789kwbhqlxz \n\t\xff\x01";

static void try_one(const char *text, bool is_ir) {
  as_arena a;
  as_arena_init(&a);
  for (int d = 0; d < 2; d++) {
    as_tpl_piece *p = NULL;
    unsigned n = 0;
    char e[96];
    e[0] = '\0';
    int rc = as_template_tokenize(&a, text, is_ir, d ? AS_DIALECT_INTEL : AS_DIALECT_ATT, &p,
                                  &n, e, sizeof e);
    assert_true(rc == 0 || rc == -1);
    if (rc == -1) {
      assert_true(e[0] != '\0');
      assert_int_equal(n, 0);
      continue;
    }
    size_t len = strlen(text);
    unsigned last = 0;
    for (unsigned i = 0; i < n; i++) {
      assert_true(p[i].offset < len || (len == 0 && n == 0));
      assert_true(p[i].offset >= last);
      last = p[i].offset;
      assert_true(p[i].line >= 1);
      assert_true(p[i].column >= 1);
      if (p[i].kind == AS_TPL_TEXT) {
        assert_non_null(p[i].text);
        assert_true(p[i].text[0] != '\0');
        if (i > 0) assert_true(p[i - 1].kind != AS_TPL_TEXT); /* merged */
      }
      if (p[i].kind == AS_TPL_OPERAND) {
        assert_true(p[i].operand >= -1 && p[i].operand <= 9999);
        assert_true((p[i].operand == -1) == (p[i].name != NULL));
      }
    }
  }
  as_arena_free(&a);
}

static void try_gnu(const char *t) { try_one(t, false); }
static void try_ir(const char *t) { try_one(t, true); }


static void test_robust(void **state) {
  (void)state;
  static const char *const gnu_samples[] = {
      "mov %1, %0", "%k0 %w1 %b2 %h3 %q4", "add %k[out], %[in]", "%%eax %= %{%k1%}",
      "{movl %1, %0|mov %0, %1}\n\tnop", "1%=:\n\tjmp 1%=b",
  };
  static const char *const ir_samples[] = {
      "mov $1, $0", "${0:k} ${1} $$1 ${:uid} ${:comment} ${:private}",
      "$(movl $1, $0$|mov $0, $1$)\n\tnop", "a$|b$)",
  };
  for (size_t i = 0; i < sizeof gnu_samples / sizeof gnu_samples[0]; i++)
    mutate_and_try(gnu_samples[i], try_gnu, interesting, rng, '%');
  for (size_t i = 0; i < sizeof ir_samples / sizeof ir_samples[0]; i++)
    mutate_and_try(ir_samples[i], try_ir, interesting, rng, '%');
  for (int round = 0; round < 3000; round++) {
    char buf[20];
    unsigned len = rng() % (sizeof buf);
    for (unsigned i = 0; i < len; i++) buf[i] = interesting[rng() % (sizeof interesting - 1)];
    buf[len] = '\0';
    try_gnu(buf);
    try_ir(buf);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_gnu_basic),    cmocka_unit_test(test_gnu_modifiers),
      cmocka_unit_test(test_gnu_named),    cmocka_unit_test(test_gnu_escapes),
      cmocka_unit_test(test_gnu_unique),   cmocka_unit_test(test_gnu_dialects),
      cmocka_unit_test(test_gnu_lines),    cmocka_unit_test(test_gnu_errors),
      cmocka_unit_test(test_ir_basic),     cmocka_unit_test(test_ir_specials),
      cmocka_unit_test(test_ir_dialects),  cmocka_unit_test(test_ir_lines),
      cmocka_unit_test(test_ir_errors),    cmocka_unit_test(test_robust),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
