/* Describes each assembled RISC-V instruction in arch-neutral terms
 * (insn.h) from what MC says (operands, mayLoad/mayStore, implicit
 * registers), plus small tables keyed on MC opcode families for what MC
 * does not say: access sizes (LB..LD, FLW/FLD, C.*, LR/SC/AMO), the natural
 * alignment LR/SC/AMO require, jumps and calls through JAL/JALR, CSRs
 * (counters are hidden state, fcsr/frm/fflags the FP environment, the
 * rest system state), fences and ecall.  Vector memory (sizes follow vl
 * and vtype) and vector register groups are unmodeled. */
#include "riscv.h"
#include "../mc_shim.h"

#include <stdio.h>
#include <string.h>

static bool starts(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

static bool any_of(const char *s, const char *const *names) {
  for (unsigned i = 0; names[i]; i++)
    if (!strcmp(s, names[i])) return true;
  return false;
}

static void add_use(const as_target *t, as_reg_use *list, unsigned *count, unsigned sub, bool implicit,
                    bool write) {
  unsigned full = as_target_reg_full(t, sub);
  for (unsigned i = 0; i < *count; i++)
    if (list[i].sub == sub) return;
  if (*count >= AS_MAX_REG_USES) return;
  as_reg_use *u = &list[(*count)++];
  memset(u, 0, sizeof *u);
  u->reg = full;
  u->sub = sub;
  u->bits = as_target_reg_bits(t, sub);
  u->implicit = implicit;
  u->whole = write && t->arch->write_defines_whole(t, sub);
  if (u->whole || !write) return;
  u->whole = u->bits >= as_target_reg_bits(t, full);
}

/* x0 reads are the constant zero and its writes are discarded; a group
 * (v8m2) or pair (x10_x11) is each of its registers. */
static void note(const as_target *t, as_insn *insn, unsigned reg, bool implicit, bool write) {
  unsigned num, regs[8];
  if (!reg || (as_riscv_reg_file(t, reg, &num) == RV_X && num == 0)) return;
  if (reg == t->sp && write && !implicit) insn->sp_explicit_write = true;
  unsigned n = as_riscv_expand(t, reg, regs);
  for (unsigned i = 0; i < n; i++) {
    if (write) add_use(t, insn->writes, &insn->num_writes, n > 1 ? regs[i] : reg, implicit, true);
    else add_use(t, insn->reads, &insn->num_reads, n > 1 ? regs[i] : reg, implicit, false);
  }
}

static unsigned named(const as_target *t, const char *name) { return as_target_reg_lookup(t, name); }

/* ---- memory: sizes by opcode family ----------------------------------- */

typedef struct mem_family {
  const char *prefix;
  unsigned size;
  bool atomic; /* LR, SC, AMO: natural alignment required, else a fault */
} mem_family;

static const mem_family mem_families[] = {
    {"LBU", 1, 0},     {"LHU", 2, 0},     {"LWU", 4, 0},     {"LB", 1, 0},      {"LH", 2, 0},
    {"LW", 4, 0},      {"LD", 8, 0},      {"SB", 1, 0},      {"SH", 2, 0},      {"SW", 4, 0},
    {"SD", 8, 0},      {"FLH", 2, 0},     {"FLW", 4, 0},     {"FLD", 8, 0},     {"FSH", 2, 0},
    {"FSW", 4, 0},     {"FSD", 8, 0},     {"C_LWSP", 4, 0},  {"C_LDSP", 8, 0},  {"C_SWSP", 4, 0},
    {"C_SDSP", 8, 0},  {"C_FLWSP", 4, 0}, {"C_FLDSP", 8, 0}, {"C_FSWSP", 4, 0}, {"C_FSDSP", 8, 0},
    {"C_LW", 4, 0},    {"C_LD", 8, 0},    {"C_SW", 4, 0},    {"C_SD", 8, 0},    {"C_FLW", 4, 0},
    {"C_FLD", 8, 0},   {"C_FSW", 4, 0},   {"C_FSD", 8, 0},   {"C_LBU", 1, 0},   {"C_LHU", 2, 0},
    {"C_LH", 2, 0},    {"C_SB", 1, 0},    {"C_SH", 2, 0},    {"LR_W", 4, 1},    {"LR_D", 8, 1},
    {"SC_W", 4, 1},    {"SC_D", 8, 1},    {NULL, 0, 0}};

/* AMO<op>_{B,H,W,D,Q}[_AQ][_RL]: the width letter after the op. */
static unsigned amo_size(const char *op) {
  const char *u = strchr(op, '_');
  if (!starts(op, "AMO") || !u) return 0;
  switch (u[1]) {
  case 'B': return 1;
  case 'H': return 2;
  case 'W': return 4;
  case 'D': return 8;
  case 'Q': return 16;
  }
  return 0;
}

/* Where the address is: loads and stores (rd|rs2, rs1, imm); LR, SC and
 * AMO name it last (rd, [rs2,] rs1). */
static void scalar_memory(const as_target *t, const as_mc_insn *mi, as_insn *insn, unsigned size, bool atomic) {
  unsigned base = atomic && mi->num_ops ? mi->num_ops - 1 : 1;
  if (mi->num_ops <= base || mi->ops[base].kind != AS_MCOP_REG || insn->num_mem >= AS_MAX_MEM) return;
  as_mem_access *m = &insn->mem[insn->num_mem++];
  memset(m, 0, sizeof *m);
  m->base = as_target_reg_full(t, mi->ops[base].reg);
  m->scale = 1;
  if (mi->num_ops > base + 1 && mi->ops[base + 1].kind == AS_MCOP_IMM) m->disp = mi->ops[base + 1].imm;
  if (mi->num_ops > base + 1 && mi->ops[base + 1].kind == AS_MCOP_EXPR) {
    m->disp_symbol = mi->ops[base + 1].symbol;
    m->disp = mi->ops[base + 1].imm;
  }
  m->load = (mi->desc_flags & AS_MCD_MAY_LOAD) != 0 || starts(mi->opcode_name, "AMO");
  m->store = (mi->desc_flags & AS_MCD_MAY_STORE) != 0 || starts(mi->opcode_name, "AMO");
  m->size = size;
  m->align = atomic ? size : 1;
  if (atomic) insn->side_effects |= AS_SE_ATOMIC;
}

/* Vector memory: the base register MC gives, a size that vl, vtype and
 * VLEN decide (whole-register forms: at least 16 bytes a register). */
static void vector_memory(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  unsigned nf = 0;
  for (unsigned i = mi->num_defs; i < mi->num_ops; i++) {
    if (mi->ops[i].kind != AS_MCOP_REG) continue;
    unsigned num;
    if (as_riscv_reg_file(t, mi->ops[i].reg, &num) != RV_X || insn->num_mem >= AS_MAX_MEM) continue;
    as_mem_access *m = &insn->mem[insn->num_mem++];
    memset(m, 0, sizeof *m);
    m->base = as_target_reg_full(t, mi->ops[i].reg);
    m->scale = m->align = 1;
    m->load = (mi->desc_flags & AS_MCD_MAY_LOAD) != 0;
    m->store = (mi->desc_flags & AS_MCD_MAY_STORE) != 0;
    break;
  }
  if ((sscanf(op, "VL%uRE", &nf) == 1 || sscanf(op, "VS%uR_V", &nf) == 1) && nf && insn->num_mem) {
    insn->mem[0].size = 16 * nf; /* VLEN >= 128 */
    insn->mem[0].size_at_least = true;
  }
  insn->unmodeled = as_arena_printf(arena, "%s: a vector access whose size follows vl, vtype and VLEN",
                                    insn->mnemonic);
}

/* ---- control flow ------------------------------------------------------ */

static void control_kind(as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  unsigned ra = as_riscv_reg(t, RV_X, 1), num = 0;
  bool link = mi->num_defs > 0 && mi->ops[0].kind == AS_MCOP_REG &&
              !(as_riscv_reg_file(t, mi->ops[0].reg, &num) == RV_X && num == 0);
  if (!strcmp(op, "C_JAL")) link = true;
  if (!strcmp(op, "C_J")) link = false;
  if (starts(op, "PseudoCALL")) link = true; /* call sym: auipc ra + jalr ra */
  if (!strcmp(op, "PseudoTAIL") || !strcmp(op, "PseudoJump")) link = false;
  if (!strcmp(op, "JAL") || !strcmp(op, "C_J") || !strcmp(op, "C_JAL") || starts(op, "PseudoCALL") ||
      !strcmp(op, "PseudoTAIL") || !strcmp(op, "PseudoJump")) {
    insn->kind = link ? AS_INSN_CALL : AS_INSN_JUMP;
  } else if (!strcmp(op, "JALR") || !strcmp(op, "C_JR") || !strcmp(op, "C_JALR")) {
    if (!strcmp(op, "C_JALR")) link = true;
    if (!strcmp(op, "C_JR")) link = false;
    unsigned src = !strcmp(op, "JALR") ? 1 : 0;
    bool via_ra = mi->num_ops > src && mi->ops[src].kind == AS_MCOP_REG && mi->ops[src].reg == ra;
    bool no_off = strcmp(op, "JALR") || (mi->num_ops > 2 && mi->ops[2].kind == AS_MCOP_IMM && !mi->ops[2].imm);
    insn->kind = link ? AS_INSN_CALL_INDIRECT : via_ra && no_off ? AS_INSN_RETURN : AS_INSN_JUMP_INDIRECT;
    insn->target = NULL;
  } else if (mi->desc_flags & AS_MCD_COND_BRANCH) {
    insn->kind = AS_INSN_JUMP_COND;
  } else if (!strcmp(op, "MRET") || !strcmp(op, "SRET") || !strcmp(op, "DRET")) {
    insn->kind = AS_INSN_RETURN; /* to the trapped context */
    insn->side_effects |= AS_SE_SYSTEM;
  } else if (!strcmp(op, "EBREAK") || !strcmp(op, "C_EBREAK") || !strcmp(op, "UNIMP") || !strcmp(op, "C_UNIMP")) {
    insn->kind = AS_INSN_TRAP;
  }
  if (insn->kind == AS_INSN_CALL || insn->kind == AS_INSN_CALL_INDIRECT) {
    if (!strcmp(op, "C_JAL") || !strcmp(op, "C_JALR")) note(t, insn, ra, true, true);
    insn->unmodeled = "call: the callee's effects are not modeled";
  }
}

/* ---- CSRs ----------------------------------------------------------------
 * CSRRW/CSRRS/CSRRC and their immediate forms: operands rd, csr, rs1|uimm.
 * The set and clear forms write only with a nonzero source; the swap forms
 * read only into a register other than x0. */
static void csr_access(as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  if (!starts(op, "CSRR") || mi->num_ops < 3 || mi->ops[1].kind != AS_MCOP_IMM) return;
  long long csr = mi->ops[1].imm;
  unsigned num = 0;
  bool imm_form = op[strlen(op) - 1] == 'I';
  bool swap = op[4] == 'W';
  bool zero_src = imm_form ? mi->ops[2].kind == AS_MCOP_IMM && mi->ops[2].imm == 0
                           : mi->ops[2].kind == AS_MCOP_REG &&
                                 as_riscv_reg_file(t, mi->ops[2].reg, &num) == RV_X && num == 0;
  bool writes = swap || !zero_src;
  bool reads = !swap || (mi->ops[0].kind == AS_MCOP_REG && as_riscv_reg_file(t, mi->ops[0].reg, &num) == RV_X && num);
  unsigned fflags = named(t, "fflags"), frm = named(t, "frm");
  if (csr >= 1 && csr <= 3) { /* fflags, frm, fcsr */
    if (csr != 2) { if (reads) note(t, insn, fflags, true, false); if (writes) note(t, insn, fflags, true, true); }
    if (csr != 1) { if (reads) note(t, insn, frm, true, false); if (writes) note(t, insn, frm, true, true); }
    if (writes) insn->side_effects |= AS_SE_FPENV;
    else if (csr != 2) insn->side_effects |= AS_SE_NONDET; /* flags the compiler's code accrues */
  } else if (csr == 9 || csr == 10 || csr == 15) { /* vxsat, vxrm, vcsr */
    unsigned r = named(t, csr == 10 ? "vxrm" : "vxsat");
    if (reads) note(t, insn, r, true, false);
    if (writes) note(t, insn, r, true, true), insn->side_effects |= AS_SE_FPENV;
  } else if (csr == 0xC20 || csr == 0xC21) { /* vl, vtype: read only */
    note(t, insn, named(t, csr == 0xC20 ? "vl" : "vtype"), true, false);
  } else if (csr == 0xC22) { /* vlenb: a constant of the hart */
  } else if ((csr >= 0xC00 && csr <= 0xC1F) || (csr >= 0xC80 && csr <= 0xC9F) || csr == 0x015 ||
             ((csr & 0xF00) == 0xB00 && !writes)) {
    insn->side_effects |= AS_SE_NONDET; /* cycle, time, instret, hpmcounters, seed */
    if (writes) insn->side_effects |= AS_SE_SYSTEM;
  } else {
    insn->side_effects |= AS_SE_SYSTEM; /* sstatus, satp, mstatus, ... */
  }
}

/* ---- side-effect classes by opcode family -------------------------------- */

static const char *const fence_ops[] = {"FENCE", "FENCE_TSO", "FENCE_I", "PAUSE", NULL};
static const char *const system_ops[] = {"ECALL", "WFI", "SFENCE_VMA", "SFENCE_W_INVAL", "SFENCE_INVAL_IR",
                                         "SINVAL_VMA", "HFENCE_VVMA", "HFENCE_GVMA", "MRET", "SRET", "DRET",
                                         "WRS_NTO", "WRS_STO", NULL};
static const char *const cache_ops[] = {"CBO_CLEAN", "CBO_FLUSH", "CBO_INVAL", "CBO_ZERO", "PREFETCH_I",
                                        "PREFETCH_R", "PREFETCH_W", NULL};
/* MC marks them with unmodeled side effects; registers and the classes
 * above say all they do. */
static const char *const benign_unmodeled[] = {"EBREAK", "C_EBREAK", "UNIMP", "C_UNIMP", "C_NOP", NULL};

static void side_effects(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  if (any_of(op, fence_ops)) insn->side_effects |= AS_SE_FENCE;
  if (!strcmp(op, "PAUSE")) insn->side_effects = AS_SE_HINT;
  if (any_of(op, system_ops)) insn->side_effects |= AS_SE_SYSTEM;
  if (any_of(op, cache_ops)) {
    insn->side_effects |= AS_SE_CACHE;
    if (!strcmp(op, "CBO_ZERO")) insn->unmodeled = "cbo.zero: stores a cache block of unknown size";
    insn->num_mem = 0;
  }
  if (!strcmp(op, "ECALL")) {
    insn->syscall_nr_reg = as_riscv_reg(t, RV_X, 17);
    note(t, insn, insn->syscall_nr_reg, true, false);
    note(t, insn, as_riscv_reg(t, RV_X, 10), true, true); /* the result in a0 */
  }
  csr_access(t, mi, insn);
  if ((mi->desc_flags & AS_MCD_UNMODELED_SIDE_EFFECTS) && !insn->unmodeled && !insn->side_effects &&
      insn->kind == AS_INSN_OTHER && !any_of(op, benign_unmodeled) && !starts(op, "VSET"))
    insn->unmodeled = as_arena_printf(arena, "%s: side effects LLVM does not describe", insn->mnemonic);
}

/* ---- values the effects walk follows -------------------------------------- */

static void describe_value(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  const as_mc_operand *o = mi->ops;
  unsigned n = mi->num_ops, xlen = t->is64 ? 8 : 4;
  bool r0 = n > 0 && o[0].kind == AS_MCOP_REG, r1 = n > 1 && o[1].kind == AS_MCOP_REG;
  bool i2 = n > 2 && o[2].kind == AS_MCOP_IMM;
  if (insn->num_mem == 1 && insn->mem[0].size == xlen && r0 && (starts(op, "SD") || starts(op, "SW") ||
      starts(op, "C_SD") || starts(op, "C_SW")) && !insn->mem[0].load) {
    insn->value_op = AS_VAL_STORE, insn->value_src = o[0].reg;
  } else if (insn->num_mem == 1 && insn->mem[0].size == xlen && r0 && insn->mem[0].align == 1 &&
             (starts(op, "LD") || starts(op, "LW") || starts(op, "C_LD") || starts(op, "C_LW")) &&
             strcmp(op, "LWU")) {
    insn->value_op = AS_VAL_LOAD, insn->value_dst = o[0].reg;
  } else if (insn->num_mem) {
  } else if ((!strcmp(op, "ADDI") || !strcmp(op, "C_ADDI") || !strcmp(op, "C_ADDI16SP")) && r0 && r1 && i2 &&
             o[1].reg == o[0].reg) {
    insn->value_op = AS_VAL_ADD_CONST, insn->value_dst = o[0].reg, insn->value_imm = o[2].imm;
  } else if (!strcmp(op, "ADDI") && r0 && r1 && i2 && o[1].reg == as_riscv_reg(t, RV_X, 0)) {
    insn->value_op = AS_VAL_CONST, insn->value_dst = o[0].reg, insn->value_imm = o[2].imm;
  } else if (!strcmp(op, "ADDI") && r0 && r1 && i2 && o[2].imm == 0) {
    insn->value_op = AS_VAL_COPY, insn->value_dst = o[0].reg, insn->value_src = o[1].reg;
  } else if (!strcmp(op, "C_MV") && r0 && r1) {
    insn->value_op = AS_VAL_COPY, insn->value_dst = o[0].reg, insn->value_src = o[1].reg;
  } else if ((!strcmp(op, "C_LI") || !strcmp(op, "LUI") || !strcmp(op, "C_LUI")) && r0 && n > 1 &&
             o[1].kind == AS_MCOP_IMM) {
    insn->value_op = AS_VAL_CONST, insn->value_dst = o[0].reg;
    insn->value_imm = strcmp(op, "C_LI") ? (int64_t)((uint64_t)o[1].imm << 12) : o[1].imm;
  }
}

/* ---- vector register groups ------------------------------------------------
 * The registers of a vector operand are LMUL of them from the one named,
 * and LMUL is in vtype: known after a vsetvli/vsetivli of the block
 * (vtypei bits 2:0), unknown before one. */
static unsigned vector_lmul(const as_mc_insn *mi, unsigned current) {
  const char *op = mi->opcode_name;
  if (strcmp(op, "VSETVLI") && strcmp(op, "VSETIVLI")) return current;
  if (mi->num_ops < 3 || mi->ops[2].kind != AS_MCOP_IMM) return 0;
  unsigned vlmul = (unsigned)mi->ops[2].imm & 7;
  return vlmul <= 3 ? 1u << vlmul : 1; /* fractional LMUL: one register */
}

static bool is_vector_op(const as_target *t, const as_mc_insn *mi) {
  unsigned num;
  for (unsigned i = 0; i < mi->num_ops; i++)
    if (mi->ops[i].kind == AS_MCOP_REG && as_riscv_reg_file(t, mi->ops[i].reg, &num) == RV_V) return true;
  return false;
}

static void vector_groups(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn, unsigned lmul) {
  const char *op = mi->opcode_name;
  if (!is_vector_op(t, mi) || insn->unmodeled) return;
  /* Widening, narrowing, segment and whole-group forms: other group sizes. */
  if (starts(op, "VW") || starts(op, "VN") || starts(op, "VFW") || starts(op, "VFN") || starts(op, "VLSEG") ||
      starts(op, "VSSEG") || lmul == 0) {
    insn->unmodeled = as_arena_printf(arena, "%s: its vector register group depends on vtype", insn->mnemonic);
    return;
  }
  if (lmul == 1) return;
  unsigned num, k;
  for (unsigned pass = 0; pass < 2; pass++) {
    as_reg_use *list = pass ? insn->writes : insn->reads;
    unsigned *count = pass ? &insn->num_writes : &insn->num_reads;
    unsigned n = *count;
    for (unsigned i = 0; i < n; i++) {
      if (as_riscv_reg_file(t, list[i].reg, &num) != RV_V || list[i].implicit) continue;
      if (num == 0 && !pass && starts(op, "V") && strstr(insn->text, "v0.t")) continue; /* the mask */
      for (k = 1; k < lmul && num + k < 32; k++) note(t, insn, as_riscv_reg(t, RV_V, num + k), false, pass);
    }
  }
}

static void memory(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  if (!(mi->desc_flags & (AS_MCD_MAY_LOAD | AS_MCD_MAY_STORE))) return;
  for (unsigned i = 0; mem_families[i].prefix; i++)
    if (!strcmp(op, mem_families[i].prefix) || (starts(op, mem_families[i].prefix) &&
                                                 op[strlen(mem_families[i].prefix)] == '_' && mem_families[i].atomic)) {
      scalar_memory(t, mi, insn, mem_families[i].size, mem_families[i].atomic);
      return;
    }
  unsigned amo = amo_size(op);
  if (amo) {
    scalar_memory(t, mi, insn, amo, true);
    return;
  }
  if (op[0] == 'V') {
    vector_memory(t, arena, mi, insn);
    return;
  }
  if (!insn->unmodeled)
    insn->unmodeled = as_arena_printf(arena, "%s: memory access of unknown size", insn->mnemonic);
}

/* ---- reads of fewer bits than XLEN: a small table by opcode family ------- */

/* Integer W forms (RV64: operate on the low 32 bits of every source). */
static const char *const word_ops[] = {
    "ADDW",   "SUBW",   "SLLW",   "SRLW",     "SRAW",     "ADDIW",    "SLLIW",    "SRLIW",   "SRAIW",
    "MULW",   "DIVW",   "DIVUW",  "REMW",     "REMUW",    "C_ADDW",   "C_SUBW",   "C_ADDIW", "ROLW",
    "RORW",   "RORIW",  "CLZW",   "CTZW",     "CPOPW",    "FMV_W_X",  "FCVT_S_W", "FCVT_S_WU",
    "FCVT_D_W", "FCVT_D_WU", "FCVT_H_W", "FCVT_H_WU", NULL};

static void used(const as_target *t, as_insn *insn, unsigned reg, unsigned bits) {
  unsigned full = as_target_reg_full(t, reg);
  for (unsigned i = 0; i < insn->num_reads; i++)
    if (insn->reads[i].reg == full && !insn->reads[i].implicit && bits < insn->reads[i].bits)
      insn->reads[i].used_bits = bits;
}

/* Which bits of a source register the instruction uses, when fewer than
 * XLEN: W forms use the low 32 bits of their sources; a store (SB/SH/SW,
 * SC.W, AMO*.W/B/H) the low bits of its data (not of its address, unless
 * one register is both); a shift its amount's low log2(XLEN) bits. */
static void narrow_reads(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  if (any_of(op, word_ops)) {
    for (unsigned i = mi->num_defs; i < mi->num_ops; i++)
      if (mi->ops[i].kind == AS_MCOP_REG && mi->ops[i].reg && mi->ops[i].tied_to < 0) used(t, insn, mi->ops[i].reg, 32);
    return;
  }
  if ((!strcmp(op, "SLL") || !strcmp(op, "SRL") || !strcmp(op, "SRA") || !strcmp(op, "ROL") || !strcmp(op, "ROR")) &&
      mi->num_ops == 3 && mi->ops[1].kind == AS_MCOP_REG && mi->ops[2].kind == AS_MCOP_REG &&
      mi->ops[1].reg != mi->ops[2].reg) {
    used(t, insn, mi->ops[2].reg, t->is64 ? 6 : 5);
    return;
  }
  unsigned size = 0, data = 0, addr = 0;
  for (unsigned i = 0; mem_families[i].prefix && !size; i++)
    if (!strcmp(op, mem_families[i].prefix) && (mi->desc_flags & AS_MCD_MAY_STORE) && !(mi->desc_flags & AS_MCD_MAY_LOAD) &&
        op[strlen(op) - 1] != 'P' && !starts(op, "F") && !starts(op, "C_F")) {
      size = mem_families[i].size; /* S*, C_S*: (rs2, rs1, imm) */
      data = 0;
      addr = 1;
    }
  if (!size && (starts(op, "SC_") || (starts(op, "AMO") && !starts(op, "AMOCAS"))) && mi->num_ops >= 3) {
    size = starts(op, "SC_") ? (op[3] == 'W' ? 4 : 8) : amo_size(op);
    data = mi->num_ops - 2; /* (rd, rs2, rs1) */
    addr = mi->num_ops - 1;
  }
  if (size && size < 8 && mi->num_ops > addr && mi->ops[data].kind == AS_MCOP_REG &&
      mi->ops[addr].kind == AS_MCOP_REG && mi->ops[data].reg != mi->ops[addr].reg)
    used(t, insn, mi->ops[data].reg, size * 8);
}

static void describe_one(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn, unsigned lmul) {
  memset(insn, 0, sizeof *insn);
  insn->line = mi->line;
  insn->column = mi->column;
  const char *p = mi->att_text;
  size_t n = strcspn(p, " \t");
  insn->mnemonic = as_arena_strndup(arena, p, n);
  p += n + strspn(p + n, " \t");
  insn->text = *p ? as_arena_printf(arena, "%s %s", insn->mnemonic, p) : insn->mnemonic;
  insn->opcode = mi->opcode_name;
  insn->df_set = -1;
  insn->target_insn = -1;
  for (unsigned i = 0; i < mi->num_ops; i++) {
    const as_mc_operand *o = &mi->ops[i];
    if (o->kind == AS_MCOP_REG && o->reg) {
      note(t, insn, o->reg, false, i < mi->num_defs);
      if (o->tied_to >= 0) note(t, insn, o->reg, false, false);
    } else if (o->kind == AS_MCOP_EXPR && o->symbol &&
               ((mi->desc_flags & (AS_MCD_BRANCH | AS_MCD_CALL)) || !strcmp(mi->opcode_name, "JAL"))) {
      /* MC marks JAL neither branch nor call: its target is still the label. */
      insn->target = o->symbol;
    }
  }
  for (unsigned i = 0; i < mi->num_implicit_uses; i++) note(t, insn, mi->implicit_uses[i], true, false);
  for (unsigned i = 0; i < mi->num_implicit_defs; i++) note(t, insn, mi->implicit_defs[i], true, true);
  /* AMOCAS reads its destination (the expected value). */
  if (starts(insn->opcode, "AMOCAS") && mi->num_ops > 1 && mi->ops[1].kind == AS_MCOP_REG)
    note(t, insn, mi->ops[1].reg, false, false);
  memory(t, arena, mi, insn);
  narrow_reads(t, mi, insn);
  control_kind(t, mi, insn);
  side_effects(t, arena, mi, insn);
  vector_groups(t, arena, mi, insn, lmul);
  describe_value(t, mi, insn);
}

void as_riscv_describe_insns(as_target *t, as_arena *arena, const as_mc_result *mc, as_decoded *out) {
  out->insns = as_arena_alloc(arena, sizeof(as_insn) * (mc->num_insns + 1));
  out->num_insns = mc->num_insns;
  unsigned lmul = 0; /* unknown until the block sets vtype */
  for (unsigned i = 0; i < mc->num_insns; i++) {
    lmul = vector_lmul(&mc->insns[i], lmul);
    describe_one(t, arena, &mc->insns[i], &out->insns[i], lmul);
  }
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
