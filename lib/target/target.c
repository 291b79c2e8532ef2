/* Target objects (one per triple, cached) and the x86 register model. */
#include "target_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AS_MAX_TARGETS 8

struct as_target_cache {
  as_target *targets[AS_MAX_TARGETS];
  unsigned count;
};

void as_target_global_init(void) { as_mc_global_init(); }

void as_target_isolate_with(const char *program) { as_mc_server_use_program(program); }

unsigned as_target_failed_answers(void) { return as_mc_failed_answers(); }

int as_target_server_main(const char *triple) {
  as_mc_global_init();
  return as_mc_server_main(triple);
}

as_target_cache *as_target_cache_create(void) {
  return calloc(1, sizeof(as_target_cache));
}

void as_target_cache_destroy(as_target_cache *cache) {
  if (!cache) return;
  for (unsigned i = 0; i < cache->count; i++) {
    as_mc_server_destroy(cache->targets[i]->server);
    as_mc_destroy(cache->targets[i]->mc);
    free(cache->targets[i]->triple);
    free(cache->targets[i]->features);
    free(cache->targets[i]);
  }
  free(cache);
}

void as_target_cache_idle(as_target_cache *cache) {
  as_mc_server_idle(NULL); /* one forked early, if it was never used */
  if (!cache) return;
  for (unsigned i = 0; i < cache->count; i++) as_mc_server_idle(cache->targets[i]->server);
}

/* The architectures asmstory describes. */
static const as_arch *const arches[] = {&as_arch_x86, &as_arch_aarch64, &as_arch_arm, &as_arch_riscv};

static const as_arch *arch_for(const char *triple) {
  for (unsigned i = 0; i < sizeof arches / sizeof arches[0]; i++)
    if (arches[i]->matches_triple(triple)) return arches[i];
  return NULL;
}

/* "x86-64 and i386, AArch64": every architecture's own phrase, in order. */
const char *as_target_supported(void) {
  static char buf[256];
  if (!buf[0]) {
    size_t n = 0;
    for (unsigned i = 0; i < sizeof arches / sizeof arches[0] && n < sizeof buf; i++)
      n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? ", " : "", arches[i]->supported);
  }
  return buf;
}

#define AS_DEFAULT_TRIPLE "x86_64-unknown-linux-gnu"

const as_constraint_dialect *as_target_constraint_dialect(const char *triple) {
  const as_arch *arch = arch_for(triple && *triple ? triple : AS_DEFAULT_TRIPLE);
  return arch ? arch->constraints : NULL;
}

/* What MC is made for: the triple, then the build's features after a comma
 * (no triple has one): "aarch64-linux-gnu,+v8.2a,+sve".  The servers are
 * started with it (mc_isolate.c), and as_mc_create splits it. */
static char *mc_spec(const char *triple, const char *features) {
  size_t n = strlen(triple) + (features ? strlen(features) + 1 : 0) + 1;
  char *spec = malloc(n);
  if (spec) snprintf(spec, n, "%s%s%s", triple, features ? "," : "", features ? features : "");
  return spec;
}

static bool wants_features(const char *triple) {
  const as_arch *arch = arch_for(triple && *triple ? triple : AS_DEFAULT_TRIPLE);
  return arch && arch->mc_features;
}

const char *as_target_features_from_list(as_arena *arena, const char *triple,
                                         const char *const *features, unsigned n) {
  if (!wants_features(triple)) return NULL;
  as_strbuf b;
  as_strbuf_init(&b, arena);
  for (unsigned i = 0; i < n; i++)
    if (features[i] && features[i][0] == '+' && !strchr(features[i], ','))
      as_strbuf_printf(&b, "%s%s", b.length ? "," : "", features[i]);
  return b.length ? b.data : NULL;
}

const char *as_target_features_from_arg(as_arena *arena, const char *triple, const char *arg) {
  if (!arg || strncmp(arg, "-march=", 7) || !wants_features(triple)) return NULL;
  char *list = as_mc_features_from_march(triple, arg + 7);
  if (!list) return NULL;
  const char *names[256];
  unsigned n = 0;
  for (char *f = strtok(list, ","); f && n < 256; f = strtok(NULL, ",")) names[n++] = f;
  const char *out = as_target_features_from_list(arena, triple, names, n);
  free(list);
  return out;
}

void as_target_prefork(const char *triple, const char *features) {
  if (!triple || !*triple) triple = AS_DEFAULT_TRIPLE;
  if (!arch_for(triple)) return;
  char *spec = mc_spec(triple, features && *features ? features : NULL);
  if (spec) as_mc_server_prefork(spec);
  free(spec);
}

as_target *as_target_get(as_target_cache *cache, const char *triple, char *err,
                         size_t errlen) {
  return as_target_get_with(cache, triple, NULL, err, errlen);
}

as_target *as_target_get_with(as_target_cache *cache, const char *triple, const char *features,
                              char *err, size_t errlen) {
  if (!triple || !*triple) triple = AS_DEFAULT_TRIPLE;
  if (features && !*features) features = NULL;
  for (unsigned i = 0; i < cache->count; i++) {
    const as_target *c = cache->targets[i];
    if (!strcmp(c->triple, triple) &&
        (c->features ? features && !strcmp(c->features, features) : !features))
      return cache->targets[i];
  }
  const as_arch *arch = arch_for(triple);
  if (!arch) {
    snprintf(err, errlen, "target '%s' is not supported yet (%s are)", triple, as_target_supported());
    return NULL;
  }
  if (cache->count == AS_MAX_TARGETS) {
    snprintf(err, errlen, "too many distinct targets in one run");
    return NULL;
  }
  char *spec = mc_spec(triple, arch->mc_features ? features : NULL);
  as_mc *mc = spec ? as_mc_create(spec, err, errlen) : NULL;
  if (!mc) {
    free(spec);
    return NULL;
  }
  as_target *t = calloc(1, sizeof *t);
  t->triple = strdup(triple);
  t->features = features ? strdup(features) : NULL;
  t->arch = arch;
  t->mc = mc;
  t->server = as_mc_server_create(mc, spec);
  free(spec);
  if (!t->server) {
    as_mc_destroy(mc);
    free(t->triple);
    free(t->features);
    free(t);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  t->is64 = as_mc_is_64bit(mc);
  if (arch->init_target) {
    arch->init_target(t);
  } else {
    t->sp = as_mc_reg_lookup(mc, t->is64 ? "rsp" : "esp");
    t->ip = as_mc_reg_lookup(mc, t->is64 ? "rip" : "eip");
    t->flags = as_mc_reg_lookup(mc, "eflags");
    t->df = as_mc_reg_lookup(mc, "df");
  }
  cache->targets[cache->count++] = t;
  return t;
}

const char *as_target_reg_name(const as_target *t, unsigned reg) {
  return as_mc_reg_name(t->mc, reg);
}
unsigned as_target_reg_lookup(const as_target *t, const char *name) {
  return as_mc_reg_lookup(t->mc, name);
}
unsigned as_target_reg_full(const as_target *t, unsigned reg) {
  if (t->arch->reg_full) return reg ? t->arch->reg_full(t, reg) : 0;
  unsigned top = as_mc_reg_top(t->mc, reg);
  /* In 32-bit mode the architectural GPRs are the 32-bit ones. */
  if (!t->is64 && top && as_mc_reg_bits(t->mc, top) == 64 && as_x86_is_gpr(t, top)) {
    unsigned r32 = as_x86_sub_reg(t, top, 32, false);
    if (r32) return r32;
  }
  return top;
}
unsigned as_target_reg_bits(const as_target *t, unsigned reg) {
  if (t->arch->reg_bits) return t->arch->reg_bits(t, reg);
  return as_mc_reg_bits(t->mc, reg);
}

uint32_t as_target_use_lanes(const as_target *t, const as_reg_use *u) {
  unsigned full_bits = as_target_reg_bits(t, u->reg);
  if (u->bits >= full_bits || !u->bits || u->bits % 32 || u->shift % 32 || u->shift + u->bits > full_bits ||
      full_bits > 1024)
    return 0;
  return (uint32_t)(((1ull << (u->bits / 32)) - 1) << (u->shift / 32));
}

/* The 16 GPR families and their names at each width (the register model MC
 * has no query for). */
static const struct {
  const char *r64, *r32, *r16, *r8, *r8h;
} gpr_names[] = {
    {"rax", "eax", "ax", "al", "ah"},   {"rbx", "ebx", "bx", "bl", "bh"},
    {"rcx", "ecx", "cx", "cl", "ch"},   {"rdx", "edx", "dx", "dl", "dh"},
    {"rsi", "esi", "si", "sil", NULL},  {"rdi", "edi", "di", "dil", NULL},
    {"rbp", "ebp", "bp", "bpl", NULL},  {"rsp", "esp", "sp", "spl", NULL},
    {"r8", "r8d", "r8w", "r8b", NULL},  {"r9", "r9d", "r9w", "r9b", NULL},
    {"r10", "r10d", "r10w", "r10b", NULL}, {"r11", "r11d", "r11w", "r11b", NULL},
    {"r12", "r12d", "r12w", "r12b", NULL}, {"r13", "r13d", "r13w", "r13b", NULL},
    {"r14", "r14d", "r14w", "r14b", NULL}, {"r15", "r15d", "r15w", "r15b", NULL},
};

static int gpr_index(const as_target *t, unsigned reg) {
  const char *name = as_mc_reg_name(t->mc, as_mc_reg_top(t->mc, reg));
  for (unsigned i = 0; i < sizeof gpr_names / sizeof gpr_names[0]; i++)
    if (!strcmp(name, gpr_names[i].r64) || !strcmp(name, gpr_names[i].r32)) return (int)i;
  return -1;
}

bool as_x86_is_gpr(const as_target *t, unsigned reg) { return gpr_index(t, reg) >= 0; }

bool as_x86_is_high_byte(const as_target *t, unsigned reg) {
  const char *n = as_mc_reg_name(t->mc, reg);
  return !strcmp(n, "ah") || !strcmp(n, "bh") || !strcmp(n, "ch") || !strcmp(n, "dh");
}

const char *as_x86_gpr_name(const as_target *t, unsigned family, unsigned bits, bool high) {
  int i = gpr_index(t, family);
  if (i < 0) return NULL;
  switch (bits) {
  case 64: return t->is64 ? gpr_names[i].r64 : NULL;
  case 32: return gpr_names[i].r32;
  case 16: return gpr_names[i].r16;
  case 8: return high ? gpr_names[i].r8h : gpr_names[i].r8;
  }
  return NULL;
}

unsigned as_x86_sub_reg(const as_target *t, unsigned family, unsigned bits, bool high) {
  const char *n = as_x86_gpr_name(t, family, bits, high);
  if (n) return as_mc_reg_lookup(t->mc, n);
  /* Vector families: zmmN -> ymmN -> xmmN. */
  const char *fn = as_mc_reg_name(t->mc, as_mc_reg_top(t->mc, family));
  unsigned num;
  if (sscanf(fn, "zmm%u", &num) == 1 || sscanf(fn, "ymm%u", &num) == 1 ||
      sscanf(fn, "xmm%u", &num) == 1) {
    char buf[16];
    const char *p = bits >= 512 ? "zmm" : bits >= 256 ? "ymm" : "xmm";
    snprintf(buf, sizeof buf, "%s%u", p, num);
    return as_mc_reg_lookup(t->mc, buf);
  }
  return family;
}

/* ---- the architecture's answers (arch.h) --------------------------------- */

unsigned as_target_clobber_reg(const as_target *t, const char *name) {
  return t->arch->clobber_reg(t, name);
}
uint32_t as_target_clobber_lanes(const as_target *t, const char *name) {
  return t->arch->clobber_lanes ? t->arch->clobber_lanes(t, name) : 0;
}
const char *as_target_reg_spelling(const as_target *t, unsigned reg, unsigned widest_sub) {
  return t->arch->reg_spelling(t, reg, widest_sub);
}
bool as_target_reg_holds_data(const as_target *t, unsigned reg) {
  return t->arch->reg_holds_data(t, reg);
}
bool as_target_reg_is_system(const as_target *t, unsigned reg) {
  return t->arch->reg_is_system(t, reg);
}
bool as_target_reg_allocatable(const as_target *t, const as_block *b, unsigned reg) {
  return t->arch->reg_allocatable(t, b, reg);
}
unsigned as_target_reg_value_bits(const as_target *t, const as_block *b, unsigned reg) {
  return t->arch->reg_value_bits(t, b, reg);
}
unsigned as_target_reg_stack(const as_target *t, unsigned regs[8]) {
  return t->arch->reg_stack ? t->arch->reg_stack(t, regs) : 0;
}
const char *as_target_reg_stack_name(const as_target *t) {
  return t->arch->reg_stack_name ? t->arch->reg_stack_name : "the register stack";
}
const char *as_target_reg_stack_clobber(const as_target *t, unsigned pos) {
  return t->arch->reg_stack_clobbers && pos < 8 ? t->arch->reg_stack_clobbers[pos] : "?";
}
const char *as_target_reg_stack_values(const as_target *t) {
  return t->arch->reg_stack_values ? t->arch->reg_stack_values : "values";
}
const char *as_target_reg_stack_push_fix(const as_target *t) {
  return t->arch->reg_stack_push_fix ? t->arch->reg_stack_push_fix : "pop what the block pushes";
}
const char *as_target_reg_stack_pop_fix(const as_target *t) {
  return t->arch->reg_stack_pop_fix ? t->arch->reg_stack_pop_fix : "declare what the block pops";
}
unsigned as_target_flags_from_arg(const char *triple, const char *arg) {
  const as_arch *arch = arch_for(triple && *triple ? triple : AS_DEFAULT_TRIPLE);
  return arch && arg ? arch->flags_from_arg(arg) : 0;
}
unsigned as_target_flags_from_feature(const char *triple, const char *feature) {
  const as_arch *arch = arch_for(triple && *triple ? triple : AS_DEFAULT_TRIPLE);
  return arch && feature ? arch->flags_from_feature(feature) : 0;
}
bool as_target_write_defines_whole(const as_target *t, unsigned sub) {
  return t->arch->write_defines_whole(t, sub);
}
int as_target_operand_file(const as_target *t, const as_constraint *c) {
  return t->arch->operand_file(c);
}
bool as_target_class_narrows(const as_target *t, const as_constraint *c) {
  return t->arch->class_narrows(c);
}
const char *as_target_triple(const as_target *t) { return t->triple; }
bool as_target_gnu_asm_clobbers_flags(const as_target *t) { return t->arch->gnu_asm_clobbers_flags; }
const char *as_target_flags_clobber(const as_target *t) { return t->arch->flags_clobber; }
unsigned as_target_red_zone(const as_target *t, const as_block *b) { return t->arch->red_zone(t, b); }
const char *as_target_red_zone_name(const as_target *t) { return t->arch->red_zone_name; }
const char *as_target_red_zone_advice(const as_target *t) { return t->arch->red_zone_advice; }
const char *as_target_control_flag_fix(const as_target *t) { return t->arch->control_flag_fix; }
const char *as_target_private_label_prefix(const as_target *t) { return t->arch->private_label_prefix; }
bool as_target_read_live(const as_target *t, const as_insn *insn, const as_reg_use *use, bool known,
                         long long value) {
  return t->arch->read_live(t, insn, use, known, value);
}
bool as_target_syscall_never_returns(const as_target *t, const as_insn *insn, long long nr) {
  return t->arch->syscall_never_returns(t, insn, nr);
}

/* ---- decoding: bind, assemble (MC, in its server), describe --------------- */

int as_decode_block(as_target *t, as_arena *arena, const as_block *block, as_decoded *out,
                    char *err, size_t errlen) {
  return as_decode_block_placed(t, arena, block, NULL, out, err, errlen);
}

int as_decode_block_placed(as_target *t, as_arena *arena, const as_block *block,
                           const as_placement *place, as_decoded *out, char *err, size_t errlen) {
  memset(out, 0, sizeof *out);
  out->stack_pointer = t->sp;
  out->flags_reg = t->flags;
  out->pointer_bits = t->is64 ? 64 : 32;
  as_mc_line *lines = NULL;
  unsigned num_lines = 0;
  if (t->arch->bind(t, arena, block, place, out, &lines, &num_lines, err, errlen) != 0) return -1;
  if (out->unsupported) return 0;
  as_mc_result mc;
  if (as_mc_assemble(t->server, arena, lines, num_lines, block->dialect == AS_DIALECT_INTEL, &mc) != 0) {
    snprintf(err, errlen, "%s", mc.num_errors ? mc.errors[0].message : "assembler failed");
    return -1;
  }
  t->arch->describe(t, arena, &mc, out);
  /* The placements that can change the verdict: registers of an operand's
   * class that the template names, and memory forms. */
  if (!place && t->arch->alternatives)
    out->num_alternatives = t->arch->alternatives(t, arena, block, out, &out->alternatives);
  out->num_errors = mc.num_errors;
  out->errors = as_arena_alloc(arena, sizeof(as_template_error) * (mc.num_errors + 1));
  for (unsigned i = 0; i < mc.num_errors; i++) {
    out->errors[i].line = mc.errors[i].line;
    out->errors[i].column = mc.errors[i].column;
    out->errors[i].message = mc.errors[i].message;
  }
  if (mc.num_data) {
    unsigned n = out->num_unmodeled + mc.num_data;
    const char **u = as_arena_alloc(arena, sizeof(char *) * (n + 1));
    unsigned *ul = as_arena_alloc(arena, sizeof(unsigned) * (n + 1));
    for (unsigned i = 0; i < out->num_unmodeled; i++) {
      u[i] = out->unmodeled[i];
      ul[i] = out->unmodeled_lines[i];
    }
    for (unsigned i = 0; i < mc.num_data; i++) {
      u[out->num_unmodeled + i] = mc.data[i].what;
      ul[out->num_unmodeled + i] = mc.data[i].line;
    }
    out->unmodeled = u;
    out->unmodeled_lines = ul;
    out->num_unmodeled = n;
  }
  return 0;
}

/* ---- asking MC for many blocks at once ------------------------------------ */

typedef struct prefetch_list {
  as_target *target;
  as_mc_request *reqs;
  unsigned count, cap;
} prefetch_list;

static void prefetch_add(as_arena *arena, prefetch_list *lists, unsigned *num_lists, as_target *t,
                         const as_mc_line *lines, unsigned num_lines, int dialect) {
  prefetch_list *l = NULL;
  for (unsigned i = 0; i < *num_lists && !l; i++)
    if (lists[i].target == t) l = &lists[i];
  if (!l) {
    l = &lists[(*num_lists)++];
    memset(l, 0, sizeof *l);
    l->target = t;
  }
  if (l->count == l->cap) {
    unsigned cap = l->cap ? 2 * l->cap : 64;
    as_mc_request *grown = as_arena_alloc(arena, sizeof *grown * cap);
    if (l->count) memcpy(grown, l->reqs, sizeof *grown * l->count);
    l->reqs = grown;
    l->cap = cap;
  }
  l->reqs[l->count++] = (as_mc_request){lines, num_lines, dialect};
}

void as_target_prefetch(as_target_cache *cache, as_block *const *blocks, unsigned n) {
  if (!cache || !n) return;
  as_arena arena;
  as_arena_init(&arena);
  prefetch_list lists[AS_MAX_TARGETS];
  unsigned num_lists = 0;
  /* The blocks as the binder places them.  The other placements the
   * analysis tries (as_decoded.alternatives) are known only once these are
   * described, and are few: they are asked for one by one. */
  for (unsigned i = 0; i < n; i++) {
    const as_block *b = blocks[i];
    char err[256];
    as_target *t =
        b && !b->unreadable ? as_target_get_with(cache, b->triple, b->target_features, err, sizeof err) : NULL;
    if (!t) continue;
    as_decoded d;
    memset(&d, 0, sizeof d);
    as_mc_line *lines = NULL;
    unsigned num_lines = 0;
    if (t->arch->bind(t, &arena, b, NULL, &d, &lines, &num_lines, err, sizeof err) == 0 &&
        !d.unsupported)
      prefetch_add(&arena, lists, &num_lists, t, lines, num_lines, b->dialect == AS_DIALECT_INTEL);
  }
  for (unsigned i = 0; i < num_lists; i++)
    as_mc_prefetch(lists[i].target->server, lists[i].reqs, lists[i].count);
  as_arena_free(&arena);
}

void as_target_place_labels(as_arena *arena, const as_mc_result *mc, const unsigned *map, as_decoded *out) {
  out->labels = as_arena_alloc(arena, sizeof(as_label) * (mc->num_labels + 1));
  out->num_labels = mc->num_labels;
  for (unsigned i = 0; i < mc->num_labels; i++) {
    out->labels[i].name = mc->labels[i].name;
    unsigned at = mc->labels[i].insn_index;
    out->labels[i].insn = at > mc->num_insns ? out->num_insns : map ? map[at] : at;
  }
  for (unsigned i = 0; i < out->num_insns; i++) {
    as_insn *insn = &out->insns[i];
    if (!insn->target) continue;
    for (unsigned k = 0; k < out->num_labels; k++)
      if (!strcmp(out->labels[k].name, insn->target)) insn->target_insn = (int)out->labels[k].insn;
  }
}

void as_target_add_named(as_arena *arena, as_decoded *out, unsigned full) {
  for (unsigned k = 0; k < out->num_named_regs; k++)
    if (out->named_regs[k] == full) return;
  unsigned *a = as_arena_alloc(arena, sizeof(unsigned) * (out->num_named_regs + 1));
  if (out->num_named_regs) memcpy(a, out->named_regs, sizeof(unsigned) * out->num_named_regs);
  a[out->num_named_regs++] = full;
  out->named_regs = a;
}

void as_target_regs_text(as_strbuf *b, const as_target *t, const as_reg_use *list, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    as_strbuf_printf(b, "%s%s", i ? "," : "", as_target_reg_name(t, list[i].sub));
    if (list[i].sub != list[i].reg) as_strbuf_printf(b, "(%s)", as_target_reg_name(t, list[i].reg));
  }
}

int as_target_operand_by_name(const as_block *block, const char *name) {
  for (unsigned i = 0; i < block->num_operands; i++)
    if (block->operands[i].name && !strcmp(block->operands[i].name, name)) return (int)i;
  for (unsigned i = 0; i < block->num_labels; i++)
    if (block->labels[i] && !strcmp(block->labels[i], name)) return (int)(block->num_operands + i);
  return -1;
}

const char *as_insn_describe(as_arena *arena, const as_target *t, const as_insn *insn) {
  return t->arch->insn_text(arena, t, insn);
}
