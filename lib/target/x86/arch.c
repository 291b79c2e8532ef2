/* x86 (x86-64 and i386) as lib/target/arch.h asks for it: the register
 * facts, constraint classes and ABI conventions the generic layers need. */
#include "../target_internal.h"
#include "x86.h"

#include <stdio.h>
#include <string.h>

static bool matches_triple(const char *triple) {
  return !strncmp(triple, "x86_64", 6) || !strncmp(triple, "i386", 4) ||
         !strncmp(triple, "i486", 4) || !strncmp(triple, "i586", 4) ||
         !strncmp(triple, "i686", 4) || !strncmp(triple, "amd64", 5);
}

static const char *name_of(const as_target *t, unsigned reg) {
  const char *n = as_target_reg_name(t, reg);
  return n ? n : "?";
}

/* "~{ax}", "%eax", "{xmm3}"; GNU C also names the a/b/c/d/si/di families
 * without a width ("ax" for eax/rax). */
static unsigned clobber_reg(const as_target *t, const char *name) {
  while (*name == '%' || *name == '{' || *name == '~') name++;
  char buf[32];
  size_t n = strcspn(name, "}");
  if (n >= sizeof buf) return 0;
  memcpy(buf, name, n);
  buf[n] = '\0';
  /* The x87 stack: GCC and LLVM name it "st" and "st(1)".."st(7)"; MC's
   * registers are st0..st7. */
  unsigned pos;
  char close;
  if (!strcmp(buf, "st")) return as_target_reg_lookup(t, "st0");
  if (sscanf(buf, "st(%u%c", &pos, &close) == 2 && close == ')' && pos < 8) {
    char st[8];
    snprintf(st, sizeof st, "st%u", pos);
    return as_target_reg_lookup(t, st);
  }
  unsigned r = as_target_reg_lookup(t, buf);
  if (!r) {
    char e[40];
    snprintf(e, sizeof e, "e%s", buf);
    r = as_target_reg_lookup(t, e);
  }
  return r ? as_target_reg_full(t, r) : 0;
}

/* MC reports the whole zmm family for a vector register: a reader expects
 * the register the template used (xmm3 in SSE code); others by their full
 * name (rcx for ecx, as GCC's clobbers take it). */
static const char *reg_spelling(const as_target *t, unsigned reg, unsigned widest_sub) {
  /* The x87 stack as the assembler and GCC's manual write it: st(1). */
  static const char *const st[] = {"st(0)", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)"};
  const char *n = name_of(t, reg);
  if (!strncmp(n, "st", 2) && n[2] >= '0' && n[2] <= '7' && !n[3]) return st[n[2] - '0'];
  if (as_target_reg_bits(t, reg) < 128 || !widest_sub) return name_of(t, reg);
  return name_of(t, widest_sub);
}

static bool reg_holds_data(const as_target *t, unsigned reg) {
  const char *n = as_target_reg_name(t, reg);
  if (!n) return true;
  /* general-purpose (not "es", "rip"), vector, mmx and mask registers */
  return as_x86_is_gpr(t, reg) || !strncmp(n, "xmm", 3) || !strncmp(n, "ymm", 3) ||
         !strncmp(n, "zmm", 3) || !strncmp(n, "mm", 2) || (n[0] == 'k' && n[1] >= '0' && n[1] <= '7');
}

static bool reg_is_system(const as_target *t, unsigned reg) {
  const char *n = name_of(t, reg);
  /* control and debug registers are system state, not compiler-allocated */
  if ((n[0] == 'c' || n[0] == 'd') && n[1] == 'r' && n[2] >= '0' && n[2] <= '9') return true;
  return !strncmp(n, "st", 2) || !strncmp(n, "fp", 2) || !strcmp(n, "mxcsr") || !strcmp(n, "fpcw") ||
         !strcmp(n, "fpsw") || !strncmp(n, "ssp", 3) || !strcmp(n, "df") || !strcmp(n, "rip") ||
         !strcmp(n, "eip") || !strcmp(n, "fs") || !strcmp(n, "gs") || !strcmp(n, "ds") ||
         !strcmp(n, "es") || !strcmp(n, "ss") || !strcmp(n, "cs");
}

/* Built with -mno-sse (kernels), the compiler keeps nothing in the vector
 * registers, whatever a block does to them between kernel_fpu_begin/end. */
static bool reg_allocatable(const as_target *t, const as_block *b, unsigned reg) {
  if (!(b->flags & AS_BF_NO_VECTOR_REGS)) return true;
  const char *n = name_of(t, reg);
  return strncmp(n, "xmm", 3) && strncmp(n, "ymm", 3) && strncmp(n, "zmm", 3);
}

/* The widest value the compiler keeps in a vector register: 128 bits in
 * SSE code, 256 with AVX, 512 with AVX-512F.  -march names the processor;
 * "native" is taken as AVX. */
static unsigned vector_width_of_cpu(const char *cpu) {
  static const char *const avx512[] = {"skylake-avx512", "cascadelake", "cooperlake", "cannonlake",
                                       "icelake", "tigerlake", "rocketlake", "sapphirerapids",
                                       "graniterapids", "emeraldrapids", "diamondrapids", "knl", "knm",
                                       "x86-64-v4", "znver4", "znver5", NULL};
  static const char *const avx[] = {"sandybridge", "ivybridge", "haswell", "broadwell", "skylake",
                                    "alderlake", "raptorlake", "meteorlake", "arrowlake", "lunarlake",
                                    "pantherlake", "gracemont", "sierraforest", "grandridge",
                                    "clearwaterforest", "x86-64-v3", "znver", "bdver", "btver2",
                                    "corei7-avx", "core-avx", "native", NULL};
  for (unsigned i = 0; avx512[i]; i++)
    if (!strncmp(cpu, avx512[i], strlen(avx512[i]))) return AS_BF_VECTOR_256 | AS_BF_VECTOR_512;
  for (unsigned i = 0; avx[i]; i++)
    if (!strncmp(cpu, avx[i], strlen(avx[i]))) return AS_BF_VECTOR_256;
  return 0;
}

static unsigned flags_from_arg(const char *arg) {
  if (!strcmp(arg, "-mno-red-zone") || !strcmp(arg, "-mcmodel=kernel")) return AS_BF_NO_RED_ZONE;
  if (!strcmp(arg, "-mno-sse")) return AS_BF_NO_VECTOR_REGS;
  if (!strcmp(arg, "-mgeneral-regs-only")) return AS_BF_NO_VECTOR_REGS | AS_BF_NO_REG_STACK;
  if (!strcmp(arg, "-mno-80387") || !strcmp(arg, "-mno-x87") || !strcmp(arg, "-msoft-float"))
    return AS_BF_NO_REG_STACK;
  if (!strncmp(arg, "-mavx512", 8)) return AS_BF_VECTOR_256 | AS_BF_VECTOR_512;
  if (!strcmp(arg, "-mavx") || !strcmp(arg, "-mavx2") || !strcmp(arg, "-mfma") || !strcmp(arg, "-mf16c"))
    return AS_BF_VECTOR_256;
  if (!strncmp(arg, "-march=", 7)) return vector_width_of_cpu(arg + 7);
  return 0;
}

/* Target features as clang writes them ("-sse", "+avx2"), on the command
 * line (FeaturesAsWritten) and in a function's "target-features". */
static unsigned flags_from_feature(const char *feature) {
  if (!strcmp(feature, "-sse")) return AS_BF_NO_VECTOR_REGS;
  if (!strcmp(feature, "+general-regs-only")) return AS_BF_NO_VECTOR_REGS | AS_BF_NO_REG_STACK;
  if (!strcmp(feature, "-x87") || !strcmp(feature, "+soft-float")) return AS_BF_NO_REG_STACK;
  if (!strcmp(feature, "+avx512f")) return AS_BF_VECTOR_256 | AS_BF_VECTOR_512;
  if (!strcmp(feature, "+avx") || !strcmp(feature, "+avx2")) return AS_BF_VECTOR_256;
  return 0;
}

static bool is_vector(const char *n) {
  return !strncmp(n, "xmm", 3) || !strncmp(n, "ymm", 3) || !strncmp(n, "zmm", 3);
}

static unsigned reg_value_bits(const as_target *t, const as_block *b, unsigned reg) {
  if (!reg_allocatable(t, b, reg)) return 0;
  unsigned bits = as_target_reg_bits(t, reg);
  if (as_x86_is_gpr(t, reg)) return t->is64 ? bits : bits > 32 ? 32 : bits;
  if (is_vector(name_of(t, reg))) {
    unsigned widest = (b->flags & AS_BF_VECTOR_512) ? 512 : (b->flags & AS_BF_VECTOR_256) ? 256 : 128;
    return bits < widest ? bits : widest;
  }
  return bits;
}

/* st0..st7: MC's x87 registers are the stack positions the instructions
 * name (st(i) is the i-th from the top). */
static unsigned reg_stack(const as_target *t, unsigned regs[8]) {
  for (unsigned i = 0; i < 8; i++) {
    char name[8];
    snprintf(name, sizeof name, "st%u", i);
    regs[i] = as_target_reg_lookup(t, name);
    if (!regs[i]) return 0;
  }
  return 8;
}

/* In 64-bit mode a 32-bit write to a general-purpose register zero-extends
 * into the whole register. */
static bool write_defines_whole(const as_target *t, unsigned sub) {
  unsigned full = as_target_reg_full(t, sub);
  return t->is64 && as_target_reg_bits(t, sub) == 32 && as_target_reg_bits(t, full) == 64 &&
         strchr("re", name_of(t, full)[0]);
}

/* 0 general purpose, 1 vector, 2 x87, 3 mmx, 4 mask; -1 memory/immediate. */
static int operand_file(const as_constraint *c) {
  if (c->kinds & AS_CK_FIXED) {
    const char *n = c->fixed_reg;
    if (!strncmp(n, "xmm", 3) || !strncmp(n, "ymm", 3) || !strncmp(n, "zmm", 3)) return 1;
    if (!strncmp(n, "st", 2)) return 2;
    if (!strncmp(n, "mm", 2)) return 3;
    if (n[0] == 'k' && n[1] >= '0' && n[1] <= '7') return 4;
    return 0;
  }
  switch (c->reg_class) {
  case AS_RC_XMM: case AS_RC_VEC_ANY: case AS_RC_XMM0: return 1;
  case AS_RC_X87: case AS_RC_X87_TOP: case AS_RC_X87_SECOND: return 2;
  case AS_RC_MMX: return 3;
  case AS_RC_MASK: return 4;
  default: break;
  }
  return (c->kinds & (AS_CK_REG | AS_CK_ANY | AS_CK_ADDRESS)) ? 0 : -1;
}

/* Does a value narrower than the register leave its upper bits undefined?
 * Not in vector registers (the type is the vector's), nor on the x87 stack,
 * where the compiler loads a float or double as an 80-bit extended value. */
static bool class_narrows(const as_constraint *c) {
  if ((c->kinds & AS_CK_FIXED) && !strncmp(c->fixed_reg, "st", 2)) return false; /* IR {st(1)} */
  return c->reg_class != AS_RC_XMM && c->reg_class != AS_RC_VEC_ANY && c->reg_class != AS_RC_X87 &&
         c->reg_class != AS_RC_X87_TOP && c->reg_class != AS_RC_X87_SECOND;
}

/* x86-64 System V: the 128 bytes below the stack pointer at entry may hold
 * the function's live data; i386, Windows and -mno-red-zone have none. */
static unsigned red_zone(const as_target *t, const as_block *b) {
  bool has = t->is64 && !(b->flags & AS_BF_NO_RED_ZONE) && (!b->triple || !strstr(b->triple, "windows"));
  return has ? 128 : 0;
}

/* cpuid leaves whose result depends on the sub-leaf in ecx. */
static bool read_live(const as_target *t, const as_insn *insn, const as_reg_use *use, bool known,
                      long long value) {
  (void)t;
  if (!use->live_if) return true;
  if (strcmp(insn->opcode, "CPUID") || !known) return false;
  static const long long leaves[] = {4, 7, 0xb, 0xd, 0xf, 0x10, 0x12, 0x14, 0x17, 0x18, 0x1d,
                                     0x1f, 0x20, 0x23, 0x24, 0x8000001d, 0x80000020};
  for (unsigned k = 0; k < sizeof leaves / sizeof leaves[0]; k++)
    if ((value & 0xffffffffLL) == leaves[k]) return true;
  return false;
}

/* Linux exit and exit_group: 60/231 by syscall, 1/252 by int $0x80. */
static bool syscall_never_returns(const as_target *t, const as_insn *insn, long long nr) {
  (void)t;
  if (!insn->syscall_nr_reg) return false;
  return !strcmp(insn->opcode, "SYSCALL") ? (nr == 60 || nr == 231) : (nr == 1 || nr == 252);
}

/* GCC and Clang take "st" for st(0), and reject "st(0)". */
static const char *const st_clobbers[] = {"st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)"};

const as_arch as_arch_x86 = {
    .name = "x86",
    .supported = "x86-64 and i386",
    .matches_triple = matches_triple,
    .constraints = &as_x86_constraints,
    .bind = as_x86_bind_template,
    .alternatives = as_x86_alternatives,
    .describe = as_x86_describe_insns,
    .insn_text = as_insn_text_default,
    .clobber_reg = clobber_reg,
    .reg_spelling = reg_spelling,
    .reg_holds_data = reg_holds_data,
    .reg_is_system = reg_is_system,
    .write_defines_whole = write_defines_whole,
    .reg_allocatable = reg_allocatable,
    .reg_value_bits = reg_value_bits,
    .reg_stack = reg_stack,
    .reg_stack_name = "the x87 register stack",
    .reg_stack_clobbers = st_clobbers,
    .reg_stack_values = "long double; on i386 without SSE, float and double too",
    .reg_stack_push_fix = "pop what the block pushes (fstp %st(0)), or declare it as an output (\"=t\", "
                          "\"=u\")",
    .reg_stack_pop_fix = "declare each value the block pops as an input in st(0), st(1), ... (\"t\", \"u\") "
                         "and clobber it",
    .flags_from_arg = flags_from_arg,
    .flags_from_feature = flags_from_feature,
    .operand_file = operand_file,
    .class_narrows = class_narrows,
    .dialect_variants = true,
    .gnu_asm_clobbers_flags = true,
    .flags_clobber = "flags",
    .red_zone = red_zone,
    .red_zone_name = "the x86-64 red zone",
    .red_zone_advice = "move the stack pointer down past the red zone first (sub $128, %rsp), or "
                       "build with -mno-red-zone",
    .control_flag_fix = "execute cld before the end of the block",
    .private_label_prefix = ".L",
    .read_live = read_live,
    .syscall_never_returns = syscall_never_returns,
};
