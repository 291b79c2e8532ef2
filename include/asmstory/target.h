/* Operand binding and decoding: turns a block's template into concrete
 * assembly the target's assembler accepts, assembles it with LLVM MC and
 * describes each instruction (insn.h). */
#ifndef ASMSTORY_TARGET_H
#define ASMSTORY_TARGET_H
#include <stdbool.h>
#include <stddef.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/insn.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_target as_target;

typedef enum as_bind_kind {
  AS_BIND_NONE = 0, /* not referenced, or could not be bound */
  AS_BIND_REG,      /* a register; reg is the full register */
  AS_BIND_MEM,      /* memory at (reg): reg stands for the operand's address */
  AS_BIND_IMM,      /* an immediate */
  AS_BIND_LABEL,    /* an asm goto label */
} as_bind_kind;

typedef struct as_binding {
  as_bind_kind kind;
  unsigned reg;       /* REG: full register; MEM: base register */
  unsigned reg2;      /* REG: second register of a pair (x86 'A'), or 0 */
  unsigned bits;      /* REG: width substituted without modifier */
  long long imm;      /* IMM: the value used */
  bool imm_known;     /* IMM: value is the operand's real constant */
  const char *text;   /* what %N became without modifier */
} as_binding;

typedef struct as_template_error {
  unsigned line, column; /* in the template, 1-based */
  const char *message;
} as_template_error;

typedef struct as_label {
  const char *name;   /* as MC names it */
  unsigned insn;      /* index of the instruction that follows it */
} as_label;

/* Where the compiler may put one operand instead of where the binder put
 * it: a verdict must hold for every allocation (GCC and Clang may give a
 * "r" operand a register the template names, or take the memory form of
 * "g" / "rm"). */
typedef struct as_placement {
  int operand;
  bool memory;     /* its memory form (through a free base register) */
  unsigned reg;    /* otherwise this full register */
} as_placement;

typedef struct as_decoded {
  as_binding *bindings;      /* one per operand, by operand position */
  unsigned num_bindings;
  const char *bound_text;    /* the template after substitution */
  as_insn *insns;
  unsigned num_insns;
  as_label *labels;
  unsigned num_labels;
  as_template_error *errors; /* assembler errors (template-error) */
  unsigned num_errors;
  const char **unmodeled;    /* block-level constructs not modeled (.byte, sections) */
  unsigned *unmodeled_lines;
  unsigned num_unmodeled;
  /* What the template uses that GCC accepts and LLVM cannot print (x86:
   * GCC's %B0 modifier), or NULL; where it is in the template.  Such a
   * block is not assembled: it is not verified. */
  const char *unsupported;
  unsigned unsupported_line, unsupported_column;
  unsigned *named_regs;      /* full registers the template names itself */
  unsigned num_named_regs;
  unsigned stack_pointer;    /* full register of the stack pointer */
  unsigned flags_reg;        /* the status flags register */
  unsigned pointer_bits;     /* 64 or 32 */
  /* Where else the compiler may put operands (as_target_alternatives), for
   * the binder's own choice only. */
  as_placement *alternatives;
  unsigned num_alternatives;
} as_decoded;

/* Target contexts are created once per triple and owned by a context. */
typedef struct as_target_cache as_target_cache;
/* Registers LLVM's targets once per process (thread-safe).  A program that
 * analyzes from several threads calls it (or as_frontend_global_init) first. */
void as_target_global_init(void);

/* LLVM MC assembles templates in a server process (no template can crash or
 * hang the host).  By default the server is a fork of the host; a program
 * with threads names itself here (before it starts them), so that servers
 * are exec'd fresh, and answers "<program> --mc-server <triple>" by calling
 * as_target_server_main. */
void as_target_isolate_with(const char *program);
int as_target_server_main(const char *triple);
/* Starts the server for a triple now, while the host is small (a compiler
 * plugin, before parsing): a fork's cost grows with what the host has
 * written since.  Nothing for a triple asmstory does not describe. */
void as_target_prefork(const char *triple, const char *features);

/* How many templates this process has got no answer for so far (the
 * assembler crashed, ran out of time, or could not be started): a result
 * that depends on one of them is not the template's own, and is not kept
 * (the plugin's record of analyses compares it before and after). */
unsigned as_target_failed_answers(void);

/* The architectures asmstory describes, for --version ("x86-64 and i386"). */
const char *as_target_supported(void);

as_target_cache *as_target_cache_create(void);
void as_target_cache_destroy(as_target_cache *cache);
/* Ends the assembler processes (and one forked early and never used), for a
 * host that is done with the templates it knows of: templates seen again are
 * answered from the record; a new one starts a process again. */
void as_target_cache_idle(as_target_cache *cache);
/* Assembles the templates of these blocks in as few round trips to the
 * assembler process as there are targets, keeping the answers for the
 * analysis that follows.  Reports
 * nothing: what fails is asked for again, alone, when analyzed. */
void as_target_prefetch(as_target_cache *cache, as_block *const *blocks, unsigned n);
/* The target for a triple ("x86_64-unknown-linux-gnu", "i386-...").  NULL
 * with a reason in err for an unsupported or unknown triple. */
as_target *as_target_get(as_target_cache *cache, const char *triple, char *err,
                         size_t errlen);
/* The same, with the build's assembler features (as_block.target_features;
 * NULL: the default). */
as_target *as_target_get_with(as_target_cache *cache, const char *triple, const char *features,
                              char *err, size_t errlen);

/* The assembler features a build enables beyond the target's defaults, as
 * as_block.target_features spells them, or NULL: from the compiler's own
 * list (clang's TargetOptions::Features, IR "target-features") or from one
 * command-line argument (-march=).  Only the enabled ones ("+sve") count:
 * they let MC accept what the build's assembler accepts.  NULL on x86,
 * whose assembler takes every extension's instructions anyway. */
const char *as_target_features_from_list(as_arena *arena, const char *triple,
                                         const char *const *features, unsigned n);
const char *as_target_features_from_arg(as_arena *arena, const char *triple, const char *arg);

/* The constraint letters of a triple's architecture (NULL or "": the
 * default triple's); NULL for an architecture asmstory does not describe
 * (then only the letters every target shares are known). */
const as_constraint_dialect *as_target_constraint_dialect(const char *triple);


/* as_decode_block with one operand placed (NULL: as the binder chooses). */
int as_decode_block_placed(as_target *target, as_arena *arena, const as_block *block,
                           const as_placement *place, as_decoded *out, char *err, size_t errlen);

/* Binds the block's operands, assembles and describes it.  Returns 0 (even
 * when the template does not assemble: see out->errors), or -1 with a reason
 * when the block itself is malformed (bad operand reference, ...). */
int as_decode_block(as_target *target, as_arena *arena, const as_block *block,
                    as_decoded *out, char *err, size_t errlen);

/* The triple the target was made for (the default one for a NULL triple). */
const char *as_target_triple(const as_target *target);
const char *as_target_reg_name(const as_target *target, unsigned reg);
unsigned as_target_reg_lookup(const as_target *target, const char *name);
unsigned as_target_reg_full(const as_target *target, unsigned reg);
unsigned as_target_reg_bits(const as_target *target, unsigned reg);
/* The 32-bit lanes (bit k: bits 32k to 32k+31) of its full register that a
 * use covers when it is whole lanes of a wider register (ARM's d8 in q4:
 * lanes 0 and 1), else 0. */
uint32_t as_target_use_lanes(const as_target *target, const as_reg_use *u);

/* ---- What the generic layers ask about the architecture ------------------
 * (lib/target/arch.h: each architecture answers; effects, checks and story
 * use these and insn.h, never register names or mnemonics.) */

/* The full register a clobber names ("~{ax}", "%eax", "xmm3"), or 0. */
unsigned as_target_clobber_reg(const as_target *target, const char *name);
/* The lanes (as_target_use_lanes) of that register the clobber names, when
 * it names only a part ("d8" of q4); 0 for the whole register. */
uint32_t as_target_clobber_lanes(const as_target *target, const char *name);
/* reg as a clobber or message spells it, given the widest sub-register of
 * it the block names (0: none). */
const char *as_target_reg_spelling(const as_target *target, unsigned reg, unsigned widest_sub);
/* The compiler keeps values in reg (general-purpose and vector registers). */
bool as_target_reg_holds_data(const as_target *target, unsigned reg);
/* reg is system or floating-point control state the clobber rules leave alone. */
bool as_target_reg_is_system(const as_target *target, unsigned reg);
/* The compiler may keep a value in reg, given the block's build flags. */
bool as_target_reg_allocatable(const as_target *target, const as_block *block, unsigned reg);
/* The widest value the compiler may keep in reg, given the block's build
 * flags (0: none). */
unsigned as_target_reg_value_bits(const as_target *target, const as_block *block, unsigned reg);
/* The register stack (x87), top first: how many registers (0: none). */
unsigned as_target_reg_stack(const as_target *target, unsigned regs[8]);
/* Its name in messages ("the x87 register stack"). */
const char *as_target_reg_stack_name(const as_target *target);
/* The GNU C clobber of stack position pos ("st", "st(1)"). */
const char *as_target_reg_stack_clobber(const as_target *target, unsigned pos);
/* For messages: what the compiler keeps on the stack; how to undo a push
 * the operands do not declare, and how to declare what a block pops. */
const char *as_target_reg_stack_values(const as_target *target);
const char *as_target_reg_stack_push_fix(const as_target *target);
const char *as_target_reg_stack_pop_fix(const as_target *target);
/* Block flags (AS_BF_*) a compiler argument ("-mno-sse") or a target feature
 * as clang writes it ("-sse") implies for a triple's architecture. */
unsigned as_target_flags_from_arg(const char *triple, const char *arg);
unsigned as_target_flags_from_feature(const char *triple, const char *feature);
/* Writing sub defines all bits of its full register (beyond sub == full). */
bool as_target_write_defines_whole(const as_target *target, unsigned sub);
/* Register file of a constraint (0 general purpose), -1 for none. */
int as_target_operand_file(const as_target *target, const as_constraint *c);
/* A narrower value leaves the upper bits of c's registers undefined. */
bool as_target_class_narrows(const as_target *target, const as_constraint *c);
/* GNU C treats the flags as clobbered by every asm statement. */
bool as_target_gnu_asm_clobbers_flags(const as_target *target);
/* The IR clobber name of the status flags ("flags"). */
const char *as_target_flags_clobber(const as_target *target);
/* Bytes below the stack pointer the compiler may use (0: no red zone). */
unsigned as_target_red_zone(const as_target *target, const as_block *block);
const char *as_target_red_zone_name(const as_target *target);
const char *as_target_red_zone_advice(const as_target *target);
/* How to clear the control flag the ABI requires clear at exit. */
const char *as_target_control_flag_fix(const as_target *target);
/* The assembler's prefix of private (local) labels. */
const char *as_target_private_label_prefix(const as_target *target);
/* Whether a conditional read (use->live_if) matters, given the known entry
 * value of its condition register (known false: unknown). */
bool as_target_read_live(const as_target *target, const as_insn *insn, const as_reg_use *use,
                         bool known, long long value);
/* A system call (insn->syscall_nr_reg) with number nr never returns. */
bool as_target_syscall_never_returns(const as_target *target, const as_insn *insn, long long nr);

/* Text for one instruction's description (one line, no newline). */
const char *as_insn_describe(as_arena *arena, const as_target *target,
                             const as_insn *insn);

#ifdef __cplusplus
}
#endif
#endif
