/* RISC-V (RV32 and RV64) as lib/target/arch.h asks for it: the register
 * model over MC's registers (x0-x31, f0-f31 in their _h/_f/_d views, v0-v31
 * and their groups), clobber names with their ABI aliases, and the psABI's
 * conventions (no red zone, no flags register, ecall with its number in a7). */
#include "riscv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool matches_triple(const char *triple) {
  return !strncmp(triple, "riscv32", 7) || !strncmp(triple, "riscv64", 7);
}

/* The psABI names of x0-x31 and f0-f31. */
static const char *const x_abi[32] = {"zero", "ra", "sp",  "gp",  "tp", "t0", "t1", "t2",
                                      "s0",   "s1", "a0",  "a1",  "a2", "a3", "a4", "a5",
                                      "a6",   "a7", "s2",  "s3",  "s4", "s5", "s6", "s7",
                                      "s8",   "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
static const char *const f_abi[32] = {"ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
                                      "fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
                                      "fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
                                      "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};

/* MC's names: x10, f10_f / f10_d / f10_h / f10_q, v8, v8m2, x10_x11. */
rv_file as_riscv_reg_file(const as_target *t, unsigned reg, unsigned *num) {
  const char *n = reg ? as_target_reg_name(t, reg) : NULL;
  char *end;
  if (!n || !n[0] || !n[1] || n[1] < '0' || n[1] > '9') return RV_NONE;
  unsigned long v = strtoul(n + 1, &end, 10);
  if (v > 31) return RV_NONE;
  *num = (unsigned)v;
  if (n[0] == 'x' && (!*end || end[0] == '_')) return RV_X;
  if (n[0] == 'f' && end[0] == '_' && end[1] && !end[2]) return RV_F;
  if (n[0] == 'v' && (!*end || end[0] == 'm')) return RV_V;
  return RV_NONE;
}

unsigned as_riscv_reg(const as_target *t, rv_file file, unsigned num) {
  char buf[16];
  snprintf(buf, sizeof buf, file == RV_X ? "x%u" : file == RV_F ? "f%u_d" : "v%u", num);
  return file == RV_NONE ? 0 : as_target_reg_lookup(t, buf);
}

/* v8m4 is v8-v11; x10_x11 is the pair (Zdinx, Zacas). */
unsigned as_riscv_expand(const as_target *t, unsigned reg, unsigned out[8]) {
  unsigned num = 0, k = 1, m;
  rv_file f = as_riscv_reg_file(t, reg, &num);
  const char *n = as_target_reg_name(t, reg);
  const char *suffix = strchr(n, f == RV_V ? 'm' : '_');
  if (f == RV_V && suffix && sscanf(suffix, "m%u", &m) == 1 && m <= 8) k = m;
  if (f == RV_X && suffix) k = 2;
  if (f == RV_NONE || num + k > 32) {
    out[0] = reg;
    return 1;
  }
  for (unsigned i = 0; i < k; i++) out[i] = as_riscv_reg(t, f, num + i);
  return k;
}

static unsigned reg_full(const as_target *t, unsigned reg) {
  unsigned num;
  rv_file f = as_riscv_reg_file(t, reg, &num);
  return f == RV_NONE ? reg : as_riscv_reg(t, f, num);
}

/* MC's classes do not say XLEN (one table for RV32 and RV64); vector
 * registers are VLEN bits, at least 128 where V is enabled (Zvl128b). */
static unsigned reg_bits(const as_target *t, unsigned reg) {
  unsigned num;
  const char *n = as_target_reg_name(t, reg);
  switch (as_riscv_reg_file(t, reg, &num)) {
  case RV_X: return strchr(n, '_') ? (t->is64 ? 128 : 64) : t->is64 ? 64 : 32;
  case RV_F: {
    char v = strchr(n, '_')[1];
    return v == 'h' ? 16 : v == 'f' ? 32 : v == 'q' ? 128 : 64;
  }
  case RV_V: {
    unsigned out[8];
    return 128 * as_riscv_expand(t, reg, out);
  }
  default: return as_mc_reg_bits(t->mc, reg);
  }
}

static void init_target(as_target *t) {
  t->sp = as_target_reg_lookup(t, "x2");
  t->ip = 0;
  t->flags = 0; /* RISC-V has no status flags */
  t->df = 0;
}

/* A name as a clobber, a fixed operand ({a0}, {x10}, {fa0}, {f10}) or the
 * assembler writes it; 0 if none.  fcsr is frm and fflags together. */
static unsigned lookup_name(const as_target *t, const char *name) {
  unsigned num;
  char tail;
  for (unsigned i = 0; i < 32; i++) {
    if (!strcmp(name, x_abi[i])) return as_riscv_reg(t, RV_X, i);
    if (!strcmp(name, f_abi[i])) return as_riscv_reg(t, RV_F, i);
  }
  if (!strcmp(name, "fp")) return as_riscv_reg(t, RV_X, 8);
  if (!strcmp(name, "fcsr")) return as_target_reg_lookup(t, "fflags");
  if (sscanf(name, "x%u%c", &num, &tail) == 1 && num < 32) return as_riscv_reg(t, RV_X, num);
  if (sscanf(name, "f%u%c", &num, &tail) == 1 && num < 32) return as_riscv_reg(t, RV_F, num);
  if (sscanf(name, "v%u%c", &num, &tail) == 1 && num < 32) return as_riscv_reg(t, RV_V, num);
  static const char *const state[] = {"vl", "vtype", "vxrm", "vxsat", "frm", "fflags", NULL};
  for (unsigned i = 0; state[i]; i++)
    if (!strcmp(name, state[i])) return as_target_reg_lookup(t, name);
  return 0;
}

static unsigned clobber_reg(const as_target *t, const char *name) {
  while (*name == '%' || *name == '{' || *name == '~') name++;
  char buf[32];
  size_t n = strcspn(name, "}");
  if (n >= sizeof buf) return 0;
  memcpy(buf, name, n);
  buf[n] = '\0';
  return lookup_name(t, buf);
}

/* As GCC's clobbers and the assembler's ABI names spell them. */
static const char *reg_spelling(const as_target *t, unsigned reg, unsigned widest_sub) {
  (void)widest_sub;
  unsigned num;
  switch (as_riscv_reg_file(t, reg, &num)) {
  case RV_X: return x_abi[num];
  case RV_F: return f_abi[num];
  default: {
    const char *n = as_target_reg_name(t, reg);
    return n && *n ? n : "?";
  }
  }
}

static bool is_state(const as_target *t, unsigned reg) {
  unsigned num;
  return as_riscv_reg_file(t, reg, &num) == RV_NONE;
}

static bool reg_holds_data(const as_target *t, unsigned reg) {
  unsigned num;
  rv_file f = as_riscv_reg_file(t, reg, &num);
  return f != RV_NONE && !(f == RV_X && num == 0);
}

/* x0 (always zero), vl/vtype/vxrm/vxsat, frm/fflags: state the compiler
 * does not allocate. */
static bool reg_is_system(const as_target *t, unsigned reg) {
  unsigned num;
  return is_state(t, reg) || (as_riscv_reg_file(t, reg, &num) == RV_X && num == 0);
}

/* zero, sp, gp and tp are never given to an operand; vector registers hold
 * values only where the build enables V. */
static bool reg_allocatable(const as_target *t, const as_block *b, unsigned reg) {
  unsigned num;
  switch (as_riscv_reg_file(t, reg, &num)) {
  case RV_X: return num > 4;
  case RV_F: return true;
  case RV_V: return (b->flags & AS_RV_BF_VECTOR) != 0;
  default: return false;
  }
}

static unsigned reg_value_bits(const as_target *t, const as_block *b, unsigned reg) {
  if (!reg_allocatable(t, b, reg) && !reg_holds_data(t, reg)) return 0;
  unsigned num;
  if (as_riscv_reg_file(t, reg, &num) == RV_V && !(b->flags & AS_RV_BF_VECTOR)) return 0;
  return reg_bits(t, reg);
}

/* -march=rv64gcv, rv32imac_zve32x: the V extension (or an embedded Zve*). */
static bool march_has_vector(const char *isa) {
  if (strncmp(isa, "rv32", 4) && strncmp(isa, "rv64", 4)) return false;
  size_t base = strcspn(isa + 4, "_");
  if (memchr(isa + 4, 'v', base)) return true;
  return strstr(isa, "_zve") != NULL || strstr(isa, "_v") != NULL;
}

static unsigned flags_from_arg(const char *arg) {
  if (!strncmp(arg, "-march=", 7) && march_has_vector(arg + 7)) return AS_RV_BF_VECTOR;
  return 0;
}

static unsigned flags_from_feature(const char *feature) {
  if (!strcmp(feature, "+v") || !strncmp(feature, "+zve", 4)) return AS_RV_BF_VECTOR;
  return 0;
}

/* Every write of an x register defines all of it (RV64's W forms sign-extend);
 * a single-precision write NaN-boxes the f register's upper bits. */
static bool write_defines_whole(const as_target *t, unsigned sub) {
  unsigned num;
  rv_file f = as_riscv_reg_file(t, sub, &num);
  return f == RV_X || f == RV_F;
}

/* 0 general purpose, 1 floating point, 2 vector; -1 memory/immediate. */
static int operand_file(const as_constraint *c) {
  if (c->kinds & AS_CK_FIXED) {
    const char *n = c->fixed_reg;
    if (n[0] == 'v' && n[1] >= '0' && n[1] <= '9') return 2;
    if (n[0] == 'f' && strcmp(n, "fp")) return 1;
    return 0;
  }
  switch (c->reg_class) {
  case AS_RV_FPR: case AS_RV_FPR_C: return 1;
  case AS_RV_VR: case AS_RV_VM: case AS_RV_VD: return 2;
  default: break;
  }
  return (c->kinds & (AS_CK_REG | AS_CK_ANY | AS_CK_ADDRESS)) ? 0 : -1;
}

/* No class leaves upper bits undefined: the psABI keeps narrower integers
 * sign- or zero-extended to 32 bits and 32-bit values sign-extended to
 * XLEN in x registers; floats are NaN-boxed; vectors are lanes. */
static bool class_narrows(const as_constraint *c) {
  (void)c;
  return false;
}

/* The RISC-V psABI has no red zone. */
static unsigned red_zone(const as_target *t, const as_block *b) {
  (void)t;
  (void)b;
  return 0;
}

static bool read_live(const as_target *t, const as_insn *insn, const as_reg_use *use, bool known,
                      long long value) {
  (void)t, (void)insn, (void)known, (void)value;
  return !use->live_if;
}

/* Linux exit (93) and exit_group (94), by ecall with the number in a7. */
static bool syscall_never_returns(const as_target *t, const as_insn *insn, long long nr) {
  (void)t;
  return insn->syscall_nr_reg && (nr == 93 || nr == 94);
}

const as_arch as_arch_riscv = {
    .name = "riscv",
    .supported = "RISC-V (RV32 and RV64)",
    .matches_triple = matches_triple,
    .mc_features = true,
    .constraints = &as_riscv_constraints,
    .bind = as_riscv_bind_template,
    .alternatives = as_riscv_alternatives,
    .describe = as_riscv_describe_insns,
    .insn_text = as_insn_text_default,
    .init_target = init_target,
    .reg_full = reg_full,
    .reg_bits = reg_bits,
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
    .gnu_asm_clobbers_flags = true, /* there are no flags: "cc" means nothing */
    .flags_clobber = "cc",
    .red_zone = red_zone,
    .red_zone_name = "the stack below sp (RISC-V has no red zone)",
    .red_zone_advice = "move sp down first (addi sp, sp, -16)",
    .control_flag_fix = "",
    .private_label_prefix = ".L",
    .read_live = read_live,
    .syscall_never_returns = syscall_never_returns,
};
