/* cargo-asmstory: `cargo asmstory`, asmstory for a whole crate or workspace.
 *
 *   cargo asmstory [options]
 *
 * Builds the workspace with cargo into a private target directory
 * (<target-dir>/asmstory) with rustc flags that make every crate also emit
 * its LLVM bitcode (line tables, one codegen unit, dead code kept), reads the
 * bitcode of every local package (workspace members and path dependencies)
 * and checks every asm! whose source lies inside the workspace or a local
 * package.  Registry, git and vendored dependencies are analyzed only when
 * named with --package or with --dependencies, as clippy leaves them alone.
 *
 * Exit status: 0 no finding of severity warning or error, 1 at least one,
 * 2 the tool could not run (one-line reason on stderr). */
#define _XOPEN_SOURCE 700 /* realpath, POSIX.1-2008 */
#include "asmstory/target.h"
#include "asmstory/analyze.h"
#include "asmstory/frontend.h"
#include "asmstory/report.h"
#include "asmstory/version.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

typedef enum { FORMAT_TEXT, FORMAT_SARIF, FORMAT_JSON } format_kind;

static const char usage[] =
    "usage: cargo asmstory [options]\n"
    "\n"
    "Builds the current crate or workspace with cargo (into <target-dir>/asmstory, with\n"
    "rustc emitting LLVM bitcode with line tables) and checks every asm! of the workspace\n"
    "members and their path dependencies against its declared interface.  Registry, git\n"
    "and vendored dependencies are checked only when asked for (--package, --dependencies)\n"
    "and reported at their own source files.\n"
    "\n"
    "options:\n"
    "  --format=text|sarif|json  output format (default text)\n"
    "  --checks=<globs>          rules to run, clang-tidy style (e.g. -*,memory-*)\n"
    "  --explain                 print each block's bindings, effects and memory accesses\n"
    "  --dump                    print each block's operands, bindings and decoded instructions\n"
    "  --list-checks             print the rule ids and exit\n"
    "  -v, --verbose             show cargo's output even when the build succeeds\n"
    "  --dependencies            also every dependency (registry, git, vendored) that has asm!\n"
    "\n"
    "passed to cargo:\n"
    "  -p, --package <spec>      only this package (and its local dependencies); repeatable.\n"
    "                            A workspace member or any dependency: <name>,\n"
    "                            <name>@<version> or a package id spec (cargo pkgid).\n"
    "                            Default: the whole workspace (--workspace)\n"
    "  --release, --profile <name>, --offline, --frozen, --locked, --target <triple>,\n"
    "  --features <list>, -F <list>, --all-features, --no-default-features, --all-targets,\n"
    "  --manifest-path <path>\n"
    "\n"
    "  --version                 print the version and exit\n"
    "  -h, --help                print this help and exit\n"
    "\n"
    "exit status: 0 no warnings, 1 warnings or errors found, 2 the tool could not run\n";

static int fail(const char *format, ...) __attribute__((format(printf, 1, 2)));
static int fail(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  fprintf(stderr, "cargo-asmstory: error: ");
  vfprintf(stderr, format, ap);
  fputc('\n', stderr);
  va_end(ap);
  return 2;
}

/* ---- a small growable vector of strings (malloc) ------------------------ */

typedef struct strvec {
  const char **items;
  unsigned count, capacity;
} strvec;

/* Keeps a NULL after the last item (an argv); aborts when out of memory,
 * as the arena does. */
static void sv_push(strvec *v, const char *s) {
  if (v->count + 1 >= v->capacity) {
    unsigned cap = v->capacity ? v->capacity * 2 : 16;
    const char **p = realloc(v->items, sizeof *p * cap);
    if (!p) {
      fputs("cargo-asmstory: error: out of memory\n", stderr);
      abort();
    }
    v->items = p;
    v->capacity = cap;
  }
  v->items[v->count++] = s;
  v->items[v->count] = NULL;
}

static bool sv_contains(const strvec *v, const char *s) {
  for (unsigned i = 0; i < v->count; i++)
    if (!strcmp(v->items[i], s)) return true;
  return false;
}

/* ---- running cargo ------------------------------------------------------ */

typedef struct run_result {
  int status;  /* exit status, or -1 when killed by a signal */
  char *out;   /* stdout (malloc, NUL-terminated) */
  char *err;   /* stderr (malloc, NUL-terminated) */
} run_result;

static int temp_fd(void) {
  const char *dir = getenv("TMPDIR");
  if (!dir || !*dir) dir = "/tmp";
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/cargo-asmstory-XXXXXX", dir);
  int fd = mkstemp(path);
  if (fd >= 0) unlink(path);
  return fd;
}

static char *slurp_fd(int fd) {
  if (lseek(fd, 0, SEEK_SET) < 0) return NULL;
  size_t cap = 8192, len = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  for (;;) {
    if (len + 4096 + 1 > cap) {
      cap *= 2;
      char *p = realloc(buf, cap);
      if (!p) {
        free(buf);
        return NULL;
      }
      buf = p;
    }
    ssize_t n = read(fd, buf + len, cap - len - 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    len += (size_t)n;
  }
  buf[len] = '\0';
  return buf;
}

/* Runs argv (looked up on PATH) with env, stdout and stderr captured.
 * Returns 0, or -1 with a reason when it could not be started. */
static int run(const char *const *argv, char *const *env, run_result *r, char *why, size_t whylen) {
  memset(r, 0, sizeof *r);
  int out_fd = temp_fd(), err_fd = temp_fd();
  if (out_fd < 0 || err_fd < 0) {
    snprintf(why, whylen, "cannot create a temporary file: %s", strerror(errno));
    if (out_fd >= 0) close(out_fd);
    if (err_fd >= 0) close(err_fd);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  pid_t pid;
  int rc = posix_spawnp(&pid, argv[0], &actions, NULL, (char *const *)argv, env);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    snprintf(why, whylen, "cannot run '%s': %s", argv[0], strerror(rc));
    close(out_fd);
    close(err_fd);
    return -1;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      snprintf(why, whylen, "waiting for '%s': %s", argv[0], strerror(errno));
      close(out_fd);
      close(err_fd);
      return -1;
    }
  }
  r->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r->out = slurp_fd(out_fd);
  r->err = slurp_fd(err_fd);
  close(out_fd);
  close(err_fd);
  if (!r->out || !r->err) {
    free(r->out);
    free(r->err);
    snprintf(why, whylen, "cannot read the output of '%s'", argv[0]);
    return -1;
  }
  return 0;
}

/* The first line of cargo's stderr that reports an error, without a plain
 * "error: " tag ("error[E0425]: ..." keeps its code). */
static void first_error_line(const char *text, int status, char *buf, size_t buflen) {
  const char *p = text, *found = NULL;
  while (p && *p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    bool tagged = false;
    for (size_t k = 0; k + 7 <= n && !tagged; k++) tagged = !strncmp(p + k, ": error", 7);
    if (!strncmp(p, "error", 5) || tagged) {
      found = p;
      break;
    }
    p = nl ? nl + 1 : NULL;
  }
  if (!found) {
    if (status < 0) snprintf(buf, buflen, "killed by a signal");
    else snprintf(buf, buflen, "exit status %d", status);
    return;
  }
  if (!strncmp(found, "error: ", 7)) found += 7;
  size_t n = strcspn(found, "\r\n");
  while (n > 0 && found[n - 1] == ' ') n--;
  snprintf(buf, buflen, "%.*s", (int)n, found);
}

/* Runs one cargo command (argv[1] names it in messages).  Returns 0, or 2
 * with the reason on stderr: it could not be started, or it failed (its
 * stderr, then its first error line).  show: its stderr also on success. */
static int run_cargo(const char *const *argv, char *const *env, run_result *r, bool show) {
  char why[1024];
  if (run(argv, env, r, why, sizeof why) != 0) return fail("%s", why);
  if (r->status != 0 || show) fputs(r->err, stderr);
  if (r->status == 0) return 0;
  char line[512];
  first_error_line(r->err, r->status, line, sizeof line);
  return fail("cargo %s failed: %s", argv[1], line);
}

/* ---- a small JSON reader (cargo's messages) ----------------------------- */

typedef enum { J_NULL, J_BOOL, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT } jkind;

typedef struct jv {
  jkind kind;
  const char *str; /* J_STRING (decoded), J_NUMBER (text) */
  bool boolean;
  struct jv *items;  /* J_ARRAY elements, J_OBJECT values */
  const char **keys; /* J_OBJECT */
  unsigned count;
} jv;

typedef struct jparser {
  const char *p, *end;
  as_arena *arena;
  int depth;
} jparser;

static void j_ws(jparser *j) {
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')) j->p++;
}

static int j_hex4(const char *p) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  return v;
}

static bool j_string(jparser *j, const char **out) {
  if (j->p >= j->end || *j->p != '"') return false;
  j->p++;
  as_strbuf b;
  as_strbuf_init(&b, j->arena);
  while (j->p < j->end && *j->p != '"') {
    char c = *j->p++;
    if (c != '\\') {
      as_strbuf_append(&b, &c, 1);
      continue;
    }
    if (j->p >= j->end) return false;
    char e = *j->p++;
    char one = 0;
    switch (e) {
    case '"': one = '"'; break;
    case '\\': one = '\\'; break;
    case '/': one = '/'; break;
    case 'b': one = '\b'; break;
    case 'f': one = '\f'; break;
    case 'n': one = '\n'; break;
    case 'r': one = '\r'; break;
    case 't': one = '\t'; break;
    case 'u': {
      if (j->end - j->p < 4) return false;
      long cp = j_hex4(j->p);
      if (cp < 0) return false;
      j->p += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF && j->end - j->p >= 6 && j->p[0] == '\\' && j->p[1] == 'u') {
        int lo = j_hex4(j->p + 2);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          j->p += 6;
        }
      }
      char u[4];
      size_t n;
      if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
      } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
      } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
      } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
      }
      as_strbuf_append(&b, u, n);
      continue;
    }
    default: return false;
    }
    as_strbuf_append(&b, &one, 1);
  }
  if (j->p >= j->end) return false;
  j->p++;
  *out = b.data;
  return true;
}

static bool j_value(jparser *j, jv *v) {
  memset(v, 0, sizeof *v);
  j_ws(j);
  if (j->p >= j->end || ++j->depth > 64) return false;
  bool ok = true;
  char c = *j->p;
  if (c == '"') {
    v->kind = J_STRING;
    ok = j_string(j, &v->str);
  } else if (c == '{' || c == '[') {
    bool object = c == '{';
    v->kind = object ? J_OBJECT : J_ARRAY;
    j->p++;
    unsigned cap_items = 0, cap_keys = 0;
    j_ws(j);
    if (j->p < j->end && *j->p == (object ? '}' : ']')) {
      j->p++;
    } else {
      for (;;) {
        if (object) {
          const char *key;
          j_ws(j);
          if (!j_string(j, &key)) return false;
          j_ws(j);
          if (j->p >= j->end || *j->p != ':') return false;
          j->p++;
          v->keys = as_arena_grow(j->arena, v->keys, sizeof *v->keys, v->count, &cap_keys);
          v->keys[v->count] = key;
        }
        v->items = as_arena_grow(j->arena, v->items, sizeof *v->items, v->count, &cap_items);
        if (!j_value(j, &v->items[v->count])) return false;
        v->count++;
        j_ws(j);
        if (j->p >= j->end) return false;
        if (*j->p == ',') {
          j->p++;
          continue;
        }
        if (*j->p != (object ? '}' : ']')) return false;
        j->p++;
        break;
      }
    }
  } else if (!strncmp(j->p, "true", 4) || !strncmp(j->p, "false", 5)) {
    v->kind = J_BOOL;
    v->boolean = c == 't';
    j->p += v->boolean ? 4 : 5;
  } else if (!strncmp(j->p, "null", 4)) {
    v->kind = J_NULL;
    j->p += 4;
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    const char *s = j->p;
    while (j->p < j->end && strchr("+-0123456789.eE", *j->p)) j->p++;
    v->kind = J_NUMBER;
    v->str = as_arena_strndup(j->arena, s, (size_t)(j->p - s));
  } else {
    ok = false;
  }
  j->depth--;
  return ok;
}

static bool j_parse(as_arena *arena, const char *text, size_t len, jv *out) {
  jparser j = {text, text + len, arena, 0};
  if (!j_value(&j, out)) return false;
  j_ws(&j);
  return j.p == j.end;
}

static const jv *j_get(const jv *v, const char *key) {
  if (!v || v->kind != J_OBJECT) return NULL;
  for (unsigned i = 0; i < v->count; i++)
    if (!strcmp(v->keys[i], key)) return &v->items[i];
  return NULL;
}

static const char *j_str(const jv *v, const char *key) {
  const jv *x = j_get(v, key);
  return x && x->kind == J_STRING ? x->str : NULL;
}

/* ---- paths -------------------------------------------------------------- */

/* An absolute path without "." and ".." components and doubled slashes. */
static char *normalize(as_arena *arena, const char *path) {
  size_t n = strlen(path);
  char *out = as_arena_alloc(arena, n + 2);
  size_t len = 0;
  const char *p = path;
  while (*p) {
    while (*p == '/') p++;
    if (!*p) break;
    size_t c = strcspn(p, "/");
    if (c == 1 && p[0] == '.') {
      /* nothing */
    } else if (c == 2 && p[0] == '.' && p[1] == '.') {
      while (len > 0 && out[len - 1] != '/') len--;
      if (len > 0) len--;
    } else {
      out[len++] = '/';
      memcpy(out + len, p, c);
      len += c;
    }
    p += c;
  }
  if (len == 0) out[len++] = '/';
  out[len] = '\0';
  return out;
}

/* The canonical form of a path (symbolic links resolved when it exists). */
static char *canonical(as_arena *arena, const char *base, const char *path) {
  const char *abs = path[0] == '/' ? path : as_arena_printf(arena, "%s/%s", base, path);
  char buf[PATH_MAX];
  if (realpath(abs, buf)) return as_arena_strdup(arena, buf);
  return normalize(arena, abs);
}

static bool under_dir(const char *path, const char *dir) {
  size_t n = strlen(dir);
  if (n == 1 && dir[0] == '/') return true;
  return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

/* path relative to dir (both canonical), with "../" where needed; path
 * itself when the two share nothing but the root. */
static const char *relative_to(as_arena *arena, const char *path, const char *dir) {
  if (!strcmp(dir, "/")) return path + 1;
  /* Longest common prefix ending at a component boundary. */
  size_t common = 0;
  for (size_t i = 0;; i++) {
    char a = path[i], b = dir[i];
    bool a_end = a == '/' || a == '\0', b_end = b == '/' || b == '\0';
    if (a_end && b_end) common = i;
    if (a != b || a == '\0') break;
  }
  if (common == 0) return path;
  as_strbuf out;
  as_strbuf_init(&out, arena);
  for (const char *q = dir + common; *q; q++)
    if (*q == '/') as_strbuf_puts(&out, "../");
  const char *rest = path + common;
  if (*rest == '/') rest++;
  as_strbuf_puts(&out, rest);
  if (out.length == 0) as_strbuf_puts(&out, ".");
  return out.data;
}

static char *dir_of(as_arena *arena, const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return as_arena_strdup(arena, ".");
  if (slash == path) return as_arena_strdup(arena, "/");
  return as_arena_strndup(arena, path, (size_t)(slash - path));
}

static const char *base_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- locations ---------------------------------------------------------- */

typedef struct where {
  as_arena *arena;
  const char *cwd;      /* canonical */
  const char *root;     /* the workspace root, canonical */
  strvec local_dirs;    /* canonical directories of local packages */
  strvec foreign_dirs;  /* of registry and git packages (vendored ones may lie inside) */
  strvec chosen_dirs;   /* of the foreign packages asked for (--package, --dependencies) */
  /* Debug-info file names already placed: raw -> shown (as it was when
   * not reported). */
  strvec raw, shown;
  strvec shown_inside;  /* "1" when reported */
} where;

/* Whether a canonical path lies in the workspace or a local package, and
 * not in a foreign package vendored inside one. */
static bool in_local(const where *w, const char *canon) {
  bool in = under_dir(canon, w->root);
  for (unsigned i = 0; !in && i < w->local_dirs.count; i++) in = under_dir(canon, w->local_dirs.items[i]);
  for (unsigned i = 0; in && i < w->foreign_dirs.count; i++) {
    /* A foreign package inside a local one's directory (vendor/) is foreign,
     * unless a local package lies deeper still. */
    const char *fd = w->foreign_dirs.items[i];
    if (!under_dir(canon, fd)) continue;
    bool deeper = false;
    for (unsigned k = 0; k < w->local_dirs.count; k++)
      if (under_dir(w->local_dirs.items[k], fd) && under_dir(canon, w->local_dirs.items[k])) deeper = true;
    if (!deeper) in = false;
  }
  return in;
}

/* The path to show for a debug-info file name, and whether its blocks are
 * reported: those of the workspace and local packages, shown relative to
 * the current directory, and those of a foreign package asked for, shown
 * relative when the package lies in the workspace (vendor/), else absolute
 * (~/.cargo/registry/src/...), so the file can be opened as shown. */
static const char *place(where *w, const char *file, bool *inside) {
  *inside = false;
  if (!file) return NULL;
  for (unsigned i = 0; i < w->raw.count; i++)
    if (!strcmp(w->raw.items[i], file)) {
      *inside = w->shown_inside.items[i][0] == '1';
      return w->shown.items[i];
    }
  const char *canon = canonical(w->arena, w->root, file);
  bool local = in_local(w, canon), chosen = false;
  for (unsigned i = 0; !local && !chosen && i < w->chosen_dirs.count; i++)
    chosen = under_dir(canon, w->chosen_dirs.items[i]);
  const char *shown = file;
  if (local || (chosen && under_dir(canon, w->root))) shown = relative_to(w->arena, canon, w->cwd);
  else if (chosen) shown = canon;
  sv_push(&w->raw, as_arena_strdup(w->arena, file));
  sv_push(&w->shown, shown);
  sv_push(&w->shown_inside, local || chosen ? "1" : "0");
  *inside = local || chosen;
  return shown;
}

static void relocate(where *w, as_loc *loc) {
  bool inside;
  if (loc->file) loc->file = place(w, loc->file, &inside);
}

/* ---- findings ----------------------------------------------------------- */

/* ---- artifacts ---------------------------------------------------------- */

/* The bitcode of one compiler artifact: deps/<crate>-<hash>.bc, the hash
 * read from a file name in deps/ (libfoo-<hash>.rlib, .rmeta), or, for an
 * artifact cargo only names by its uplifted copy (binaries), the deps/ file
 * that is the same inode (cargo hard-links), else the newest candidate. */
static const char *bitcode_of(as_arena *arena, const jv *filenames, const char *crate) {
  if (!filenames || filenames->kind != J_ARRAY) return NULL;
  for (unsigned i = 0; i < filenames->count; i++) {
    const jv *f = &filenames->items[i];
    if (f->kind != J_STRING) continue;
    const char *dir = dir_of(arena, f->str);
    if (strcmp(base_of(dir), "deps")) continue;
    const char *base = base_of(f->str);
    const char *dash = strrchr(base, '-');
    if (!dash) continue;
    size_t hlen = strcspn(dash + 1, ".");
    const char *bc = as_arena_printf(arena, "%s/%s-%.*s.bc", dir, crate, (int)hlen, dash + 1);
    if (is_file(bc)) return bc;
  }
  for (unsigned i = 0; i < filenames->count; i++) {
    const jv *f = &filenames->items[i];
    struct stat up;
    if (f->kind != J_STRING || stat(f->str, &up) != 0) continue;
    const char *deps = as_arena_printf(arena, "%s/deps", dir_of(arena, f->str));
    const char *best = NULL;
    struct timespec best_time = {0, 0};
    size_t clen = strlen(crate);
    DIR *d = opendir(deps);
    if (!d) continue;
    struct dirent *e;
    while ((e = readdir(d))) {
      const char *name = e->d_name;
      size_t n = strlen(name);
      if (n < clen + 4 || strncmp(name, crate, clen) || name[clen] != '-' || strcmp(name + n - 3, ".bc"))
        continue;
      const char *bc = as_arena_printf(arena, "%s/%s", deps, name);
      const char *twin = as_arena_printf(arena, "%s/%.*s", deps, (int)(n - 3), name);
      struct stat st;
      if (stat(twin, &st) == 0 && st.st_ino == up.st_ino && st.st_dev == up.st_dev) {
        best = bc;
        break;
      }
      if (stat(bc, &st) == 0 && (!best || st.st_mtim.tv_sec > best_time.tv_sec ||
                                 (st.st_mtim.tv_sec == best_time.tv_sec &&
                                  st.st_mtim.tv_nsec > best_time.tv_nsec))) {
        best = bc;
        best_time = st.st_mtim;
      }
    }
    closedir(d);
    if (best) return best;
  }
  return NULL;
}

/* ---- main --------------------------------------------------------------- */

/* Options that take a value, passed to cargo as they are. */
static bool takes_value(const char *a) {
  static const char *const names[] = {"--profile", "--target", "--features", "-F", "--manifest-path",
                                      "-p", "--package"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(a, names[i])) return true;
  return false;
}

static bool prefix_of_value(const char *a) {
  static const char *const names[] = {"--profile=", "--target=", "--features=", "--manifest-path=",
                                      "--package="};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strncmp(a, names[i], strlen(names[i]))) return true;
  return false;
}

/* RUSTFLAGS already set by the user, as CARGO_ENCODED_RUSTFLAGS text. */
static const char *user_rustflags(as_arena *arena) {
  const char *enc = getenv("CARGO_ENCODED_RUSTFLAGS");
  if (enc) return enc;
  const char *flags = getenv("RUSTFLAGS");
  if (!flags) return "";
  as_strbuf b;
  as_strbuf_init(&b, arena);
  const char *p = flags;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    if (!*p) break;
    size_t n = strcspn(p, " \t\n");
    if (b.length) as_strbuf_puts(&b, "\x1f");
    as_strbuf_append(&b, p, n);
    p += n;
  }
  return b.data;
}

/* ---- the run ------------------------------------------------------------ */

/* One cargo-asmstory run: its options, the workspace and the bitcode to
 * analyze.  Everything malloc'ed is freed by session_free. */
typedef struct session {
  as_arena arena;
  format_kind format;
  const char *checks;
  bool explain, dump, list_checks, verbose;
  bool dependencies;  /* --dependencies: report every package built */
  strvec pass;        /* options for both cargo metadata and cargo build */
  strvec build_only;
  strvec packages;    /* the --package specs */
  strvec chosen_ids;  /* their package ids (cargo pkgid) */
  const char *cargo;
  const char *target_dir;  /* cargo's, from cargo metadata */
  const char *our_dir;     /* ours inside it: <target_dir>/asmstory */
  where w;
  strvec bitcode;          /* the local packages' bitcode files */
} session;

static void session_free(session *s) {
  as_arena_free(&s->arena);
  free(s->pass.items);
  free(s->build_only.items);
  free(s->bitcode.items);
  free(s->packages.items);
  free(s->chosen_ids.items);
  free(s->w.local_dirs.items);
  free(s->w.foreign_dirs.items);
  free(s->w.chosen_dirs.items);
  free(s->w.raw.items);
  free(s->w.shown.items);
  free(s->w.shown_inside.items);
}

/* The command line.  Returns the exit status and sets *stop when the run
 * ends here (--version, --help, a bad option). */
static int parse_args(session *s, int argc, char **argv, bool *stop) {
  *stop = true;
  int first = 1;
  if (argc > 1 && !strcmp(argv[1], "asmstory")) first = 2; /* run by cargo */
  for (int i = first; i < argc; i++) {
    const char *a = argv[i];
    if (!strncmp(a, "--format=", 9)) {
      const char *f = a + 9;
      if (!strcmp(f, "text")) s->format = FORMAT_TEXT;
      else if (!strcmp(f, "sarif")) s->format = FORMAT_SARIF;
      else if (!strcmp(f, "json")) s->format = FORMAT_JSON;
      else return fail("unknown --format '%s' (expected text, sarif or json)", f);
    } else if (!strncmp(a, "--checks=", 9)) {
      s->checks = a + 9;
      char err[256];
      if (!as_checks_valid(s->checks, err, sizeof err)) return fail("%s", err);
    } else if (!strcmp(a, "--explain")) {
      s->explain = true;
    } else if (!strcmp(a, "--dump")) {
      s->dump = true;
    } else if (!strcmp(a, "--list-checks")) {
      s->list_checks = true;
    } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
      s->verbose = true;
    } else if (!strcmp(a, "--dependencies")) {
      s->dependencies = true;
    } else if (!strcmp(a, "--version")) {
      printf("cargo-asmstory %s (LLVM MC 22, %s)\n", AS_VERSION, as_target_supported());
      return 0;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(usage, stdout);
      return 0;
    } else if (!strcmp(a, "--offline") || !strcmp(a, "--frozen") || !strcmp(a, "--locked")) {
      sv_push(&s->pass, a);
    } else if (!strcmp(a, "--release") || !strcmp(a, "--all-features") ||
               !strcmp(a, "--no-default-features") || !strcmp(a, "--all-targets")) {
      sv_push(&s->build_only, a);
    } else if (takes_value(a)) {
      if (i + 1 >= argc) return fail("option '%s' needs a value", a);
      bool both = !strcmp(a, "--manifest-path");
      if (!strcmp(a, "-p") || !strcmp(a, "--package")) sv_push(&s->packages, argv[i + 1]);
      sv_push(both ? &s->pass : &s->build_only, a);
      sv_push(both ? &s->pass : &s->build_only, argv[++i]);
    } else if (prefix_of_value(a) || (!strncmp(a, "-p", 2) && a[2]) || (!strncmp(a, "-F", 2) && a[2])) {
      if (!strncmp(a, "--package=", 10)) sv_push(&s->packages, a + 10);
      else if (!strncmp(a, "-p", 2)) sv_push(&s->packages, a + (a[2] == '=' ? 3 : 2));
      sv_push(!strncmp(a, "--manifest-path=", 16) ? &s->pass : &s->build_only, a);
    } else {
      return fail("unknown option '%s' (see --help)", a);
    }
  }
  *stop = false;
  return 0;
}

/* 1. The workspace root and target directory (cargo metadata). */
static int read_workspace(session *s) {
  strvec md = {0};
  run_result meta = {0, NULL, NULL};
  int status = 0;
  sv_push(&md, s->cargo);
  sv_push(&md, "metadata");
  sv_push(&md, "--no-deps");
  sv_push(&md, "--format-version=1");
  sv_push(&md, "--color=never");
  for (unsigned i = 0; i < s->pass.count; i++) sv_push(&md, s->pass.items[i]);
  jv metadata;
  const char *ws_root = NULL;
  char cwd_buf[PATH_MAX];
  status = run_cargo(md.items, environ, &meta, false);
  if (status == 0) {
    if (j_parse(&s->arena, meta.out, strlen(meta.out), &metadata)) {
      s->target_dir = j_str(&metadata, "target_directory");
      ws_root = j_str(&metadata, "workspace_root");
    }
    if (!s->target_dir || !ws_root)
      status = fail("%s", "cannot read the output of cargo metadata");
    else if (!getcwd(cwd_buf, sizeof cwd_buf))
      status = fail("cannot get the current directory: %s", strerror(errno));
  }
  if (status == 0) {
    s->w.arena = &s->arena;
    s->w.cwd = canonical(&s->arena, "/", cwd_buf);
    s->w.root = canonical(&s->arena, s->w.cwd, ws_root);
  }
  free(meta.out);
  free(meta.err);
  free(md.items);
  return status;
}

/* The package id of each --package spec as cargo resolves it (a name,
 * name@version, a package id spec; ambiguous or unknown ones are cargo's
 * errors), to tell the artifacts of a dependency asked for in cargo
 * build's messages. */
static int resolve_packages(session *s) {
  int status = 0;
  for (unsigned i = 0; i < s->packages.count && status == 0; i++) {
    strvec argv = {0};
    run_result id = {0, NULL, NULL};
    sv_push(&argv, s->cargo);
    sv_push(&argv, "pkgid");
    sv_push(&argv, "--color=never");
    for (unsigned k = 0; k < s->pass.count; k++) sv_push(&argv, s->pass.items[k]);
    sv_push(&argv, s->packages.items[i]);
    status = run_cargo(argv.items, environ, &id, false);
    size_t n = id.out ? strcspn(id.out, "\r\n") : 0;
    if (status == 0 && n == 0) status = fail("%s", "cannot read the output of cargo pkgid");
    if (status == 0) sv_push(&s->chosen_ids, as_arena_strndup(&s->arena, id.out, n));
    free(id.out);
    free(id.err);
    free(argv.items);
  }
  return status;
}

/* 2. cargo build into our own target directory, with rustc writing the
 * bitcode of every crate next to its artifacts (one codegen unit, line
 * tables, dead code kept).  *build holds cargo's output. */
static int build_with_bitcode(session *s, run_result *build) {
  strvec cb = {0}, env = {0};
  int status = 0;
  s->our_dir = as_arena_printf(&s->arena, "%s/asmstory", s->target_dir);
  sv_push(&cb, s->cargo);
  sv_push(&cb, "build");
  sv_push(&cb, "--message-format=json-render-diagnostics");
  sv_push(&cb, "--color=never");
  sv_push(&cb, "--target-dir");
  sv_push(&cb, s->our_dir);
  if (!s->packages.count) sv_push(&cb, "--workspace");
  for (unsigned i = 0; i < s->pass.count; i++) sv_push(&cb, s->pass.items[i]);
  for (unsigned i = 0; i < s->build_only.count; i++) sv_push(&cb, s->build_only.items[i]);

  /* opt-level=1 in every profile: rustc writes what a reference grants
   * (noalias, readonly, dereferenceable, align) into the IR only when it
   * optimizes, and the story must not weaken in the dev profile.  It comes
   * after the profile's own -C opt-level, and the last one wins. */
  static const char *const ours[] = {"--emit=llvm-bc,link", "-C", "debuginfo=line-tables-only",
                                     "-C", "codegen-units=1", "-C", "link-dead-code",
                                     "-C", "opt-level=1"};
  as_strbuf flags;
  as_strbuf_init(&flags, &s->arena);
  as_strbuf_puts(&flags, "CARGO_ENCODED_RUSTFLAGS=");
  const char *user = user_rustflags(&s->arena);
  as_strbuf_puts(&flags, user);
  for (size_t i = 0; i < sizeof ours / sizeof *ours; i++) {
    if (i > 0 || *user) as_strbuf_puts(&flags, "\x1f");
    as_strbuf_puts(&flags, ours[i]);
  }
  for (char **e = environ; *e; e++)
    if (strncmp(*e, "CARGO_ENCODED_RUSTFLAGS=", 24) && strncmp(*e, "RUSTFLAGS=", 10) &&
        strncmp(*e, "CARGO_INCREMENTAL=", 18))
      sv_push(&env, *e);
  sv_push(&env, flags.data);
  /* Incremental builds split crates into many codegen units. */
  sv_push(&env, "CARGO_INCREMENTAL=0");

  status = run_cargo(cb.items, (char *const *)env.items, build, s->verbose);
  free(cb.items);
  free(env.items);
  return status;
}

/* 3. The bitcode of the artifacts of local packages and of the foreign
 * ones asked for (all with --dependencies), from cargo build's JSON
 * messages; the directories of local, foreign and chosen foreign packages
 * for `place`. */
static int find_bitcode(session *s, char *messages) {
  for (char *line = messages; line && *line;) {
    char *nl = strchr(line, '\n');
    size_t n = nl ? (size_t)(nl - line) : strlen(line);
    jv msg;
    if (n && j_parse(&s->arena, line, n, &msg)) {
      const char *reason = j_str(&msg, "reason");
      const char *id = j_str(&msg, "package_id");
      const char *manifest = j_str(&msg, "manifest_path");
      const jv *target = j_get(&msg, "target");
      const char *name = j_str(target, "name");
      const jv *kinds = j_get(target, "kind");
      bool build_script = false;
      for (unsigned k = 0; kinds && kinds->kind == J_ARRAY && k < kinds->count; k++)
        if (kinds->items[k].kind == J_STRING && !strcmp(kinds->items[k].str, "custom-build"))
          build_script = true;
      bool artifact = reason && !strcmp(reason, "compiler-artifact") && id && manifest && name;
      bool local = artifact && strstr(id, "path+file://");
      bool chosen = artifact && !local && (s->dependencies || sv_contains(&s->chosen_ids, id));
      const char *dir = artifact ? canonical(&s->arena, s->w.cwd, dir_of(&s->arena, manifest)) : NULL;
      strvec *dirs = local ? &s->w.local_dirs : &s->w.foreign_dirs;
      if (artifact && !sv_contains(dirs, dir)) sv_push(dirs, dir);
      if (chosen && !sv_contains(&s->w.chosen_dirs, dir)) sv_push(&s->w.chosen_dirs, dir);
      if ((local || chosen) && !build_script) {
        char *crate = as_arena_strdup(&s->arena, name);
        for (char *c = crate; *c; c++)
          if (*c == '-') *c = '_';
        const char *bc = bitcode_of(&s->arena, j_get(&msg, "filenames"), crate);
        /* With --target, host crates (proc macros, build dependencies) are
         * built without our flags: --dependencies passes over them. */
        if (!bc && (local || !s->dependencies))
          return fail("no bitcode for '%s' of package '%s' in '%s'", name, manifest, s->our_dir);
        if (bc && !sv_contains(&s->bitcode, bc)) sv_push(&s->bitcode, bc);
      }
    }
    line = nl ? nl + 1 : NULL;
  }
  return 0;
}

/* A block to report (the workspace's own sources, or a dependency's asked
 * for), its locations as `place` shows them and its template lines and
 * operand names from the source; false for one outside (the standard
 * library, dependencies not asked for, no location) or one already analyzed
 * (seen: generic code in several crates). */
static bool place_block(session *s, as_block *b, strvec *seen) {
  bool inside = false;
  if (b->loc.file) b->loc.file = place(&s->w, b->loc.file, &inside);
  if (!inside) return false;
  relocate(&s->w, &b->template_loc);
  for (unsigned k = 0; k < b->num_line_locs; k++) relocate(&s->w, &b->line_locs[k]);
  for (unsigned k = 0; k < b->num_operands; k++) relocate(&s->w, &b->operands[k].loc);
  as_block *one[1] = {b};
  as_block_list single = {one, 1, 1, NULL};
  as_rust_annotate(&s->arena, &single, 0);
  const char *key = as_arena_printf(&s->arena, "%s:%u:%u:%s:%s", b->loc.file, b->loc.line, b->loc.column,
                                    b->function ? b->function : "", b->template_text ? b->template_text : "");
  if (sv_contains(seen, key)) return false;
  sv_push(seen, key);
  return true;
}

/* With --dump/--explain each block's findings follow its text: the
 * findings from `first` on, sorted, printed now. */
static void print_block_findings(session *s, as_finding_list *findings, unsigned first) {
  as_finding_list mine = {findings->items + first, findings->count - first, findings->count - first};
  as_findings_sort(&s->arena, &mine, 0, true);
  findings->count = first + mine.count;
  as_strbuf t;
  as_strbuf_init(&t, &s->arena);
  as_report_text(&t, &mine);
  if (t.length) fputs(t.data, stdout);
}

/* 4. Analysis, as asmstory does for each input: every block to report
 * once, in bitcode order, then the report.  Returns the exit status. */
static int analyze(session *s, as_target_cache *targets, as_story_ctx *story) {
  int status = 0;
  strvec seen = {0};
  as_block_list analyzed = {NULL, 0, 0, NULL}; /* inlined copies are told once */
  as_finding_list findings = {0};
  FILE *side = s->format == FORMAT_TEXT ? stdout : stderr; /* dump/explain */
  as_analysis_options options = {s->checks, s->dump, s->explain};
  for (unsigned f = 0; f < s->bitcode.count && status != 2; f++) {
    as_frontend_options fo;
    memset(&fo, 0, sizeof fo);
    as_block_list blocks = {0};
    char err[1024];
    if (as_frontend_ir(&s->arena, s->bitcode.items[f], AS_LANG_RUST, &fo, &blocks, err, sizeof err) != 0) {
      status = fail("%s", err);
      break;
    }
    unsigned block_first = findings.count;
    for (unsigned i = 0; i < blocks.count; i++) {
      as_block *b = blocks.items[i];
      if (!place_block(s, b, &seen)) continue;
      as_block_list_push(&s->arena, &analyzed, b);
      as_strbuf d, e;
      as_strbuf_init(&d, &s->arena);
      as_strbuf_init(&e, &s->arena);
      if (as_analyze_block(targets, story, &s->arena, b, &options, &findings, &d, &e, err, sizeof err) != 0) {
        status = fail("%s", err);
        break;
      }
      if (d.length) fputs(d.data, side);
      if (e.length) fputs(e.data, side);
      if (s->format == FORMAT_TEXT && (s->dump || s->explain)) {
        print_block_findings(s, &findings, block_first);
        block_first = findings.count;
      }
    }
  }
  free(seen.items);
  if (status == 2) return status;
  as_findings_merge_copies(&s->arena, &findings, 0, analyzed.items, analyzed.count);
  as_findings_sort(&s->arena, &findings, 0, true);
  as_strbuf text;
  as_strbuf_init(&text, &s->arena);
  switch (s->format) {
  case FORMAT_TEXT:
    if (!s->dump && !s->explain) as_report_text(&text, &findings);
    break;
  case FORMAT_SARIF: as_report_sarif(&text, &findings); break;
  case FORMAT_JSON: as_report_json(&text, &findings); break;
  }
  if (text.length) fputs(text.data, stdout);
  for (unsigned i = 0; i < findings.count; i++)
    if (findings.items[i].severity != AS_SEV_NOTE) status = 1;
  return status;
}

int main(int argc, char **argv) {
  session s;
  memset(&s, 0, sizeof s);
  s.format = FORMAT_TEXT;
  as_arena_init(&s.arena);
  bool stop = false;
  int status = parse_args(&s, argc, argv, &stop);
  if (!stop && s.list_checks) {
    as_strbuf list;
    as_strbuf_init(&list, &s.arena);
    as_report_checks(&list, s.checks);
    fputs(list.data, stdout);
    stop = true;
  }
  if (stop) {
    session_free(&s);
    return status;
  }
  s.cargo = getenv("CARGO"); /* set by cargo for its subcommands */
  if (!s.cargo || !*s.cargo) s.cargo = "cargo";
  run_result build = {0, NULL, NULL};
  status = read_workspace(&s);
  if (status == 0) status = resolve_packages(&s);
  if (status == 0) status = build_with_bitcode(&s, &build);
  if (status == 0) status = find_bitcode(&s, build.out);
  if (status == 0) {
    as_target_cache *targets = as_target_cache_create();
    bool stories = as_checks_need(s.checks, AS_NEEDS_IR | AS_NEEDS_Z3);
    as_story_ctx *story = stories ? as_story_create(AS_STORY_TIMEOUT_MS, true) : NULL;
    status = analyze(&s, targets, story);
    if (targets) as_target_cache_destroy(targets);
    as_story_destroy(story);
  }
  free(build.out);
  free(build.err);
  session_free(&s);
  return status;
}
