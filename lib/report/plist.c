/* The Clang Static Analyzer's plist format (one file per translation
 * unit), for tools that import it (CodeChecker, Xcode, scan-view). */
#include "asmstory/hash.h"
#include "asmstory/report.h"
#include "asmstory/version.h"

#include <stdio.h>
#include <string.h>

static void xml_text(as_strbuf *out, const char *s) {
  for (const char *p = s ? s : ""; *p; p++) {
    switch (*p) {
    case '&': as_strbuf_puts(out, "&amp;"); break;
    case '<': as_strbuf_puts(out, "&lt;"); break;
    case '>': as_strbuf_puts(out, "&gt;"); break;
    case '"': as_strbuf_puts(out, "&quot;"); break;
    case '\'': as_strbuf_puts(out, "&apos;"); break;
    default:
      if ((unsigned char)*p >= 0x20 || *p == '\t' || *p == '\n') as_strbuf_append(out, p, 1);
    }
  }
}

static unsigned file_index(const char **files, unsigned *count, const char *file) {
  for (unsigned i = 0; i < *count; i++)
    if (!strcmp(files[i], file)) return i;
  files[*count] = file;
  return (*count)++;
}

static void location(as_strbuf *out, const char *indent, as_loc loc, unsigned file) {
  as_strbuf_printf(out,
                   "%s<dict>\n%s <key>line</key><integer>%u</integer>\n%s <key>col</key><integer>%u</integer>\n"
                   "%s <key>file</key><integer>%u</integer>\n%s</dict>\n",
                   indent, indent, loc.line ? loc.line : 1, indent, loc.column ? loc.column : 1, indent, file,
                   indent);
}

/* A stable hash of what identifies a finding across runs (rule, function,
 * message, asm line text), as the analyzer's issue hash does. */
static unsigned long long issue_hash(const as_finding *f) {
  uint64_t h = AS_FNV_START;
  const char *parts[3] = {f->rule, f->block->function ? f->block->function : "", f->message};
  for (unsigned k = 0; k < 3; k++) h = as_fnv1a(h, parts[k], strlen(parts[k]));
  return h;
}

void as_report_plist(as_strbuf *out, const as_finding_list *findings) {
  const char **files = as_arena_alloc(out->arena, sizeof(char *) * (findings->count * 8 + 2));
  unsigned num_files = 0;
  as_strbuf_puts(out,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<!DOCTYPE plist PUBLIC \"-//Apple Computer//DTD PLIST 1.0//EN\" "
                 "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                 "<plist version=\"1.0\">\n<dict>\n"
                 " <key>clang_version</key>\n <string>asmstory " AS_VERSION "</string>\n"
                 " <key>diagnostics</key>\n <array>\n");
  for (unsigned i = 0; i < findings->count; i++) {
    const as_finding *f = &findings->items[i];
    as_loc loc = as_report_location(f->block, f->tpl_line, f->tpl_column);
    unsigned fi = file_index(files, &num_files, loc.file ? loc.file : "unknown");
    as_strbuf_puts(out, "  <dict>\n   <key>path</key>\n   <array>\n");
    /* One event for the finding, one per note. */
    for (unsigned k = 0; k <= f->num_notes; k++) {
      const char *text = k == 0 ? f->message : f->notes[k - 1].text;
      as_loc at = loc;
      if (k > 0 && f->notes[k - 1].tpl_line)
        at = as_report_location(f->block, f->notes[k - 1].tpl_line, f->notes[k - 1].tpl_column);
      unsigned ai = file_index(files, &num_files, at.file ? at.file : "unknown");
      as_strbuf_puts(out, "    <dict>\n     <key>kind</key><string>event</string>\n     <key>location</key>\n");
      location(out, "     ", at, ai);
      as_strbuf_printf(out, "     <key>depth</key><integer>0</integer>\n     <key>extended_message</key>\n     <string>");
      xml_text(out, text);
      as_strbuf_puts(out, "</string>\n     <key>message</key>\n     <string>");
      xml_text(out, text);
      as_strbuf_puts(out, "</string>\n    </dict>\n");
    }
    as_strbuf_puts(out, "   </array>\n   <key>description</key>\n   <string>");
    xml_text(out, f->message);
    as_strbuf_printf(out,
                     "</string>\n   <key>category</key>\n   <string>asmstory</string>\n"
                     "   <key>type</key>\n   <string>%s</string>\n"
                     "   <key>check_name</key>\n   <string>asmstory.%s</string>\n"
                     "   <key>issue_hash_content_of_line_in_context</key>\n   <string>%016llx</string>\n",
                     f->rule, f->rule, issue_hash(f));
    if (f->block->function) {
      as_strbuf_puts(out, "   <key>issue_context_kind</key>\n   <string>function</string>\n"
                          "   <key>issue_context</key>\n   <string>");
      xml_text(out, f->block->function);
      as_strbuf_puts(out, "</string>\n");
    }
    as_strbuf_puts(out, "   <key>location</key>\n");
    location(out, "   ", loc, fi);
    as_strbuf_puts(out, "  </dict>\n");
  }
  as_strbuf_puts(out, " </array>\n <key>files</key>\n <array>\n");
  for (unsigned i = 0; i < num_files; i++) {
    as_strbuf_puts(out, "  <string>");
    xml_text(out, files[i]);
    as_strbuf_puts(out, "</string>\n");
  }
  as_strbuf_puts(out, " </array>\n</dict>\n</plist>\n");
}
