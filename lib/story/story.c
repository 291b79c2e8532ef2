/* The permission story for each memory access of a block.
 *
 * An access is justified when a pointer handed to the block grants it: the
 * access's address derives from that operand, the accessed range lies
 * inside the operand's object for every value the facts allow (proved with
 * Z3: the negation is unsat), the pointer is as aligned as the instruction
 * requires, and the provenance permits the kind of access.  When no story
 * can exist the finding carries a counterexample in the source's terms. */
#include "asmstory/story.h"
#include "asmstory/display.h"
#include "asmstory/loop.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <z3.h>

/* ---- Z3: one context, timeouts, a cache ------------------------------- */

typedef enum verdict { V_UNSAT, V_SAT, V_TIMEOUT } verdict;

typedef struct cache_entry {
  char *key;
  verdict result;
  long long model[3];
} cache_entry;

struct as_story_ctx {
  Z3_context z3;
  unsigned timeout_ms;
  bool use_cache;
  cache_entry *cache;
  unsigned cache_count, cache_cap;
  as_story_stats stats;
};

as_story_ctx *as_story_create(unsigned timeout_ms, bool use_cache) {
  as_story_ctx *ctx = calloc(1, sizeof *ctx);
  if (!ctx) return NULL;
  ctx->timeout_ms = timeout_ms ? timeout_ms : AS_STORY_TIMEOUT_MS;
  ctx->use_cache = use_cache;
  return ctx;
}

void as_story_destroy(as_story_ctx *ctx) {
  if (!ctx) return;
  if (ctx->z3) Z3_del_context(ctx->z3);
  for (unsigned i = 0; i < ctx->cache_count; i++) free(ctx->cache[i].key);
  free(ctx->cache);
  free(ctx);
}

as_story_stats as_story_get_stats(const as_story_ctx *ctx) {
  as_story_stats none = {0, 0, 0, 0};
  return ctx ? ctx->stats : none;
}

static void z3_error_handler(Z3_context c, Z3_error_code e) {
  (void)c;
  (void)e; /* errors surface as Z3_L_UNDEF; never abort the host */
}

static Z3_context z3_context(as_story_ctx *ctx) {
  if (!ctx->z3) {
    Z3_config cfg = Z3_mk_config();
    ctx->z3 = Z3_mk_context(cfg);
    Z3_del_config(cfg);
    Z3_set_error_handler(ctx->z3, z3_error_handler);
  }
  return ctx->z3;
}

static Z3_ast num_of(Z3_context z, long long v) { return Z3_mk_int64(z, v, Z3_mk_int_sort(z)); }

/* A bounds question: the range [start + index*scale, + size*count) of an
 * object of `object_size` bytes, with count (unsigned) in [cmin, cmax]
 * (count >= 1) and, when count_gap, also <= gap_lo or >= gap_hi (a signed
 * count that may be negative: [-5, 3] is 0..3 or 2^64-5..2^64-1), and index
 * in [imin, imax] (signed when index_signed); count and index mod 2^*_bits
 * are *_low when *_bits.  Asks whether it can lie outside (want_out) or
 * inside (!want_out); a model gives (count, index). */
typedef struct bounds_query {
  long long start, size, object_size, scale;
  /* A symbolic extent: ext_mul * x + ext_add bytes, x in [xmin, xmax]; the
   * count (index) is count_mul * x + count_add when count_tied (index_tied). */
  bool ext_sym, count_tied, index_tied;
  long long ext_mul, ext_add, count_mul, count_add, index_mul, index_add;
  unsigned long long xmin, xmax;
  unsigned long long cmin, cmax, imin, imax, gap_lo, gap_hi, count_low, index_low;
  bool count_gap, index_signed;
  unsigned count_bits, index_bits;
  unsigned count_width; /* the count value's width, to show it as the source does */
  as_sym count_sym, index_sym; /* the count and the index over their own x */
} bounds_query;

/* value mod 2^bits == low, when bits. */
static void assert_low_bits(Z3_context z, Z3_solver s, Z3_ast value, unsigned bits, unsigned long long low) {
  if (!bits) return;
  Z3_sort int_sort = Z3_mk_int_sort(z);
  Z3_ast m = Z3_mk_mod(z, value, Z3_mk_unsigned_int64(z, 1ull << bits, int_sort));
  Z3_solver_assert(z, s, Z3_mk_eq(z, m, Z3_mk_unsigned_int64(z, low, int_sort)));
}

/* The facts' ranges of the count and the index, asserted. */
static void assert_ranges(Z3_context z, Z3_solver s, const bounds_query *q, Z3_ast count, Z3_ast index) {
  Z3_sort int_sort = Z3_mk_int_sort(z);
  Z3_solver_assert(z, s, Z3_mk_ge(z, count, Z3_mk_unsigned_int64(z, q->cmin < 1 ? 1 : q->cmin, int_sort)));
  Z3_solver_assert(z, s, Z3_mk_le(z, count, Z3_mk_unsigned_int64(z, q->cmax, int_sort)));
  if (q->count_gap) {
    Z3_ast either[2] = {Z3_mk_le(z, count, Z3_mk_unsigned_int64(z, q->gap_lo, int_sort)),
                        Z3_mk_ge(z, count, Z3_mk_unsigned_int64(z, q->gap_hi, int_sort))};
    Z3_solver_assert(z, s, Z3_mk_or(z, 2, either));
  }
  Z3_ast imin = q->index_signed ? Z3_mk_int64(z, (long long)q->imin, int_sort)
                                : Z3_mk_unsigned_int64(z, q->imin, int_sort);
  Z3_ast imax = q->index_signed ? Z3_mk_int64(z, (long long)q->imax, int_sort)
                                : Z3_mk_unsigned_int64(z, q->imax, int_sort);
  Z3_solver_assert(z, s, Z3_mk_ge(z, index, imin));
  Z3_solver_assert(z, s, Z3_mk_le(z, index, imax));
  assert_low_bits(z, s, count, q->count_bits, q->count_low);
  assert_low_bits(z, s, index, q->index_bits, q->index_low);
}

/* A solver with the context's timeout. */
static Z3_solver timed_solver(as_story_ctx *ctx) {
  Z3_context z = z3_context(ctx);
  ctx->stats.queries++;
  Z3_solver s = Z3_mk_simple_solver(z);
  Z3_solver_inc_ref(z, s);
  Z3_params params = Z3_mk_params(z);
  Z3_params_inc_ref(z, params);
  Z3_params_set_uint(z, params, Z3_mk_string_symbol(z, "timeout"), ctx->timeout_ms);
  Z3_solver_set_params(z, s, params);
  Z3_params_dec_ref(z, params);
  return s;
}

/* A model value: signed when it fits, else unsigned (a count past 2^63). */
static long long model_value(Z3_context z, Z3_model m, Z3_ast a) {
  Z3_ast val;
  int64_t n;
  uint64_t u;
  if (!Z3_model_eval(z, m, a, true, &val)) return 0;
  if (Z3_get_numeral_int64(z, val, &n)) return n;
  if (Z3_get_numeral_uint64(z, val, &u)) return (long long)u;
  return 0;
}

/* Checks s (and releases it); on sat, the values of a, b and c (c may be
 * NULL). */
static verdict check_solver(as_story_ctx *ctx, Z3_solver s, Z3_ast a, Z3_ast b, Z3_ast c, long long model[3]) {
  Z3_context z = ctx->z3;
  Z3_lbool r = Z3_solver_check(z, s);
  verdict v = r == Z3_L_TRUE ? V_SAT : r == Z3_L_FALSE ? V_UNSAT : V_TIMEOUT;
  model[0] = model[1] = model[2] = 0;
  if (v == V_SAT) {
    Z3_model m = Z3_solver_get_model(z, s);
    Z3_model_inc_ref(z, m);
    model[0] = model_value(z, m, a);
    model[1] = model_value(z, m, b);
    if (c) model[2] = model_value(z, m, c);
    Z3_model_dec_ref(z, m);
  }
  if (v == V_TIMEOUT) ctx->stats.timeouts++;
  Z3_solver_dec_ref(z, s);
  return v;
}

/* x * mul + add, with x in [min, max] asserted when x is new. */
static Z3_ast affine(Z3_context z, Z3_ast x, long long mul, long long add) {
  Z3_ast t[2] = {num_of(z, mul), x};
  Z3_ast sum[2] = {Z3_mk_mul(z, 2, t), num_of(z, add)};
  return Z3_mk_add(z, 2, sum);
}

/* The symbolic extent's x, with its range. */
static Z3_ast extent_x(Z3_context z, Z3_solver s, unsigned long long xmin, unsigned long long xmax) {
  Z3_sort int_sort = Z3_mk_int_sort(z);
  Z3_ast x = Z3_mk_const(z, Z3_mk_string_symbol(z, "extent_x"), int_sort);
  Z3_solver_assert(z, s, Z3_mk_ge(z, x, Z3_mk_unsigned_int64(z, xmin, int_sort)));
  Z3_solver_assert(z, s, Z3_mk_le(z, x, Z3_mk_unsigned_int64(z, xmax, int_sort)));
  return x;
}

/* Whether the access can lie outside its object at all, over the box of
 * the count's and the index's ranges alone (the gap and the low-bit facts
 * only remove values).  lo = start + scale*index and hi = lo + size*count
 * are linear, so their extremes are at the ends of the ranges.  False is
 * an answer (UNSAT: in bounds for every value); true asks Z3 for a model.
 * Most accesses are in bounds, and a Z3 context costs a compilation tens
 * of milliseconds and megabytes: this spares both. */
static bool box_may_be_outside(const bounds_query *q) {
  __int128 c1 = (__int128)(q->cmin < 1 ? 1 : q->cmin), c2 = (__int128)q->cmax;
  if (c2 < c1) return false; /* no count at all: Z3 says UNSAT too */
  __int128 i1 = q->index_signed ? (__int128)(long long)q->imin : (__int128)q->imin;
  __int128 i2 = q->index_signed ? (__int128)(long long)q->imax : (__int128)q->imax;
  if (i2 < i1) return false;
  __int128 s1 = (__int128)q->scale * i1, s2 = (__int128)q->scale * i2;
  __int128 n1 = (__int128)q->size * c1, n2 = (__int128)q->size * c2;
  __int128 lo_min = (__int128)q->start + (s1 < s2 ? s1 : s2);
  __int128 hi_max = (__int128)q->start + (s1 > s2 ? s1 : s2) + (n1 > n2 ? n1 : n2);
  return lo_min < 0 || hi_max > (__int128)q->object_size;
}

static verdict solve(as_story_ctx *ctx, const bounds_query *q, bool want_out, long long model[3]) {
  /* ASMSTORY_STORY_Z3_ONLY=1 asks Z3 every question: the test that both
   * answer alike (test/lit/story/box-shortcut.test).  A symbolic extent is
   * not object_size: always Z3. */
  const char *z3_only = getenv("ASMSTORY_STORY_Z3_ONLY");
  if (want_out && !q->ext_sym && !(z3_only && !strcmp(z3_only, "1")) && !box_may_be_outside(q)) {
    model[0] = model[1] = model[2] = 0;
    ctx->stats.shortcuts++;
    return V_UNSAT;
  }
  char key[512];
  snprintf(key, sizeof key, "%d|%lld|%lld|%lld|%lld|%llu|%llu|%llu|%llu|%d|%llu|%llu|%d|%u|%llu|%u|%llu"
           "|%d%d%d|%lld|%lld|%lld|%lld|%lld|%lld|%llu|%llu",
           want_out, q->start, q->size, q->object_size, q->scale, q->cmin, q->cmax, q->imin, q->imax,
           q->count_gap, q->gap_lo, q->gap_hi, q->index_signed, q->count_bits, q->count_low,
           q->index_bits, q->index_low, q->ext_sym, q->count_tied, q->index_tied, q->ext_mul, q->ext_add,
           q->count_mul, q->count_add, q->index_mul, q->index_add, q->xmin, q->xmax);
  if (ctx->use_cache)
    for (unsigned i = 0; i < ctx->cache_count; i++)
      if (!strcmp(ctx->cache[i].key, key)) {
        ctx->stats.cache_hits++;
        memcpy(model, ctx->cache[i].model, sizeof ctx->cache[i].model);
        return ctx->cache[i].result;
      }
  Z3_solver s = timed_solver(ctx);
  Z3_context z = ctx->z3;
  Z3_sort int_sort = Z3_mk_int_sort(z);
  Z3_ast count = Z3_mk_const(z, Z3_mk_string_symbol(z, "count"), int_sort);
  Z3_ast index = Z3_mk_const(z, Z3_mk_string_symbol(z, "index"), int_sort);
  Z3_ast x = q->ext_sym ? extent_x(z, s, q->xmin, q->xmax) : NULL;
  if (x && q->count_tied) count = affine(z, x, q->count_mul, q->count_add);
  if (x && q->index_tied) index = affine(z, x, q->index_mul, q->index_add);
  Z3_ast zero = Z3_mk_int64(z, 0, int_sort);
  Z3_ast start_terms[2] = {Z3_mk_int64(z, q->start, int_sort), NULL};
  Z3_ast scaled[2] = {Z3_mk_int64(z, q->scale, int_sort), index};
  start_terms[1] = Z3_mk_mul(z, 2, scaled);
  Z3_ast lo = Z3_mk_add(z, 2, start_terms);
  Z3_ast length_terms[2] = {Z3_mk_int64(z, q->size, int_sort), count};
  Z3_ast hi_terms[2] = {lo, Z3_mk_mul(z, 2, length_terms)};
  Z3_ast hi = Z3_mk_add(z, 2, hi_terms);
  Z3_ast size = x ? affine(z, x, q->ext_mul, q->ext_add) : Z3_mk_int64(z, q->object_size, int_sort);
  assert_ranges(z, s, q, count, index);
  Z3_ast outside[2] = {Z3_mk_lt(z, lo, zero), Z3_mk_gt(z, hi, size)};
  Z3_ast out = Z3_mk_or(z, 2, outside);
  Z3_solver_assert(z, s, want_out ? out : Z3_mk_not(z, out));
  verdict v = check_solver(ctx, s, count, index, x, model);
  if (ctx->use_cache && v != V_TIMEOUT) {
    if (ctx->cache_count == ctx->cache_cap) {
      unsigned cap = ctx->cache_cap ? ctx->cache_cap * 2 : 64;
      cache_entry *grown = realloc(ctx->cache, sizeof *grown * cap);
      if (!grown) return v;
      ctx->cache = grown;
      ctx->cache_cap = cap;
    }
    cache_entry *e = &ctx->cache[ctx->cache_count];
    e->key = malloc(strlen(key) + 1);
    if (e->key) memcpy(e->key, key, strlen(key) + 1);
    if (!e->key) return v;
    e->result = v;
    memcpy(e->model, model, sizeof e->model);
    ctx->cache_count++;
  }
  return v;
}

/* ---- facts of an operand ----------------------------------------------- */

static bool facts_of(const as_block *b, int i, as_pointer_facts *f, as_int_facts *r) {
  if (i < 0 || (unsigned)i >= b->num_operands) return false;
  const as_operand *op = &b->operands[i];
  if (op->facts.known || op->range.known || op->range.sym.id) {
    *f = op->facts;
    *r = op->range;
    return true;
  }
  for (unsigned q = 0; q < b->num_operands; q++)
    if (b->operands[q].tied_to == i &&
        (b->operands[q].facts.known || b->operands[q].range.known || b->operands[q].range.sym.id)) {
      *f = b->operands[q].facts;
      *r = b->operands[q].range;
      return true;
    }
  return false;
}

/* Facts of operand i as seen in one IR copy of the block (C: a twin; an
 * inlined statement has one copy per call site). */
static bool facts_in(const as_block *b, const as_block *copy, int i, as_pointer_facts *facts,
                     as_int_facts *range) {
  memset(facts, 0, sizeof *facts);
  memset(range, 0, sizeof *range);
  if (facts_of(b, i, facts, range)) return true;
  /* C: the statement's IR twin numbers operands the same way (outputs,
   * inputs), with "+" operands' initial values as tied inputs at the end. */
  if (copy && facts_of(copy, i, facts, range)) return true;
  return false;
}

/* ---- the story of one access ------------------------------------------ */

typedef struct story {
  as_story_ctx *ctx;
  as_arena *arena;
  const as_target *t;
  const as_block *b;
  const as_decoded *d;
  const as_summary *s;
  const char *checks;
  as_finding_list *out;
  as_strbuf *explain;
  /* One finding per block and rule: later accesses become notes. */
  as_finding *by_rule[5];
  const as_block *copy;     /* the IR copy whose facts are used (C), or NULL */
  as_loop loop;             /* the block's loop, when its shape bounds the trip count */
  /* A statement with several IR copies (inlined): what each copy would
   * report, told once the copies are all checked. */
  unsigned copy_index, num_copies;
  struct pending *pending;
  unsigned num_pending, cap_pending;
} story;

/* A finding of some of a statement's copies: which ones (indices). */
typedef struct pending {
  int rule;
  as_severity sev;
  unsigned line, column;
  const char *msg;
  unsigned *copies;
  unsigned num_copies;
} pending;

enum { R_BOUNDS, R_ALIGN, R_READONLY, R_PROVENANCE, R_UNINIT };
static const char *const rule_ids[] = {"memory-out-of-bounds", "memory-misaligned",
                                       "memory-readonly-write", "memory-no-provenance",
                                       "memory-uninit-read"};

/* The finding, or a note of the block's finding of that rule. */
static void tell(story *st, int rule, as_severity sev, unsigned line, unsigned column, const char *msg) {
  if (st->by_rule[rule] && !strcmp(st->by_rule[rule]->message, msg)) return;
  for (unsigned k = 0; st->by_rule[rule] && k < st->by_rule[rule]->num_notes; k++)
    if (!strcmp(st->by_rule[rule]->notes[k].text + 6, msg)) return;
  if (st->by_rule[rule]) {
    as_finding_note(st->arena, st->by_rule[rule], line, column, "also: %s", msg);
    if (sev > st->by_rule[rule]->severity) st->by_rule[rule]->severity = sev;
    return;
  }
  st->by_rule[rule] = as_finding_add(st->arena, st->out, st->b, rule_ids[rule], sev, line, column, "%s", msg);
  if (rule == R_UNINIT && st->by_rule[rule])
    as_finding_fixit(st->arena, st->by_rule[rule], "%s",
                     st->b->lang == AS_LANG_RUST
                         ? "initialize the memory before the asm (a write, MaybeUninit::zeroed), or "
                           "have the block write it before it reads it"
                         : "initialize the memory before the asm, or make the operand an output "
                           "(\"=m\") if the block is meant to write it first");
}

static void finding(story *st, int rule, as_severity sev, const as_insn *in, const char *msg) {
  if (!as_check_enabled(st->checks, rule_ids[rule])) return;
  if (st->num_copies <= 1) {
    tell(st, rule, sev, in->line, in->column, msg);
    return;
  }
  pending *p = NULL;
  for (unsigned i = 0; i < st->num_pending && !p; i++)
    if (st->pending[i].rule == rule && !strcmp(st->pending[i].msg, msg)) p = &st->pending[i];
  if (!p) {
    if (st->num_pending == st->cap_pending)
      st->pending = as_arena_grow(st->arena, st->pending, sizeof *st->pending, st->num_pending,
                                  &st->cap_pending);
    p = &st->pending[st->num_pending++];
    *p = (pending){rule, sev, in->line, in->column, msg, NULL, 0};
    p->copies = as_arena_alloc(st->arena, sizeof *p->copies * st->num_copies);
  }
  if (sev > p->sev) p->sev = sev;
  if (!p->num_copies || p->copies[p->num_copies - 1] != st->copy_index)
    p->copies[p->num_copies++] = st->copy_index;
}

/* What the copies of a statement found: once each, saying in which copies
 * when not in all of them. */
static void tell_copies(story *st, as_block *const *copies) {
  for (unsigned i = 0; i < st->num_pending; i++) {
    const pending *p = &st->pending[i];
    const char *msg = p->msg;
    if (p->num_copies < st->num_copies) {
      const as_block **have = as_arena_alloc(st->arena, sizeof *have * p->num_copies);
      for (unsigned k = 0; k < p->num_copies; k++) have[k] = copies[p->copies[k]];
      msg = as_arena_printf(st->arena, "%s (%s)", msg, as_copies_text(st->arena, have, p->num_copies));
    }
    tell(st, p->rule, p->sev, p->line, p->column, msg);
  }
}

static const char *object_text(story *st, const as_pointer_facts *f, const char *fallback) {
  if (f->string_literal) return "a string literal";
  if (f->object) return as_arena_printf(st->arena, "`%s`", f->object);
  return fallback;
}

static const char *kind_word(const as_pointer_facts *f) {
  switch (f->kind) {
  case AS_OBJ_LOCAL: return "local";
  case AS_OBJ_GLOBAL: return f->readonly ? "constant global" : "global";
  case AS_OBJ_ARGUMENT: return "parameter";
  case AS_OBJ_HEAP: return "heap allocation";
  default: return "object";
  }
}

static unsigned long long lowbit(long long v) {
  unsigned long long u = (unsigned long long)(v < 0 ? -v : v);
  return u ? (u & -u) : 0;
}

/* How a counterexample names an operand: its source expression if known. */
static const char *value_name(story *st, int i) {
  const as_operand *op = &st->b->operands[i];
  const char *e = op->expr_text;
  if (!e) {
    for (unsigned q = 0; q < st->b->num_operands && !e; q++)
      if (st->b->operands[q].tied_to == i) e = st->b->operands[q].expr_text;
  }
  if (!e) return as_operand_label(st->arena, st->b, i);
  if (e[0] == '%') e++;
  return as_arena_printf(st->arena, "`%s`", e);
}

static int operand_on_reg(const as_decoded *d, unsigned reg) {
  if (!reg) return -1;
  for (unsigned i = 0; i < d->num_bindings; i++)
    if (d->bindings[i].kind == AS_BIND_REG && d->bindings[i].reg == reg) return (int)i;
  return -1;
}

/* One access of the block on its way to a story: what it is, the operand
 * its address derives from and that operand's facts, and the explain line
 * being written. */
typedef struct access_story {
  story *st;
  const as_access *a;
  const as_insn *in;
  const as_mem_access *m;
  const char *verb;    /* "reads", "writes", "reads and writes" */
  const char *itext;   /* the instruction, quoted */
  int p;               /* the operand the address derives from */
  bool derived;        /* ... through a pointer that moves in the block */
  const char *plabel;  /* that operand */
  long long disp;      /* the access's offset from it */
  as_pointer_facts f;  /* its facts */
  struct extent {      /* its object's extent */
    bool known, symbolic;
    unsigned long long size; /* constant */
    as_sym sym;              /* symbolic: sym.mul * x + sym.add bytes */
    unsigned long long xmin, xmax;
    const char *name;        /* x in words */
    const char *from;        /* where the extent is written */
  } ext;
  const char *obj;     /* its object, in words */
  bool justified;      /* a story is found so far */
  as_strbuf line;
} access_story;

/* An access derived from no operand: the caller's stack frame or a fixed
 * address (no provenance), or what is not checked (segment-relative, an
 * address computed in the block, a register the block does not own). */
static void access_without_operand(access_story *ac) {
  story *st = ac->st;
  const as_access *a = ac->a;
  const as_mem_access *m = ac->m;
  if (a->stack && a->stack_offset_known && a->stack_offset >= 0) {
    as_strbuf_printf(&ac->line, " in the caller's stack frame (entry sp%+lld): no pointer handed to the block grants it\n",
                     (long long)a->stack_offset);
    finding(st, R_PROVENANCE, AS_SEV_WARNING, ac->in,
            as_arena_printf(st->arena, "%s %s the caller's stack frame at %lld bytes above the stack "
                            "pointer; no pointer handed to the block grants access to it",
                            ac->itext, ac->verb, (long long)a->stack_offset));
  } else if (m->segment) {
    as_strbuf_puts(&ac->line, " through a segment register: thread/CPU-local storage, not checked\n");
  } else if (a->has_base && a->base.kind == AS_VALUE_UNKNOWN) {
    as_strbuf_puts(&ac->line, " at an address computed in the block: not checked yet\n");
  } else if (m->disp_symbol && strncmp(m->disp_symbol, "asmstory_", 9) &&
             (!a->has_base || m->rip_relative)) {
    /* A global named in the template: code may reach it through its own
     * name, as the equivalent C or Rust would; the clobbers say whether
     * the compiler knows (memory-*-undeclared). */
    as_strbuf_printf(&ac->line, " at the symbol `%s`, reached through its own name: justified\n",
                     m->disp_symbol);
  } else if (!a->has_base || a->base.kind == AS_VALUE_CONST || m->rip_relative) {
    const char *what = m->rip_relative && m->disp_symbol
                           ? as_arena_printf(st->arena, "the symbol `%s`", m->disp_symbol)
                           : as_arena_printf(st->arena, "the absolute address %#llx",
                                             (unsigned long long)(a->has_base ? a->base.offset : m->disp));
    as_strbuf_printf(&ac->line, " at %s: no pointer handed to the block grants it\n", what);
    finding(st, R_PROVENANCE, AS_SEV_WARNING, ac->in,
            as_arena_printf(st->arena, "%s %s memory at %s, which derives from no pointer handed "
                            "to the block; no operand's provenance grants this access",
                            ac->itext, ac->verb, what));
  } else {
    as_strbuf_puts(&ac->line, " at an address from a register the block does not own: not checked\n");
  }
}

/* Permission: a write through a pointer that grants only reading. */
static void check_permission(access_story *ac) {
  story *st = ac->st;
  const as_pointer_facts *f = &ac->f;
  if (!ac->a->store || !f->readonly) return;
  ac->justified = false;
  as_strbuf_puts(&ac->line, "; the write is not permitted");
  const char *why = f->string_literal                 ? "a string literal"
                    : f->kind == AS_OBJ_GLOBAL         ? as_arena_printf(st->arena, "the constant %s", ac->obj)
                    : st->b->lang == AS_LANG_RUST      ? "a shared reference (&T) without interior mutability"
                                                       : "read-only memory (IR readonly)";
  finding(st, R_READONLY, AS_SEV_ERROR, ac->in,
          as_arena_printf(st->arena, "%s writes through %s, which points into %s; its provenance "
                          "grants only reading, so the write is undefined behaviour (the compiler "
                          "may keep the old value or place the object in read-only memory)",
                          ac->itext, ac->plabel, why));
}

/* Alignment: what the instruction needs against what the pointer's type,
 * object and offset prove. */
static void check_alignment(access_story *ac) {
  story *st = ac->st;
  const as_mem_access *m = ac->m;
  const as_pointer_facts *f = &ac->f;
  if (m->align <= 1 || ac->derived) return;
  unsigned long long k = f->align;
  if (st->b->operands[ac->p].pointee_align > k) k = st->b->operands[ac->p].pointee_align;
  unsigned long long eff = k;
  if (ac->disp && lowbit(ac->disp) < eff) eff = lowbit(ac->disp);
  if (ac->a->has_index && ac->a->index_scale < eff) eff = ac->a->index_scale; /* any index value */
  if (eff >= m->align) return;
  /* A parameter whose type says nothing of its alignment (a Rust raw
   * pointer; an LLVM IR `ptr`, whose pointee type is gone) promises none in
   * its type or its IR: the caller does (portable-atomic's 16-byte
   * cmpxchg16b), as the caller does for the extent of a C parameter.  A C
   * pointer's type does say (`char *`: 1). */
  if (f->kind == AS_OBJ_ARGUMENT && !f->object_align && !st->b->operands[ac->p].pointee_align &&
      f->align <= 1 && !ac->a->has_index) {
    as_strbuf_printf(&ac->line, "; needs %u-byte alignment, which the story assumes the caller gives "
                     "(%s)", m->align,
                     st->b->lang == AS_LANG_RUST ? "a raw pointer parameter"
                                                 : "a parameter whose type is not known here");
    return;
  }
  ac->justified = false;
  bool proved = f->offset_known && f->object_align >= m->align &&
                ((unsigned long long)(f->offset + ac->disp) % m->align) != 0;
  as_strbuf_printf(&ac->line, "; needs %u-byte alignment, proven only %llu", m->align, eff);
  finding(st, R_ALIGN, proved ? AS_SEV_ERROR : AS_SEV_WARNING, ac->in,
          proved ? as_arena_printf(st->arena, "%s needs %u-byte alignment, but %s%+lld is at offset "
                                   "%lld of %s (aligned %llu): it faults on every execution",
                                   ac->itext, m->align, ac->plabel, ac->disp, f->offset + ac->disp,
                                   ac->obj, f->object_align)
                 : as_arena_printf(st->arena, "%s needs %u-byte alignment, but %s%+lld is only known to "
                                   "be %llu-byte aligned; it faults when the pointer is not aligned",
                                   ac->itext, m->align, ac->plabel, ac->disp, eff));
}

/* A count is the register's unsigned value; one that may be negative is a
 * huge count, never one in between. */
static void count_range(bounds_query *q, const as_int_facts *r) {
  q->cmin = r->min;
  q->cmax = r->max;
  q->count_width = r->bits;
  if (as_int_facts_signed(r) && r->smin < 0 && r->smax >= 0) {
    q->count_gap = true;
    q->gap_lo = (unsigned long long)r->smax;
    q->gap_hi = (r->bits < 64 ? 1ull << r->bits : 0) + (unsigned long long)r->smin; /* 2^bits + smin */
  }
  q->count_bits = r->low_bits;
  q->count_low = r->low_value;
}

/* An index moves the address either way: its signed range when tighter. */
static void index_range(bounds_query *q, const as_int_facts *r) {
  q->index_signed = as_int_facts_signed(r);
  q->imin = q->index_signed ? (unsigned long long)r->smin : r->min;
  q->imax = q->index_signed ? (unsigned long long)r->smax : r->max;
  q->index_bits = r->low_bits;
  q->index_low = r->low_value;
}

/* The bounds query of the access: its start and size in the object, the
 * repeat count of a string instruction and the index from their facts.
 * False when the bounds cannot be checked (the explain line says why);
 * *count_name names the count register's value. */
static bool bounds_query_of(access_story *ac, bounds_query *q, const char **count_name) {
  story *st = ac->st;
  const as_access *a = ac->a;
  const as_mem_access *m = ac->m;
  memset(q, 0, sizeof *q);
  q->start = ac->f.offset + ac->disp;
  q->size = m->size;
  q->object_size = (long long)ac->f.object_size;
  q->cmin = q->cmax = 1;
  q->imin = q->imax = 0;
  q->scale = 0;
  *count_name = NULL;
  bool checkable = true;
  if (m->repeated) {
    int c = operand_on_reg(st->d, m->count_reg);
    as_pointer_facts cf;
    as_int_facts cr;
    q->cmin = 1;
    q->cmax = 1ull << 40; /* unknown count: any size the address space allows */
    if (c >= 0 && facts_in(st->b, st->copy, c, &cf, &cr) && cr.known) count_range(q, &cr);
    if (c >= 0 && facts_in(st->b, st->copy, c, &cf, &cr)) q->count_sym = cr.sym;
    *count_name = c >= 0 ? value_name(st, c) : "the count register";
    if (q->cmax == 0) checkable = false; /* never executes */
  } else if (a->in_loop && m->string_op) {
    checkable = false;
    ac->justified = false;
    as_strbuf_puts(&ac->line, "; a string instruction in a loop: bounds not checked");
  }
  if (a->has_index) {
    as_pointer_facts xf;
    as_int_facts xr;
    if (a->index_operand >= 0 && facts_in(st->b, st->copy, a->index_operand, &xf, &xr) && xr.known) {
      index_range(q, &xr);
      q->scale = a->index_scale;
      q->index_sym = xr.sym;
    } else {
      checkable = false;
      ac->justified = false;
      as_strbuf_puts(&ac->line, "; index not bounded by the facts: bounds not checked");
    }
  }
  return checkable;
}

/* The end of the bytes [lo, lo + size * count): a count from a negative
 * value is beyond 2^63. */
static const char *bytes_end(as_arena *arena, long long lo, long long size, unsigned long long count) {
  unsigned long long u = (unsigned long long)(size > 0 ? size : 1);
  if (count <= (unsigned long long)(LLONG_MAX - (lo > 0 ? lo : 0)) / u)
    return as_arena_printf(arena, "%lld", lo + (long long)(count * u));
  if (lo >= 0 && count <= (ULLONG_MAX - (unsigned long long)lo) / u)
    return as_arena_printf(arena, "%llu", (unsigned long long)lo + count * u);
  return "2^64 and beyond";
}

/* A count as its source value: one past the gap is a negative value. */
static long long count_shown(const bounds_query *q, long long model) {
  unsigned long long u = (unsigned long long)model;
  if (!q->count_gap || u < q->gap_hi || q->count_width >= 64) return model;
  return -(long long)((1ull << q->count_width) - u);
}

/* Where a parameter's extent is written down: the declaration of the
 * parameter the operand names (`const char src[static 16]`), when the facts'
 * parameter is that one (same function, same position, same name when the
 * IR keeps names); NULL. */
static const char *extent_source(const access_story *ac) {
  const as_block *b = ac->st->b;
  const as_pointer_facts *f = &ac->f;
  if (f->kind != AS_OBJ_ARGUMENT || !f->size_known || !f->function || !f->param_number ||
      ac->p < 0 || (unsigned)ac->p >= b->num_operands || !b->function ||
      strcmp(b->function, f->function))
    return NULL;
  const as_operand *o = &b->operands[ac->p];
  if (!o->extent_decl || o->extent_param_number != f->param_number ||
      (f->object && o->extent_param && strcmp(o->extent_param, f->object)))
    return NULL;
  return o->extent_decl;
}

/* The range of a symbolic extent's x: a length, never negative. */
static void x_range(const as_int_facts *r, unsigned long long *lo, unsigned long long *hi) {
  *lo = r->min;
  *hi = r->max;
  if (as_int_facts_signed(r) && r->smin < 0) {
    *lo = 0;
    *hi = r->smax < 0 ? 0 : (unsigned long long)r->smax;
  }
  if (*hi > (unsigned long long)LLONG_MAX) *hi = (unsigned long long)LLONG_MAX;
}

/* The extent of the access's object: the facts' size; else a value at the
 * asm call (a slice's length, an allocation's size argument: the facts),
 * or the count member of a C flexible array member (`__counted_by(n)`:
 * the operand), as mul * x + add bytes. */
static void extent_of(access_story *ac) {
  const as_block *b = ac->st->b;
  const as_pointer_facts *f = &ac->f;
  struct extent *e = &ac->ext;
  memset(e, 0, sizeof *e);
  if (f->size_known) {
    e->known = true;
    e->size = f->object_size;
    return;
  }
  const as_operand *op = ac->p >= 0 && (unsigned)ac->p < b->num_operands ? &b->operands[ac->p] : NULL;
  if (f->extent.id && f->extent_range) {
    e->sym = f->extent;
    e->from = f->extent_from;
    x_range(f->extent_range, &e->xmin, &e->xmax);
  } else if (op && op->count_expr && f->offset_known && f->object_id && !ac->derived) {
    /* the array begins at the operand's offset; the count is the member
     * count_delta bytes from it, in the same object */
    e->sym = (as_sym){as_sym_memory_id(f->object_id, f->offset + op->count_delta), op->count_unit, f->offset,
                      op->count_expr};
    e->from = as_arena_printf(ac->st->arena, "`%s`", op->count_attr);
    e->xmin = 0;
    e->xmax = op->count_bits >= 64 ? (unsigned long long)LLONG_MAX
                                   : (1ull << (op->count_bits - (op->count_signed ? 1 : 0))) - 1;
    /* what the function knows of the count at the asm (a test before it) */
    for (unsigned k = 0; k < f->num_loaded; k++)
      if (f->loaded[k].offset == f->offset + op->count_delta && f->loaded[k].range.bits == op->count_bits) {
        unsigned long long lo, hi;
        x_range(&f->loaded[k].range, &lo, &hi);
        if (lo > e->xmin) e->xmin = lo;
        if (hi < e->xmax) e->xmax = hi;
      }
  } else {
    return;
  }
  e->known = e->symbolic = true;
  e->name = e->sym.name ? as_arena_printf(ac->st->arena, "`%s`", e->sym.name) : "the size value";
}

/* The symbolic extent in words: "`p.len()`*4", "8+`s->n`*4". */
static const char *extent_formula(as_arena *arena, const struct extent *e) {
  const char *t = e->sym.mul == 1 ? e->name : as_arena_printf(arena, "%s*%lld", e->name, e->sym.mul);
  if (e->sym.add) t = as_arena_printf(arena, "%lld+%s", e->sym.add, t);
  return t;
}

/* After "(kind, ": the object's size and where it is written, at x (a
 * symbolic extent's value in the counterexample). */
static const char *extent_words(access_story *ac, long long x) {
  as_arena *arena = ac->st->arena;
  const struct extent *e = &ac->ext;
  if (e->symbolic)
    return as_arena_printf(arena, "%s = %lld bytes, from %s", extent_formula(arena, e), e->sym.add + e->sym.mul * x,
                           e->from);
  const char *source = extent_source(ac);
  return as_arena_printf(arena, "%llu bytes%s", e->size,
                         source ? as_arena_printf(arena, " by its declaration `%s`", source) : "");
}

/* A symbolic extent in the bounds query, the count and the index tied to
 * its x when they are over the same value; true when a count or an index
 * that varies is not (the story cannot relate them: it assumes the caller). */
static bool symbolic_query(access_story *ac, bounds_query *q) {
  const struct extent *e = &ac->ext;
  if (!e->symbolic) return false;
  q->ext_sym = true;
  q->ext_mul = e->sym.mul;
  q->ext_add = e->sym.add;
  q->xmin = e->xmin;
  q->xmax = e->xmax;
  if (ac->m->repeated && q->count_sym.id == e->sym.id) {
    q->count_tied = true;
    q->count_mul = q->count_sym.mul;
    q->count_add = q->count_sym.add;
  }
  if (ac->a->has_index && q->index_sym.id == e->sym.id) {
    q->index_tied = true;
    q->index_mul = q->index_sym.mul;
    q->index_add = q->index_sym.add;
  }
  return (ac->m->repeated && !q->count_tied && q->cmin != q->cmax) ||
         (ac->a->has_index && !q->index_tied && q->imin != q->imax);
}

/* An access Z3 placed outside its object (model: the count and the index
 * that do it); an error when no value keeps it inside. */
static void report_out_of_bounds(access_story *ac, const bounds_query *q, const long long *model,
                                 const char *count_name) {
  story *st = ac->st;
  const as_pointer_facts *f = &ac->f;
  long long inside[3];
  verdict in_ok = solve(st->ctx, q, false, inside);
  /* A fixed range past a symbolic extent: the counterexample is the
   * largest x still short of it (`p.len()` = 3 for 16 bytes of u32s). */
  long long shown[3] = {model[0], model[1], model[2]};
  long long end = q->start + q->size;
  if (ac->ext.symbolic && !ac->m->repeated && !ac->a->has_index && q->start >= 0 && ac->ext.sym.mul > 0 &&
      end > ac->ext.sym.add) {
    long long largest = (end - ac->ext.sym.add + ac->ext.sym.mul - 1) / ac->ext.sym.mul - 1;
    if (largest > shown[2] && (unsigned long long)largest <= ac->ext.xmax) shown[2] = largest;
  }
  model = shown;
  long long lo = q->start + q->scale * model[1];
  const char *hi = bytes_end(st->arena, lo, q->size, (unsigned long long)model[0]);
  const char *when = "";
  if (ac->ext.symbolic)
    when = as_arena_printf(st->arena, "when %s = %lld, ", ac->ext.name, model[2]);
  else if (ac->m->repeated && count_name)
    when = as_arena_printf(st->arena, "when %s = %lld, ", count_name, count_shown(q, model[0]));
  else if (ac->a->has_index)
    when = as_arena_printf(st->arena, "when %s = %lld, ", value_name(st, ac->a->index_operand),
                           model[1]);
  /* clang names a malloc result "call": say what it is instead */
  const char *name = f->object && !(f->kind == AS_OBJ_HEAP && !strncmp(f->object, "call", 4))
                         ? f->object
                         : f->kind == AS_OBJ_HEAP ? "the allocation" : "the object";
  ac->justified = false;
  as_strbuf_printf(&ac->line, "; out of bounds %s[%lld..%s)", when, lo, hi);
  /* A size that is a lower bound (the XSAVE area): at least this range. */
  const char *verb = ac->m->size_at_least ? as_arena_printf(st->arena, "%s at least", ac->verb) : ac->verb;
  bool named = strcmp(name, "the allocation") && strcmp(name, "the object");
  const char *size = extent_words(ac, model[2]);
  finding(st, R_BOUNDS, in_ok == V_UNSAT ? AS_SEV_ERROR : AS_SEV_WARNING, ac->in,
          named ? as_arena_printf(st->arena, "%s%s %s `%s[%lld..%s)`, %s `%s` (%s, %s)", when,
                                  ac->itext, verb, name, lo, hi,
                                  lo < 0 ? "before the start of" : "past the end of", name,
                                  kind_word(f), size)
                : as_arena_printf(st->arena, "%s%s %s bytes [%lld..%s) of the %s that %s points to, "
                                  "%s it (%s)", when, ac->itext, verb, lo, hi, kind_word(f),
                                  ac->plabel, lo < 0 ? "before the start of" : "past the end of", size));
}

/* The explain line's extent: where a declared or symbolic one comes from. */
static void tell_extent(access_story *ac) {
  const struct extent *e = &ac->ext;
  if (e->symbolic) {
    as_strbuf_printf(&ac->line, "; extent %s bytes, from %s", extent_formula(ac->st->arena, e), e->from);
    return;
  }
  const char *source = extent_source(ac);
  if (source) as_strbuf_printf(&ac->line, "; extent %llu bytes, from its declaration `%s`", e->size, source);
}

/* The calls of an internal function checked in their own contexts (the
 * copies with caller_context), named after an "extent unknown" story. */
static void tell_caller_contexts(story *st, as_strbuf *line) {
  const as_block *b = st->b;
  unsigned n = 0;
  for (unsigned c = 0; c < b->num_ir_twins; c++)
    if (b->ir_twins[c]->caller_context) {
      as_strbuf_printf(line, "%s `%s`", n++ ? "," : " (checked again with the objects of each call: from",
                       as_block_function_shown(b->ir_twins[c]));
    }
  if (n) as_strbuf_puts(line, ")");
}

/* "every the size value" reads "every size value". */
static const char *every_name(const char *name) {
  return name && !strncmp(name, "the ", 4) ? name + 4 : name;
}

/* Bounds: does some count and index put the access outside its object? */
static void check_bounds(access_story *ac) {
  story *st = ac->st;
  if (ac->derived) return; /* told by one_access */
  if (!ac->ext.known) {
    as_strbuf_puts(&ac->line, "; extent unknown: the story assumes the caller passed a large enough object");
    tell_caller_contexts(ac->st, &ac->line);
    return;
  }
  tell_extent(ac);
  if (!ac->f.offset_known) return;
  bounds_query q;
  const char *count_name;
  if (!bounds_query_of(ac, &q, &count_name)) return;
  bool untied = symbolic_query(ac, &q);
  long long model[3];
  verdict out = solve(st->ctx, &q, true, model);
  if (out == V_SAT && untied) {
    as_strbuf_printf(&ac->line, "; %s is not tied to the extent: the story assumes the caller keeps it within",
                     ac->m->repeated && !q.count_tied && q.count_sym.name
                         ? as_arena_printf(st->arena, "`%s`", q.count_sym.name)
                     : ac->m->repeated && !q.count_tied && count_name ? count_name
                                                                      : "the index");
  } else if (out == V_SAT) {
    report_out_of_bounds(ac, &q, model, count_name);
  } else if (out == V_TIMEOUT) {
    ac->justified = false;
    as_strbuf_printf(&ac->line, "; the bounds query timed out");
    finding(st, R_BOUNDS, AS_SEV_NOTE, ac->in,
            as_arena_printf(st->arena, "the bounds of %s through %s could not be decided: the Z3 "
                            "query timed out after %u ms; the access is not verified",
                            ac->itext, ac->plabel, st->ctx->timeout_ms));
  } else if (ac->ext.symbolic) {
    as_strbuf_printf(&ac->line, "; in bounds for every %s in [%llu, %llu]", every_name(ac->ext.name), q.xmin, q.xmax);
  } else if (ac->m->repeated && count_name) {
    as_strbuf_printf(&ac->line, "; in bounds for every %s in [%llu, %llu]", every_name(count_name), q.cmin, q.cmax);
  } else {
    as_strbuf_printf(&ac->line, "; in bounds");
  }
}

/* ---- an access through a pointer the block's loop steps ----------------
 * The loop (loop.h) steps the pointer by a constant per iteration and its
 * exit condition bounds the trip count: iteration j (from 0) runs when for
 * every t in [1, j] the condition held after iteration t.  Z3 looks for an
 * iteration that runs and accesses outside the object, over the values the
 * facts allow for the count or the end pointer. */

/* A value of the loop's condition (its control at entry, or its bound):
 * a constant, an integer operand's value (range from the facts), or a
 * pointer into the access's object (its offset). */
typedef struct loop_term {
  bool is_pointer;
  int operand;                  /* -1: a constant */
  long long constant;           /* the constant, or added to the operand */
  as_int_facts range;           /* an integer operand's facts (known or not) */
  long long pointer_offset;     /* a pointer: its offset in the object */
  const char *name;             /* the operand in the source's terms */
  /* The integer, or the pointer's offset beyond pointer_offset, is
   * sym.mul * y + sym.add: y is the extent's x when tied, else a value of
   * its own in [ymin, ymax] (a pointer) or as the range says (an integer). */
  bool has_sym, tied;
  as_sym sym;
  unsigned long long ymin, ymax;
} loop_term;

/* What a loop value is, in the access's object (false: not one the story
 * can tie to the facts). */
static bool loop_term_of(access_story *ac, const as_loop_value *v, loop_term *out) {
  story *st = ac->st;
  memset(out, 0, sizeof *out);
  out->operand = -1;
  if (!v->known) return false;
  if (v->is_const) {
    out->constant = (long long)v->value;
    out->name = as_arena_printf(st->arena, "%lld", (long long)v->value);
    return true;
  }
  int o = operand_on_reg(st->d, v->reg);
  as_pointer_facts f;
  as_int_facts r;
  if (o < 0) return false;
  out->operand = o;
  out->constant = (long long)v->value;
  out->name = value_name(st, o);
  if (!facts_in(st->b, st->copy, o, &f, &r)) {
    if (st->b->operands[o].is_pointer) return false;
    return true; /* an integer with no known range */
  }
  if (f.known) {
    /* A pointer: into the same object, at a known offset or one over a
     * value (an end pointer `src + n`). */
    bool same = f.object_id && ac->f.object_id
                    ? f.object_id == ac->f.object_id
                    : f.object && ac->f.object && !strcmp(f.object, ac->f.object) &&
                          !(f.function && ac->f.function && strcmp(f.function, ac->f.function));
    if (f.kind != ac->f.kind || !same || (!f.offset_known && !(f.offset_sym.id && f.offset_range)))
      return false;
    out->is_pointer = true;
    out->pointer_offset = (f.offset_known ? f.offset : 0) + (long long)v->value;
    if (!f.offset_known) {
      out->has_sym = true;
      out->sym = f.offset_sym;
      x_range(f.offset_range, &out->ymin, &out->ymax);
      out->name = f.offset_sym.name ? as_arena_printf(st->arena, "`%s`", f.offset_sym.name) : "the offset value";
    }
    return true;
  }
  out->range = r;
  out->has_sym = r.sym.id != 0;
  out->sym = r.sym;
  return true;
}

/* The term's value as a Z3 integer (a fresh constant with the facts'
 * range asserted, modulo 2^bits when the condition is at fewer bits). */
static Z3_ast loop_term_ast(Z3_context z, Z3_solver s, const loop_term *t, const char *sym, unsigned bits,
                            Z3_ast ext_x) {
  Z3_sort int_sort = Z3_mk_int_sort(z);
  if (t->is_pointer && t->has_sym) {
    Z3_ast y = ext_x;
    if (!(t->tied && ext_x)) {
      y = Z3_mk_const(z, Z3_mk_string_symbol(z, sym), int_sort);
      Z3_solver_assert(z, s, Z3_mk_ge(z, y, Z3_mk_unsigned_int64(z, t->ymin, int_sort)));
      Z3_solver_assert(z, s, Z3_mk_le(z, y, Z3_mk_unsigned_int64(z, t->ymax, int_sort)));
    }
    return affine(z, y, t->sym.mul, t->sym.add + t->pointer_offset);
  }
  if (t->is_pointer) return Z3_mk_int64(z, t->pointer_offset, int_sort);
  Z3_ast modulus = Z3_mk_unsigned_int64(z, bits >= 64 ? 0 : 1ull << bits, int_sort);
  Z3_ast two64 = Z3_mk_numeral(z, "18446744073709551616", int_sort);
  if (bits >= 64) modulus = two64;
  if (t->operand < 0) {
    Z3_ast c = Z3_mk_int64(z, t->constant, int_sort);
    return Z3_mk_mod(z, c, modulus);
  }
  Z3_ast x = t->tied && ext_x ? affine(z, ext_x, t->sym.mul, t->sym.add)
                              : Z3_mk_const(z, Z3_mk_string_symbol(z, sym), int_sort);
  Z3_ast zero = Z3_mk_int64(z, 0, int_sort);
  unsigned vbits = t->range.known ? t->range.bits : bits;
  Z3_ast vmod = vbits >= 64 ? two64 : Z3_mk_unsigned_int64(z, 1ull << vbits, int_sort);
  Z3_solver_assert(z, s, Z3_mk_ge(z, x, zero));
  Z3_solver_assert(z, s, Z3_mk_lt(z, x, vmod));
  if (t->range.known) {
    bounds_query q;
    memset(&q, 0, sizeof q);
    count_range(&q, &t->range);
    Z3_solver_assert(z, s, Z3_mk_ge(z, x, Z3_mk_unsigned_int64(z, q.cmin, int_sort)));
    Z3_solver_assert(z, s, Z3_mk_le(z, x, Z3_mk_unsigned_int64(z, q.cmax, int_sort)));
    if (q.count_gap) {
      Z3_ast either[2] = {Z3_mk_le(z, x, Z3_mk_unsigned_int64(z, q.gap_lo, int_sort)),
                          Z3_mk_ge(z, x, Z3_mk_unsigned_int64(z, q.gap_hi, int_sort))};
      Z3_solver_assert(z, s, Z3_mk_or(z, 2, either));
    }
    assert_low_bits(z, s, x, q.count_bits, q.count_low);
  }
  Z3_ast sum[2] = {x, Z3_mk_int64(z, t->constant, int_sort)};
  return Z3_mk_mod(z, Z3_mk_add(z, 2, sum), modulus);
}

/* The loop and the access, as numbers. */
typedef struct loop_query {
  const as_loop *loop;
  loop_term control, bound;
  long long control_step, control_pre;
  long long start, step, size, object_size;
  unsigned long long jmax; /* iterations looked at: the first outside is before it */
  bool modular;            /* the control is an integer (wraps at 2^bits) */
  bool ext_sym;            /* the object's extent is ext_mul * x + ext_add, x in [xmin, xmax] */
  long long ext_mul, ext_add;
  unsigned long long xmin, xmax;
} loop_query;

static Z3_ast num(Z3_context z, long long v) { return Z3_mk_int64(z, v, Z3_mk_int_sort(z)); }

static Z3_ast add3(Z3_context z, Z3_ast a, Z3_ast b, Z3_ast c) {
  Z3_ast t[3] = {a, b, c};
  return Z3_mk_add(z, 3, t);
}

static Z3_ast mul(Z3_context z, long long k, Z3_ast x) {
  Z3_ast t[2] = {num(z, k), x};
  return Z3_mk_mul(z, 2, t);
}

/* The condition holds for control value v against bound b. */
static Z3_ast cond_ast(Z3_context z, as_cond c, Z3_ast v, Z3_ast b) {
  switch (c) {
  case AS_COND_ULT: return Z3_mk_lt(z, v, b);
  case AS_COND_ULE: return Z3_mk_le(z, v, b);
  case AS_COND_UGT: return Z3_mk_gt(z, v, b);
  case AS_COND_UGE: return Z3_mk_ge(z, v, b);
  case AS_COND_EQ: return Z3_mk_eq(z, v, b);
  default: return Z3_mk_not(z, Z3_mk_eq(z, v, b));
  }
}

/* Iteration j runs: for every t in [1, j] the condition held after t. */
static Z3_ast runs_ast(Z3_context z, const loop_query *q, Z3_ast j, Z3_ast c0, Z3_ast b) {
  Z3_ast zero = num(z, 0);
  Z3_ast modulus = Z3_mk_numeral(z, q->loop->bits >= 64 ? "18446744073709551616" : "4294967296",
                                 Z3_mk_int_sort(z));
  if (q->loop->bits < 32) modulus = num(z, 1ll << q->loop->bits);
  /* control after iteration t: c0 + pre + (t - 1) * step */
  Z3_ast first = Z3_mk_add(z, 2, (Z3_ast[]){c0, num(z, q->control_pre)});
  Z3_ast jm1 = Z3_mk_sub(z, 2, (Z3_ast[]){j, num(z, 1)});
  Z3_ast last = add3(z, c0, num(z, q->control_pre), mul(z, q->control_step, jm1));
  Z3_ast body;
  if (q->loop->cond == AS_COND_NE) {
    /* no t in [1, j] with control = bound (+ k * 2^bits for an integer) */
    Z3_ast miss[3];
    unsigned n = 0;
    long long step = q->control_step, mag = step < 0 ? -step : step;
    for (int k = q->modular ? -1 : 0; k <= (q->modular ? 1 : 0); k++) {
      Z3_ast target = k ? Z3_mk_add(z, 2, (Z3_ast[]){b, mul(z, k, modulus)}) : b;
      Z3_ast dist = Z3_mk_sub(z, 2, (Z3_ast[]){target, first}); /* (t - 1) * step */
      if (step < 0) dist = Z3_mk_unary_minus(z, dist);
      Z3_ast hit[3] = {Z3_mk_ge(z, dist, zero), Z3_mk_eq(z, Z3_mk_mod(z, dist, num(z, mag)), zero),
                       Z3_mk_le(z, Z3_mk_div(z, dist, num(z, mag)), jm1)};
      miss[n++] = Z3_mk_not(z, Z3_mk_and(z, 3, hit));
    }
    body = Z3_mk_and(z, n, miss);
  } else if (q->loop->cond == AS_COND_EQ) {
    Z3_ast once[2] = {Z3_mk_le(z, j, num(z, 1)), Z3_mk_eq(z, first, b)};
    body = Z3_mk_and(z, 2, once);
  } else {
    /* a half-line: holding after the first and the j-th, it held between */
    Z3_ast both[6] = {cond_ast(z, q->loop->cond, first, b), cond_ast(z, q->loop->cond, last, b),
                      Z3_mk_ge(z, first, zero), Z3_mk_ge(z, last, zero), Z3_mk_true(z), Z3_mk_true(z)};
    if (q->modular) {
      both[4] = Z3_mk_lt(z, first, modulus);
      both[5] = Z3_mk_lt(z, last, modulus);
    }
    body = Z3_mk_and(z, 6, both);
  }
  Z3_ast either[2] = {Z3_mk_eq(z, j, zero), body};
  return Z3_mk_or(z, 2, either);
}

/* Asks whether some iteration that runs is outside (want_out), or whether
 * some values stop the loop before iteration jfirst (!want_out); the model
 * gives the control's and the bound's values. */
static verdict loop_solve(story *st, const loop_query *q, bool want_out, unsigned long long jfirst,
                          long long model[3]) {
  Z3_solver s = timed_solver(st->ctx);
  Z3_context z = st->ctx->z3;
  Z3_ast x = q->ext_sym ? extent_x(z, s, q->xmin, q->xmax) : NULL;
  Z3_ast c0 = loop_term_ast(z, s, &q->control, "control", q->loop->bits, x);
  Z3_ast b = loop_term_ast(z, s, &q->bound, "bound", q->loop->bits, x);
  if (q->loop->guard >= 0) Z3_solver_assert(z, s, Z3_mk_not(z, Z3_mk_eq(z, c0, num(z, 0))));
  if (want_out) {
    Z3_ast j = Z3_mk_const(z, Z3_mk_string_symbol(z, "iteration"), Z3_mk_int_sort(z));
    Z3_solver_assert(z, s, Z3_mk_ge(z, j, num(z, 0)));
    Z3_solver_assert(z, s, Z3_mk_le(z, j, num(z, (long long)q->jmax)));
    Z3_solver_assert(z, s, runs_ast(z, q, j, c0, b));
    Z3_ast lo = Z3_mk_add(z, 2, (Z3_ast[]){num(z, q->start), mul(z, q->step, j)});
    Z3_ast hi = Z3_mk_add(z, 2, (Z3_ast[]){lo, num(z, q->size)});
    Z3_ast size = x ? affine(z, x, q->ext_mul, q->ext_add) : num(z, q->object_size);
    Z3_ast out[2] = {Z3_mk_lt(z, lo, num(z, 0)), Z3_mk_gt(z, hi, size)};
    Z3_solver_assert(z, s, Z3_mk_or(z, 2, out));
  } else {
    Z3_solver_assert(z, s, Z3_mk_not(z, runs_ast(z, q, num(z, (long long)jfirst), c0, b)));
  }
  return check_solver(st->ctx, s, c0, b, x, model);
}

/* The iterations the loop runs with the model's values (0: more than jmax). */
static unsigned long long trip_count(const loop_query *q, long long c0, long long b) {
  unsigned bits = q->loop->bits;
  unsigned long long mask = bits >= 64 ? ~0ull : (1ull << bits) - 1;
  for (unsigned long long t = 1; t <= q->jmax + 1 && t <= (1ull << 20); t++) {
    long long v = c0 + q->control_pre + (long long)(t - 1) * q->control_step;
    unsigned long long uv = q->modular ? (unsigned long long)v & mask : (unsigned long long)v;
    unsigned long long ub = q->modular ? (unsigned long long)b & mask : (unsigned long long)b;
    bool holds;
    switch (q->loop->cond) {
    case AS_COND_ULT: holds = uv < ub; break;
    case AS_COND_ULE: holds = uv <= ub; break;
    case AS_COND_UGT: holds = uv > ub; break;
    case AS_COND_UGE: holds = uv >= ub; break;
    case AS_COND_EQ: holds = uv == ub; break;
    default: holds = uv != ub; break;
    }
    if (!holds) return t;
  }
  return 0;
}

static const char *cond_text(as_cond c) {
  switch (c) {
  case AS_COND_ULT: return "<";
  case AS_COND_ULE: return "<=";
  case AS_COND_UGT: return ">";
  case AS_COND_UGE: return ">=";
  case AS_COND_EQ: return "==";
  default: return "!=";
  }
}

/* A loop value as the story tells it: `n`, `n`+1, 9, `end` (offset 64). */
static const char *term_text(story *st, const loop_term *t) {
  if (t->operand < 0) return t->name;
  const char *s = t->constant ? as_arena_printf(st->arena, "%s%+lld", t->name, t->constant) : t->name;
  if (t->is_pointer && t->has_sym) /* an end pointer: %1 (offset `n`) */
    return as_arena_printf(st->arena, "%s (offset %s%s%s)", as_operand_label(st->arena, st->b, t->operand),
                           t->sym.mul == 1 ? "" : as_arena_printf(st->arena, "%lld*", t->sym.mul), t->name,
                           t->sym.add + t->pointer_offset
                               ? as_arena_printf(st->arena, "%+lld", t->sym.add + t->pointer_offset)
                               : "");
  if (t->is_pointer) /* the operand as the template names it: %1 (`end`), {e} */
    return as_arena_printf(st->arena, "%s (offset %lld)", as_operand_label(st->arena, st->b, t->operand),
                           t->pointer_offset);
  return s;
}

/* The story of an access through a pointer the loop steps; false when the
 * loop's shape or the pointer is not one it models (one_access says so). */
static bool loop_story(access_story *ac) {
  story *st = ac->st;
  const as_loop *l = &st->loop;
  const as_mem_access *m = ac->m;
  if (!l->found || ac->a->insn < l->head || ac->a->insn > l->latch || !m->base || m->index || m->repeated ||
      m->string_op || m->disp_symbol || !m->size)
    return false;
  as_loop_value init;
  int64_t step, pre;
  if (!as_loop_reg_at(l, st->d, m->base, ac->a->insn, &init, &step, &pre) || !step || !init.known ||
      init.is_const)
    return false;
  for (unsigned k = 0; k < l->num_regs; k++)
    if (l->regs[k] == m->base && l->narrow[k]) return false;
  if (ac->p < 0 || (unsigned)ac->p >= st->d->num_bindings || st->d->bindings[ac->p].reg != init.reg) return false;
  loop_query q;
  memset(&q, 0, sizeof q);
  q.loop = l;
  as_loop_value cinit;
  int64_t cstep, cpre;
  if (!as_loop_reg_at(l, st->d, l->control, l->latch, &cinit, &cstep, &cpre)) return false;
  if (!loop_term_of(ac, &cinit, &q.control) || !loop_term_of(ac, &l->bound, &q.bound)) return false;
  if (q.control.is_pointer != q.bound.is_pointer) return false;
  q.modular = !q.control.is_pointer;
  q.control_step = cstep;
  q.control_pre = l->control_pre;
  if (!q.modular && l->bits != st->d->pointer_bits) return false;
  if (q.modular && q.control.range.known && q.control.range.bits < l->bits) return false;
  const char *where = as_arena_printf(st->arena, "line %u", st->d->insns[l->compare >= 0 ? l->compare : l->latch].line);
  as_strbuf_printf(&ac->line, "; in a loop (lines %u-%u) that steps the pointer by %lld and runs while %s, "
                   "stepped by %lld, stays %s %s (%s)%s",
                   st->d->insns[l->head].line, st->d->insns[l->latch].line, (long long)step,
                   term_text(st, &q.control), (long long)cstep, cond_text(l->cond), term_text(st, &q.bound), where,
                   l->guard >= 0 ? as_arena_printf(st->arena, ", entered only when it is not zero (line %u)",
                                                   st->d->insns[l->guard].line)
                                 : "");
  if (m->align > 1) as_strbuf_puts(&ac->line, "; alignment not checked");
  if (!ac->ext.known) {
    as_strbuf_puts(&ac->line, "; extent unknown: the story assumes the caller passed a large enough object");
    return true;
  }
  tell_extent(ac);
  if (!ac->f.offset_known) return true;
  q.start = ac->f.offset + (long long)init.value + (long long)pre + m->disp;
  q.step = step;
  q.size = m->size;
  q.object_size = (long long)ac->ext.size;
  const struct extent *e = &ac->ext;
  bool untied = false;
  if (e->symbolic) {
    q.ext_sym = true;
    q.ext_mul = e->sym.mul;
    q.ext_add = e->sym.add;
    q.xmin = e->xmin;
    q.xmax = e->xmax;
    loop_term *terms[2] = {&q.control, &q.bound};
    for (int k = 0; k < 2; k++) {
      loop_term *t = terms[k];
      t->tied = t->has_sym && t->sym.id == e->sym.id;
      bool varies = t->is_pointer ? t->has_sym : t->operand >= 0 && !(t->range.known && t->range.min == t->range.max);
      if (varies && !t->tied) untied = true;
    }
    /* the iterations looked at: up to the largest extent (at most 2^40) */
    double most = (double)e->sym.add + (double)e->sym.mul * (double)e->xmax;
    q.object_size = most > (double)(1ll << 40) ? 1ll << 40 : (long long)most;
  }
  long long mag = step < 0 ? -step : step, cmag = cstep < 0 ? -cstep : cstep;
  long long reach = q.object_size + (q.start < 0 ? -q.start : q.start) + q.size;
  q.jmax = (unsigned long long)(reach / mag + 2);
  if (q.modular && l->bits < 64 && (double)q.jmax * (double)cmag >= (double)(1ull << (l->bits - 1))) return false;
  /* The first iteration outside (a symbolic extent: not one for all x). */
  unsigned long long jfirst = 0;
  while (!e->symbolic && jfirst <= q.jmax && q.start + (long long)jfirst * step >= 0 &&
         q.start + (long long)jfirst * step + q.size <= q.object_size)
    jfirst++;
  long long model[3];
  verdict out = loop_solve(st, &q, true, 0, model);
  if (out == V_TIMEOUT) {
    ac->justified = false;
    as_strbuf_puts(&ac->line, "; the bounds query timed out");
    finding(st, R_BOUNDS, AS_SEV_NOTE, ac->in,
            as_arena_printf(st->arena, "the bounds of %s in a loop through %s could not be decided: the Z3 "
                            "query timed out after %u ms; the access is not verified",
                            ac->itext, ac->plabel, st->ctx->timeout_ms));
    return true;
  }
  if (out == V_SAT && untied) {
    as_strbuf_puts(&ac->line, "; the loop's count is not tied to the extent: the story assumes the caller "
                              "keeps it within");
    return true;
  }
  if (out == V_UNSAT && e->symbolic) {
    as_strbuf_printf(&ac->line, "; in bounds for every %s in [%llu, %llu]", every_name(e->name), e->xmin, e->xmax);
    return true;
  }
  if (out == V_UNSAT) {
    const loop_term *named = q.control.operand >= 0 && !q.control.is_pointer ? &q.control
                             : q.bound.operand >= 0 && !q.bound.is_pointer   ? &q.bound
                                                                             : NULL;
    const loop_term *end = q.bound.is_pointer && q.bound.has_sym     ? &q.bound
                           : q.control.is_pointer && q.control.has_sym ? &q.control
                                                                       : NULL;
    if (!named && end)
      as_strbuf_printf(&ac->line, "; in bounds for every %s in [%llu, %llu]", every_name(end->name), end->ymin, end->ymax);
    else if (named && named->range.known)
      as_strbuf_printf(&ac->line, "; in bounds for every %s in [%llu, %llu]", every_name(named->name), named->range.min,
                       named->range.max);
    else
      as_strbuf_puts(&ac->line, named ? as_arena_printf(st->arena, "; in bounds for every %s", every_name(named->name))
                                      : "; in bounds on every iteration");
    return true;
  }
  long long inside[3];
  verdict in_ok = e->symbolic ? V_SAT : jfirst == 0 ? V_UNSAT : loop_solve(st, &q, false, jfirst, inside);
  unsigned long long trips = trip_count(&q, model[0], model[1]);
  unsigned long long shown = trips ? trips : q.jmax + 1;
  long long last = q.start + (long long)(shown - 1) * step;
  long long lo = q.start < last ? q.start : last, hi = (q.start > last ? q.start : last) + q.size;
  const char *when = "";
  if (q.control.operand >= 0 && !q.control.is_pointer) {
    /* a value from a signed range that includes negatives is shown negative */
    bounds_query shown_as;
    memset(&shown_as, 0, sizeof shown_as);
    if (q.control.range.known && !q.control.constant) count_range(&shown_as, &q.control.range);
    when = as_arena_printf(st->arena, "when %s = %lld, ", q.control.name, count_shown(&shown_as, model[0]));
  }
  if (q.bound.operand >= 0 && !q.bound.is_pointer)
    when = as_arena_printf(st->arena, "%swhen %s = %lld, ", when, q.bound.name, model[1]);
  const loop_term *ends[2] = {&q.control, &q.bound};
  for (int k = 0; k < 2; k++) /* an end pointer over a value of its own: that value */
    if (ends[k]->is_pointer && ends[k]->has_sym && !ends[k]->tied && ends[k]->sym.mul)
      when = as_arena_printf(st->arena, "%swhen %s = %lld, ", when, ends[k]->name,
                             (model[k] - ends[k]->pointer_offset - ends[k]->sym.add) / ends[k]->sym.mul);
  if (e->symbolic) when = as_arena_printf(st->arena, "%swhen %s = %lld, ", when, e->name, model[2]);
  const char *trips_text = trips ? as_arena_printf(st->arena, "%llu iteration%s", trips, trips == 1 ? "" : "s")
                                 : as_arena_printf(st->arena, "more than %llu iterations (its count "
                                                   "does not end first)", q.jmax);
  const as_pointer_facts *f = &ac->f;
  const char *name = f->object && !(f->kind == AS_OBJ_HEAP && !strncmp(f->object, "call", 4)) ? f->object : NULL;
  ac->justified = false;
  as_strbuf_printf(&ac->line, "; out of bounds %sin %s: [%lld..%lld)", when, trips_text, lo, hi);
  const char *size = extent_words(ac, model[2]);
  const char *past = lo < 0 ? "before the start of" : "past the end of";
  finding(st, R_BOUNDS, in_ok == V_UNSAT ? AS_SEV_ERROR : AS_SEV_WARNING, ac->in,
          name ? as_arena_printf(st->arena, "%s%s in a loop of %s %s `%s[%lld..%lld)`, %s `%s` (%s, %s)",
                                 when, ac->itext, trips_text, ac->verb, name, lo, hi, past, name, kind_word(f),
                                 size)
               : as_arena_printf(st->arena, "%s%s in a loop of %s %s bytes [%lld..%lld) of the %s that %s "
                                 "points to, %s it (%s)", when, ac->itext, trips_text, ac->verb, lo, hi,
                                 kind_word(f), ac->plabel, past, size));
  return true;
}

/* ---- initialization ----------------------------------------------------- */

/* Bytes [lo, hi) of the object that the block itself writes before access
 * `ac` reads them (an "=m" output stored first), marked in own; all of
 * them when a write of the block may reach the object at an offset not
 * known.  A write "before" is one at an earlier instruction, or any write
 * when either is in a loop of the block. */
static void own_writes(access_story *ac, unsigned char *own, unsigned long long n) {
  story *st = ac->st;
  for (unsigned j = 0; j < st->s->num_accesses; j++) {
    const as_access *w = &st->s->accesses[j];
    if (!w->store || w == ac->a) continue;
    if (!(w->insn < ac->a->insn || w->in_loop || ac->a->in_loop)) continue;
    if (w->stack && (w->implicit_stack || !(w->stack_offset_known && w->stack_offset >= 0))) continue;
    int p = w->operand >= 0 ? w->operand : w->pointer_operand;
    as_pointer_facts wf;
    as_int_facts wr;
    bool exact = false;
    long long lo = 0, hi = 0;
    if (p >= 0 && facts_in(st->b, st->copy, p, &wf, &wr) && wf.known) {
      if (wf.object_id && ac->f.object_id && wf.object_id != ac->f.object_id) continue;
      const as_mem_access *m = &st->d->insns[w->insn].mem[w->mem_index];
      if (wf.object_id == ac->f.object_id && wf.offset_known && !w->has_index && !m->repeated &&
          !w->varies && m->size && !m->size_at_least) {
        exact = true;
        lo = wf.offset + w->base.offset;
        hi = lo + (long long)m->size;
      }
    }
    if (!exact) {
      lo = 0;
      hi = (long long)n;
    }
    for (long long b = lo < 0 ? 0 : lo; b < hi && b < (long long)n; b++) own[b] = 1;
  }
}

/* The object in words for an uninitialized read: "`buf[8..16)`" or "bytes
 * [8..16) of the heap allocation that %0 points to". */
static const char *uninit_range_text(access_story *ac, unsigned long long lo, unsigned long long hi) {
  story *st = ac->st;
  const as_pointer_facts *f = &ac->f;
  bool named = f->object && !(f->kind == AS_OBJ_HEAP && !strncmp(f->object, "call", 4));
  if (named) return as_arena_printf(st->arena, "`%s[%llu..%llu)`", f->object, lo, hi);
  return as_arena_printf(st->arena, "bytes [%llu..%llu) of the %s that %s points to", lo, hi,
                         kind_word(f), ac->plabel);
}

/* Initialization: are the bytes the access reads written before the asm
 * on every path (LLVM's MemorySSA in the facts), or by the block itself
 * first?  Never written: error; written on some paths only: warning;
 * unknown: silent, and the story says so. */
static void check_init(access_story *ac) {
  story *st = ac->st;
  const as_pointer_facts *f = &ac->f;
  if (!ac->a->load || (f->kind != AS_OBJ_LOCAL && f->kind != AS_OBJ_HEAP)) return;
  if (!f->init || !f->size_known || !f->object_size) {
    ac->justified = false;
    as_strbuf_puts(&ac->line, "; initialization not known");
    return;
  }
  unsigned long long n = f->object_size;
  unsigned char *own = as_arena_alloc(st->arena, n);
  memset(own, 0, n);
  own_writes(ac, own, n);
  /* The bytes read: the access's range when its offset is known, else any
   * byte of the object. */
  long long lo = 0, hi = (long long)n;
  bool exact = !ac->derived && f->offset_known && !ac->a->has_index && !ac->m->repeated &&
               !(ac->a->in_loop && ac->m->string_op) && ac->m->size;
  if (exact) {
    lo = f->offset + ac->disp;
    hi = lo + (long long)ac->m->size;
    if (lo < 0) lo = 0;
    if (hi > (long long)n) hi = (long long)n;
    if (lo >= hi) return; /* outside the object: memory-out-of-bounds */
  }
  /* The first run of bytes never written, and of bytes written on some
   * paths only; with an unknown offset, only an object never written at
   * all is certain. */
  long long never_lo = -1, never_hi = -1, some_lo = -1, some_hi = -1;
  bool all_never = true;
  for (long long b = lo; b < hi; b++) {
    unsigned char v = f->init[b];
    bool unknown = (v & AS_INIT_UNKNOWN) || own[b];
    bool never = !unknown && !(v & AS_INIT_SOME);
    bool some = !unknown && (v & AS_INIT_SOME) && !(v & AS_INIT_EVERY);
    if (!never) all_never = false;
    if (never && (never_lo < 0 || (never_hi == b))) {
      if (never_lo < 0) never_lo = b;
      never_hi = b + 1;
    }
    if (some && (some_lo < 0 || (some_hi == b))) {
      if (some_lo < 0) some_lo = b;
      some_hi = b + 1;
    }
  }
  if (!exact) {
    if (!all_never) {
      ac->justified = false;
      as_strbuf_puts(&ac->line, "; the bytes read are not known: initialization not checked");
      return;
    }
    never_lo = 0;
    never_hi = (long long)n;
    some_lo = -1;
  }
  const char *what = f->kind == AS_OBJ_HEAP ? "fresh heap memory" : "a local";
  bool never = never_lo >= 0;
  if (never || some_lo >= 0) {
    long long rlo = never ? never_lo : some_lo, rhi = never ? never_hi : some_hi;
    ac->justified = false;
    as_strbuf_printf(&ac->line, "; reads [%lld..%lld), %s", rlo, rhi,
                     never ? "never written" : "written only on some paths");
    finding(st, R_UNINIT, never ? AS_SEV_ERROR : AS_SEV_WARNING, ac->in,
            as_arena_printf(st->arena, "%s reads %s, %s (%s, %llu bytes): %s, and the compiler may "
                            "assume any value there%s",
                            ac->itext, uninit_range_text(ac, (unsigned long long)rlo, (unsigned long long)rhi),
                            never ? "never written before the asm" : "written only on some paths to the asm",
                            what, n,
                            never ? "the bytes are uninitialized on every path"
                                  : "on the others the bytes are uninitialized",
                            never ? " (LLVM may make the read undef)" : ""));
  } else {
    bool any_unknown = false;
    for (long long b = lo; b < hi; b++)
      if ((f->init[b] & AS_INIT_UNKNOWN) && !(f->init[b] & AS_INIT_EVERY) && !own[b]) any_unknown = true;
    if (any_unknown) {
      ac->justified = false;
      as_strbuf_puts(&ac->line, "; initialization of the bytes read not known");
    }
  }
}

/* The story of one access: the operand whose pointer it derives from, that
 * pointer's facts, then permission, alignment and bounds; findings for
 * what no story can justify, and one explain line. */
static void one_access(story *st, const as_access *a) {
  access_story ac;
  memset(&ac, 0, sizeof ac);
  ac.st = st;
  ac.a = a;
  ac.in = &st->d->insns[a->insn];
  ac.m = &ac.in->mem[a->mem_index];
  const as_block *b = st->b;
  ac.verb = a->load && a->store ? "reads and writes" : a->store ? "writes" : "reads";
  ac.itext = as_arena_printf(st->arena, "`%s`", as_insn_display(st->arena, b, ac.in));
  as_strbuf_init(&ac.line, st->arena);
  as_strbuf_printf(&ac.line, "  %s %s %s%u byte%s", ac.itext, ac.verb, ac.m->size_at_least ? "at least " : "",
                   ac.m->size, ac.m->size == 1 ? "" : "s");
  if (ac.m->repeated) as_strbuf_puts(&ac.line, " per iteration");

  /* Which pointer handed to the block does the address derive from? */
  ac.p = a->operand >= 0 ? a->operand : a->pointer_operand >= 0 ? a->pointer_operand : a->sym_operand;
  if (ac.p < 0 && a->derived_operand >= 0) {
    ac.p = a->derived_operand; /* the pointer moves (a loop): its object, not its offset */
    ac.derived = true;
  }
  if (ac.p < 0) {
    access_without_operand(&ac);
    if (st->explain) as_strbuf_puts(st->explain, ac.line.data);
    return;
  }
  ac.plabel = as_operand_label(st->arena, b, ac.p);
  ac.disp = a->base.offset;
  as_strbuf_printf(&ac.line, " at %s%+lld", ac.plabel, ac.disp);
  as_int_facts r;
  if (!facts_in(b, st->copy, ac.p, &ac.f, &r) || !ac.f.known) {
    as_strbuf_puts(&ac.line, ": no provenance facts (no IR for this block, or LLVM cannot tell)\n");
    if (st->explain) as_strbuf_puts(st->explain, ac.line.data);
    return;
  }
  as_strbuf_printf(&ac.line, ": %s", as_facts_describe(st->arena, &ac.f));
  ac.obj = object_text(st, &ac.f, "its object");
  extent_of(&ac);

  /* No provenance: an integer or null made into a pointer. */
  if (ac.f.kind == AS_OBJ_INTEGER || ac.f.kind == AS_OBJ_NULL) {
    as_strbuf_puts(&ac.line, ": no story (the pointer has no provenance)\n");
    finding(st, R_PROVENANCE, AS_SEV_WARNING, ac.in,
            as_arena_printf(st->arena, "%s %s memory through %s, which is made from %s and has no "
                            "provenance; no object grants this access",
                            ac.itext, ac.verb, ac.plabel,
                            ac.f.kind == AS_OBJ_NULL ? "a null pointer" : "an integer"));
    if (st->explain) as_strbuf_puts(st->explain, ac.line.data);
    return;
  }
  ac.justified = true;
  check_permission(&ac);
  if (ac.derived && !loop_story(&ac)) {
    ac.justified = false;
    as_strbuf_puts(&ac.line, "; the pointer moves in the block (a loop): bounds and alignment not checked");
    if (st->loop.why_not) as_strbuf_printf(&ac.line, " (%s)", st->loop.why_not);
  }
  check_alignment(&ac);
  check_bounds(&ac);
  check_init(&ac);
  as_strbuf_printf(&ac.line, "%s\n", ac.justified ? ": justified" : "");
  if (st->explain) as_strbuf_puts(st->explain, ac.line.data);
}

void as_story_check(as_story_ctx *ctx, as_arena *arena, const as_target *target,
                    const as_block *block, const as_decoded *decoded,
                    const as_summary *summary, const char *checks,
                    as_finding_list *findings, as_strbuf *explain) {
  if (!ctx) return;
  story st;
  memset(&st, 0, sizeof st);
  st.ctx = ctx;
  st.arena = arena;
  st.t = target;
  st.b = block;
  st.d = decoded;
  st.s = summary;
  st.checks = checks;
  st.out = findings;
  st.explain = explain;
  as_loop_find(target, decoded, &st.loop);
  /* Each IR copy of a C statement (one per inlined call site) has facts of
   * its own: every copy needs a story. */
  unsigned copies = block->num_ir_twins ? block->num_ir_twins : 1;
  if (explain && copies > 1) {
    as_strbuf_printf(explain, "  %u copies of this statement (inlined into", copies);
    for (unsigned c = 0, n = 0; c < copies; c++)
      if (!block->ir_twins[c]->caller_context)
        as_strbuf_printf(explain, "%s `%s`", n++ ? "," : "", as_block_function_shown(block->ir_twins[c]));
    for (unsigned c = 0, n = 0; c < copies; c++)
      if (block->ir_twins[c]->caller_context)
        as_strbuf_printf(explain, "%s `%s`", n++ ? "," : "; and as called from",
                         as_block_function_shown(block->ir_twins[c]));
    as_strbuf_puts(explain, "); each is checked, the stories below are the first one's\n");
  }
  st.num_copies = copies;
  for (unsigned c = 0; c < copies; c++) {
    st.copy = block->num_ir_twins ? block->ir_twins[c] : block->ir_twin;
    st.copy_index = c;
    as_strbuf *saved = st.explain;
    if (c > 0) st.explain = NULL; /* --explain tells the first copy's story */
    for (unsigned i = 0; i < summary->num_accesses; i++) {
      const as_access *a = &summary->accesses[i];
      if (a->stack && (a->implicit_stack || !(a->stack_offset_known && a->stack_offset >= 0))) continue;
      one_access(&st, a);
    }
    st.explain = saved;
  }
  if (copies > 1) tell_copies(&st, block->ir_twins);
}
