/* AArch64 as lib/target/arch.h asks for it: the register model (x0-x30 with
 * their w halves, v0-v31 with their q/d/s/h/b views, NZCV), clobber names,
 * the AAPCS64 stack (no red zone on ELF, 128 bytes on Darwin) and Linux's
 * system calls. */
#include "aarch64.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool matches_triple(const char *triple) {
  return !strncmp(triple, "aarch64", 7) || !strncmp(triple, "arm64", 5);
}

static const char *name_of(const as_target *t, unsigned reg) {
  const char *n = as_target_reg_name(t, reg);
  return n ? n : "?";
}

/* "x12" -> ('x', 12); false for anything else. */
static bool numbered(const char *n, char *prefix, unsigned *num) {
  if (!n[0] || !isdigit((unsigned char)n[1])) return false;
  char *end;
  unsigned long v = strtoul(n + 1, &end, 10);
  if (*end || v > 31) return false;
  *prefix = n[0];
  *num = (unsigned)v;
  return true;
}

unsigned as_a64_reg(const as_target *t, const char *name) {
  char buf[32];
  size_t n = strlen(name);
  if (n >= sizeof buf) return 0;
  for (size_t i = 0; i <= n; i++) buf[i] = (char)tolower((unsigned char)name[i]);
  char p;
  unsigned num;
  if (numbered(buf, &p, &num)) {
    /* GCC's and clang's rN are xN (register long r0 asm("r0"): the kernel's
     * arm-smccc.h) */
    if (p == 'r' && num <= 30) p = 'x', snprintf(buf, sizeof buf, "x%u", num);
    if (p == 'x' && num == 29) return as_target_reg_lookup(t, "fp");
    if (p == 'x' && num == 30) return as_target_reg_lookup(t, "lr");
    if (p == 'v') {
      snprintf(buf, sizeof buf, "q%u", num);
      return as_target_reg_lookup(t, buf);
    }
  }
  return as_target_reg_lookup(t, buf);
}

bool as_a64_is_gpr(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  char p;
  unsigned num;
  if (!strcmp(n, "fp") || !strcmp(n, "lr")) return true;
  return numbered(n, &p, &num) && (p == 'x' || p == 'w') && num <= 30;
}

static bool is_vector_name(const char *n) {
  char p;
  unsigned num;
  return numbered(n, &p, &num) && strchr("qdshbz", p);
}

int as_a64_reg_number(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  char p;
  unsigned num;
  if (!strcmp(n, "fp")) return 29;
  if (!strcmp(n, "lr")) return 30;
  return numbered(n, &p, &num) ? (int)num : -1;
}

unsigned as_a64_sub_reg(const as_target *t, unsigned full, unsigned bits) {
  int num = as_a64_reg_number(t, full);
  if (num < 0) return full;
  char buf[16];
  if (as_a64_is_gpr(t, full)) {
    snprintf(buf, sizeof buf, "%c%d", bits == 64 ? 'x' : 'w', num);
    return as_a64_reg(t, buf);
  }
  const char *p = bits >= 128 ? "q" : bits == 64 ? "d" : bits == 32 ? "s" : bits == 16 ? "h" : "b";
  snprintf(buf, sizeof buf, "%s%d", p, num);
  unsigned r = as_target_reg_lookup(t, buf);
  return r ? r : full;
}

/* The stack pointer, NZCV, and no instruction-pointer or direction-flag
 * register that an operand can name. */
static void init_target(as_target *t) {
  t->sp = as_target_reg_lookup(t, "sp");
  t->flags = as_target_reg_lookup(t, "nzcv");
  t->ip = 0;
  t->df = 0;
}

/* MC's widest super-registers are tuples (x0_x1 for casp, q0_q1_q2_q3 for
 * ld4): the architectural register is x for w, q for b/h/s/d (and the low
 * 128 bits of SVE's z), sp for wsp, xzr for wzr. */
static unsigned reg_full(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  char p;
  unsigned num;
  char buf[16];
  if (strchr(n, '_')) return reg; /* a tuple: describe.c splits it */
  if (!strcmp(n, "wsp")) return as_target_reg_lookup(t, "sp");
  if (!strcmp(n, "wzr")) return as_target_reg_lookup(t, "xzr");
  if (numbered(n, &p, &num)) {
    if (p == 'w' && num <= 30) {
      snprintf(buf, sizeof buf, "x%u", num);
      return as_a64_reg(t, buf);
    }
    if (strchr("bhsdz", p)) {
      snprintf(buf, sizeof buf, "q%u", num);
      return as_target_reg_lookup(t, buf);
    }
  }
  return reg;
}

/* GNU C and LLVM names: "x3", "w3" (the same register), "v7", "q7", "d7",
 * "s7", "fp" = x29, "lr" = x30, "sp", "cc" and "nzcv" (the flags), "ffr",
 * "p0".."p15"; "~{x3}" and "{v7}" as IR writes them. */
static unsigned clobber_reg(const as_target *t, const char *name) {
  while (*name == '%' || *name == '{' || *name == '~') name++;
  char buf[32];
  size_t n = strcspn(name, "}");
  if (n >= sizeof buf) return 0;
  memcpy(buf, name, n);
  buf[n] = '\0';
  if (!strcmp(buf, "cc")) return t->flags;
  unsigned r = as_a64_reg(t, buf);
  return r ? reg_full(t, r) : 0;
}

/* As GCC's clobbers and the assembler spell it: x29 and x30 (MC: fp, lr),
 * v3 for a vector register. */
static const char *reg_spelling(const as_target *t, unsigned reg, unsigned widest_sub) {
  (void)widest_sub;
  const char *n = name_of(t, reg);
  static const char *const gpr[] = {"x29", "x30"};
  if (!strcmp(n, "fp")) return gpr[0];
  if (!strcmp(n, "lr")) return gpr[1];
  char p;
  unsigned num;
  if (numbered(n, &p, &num) && p == 'q') {
    static const char *const v[] = {"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10",
                                    "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19", "v20",
                                    "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29", "v30",
                                    "v31"};
    return v[num];
  }
  return n;
}

static bool is_predicate(const char *n) {
  char p;
  unsigned num;
  return numbered(n, &p, &num) && p == 'p' && num <= 15;
}

static bool reg_holds_data(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  return as_a64_is_gpr(t, reg) || !strcmp(n, "sp") || is_vector_name(n) || is_predicate(n);
}

/* FPCR/FPSR, SVE's first-fault register and the vector-length pseudo
 * registers are control state no clobber rule is about. */
static bool reg_is_system(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  return !strcmp(n, "fpcr") || !strcmp(n, "fpsr") || !strcmp(n, "ffr") || !strcmp(n, "vg") ||
         !strcmp(n, "za") || !strncmp(n, "fpmr", 4);
}

/* Built with -mgeneral-regs-only (kernels), the compiler keeps nothing in
 * the vector registers. */
static bool reg_allocatable(const as_target *t, const as_block *b, unsigned reg) {
  if (!(b->flags & AS_BF_NO_VECTOR_REGS)) return true;
  return !is_vector_name(name_of(t, reg)) && !is_predicate(name_of(t, reg));
}

static unsigned reg_value_bits(const as_target *t, const as_block *b, unsigned reg) {
  if (!reg_allocatable(t, b, reg)) return 0;
  if (is_vector_name(name_of(t, reg))) return 128;
  return as_target_reg_bits(t, reg);
}

static unsigned flags_from_arg(const char *arg) {
  if (!strcmp(arg, "-mgeneral-regs-only")) return AS_BF_NO_VECTOR_REGS;
  if (!strcmp(arg, "-mno-red-zone")) return AS_BF_NO_RED_ZONE;
  return 0;
}

static unsigned flags_from_feature(const char *feature) {
  if (!strcmp(feature, "-neon") || !strcmp(feature, "-fp-armv8")) return AS_BF_NO_VECTOR_REGS;
  return 0;
}

/* A w write zero-extends into x; a scalar b/h/s/d write zeroes the rest
 * of the vector register. */
static bool write_defines_whole(const as_target *t, unsigned sub) {
  const char *n = name_of(t, sub);
  char p;
  unsigned num;
  return numbered(n, &p, &num) && strchr("wbhsd", p);
}

/* 0 general purpose, 1 vector, 2 SVE predicate; -1 memory/immediate. */
static int operand_file(const as_constraint *c) {
  if (c->kinds & AS_CK_FIXED) {
    const char *n = c->fixed_reg;
    char p;
    unsigned num;
    if (numbered(n, &p, &num) && strchr("vqdshbz", p)) return 1;
    if (is_predicate(n)) return 2;
    return 0;
  }
  switch (c->reg_class) {
  case AS_RC_A64_FP: case AS_RC_A64_FP_LOW16: case AS_RC_A64_FP_LOW8: return 1;
  case AS_RC_A64_PRED: return 2;
  default: break;
  }
  return (c->kinds & (AS_CK_REG | AS_CK_ANY | AS_CK_ADDRESS)) ? 0 : -1;
}

/* A narrower value in a vector register is a vector or scalar of its own
 * type: its lanes are not undefined upper bits. */
static bool class_narrows(const as_constraint *c) {
  if (c->kinds & AS_CK_FIXED) return operand_file(c) == 0;
  return operand_file(c) == 0;
}

/* AAPCS64 on ELF has no red zone; Darwin's arm64 ABI has 128 bytes. */
static unsigned red_zone(const as_target *t, const as_block *b) {
  const char *tr = b->triple ? b->triple : t->triple;
  bool darwin = strstr(tr, "apple") || strstr(tr, "darwin") || strstr(tr, "macos") || strstr(tr, "ios");
  return darwin && !(b->flags & AS_BF_NO_RED_ZONE) ? 128 : 0;
}

static bool read_live(const as_target *t, const as_insn *insn, const as_reg_use *use, bool known,
                      long long value) {
  (void)t, (void)insn, (void)known, (void)value;
  return !use->live_if;
}

/* Linux: svc #0 with the number in x8; exit 93, exit_group 94. */
static bool syscall_never_returns(const as_target *t, const as_insn *insn, long long nr) {
  if (!insn->syscall_nr_reg || !strstr(t->triple, "linux")) return false;
  return nr == 93 || nr == 94;
}

const as_arch as_arch_aarch64 = {
    .name = "aarch64",
    .supported = "AArch64",
    .matches_triple = matches_triple,
    .mc_features = true,
    .constraints = &as_a64_constraints,
    .init_target = init_target,
    .reg_full = reg_full,
    .bind = as_a64_bind_template,
    .alternatives = as_a64_alternatives,
    .describe = as_a64_describe_insns,
    .insn_text = as_a64_insn_text,
    .clobber_reg = clobber_reg,
    .reg_spelling = reg_spelling,
    .reg_holds_data = reg_holds_data,
    .reg_is_system = reg_is_system,
    .write_defines_whole = write_defines_whole,
    .reg_allocatable = reg_allocatable,
    .reg_value_bits = reg_value_bits,
    .reg_stack = NULL,
    .flags_from_arg = flags_from_arg,
    .flags_from_feature = flags_from_feature,
    .operand_file = operand_file,
    .class_narrows = class_narrows,
    .dialect_variants = false,
    .gnu_asm_clobbers_flags = false,
    .flags_clobber = "cc",
    .red_zone = red_zone,
    .red_zone_name = "the Darwin arm64 red zone",
    .red_zone_advice = "move the stack pointer down past the red zone first (sub sp, sp, #128)",
    .control_flag_fix = "",
    .private_label_prefix = ".L",
    .read_live = read_live,
    .syscall_never_returns = syscall_never_returns,
};
