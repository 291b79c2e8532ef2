/* asmstory: the command line, clang-tidy style.
 *
 *   asmstory [options] <file>... [-- <compiler flags>]
 *   asmstory -p <build-dir> [options] [<file>...] [-- <extra flags>]
 *
 * Exit status: 0 no finding of severity warning or error, 1 at least one,
 * 2 the tool could not run (one-line reason on stderr). */
#define _POSIX_C_SOURCE 200809L
#include "asmstory/target.h"
#include "asmstory/analyze.h"
#include "asmstory/frontend.h"
#include "asmstory/report.h"
#include "asmstory/version.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef enum { FORMAT_TEXT, FORMAT_SARIF, FORMAT_JSON, FORMAT_PLIST } format_kind;

static const char usage[] =
    "usage: asmstory [options] <file>... [-- <compiler flags>]\n"
    "       asmstory -p <build-dir> [options] [<file>...] [-- <extra compiler flags>]\n"
    "\n"
    "Checks every inline asm block of C/C++ (.c .cc .cpp .cxx .h .i .ii), LLVM IR (.ll .bc)\n"
    "and Rust (.rs) files against its declared interface and the memory its pointers grant.\n"
    "\n"
    "options:\n"
    "  --format=text|sarif|json|plist  output format (default text); plist writes one\n"
    "                            analyzer plist per file into the -o directory\n"
    "  -o <dir>                  output directory of --format=plist\n"
    "  --checks=<globs>          rules to run, clang-tidy style (e.g. -*,memory-*)\n"
    "  --explain                 print each block's bindings, effects and permission stories\n"
    "  --dump                    print each block's operands, bindings and decoded instructions\n"
    "  --print-effects           print each block's effects summary (registers, flags, stack,\n"
    "                            memory accesses) instead of checking it: no checks, no story\n"
    "  --target=<triple>         target for IR without one (and for C files, as --target=)\n"
    "  -p <build-dir>            read compile_commands.json: the files and their flags\n"
    "  --fix                     apply the fix-its that are certainly right, in place\n"
    "  --export-fixes=<file>     write those fix-its as clang-tidy YAML replacements\n"
    "  -j <n>                    analyze n files in parallel\n"
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

static const char *ext_of(const char *path) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  return dot && (!slash || dot > slash) ? dot : "";
}

/* ---- one file: a job ------------------------------------------------------ */

typedef struct config {
  format_kind format;
  const char *checks, *triple;
  bool explain, dump, stats, cache, stories;
  bool print_effects; /* the effects layer alone, instead of the checks */
} config;

typedef struct job {
  const char *file;
  const char *const *cc_args;
  unsigned num_cc_args;
} job;

typedef struct job_result {
  as_arena arena;
  as_finding_list findings;
  as_strbuf side;   /* --dump/--explain text (with each block's findings in text mode) */
  as_strbuf stats;  /* --stats lines */
  const char *note; /* the front end's remark on the file, or NULL */
  char err[1024];
  bool failed;
  as_story_stats story;
} job_result;

/* Per-thread analysis state: a target cache and a Z3 story context. */
typedef struct worker_state {
  as_target_cache *targets;
  as_story_ctx *story;
} worker_state;

static void analyze_job(const config *cfg, worker_state *ws, const job *j, job_result *r) {
  as_arena *arena = &r->arena;
  as_strbuf_init(&r->side, arena);
  as_strbuf_init(&r->stats, arena);
  as_frontend_options fo;
  memset(&fo, 0, sizeof fo);
  fo.triple = cfg->triple;
  const char *ext = ext_of(j->file);
  bool is_c = strcmp(ext, ".ll") && strcmp(ext, ".bc") && strcmp(ext, ".rs");
  fo.cc_args = is_c ? j->cc_args : NULL;
  fo.num_cc_args = is_c ? j->num_cc_args : 0;
  fo.want_ir = cfg->stories;
  as_block_list blocks = {0};
  if (as_frontend_any(arena, j->file, &fo, &blocks, r->err, sizeof r->err) != 0) {
    r->failed = true;
    return;
  }
  r->note = blocks.note;
  as_analysis_options options = {cfg->checks, cfg->dump, cfg->explain};
  unsigned block_first = 0;
  for (unsigned i = 0; i < blocks.count; i++) {
    as_strbuf d, e;
    as_strbuf_init(&d, arena);
    as_strbuf_init(&e, arena);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int analyzed = cfg->print_effects
                       ? as_print_block_effects(ws->targets, arena, blocks.items[i], &d, r->err, sizeof r->err)
                       : as_analyze_block(ws->targets, ws->story, arena, blocks.items[i], &options,
                                          &r->findings, &d, &e, r->err, sizeof r->err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (cfg->stats)
      as_strbuf_printf(&r->stats, "asmstory-stats: block %s:%u us %lld\n", j->file,
                       blocks.items[i]->loc.line,
                       (long long)(t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
    if (analyzed != 0) {
      r->failed = true;
      return;
    }
    if (d.length) as_strbuf_puts(&r->side, d.data);
    if (e.length) as_strbuf_puts(&r->side, e.data);
    if (cfg->format == FORMAT_TEXT && (cfg->dump || cfg->explain)) {
      /* With --dump/--explain each block's findings follow its text. */
      as_finding_list mine = {r->findings.items + block_first, r->findings.count - block_first,
                              r->findings.count - block_first};
      as_findings_sort(arena, &mine, 0, false);
      as_report_text(&r->side, &mine);
      block_first = r->findings.count;
    }
  }
  as_findings_merge_copies(arena, &r->findings, 0, blocks.items, blocks.count);
  as_findings_sort(arena, &r->findings, 0, false);
}

typedef struct pool {
  const config *cfg;
  const job *jobs;
  job_result *results;
  unsigned num_jobs;
  atomic_uint next;
  as_story_stats story;
  pthread_mutex_t lock;
} pool;

static void *worker(void *arg) {
  pool *p = arg;
  worker_state ws;
  ws.targets = as_target_cache_create();
  ws.story = p->cfg->stories ? as_story_create(AS_STORY_TIMEOUT_MS, p->cfg->cache) : NULL;
  for (;;) {
    unsigned i = atomic_fetch_add(&p->next, 1);
    if (i >= p->num_jobs) break;
    analyze_job(p->cfg, &ws, &p->jobs[i], &p->results[i]);
  }
  as_story_stats st = as_story_get_stats(ws.story);
  pthread_mutex_lock(&p->lock);
  p->story.queries += st.queries;
  p->story.cache_hits += st.cache_hits;
  p->story.timeouts += st.timeouts;
  p->story.shortcuts += st.shortcuts;
  pthread_mutex_unlock(&p->lock);
  as_target_cache_destroy(ws.targets);
  as_story_destroy(ws.story);
  return NULL;
}

/* ---- the command ----------------------------------------------------------- */

static bool same_text(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

/* Is f already in the list, at the same place with the same words?  A header
 * included by many translation units (or a function inlined many times)
 * yields the same finding once per copy; the user is told once. */
static bool seen_before(const as_finding_list *list, const as_finding *f) {
  for (unsigned i = 0; i < list->count; i++) {
    const as_finding *g = &list->items[i];
    if (g->tpl_line == f->tpl_line && g->tpl_column == f->tpl_column &&
        g->block->loc.line == f->block->loc.line && g->block->loc.column == f->block->loc.column &&
        same_text(g->rule, f->rule) && same_text(g->block->loc.file, f->block->loc.file) &&
        same_text(g->message, f->message))
      return true;
  }
  return false;
}

static bool parse_unsigned(const char *s, unsigned *out) {
  char *end = NULL;
  unsigned long v = strtoul(s, &end, 10);
  if (!*s || *end || v == 0 || v > 256) return false;
  *out = (unsigned)v;
  return true;
}

/* The command line, parsed. */
typedef struct command {
  config cfg;
  bool list_checks, fix;
  const char *build_dir, *export_fixes, *out_dir;
  const char **files;    /* main's, sized for argc */
  const char **cc_args;  /* main's, with room for one more: the --target flag */
  unsigned num_files, num_cc, threads;
} command;

/* The options.  Returns the exit status and sets *stop when the run ends
 * here (--version, --help, a bad option). */
static int parse_args(command *c, int argc, char **argv, bool *stop) {
  *stop = true;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      for (int k = i + 1; k < argc; k++) c->cc_args[c->num_cc++] = argv[k];
      break;
    } else if (!strncmp(a, "--format=", 9)) {
      const char *f = a + 9;
      if (!strcmp(f, "text")) c->cfg.format = FORMAT_TEXT;
      else if (!strcmp(f, "sarif")) c->cfg.format = FORMAT_SARIF;
      else if (!strcmp(f, "json")) c->cfg.format = FORMAT_JSON;
      else if (!strcmp(f, "plist")) c->cfg.format = FORMAT_PLIST;
      else return fail("unknown --format '%s' (expected text, sarif, json or plist)", f);
    } else if (!strncmp(a, "--checks=", 9)) {
      c->cfg.checks = a + 9;
      char err[256];
      if (!as_checks_valid(c->cfg.checks, err, sizeof err)) return fail("%s", err);
    } else if (!strncmp(a, "--target=", 9)) {
      c->cfg.triple = a + 9;
    } else if (!strcmp(a, "--explain")) {
      c->cfg.explain = true;
    } else if (!strcmp(a, "--dump")) {
      c->cfg.dump = true;
    } else if (!strcmp(a, "--print-effects")) {
      c->cfg.print_effects = true;
    } else if (!strcmp(a, "--stats")) {
      c->cfg.stats = true;
    } else if (!strcmp(a, "--no-cache")) {
      c->cfg.cache = false;
    } else if (!strcmp(a, "--fix")) {
      c->fix = true;
    } else if (!strncmp(a, "--export-fixes=", 15)) {
      c->export_fixes = a + 15;
    } else if (!strcmp(a, "-p") || !strcmp(a, "-j") || !strcmp(a, "-o")) {
      if (i + 1 >= argc) return fail("option '%s' needs an argument", a);
      const char *v = argv[++i];
      if (a[1] == 'p') c->build_dir = v;
      else if (a[1] == 'o') c->out_dir = v;
      else if (!parse_unsigned(v, &c->threads)) return fail("-j: '%s' is not a number from 1 to 256", v);
    } else if (!strncmp(a, "-p", 2) && a[2]) {
      c->build_dir = a[2] == '=' ? a + 3 : a + 2;
    } else if (!strncmp(a, "-j", 2) && a[2]) {
      if (!parse_unsigned(a + 2, &c->threads)) return fail("-j: '%s' is not a number from 1 to 256", a + 2);
    } else if (!strcmp(a, "--list-checks")) {
      c->list_checks = true;
    } else if (!strcmp(a, "--version")) {
      printf("asmstory %s (LLVM MC 22, %s)\n", AS_VERSION, as_target_supported());
      return 0;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(usage, stdout);
      return 0;
    } else if (a[0] == '-' && a[1]) {
      return fail("unknown option '%s' (see --help)", a);
    } else {
      c->files[c->num_files++] = a;
    }
  }
  *stop = false;
  return 0;
}

/* What the options need before any analysis: an input, the plist
 * directory, the target as a compiler flag (to *target_flag, main frees
 * it), a writable --export-fixes file.  Returns 0 or the exit status. */
static int prepare(command *c, char **target_flag) {
  if (c->num_files == 0 && !c->build_dir) return fail("%s", "no input files (see --help)");
  if (c->cfg.format == FORMAT_PLIST && !c->out_dir) return fail("%s", "--format=plist needs -o <directory>");
  if (c->cfg.print_effects &&
      (c->cfg.format != FORMAT_TEXT || c->cfg.dump || c->cfg.explain || c->fix || c->export_fixes))
    return fail("%s", "--print-effects runs no checks: it does not go with --format, --dump, --explain, "
                      "--fix or --export-fixes");
  if (c->cfg.format == FORMAT_PLIST) {
    struct stat st;
    if (stat(c->out_dir, &st) != 0 && mkdir(c->out_dir, 0777) != 0)
      return fail("-o: cannot create the directory '%s'", c->out_dir);
  }
  if (c->cfg.triple) {
    /* For C files the target is a compiler flag as well. */
    char *flag = malloc(strlen(c->cfg.triple) + 10);
    if (!flag) return fail("%s", "out of memory");
    sprintf(flag, "--target=%s", c->cfg.triple);
    c->cc_args[c->num_cc++] = flag;
    *target_flag = flag;
  }
  if (c->export_fixes) {
    /* Fail before the analysis, not after it. */
    FILE *probe = fopen(c->export_fixes, "a");
    if (!probe) return fail("--export-fixes: cannot write '%s'", c->export_fixes);
    fclose(probe);
  }
  /* Permission stories need the IR (C: compiled by Clang as well). */
  c->cfg.stories = !c->cfg.print_effects && as_checks_need(c->cfg.checks, AS_NEEDS_IR | AS_NEEDS_Z3);
  return 0;
}

/* The jobs: files with their flags (-p: from the compilation database,
 * extra flags after -- appended).  Returns 0 or the exit status. */
static int make_jobs(as_arena *arena, const command *c, job **jobs_out, unsigned *num_jobs_out) {
  job *jobs = NULL;
  unsigned num_jobs = 0;
  if (c->build_dir) {
    as_compile_job_list db = {0};
    char err[1024];
    if (as_compile_db_load(arena, c->build_dir, c->files, c->num_files, &db, err, sizeof err) != 0)
      return fail("%s", err);
    if (db.skipped)
      fprintf(stderr,
              "asmstory: note: -p: %u entr%s of the database not analyzed: asmstory reads C, C++, "
              "LLVM IR and Rust, not '%s'%s\n",
              db.skipped, db.skipped == 1 ? "y" : "ies", ext_of(db.first_skipped),
              db.skipped > 1 ? " and the like" : "");
    jobs = as_arena_alloc(arena, sizeof *jobs * (db.count + 1));
    for (unsigned i = 0; i < db.count; i++) {
      const char **args = as_arena_alloc(arena, sizeof(char *) * (db.items[i].num_args + c->num_cc + 1));
      memcpy(args, db.items[i].args, sizeof(char *) * db.items[i].num_args);
      memcpy(args + db.items[i].num_args, c->cc_args, sizeof(char *) * c->num_cc);
      jobs[num_jobs].file = db.items[i].file;
      jobs[num_jobs].cc_args = args;
      jobs[num_jobs].num_cc_args = db.items[i].num_args + c->num_cc;
      num_jobs++;
    }
  } else {
    jobs = as_arena_alloc(arena, sizeof *jobs * (c->num_files + 1));
    for (unsigned i = 0; i < c->num_files; i++) {
      jobs[num_jobs].file = c->files[i];
      jobs[num_jobs].cc_args = c->cc_args;
      jobs[num_jobs].num_cc_args = c->num_cc;
      num_jobs++;
    }
  }
  *jobs_out = jobs;
  *num_jobs_out = num_jobs;
  return 0;
}

/* Runs the jobs on `threads` threads (this one alone for one); the story
 * statistics of all workers go to *story. */
static void run_jobs(const config *cfg, const job *jobs, job_result *results, unsigned num_jobs,
                     unsigned threads, as_story_stats *story) {
  pool p;
  memset(&p, 0, sizeof p);
  p.cfg = cfg;
  p.jobs = jobs;
  p.results = results;
  p.num_jobs = num_jobs;
  atomic_init(&p.next, 0);
  pthread_mutex_init(&p.lock, NULL);
  if (threads > num_jobs) threads = num_jobs ? num_jobs : 1;
  if (threads <= 1) {
    worker(&p);
  } else {
    /* LLVM's target registry (and libclang's) set up before threads start. */
    as_frontend_global_init();
    pthread_t *tids = calloc(threads, sizeof *tids);
    unsigned started = 0;
    for (unsigned t = 0; tids && t < threads; t++)
      if (pthread_create(&tids[t], NULL, worker, &p) == 0) started++;
    if (started == 0) worker(&p);
    for (unsigned t = 0; t < started; t++) pthread_join(tids[t], NULL);
    free(tids);
  }
  pthread_mutex_destroy(&p.lock);
  *story = p.story;
}

/* Results in file order, each finding once (*all); the first file that
 * could not be analyzed stops the run (exit 2), as a compiler stops at a
 * file that does not compile.  Returns 0 or 2. */
static int collect(as_arena *arena, const config *cfg, job_result *results, unsigned num_jobs,
                   as_finding_list *all) {
  FILE *side = cfg->format == FORMAT_TEXT ? stdout : stderr; /* dump/explain */
  for (unsigned i = 0; i < num_jobs; i++) {
    job_result *r = &results[i];
    if (r->side.length) fputs(r->side.data, side);
    if (r->stats.length) fputs(r->stats.data, stderr);
    if (r->note) fprintf(stderr, "asmstory: note: %s\n", r->note);
    if (r->failed) return fail("%s", r->err);
    for (unsigned k = 0; k < r->findings.count; k++) {
      if (seen_before(all, &r->findings.items[k])) continue;
      if (all->count == all->capacity)
        all->items = as_arena_grow(arena, all->items, sizeof *all->items, all->count, &all->capacity);
      all->items[all->count++] = r->findings.items[k];
    }
  }
  return 0;
}

/* --format=plist: one file per input in out_dir, named after the input and
 * a hash of its path.  Returns 0 or 2. */
static int write_plists(as_arena *arena, const char *out_dir, const job *jobs,
                        const job_result *results, unsigned num_jobs) {
  int status = 0;
  for (unsigned i = 0; i < num_jobs && status != 2; i++) {
    as_strbuf doc;
    as_strbuf_init(&doc, arena);
    as_report_plist(&doc, &results[i].findings);
    const char *base = strrchr(jobs[i].file, '/');
    base = base ? base + 1 : jobs[i].file;
    unsigned long long h = 1469598103934665603ull;
    for (const char *q = jobs[i].file; *q; q++) h = (h ^ (unsigned char)*q) * 1099511628211ull;
    char *path = as_arena_printf(arena, "%s/%s_%08llx.plist", out_dir, base, h & 0xffffffffull);
    FILE *pf = fopen(path, "w");
    if (!pf || fputs(doc.data, pf) < 0) {
      if (pf) fclose(pf);
      status = fail("--format=plist: cannot write '%s'", path);
    } else {
      fclose(pf);
    }
  }
  return status;
}

/* --fix and --export-fixes: the fix-its of all findings as edits, applied
 * or written as clang-tidy replacements.  Returns status, or 2. */
static int fix_findings(as_arena *arena, const command *c, const job *jobs, unsigned num_jobs,
                        const as_finding_list *all, int status) {
  as_edit_list edits = {0};
  as_fix_edits(arena, all, &edits);
  if (c->export_fixes) {
    as_strbuf yaml;
    as_strbuf_init(&yaml, arena);
    as_fix_export_yaml(&yaml, num_jobs ? jobs[0].file : "", all, &edits);
    FILE *out = fopen(c->export_fixes, "w");
    if (!out || fputs(yaml.data, out) < 0) {
      if (out) fclose(out);
      status = fail("--export-fixes: cannot write '%s'", c->export_fixes);
    } else {
      fclose(out);
    }
  }
  if (c->fix && status != 2) {
    char err[512];
    if (as_fix_apply(arena, &edits, err, sizeof err) != 0) status = fail("%s", err);
    else if (edits.count) fprintf(stderr, "asmstory: applied %u fix-it%s\n", edits.count,
                                  edits.count == 1 ? "" : "s");
  }
  return status;
}

/* The report of all findings in the chosen format, the exit status they
 * give, and the fix-its.  Returns the exit status. */
static int report(as_arena *arena, const command *c, const job *jobs, const job_result *results,
                  unsigned num_jobs, const as_finding_list *all) {
  int status = 0;
  as_strbuf text;
  as_strbuf_init(&text, arena);
  switch (c->cfg.format) {
  case FORMAT_TEXT:
    if (!c->cfg.dump && !c->cfg.explain) as_report_text(&text, all);
    break;
  case FORMAT_SARIF: as_report_sarif(&text, all); break;
  case FORMAT_JSON: as_report_json(&text, all); break;
  case FORMAT_PLIST: status = write_plists(arena, c->out_dir, jobs, results, num_jobs); break;
  }
  if (text.length) fputs(text.data, stdout);
  for (unsigned i = 0; i < all->count && status != 2; i++)
    if (all->items[i].severity != AS_SEV_NOTE) status = 1;
  if (c->fix || c->export_fixes) status = fix_findings(arena, c, jobs, num_jobs, all, status);
  return status;
}

/* The whole command; files and cc_args are main's, sized for argc (cc_args
 * has room for one more, the --target flag, which goes to *target_flag so
 * main can free it: every return path leaves nothing behind). */
static int run(int argc, char **argv, const char **files, const char **cc_args,
               char **target_flag) {
  command c;
  memset(&c, 0, sizeof c);
  c.cfg.format = FORMAT_TEXT;
  c.cfg.cache = true;
  c.files = files;
  c.cc_args = cc_args;
  c.threads = 1;
  bool stop = false;
  int status = parse_args(&c, argc, argv, &stop);
  if (stop) return status;
  if (c.list_checks) {
    as_arena arena;
    as_arena_init(&arena);
    as_strbuf list;
    as_strbuf_init(&list, &arena);
    as_report_checks(&list, c.cfg.checks);
    fputs(list.data, stdout);
    as_arena_free(&arena);
    return 0;
  }
  status = prepare(&c, target_flag);
  if (status != 0) return status;

  as_arena arena;
  as_arena_init(&arena);
  job *jobs = NULL;
  unsigned num_jobs = 0;
  status = make_jobs(&arena, &c, &jobs, &num_jobs);
  if (status != 0) {
    as_arena_free(&arena);
    return status;
  }
  job_result *results = as_arena_alloc(&arena, sizeof *results * (num_jobs + 1));
  for (unsigned i = 0; i < num_jobs; i++) as_arena_init(&results[i].arena);
  as_story_stats story;
  run_jobs(&c.cfg, jobs, results, num_jobs, c.threads, &story);
  as_finding_list all = {0};
  status = collect(&arena, &c.cfg, results, num_jobs, &all);
  if (status != 2) status = report(&arena, &c, jobs, results, num_jobs, &all);
  if (c.cfg.stats)
    fprintf(stderr, "asmstory-stats: z3 queries %u cache-hits %u timeouts %u without-z3 %u\n",
            story.queries, story.cache_hits, story.timeouts, story.shortcuts);
  for (unsigned i = 0; i < num_jobs; i++) as_arena_free(&results[i].arena);
  as_arena_free(&arena);
  return status;
}

int main(int argc, char **argv) {
  /* The helper processes (LLVM's assembler, a first parse of IR) are this
   * same program, exec'd fresh: the workers are threads. */
  int helper_status;
  if (as_frontend_helper_main(argc, argv, &helper_status)) return helper_status;
  as_frontend_isolate_with("/proc/self/exe");
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
