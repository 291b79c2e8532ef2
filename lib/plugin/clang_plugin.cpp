// The Clang plugin (-fplugin=AsmStory.so, name "asmstory"): before code
// generation, every GCC-style asm statement of the translation unit becomes
// an as_block (ast_block.cpp), is analyzed (session.c) and its findings are
// reported as warnings of the inline-asm group pointing into the asm string.
// The blocks stay in the session for the pass plugin (pass_plugin.cpp).
#include "ast_block.h"
#include "plugin.h"
#include "session.h"
#include "asmstory/target.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/CrashRecoveryContext.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <vector>

using namespace clang;

namespace asmstory {

// ---- the session registry ------------------------------------------------

namespace {
std::mutex registry_mutex;
std::unique_ptr<Session> current;
const CompilerInstance *current_owner = nullptr;
} // namespace

Session *currentSession() {
  std::lock_guard<std::mutex> lock(registry_mutex);
  return current.get();
}

void setCurrentSession(std::unique_ptr<Session> session, const CompilerInstance *owner) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  current_owner = owner;
  current = std::move(session);
}

void endSession(const CompilerInstance *ci) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  if (ci && current && current_owner && current_owner != ci) return;
  current.reset();
  current_owner = nullptr;
}

namespace {
AnalyzerHints analyzer_hints;
} // namespace

void setAnalyzerHints(const AnalyzerHints &hints) {
  std::lock_guard<std::mutex> lock(registry_mutex);
  analyzer_hints = hints;
}

AnalyzerHints analyzerHints() {
  std::lock_guard<std::mutex> lock(registry_mutex);
  return analyzer_hints;
}

as_dialect dialectOf(const CompilerInstance &ci) {
  return ci.getCodeGenOpts().getInlineAsmDialect() == CodeGenOptions::IAD_Intel ? AS_DIALECT_INTEL
                                                                                : AS_DIALECT_ATT;
}

unsigned extraFlagsOf(const CompilerInstance &ci) {
  const CodeGenOptions &cg = ci.getCodeGenOpts();
  unsigned flags = cg.DisableRedZone || cg.CodeModel == "kernel" ? AS_BF_NO_RED_ZONE : 0;
  // Target features as written ("-sse" for -mno-sse): what the compiler may allocate.
  std::string triple = ci.getTarget().getTriple().str();
  for (const std::string &feature : ci.getTargetOpts().FeaturesAsWritten)
    flags |= as_target_flags_from_feature(triple.c_str(), feature.c_str());
  // The processor (-march=haswell) implies features clang does not list there.
  const std::string &cpu = ci.getTargetOpts().CPU;
  if (!cpu.empty()) flags |= as_target_flags_from_arg(triple.c_str(), ("-march=" + cpu).c_str());
  return flags;
}

// -march=armv8.2-a+sve: "+v8.2a,+sve,...".
std::string featuresOf(const CompilerInstance &ci) {
  const std::vector<std::string> &list = ci.getTargetOpts().Features;
  std::vector<const char *> names;
  for (const std::string &f : list) names.push_back(f.c_str());
  as_arena arena;
  as_arena_init(&arena);
  std::string triple = ci.getTarget().getTriple().str();
  const char *joined = as_target_features_from_list(&arena, triple.c_str(), names.data(),
                                                    static_cast<unsigned>(names.size()));
  std::string out = joined ? joined : "";
  as_arena_free(&arena);
  return out;
}

// ---- a session ---------------------------------------------------------------

namespace {

struct DiagIds {
  unsigned warning, error, remark, note;
};

// The plugin's diagnostics: findings are warnings of the inline-asm group
// (-Winline-asm, -Werror, -w); proved ones may be default errors; what could
// not be verified is a remark, off unless -Rremark-backend-plugin (clang
// accepts -R only for groups that already hold remarks).
DiagIds diagnosticIds(CompilerInstance &ci) {
  DiagnosticIDs &ids = *ci.getDiagnostics().getDiagnosticIDs();
  auto group = diag::Group::BackendInlineAsm;
  DiagIds d;
  d.warning = ids.getCustomDiagID(DiagnosticIDs::CustomDiagDesc(
      diag::Severity::Warning, "%0", DiagnosticIDs::CLASS_WARNING, false, false, group));
  d.error = ids.getCustomDiagID(DiagnosticIDs::CustomDiagDesc(
      diag::Severity::Error, "%0", DiagnosticIDs::CLASS_WARNING, false, false, group));
  d.remark = ids.getCustomDiagID(DiagnosticIDs::CustomDiagDesc(
      diag::Severity::Ignored, "%0", DiagnosticIDs::CLASS_REMARK, false, false,
      diag::Group::RemarkBackendPlugin));
  d.note = ids.getCustomDiagID(
      DiagnosticIDs::CustomDiagDesc(diag::Severity::Fatal, "%0", DiagnosticIDs::CLASS_NOTE));
  return d;
}

// Called before parsing (ASTConsumer::Initialize).  Clang 22 computes a
// custom diagnostic's mapping lazily, from the group's *latest* severity:
// a `#pragma clang diagnostic ignored "-Winline-asm"` inside push/pop would
// then leak to the whole file, and a command-line -Wno-error=inline-asm is
// not carried over.  So apply -W[no-]error=inline-asm to them and fix their
// mapping in the initial diagnostic state now, as the command line leaves
// it (setSeverity keeps an error mapping when asked for a warning); pragmas
// then push and pop them as they do clang's own warnings.
void prepareDiagnostics(CompilerInstance &ci) {
  DiagIds d = diagnosticIds(ci);
  DiagnosticsEngine &diags = ci.getDiagnostics();
  std::optional<bool> as_error;
  for (const std::string &w : ci.getDiagnosticOpts().Warnings) {
    if (w == "error=inline-asm") as_error = true;
    else if (w == "no-error=inline-asm") as_error = false;
  }
  if (as_error) diags.setDiagnosticGroupWarningAsError("inline-asm", *as_error);
  for (unsigned id : {d.warning, d.error}) {
    bool ignored = diags.getDiagnosticLevel(id, SourceLocation()) == DiagnosticsEngine::Ignored;
    diags.setSeverity(id, ignored ? diag::Severity::Ignored : diag::Severity::Warning, SourceLocation());
  }
  bool remarks = diags.getDiagnosticLevel(d.remark, SourceLocation()) == DiagnosticsEngine::Remark;
  diags.setSeverity(d.remark, remarks ? diag::Severity::Remark : diag::Severity::Ignored, SourceLocation());
}

} // namespace

Session::Session(CompilerInstance &ci, ASTContext &ctx, const as_plugin_options &options)
    : ci_(ci), plugin_(as_plugin_create(&options)),
      lang_(ctx.getLangOpts().CPlusPlus ? AS_LANG_CXX : AS_LANG_C) {
  const auto &inputs = ci.getFrontendOpts().Inputs;
  if (!inputs.empty() && inputs[0].isFile()) main_file_ = inputs[0].getFile().str();
  DiagIds d = diagnosticIds(ci);
  warning_id_ = d.warning;
  error_id_ = d.error;
  remark_id_ = d.remark;
  note_id_ = d.note;
}

Session::~Session() { as_plugin_destroy(plugin_); }

Record &Session::add(uint64_t cookie, as_block *block, const BlockSource &src) {
  records_.push_back(Record{block, src});
  Record &rec = records_.back();
  if (cookie) by_cookie_.emplace(cookie, &rec);
  return rec;
}

const Record *Session::find(uint64_t cookie) const {
  auto it = by_cookie_.find(cookie);
  return it == by_cookie_.end() ? nullptr : it->second;
}

bool Session::guarded(llvm::function_ref<void()> step) {
  if (disabled_) return false;
  llvm::CrashRecoveryContext recovery;
  if (recovery.RunSafely(step)) return true;
  disabled_ = true;
  remark(SourceLocation(), "asmstory: the analysis failed; the plugin is off for the rest of this "
                           "compilation (please report it)");
  return false;
}

void Session::remark(SourceLocation loc, const std::string &text) {
  ci_.getDiagnostics().Report(loc, remark_id_) << text;
}

void Session::report(const Record &rec, as_finding_list &findings, as_arena *arena,
                     uint64_t dedupe_key) {
  if (!findings.count || !plugin_) return;
  DiagnosticsEngine &diags = ci_.getDiagnostics();
  SourceManager &sm = ci_.getSourceManager();
  // Source order inside the statement, as a compiler reports.
  std::stable_sort(findings.items, findings.items + findings.count,
                   [](const as_finding &a, const as_finding &b) {
                     if (a.tpl_line != b.tpl_line) return a.tpl_line < b.tpl_line;
                     return a.tpl_column < b.tpl_column;
                   });
  as_edit_list edits = {nullptr, 0, 0};
  as_fix_edits(arena, &findings, &edits);
  for (unsigned i = 0; i < findings.count; i++) {
    const as_finding *f = &findings.items[i];
    if (dedupe_key && !as_plugin_first_report(plugin_, dedupe_key, f->rule)) continue;
    int level = as_plugin_diag_level(plugin_, f);
    unsigned id = level == 0 ? remark_id_ : level == 2 ? error_id_ : warning_id_;
    // A remark nobody asked for (no -Rremark-backend-plugin): finding its
    // place in the template (re-lexing the literal) and its notes' would be
    // work for nothing.
    if (id == remark_id_ &&
        diags.getDiagnosticLevel(id, rec.src.stmt_loc) == DiagnosticsEngine::Ignored)
      continue;
    SourceLocation loc = templateLocation(sm, ci_.getLangOpts(), ci_.getTarget(), rec.src, f->tpl_line, f->tpl_column);
    {
      DiagnosticBuilder db = diags.Report(loc, id);
      db << as_plugin_diag_text(arena, f);
      for (unsigned e = 0; e < edits.count && rec.src.layout_file.isValid(); e++) {
        const as_edit &edit = edits.items[e];
        if (edit.finding != f || !edit.text) continue;
        SourceLocation at = sm.getComposedLoc(rec.src.layout_file, edit.offset);
        if (edit.length)
          db << FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(at, at.getLocWithOffset(edit.length)), edit.text);
        else
          db << FixItHint::CreateInsertion(at, edit.text);
      }
    }
    for (unsigned k = 0; k < f->num_notes; k++) {
      const as_note &n = f->notes[k];
      SourceLocation at =
          n.tpl_line ? templateLocation(sm, ci_.getLangOpts(), ci_.getTarget(), rec.src, n.tpl_line,
                                       n.tpl_column)
                      : loc;
      diags.Report(at, note_id_) << (n.text ? n.text : "");
    }
    for (unsigned k = 0; k < f->num_fixits; k++)
      diags.Report(loc, note_id_) << as_arena_printf(arena, "fix: %s",
                                                     f->fixits[k].description
                                                         ? f->fixits[k].description
                                                         : "");
  }
}

// ---- the AST walk ------------------------------------------------------------

namespace {

// Whether this compilation generates code (so the pass plugin may run).
bool generatesCode(const CompilerInstance &ci) {
  switch (ci.getFrontendOpts().ProgramAction) {
  case frontend::EmitAssembly:
  case frontend::EmitBC:
  case frontend::EmitLLVM:
  case frontend::EmitLLVMOnly:
  case frontend::EmitCodeGenOnly:
  case frontend::EmitObj:
    return true;
  default:
    return false;
  }
}

class AsmStoryConsumer : public ASTConsumer {
public:
  AsmStoryConsumer(CompilerInstance &ci, as_plugin_options options, std::string checks)
      : ci_(ci), options_(options), checks_(std::move(checks)) {
    options_.checks = checks_.empty() ? nullptr : checks_.c_str();
  }
  ~AsmStoryConsumer() override { endSession(&ci_); }

  void Initialize(ASTContext &) override {
    prepareDiagnostics(ci_);
    features_ = featuresOf(ci_);
  }

  // The assembler server is forked at the first asm statement parsed, while
  // clang is still small: forked after parsing, it made clang copy every
  // page it wrote while the server lived (a third of a kernel file's
  // compile time); forked before parsing, it cost a file without asm 15%.
  bool HandleTopLevelDecl(DeclGroupRef group) override {
    if (forked_) return true;
    for (Decl *d : group)
      if (containsAsmStatement(d)) {
        forked_ = true;
        as_target_prefork(d->getASTContext().getTargetInfo().getTriple().str().c_str(),
                          features_.empty() ? nullptr : features_.c_str());
        break;
      }
    return true;
  }

  void HandleTranslationUnit(ASTContext &ctx) override {
    DiagnosticsEngine &diags = ci_.getDiagnostics();
    std::vector<FoundStmt> found;
    if (!diags.hasErrorOccurred()) found = collectAsmStatements(ctx);
    if (found.empty()) {
      // Nothing to say: the assembler server forked at the first asm parsed
      // (in a header function this file never calls) ends before code
      // generation writes the pages it shares with clang.
      as_target_cache_idle(nullptr);
      return;
    }

    auto session = std::make_unique<Session>(ci_, ctx, options_);
    as_plugin *plugin = session->plugin();
    if (!plugin) return;
    BuildContext bc{ctx, plugin, AS_LANG_C, AS_DIALECT_ATT, nullptr, 0, nullptr, FileID(), nullptr};
    bc.lang = session->lang();
    bc.dialect = dialectOf(ci_);
    std::string triple = ctx.getTargetInfo().getTriple().str();
    bc.triple = as_arena_strndup(as_plugin_arena(plugin), triple.data(), triple.size());
    bc.extra_flags = extraFlagsOf(ci_);
    if (!features_.empty())
      bc.target_features = as_arena_strndup(as_plugin_arena(plugin), features_.data(), features_.size());

    // Every statement is read first, so that the assembler process gets
    // all their templates in one round trip (as_plugin_prefetch).
    unsigned next_id = 1;
    std::vector<Record *> records;
    std::vector<as_block *> blocks;
    records.reserve(found.size());
    blocks.reserve(found.size());
    for (const FoundStmt &item : found) {
      BlockSource src;
      as_block *b = buildBlock(bc, item.stmt, item.decl, item.function, item.dependent, src);
      if (item.dead_branch) b->flags |= AS_BF_DEAD_BRANCH;
      b->id = next_id++;
      records.push_back(&session->add(srclocCookie(item.stmt), b, src));
      blocks.push_back(b);
    }
    if (!session->guarded(
            [&] { as_plugin_prefetch(plugin, blocks.data(), static_cast<unsigned>(blocks.size())); }))
      return;
    for (size_t k = 0; k < found.size(); k++) {
      const FoundStmt &item = found[k];
      as_block *b = blocks[k];
      Record &rec = *records[k];
      // The analysis' memory lives until the findings are reported: reused
      // by the next statement, not grown for the whole translation unit.
      as_arena scratch;
      as_arena_init(&scratch);
      as_finding_list findings = {nullptr, 0, 0};
      char why[512] = "";
      int analyzed = -1;
      bool ok = session->guarded(
          [&] { analyzed = as_plugin_analyze(plugin, &scratch, b, &findings, why, sizeof why); });
      if (ok && analyzed != 0)
        session->remark(item.stmt->getAsmLoc(),
                        std::string("asmstory: the asm statement is not analyzed: ") + why);
      else if (ok)
        session->report(rec, findings, &scratch, 0);
      as_arena_free(&scratch);
      if (!ok) break;
    }
    // Code generation writes most of clang's pages: the assembler server
    // (a fork, sharing them until written) ends before it.
    as_plugin_idle(plugin);
    // The pass plugin tells the permission stories of the emitted calls.
    if (generatesCode(ci_) && as_plugin_wants_stories(plugin) && !session->empty() &&
        !session->disabled()) {
      setCurrentSession(std::move(session), &ci_);
    }
  }

private:
  CompilerInstance &ci_;
  as_plugin_options options_;
  std::string checks_;
  bool forked_ = false;
  std::string features_; // as_block.target_features of this compilation
};

class AsmStoryAction : public PluginASTAction {
public:
  ActionType getActionType() override { return AddBeforeMainAction; }

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci, llvm::StringRef) override {
    endSession(nullptr); // a session a leaked consumer (-disable-free) left behind
    return std::make_unique<AsmStoryConsumer>(ci, options_, checks_);
  }

  bool ParseArgs(const CompilerInstance &ci, const std::vector<std::string> &args) override {
    for (const std::string &arg : args) {
      as_plugin_options parsed = options_;
      char err[512] = "";
      if (as_plugin_parse_arg(&parsed, arg.c_str(), err, sizeof err) != 0) {
        DiagnosticsEngine &diags = ci.getDiagnostics();
        unsigned id = diags.getDiagnosticIDs()->getCustomDiagID(DiagnosticIDs::CustomDiagDesc(
            diag::Severity::Warning, "asmstory: ignoring -fplugin-arg-asmstory-%0: %1",
            DiagnosticIDs::CLASS_WARNING, false, false, diag::Group::BackendInlineAsm));
        diags.Report(id) << arg << err;
        continue;
      }
      if (parsed.checks != options_.checks) checks_ = parsed.checks ? parsed.checks : "";
      options_ = parsed;
      options_.checks = nullptr; // the consumer points it at its own copy
    }
    // A static analysis (-analyze, scan-build -load-plugin): the analyzer
    // checker reports; tell it what only the compiler instance knows.
    if (ci.getFrontendOpts().ProgramAction == frontend::RunAnalysis) {
      AnalyzerHints hints;
      hints.dialect = dialectOf(ci);
      hints.extra_flags = extraFlagsOf(ci);
      hints.features = featuresOf(ci);
      hints.checks = checks_;
      setAnalyzerHints(hints);
      return false;
    }
    return true;
  }

private:
  as_plugin_options options_ = {nullptr, 0, false};
  std::string checks_;
};

} // namespace

} // namespace asmstory

static clang::FrontendPluginRegistry::Add<asmstory::AsmStoryAction>
    asmstory_plugin("asmstory", "check inline asm blocks against their interface and the memory their pointers grant");
