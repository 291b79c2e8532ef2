/* Small helpers on the block model. */
#include "asmstory/block.h"

#include <string.h>
#include "asmstory/frontend.h"

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
