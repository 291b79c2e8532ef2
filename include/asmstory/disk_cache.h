/* Answers on disk, shared by every compile of a build and by later builds.
 * Two kinds use it:
 *   "mc"      the assembler's answer to a template (lib/target/mc_isolate.c):
 *             a header's asm statement is assembled once, not once per file
 *             that includes it (a kernel file sends the assembler about 500
 *             templates, nearly all from headers every other file includes);
 *   "blocks"  the findings of a block's analysis on the AST side
 *             (lib/plugin/session.c, keyed by as_block_key): a header's
 *             statement is analyzed once per build, not once per file.
 *
 * An entry is the exact request (with a spec naming what it was asked of)
 * and the answer it got, under the identity of the code that produced it:
 * the GNU build ids of asmstory's own object and of LLVM's library, so a
 * rebuilt tool or an updated LLVM never reads an older answer.  An entry is
 * used only when all of it matches and its checksum holds; anything else is
 * a miss.  Crashes and time-outs are never stored.
 *
 * Where: $ASMSTORY_CACHE_DIR, else $XDG_CACHE_HOME/asmstory, else
 * $HOME/.cache/asmstory (entries under <kind>/).  ASMSTORY_CACHE_DIR=off (or
 * empty, or 0) turns it off; so does a directory that cannot be created or
 * written, silently.  Entries are written to a temporary name and renamed,
 * so parallel compiles never read half an entry.  Deleting the directory
 * at any time is safe.  The cache keeps to ASMSTORY_CACHE_MAX_MB (default
 * 1024, 0: no limit) by dropping its oldest entries (disk_cache.c). */
#ifndef ASMSTORY_DISK_CACHE_H
#define ASMSTORY_DISK_CACHE_H
#include <stdbool.h>
#include <stddef.h>

#include "asmstory/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Whether answers are read from and written to disk in this process. */
bool as_disk_cache_enabled(void);

/* The answer recorded under kind ("mc", "blocks") for request req of spec
 * (its bytes copied into arena), or false. */
bool as_disk_cache_get(const char *kind, const char *spec, const void *req, size_t req_len,
                       as_arena *arena, unsigned char **resp, size_t *resp_len);

/* Records the answer to request req of spec under kind (best effort). */
void as_disk_cache_put(const char *kind, const char *spec, const void *req, size_t req_len,
                       const void *resp, size_t resp_len);

/* Counts an answer of kind ("mc", "blocks"): read from disk, or made (by
 * the assembler, by an analysis).  ASMSTORY_MC_STATS=1 prints the counts of
 * each kind counted at exit, one line each ("asmstory: assembler answers:
 * 15 from the disk cache, 0 assembled"; "asmstory: block analyses: 20
 * from the disk cache, 0 done"), also with the cache off. */
void as_disk_cache_count(const char *kind, bool from_disk);

#ifdef __cplusplus
}
#endif
#endif
