/* Describes each assembled AArch64 instruction in arch-neutral terms
 * (insn.h) from what LLVM MC says (operands, mayLoad/mayStore, implicit
 * registers), plus small tables keyed on MC opcode families for what MC
 * does not say: access sizes of pairs and register lists, writeback,
 * exclusives and atomics with their alignment, NZCV consumers, system
 * instructions, barriers and the Linux system call. */
#include "aarch64.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool starts(const char *s, const char *prefix) { return !strncmp(s, prefix, strlen(prefix)); }

static bool any_prefix(const char *s, const char *const *prefixes) {
  for (unsigned i = 0; prefixes[i]; i++)
    if (starts(s, prefixes[i])) return true;
  return false;
}

/* ---- tables keyed on MC opcode families -------------------------------- */

static const char *const exclusive_ops[] = {"LDXR", "LDAXR", "STXR", "STLXR", "LDXP", "LDAXP", "STXP",
                                            "STLXP", NULL};
static const char *const acq_rel_ops[] = {"LDAR", "STLR", "LDAPR", "LDLAR", "STLLR", "STLUR", "LDAPUR", NULL};
static const char *const lse_ops[] = {"CAS", "SWP", "LDADD", "LDCLR", "LDEOR", "LDSET", "LDSMAX", "LDSMIN",
                                      "LDUMAX", "LDUMIN", NULL};
/* Store-exclusives whose first operand is the status result. */
static const char *const status_ops[] = {"STXR", "STLXR", "STXP", "STLXP", NULL};
static const char *const pair_mnemonics[] = {"ldp", "stp", "ldnp", "stnp", "ldxp", "stxp", "ldaxp", "stlxp",
                                             "ldpsw", "ldiapp", "stilp", NULL};
static const char *const barrier_ops[] = {"DMB", "DSB", "ISB", "SB", "SSBB", "PSSBB", "CLREX", NULL};
static const char *const system_ops[] = {"SVC", "HVC", "SMC", "MSR", "SYS", "TLBI", "AT", "ERET", "DRPS",
                                         "HLT", "DCPS", NULL};
/* System registers whose value changes between reads: counters, random
 * numbers (op0:op1:CRn:CRm:op2 encodings as MC gives them). */
static const struct { const char *name; } nondet_sysregs[] = {
    {"cntvct_el0"}, {"cntpct_el0"}, {"cntvctss_el0"}, {"cntpctss_el0"}, {"pmccntr_el0"},
    {"pmevcntr"}, {"pmxevcntr_el0"}, {"rndr"}, {"rndrrs"}, {"cntv_tval_el0"}, {"cntp_tval_el0"}, {NULL}};

/* NZCV consumers whose result or decision depends on the flags. */
static const char *const flag_users[] = {"Bcc", "CSEL", "CSINC", "CSINV", "CSNEG", "ADC", "SBC", "CCMP",
                                         "CCMN", "FCSEL", "FCCMP", "BCcc", NULL};

/* ---- building one description ------------------------------------------ */

static void add_reg(const as_target *t, as_reg_use *list, unsigned *count, unsigned sub, bool implicit,
                    bool is_write) {
  for (unsigned i = 0; i < *count; i++)
    if (list[i].sub == sub) return;
  if (*count >= AS_MAX_REG_USES) return;
  as_reg_use *u = &list[(*count)++];
  memset(u, 0, sizeof *u);
  u->reg = as_target_reg_full(t, sub);
  u->sub = sub;
  u->bits = as_target_reg_bits(t, sub);
  u->implicit = implicit;
  if (is_write) u->whole = u->bits >= as_target_reg_bits(t, u->reg) || as_target_write_defines_whole(t, sub);
}

static void note_reg(const as_target *t, as_insn *insn, unsigned reg, bool implicit, bool write) {
  if (!reg) return;
  const char *n = as_target_reg_name(t, reg);
  if (!strcmp(n, "xzr") || !strcmp(n, "wzr")) return; /* reads 0, writes nothing */
  unsigned full = as_target_reg_full(t, reg);
  if (full == t->flags) {
    if (write) insn->flags_written = true;
    else insn->flags_read = true;
    return;
  }
  if (full == t->sp && write && !implicit) insn->sp_explicit_write = true;
  if (write) add_reg(t, insn->writes, &insn->num_writes, reg, implicit, true);
  else add_reg(t, insn->reads, &insn->num_reads, reg, implicit, false);
}

/* A register operand, or each register of a tuple (x0_x1, q0_q1_q2_q3). */
static void note_operand(const as_target *t, as_insn *insn, unsigned reg, bool write) {
  const char *n = as_target_reg_name(t, reg);
  if (!strchr(n, '_')) {
    note_reg(t, insn, reg, false, write);
    return;
  }
  char buf[64];
  snprintf(buf, sizeof buf, "%s", n);
  for (char *p = strtok(buf, "_"); p; p = strtok(NULL, "_")) note_reg(t, insn, as_a64_reg(t, p), false, write);
}

static as_mem_access *add_mem(as_insn *insn) {
  if (insn->num_mem >= AS_MAX_MEM) return NULL;
  as_mem_access *m = &insn->mem[insn->num_mem++];
  memset(m, 0, sizeof *m);
  m->scale = 1;
  m->align = 1;
  return m;
}

/* The addressing mode as MC prints it: "[base{, index|#imm}]{!}" and the
 * post-index ", #imm" or ", xN" after it. */
typedef struct address {
  bool found;
  unsigned base, index; /* full registers */
  long long disp;       /* bytes, applied before the access (offset, pre-index) */
  bool writeback;
  long long step;       /* what writeback adds to the base (known immediate) */
  bool step_known;
  unsigned shift;       /* index scaled by 1 << shift */
} address;

static unsigned reg_word(const as_target *t, const char **p) {
  while (**p == ' ') (*p)++;
  char name[16];
  size_t n = 0;
  while ((isalnum((unsigned char)(*p)[n]) || (*p)[n] == '_') && n + 1 < sizeof name) name[n] = (*p)[n], n++;
  name[n] = '\0';
  unsigned r = n ? as_a64_reg(t, name) : 0;
  if (r) *p += n;
  return r ? as_target_reg_full(t, r) : 0;
}

static address parse_address(const as_target *t, const char *text) {
  address a;
  memset(&a, 0, sizeof a);
  const char *p = strchr(text, '[');
  if (!p) return a;
  p++;
  a.base = reg_word(t, &p);
  a.found = a.base != 0;
  if (*p == ',') {
    p++;
    while (*p == ' ') p++;
    if (*p == '#') a.disp = strtoll(p + 1, NULL, 0);
    else a.index = reg_word(t, &p);
    const char *lsl = strstr(p, "#");
    if (a.index && lsl && lsl < strchr(p, ']')) a.shift = (unsigned)strtoul(lsl + 1, NULL, 0);
  }
  const char *close = strchr(p, ']');
  if (!close) return a;
  if (close[1] == '!') {
    a.writeback = true, a.step = a.disp, a.step_known = true;
  } else if (close[1] == ',') {
    const char *q = close + 2;
    while (*q == ' ') q++;
    a.writeback = true;
    if (*q == '#') a.step = strtoll(q + 1, NULL, 0), a.step_known = true;
  }
  return a;
}

/* The operand holding the data: the first register operand that is not the
 * writeback copy of the base (operand 0 when a later one is tied to it) nor
 * a store-exclusive's status result. */
static int data_operand(const as_mc_insn *mi, const as_target *t, const address *a) {
  unsigned first = 0;
  bool wb = false;
  for (unsigned i = 1; i < mi->num_ops; i++)
    if (mi->ops[i].tied_to == 0 && mi->ops[0].kind == AS_MCOP_REG &&
        as_target_reg_full(t, mi->ops[0].reg) == a->base)
      wb = true;
  if (wb || any_prefix(mi->opcode_name, status_ops)) first = 1;
  for (unsigned i = first; i < mi->num_ops; i++)
    if (mi->ops[i].kind == AS_MCOP_REG) return (int)i;
  return -1;
}

/* Bytes of one element of a register list's arrangement ("{ v0.s }[1]",
 * "{ v0.4s }"). */
static unsigned element_bytes(const char *text) {
  const char *p = strchr(text, '{');
  p = p ? strchr(p, '.') : NULL;
  if (!p) return 0;
  p++;
  while (isdigit((unsigned char)*p)) p++;
  switch (*p) {
  case 'b': return 1;
  case 'h': return 2;
  case 's': return 4;
  case 'd': return 8;
  case 'q': return 16;
  }
  return 0;
}

/* Access size: register lists (ld1-ld4/st1-st4, lanes and replicates),
 * pairs, byte/halfword/sign-extending forms, else the data register. */
static unsigned access_size(const as_target *t, const as_mc_insn *mi, const as_insn *insn, int data) {
  const char *mn = insn->mnemonic;
  unsigned reg_bytes = data >= 0 ? as_target_reg_bits(t, mi->ops[data].reg) / 8 : 0;
  size_t n = strlen(mn);
  if ((starts(mn, "ld") || starts(mn, "st")) && n >= 3 && mn[2] >= '1' && mn[2] <= '4') {
    if (strstr(insn->text, "}[") || mn[3] == 'r') return (unsigned)(mn[2] - '0') * element_bytes(insn->text);
    return reg_bytes;
  }
  for (unsigned i = 0; pair_mnemonics[i]; i++)
    if (!strcmp(mn, pair_mnemonics[i])) return 2 * (strcmp(mn, "ldpsw") ? reg_bytes : 4);
  if (n > 2 && !strcmp(mn + n - 2, "sw")) return 4;
  bool memory_family = starts(mn, "ld") || starts(mn, "st") || starts(mn, "cas") || starts(mn, "swp");
  if (memory_family && mn[n - 1] == 'b') return 1;
  if (memory_family && mn[n - 1] == 'h') return 2;
  return reg_bytes;
}

/* Pushes and pops: a pre-index store or a post-index load through sp of
 * one or two x registers, one 8-byte slot each (first register lowest). */
static void stack_slots(const as_target *t, const as_mc_insn *mi, as_insn *insn, int data, unsigned size) {
  unsigned regs = size / 8;
  if ((regs != 1 && regs != 2) || data < 0 || (unsigned)abs(insn->sp_delta) != size) return;
  for (unsigned k = 0; k < regs; k++) {
    unsigned r = mi->ops[data + (int)k].kind == AS_MCOP_REG ? mi->ops[data + (int)k].reg : 0;
    if (!r || !as_a64_is_gpr(t, r) || as_target_reg_bits(t, r) != 64) return;
  }
  if (regs == 1) return; /* one register: the generic push/pop */
  insn->stack_list[0] = as_target_reg_full(t, mi->ops[data + 1].reg);
  insn->stack_list[1] = as_target_reg_full(t, mi->ops[data].reg);
  insn->num_stack_list = 2;
}

/* A byte or halfword store, store-exclusive or atomic (strb, stlxrh, casb,
 * swph, ldaddb) uses only the low 8 or 16 bits of the general registers it
 * reads as data (the value stored, compared or combined); the address
 * registers are used whole. */
static void narrow_data_reads(const as_target *t, as_insn *insn, const as_mem_access *m) {
  if (!m->store || (m->size != 1 && m->size != 2)) return;
  for (unsigned i = 0; i < insn->num_reads; i++) {
    as_reg_use *u = &insn->reads[i];
    if (u->reg == m->base || u->reg == m->index || !as_a64_is_gpr(t, u->reg)) continue;
    if (u->bits > 8 * m->size) u->used_bits = 8 * m->size;
  }
}

/* The memory access of a load, store or atomic; sp writeback as a stack
 * pointer change; required alignment of exclusives and atomics. */
static void describe_memory(const as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn,
                            const address *a) {
  const char *op = mi->opcode_name;
  as_mem_access *m = add_mem(insn);
  if (!m) return;
  m->load = (mi->desc_flags & AS_MCD_MAY_LOAD) != 0;
  m->store = (mi->desc_flags & AS_MCD_MAY_STORE) != 0;
  if (any_prefix(op, status_ops)) m->load = false;
  else if (any_prefix(op, exclusive_ops)) m->store = false;
  if (!a->found) { /* ldr x0, =sym / ldr x0, label: a literal in the program */
    for (unsigned i = 0; i < mi->num_ops; i++)
      if (mi->ops[i].kind == AS_MCOP_EXPR) m->disp_symbol = mi->ops[i].symbol;
    m->rip_relative = true;
    m->size = mi->num_ops && mi->ops[0].kind == AS_MCOP_REG ? as_target_reg_bits(t, mi->ops[0].reg) / 8 : 0;
    return;
  }
  int data = data_operand(mi, t, a);
  m->base = a->base;
  m->index = a->index;
  m->scale = 1u << a->shift;
  m->disp = a->writeback && !strchr(insn->text, '!') ? 0 : a->disp;
  m->size = access_size(t, mi, insn, data);
  if (any_prefix(op, exclusive_ops) || any_prefix(op, acq_rel_ops) || any_prefix(op, lse_ops))
    m->align = m->size;
  if (any_prefix(op, exclusive_ops) || any_prefix(op, lse_ops)) insn->side_effects |= AS_SE_ATOMIC;
  if (a->base == t->sp && a->writeback && a->step_known) {
    insn->sp_delta = (int)a->step;
    m->stack = true;
    stack_slots(t, mi, insn, data, m->size);
  } else if (a->base == t->sp && a->writeback) {
    insn->unmodeled = "stack pointer writeback by a register";
  }
  if (!m->size && !insn->unmodeled)
    insn->unmodeled = as_arena_printf(arena, "%s: memory access of unknown size", insn->mnemonic);
  narrow_data_reads(t, insn, m);
}

/* A call given its arguments in registers (svc: x0-x5; smc/hvc under the
 * SMC Calling Convention: x1-x7) may read and write through any that
 * holds a pointer. */
static void call_arguments(const as_target *t, as_insn *insn, unsigned first, unsigned last) {
  for (unsigned r = first; r <= last; r++) {
    char name[8];
    snprintf(name, sizeof name, "x%u", r);
    as_mem_access *m = add_mem(insn);
    if (!m) return;
    m->base = as_target_reg_full(t, as_a64_reg(t, name));
    m->load = m->store = true;
    m->size = 1;
    m->size_at_least = true;
    m->if_pointer = true;
  }
}

static void note_named(const as_target *t, as_insn *insn, const char *name, bool write) {
  note_reg(t, insn, as_a64_reg(t, name), true, write);
}

/* svc #0 (Linux: number in x8, result in x0), smc and hvc (SMCCC: function
 * id in x0, results in x0-x3). */
static void monitor_calls(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  insn->side_effects |= AS_SE_SYSTEM;
  if (!strcmp(op, "SVC")) {
    if (strstr(t->triple, "linux") && mi->num_ops && mi->ops[0].kind == AS_MCOP_IMM && mi->ops[0].imm == 0) {
      note_named(t, insn, "x8", false);
      insn->syscall_nr_reg = as_target_reg_full(t, as_a64_reg(t, "x8"));
      note_named(t, insn, "x0", true);
      call_arguments(t, insn, 0, 5);
    } else {
      insn->unmodeled = "svc: a system call convention other than Linux's svc #0";
    }
    return;
  }
  note_named(t, insn, "x0", false);
  static const char *const results[] = {"x0", "x1", "x2", "x3"};
  for (unsigned k = 0; k < 4; k++) note_named(t, insn, results[k], true);
  call_arguments(t, insn, 1, 7);
}

/* The system register an mrs/msr names, as MC prints it (lower case). */
static const char *sysreg_name(as_arena *arena, const char *text, bool mrs) {
  const char *p = strchr(text, mrs ? ',' : ' ');
  if (!p) return "";
  p++;
  while (*p == ' ' || *p == '\t') p++;
  size_t n = mrs ? strlen(p) : strcspn(p, ",");
  char *s = as_arena_strndup(arena, p, n);
  for (char *q = s; *q; q++) *q = (char)tolower((unsigned char)*q);
  return s;
}

/* mrs: counters and random numbers change between reads; privileged
 * registers are system state; nzcv is the flags (a save).  msr: nzcv is a
 * restore of the flags, fpcr/fpsr the floating-point environment, the rest
 * system state. */
static void system_registers(as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  bool mrs = !strcmp(op, "MRS");
  const char *reg = sysreg_name(arena, insn->text, mrs);
  insn->flags_written = false; /* MC lists NZCV as a def of every mrs and msr #imm */
  if (mrs) {
    bool nondet = !strcmp(reg, "fpsr");
    for (unsigned k = 0; nondet_sysregs[k].name; k++) nondet |= starts(reg, nondet_sysregs[k].name);
    /* RNDR and RNDRRS report success in NZCV (0b0000, else 0b0100) */
    bool rng = !strcmp(reg, "rndr") || !strcmp(reg, "rndrrs") || !strcmp(reg, "s3_3_c2_c4_0") ||
               !strcmp(reg, "s3_3_c2_c4_1");
    nondet |= rng;
    if (rng) insn->flags_written = true;
    if (!strcmp(reg, "nzcv")) insn->flags_read = true;
    else if (nondet) insn->side_effects |= AS_SE_NONDET;
    else if (!strstr(reg, "_el0") && strcmp(reg, "fpcr") && strcmp(reg, "fpsr")) insn->side_effects |= AS_SE_SYSTEM;
    return;
  }
  if (!strcmp(op, "MSR") && !strcmp(reg, "nzcv")) insn->flags_written = true;
  else if (!strcmp(reg, "fpcr") || !strcmp(reg, "fpsr")) insn->side_effects |= AS_SE_FPENV;
  else insn->side_effects |= AS_SE_SYSTEM;
}

/* dc/ic/tlbi/at (SYS aliases): dc zva zeroes a block at the address;
 * other cache maintenance changes the cache state; the rest is system. */
static void sys_aliases(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *mn = insn->mnemonic;
  unsigned addr = 0;
  for (unsigned i = 0; i < mi->num_ops; i++)
    if (mi->ops[i].kind == AS_MCOP_REG) addr = as_target_reg_full(t, mi->ops[i].reg);
  if (!strcmp(mn, "dc") && strstr(insn->text, "zva") && addr) {
    as_mem_access *m = add_mem(insn);
    if (m) m->base = addr, m->store = true, m->size = 4, m->size_at_least = true;
    return;
  }
  insn->side_effects |= (!strcmp(mn, "dc") || !strcmp(mn, "ic")) ? AS_SE_CACHE : AS_SE_SYSTEM;
}

/* HINT space: yield and the no-ops are hints; wfi/wfe/sev/sevl wait for or
 * signal events (system). */
static void hints(const as_mc_insn *mi, as_insn *insn) {
  long long imm = mi->num_ops && mi->ops[0].kind == AS_MCOP_IMM ? mi->ops[0].imm : 0;
  insn->side_effects |= (imm >= 2 && imm <= 5) ? AS_SE_SYSTEM : AS_SE_HINT;
}

/* True when a table above classified the instruction. */
static bool side_effects(const as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  if (!strcmp(op, "SVC") || !strcmp(op, "SMC") || !strcmp(op, "HVC")) monitor_calls(t, mi, insn);
  else if (starts(op, "MRS") || starts(op, "MSR")) system_registers(arena, mi, insn);
  else if (starts(op, "SYS")) sys_aliases(t, mi, insn);
  else if (!strcmp(op, "HINT")) hints(mi, insn);
  else if (any_prefix(op, barrier_ops)) insn->side_effects |= AS_SE_FENCE;
  else if (starts(op, "PRFM") || starts(op, "PRFUM")) insn->side_effects |= AS_SE_HINT;
  else if (any_prefix(op, system_ops)) insn->side_effects |= AS_SE_SYSTEM;
  else return false;
  return true;
}

/* Calls, returns, jumps, traps. */
static void control_kind(const as_mc_insn *mi, as_insn *insn) {
  unsigned f = mi->desc_flags;
  if (f & AS_MCD_CALL) {
    insn->kind = insn->target ? AS_INSN_CALL : AS_INSN_CALL_INDIRECT;
    insn->unmodeled = "call: the callee's effects are not modeled";
  } else if (f & AS_MCD_RETURN) {
    insn->kind = AS_INSN_RETURN;
  } else if (f & AS_MCD_BRANCH) {
    insn->kind = (f & AS_MCD_INDIRECT_BRANCH) ? AS_INSN_JUMP_INDIRECT
                 : (f & AS_MCD_COND_BRANCH)   ? AS_INSN_JUMP_COND
                                              : AS_INSN_JUMP;
    if (insn->kind == AS_INSN_JUMP_INDIRECT) insn->target = NULL;
  } else if (f & AS_MCD_TRAP) {
    insn->kind = AS_INSN_TRAP;
  }
}

static bool is_zero_reg(const as_target *t, const as_mc_operand *o) {
  const char *n = o->kind == AS_MCOP_REG ? as_target_reg_name(t, o->reg) : "";
  return !strcmp(n, "xzr") || !strcmp(n, "wzr");
}

/* Values the effects walk tracks: mov (orr with the zero register, add
 * #0), movz, add/sub of an immediate. */
static void describe_value(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  const as_mc_operand *o = mi->ops;
  if (mi->num_ops < 2 || o[0].kind != AS_MCOP_REG || is_zero_reg(t, &o[0])) return;
  insn->value_dst = o[0].reg;
  if ((!strcmp(op, "ORRXrs") || !strcmp(op, "ORRWrs")) && mi->num_ops == 4 && is_zero_reg(t, &o[1]) &&
      o[3].kind == AS_MCOP_IMM && o[3].imm == 0) {
    if (is_zero_reg(t, &o[2])) insn->value_op = AS_VAL_CONST, insn->value_imm = 0;
    else insn->value_op = AS_VAL_COPY, insn->value_src = o[2].reg;
  } else if ((!strcmp(op, "MOVZXi") || !strcmp(op, "MOVZWi")) && o[1].kind == AS_MCOP_IMM &&
             mi->num_ops > 2 && o[2].kind == AS_MCOP_IMM) {
    insn->value_op = AS_VAL_CONST;
    insn->value_imm = (int64_t)((uint64_t)o[1].imm << o[2].imm);
  } else if ((starts(op, "ADDXri") || starts(op, "SUBXri")) && mi->num_ops == 4 && o[1].kind == AS_MCOP_REG &&
             o[2].kind == AS_MCOP_IMM && o[3].kind == AS_MCOP_IMM) {
    int64_t imm = (int64_t)((uint64_t)o[2].imm << o[3].imm) * (op[0] == 'S' ? -1 : 1);
    if (o[1].reg == o[0].reg) {
      insn->value_op = AS_VAL_ADD_CONST, insn->value_imm = imm;
    } else if (imm == 0) {
      insn->value_op = AS_VAL_COPY, insn->value_src = o[1].reg;
    } else {
      insn->value_op = AS_VAL_LEA;
      memset(&insn->lea, 0, sizeof insn->lea);
      insn->lea.base = as_target_reg_full(t, o[1].reg), insn->lea.scale = 1, insn->lea.disp = imm;
    }
  } else {
    insn->value_dst = 0;
  }
}

/* Extends use only the low bits of their source: uxtb/sxtb/uxth/sxth
 * (and sxtw), and the extended-register forms of add, sub and cmp
 * ("add x0, x1, w2, uxtb": the last register, as the extend names). */
static void extend_reads(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  static const struct { const char *name; unsigned bits; } ext[] = {
      {"uxtb", 8}, {"sxtb", 8}, {"uxth", 16}, {"sxth", 16}, {"sxtw", 32}, {"uxtw", 32}, {NULL, 0}};
  unsigned bits = 0;
  bool whole_insn = false;
  for (unsigned k = 0; ext[k].name && !bits; k++) {
    const char *hit = strstr(insn->text, ext[k].name);
    if (!hit) continue;
    whole_insn = !strcmp(insn->mnemonic, ext[k].name);
    /* an extend operand follows a register (", uxtb" or ", uxtb #2") */
    if (whole_insn || (hit > insn->text + 1 && hit[-1] == ' ' && hit[-2] == ',')) bits = ext[k].bits;
  }
  if (!bits) return;
  unsigned last = 0;
  for (unsigned i = mi->num_defs; i < mi->num_ops; i++)
    if (mi->ops[i].kind == AS_MCOP_REG && mi->ops[i].reg && as_a64_is_gpr(t, mi->ops[i].reg)) last = mi->ops[i].reg;
  for (unsigned i = 0; i < insn->num_reads; i++) {
    as_reg_use *u = &insn->reads[i];
    if (!as_a64_is_gpr(t, u->reg) || u->bits <= bits) continue;
    if (whole_insn || u->sub == last) u->used_bits = bits;
  }
}

/* The value of a logical immediate (and, orr, eor, tst), as the Arm ARM's
 * DecodeBitMasks gives it for a register of reg_bits. */
static uint64_t logical_imm(uint64_t enc, unsigned reg_bits) {
  unsigned n = (enc >> 12) & 1, immr = (enc >> 6) & 0x3f, imms = enc & 0x3f;
  unsigned x = (n << 6) | (~imms & 0x3f), len = 0;
  while (x >> (len + 1)) len++;
  unsigned size = 1u << len, r = immr & (size - 1), s = imms & (size - 1);
  uint64_t mask = size == 64 ? ~0ull : (1ull << size) - 1;
  uint64_t pattern = s + 1 >= 64 ? ~0ull : (1ull << (s + 1)) - 1;
  for (unsigned i = 0; i < r; i++) pattern = (((pattern & 1) << (size - 1)) | (pattern >> 1)) & mask;
  while (size < reg_bits) pattern |= pattern << size, size *= 2;
  return pattern;
}

/* Operations that use only the low bits of their source: and/tst with an
 * immediate mask (and w1, w0, #0xff: the bits up to the mask's highest),
 * and the bitfield moves ubfm/sbfm (lsl, lsr, ubfx, uxtb...: the bits up to
 * imms). */
static void masked_reads(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  if (mi->num_ops < 3 || mi->ops[1].kind != AS_MCOP_REG || mi->ops[2].kind != AS_MCOP_IMM) return;
  bool w = strchr(op, 'W') != NULL;
  unsigned used = 0;
  if (!strcmp(op, "ANDWri") || !strcmp(op, "ANDXri") || !strcmp(op, "ANDSWri") || !strcmp(op, "ANDSXri")) {
    uint64_t m = logical_imm((uint64_t)mi->ops[2].imm, w ? 32 : 64);
    while (used < 64 && (m >> used)) used++;
  } else if ((!strcmp(op, "UBFMWri") || !strcmp(op, "UBFMXri") || !strcmp(op, "SBFMWri") ||
              !strcmp(op, "SBFMXri")) &&
             mi->num_ops > 3 && mi->ops[3].kind == AS_MCOP_IMM) {
    used = (unsigned)mi->ops[3].imm + 1;
  }
  for (unsigned i = 0; used && i < insn->num_reads; i++) {
    as_reg_use *u = &insn->reads[i];
    if (u->sub == mi->ops[1].reg && as_a64_is_gpr(t, u->reg) && u->bits > used &&
        (!u->used_bits || u->used_bits > used))
      u->used_bits = used;
  }
}

/* Integer operations whose low k result bits depend only on the low k
 * bits of their sources: add/sub/and/orr/eor/bic/orn/eon of registers
 * (shifted left only: an lsr or asr brings upper bits down) or of an
 * immediate, and the moves and negations that alias them.  Not the
 * flag-setting forms: NZCV depends on every bit. */
static bool low_bits_closed(const as_mc_insn *mi) {
  static const char *const ops[] = {"ADDW", "ADDX", "SUBW", "SUBX", "ANDW", "ANDX", "ORRW", "ORRX",
                                    "EORW", "EORX", "BICW", "BICX", "ORNW", "ORNX", "EONW", "EONX", NULL};
  const char *op = mi->opcode_name;
  size_t n = strlen(op);
  if (n != 6 || !any_prefix(op, ops)) return false;
  if (!strcmp(op + 4, "rr") || !strcmp(op + 4, "ri")) return true;
  if (strcmp(op + 4, "rs") || mi->num_ops < 4 || mi->ops[3].kind != AS_MCOP_IMM) return false;
  return (mi->ops[3].imm >> 6) == 0; /* shifter: type 0 is lsl */
}

/* Explicit operands (defs first), then MC's implicit registers.  The
 * writeback copy of sp is the stack pointer change of describe_memory. */
static void describe_operands(const as_target *t, const as_mc_insn *mi, as_insn *insn, const address *a) {
  for (unsigned i = 0; i < mi->num_ops; i++) {
    const as_mc_operand *o = &mi->ops[i];
    if (o->kind == AS_MCOP_EXPR && o->symbol && !insn->target) insn->target = o->symbol;
    if (o->kind != AS_MCOP_REG || !o->reg) continue;
    bool def = i < mi->num_defs;
    if (def && i == 0 && a->writeback && a->step_known && a->base == t->sp && as_target_reg_full(t, o->reg) == t->sp)
      continue;
    note_operand(t, insn, o->reg, def);
    if (o->tied_to >= 0) note_operand(t, insn, o->reg, false);
  }
  for (unsigned i = 0; i < mi->num_implicit_defs; i++) note_reg(t, insn, mi->implicit_defs[i], true, true);
  for (unsigned i = 0; i < mi->num_implicit_uses; i++) {
    unsigned full = as_target_reg_full(t, mi->implicit_uses[i]);
    if (full == t->sp && (mi->desc_flags & AS_MCD_CALL)) continue; /* bl "uses" sp: no access */
    note_reg(t, insn, mi->implicit_uses[i], true, false);
  }
}

static const char *collapse_spaces(as_arena *arena, const char *text) {
  char *out = as_arena_strdup(arena, text), *w = out;
  for (const char *r = text; *r; r++) {
    bool space = *r == ' ' || *r == '\t';
    if (space && (w == out || w[-1] == ' ')) continue;
    *w++ = space ? ' ' : *r;
  }
  while (w > out && w[-1] == ' ') w--;
  *w = '\0';
  return out;
}

static void describe_one(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  memset(insn, 0, sizeof *insn);
  insn->line = mi->line;
  insn->column = mi->column;
  insn->text = collapse_spaces(arena, mi->att_text);
  insn->opcode = op;
  insn->df_set = -1;
  insn->target_insn = -1;
  insn->mnemonic = as_arena_strndup(arena, insn->text, strcspn(insn->text, " "));
  address a = parse_address(t, insn->text);
  /* MC marks barriers and hints mayLoad/mayStore: an access needs an
   * address ([base...]) or a literal (ldr x0, =sym; LDR*l).  ldg and ldgm
   * read allocation tags, not the data C objects hold. */
  size_t oplen = strlen(op);
  bool literal = starts(op, "LDR") && op[oplen - 1] == 'l';
  bool memory = (mi->desc_flags & (AS_MCD_MAY_LOAD | AS_MCD_MAY_STORE)) && (a.found || literal) &&
                !starts(op, "PRFM") && !starts(op, "PRFUM") && !starts(op, "LDG") &&
                !(mi->desc_flags & (AS_MCD_CALL | AS_MCD_BRANCH | AS_MCD_RETURN));
  describe_operands(t, mi, insn, &a);
  extend_reads(t, mi, insn);
  masked_reads(t, mi, insn);
  if (memory) describe_memory(t, arena, mi, insn, &a);
  control_kind(mi, insn);
  bool classified = side_effects(t, arena, mi, insn) || any_prefix(op, exclusive_ops) || any_prefix(op, acq_rel_ops) ||
                    any_prefix(op, lse_ops) || insn->num_mem || insn->kind != AS_INSN_OTHER;
  if ((mi->desc_flags & AS_MCD_UNMODELED_SIDE_EFFECTS) && !classified && !insn->unmodeled)
    insn->unmodeled = as_arena_printf(arena, "%s: side effects LLVM does not describe", insn->mnemonic);
  describe_value(t, mi, insn);
  insn->low_bits_closed = low_bits_closed(mi) && !insn->flags_written;
  insn->flags_consumed = insn->flags_read && (insn->kind == AS_INSN_JUMP_COND || any_prefix(op, flag_users));
  insn->flags_saved = !strcmp(op, "MRS") && insn->flags_read;
  insn->flags_restored = !strcmp(op, "MSR") && insn->flags_written;
}

void as_a64_describe_insns(as_target *t, as_arena *arena, const as_mc_result *mc, as_decoded *out) {
  out->insns = as_arena_alloc(arena, sizeof(as_insn) * (mc->num_insns + 1));
  out->num_insns = mc->num_insns;
  for (unsigned i = 0; i < mc->num_insns; i++) describe_one(t, arena, &mc->insns[i], &out->insns[i]);
  out->labels = as_arena_alloc(arena, sizeof(as_label) * (mc->num_labels + 1));
  out->num_labels = mc->num_labels;
  for (unsigned i = 0; i < mc->num_labels; i++) {
    out->labels[i].name = mc->labels[i].name;
    out->labels[i].insn = mc->labels[i].insn_index <= mc->num_insns ? mc->labels[i].insn_index : mc->num_insns;
  }
  for (unsigned i = 0; i < out->num_insns; i++) {
    as_insn *insn = &out->insns[i];
    for (unsigned k = 0; insn->target && k < out->num_labels; k++)
      if (!strcmp(out->labels[k].name, insn->target)) insn->target_insn = (int)out->labels[k].insn;
  }
}

/* The description as text (--dump): the same layout as x86's. */
const char *as_a64_insn_text(as_arena *arena, const as_target *t, const as_insn *insn) {
  return as_insn_text_default(arena, t, insn);
}
