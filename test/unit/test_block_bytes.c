#define _GNU_SOURCE /* memmem */
/* Unit tests for a block as bytes (as_block_key) and findings as bytes
 * (as_findings_write / as_findings_read): the key and the answer of the
 * plugin's record of analyses on disk. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/finding.h"

static as_arena arena;

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

/* "xchg %0, %1" with two register operands and a "cc" clobber. */
static as_block *sample(void) {
  as_block *b = as_arena_alloc(&arena, sizeof *b);
  b->id = 7;
  b->lang = AS_LANG_C;
  b->template_text = "xchg %0, %1";
  b->triple = "x86_64-unknown-linux-gnu";
  b->num_operands = 2;
  b->operands = as_arena_alloc(&arena, sizeof *b->operands * 2);
  for (unsigned i = 0; i < 2; i++) {
    as_operand *op = &b->operands[i];
    op->index = i;
    op->dir = i ? AS_DIR_IN : AS_DIR_INOUT;
    op->constraint_text = i ? "r" : "+r";
    op->tied_to = -1;
    op->constraint.tied_to = -1;
    op->width_bits = 64;
    op->expr_text = i ? "y" : "x";
    op->loc = (as_loc){"a.h", 3, 20 + i};
  }
  static const char *clobbers[] = {"cc"};
  b->clobbers = clobbers;
  b->num_clobbers = 1;
  b->flags = AS_BF_CC_CLOBBER;
  b->loc = (as_loc){"a.h", 3, 3};
  b->template_loc = (as_loc){"a.h", 3, 8};
  b->function = "swap";
  return b;
}

static as_strbuf key_of(const as_block *b) {
  as_strbuf key;
  as_strbuf_init(&key, &arena);
  assert_true(as_block_key(&key, b));
  return key;
}

static bool same_key(const as_block *a, const as_block *b) {
  as_strbuf ka = key_of(a), kb = key_of(b);
  return ka.length == kb.length && !memcmp(ka.data, kb.data, ka.length);
}

static void test_key_fields(void **state) {
  (void)state;
  as_block *a = sample(), *b = sample();
  assert_true(same_key(a, b));
  b->id = 99; /* no check reads the statement's number */
  assert_true(same_key(a, b));
  /* Every field that a check reads changes the key; a few of them: */
  b->flags |= AS_BF_NO_RED_ZONE;
  assert_false(same_key(a, b));
  b = sample();
  b->template_text = "xchg %1, %0";
  assert_false(same_key(a, b));
  b = sample();
  b->operands[1].width_bits = 32;
  assert_false(same_key(a, b));
  b = sample();
  b->operands[1].constraint_text = "m";
  assert_false(same_key(a, b));
  b = sample();
  b->target_features = "+avx";
  assert_false(same_key(a, b));
  b = sample();
  b->num_clobbers = 0;
  assert_false(same_key(a, b));
  b = sample();
  b->loc.file = "b.h";
  assert_false(same_key(a, b));
  /* Places in the statement's own file are written short, by content. */
  b = sample();
  b->operands[0].loc.file = "b.h";
  assert_false(same_key(a, b));
  char copy[] = "a.h";
  b = sample();
  b->operands[0].loc.file = copy;
  assert_true(same_key(a, b));
  b->operands[0].loc.line = 4;
  assert_false(same_key(a, b));
  /* A NULL string is not the empty one. */
  as_block *c = sample(), *d = sample();
  c->function = NULL;
  d->function = "";
  assert_false(same_key(c, d));
}

static void test_key_value_ids(void **state) {
  (void)state;
  /* Value ids are compared between one block's operands only: what the
   * key keeps is which operands share one, not the id itself. */
  as_block *a = sample(), *b = sample();
  a->operands[0].value_id = a->operands[1].value_id = 0x1000;
  b->operands[0].value_id = b->operands[1].value_id = 0x2000;
  assert_true(same_key(a, b));
  b->operands[1].value_id = 0x3000;
  assert_false(same_key(a, b));
  as_block *c = sample();
  c->operands[0].value_id = 0x4000; /* one id, no partner: not "none" either */
  assert_false(same_key(sample(), c));
}

static void test_key_refuses_ir_facts(void **state) {
  (void)state;
  as_block *b = sample();
  as_strbuf key;
  as_strbuf_init(&key, &arena);
  b->operands[0].facts.known = true;
  assert_false(as_block_key(&key, b));
  b = sample();
  b->operands[1].range.known = true;
  assert_false(as_block_key(&key, b));
  b = sample();
  b->ir_twin = sample();
  assert_false(as_block_key(&key, b));
}

static as_finding_list sample_findings(const as_block *b) {
  as_finding_list list = {NULL, 0, 0};
  as_finding *f = as_finding_add(&arena, &list, b, "clobber-missing", AS_SEV_WARNING, 1, 6,
                                 "the block changes %s", "rbx");
  as_finding_note(&arena, f, 1, 1, "`xchgq %%rbx, %%rax` writes rbx");
  as_finding_note(&arena, f, 0, 0, "a note about the statement");
  as_fixit *x = as_finding_fixit(&arena, f, "add \"rbx\" to the clobbers");
  x->clobber = "\"rbx\"";
  x->operand = -1;
  x->certain = true;
  as_fixit *y = as_finding_fixit(&arena, f, "make operand 1 early-clobber");
  y->operand = 1;
  y->constraint = "=&r";
  y->add_volatile = true;
  as_finding_add(&arena, &list, b, "unmodeled", AS_SEV_NOTE, 0, 0, "not modeled");
  return list;
}

static void test_findings_round_trip(void **state) {
  (void)state;
  as_block *b = sample(), *other = sample();
  as_finding_list in = sample_findings(b);
  as_strbuf bytes;
  as_strbuf_init(&bytes, &arena);
  assert_true(as_findings_write(&bytes, &in, b));
  as_finding_list out;
  assert_true(as_findings_read(&arena, bytes.data, bytes.length, other, &out));
  assert_int_equal(out.count, in.count);
  for (unsigned i = 0; i < in.count; i++) {
    const as_finding *p = &in.items[i], *q = &out.items[i];
    assert_string_equal(p->rule, q->rule);
    assert_ptr_equal(q->rule, as_rule_find(p->rule)->id);
    assert_ptr_equal(q->block, other);
    assert_int_equal(p->severity, q->severity);
    assert_string_equal(p->message, q->message);
    assert_int_equal(p->tpl_line, q->tpl_line);
    assert_int_equal(p->tpl_column, q->tpl_column);
    assert_int_equal(p->num_notes, q->num_notes);
    for (unsigned k = 0; k < p->num_notes; k++) {
      assert_int_equal(p->notes[k].tpl_line, q->notes[k].tpl_line);
      assert_int_equal(p->notes[k].tpl_column, q->notes[k].tpl_column);
      assert_string_equal(p->notes[k].text, q->notes[k].text);
    }
    assert_int_equal(p->num_fixits, q->num_fixits);
    for (unsigned k = 0; k < p->num_fixits; k++) {
      const as_fixit *x = &p->fixits[k], *y = &q->fixits[k];
      assert_string_equal(x->description, y->description);
      if (x->clobber) assert_string_equal(x->clobber, y->clobber);
      else assert_null(y->clobber);
      if (x->constraint) assert_string_equal(x->constraint, y->constraint);
      else assert_null(y->constraint);
      assert_int_equal(x->operand, y->operand);
      assert_int_equal(x->add_volatile, y->add_volatile);
      assert_int_equal(x->certain, y->certain);
    }
  }
  /* No findings is an answer too. */
  as_finding_list none = {NULL, 0, 0};
  as_strbuf empty;
  as_strbuf_init(&empty, &arena);
  assert_true(as_findings_write(&empty, &none, b));
  assert_true(as_findings_read(&arena, empty.data, empty.length, b, &out));
  assert_int_equal(out.count, 0);
}

static void test_findings_refused(void **state) {
  (void)state;
  as_block *b = sample();
  as_finding_list in = sample_findings(b);
  as_strbuf bytes;
  as_strbuf_init(&bytes, &arena);
  /* A finding about another block is not this block's answer. */
  assert_false(as_findings_write(&bytes, &in, sample()));
  as_strbuf_init(&bytes, &arena);
  assert_true(as_findings_write(&bytes, &in, b));
  as_finding_list out;
  /* Every truncation, and one byte more, is refused. */
  for (size_t cut = 0; cut < bytes.length; cut++)
    assert_false(as_findings_read(&arena, bytes.data, cut, b, &out));
  char *longer = as_arena_alloc(&arena, bytes.length + 1);
  memcpy(longer, bytes.data, bytes.length);
  assert_false(as_findings_read(&arena, longer, bytes.length + 1, b, &out));
  /* A rule the catalog does not know is refused. */
  char *renamed = as_arena_alloc(&arena, bytes.length);
  memcpy(renamed, bytes.data, bytes.length);
  char *at = memmem(renamed, bytes.length, "clobber-missing", 15);
  assert_non_null(at);
  at[0] = 'k';
  assert_false(as_findings_read(&arena, renamed, bytes.length, b, &out));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_key_fields, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_value_ids, setup, teardown),
      cmocka_unit_test_setup_teardown(test_key_refuses_ir_facts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_findings_round_trip, setup, teardown),
      cmocka_unit_test_setup_teardown(test_findings_refused, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
