/* 32-bit ARM: MC's instructions to the neutral description of insn.h.
 * Registers, defs and uses, loads and stores, calls and branches come from
 * MC (operands, MCInstrDesc flags, implicit registers, the predicate and
 * optional-def operands); what MC does not say is a small table keyed on MC
 * opcode families (LDM/STM, VLDn/VSTn, LDREX/STREX, ...): access sizes,
 * register lists, stack pointer changes, side effects.  Addresses are read
 * from the operand as MC prints it ([rN, #imm]!, {d0, d1}, [r0:128]). */
#include "arm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool starts(const char *s, const char *prefix) { return !strncmp(s, prefix, strlen(prefix)); }

/* The opcode without its Thumb prefix: t2LDRi12 -> LDRi12, tPUSH -> PUSH. */
static const char *family(const char *op) {
  if (op[0] == 't' && op[1] == '2') return op + 2;
  if (op[0] == 't' && op[1] >= 'A' && op[1] <= 'Z') return op + 1;
  return op;
}

/* ---- registers ----------------------------------------------------------- */

static void add_reg(const as_target *t, as_reg_use *list, unsigned *count, unsigned sub, bool implicit,
                    bool is_write) {
  unsigned full = as_target_reg_full(t, sub);
  for (unsigned i = 0; i < *count; i++)
    if (list[i].sub == sub) return;
  if (*count >= AS_MAX_REG_USES) return;
  as_reg_use *u = &list[(*count)++];
  memset(u, 0, sizeof *u);
  u->reg = full;
  u->sub = sub;
  u->bits = as_target_reg_bits(t, sub);
  char kind;
  unsigned num;
  if (as_arm_gpr_index(t, sub) >= 0) u->bits = 32;
  else if (as_arm_fp_reg(t, sub, &kind, &num)) {
    u->bits = kind == 's' ? 32 : kind == 'd' ? 64 : 128;
    u->shift = kind == 's' ? (num % 4) * 32 : kind == 'd' ? (num % 2) * 64 : 0;
  }
  u->implicit = implicit;
  if (is_write) u->whole = u->bits >= as_target_reg_bits(t, full) || full == sub;
}

static void note_one(const as_target *t, as_insn *insn, unsigned reg, bool implicit, bool write) {
  unsigned full = as_target_reg_full(t, reg);
  if (!full) return;
  if (full == t->flags) {
    if (write) insn->flags_written = true;
    else insn->flags_read = true;
    return;
  }
  const char *n = as_target_reg_name(t, reg);
  if (full == t->ip || !strcmp(n, "itstate")) return;
  if (full == t->sp && write && !implicit) insn->sp_explicit_write = true;
  if (full == t->sp && implicit) return; /* modeled as sp_delta */
  if (write) add_reg(t, insn->writes, &insn->num_writes, reg, implicit, true);
  else add_reg(t, insn->reads, &insn->num_reads, reg, implicit, false);
}

/* A register operand; MC's tuples (r0_r1 for ldrexd, d0_d2 for vld2) are
 * each of their registers. */
static void note_reg(const as_target *t, as_insn *insn, unsigned reg, bool implicit, bool write) {
  if (!reg) return;
  const char *n = as_target_reg_name(t, reg);
  if (!strchr(n, '_') || !strncmp(n, "apsr", 4) || !strncmp(n, "fpscr", 5)) {
    note_one(t, insn, reg, implicit, write);
    return;
  }
  char buf[32];
  snprintf(buf, sizeof buf, "%s", n);
  for (char *part = strtok(buf, "_"); part; part = strtok(NULL, "_")) {
    unsigned r = as_target_reg_lookup(t, part);
    if (!r) {
      insn->unmodeled = "a register tuple the describer does not split";
      return;
    }
    note_one(t, insn, r, implicit, write);
  }
}

/* ---- what MC prints: register lists and addresses ------------------------ */

/* The registers of the first {...} list in MC's text (d0[1] is d0). */
static unsigned text_reg_list(const as_target *t, const char *text, unsigned *regs, unsigned max) {
  const char *p = strchr(text, '{');
  unsigned n = 0;
  if (!p) return 0;
  for (p++; *p && *p != '}';) {
    while (*p == ' ' || *p == ',') p++;
    char name[16];
    size_t len = strcspn(p, ",}[ ");
    if (len && len < sizeof name) {
      memcpy(name, p, len);
      name[len] = '\0';
      unsigned r = as_target_reg_lookup(t, name);
      if (r && n < max) regs[n++] = r;
    }
    p += len;
    while (*p && *p != ',' && *p != '}') p++;
  }
  return n;
}

typedef struct address {
  unsigned base, index;
  long long disp;      /* pre-index or plain offset */
  long long post;      /* post-index immediate */
  bool writeback, post_index, negative_index;
  unsigned align;      /* :128 -> 16 bytes */
} address;

/* [rN], [rN, #imm], [rN, #imm]!, [rN], #imm, [rN, rM, lsl #2], [rN:128]. */
static bool text_address(const as_target *t, const char *text, address *a) {
  memset(a, 0, sizeof *a);
  const char *p = strchr(text, '[');
  if (!p) return false;
  char name[16];
  size_t len = strcspn(p + 1, ",]: ");
  if (!len || len >= sizeof name) return false;
  memcpy(name, p + 1, len);
  name[len] = '\0';
  a->base = as_target_reg_lookup(t, name);
  p += 1 + len;
  if (*p == ':') a->align = (unsigned)strtoul(p + 1, NULL, 10) / 8;
  const char *close = strchr(p, ']');
  if (!close) return false;
  for (const char *q = p; q < close; q++) {
    if (*q == '#') a->disp = strtoll(q + 1, NULL, 0);
    if (*q == ',' && q[1] == ' ' && q[2] != '#' && !a->index) {
      const char *r = q + 2;
      if (*r == '-') a->negative_index = true, r++;
      size_t l = strcspn(r, ",] ");
      if (l < sizeof name) {
        memcpy(name, r, l);
        name[l] = '\0';
        a->index = as_target_reg_lookup(t, name);
      }
    }
  }
  a->writeback = close[1] == '!';
  if (close[1] == ',') {
    a->post_index = true;
    const char *h = strchr(close, '#');
    if (h) a->post = strtoll(h + 1, NULL, 0);
  }
  return a->base != 0;
}

static as_mem_access *add_mem(as_insn *insn) {
  if (insn->num_mem >= AS_MAX_MEM) return NULL;
  as_mem_access *m = &insn->mem[insn->num_mem++];
  memset(m, 0, sizeof *m);
  m->scale = 1;
  m->align = 1;
  return m;
}

/* ---- the opcode families MC is silent about ------------------------------ */

typedef enum mem_family {
  MF_NONE, MF_SINGLE, MF_PAIR, MF_EXCLUSIVE, MF_ORDERED, MF_MULTIPLE, MF_VFP_MULTIPLE, MF_VFP_SINGLE,
  MF_NEON, MF_SWAP, MF_HINT,
} mem_family;

/* The element size a B/H/D/SB/SH letter gives a load or store name. */
static unsigned width_letter(const char *rest) {
  if (rest[0] == 'S' && rest[1] == 'B') return 1;
  if (rest[0] == 'S' && rest[1] == 'H') return 2;
  if (rest[0] == 'B') return 1;
  if (rest[0] == 'H') return 2;
  if (rest[0] == 'D') return 8;
  return 4;
}

static mem_family classify(const char *op, unsigned *size) {
  const char *f = family(op);
  *size = 4;
  if (starts(f, "PLD") || starts(f, "PLI")) return MF_HINT;
  if (starts(f, "LDREX") || starts(f, "STREX") || starts(f, "LDAEX") || starts(f, "STLEX")) {
    *size = width_letter(f + 5);
    return MF_EXCLUSIVE;
  }
  if ((starts(f, "LDA") || starts(f, "STL")) && !starts(f, "LDAEX")) {
    *size = width_letter(f + 3);
    return MF_ORDERED;
  }
  if (starts(f, "LDM") || starts(f, "STM") || starts(f, "PUSH") || starts(f, "POP")) return MF_MULTIPLE;
  if (starts(f, "VLDM") || starts(f, "VSTM")) {
    *size = f[4] == 'D' ? 8 : 4;
    return MF_VFP_MULTIPLE;
  }
  if (starts(f, "VLDR") || starts(f, "VSTR")) {
    *size = f[4] == 'D' ? 8 : f[4] == 'H' ? 2 : 4;
    return f[4] == 'D' || f[4] == 'S' || f[4] == 'H' ? MF_VFP_SINGLE : MF_NONE;
  }
  if ((starts(f, "VLD") || starts(f, "VST")) && f[3] >= '1' && f[3] <= '4') return MF_NEON;
  if (starts(f, "SWP")) {
    *size = f[3] == 'B' ? 1 : 4;
    return MF_SWAP;
  }
  if (starts(f, "LDRD") || starts(f, "STRD")) {
    *size = 8;
    return MF_PAIR;
  }
  if (starts(f, "LDR") || starts(f, "STR")) {
    *size = width_letter(f + 3);
    if (f[3] == 'D') *size = 4; /* not reached: LDRD above */
    return MF_SINGLE;
  }
  return MF_NONE;
}

/* The element size of a NEON load or store: vld1.16 -> 2. */
static unsigned neon_element(const char *text) {
  const char *dot = strchr(text, '.');
  unsigned bits = dot ? (unsigned)strtoul(dot + 1, NULL, 10) : 0;
  return bits ? bits / 8 : 0;
}

/* The first address of LDM/STM-style accesses of total bytes (IA, IB, DA,
 * DB; push is DB, pop IA). */
static long long multiple_start(const char *f, unsigned total) {
  if (starts(f, "PUSH") || strstr(f, "DB")) return -(long long)total;
  if (strstr(f, "DA")) return 4 - (long long)total;
  if (strstr(f, "IB")) return 4;
  return 0;
}

/* push and pop of a register list: the lowest register at the lowest
 * address, so in push order (the first highest) the list runs backwards;
 * the registers as named (vpush {d8} pushes a part of q4). */
static void stack_list(as_insn *insn, const unsigned *regs, unsigned n) {
  if (n > sizeof insn->stack_list / sizeof insn->stack_list[0]) return;
  for (unsigned k = 0; k < n; k++) insn->stack_list[k] = regs[n - 1 - k];
  insn->num_stack_list = n;
}

/* strb, strh, strexb, strexh, stlb, stlh: the register stored gives its
 * low 8 or 16 bits only. */
static void narrow_store_data(as_target *t, const as_mc_insn *mi, as_insn *insn, mem_family fam, unsigned size) {
  if (size > 2 || !(mi->desc_flags & AS_MCD_MAY_STORE) || (fam != MF_SINGLE && fam != MF_EXCLUSIVE && fam != MF_ORDERED))
    return;
  /* the data register: the first register used (strexh's status and the
   * base written back are defs) */
  for (unsigned i = 0; i < mi->num_ops; i++) {
    if (mi->ops[i].kind != AS_MCOP_REG || !mi->ops[i].reg || mi->ops[i].predicate || i < mi->num_defs) continue;
    for (unsigned r = 0; r < insn->num_reads; r++)
      if (insn->reads[r].sub == mi->ops[i].reg) insn->reads[r].used_bits = size * 8;
    return;
  }
  (void)t;
}

/* The memory access of a load or store, its register list and what it
 * does to the base register; *size of the family (0: unknown). */
static void describe_memory(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn, mem_family fam,
                            unsigned size) {
  const char *f = family(mi->opcode_name);
  bool load = (mi->desc_flags & AS_MCD_MAY_LOAD) != 0, store = (mi->desc_flags & AS_MCD_MAY_STORE) != 0;
  unsigned regs[32];
  unsigned nregs = text_reg_list(t, mi->att_text, regs, 32);
  address a;
  bool has_addr = text_address(t, mi->att_text, &a);
  as_mem_access *m = add_mem(insn);
  if (!m) return;
  m->load = load;
  m->store = store;
  if (fam == MF_MULTIPLE || fam == MF_VFP_MULTIPLE) {
    bool push_pop = starts(f, "PUSH") || starts(f, "POP") || starts(f, "VPUSH") || starts(f, "VPOP");
    m->base = push_pop ? t->sp : (mi->num_ops && mi->ops[0].kind == AS_MCOP_REG ? as_target_reg_full(t, mi->ops[0].reg) : 0);
    m->size = size * nregs;
    m->disp = multiple_start(f, m->size);
    m->align = 4;
    a.writeback = push_pop || strstr(f, "_UPD") != NULL || strstr(f, "_RET") != NULL;
    if (a.writeback && m->base == t->sp) {
      m->stack = true;
      insn->sp_delta = (int)(m->disp < 0 ? -(long long)m->size : (long long)m->size);
      stack_list(insn, regs, nregs);
    }
    return;
  }
  if (!has_addr && (starts(insn->mnemonic, "push") || starts(insn->mnemonic, "pop"))) {
    /* push {r4} and pop {r4} as str r4, [sp, #-4]! and ldr r4, [sp], #4 */
    memset(&a, 0, sizeof a);
    a.base = t->sp;
    bool push = insn->mnemonic[1] == 'u';
    a.writeback = push, a.post_index = !push;
    a.disp = push ? -4 : 0, a.post = 4;
    has_addr = true;
  }
  if (!has_addr) {
    insn->num_mem--;
    insn->unmodeled = as_arena_printf(arena, "%s: an address the describer cannot read", insn->mnemonic);
    return;
  }
  m->base = as_target_reg_full(t, a.base);
  m->index = a.index ? as_target_reg_full(t, a.index) : 0;
  m->disp = a.post_index ? 0 : a.disp;
  m->size = size;
  if (a.index && (a.negative_index || strstr(mi->att_text, "ls") || strstr(mi->att_text, "as") ||
                  strstr(mi->att_text, "ror") || strstr(mi->att_text, "rrx")))
    m->scale = 0; /* a shifted or subtracted index: the range is not modeled */
  if (m->scale == 0) m->scale = 1, m->disp = 0, m->size = 0;
  if (fam == MF_NEON) {
    unsigned elem = neon_element(mi->att_text);
    m->size = strstr(f, "LN") || strstr(f, "DUP") ? elem * nregs : 8 * nregs;
    m->align = a.align ? a.align : 1;
  } else if (fam == MF_EXCLUSIVE || fam == MF_ORDERED || fam == MF_SWAP) {
    /* MC marks the exclusives both load and store (for their monitor): an
     * ldrex only loads, a strex only stores. */
    if (fam != MF_SWAP) m->load = f[0] == 'L', m->store = f[0] == 'S';
    m->align = size;
    insn->side_effects |= AS_SE_ATOMIC;
  } else if (fam == MF_PAIR || fam == MF_VFP_SINGLE) {
    m->align = size == 2 ? 2 : 4;
  }
  narrow_store_data(t, mi, insn, fam, size);
  if (m->base == t->sp && (a.writeback || a.post_index) && !a.index) {
    m->stack = true;
    insn->sp_delta = (int)(a.post_index ? a.post : a.disp);
  }
}

/* ---- side effects: system, barrier and hint families --------------------- */

/* mrs/msr on the M profile name a special register by number (SYSm):
 * 0-7 the APSR views, 8-9 the stack pointers, 16-20 the masks and
 * CONTROL. */
static void special_register(as_insn *insn, long long sysm, bool write) {
  insn->flags_read = insn->flags_written = false; /* MC's implicit CPSR */
  if (sysm >= 0 && sysm <= 7) {
    if (write) insn->flags_written = true;
    else insn->flags_read = true;
    return;
  }
  insn->side_effects |= AS_SE_SYSTEM;
}

static long long first_imm(const as_mc_insn *mi) {
  for (unsigned i = 0; i < mi->num_ops; i++)
    if (mi->ops[i].kind == AS_MCOP_IMM && !mi->ops[i].predicate) return mi->ops[i].imm;
  return -1;
}

/* mrc/mcr p15: the thread ID registers (c13) are plain reads, the
 * performance counters (c9) change by themselves, the old CP15 barriers
 * (c7, c10, 4/5 and c7, c5, 4) are fences; the rest is system state. */
static void coprocessor(const as_mc_insn *mi, as_insn *insn, bool read) {
  long long cp = first_imm(mi);
  const char *txt = mi->att_text;
  if (cp == 15 && read && strstr(txt, "c13, c0")) return;
  if (cp == 15 && read && strstr(txt, "c9, c")) {
    insn->side_effects |= AS_SE_NONDET;
    return;
  }
  if (cp == 15 && !read && (strstr(txt, "c7, c10, #4") || strstr(txt, "c7, c10, #5") || strstr(txt, "c7, c5, #4"))) {
    insn->side_effects |= AS_SE_FENCE;
    return;
  }
  insn->side_effects |= AS_SE_SYSTEM;
}

static void hint(const as_mc_insn *mi, as_insn *insn) {
  switch (first_imm(mi)) {
  case 2: case 3: case 4: case 5: insn->side_effects |= AS_SE_SYSTEM; break; /* wfe wfi sev sevl */
  case 20: insn->side_effects |= AS_SE_FENCE; break;                         /* csdb */
  default: insn->side_effects |= AS_SE_HINT; break;                          /* nop yield */
  }
}

/* Saturating and DSP arithmetic that sets the APSR's Q flag; SIMD add and
 * subtract that set its GE flags.  Both are status flags "cc" covers. */
static bool sets_q_or_ge(const char *f) {
  static const char *const families[] = {"QADD", "QSUB", "QDADD", "QDSUB", "SSAT", "USAT", "SMLAD", "SMLSD",
                                         "SMUAD", "SMLABB", "SMLABT", "SMLATB", "SMLATT", "SMLAWB", "SMLAWT",
                                         "SADD8", "SADD16", "SSUB8", "SSUB16", "SASX", "SSAX", "UADD8", "UADD16",
                                         "USUB8", "USUB16", "UASX", "USAX", NULL};
  for (unsigned i = 0; families[i]; i++)
    if (starts(f, families[i])) return true;
  return false;
}

static bool system_families(as_target *t, const as_mc_insn *mi, as_insn *insn, const char *f) {
  if (starts(f, "DMB") || starts(f, "DSB") || starts(f, "ISB") || starts(f, "SSBB") || starts(f, "PSSBB") ||
      starts(f, "SB")) {
    insn->side_effects |= AS_SE_FENCE;
  } else if (starts(f, "HINT") || !strcmp(f, "NOP")) {
    hint(mi, insn);
  } else if (starts(f, "CPS")) {
    insn->side_effects |= AS_SE_SYSTEM; /* interrupt masks, not the status flags */
  } else if (starts(f, "MRS_M") || starts(f, "MSR_M")) {
    bool write = f[1] == 'S';
    long long sysm = -1;
    for (unsigned i = 0; i < mi->num_ops; i++)
      if (mi->ops[i].kind == AS_MCOP_IMM && !mi->ops[i].predicate) sysm = mi->ops[i].imm & 0xff;
    special_register(insn, sysm, write);
  } else if (starts(f, "MRS") && strstr(mi->att_text, "apsr")) {
    insn->flags_read = true;
  } else if (starts(f, "MSR") && strstr(mi->att_text, "apsr_") && !strstr(mi->att_text, "_g") &&
             !strstr(mi->att_text, "cpsr")) {
    insn->flags_written = true;
  } else if (starts(f, "MSR") && !strstr(mi->att_text, "apsr") && !strchr(strchr(mi->att_text, '_') ? strchr(mi->att_text, '_') : "f", 'f')) {
    insn->flags_written = false; /* cpsr_c, cpsr_x, cpsr_s: not the flags field */
    insn->side_effects |= AS_SE_SYSTEM;
  } else if (starts(f, "MRS") || starts(f, "MSR") || starts(f, "MRRC") || starts(f, "MCRR") || starts(f, "CDP") ||
             starts(f, "LDC") || starts(f, "STC")) {
    insn->side_effects |= AS_SE_SYSTEM;
  } else if (starts(f, "MRC") || starts(f, "MCR")) {
    coprocessor(mi, insn, f[1] == 'R');
  } else if (starts(f, "VMRS") || starts(f, "FMSTAT")) {
    /* the floating-point status: cumulative exception flags the compiler
     * does not see change */
    insn->side_effects |= AS_SE_NONDET;
  } else if (starts(f, "VMSR")) {
    insn->side_effects |= AS_SE_FPENV;
  } else if (sets_q_or_ge(f)) {
    insn->flags_written = true; /* the sticky Q flag or the GE flags of the APSR */
  } else if (starts(f, "SEL")) {
    insn->flags_read = true; /* the GE flags choose each byte */
  } else if (starts(f, "CLREX")) {
    insn->side_effects |= AS_SE_ATOMIC;
  } else if (starts(f, "SVC") || starts(f, "SMC") || starts(f, "HVC")) {
    insn->side_effects |= AS_SE_SYSTEM;
    (void)t;
  } else if (starts(f, "SETEND") || starts(f, "RFE") || starts(f, "SRS") || starts(f, "ERET") || starts(f, "BXJ") ||
             starts(f, "SUBS_PC_LR")) {
    insn->side_effects |= AS_SE_SYSTEM;
    insn->unmodeled = "an exception return or state change";
  } else {
    return false;
  }
  return true;
}

/* ---- control flow ---------------------------------------------------------- */

static bool writes_pc(const as_target *t, const as_insn *insn, const as_mc_insn *mi) {
  for (unsigned i = 0; i < mi->num_ops; i++)
    if (mi->ops[i].kind == AS_MCOP_REG && as_target_reg_full(t, mi->ops[i].reg) == t->ip &&
        (i < mi->num_defs || (insn->num_mem && insn->mem[0].load)))
      return true;
  return false;
}

static void control_kind(as_target *t, const as_mc_insn *mi, as_insn *insn, const char *f, bool conditional) {
  /* MC marks svc a call: it is a system call, which returns after it. */
  if (starts(f, "SVC")) return;
  if (mi->desc_flags & AS_MCD_CALL) {
    insn->kind = insn->target ? AS_INSN_CALL : AS_INSN_CALL_INDIRECT;
    insn->unmodeled = "call: the callee's effects are not modeled";
  } else if (mi->desc_flags & AS_MCD_RETURN) {
    insn->kind = AS_INSN_RETURN;
  } else if (mi->desc_flags & AS_MCD_BRANCH) {
    if (mi->desc_flags & AS_MCD_INDIRECT_BRANCH || !insn->target) insn->kind = AS_INSN_JUMP_INDIRECT;
    else if (conditional || starts(f, "CBZ") || starts(f, "CBNZ") || (mi->desc_flags & AS_MCD_COND_BRANCH))
      insn->kind = AS_INSN_JUMP_COND;
    else insn->kind = AS_INSN_JUMP;
    if (insn->kind == AS_INSN_JUMP_INDIRECT) insn->target = NULL;
  } else if ((mi->desc_flags & AS_MCD_TRAP) || starts(f, "BKPT") || starts(f, "UDF")) {
    insn->kind = AS_INSN_TRAP;
  } else if (writes_pc(t, insn, mi)) {
    /* pop {..., pc}, ldr pc, [sp], #4: a return; mov pc, rN: a jump. */
    bool from_stack = insn->num_mem && insn->mem[0].base == t->sp && insn->mem[0].load;
    insn->kind = from_stack ? AS_INSN_RETURN : AS_INSN_JUMP_INDIRECT;
  }
  if (conditional && insn->kind == AS_INSN_RETURN) insn->unmodeled = "a conditional return";
}

/* ---- one instruction ------------------------------------------------------- */

static void text_and_mnemonic(as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  char *txt = as_arena_strdup(arena, mi->att_text), *w = txt;
  for (const char *r = mi->att_text; *r; r++) {
    bool space = *r == ' ' || *r == '\t';
    if (space && (w == txt || w[-1] == ' ')) continue;
    *w++ = space ? ' ' : *r;
  }
  while (w > txt && w[-1] == ' ') w--;
  *w = '\0';
  insn->text = txt;
  insn->mnemonic = as_arena_strndup(arena, txt, strcspn(txt, " "));
}

/* The condition of a predicated instruction (14: always). */
static long long condition(const as_mc_insn *mi) {
  for (unsigned i = 0; i < mi->num_ops; i++)
    if (mi->ops[i].predicate && mi->ops[i].kind == AS_MCOP_IMM) return mi->ops[i].imm;
  return 14;
}

/* Explicit operands: defs, uses, the flag-setting `s` and the predicate;
 * the register lists of loads and stores of several registers. */
static void explicit_operands(as_target *t, const as_mc_insn *mi, as_insn *insn, mem_family fam) {
  bool list_load = (mi->desc_flags & AS_MCD_MAY_LOAD) != 0;
  bool after_predicate = false;
  for (unsigned i = 0; i < mi->num_ops; i++) {
    const as_mc_operand *o = &mi->ops[i];
    if (o->predicate) {
      if (o->kind == AS_MCOP_REG) after_predicate = true;
      continue;
    }
    if (o->kind == AS_MCOP_EXPR && o->symbol) insn->target = o->symbol;
    if (o->kind != AS_MCOP_REG || !o->reg) continue;
    if (fam == MF_NEON && (as_arm_gpr_index(t, o->reg) < 0)) continue; /* from the text's list */
    if (o->optional_def) {
      note_reg(t, insn, o->reg, false, true);
      continue;
    }
    bool list = after_predicate && (fam == MF_MULTIPLE || fam == MF_VFP_MULTIPLE);
    bool def = list ? list_load : i < mi->num_defs;
    note_reg(t, insn, o->reg, false, def);
    if (o->tied_to >= 0) note_reg(t, insn, o->reg, false, false);
  }
  if (fam == MF_NEON) {
    unsigned regs[32];
    unsigned n = text_reg_list(t, mi->att_text, regs, 32);
    bool lane = strstr(mi->opcode_name, "LN") != NULL;
    for (unsigned k = 0; k < n; k++) {
      note_reg(t, insn, regs[k], false, list_load);
      if (lane && list_load) note_reg(t, insn, regs[k], false, false); /* the other lanes stay */
    }
  }
}

/* A conditional instruction may or may not write: each register it writes
 * keeps its old value when the condition fails (a read, as for a merge). */
static void conditional_writes(as_target *t, as_insn *insn) {
  insn->flags_read = true;
  unsigned n = insn->num_writes;
  for (unsigned k = 0; k < n; k++) note_one(t, insn, insn->writes[k].sub, insn->writes[k].implicit, false);
}

/* sub sp, sp, #16 and add sp, #16 move the stack pointer by a constant;
 * mov rd, rm copies; mov rd, #imm sets. */
static void describe_value(const as_mc_insn *mi, as_insn *insn, const char *f) {
  const as_mc_operand *o = mi->ops;
  unsigned n = mi->num_ops;
  if (insn->num_mem || n < 2 || o[0].kind != AS_MCOP_REG) return;
  long long imm = 0;
  unsigned src = 0;
  for (unsigned i = 1; i < n; i++) {
    if (o[i].predicate || o[i].optional_def) continue;
    if (o[i].kind == AS_MCOP_IMM && !imm) imm = o[i].imm;
    if (o[i].kind == AS_MCOP_REG && o[i].reg && !src) src = o[i].reg;
  }
  if ((!strcmp(f, "MOVr") || !strcmp(f, "MOVr_TC")) && src) {
    insn->value_op = AS_VAL_COPY, insn->value_dst = o[0].reg, insn->value_src = src;
  } else if ((!strcmp(f, "MOVi") || !strcmp(f, "MOVi8") || !strcmp(f, "MOVi16")) && !src) {
    insn->value_op = AS_VAL_CONST, insn->value_dst = o[0].reg, insn->value_imm = imm;
  } else if ((!strcmp(f, "ADDri") || !strcmp(f, "SUBri") || !strcmp(f, "ADDri12") || !strcmp(f, "SUBri12") ||
              !strcmp(f, "ADDi8") || !strcmp(f, "SUBi8") || !strcmp(f, "ADDspi") || !strcmp(f, "SUBspi") ||
              !strcmp(f, "ADDspImm") || !strcmp(f, "SUBspImm") || !strcmp(f, "ADDspImm12") ||
              !strcmp(f, "SUBspImm12")) &&
             (src == o[0].reg || !src)) {
    /* Thumb-1's add/sub sp, #imm encode the immediate in words. */
    if (!strcmp(f, "ADDspi") || !strcmp(f, "SUBspi")) imm *= 4;
    insn->value_op = AS_VAL_ADD_CONST, insn->value_dst = o[0].reg;
    insn->value_imm = f[0] == 'S' ? -imm : imm;
  }
}

/* Integer operations whose low k result bits depend only on the low k
 * bits of their sources (insn.h low_bits_closed): add, sub, rsb, and, orr,
 * eor, bic, orn, mvn and mov of registers or an immediate, in the ARM,
 * Thumb-2 and Thumb-1 forms; not the shifted-register ones (an lsr brings
 * upper bits down).  The flag-setting forms are excluded by the caller. */
static bool low_bits_closed(const char *f) {
  static const char *const ops[] = {"ADDrr", "ADDri", "ADDri12", "ADDi3", "ADDi8", "SUBrr", "SUBri", "SUBri12",
                                    "SUBi3", "SUBi8", "RSBri", "RSBrr", "RSB", "ANDrr", "ANDri", "AND",
                                    "ORRrr", "ORRri", "ORR", "EORrr", "EORri", "EOR", "BICrr", "BICri",
                                    "BIC", "ORNrr", "ORNri", "MVNr", "MVN", "MOVr", NULL};
  for (unsigned k = 0; ops[k]; k++)
    if (!strcmp(f, ops[k])) return true;
  return false;
}

/* Operations that use only the low bits of a source register: and/tst
 * with an immediate mask (the bits up to its highest), and the extends
 * uxtb, sxtb, uxth, sxth (8 or 16 bits above their rotation). */
static void masked_reads(const as_target *t, const as_mc_insn *mi, as_insn *insn, const char *f) {
  unsigned used = 0, src = 0;
  if ((!strcmp(f, "ANDri") || !strcmp(f, "TSTri")) && mi->num_ops >= 2) {
    unsigned i = !strcmp(f, "ANDri") ? 1 : 0;
    if (mi->num_ops <= i + 1 || mi->ops[i].kind != AS_MCOP_REG || mi->ops[i + 1].kind != AS_MCOP_IMM) return;
    uint32_t v = (uint32_t)mi->ops[i + 1].imm;
    if (mi->opcode_name[0] != 't') { /* ARM's modified immediate: imm8 rotated right by 2 * rot */
      unsigned rot = ((v >> 8) & 0xf) * 2, bits = v & 0xff;
      v = rot ? (bits >> rot) | (bits << (32 - rot)) : bits;
    }
    src = mi->ops[i].reg;
    while (used < 32 && (v >> used)) used++;
  } else if ((!strcmp(f, "UXTB") || !strcmp(f, "SXTB") || !strcmp(f, "UXTH") || !strcmp(f, "SXTH")) &&
             mi->num_ops >= 2 && mi->ops[1].kind == AS_MCOP_REG) {
    unsigned rot = mi->num_ops > 2 && mi->ops[2].kind == AS_MCOP_IMM && !mi->ops[2].predicate
                       ? (unsigned)mi->ops[2].imm * 8
                       : 0;
    src = mi->ops[1].reg;
    used = rot + (f[3] == 'B' ? 8 : 16);
  }
  for (unsigned i = 0; used && i < insn->num_reads; i++)
    if (insn->reads[i].sub == src && as_arm_gpr_index(t, src) >= 0 && insn->reads[i].bits > used)
      insn->reads[i].used_bits = used;
}

/* svc #0 (Linux EABI): the number in r7, the result in r0. */
static void system_call(as_target *t, const as_mc_insn *mi, as_insn *insn, const char *f) {
  if (!starts(f, "SVC") || first_imm(mi) != 0 || !strstr(t->triple, "linux")) return;
  insn->syscall_nr_reg = as_target_reg_lookup(t, "r7");
  note_reg(t, insn, insn->syscall_nr_reg, true, false);
  note_reg(t, insn, as_target_reg_lookup(t, "r0"), true, true);
}

static void zero_idiom(const as_mc_insn *mi, as_insn *insn, const char *f) {
  if ((starts(f, "EORrr") || starts(f, "SUBrr") || starts(f, "VEOR")) && mi->num_ops >= 3 &&
      mi->ops[1].kind == AS_MCOP_REG && mi->ops[2].kind == AS_MCOP_REG && mi->ops[1].reg == mi->ops[2].reg)
    insn->zero_idiom = true;
}

static void describe_one(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn, unsigned *merge_from) {
  const char *op = mi->opcode_name, *f = family(op);
  memset(insn, 0, sizeof *insn);
  insn->line = mi->line;
  insn->column = mi->column;
  insn->opcode = op;
  insn->df_set = -1;
  insn->target_insn = -1;
  text_and_mnemonic(arena, mi, insn);
  unsigned size;
  mem_family fam = classify(op, &size);
  bool conditional = condition(mi) != 14 && condition(mi) != 15;
  explicit_operands(t, mi, insn, fam);
  for (unsigned i = 0; i < mi->num_implicit_uses; i++) note_reg(t, insn, mi->implicit_uses[i], true, false);
  for (unsigned i = 0; i < mi->num_implicit_defs; i++) note_reg(t, insn, mi->implicit_defs[i], true, true);
  /* Compares only set the flags; MC marks Thumb's tCMPhir (cmp of high
   * registers, a pattern-less definition) as having unmodeled side effects. */
  bool compare = starts(f, "CMP") || starts(f, "CMN") || starts(f, "TST") || starts(f, "TEQ");
  bool classified = fam != MF_NONE || system_families(t, mi, insn, f) || compare;
  if (fam == MF_HINT) insn->side_effects |= AS_SE_HINT;
  else if (fam != MF_NONE) describe_memory(t, arena, mi, insn, fam, size);
  else if ((mi->desc_flags & (AS_MCD_MAY_LOAD | AS_MCD_MAY_STORE)) && !classified)
    insn->unmodeled = as_arena_printf(arena, "%s: memory access of unknown size", insn->mnemonic);
  if (insn->sp_delta) {
    /* The base register's writeback is the stack pointer's change. */
    unsigned k = 0;
    for (unsigned w = 0; w < insn->num_writes; w++)
      if (insn->writes[w].reg != t->sp) insn->writes[k++] = insn->writes[w];
    insn->num_writes = k;
    insn->sp_explicit_write = false;
  }
  control_kind(t, mi, insn, f, conditional);
  *merge_from = insn->num_reads;
  if (conditional) conditional_writes(t, insn);
  system_call(t, mi, insn, f);
  zero_idiom(mi, insn, f);
  if ((mi->desc_flags & AS_MCD_UNMODELED_SIDE_EFFECTS) && !classified && !insn->unmodeled &&
      insn->kind == AS_INSN_OTHER && !starts(f, "IT") && !insn->side_effects)
    insn->unmodeled = as_arena_printf(arena, "%s: side effects LLVM does not describe", insn->mnemonic);
  if (!conditional) describe_value(mi, insn, f);
  masked_reads(t, mi, insn, f);
  insn->low_bits_closed = !conditional && !insn->flags_written && !insn->num_mem && low_bits_closed(f);
}

/* A conditional write's old value (the merge read) matters only where the
 * value reaches something when the condition failed.  When the block goes
 * on to read the register only under the same condition (strexeq %1 ...;
 * cmpeq %1, #1: an exclusive store's status tested only if it ran), the
 * old value never reaches anything: the merge read passes it through. */
static void same_condition_merges(as_insn *insns, unsigned n, const long long *cond, const unsigned *merge_from) {
  for (unsigned i = 0; i < n; i++) {
    for (unsigned r = merge_from[i]; r < insns[i].num_reads; r++) {
      unsigned reg = insns[i].reads[r].reg;
      bool later_read = false, other_read = false;
      for (unsigned j = i + 1; j < n && !other_read; j++) {
        bool reads = false, writes = false;
        for (unsigned k = 0; k < insns[j].num_reads; k++) reads |= insns[j].reads[k].reg == reg;
        for (unsigned k = 0; k < insns[j].num_writes; k++) writes |= insns[j].writes[k].reg == reg;
        if (reads && cond[j] == cond[i]) later_read = true;
        else if (reads) other_read = true;
        if (writes && cond[j] != cond[i] && !reads) break;
        if (insns[j].kind != AS_INSN_OTHER && insns[j].kind != AS_INSN_JUMP_COND) other_read = true;
      }
      if (later_read && !other_read) insns[i].reads[r].passthrough = true;
    }
  }
}

void as_arm_describe_insns(as_target *t, as_arena *arena, const as_mc_result *mc, as_decoded *out) {
  out->insns = as_arena_alloc(arena, sizeof(as_insn) * (mc->num_insns + 1));
  out->num_insns = 0;
  long long *cond = as_arena_alloc(arena, sizeof(long long) * (mc->num_insns + 1));
  unsigned *merge_from = as_arena_alloc(arena, sizeof(unsigned) * (mc->num_insns + 1));
  for (unsigned i = 0; i < mc->num_insns; i++) {
    cond[out->num_insns] = condition(&mc->insns[i]);
    as_insn *insn = &out->insns[out->num_insns];
    describe_one(t, arena, &mc->insns[i], insn, &merge_from[out->num_insns++]);
    /* mrs of the APSR saves the flags; msr to it restores them. */
    const char *f = family(insn->opcode);
    insn->flags_saved = starts(f, "MRS") && insn->flags_read && !insn->side_effects;
    insn->flags_restored = starts(f, "MSR") && insn->flags_written && !insn->side_effects;
    /* ARM reads the flags only to use them: a condition, a carry in. */
    insn->flags_consumed = insn->flags_read && !insn->flags_saved;
  }
  same_condition_merges(out->insns, out->num_insns, cond, merge_from);
  as_target_place_labels(arena, mc, NULL, out);
}

const char *as_arm_insn_text(as_arena *arena, const as_target *t, const as_insn *insn) {
  as_strbuf b;
  as_strbuf_init(&b, arena);
  static const char *const kinds[] = {"", "jump", "jump-cond", "jump-indirect", "call", "call-indirect",
                                      "return", "trap", "halt"};
  as_strbuf_printf(&b, "%-8s", insn->mnemonic);
  if (insn->num_reads) as_strbuf_puts(&b, " reads="), as_target_regs_text(&b, t, insn->reads, insn->num_reads);
  if (insn->num_writes) as_strbuf_puts(&b, " writes="), as_target_regs_text(&b, t, insn->writes, insn->num_writes);
  if (insn->flags_read || insn->flags_written)
    as_strbuf_printf(&b, " flags=%s%s%s", insn->flags_read ? "r" : "", insn->flags_written ? "w" : "",
                     insn->flags_consumed ? "(consumed)" : "");
  for (unsigned i = 0; i < insn->num_mem; i++) {
    const as_mem_access *m = &insn->mem[i];
    as_strbuf_printf(&b, " %s%s%s[%s", m->load ? "load" : "", m->load && m->store ? "+" : "", m->store ? "store" : "",
                     m->base ? as_target_reg_name(t, m->base) : "");
    if (m->index) as_strbuf_printf(&b, "+%s", as_target_reg_name(t, m->index));
    if (m->disp) as_strbuf_printf(&b, "%+lld", (long long)m->disp);
    as_strbuf_printf(&b, "] size=%u", m->size);
    if (m->align > 1) as_strbuf_printf(&b, " align=%u", m->align);
    if (m->stack) as_strbuf_puts(&b, " stack");
  }
  if (insn->sp_delta) as_strbuf_printf(&b, " sp%+d", insn->sp_delta);
  if (insn->sp_explicit_write) as_strbuf_puts(&b, " sp=written");
  if (insn->syscall_nr_reg) as_strbuf_printf(&b, " syscall(%s)", as_target_reg_name(t, insn->syscall_nr_reg));
  if (insn->kind) {
    as_strbuf_printf(&b, " %s", kinds[insn->kind]);
    if (insn->target) as_strbuf_printf(&b, "->%s", insn->target);
    if (insn->target_insn >= 0) as_strbuf_printf(&b, "(#%d)", insn->target_insn);
  }
  if (insn->zero_idiom) as_strbuf_puts(&b, " zero-idiom");
  static const char *const se[] = {"io", "fence", "system", "nondet", "hint", "atomic", "cache", "fpenv"};
  for (unsigned i = 0; i < 8; i++)
    if (insn->side_effects & (1u << i)) as_strbuf_printf(&b, " effect=%s", se[i]);
  if (insn->unmodeled) as_strbuf_printf(&b, " UNMODELED(%s)", insn->unmodeled);
  return b.data;
}
