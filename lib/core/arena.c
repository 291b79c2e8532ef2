/* Arena allocator: per-block memory from chunks, freed all at once. */
#include "asmstory/arena.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct as_arena_chunk {
  as_arena_chunk *next;
  size_t used, size;
  _Alignas(16) unsigned char data[];
};

enum { AS_CHUNK_DEFAULT = 64 * 1024 };

/* Under AddressSanitizer every allocation is followed by a poisoned red
 * zone and the unused rest of a chunk stays poisoned, so an overrun of one
 * arena object is reported like an overrun of a malloc'd one. */
#if defined(__SANITIZE_ADDRESS__)
#define AS_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AS_ARENA_ASAN 1
#endif
#endif
#ifdef AS_ARENA_ASAN
#include <sanitizer/asan_interface.h>
enum { AS_REDZONE = 16 };
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
enum { AS_REDZONE = 0 };
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

void as_arena_init(as_arena *arena) { arena->head = NULL; }

void as_arena_free(as_arena *arena) {
  as_arena_chunk *c = arena->head;
  while (c) {
    as_arena_chunk *next = c->next;
    UNPOISON(c->data, c->size);
    free(c);
    c = next;
  }
  arena->head = NULL;
}

void *as_arena_alloc(as_arena *arena, size_t size) {
  size_t asked = size;
  size = (size + 15) & ~(size_t)15;
  if (size == 0) size = 16;
  size += AS_REDZONE;
  as_arena_chunk *c = arena->head;
  if (!c || c->size - c->used < size) {
    size_t want = size > AS_CHUNK_DEFAULT ? size : AS_CHUNK_DEFAULT;
    c = malloc(sizeof *c + want);
    if (!c) {
      fputs("asmstory: out of memory\n", stderr);
      abort();
    }
    c->size = want;
    c->used = 0;
    c->next = arena->head;
    arena->head = c;
    POISON(c->data, want);
  }
  void *p = c->data + c->used;
  c->used += size;
  UNPOISON(p, AS_REDZONE ? asked : size);
  memset(p, 0, AS_REDZONE ? asked : size);
  return p;
}

char *as_arena_strndup(as_arena *arena, const char *text, size_t length) {
  char *p = as_arena_alloc(arena, length + 1);
  if (length) memcpy(p, text, length); /* text may be NULL when empty (an MC StringRef) */
  p[length] = '\0';
  return p;
}

char *as_arena_strdup(as_arena *arena, const char *text) {
  if (!text) return NULL;
  return as_arena_strndup(arena, text, strlen(text));
}

char *as_arena_vprintf(as_arena *arena, const char *format, va_list args) {
  va_list copy;
  va_copy(copy, args);
  int n = vsnprintf(NULL, 0, format, copy);
  va_end(copy);
  if (n < 0) return as_arena_strdup(arena, "");
  char *p = as_arena_alloc(arena, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, format, args);
  return p;
}

char *as_arena_printf(as_arena *arena, const char *format, ...) {
  va_list args;
  va_start(args, format);
  char *p = as_arena_vprintf(arena, format, args);
  va_end(args);
  return p;
}

void *as_arena_grow(as_arena *arena, void *items, size_t item_size, unsigned count,
                    unsigned *capacity) {
  if (count < *capacity) return items;
  unsigned cap = *capacity ? *capacity * 2 : 8;
  void *p = as_arena_alloc(arena, item_size * cap);
  if (items && count) memcpy(p, items, item_size * count);
  *capacity = cap;
  return p;
}

void as_strbuf_init(as_strbuf *buf, as_arena *arena) {
  buf->arena = arena;
  buf->capacity = 64;
  buf->length = 0;
  buf->data = as_arena_alloc(arena, buf->capacity);
}

void as_strbuf_append(as_strbuf *buf, const char *text, size_t length) {
  if (buf->length + length + 1 > buf->capacity) {
    size_t cap = buf->capacity * 2;
    while (cap < buf->length + length + 1) cap *= 2;
    char *p = as_arena_alloc(buf->arena, cap);
    memcpy(p, buf->data, buf->length);
    buf->data = p;
    buf->capacity = cap;
  }
  if (length) memcpy(buf->data + buf->length, text, length);
  buf->length += length;
  buf->data[buf->length] = '\0';
}

void as_strbuf_puts(as_strbuf *buf, const char *text) {
  as_strbuf_append(buf, text, strlen(text));
}

void as_strbuf_printf(as_strbuf *buf, const char *format, ...) {
  va_list args;
  va_start(args, format);
  char *p = as_arena_vprintf(buf->arena, format, args);
  va_end(args);
  as_strbuf_puts(buf, p);
}
