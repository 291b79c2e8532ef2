/* Findings, the rule catalog and check globs. */
#include "asmstory/finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The permission story's rules take facts from the IR and ask Z3 for each
 * access; the others need the block and its interface only. */
#define STORY (AS_NEEDS_IR | AS_NEEDS_Z3)

static const as_rule_info rules[] = {
    {"clobber-missing", AS_SEV_WARNING,
     "the block writes a register that is neither an output nor clobbered and does not restore it", 0},
    {"input-overwritten", AS_SEV_WARNING,
     "the block writes a register bound to an input-only operand and does not restore it", 0},
    {"early-clobber-missing", AS_SEV_WARNING,
     "an output is written while an input that may share its register is still to be read", 0},
    {"output-not-written", AS_SEV_WARNING, "an output-only operand is not written on some path", 0},
    {"undefined-read", AS_SEV_WARNING,
     "the block uses a register or flag value that nothing defined", 0},
    {"flags-clobber-missing", AS_SEV_WARNING,
     "condition flags change though the interface says they are preserved", 0},
    {"operand-width", AS_SEV_WARNING, "an operand is used at a width other than its type's", 0},
    {"stack-undeclared", AS_SEV_WARNING,
     "the block uses the stack though the interface forbids it (nostack, the red zone)", 0},
    {"stack-unbalanced", AS_SEV_WARNING, "the stack pointer at exit differs from entry", 0},
    {"direction-flag", AS_SEV_WARNING, "the direction flag may be set at exit", 0},
    {"control-escape", AS_SEV_WARNING,
     "control leaves the block other than by falling through or a declared asm goto label", 0},
    {"memory-read-undeclared", AS_SEV_WARNING,
     "the block reads memory not covered by an input memory operand or a \"memory\" clobber", 0},
    {"memory-write-undeclared", AS_SEV_WARNING,
     "the block writes memory not covered by an output memory operand or a \"memory\" clobber", 0},
    {"memory-out-of-bounds", AS_SEV_WARNING,
     "an access lies outside the object its pointer points into", STORY},
    {"memory-misaligned", AS_SEV_WARNING,
     "the instruction requires an alignment the pointer does not provably have", STORY},
    {"memory-readonly-write", AS_SEV_ERROR,
     "a write through a pointer whose provenance grants only reading", STORY},
    {"memory-no-provenance", AS_SEV_WARNING,
     "an access whose address derives from no pointer handed to the block", STORY},
    {"memory-uninit-read", AS_SEV_ERROR,
     "the block reads bytes of a local or fresh heap memory not written on every path to it", STORY},
    {"pure-side-effect", AS_SEV_WARNING,
     "a block declared pure depends on hidden state or has effects the compiler cannot see", 0},
    {"template-error", AS_SEV_ERROR,
     "the template does not assemble for the target after operand substitution", 0},
    {"unmodeled", AS_SEV_NOTE, "the block contains something whose effects the tool cannot model", 0},
};

const as_rule_info *as_rules(unsigned *count) {
  *count = sizeof rules / sizeof rules[0];
  return rules;
}

const char *as_rule_needs_text(const as_rule_info *rule) {
  switch (rule->needs & (AS_NEEDS_IR | AS_NEEDS_Z3)) {
  case AS_NEEDS_IR | AS_NEEDS_Z3: return "LLVM IR, Z3";
  case AS_NEEDS_IR: return "LLVM IR";
  case AS_NEEDS_Z3: return "Z3";
  default: return "";
  }
}

const as_rule_info *as_rule_find(const char *id) {
  for (unsigned i = 0; i < sizeof rules / sizeof rules[0]; i++)
    if (strcmp(rules[i].id, id) == 0) return &rules[i];
  return NULL;
}

const char *as_severity_name(as_severity severity) {
  switch (severity) {
  case AS_SEV_ERROR: return "error";
  case AS_SEV_WARNING: return "warning";
  default: return "note";
  }
}

as_finding *as_finding_add(as_arena *arena, as_finding_list *list, const as_block *block,
                           const char *rule, as_severity severity, unsigned tpl_line,
                           unsigned tpl_column, const char *format, ...) {
  if (list->count == list->capacity)
    list->items = as_arena_grow(arena, list->items, sizeof *list->items, list->count,
                                &list->capacity);
  as_finding *f = &list->items[list->count++];
  memset(f, 0, sizeof *f);
  f->rule = rule;
  f->severity = severity;
  f->block = block;
  f->tpl_line = tpl_line;
  f->tpl_column = tpl_column;
  va_list args;
  va_start(args, format);
  f->message = as_arena_vprintf(arena, format, args);
  va_end(args);
  return f;
}

void as_finding_note(as_arena *arena, as_finding *finding, unsigned tpl_line,
                     unsigned tpl_column, const char *format, ...) {
  if (finding->num_notes == finding->cap_notes)
    finding->notes = as_arena_grow(arena, finding->notes, sizeof *finding->notes,
                                   finding->num_notes, &finding->cap_notes);
  as_note *n = &finding->notes[finding->num_notes++];
  n->tpl_line = tpl_line;
  n->tpl_column = tpl_column;
  va_list args;
  va_start(args, format);
  n->text = as_arena_vprintf(arena, format, args);
  va_end(args);
}

as_fixit *as_finding_fixit(as_arena *arena, as_finding *finding, const char *format, ...) {
  if (finding->num_fixits == finding->cap_fixits)
    finding->fixits = as_arena_grow(arena, finding->fixits, sizeof *finding->fixits,
                                    finding->num_fixits, &finding->cap_fixits);
  as_fixit *x = &finding->fixits[finding->num_fixits++];
  memset(x, 0, sizeof *x);
  x->operand = -1;
  va_list args;
  va_start(args, format);
  x->description = as_arena_vprintf(arena, format, args);
  va_end(args);
  return x;
}

/* Glob match with '*' only (clang-tidy check globs). */
static bool glob_match(const char *pattern, size_t plen, const char *text) {
  if (plen == 0) return *text == '\0';
  if (*pattern == '*') {
    for (const char *t = text;; t++) {
      if (glob_match(pattern + 1, plen - 1, t)) return true;
      if (!*t) return false;
    }
  }
  return *text && *pattern == *text && glob_match(pattern + 1, plen - 1, text + 1);
}

/* Iterates the comma-separated entries; calls back with (negated, pattern). */
static bool check_entry(const char *globs, const char *rule, bool *enabled) {
  const char *p = globs;
  bool any = false;
  while (*p) {
    while (*p == ' ' || *p == ',') p++;
    if (!*p) break;
    const char *start = p;
    while (*p && *p != ',') p++;
    const char *end = p;
    while (end > start && end[-1] == ' ') end--;
    bool negated = *start == '-';
    if (negated) start++;
    if (end - start >= 9 && strncmp(start, "asmstory-", 9) == 0) start += 9;
    if (end > start && glob_match(start, (size_t)(end - start), rule)) {
      *enabled = !negated;
      any = true;
    }
  }
  return any;
}

bool as_check_enabled(const char *globs, const char *rule) {
  bool enabled = true;
  if (globs) check_entry(globs, rule, &enabled);
  return enabled;
}

bool as_checks_need(const char *globs, unsigned needs) {
  for (unsigned i = 0; i < sizeof rules / sizeof rules[0]; i++)
    if ((rules[i].needs & needs) && as_check_enabled(globs, rules[i].id)) return true;
  return false;
}

bool as_checks_valid(const char *globs, char *err, size_t errlen) {
  const char *p = globs;
  while (*p) {
    while (*p == ' ' || *p == ',') p++;
    if (!*p) break;
    const char *start = p;
    while (*p && *p != ',') p++;
    const char *end = p;
    while (end > start && end[-1] == ' ') end--;
    if (*start == '-') start++;
    if (end - start >= 9 && strncmp(start, "asmstory-", 9) == 0) start += 9;
    bool matched = false;
    unsigned n;
    const as_rule_info *r = as_rules(&n);
    for (unsigned i = 0; i < n && !matched; i++)
      matched = glob_match(start, (size_t)(end - start), r[i].id);
    if (!matched) {
      snprintf(err, errlen, "--checks: '%.*s' matches no rule (see docs/rules/)",
               (int)(end - start), start);
      return false;
    }
  }
  return true;
}
