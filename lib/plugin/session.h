// One compilation seen by AsmStory.so: the blocks the Clang plugin read from
// the AST (found again by the pass through their !srcloc cookie) and the
// diagnostics engine both sides report through.
#ifndef ASMSTORY_PLUGIN_SESSION_H
#define ASMSTORY_PLUGIN_SESSION_H

#include "ast_block.h"
#include "plugin.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>

namespace asmstory {

struct Record {
  as_block *block = nullptr;
  BlockSource src;
};

class Session {
public:
  Session(clang::CompilerInstance &ci, clang::ASTContext &ctx, const as_plugin_options &options);
  ~Session();
  Session(const Session &) = delete;
  Session &operator=(const Session &) = delete;

  as_plugin *plugin() const { return plugin_; }
  as_lang lang() const { return lang_; }

  Record &add(uint64_t cookie, as_block *block, const BlockSource &src);
  const Record *find(uint64_t cookie) const;
  bool empty() const { return records_.empty(); }
  // Whether an LLVM module (by its source file name) is this compilation's.
  bool isModuleOf(llvm::StringRef source_file) const { return source_file == main_file_; }

  // Reports findings about one statement as Clang diagnostics: the finding
  // inside the asm string, its notes, its certain fix-its as FixItHints.
  // dedupe_key != 0: each rule once per key (the pass sees inlined copies).
  void report(const Record &rec, as_finding_list &findings, as_arena *arena, uint64_t dedupe_key);
  // A remark (-Rremark-backend-plugin), for what was not analyzed.
  void remark(clang::SourceLocation loc, const std::string &text);

  // Runs one analysis step under clang's crash recovery (active in the
  // driver's in-process cc1): a crash of the analysis turns the plugin off
  // for the rest of the compilation instead of ending it.  False when the
  // step crashed now or before.
  bool guarded(llvm::function_ref<void()> step);
  bool disabled() const { return disabled_; }

private:
  clang::CompilerInstance &ci_;
  as_plugin *plugin_;
  as_lang lang_;
  std::string main_file_;
  std::deque<Record> records_;
  std::unordered_map<uint64_t, Record *> by_cookie_;
  unsigned warning_id_, error_id_, remark_id_, note_id_;
  bool disabled_ = false;
};

// The compilation in progress in this process (clang runs one at a time per
// process, in-process cc1 jobs one after the other); null when none.
Session *currentSession();
void setCurrentSession(std::unique_ptr<Session> session, const clang::CompilerInstance *owner);
// Ends the current session if it belongs to ci (or any, with null).
void endSession(const clang::CompilerInstance *ci);

// What the compiler instance of a static analysis (-analyze, scan-build)
// knows and the analyzer checker cannot reach: the inline asm dialect and
// -mno-red-zone (CodeGenOptions), and -fplugin-arg-asmstory-* arguments.
struct AnalyzerHints {
  as_dialect dialect = AS_DIALECT_ATT;
  unsigned extra_flags = 0; // AS_BF_NO_RED_ZONE
  std::string features;     // as_block.target_features ("" for none)
  std::string checks;
};
void setAnalyzerHints(const AnalyzerHints &hints);
AnalyzerHints analyzerHints();

// The compilation's dialect and extra block flags, from its CodeGenOptions.
as_dialect dialectOf(const clang::CompilerInstance &ci);
unsigned extraFlagsOf(const clang::CompilerInstance &ci);
// The extensions it enables that the assembler checks, as
// as_block.target_features ("" for none).
std::string featuresOf(const clang::CompilerInstance &ci);

} // namespace asmstory

#endif
