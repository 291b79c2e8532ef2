/* How findings name instructions and operands (lib/report/display.c):
 * shared by the interface checks and the permission story. */
#ifndef ASMSTORY_DISPLAY_H
#define ASMSTORY_DISPLAY_H
#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/insn.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An instruction's text for messages: placeholder symbols the binder used
 * (asmstory_sym1, asmstory_label2) replaced by what they stand for. */
const char *as_insn_display(as_arena *arena, const as_block *block, const as_insn *insn);

/* Human names used in messages: "%1 (`n`)", "{0}" in Rust. */
const char *as_operand_label(as_arena *arena, const as_block *block, int operand);

#ifdef __cplusplus
}
#endif
#endif
