/* Unit tests of the instruction descriptions and the effects walk: blocks
 * built in C (no front end), decoded by LLVM MC, walked, summarized. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "asmstory/analyze.h"
#include "asmstory/effects.h"
#include "asmstory/target.h"

/* The x86 constraint letters (lib/target/x86/constraints.c). */
static const as_constraint_dialect *x86(void) {
  return as_target_constraint_dialect("x86_64-unknown-linux-gnu");
}


typedef struct fixture {
  as_arena arena;
  as_target_cache *cache;
  as_target *t;
  as_block block;
  as_decoded d;
  as_summary s;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  as_arena_init(&f->arena);
  f->cache = as_target_cache_create();
  char err[256];
  f->t = as_target_get(f->cache, "x86_64-unknown-linux-gnu", err, sizeof err);
  if (!f->t) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  as_target_cache_destroy(f->cache);
  as_arena_free(&f->arena);
  free(f);
  return 0;
}

/* Builds a C block: template, then (constraint, width) pairs; outputs first. */
static void make_block(fixture *f, const char *tpl, unsigned nout, const char *const *constraints,
                       const unsigned *widths, unsigned n) {
  memset(&f->block, 0, sizeof f->block);
  as_block *b = &f->block;
  b->lang = AS_LANG_C;
  b->template_text = tpl;
  b->triple = "x86_64-unknown-linux-gnu";
  b->flags = AS_BF_VOLATILE;
  b->operands = as_arena_alloc(&f->arena, sizeof *b->operands * (n + 1));
  b->num_operands = n;
  for (unsigned i = 0; i < n; i++) {
    as_operand *op = &b->operands[i];
    char err[128];
    op->index = i;
    op->constraint_text = constraints[i];
    assert_int_equal(as_constraint_parse_gnu(x86(), constraints[i], i < nout, &op->constraint, err, sizeof err), 0);
    op->dir = i >= nout ? AS_DIR_IN : (op->constraint.flags & AS_CF_INOUT) ? AS_DIR_INOUT : AS_DIR_OUT;
    op->tied_to = op->constraint.tied_to;
    op->early_clobber = (op->constraint.flags & AS_CF_EARLY) != 0;
    op->width_bits = widths[i];
  }
}

static void run(fixture *f) {
  char err[256];
  assert_int_equal(as_decode_block(f->t, &f->arena, &f->block, &f->d, err, sizeof err), 0);
  assert_int_equal(f->d.num_errors, 0);
  assert_int_equal(as_effects_compute(&f->arena, f->t, &f->block, &f->d, &f->s, err, sizeof err), 0);
  assert_true(f->s.converged);
}

static const as_reg_effect *reg(fixture *f, const char *name) {
  int k = as_summary_reg(&f->s, as_target_reg_full(f->t, as_target_reg_lookup(f->t, name)));
  return k >= 0 ? &f->s.regs[k] : NULL;
}

static void test_push_pop_restores(void **state) {
  fixture *f = *state;
  make_block(f, "sub $128, %%rsp\n\tpush %%rbx\n\tmov $1, %%ebx\n\tpop %%rbx\n\tadd $128, %%rsp", 0, NULL, NULL, 0);
  run(f);
  assert_non_null(reg(f, "rbx"));
  assert_int_equal(reg(f, "rbx")->first_write, 2);
  assert_false(reg(f, "rbx")->changed_at_exit);
  assert_true(f->s.sp_exit_known);
  assert_int_equal(f->s.sp_exit, 0);
  assert_int_equal(f->s.sp_min, -136);
}

static void test_xchg_and_mov_restore(void **state) {
  fixture *f = *state;
  make_block(f, "xchg %%rbx, %%r8\n\txchg %%rbx, %%r8\n\tmov %%r12, %%r9\n\tmov %%r9, %%r12", 0, NULL, NULL, 0);
  run(f);
  assert_false(reg(f, "rbx")->changed_at_exit);
  assert_false(reg(f, "r8")->changed_at_exit);
  assert_false(reg(f, "r12")->changed_at_exit);
  assert_true(reg(f, "r9")->changed_at_exit);
}

static void test_unbalanced_and_red_zone(void **state) {
  fixture *f = *state;
  make_block(f, "push %%rax", 0, NULL, NULL, 0);
  run(f);
  assert_true(f->s.sp_exit_known);
  assert_int_equal(f->s.sp_exit, -8);
  assert_true(f->s.uses_stack);
  assert_int_equal(f->s.num_accesses, 1);
  assert_true(f->s.accesses[0].stack);
  assert_true(f->s.accesses[0].stack_offset_known);
  assert_int_equal(f->s.accesses[0].stack_offset, -8);
}

static void test_symbolic_stack_adjustment(void **state) {
  fixture *f = *state;
  static const char *const c[] = {"r"};
  static const unsigned w[] = {64};
  make_block(f, "sub %0, %%rsp\n\tpush %%rax\n\tpop %%rax\n\tadd %0, %%rsp", 0, c, w, 1);
  run(f);
  assert_true(f->s.sp_exit_known);
  assert_int_equal(f->s.sp_exit, 0);
  assert_false(reg(f, "rax")->changed_at_exit);
}

static void test_early_clobber_evidence(void **state) {
  fixture *f = *state;
  static const char *const c[] = {"=r", "r", "r"};
  static const unsigned w[] = {32, 32, 32};
  make_block(f, "mov %1, %0\n\tadd %2, %0", 1, c, w, 3);
  run(f);
  assert_int_equal(f->s.num_early, 1);
  assert_int_equal(f->s.early[0].output, 0);
  assert_int_equal(f->s.early[0].input, 2);
  assert_int_equal(f->s.early[0].write_insn, 0);
  assert_int_equal(f->s.early[0].read_insn, 1);
  /* With '&' there is no evidence. */
  static const char *const c2[] = {"=&r", "r", "r"};
  make_block(f, "mov %1, %0\n\tadd %2, %0", 1, c2, w, 3);
  run(f);
  assert_int_equal(f->s.num_early, 0);
}

static void test_undefined_output_read(void **state) {
  fixture *f = *state;
  static const char *const c[] = {"=r", "r"};
  static const unsigned w[] = {32, 32};
  make_block(f, "add %1, %0", 1, c, w, 2);
  run(f);
  assert_int_equal(f->s.num_undefined, 1);
  assert_int_equal(f->s.undefined[0].kind, AS_USE_OUTPUT);
  assert_int_equal(f->s.undefined[0].operand, 0);
  /* A zero idiom defines the output. */
  make_block(f, "xor %0, %0\n\tadd %1, %0", 1, c, w, 2);
  run(f);
  assert_int_equal(f->s.num_undefined, 0);
}

static void test_flags_and_direction(void **state) {
  fixture *f = *state;
  make_block(f, "jz 1f\n\tstd\n1:", 0, NULL, NULL, 0);
  run(f);
  assert_int_equal(f->s.num_undefined, 1);
  assert_int_equal(f->s.undefined[0].kind, AS_USE_BRANCH);
  assert_true(f->s.df_may_be_set_at_exit);
  make_block(f, "sub $128, %%rsp\n\tpushf\n\tstd\n\tpopf\n\tadd $128, %%rsp", 0, NULL, NULL, 0);
  run(f);
  assert_false(f->s.df_may_be_set_at_exit);
  assert_int_equal(f->s.num_undefined, 0);
}

static void test_rep_string_access(void **state) {
  fixture *f = *state;
  static const char *const c[] = {"+D", "+S", "+c"};
  static const unsigned w[] = {64, 64, 64};
  make_block(f, "rep movsb", 3, c, w, 3);
  run(f);
  assert_int_equal(f->s.num_accesses, 2);
  for (unsigned i = 0; i < 2; i++) {
    assert_true(f->s.accesses[i].repeated);
    assert_true(f->s.accesses[i].pointer_operand == 0 || f->s.accesses[i].pointer_operand == 1);
  }
  assert_true(f->d.insns[0].rep);
}

static void test_loop_pointer_varies(void **state) {
  fixture *f = *state;
  static const char *const c[] = {"+r", "+r"};
  static const unsigned w[] = {64, 64};
  make_block(f, "1: movb $0, (%0)\n\tadd $1, %0\n\tdec %1\n\tjnz 1b", 2, c, w, 2);
  run(f);
  assert_int_equal(f->s.num_accesses, 1);
  assert_true(f->s.accesses[0].in_loop);
  assert_true(f->s.accesses[0].varies);
  assert_int_equal(f->s.accesses[0].pointer_operand, -1);
  assert_int_equal(f->s.accesses[0].derived_operand, 0);
}

static void test_rotation_restores(void **state) {
  fixture *f = *state;
  make_block(f, "rolq $3, %%rdi; rolq $13, %%rdi; rolq $61, %%rdi; rolq $51, %%rdi", 0, NULL, NULL, 0);
  run(f);
  assert_false(reg(f, "rdi")->changed_at_exit);
  make_block(f, "rolq $3, %%rdi", 0, NULL, NULL, 0);
  run(f);
  assert_true(reg(f, "rdi")->changed_at_exit);
}

/* The x87 stack: a push moves every value one position down, a pop up. */
static void test_reg_stack_push_pop(void **state) {
  fixture *f = *state;
  make_block(f, "fld1\n\tfld %%st(0)\n\tfaddp\n\tfstp %%st(0)", 0, NULL, NULL, 0);
  run(f);
  assert_true(f->s.reg_stack_used);
  assert_int_equal(f->s.reg_stack_exit_mode, AS_REG_STACK_EXIT_KNOWN);
  assert_int_equal(f->s.reg_stack_exit, 0);
  assert_int_equal(f->s.reg_stack_max, 2);
  for (int k = 0; k < 6; k++) assert_int_equal(f->s.reg_stack_exit_src[k], k);
  /* fpatan pops: everything below moves up one position */
  make_block(f, "fpatan", 0, NULL, NULL, 0);
  run(f);
  assert_int_equal(f->s.reg_stack_exit, -1);
  assert_int_equal(f->s.reg_stack_exit_src[0], -1);
  for (int k = 1; k < 7; k++) assert_int_equal(f->s.reg_stack_exit_src[k], k + 1);
  /* a push on one path only */
  make_block(f, "test %%eax, %%eax\n\tjz 1f\n\tfldz\n1:", 0, NULL, NULL, 0);
  run(f);
  assert_int_equal(f->s.reg_stack_exit_mode, AS_REG_STACK_EXIT_UNKNOWN);
  make_block(f, "fninit\n\tfld1", 0, NULL, NULL, 0);
  run(f);
  assert_int_equal(f->s.reg_stack_exit_mode, AS_REG_STACK_EXIT_EMPTIED);
  assert_int_equal(f->s.reg_stack_exit, 1);
}

/* A state save and its restore from the same memory give the values back. */
static void test_state_save_restore(void **state) {
  fixture *f = *state;
  static const char *const c[] = {"+m"};
  static const unsigned w[] = {4096};
  make_block(f, "fxsave %0\n\tfninit\n\tfld1\n\tpxor %%xmm3, %%xmm3\n\tfxrstor %0", 1, c, w, 1);
  run(f);
  assert_int_equal(f->s.reg_stack_exit_mode, AS_REG_STACK_EXIT_KNOWN);
  assert_int_equal(f->s.reg_stack_exit, 0);
  for (int k = 0; k < 8; k++) assert_int_equal(f->s.reg_stack_exit_src[k], k);
  assert_false(reg(f, "xmm3")->changed_at_exit);
  /* from memory it did not save: the stack is what the memory holds */
  make_block(f, "fxrstor %0", 1, c, w, 1);
  run(f);
  assert_int_equal(f->s.reg_stack_exit_mode, AS_REG_STACK_EXIT_UNKNOWN);
  assert_true(reg(f, "xmm3")->changed_at_exit);
}

/* vzeroupper keeps the low 128 bits of each ymm register. */
static void test_vzeroupper_keeps_low_bits(void **state) {
  fixture *f = *state;
  make_block(f, "vzeroupper", 0, NULL, NULL, 0);
  run(f);
  assert_true(reg(f, "ymm5")->changed_at_exit);
  assert_int_equal(reg(f, "ymm5")->kept_low_bits, 128);
  make_block(f, "vzeroall", 0, NULL, NULL, 0);
  run(f);
  assert_true(reg(f, "ymm5")->changed_at_exit);
  assert_int_equal(reg(f, "ymm5")->kept_low_bits, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_push_pop_restores),   cmocka_unit_test(test_xchg_and_mov_restore),
      cmocka_unit_test(test_unbalanced_and_red_zone), cmocka_unit_test(test_symbolic_stack_adjustment),
      cmocka_unit_test(test_early_clobber_evidence), cmocka_unit_test(test_undefined_output_read),
      cmocka_unit_test(test_flags_and_direction), cmocka_unit_test(test_rep_string_access),
      cmocka_unit_test(test_loop_pointer_varies), cmocka_unit_test(test_rotation_restores),
      cmocka_unit_test(test_reg_stack_push_pop), cmocka_unit_test(test_state_save_restore),
      cmocka_unit_test(test_vzeroupper_keeps_low_bits),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
