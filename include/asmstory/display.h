/* How findings name instructions and operands (lib/report/display.c):
 * shared by the interface checks and the permission story; and the texts
 * that show one block (--dump, --explain, --print-effects). */
#ifndef ASMSTORY_DISPLAY_H
#define ASMSTORY_DISPLAY_H
#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/effects.h"
#include "asmstory/insn.h"
#include "asmstory/target.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An instruction's text for messages: placeholder symbols the binder used
 * (asmstory_sym1, asmstory_label2) replaced by what they stand for. */
const char *as_insn_display(as_arena *arena, const as_block *block, const as_insn *insn);

/* Human names used in messages: "%1 (`n`)", "{0}" in Rust. */
const char *as_operand_label(as_arena *arena, const as_block *block, int operand);

/* The first line of a block in --dump, --explain and --print-effects:
 * "block <id> at <file>:<line>:<col> in <function> (<lang>, <dialect>,
 * <triple>) <flags>". */
void as_block_header(as_strbuf *out, const as_block *block);

/* Where a finding of an inlined statement arises when not every copy has
 * it: "in the copy in `f`", "in the copies in `f` and `g`" (the functions
 * the copies are in, each named once, demangled names as given); for the
 * copies that stand for one call of their function (caller_context): "when
 * called from `g`". */
const char *as_copies_text(as_arena *arena, const as_block *const *copies, unsigned count);

/* --print-effects: the effects summary of a decoded block (lib/report/
 * effects_text.c), one fact per line, in an order that does not depend on
 * how the walk went (registers by name, accesses by instruction), for
 * FileCheck. */
void as_effects_text(as_strbuf *out, as_arena *arena, const as_target *target,
                     const as_block *block, const as_decoded *decoded, const as_summary *summary);

#ifdef __cplusplus
}
#endif
#endif
