/* Arena allocation: every per-block object comes from one arena, freed at once. */
#ifndef ASMSTORY_ARENA_H
#define ASMSTORY_ARENA_H
#include <stddef.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_arena_chunk as_arena_chunk;
typedef struct as_arena {
  as_arena_chunk *head;
} as_arena;

void as_arena_init(as_arena *arena);
void as_arena_free(as_arena *arena);
/* Zeroed, 16-byte aligned memory; aborts only if the system is out of memory. */
void *as_arena_alloc(as_arena *arena, size_t size);
char *as_arena_strdup(as_arena *arena, const char *text);
char *as_arena_strndup(as_arena *arena, const char *text, size_t length);
char *as_arena_printf(as_arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
char *as_arena_vprintf(as_arena *arena, const char *format, va_list args);
/* Grows an array held in the arena (the old storage is abandoned, not freed). */
void *as_arena_grow(as_arena *arena, void *items, size_t item_size,
                    unsigned count, unsigned *capacity);

/* A growable string in an arena. */
typedef struct as_strbuf {
  as_arena *arena;
  char *data;
  size_t length, capacity;
} as_strbuf;
void as_strbuf_init(as_strbuf *buf, as_arena *arena);
void as_strbuf_append(as_strbuf *buf, const char *text, size_t length);
void as_strbuf_puts(as_strbuf *buf, const char *text);
void as_strbuf_printf(as_strbuf *buf, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#ifdef __cplusplus
}
#endif
#endif
