/* 32-bit ARM (A32 and T32, A/R and M profiles) as lib/target/arch.h asks for
 * it: the register model, clobber names, constraint classes and the AAPCS
 * and Linux EABI conventions the generic layers need. */
#include "arm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool matches_triple(const char *triple) {
  return !strncmp(triple, "arm", 3) || !strncmp(triple, "thumb", 5);
}

static const char *name_of(const as_target *t, unsigned reg) {
  const char *n = as_target_reg_name(t, reg);
  return n ? n : "?";
}

bool as_arm_is_thumb(const as_target *t) { return !strncmp(t->triple, "thumb", 5); }

int as_arm_gpr_index(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  unsigned num;
  char end;
  if (!strcmp(n, "sp")) return 13;
  if (!strcmp(n, "lr")) return 14;
  if (!strcmp(n, "pc")) return 15;
  if (sscanf(n, "r%u%c", &num, &end) == 1 && num < 16) return (int)num;
  return -1;
}

bool as_arm_fp_reg(const as_target *t, unsigned reg, char *kind, unsigned *num) {
  const char *n = name_of(t, reg);
  char end;
  if ((n[0] == 's' || n[0] == 'd' || n[0] == 'q') && sscanf(n + 1, "%u%c", num, &end) == 1) {
    *kind = n[0];
    return true;
  }
  return false;
}

unsigned as_arm_reg(const as_target *t, char kind, unsigned num) {
  char buf[16];
  snprintf(buf, sizeof buf, "%c%u", kind, num);
  return as_target_reg_lookup(t, buf);
}

/* The architectural registers: r0-r15; q0-q15, each holding d(2n), d(2n+1)
 * and, for q0-q7, s(4n)..s(4n+3); the status registers as themselves (the
 * application status register is CPSR's flags).  MC's pair and tuple
 * registers (r0_r1, d0_d1) stand for their first register here; the
 * describer lists every register of a tuple. */
static unsigned reg_full(const as_target *t, unsigned reg) {
  if (!reg) return 0;
  char kind;
  unsigned num;
  const char *n = name_of(t, reg);
  if (as_arm_fp_reg(t, reg, &kind, &num)) {
    if (kind == 's') return as_arm_reg(t, 'q', num / 4);
    if (kind == 'd') return as_arm_reg(t, 'q', num / 2);
    return reg;
  }
  if (!strncmp(n, "apsr", 4)) return t->flags;
  const char *under = strchr(n, '_');
  if (under && (n[0] == 'r' || n[0] == 'd' || n[0] == 'q')) {
    char first[8];
    size_t len = (size_t)(under - n);
    if (len < sizeof first) {
      memcpy(first, n, len);
      first[len] = '\0';
      unsigned r = as_target_reg_lookup(t, first);
      if (r) return reg_full(t, r);
    }
  }
  return reg;
}

static void init_target(as_target *t) {
  t->sp = as_target_reg_lookup(t, "sp");
  t->ip = as_target_reg_lookup(t, "pc");
  t->flags = as_target_reg_lookup(t, "cpsr");
  t->df = 0;
}

/* "d8" is lanes 0-1 of q4, "s5" lane 1 of q1; a q register (or anything
 * else) is its whole register. */
static uint32_t clobber_lanes(const as_target *t, const char *name) {
  (void)t;
  while (*name == '%' || *name == '{' || *name == '~') name++;
  char kind = name[0];
  char *end = NULL;
  long num = (kind == 's' || kind == 'd') ? strtol(name + 1, &end, 10) : -1;
  if (num < 0 || !end || end == name + 1 || (*end && *end != '}')) return 0;
  if (kind == 's' && num < 32) return 1u << (num % 4);
  if (kind == 'd' && num < 32) return 3u << ((num % 2) * 2);
  return 0;
}

/* GCC's and LLVM's names: r0-r15 and their ABI aliases, s/d/q registers;
 * "~{r4}", "{q3}" as IR writes them. */
static unsigned clobber_reg(const as_target *t, const char *name) {
  while (*name == '%' || *name == '{' || *name == '~') name++;
  char buf[32];
  size_t n = strcspn(name, "}");
  if (n >= sizeof buf) return 0;
  memcpy(buf, name, n);
  buf[n] = '\0';
  static const char *const aliases[][2] = {{"a1", "r0"}, {"a2", "r1"}, {"a3", "r2"}, {"a4", "r3"},
                                           {"v1", "r4"}, {"v2", "r5"}, {"v3", "r6"}, {"v4", "r7"},
                                           {"v5", "r8"}, {"v6", "r9"}, {"v7", "r10"}, {"v8", "r11"},
                                           {"sb", "r9"}, {"sl", "r10"}, {"fp", "r11"}, {"ip", "r12"},
                                           {"r13", "sp"}, {"r14", "lr"}, {"r15", "pc"}};
  for (unsigned i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (!strcmp(buf, aliases[i][0])) {
      snprintf(buf, sizeof buf, "%s", aliases[i][1]);
      break;
    }
  if (!strcmp(buf, "cc") || !strcmp(buf, "apsr") || !strcmp(buf, "apsr_nzcv")) return t->flags;
  unsigned r = as_target_reg_lookup(t, buf);
  return r ? reg_full(t, r) : 0;
}

/* A q register as the block names it (d3 in VFP code, s5 in
 * single-precision code); general registers by their own name. */
static const char *reg_spelling(const as_target *t, unsigned reg, unsigned widest_sub) {
  if (widest_sub && reg_full(t, widest_sub) == reg) return name_of(t, widest_sub);
  return name_of(t, reg);
}

static bool reg_holds_data(const as_target *t, unsigned reg) {
  char kind;
  unsigned num;
  return (as_arm_gpr_index(t, reg) >= 0 && reg != t->ip) || as_arm_fp_reg(t, reg, &kind, &num);
}

/* Status and control state the clobber rules leave alone: the floating
 * point status and control register, the IT state, the program counter. */
static bool reg_is_system(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  return reg == t->ip || !strncmp(n, "fpscr", 5) || !strcmp(n, "itstate") || !strncmp(n, "fpexc", 5) ||
         !strncmp(n, "fpsid", 5) || !strcmp(n, "mvfr0") || !strcmp(n, "mvfr1") || !strcmp(n, "mvfr2") ||
         !strcmp(n, "fpinst") || !strcmp(n, "fpinst2") || !strcmp(n, "vpr");
}

/* Built with -mgeneral-regs-only or soft float (kernels, -mfloat-abi=soft
 * without an FPU), the compiler keeps nothing in the VFP/NEON registers. */
static bool reg_allocatable(const as_target *t, const as_block *b, unsigned reg) {
  char kind;
  unsigned num;
  if (!(b->flags & AS_BF_NO_VECTOR_REGS)) return true;
  return !as_arm_fp_reg(t, reg, &kind, &num);
}

static unsigned reg_value_bits(const as_target *t, const as_block *b, unsigned reg) {
  if (!reg_allocatable(t, b, reg)) return 0;
  return as_target_reg_bits(t, reg);
}

static unsigned flags_from_arg(const char *arg) {
  if (!strcmp(arg, "-mgeneral-regs-only") || !strcmp(arg, "-mfloat-abi=soft") || !strcmp(arg, "-msoft-float"))
    return AS_BF_NO_VECTOR_REGS;
  return 0;
}

static unsigned flags_from_feature(const char *feature) {
  if (!strcmp(feature, "+soft-float") || !strcmp(feature, "-fpregs")) return AS_BF_NO_VECTOR_REGS;
  return 0;
}

/* No write of a part defines a whole register: each s and d register is
 * its own value inside its q register. */
static bool write_defines_whole(const as_target *t, unsigned sub) {
  (void)t;
  (void)sub;
  return false;
}

/* 0 general purpose, 1 VFP/NEON; -1 memory and immediates. */
static int operand_file(const as_constraint *c) {
  if (c->kinds & AS_CK_FIXED) {
    const char *n = c->fixed_reg;
    return (n[0] == 's' || n[0] == 'd' || n[0] == 'q') && n[1] >= '0' && n[1] <= '9' ? 1 : 0;
  }
  switch (c->reg_class) {
  case AS_RC_ARM_VFP: case AS_RC_ARM_VFP16: case AS_RC_ARM_VFP8: return 1;
  default: break;
  }
  return (c->kinds & (AS_CK_REG | AS_CK_ANY | AS_CK_ADDRESS)) ? 0 : -1;
}

/* The floating-point classes take the register of the value's own width
 * (s for float, d for double): no upper bits left undefined. */
static bool class_narrows(const as_constraint *c) { return operand_file(c) != 1; }

/* AAPCS: no red zone; the stack below sp may be overwritten at any time
 * (signal handlers, interrupts). */
static unsigned red_zone(const as_target *t, const as_block *b) {
  (void)t;
  (void)b;
  return 0;
}

static bool read_live(const as_target *t, const as_insn *insn, const as_reg_use *use, bool known,
                      long long value) {
  (void)t;
  (void)insn;
  (void)known;
  (void)value;
  return !use->live_if;
}

/* Linux EABI (svc #0, number in r7): exit 1, exit_group 248. */
static bool syscall_never_returns(const as_target *t, const as_insn *insn, long long nr) {
  (void)t;
  return insn->syscall_nr_reg && (nr == 1 || nr == 248);
}

const as_arch as_arch_arm = {
    .name = "arm",
    .supported = "32-bit ARM (A32, Thumb)",
    .matches_triple = matches_triple,
    .mc_features = true,
    .constraints = &as_arm_constraints,
    .bind = as_arm_bind_template,
    .alternatives = as_arm_alternatives,
    .describe = as_arm_describe_insns,
    .insn_text = as_arm_insn_text,
    .init_target = init_target,
    .reg_full = reg_full,
    .clobber_reg = clobber_reg,
    .clobber_lanes = clobber_lanes,
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
    .red_zone_name = "the stack below sp",
    .red_zone_advice = "move sp down first (sub sp, sp, #N)",
    .control_flag_fix = "",
    .private_label_prefix = ".L",
    .read_live = read_live,
    .syscall_never_returns = syscall_never_returns,
};
