/* Rust front end: rustc compiles the crate to bitcode in a temporary
 * directory, which the IR front end then reads (lang = AS_LANG_RUST). */
#define _POSIX_C_SOURCE 200809L
#include "asmstory/frontend.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fe_internal.h"

/* A valid crate name from the file stem ("my-crate.rs" -> "my_crate"). */
static void crate_name_of(const char *path, char *buf, size_t buflen) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t n = strcspn(base, ".");
  size_t j = 0;
  if (n == 0 || isdigit((unsigned char)base[0])) buf[j++] = '_';
  for (size_t i = 0; i < n && j + 1 < buflen; i++) {
    unsigned char c = (unsigned char)base[i];
    buf[j++] = (isalnum(c) || c == '_') ? (char)c : '_';
  }
  buf[j] = '\0';
}

/* Debug info names the file as passed to rustc, relative to its working
 * directory; the IR reader joins the two.  Give such locations back the path
 * as the user gave it. */
static void restore_path(as_loc *loc, const char *joined, const char *path) {
  if (loc->file && joined && !strcmp(loc->file, joined)) loc->file = path;
}

int as_frontend_rust(as_arena *arena, const char *path,
                     const as_frontend_options *options, as_block_list *out,
                     char *err, size_t errlen) {
  static const as_frontend_options no_options;
  if (!options) options = &no_options;
  if (!path) {
    as_fe_error(err, errlen, "no input file");
    return -1;
  }
  char dir[PATH_MAX];
  if (as_fe_make_temp_dir(dir, sizeof dir, err, errlen) != 0) return -1;
  char bc_path[PATH_MAX + 16], log_path[PATH_MAX + 16];
  snprintf(bc_path, sizeof bc_path, "%s/out.bc", dir);
  snprintf(log_path, sizeof log_path, "%s/rustc.log", dir);
  char crate[128];
  crate_name_of(path, crate, sizeof crate);

  const char *rustc = options->rustc && *options->rustc ? options->rustc : "rustc";
  const char *argv[32];
  unsigned argc = 0;
  argv[argc++] = rustc;
  argv[argc++] = "--crate-type=lib";
  argv[argc++] = "--edition=2021";
  argv[argc++] = "--crate-name";
  argv[argc++] = crate;
  argv[argc++] = "-O";
  argv[argc++] = "-C";
  argv[argc++] = "debuginfo=1";
  /* One codegen unit, so one bitcode file holds every function; dead code
   * kept, so private and small (cross-crate-inlinable) functions are
   * emitted too. */
  argv[argc++] = "-C";
  argv[argc++] = "codegen-units=1";
  argv[argc++] = "-C";
  argv[argc++] = "link-dead-code";
  argv[argc++] = "--color=never";
  if (options->triple && *options->triple) {
    argv[argc++] = "--target";
    argv[argc++] = options->triple;
  }
  argv[argc++] = "--emit=llvm-bc";
  argv[argc++] = "-o";
  argv[argc++] = bc_path;
  argv[argc++] = path;
  argv[argc] = NULL;

  int status = 0;
  if (as_fe_run(argv, log_path, &status, err, errlen) != 0) {
    as_fe_remove_temp_dir(dir);
    return -1;
  }
  if (status != 0) {
    char line[512];
    if (as_fe_first_error_line(log_path, line, sizeof line))
      as_fe_error(err, errlen, "rustc failed on '%s': %s", path, line);
    else if (status < 0)
      as_fe_error(err, errlen, "rustc failed on '%s': killed by a signal", path);
    else
      as_fe_error(err, errlen, "rustc failed on '%s': exit status %d", path, status);
    as_fe_remove_temp_dir(dir);
    return -1;
  }

  unsigned first = out->count;
  int rc = as_frontend_ir(arena, bc_path, AS_LANG_RUST, options, out, err, errlen);
  as_fe_remove_temp_dir(dir);
  if (rc != 0) return -1;

  const char *joined = NULL;
  if (path[0] != '/') {
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd)) {
      const char *rel = path;
      while (rel[0] == '.' && rel[1] == '/') rel += 2;
      joined = as_arena_printf(arena, "%s/%s", cwd, path);
      const char *alt = as_arena_printf(arena, "%s/%s", cwd, rel);
      for (unsigned i = first; i < out->count; i++) {
        as_block *b = out->items[i];
        restore_path(&b->loc, joined, path);
        restore_path(&b->loc, alt, path);
        restore_path(&b->template_loc, joined, path);
        restore_path(&b->template_loc, alt, path);
        for (unsigned k = 0; k < b->num_operands; k++) {
          restore_path(&b->operands[k].loc, joined, path);
          restore_path(&b->operands[k].loc, alt, path);
        }
      }
    }
  }
  as_rust_annotate(arena, out, first);
  return 0;
}
