/* Findings: what a check reports about one block, and the rule catalog.
 *
 * A finding carries one rule id of RULES.md, a severity, a message saying
 * what the compiler may do because of the bug, where it is (inside the asm
 * string when the instruction is known), notes with the evidence, and a
 * fix-it suggestion where one is certainly right. */
#ifndef ASMSTORY_FINDING_H
#define ASMSTORY_FINDING_H
#include <stdbool.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_severity { AS_SEV_NOTE, AS_SEV_WARNING, AS_SEV_ERROR } as_severity;

typedef struct as_note {
  unsigned tpl_line, tpl_column; /* in the template, 0 when not about a line */
  const char *text;
} as_note;

typedef struct as_fixit {
  const char *description;   /* "add \"rbx\" to the clobbers" */
  const char *clobber;       /* a clobber to add (C: "\"rbx\""), or NULL */
  int operand;               /* an operand whose constraint changes, or -1 */
  const char *constraint;    /* its new constraint ("+r", "=&r") */
  bool add_volatile;         /* insert `volatile` after `asm` */
  bool certain;              /* certainly right: applied by --fix, exported */
} as_fixit;

typedef struct as_finding {
  const char *rule;          /* rule id without prefix */
  as_severity severity;
  const char *message;
  const as_block *block;
  unsigned tpl_line, tpl_column; /* instruction position in the template, 0 = the statement */
  as_note *notes;
  unsigned num_notes, cap_notes;
  as_fixit *fixits;
  unsigned num_fixits, cap_fixits;
} as_finding;

typedef struct as_finding_list {
  as_finding *items;
  unsigned count, capacity;
} as_finding_list;

as_finding *as_finding_add(as_arena *arena, as_finding_list *list, const as_block *block,
                           const char *rule, as_severity severity, unsigned tpl_line,
                           unsigned tpl_column, const char *format, ...)
    __attribute__((format(printf, 8, 9)));
void as_finding_note(as_arena *arena, as_finding *finding, unsigned tpl_line,
                     unsigned tpl_column, const char *format, ...)
    __attribute__((format(printf, 5, 6)));
as_fixit *as_finding_fixit(as_arena *arena, as_finding *finding, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

const char *as_severity_name(as_severity severity);

/* Findings of one block as bytes, and back (the answer of a record of
 * analyses, asmstory/disk_cache.h).  Write: false when a finding is not
 * about block or names no known rule.  Read: the findings, in arena and
 * about block, or false when the bytes are not a complete list. */
bool as_findings_write(as_strbuf *out, const as_finding_list *findings, const as_block *block);
bool as_findings_read(as_arena *arena, const void *data, size_t len, const as_block *block,
                      as_finding_list *findings);

/* What a rule needs beyond the block and its declared interface: the
 * LLVM IR of the program (pointer facts; C files are compiled a second
 * time) and the Z3 solver (the permission story). */
enum { AS_NEEDS_IR = 1u << 0, AS_NEEDS_Z3 = 1u << 1 };

/* The rule catalog (RULES.md). */
typedef struct as_rule_info {
  const char *id;
  as_severity default_severity;
  const char *summary;      /* one sentence */
  unsigned needs;           /* AS_NEEDS_* */
} as_rule_info;
const as_rule_info *as_rules(unsigned *count);
const as_rule_info *as_rule_find(const char *id);
/* "LLVM IR, Z3", "LLVM IR", "Z3", or "" for a rule that needs neither. */
const char *as_rule_needs_text(const as_rule_info *rule);

/* clang-tidy style check globs: "-*,memory-*".  Later entries win; a bare
 * list enables what it names on top of the default (all rules). */
bool as_checks_valid(const char *globs, char *err, size_t errlen);
bool as_check_enabled(const char *globs, const char *rule);
/* Does some rule the globs enable need any of `needs` (AS_NEEDS_*)?  Without
 * such a rule, C files are not compiled to IR and Z3 is not started. */
bool as_checks_need(const char *globs, unsigned needs);

#ifdef __cplusplus
}
#endif
#endif
