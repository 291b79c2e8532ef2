/* Unit tests for the GNU and LLVM IR constraint parsers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "mutate.h"

#include <stdio.h>
#include <string.h>

#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/target.h"
#include "../../lib/target/x86/x86.h"

/* The x86 constraint letters (lib/target/x86/constraints.c). */
static const as_constraint_dialect *x86(void) {
  return as_target_constraint_dialect("x86_64-unknown-linux-gnu");
}


static char err[256];

static as_constraint gnu_ok(const char *text, bool is_output) {
  as_constraint c;
  err[0] = '\0';
  int rc = as_constraint_parse_gnu(x86(), text, is_output, &c, err, sizeof err);
  if (rc != 0) fprintf(stderr, "unexpected failure on '%s': %s\n", text, err);
  assert_int_equal(rc, 0);
  return c;
}

static void gnu_bad(const char *text, bool is_output, const char *needle) {
  as_constraint c;
  err[0] = '\0';
  int rc = as_constraint_parse_gnu(x86(), text, is_output, &c, err, sizeof err);
  if (rc == 0) fprintf(stderr, "unexpected success on '%s'\n", text);
  assert_int_equal(rc, -1);
  assert_true(strlen(err) > 0);
  assert_null(strchr(err, '\n'));
  if (needle && !strstr(err, needle)) {
    fprintf(stderr, "message for '%s' is '%s', wanted '%s'\n", text, err, needle);
    fail();
  }
}

/* ---- GNU: register classes ------------------------------------------------ */

static void check_class(const char *text, unsigned rc) {
  as_constraint c = gnu_ok(text, false);
  assert_int_equal(c.kinds, AS_CK_REG);
  assert_int_equal(c.reg_class, rc);
  assert_int_equal(c.flags, 0);
  assert_int_equal(c.tied_to, -1);
  assert_string_equal(c.letters, text);
  assert_string_equal(c.fixed_reg, "");
}

static void test_gnu_reg_classes(void **state) {
  (void)state;
  check_class("r", AS_RC_GPR);
  check_class("R", AS_RC_GPR);
  check_class("U", AS_RC_GPR);
  check_class("q", AS_RC_GPR_BYTE);
  check_class("Q", AS_RC_GPR_ABCD);
  check_class("l", AS_RC_GPR_INDEX);
  check_class("x", AS_RC_XMM);
  check_class("v", AS_RC_VEC_ANY);
  check_class("Yz", AS_RC_XMM0);
  check_class("Yk", AS_RC_MASK);
  check_class("k", AS_RC_MASK);
  check_class("y", AS_RC_MMX);
  check_class("f", AS_RC_X87);
  check_class("t", AS_RC_X87_TOP);
  check_class("u", AS_RC_X87_SECOND);
}

static void check_fixed(const char *text, const char *reg, const char *reg2) {
  as_constraint c = gnu_ok(text, false);
  assert_int_equal(c.kinds, AS_CK_FIXED);
  assert_string_equal(c.fixed_reg, reg);
  assert_string_equal(c.fixed_reg2, reg2);
  assert_int_equal(c.tied_to, -1);
}

static void test_gnu_fixed(void **state) {
  (void)state;
  check_fixed("a", "ax", "");
  check_fixed("b", "bx", "");
  check_fixed("c", "cx", "");
  check_fixed("d", "dx", "");
  check_fixed("S", "si", "");
  check_fixed("D", "di", "");
  check_fixed("A", "ax", "dx");
  check_fixed("{rax}", "rax", "");
  check_fixed("{RAX}", "rax", "");
  check_fixed("{xmm1}", "xmm1", "");
  as_constraint c = gnu_ok("{eax}", false);
  assert_string_equal(c.letters, "{eax}");
  c = gnu_ok("=a", true);
  assert_int_equal(c.flags, AS_CF_OUTPUT);
  assert_string_equal(c.fixed_reg, "ax");
}

static void check_kind(const char *text, unsigned kinds) {
  as_constraint c = gnu_ok(text, false);
  assert_int_equal(c.kinds, kinds);
  assert_int_equal(c.tied_to, -1);
}

static void test_gnu_mem_imm(void **state) {
  (void)state;
  const char *mem = "moV<>";
  for (const char *p = mem; *p; p++) {
    char t[2] = {*p, 0};
    check_kind(t, AS_CK_MEM);
  }
  const char *imm = "insIJKLMNOeZEFGH";
  for (const char *p = imm; *p; p++) {
    char t[2] = {*p, 0};
    check_kind(t, AS_CK_IMM);
  }
  check_kind("p", AS_CK_ADDRESS);
  check_kind("X", AS_CK_ANY);
  as_constraint c = gnu_ok("g", false);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_MEM | AS_CK_IMM | AS_CK_ANY);
  assert_int_equal(c.reg_class, AS_RC_GPR);
  c = gnu_ok("=m", true);
  assert_int_equal(c.kinds, AS_CK_MEM);
  assert_int_equal(c.reg_class, AS_RC_NONE);
}

static void test_gnu_modifiers(void **state) {
  (void)state;
  as_constraint c = gnu_ok("=r", true);
  assert_int_equal(c.flags, AS_CF_OUTPUT);
  assert_string_equal(c.letters, "r");
  c = gnu_ok("=&r", true);
  assert_int_equal(c.flags, AS_CF_OUTPUT | AS_CF_EARLY);
  assert_int_equal(c.kinds, AS_CK_REG);
  assert_int_equal(c.reg_class, AS_RC_GPR);
  assert_string_equal(c.letters, "r");
  c = gnu_ok("+r", true);
  assert_true(c.flags & AS_CF_INOUT);
  assert_true(c.flags & AS_CF_OUTPUT);
  assert_false(c.flags & AS_CF_EARLY);
  c = gnu_ok("+&q", true);
  assert_int_equal(c.flags, AS_CF_INOUT | AS_CF_OUTPUT | AS_CF_EARLY);
  assert_int_equal(c.reg_class, AS_RC_GPR_BYTE);
  c = gnu_ok("%r", false);
  assert_int_equal(c.flags, AS_CF_COMMUTATIVE);
  c = gnu_ok("=&x", true);
  assert_int_equal(c.reg_class, AS_RC_XMM);
  /* '&' after the letters is still early-clobber. */
  c = gnu_ok("=r&", true);
  assert_int_equal(c.flags, AS_CF_OUTPUT | AS_CF_EARLY);
}

static void test_gnu_alternatives(void **state) {
  (void)state;
  as_constraint c = gnu_ok("rm", false);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_MEM);
  assert_int_equal(c.reg_class, AS_RC_GPR);
  assert_int_equal(c.flags, 0);
  assert_string_equal(c.letters, "rm");
  c = gnu_ok("=rm", true);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_MEM);
  c = gnu_ok("ri", false);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_IMM);
  c = gnu_ok("qm", false);
  assert_int_equal(c.reg_class, AS_RC_GPR_BYTE);
  c = gnu_ok("=r,m", true);
  assert_int_equal(c.flags, AS_CF_OUTPUT | AS_CF_MULTI_ALT);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_MEM);
  assert_string_equal(c.letters, "r");
  c = gnu_ok("x,m,i", false);
  assert_int_equal(c.flags, AS_CF_MULTI_ALT);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_MEM | AS_CK_IMM);
  assert_int_equal(c.reg_class, AS_RC_XMM);
  assert_string_equal(c.letters, "x");
  c = gnu_ok("0,r", false);
  assert_int_equal(c.kinds, AS_CK_TIED | AS_CK_REG);
  assert_int_equal(c.tied_to, 0);
  assert_string_equal(c.letters, "0");
}

static void test_gnu_tied(void **state) {
  (void)state;
  as_constraint c = gnu_ok("0", false);
  assert_int_equal(c.kinds, AS_CK_TIED);
  assert_int_equal(c.tied_to, 0);
  assert_string_equal(c.tied_name, "");
  assert_string_equal(c.letters, "0");
  c = gnu_ok("3", false);
  assert_int_equal(c.tied_to, 3);
  c = gnu_ok("12", false);
  assert_int_equal(c.kinds, AS_CK_TIED);
  assert_int_equal(c.tied_to, 12);
  assert_string_equal(c.letters, "12");
  c = gnu_ok("[out]", false);
  assert_int_equal(c.kinds, AS_CK_TIED);
  assert_int_equal(c.tied_to, -1);
  assert_string_equal(c.tied_name, "out");
  assert_string_equal(c.letters, "[out]");
  c = gnu_ok("[my_val2]", false);
  assert_string_equal(c.tied_name, "my_val2");
  gnu_bad("0", true, "output");
  gnu_bad("=0", true, "output");
  gnu_bad("+12", true, NULL);
  gnu_bad("=[x]", true, NULL);
  gnu_bad("99999", false, "large");
}

static void test_gnu_flag_output(void **state) {
  (void)state;
  as_constraint c = gnu_ok("=@ccz", true);
  assert_int_equal(c.kinds, AS_CK_FIXED);
  assert_int_equal(c.flags, AS_CF_OUTPUT);
  assert_string_equal(c.fixed_reg, "flags");
  assert_string_equal(c.letters, "@ccz");
  assert_int_equal(c.tied_to, -1);
  c = gnu_ok("=@ccnbe", true);
  assert_string_equal(c.fixed_reg, "flags");
  assert_string_equal(c.letters, "@ccnbe");
  gnu_bad("=@ccq", true, "condition");
  gnu_bad("=@cc", true, NULL);
  gnu_bad("@ccz", false, NULL);
  gnu_bad("=@xx", true, NULL);
}

static void test_gnu_hints_whitespace(void **state) {
  (void)state;
  as_constraint c = gnu_ok(" = r ", true);
  assert_int_equal(c.flags, AS_CF_OUTPUT);
  assert_int_equal(c.kinds, AS_CK_REG);
  assert_string_equal(c.letters, "r");
  c = gnu_ok("*r", false);
  assert_int_equal(c.kinds, AS_CK_REG);
  assert_string_equal(c.letters, "r");
  c = gnu_ok("?r!m", false);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_MEM);
  c = gnu_ok("r#zzz,m", false);
  assert_int_equal(c.kinds, AS_CK_REG | AS_CK_MEM);
  assert_int_equal(c.flags, AS_CF_MULTI_ALT);
  assert_string_equal(c.letters, "r");
  c = gnu_ok("Ws", false);
  assert_int_equal(c.kinds, AS_CK_IMM);
}

static void test_gnu_errors(void **state) {
  (void)state;
  gnu_bad("", false, "empty");
  gnu_bad("   ", false, "empty");
  gnu_bad("r", true, "=");
  gnu_bad("m", true, NULL);
  gnu_bad("=r", false, "input");
  gnu_bad("+r", false, "input");
  gnu_bad("w", false, "'w'");
  gnu_bad("rj", false, "'j'");
  gnu_bad("Yq", false, "Yq");
  gnu_bad("Y", false, "'Y'");
  gnu_bad("[out", false, "unterminated");
  gnu_bad("{rax", false, "unterminated");
  gnu_bad("{}", false, NULL);
  gnu_bad("[]", false, NULL);
  gnu_bad("=", true, NULL);
  gnu_bad("=&", true, NULL);
  gnu_bad("r=", false, NULL);
  gnu_bad("{averyveryverylongregistername}", false, "long");
  gnu_bad("\x01", false, "0x01");
  /* A NULL err buffer is accepted. */
  as_constraint c;
  assert_int_equal(as_constraint_parse_gnu(x86(), "zz", false, &c, NULL, 0), -1);
  assert_int_equal(as_constraint_parse_gnu(x86(), NULL, false, &c, err, sizeof err), -1);
}

/* ---- IR ------------------------------------------------------------------ */

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

static as_constraint *ir_ok(const char *text, unsigned want) {
  as_constraint *items = NULL;
  unsigned n = 99;
  err[0] = '\0';
  int rc = as_constraint_parse_ir(&arena, x86(), text, &items, &n, err, sizeof err);
  if (rc != 0) fprintf(stderr, "unexpected failure on '%s': %s\n", text, err);
  assert_int_equal(rc, 0);
  assert_int_equal(n, want);
  return items;
}

static void ir_bad(const char *text, const char *needle) {
  as_constraint *items = NULL;
  unsigned n = 99;
  err[0] = '\0';
  int rc = as_constraint_parse_ir(&arena, x86(), text, &items, &n, err, sizeof err);
  if (rc == 0) fprintf(stderr, "unexpected success on '%s'\n", text);
  assert_int_equal(rc, -1);
  assert_true(strlen(err) > 0);
  assert_null(strchr(err, '\n'));
  assert_int_equal(n, 0);
  assert_null(items);
  if (needle && !strstr(err, needle)) {
    fprintf(stderr, "message for '%s' is '%s', wanted '%s'\n", text, err, needle);
    fail();
  }
}

static void check_clobber(const as_constraint *c, const char *name) {
  assert_int_equal(c->flags, AS_CF_CLOBBER);
  assert_int_equal(c->kinds, 0);
  assert_string_equal(c->fixed_reg, name);
  assert_int_equal(c->tied_to, -1);
}

static void test_ir_clang(void **state) {
  (void)state;
  as_constraint *c = ir_ok("=r,=&r,r,*m,0,~{memory},~{dirflag},~{fpsr},~{flags}", 9);
  assert_int_equal(c[0].flags, AS_CF_OUTPUT);
  assert_int_equal(c[0].kinds, AS_CK_REG);
  assert_int_equal(c[0].reg_class, AS_RC_GPR);
  assert_int_equal(c[0].tied_to, -1);
  assert_int_equal(c[1].flags, AS_CF_OUTPUT | AS_CF_EARLY);
  assert_int_equal(c[1].kinds, AS_CK_REG);
  assert_int_equal(c[2].flags, 0);
  assert_int_equal(c[2].kinds, AS_CK_REG);
  assert_int_equal(c[3].flags, AS_CF_INDIRECT);
  assert_int_equal(c[3].kinds, AS_CK_MEM);
  assert_int_equal(c[4].flags, 0);
  assert_int_equal(c[4].kinds, AS_CK_TIED);
  assert_int_equal(c[4].tied_to, 0);
  check_clobber(&c[5], "memory");
  check_clobber(&c[6], "dirflag");
  check_clobber(&c[7], "fpsr");
  check_clobber(&c[8], "flags");
}

static void test_ir_rustc(void **state) {
  (void)state;
  as_constraint *c = ir_ok("={ax},{cx},~{dirflag},~{fpsr},~{flags},~{memory}", 6);
  assert_int_equal(c[0].flags, AS_CF_OUTPUT);
  assert_int_equal(c[0].kinds, AS_CK_FIXED);
  assert_string_equal(c[0].fixed_reg, "ax");
  assert_string_equal(c[0].letters, "{ax}");
  assert_int_equal(c[1].flags, 0);
  assert_int_equal(c[1].kinds, AS_CK_FIXED);
  assert_string_equal(c[1].fixed_reg, "cx");
  check_clobber(&c[2], "dirflag");
  check_clobber(&c[3], "fpsr");
  check_clobber(&c[4], "flags");
  check_clobber(&c[5], "memory");

  c = ir_ok("=&r,r,r,~{memory}", 4);
  assert_int_equal(c[0].flags, AS_CF_OUTPUT | AS_CF_EARLY);
  assert_int_equal(c[1].flags, 0);
  assert_int_equal(c[2].kinds, AS_CK_REG);
  check_clobber(&c[3], "memory");

  c = ir_ok("*m", 1);
  assert_int_equal(c[0].flags, AS_CF_INDIRECT);
  assert_int_equal(c[0].kinds, AS_CK_MEM);
  c = ir_ok("=*m,r", 2);
  assert_int_equal(c[0].flags, AS_CF_OUTPUT | AS_CF_INDIRECT);
  assert_int_equal(c[0].kinds, AS_CK_MEM);
}

static void test_ir_misc(void **state) {
  (void)state;
  as_constraint *c = ir_ok("", 0);
  assert_null(c);
  c = ir_ok("={RAX},{xmm1},{st},~{RCX},~{cc},~{xmm0}", 6);
  assert_string_equal(c[0].fixed_reg, "rax");
  assert_string_equal(c[1].fixed_reg, "xmm1");
  assert_string_equal(c[2].fixed_reg, "st");
  check_clobber(&c[3], "rcx");
  check_clobber(&c[4], "cc");
  check_clobber(&c[5], "xmm0");

  c = ir_ok("=r,r|m,imr,10,!i", 5);
  assert_int_equal(c[1].flags, AS_CF_MULTI_ALT);
  assert_int_equal(c[1].kinds, AS_CK_REG | AS_CK_MEM);
  assert_string_equal(c[1].letters, "r");
  assert_int_equal(c[2].kinds, AS_CK_REG | AS_CK_MEM | AS_CK_IMM);
  assert_string_equal(c[2].letters, "imr");
  assert_int_equal(c[3].kinds, AS_CK_TIED);
  assert_int_equal(c[3].tied_to, 10);
  assert_int_equal(c[4].kinds, AS_CK_LABEL);

  c = ir_ok("=q,Q,x,v,n,i,^Yz,^Yk,A,X", 10);
  assert_int_equal(c[0].reg_class, AS_RC_GPR_BYTE);
  assert_int_equal(c[1].reg_class, AS_RC_GPR_ABCD);
  assert_int_equal(c[2].reg_class, AS_RC_XMM);
  assert_int_equal(c[3].reg_class, AS_RC_VEC_ANY);
  assert_int_equal(c[4].kinds, AS_CK_IMM);
  assert_int_equal(c[5].kinds, AS_CK_IMM);
  assert_int_equal(c[6].reg_class, AS_RC_XMM0);
  assert_string_equal(c[6].letters, "Yz");
  assert_int_equal(c[7].reg_class, AS_RC_MASK);
  assert_string_equal(c[8].fixed_reg, "ax");
  assert_string_equal(c[8].fixed_reg2, "dx");
  assert_int_equal(c[9].kinds, AS_CK_ANY);

  /* Flag outputs as clang emits them. */
  c = ir_ok("={@ccz},={@ccnae}", 2);
  assert_int_equal(c[0].kinds, AS_CK_FIXED);
  assert_string_equal(c[0].fixed_reg, "flags");
  assert_string_equal(c[0].letters, "@ccz");
  assert_string_equal(c[1].letters, "@ccnae");

  c = ir_ok("=&{ax},%r,={st(1)}", 3);
  assert_int_equal(c[0].flags, AS_CF_OUTPUT | AS_CF_EARLY);
  assert_int_equal(c[1].flags, AS_CF_COMMUTATIVE);
  assert_string_equal(c[2].fixed_reg, "st(1)");
}

static void test_ir_errors(void **state) {
  (void)state;
  ir_bad("r,,m", "empty");
  ir_bad(",r", "empty");
  ir_bad("r,", "empty");
  ir_bad("={ax", "unterminated");
  ir_bad("~{memory", "unterminated");
  ir_bad("~memory", "~");
  ir_bad("~", NULL);
  ir_bad("~{}", NULL);
  ir_bad("w", "'w'");
  ir_bad("=r,j", "'j'");
  ir_bad("=0", NULL);
  ir_bad("=", NULL);
  ir_bad("=*", NULL);
  ir_bad("&r", NULL);
  ir_bad("!x", NULL);
  ir_bad("r|", NULL);
  ir_bad("|r", NULL);
  ir_bad("^Y", NULL);
  ir_bad("^Yq", "Yq");
  ir_bad("r m", NULL);
  ir_bad("~{a}b", NULL);
  ir_bad("Y,r", "'Y'");
  ir_bad("999999", "large");
  ir_bad("={@ccq}", "condition");
  ir_bad("{averyveryverylongregistername}", "long");
}

/* ---- description ---------------------------------------------------------- */

static void test_describe(void **state) {
  (void)state;
  as_constraint c = gnu_ok("=&r", true);
  assert_string_equal(as_constraint_describe(&arena, &c), "output early-clobber register (gpr)");
  c = gnu_ok("m", false);
  assert_string_equal(as_constraint_describe(&arena, &c), "input memory");
  c = gnu_ok("0", false);
  assert_string_equal(as_constraint_describe(&arena, &c), "input tied to 0");
  c = gnu_ok("[x]", false);
  assert_string_equal(as_constraint_describe(&arena, &c), "input tied to [x]");
  c = gnu_ok("=a", true);
  assert_string_equal(as_constraint_describe(&arena, &c), "output fixed register ax");
  c = gnu_ok("+rm", true);
  assert_string_equal(as_constraint_describe(&arena, &c), "in-out register (gpr) or memory");
  c = gnu_ok("=@ccz", true);
  assert_string_equal(as_constraint_describe(&arena, &c), "output flags (condition z)");
  c = gnu_ok("A", false);
  assert_string_equal(as_constraint_describe(&arena, &c), "input fixed register pair dx:ax");
  c = gnu_ok("i", false);
  assert_string_equal(as_constraint_describe(&arena, &c), "input immediate");
  c = gnu_ok("X", false);
  assert_string_equal(as_constraint_describe(&arena, &c), "input anything");
  c = gnu_ok("g", false);
  assert_string_equal(as_constraint_describe(&arena, &c),
                      "input register (gpr) or memory or immediate");
  as_constraint *items = ir_ok("~{memory},*m,!i,={@ccz}", 4);
  assert_string_equal(as_constraint_describe(&arena, &items[0]), "clobber memory");
  assert_string_equal(as_constraint_describe(&arena, &items[1]), "input indirect memory");
  assert_string_equal(as_constraint_describe(&arena, &items[2]), "label");
  assert_string_equal(as_constraint_describe(&arena, &items[3]), "output flags (condition z)");
}

/* ---- robustness ------------------------------------------------------------ */

static const char *const gnu_samples[] = {
    "=&r", "+m", "0", "[out]", "rm", "=@ccz", "{rax}", "=r,m", "x,m,i", "12", "Yz",
    "=&{xmm1}", "g", "%r", "?r!m#c,m", "A", "+&q", "Ws", "[a_b]", "=@ccnbe",
};

static const char *const ir_samples[] = {
    "=r,=&r,r,*m,0,~{memory},~{dirflag},~{fpsr},~{flags}",
    "={ax},{cx},~{dirflag},~{fpsr},~{flags},~{memory}",
    "=&r,r,r,~{memory}",
    "=*m,*m,r|m,^Yz,!i,={@ccz},10,{st(1)}",
};

/* A deterministic byte source (xorshift). */
static uint32_t rng_state = 2463534242u;
static uint32_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

static const char interesting[] = "=+&%*#?!,[]{}~|^@0123456789rmqQaAYzkgXiw \x01\xff";

static void try_gnu(const char *text) {
  as_constraint c;
  char e[128];
  e[0] = '\0';
  for (int out = 0; out < 2; out++) {
    int rc = as_constraint_parse_gnu(x86(), text, out != 0, &c, e, sizeof e);
    assert_true(rc == 0 || rc == -1);
    if (rc == -1) {
      assert_true(e[0] != '\0');
    } else {
      assert_true(c.kinds != 0);
      assert_true(c.tied_to >= -1);
      assert_true(memchr(c.letters, '\0', sizeof c.letters) != NULL);
      assert_true(memchr(c.fixed_reg, '\0', sizeof c.fixed_reg) != NULL);
      assert_true((c.kinds & AS_CK_TIED) || c.tied_to == -1);
    }
    /* A tiny error buffer must not overflow. */
    char small[4];
    rc = as_constraint_parse_gnu(x86(), text, out != 0, &c, small, sizeof small);
    assert_true(rc == 0 || rc == -1);
    if (rc == -1) assert_true(strlen(small) < sizeof small);
  }
}

static void try_ir(const char *text) {
  as_arena a;
  as_arena_init(&a);
  as_constraint *items = NULL;
  unsigned n = 0;
  char e[128];
  e[0] = '\0';
  int rc = as_constraint_parse_ir(&a, x86(), text, &items, &n, e, sizeof e);
  assert_true(rc == 0 || rc == -1);
  if (rc == -1) {
    assert_true(e[0] != '\0');
    assert_int_equal(n, 0);
  } else {
    /* One item per comma outside braces, plus one. */
    unsigned groups = text[0] ? 1 : 0;
    int depth = 0;
    for (const char *p = text; *p; p++) {
      if (*p == '{') depth = 1;
      else if (*p == '}') depth = 0;
      else if (*p == ',' && !depth) groups++;
    }
    assert_int_equal(n, groups);
    for (unsigned i = 0; i < n; i++) {
      assert_true(items[i].tied_to >= -1);
      assert_true(items[i].kinds != 0 || (items[i].flags & AS_CF_CLOBBER));
      (void)as_constraint_describe(&a, &items[i]);
    }
  }
  as_arena_free(&a);
}


static void test_robust_gnu(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof gnu_samples / sizeof gnu_samples[0]; i++)
    mutate_and_try(gnu_samples[i], try_gnu, interesting, rng, 'r');
  /* Purely random strings. */
  for (int round = 0; round < 2000; round++) {
    char buf[16];
    unsigned len = rng() % (sizeof buf);
    for (unsigned i = 0; i < len; i++)
      buf[i] = interesting[rng() % (sizeof interesting - 1)];
    buf[len] = '\0';
    try_gnu(buf);
  }
}

static void test_robust_ir(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof ir_samples / sizeof ir_samples[0]; i++)
    mutate_and_try(ir_samples[i], try_ir, interesting, rng, 'r');
  for (int round = 0; round < 2000; round++) {
    char buf[24];
    unsigned len = rng() % (sizeof buf);
    for (unsigned i = 0; i < len; i++)
      buf[i] = interesting[rng() % (sizeof interesting - 1)];
    buf[len] = '\0';
    try_ir(buf);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_gnu_reg_classes),
      cmocka_unit_test(test_gnu_fixed),
      cmocka_unit_test(test_gnu_mem_imm),
      cmocka_unit_test(test_gnu_modifiers),
      cmocka_unit_test(test_gnu_alternatives),
      cmocka_unit_test(test_gnu_tied),
      cmocka_unit_test(test_gnu_flag_output),
      cmocka_unit_test(test_gnu_hints_whitespace),
      cmocka_unit_test(test_gnu_errors),
      cmocka_unit_test(test_ir_clang),
      cmocka_unit_test(test_ir_rustc),
      cmocka_unit_test(test_ir_misc),
      cmocka_unit_test(test_ir_errors),
      cmocka_unit_test(test_describe),
      cmocka_unit_test(test_robust_gnu),
      cmocka_unit_test(test_robust_ir),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
