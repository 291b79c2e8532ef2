// The Clang Static Analyzer checker (package "asmstory", checker
// asmstory.InlineAsm): the same AST-side findings as the Clang plugin,
// reported through the analyzer's BugReporter so scan-build and CodeChecker
// write them into their own HTML, plist and SARIF reports.
//
//   clang -cc1 -load AsmStory.so -analyze -analyzer-checker=asmstory ...
//   scan-build-22 -load-plugin AsmStory.so -enable-checker asmstory make
//
// Options: -analyzer-config asmstory.InlineAsm:Checks=<globs separated by ';'>; the dialect and
// -mno-red-zone come from the compiler instance (the Clang plugin half of
// this module records them when it is loaded into an analysis).
#include "ast_block.h"
#include "plugin.h"
#include "session.h"

#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

#include <map>
#include <memory>
#include <string>

using namespace clang;
using namespace clang::ento;

namespace asmstory {
namespace {

class AsmStoryChecker : public Checker<check::EndOfTranslationUnit> {
public:
  void checkEndOfTranslationUnit(const TranslationUnitDecl *tu, AnalysisManager &mgr,
                                 BugReporter &reporter) const;

private:
  const BugType &typeFor(const char *rule) const {
    std::unique_ptr<BugType> &type = types_[rule];
    if (!type)
      type = std::make_unique<BugType>(this, std::string("asmstory-") + rule, "Inline assembly");
    return *type;
  }
  mutable std::map<std::string, std::unique_ptr<BugType>> types_;
};

void AsmStoryChecker::checkEndOfTranslationUnit(const TranslationUnitDecl *, AnalysisManager &mgr,
                                                BugReporter &reporter) const {
  ASTContext &ctx = mgr.getASTContext();
  if (ctx.getDiagnostics().hasErrorOccurred()) return;
  std::vector<FoundStmt> found = collectAsmStatements(ctx);
  if (found.empty()) return;

  AnalyzerHints hints = analyzerHints();
  std::string checks =
      mgr.getAnalyzerOptions().getCheckerStringOption(this, "Checks").str();
  // -analyzer-config splits its values at commas: the option separates
  // globs with ';' (Checks=-*;memory-*).
  for (char &c : checks)
    if (c == ';') c = ',';
  if (checks.empty()) checks = hints.checks;
  char err[512] = "";
  if (!checks.empty() && !as_checks_valid(checks.c_str(), err, sizeof err)) checks.clear();
  as_plugin_options options = {checks.empty() ? nullptr : checks.c_str(), 0, false};
  as_plugin *plugin = as_plugin_create(&options);
  if (!plugin) return;
  std::string triple = ctx.getTargetInfo().getTriple().str();
  BuildContext bc{ctx, plugin, ctx.getLangOpts().CPlusPlus ? AS_LANG_CXX : AS_LANG_C, hints.dialect,
                  as_arena_strndup(as_plugin_arena(plugin), triple.data(), triple.size()),
                  hints.extra_flags, nullptr, FileID(), nullptr};
  if (!hints.features.empty())
    bc.target_features =
        as_arena_strndup(as_plugin_arena(plugin), hints.features.data(), hints.features.size());
  const SourceManager &sm = ctx.getSourceManager();
  as_arena *arena = as_plugin_arena(plugin);

  unsigned next_id = 1;
  for (const FoundStmt &item : found) {
    BlockSource src;
    as_block *b = buildBlock(bc, item.stmt, item.decl, item.function, item.dependent, src);
    if (item.dead_branch) b->flags |= AS_BF_DEAD_BRANCH;
    b->id = next_id++;
    as_finding_list findings = {nullptr, 0, 0};
    if (as_plugin_analyze(plugin, arena, b, &findings, err, sizeof err) != 0) continue;
    as_edit_list edits = {nullptr, 0, 0};
    as_fix_edits(arena, &findings, &edits);
    for (unsigned i = 0; i < findings.count; i++) {
      const as_finding *f = &findings.items[i];
      if (as_plugin_diag_level(plugin, f) == 0) continue; // not verified: no bug report
      SourceLocation at = templateLocation(sm, ctx.getLangOpts(), ctx.getTargetInfo(), src,
                                           f->tpl_line, f->tpl_column);
      if (at.isInvalid()) continue;
      auto report = std::make_unique<BasicBugReport>(
          typeFor(f->rule), as_plugin_diag_text(arena, f),
          PathDiagnosticLocation(sm.getFileLoc(at), sm));
      if (item.decl) report->setDeclWithIssue(item.decl);
      report->addRange(SourceRange(item.stmt->getBeginLoc(), item.stmt->getEndLoc()));
      for (unsigned k = 0; k < f->num_notes; k++) {
        const as_note &n = f->notes[k];
        SourceLocation nat = n.tpl_line ? templateLocation(sm, ctx.getLangOpts(), ctx.getTargetInfo(),
                                                           src, n.tpl_line, n.tpl_column)
                                        : at;
        report->addNote(n.text ? n.text : "", PathDiagnosticLocation(sm.getFileLoc(nat), sm));
      }
      for (unsigned k = 0; k < f->num_fixits; k++)
        report->addNote(as_arena_printf(arena, "fix: %s", f->fixits[k].description
                                                              ? f->fixits[k].description
                                                              : ""),
                        PathDiagnosticLocation(sm.getFileLoc(at), sm));
      for (unsigned e = 0; e < edits.count && src.layout_file.isValid(); e++) {
        const as_edit &edit = edits.items[e];
        if (edit.finding != f || !edit.text) continue;
        SourceLocation from = sm.getComposedLoc(src.layout_file, edit.offset);
        if (edit.length)
          report->addFixItHint(FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(from, from.getLocWithOffset(edit.length)), edit.text));
        else
          report->addFixItHint(FixItHint::CreateInsertion(from, edit.text));
      }
      reporter.emitReport(std::move(report));
    }
  }
  as_plugin_destroy(plugin);
}

void registerAsmStoryChecker(CheckerManager &mgr) { mgr.registerChecker<AsmStoryChecker>(); }
bool shouldRegisterAsmStoryChecker(const CheckerManager &) { return true; }

} // namespace
} // namespace asmstory

extern "C" void clang_registerCheckers(CheckerRegistry &registry) {
  registry.addChecker(asmstory::registerAsmStoryChecker, asmstory::shouldRegisterAsmStoryChecker,
                      "asmstory.InlineAsm",
                      "Checks inline asm blocks against their declared interface (asmstory)",
                      "https://example.invalid/asmstory/docs/plugin.md");
  registry.addCheckerOption("string", "asmstory.InlineAsm", "Checks", "",
                            "Rules to run, clang-tidy style globs separated by ';' (-*;memory-*)", "released");
}

extern "C" const char clang_analyzerAPIVersionString[] = CLANG_ANALYZER_API_VERSION_STRING;
