/* The loop of a block, when its shape bounds the trip count: one backward
 * conditional jump over straight-line code, registers stepped by constants
 * in it, and an exit condition on one of them (a counter decremented to
 * zero, a pointer compared with an end pointer, a counter counted up to a
 * bound).  Read from the neutral instruction description (insn.h). */
#ifndef ASMSTORY_LOOP_H
#define ASMSTORY_LOOP_H
#include <stdbool.h>
#include <stdint.h>
#include "asmstory/target.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A register's value at the loop's entry: a constant, or the entry value
 * of a register (the block's) plus an offset. */
typedef struct as_loop_value {
  bool known, is_const;
  unsigned reg;      /* !is_const: the full register whose entry value it is */
  int64_t value;     /* is_const: the value; else the offset added */
} as_loop_value;

#define AS_LOOP_MAX_REGS 16

typedef struct as_loop {
  const as_target *target;
  bool found;          /* false: why_not says which shape was not recognized */
  const char *why_not;
  int head, latch;     /* first instruction of the body; the backward jump */
  int compare;         /* the flags writer the condition reads (-1: the jump counts) */
  int guard;           /* a jump before the loop past it when the control is zero, or -1 */
  /* The exit condition: after iteration t (from 1) the loop runs again
   * while `control_at(t) cond bound`, control_at(t) = init + (t-1) * step
   * + control_pre, modulo 2^bits. */
  unsigned control;
  as_cond cond;        /* control on the left */
  int64_t control_pre;
  as_loop_value bound; /* loop-invariant: a constant or an entry value */
  unsigned bits;
  /* Registers the body steps by a constant per iteration. */
  unsigned regs[AS_LOOP_MAX_REGS];
  int64_t steps[AS_LOOP_MAX_REGS];
  as_loop_value init[AS_LOOP_MAX_REGS];
  bool varies[AS_LOOP_MAX_REGS]; /* written otherwise in the body */
  bool narrow[AS_LOOP_MAX_REGS]; /* stepped at fewer bits than the register has */
  unsigned num_regs;
} as_loop;

/* The block's loop (out->found false when it has none, or one whose shape
 * is not the one above). */
void as_loop_find(const as_target *target, const as_decoded *decoded, as_loop *out);

/* Register reg at instruction insn of the body: its value at the loop's
 * entry, its step per iteration, and how far it has moved from the
 * iteration's start before insn.  False when the body changes it otherwise. */
bool as_loop_reg_at(const as_loop *loop, const as_decoded *decoded, unsigned reg, int insn,
                    as_loop_value *init, int64_t *step, int64_t *pre);

#ifdef __cplusplus
}
#endif
#endif
