/* libFuzzer target: the LLVM IR front end and the analysis of what it finds.
 *
 * The input is written to a temporary file (.bc when it starts with the
 * bitcode magic, else .ll) and read with as_frontend_any, which runs
 * as_frontend_ir (the untrusted module is first parsed in a forked child)
 * and locates the blocks in textual IR; every block then goes through
 * as_analyze_block with permission stories, and the findings are rendered
 * as text (which reads the file back for source lines), SARIF and JSON. */
#define _POSIX_C_SOURCE 200809L
#include "asmstory/analyze.h"
#include "asmstory/frontend.h"
#include "asmstory/report.h"

#include <pthread.h>
#include <sanitizer/common_interface_defs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The IR front end parses untrusted IR in a forked child first and takes its
 * death as "corrupt input".  Inside the fuzzer that child inherits
 * libFuzzer's hooks, which would write the input out as a crash of ours when
 * the uninstrumented LLVM reader fails there: LLVM's huge allocations fail
 * (returning NULL makes LLVM abort, which ends the child by SIGABRT) instead
 * of being reported by ASan or libFuzzer, and the child drops libFuzzer's
 * death callback.  Options from the environment still override these. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) {
  return "allocator_may_return_null=1:max_allocation_size_mb=2048";
}

static void in_child(void) { __sanitizer_set_death_callback(NULL); }

static as_target_cache *targets;
static as_story_ctx *story;
static char dir[256];
static char path_ll[300], path_bc[300];

static void cleanup(void) {
  unlink(path_ll);
  unlink(path_bc);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *base = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/asmstory-fuzz-ir-XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(dir)) {
    perror("fuzz_ir: mkdtemp");
    abort();
  }
  snprintf(path_ll, sizeof path_ll, "%s/input.ll", dir);
  snprintf(path_bc, sizeof path_bc, "%s/input.bc", dir);
  atexit(cleanup);
  pthread_atfork(NULL, NULL, in_child);
  targets = as_target_cache_create();
  story = as_story_create(100, false);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bool bc = size >= 4 && !memcmp(data, "BC\xC0\xDE", 4);
  const char *path = bc ? path_bc : path_ll;
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  if (size && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f) != 0) abort();

  as_arena arena;
  as_arena_init(&arena);
  as_frontend_options options;
  memset(&options, 0, sizeof options);
  as_block_list blocks = {0};
  char err[1024];
  if (as_frontend_any(&arena, path, &options, &blocks, err, sizeof err) == 0) {
    as_finding_list findings = {0};
    as_analysis_options aopts = {NULL, true, true};
    for (unsigned i = 0; i < blocks.count; i++) {
      as_strbuf dump, explain;
      as_strbuf_init(&dump, &arena);
      as_strbuf_init(&explain, &arena);
      if (as_analyze_block(targets, story, &arena, blocks.items[i], &aopts, &findings, &dump,
                           &explain, err, sizeof err) != 0)
        break;
    }
    as_strbuf out;
    as_strbuf_init(&out, &arena);
    as_report_text(&out, &findings);
    as_report_sarif(&out, &findings);
    as_report_json(&out, &findings);
  } else if (!memchr(err, '\0', sizeof err) || !err[0]) {
    abort(); /* a failure must come with a reason */
  }
  as_arena_free(&arena);
  return 0;
}
