/* The C side of AsmStory.so (the Clang plugin, the pass plugin and the
 * analyzer checker): one as_plugin per compiler instance holds the blocks of
 * the translation unit, the target cache and the story context, and makes
 * every decision about a block.  The C++ files of lib/plugin only translate
 * between Clang/LLVM objects and these structs. */
#ifndef ASMSTORY_PLUGIN_H
#define ASMSTORY_PLUGIN_H
#include <stdbool.h>
#include <stddef.h>
#include "asmstory/analyze.h"
#include "asmstory/block.h"
#include "asmstory/finding.h"
#include "asmstory/report.h"

#include <llvm-c/Core.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_plugin as_plugin;

typedef struct as_plugin_options {
  const char *checks;       /* clang-tidy style globs, NULL = all */
  unsigned timeout_ms;      /* per Z3 query, 0 = default */
  bool proved_as_errors;    /* error-severity findings as (default-)errors */
} as_plugin_options;

/* Parses one -fplugin-arg-asmstory-<arg> ("checks=-*,memory-*",
 * "timeout=500", "errors").  Returns 0, or -1 with a reason. */
int as_plugin_parse_arg(as_plugin_options *options, const char *arg, char *err, size_t errlen);

as_plugin *as_plugin_create(const as_plugin_options *options);
void as_plugin_destroy(as_plugin *plugin);
/* The arena that owns the translation unit's blocks. */
as_arena *as_plugin_arena(as_plugin *plugin);
const as_plugin_options *as_plugin_get_options(const as_plugin *plugin);

/* The AST side: every rule but the permission story.  Findings go to
 * *findings, in `arena` (the analysis' memory too: a scratch arena the
 * caller frees once they are reported).  Returns 0, or -1 with a reason
 * when the block could not be analyzed at all (unsupported target). */
int as_plugin_analyze(as_plugin *plugin, as_arena *arena, const as_block *block,
                      as_finding_list *findings, char *err, size_t errlen);

/* The pass side: the permission story of one statement from its emitted
 * asm calls (twins: each call read as an IR block with provenance facts;
 * several when the statement was inlined in several places).  Findings (the
 * four memory-* permission rules) are made in arena, against a copy of
 * block whose IR twins are twins.  Returns 0 or -1. */
int as_plugin_story(as_plugin *plugin, as_arena *arena, const as_block *block, as_block **twins,
                    unsigned num_twins, as_finding_list *findings, char *err, size_t errlen);

/* Names of the local variables the AST says operands point to (operand i
 * hands `&v` or an array `v` to the block), for IR without value names
 * (clang discards them): names[i] or NULL.  Kept for block's lifetime. */
void as_plugin_set_object_names(as_plugin *plugin, const as_block *block, const char **names);

/* Whether a finding of `rule` about the statement `key` is reported for the
 * first time (the pass sees one statement once per inlined copy). */
bool as_plugin_first_report(as_plugin *plugin, unsigned long long key, const char *rule);

/* The statements of the translation unit are analyzed: the assembler
 * process ends (the stories' templates are the same ones, answered from its
 * record; one not seen yet starts it again). */
void as_plugin_idle(as_plugin *plugin);
/* Looks up the analyses of these blocks on disk (asmstory/disk_cache.h),
 * and assembles the templates of the others (those of targets asmstory
 * describes) in one round trip, for the analyses that follow. */
void as_plugin_prefetch(as_plugin *plugin, as_block *const *blocks, unsigned n);
/* Whether the pass has any rule to run. */
bool as_plugin_wants_stories(const as_plugin *plugin);

/* The severity a finding is reported with by the compiler: 0 remark (notes:
 * not verified), 1 warning, 2 error (only with proved_as_errors). */
int as_plugin_diag_level(const as_plugin *plugin, const as_finding *finding);

/* "message [asmstory-id]". */
const char *as_plugin_diag_text(as_arena *arena, const as_finding *finding);

/* lib/frontend/ir_reader.c: one asm call of a module in memory as a block. */
struct as_facts_ctx;
int as_ir_read_call(as_arena *arena, LLVMModuleRef module, LLVMValueRef fn, LLVMValueRef call,
                    as_lang lang, const char *triple, struct as_facts_ctx *facts, as_block *out,
                    char *err, size_t errlen);
/* Copies of b, one per call of its function whose facts differ
 * (at most max, into out): see lib/frontend/ir_reader.c. */
unsigned as_ir_caller_copies(as_arena *arena, struct as_facts_ctx *facts, LLVMValueRef call,
                             const as_block *b, as_block **out, unsigned max);

#ifdef __cplusplus
}
#endif
#endif
