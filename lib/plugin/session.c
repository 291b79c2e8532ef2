/* The C side of AsmStory.so: per compiler instance state, the analysis of
 * a block on the AST side (the AST shim builds it with lib/frontend's
 * gnu_block.c, as the libclang front end does) and the permission story
 * of an emitted call on the pass side. */
#define _POSIX_C_SOURCE 200809L
#include "plugin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asmstory/disk_cache.h"
#include "asmstory/effects.h"
#include "asmstory/story.h"
#include "asmstory/target.h"

typedef struct object_names {
  const as_block *block;
  const char **names; /* per operand of block */
} object_names;

/* A block whose analysis was looked up on disk (asmstory/disk_cache.h,
 * kind "blocks"): its findings as bytes, or, for a miss, its key, which
 * records the analysis once it is done. */
typedef struct looked_up {
  const as_block *block;
  const unsigned char *answer; /* NULL: a miss */
  size_t len;
  as_strbuf key;               /* length 0: the block has no key */
} looked_up;

typedef struct reported {
  unsigned long long key;
  const char *rule;
} reported;

struct as_plugin {
  as_plugin_options options;
  as_arena arena;              /* blocks of the translation unit, findings */
  as_target_cache *targets;    /* created with the first block */
  as_story_ctx *story;         /* created with the first story; Z3 only on a query */
  reported *seen;
  unsigned num_seen, cap_seen;
  object_names *names;
  unsigned num_names, cap_names;
  looked_up *looked;        /* in the order of as_plugin_prefetch */
  unsigned num_looked, next_looked;
  char *record_spec;        /* what the analyses depend on beyond the block */
};

static void set_error(char *err, size_t errlen, const char *format, const char *arg) {
  if (err && errlen) snprintf(err, errlen, format, arg);
}

int as_plugin_parse_arg(as_plugin_options *options, const char *arg, char *err, size_t errlen) {
  if (!strncmp(arg, "checks=", 7)) {
    if (!as_checks_valid(arg + 7, err, errlen)) return -1;
    options->checks = arg + 7;
    return 0;
  }
  if (!strncmp(arg, "timeout=", 8)) {
    char *end = NULL;
    unsigned long ms = strtoul(arg + 8, &end, 10);
    if (!arg[8] || *end || ms == 0 || ms > 600000) {
      set_error(err, errlen, "timeout: '%s' is not a number of milliseconds from 1 to 600000",
                arg + 8);
      return -1;
    }
    options->timeout_ms = (unsigned)ms;
    return 0;
  }
  if (!strcmp(arg, "errors")) {
    options->proved_as_errors = true;
    return 0;
  }
  set_error(err, errlen, "unknown argument '%s' (expected checks=<globs>, timeout=<ms> or errors)",
            arg);
  return -1;
}

as_plugin *as_plugin_create(const as_plugin_options *options) {
  as_plugin *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  as_arena_init(&p->arena);
  if (options) p->options = *options;
  if (p->options.checks) p->options.checks = as_arena_strdup(&p->arena, p->options.checks);
  return p;
}

void as_plugin_destroy(as_plugin *p) {
  if (!p) return;
  as_target_cache_destroy(p->targets);
  as_story_destroy(p->story);
  free(p->seen);
  free(p->names);
  free(p->looked);
  as_arena_free(&p->arena);
  free(p);
}

as_arena *as_plugin_arena(as_plugin *p) { return &p->arena; }

const as_plugin_options *as_plugin_get_options(const as_plugin *p) { return &p->options; }

/* ---- analysis --------------------------------------------------------- */

static as_target *target_for(as_plugin *p, const as_block *b, char *err, size_t errlen) {
  if (!p->targets) p->targets = as_target_cache_create();
  if (!p->targets) {
    set_error(err, errlen, "%s", "out of memory");
    return NULL;
  }
  return as_target_get_with(p->targets, b->triple, b->target_features, err, errlen); /* NULL or "": the default */
}

/* ASMSTORY_PLUGIN_SELFTEST=crash makes the analysis of a block fault, as
 * clang's `#pragma clang __debug crash` does: the test that a crash of the
 * analysis leaves the compilation running (test/lit/plugin/crash.test). */
static void selftest_crash(void) {
  const char *mode = getenv("ASMSTORY_PLUGIN_SELFTEST");
  if (mode && !strcmp(mode, "crash")) {
    volatile int *nowhere = NULL;
    *nowhere = 1;
  }
}

/* ---- the record of analyses on disk --------------------------------------
 * A header's asm statement is the same block in every file that includes
 * it: its findings are kept on disk (kind "blocks", keyed by as_block_key
 * and the checks), so a build analyzes it once (ASMSTORY_MC_STATS=1 counts
 * them: as_disk_cache_count). */

static const char *record_spec(as_plugin *p) {
  if (!p->record_spec)
    p->record_spec = as_arena_printf(&p->arena, "asmstory-blocks-1 checks=%s",
                                     p->options.checks ? p->options.checks : "*");
  return p->record_spec;
}

/* Looks b's analysis up on disk, keeping the answer, or the key for a miss,
 * in p->arena (a block with IR facts has no key, and is a miss). */
static void look_up(as_plugin *p, const as_block *b, looked_up *l) {
  l->block = b;
  l->answer = NULL;
  l->len = 0;
  as_strbuf_init(&l->key, &p->arena);
  as_arena scratch;
  as_arena_init(&scratch);
  as_strbuf key;
  as_strbuf_init(&key, &scratch);
  unsigned char *answer = NULL;
  if (as_block_key(&key, b)) {
    if (as_disk_cache_get("blocks", record_spec(p), key.data, key.length, &p->arena, &answer,
                          &l->len))
      l->answer = answer;
    else
      as_strbuf_append(&l->key, key.data, key.length);
  }
  as_arena_free(&scratch);
}

static void record(as_plugin *p, const looked_up *l, const as_finding_list *findings) {
  if (!l->key.length) return;
  as_arena scratch;
  as_arena_init(&scratch);
  as_strbuf answer;
  as_strbuf_init(&answer, &scratch);
  if (as_findings_write(&answer, findings, l->block))
    as_disk_cache_put("blocks", record_spec(p), l->key.data, l->key.length, answer.data,
                      answer.length);
  as_arena_free(&scratch);
}

/* What as_plugin_prefetch found on disk for b; NULL when it did not look. */
static const looked_up *looked_up_for(as_plugin *p, const as_block *b) {
  if (p->next_looked < p->num_looked && p->looked[p->next_looked].block == b)
    return &p->looked[p->next_looked++];
  for (unsigned i = 0; i < p->num_looked; i++)
    if (p->looked[i].block == b) return &p->looked[i];
  return NULL;
}

int as_plugin_analyze(as_plugin *p, as_arena *arena, const as_block *b, as_finding_list *findings,
                      char *err, size_t errlen) {
  selftest_crash();
  /* Looked up by as_plugin_prefetch, or now (the analyzer checker). */
  looked_up here;
  const looked_up *l = NULL;
  if (as_disk_cache_enabled() && !(l = looked_up_for(p, b))) {
    look_up(p, b, &here);
    l = &here;
  }
  if (l && l->answer && as_findings_read(arena, l->answer, l->len, b, findings)) {
    as_disk_cache_count("blocks", true);
    return 0;
  }
  if (!target_for(p, b, err, errlen)) return -1;
  as_analysis_options options = {p->options.checks, false, false};
  unsigned failed = as_target_failed_answers();
  /* No story context: the permission story is the pass's (it has the IR). */
  int rc = as_analyze_block(p->targets, NULL, arena, b, &options, findings, NULL, NULL, err,
                            errlen);
  as_disk_cache_count("blocks", false);
  /* Findings that depend on a template the assembler gave no answer for
   * (a crash, a time-out) are this run's, not the block's. */
  if (rc == 0 && failed == as_target_failed_answers() && l) record(p, l, findings);
  return rc;
}

void as_plugin_prefetch(as_plugin *p, as_block *const *blocks, unsigned n) {
  if (!p->targets) p->targets = as_target_cache_create();
  if (!as_disk_cache_enabled() || !n) {
    as_target_prefetch(p->targets, blocks, n);
    return;
  }
  /* The blocks analyzed before (in this file or another) need no answer
   * from the assembler: only the others' templates are sent. */
  free(p->looked);
  p->looked = calloc(n, sizeof *p->looked);
  as_block **missing = calloc(n, sizeof *missing);
  p->num_looked = p->next_looked = 0;
  if (!p->looked || !missing) {
    free(missing);
    as_target_prefetch(p->targets, blocks, n);
    return;
  }
  unsigned num_missing = 0;
  for (unsigned i = 0; i < n; i++) {
    looked_up *l = &p->looked[p->num_looked++];
    look_up(p, blocks[i], l);
    if (!l->answer) missing[num_missing++] = blocks[i];
  }
  as_target_prefetch(p->targets, missing, num_missing);
  free(missing);
}

void as_plugin_idle(as_plugin *p) { as_target_cache_idle(p->targets); }

bool as_plugin_wants_stories(const as_plugin *p) {
  return as_checks_need(p->options.checks, AS_NEEDS_IR | AS_NEEDS_Z3);
}

void as_plugin_set_object_names(as_plugin *p, const as_block *block, const char **names) {
  if (!names) return;
  if (p->num_names == p->cap_names) {
    unsigned cap = p->cap_names ? p->cap_names * 2 : 16;
    object_names *grown = realloc(p->names, sizeof *grown * cap);
    if (!grown) return;
    p->names = grown;
    p->cap_names = cap;
  }
  p->names[p->num_names].block = block;
  p->names[p->num_names].names = names;
  p->num_names++;
}

/* A local object the IR left unnamed gets the name of the variable the
 * statement's operand points to (operand i of the twin, or the in/out
 * operand an IR tied input stands for). */
static void name_objects(const as_plugin *p, const as_block *block, as_block *twin) {
  const char **names = NULL;
  for (unsigned i = 0; i < p->num_names && !names; i++)
    if (p->names[i].block == block) names = p->names[i].names;
  if (!names) return;
  for (unsigned k = 0; k < twin->num_operands; k++) {
    as_pointer_facts *f = &twin->operands[k].facts;
    if (!f->known || f->object || f->kind != AS_OBJ_LOCAL || !f->offset_known) continue;
    int ast = k < block->num_operands ? (int)k : twin->operands[k].tied_to;
    if (ast < 0 || (unsigned)ast >= block->num_operands || !names[ast]) continue;
    f->object = names[ast];
  }
}

int as_plugin_story(as_plugin *p, as_arena *arena, const as_block *block, as_block **twins,
                    unsigned num_twins, as_finding_list *findings, char *err, size_t errlen) {
  if (!num_twins) return 0;
  as_target *t = target_for(p, block, err, errlen);
  if (!t) return -1;
  if (!p->story) p->story = as_story_create(p->options.timeout_ms, true);
  if (!p->story) {
    set_error(err, errlen, "%s", "out of memory");
    return -1;
  }
  for (unsigned i = 0; i < num_twins; i++) name_objects(p, block, twins[i]);
  as_block *b = as_arena_alloc(arena, sizeof *b);
  *b = *block;
  b->ir_twin = twins[0];
  b->ir_twins = twins;
  b->num_ir_twins = num_twins;
  b->flags &= ~(unsigned)AS_BF_UNREACHED;
  as_analyze_story_only(p->story, arena, t, b, p->options.checks, findings);
  return 0;
}

bool as_plugin_first_report(as_plugin *p, unsigned long long key, const char *rule) {
  for (unsigned i = 0; i < p->num_seen; i++)
    if (p->seen[i].key == key && !strcmp(p->seen[i].rule, rule)) return false;
  if (p->num_seen == p->cap_seen) {
    unsigned cap = p->cap_seen ? p->cap_seen * 2 : 16;
    reported *grown = realloc(p->seen, sizeof *grown * cap);
    if (!grown) return true;
    p->seen = grown;
    p->cap_seen = cap;
  }
  p->seen[p->num_seen].key = key;
  p->seen[p->num_seen].rule = as_arena_strdup(&p->arena, rule);
  p->num_seen++;
  return true;
}

int as_plugin_diag_level(const as_plugin *p, const as_finding *f) {
  if (f->severity == AS_SEV_NOTE) return 0;
  if (f->severity == AS_SEV_ERROR && p->options.proved_as_errors) return 2;
  return 1;
}

const char *as_plugin_diag_text(as_arena *arena, const as_finding *f) {
  return as_arena_printf(arena, "%s [asmstory-%s]", f->message ? f->message : "", f->rule);
}
