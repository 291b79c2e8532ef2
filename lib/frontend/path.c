/* File paths as build systems write them: `./x.c`, `../src/x.c`, relative
 * to a command's directory.  Normalized lexically (as clang's tooling does:
 * no symbolic links resolved), so that the same file is one name. */
#include "fe_internal.h"

#include <string.h>

const char *as_fe_path_normalize(as_arena *arena, const char *dir, const char *file) {
  if (!file) return NULL;
  const char *joined = file[0] == '/' || !dir || !*dir ? file
                                                       : as_arena_printf(arena, "%s/%s", dir, file);
  size_t n = strlen(joined);
  char *out = as_arena_alloc(arena, n + 2);
  size_t len = 0;
  bool absolute = joined[0] == '/';
  unsigned kept = 0; /* components in out that a ".." may remove */
  const char *p = joined;
  while (*p) {
    while (*p == '/') p++;
    const char *start = p;
    while (*p && *p != '/') p++;
    size_t clen = (size_t)(p - start);
    if (clen == 0 || (clen == 1 && start[0] == '.')) continue;
    if (clen == 2 && start[0] == '.' && start[1] == '.') {
      if (kept) {
        while (len > 0 && out[len - 1] != '/') len--;
        if (len > 0) len--; /* the slash before it */
        kept--;
        continue;
      }
      if (absolute) continue; /* "/.." is "/" */
    } else {
      kept++;
    }
    if (len > 0 || absolute) out[len++] = '/';
    memcpy(out + len, start, clen);
    len += clen;
  }
  if (len == 0) out[len++] = absolute ? '/' : '.';
  out[len] = '\0';
  return out;
}
