/* Rendering findings: compiler-style text, SARIF 2.1.0, JSON. */
#ifndef ASMSTORY_REPORT_H
#define ASMSTORY_REPORT_H
#include <stdbool.h>
#include "asmstory/arena.h"
#include "asmstory/finding.h"

#ifdef __cplusplus
extern "C" {
#endif

/* file:line:col: warning: message [asmstory-id], the source line with a
 * caret, then the notes.  Reads source files to show lines and to place
 * columns exactly inside string literals. */
void as_report_text(as_strbuf *out, const as_finding_list *findings);
/* One SARIF 2.1.0 log with one run; tool.driver.rules is the catalog. */
void as_report_sarif(as_strbuf *out, const as_finding_list *findings);
/* The Clang Static Analyzer's plist (diagnostics with a path of events,
 * check_name asmstory.<id>, files): one document per translation unit. */
void as_report_plist(as_strbuf *out, const as_finding_list *findings);
/* {"findings": [...]} with rule, severity, message, file, line, column, notes, fixits. */
void as_report_json(as_strbuf *out, const as_finding_list *findings);
/* --list-checks: one line per rule the globs enable, its id, summary and
 * what it needs beyond the source ("[needs LLVM IR, Z3]"). */
void as_report_checks(as_strbuf *out, const char *globs);

/* Sorts list->items[from..] into source order (file, line, column, then the
 * order they were found), as a compiler reports them; with drop_duplicates,
 * a finding equal to an earlier one at the same place (rule and message) is
 * removed (the same asm seen twice, e.g. in two crates' bitcode). */
void as_findings_sort(as_arena *arena, as_finding_list *list, unsigned from, bool drop_duplicates);

/* Blocks read from IR (Rust, .ll) have one block per inlined copy of a
 * statement: the blocks of the same place and template.  Of findings[from..]
 * of such copies, equal ones (rule, place, message) are told once; one that
 * not every copy of blocks[0..num_blocks) has says in which copies it arises
 * ("(in the copy in `f`)"). */
void as_findings_merge_copies(as_arena *arena, as_finding_list *list, unsigned from,
                              as_block *const *blocks, unsigned num_blocks);

/* The exact location of a finding (or of a note's template position):
 * refines the column inside the asm string literal by reading the source. */
as_loc as_report_location(const as_block *block, unsigned tpl_line, unsigned tpl_column);

/* ---- fix-its ------------------------------------------------------------ */

/* One text replacement in a source file (byte offsets). */
typedef struct as_edit {
  const char *file;
  unsigned offset, length;
  const char *text;
  const as_finding *finding; /* the first finding it fixes */
} as_edit;

typedef struct as_edit_list {
  as_edit *items;
  unsigned count, capacity;
} as_edit_list;

/* The edits for fix-its that are certainly right (as_fixit.certain), merged
 * per asm statement (all clobbers to add in one insertion).  Statements
 * from macros get none. */
void as_fix_edits(as_arena *arena, const as_finding_list *findings, as_edit_list *edits);
/* Applies the edits to the files in place.  0, or -1 with a reason. */
int as_fix_apply(as_arena *arena, const as_edit_list *edits, char *err, size_t errlen);
/* clang-tidy's export-fixes YAML (MainSourceFile, Diagnostics with
 * Replacements), for clang-apply-replacements. */
void as_fix_export_yaml(as_strbuf *out, const char *main_file, const as_finding_list *findings,
                        const as_edit_list *edits);

#ifdef __cplusplus
}
#endif
#endif
