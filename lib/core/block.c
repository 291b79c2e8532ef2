/* Small helpers on the block model. */
#include "asmstory/block.h"

#include <string.h>
#include "asmstory/frontend.h"

const char *as_block_function_shown(const as_block *block) {
  return block->function_shown ? block->function_shown : block->function ? block->function : "?";
}

const char *as_lang_name(as_lang lang) {
  switch (lang) {
  case AS_LANG_C: return "C";
  case AS_LANG_CXX: return "C++";
  case AS_LANG_RUST: return "Rust";
  case AS_LANG_IR: return "LLVM IR";
  }
  return "?";
}

const char *as_direction_name(as_direction dir) {
  switch (dir) {
  case AS_DIR_OUT: return "out";
  case AS_DIR_IN: return "in";
  case AS_DIR_INOUT: return "inout";
  }
  return "?";
}

unsigned as_template_line_count(const char *text) {
  unsigned n = 1;
  for (const char *p = text; p && *p; p++)
    if (*p == '\n' && p[1] != '\0') n++;
  return n;
}

void as_block_list_push(as_arena *arena, as_block_list *list, as_block *block) {
  list->items = as_arena_grow(arena, list->items, sizeof *list->items, list->count,
                              &list->capacity);
  list->items[list->count++] = block;
}

static const char *object_kind_name(as_object_kind kind) {
  switch (kind) {
  case AS_OBJ_LOCAL: return "local";
  case AS_OBJ_GLOBAL: return "global";
  case AS_OBJ_ARGUMENT: return "parameter";
  case AS_OBJ_HEAP: return "heap allocation";
  case AS_OBJ_INTEGER: return "integer (no provenance)";
  case AS_OBJ_NULL: return "null";
  default: return "unknown object";
  }
}

bool as_int_facts_signed(const as_int_facts *r) {
  return r->bits && (unsigned long long)r->smax - (unsigned long long)r->smin < r->max - r->min;
}

const char *as_int_facts_describe(as_arena *arena, const as_int_facts *r) {
  const char *range = as_int_facts_signed(r) ? as_arena_printf(arena, "range [%lld, %lld]", r->smin, r->smax)
                                             : as_arena_printf(arena, "range [%llu, %llu]", r->min, r->max);
  if (!r->low_bits || r->min == r->max) return range;
  if (!r->low_value) return as_arena_printf(arena, "%s, a multiple of %llu", range, 1ull << r->low_bits);
  return as_arena_printf(arena, "%s, %llu modulo %llu", range, r->low_value, 1ull << r->low_bits);
}

const char *as_facts_describe(as_arena *arena, const as_pointer_facts *f) {
  as_strbuf b;
  as_strbuf_init(&b, arena);
  as_strbuf_printf(&b, "points into %s", f->string_literal ? "string literal" : object_kind_name(f->kind));
  if (f->object && !f->string_literal && !(f->kind == AS_OBJ_HEAP && !strncmp(f->object, "call", 4)))
    as_strbuf_printf(&b, " `%s`", f->object);
  if (f->size_known) as_strbuf_printf(&b, " (%llu bytes)", f->object_size);
  if (f->offset_known) as_strbuf_printf(&b, " at offset %lld", f->offset);
  as_strbuf_printf(&b, ", align %llu", f->align);
  as_strbuf_puts(&b, f->readonly ? ", read-only" : ", read-write");
  return b.data;
}

int as_operand_set_gnu_constraint(as_operand *op, const as_constraint_dialect *dialect, bool is_output,
                                  char *msg, size_t msglen) {
  op->constraint.tied_to = -1;
  op->tied_to = -1;
  if (as_constraint_parse_gnu(dialect, op->constraint_text ? op->constraint_text : "", is_output,
                              &op->constraint, msg, msglen) != 0)
    return -1;
  op->dir = !is_output ? AS_DIR_IN : (op->constraint.flags & AS_CF_INOUT) ? AS_DIR_INOUT : AS_DIR_OUT;
  op->tied_to = op->constraint.tied_to;
  op->early_clobber = (op->constraint.flags & AS_CF_EARLY) != 0;
  op->indirect = false;
  return 0;
}

void as_block_resolve_named_ties(as_block *b, unsigned num_outputs) {
  for (unsigned k = num_outputs; k < b->num_operands; k++) {
    as_operand *op = &b->operands[k];
    if (!op->constraint.tied_name[0]) continue;
    for (unsigned o = 0; o < num_outputs && o < b->num_operands; o++)
      if (b->operands[o].name && !strcmp(b->operands[o].name, op->constraint.tied_name)) {
        op->tied_to = (int)o;
        op->constraint.tied_to = (int)o;
        op->constraint.kinds |= AS_CK_TIED;
        break;
      }
  }
}

void as_constraint_use_register(as_constraint *c, const char *reg) {
  if (!reg || !*reg || strlen(reg) >= sizeof c->fixed_reg) return;
  if ((c->kinds & AS_CK_FIXED) || !(c->kinds & AS_CK_REG) || (c->kinds & AS_CK_TIED)) return;
  c->kinds = (c->kinds & ~(unsigned)AS_CK_REG) | AS_CK_FIXED;
  memset(c->fixed_reg, 0, sizeof c->fixed_reg);
  memcpy(c->fixed_reg, reg, strlen(reg));
}

void as_block_set_gnu_volatility(as_block *b, unsigned num_outputs, bool volatile_keyword) {
  if (volatile_keyword || num_outputs == 0 || (b->flags & (AS_BF_GOTO | AS_BF_BASIC)))
    b->flags |= AS_BF_VOLATILE;
  if (!(b->flags & AS_BF_VOLATILE) && num_outputs > 0) b->flags |= AS_BF_PURE;
}
