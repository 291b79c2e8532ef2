/* Internal to lib/checks: the context every rule family reads, the helpers
 * they share (checks.c), and one entry per family, called in this order by
 * as_checks_run:
 *
 *   registers.c  clobber-missing, input-overwritten, flags-clobber-missing
 *   operands.c   early-clobber-missing, output-not-written, undefined-read,
 *                operand-width
 *   stack.c      stack-undeclared, stack-unbalanced, direction-flag,
 *                control-escape
 *   regstack.c   the register stack (x87): stack-unbalanced, clobber-missing,
 *                input-overwritten, output-not-written for its registers
 *   memory.c     memory-read-undeclared, memory-write-undeclared
 *   purity.c     pure-side-effect
 *   checks.c     unmodeled, and the driver */
#ifndef ASMSTORY_CHECKS_INTERNAL_H
#define ASMSTORY_CHECKS_INTERNAL_H
#include <string.h>
#include "asmstory/analyze.h"

typedef struct check_ctx {
  as_arena *arena;
  const as_target *t;
  const as_block *b;
  const as_decoded *d;
  const as_summary *s;
  const char *checks;
  as_finding_list *out;
} check_ctx;

static inline bool is_c(const as_block *b) { return b->lang == AS_LANG_C || b->lang == AS_LANG_CXX; }
static inline bool is_rust(const as_block *b) { return b->lang == AS_LANG_RUST; }

static inline const as_insn *insn_at(const check_ctx *c, int i) {
  return i >= 0 && (unsigned)i < c->d->num_insns ? &c->d->insns[i] : NULL;
}

/* "a" or "an" before a phrase ("an alignment directive"). */
static inline const char *as_check_article(const char *phrase) {
  return phrase && strchr("aeiou", phrase[0]) && phrase[0] ? "an" : "a";
}

/* A finding of `rule` at instruction `insn` (-1: the block), with the rule's
 * default severity; NULL when --checks turned the rule off. */
as_finding *as_check_report(check_ctx *c, const char *rule, int insn, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
/* A note on f (nothing when f is NULL) at instruction `insn`. */
void as_check_note(check_ctx *c, as_finding *f, int insn, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
/* "`movl %eax, (%rdi)`" for instruction i, or "the block". */
const char *as_check_insn_text(const check_ctx *c, int i);
/* A register as the block names it, which is also the clobber a reader expects. */
const char *as_check_named_reg(const check_ctx *c, unsigned reg);
/* Is the full register named by a clobber of the block? */
bool as_check_clobbered(const check_ctx *c, unsigned reg);
/* The operand bound to reg (as a register, else as a memory operand's base,
 * *is_mem set), or -1. */
int as_check_operand_of_reg(const check_ctx *c, unsigned reg, bool *is_mem);
/* The value id of operand i's C value (through tied operands and the IR
 * twin), 0 when unknown: two operands with one id hold the same pointer. */
unsigned long long as_check_value_id(const as_block *b, int i);

/* registers.c */
void as_check_registers(check_ctx *c);
void as_check_lost_inputs(check_ctx *c);
void as_check_flags(check_ctx *c);
/* operands.c */
void as_check_early_clobber(check_ctx *c);
void as_check_outputs(check_ctx *c);
void as_check_undefined(check_ctx *c);
void as_check_width(check_ctx *c);
/* stack.c */
void as_check_stack(check_ctx *c);
void as_check_direction_flag(check_ctx *c);
void as_check_control(check_ctx *c);
/* regstack.c */
void as_check_reg_stack(check_ctx *c);
/* memory.c */
void as_check_memory(check_ctx *c);
/* purity.c */
void as_check_purity(check_ctx *c);

#endif
