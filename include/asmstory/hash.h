/* FNV-1a, 64 bits: the project's one hash of bytes (memo and cache keys,
 * lvalue identities, the plist issue hash).  Not for anything an attacker
 * chooses to collide: every user compares the bytes, or only groups. */
#ifndef ASMSTORY_HASH_H
#define ASMSTORY_HASH_H
#include <stddef.h>
#include <stdint.h>

#define AS_FNV_START 1469598103934665603ull

/* h continued over n bytes (start with AS_FNV_START). */
static inline uint64_t as_fnv1a(uint64_t h, const void *data, size_t n) {
  const unsigned char *p = (const unsigned char *)data;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

#endif
