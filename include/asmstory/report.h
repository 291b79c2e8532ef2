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
/* {"findings": [...]} with rule, severity, message, file, line, column, notes, fixits. */
void as_report_json(as_strbuf *out, const as_finding_list *findings);

/* The exact location of a finding (or of a note's template position):
 * refines the column inside the asm string literal by reading the source. */
as_loc as_report_location(const as_block *block, unsigned tpl_line, unsigned tpl_column);

#ifdef __cplusplus
}
#endif
#endif
