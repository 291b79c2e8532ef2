/* The whole analysis of one block: decode, effects, checks; and the text of
 * --dump (the decoded instructions) and --explain (bindings and stories);
 * or decode and effects alone for --print-effects. */
#ifndef ASMSTORY_ANALYZE_H
#define ASMSTORY_ANALYZE_H
#include <stdbool.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"
#include "asmstory/effects.h"
#include "asmstory/finding.h"
#include "asmstory/story.h"
#include "asmstory/display.h"
#include "asmstory/target.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_analysis_options {
  const char *checks;  /* clang-tidy style globs, NULL = all */
  bool dump;           /* fill the dump text */
  bool explain;        /* fill the explain text */
} as_analysis_options;

/* Runs the frame, stack, memory-declaration and purity rules on a decoded
 * block and its summary, appending findings. */
void as_checks_run(as_arena *arena, const as_target *target, const as_block *block,
                   const as_decoded *decoded, const as_summary *summary, const char *checks,
                   as_finding_list *findings);

/* Analyzes one block (story may be NULL: no permission stories).  Findings are appended; dump/explain text (when asked
 * for) goes to the buffers.  Returns 0, or -1 with a reason when the block
 * could not be analyzed at all (unsupported target). */
int as_analyze_block(as_target_cache *targets, as_story_ctx *story, as_arena *arena,
                     const as_block *block,
                     const as_analysis_options *options, as_finding_list *findings,
                     as_strbuf *dump, as_strbuf *explain, char *err, size_t errlen);

/* --print-effects: the header of the block and its effects summary
 * (as_effects_text), or why there is none (it does not decode, does not
 * assemble, or the walk gives up), appended to out.  Decode and effects
 * only: no checks, no story.  Returns 0, or -1 with a reason when the block
 * could not be looked at (unsupported target). */
int as_print_block_effects(as_target_cache *targets, as_arena *arena, const as_block *block,
                           as_strbuf *out, char *err, size_t errlen);

/* The permission story alone, for a block whose interface findings were
 * already reported (the plugin's second stage, with the IR twins set):
 * decode, effects walk, story.  Nothing when the block does not decode. */
void as_analyze_story_only(as_story_ctx *story, as_arena *arena, as_target *target,
                           const as_block *block, const char *checks, as_finding_list *findings);

#ifdef __cplusplus
}
#endif
#endif
