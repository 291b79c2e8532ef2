/* Bytes on a wire or on disk: the assembler server's requests and answers
 * (lib/target/mc_isolate.c) and the plugin's record of analyses
 * (lib/core/block_bytes.c) and the entries of the disk cache
 * (lib/core/disk_cache.c).  Host byte order: both ends are the same build
 * of asmstory (the disk cache keys its entries by build id).  A reader
 * checks every length and turns "bad" on the first short read; what it
 * returns after that is zero or NULL. */
#ifndef ASMSTORY_WIRE_H
#define ASMSTORY_WIRE_H
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "asmstory/arena.h"

#define AS_WIRE_NO_STRING 0xffffffffu /* the length of a NULL string */

static inline void as_wire_put_u32(as_strbuf *b, uint32_t v) {
  as_strbuf_append(b, (const char *)&v, sizeof v);
}
static inline void as_wire_put_i64(as_strbuf *b, int64_t v) {
  as_strbuf_append(b, (const char *)&v, sizeof v);
}
/* n bytes after their length (n < AS_WIRE_NO_STRING). */
static inline void as_wire_put_bytes(as_strbuf *b, const void *data, uint32_t n) {
  as_wire_put_u32(b, n);
  if (n) as_strbuf_append(b, (const char *)data, n);
}
static inline void as_wire_put_str(as_strbuf *b, const char *s) {
  if (!s) {
    as_wire_put_u32(b, AS_WIRE_NO_STRING);
    return;
  }
  size_t n = strlen(s);
  as_wire_put_u32(b, (uint32_t)n);
  as_strbuf_append(b, s, n);
}

typedef struct as_wire_reader {
  const unsigned char *p, *end;
  as_arena *arena; /* strings are copied here */
  bool bad;
} as_wire_reader;

static inline void as_wire_get_raw(as_wire_reader *r, void *v, size_t n) {
  if (r->bad || (size_t)(r->end - r->p) < n) {
    r->bad = true;
    return;
  }
  memcpy(v, r->p, n);
  r->p += n;
}
static inline uint32_t as_wire_get_u32(as_wire_reader *r) {
  uint32_t v = 0;
  as_wire_get_raw(r, &v, sizeof v);
  return v;
}
static inline int64_t as_wire_get_i64(as_wire_reader *r) {
  int64_t v = 0;
  as_wire_get_raw(r, &v, sizeof v);
  return v;
}
static inline const char *as_wire_get_str(as_wire_reader *r) {
  uint32_t n = as_wire_get_u32(r);
  if (r->bad || n == AS_WIRE_NO_STRING) return NULL;
  if ((size_t)(r->end - r->p) < n) {
    r->bad = true;
    return NULL;
  }
  const char *s = as_arena_strndup(r->arena, (const char *)r->p, n);
  r->p += n;
  return s;
}
/* Bytes written by as_wire_put_bytes, in place (not copied): their length
 * in *n, or NULL when the rest is too short. */
static inline const unsigned char *as_wire_get_bytes(as_wire_reader *r, size_t *n) {
  uint32_t len = as_wire_get_u32(r);
  if (r->bad || (size_t)(r->end - r->p) < len) {
    r->bad = true;
    return NULL;
  }
  const unsigned char *at = r->p;
  r->p += len;
  *n = len;
  return at;
}
/* A count of items of at least min_bytes each that the rest can hold. */
static inline uint32_t as_wire_get_count(as_wire_reader *r, size_t min_bytes) {
  uint32_t n = as_wire_get_u32(r);
  if (!r->bad && (size_t)n * min_bytes > (size_t)(r->end - r->p)) r->bad = true;
  return r->bad ? 0 : n;
}

#endif
