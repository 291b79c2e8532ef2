/* Small helpers on the block model. */
#include "asmstory/block.h"
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
