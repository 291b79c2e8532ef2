/* The permission story: for every memory access of a block, the pointer
 * handed to the block whose provenance grants it (object, bounds, alignment,
 * permission), proved with Z3, or a counterexample when none can. */
#ifndef ASMSTORY_STORY_H
#define ASMSTORY_STORY_H
#include <stdbool.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/effects.h"
#include "asmstory/finding.h"
#include "asmstory/target.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One per process: the Z3 context is created only when a query is needed,
 * every query has a timeout, identical queries are answered from a cache.
 * A timeout_ms of 0 means AS_STORY_TIMEOUT_MS (docs/usage.md, docs/plugin.md
 * and docs/rules/memory-out-of-bounds.md say 2 s). */
#define AS_STORY_TIMEOUT_MS 2000u
typedef struct as_story_ctx as_story_ctx;
as_story_ctx *as_story_create(unsigned timeout_ms, bool use_cache);
void as_story_destroy(as_story_ctx *ctx);

typedef struct as_story_stats {
  unsigned queries;     /* asked of Z3 */
  unsigned cache_hits;
  unsigned timeouts;
  unsigned shortcuts;   /* bounds questions answered without Z3 (in bounds over the ranges) */
} as_story_stats;
as_story_stats as_story_get_stats(const as_story_ctx *ctx);

/* Checks memory-out-of-bounds, memory-misaligned, memory-readonly-write and
 * memory-no-provenance for every access of the summary; appends findings
 * and, when explain is non-NULL, one story line per access. */
void as_story_check(as_story_ctx *ctx, as_arena *arena, const as_target *target,
                    const as_block *block, const as_decoded *decoded,
                    const as_summary *summary, const char *checks,
                    as_finding_list *findings, as_strbuf *explain);

#ifdef __cplusplus
}
#endif
#endif
