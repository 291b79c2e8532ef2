/* Front end dispatch, plus the small process and temp-file helpers that the
 * C and Rust front ends share (declared again where they are used). */
#define _POSIX_C_SOURCE 200809L
#include "asmstory/frontend.h"
#include "fe_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- shared helpers ---------------------------------------------------- */

/* Creates a fresh private directory under $TMPDIR (or /tmp).  0 or -1. */
int as_fe_make_temp_dir(char *buf, size_t buflen, char *err, size_t errlen) {
  const char *base = getenv("TMPDIR");
  if (!base || !*base) base = "/tmp";
  int n = snprintf(buf, buflen, "%s/asmstory-XXXXXX", base);
  if (n < 0 || (size_t)n >= buflen) {
    as_fe_error(err, errlen, "temporary directory name too long");
    return -1;
  }
  if (!mkdtemp(buf)) {
    as_fe_error(err, errlen, "cannot create a temporary directory in %s: %s", base,
                strerror(errno));
    return -1;
  }
  return 0;
}

static void remove_tree(const char *path, int depth) {
  struct stat st;
  if (lstat(path, &st) != 0) return;
  if (S_ISDIR(st.st_mode) && depth < 8) {
    DIR *dir = opendir(path);
    if (dir) {
      struct dirent *ent;
      while ((ent = readdir(dir)) != NULL) {
        if (!strcmp(ent->d_name, ".") || !strcmp(ent->d_name, "..")) continue;
        size_t len = strlen(path) + strlen(ent->d_name) + 2;
        char *child = malloc(len);
        if (!child) continue;
        snprintf(child, len, "%s/%s", path, ent->d_name);
        remove_tree(child, depth + 1);
        free(child);
      }
      closedir(dir);
    }
    rmdir(path);
  } else {
    unlink(path);
  }
}

/* Removes a directory made by as_fe_make_temp_dir and everything in it. */
void as_fe_remove_temp_dir(const char *dir) {
  if (dir && *dir) remove_tree(dir, 0);
}

/* Runs argv[0] (searched on PATH) with stdin from /dev/null and stdout and
 * stderr into log_path.  Returns 0 and the exit status in *status (-1 if it
 * died of a signal), or -1 with "cannot run <prog>: <why>" in err. */
int as_fe_run(const char *const *argv, const char *log_path, int *status, char *err,
              size_t errlen) {
  posix_spawn_file_actions_t actions;
  if (posix_spawn_file_actions_init(&actions) != 0) {
    as_fe_error(err, errlen, "cannot run %s: out of memory", argv[0]);
    return -1;
  }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_path, O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], &actions, NULL, (char *const *)argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    as_fe_error(err, errlen, "cannot run %s: %s", argv[0], strerror(rc));
    return -1;
  }
  int wstatus = 0;
  for (;;) {
    pid_t w = waitpid(pid, &wstatus, 0);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) {
      as_fe_error(err, errlen, "cannot run %s: waitpid: %s", argv[0], strerror(errno));
      return -1;
    }
  }
  if (WIFEXITED(wstatus)) {
    *status = WEXITSTATUS(wstatus);
  } else {
    *status = -1;
  }
  return 0;
}

/* Finds the first line of a compiler log that reports an error (starts with
 * "error" or contains ": error" / "fatal error").  Copies it (trimmed) into
 * buf; returns false when there is none. */
bool as_fe_first_error_line(const char *log_path, char *buf, size_t buflen) {
  FILE *f = fopen(log_path, "r");
  if (!f || buflen == 0) {
    if (f) fclose(f);
    return false;
  }
  char line[2048];
  bool found = false;
  while (fgets(line, sizeof line, f)) {
    if (!strncmp(line, "error", 5) || strstr(line, ": error") ||
        strstr(line, "fatal error")) {
      size_t n = strlen(line);
      while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
        line[--n] = '\0';
      snprintf(buf, buflen, "%s", line);
      found = true;
      break;
    }
  }
  fclose(f);
  return found;
}

/* ---- dispatch ---------------------------------------------------------- */

static const char *extension_of(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  return (dot && dot != base) ? dot : "";
}

/* IR without debug locations: report at the input file, and for textual
 * IR at the line of the asm call (functions and calls appear in file order,
 * which is the order the reader produced the blocks in). */
static void locate_ir_text(const char *path, bool textual, as_block_list *out, unsigned first) {
  unsigned line = 0, found = 0, want = first;
  FILE *f = textual ? fopen(path, "r") : NULL;
  char buf[8192];
  for (unsigned i = first; i < out->count; i++) {
    as_block *b = out->items[i];
    if (b->loc.file) continue;
    b->loc.file = path;
    b->loc.line = 0;
    b->loc.column = 0;
    /* Advance to the (i - first + 1)-th line holding an asm call. */
    while (f && found <= i - want && fgets(buf, sizeof buf, f)) {
      line++;
      const char *call = strstr(buf, "call");
      if (call && strstr(call, " asm ") && buf[strspn(buf, " \t")] != ';') {
        found++;
        if (found == i - want + 1) {
          b->loc.line = line;
          b->loc.column = (unsigned)(call - buf) + 1;
        }
      }
    }
    b->template_loc = b->loc;
  }
  if (f) fclose(f);
}

static bool is_c_file(const char *ext) {
  static const char *const c_exts[] = {".c",  ".cc",  ".cpp", ".cxx", ".c++",
                                       ".h",  ".hpp", ".i",   ".ii"};
  for (size_t i = 0; i < sizeof c_exts / sizeof c_exts[0]; i++)
    if (!strcmp(ext, c_exts[i])) return true;
  return false;
}

bool as_frontend_reads(const char *path) {
  const char *ext = extension_of(path);
  return is_c_file(ext) || !strcmp(ext, ".ll") || !strcmp(ext, ".bc") || !strcmp(ext, ".rs");
}

int as_frontend_any(as_arena *arena, const char *path,
                    const as_frontend_options *options, as_block_list *out,
                    char *err, size_t errlen) {
  static const as_frontend_options no_options;
  if (!options) options = &no_options;
  if (!path) {
    as_fe_error(err, errlen, "no input file");
    return -1;
  }
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    as_fe_error(err, errlen, "cannot open '%s': %s", path, strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    as_fe_error(err, errlen, "cannot open '%s': %s", path, strerror(EISDIR));
    return -1;
  }
  close(fd);

  const char *ext = extension_of(path);
  if (is_c_file(ext)) return as_frontend_c(arena, path, options, out, err, errlen);
  if (!strcmp(ext, ".ll") || !strcmp(ext, ".bc")) {
    unsigned first = out->count;
    if (as_frontend_ir(arena, path, AS_LANG_IR, options, out, err, errlen) != 0) return -1;
    locate_ir_text(path, !strcmp(ext, ".ll"), out, first);
    return 0;
  }
  if (!strcmp(ext, ".rs")) return as_frontend_rust(arena, path, options, out, err, errlen);
  as_fe_error(err, errlen,
              "'%s': unknown input kind (expected .c .cc .cpp .cxx .h .i .ii .ll .bc .rs)",
              path);
  return -1;
}
