/* Answers on disk (asmstory/disk_cache.h says what and why).
 *
 * One file per entry, named by a 64-bit hash of what it answers:
 *
 *   <dir>/<kind>/<16 hex digits>
 *     "asmstory-cache-2\n"
 *     u32 length, identity   (build ids: asmstory's object / LLVM's library)
 *     u32 length, spec       (mc: the triple and features the server was made for;
 *                             blocks: the analysis options)
 *     u32 length, request    (mc: the bytes sent to the assembler process;
 *                             blocks: as_block_key)
 *     u32 length, answer     (mc: the bytes it sent back; blocks: as_findings_write)
 *     u64 FNV-1a of everything before it
 *
 * Two requests with the same hash share a name: the later one replaces the
 * earlier, and a read compares every byte, so a clash is a miss, never a
 * wrong answer. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "asmstory/disk_cache.h"
#include "asmstory/hash.h"
#include "asmstory/wire.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define ENTRY_MAGIC "asmstory-cache-2\n"
#define ENTRY_MAGIC_LEN (sizeof ENTRY_MAGIC - 1)
#define ENTRY_MAX (64u << 20) /* a larger file is not read */
#define PATH_CAP 4096
#define DEFAULT_MAX_MB 1024  /* the whole cache, every kind */
#define TRIM_EVERY_S 60      /* at most one size check a minute per cache */
#define STALE_TEMP_S 3600    /* a temporary file this old was left by a killed writer */

static struct {
  bool enabled;
  unsigned long long max_bytes; /* ASMSTORY_CACHE_MAX_MB; 0: no limit */
  char dir[PATH_CAP - 64]; /* <base>, with room for a kind and an entry's name */
  char identity[300];
} cache;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static atomic_uint temp_counter;

/* ---- who wrote an entry: GNU build ids ----------------------------------- */

/* The build id in one PT_NOTE segment, as hex, or false. */
static bool note_build_id(const struct dl_phdr_info *info, const ElfW(Phdr) *ph, char *hex,
                          size_t cap) {
  const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
  const unsigned char *end = p + ph->p_memsz;
  size_t align = ph->p_align == 8 ? 8 : 4;
  while ((size_t)(end - p) >= sizeof(ElfW(Nhdr))) {
    const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)(const void *)p;
    size_t name = ((size_t)n->n_namesz + align - 1) & ~(align - 1);
    size_t desc = ((size_t)n->n_descsz + align - 1) & ~(align - 1);
    const unsigned char *nm = p + sizeof *n;
    if ((size_t)(end - nm) < name + desc) return false;
    const unsigned char *ds = nm + name;
    if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && !memcmp(nm, "GNU", 4) &&
        n->n_descsz && (size_t)n->n_descsz * 2 < cap) {
      for (size_t i = 0; i < n->n_descsz; i++) snprintf(hex + 2 * i, 3, "%02x", ds[i]);
      return true;
    }
    p = ds + desc;
  }
  return false;
}

typedef struct {
  const void *addr;      /* the object holding this address, */
  const char *name_part; /* or the one whose path holds this */
  char hex[130];
  bool found;
} id_search;

static int find_object(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  id_search *s = data;
  bool match = false;
  if (s->name_part) {
    match = info->dlpi_name && strstr(info->dlpi_name, s->name_part);
  } else {
    for (int i = 0; i < info->dlpi_phnum && !match; i++) {
      const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
      uintptr_t lo = (uintptr_t)(info->dlpi_addr + ph->p_vaddr);
      match = ph->p_type == PT_LOAD && (uintptr_t)s->addr >= lo && (uintptr_t)s->addr < lo + ph->p_memsz;
    }
  }
  if (!match) return 0;
  for (int i = 0; i < info->dlpi_phnum && !s->found; i++)
    if (info->dlpi_phdr[i].p_type == PT_NOTE)
      s->found = note_build_id(info, &info->dlpi_phdr[i], s->hex, sizeof s->hex);
  return 1;
}

/* "<asmstory's build id>/<LLVM's>" ("-" when LLVM is linked into asmstory's
 * object), or false when asmstory's object has none. */
static bool identity(char *out, size_t cap) {
  id_search own = {(const void *)&as_disk_cache_get, NULL, "", false};
  dl_iterate_phdr(find_object, &own);
  if (!own.found) return false;
  id_search llvm = {NULL, "libLLVM", "", false};
  dl_iterate_phdr(find_object, &llvm);
  int n = snprintf(out, cap, "%s/%s", own.hex, llvm.found ? llvm.hex : "-");
  return n > 0 && (size_t)n < cap;
}

/* ---- where --------------------------------------------------------------- */

static bool make_dirs(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    bool ok = mkdir(path, 0777) == 0 || errno == EEXIST;
    *p = '/';
    if (!ok) return false;
  }
  return mkdir(path, 0777) == 0 || errno == EEXIST;
}

static void cache_init(void) {
  const char *dir = getenv("ASMSTORY_CACHE_DIR");
  const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  int n;
  if (dir)
    n = !*dir || !strcmp(dir, "off") || !strcmp(dir, "0") ? -1 : snprintf(cache.dir, sizeof cache.dir, "%s", dir);
  else if (xdg && xdg[0] == '/')
    n = snprintf(cache.dir, sizeof cache.dir, "%s/asmstory", xdg);
  else if (home && *home)
    n = snprintf(cache.dir, sizeof cache.dir, "%s/.cache/asmstory", home);
  else
    n = -1;
  if (n <= 0 || (size_t)n >= sizeof cache.dir) return;
  if (!identity(cache.identity, sizeof cache.identity)) return;
  if (!make_dirs(cache.dir) || access(cache.dir, R_OK | W_OK | X_OK) != 0) return;
  cache.max_bytes = (unsigned long long)DEFAULT_MAX_MB << 20;
  const char *max = getenv("ASMSTORY_CACHE_MAX_MB");
  if (max && *max) {
    char *end = NULL;
    unsigned long long mb = strtoull(max, &end, 10);
    if (!*end && mb < (1ull << 40)) cache.max_bytes = mb << 20;
  }
  cache.enabled = true;
}

bool as_disk_cache_enabled(void) {
  pthread_once(&cache_once, cache_init);
  return cache.enabled;
}

static bool entry_path(char *out, const char *kind, const char *spec, const void *req,
                       size_t req_len) {
  uint64_t h = as_fnv1a(AS_FNV_START, cache.identity, strlen(cache.identity) + 1);
  h = as_fnv1a(h, spec, strlen(spec) + 1);
  h = as_fnv1a(h, req, req_len);
  int n = snprintf(out, PATH_CAP, "%s/%s/%016llx", cache.dir, kind, (unsigned long long)h);
  return n > 0 && n < PATH_CAP;
}

/* ---- an entry ------------------------------------------------------------- */

static bool same(const unsigned char *a, size_t alen, const void *b, size_t blen) {
  return a && alen == blen && !memcmp(a, b, blen);
}

bool as_disk_cache_get(const char *kind, const char *spec, const void *req, size_t req_len,
                       as_arena *arena, unsigned char **resp, size_t *resp_len) {
  if (!as_disk_cache_enabled() || !spec) return false;
  char path[PATH_CAP];
  if (!entry_path(path, kind, spec, req, req_len)) return false;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  unsigned char *buf = NULL;
  size_t size = 0;
  if (fstat(fd, &st) == 0 && st.st_size > (off_t)(ENTRY_MAGIC_LEN + sizeof(uint64_t)) &&
      st.st_size <= (off_t)ENTRY_MAX) {
    size = (size_t)st.st_size;
    buf = malloc(size);
    size_t got = 0;
    while (buf && got < size) {
      ssize_t r = read(fd, buf + got, size - got);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += (size_t)r;
    }
    if (got != size) size = 0;
  }
  close(fd);
  bool ok = false;
  if (buf && size) {
    uint64_t sum;
    memcpy(&sum, buf + size - sizeof sum, sizeof sum);
    as_wire_reader c = {buf + ENTRY_MAGIC_LEN, buf + size - sizeof sum, NULL, false};
    size_t id_len = 0, spec_len = 0, rq_len = 0, ans_len = 0;
    const unsigned char *id = as_wire_get_bytes(&c, &id_len), *sp = as_wire_get_bytes(&c, &spec_len);
    const unsigned char *rq = as_wire_get_bytes(&c, &rq_len), *ans = as_wire_get_bytes(&c, &ans_len);
    ok = !memcmp(buf, ENTRY_MAGIC, ENTRY_MAGIC_LEN) && !c.bad && c.p == c.end &&
         sum == as_fnv1a(AS_FNV_START, buf, size - sizeof sum) &&
         same(id, id_len, cache.identity, strlen(cache.identity)) &&
         same(sp, spec_len, spec, strlen(spec)) && same(rq, rq_len, req, req_len);
    if (ok) {
      *resp = as_arena_alloc(arena, ans_len + 1);
      if (ans_len) memcpy(*resp, ans, ans_len);
      *resp_len = ans_len;
    }
  }
  free(buf);
  return ok;
}

/* ---- where answers came from (ASMSTORY_MC_STATS=1) ------------------------ */

static struct {
  const char *kind, *what, *made;
  atomic_uint from_disk, made_here;
} stats[] = {
    {"mc", "assembler answers", "assembled", 0, 0},
    {"blocks", "block analyses", "done", 0, 0},
};
static atomic_bool stats_registered;

static void stats_print(void) {
  for (size_t i = 0; i < sizeof stats / sizeof stats[0]; i++) {
    unsigned disk = atomic_load(&stats[i].from_disk), made = atomic_load(&stats[i].made_here);
    if (disk || made)
      fprintf(stderr, "asmstory: %s: %u from the disk cache, %u %s\n", stats[i].what, disk, made,
              stats[i].made);
  }
}

void as_disk_cache_count(const char *kind, bool from_disk) {
  for (size_t i = 0; i < sizeof stats / sizeof stats[0]; i++)
    if (!strcmp(stats[i].kind, kind))
      atomic_fetch_add(from_disk ? &stats[i].from_disk : &stats[i].made_here, 1);
  const char *e = getenv("ASMSTORY_MC_STATS");
  if (e && !strcmp(e, "1") && !atomic_exchange(&stats_registered, true)) atexit(stats_print);
}

/* ---- the size bound -------------------------------------------------------
 * The cache keeps to ASMSTORY_CACHE_MAX_MB (default 1024; 0: no limit).  A
 * write checks, at most once a minute per cache (the time of <dir>/.trimmed),
 * the space its entries take; over the limit, the oldest entries (by the
 * time they were written) go until it is under nine tenths of it.  Between
 * checks the cache may grow past the limit by what a minute of compiles
 * writes.  Only entries (16 hex digits in a kind's directory) and temporary
 * files older than an hour are ever removed. */

#define MAX_KINDS 16

typedef struct {
  char name[17];   /* the entry's file name */
  unsigned kind;   /* its directory, in kinds[] */
  time_t when;
  unsigned long long bytes;
} held;

static bool is_entry_name(const char *name) {
  size_t n = strlen(name);
  if (n != 16) return false;
  for (size_t i = 0; i < n; i++)
    if (!strchr("0123456789abcdef", name[i])) return false;
  return true;
}

static int oldest_first(const void *a, const void *b) {
  const held *x = a, *y = b;
  return x->when < y->when ? -1 : x->when > y->when ? 1 : strcmp(x->name, y->name);
}

/* Whether a minute has passed since the last check (and marks this one). */
static bool trim_due(void) {
  char mark[PATH_CAP];
  snprintf(mark, sizeof mark, "%s/.trimmed", cache.dir);
  struct stat st;
  time_t now = time(NULL);
  if (stat(mark, &st) == 0 && now - st.st_mtime < TRIM_EVERY_S && st.st_mtime <= now) return false;
  int fd = open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  close(fd);
  return utimensat(AT_FDCWD, mark, NULL, 0) == 0;
}

static void trim(void) {
  if (!cache.max_bytes || !trim_due()) return;
  DIR *top = opendir(cache.dir);
  if (!top) return;
  char kinds[MAX_KINDS][256];
  unsigned num_kinds = 0;
  held *items = NULL;
  size_t count = 0, cap = 0;
  unsigned long long total = 0;
  time_t now = time(NULL);
  struct dirent *k;
  while ((k = readdir(top)) && num_kinds < MAX_KINDS) {
    if (k->d_name[0] == '.' || strlen(k->d_name) >= sizeof kinds[0]) continue;
    char dir[PATH_CAP];
    if (snprintf(dir, sizeof dir, "%s/%s", cache.dir, k->d_name) >= (int)sizeof dir) continue;
    DIR *d = opendir(dir);
    if (!d) continue;
    unsigned kind = num_kinds++;
    memcpy(kinds[kind], k->d_name, strlen(k->d_name) + 1);
    struct dirent *e;
    while ((e = readdir(d))) {
      bool entry = is_entry_name(e->d_name), temp = !strncmp(e->d_name, ".tmp-", 5);
      if (!entry && !temp) continue;
      char path[PATH_CAP];
      struct stat st;
      if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
          lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
        continue;
      if (temp) {
        if (now - st.st_mtime > STALE_TEMP_S) unlink(path);
        continue;
      }
      if (count == cap) {
        size_t grown_cap = cap ? cap * 2 : 1024;
        held *grown = realloc(items, grown_cap * sizeof *grown);
        if (!grown) break;
        items = grown;
        cap = grown_cap;
      }
      held *h = &items[count++];
      memcpy(h->name, e->d_name, sizeof h->name);
      h->kind = kind;
      h->when = st.st_mtime;
      h->bytes = (unsigned long long)st.st_blocks * 512;
      total += h->bytes;
    }
    closedir(d);
  }
  closedir(top);
  if (total > cache.max_bytes) {
    qsort(items, count, sizeof *items, oldest_first);
    unsigned long long goal = cache.max_bytes / 10 * 9;
    for (size_t i = 0; i < count && total > goal; i++) {
      char path[PATH_CAP];
      if (snprintf(path, sizeof path, "%s/%s/%s", cache.dir, kinds[items[i].kind],
                   items[i].name) < (int)sizeof path &&
          unlink(path) == 0)
        total -= items[i].bytes;
    }
  }
  free(items);
}

void as_disk_cache_put(const char *kind, const char *spec, const void *req, size_t req_len,
                       const void *resp, size_t resp_len) {
  if (!as_disk_cache_enabled() || !spec) return;
  size_t id_len = strlen(cache.identity), spec_len = strlen(spec);
  size_t size = ENTRY_MAGIC_LEN + 4 * sizeof(uint32_t) + id_len + spec_len + req_len + resp_len +
                sizeof(uint64_t);
  if (size > ENTRY_MAX) return;
  as_arena scratch;
  as_arena_init(&scratch);
  as_strbuf entry;
  as_strbuf_init(&entry, &scratch);
  as_strbuf_append(&entry, ENTRY_MAGIC, ENTRY_MAGIC_LEN);
  as_wire_put_bytes(&entry, cache.identity, (uint32_t)id_len);
  as_wire_put_bytes(&entry, spec, (uint32_t)spec_len);
  as_wire_put_bytes(&entry, req, (uint32_t)req_len);
  as_wire_put_bytes(&entry, resp, (uint32_t)resp_len);
  uint64_t sum = as_fnv1a(AS_FNV_START, entry.data, entry.length);
  as_strbuf_append(&entry, (const char *)&sum, sizeof sum);
  const unsigned char *buf = (const unsigned char *)entry.data;
  char path[PATH_CAP], temp[PATH_CAP];
  bool ok = entry_path(path, kind, spec, req, req_len);
  int n = snprintf(temp, sizeof temp, "%s/%s/.tmp-%ld-%u", cache.dir, kind, (long)getpid(),
                   atomic_fetch_add(&temp_counter, 1));
  ok = ok && n > 0 && (size_t)n < sizeof temp;
  int fd = ok ? open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666) : -1;
  if (fd < 0 && ok && errno == ENOENT) { /* the kind's directory, made at its first entry */
    char dir[PATH_CAP];
    snprintf(dir, sizeof dir, "%s/%s", cache.dir, kind);
    if (mkdir(dir, 0777) == 0 || errno == EEXIST)
      fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  }
  if (fd >= 0) {
    size_t done = 0;
    while (done < size) {
      ssize_t w = write(fd, buf + done, size - done);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) break;
      done += (size_t)w;
    }
    bool written = close(fd) == 0 && done == size;
    if (!written || rename(temp, path) != 0) unlink(temp);
    else trim();
  }
  as_arena_free(&scratch);
}
