/* MC in a child process: no template can take the host down.
 *
 * LLVM's assembler parser is not written for hostile input: fuzzing found it
 * dividing by zero (SIGFPE) and aborting on Intel-syntax expressions, and a
 * `.rept` with a huge count keeps it busy for minutes.  Guessing the crashing
 * shapes from text keeps losing (intel_guard.c still refuses the known ones,
 * for a clearer message), so every template is assembled in a server process
 * forked from the host, which holds a copy of the MC objects:
 *
 *   host                                   server (fork, no exec)
 *   as_mc_assemble ── request ──────────►  as_mc_assemble_direct (MC)
 *                  ◄───────── response ──  the as_mc_result, serialized
 *
 * A server that dies (any signal), or does not answer within the time limit,
 * is killed and reaped, the template becomes a template-error naming what
 * happened, and the next template gets a new server.  The host never runs MC
 * on template text itself, so it cannot crash there; the plugin stays inside
 * clang's promise (no crash, no changed output).
 *
 * The server is started on the first template (one per as_mc, that is per
 * target and thread), lives until as_mc_server_destroy or until its host
 * exits (end of input on its socket, and PR_SET_PDEATHSIG), and never writes
 * to the host's files: its standard streams are /dev/null and every other
 * descriptor it inherited is closed.  The wire format is private to this
 * file (host and server are the same binary).
 *
 * ASMSTORY_MC_TIMEOUT_MS sets the time limit per template (default 10000);
 * ASMSTORY_MC_IN_PROCESS=1 runs MC in the host instead, for a debugger only
 * (then a crashing template crashes the host). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "asmstory/disk_cache.h"
#include "asmstory/wire.h"
#include "mc_shim.h"
#include "asmstory/hash.h"
#include "asmstory/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define AS_MC_TIMEOUT_MS_DEFAULT 10000
#define AS_MC_WIRE_MAX (256u << 20) /* a response larger than this is refused */
#define AS_MC_BATCH 0xba7c4e55u /* in a request's dialect word: a batch */
#define AS_MC_MEMORY_LIMIT (4ull << 30) /* address space the server may add */

/* AddressSanitizer reserves terabytes of address space: no limit under it. */
#if defined(__SANITIZE_ADDRESS__)
#define AS_MC_LIMIT_MEMORY 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AS_MC_LIMIT_MEMORY 0
#endif
#endif
#ifndef AS_MC_LIMIT_MEMORY
#define AS_MC_LIMIT_MEMORY 1
#endif

/* Answers already given, by request: the plugin's AST checks and its
 * permission stories assemble the same templates, and a translation unit
 * repeats its header's blocks; a repeated request costs neither a round
 * trip nor a server.  Only complete answers are kept (a crash or a time-out
 * is not), up to AS_MC_MEMO_MAX bytes. */
#define AS_MC_MEMO_BUCKETS 1024
#define AS_MC_MEMO_MAX (64u << 20)

typedef struct memo_entry {
  struct memo_entry *next;
  uint64_t hash;
  size_t req_len, resp_len;
  unsigned char *req, *resp; /* one allocation: the request, then the answer */
  const char *failure;       /* or why there is none (a crash, a time-out in a batch) */
} memo_entry;

struct as_mc_server {
  as_mc *mc;
  char *triple;
  pid_t pid;  /* 0: not running */
  int fd;     /* the host's end of the socket pair, -1 when not running */
  memo_entry *memo[AS_MC_MEMO_BUCKETS];
  size_t memo_bytes;
};

static uint64_t hash_bytes(const void *data, size_t n) { return as_fnv1a(AS_FNV_START, data, n); }

static memo_entry *memo_find(as_mc_server *s, uint64_t hash, const void *req, size_t len) {
  for (memo_entry *e = s->memo[hash % AS_MC_MEMO_BUCKETS]; e; e = e->next)
    if (e->hash == hash && e->req_len == len && !memcmp(e->req, req, len)) return e;
  return NULL;
}

/* The entry added, or NULL (the memo is full). */
static memo_entry *memo_add(as_mc_server *s, uint64_t hash, const void *req, size_t req_len,
                            const void *resp, size_t resp_len, const char *failure) {
  size_t flen = failure ? strlen(failure) + 1 : 0;
  if (s->memo_bytes + req_len + resp_len + flen > AS_MC_MEMO_MAX) return NULL;
  memo_entry *e = malloc(sizeof *e + req_len + resp_len + flen);
  if (!e) return NULL;
  e->hash = hash;
  e->req_len = req_len;
  e->resp_len = resp_len;
  e->req = (unsigned char *)(e + 1);
  e->resp = e->req + req_len;
  memcpy(e->req, req, req_len);
  if (resp_len) memcpy(e->resp, resp, resp_len);
  e->failure = failure ? memcpy(e->resp + resp_len, failure, flen) : NULL;
  e->next = s->memo[hash % AS_MC_MEMO_BUCKETS];
  s->memo[hash % AS_MC_MEMO_BUCKETS] = e;
  s->memo_bytes += req_len + resp_len;
  return e;
}

static void memo_free(as_mc_server *s) {
  for (unsigned i = 0; i < AS_MC_MEMO_BUCKETS; i++)
    while (s->memo[i]) {
      memo_entry *e = s->memo[i];
      s->memo[i] = e->next;
      free(e);
    }
  s->memo_bytes = 0;
}

/* An answer from the disk cache (asmstory/disk_cache.h), kept in the memo; NULL when
 * the cache has none. */
static memo_entry *memo_from_disk(as_mc_server *s, uint64_t hash, const void *req, size_t len) {
  as_arena scratch;
  as_arena_init(&scratch);
  unsigned char *resp = NULL;
  size_t resp_len = 0;
  memo_entry *e = NULL;
  if (as_disk_cache_get("mc", s->triple, req, len, &scratch, &resp, &resp_len) &&
      (e = memo_add(s, hash, req, len, resp, resp_len, NULL)))
    as_disk_cache_count("mc", true);
  as_arena_free(&scratch);
  return e;
}

/* An answer the server gave: in the memo and on disk. */
static void memo_answer(as_mc_server *s, uint64_t hash, const void *req, size_t len,
                        const void *resp, size_t resp_len) {
  memo_add(s, hash, req, len, resp, resp_len, NULL);
  as_disk_cache_put("mc", s->triple, req, len, resp, resp_len);
  as_disk_cache_count("mc", false);
}

/* The program to exec as the server (a tool sets it before it starts
 * threads), or NULL: fork only. */
static const char *server_program;

void as_mc_server_use_program(const char *path) { server_program = path; }

as_mc_server *as_mc_server_create(as_mc *mc, const char *triple) {
  as_mc_server *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->mc = mc;
  s->triple = strdup(triple ? triple : "");
  s->fd = -1;
  if (!s->triple) {
    free(s);
    return NULL;
  }
  return s;
}

static void server_stop(as_mc_server *s, int *status) {
  if (status) *status = 0;
  if (s->fd >= 0) close(s->fd);
  s->fd = -1;
  if (s->pid > 0) {
    int st = 0;
    /* Dead already (then this only reaps) or stuck: either way, gone. */
    kill(s->pid, SIGKILL);
    while (waitpid(s->pid, &st, 0) < 0 && errno == EINTR) {
    }
    if (status) *status = st;
  }
  s->pid = 0;
}

void as_mc_server_destroy(as_mc_server *s) {
  if (!s) return;
  server_stop(s, NULL);
  memo_free(s);
  free(s->triple);
  free(s);
}

/* ---- wire: writing ------------------------------------------------------ */

/* The length word at the front is filled in by finish(). */
static void begin(as_strbuf *b, as_arena *arena) {
  as_strbuf_init(b, arena);
  as_wire_put_u32(b, 0);
}
static void finish(as_strbuf *b) {
  uint32_t n = (uint32_t)(b->length - sizeof(uint32_t));
  memcpy(b->data, &n, sizeof n);
}

static void write_request(as_strbuf *b, const as_mc_line *lines, unsigned num_lines, int dialect) {
  as_wire_put_u32(b, (uint32_t)dialect);
  as_wire_put_u32(b, num_lines);
  for (unsigned i = 0; i < num_lines; i++) {
    as_wire_put_u32(b, lines[i].line);
    as_wire_put_u32(b, lines[i].column);
    as_wire_put_str(b, lines[i].text ? lines[i].text : "");
  }
}

static void write_insn(as_strbuf *b, const as_mc_insn *in) {
  as_wire_put_u32(b, in->line);
  as_wire_put_u32(b, in->column);
  as_wire_put_str(b, in->opcode_name);
  as_wire_put_str(b, in->att_text);
  as_wire_put_str(b, in->intel_text);
  as_wire_put_u32(b, in->mcinst_flags);
  as_wire_put_u32(b, in->desc_flags);
  as_wire_put_u32(b, in->num_defs);
  as_wire_put_u32(b, in->size);
  as_wire_put_u32(b, in->num_ops);
  for (unsigned k = 0; k < in->num_ops; k++) {
    const as_mc_operand *o = &in->ops[k];
    as_wire_put_u32(b, (uint32_t)o->kind);
    as_wire_put_u32(b, o->reg);
    as_wire_put_i64(b, o->imm);
    as_wire_put_str(b, o->symbol);
    as_wire_put_u32(b, o->operand_type);
    as_wire_put_u32(b, (uint32_t)o->tied_to);
    as_wire_put_u32(b, (uint32_t)o->predicate | (uint32_t)o->optional_def << 1);
  }
  as_wire_put_u32(b, in->num_implicit_defs);
  for (unsigned k = 0; k < in->num_implicit_defs; k++) as_wire_put_u32(b, in->implicit_defs[k]);
  as_wire_put_u32(b, in->num_implicit_uses);
  for (unsigned k = 0; k < in->num_implicit_uses; k++) as_wire_put_u32(b, in->implicit_uses[k]);
}

static void write_response(as_strbuf *b, int rc, const as_mc_result *r) {
  as_wire_put_u32(b, (uint32_t)rc);
  as_wire_put_u32(b, r->num_insns);
  for (unsigned i = 0; i < r->num_insns; i++) write_insn(b, &r->insns[i]);
  as_wire_put_u32(b, r->num_labels);
  for (unsigned i = 0; i < r->num_labels; i++) {
    as_wire_put_str(b, r->labels[i].name);
    as_wire_put_u32(b, r->labels[i].insn_index);
  }
  as_wire_put_u32(b, r->num_errors);
  for (unsigned i = 0; i < r->num_errors; i++) {
    as_wire_put_u32(b, r->errors[i].line);
    as_wire_put_u32(b, r->errors[i].column);
    as_wire_put_str(b, r->errors[i].message);
  }
  as_wire_put_u32(b, r->num_data);
  for (unsigned i = 0; i < r->num_data; i++) {
    as_wire_put_u32(b, r->data[i].line);
    as_wire_put_u32(b, r->data[i].column);
    as_wire_put_str(b, r->data[i].what);
  }
}

/* ---- wire: reading (every length checked; a short message is "bad") --- */

static const char *get_text(as_wire_reader *r) {
  const char *s = as_wire_get_str(r);
  return s ? s : "";
}

static void read_insn(as_wire_reader *r, as_mc_insn *in) {
  in->line = as_wire_get_u32(r);
  in->column = as_wire_get_u32(r);
  in->opcode_name = get_text(r);
  in->att_text = get_text(r);
  in->intel_text = get_text(r);
  in->mcinst_flags = as_wire_get_u32(r);
  in->desc_flags = as_wire_get_u32(r);
  in->num_defs = as_wire_get_u32(r);
  in->size = as_wire_get_u32(r);
  in->num_ops = as_wire_get_count(r, 28);
  in->ops = as_arena_alloc(r->arena, sizeof(as_mc_operand) * (in->num_ops + 1));
  for (unsigned k = 0; k < in->num_ops; k++) {
    as_mc_operand *o = &in->ops[k];
    o->kind = (as_mc_operand_kind)as_wire_get_u32(r);
    o->reg = as_wire_get_u32(r);
    o->imm = as_wire_get_i64(r);
    o->symbol = as_wire_get_str(r);
    o->operand_type = as_wire_get_u32(r);
    o->tied_to = (int)as_wire_get_u32(r);
    uint32_t opflags = as_wire_get_u32(r);
    o->predicate = (opflags & 1) != 0;
    o->optional_def = (opflags & 2) != 0;
  }
  unsigned *defs, *uses;
  in->num_implicit_defs = as_wire_get_count(r, 4);
  defs = as_arena_alloc(r->arena, sizeof(unsigned) * (in->num_implicit_defs + 1));
  for (unsigned k = 0; k < in->num_implicit_defs; k++) defs[k] = as_wire_get_u32(r);
  in->num_implicit_uses = as_wire_get_count(r, 4);
  uses = as_arena_alloc(r->arena, sizeof(unsigned) * (in->num_implicit_uses + 1));
  for (unsigned k = 0; k < in->num_implicit_uses; k++) uses[k] = as_wire_get_u32(r);
  in->implicit_defs = defs;
  in->implicit_uses = uses;
}

static bool read_response(as_wire_reader *r, int *rc, as_mc_result *out) {
  memset(out, 0, sizeof *out);
  *rc = (int)as_wire_get_u32(r);
  out->num_insns = as_wire_get_count(r, 48);
  out->insns = as_arena_alloc(r->arena, sizeof(as_mc_insn) * (out->num_insns + 1));
  for (unsigned i = 0; i < out->num_insns && !r->bad; i++) read_insn(r, &out->insns[i]);
  out->num_labels = as_wire_get_count(r, 8);
  out->labels = as_arena_alloc(r->arena, sizeof(as_mc_label) * (out->num_labels + 1));
  for (unsigned i = 0; i < out->num_labels; i++) {
    out->labels[i].name = get_text(r);
    out->labels[i].insn_index = as_wire_get_u32(r);
  }
  out->num_errors = as_wire_get_count(r, 12);
  out->errors = as_arena_alloc(r->arena, sizeof(as_mc_error) * (out->num_errors + 1));
  for (unsigned i = 0; i < out->num_errors; i++) {
    out->errors[i].line = as_wire_get_u32(r);
    out->errors[i].column = as_wire_get_u32(r);
    out->errors[i].message = get_text(r);
  }
  out->num_data = as_wire_get_count(r, 12);
  out->data = as_arena_alloc(r->arena, sizeof(as_mc_data) * (out->num_data + 1));
  for (unsigned i = 0; i < out->num_data; i++) {
    out->data[i].line = as_wire_get_u32(r);
    out->data[i].column = as_wire_get_u32(r);
    out->data[i].what = get_text(r);
  }
  if (r->bad || r->p != r->end) {
    memset(out, 0, sizeof *out);
    return false;
  }
  return true;
}

/* ---- descriptors -------------------------------------------------------- */

static long long now_ms(void);

/* ASMSTORY_MC_IN_PROCESS=1: MC in the host (a debugging switch). */
static bool in_process(void) {
  const char *v = getenv("ASMSTORY_MC_IN_PROCESS");
  return v && !strcmp(v, "1");
}

/* Writes n bytes by the deadline (-1: none); a server that stopped reading
 * must not block the host. */
static bool send_all(int fd, const void *data, size_t n, long long deadline) {
  const char *p = data;
  while (n) {
    /* a dead peer is EPIPE, not SIGPIPE */
    ssize_t w = send(fd, p, n, MSG_NOSIGNAL | (deadline >= 0 ? MSG_DONTWAIT : 0));
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && deadline >= 0) {
      long long left = deadline - now_ms();
      if (left <= 0) return false;
      struct pollfd pfd = {.fd = fd, .events = POLLOUT};
      if (poll(&pfd, 1, left > 60000 ? 60000 : (int)left) < 0 && errno != EINTR) return false;
      continue;
    }
    if (w <= 0) return false;
    p += w;
    n -= (size_t)w;
  }
  return true;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads n bytes by the deadline (-1: none).  0 done, -1 end or error,
 * -2 deadline passed. */
static int recv_all(int fd, void *data, size_t n, long long deadline) {
  char *p = data;
  while (n) {
    if (deadline >= 0) {
      long long left = deadline - now_ms();
      if (left <= 0) return -2;
      struct pollfd pfd = {.fd = fd, .events = POLLIN};
      int pr = poll(&pfd, 1, left > 60000 ? 60000 : (int)left);
      if (pr < 0 && errno == EINTR) continue;
      if (pr < 0) return -1;
      if (pr == 0) continue;
    }
    ssize_t got = read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return -1;
    p += got;
    n -= (size_t)got;
  }
  return 0;
}

/* ---- the server ---------------------------------------------------------- */

/* The server's own process: default actions for the fatal signals (a
 * sanitizer's or a fuzzer's handler would report the host's input as
 * crashing), nothing inherited but its socket, gone with its host. */
static void default_fatal_signals(void) {
  static const int fatal[] = {SIGSEGV, SIGFPE, SIGILL, SIGBUS, SIGABRT, SIGTRAP, SIGSYS, SIGPIPE};
  for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], SIG_DFL);
}

static void server_setup(int fd, pid_t host) {
  default_fatal_signals();
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != host) _exit(0);
  int devnull = open("/dev/null", O_RDWR);
  if (devnull >= 0) {
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);
    if (devnull > 2) close(devnull);
  }
  /* Move the socket to 3 and close the rest (other servers' sockets among
   * them: each must see end of input when its own host side closes). */
  if (fd != 3) {
    if (dup2(fd, 3) < 0) _exit(0);
    close(fd);
  }
  fcntl(3, F_SETFD, 0);
#ifdef SYS_close_range
  if (syscall(SYS_close_range, 4u, ~0u, 0u) == 0) return;
#endif
  long max = sysconf(_SC_OPEN_MAX);
  for (long d = 4; d < (max > 0 && max < 65536 ? max : 65536); d++) close((int)d);
}

/* A template that makes MC allocate without end dies in the server. */
static void limit_memory(void) {
  if (AS_MC_LIMIT_MEMORY) {
    /* A template that makes MC allocate without end dies here, not the machine. */
    unsigned long long pages = 0;
    FILE *statm = fopen("/proc/self/statm", "r");
    if (statm) {
      if (fscanf(statm, "%llu", &pages) != 1) pages = 0;
      fclose(statm);
    }
    if (pages) { /* on top of what the copy of the host has mapped already */
      rlim_t cap = (rlim_t)(pages * (unsigned long long)sysconf(_SC_PAGESIZE) + AS_MC_MEMORY_LIMIT);
      struct rlimit lim = {cap, cap};
      setrlimit(RLIMIT_AS, &lim);
    }
  }
}

/* One request (msg, len: without its length word) answered on fd. */
static void serve_one(as_mc *mc, const unsigned char *msg, uint32_t len, int fd) {
  as_arena arena;
  as_arena_init(&arena);
  as_wire_reader r = {msg, msg + len, &arena, false};
  int dialect = (int)as_wire_get_u32(&r);
  unsigned num_lines = as_wire_get_count(&r, 12);
  as_mc_line *lines = as_arena_alloc(&arena, sizeof *lines * (num_lines + 1));
  for (unsigned i = 0; i < num_lines; i++) {
    lines[i].line = as_wire_get_u32(&r);
    lines[i].column = as_wire_get_u32(&r);
    lines[i].text = get_text(&r);
  }
  if (r.bad) _exit(0);
  as_mc_result result;
  int rc = as_mc_assemble_direct(mc, &arena, lines, num_lines, dialect, &result);
  as_strbuf out;
  begin(&out, &arena);
  write_response(&out, rc, &result);
  finish(&out);
  if (!send_all(fd, out.data, out.length, -1)) _exit(0);
  as_arena_free(&arena);
}

/* Serves requests on descriptor 3.  Without MC objects (a server forked
 * early, as_mc_server_prefork), makes them for the triple when the first
 * request arrives: a host that never sends one pays for none.  A batch
 * (AS_MC_BATCH, a count, then whole requests) is answered request by
 * request, in order. */
static void serve(as_mc *mc, const char *triple) {
  const int fd = 3;
  for (;;) {
    uint32_t len;
    if (recv_all(fd, &len, sizeof len, -1) != 0 || len > AS_MC_WIRE_MAX) _exit(0);
    if (!mc) {
      char err[256];
      as_mc_global_init();
      mc = as_mc_create(triple, err, sizeof err);
      if (!mc) _exit(0);
      limit_memory();
    }
    unsigned char *msg = malloc((size_t)len + 1);
    if (!msg || recv_all(fd, msg, len, -1) != 0) _exit(0);
    uint32_t head = 0;
    if (len >= 8) memcpy(&head, msg, sizeof head);
    if (head != AS_MC_BATCH) {
      serve_one(mc, msg, len, fd);
    } else {
      uint32_t count;
      memcpy(&count, msg + 4, sizeof count);
      size_t at = 8;
      for (uint32_t i = 0; i < count; i++) {
        uint32_t sub;
        if (len - at < sizeof sub) _exit(0);
        memcpy(&sub, msg + at, sizeof sub);
        at += sizeof sub;
        if (len - at < sub) _exit(0);
        serve_one(mc, msg + at, sub, fd);
        at += sub;
      }
    }
    free(msg);
  }
}

/* A server forked early (as_mc_server_prefork), not yet given to an
 * as_mc_server. */
static struct {
  char *triple;
  pid_t pid, host;
  int fd;
} early = {NULL, 0, 0, -1};

/* Forking copies the host's page tables, and every page the host writes
 * afterwards while the copy lives is copied again (copy on write): forked
 * from a compiler that has parsed a large translation unit, the server cost
 * the kernel's files a third of their compile time.  Forked before parsing,
 * it shares only the small process the host was then. */
void as_mc_server_prefork(const char *triple) {
  if (server_program || early.pid > 0 || !triple) return;
  if (in_process()) return;
  /* Also with answers on disk (asmstory/disk_cache.h): a file whose templates are all
   * there never sends this server anything, and it is killed unused (about
   * 1,000 page faults of a kernel file's 20,000); forked later, when a
   * template turns out to be missing, it cost 4,000 to 7,000 (perf stat
   * -e page-faults on kernel/fork.c, kernel/sched/core.c,
   * arch/x86/kernel/process.c). */
  char *copy = strdup(triple);
  int sv[2];
  if (!copy || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    free(copy);
    return;
  }
  pid_t host = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(sv[0]);
    close(sv[1]);
    free(copy);
    return;
  }
  if (pid == 0) {
    close(sv[0]);
    server_setup(sv[1], host);
    serve(NULL, copy);
    _exit(0);
  }
  close(sv[1]);
  early.triple = copy;
  early.pid = pid;
  early.host = host;
  early.fd = sv[0];
}

/* The early server, if it was forked by this process for this triple. */
static bool adopt_early(as_mc_server *s) {
  if (early.pid <= 0 || early.host != getpid() || strcmp(early.triple, s->triple)) return false;
  s->pid = early.pid;
  s->fd = early.fd;
  free(early.triple);
  early.triple = NULL;
  early.pid = 0;
  early.fd = -1;
  return true;
}

static void early_stop(void) {
  if (early.pid <= 0 || early.host != getpid()) return;
  close(early.fd);
  kill(early.pid, SIGKILL);
  while (waitpid(early.pid, NULL, 0) < 0 && errno == EINTR) {
  }
  free(early.triple);
  early.triple = NULL;
  early.pid = 0;
  early.fd = -1;
}

void as_mc_server_idle(as_mc_server *s) {
  if (s) server_stop(s, NULL);
  early_stop();
}

static bool server_start(as_mc_server *s, const char **why) {
  if (adopt_early(s)) return true;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    *why = "cannot create a socket for the assembler process";
    return false;
  }
  if (server_program) { /* a host with threads: spawn, never fork */
    char *argv[] = {(char *)server_program, "--mc-server", s->triple, NULL};
    pid_t pid;
    bool started = as_spawn_isolated(argv, sv[1], &pid);
    close(sv[1]);
    if (!started) {
      close(sv[0]);
      *why = "cannot start the assembler process";
      return false;
    }
    s->pid = pid;
    s->fd = sv[0];
    return true;
  }
  pid_t host = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(sv[0]);
    close(sv[1]);
    *why = "cannot start the assembler process";
    return false;
  }
  if (pid == 0) {
    /* Fork only: a single-threaded host (the plugin inside clang, the
     * fuzzers); the server is this copy of it. */
    close(sv[0]);
    server_setup(sv[1], host);
    limit_memory();
    serve(s->mc, s->triple);
    _exit(0);
  }
  close(sv[1]);
  s->pid = pid;
  s->fd = sv[0];
  return true;
}

int as_mc_server_main(const char *triple) {
  /* A sanitizer runtime starts again in the new program: its handlers
   * would turn MC's crash into an exit status. */
  default_fatal_signals();
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* gone with its host (it also ends at end of input) */
  char err[256];
  as_mc *mc = as_mc_create(triple, err, sizeof err);
  if (!mc) return 1;
  limit_memory();
  serve(mc, triple); /* returns only through _exit */
  return 0;
}

/* ---- the host's side ------------------------------------------------------ */

static long long timeout_ms(void) {
  const char *e = getenv("ASMSTORY_MC_TIMEOUT_MS");
  if (e && *e) {
    char *end;
    long long v = strtoll(e, &end, 10);
    if (!*end && v > 0) return v;
  }
  return AS_MC_TIMEOUT_MS_DEFAULT;
}

static const char *signal_name(int sig) {
  switch (sig) {
  case SIGSEGV: return "SIGSEGV";
  case SIGFPE: return "SIGFPE";
  case SIGILL: return "SIGILL";
  case SIGBUS: return "SIGBUS";
  case SIGABRT: return "SIGABRT";
  case SIGTRAP: return "SIGTRAP";
  case SIGKILL: return "SIGKILL";
  }
  return "a signal";
}

/* Templates given no answer (a crash, a time-out, no server). */
static atomic_uint stat_failed;

unsigned as_mc_failed_answers(void) { return atomic_load(&stat_failed); }

static int fail(as_arena *arena, const as_mc_line *lines, unsigned num_lines, as_mc_result *out,
                const char *message) {
  atomic_fetch_add(&stat_failed, 1);
  memset(out, 0, sizeof *out);
  out->errors = as_arena_alloc(arena, sizeof(as_mc_error));
  out->errors[0].line = num_lines ? lines[0].line : 0;
  out->errors[0].column = num_lines ? lines[0].column : 0;
  out->errors[0].message = message;
  out->num_errors = 1;
  return -1;
}

/* The server gave no answer to a template (got: -2 time-out, -1 gone or
 * nonsense): it is stopped, and this says what happened. */
static const char *no_answer(as_arena *arena, as_mc_server *s, int got, long long limit) {
  int status = 0;
  server_stop(s, &status);
  if (got == -2)
    return as_arena_printf(arena,
                           "LLVM's assembler did not finish this template within %lld ms "
                           "(stopped; the block is not analyzed)",
                           limit);
  if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL)
    return as_arena_printf(arena,
                           "LLVM's assembler crashed on this template (%s in its parser; "
                           "the block is not analyzed)",
                           signal_name(WTERMSIG(status)));
  return "LLVM's assembler stopped without an answer on this template (the block is not "
         "analyzed)";
}

int as_mc_assemble(as_mc_server *s, as_arena *arena, const as_mc_line *lines,
                   unsigned num_lines, int dialect, as_mc_result *out) {
  memset(out, 0, sizeof *out);
  unsigned hazard_line = 0, hazard_column = 0;
  const char *hazard =
      as_intel_parser_hazard(lines, num_lines, dialect == 1, &hazard_line, &hazard_column);
  if (hazard) {
    out->errors = as_arena_alloc(arena, sizeof(as_mc_error));
    out->errors[0].line = lines[hazard_line].line;
    out->errors[0].column = lines[hazard_line].column + hazard_column - 1;
    out->errors[0].message = hazard;
    out->num_errors = 1;
    return -1;
  }
  if (in_process())
    return as_mc_assemble_direct(s->mc, arena, lines, num_lines, dialect, out);

  as_arena scratch;
  as_arena_init(&scratch);
  as_strbuf req;
  begin(&req, &scratch);
  write_request(&req, lines, num_lines, dialect);
  finish(&req);
  uint64_t hash = hash_bytes(req.data, req.length);
  memo_entry *known = memo_find(s, hash, req.data, req.length);
  if (!known) known = memo_from_disk(s, hash, req.data, req.length);
  if (known) {
    as_arena_free(&scratch);
    if (known->failure)
      return fail(arena, lines, num_lines, out, as_arena_strndup(arena, known->failure, strlen(known->failure)));
    as_wire_reader r = {known->resp, known->resp + known->resp_len, arena, false};
    int rc;
    if (read_response(&r, &rc, out)) return rc;
    return fail(arena, lines, num_lines, out, "asmstory's own record of this template is damaged");
  }

  const char *why = NULL;
  if (s->pid <= 0 && !server_start(s, &why)) {
    as_arena_free(&scratch);
    return fail(arena, lines, num_lines, out, why);
  }
  long long limit = timeout_ms();
  long long deadline = now_ms() + limit;
  bool sent = send_all(s->fd, req.data, req.length, deadline);

  uint32_t len = 0;
  int got = sent ? recv_all(s->fd, &len, sizeof len, deadline) : -1;
  unsigned char *msg = NULL;
  if (got == 0 && len <= AS_MC_WIRE_MAX) {
    msg = as_arena_alloc(arena, (size_t)len + 1);
    got = recv_all(s->fd, msg, len, deadline);
  } else if (got == 0) {
    got = -1;
  }
  if (got == 0) {
    as_wire_reader r = {msg, msg + len, arena, false};
    int rc;
    if (read_response(&r, &rc, out)) {
      memo_answer(s, hash, req.data, req.length, msg, len);
      as_arena_free(&scratch);
      return rc;
    }
    got = -1;
  }
  as_arena_free(&scratch);
  /* No answer: the server crashed, hung or spoke nonsense.  It goes; the
   * next template starts a new one. */
  return fail(arena, lines, num_lines, out, no_answer(arena, s, got, limit));
}

/* Sends the templates the host will ask for in one message and keeps the
 * answers: one round trip instead of one per template.  A template the
 * record has, or the batch already holds, is not sent; one the Intel
 * parser would crash on (as_intel_parser_hazard) is left to
 * as_mc_assemble.  When the server dies or stops answering, the answers
 * received so far are kept, the template it was working on keeps its
 * failure (reported when it is asked for), and the server is stopped: the
 * templates after it are asked for again, alone. */
void as_mc_prefetch(as_mc_server *s, const as_mc_request *reqs, unsigned n) {
  if (!s || !n || in_process()) return;
  as_arena scratch;
  as_arena_init(&scratch);
  as_strbuf batch;
  as_strbuf_init(&batch, &scratch);
  as_wire_put_u32(&batch, 0);
  as_wire_put_u32(&batch, AS_MC_BATCH);
  as_wire_put_u32(&batch, 0);
  uint64_t *hashes = as_arena_alloc(&scratch, sizeof(uint64_t) * n);
  size_t *offsets = as_arena_alloc(&scratch, sizeof(size_t) * n);
  unsigned count = 0;
  for (unsigned i = 0; i < n; i++) {
    unsigned hl = 0, hc = 0;
    if (as_intel_parser_hazard(reqs[i].lines, reqs[i].num_lines, reqs[i].dialect == 1, &hl, &hc))
      continue;
    size_t at = batch.length;
    as_wire_put_u32(&batch, 0);
    write_request(&batch, reqs[i].lines, reqs[i].num_lines, reqs[i].dialect);
    uint32_t sub = (uint32_t)(batch.length - at - sizeof sub);
    memcpy(batch.data + at, &sub, sizeof sub);
    uint64_t h = hash_bytes(batch.data + at, batch.length - at);
    bool seen = memo_find(s, h, batch.data + at, batch.length - at) ||
                memo_from_disk(s, h, batch.data + at, batch.length - at);
    for (unsigned k = 0; k < count && !seen; k++)
      seen = hashes[k] == h && !memcmp(batch.data + offsets[k], batch.data + at, batch.length - at);
    if (seen || batch.length > AS_MC_WIRE_MAX / 2) {
      batch.length = at;
      continue;
    }
    hashes[count] = h;
    offsets[count++] = at;
  }
  const char *why = NULL;
  if (!count || (s->pid <= 0 && !server_start(s, &why))) {
    as_arena_free(&scratch);
    return;
  }
  uint32_t total = (uint32_t)(batch.length - sizeof total), c32 = count;
  memcpy(batch.data, &total, sizeof total);
  memcpy(batch.data + 8, &c32, sizeof c32);
  long long limit = timeout_ms();
  bool ok = send_all(s->fd, batch.data, batch.length, now_ms() + limit);
  /* Answers come in order: the first one missing is the template the
   * server was working on when it died or ran out of time. */
  for (unsigned i = 0; i < count && ok; i++) {
    long long deadline = now_ms() + limit;
    uint32_t len = 0;
    int got = recv_all(s->fd, &len, sizeof len, deadline);
    if (got == 0 && len > AS_MC_WIRE_MAX) got = -1;
    unsigned char *msg = got == 0 ? as_arena_alloc(&scratch, (size_t)len + 1) : NULL;
    if (got == 0) got = recv_all(s->fd, msg, len, deadline);
    as_mc_result probe;
    int rc;
    as_wire_reader r = {msg, msg + len, &scratch, false};
    if (got == 0 && !read_response(&r, &rc, &probe)) got = -1;
    size_t at = offsets[i];
    uint32_t sub;
    memcpy(&sub, batch.data + at, sizeof sub);
    if (got == 0) {
      memo_answer(s, hashes[i], batch.data + at, sub + sizeof sub, msg, len);
    } else {
      memo_add(s, hashes[i], batch.data + at, sub + sizeof sub, NULL, 0,
               no_answer(&scratch, s, got, limit));
      ok = false;
    }
  }
  if (!ok && s->pid > 0) server_stop(s, NULL);
  as_arena_free(&scratch);
}
