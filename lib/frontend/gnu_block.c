/* One builder of GNU asm blocks for the libclang front end and the Clang
 * plugin (gnu_block.h): the front ends read their ASTs, this file decides. */
#include "gnu_block.h"

#include <stdio.h>
#include <string.h>

#include "asmstory/target.h"

/* The statement's place, kind and template; its lines located where the
 * front end says or, without that, at the statement (one per '\n', and
 * one more). */
static as_block *block_header(const as_gnu_unit *unit, const as_gnu_stmt *stmt) {
  as_block *b = as_arena_alloc(unit->arena, sizeof *b);
  b->lang = unit->lang;
  b->dialect = unit->dialect;
  b->triple = unit->triple;
  b->target_features = unit->target_features;
  b->flags = unit->extra_flags;
  b->loc = stmt->loc;
  b->function = stmt->function;
  b->template_text = stmt->template_text ? stmt->template_text : "";
  b->template_ir_form = stmt->template_ir_form;
  if (stmt->line_locs && stmt->num_line_locs) {
    b->line_locs = stmt->line_locs;
    b->num_line_locs = stmt->num_line_locs;
  } else {
    b->num_line_locs = 1;
    for (const char *p = b->template_text; *p; p++) b->num_line_locs += *p == '\n';
    b->line_locs = as_arena_alloc(unit->arena, sizeof *b->line_locs * b->num_line_locs);
    for (unsigned i = 0; i < b->num_line_locs; i++) b->line_locs[i] = stmt->loc;
  }
  b->template_loc = b->line_locs[0];
  if (stmt->byte_locs) {
    b->byte_locs = stmt->byte_locs;
    b->num_byte_locs = stmt->num_byte_locs;
  }
  return b;
}

/* Operand k from its source: the constraint decides the direction, the
 * ties, and which facts of its expression the front end reads.  NULL, or
 * the reason the constraint cannot be read. */
static const char *build_operand(const as_gnu_unit *unit, const as_gnu_stmt *stmt, as_block *b,
                                 unsigned k) {
  const as_gnu_operand_src *src = &stmt->operands[k];
  bool is_output = k < stmt->num_outputs;
  as_operand *op = &b->operands[b->num_operands++];
  op->index = k;
  op->tied_to = -1;
  op->constraint.tied_to = -1;
  op->name = src->name;
  op->loc = src->loc.file ? src->loc : stmt->loc;
  if (!src->constraint) return NULL; /* the front end could not read it */
  op->constraint_text = src->constraint;
  char msg[256] = "";
  if (as_operand_set_gnu_constraint(op, as_target_constraint_dialect(unit->triple), is_output, msg,
                                    sizeof msg) != 0)
    return as_arena_printf(unit->arena, "bad asm constraint \"%s\": %s", src->constraint,
                           msg[0] ? msg : "cannot parse");
  op->expr_text = src->expr_text;
  bool memory = (op->constraint.kinds & AS_CK_MEM) != 0;
  unsigned want = 0;
  if (!is_output && !stmt->in_template) want |= AS_GNU_WANT_VALUE;
  if (memory) want |= AS_GNU_WANT_FRAME_OBJECT | AS_GNU_WANT_MEM_OBJECT;
  if (op->dir == AS_DIR_OUT && !stmt->in_template) want |= AS_GNU_WANT_DISCARDED;
  as_gnu_lvalue lvalue = {false, false, NULL, 0};
  if (unit->describe) unit->describe(unit->data, src, op, want, &lvalue);
  if (want & AS_GNU_WANT_FRAME_OBJECT) op->frame_object = lvalue.frame_object;
  if ((want & AS_GNU_WANT_MEM_OBJECT) && lvalue.mem_object) {
    op->mem_object = lvalue.mem_object;
    op->mem_offset = lvalue.mem_offset;
  }
  if (want & AS_GNU_WANT_DISCARDED) op->discarded = lvalue.discarded;
  return NULL;
}

/* Clobbers as the compiler reads them ("%rax" is "rax"); "memory" and "cc"
 * are flags of the block too. */
static void add_clobbers(as_arena *arena, const as_gnu_stmt *stmt, as_block *b) {
  if (!stmt->num_clobbers) return;
  b->clobbers = as_arena_alloc(arena, sizeof *b->clobbers * stmt->num_clobbers);
  for (unsigned k = 0; k < stmt->num_clobbers; k++) {
    const char *name = stmt->clobbers[k];
    if (!name) continue;
    if (name[0] == '%') name++;
    b->clobbers[b->num_clobbers++] = name;
    if (!strcmp(name, "memory")) b->flags |= AS_BF_MEMORY_CLOBBER;
    else if (!strcmp(name, "cc")) b->flags |= AS_BF_CC_CLOBBER;
  }
}

/* A statement that is not read: its place and template, and why. */
static as_block *unreadable_block(const as_gnu_unit *unit, const as_gnu_stmt *stmt,
                                  const char *why) {
  as_block *b = block_header(unit, stmt);
  b->unreadable = why;
  return b;
}

as_block *as_gnu_block_build(const as_gnu_unit *unit, const as_gnu_stmt *stmt) {
  if (stmt->unreadable) return unreadable_block(unit, stmt, stmt->unreadable);
  as_block *b = block_header(unit, stmt);
  unsigned n = stmt->num_outputs + stmt->num_inputs;
  b->operands = n ? as_arena_alloc(unit->arena, sizeof *b->operands * n) : NULL;
  for (unsigned k = 0; k < n; k++) {
    const char *why = build_operand(unit, stmt, b, k);
    if (why) return unreadable_block(unit, stmt, why);
  }
  as_block_resolve_named_ties(b, stmt->num_outputs);
  /* Local register variables (register long x asm("r9")): the compiler
   * binds a register operand naming one to that register. */
  for (unsigned k = 0; k < n; k++)
    as_constraint_use_register(&b->operands[k].constraint, stmt->operands[k].register_variable);
  add_clobbers(unit->arena, stmt, b);
  if (stmt->is_goto) {
    b->flags |= AS_BF_GOTO;
    b->labels = stmt->labels;
    b->num_labels = stmt->num_labels;
  }
  b->layout = stmt->layout;
  if (stmt->basic) {
    /* Basic asm is implicitly volatile; its template in the source form is
     * passed to the assembler as written (no % escapes).  A fix-it that
     * edits its interface would change how the template reads: none is
     * certainly right. */
    b->flags |= AS_BF_VOLATILE;
    if (!stmt->template_ir_form) b->flags |= AS_BF_BASIC;
    b->layout.valid = false;
  }
  as_block_set_gnu_volatility(b, stmt->num_outputs, stmt->volatile_keyword);
  return b;
}
