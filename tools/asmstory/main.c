/* asmstory: the command line, clang-tidy style.
 *
 *   asmstory [options] <file>... [-- <compiler flags>]
 *
 * Exit status: 0 no finding of severity warning or error, 1 at least one,
 * 2 the tool could not run (one-line reason on stderr). */
#define _POSIX_C_SOURCE 200809L
#include "asmstory/analyze.h"
#include "asmstory/frontend.h"
#include "asmstory/report.h"

#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

typedef enum { FORMAT_TEXT, FORMAT_SARIF, FORMAT_JSON } format_kind;

static const char usage[] =
    "usage: asmstory [options] <file>... [-- <compiler flags>]\n"
    "\n"
    "Checks every inline asm block of C/C++ (.c .cc .cpp .cxx .h .i .ii), LLVM IR (.ll .bc)\n"
    "and Rust (.rs) files against its declared interface.\n"
    "\n"
    "options:\n"
    "  --format=text|sarif|json  output format (default text)\n"
    "  --checks=<globs>          rules to run, clang-tidy style (e.g. -*,memory-*)\n"
    "  --explain                 print each block's bindings, effects and memory accesses\n"
    "  --dump                    print each block's operands, bindings and decoded instructions\n"
    "  --target=<triple>         target for IR without one (and for C files, as --target=)\n"
    "  --stats                   print per-block analysis times and Z3 counts to stderr\n"
    "  --no-cache                do not reuse answers of identical Z3 queries\n"
    "  --list-checks             print the rule ids and exit\n"
    "  --version                 print the version and exit\n"
    "  -h, --help                print this help and exit\n"
    "\n"
    "exit status: 0 no warnings, 1 warnings or errors found, 2 the tool could not run\n";

static int fail(const char *format, const char *arg) {
  fprintf(stderr, "asmstory: error: ");
  fprintf(stderr, format, arg);
  fputc('\n', stderr);
  return 2;
}

typedef struct keyed {
  as_loc loc;
  unsigned index;
} keyed;

static int by_location(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  int c = strcmp(x->loc.file ? x->loc.file : "", y->loc.file ? y->loc.file : "");
  if (c) return c;
  if (x->loc.line != y->loc.line) return x->loc.line < y->loc.line ? -1 : 1;
  if (x->loc.column != y->loc.column) return x->loc.column < y->loc.column ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Findings of a file in source order, as a compiler reports them. */
static void sort_findings(as_arena *arena, as_finding_list *list, unsigned from) {
  unsigned n = list->count - from;
  if (n < 2) return;
  keyed *keys = as_arena_alloc(arena, sizeof *keys * n);
  as_finding *copy = as_arena_alloc(arena, sizeof *copy * n);
  for (unsigned i = 0; i < n; i++) {
    const as_finding *f = &list->items[from + i];
    keys[i].loc = as_report_location(f->block, f->tpl_line, f->tpl_column);
    keys[i].index = i;
    copy[i] = *f;
  }
  qsort(keys, n, sizeof *keys, by_location);
  for (unsigned i = 0; i < n; i++) list->items[from + i] = copy[keys[i].index];
}

static const char *ext_of(const char *path) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  return dot && (!slash || dot > slash) ? dot : "";
}

/* The whole command; files and cc_args are main's, sized for argc (cc_args
 * has room for one more, the --target flag, which goes to *target_flag so
 * main can free it: every return path leaves nothing behind). */
static int run(int argc, char **argv, const char **files, const char **cc_args,
               char **target_flag) {
  format_kind format = FORMAT_TEXT;
  const char *checks = NULL, *triple = NULL;
  bool explain = false, dump = false, list_checks = false, stats = false, cache = true;
  unsigned num_files = 0, num_cc = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      for (int k = i + 1; k < argc; k++) cc_args[num_cc++] = argv[k];
      break;
    } else if (!strncmp(a, "--format=", 9)) {
      const char *f = a + 9;
      if (!strcmp(f, "text")) format = FORMAT_TEXT;
      else if (!strcmp(f, "sarif")) format = FORMAT_SARIF;
      else if (!strcmp(f, "json")) format = FORMAT_JSON;
      else if (!strcmp(f, "plist")) return fail("--format=%s is not supported yet (text, sarif, json are)", f);
      else return fail("unknown --format '%s' (expected text, sarif or json)", f);
    } else if (!strncmp(a, "--checks=", 9)) {
      checks = a + 9;
      char err[256];
      if (!as_checks_valid(checks, err, sizeof err)) return fail("%s", err);
    } else if (!strncmp(a, "--target=", 9)) {
      triple = a + 9;
    } else if (!strcmp(a, "--explain")) {
      explain = true;
    } else if (!strcmp(a, "--dump")) {
      dump = true;
    } else if (!strcmp(a, "--stats")) {
      stats = true;
    } else if (!strcmp(a, "--no-cache")) {
      cache = false;
    } else if (!strcmp(a, "--list-checks")) {
      list_checks = true;
    } else if (!strcmp(a, "--version")) {
      printf("asmstory 0.1 (LLVM MC 22, x86-64 and i386)\n");
      return 0;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(usage, stdout);
      return 0;
    } else if (!strcmp(a, "-p") || !strncmp(a, "-p=", 3) || !strcmp(a, "--fix") ||
               !strncmp(a, "--export-fixes", 14) || !strcmp(a, "-j")) {
      return fail("option '%s' is not supported yet", a);
    } else if (a[0] == '-' && a[1]) {
      return fail("unknown option '%s' (see --help)", a);
    } else {
      files[num_files++] = a;
    }
  }
  if (list_checks) {
    unsigned n;
    const as_rule_info *r = as_rules(&n);
    for (unsigned k = 0; k < n; k++)
      if (as_check_enabled(checks, r[k].id)) printf("%-24s %s\n", r[k].id, r[k].summary);
    return 0;
  }
  if (num_files == 0) return fail("%s", "no input files (see --help)");
  if (triple) {
    /* For C files the target is a compiler flag as well. */
    char *flag = malloc(strlen(triple) + 10);
    if (!flag) return fail("%s", "out of memory");
    sprintf(flag, "--target=%s", triple);
    cc_args[num_cc++] = flag;
    *target_flag = flag;
  }

  as_arena arena;
  as_arena_init(&arena);
  as_target_cache *targets = as_target_cache_create();
  /* Permission stories need the IR (C: compiled by Clang as well). */
  bool stories = as_check_enabled(checks, "memory-out-of-bounds") ||
                 as_check_enabled(checks, "memory-misaligned") ||
                 as_check_enabled(checks, "memory-readonly-write") ||
                 as_check_enabled(checks, "memory-no-provenance");
  as_story_ctx *story = stories ? as_story_create(2000, cache) : NULL;
  as_finding_list findings = {0};
  as_strbuf text;
  as_strbuf_init(&text, &arena);
  FILE *side = format == FORMAT_TEXT ? stdout : stderr; /* dump/explain */
  as_analysis_options options = {checks, dump, explain};
  int status = 0;
  for (unsigned f = 0; f < num_files; f++) {
    as_frontend_options fo;
    memset(&fo, 0, sizeof fo);
    fo.triple = triple;
    const char *ext = ext_of(files[f]);
    bool is_c = strcmp(ext, ".ll") && strcmp(ext, ".bc") && strcmp(ext, ".rs");
    fo.cc_args = is_c ? cc_args : NULL;
    fo.num_cc_args = is_c ? num_cc : 0;
    fo.want_ir = stories;
    as_block_list blocks = {0};
    unsigned first_finding = findings.count;
    char err[1024];
    if (as_frontend_any(&arena, files[f], &fo, &blocks, err, sizeof err) != 0) {
      status = fail("%s", err);
      break;
    }
    unsigned block_first = findings.count;
    for (unsigned i = 0; i < blocks.count; i++) {
      as_strbuf d, e;
      as_strbuf_init(&d, &arena);
      as_strbuf_init(&e, &arena);
      struct timespec t0, t1;
      clock_gettime(CLOCK_MONOTONIC, &t0);
      int analyzed = as_analyze_block(targets, story, &arena, blocks.items[i], &options, &findings, &d, &e, err,
                           sizeof err);
      clock_gettime(CLOCK_MONOTONIC, &t1);
      if (stats)
        fprintf(stderr, "asmstory-stats: block %s:%u us %lld\n", files[f], blocks.items[i]->loc.line,
                (long long)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
      if (analyzed != 0) {
        status = fail("%s", err);
        break;
      }
      if (d.length) fputs(d.data, side);
      if (e.length) fputs(e.data, side);
      if (format == FORMAT_TEXT && (dump || explain)) {
        /* With --dump/--explain each block's findings follow its text. */
        as_finding_list mine = {findings.items + block_first, findings.count - block_first,
                                findings.count - block_first};
        sort_findings(&arena, &mine, 0);
        as_strbuf t;
        as_strbuf_init(&t, &arena);
        as_report_text(&t, &mine);
        if (t.length) fputs(t.data, stdout);
        block_first = findings.count;
      }
    }
    if (status == 2) break;
    sort_findings(&arena, &findings, first_finding);
  }
  if (status != 2) {
    switch (format) {
    case FORMAT_TEXT:
      if (!dump && !explain) as_report_text(&text, &findings);
      break;
    case FORMAT_SARIF: as_report_sarif(&text, &findings); break;
    case FORMAT_JSON: as_report_json(&text, &findings); break;
    }
    if (text.length) fputs(text.data, stdout);
    for (unsigned i = 0; i < findings.count; i++)
      if (findings.items[i].severity != AS_SEV_NOTE) status = 1;
  }
  if (stats) {
    as_story_stats st = as_story_get_stats(story);
    fprintf(stderr, "asmstory-stats: z3 queries %u cache-hits %u timeouts %u\n", st.queries,
            st.cache_hits, st.timeouts);
  }
  as_target_cache_destroy(targets);
  as_story_destroy(story);
  as_arena_free(&arena);
  return status;
}

int main(int argc, char **argv) {
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  const char **cc_args = calloc((size_t)argc + 2, sizeof *cc_args);
  char *target_flag = NULL;
  int status = files && cc_args ? run(argc, argv, files, cc_args, &target_flag)
                                : fail("%s", "out of memory");
  free(target_flag);
  free(files);
  free(cc_args);
  return status;
}
