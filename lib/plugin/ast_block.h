// The AST shim of AsmStory.so: a GCCAsmStmt as an as_block, and where the
// block's template positions are in the source.
#ifndef ASMSTORY_PLUGIN_AST_BLOCK_H
#define ASMSTORY_PLUGIN_AST_BLOCK_H

#include "plugin.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

#include <cstdint>
#include <string>
#include <vector>

namespace asmstory {

// What the reporter needs to put a template position back into the source.
// No AST node: clang frees the AST before the optimizer runs
// (-clear-ast-before-backend), and the pass reports through this too.
struct BlockSource {
  std::vector<clang::SourceLocation> tokens; // the template literal's string tokens; empty
                                             // when the template is not a literal
  std::string text;                 // the literal's bytes
  std::vector<unsigned> line_start; // per template line: its first byte in text
  bool dollars_doubled = false;     // basic asm: the block's template has "$$" for each "$"
  clang::SourceLocation stmt_loc;   // the asm keyword
  clang::FileID layout_file;        // the file block->layout's offsets are in
};

// The compilation's facts every block shares.
struct BuildContext {
  clang::ASTContext &ctx;
  as_plugin *plugin;
  as_lang lang = AS_LANG_C;
  as_dialect dialect = AS_DIALECT_ATT;
  const char *triple = nullptr;  // in the plugin's arena
  unsigned extra_flags = 0;      // AS_BF_NO_RED_ZONE
  const char *target_features = nullptr; // as_block.target_features, in the plugin's arena
  // the last file whose name was copied into the arena
  clang::FileID last_file;
  const char *last_name = nullptr;
};

// An asm statement of the translation unit and where it is.
struct FoundStmt {
  const clang::GCCAsmStmt *stmt;
  const clang::Decl *decl;  // the enclosing function, or null
  std::string function;     // its (qualified) name
  bool dependent;           // in a template pattern
  bool dead_branch;         // in a switch arm the compiler folds away (AS_BF_DEAD_BRANCH)
};

// Every GCC-style asm statement outside system headers, in source order;
// templates once, in their pattern; not those of functions of included
// files that the translation unit never refers to (no code is emitted for
// them here; the files that use them check them).
std::vector<FoundStmt> collectAsmStatements(clang::ASTContext &ctx);

// Whether a declaration (a function, as it is parsed) holds an asm statement.
bool containsAsmStatement(clang::Decl *decl);

// The key the pass finds a statement by: the !srcloc cookie Clang's code
// generator gives the asm call (raw encoding of the template literal's
// location); 0 when the template is not a string literal.
uint64_t srclocCookie(const clang::GCCAsmStmt *stmt);

// Reads one statement into a block in the plugin's arena, through the
// block builder the libclang front end shares (lib/frontend/gnu_block.h).
// fn is the enclosing function (may be null) and function its name (may be
// empty); dependent says the statement is in a template pattern.  Never
// null: a statement that cannot be read is a block whose `unreadable`
// says why (the analysis reports it as not verified).
as_block *buildBlock(BuildContext &bc, const clang::GCCAsmStmt *stmt, const clang::Decl *fn,
                     const std::string &function, bool dependent, BlockSource &src);

// The source location of a template position (1-based line and column,
// 0 for the statement itself): the exact byte inside the asm string.
clang::SourceLocation templateLocation(const clang::SourceManager &sm,
                                       const clang::LangOptions &lang,
                                       const clang::TargetInfo &target, const BlockSource &src,
                                       unsigned line, unsigned column);

} // namespace asmstory

#endif
