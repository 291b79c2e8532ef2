/* What an architecture provides to asmstory (in the spirit of objtool's
 * arch.h and LLVM's MCInstrAnalysis).  The generic layers (effects, checks,
 * story) never read assembly text or register names: they reason on the
 * neutral instruction description of insn.h, filled by the architecture's
 * describer from LLVM MC, and ask the questions below through the
 * as_target_* functions of asmstory/target.h, which dispatch here.
 *
 * x86 (x86-64 and i386) is lib/target/x86/; lib/target/README.md says what a
 * new architecture must provide. */
#ifndef ASMSTORY_TARGET_ARCH_H
#define ASMSTORY_TARGET_ARCH_H
#include <stdbool.h>
#include "asmstory/block.h"
#include "asmstory/arena.h"
#include "asmstory/insn.h"

typedef struct as_target as_target;
struct as_mc_line;
struct as_mc_result;
typedef struct as_decoded as_decoded;
typedef struct as_placement as_placement;

typedef struct as_arch {
  const char *name;                      /* "x86" */
  const char *supported;                 /* for messages: "x86-64 and i386" */
  bool (*matches_triple)(const char *triple);
  /* Whether MC's assembler checks the build's extensions (AArch64's SVE,
   * RISC-V's V): then the build's enabled features are passed to it
   * (as_block.target_features). */
  bool mc_features;
  const as_constraint_dialect *constraints; /* its constraint letters */
  /* Optional: sets the target's stack pointer, flags, instruction pointer
   * and control-flag registers (as_target.sp ...) for its triple; NULL:
   * x86's (rsp/esp, eflags, rip/eip, df). */
  void (*init_target)(as_target *t);
  /* Optional: the architectural register reg belongs to (w0 -> x0, s3 ->
   * q3); NULL: MC's widest super-register.  For register files whose MC
   * super-registers are tuples or groups (AArch64's x0_x1, q0_q1_q2_q3;
   * RISC-V's x10_x11, v8m2).  Never called with 0. */
  unsigned (*reg_full)(const as_target *t, unsigned reg);

  /* ---- decoding ---- */
  /* Substitutes the block's operands into its template: the text lines MC
   * assembles (one per template line), and the bindings in out. */
  int (*bind)(as_target *t, as_arena *arena, const as_block *block, const as_placement *place,
              as_decoded *out, struct as_mc_line **lines, unsigned *num_lines, char *err,
              size_t errlen);
  /* Places the compiler may give an operand other than where bind put it
   * (d): registers of its class that the template names, the memory form
   * of a register-or-memory operand.  Only these can change a verdict. */
  unsigned (*alternatives)(as_target *t, as_arena *arena, const as_block *block,
                           const as_decoded *d, as_placement **out);
  /* Fills out->insns (insn.h) and out->labels from what MC decoded. */
  void (*describe)(as_target *t, as_arena *arena, const struct as_mc_result *mc, as_decoded *out);
  /* One instruction's description as text, for --dump. */
  const char *(*insn_text)(as_arena *arena, const as_target *t, const as_insn *insn);

  /* ---- registers ---- */
  /* Optional (NULL: MC's size of the register's class): the width of a
   * register where MC's super-registers are groups or pairs (RISC-V v8m2,
   * x10_x11) rather than wider views. */
  unsigned (*reg_bits)(const as_target *t, unsigned reg);
  /* The full register a clobber names ("~{ax}", "%eax", "xmm3"), or 0. */
  unsigned (*clobber_reg)(const as_target *t, const char *name);
  /* Optional (NULL: always 0): the 32-bit lanes of that full register the
   * clobber names when it names only part of it (ARM's "d8": lanes 0-1 of
   * q4, as as_target_use_lanes counts them), 0 for the whole register. */
  uint32_t (*clobber_lanes)(const as_target *t, const char *name);
  /* How to spell reg in a clobber or a message, given the widest
   * sub-register the block names of it (0: none): "xmm3" in SSE code. */
  const char *(*reg_spelling)(const as_target *t, unsigned reg, unsigned widest_sub);
  /* Does the compiler keep values in reg (general-purpose and vector
   * registers), as opposed to state it never allocates (segment, control)? */
  bool (*reg_holds_data)(const as_target *t, unsigned reg);
  /* Is reg system or floating-point control state that the clobber rules
   * leave alone (control, debug, x87 stack, instruction pointer, ...)? */
  bool (*reg_is_system)(const as_target *t, unsigned reg);
  /* May the compiler keep a value in reg in a block built with the block's
   * flags (not in a vector register under -mno-sse)? */
  bool (*reg_allocatable)(const as_target *t, const as_block *b, unsigned reg);
  /* The widest value the compiler may keep in reg in a block built with the
   * block's flags (0: none; 128 in an xmm register of SSE code, 256 with
   * AVX): a write that keeps the low bits of a register changes nothing the
   * compiler holds there when it keeps no wider value. */
  unsigned (*reg_value_bits)(const as_target *t, const as_block *b, unsigned reg);
  /* The architecture's register stack, if it has one (x87): its registers
   * from the top (position 0) down, full registers; returns how many (0:
   * none).  Instructions move it (as_insn.reg_stack_delta); operands name
   * positions. */
  unsigned (*reg_stack)(const as_target *t, unsigned regs[8]);
  const char *reg_stack_name;            /* "the x87 register stack" */
  const char *const *reg_stack_clobbers; /* each position's clobber in GNU C ("st", "st(1)") */
  const char *reg_stack_values;          /* what the compiler keeps there, for messages */
  const char *reg_stack_push_fix;        /* GNU C: undo a push the operands do not declare */
  const char *reg_stack_pop_fix;         /* GNU C: declare what the block pops */
  /* Block flags (AS_BF_NO_RED_ZONE, AS_BF_NO_VECTOR_REGS) that a compiler
   * argument ("-mno-sse") or a target feature as clang writes it ("-sse")
   * implies. */
  unsigned (*flags_from_arg)(const char *arg);
  unsigned (*flags_from_feature)(const char *feature);
  /* Does writing sub define every bit of its full register (on x86-64, a
   * 32-bit write zero-extends)? */
  bool (*write_defines_whole)(const as_target *t, unsigned sub);

  /* ---- constraints ---- */
  /* The register file of an operand's constraint (0 general purpose, then
   * any numbering of the others), -1 for memory and immediates: registers
   * of different files never coincide. */
  int (*operand_file)(const as_constraint *c);
  /* Does a value narrower than the registers of c's class leave their upper
   * bits undefined (false for vector registers, whose lanes are separate)? */
  bool (*class_narrows)(const as_constraint *c);

  /* ---- the ABI and the assembler ---- */
  /* GNU templates choose between dialects with {att|intel} (x86 only);
   * elsewhere braces are text. */
  bool dialect_variants;
  /* Does GNU C on this architecture always treat the flags as clobbered? */
  bool gnu_asm_clobbers_flags;
  /* The IR clobber that names the status flags ("flags"). */
  const char *flags_clobber;
  /* Bytes below the stack pointer that the compiler may use without
   * moving it (0: none), for a block's triple and flags. */
  unsigned (*red_zone)(const as_target *t, const as_block *b);
  const char *red_zone_name;             /* "the x86-64 red zone" */
  const char *red_zone_advice;           /* how to step over it */
  /* The control flag the ABI requires clear at exit, and its fix. */
  const char *control_flag_fix;          /* "execute cld before the end of the block" */
  const char *private_label_prefix;      /* ".L" */
  /* A conditional read (as_reg_use.live_if) given the known value of its
   * condition register. */
  bool (*read_live)(const as_target *t, const as_insn *insn, const as_reg_use *use, bool known,
                    long long value);
  /* A system call (as_insn.syscall_nr_reg) with this number never returns. */
  bool (*syscall_never_returns)(const as_target *t, const as_insn *insn, long long nr);
} as_arch;

/* The --dump text of an instruction description, the same on every
 * architecture (lib/target/insn_text.c): the usual insn_text. */
const char *as_insn_text_default(as_arena *arena, const as_target *t, const as_insn *insn);

extern const as_arch as_arch_x86;
extern const as_arch as_arch_aarch64;
extern const as_arch as_arch_riscv;
extern const as_arch as_arch_arm;

#endif
