/* LLVM IR front end: every `call asm` / `callbr asm` / `invoke asm` of a .ll or
 * .bc file becomes an as_block.  Uses a private LLVMContext, disposed before
 * returning, so every string is copied into the arena. */
#define _POSIX_C_SOURCE 200809L
#include "asmstory/frontend.h"
#include "asmstory/spawn.h"
#include "asmstory/target.h"
#include "facts_shim.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <llvm-c/BitReader.h>
#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/Target.h>

#include "fe_internal.h"

/* ---- diagnostics ------------------------------------------------------- */

typedef struct diag_state {
  char first_error[512];
} diag_state;

static void diag_handler(LLVMDiagnosticInfoRef info, void *opaque) {
  diag_state *state = opaque;
  if (LLVMGetDiagInfoSeverity(info) != LLVMDSError || state->first_error[0]) return;
  char *text = LLVMGetDiagInfoDescription(info);
  if (text) {
    snprintf(state->first_error, sizeof state->first_error, "%s", text);
    LLVMDisposeMessage(text);
  }
}

/* First line of an LLVM parser message, without the "<path>:" prefix and
 * the "error: " tag. */
static void tidy_message(const char *path, const char *msg, char *buf, size_t buflen) {
  if (buflen == 0) return;
  if (!msg || !*msg) msg = "unknown error";
  size_t plen = strlen(path);
  if (!strncmp(msg, path, plen) && msg[plen] == ':') msg += plen + 1;
  size_t n = strcspn(msg, "\n");
  const char *tag = strstr(msg, "error: ");
  size_t j = 0;
  for (size_t i = 0; i < n && j + 1 < buflen; i++) {
    if (tag && msg + i == tag) {
      i += 6;
      continue;
    }
    buf[j++] = msg[i];
  }
  buf[j] = '\0';
}

/* LLVM's readers are not hardened against corrupt input: a damaged bitcode
 * file can crash or abort the process.  User-supplied IR is therefore first
 * parsed in a child process (exec'd fresh when the host has threads: see
 * as_frontend_isolate_with); returns false when that child died or did not
 * finish in time. */
static void quiet_handler(LLVMDiagnosticInfoRef info, void *opaque) {
  (void)info;
  (void)opaque;
}

static const char *checker_program; /* NULL: fork only */

void as_frontend_isolate_with(const char *program) {
  checker_program = program;
  as_target_isolate_with(program);
}

static void default_fatal_signals(void) {
  /* A crash must end the child by its signal, not run a handler the host
   * installed (a sanitizer's or a fuzzer's would report it as its own). */
  static const int fatal[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP};
  for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], SIG_DFL);
}

static _Noreturn void check_parse(LLVMMemoryBufferRef buffer, bool is_bc) {
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMContextSetDiagnosticHandler(ctx, quiet_handler, NULL);
  LLVMModuleRef module = NULL;
  char *message = NULL;
  LLVMBool failed = is_bc ? LLVMParseBitcodeInContext2(ctx, buffer, &module)
                          : LLVMParseIRInContext2(ctx, buffer, &module, &message);
  _exit(failed ? 42 : 0); /* anything else: it crashed or aborted */
}

static int ir_check_main(const char *kind, const char *path) {
  default_fatal_signals();
  LLVMMemoryBufferRef buffer = NULL;
  char *message = NULL;
  if (LLVMCreateMemoryBufferWithContentsOfFile(path, &buffer, &message)) return 42;
  check_parse(buffer, !strcmp(kind, "bc"));
}

bool as_frontend_helper_main(int argc, char **argv, int *status) {
  if (argc == 3 && !strcmp(argv[1], "--mc-server")) {
    *status = as_target_server_main(argv[2]);
    return true;
  }
  if (argc == 4 && !strcmp(argv[1], "--ir-check")) {
    *status = ir_check_main(argv[2], argv[3]);
    return true;
  }
  return false;
}

/* How long the first parse may take (a large module parses in seconds). */
#define AS_IR_CHECK_TIMEOUT_MS 120000 /* the message below says 120 s */

enum { PARSES, PARSER_CRASHED, PARSER_TIMED_OUT };

static int parses_safely(LLVMMemoryBufferRef buffer, bool is_bc, const char *path) {
  pid_t pid;
  if (checker_program) { /* a host with threads: spawn, never fork */
    char *argv[] = {(char *)checker_program, "--ir-check", is_bc ? "bc" : "ll", (char *)path, NULL};
    if (!as_spawn_isolated(argv, -1, &pid)) return PARSES; /* cannot check: parse in process */
  } else {
    pid = fork();
    if (pid < 0) return PARSES; /* cannot check: parse in process */
    if (pid == 0) {
      default_fatal_signals();
      int fd = open("/dev/null", O_WRONLY);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
      }
      check_parse(buffer, is_bc);
    }
  }
  int status = 0;
  struct timespec tick = {0, 1000000}, start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (;;) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) return PARSES;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long waited_ms = (now.tv_sec - start.tv_sec) * 1000LL + (now.tv_nsec - start.tv_nsec) / 1000000;
    if (waited_ms >= AS_IR_CHECK_TIMEOUT_MS) { /* a parser that never ends fails too */
      kill(pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return PARSER_TIMED_OUT;
    }
    nanosleep(&tick, NULL);
  }
  return WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 42)
             ? PARSES
             : PARSER_CRASHED;
}

/* ---- small helpers ----------------------------------------------------- */

static const char *copy_len(as_arena *arena, const char *s, size_t len) {
  if (!s) return NULL;
  return as_arena_strndup(arena, s, len);
}

static const char *type_text(as_arena *arena, LLVMTypeRef type) {
  if (!type) return NULL;
  char *s = LLVMPrintTypeToString(type);
  const char *copy = as_arena_strdup(arena, s);
  LLVMDisposeMessage(s);
  return copy;
}

static unsigned type_bits(LLVMTargetDataRef layout, LLVMTypeRef type) {
  if (!type) return 0;
  if (LLVMGetTypeKind(type) == LLVMIntegerTypeKind) return LLVMGetIntTypeWidth(type);
  if (!LLVMTypeIsSized(type)) return 0;
  return (unsigned)LLVMSizeOfTypeInBits(layout, type);
}

/* "%name" / "@name" of a value, or NULL when it has none. */
static const char *value_name(as_arena *arena, LLVMValueRef value) {
  size_t len = 0;
  const char *name = LLVMGetValueName2(value, &len);
  if (!name || len == 0) return NULL;
  char sigil = (LLVMIsAGlobalValue(value)) ? '@' : '%';
  return as_arena_printf(arena, "%c%.*s", sigil, (int)len, name);
}

static bool kind_present(LLVMValueRef call, unsigned index, const char *name) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  if (kind == 0) return false;
  return LLVMGetCallSiteEnumAttribute(call, index, kind) != NULL;
}

/* Numbers unnamed function-local values the way the IR printer does, to
 * name anonymous callbr destinations ("label %3" in the IR -> "label 3"). */
static long block_slot(LLVMValueRef fn, LLVMBasicBlockRef target) {
  long slot = 0;
  for (LLVMValueRef arg = LLVMGetFirstParam(fn); arg; arg = LLVMGetNextParam(arg)) {
    size_t len = 0;
    LLVMGetValueName2(arg, &len);
    if (len == 0) slot++;
  }
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
    const char *bname = LLVMGetBasicBlockName(bb);
    if (!bname || !*bname) {
      if (bb == target) return slot;
      slot++;
    } else if (bb == target) {
      return -1;
    }
    for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
      if (LLVMGetTypeKind(LLVMTypeOf(in)) == LLVMVoidTypeKind) continue;
      size_t len = 0;
      LLVMGetValueName2(in, &len);
      if (len == 0) slot++;
    }
  }
  return -1;
}

static const char *label_name(as_arena *arena, LLVMValueRef fn, LLVMBasicBlockRef bb,
                              unsigned ordinal) {
  const char *name = LLVMGetBasicBlockName(bb);
  if (name && *name) return as_arena_strdup(arena, name);
  long slot = block_slot(fn, bb);
  if (slot >= 0) return as_arena_printf(arena, "label %ld", slot);
  return as_arena_printf(arena, "label %u", ordinal);
}

static as_loc debug_loc(as_arena *arena, LLVMValueRef inst) {
  as_loc loc = {NULL, 0, 0};
  unsigned line = LLVMGetDebugLocLine(inst);
  if (line == 0) return loc;
  unsigned flen = 0, dlen = 0;
  const char *file = LLVMGetDebugLocFilename(inst, &flen);
  const char *dir = LLVMGetDebugLocDirectory(inst, &dlen);
  if (file && flen > 0) {
    if (file[0] != '/' && dir && dlen > 0) {
      bool slash = dir[dlen - 1] == '/';
      loc.file = as_arena_printf(arena, "%.*s%s%.*s", (int)dlen, dir, slash ? "" : "/",
                                 (int)flen, file);
    } else {
      loc.file = as_arena_strndup(arena, file, flen);
    }
  }
  loc.line = line;
  loc.column = LLVMGetDebugLocColumn(inst);
  return loc;
}

/* Splits an IR constraint string at top-level commas (braces protect). */
static const char **split_groups(as_arena *arena, const char *text, unsigned *count) {
  unsigned n = 1;
  int depth = 0;
  for (const char *p = text; *p; p++) {
    if (*p == '{') depth++;
    else if (*p == '}' && depth > 0) depth--;
    else if (*p == ',' && depth == 0) n++;
  }
  const char **groups = as_arena_alloc(arena, sizeof *groups * n);
  unsigned i = 0;
  const char *start = text;
  depth = 0;
  for (const char *p = text;; p++) {
    if (*p == '{') depth++;
    else if (*p == '}' && depth > 0) depth--;
    if ((*p == ',' && depth == 0) || *p == '\0') {
      groups[i++] = as_arena_strndup(arena, start, (size_t)(p - start));
      start = p + 1;
      if (*p == '\0') break;
    }
  }
  *count = i;
  return groups;
}

static const char *clobber_name(as_arena *arena, const char *group, const as_constraint *c) {
  if (group && group[0] == '~') {
    const char *s = group + 1;
    size_t n = strlen(s);
    if (n >= 2 && s[0] == '{' && s[n - 1] == '}') return as_arena_strndup(arena, s + 1, n - 2);
    return as_arena_strdup(arena, s);
  }
  return as_arena_strdup(arena, c->fixed_reg);
}

/* ---- one asm call ------------------------------------------------------ */

typedef struct ir_reader {
  as_arena *arena;
  LLVMContextRef ctx;
  LLVMModuleRef module;
  LLVMTargetDataRef layout;
  as_lang lang;
  const char *triple;
  unsigned kind_memory, kind_elementtype;
  as_facts_ctx *facts;
  char *err;
  size_t errlen;
} ir_reader;

/* An identity for an operand's value (same SSA value, same number), so that
 * a memory operand and a register operand holding the same pointer can be
 * recognized (the GCC manual's "=m"(*(char (*)[n])p) idiom). */
static unsigned long long value_identity(LLVMValueRef v) {
  return (unsigned long long)(uintptr_t)v;
}

static void fill_arg_operand(ir_reader *r, LLVMValueRef call, unsigned arg_index,
                             as_operand *op) {
  if (arg_index >= LLVMGetNumArgOperands(call)) return;
  LLVMValueRef arg = LLVMGetOperand(call, arg_index);
  LLVMTypeRef type = LLVMTypeOf(arg);
  op->width_bits = type_bits(r->layout, type);
  op->is_pointer = LLVMGetTypeKind(type) == LLVMPointerTypeKind;
  op->type_text = type_text(r->arena, type);
  op->expr_text = value_name(r->arena, arg);
  if (LLVMIsAConstantInt(arg) && LLVMGetIntTypeWidth(type) <= 64) {
    op->has_value = true;
    op->value = LLVMConstIntGetSExtValue(arg);
    if (!op->expr_text) op->expr_text = as_arena_printf(r->arena, "%lld", op->value);
  }
  op->value_id = value_identity(arg);
  as_facts_operand(r->facts, r->arena, call, arg_index, r->lang, &op->facts, &op->range,
                   &op->value_id);
  if (r->kind_elementtype) {
    LLVMAttributeRef attr =
        LLVMGetCallSiteEnumAttribute(call, arg_index + 1, r->kind_elementtype);
    if (attr && LLVMIsTypeAttribute(attr)) {
      LLVMTypeRef elem = LLVMGetTypeAttributeValue(attr);
      if (elem && LLVMTypeIsSized(elem))
        op->pointee_size = (unsigned)LLVMStoreSizeOfType(r->layout, elem);
    }
  }
}

/* Is direct output `index` of an asm call used?  (Rust's `out(reg) _` and
 * clobber_abi registers are outputs nobody reads.) */
static bool output_used(LLVMValueRef call, unsigned num_direct, unsigned index) {
  if (num_direct <= 1) return LLVMGetFirstUse(call) != NULL;
  for (LLVMUseRef u = LLVMGetFirstUse(call); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsAInstruction(user) || LLVMGetInstructionOpcode(user) != LLVMExtractValue) return true;
    if (LLVMGetNumIndices(user) >= 1 && LLVMGetIndices(user)[0] == index && LLVMGetFirstUse(user))
      return true;
  }
  return false;
}

/* The call's attributes as block flags: volatile (sideeffect), alignstack,
 * asm goto (callbr), the call-site memory effects, noreturn, and the
 * function's noredzone. */
static void read_call_attributes(ir_reader *r, LLVMValueRef fn, LLVMValueRef call, as_block *b) {
  LLVMValueRef asmv = LLVMGetCalledValue(call);
  if (LLVMGetInlineAsmHasSideEffects(asmv)) b->flags |= AS_BF_VOLATILE;
  if (LLVMGetInlineAsmNeedsAlignedStack(asmv)) b->flags |= AS_BF_ALIGNSTACK;
  if (LLVMGetInstructionOpcode(call) == LLVMCallBr) b->flags |= AS_BF_GOTO;

  /* Call-site memory effects: 2 bits per location (ModRef.h), Mod = bit 1. */
  if (r->kind_memory) {
    LLVMAttributeRef attr =
        LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, r->kind_memory);
    if (attr) {
      uint64_t effects = LLVMGetEnumAttributeValue(attr);
      /* Inaccessible memory (bits 2-3) is how a non-pure block's hidden
       * side effects are modeled (rustc: nomem without pure is
       * memory(inaccessiblemem: readwrite)); it grants nothing the program
       * can see. */
      effects &= ~UINT64_C(0xC);
      b->flags |= AS_BF_HAS_MEMORY_ATTR;
      if (effects == 0) b->flags |= AS_BF_NOMEM;
      else if ((effects & UINT64_C(0xAAAAAAAAAAAAAAAA)) == 0) b->flags |= AS_BF_READONLY;
    }
  }
  if (kind_present(call, LLVMAttributeFunctionIndex, "readnone"))
    b->flags |= AS_BF_HAS_MEMORY_ATTR | AS_BF_NOMEM;
  else if (kind_present(call, LLVMAttributeFunctionIndex, "readonly"))
    b->flags |= AS_BF_HAS_MEMORY_ATTR | AS_BF_READONLY;
  if (kind_present(call, LLVMAttributeFunctionIndex, "noreturn")) b->flags |= AS_BF_NORETURN;
  LLVMValueRef next = LLVMGetNextInstruction(call);
  if (next && LLVMGetInstructionOpcode(next) == LLVMUnreachable) b->flags |= AS_BF_NORETURN;
  unsigned k = LLVMGetEnumAttributeKindForName("noredzone", 9);
  if (k && LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, k))
    b->flags |= AS_BF_NO_RED_ZONE;
  /* The function's target features ("+avx2,-x87,..."): which registers the
   * compiler may keep values in, and how wide. */
  LLVMAttributeRef tf = LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, "target-features", 15);
  if (tf) {
    unsigned len = 0;
    const char *list = LLVMGetStringAttributeValue(tf, &len);
    unsigned count = 0;
    const char **names = as_arena_alloc(r->arena, sizeof(char *) * (len / 2 + 1));
    for (unsigned at = 0; list && at < len;) {
      unsigned end = at;
      while (end < len && list[end] != ',') end++;
      char feature[64];
      if (end - at < sizeof feature) {
        memcpy(feature, list + at, end - at);
        feature[end - at] = '\0';
        b->flags |= as_target_flags_from_feature(b->triple, feature);
        names[count++] = as_arena_strdup(r->arena, feature);
      }
      at = end + 1;
    }
    /* and what the assembler must accept (AArch64 +sve, RISC-V +v) */
    b->target_features = as_target_features_from_list(r->arena, b->triple, names, count);
  }
}

/* A direct output (the call's result, or one field of its struct result):
 * its type, and whether anything uses it. */
static void fill_direct_output(ir_reader *r, LLVMValueRef call, unsigned num_direct,
                               unsigned direct_index, as_operand *op) {
  LLVMTypeRef t = LLVMGetCalledFunctionType(call) ? LLVMGetReturnType(LLVMGetCalledFunctionType(call))
                                                  : LLVMTypeOf(call);
  if (num_direct > 1 && t && LLVMGetTypeKind(t) == LLVMStructTypeKind) {
    t = direct_index < LLVMCountStructElementTypes(t)
            ? LLVMStructGetTypeAtIndex(t, direct_index)
            : NULL;
  }
  op->discarded = !output_used(call, num_direct, direct_index);
  if (t && LLVMGetTypeKind(t) != LLVMVoidTypeKind) {
    op->width_bits = type_bits(r->layout, t);
    op->is_pointer = LLVMGetTypeKind(t) == LLVMPointerTypeKind;
    op->type_text = type_text(r->arena, t);
  }
  if (num_direct == 1) op->expr_text = value_name(r->arena, call);
}

/* The parsed constraint string as the block's operands, clobbers and asm
 * goto labels (groups: each constraint's text, or NULL).  Returns whether
 * the block has an output. */
static bool read_call_operands(ir_reader *r, LLVMValueRef fn, LLVMValueRef call, as_block *b,
                               const as_constraint *items, unsigned count, const char **groups) {
  unsigned num_ops = 0, num_clobbers = 0, num_labels = 0, num_direct = 0;
  for (unsigned i = 0; i < count; i++) {
    const as_constraint *c = &items[i];
    if (c->flags & AS_CF_CLOBBER) num_clobbers++;
    else if (c->kinds & AS_CK_LABEL) num_labels++;
    else {
      num_ops++;
      if ((c->flags & AS_CF_OUTPUT) && !(c->flags & AS_CF_INDIRECT)) num_direct++;
    }
  }
  b->operands = num_ops ? as_arena_alloc(r->arena, sizeof *b->operands * num_ops) : NULL;
  b->clobbers = num_clobbers ? as_arena_alloc(r->arena, sizeof *b->clobbers * num_clobbers)
                             : NULL;
  bool is_callbr = LLVMGetInstructionOpcode(call) == LLVMCallBr;
  unsigned num_dests = is_callbr ? LLVMGetCallBrNumIndirectDests(call) : 0;
  unsigned label_slots = num_labels > num_dests ? num_labels : num_dests;
  b->labels = label_slots ? as_arena_alloc(r->arena, sizeof *b->labels * label_slots) : NULL;

  unsigned arg_index = 0, direct_index = 0;
  bool has_output = false;
  for (unsigned i = 0; i < count; i++) {
    const as_constraint *c = &items[i];
    const char *group = groups ? groups[i] : NULL;
    if (c->flags & AS_CF_CLOBBER) {
      const char *name = clobber_name(r->arena, group, c);
      b->clobbers[b->num_clobbers++] = name;
      if (!strcmp(name, "memory")) b->flags |= AS_BF_MEMORY_CLOBBER;
      else if (!strcmp(name, "flags") || !strcmp(name, "cc")) b->flags |= AS_BF_CC_CLOBBER;
      continue;
    }
    if (c->kinds & AS_CK_LABEL) {
      unsigned li = b->num_labels;
      b->labels[b->num_labels++] =
          li < num_dests ? label_name(r->arena, fn, LLVMGetCallBrIndirectDest(call, li), li)
                         : as_arena_printf(r->arena, "label %u", li);
      continue;
    }
    as_operand *op = &b->operands[b->num_operands];
    op->index = b->num_operands++;
    op->constraint_text = group;
    op->constraint = *c;
    op->tied_to = c->tied_to;
    op->early_clobber = (c->flags & AS_CF_EARLY) != 0;
    op->indirect = (c->flags & AS_CF_INDIRECT) != 0;
    op->loc = b->loc;
    bool is_output = (c->flags & AS_CF_OUTPUT) != 0;
    op->dir = is_output ? AS_DIR_OUT : AS_DIR_IN;
    if (is_output) has_output = true;
    if (is_output && !op->indirect) fill_direct_output(r, call, num_direct, direct_index++, op);
    else fill_arg_operand(r, call, arg_index++, op);
  }
  /* Destinations without a matching '!i' group (should not happen). */
  for (unsigned li = b->num_labels; li < num_dests; li++)
    b->labels[b->num_labels++] = label_name(r->arena, fn, LLVMGetCallBrIndirectDest(call, li), li);
  return has_output;
}

/* The contexts of b, an asm call its function runs on every entry: one
 * copy of b per direct call of the function in the translation unit (the
 * first four, as_facts_caller_count) whose operand facts are the caller's,
 * appended to out (at most max);
 * a call that changes no operand's facts makes no copy.  Returns how
 * many. */
unsigned as_ir_caller_copies(as_arena *arena, struct as_facts_ctx *facts, LLVMValueRef call,
                             const as_block *b, as_block **out, unsigned max) {
  unsigned callers = as_facts_caller_count(facts, call), made = 0;
  for (unsigned k = 0; k < callers && made < max; k++) {
    as_block *copy = as_arena_alloc(arena, sizeof *copy);
    *copy = *b;
    copy->operands = as_arena_alloc(arena, sizeof *copy->operands * (b->num_operands + 1));
    memcpy(copy->operands, b->operands, sizeof *copy->operands * b->num_operands);
    bool changed = false;
    unsigned arg_index = 0;
    for (unsigned i = 0; i < copy->num_operands; i++) {
      as_operand *op = &copy->operands[i];
      if (op->dir == AS_DIR_OUT && !op->indirect) continue; /* a direct output: no argument */
      if (as_facts_operand_in_caller(facts, arena, call, arg_index, k, b->lang, &op->facts,
                                     &op->range))
        changed = true;
      arg_index++;
    }
    if (!changed) continue;
    copy->caller_context = true;
    copy->function_shown = as_facts_caller_name(facts, arena, call, k);
    out[made++] = copy;
  }
  return made;
}

/* What the language implies: a Rust block is pure without sideeffect,
 * preserves the flags without a flags clobber and is nostack without
 * alignstack; a C block with outputs and without sideeffect is pure. */
static void language_flags(const ir_reader *r, LLVMValueRef call, bool has_output, as_block *b) {
  LLVMValueRef asmv = LLVMGetCalledValue(call);
  bool sideeffect = LLVMGetInlineAsmHasSideEffects(asmv);
  if (r->lang == AS_LANG_RUST) {
    if (!sideeffect) b->flags |= AS_BF_PURE;
    bool flags_clobber = false;
    for (unsigned i = 0; i < b->num_clobbers; i++)
      /* rustc names the flags ~{flags} on x86, ~{cc} on AArch64 and ARM */
      if (!strcmp(b->clobbers[i], "flags") || !strcmp(b->clobbers[i], "cc")) flags_clobber = true;
    if (!flags_clobber) b->flags |= AS_BF_PRESERVES_FLAGS;
    if (!LLVMGetInlineAsmNeedsAlignedStack(asmv)) b->flags |= AS_BF_NOSTACK;
  } else if (!sideeffect && has_output && LLVMGetInstructionOpcode(call) != LLVMCallBr) {
    b->flags |= AS_BF_PURE;
  }
}

/* One asm call as a block: template, location, flags from the call's
 * attributes, operands from its constraint string. */
static int read_call(ir_reader *r, LLVMValueRef fn, LLVMValueRef call, unsigned ordinal,
                     as_block *b) {
  LLVMValueRef asmv = LLVMGetCalledValue(call);
  size_t len = 0;
  const char *s = LLVMGetInlineAsmAsmString(asmv, &len);
  b->template_text = copy_len(r->arena, s ? s : "", s ? len : 0);
  b->template_ir_form = true;
  b->dialect =
      LLVMGetInlineAsmDialect(asmv) == LLVMInlineAsmDialectIntel ? AS_DIALECT_INTEL
                                                                 : AS_DIALECT_ATT;
  b->triple = r->triple;
  b->lang = r->lang;
  b->ir_call_ordinal = ordinal;
  size_t fnlen = 0;
  const char *fname = LLVMGetValueName2(fn, &fnlen);
  b->function = fname && fnlen ? as_arena_strndup(r->arena, fname, fnlen) : NULL;
  b->function_shown = as_facts_demangle(r->arena, b->function);
  b->loc = debug_loc(r->arena, call);
  b->template_loc = b->loc;
  read_call_attributes(r, fn, call, b);

  /* Constraints. */
  size_t clen = 0;
  const char *cs = LLVMGetInlineAsmConstraintString(asmv, &clen);
  const char *ctext = as_arena_strndup(r->arena, cs ? cs : "", cs ? clen : 0);
  as_constraint *items = NULL;
  unsigned count = 0;
  if (*ctext) {
    char msg[256] = "";
    if (as_constraint_parse_ir(r->arena, as_target_constraint_dialect(r->triple), ctext, &items, &count,
                               msg, sizeof msg) != 0) {
      as_fe_error(r->err, r->errlen, "block in @%s: bad constraint string: %s",
                  b->function ? b->function : "?", msg[0] ? msg : ctext);
      return -1;
    }
  }
  unsigned ngroups = 0;
  const char **groups = *ctext ? split_groups(r->arena, ctext, &ngroups) : NULL;
  if (ngroups != count) groups = NULL;
  bool has_output = read_call_operands(r, fn, call, b, items, count, groups);
  language_flags(r, call, has_output, b);
  return 0;
}

/* ---- module ------------------------------------------------------------ */

static bool has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

/* Reads path into a new context and module.  Input that is not IR or that
 * crashes or hangs LLVM's reader (checked in a child process for user IR)
 * fails with a reason; LLVM's own complaints on stderr are kept away from
 * the user's terminal. */
static int load_module(const char *path, as_lang lang, LLVMContextRef *ctx_out,
                       LLVMModuleRef *module_out, char *err, size_t errlen) {
  LLVMMemoryBufferRef buffer = NULL;
  char *message = NULL;
  if (LLVMCreateMemoryBufferWithContentsOfFile(path, &buffer, &message)) {
    as_fe_error(err, errlen, "cannot read LLVM IR from '%s': %s", path,
                message ? message : "unknown error");
    if (message) LLVMDisposeMessage(message);
    return -1;
  }
  const unsigned char *bytes = (const unsigned char *)LLVMGetBufferStart(buffer);
  size_t size = LLVMGetBufferSize(buffer);
  bool raw_bc = size >= 4 && bytes[0] == 'B' && bytes[1] == 'C' && bytes[2] == 0xC0 &&
                bytes[3] == 0xDE;
  bool wrapped_bc = size >= 4 && bytes[0] == 0xDE && bytes[1] == 0xC0 && bytes[2] == 0x17 &&
                    bytes[3] == 0x0B;
  bool is_bc = raw_bc || wrapped_bc;
  if (!is_bc && (has_suffix(path, ".bc") || memchr(bytes, '\0', size))) {
    LLVMDisposeMemoryBuffer(buffer);
    as_fe_error(err, errlen, "cannot read LLVM IR from '%s': %s", path,
                has_suffix(path, ".bc") ? "not a bitcode file (bad magic)"
                                        : "binary data that is not LLVM bitcode");
    return -1;
  }

  int parse_check = lang == AS_LANG_IR ? parses_safely(buffer, is_bc, path) : PARSES;
  if (parse_check != PARSES) {
    LLVMDisposeMemoryBuffer(buffer);
    as_fe_error(err, errlen, "cannot read LLVM IR from '%s': %s", path,
                parse_check == PARSER_TIMED_OUT
                    ? "the LLVM reader did not finish it within 120 s"
                : is_bc ? "corrupt bitcode (the LLVM reader crashed on it)"
                        : "malformed IR (the LLVM parser crashed on it)");
    return -1;
  }

  diag_state diags;
  memset(&diags, 0, sizeof diags);
  LLVMContextRef ctx = LLVMContextCreate();
  LLVMContextSetDiagnosticHandler(ctx, diag_handler, &diags);
  LLVMModuleRef module = NULL;
  LLVMBool failed;
  message = NULL;
  /* Reading damaged debug info makes LLVM's verifier print to stderr; keep
   * that away from the user's terminal for user-supplied IR. */
  int saved_stderr = -1;
  if (lang == AS_LANG_IR) {
    int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
      saved_stderr = dup(2);
      if (saved_stderr >= 0) dup2(null_fd, 2);
      close(null_fd);
    }
  }
  if (is_bc) failed = LLVMParseBitcodeInContext2(ctx, buffer, &module);
  else failed = LLVMParseIRInContext2(ctx, buffer, &module, &message);
  if (saved_stderr >= 0) {
    dup2(saved_stderr, 2);
    close(saved_stderr);
  }
  LLVMDisposeMemoryBuffer(buffer);
  if (failed || !module) {
    char tidy[512];
    tidy_message(path, message ? message : diags.first_error, tidy, sizeof tidy);
    as_fe_error(err, errlen, "cannot read LLVM IR from '%s': %s", path, tidy);
    if (message) LLVMDisposeMessage(message);
    if (module) LLVMDisposeModule(module);
    LLVMContextDispose(ctx);
    return -1;
  }
  if (message) LLVMDisposeMessage(message);
  *ctx_out = ctx;
  *module_out = module;
  return 0;
}

/* A reader of module's asm calls; triple overrides the module's own (NULL
 * or empty: the module's, if any). */
static void reader_init(ir_reader *r, as_arena *arena, LLVMModuleRef module, as_lang lang,
                        const char *triple, as_facts_ctx *facts, char *err, size_t errlen) {
  memset(r, 0, sizeof *r);
  r->arena = arena;
  r->ctx = LLVMGetModuleContext(module);
  r->module = module;
  r->layout = LLVMGetModuleDataLayout(module);
  r->lang = lang;
  r->err = err;
  r->errlen = errlen;
  r->kind_memory = LLVMGetEnumAttributeKindForName("memory", 6);
  r->kind_elementtype = LLVMGetEnumAttributeKindForName("elementtype", 11);
  r->facts = facts;
  if (triple && *triple) {
    r->triple = as_arena_strdup(arena, triple);
  } else {
    const char *t = LLVMGetTarget(module);
    r->triple = (t && *t) ? as_arena_strdup(arena, t) : NULL;
  }
}

/* Every asm call of the module, in function and instruction order, as
 * blocks appended to out (none when one of them fails). */
static int read_module_blocks(ir_reader *r, as_block_list *out) {
  int rc = 0;
  unsigned next_id = 1;
  as_block_list found = {NULL, 0, 0, NULL};
  for (LLVMValueRef fn = LLVMGetFirstFunction(r->module); fn && rc == 0;
       fn = LLVMGetNextFunction(fn)) {
    unsigned ordinal = 0;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb && rc == 0;
         bb = LLVMGetNextBasicBlock(bb)) {
      for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
        LLVMOpcode op = LLVMGetInstructionOpcode(in);
        if (op != LLVMCall && op != LLVMCallBr && op != LLVMInvoke) continue;
        LLVMValueRef callee = LLVMGetCalledValue(in);
        if (!callee || !LLVMIsAInlineAsm(callee)) continue;
        as_block *b = as_arena_alloc(r->arena, sizeof *b);
        b->id = next_id;
        if (read_call(r, fn, in, ordinal, b) != 0) {
          rc = -1;
          break;
        }
        next_id++;
        ordinal++;
        as_block_list_push(r->arena, &found, b);
        /* Copies of one statement merge their findings by its source
         * location: none without one. */
        as_block *contexts[4];
        unsigned n = b->loc.file && b->loc.line
                         ? as_ir_caller_copies(r->arena, r->facts, in, b, contexts, 4)
                         : 0;
        for (unsigned k = 0; k < n; k++) {
          contexts[k]->id = next_id++;
          as_block_list_push(r->arena, &found, contexts[k]);
        }
      }
    }
  }
  if (rc == 0)
    for (unsigned i = 0; i < found.count; i++) as_block_list_push(r->arena, out, found.items[i]);
  return rc;
}

int as_frontend_ir(as_arena *arena, const char *path, as_lang lang,
                   const as_frontend_options *options, as_block_list *out,
                   char *err, size_t errlen) {
  if (!path) {
    as_fe_error(err, errlen, "no input file");
    return -1;
  }
  LLVMContextRef ctx = NULL;
  LLVMModuleRef module = NULL;
  if (load_module(path, lang, &ctx, &module, err, errlen) != 0) return -1;

  ir_reader r;
  reader_init(&r, arena, module, lang, options ? options->triple : NULL, as_facts_begin(module, false), err,
              errlen);
  int rc = read_module_blocks(&r, out);
  as_facts_end(r.facts);
  LLVMDisposeModule(module);
  LLVMContextDispose(ctx);
  return rc;
}

/* One asm call of a module already in memory (the pass plugin, which runs
 * inside clang): the same block as_frontend_ir would read for it.  facts
 * comes from as_facts_begin on the same module. */
int as_ir_read_call(as_arena *arena, LLVMModuleRef module, LLVMValueRef fn, LLVMValueRef call,
                    as_lang lang, const char *triple, as_facts_ctx *facts, as_block *out,
                    char *err, size_t errlen) {
  ir_reader r;
  reader_init(&r, arena, module, lang, triple, facts, err, errlen);
  return read_call(&r, fn, call, 0, out);
}
