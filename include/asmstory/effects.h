/* Effects of a whole block: a symbolic walk of the decoded template's
 * control flow, with registers as expressions of their values at entry.
 *
 * The summary answers what the frame and memory rules ask: which registers
 * are changed at exit and by which instruction, which undefined values reach
 * something, where the stack pointer ends, which memory is touched through
 * which operand, which side effects the block has. */
#ifndef ASMSTORY_EFFECTS_H
#define ASMSTORY_EFFECTS_H
#include <stdbool.h>
#include <stdint.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/target.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AS_MAX_TRACKED 64

/* A symbolic register value. */
typedef enum as_value_kind {
  AS_VALUE_UNKNOWN = 0, /* computed by the block; see taint and from_sp */
  AS_VALUE_ENTRY,       /* the value reg had at entry, plus offset */
  AS_VALUE_CONST,       /* offset is the value */
} as_value_kind;

typedef struct as_value {
  as_value_kind kind;
  unsigned reg;          /* ENTRY: full register */
  int64_t offset;
  unsigned reg2;         /* ENTRY: a second register's entry value, times coef2 */
  int coef2;             /* +1 or -1 (0 when reg2 is 0) */
  int rot;               /* ENTRY: rotated left by this many bits (0 = not) */
  unsigned inv;          /* ENTRY: involutions applied after the rotation
                            (as_involution), the latest in the low 4 bits */
  unsigned width;        /* ENTRY: rot and inv act on the low `width` bits and
                            the bits above are zero (a 32-bit write on x86-64);
                            0: the whole register */
  unsigned prov;         /* the register whose entry value (a pointer) this was
                            derived from by adding offsets, or 0 */
  uint64_t taint;        /* tracked registers whose undefined entry value flows in */
  bool from_sp;          /* derived from the stack pointer */
  unsigned defined_bits; /* low bits known to be defined */
  /* The bits above defined_bits are an input's undefined upper bits, which
   * a copy or a low-bits-closed instruction (as_insn.low_bits_closed)
   * carried here: 1 + that input operand (0: none), 1 + the instruction
   * that first read them and its read width.  A use that reads them is the
   * operand-width finding (as_wide_read). */
  int upper_op, upper_insn;
  unsigned upper_read_bits;
  /* A value the walk does not follow (a partial write of a register, a
   * part of one pushed): its 32-bit lanes entry_lanes (bit k: bits 32k to
   * 32k+31) hold full register lanes_reg's entry value in place, so that
   * popping the saved parts back (vpush {d8} ... vpop {d8} of q4) gives
   * the entry value again.  0: none. */
  unsigned lanes_reg;
  uint32_t entry_lanes;
  int origin;            /* instruction that produced it, -1 at entry */
  int writer;            /* 1 + the instruction that last wrote it into its
                            register (a copy keeps origin, not writer); 0: none */
} as_value;

typedef enum as_use_kind {
  AS_USE_ADDRESS, AS_USE_BRANCH, AS_USE_OUTPUT, AS_USE_STORE, AS_USE_FLAGS_CONSUMED
} as_use_kind;

/* An undefined value reaching something. */
typedef struct as_undefined_use {
  unsigned reg;         /* the register whose entry value is undefined (flags_reg for flags) */
  int insn;             /* where it reaches (-1: at exit, through an output) */
  as_use_kind kind;
  int operand;          /* AS_USE_OUTPUT: the output operand */
} as_undefined_use;

typedef struct as_reg_effect {
  unsigned reg;         /* full register */
  int first_write;      /* first instruction writing it, -1 if never */
  bool changed_at_exit; /* on some exit path its value differs from entry */
  int changed_by;       /* the instruction that left it changed */
  unsigned min_exit_defined_bits;
  unsigned kept_low_bits; /* changed at exit only above this many low bits,
                            which hold their entry value (bswap twice at 32
                            bits on x86-64 zeroes the upper half); 0: all */
  bool entry_tainted;   /* its entry value is undefined for the block */
  uint32_t changed_lanes; /* the 32-bit lanes (as_target_use_lanes) that do not hold
                            their entry value at some exit */
} as_reg_effect;

typedef struct as_access {
  int insn;
  unsigned mem_index;   /* into insns[insn].mem */
  bool load, store;
  as_value base;        /* value of the base register (UNKNOWN if none) */
  bool has_base;
  bool has_index;
  bool stack;           /* the block's own stack (implicit or sp-derived) */
  bool implicit_stack;  /* push, pop, call, ret slot */
  bool stack_offset_known;
  int64_t stack_offset; /* relative to the stack pointer at entry */
  int operand;          /* memory operand whose reserved base it uses, or -1 */
  int pointer_operand;  /* register operand whose entry value is the base, or -1 */
  int index_operand;    /* register operand whose entry value is the index, or -1 */
  int sym_operand;      /* symbol operand (Rust sym) the address is relative to, or -1 */
  int derived_operand;  /* operand the address derives from, offset unknown (loops), or -1 */
  bool varies;          /* the address differs between paths or iterations */
  unsigned index_scale;
  bool in_loop;
  bool repeated;
  bool value_unused;    /* a load into registers whose value nothing reads: each
                           is written again, or reaches only a discarded output
                           (ldrexd that only arms the exclusive monitor) */
} as_access;

typedef struct as_early_clobber {
  int output, input;    /* operand numbers */
  int write_insn, read_insn;
  bool address;         /* the input is a memory operand's address */
} as_early_clobber;

/* An input read after the block wrote a register the template names that
 * the compiler may also give that input (every allocation): the input is
 * lost when the compiler makes that choice. */
typedef struct as_lost_input {
  int operand;
  unsigned reg;         /* the named register (full) */
  int write_insn, read_insn;
} as_lost_input;

/* An input read at more bits than its value has (undefined upper bits):
 * insn reads it at bits.  When insn only carries those bits on (a copy, an
 * add whose low bits are defined), use_insn is where they are used: an
 * instruction that reads them (use_bits of its read), or -1 with
 * use_operand, the output that holds them at exit; use_insn == insn when
 * insn itself uses them. */
typedef struct as_wide_read {
  int operand, insn;
  unsigned bits, defined_bits;
  int use_insn, use_operand;
  unsigned use_bits;
} as_wide_read;

typedef struct as_escape {
  int insn;
  const char *why;
} as_escape;

/* How the register stack (as_target_reg_stack) stands at the block's exits. */
typedef enum as_reg_stack_exit {
  AS_REG_STACK_EXIT_KNOWN = 0, /* reg_stack_exit entries pushed (negative: popped) since entry */
  AS_REG_STACK_EXIT_EMPTIED,   /* the block emptied it (fninit); it holds reg_stack_exit entries */
  AS_REG_STACK_EXIT_UNKNOWN,   /* it differs between exits, or was loaded from memory */
} as_reg_stack_exit;

typedef struct as_summary {
  as_reg_effect regs[AS_MAX_TRACKED];
  unsigned num_regs;
  as_undefined_use *undefined;
  unsigned num_undefined, cap_undefined;
  as_access *accesses;
  unsigned num_accesses, cap_accesses;
  as_early_clobber *early;
  unsigned num_early, cap_early;
  as_lost_input *lost;
  unsigned num_lost, cap_lost;
  as_wide_read *wide;
  unsigned num_wide, cap_wide;
  as_escape *escapes;
  unsigned num_escapes, cap_escapes;
  int flags_first_write;      /* -1 if never */
  bool flags_changed_at_exit;
  int flags_changed_by;
  bool sp_exit_known;         /* same offset on every exit */
  int64_t sp_exit;            /* relative to entry */
  int sp_unbalanced_insn;     /* an instruction on the path that leaves it changed */
  int64_t sp_min;             /* lowest address touched / stack pointer reached */
  int sp_min_insn;
  bool uses_stack;            /* push, call, or a store into the stack */
  int stack_first_insn;
  bool df_may_be_set_at_exit;
  int df_set_insn;
  bool falls_through;         /* some path reaches the end of the block */
  int syscall_nr_unknown;     /* a system call whose number the block does not
                                 show (a parameter's value), -1 if none */
  bool converged;
  uint64_t outputs_written_all; /* operands written on every path to an exit */
  unsigned side_effects;      /* as_side_effect union */
  int side_effect_insn[8];    /* first instruction of each class, -1 */
  /* The register stack, when the block uses it (reg_stack_used): where it stands
   * at exit (the same on every exit, else AS_REG_STACK_EXIT_UNKNOWN), the last
   * instruction that moved it, and per exit position (0 is the top) the
   * entry position whose entry value it holds unchanged on every exit, or
   * -1 with the instruction that put something else there. */
  bool reg_stack_used;
  as_reg_stack_exit reg_stack_exit_mode;
  int reg_stack_exit;
  int reg_stack_max;                 /* the most entries it pushes beyond its entry depth */
  int reg_stack_insn;
  int reg_stack_exit_src[8];
  int reg_stack_changed_by[8];
} as_summary;

int as_effects_compute(as_arena *arena, const as_target *target, const as_block *block,
                       const as_decoded *decoded, as_summary *out, char *err, size_t errlen);

/* Index in out->regs of a full register, or -1. */
int as_summary_reg(const as_summary *summary, unsigned reg);

#ifdef __cplusplus
}
#endif
#endif
