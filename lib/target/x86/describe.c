/* Describes each assembled instruction in arch-neutral terms (insn.h) from
 * what MC says (mc_shim.h), plus the small tables keyed on MC opcode families
 * for what MC does not say: string-op and stack-op memory, required
 * alignment, side-effect class, LOOP's counter.  Anything else whose effects
 * MC leaves open is marked unmodeled. */
#include "../target_internal.h"
#include "x86.h"

#include <stdio.h>
#include <string.h>

static bool starts(const char *s, const char *prefix) {
  return !strncmp(s, prefix, strlen(prefix));
}

/* cmpxchg8b/16b compare edx:eax (rdx:rax) and store ecx:ebx (rcx:rbx). */
static void cas_pairs(const as_target *t, as_insn *insn) {
  static const char *const r64[] = {"rax", "rdx", "rbx", "rcx"}, *const r32[] = {"eax", "edx", "ebx", "ecx"};
  const char *const *r = t->is64 ? r64 : r32;
  insn->cas_cmp[0] = as_target_reg_full(t, as_target_reg_lookup(t, r[0]));
  insn->cas_cmp[1] = as_target_reg_full(t, as_target_reg_lookup(t, r[1]));
  insn->cas_new[0] = as_target_reg_full(t, as_target_reg_lookup(t, r[2]));
  insn->cas_new[1] = as_target_reg_full(t, as_target_reg_lookup(t, r[3]));
}

static bool any_of(const char *s, const char *const *names) {
  for (unsigned i = 0; names[i]; i++)
    if (!strcmp(s, names[i])) return true;
  return false;
}

static bool any_prefix(const char *s, const char *const *prefixes) {
  for (unsigned i = 0; prefixes[i]; i++)
    if (starts(s, prefixes[i])) return true;
  return false;
}

/* ---- tables keyed on MC opcode families -------------------------------- */

static const char *const nondet_ops[] = {"RDTSC", "RDTSCP", "RDPMC", "RDPID", "RDRAND", "RDSEED", NULL};
static const char *const fence_ops[] = {"MFENCE", "LFENCE", "SFENCE", "SERIALIZE", NULL};
static const char *const hint_ops[] = {"PAUSE", "PREFETCH", "NOOP", "NOP", "ENDBR", "CLDEMOTE", NULL};
static const char *const cache_ops[] = {"CLFLUSH", "CLFLUSHOPT", "CLWB", "WBINVD", "WBNOINVD", "INVD", NULL};
static const char *const system_ops[] = {
    "SYSCALL", "SYSENTER", "SYSEXIT", "SYSRET", "INT", "INTO", "HLT", "CLI", "STI", "WRMSR",
    "RDMSR", "LGDT", "LIDT", "LLDT", "LTR", "SGDT", "SIDT", "SLDT", "STR", "INVLPG", "INVPCID",
    "SWAPGS", "IRET", "CLTS", "LMSW", "SMSW", "XSETBV", "VMCALL", "VMMCALL", "VMLAUNCH",
    "VMRESUME", "VMXON", "VMXOFF", "STAC", "CLAC", "WRFSBASE", "WRGSBASE", "RDFSBASE",
    "RDGSBASE", "MONITOR", "MWAIT", "UMONITOR", "UMWAIT", "TPAUSE", "ENCLS", "ENCLU", "LAR",
    "LSL", "VERR", "VERW", "MOV64cr", "MOV64rc", "MOV32cr", "MOV32rc", "MOV64dr", "MOV64rd",
    "MOV32dr", "MOV32rd", "MOV16sr", "MOV32sr", "MOV64sr", "MOV16sm", "MOV16rs", "MOV32rs",
    "MOV64rs", "XRSTORS", "XSAVES", "WRPKRU", "RDPKRU", "INCSSP", "RDSSP", "SAVEPREVSSP",
    "RSTORSSP", "WRSS", "WRUSS", "SETSSBSY", "CLRSSBSY", "UD1", "UD0", NULL};
/* MC marks these as having unmodeled side effects; their effects are fully
 * given by their implicit registers (and, for the direct stores, by the
 * accesses direct_stores() describes), so they are modeled. */
static const char *const benign_unmodeled[] = {"CPUID", "STD", "CLD", "STC", "CLC", "CMC", "XGETBV",
                                               "RDTSC", "RDTSCP", "RDPMC", "RDPID32", "RDPID64",
                                               "DIV", "IDIV", /* may trap (#DE): registers are exact */
                                               "MOVDIRI", "MOVDIR64B", "ENQCMD", "XTEST", NULL};
/* Legacy-SSE 16-byte memory operands that do not need alignment. */
static const char *const unaligned_sse[] = {"MOVUPS", "MOVUPD", "MOVDQU", "LDDQU", "MASKMOVDQU",
                                            "MOVHPS", "MOVHPD", "MOVLPS", "MOVLPD", "CMPXCHG16B",
                                            NULL};
static const char *const aligned_moves[] = {"MOVAPS", "MOVAPD", "MOVDQA", "MOVNTPS", "MOVNTPD",
                                            "MOVNTDQ", "VMOVAPS", "VMOVAPD", "VMOVDQA",
                                            "VMOVNTPS", "VMOVNTPD", "VMOVNTDQ", NULL};

static unsigned size_from_intel(const char *text, unsigned which) {
  static const struct {
    const char *word;
    unsigned size;
  } sizes[] = {{"byte ptr", 1},     {"word ptr", 2},    {"dword ptr", 4},   {"qword ptr", 8},
               {"tbyte ptr", 10},   {"xmmword ptr", 16}, {"ymmword ptr", 32}, {"zmmword ptr", 64}};
  const char *p = text;
  unsigned seen = 0;
  while ((p = strstr(p, " ptr"))) {
    const char *w = p;
    while (w > text && w[-1] != ' ' && w[-1] != '\t' && w[-1] != ',') w--;
    size_t n = (size_t)(p - w) + 4;
    for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
      if (strlen(sizes[i].word) == n && !strncmp(w, sizes[i].word, n)) {
        if (seen == which) return sizes[i].size;
        seen++;
      }
    p += 4;
  }
  return 0;
}

/* String instruction families: which index register is loaded/stored and
 * the element size from the suffix. */
typedef struct string_op {
  bool load_si, load_di, store_di, io;
  unsigned size;
} string_op;

static bool string_family(const char *op, string_op *out) {
  static const struct {
    const char *stem;
    bool load_si, load_di, store_di, io;
  } stems[] = {{"MOVS", true, false, true, false}, {"STOS", false, false, true, false},
               {"LODS", true, false, false, false}, {"CMPS", true, true, false, false},
               {"SCAS", false, true, false, false}, {"INS", false, false, true, true},
               {"OUTS", true, false, false, true}};
  for (unsigned i = 0; i < sizeof stems / sizeof stems[0]; i++) {
    size_t n = strlen(stems[i].stem);
    if (strncmp(op, stems[i].stem, n) || strlen(op) != n + 1) continue;
    unsigned size;
    switch (op[n]) {
    case 'B': size = 1; break;
    case 'W': size = 2; break;
    case 'L': case 'D': size = 4; break;
    case 'Q': size = 8; break;
    default: continue;
    }
    out->load_si = stems[i].load_si;
    out->load_di = stems[i].load_di;
    out->store_di = stems[i].store_di;
    out->io = stems[i].io;
    out->size = size;
    return true;
  }
  return false;
}

static bool is_io(const char *op) {
  if ((starts(op, "IN") && op[2] >= '0' && op[2] <= '9') ||
      (starts(op, "OUT") && op[3] >= '0' && op[3] <= '9'))
    return true;
  return false;
}

/* Stack families: implicit slot size (bytes), and whether it pushes. */
static unsigned stack_family(const char *op, int *direction) {
  static const struct {
    const char *prefix;
    int dir;
    unsigned size;
  } fam[] = {{"PUSHF16", -1, 2}, {"PUSHF32", -1, 4}, {"PUSHF64", -1, 8}, {"POPF16", 1, 2},
             {"POPF32", 1, 4},   {"POPF64", 1, 8},   {"PUSH16", -1, 2},  {"PUSH32", -1, 4},
             {"PUSH64", -1, 8},  {"POP16", 1, 2},    {"POP32", 1, 4},    {"POP64", 1, 8},
             {"PUSHA", -1, 0},   {"POPA", 1, 0}};
  for (unsigned i = 0; i < sizeof fam / sizeof fam[0]; i++)
    if (starts(op, fam[i].prefix)) {
      *direction = fam[i].dir;
      return fam[i].size;
    }
  return 0;
}

/* ---- building one description ------------------------------------------ */

static void add_reg(const as_target *t, as_reg_use *list, unsigned *count, unsigned sub,
                    bool implicit, bool is_write) {
  if (!sub) return;
  unsigned full = as_target_reg_full(t, sub);
  for (unsigned i = 0; i < *count; i++)
    if (list[i].sub == sub) return;
  if (*count >= AS_MAX_REG_USES) return;
  as_reg_use *u = &list[(*count)++];
  u->reg = full;
  u->sub = sub;
  u->bits = as_target_reg_bits(t, sub);
  if (as_x86_is_gpr(t, sub)) {
    const char *n = as_target_reg_name(t, sub);
    /* MC's class sizes put esi in 32-bit classes etc.; names are exact. */
    char last = n[strlen(n) - 1];
    if (n[0] == 'r' && n[1] >= '0' && n[1] <= '9') /* r8 r8d r8w r8b */
      u->bits = last == 'd' ? 32 : last == 'w' ? 16 : last == 'b' ? 8 : 64;
    else
      u->bits = n[0] == 'r' ? 64
                : n[0] == 'e' ? 32
                : (strlen(n) == 2 && n[1] == 'x') || !strcmp(n, "si") || !strcmp(n, "di") ||
                          !strcmp(n, "sp") || !strcmp(n, "bp")
                    ? 16
                    : 8;
    u->shift = as_x86_is_high_byte(t, sub) ? 8 : 0;
  }
  u->implicit = implicit;
  if (is_write) {
    unsigned full_bits = as_x86_is_gpr(t, full) ? (t->is64 ? 64 : 32) : as_target_reg_bits(t, full);
    u->whole = u->bits >= full_bits || (as_x86_is_gpr(t, sub) && u->bits == 32);
  }
}

static void note_reg(const as_target *t, as_insn *insn, unsigned reg, bool implicit, bool write) {
  if (!reg) return;
  unsigned full = as_target_reg_full(t, reg);
  if (full == t->flags) {
    if (write) insn->flags_written = true;
    else insn->flags_read = true;
    return;
  }
  if (full == t->df) {
    if (write) insn->df_set = insn->df_set < 0 ? 2 : insn->df_set;
    else insn->df_read = true;
    return;
  }
  if (full == t->ip) return;
  if (full == t->sp && !implicit && write) insn->sp_explicit_write = true;
  if (full == t->sp && implicit) return; /* modeled as sp_delta */
  if (write) add_reg(t, insn->writes, &insn->num_writes, reg, implicit, true);
  else add_reg(t, insn->reads, &insn->num_reads, reg, implicit, false);
}

static as_mem_access *add_mem(as_insn *insn) {
  if (insn->num_mem >= AS_MAX_MEM) return NULL;
  as_mem_access *m = &insn->mem[insn->num_mem++];
  memset(m, 0, sizeof *m);
  m->scale = 1;
  m->align = 1;
  return m;
}

/* Direct stores and enqueues: MC gives them one memory operand, marked both
 * load and store.  movdiri only stores through it; movdir64b, enqcmd and
 * enqcmds read 64 bytes through it and store 64 bytes at the address in their
 * register operand (the device's doorbell, es:reg). */
static void direct_stores(as_target *t, const as_mc_insn *mi, as_insn *insn, const char *op) {
  if (starts(op, "MOVDIRI") && insn->num_mem == 1) {
    insn->mem[0].load = false;
    insn->mem[0].store = true;
    return;
  }
  if (!(starts(op, "MOVDIR64B") || starts(op, "ENQCMD")) || insn->num_mem != 1 || mi->num_ops < 1 ||
      mi->ops[0].kind != AS_MCOP_REG)
    return;
  insn->mem[0].load = true;
  insn->mem[0].store = false;
  insn->mem[0].size = 64;
  as_mem_access *m = add_mem(insn);
  if (!m) return;
  m->store = true;
  m->base = as_target_reg_full(t, mi->ops[0].reg);
  m->size = 64;
  m->align = 64; /* the destination must be 64-byte aligned (#GP) */
}

/* An instruction whose other registers depend on the leaf number in eax
 * (pconfig): LLVM lists every register some leaf uses.  Keep eax (the leaf
 * in, the status out) and say that the rest is not modeled. */
static void leaf_dependent(as_target *t, as_insn *insn, const char *why) {
  unsigned rax = as_target_reg_full(t, as_target_reg_lookup(t, "eax"));
  unsigned n = 0;
  for (unsigned k = 0; k < insn->num_writes; k++)
    if (insn->writes[k].reg == rax) insn->writes[n++] = insn->writes[k];
  insn->num_writes = n;
  n = 0;
  for (unsigned k = 0; k < insn->num_reads; k++)
    if (insn->reads[k].reg == rax) insn->reads[n++] = insn->reads[k];
  insn->num_reads = n;
  insn->unmodeled = why;
}

/* ---- x87, MMX and SSE state ---------------------------------------------
 * MC's x87 instructions name the st(i) operand they take and FPSW/FPCW, not
 * the stack positions they read and write or how they move the top of the
 * stack (LLVM's stackifier knows that from its own pseudo instructions).
 * The table gives both, keyed on MC opcode names (X86InstrFPStack.td):
 * positions read before the instruction; positions written after a push or
 * before a pop (insn.h: as_reg_stack_op). */

enum { X_ST0 = 1, X_ST1 = 2, X_STI = 4 }; /* st(0), st(1), the st(i) operand */
enum { X_NONE, X_COPY, X_SWAP };          /* the value it moves (fld/fst %st(i), fxch) */

typedef struct x87_op {
  const char *op;
  signed char delta;      /* +1 push, -1 pop, -2 pops twice */
  unsigned char reads, writes, value;
} x87_op;

static const x87_op x87_ops[] = {
    /* loads and constants: push */
    {"LD_F32m", 1, 0, X_ST0, X_NONE}, {"LD_F64m", 1, 0, X_ST0, X_NONE}, {"LD_F80m", 1, 0, X_ST0, X_NONE},
    {"ILD_F16m", 1, 0, X_ST0, X_NONE}, {"ILD_F32m", 1, 0, X_ST0, X_NONE}, {"ILD_F64m", 1, 0, X_ST0, X_NONE},
    {"FBLDm", 1, 0, X_ST0, X_NONE}, {"LD_F0", 1, 0, X_ST0, X_NONE}, {"LD_F1", 1, 0, X_ST0, X_NONE},
    {"FLDL2T", 1, 0, X_ST0, X_NONE}, {"FLDL2E", 1, 0, X_ST0, X_NONE}, {"FLDPI", 1, 0, X_ST0, X_NONE},
    {"FLDLG2", 1, 0, X_ST0, X_NONE}, {"FLDLN2", 1, 0, X_ST0, X_NONE},
    {"LD_Frr", 1, X_STI, X_ST0, X_COPY},
    {"FDECSTP", 1, 0, 0, X_NONE}, /* the top moves: st(7) becomes st(0) */
    /* one value in, two out: push */
    {"FSINCOS", 1, X_ST0, X_ST0 | X_ST1, X_NONE}, {"FPTAN", 1, X_ST0, X_ST0 | X_ST1, X_NONE},
    {"FXTRACT", 1, X_ST0, X_ST0 | X_ST1, X_NONE},
    /* st(0) in place */
    {"CHS_F", 0, X_ST0, X_ST0, X_NONE}, {"ABS_F", 0, X_ST0, X_ST0, X_NONE},
    {"SQRT_F", 0, X_ST0, X_ST0, X_NONE}, {"FSIN", 0, X_ST0, X_ST0, X_NONE},
    {"FCOS", 0, X_ST0, X_ST0, X_NONE}, {"FRNDINT", 0, X_ST0, X_ST0, X_NONE},
    {"F2XM1", 0, X_ST0, X_ST0, X_NONE}, {"FSCALE", 0, X_ST0 | X_ST1, X_ST0, X_NONE},
    {"FPREM", 0, X_ST0 | X_ST1, X_ST0, X_NONE}, {"FPREM1", 0, X_ST0 | X_ST1, X_ST0, X_NONE},
    /* compares and stores that keep the stack */
    {"TST_F", 0, X_ST0, 0, X_NONE}, {"XAM_F", 0, X_ST0, 0, X_NONE},
    {"COM_FST0r", 0, X_ST0 | X_STI, 0, X_NONE}, {"UCOM_Fr", 0, X_ST0 | X_STI, 0, X_NONE},
    {"COM_FIr", 0, X_ST0 | X_STI, 0, X_NONE}, {"UCOM_FIr", 0, X_ST0 | X_STI, 0, X_NONE},
    {"FCOM32m", 0, X_ST0, 0, X_NONE}, {"FCOM64m", 0, X_ST0, 0, X_NONE},
    {"FICOM16m", 0, X_ST0, 0, X_NONE}, {"FICOM32m", 0, X_ST0, 0, X_NONE},
    {"ST_F32m", 0, X_ST0, 0, X_NONE}, {"ST_F64m", 0, X_ST0, 0, X_NONE},
    {"IST_F16m", 0, X_ST0, 0, X_NONE}, {"IST_F32m", 0, X_ST0, 0, X_NONE},
    {"ST_Frr", 0, X_ST0, X_STI, X_COPY}, {"XCH_F", 0, X_ST0 | X_STI, X_ST0 | X_STI, X_SWAP},
    {"FFREE", 0, 0, X_STI, X_NONE}, /* tags st(i) empty: its value is gone */
    /* stores and compares that pop */
    {"ST_FP32m", -1, X_ST0, 0, X_NONE}, {"ST_FP64m", -1, X_ST0, 0, X_NONE},
    {"ST_FP80m", -1, X_ST0, 0, X_NONE}, {"IST_FP16m", -1, X_ST0, 0, X_NONE},
    {"IST_FP32m", -1, X_ST0, 0, X_NONE}, {"IST_FP64m", -1, X_ST0, 0, X_NONE},
    {"ISTT_FP16m", -1, X_ST0, 0, X_NONE}, {"ISTT_FP32m", -1, X_ST0, 0, X_NONE},
    {"ISTT_FP64m", -1, X_ST0, 0, X_NONE}, {"FBSTPm", -1, X_ST0, 0, X_NONE},
    {"ST_FPrr", -1, X_ST0, X_STI, X_COPY},
    {"COMP_FST0r", -1, X_ST0 | X_STI, 0, X_NONE}, {"UCOM_FPr", -1, X_ST0 | X_STI, 0, X_NONE},
    {"COM_FIPr", -1, X_ST0 | X_STI, 0, X_NONE}, {"UCOM_FIPr", -1, X_ST0 | X_STI, 0, X_NONE},
    {"FCOMP32m", -1, X_ST0, 0, X_NONE}, {"FCOMP64m", -1, X_ST0, 0, X_NONE},
    {"FICOMP16m", -1, X_ST0, 0, X_NONE}, {"FICOMP32m", -1, X_ST0, 0, X_NONE},
    /* two values in, one out in st(1): pop */
    {"FPATAN", -1, X_ST0 | X_ST1, X_ST1, X_NONE}, {"FYL2X", -1, X_ST0 | X_ST1, X_ST1, X_NONE},
    {"FYL2XP1", -1, X_ST0 | X_ST1, X_ST1, X_NONE},
    {"FINCSTP", -1, 0, 0, X_NONE}, /* the top moves: st(0) becomes st(7) */
    {"FFREEP", -1, 0, X_STI, X_NONE},
    {"FCOMPP", -2, X_ST0 | X_ST1, 0, X_NONE}, {"UCOM_FPPr", -2, X_ST0 | X_ST1, 0, X_NONE},
    /* control and status: no register of the stack */
    {"FNOP", 0, 0, 0, X_NONE}, {"WAIT", 0, 0, 0, X_NONE}, {"FNCLEX", 0, 0, 0, X_NONE},
    {"FNSTSW16r", 0, 0, 0, X_NONE}, {"FNSTSWm", 0, 0, 0, X_NONE}, {"FNSTCW16m", 0, 0, 0, X_NONE},
    {"FLDCW16m", 0, 0, 0, X_NONE},
};

/* The arithmetic families: st(0) op= st(i) (_FST0r), st(i) op= st(0)
 * (_FrST0, and _FPrST0 pops), st(0) op= memory (_F32m ... _FI32m). */
static bool x87_arith(const char *op, x87_op *out) {
  static const char *const stems[] = {"ADD", "SUB", "SUBR", "MUL", "DIV", "DIVR", NULL};
  static const struct {
    const char *suffix;
    signed char delta;
    unsigned char reads, writes;
  } forms[] = {{"_FST0r", 0, X_ST0 | X_STI, X_ST0},  {"_FrST0", 0, X_ST0 | X_STI, X_STI},
               {"_FPrST0", -1, X_ST0 | X_STI, X_STI}, {"_F32m", 0, X_ST0, X_ST0},
               {"_F64m", 0, X_ST0, X_ST0},             {"_FI16m", 0, X_ST0, X_ST0},
               {"_FI32m", 0, X_ST0, X_ST0}};
  for (unsigned s = 0; stems[s]; s++) {
    size_t n = strlen(stems[s]);
    if (strncmp(op, stems[s], n)) continue;
    for (unsigned f = 0; f < sizeof forms / sizeof forms[0]; f++)
      if (!strcmp(op + n, forms[f].suffix)) {
        out->op = op;
        out->delta = forms[f].delta;
        out->reads = forms[f].reads;
        out->writes = forms[f].writes;
        out->value = X_NONE;
        return true;
      }
  }
  /* fcmovcc st(i): st(0) = st(i) when the condition holds */
  size_t len = strlen(op);
  if (starts(op, "CMOV") && len > 2 && !strcmp(op + len - 2, "_F")) {
    out->op = op;
    out->delta = 0;
    out->reads = X_ST0 | X_STI;
    out->writes = X_ST0;
    out->value = X_NONE;
    return true;
  }
  return false;
}

static bool x87_lookup(const char *op, x87_op *out) {
  for (unsigned i = 0; i < sizeof x87_ops / sizeof x87_ops[0]; i++)
    if (!strcmp(op, x87_ops[i].op)) {
      *out = x87_ops[i];
      return true;
    }
  return x87_arith(op, out);
}

static unsigned st_reg(const as_target *t, unsigned pos) {
  char name[8];
  snprintf(name, sizeof name, "st%u", pos);
  return as_target_reg_lookup(t, name);
}

/* The st(i) operand MC decoded, as a stack position; -1 when none. */
static int x87_operand(const as_target *t, const as_mc_insn *mi) {
  for (unsigned i = 0; i < mi->num_ops; i++)
    if (mi->ops[i].kind == AS_MCOP_REG && mi->ops[i].reg)
      for (unsigned p = 0; p < 8; p++)
        if (mi->ops[i].reg == st_reg(t, p)) return (int)p;
  return -1;
}

/* The x87 control and status words, saved and restored with the stack. */
static void x87_state_regs(const as_target *t, as_insn *insn) {
  static const char *const words[] = {"fpcw", "fpsw"};
  for (unsigned k = 0; k < 2; k++) {
    unsigned r = as_target_reg_lookup(t, words[k]);
    if (r) insn->state_regs[insn->num_state_regs++] = as_target_reg_full(t, r);
  }
}

/* The vector registers fxsave/xsave store and fxrstor/xrstor load with the
 * x87 state: xmm0-xmm15 (xmm0-xmm7 on i386), as full registers, and mxcsr. */
static void sse_state_regs(const as_target *t, as_insn *insn, bool write) {
  x87_state_regs(t, insn);
  unsigned mxcsr = as_target_reg_lookup(t, "mxcsr");
  if (mxcsr) insn->state_regs[insn->num_state_regs++] = as_target_reg_full(t, mxcsr);
  unsigned n = t->is64 ? 16 : 8;
  for (unsigned k = 0; k < n; k++) {
    char name[8];
    snprintf(name, sizeof name, "xmm%u", k);
    unsigned xmm = as_target_reg_lookup(t, name);
    if (!xmm) continue;
    insn->state_regs[insn->num_state_regs++] = as_target_reg_full(t, xmm);
    if (write) note_reg(t, insn, xmm, true, true);
  }
  if (write) note_reg(t, insn, as_target_reg_lookup(t, "mxcsr"), true, true);
}

/* Memory of the state instructions: sizes MC does not print, direction
 * (MC marks fxsave and xsave as loads too, fxrstor and xrstor as stores),
 * and required alignment. */
static void state_memory(as_insn *insn, unsigned size, unsigned align, bool store, bool at_least) {
  for (unsigned k = 0; k < insn->num_mem; k++) {
    as_mem_access *m = &insn->mem[k];
    m->size = size;
    m->align = align;
    m->store = store;
    m->load = !store;
    m->size_at_least = at_least;
  }
}

/* x87, MMX and SSE state instructions: what the tables above say.  True
 * when the instruction is one of them (then it is modeled). */
static bool describe_fp(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  x87_op x;
  if (x87_lookup(op, &x)) {
    int sti = x87_operand(t, mi);
    insn->reg_stack_delta = x.delta;
    for (unsigned p = 0; p < 3; p++) {
      int pos = p == 0 ? 0 : p == 1 ? 1 : sti;
      unsigned bit = p == 0 ? X_ST0 : p == 1 ? X_ST1 : X_STI;
      if (pos < 0) continue;
      if (x.reads & bit) note_reg(t, insn, st_reg(t, (unsigned)pos), bit != X_STI, false);
      if (x.writes & bit) note_reg(t, insn, st_reg(t, (unsigned)pos), bit != X_STI, true);
    }
    /* MC lists the st(i) operand as read; ffree %st(3), fstp %st(2) do not
     * read it. */
    if (!(x.reads & X_STI) && sti >= 0 && !(sti == 0 && (x.reads & X_ST0)) && !(sti == 1 && (x.reads & X_ST1))) {
      unsigned r = st_reg(t, (unsigned)sti), n = 0;
      for (unsigned k = 0; k < insn->num_reads; k++)
        if (insn->reads[k].reg != r) insn->reads[n++] = insn->reads[k];
      insn->num_reads = n;
    }
    if (starts(op, "CMOV")) insn->flags_read = true;
    if (x.value == X_SWAP && sti >= 0) {
      insn->value_op = AS_VAL_SWAP;
      insn->value_dst = st_reg(t, 0);
      insn->value_src = st_reg(t, (unsigned)sti);
    } else if (x.value == X_COPY && sti >= 0 && x.delta > 0 && sti < 7) {
      insn->value_op = AS_VAL_COPY; /* fld %st(i): after the push, st(i) is st(i+1) */
      insn->value_dst = st_reg(t, 0);
      insn->value_src = st_reg(t, (unsigned)sti + 1);
    } else if (x.value == X_COPY && sti >= 0 && x.delta <= 0) {
      insn->value_op = AS_VAL_COPY; /* fst %st(i), fstp %st(i): before the pop */
      insn->value_dst = st_reg(t, (unsigned)sti);
      insn->value_src = st_reg(t, 0);
    }
    if (!strcmp(op, "FLDCW16m") || !strcmp(op, "FNCLEX")) insn->side_effects |= AS_SE_FPENV;
    return true;
  }
  if (!strcmp(op, "MMX_EMMS") || !strcmp(op, "FEMMS")) {
    /* The x87 tag word only (every register tagged empty): MC lists mm0-mm7
     * and st0-st7 as defs, but no register value changes. */
    insn->num_writes = 0;
    return true;
  }
  if (!strcmp(op, "VZEROUPPER")) {
    /* Bits 128 and up of ymm0-ymm15 (zmm0-zmm15; ymm0-ymm7 on i386) are
     * zeroed; the low 128 bits, the xmm registers, keep their values. */
    insn->num_writes = 0;
    unsigned n = t->is64 ? 16 : 8;
    for (unsigned k = 0; k < n && insn->num_writes < AS_MAX_REG_USES; k++) {
      char name[8];
      snprintf(name, sizeof name, "ymm%u", k);
      unsigned ymm = as_target_reg_lookup(t, name);
      if (!ymm) continue;
      as_reg_use *u = &insn->writes[insn->num_writes++];
      memset(u, 0, sizeof *u);
      u->reg = as_target_reg_full(t, ymm);
      u->sub = ymm;
      u->shift = 128;
      u->bits = as_target_reg_bits(t, u->reg) - 128;
      u->implicit = true;
    }
    return true;
  }
  if (!strcmp(op, "VZEROALL")) {
    if (!t->is64) { /* ymm0-ymm7 only */
      unsigned n = 0;
      for (unsigned k = 0; k < insn->num_writes; k++) {
        unsigned num = 99;
        sscanf(as_target_reg_name(t, insn->writes[k].sub), "ymm%u", &num);
        if (num < 8) insn->writes[n++] = insn->writes[k];
      }
      insn->num_writes = n;
    }
    return true;
  }
  if (!strcmp(op, "FNINIT")) {
    insn->reg_stack_op = AS_REG_STACK_RESET;
    insn->side_effects |= AS_SE_FPENV;
    return true;
  }
  if (!strcmp(op, "FSAVEm") || !strcmp(op, "FRSTORm")) {
    /* 108 bytes: the environment (28) and st0-st7 (8 x 10); fnsave then
     * initializes the FPU. */
    bool save = op[1] == 'S';
    state_memory(insn, 108, 1, save, false);
    insn->reg_stack_op = save ? AS_REG_STACK_SAVE_RESET : AS_REG_STACK_RESTORE;
    x87_state_regs(t, insn);
    insn->side_effects |= AS_SE_FPENV;
    return true;
  }
  if (!strcmp(op, "FSTENVm") || !strcmp(op, "FLDENVm")) {
    /* 28 bytes of control, status and tag words and pointers; fnstenv
     * then masks all exceptions.  fldenv also loads the top of stack and
     * the tags: taken as the ones an fnstenv stored at the same depth (the
     * fenv functions of the C libraries), not as a change of the stack. */
    bool save = op[1] == 'S';
    state_memory(insn, 28, 1, save, false);
    insn->side_effects |= AS_SE_FPENV;
    return true;
  }
  if (starts(op, "FXSAVE") || starts(op, "FXRSTOR")) {
    /* The 512-byte legacy area: x87 and MMX, mxcsr, xmm0-xmm15. */
    bool save = starts(op, "FXSAVE");
    state_memory(insn, 512, 16, save, false);
    insn->reg_stack_op = save ? AS_REG_STACK_SAVE : AS_REG_STACK_RESTORE;
    sse_state_regs(t, insn, !save);
    if (!save) insn->side_effects |= AS_SE_FPENV;
    return true;
  }
  if (starts(op, "XSAVE") || starts(op, "XRSTOR")) {
    /* The XSAVE area: the legacy area and the 64-byte header at least; the
     * components edx:eax selects (with XCR0) make it larger, up to the size
     * cpuid leaf 0xd reports.  xrstor writes xmm0-xmm15 as fxrstor does;
     * the upper halves of ymm and the AVX-512 state it may also load are
     * not listed apart (a write of xmm0 already makes zmm0 unknown). */
    bool save = starts(op, "XSAVE");
    state_memory(insn, 576, 64, save, true);
    insn->reg_stack_op = save ? AS_REG_STACK_SAVE : AS_REG_STACK_RESTORE;
    sse_state_regs(t, insn, !save);
    if (!save) insn->side_effects |= AS_SE_FPENV;
    return true;
  }
  if (!strcmp(op, "LDMXCSR") || !strcmp(op, "VLDMXCSR")) {
    insn->side_effects |= AS_SE_FPENV;
    return true;
  }
  return !strcmp(op, "STMXCSR") || !strcmp(op, "VSTMXCSR");
}

/* Value semantics of the register-to-register families the effects walk
 * follows (save/restore through moves, exchanges, constant stack
 * adjustment, lea). */
static void describe_value(as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  const as_mc_operand *o = mi->ops;
  unsigned n = mi->num_ops;
  /* Whole-register moves to and from memory (a register saved in a
   * memory operand and reloaded: movq %%rbx, %1 ... movq %1, %%rbx). */
  if (insn->num_mem == 1 && !insn->rep && (!strcmp(op, "MOV64mr") || !strcmp(op, "MOV32mr")) && n >= 6 &&
      o[5].kind == AS_MCOP_REG && as_target_reg_bits(t, o[5].reg) == (t->is64 ? 64u : 32u)) {
    insn->value_op = AS_VAL_STORE;
    insn->value_src = o[5].reg;
    return;
  }
  if (insn->num_mem == 1 && !insn->rep && (!strcmp(op, "MOV64rm") || !strcmp(op, "MOV32rm")) && n >= 1 &&
      o[0].kind == AS_MCOP_REG && as_target_reg_bits(t, o[0].reg) == (t->is64 ? 64u : 32u)) {
    insn->value_op = AS_VAL_LOAD;
    insn->value_dst = o[0].reg;
    return;
  }
  if (insn->num_mem || insn->rep) return;
  static const char *const copies[] = {"MOV8rr", "MOV16rr", "MOV32rr", "MOV64rr", "MOV8rr_REV",
                                       "MOV16rr_REV", "MOV32rr_REV", "MOV64rr_REV", NULL};
  static const char *const consts[] = {"MOV8ri", "MOV16ri", "MOV32ri", "MOV64ri", "MOV64ri32",
                                       "MOV32ri64", NULL};
  static const char *const swaps[] = {"XCHG8rr", "XCHG16rr", "XCHG32rr", "XCHG64rr", "XCHG16ar",
                                      "XCHG32ar", "XCHG64ar", NULL};
  if (any_of(op, copies) && n >= 2 && o[0].kind == AS_MCOP_REG && o[1].kind == AS_MCOP_REG) {
    insn->value_op = AS_VAL_COPY;
    insn->value_dst = o[0].reg;
    insn->value_src = o[1].reg;
  } else if (any_of(op, consts) && n >= 2 && o[0].kind == AS_MCOP_REG && o[1].kind == AS_MCOP_IMM) {
    insn->value_op = AS_VAL_CONST;
    insn->value_dst = o[0].reg;
    insn->value_imm = o[1].imm;
  } else if (any_of(op, swaps) && n >= 2 && o[0].kind == AS_MCOP_REG) {
    insn->value_op = AS_VAL_SWAP;
    insn->value_dst = o[0].reg;
    insn->value_src = n >= 4 && o[1].kind == AS_MCOP_REG ? o[1].reg : o[n - 1].reg;
    if (!strcmp(op, "XCHG16ar") || !strcmp(op, "XCHG32ar") || !strcmp(op, "XCHG64ar")) {
      insn->value_src = o[0].reg;
      insn->value_dst = as_target_reg_lookup(t, t->is64 ? "rax" : "eax");
      if (!strcmp(op, "XCHG32ar")) insn->value_dst = as_target_reg_lookup(t, "eax");
      if (!strcmp(op, "XCHG16ar")) insn->value_dst = as_target_reg_lookup(t, "ax");
    }
  } else if ((starts(op, "ADD") || starts(op, "SUB")) && (strstr(op, "ri") != NULL) && n >= 3 &&
             o[0].kind == AS_MCOP_REG && o[n - 1].kind == AS_MCOP_IMM && !starts(op, "ADDS") &&
             !starts(op, "SUBS") && !strstr(op, "_DB")) {
    insn->value_op = AS_VAL_ADD_CONST;
    insn->value_dst = o[0].reg;
    insn->value_imm = starts(op, "SUB") ? -o[n - 1].imm : o[n - 1].imm;
  } else if ((!strcmp(op, "INC64r") || !strcmp(op, "INC32r") || !strcmp(op, "DEC64r") ||
              !strcmp(op, "DEC32r")) && n >= 1 && o[0].kind == AS_MCOP_REG) {
    insn->value_op = AS_VAL_ADD_CONST;
    insn->value_dst = o[0].reg;
    insn->value_imm = starts(op, "DEC") ? -1 : 1;
  } else if ((!strcmp(op, "ADD64rr") || !strcmp(op, "SUB64rr") || !strcmp(op, "ADD32rr") ||
              !strcmp(op, "SUB32rr")) && n >= 3 && o[0].kind == AS_MCOP_REG && o[2].kind == AS_MCOP_REG) {
    insn->value_op = starts(op, "ADD") ? AS_VAL_ADD_REG : AS_VAL_SUB_REG;
    insn->value_dst = o[0].reg;
    insn->value_src = o[2].reg;
  } else if ((starts(op, "ROL") || starts(op, "ROR")) && n >= 2 && o[0].kind == AS_MCOP_REG &&
             (strstr(op, "ri") || strstr(op, "r1"))) {
    long long k = strstr(op, "r1") ? 1 : (o[n - 1].kind == AS_MCOP_IMM ? o[n - 1].imm : 0);
    if (k) {
      insn->value_op = AS_VAL_ROTATE;
      insn->value_dst = o[0].reg;
      insn->value_imm = starts(op, "ROL") ? k : -k;
    }
  } else if ((!strcmp(op, "BSWAP32r") || !strcmp(op, "BSWAP64r") || !strcmp(op, "NEG32r") ||
              !strcmp(op, "NEG64r") || !strcmp(op, "NOT32r") || !strcmp(op, "NOT64r")) &&
             n >= 1 && o[0].kind == AS_MCOP_REG) {
    insn->value_op = AS_VAL_INVOLUTION;
    insn->value_dst = o[0].reg;
    insn->value_imm = starts(op, "BSWAP") ? AS_INV_BYTE_SWAP : starts(op, "NEG") ? AS_INV_NEGATE : AS_INV_NOT;
  } else if (starts(op, "LEA") && n >= 6 && o[0].kind == AS_MCOP_REG && o[4].kind == AS_MCOP_IMM &&
             !o[4].symbol) {
    insn->value_op = AS_VAL_LEA;
    insn->value_dst = o[0].reg;
    insn->lea.base = o[1].reg ? as_target_reg_full(t, o[1].reg) : 0;
    insn->lea.scale = (unsigned)o[2].imm;
    insn->lea.index = o[3].reg ? as_target_reg_full(t, o[3].reg) : 0;
    insn->lea.disp = o[4].imm;
    insn->lea.rip_relative = insn->lea.base == t->ip;
    if (insn->lea.rip_relative) insn->value_op = AS_VAL_NONE;
  }
}

/* The condition of a conditional jump, and what the status flags compare
 * after the compares, subtractions, increments and tests the loop bounds
 * use (x86 condition codes: 2 b, 3 ae, 4 e, 5 ne, 6 be, 7 a, 12 l, 13 ge,
 * 14 le, 15 g). */
static void describe_compare(as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  const as_mc_operand *o = mi->ops;
  unsigned n = mi->num_ops;
  unsigned cx = as_target_reg_full(t, as_target_reg_lookup(t, "ecx"));
  if (insn->kind == AS_INSN_JUMP_COND) {
    if (starts(op, "JCC") && n >= 2 && o[n - 1].kind == AS_MCOP_IMM) {
      static const as_cond codes[16] = {
          [2] = AS_COND_ULT, [3] = AS_COND_UGE, [4] = AS_COND_EQ,  [5] = AS_COND_NE,
          [6] = AS_COND_ULE, [7] = AS_COND_UGT, [12] = AS_COND_SLT, [13] = AS_COND_SGE,
          [14] = AS_COND_SLE, [15] = AS_COND_SGT};
      int64_t code = o[n - 1].imm;
      insn->cond = code >= 0 && code < 16 ? codes[code] : AS_COND_UNKNOWN;
    } else if (!strcmp(op, "LOOP")) {
      insn->cond = AS_COND_COUNT_NE;
      insn->cond_reg = cx;
    } else if (!strcmp(op, "JRCXZ") || !strcmp(op, "JECXZ")) {
      insn->cond = AS_COND_COUNT_ZERO;
      insn->cond_reg = cx;
    }
    return;
  }
  if (insn->num_mem || n < 2 || o[0].kind != AS_MCOP_REG || !o[0].reg) return;
  unsigned bits = as_target_reg_bits(t, o[0].reg);
  if (bits < 32) return;
  const as_mc_operand *last = &o[n - 1];
  bool cmp = starts(op, "CMP") && (strstr(op, "rr") || strstr(op, "ri")) && !starts(op, "CMPXCHG") &&
             !starts(op, "CMPS") && !starts(op, "CMPP");
  bool sub = starts(op, "SUB") && (strstr(op, "rr") || strstr(op, "ri")) && !starts(op, "SUBS") &&
             !starts(op, "SUBP") && !strstr(op, "_DB") && n >= 3;
  if ((cmp || sub) && (last->kind == AS_MCOP_IMM || (last->kind == AS_MCOP_REG && last->reg))) {
    insn->compare = AS_CMP_SUB;
    insn->compare_a = as_target_reg_full(t, o[0].reg);
    insn->compare_b = last->kind == AS_MCOP_REG ? as_target_reg_full(t, last->reg) : 0;
    insn->compare_imm = last->kind == AS_MCOP_IMM ? last->imm : 0;
    insn->compare_bits = bits;
  } else if (insn->value_op == AS_VAL_ADD_CONST ||
             (starts(op, "TEST") && strstr(op, "rr") && last->kind == AS_MCOP_REG && last->reg == o[0].reg)) {
    insn->compare = AS_CMP_ZERO; /* add, sub, inc, dec: the result; test r, r: r */
    insn->compare_a = as_target_reg_full(t, o[0].reg);
    insn->compare_bits = bits;
  }
}

/* What kind of control transfer an instruction is, and the stack slot a
 * call, return or iret uses. */
static void control_kind(as_target *t, const as_mc_insn *mi, as_insn *insn, const char *op,
                         unsigned ptr_bytes) {
  if (mi->desc_flags & AS_MCD_CALL) {
    insn->kind = insn->target ? AS_INSN_CALL : AS_INSN_CALL_INDIRECT;
    as_mem_access *m = add_mem(insn);
    if (m) {
      m->base = t->sp;
      m->disp = -(int64_t)ptr_bytes;
      m->size = ptr_bytes;
      m->store = true;
      m->stack = true;
    }
    insn->sp_delta = -(int)ptr_bytes;
    insn->unmodeled = "call: the callee's effects are not modeled";
    for (unsigned k = 0; k < insn->num_mem; k++) /* explicit (mem) of call *(mem) */
      if (!insn->mem[k].stack) insn->mem[k].load = true;
  } else if (mi->desc_flags & AS_MCD_RETURN) {
    insn->kind = AS_INSN_RETURN;
    as_mem_access *m = add_mem(insn);
    if (m) {
      m->base = t->sp;
      m->size = ptr_bytes;
      m->load = true;
      m->stack = true;
    }
    insn->sp_delta = (int)ptr_bytes;
    if (mi->num_ops > 0 && mi->ops[0].kind == AS_MCOP_IMM) insn->sp_delta += (int)mi->ops[0].imm;
    /* iret pops its whole frame: rip, cs, rflags, rsp, ss in 64-bit mode
     * (the stack pointer is the frame's, the one before it when the block
     * built the frame itself); eip, cs, eflags on i386 without a privilege
     * change. */
    if (!strcmp(op, "IRET64")) insn->sp_delta = 5 * 8;
    if (!strcmp(op, "IRET32") && !t->is64) insn->sp_delta = 3 * 4;
  } else if (mi->desc_flags & AS_MCD_BRANCH) {
    if (mi->desc_flags & AS_MCD_INDIRECT_BRANCH) insn->kind = AS_INSN_JUMP_INDIRECT;
    else if (mi->desc_flags & AS_MCD_COND_BRANCH) insn->kind = AS_INSN_JUMP_COND;
    else insn->kind = AS_INSN_JUMP;
    if (insn->kind == AS_INSN_JUMP_INDIRECT) insn->target = NULL;
  } else if ((mi->desc_flags & AS_MCD_TRAP) || !strcmp(op, "INT3") || !strcmp(op, "TRAP")) {
    insn->kind = AS_INSN_TRAP;
  } else if (!strcmp(op, "HLT")) {
    insn->kind = AS_INSN_OTHER; /* execution resumes after the next interrupt */
  }
}

/* Side-effect classes from the opcode-family tables; the locked no-op fence
 * on the stack top; hints and cache maintenance touch no visible memory. */
static void side_effect_classes(as_target *t, const as_mc_insn *mi, as_insn *insn, const char *op) {
  if (any_prefix(op, nondet_ops)) insn->side_effects |= AS_SE_NONDET;
  if (any_of(op, fence_ops)) insn->side_effects |= AS_SE_FENCE;
  if (any_prefix(op, hint_ops)) insn->side_effects |= AS_SE_HINT;
  if (any_prefix(op, cache_ops)) insn->side_effects |= AS_SE_CACHE;
  if (is_io(op)) insn->side_effects |= AS_SE_IO;
  {
    /* system_ops are whole names or families with an operand suffix. */
    for (unsigned i = 0; system_ops[i]; i++) {
      size_t n = strlen(system_ops[i]);
      if (!strncmp(op, system_ops[i], n) &&
          (op[n] == '\0' || (op[n] >= '0' && op[n] <= '9') || op[n] == 'm' || op[n] == 'r' ||
           op[n] == 'i'))
        insn->side_effects |= AS_SE_SYSTEM;
    }
  }
  if (insn->lock) insn->side_effects |= AS_SE_ATOMIC;
  /* The locked no-op on the stack top (`lock; orq $0, (%rsp)`, `lock; addl
   * $0, (%esp)`): a full fence, cheaper than mfence (Linux's smp_mb()).  The
   * bytes it rewrites keep their value, so there is no access to tell about:
   * a fence that changes the flags. */
  if (insn->lock && insn->num_mem == 1 && !insn->mem[0].index && insn->mem[0].base &&
      insn->mem[0].base == as_target_reg_full(t, t->sp) && mi->num_ops > 0 &&
      mi->ops[mi->num_ops - 1].kind == AS_MCOP_IMM &&
      (((starts(op, "OR") || starts(op, "ADD") || starts(op, "SUB") || starts(op, "XOR")) &&
        mi->ops[mi->num_ops - 1].imm == 0) ||
       (starts(op, "AND") && mi->ops[mi->num_ops - 1].imm == -1))) {
    insn->num_mem = 0;
    insn->side_effects |= AS_SE_FENCE;
  }
  if (starts(op, "XCHG") && insn->num_mem) insn->side_effects |= AS_SE_ATOMIC;

  /* Hints and cache maintenance touch no memory the program can see. */
  if (insn->side_effects & (AS_SE_HINT | AS_SE_CACHE)) {
    for (unsigned k = 0; k < insn->num_mem; k++) insn->mem[k].load = insn->mem[k].store = false;
    insn->num_mem = 0;
  }
}

/* Sizes MC does not print, and required alignment. */
static void memory_sizes(as_target *t, as_arena *arena, as_insn *insn, const char *op, bool fp_modeled) {
  for (unsigned k = 0; k < insn->num_mem; k++) {
    as_mem_access *m = &insn->mem[k];
    if (fp_modeled) {
      /* sizes and alignment from describe_fp or MC */
    } else if (starts(op, "CMPXCHG8B")) {
      cas_pairs(t, insn);
    } else if (starts(op, "CMPXCHG16B")) {
      m->align = 16;
      cas_pairs(t, insn);
    } else if (starts(op, "SGDT") || starts(op, "SIDT") || starts(op, "LGDT") || starts(op, "LIDT")) {
      m->size = t->is64 ? 10 : 6; /* limit (2 bytes) and base */
      if (op[0] == 'S') m->store = true; /* MC marks neither load nor store */
      else m->load = true;
    } else if (any_prefix(op, aligned_moves) && m->size >= 16) {
      m->align = m->size;
    } else if (m->size == 16 && op[0] != 'V' && !any_prefix(op, unaligned_sse) && !m->stack &&
               !m->string_op) {
      m->align = 16; /* legacy SSE memory operands fault when misaligned */
    }
    if (m->size == 0 && !insn->unmodeled)
      insn->unmodeled = as_arena_printf(arena, "%s: memory access of unknown size", insn->mnemonic);
  }
}

/* Registers an ABI or MC's table gets wrong: syscall's rcx/r11, cdq's eax,
 * int $0x80's result; control-word moves' one direction. */
static void abi_registers(as_target *t, const as_mc_insn *mi, as_insn *insn, const char *op) {
  /* The kernel's side of syscall (x86-64 Linux ABI): the result in rax;
   * the CPU itself writes rcx (return address) and r11 (flags). */
  if (!strcmp(op, "SYSCALL") && t->is64) {
    static const char *const regs[] = {"rax", "rcx", "r11"};
    for (unsigned k = 0; k < 3; k++) note_reg(t, insn, as_target_reg_lookup(t, regs[k]), true, true);
    note_reg(t, insn, as_target_reg_lookup(t, "rax"), true, false);
  }
  /* Sign extension into rdx: MC lists eax as a def, but its value stays. */
  if (!strcmp(op, "CDQ") || !strcmp(op, "CQO") || !strcmp(op, "CWD")) {
    unsigned rax = as_target_reg_full(t, as_target_reg_lookup(t, "eax"));
    unsigned n = 0;
    for (unsigned k = 0; k < insn->num_writes; k++)
      if (insn->writes[k].reg != rax) insn->writes[n++] = insn->writes[k];
    insn->num_writes = n;
  }
  /* int $0x80 (i386 Linux system call): the result comes back in eax. */
  if (!strcmp(op, "INT") && mi->num_ops > 0 && mi->ops[0].kind == AS_MCOP_IMM && mi->ops[0].imm == 0x80)
    note_reg(t, insn, as_target_reg_lookup(t, "eax"), true, true);
  /* Control-word moves: MC marks them load and store; one of each is true. */
  {
    static const char *const load_only[] = {"LDMXCSR", "VLDMXCSR", "FLDCW16m", "FLDENVm", NULL};
    static const char *const store_only[] = {"STMXCSR", "VSTMXCSR", "FNSTCW16m", "FNSTSW16m", NULL};
    for (unsigned k = 0; k < insn->num_mem; k++) {
      if (any_of(op, load_only)) insn->mem[k].store = false, insn->mem[k].load = true;
      if (any_of(op, store_only)) insn->mem[k].load = false, insn->mem[k].store = true;
    }
  }
}

static void describe_one(as_target *t, as_arena *arena, const as_mc_insn *mi, as_insn *insn) {
  const char *op = mi->opcode_name;
  memset(insn, 0, sizeof *insn);
  insn->line = mi->line;
  insn->column = mi->column;
  {
    /* MC prints "rep\t\tmovsb\t(%rsi)": one space between words is enough. */
    char *t = as_arena_strdup(arena, mi->att_text);
    char *w = t;
    for (const char *r = mi->att_text; *r; r++) {
      bool space = *r == ' ' || *r == '\t';
      if (space && (w == t || w[-1] == ' ')) continue;
      *w++ = space ? ' ' : *r;
    }
    while (w > t && w[-1] == ' ') w--;
    *w = '\0';
    insn->text = t;
  }
  insn->opcode = op;
  insn->df_set = -1;
  insn->target_insn = -1;
  insn->rep = (mi->mcinst_flags & 8) != 0;
  insn->lock = (mi->mcinst_flags & 16) != 0;
  {
    /* Mnemonic: first word of the AT&T text after any prefix. */
    const char *p = mi->att_text;
    while (starts(p, "rep") || starts(p, "lock") || starts(p, "repne") || starts(p, "notrack")) {
      while (*p && *p != ' ' && *p != '\t') p++;
      while (*p == ' ' || *p == '\t') p++;
    }
    size_t n = strcspn(p, " \t");
    insn->mnemonic = as_arena_strndup(arena, p, n);
  }

  string_op so;
  bool is_string = string_family(op, &so);
  int stack_dir = 0;
  unsigned stack_size = stack_family(op, &stack_dir);
  unsigned ptr_bytes = t->is64 ? 8 : 4;

  /* Explicit operands: defs first, then uses; memory references are 5
   * consecutive operands (base, scale, index, disp, segment). */
  unsigned mem_seen = 0;
  for (unsigned i = 0; i < mi->num_ops; i++) {
    const as_mc_operand *o = &mi->ops[i];
    /* lea's operand is an address computation, whatever its operand type
     * says (memory on i386's LEA32r, none on x86-64's LEA64r). */
    bool lea = starts(op, "LEA") && (o->operand_type == 0 || o->operand_type == 3);
    bool is_mem = o->operand_type == 3 && !lea && !is_string && i + 4 < mi->num_ops + 0 &&
                  mi->ops[i].kind == AS_MCOP_REG && mi->ops[i + 1].kind == AS_MCOP_IMM;
    if (is_mem) {
      as_mem_access *m = add_mem(insn);
      if (m) {
        m->base = mi->ops[i].reg ? as_target_reg_full(t, mi->ops[i].reg) : 0;
        m->scale = (unsigned)mi->ops[i + 1].imm;
        m->index = mi->ops[i + 2].reg ? as_target_reg_full(t, mi->ops[i + 2].reg) : 0;
        m->disp = mi->ops[i + 3].imm;
        m->disp_symbol = mi->ops[i + 3].symbol;
        m->segment = mi->ops[i + 4].reg;
        m->rip_relative = m->base == t->ip;
        if (m->rip_relative) m->base = 0;
        m->load = (mi->desc_flags & AS_MCD_MAY_LOAD) != 0;
        m->store = (mi->desc_flags & AS_MCD_MAY_STORE) != 0;
        m->size = size_from_intel(mi->intel_text, mem_seen);
        mem_seen++;
      }
      note_reg(t, insn, mi->ops[i].reg, false, false);
      note_reg(t, insn, mi->ops[i + 2].reg, false, false);
      i += 4;
      continue;
    }
    if (lea && o->kind == AS_MCOP_REG && i + 4 < mi->num_ops && mi->ops[i + 1].kind == AS_MCOP_IMM) {
      /* lea: an address computation, not an access. */
      note_reg(t, insn, mi->ops[i].reg, false, false);
      note_reg(t, insn, mi->ops[i + 2].reg, false, false);
      i += 4;
      continue;
    }
    if (o->kind == AS_MCOP_REG && o->reg) {
      if (is_string) continue; /* index registers are implicit below */
      /* vmwrite's first operand is the VMCS field encoding, which it reads
       * (LLVM's table lists it as a def): the field is written, in the VMCS. */
      bool def = i < mi->num_defs && !starts(op, "VMWRITE");
      note_reg(t, insn, o->reg, false, def);
      if (o->tied_to >= 0) note_reg(t, insn, o->reg, false, false);
    } else if (o->kind == AS_MCOP_EXPR && o->symbol) {
      insn->target = o->symbol;
    }
  }
  for (unsigned i = 0; i < mi->num_implicit_uses; i++)
    note_reg(t, insn, mi->implicit_uses[i], true, false);
  for (unsigned i = 0; i < mi->num_implicit_defs; i++)
    note_reg(t, insn, mi->implicit_defs[i], true, true);

  /* Read-modify-write with a memory destination: MC lists no def. */
  if (mi->num_defs > 0 && mi->ops[0].kind == AS_MCOP_REG && mi->num_ops > 1 &&
      mi->ops[1].kind == AS_MCOP_REG && mi->ops[1].reg == mi->ops[0].reg && mi->num_ops > 2 &&
      mi->ops[2].kind == AS_MCOP_REG && mi->ops[2].reg == mi->ops[0].reg &&
      (starts(op, "XOR") || starts(op, "SUB") || starts(op, "PXOR") || starts(op, "VPXOR") ||
       starts(op, "XORP") || starts(op, "VXORP") || starts(op, "SBB") || starts(op, "PSUB") ||
       starts(op, "PCMPEQ")))
    insn->zero_idiom = !starts(op, "SBB");
  /* AVX forms name the destination apart: vpxor %xmm1, %xmm1, %xmm0. */
  bool same_sources = mi->num_ops > 2 && mi->ops[1].kind == AS_MCOP_REG &&
                      mi->ops[2].kind == AS_MCOP_REG && mi->ops[1].reg == mi->ops[2].reg;
  if (same_sources && (starts(op, "VPXOR") || starts(op, "VXORP") || starts(op, "VPSUB") ||
                       starts(op, "VPCMPEQ")))
    insn->zero_idiom = true;
  /* vpternlog with table 0xff (0x00) is all ones (zero), whatever it reads. */
  if (starts(op, "VPTERNLOG") && mi->num_ops > 0 && mi->ops[mi->num_ops - 1].kind == AS_MCOP_IMM &&
      ((mi->ops[mi->num_ops - 1].imm & 0xff) == 0xff || (mi->ops[mi->num_ops - 1].imm & 0xff) == 0))
    insn->zero_idiom = true;
  /* Merge-masked forms (..k) keep the destination's other lanes. */
  size_t oplen = strlen(op);
  if (insn->zero_idiom && oplen && op[oplen - 1] == 'k') insn->zero_idiom = false;
  if (insn->zero_idiom && (starts(op, "PCMPEQ") || starts(op, "VPCMPEQ") ||
                           (starts(op, "VPTERNLOG") && (mi->ops[mi->num_ops - 1].imm & 0xff) == 0xff)))
    insn->idiom_value = -1;

  /* String instructions: the accesses go through rsi/rdi and step by size;
   * under rep the range is size * rcx. */
  if (is_string) {
    /* repne/repnz (MC's flag 4, IP_HAS_REPEAT_NE) repeats like rep: scas
     * and cmps count rcx down.  On other instructions it is left alone. */
    if (mi->mcinst_flags & 4) insn->rep = true;
    unsigned si = as_target_reg_full(t, as_target_reg_lookup(t, "esi"));
    unsigned di = as_target_reg_full(t, as_target_reg_lookup(t, "edi"));
    if (so.load_si) {
      as_mem_access *m = add_mem(insn);
      m->load = true;
      m->base = si;
      m->size = so.size;
      m->string_op = true;
      m->repeated = insn->rep;
    }
    if (so.load_di || so.store_di) {
      as_mem_access *m = add_mem(insn);
      m->load = so.load_di;
      m->store = so.store_di;
      m->base = di;
      m->size = so.size;
      m->string_op = true;
      m->repeated = insn->rep;
    }
    if (so.load_si) { note_reg(t, insn, si, true, false); note_reg(t, insn, si, true, true); }
    if (so.load_di || so.store_di) { note_reg(t, insn, di, true, false); note_reg(t, insn, di, true, true); }
    if (so.io) insn->side_effects |= AS_SE_IO;
    insn->df_read = true;
  }
  if (insn->rep && is_string) {
    unsigned cx = as_target_reg_lookup(t, t->is64 ? "rcx" : "ecx");
    note_reg(t, insn, cx, true, false);
    note_reg(t, insn, cx, true, true);
  } else if (insn->rep) {
    /* rep on a non-string instruction: the encodings of tzcnt (rep bsf),
     * lzcnt (rep bsr), pause (rep nop) and `rep ret` do not use rcx. */
    static const char *const rep_idioms[] = {"BSF", "BSR", "NOOP", "NOP", "RET", NULL};
    insn->rep = false;
    if (!any_prefix(op, rep_idioms)) insn->unmodeled = "rep prefix on a non-string instruction";
  }
  if (starts(op, "LOOP")) {
    unsigned cx = as_target_reg_lookup(t, t->is64 ? "rcx" : "ecx");
    note_reg(t, insn, cx, true, false);
    note_reg(t, insn, cx, true, true);
    if (strcmp(op, "LOOP")) insn->flags_read = true;
  }

  /* Stack operations: implicit slot below or at the stack pointer. */
  if (stack_size) {
    as_mem_access *m = add_mem(insn);
    m->base = t->sp;
    m->size = stack_size;
    m->stack = true;
    if (stack_dir < 0) {
      m->store = true;
      m->disp = -(int64_t)stack_size;
      insn->sp_delta = -(int)stack_size;
    } else {
      m->load = true;
      insn->sp_delta = (int)stack_size;
    }
    if (starts(op, "PUSHF")) insn->df_read = true, insn->flags_read = true;
    if (starts(op, "POPF")) insn->df_set = 2, insn->flags_written = true;
    /* push (mem) / pop (mem): the explicit access is already recorded. */
  } else if ((!strcmp(op, "PUSHA32") || !strcmp(op, "POPA32")) && !t->is64) {
    /* Eight 4-byte slots, eax first at the highest address; popa skips
     * the esp slot.  MC lists the registers as implicit uses and defs. */
    static const char *const order[] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    bool push = op[1] == 'U';
    for (unsigned k = 0; k < 8; k++)
      insn->stack_list[k] = as_target_reg_full(t, as_target_reg_lookup(t, order[k]));
    insn->num_stack_list = 8;
    as_mem_access *m = add_mem(insn);
    if (m) {
      m->base = t->sp;
      m->size = 32;
      m->stack = true;
      m->store = push;
      m->load = !push;
      m->disp = push ? -32 : 0;
    }
    insn->sp_delta = push ? -32 : 32;
  } else if (starts(op, "PUSHA") || starts(op, "POPA")) {
    insn->unmodeled = "pusha/popa";
  }

  /* Control flow. */
  control_kind(t, mi, insn, op, ptr_bytes);
  if (starts(op, "ENTER") || starts(op, "LEAVE")) insn->unmodeled = "enter/leave frame instructions";
  /* cli, sti, stac, clac change IF or AC only: system flags, not the status
   * flags that "cc" and Rust's preserves_flags are about. */
  if (!strcmp(op, "CLI") || !strcmp(op, "STI") || !strcmp(op, "STAC") || !strcmp(op, "CLAC"))
    insn->flags_written = false;
  if (!strcmp(op, "STD")) insn->df_set = 1;
  if (!strcmp(op, "CLD")) insn->df_set = 0;

  side_effect_classes(t, mi, insn, op);

  direct_stores(t, mi, insn, op);
  /* What pconfig reads and writes depends on the leaf in eax: LLVM lists
   * every register any leaf may use. */
  if (!strcmp(op, "PCONFIG")) leaf_dependent(t, insn, "pconfig: its registers depend on the leaf in eax");
  /* x87, MMX and SSE state (the tables above). */
  bool fp_modeled = describe_fp(t, mi, insn);

  memory_sizes(t, arena, insn, op, fp_modeled);

  /* MC says "side effects I do not describe": modeled only if a table
   * above classified it. */
  if ((mi->desc_flags & AS_MCD_UNMODELED_SIDE_EFFECTS) && !insn->unmodeled && !is_string &&
      !insn->side_effects && !fp_modeled && !any_prefix(op, benign_unmodeled) && !starts(op, "POPF") &&
      !starts(op, "PUSHF") && insn->kind == AS_INSN_OTHER)
    insn->unmodeled = as_arena_printf(arena, "%s: side effects LLVM does not describe", insn->mnemonic);
  abi_registers(t, mi, insn, op);
  describe_value(t, mi, insn);
  describe_compare(t, mi, insn);
}

/* ---- what the generic layers ask of each instruction ---------------------
 * (insn.h: flags_consumed, flags_saved/restored, syscall_nr_reg, and per
 * read: passthrough, value_ignored, count, used_bits, live_if). */

/* Instructions whose result or decision depends on the status flags. */
static bool consumes_flags(const as_insn *in) {
  static const char *const families[] = {"JCC", "SETCC", "CMOV", "ADC", "SBB", "RCL", "RCR", "LAHF",
                                         "SALC", "LOOPE", "LOOPNE", "FCMOV", "JECXZ", "JRCXZ", NULL};
  if (in->kind == AS_INSN_JUMP_COND) return true;
  return any_prefix(in->opcode, families);
}

/* A destination read that only passes old bits through: bsr/bsf leave it
 * unchanged for a zero source (the result is then undefined anyway), scalar
 * SSE keeps the upper lanes the operand does not own. */
static bool passthrough_dest(const char *op) {
  if (starts(op, "BSR") || starts(op, "BSF")) return true;
  if (op[0] == 'V') return false;
  /* Legacy scalar SSE: SQRTSSr, ADDSDrm, CVTSI2SSrr, MOVSSrr... */
  const char *p = strstr(op, "SS");
  if (!p) p = strstr(op, "SD");
  return p && (p[2] == 'r' || p[2] == 'm');
}

static bool writes_reg(const as_insn *in, unsigned reg) {
  for (unsigned r = 0; r < in->num_writes; r++)
    if (in->writes[r].reg == reg) return true;
  return false;
}

static void describe_semantics(const as_target *t, const as_mc_insn *mi, as_insn *insn) {
  const char *op = insn->opcode;
  unsigned cx = as_target_reg_full(t, as_target_reg_lookup(t, "ecx"));
  unsigned ax = as_target_reg_full(t, as_target_reg_lookup(t, "eax"));
  insn->flags_consumed = insn->flags_read && consumes_flags(insn);
  insn->flags_saved = starts(op, "PUSHF");
  insn->flags_restored = starts(op, "POPF") && insn->flags_written;
  /* syscall; int $0x80 (i386 Linux) */
  if (!strcmp(op, "SYSCALL") ||
      (!strcmp(op, "INT") && mi->num_ops > 0 && mi->ops[0].kind == AS_MCOP_IMM && mi->ops[0].imm == 128))
    insn->syscall_nr_reg = ax;
  for (unsigned r = 0; r < insn->num_reads; r++) {
    as_reg_use *u = &insn->reads[r];
    bool dest = !u->implicit && writes_reg(insn, u->reg);
    /* sbb r, r is -CF: the register's old value cancels out. */
    if (starts(op, "SBB") && dest && strstr(op, "rr")) u->value_ignored = true;
    if (dest && passthrough_dest(op)) u->passthrough = true;
    /* cpuid reads ecx only for leaves with sub-leaves; the leaf in eax decides. */
    if (u->implicit && !strcmp(op, "CPUID") && u->bits == 32 && u->sub == as_target_reg_lookup(t, "ecx"))
      u->live_if = ax;
    /* a segment register takes the low 16 bits */
    if (starts(op, "MOV") && strstr(op, "sr") && u->bits > 16) u->used_bits = 16;
    if (u->implicit && u->reg == cx && (insn->rep || starts(op, "LOOP"))) u->count = true;
  }
  for (unsigned m = 0; m < insn->num_mem; m++)
    if (insn->mem[m].repeated) insn->mem[m].count_reg = cx;
}

static bool is_prefix_only(const char *op) {
  return !strcmp(op, "REP_PREFIX") || !strcmp(op, "REPNE_PREFIX") || !strcmp(op, "LOCK_PREFIX") ||
         !strcmp(op, "DATA16_PREFIX") || !strcmp(op, "REX64_PREFIX");
}

void as_x86_describe_insns(as_target *t, as_arena *arena, const as_mc_result *mc, as_decoded *out) {
  out->insns = as_arena_alloc(arena, sizeof(as_insn) * (mc->num_insns + 1));
  out->num_insns = 0;
  unsigned *map = as_arena_alloc(arena, sizeof(unsigned) * (mc->num_insns + 1));
  unsigned pending = 0; /* mcinst flags from a standalone prefix */
  for (unsigned i = 0; i < mc->num_insns; i++) {
    const as_mc_insn *mi = &mc->insns[i];
    map[i] = out->num_insns;
    if (is_prefix_only(mi->opcode_name)) {
      if (!strcmp(mi->opcode_name, "REP_PREFIX") || !strcmp(mi->opcode_name, "REPNE_PREFIX")) pending |= 8;
      if (!strcmp(mi->opcode_name, "LOCK_PREFIX")) pending |= 16;
      continue;
    }
    as_mc_insn copy = *mi;
    copy.mcinst_flags |= pending;
    pending = 0;
    describe_one(t, arena, &copy, &out->insns[out->num_insns]);
    describe_semantics(t, &copy, &out->insns[out->num_insns++]);
  }
  map[mc->num_insns] = out->num_insns;
  as_target_place_labels(arena, mc, map, out);
}
