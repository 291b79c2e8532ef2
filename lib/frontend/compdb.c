#define _DEFAULT_SOURCE /* realpath */
#include <stdlib.h>
/* compile_commands.json through libclang's CXCompilationDatabase: the files
 * of a build and the flags each was compiled with. */
#include "asmstory/frontend.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fe_internal.h"

#include <clang-c/CXCompilationDatabase.h>

static const char *take(as_arena *arena, CXString s) {
  const char *c = clang_getCString(s);
  const char *copy = as_arena_strdup(arena, c ? c : "");
  clang_disposeString(s);
  return copy;
}

/* Compiler flags of one command, without the compiler, the source file,
 * the output and -c; the command's directory becomes -working-directory.
 * The file is `directory` + `file` normalized: bear writes `./x.c` or
 * `../src/x.c` for out-of-tree builds, and the argument naming the source may
 * be spelled either way. */
static void add_command(as_arena *arena, CXCompileCommand cmd, as_compile_job_list *out) {
  const char *dir = take(arena, clang_CompileCommand_getDirectory(cmd));
  const char *file = as_fe_path_normalize(arena, dir, take(arena, clang_CompileCommand_getFilename(cmd)));
  if (!as_frontend_reads(file)) {
    if (!out->skipped++) out->first_skipped = file;
    return;
  }
  unsigned n = clang_CompileCommand_getNumArgs(cmd);
  const char **args = as_arena_alloc(arena, sizeof(char *) * (n + 3));
  unsigned count = 0;
  args[count++] = "-working-directory";
  args[count++] = dir;
  for (unsigned i = 1; i < n; i++) {
    const char *a = take(arena, clang_CompileCommand_getArg(cmd, i));
    if (!strcmp(a, "-c") || !strcmp(as_fe_path_normalize(arena, dir, a), file)) continue;
    if (!strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") || !strcmp(a, "-MQ")) {
      i++;
      continue;
    }
    if (!strcmp(a, "--")) continue;
    args[count++] = a;
  }
  out->items = as_arena_grow(arena, out->items, sizeof *out->items, out->count, &out->capacity);
  as_compile_job *job = &out->items[out->count++];
  job->file = file;
  job->args = args;
  job->num_args = count;
}

int as_compile_db_load(as_arena *arena, const char *build_dir, const char *const *files,
                       unsigned num_files, as_compile_job_list *out, char *err, size_t errlen) {
  /* libclang prints "LIBCLANG TOOLING ERROR" lines for a missing file:
   * look first, and say it in one line. */
  const char *json = as_arena_printf(arena, "%s/compile_commands.json", build_dir);
  struct stat st;
  if (stat(json, &st) != 0 || !S_ISREG(st.st_mode)) {
    snprintf(err, errlen, "-p: cannot load '%s': %s", json,
             stat(json, &st) != 0 ? strerror(errno) : "not a file");
    return -1;
  }
  CXCompilationDatabase_Error code = CXCompilationDatabase_NoError;
  CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(build_dir, &code);
  if (code != CXCompilationDatabase_NoError || !db) {
    snprintf(err, errlen, "-p: cannot load '%s/compile_commands.json'", build_dir);
    if (db) clang_CompilationDatabase_dispose(db);
    return -1;
  }
  if (num_files == 0) {
    CXCompileCommands all = clang_CompilationDatabase_getAllCompileCommands(db);
    unsigned n = all ? clang_CompileCommands_getSize(all) : 0;
    for (unsigned i = 0; i < n; i++) add_command(arena, clang_CompileCommands_getCommand(all, i), out);
    if (all) clang_CompileCommands_dispose(all);
  } else {
    for (unsigned f = 0; f < num_files; f++) {
      char *real = realpath(files[f], NULL);
      CXCompileCommands cmds = clang_CompilationDatabase_getCompileCommands(db, real ? real : files[f]);
      free(real);
      unsigned n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
      if (n == 0) {
        if (cmds) clang_CompileCommands_dispose(cmds);
        clang_CompilationDatabase_dispose(db);
        snprintf(err, errlen, "-p: '%s' is not in '%s/compile_commands.json'", files[f], build_dir);
        return -1;
      }
      add_command(arena, clang_CompileCommands_getCommand(cmds, 0), out);
      clang_CompileCommands_dispose(cmds);
    }
  }
  clang_CompilationDatabase_dispose(db);
  return 0;
}
