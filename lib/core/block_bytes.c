/* A block as bytes (the key of its analysis on disk) and findings as bytes
 * (the analysis' answer): asmstory/disk_cache.h's "blocks" kind.
 *
 * The key holds every field of the block that an analysis can read, each
 * written with its length or presence, so two blocks with the same key are
 * the same block to every check; only id (the statement's number in its
 * file) is left out, which no check reads, and value ids are written as
 * which operands share one.  A block that carries IR facts
 * (pointer facts, ranges, IR twins) has no key: those come from one
 * compilation's IR and are not worth a disk entry. */
#include "asmstory/block.h"
#include "asmstory/finding.h"
#include "asmstory/wire.h"

#include <stdint.h>
#include <string.h>

/* A field added to a block, an operand, a constraint or a layout must be
 * added to the key too (or said to be read by no check), or the record of
 * analyses would answer for a block it never saw: these sizes make the
 * build fail until the key below has been looked at again. */
#if defined(__x86_64__) && defined(__LP64__)
_Static_assert(sizeof(as_block) == 296, "as_block changed: update as_block_key");
_Static_assert(sizeof(as_operand) == 624, "as_operand changed: update put_operand");
_Static_assert(sizeof(as_constraint) == 144, "as_constraint changed: update put_constraint");
_Static_assert(sizeof(as_asm_layout) == 72, "as_asm_layout changed: update as_block_key");
_Static_assert(sizeof(as_loc) == 16, "as_loc changed: update put_loc");
#endif

/* ---- writing (asmstory/wire.h) ----------------------------------------- */

static void put_u64(as_strbuf *out, unsigned long long v) { as_wire_put_i64(out, (int64_t)v); }
static void put_str(as_strbuf *out, const char *s) { as_wire_put_str(out, s); }

/* A file is nearly always the statement's own: that one is written once
 * (b->loc) and the others say "the same" (a length no string has), which
 * keeps the key short. */
#define SAME_FILE 0xfffffffeu

static void put_file(as_strbuf *out, const as_block *b, const char *file) {
  const char *own = b->loc.file;
  if (file && own && file != own && !strcmp(file, own)) file = own;
  if (file && file == own)
    as_wire_put_u32(out, SAME_FILE);
  else
    put_str(out, file);
}

static void put_loc(as_strbuf *out, const as_block *b, const as_loc *loc) {
  if (loc == &b->loc)
    put_str(out, loc->file); /* the statement's own file, in full */
  else
    put_file(out, b, loc->file);
  put_u64(out, loc->line);
  put_u64(out, loc->column);
}

static void put_constraint(as_strbuf *out, const as_constraint *c) {
  put_u64(out, c->flags);
  put_u64(out, c->kinds);
  put_u64(out, c->reg_class);
  put_str(out, c->dialect ? c->dialect->arch : NULL);
  put_str(out, c->fixed_reg);
  put_str(out, c->fixed_reg2);
  put_u64(out, (unsigned long long)(long long)c->tied_to);
  put_str(out, c->tied_name);
  put_str(out, c->letters);
}

static bool int_facts_empty(const as_int_facts *r) {
  static const as_int_facts none;
  return !memcmp(r, &none, sizeof none);
}

static bool pointer_facts_empty(const as_pointer_facts *f) {
  static const as_pointer_facts none;
  return !memcmp(f, &none, sizeof none);
}

/* value_id is an identity (a declaration's address on the AST side) that
 * checks only compare between the operands of one block: the key holds
 * the first operand with the same one instead. */
static unsigned long long value_class(const as_block *b, const as_operand *op) {
  if (!op->value_id) return UINT64_MAX;
  unsigned j = 0;
  while (b->operands[j].value_id != op->value_id) j++;
  return j;
}

static bool put_operand(as_strbuf *out, const as_block *b, const as_operand *op) {
  if (!pointer_facts_empty(&op->facts) || !int_facts_empty(&op->range)) return false;
  put_u64(out, op->index);
  put_u64(out, op->dir);
  put_str(out, op->constraint_text);
  put_constraint(out, &op->constraint);
  put_u64(out, (unsigned long long)(long long)op->tied_to);
  put_u64(out, (unsigned)op->early_clobber | (unsigned)op->indirect << 1 |
                   (unsigned)op->type_dependent << 2 | (unsigned)op->is_pointer << 3 |
                   (unsigned)op->has_value << 4 | (unsigned)op->discarded << 5 |
                   (unsigned)op->count_signed << 6 | (unsigned)op->frame_object << 7);
  put_str(out, op->name);
  put_u64(out, op->width_bits);
  put_u64(out, op->pointee_size);
  put_u64(out, (unsigned long long)op->value);
  put_str(out, op->expr_text);
  put_u64(out, op->pointee_align);
  put_str(out, op->mem_object);
  put_u64(out, (unsigned long long)op->mem_offset);
  put_str(out, op->extent_decl);
  put_str(out, op->extent_param);
  put_u64(out, op->extent_param_number);
  put_str(out, op->count_expr);
  put_str(out, op->count_attr);
  put_u64(out, (unsigned long long)op->count_delta);
  put_u64(out, op->count_unit);
  put_u64(out, op->count_bits);
  put_str(out, op->type_text);
  put_u64(out, value_class(b, op));
  put_loc(out, b, &op->loc);
  return true;
}

bool as_block_key(as_strbuf *out, const as_block *b) {
  if (b->ir_twin || b->ir_twins || b->num_ir_twins || b->caller_context) return false;
  put_u64(out, b->lang);
  put_str(out, b->template_text);
  put_u64(out, b->template_ir_form);
  put_u64(out, b->dialect);
  put_str(out, b->triple);
  put_str(out, b->target_features);
  put_u64(out, b->num_operands);
  for (unsigned i = 0; i < b->num_operands; i++)
    if (!put_operand(out, b, &b->operands[i])) return false;
  put_u64(out, b->num_clobbers);
  for (unsigned i = 0; i < b->num_clobbers; i++) put_str(out, b->clobbers[i]);
  put_u64(out, b->num_labels);
  for (unsigned i = 0; i < b->num_labels; i++) put_str(out, b->labels[i]);
  put_u64(out, b->flags);
  put_loc(out, b, &b->loc);
  put_loc(out, b, &b->template_loc);
  put_u64(out, b->line_locs ? b->num_line_locs : UINT64_MAX);
  for (unsigned i = 0; b->line_locs && i < b->num_line_locs; i++) put_loc(out, b, &b->line_locs[i]);
  put_str(out, b->function);
  put_str(out, b->function_shown);
  put_u64(out, b->ir_call_ordinal);
  const as_asm_layout *l = &b->layout;
  put_u64(out, l->valid);
  put_file(out, b, l->file);
  put_u64(out, l->after_keyword);
  put_u64(out, l->num_sections);
  for (unsigned i = 0; i < 5; i++) {
    put_u64(out, l->section_end[i]);
    put_u64(out, l->section_empty[i]);
  }
  put_u64(out, l->close_paren);
  put_u64(out, (unsigned)(l->constraint_offset != NULL) | (unsigned)(l->constraint_length != NULL) << 1);
  for (unsigned i = 0; l->constraint_offset && i < b->num_operands; i++)
    put_u64(out, l->constraint_offset[i]);
  for (unsigned i = 0; l->constraint_length && i < b->num_operands; i++)
    put_u64(out, l->constraint_length[i]);
  put_str(out, b->display_template);
  put_u64(out, b->line_columns_approx);
  put_u64(out, b->byte_locs ? b->num_byte_locs : UINT64_MAX);
  for (unsigned i = 0; b->byte_locs && i < b->num_byte_locs; i++) put_loc(out, b, &b->byte_locs[i]);
  put_str(out, b->unreadable);
  return true;
}

bool as_findings_write(as_strbuf *out, const as_finding_list *findings, const as_block *block) {
  as_wire_put_u32(out, findings->count);
  for (unsigned i = 0; i < findings->count; i++) {
    const as_finding *f = &findings->items[i];
    if (f->block != block || !f->rule || !as_rule_find(f->rule)) return false;
    put_str(out, f->rule);
    as_wire_put_u32(out, f->severity);
    put_str(out, f->message);
    as_wire_put_u32(out, f->tpl_line);
    as_wire_put_u32(out, f->tpl_column);
    as_wire_put_u32(out, f->num_notes);
    for (unsigned k = 0; k < f->num_notes; k++) {
      as_wire_put_u32(out, f->notes[k].tpl_line);
      as_wire_put_u32(out, f->notes[k].tpl_column);
      put_str(out, f->notes[k].text);
    }
    as_wire_put_u32(out, f->num_fixits);
    for (unsigned k = 0; k < f->num_fixits; k++) {
      const as_fixit *x = &f->fixits[k];
      put_str(out, x->description);
      put_str(out, x->clobber);
      as_wire_put_i64(out, x->operand);
      put_str(out, x->constraint);
      as_wire_put_u32(out, (unsigned)x->add_volatile | (unsigned)x->certain << 1);
    }
  }
  return true;
}

/* ---- reading ------------------------------------------------------------- */

bool as_findings_read(as_arena *arena, const void *data, size_t len, const as_block *block,
                      as_finding_list *findings) {
  as_wire_reader r = {data, (const unsigned char *)data + len, arena, false};
  as_finding_list list = {NULL, 0, 0};
  unsigned n = as_wire_get_count(&r, 5 * 4);
  if (n) {
    list.items = as_arena_alloc(arena, sizeof *list.items * n);
    list.capacity = n;
  }
  for (unsigned i = 0; i < n && !r.bad; i++) {
    as_finding *f = &list.items[list.count++];
    const char *rule = as_wire_get_str(&r);
    const as_rule_info *info = rule ? as_rule_find(rule) : NULL;
    if (!info) r.bad = true;
    f->rule = info ? info->id : NULL;
    unsigned severity = as_wire_get_u32(&r);
    if (severity > AS_SEV_ERROR) r.bad = true;
    f->severity = (as_severity)severity;
    f->message = as_wire_get_str(&r);
    f->block = block;
    f->tpl_line = as_wire_get_u32(&r);
    f->tpl_column = as_wire_get_u32(&r);
    f->num_notes = f->cap_notes = as_wire_get_count(&r, 3 * 4);
    if (f->num_notes) f->notes = as_arena_alloc(arena, sizeof *f->notes * f->num_notes);
    for (unsigned k = 0; k < f->num_notes; k++) {
      f->notes[k].tpl_line = as_wire_get_u32(&r);
      f->notes[k].tpl_column = as_wire_get_u32(&r);
      f->notes[k].text = as_wire_get_str(&r);
    }
    f->num_fixits = f->cap_fixits = as_wire_get_count(&r, 5 * 4);
    if (f->num_fixits) f->fixits = as_arena_alloc(arena, sizeof *f->fixits * f->num_fixits);
    for (unsigned k = 0; k < f->num_fixits; k++) {
      as_fixit *x = &f->fixits[k];
      x->description = as_wire_get_str(&r);
      x->clobber = as_wire_get_str(&r);
      x->operand = (int)as_wire_get_i64(&r);
      x->constraint = as_wire_get_str(&r);
      unsigned bits = as_wire_get_u32(&r);
      x->add_volatile = bits & 1u;
      x->certain = bits & 2u;
    }
  }
  if (r.bad || r.p != r.end) return false;
  *findings = list;
  return true;
}
