// A GCCAsmStmt as an as_block: what Clang's AST says about the statement
// (template source form, per-line source locations, operands with their C
// types, clobbers, labels, the statement's layout for fix-its), translated
// into the neutral C statement of lib/frontend/gnu_block.h, whose builder
// (shared with the libclang front end) makes the block.
#include "ast_block.h"
#include "ast_lvalue.h"
#include "gnu_block.h"
#include "asmstory/target.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/LiteralSupport.h"

#include <cstring>
#include <optional>

using namespace clang;

namespace asmstory {

namespace {

const char *copyString(as_arena *arena, llvm::StringRef s) {
  return as_arena_strndup(arena, s.data(), s.size());
}

const char *fileName(BuildContext &bc, FileID fid) {
  if (fid == bc.last_file && bc.last_name) return bc.last_name;
  const SourceManager &sm = bc.ctx.getSourceManager();
  llvm::StringRef name;
  if (OptionalFileEntryRef fe = sm.getFileEntryRefForID(fid)) name = fe->getName();
  else name = sm.getBufferName(sm.getLocForStartOfFile(fid));
  bc.last_file = fid;
  bc.last_name = copyString(as_plugin_arena(bc.plugin), name);
  return bc.last_name;
}

// file:line:column of a location: its spelling (inside a string literal,
// where the characters are) or its expansion (the statement).
as_loc toLoc(BuildContext &bc, SourceLocation where, bool spelling) {
  as_loc loc = {nullptr, 0, 0};
  if (where.isInvalid()) return loc;
  const SourceManager &sm = bc.ctx.getSourceManager();
  SourceLocation at = spelling ? sm.getSpellingLoc(where) : sm.getExpansionLoc(where);
  FileIDAndOffset d = sm.getDecomposedLoc(at);
  if (d.first.isInvalid()) return loc;
  bool invalid = false;
  loc.line = sm.getLineNumber(d.first, d.second, &invalid);
  if (invalid) return as_loc{nullptr, 0, 0};
  loc.column = sm.getColumnNumber(d.first, d.second, &invalid);
  if (invalid) return as_loc{nullptr, 0, 0};
  loc.file = fileName(bc, d.first);
  return loc;
}


long long alignOf(const ASTContext &ctx, QualType t) {
  if (sizeOf(ctx, t) < 0) return -1;
  return ctx.getTypeAlignInChars(t.getCanonicalType()).getQuantity();
}

bool isPointerLike(QualType canon) {
  return canon->isPointerType() || canon->isBlockPointerType() || canon->isObjCObjectPointerType();
}

// The source text of an expression, whitespace runs as one space; null when
// it does not lie in one file or is long.
const char *rangeText(BuildContext &bc, SourceRange source) {
  const SourceManager &sm = bc.ctx.getSourceManager();
  CharSourceRange range = sm.getExpansionRange(source);
  bool invalid = false;
  llvm::StringRef text = Lexer::getSourceText(range, sm, bc.ctx.getLangOpts(), &invalid);
  if (invalid || text.empty() || text.size() > 512) return nullptr;
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    bool splice = c == '\\' && i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r');
    if (splice || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return copyString(as_plugin_arena(bc.plugin), out);
}

const char *exprText(BuildContext &bc, const Expr *e) { return rangeText(bc, e->getSourceRange()); }

// A parameter whose declaration writes its extent down (`char p[static 16]`):
// its declaration's text and name, when the operand is it (p, (T *)p, *p).
void paramExtent(BuildContext &bc, const Expr *e, as_operand *op) {
  const Expr *x = e->IgnoreParenCasts();
  if (const auto *u = dyn_cast<UnaryOperator>(x); u && u->getOpcode() == UO_Deref)
    x = u->getSubExpr()->IgnoreParenCasts();
  const auto *ref = dyn_cast<DeclRefExpr>(x);
  const auto *pv = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
  if (!pv) return;
  const ArrayType *at = bc.ctx.getAsArrayType(pv->getOriginalType());
  if (!at || at->getSizeModifier() != ArraySizeModifier::Static) return;
  const char *text = rangeText(bc, pv->getSourceRange());
  if (!text) return;
  op->extent_decl = text;
  op->extent_param = copyString(as_plugin_arena(bc.plugin), pv->getName().str());
  op->extent_param_number = pv->getFunctionScopeIndex() + 1;
}

// A flexible array member whose count another member holds (`int data[]
// __counted_by(n)`, `__sized_by(n)`): the operand `s->data`, or a local
// initialized with it, has `s->n` units (op->count_*, as the command line's
// counted_extent sets them).
void countedExtent(BuildContext &bc, const Expr *e, as_operand *op) {
  const Expr *x = e->IgnoreParenCasts();
  if (const auto *ref = dyn_cast<DeclRefExpr>(x))
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->hasLocalStorage() && var->getInit())
      x = var->getInit()->IgnoreParenCasts();
  const auto *me = dyn_cast<MemberExpr>(x);
  const auto *field = me ? dyn_cast<FieldDecl>(me->getMemberDecl()) : nullptr;
  const auto *cat = field ? field->getType()->getAs<CountAttributedType>() : nullptr;
  if (!cat || !cat->getCountExpr()) return;
  const auto *cref = dyn_cast<DeclRefExpr>(cat->getCountExpr()->IgnoreParenImpCasts());
  const auto *count = cref ? dyn_cast<FieldDecl>(cref->getDecl()) : nullptr;
  const ArrayType *at = bc.ctx.getAsArrayType(field->getType());
  if (!count || !at || count->getParent() != field->getParent()) return;
  uint64_t array_at = bc.ctx.getFieldOffset(field), count_at = bc.ctx.getFieldOffset(count);
  long long count_size = sizeOf(bc.ctx, count->getType());
  long long unit = cat->isCountInBytes() ? 1 : sizeOf(bc.ctx, at->getElementType());
  const char *base = exprText(bc, me->getBase());
  if (array_at % 8 || count_at % 8 || count_size <= 0 || count_size > 8 || unit <= 0 || !base) return;
  as_arena *arena = as_plugin_arena(bc.plugin);
  std::string name = count->getName().str();
  op->count_expr = copyString(arena, std::string(base) + (me->isArrow() ? "->" : ".") + name);
  op->count_attr = copyString(arena, cat->getAttributeName(true).str() + "(" + name + ")");
  op->count_delta = ((long long)count_at - (long long)array_at) / 8;
  op->count_unit = (unsigned)unit;
  op->count_bits = (unsigned)count_size * 8;
  op->count_signed = count->getType()->isSignedIntegerType();
}

// What an operand hands to the block, when Clang can name it: the value of
// a variable or the address of a variable (the same for "+D"(p) and
// "=m"(*(char (*)[n])p)).  memory: the operand is an lvalue the block
// accesses in place.
struct Handed {
  const VarDecl *var = nullptr;
  bool address = false; // &var (or the array var) rather than var's value
};

Handed handedValue(const Expr *e, bool memory) {
  auto var = [](const Expr *x) -> const VarDecl * {
    const auto *ref = dyn_cast<DeclRefExpr>(x);
    const auto *v = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    if (!v || v->getType().isVolatileQualified()) return nullptr;
    return v;
  };
  Handed h;
  if (memory) {
    // An lvalue: the object at *p is at the value of p; a variable is at its address.
    const Expr *x = e->IgnoreParens();
    if (const auto *u = dyn_cast<UnaryOperator>(x); u && u->getOpcode() == UO_Deref) {
      h.var = var(u->getSubExpr()->IgnoreParenCasts());
      h.address = h.var && h.var->getType()->isArrayType();
      return h;
    }
    h.var = var(x);
    h.address = true;
    return h;
  }
  const Expr *x = e->IgnoreParenCasts();
  if (const auto *u = dyn_cast<UnaryOperator>(x); u && u->getOpcode() == UO_AddrOf) {
    h.var = var(u->getSubExpr()->IgnoreParens());
    h.address = true;
    return h;
  }
  h.var = var(x);
  h.address = h.var && h.var->getType()->isArrayType();
  return h;
}

uint64_t identityOf(const Handed &h) {
  if (!h.var) return 0;
  return (static_cast<uint64_t>(reinterpret_cast<uintptr_t>(h.var)) << 2) | (h.address ? 2 : 1);
}

// The register a local register variable operand is bound to.
const char *registerVariable(BuildContext &bc, const Expr *e) {
  const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenNoopCasts(bc.ctx));
  const auto *v = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!v || v->getStorageClass() != SC_Register) return nullptr;
  const auto *label = v->getAttr<AsmLabelAttr>();
  if (!label) return nullptr;
  const TargetInfo &ti = bc.ctx.getTargetInfo();
  llvm::StringRef name = label->getLabel();
  if (!ti.isValidGCCRegisterName(name)) return nullptr;
  return copyString(as_plugin_arena(bc.plugin), ti.getNormalizedGCCRegisterName(name));
}

// What describeOperand reads with: the statement's function, whether it is
// a template pattern, and per operand the local variable whose object it
// points to.
struct DescribeData {
  BuildContext &bc;
  const Decl *fn;
  bool dependent;
  const char **objects;
};

// The operand's C type and lvalue facts (as_gnu_describe_fn): what Clang's
// AST says of its expression.  A template pattern's expressions answer
// nothing about their lvalues or the values they hand over.
void describeOperand(void *data, const as_gnu_operand_src *src, as_operand *op, unsigned want,
                     as_gnu_lvalue *lvalue) {
  DescribeData &dd = *static_cast<DescribeData *>(data);
  const ASTContext &ctx = dd.bc.ctx;
  as_arena *arena = as_plugin_arena(dd.bc.plugin);
  const Expr *e = static_cast<const Expr *>(src->expr);
  if (want & AS_GNU_WANT_DISCARDED) lvalue->discarded = scratchOutput(dd.fn, e);
  if (!dd.dependent) {
    paramExtent(dd.bc, e, op);
    countedExtent(dd.bc, e, op);
  }
  QualType type = e->getType();
  if (type.isNull()) return;
  op->type_text = copyString(arena, type.getAsString(ctx.getPrintingPolicy()));
  QualType canon = type.getCanonicalType();
  long long size = sizeOf(ctx, canon);
  if (size > 0) op->width_bits = static_cast<unsigned>(size * 8);
  if (canon->isDependentType()) op->type_dependent = true;
  if (isPointerLike(canon)) {
    op->is_pointer = true;
    QualType pointee = canon->getPointeeType();
    long long ps = sizeOf(ctx, pointee);
    if (ps > 0) op->pointee_size = static_cast<unsigned>(ps);
    long long pa = alignOf(ctx, pointee);
    if (pa > 0) op->pointee_align = static_cast<unsigned>(pa);
    // A decayed array: the whole array is behind the pointer.
    const Expr *inner = e->IgnoreParenImpCasts();
    QualType it = inner->getType().isNull() ? QualType() : inner->getType().getCanonicalType();
    long long as = it.isNull() ? -1 : sizeOf(ctx, it);
    if (!it.isNull() && it->isArrayType() && as > 0) {
      const auto *ref = dyn_cast<DeclRefExpr>(inner);
      if (!ref || !isa<ParmVarDecl>(ref->getDecl())) op->pointee_size = static_cast<unsigned>(as);
    }
  }
  if ((want & AS_GNU_WANT_FRAME_OBJECT) && !dd.dependent) lvalue->frame_object = lvalueInFrame(ctx, e);
  std::string object;
  long long offset = 0;
  if ((want & AS_GNU_WANT_MEM_OBJECT) && !e->isTypeDependent() && !e->isValueDependent() &&
      lvalueObject(ctx, e, object, offset)) {
    lvalue->mem_object = copyString(arena, object);
    lvalue->mem_offset = offset;
  }
  bool memory = (op->constraint.kinds & AS_CK_MEM) != 0;
  if (memory && size > 0) {
    op->pointee_size = static_cast<unsigned>(size); // the object "m" names
    long long ta = alignOf(ctx, canon);
    if (ta > 0) op->pointee_align = static_cast<unsigned>(ta);
  }
  bool memory_only = memory && !(op->constraint.kinds & (AS_CK_REG | AS_CK_FIXED | AS_CK_ANY));
  Handed handed;
  if (!dd.dependent) handed = handedValue(e, memory_only);
  op->value_id = identityOf(handed);
  if ((want & AS_GNU_WANT_VALUE) && !e->isValueDependent() && !e->isTypeDependent() &&
      !e->containsErrors()) {
    Expr::EvalResult result;
    if (e->EvaluateAsRValue(result, ctx) && !result.HasSideEffects && result.Val.isInt()) {
      const llvm::APSInt &v = result.Val.getInt();
      if (v.getBitWidth() <= 64) {
        op->has_value = true;
        op->value = v.isUnsigned() ? static_cast<long long>(v.getZExtValue()) : v.getSExtValue();
      }
    }
  }
  if (handed.var && handed.address && handed.var->hasLocalStorage() && handed.var->getIdentifier())
    dd.objects[op->index] = copyString(arena, handed.var->getName());
}

// Offsets (in one file) of the statement's parts, for fix-its: from the
// tokens between `asm` and its closing parenthesis, checked against the
// operand and clobber counts Clang parsed.
void recordLayout(BuildContext &bc, const GCCAsmStmt *s, as_asm_layout &l, BlockSource &src) {
  std::memset(&l, 0, sizeof l);
  const SourceManager &sm = bc.ctx.getSourceManager();
  const LangOptions &lo = bc.ctx.getLangOpts();
  SourceLocation begin = s->getAsmLoc(), end = s->getRParenLoc();
  if (begin.isInvalid() || end.isInvalid() || !begin.isFileID() || !end.isFileID()) return;
  FileID fid = sm.getFileID(begin);
  if (sm.getFileID(end) != fid) return;
  unsigned bo = sm.getFileOffset(begin), eo = sm.getFileOffset(end);
  bool invalid = false;
  llvm::StringRef buf = sm.getBufferData(fid, &invalid);
  if (invalid || bo >= eo || eo >= buf.size()) return;

  Lexer lex(sm.getLocForStartOfFile(fid), lo, buf.begin(), buf.begin() + bo, buf.end());
  Token tok;
  lex.LexFromRawLexer(tok);
  if (!tok.is(tok::raw_identifier)) return;
  unsigned after_keyword = bo + tok.getLength();
  // Qualifiers, then '('.
  for (;;) {
    lex.LexFromRawLexer(tok);
    if (tok.is(tok::eof)) return;
    if (tok.is(tok::l_paren)) break;
    if (!tok.is(tok::raw_identifier)) return;
  }
  unsigned section_end[5] = {0, 0, 0, 0, 0};
  bool section_empty[5] = {true, true, true, true, true};
  unsigned items[5] = {0, 0, 0, 0, 0}; // top-level commas + 1 when not empty
  unsigned sec = 0, last_end = 0, depth = 0;
  for (;;) {
    lex.LexFromRawLexer(tok);
    if (tok.is(tok::eof)) return;
    unsigned off = sm.getFileOffset(tok.getLocation());
    if (off > eo) return;
    if (tok.is(tok::hash) && tok.isAtStartOfLine()) return; // a directive inside
    if (tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace)) {
      depth++;
    } else if (tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace)) {
      if (depth == 0) {
        if (!tok.is(tok::r_paren) || off != eo) return;
        if (!section_empty[sec]) section_end[sec] = last_end;
        break;
      }
      depth--;
    } else if (depth == 0 && tok.isOneOf(tok::colon, tok::coloncolon)) {
      unsigned colons = tok.is(tok::coloncolon) ? 2 : 1;
      for (unsigned k = 0; k < colons; k++) {
        if (!section_empty[sec]) section_end[sec] = last_end;
        if (sec >= 4) return;
        sec++;
        section_end[sec] = off + tok.getLength(); // after the ':' while empty
      }
      last_end = off + tok.getLength();
      continue;
    } else if (depth == 0 && tok.is(tok::comma)) {
      items[sec]++;
    }
    if (section_empty[sec]) items[sec]++;
    section_empty[sec] = false;
    last_end = off + tok.getLength();
  }
  unsigned nout = s->getNumOutputs(), nin = s->getNumInputs();
  auto count = [&](unsigned k) { return sec >= k ? items[k] : 0u; };
  if (count(1) != nout || count(2) != nin || count(3) != s->getNumClobbers() ||
      (s->isAsmGoto() && sec < 4))
    return;
  unsigned n = nout + nin;
  as_arena *arena = as_plugin_arena(bc.plugin);
  l.constraint_offset = static_cast<unsigned *>(as_arena_alloc(arena, sizeof(unsigned) * (n + 1)));
  l.constraint_length = static_cast<unsigned *>(as_arena_alloc(arena, sizeof(unsigned) * (n + 1)));
  for (unsigned k = 0; k < n; k++) {
    const Expr *ce = k < nout ? s->getOutputConstraintExpr(k) : s->getInputConstraintExpr(k - nout);
    const auto *lit = ce ? dyn_cast<StringLiteral>(ce->IgnoreParens()) : nullptr;
    if (!lit || lit->getNumConcatenated() != 1) return;
    SourceLocation at = lit->getBeginLoc();
    if (!at.isFileID() || sm.getFileID(at) != fid) return;
    l.constraint_offset[k] = sm.getFileOffset(at);
    l.constraint_length[k] = Lexer::MeasureTokenLength(at, sm, lo);
    if (!l.constraint_length[k]) return;
  }
  l.after_keyword = after_keyword;
  l.num_sections = sec + 1;
  for (unsigned k = 0; k <= sec; k++) {
    l.section_end[k] = section_end[k];
    l.section_empty[k] = section_empty[k];
  }
  l.close_paren = eo;
  l.file = fileName(bc, fid);
  l.valid = true;
  src.layout_file = fid;
}

// The location of a byte of the template literal, as
// StringLiteral::getLocationOfByte finds it, from the saved token locations.
SourceLocation byteLocation(const SourceManager &sm, const LangOptions &lang,
                            const TargetInfo &target, const BlockSource &src, unsigned byte) {
  if (src.tokens.empty()) return src.stmt_loc;
  if (byte > src.text.size()) byte = static_cast<unsigned>(src.text.size());
  for (size_t k = 0; k < src.tokens.size(); k++) {
    SourceLocation token_loc = src.tokens[k];
    SourceLocation spelling = sm.getSpellingLoc(token_loc);
    FileIDAndOffset where = sm.getDecomposedLoc(spelling);
    bool invalid = false;
    llvm::StringRef buffer = sm.getBufferData(where.first, &invalid);
    if (invalid || where.second >= buffer.size()) return spelling;
    Lexer lexer(sm.getLocForStartOfFile(where.first), lang, buffer.begin(),
                buffer.data() + where.second, buffer.end());
    Token tok;
    lexer.LexFromRawLexer(tok);
    if (!tok.isOneOf(tok::string_literal, tok::utf8_string_literal)) return spelling;
    StringLiteralParser parser(tok, sm, lang, target);
    if (parser.hadError) return spelling;
    unsigned bytes = parser.GetStringLength();
    if (byte < bytes || (byte == bytes && k + 1 == src.tokens.size())) {
      unsigned offset = parser.getOffsetOfStringByte(tok, byte);
      return Lexer::AdvanceToTokenCharacter(token_loc, offset, sm, lang);
    }
    byte -= bytes;
  }
  return src.stmt_loc;
}

// ---- the statements of a translation unit ------------------------------

// Whether a statement ends the way into the next one (a case's last
// statement before the next label; `case 1: { ...; break; }` too).
bool endsFlow(const Stmt *s) {
  while (const auto *block = dyn_cast_or_null<CompoundStmt>(s))
    s = block->body_empty() ? nullptr : block->body_back();
  return s && (isa<BreakStmt>(s) || isa<ReturnStmt>(s) || isa<GotoStmt>(s) || isa<ContinueStmt>(s));
}

class AsmCollector : public RecursiveASTVisitor<AsmCollector> {
  using Base = RecursiveASTVisitor<AsmCollector>;

public:
  AsmCollector(ASTContext &ctx) : ctx_(ctx), sm_(ctx.getSourceManager()) {}
  std::vector<FoundStmt> found;

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  // Types hold no code that runs, except the bounds of a variably modified
  // array (`int a[n]`); a statement expression in `typeof` is never run (a
  // kernel file has thousands, in its macros).
  bool TraverseTypeLoc(TypeLoc loc, bool qualifier = true) {
    if (loc.isNull() || !loc.getType()->isVariablyModifiedType()) return true;
    return Base::TraverseTypeLoc(loc, qualifier);
  }

  bool TraverseDecl(Decl *d) {
    auto *fn = dyn_cast_or_null<FunctionDecl>(d);
    if (!fn) return Base::TraverseDecl(d);
    if (unusedElsewhere(fn)) return true;
    Scope saved = scope_;
    scope_.decl = fn;
    scope_.function = fn->getASTContext().getLangOpts().CPlusPlus ? fn->getQualifiedNameAsString()
                                                                    : fn->getNameAsString();
    scope_.dependent = fn->isDependentContext();
    scope_.dead = false;
    bool ok = Base::TraverseDecl(d);
    scope_ = saved;
    return ok;
  }

  bool TraverseLambdaExpr(LambdaExpr *lambda) {
    Scope saved = scope_;
    scope_.function = scope_.function.empty() ? "<lambda>" : scope_.function + "::<lambda>";
    bool ok = Base::TraverseLambdaExpr(lambda);
    scope_ = saved;
    return ok;
  }

  // switch (sizeof *p) in a size-dispatch macro: the arms whose label does
  // not match never run, and their operand types fit only the live arm
  // (the CLI marks the same statements: lib/frontend/c_frontend.c).
  bool TraverseSwitchStmt(SwitchStmt *sw) {
    std::optional<llvm::APSInt> value;
    if (!scope_.dependent) value = switchValue(sw);
    auto *body = dyn_cast_or_null<CompoundStmt>(sw->getBody());
    if (!value || !body) return Base::TraverseSwitchStmt(sw);
    if (sw->getInit() && !TraverseStmt(sw->getInit())) return false;
    if (sw->getConditionVariableDeclStmt() && !TraverseStmt(sw->getConditionVariableDeclStmt()))
      return false;
    if (!TraverseStmt(sw->getCond())) return false;
    bool outer = scope_.dead;
    return forEachArm(body, *value, [&](Stmt *inner, bool live) {
      scope_.dead = outer || !live;
      bool ok = TraverseStmt(inner);
      scope_.dead = outer;
      return ok;
    });
  }

  // Calls visit(statement, live) for each statement of the body of a switch
  // whose condition is value, live when control can reach it; stops when
  // visit returns false.
  template <typename Visit>
  bool forEachArm(CompoundStmt *body, const llvm::APSInt &value, Visit visit) const {
    bool live = false; // before the first label: unreachable
    const Stmt *previous = nullptr;
    for (Stmt *child : body->body()) {
      Stmt *inner = child;
      if (isa<SwitchCase>(child)) {
        // A chain of labels (case 1: case 2: stmt) reaches its statement if
        // any of them matches, and so does falling through from above.
        bool matches = live && !endsFlow(previous);
        while (auto *label = dyn_cast<SwitchCase>(inner)) {
          matches = matches || labelMatches(label, value);
          inner = label->getSubStmt();
        }
        live = matches;
      }
      if (!visit(inner, live)) return false;
      previous = inner;
    }
    return true;
  }

  bool VisitGCCAsmStmt(GCCAsmStmt *s) {
    if (reported(s)) found.push_back(FoundStmt{s, scope_.decl, scope_.function, scope_.dependent, scope_.dead});
    return true;
  }

  // Not in a system header.
  bool reported(const GCCAsmStmt *s) const {
    SourceLocation at = s->getAsmLoc();
    return at.isValid() && !sm_.isInSystemHeader(sm_.getExpansionLoc(at));
  }

  // The value a switch's condition folds to (sizeof *p in a size-dispatch
  // macro), if it does.
  std::optional<llvm::APSInt> switchValue(const SwitchStmt *sw) const {
    const Expr *cond = sw->getCond();
    if (!cond || cond->isValueDependent() || cond->isTypeDependent()) return std::nullopt;
    Expr::EvalResult r;
    if (!cond->EvaluateAsInt(r, ctx_)) return std::nullopt;
    return r.Val.getInt();
  }

  bool labelMatches(const SwitchCase *label, const llvm::APSInt &value) const {
    const auto *c = dyn_cast<CaseStmt>(label);
    if (!c) return true; // default: taken unless a case matches; not worked out here
    Expr::EvalResult lo, hi;
    if (!c->getLHS() || !c->getLHS()->EvaluateAsInt(lo, ctx_)) return true;
    if (c->caseStmtIsGNURange()) {
      if (!c->getRHS() || !c->getRHS()->EvaluateAsInt(hi, ctx_)) return true;
      return llvm::APSInt::compareValues(lo.Val.getInt(), value) <= 0 &&
             llvm::APSInt::compareValues(value, hi.Val.getInt()) <= 0;
    }
    return llvm::APSInt::compareValues(lo.Val.getInt(), value) == 0;
  }

  // A function of an included file that this translation unit never
  // refers to: the compiler emits no code for it, and every file that
  // uses it checks it (a kernel file includes thousands of such inline
  // helpers).  Functions of the main file are always checked, as are
  // definitions the compiler emits whether used or not.
  bool unusedElsewhere(const FunctionDecl *fn) const {
    if (fn->isReferenced() || fn->isUsed(false)) return false;
    if (!fn->isInlined() && fn->isExternallyVisible()) return false;
    SourceLocation at = sm_.getExpansionLoc(fn->getLocation());
    return at.isValid() && !sm_.isInMainFile(at);
  }

private:
  struct Scope {
    const Decl *decl = nullptr;
    std::string function;
    bool dependent = false;
    bool dead = false; // in a switch arm the compiler folds away
  };

  ASTContext &ctx_;
  const SourceManager &sm_;
  Scope scope_;
};

// Why a statement cannot be read from the AST (in a template pattern its
// string or an operand may depend on a parameter), or null.
const char *unreadableReason(const GCCAsmStmt *s) {
  const Expr *asm_string = s->getAsmStringExpr();
  if (!asm_string || asm_string->isValueDependent() || asm_string->isTypeDependent() ||
      asm_string->containsErrors())
    return "the asm string depends on a template parameter";
  unsigned nout = s->getNumOutputs(), nin = s->getNumInputs();
  for (unsigned k = 0; k < nout + nin; k++) {
    const Expr *c = k < nout ? s->getOutputConstraintExpr(k) : s->getInputConstraintExpr(k - nout);
    const Expr *e = k < nout ? s->getOutputExpr(k) : s->getInputExpr(k - nout);
    if (!c || !e || c->isValueDependent() || e->containsErrors()) return "an operand cannot be read";
  }
  for (unsigned k = 0; k < s->getNumClobbers(); k++) {
    const Expr *c = s->getClobberExpr(k);
    if (!c || c->isValueDependent()) return "a clobber depends on a template parameter";
  }
  return nullptr;
}

// The template: the source form from the literal, each line at the
// literal's first character (templateLocation finds the exact place when a
// finding is reported: each lookup re-lexes the literal); basic asm in the
// IR form ('$' doubled: nothing is substituted); a constant expression
// (C++26) in the IR form, at the statement.
void readTemplate(BuildContext &bc, const GCCAsmStmt *s, as_gnu_stmt &stmt, BlockSource &src) {
  ASTContext &ctx = bc.ctx;
  as_arena *arena = as_plugin_arena(bc.plugin);
  const auto *lit = dyn_cast<StringLiteral>(s->getAsmStringExpr()->IgnoreParens());
  if (!lit || lit->getCharByteWidth() != 1) {
    stmt.template_text = copyString(arena, s->generateAsmString(ctx));
    stmt.template_ir_form = true;
    return;
  }
  llvm::StringRef text = lit->getString();
  src.text = text.str();
  for (unsigned i = 0; i < lit->getNumConcatenated(); i++) src.tokens.push_back(lit->getStrTokenLoc(i));
  src.line_start.push_back(0);
  for (unsigned i = 0; i < text.size(); i++)
    if (text[i] == '\n') src.line_start.push_back(i + 1);
  if (stmt.basic) {
    std::string ir;
    for (char c : text) {
      ir += c;
      if (c == '$') ir += '$';
    }
    stmt.template_text = copyString(arena, ir);
    stmt.template_ir_form = true;
    src.dollars_doubled = true;
  } else {
    stmt.template_text = copyString(arena, text);
  }
  stmt.num_line_locs = static_cast<unsigned>(src.line_start.size());
  stmt.line_locs = static_cast<as_loc *>(as_arena_alloc(arena, sizeof(as_loc) * stmt.num_line_locs));
  as_loc first = toLoc(bc, byteLocation(ctx.getSourceManager(), ctx.getLangOpts(), ctx.getTargetInfo(), src, 0),
                       /*spelling=*/true);
  for (unsigned i = 0; i < stmt.num_line_locs; i++) stmt.line_locs[i] = first;
}

// The operands' pieces: outputs, then inputs.
void readOperands(BuildContext &bc, const GCCAsmStmt *s, as_gnu_stmt &stmt) {
  as_arena *arena = as_plugin_arena(bc.plugin);
  unsigned nout = stmt.num_outputs, n = stmt.num_outputs + stmt.num_inputs;
  if (!n) return;
  stmt.operands = static_cast<as_gnu_operand_src *>(as_arena_alloc(arena, sizeof(as_gnu_operand_src) * n));
  for (unsigned k = 0; k < n; k++) {
    bool is_output = k < nout;
    as_gnu_operand_src &src = stmt.operands[k];
    llvm::StringRef name = is_output ? s->getOutputName(k) : s->getInputName(k - nout);
    src.name = name.empty() ? nullptr : copyString(arena, name);
    std::string constraint = is_output ? s->getOutputConstraint(k) : s->getInputConstraint(k - nout);
    src.constraint = copyString(arena, constraint);
    const Expr *e = is_output ? s->getOutputExpr(k) : s->getInputExpr(k - nout);
    src.expr = const_cast<Expr *>(e);
    src.loc = toLoc(bc, e->getExprLoc(), /*spelling=*/false);
    src.expr_text = exprText(bc, e);
    src.register_variable = registerVariable(bc, e);
  }
}

} // namespace

namespace {
// Stops at the first GCC-style asm statement.
class AsmFinder : public RecursiveASTVisitor<AsmFinder> {
public:
  bool found = false;
  bool VisitGCCAsmStmt(GCCAsmStmt *) {
    found = true;
    return false;
  }
};
} // namespace

bool containsAsmStatement(Decl *decl) {
  AsmFinder finder;
  finder.TraverseDecl(decl);
  return finder.found;
}

namespace {
// The same statements as AsmCollector, for C (no templates, lambdas or
// classes): in C an asm statement is only ever in a function's body (or a
// block literal's), so the walk visits only bodies, through each node's
// children, at a fraction of a RecursiveASTVisitor's cost per node (a
// kernel file walks about a million).  Initializer lists are walked in their
// written form, as RecursiveASTVisitor does (the semantic form repeats an
// initializer a range designator covers, and drops one a later designator
// overrides).
class CBodyWalker {
public:
  CBodyWalker(AsmCollector &rules, std::vector<FoundStmt> &found) : rules_(rules), found_(found) {}

  void function(const FunctionDecl *fn) {
    decl_ = fn;
    name_ = fn->getNameAsString();
    walk(fn->getBody());
  }
  void initializer(const VarDecl *var) {
    decl_ = nullptr;
    name_.clear();
    walk(const_cast<Expr *>(var->getInit()));
  }

private:
  // Iterative, in source order (pre-order): an expression a generator
  // nests 100,000 deep must not exhaust clang's stack.  Each entry is a
  // statement and whether it is in a switch arm the compiler folds away.
  void walk(Stmt *root) {
    std::vector<std::pair<Stmt *, bool>> todo{{root, false}}, next;
    while (!todo.empty()) {
      auto [s, dead] = todo.back();
      todo.pop_back();
      if (!s) continue;
      if (auto *list = dyn_cast<InitListExpr>(s))
        if (InitListExpr *written = list->getSyntacticForm()) s = written;
      next.clear();
      if (auto *a = dyn_cast<GCCAsmStmt>(s)) {
        if (rules_.reported(a)) found_.push_back(FoundStmt{a, decl_, name_, false, dead});
      } else if (auto *block = dyn_cast<BlockExpr>(s)) {
        next.emplace_back(block->getBody(), dead);
      }
      auto *sw = dyn_cast<SwitchStmt>(s);
      if (!sw || !switchArms(sw, dead, next))
        for (Stmt *child : s->children()) next.emplace_back(child, dead);
      todo.insert(todo.end(), next.rbegin(), next.rend());
    }
  }

  // AsmCollector::TraverseSwitchStmt's dead arms: the parts of a switch
  // whose condition folds, in order; false when it does not fold.
  bool switchArms(SwitchStmt *sw, bool dead, std::vector<std::pair<Stmt *, bool>> &out) {
    std::optional<llvm::APSInt> value = rules_.switchValue(sw);
    auto *body = dyn_cast_or_null<CompoundStmt>(sw->getBody());
    if (!value || !body) return false;
    out.emplace_back(sw->getInit(), dead);
    out.emplace_back(sw->getConditionVariableDeclStmt(), dead);
    out.emplace_back(sw->getCond(), dead);
    rules_.forEachArm(body, *value, [&](Stmt *inner, bool live) {
      out.emplace_back(inner, dead || !live);
      return true;
    });
    return true;
  }

  AsmCollector &rules_;
  std::vector<FoundStmt> &found_;
  const Decl *decl_ = nullptr;
  std::string name_;
};
} // namespace

std::vector<FoundStmt> collectAsmStatements(ASTContext &ctx) {
  AsmCollector collector(ctx);
  const LangOptions &lang = ctx.getLangOpts();
  if (lang.CPlusPlus || lang.ObjC) {
    collector.TraverseDecl(ctx.getTranslationUnitDecl());
    return std::move(collector.found);
  }
  std::vector<FoundStmt> found;
  CBodyWalker walker(collector, found);
  for (Decl *d : ctx.getTranslationUnitDecl()->decls()) {
    if (auto *fn = dyn_cast<FunctionDecl>(d)) {
      if (fn->doesThisDeclarationHaveABody() && !collector.unusedElsewhere(fn)) walker.function(fn);
    } else if (auto *var = dyn_cast<VarDecl>(d)) {
      if (var->getInit()) walker.initializer(var); // a block literal's body
    }
  }
  return found;
}

uint64_t srclocCookie(const GCCAsmStmt *stmt) {
  const Expr *e = stmt ? stmt->getAsmStringExpr() : nullptr;
  const auto *lit = e ? dyn_cast<StringLiteral>(e) : nullptr;
  if (!lit) return 0;
  return lit->getBeginLoc().getRawEncoding();
}

as_block *buildBlock(BuildContext &bc, const GCCAsmStmt *s, const Decl *fn,
                     const std::string &function, bool dependent, BlockSource &src) {
  as_arena *arena = as_plugin_arena(bc.plugin);
  src = BlockSource();
  src.stmt_loc = s->getAsmLoc();
  as_gnu_stmt stmt;
  std::memset(&stmt, 0, sizeof stmt);
  stmt.loc = toLoc(bc, s->getAsmLoc(), /*spelling=*/false);
  stmt.function = function.empty() ? nullptr : copyString(arena, function);
  stmt.in_template = dependent;
  stmt.unreadable = unreadableReason(s);
  as_gnu_unit unit = {arena,          bc.lang,         bc.dialect, bc.triple, bc.extra_flags,
                      bc.target_features, describeOperand, nullptr};
  if (stmt.unreadable) return as_gnu_block_build(&unit, &stmt);

  stmt.basic = s->isSimple();
  stmt.volatile_keyword = s->isVolatile();
  stmt.num_outputs = s->getNumOutputs();
  stmt.num_inputs = s->getNumInputs();
  readTemplate(bc, s, stmt, src);
  readOperands(bc, s, stmt);
  stmt.num_clobbers = s->getNumClobbers();
  if (stmt.num_clobbers)
    stmt.clobbers = static_cast<const char **>(as_arena_alloc(arena, sizeof(char *) * stmt.num_clobbers));
  for (unsigned k = 0; k < stmt.num_clobbers; k++) stmt.clobbers[k] = copyString(arena, s->getClobber(k));
  stmt.is_goto = s->isAsmGoto();
  stmt.num_labels = s->getNumLabels();
  if (stmt.num_labels)
    stmt.labels = static_cast<const char **>(as_arena_alloc(arena, sizeof(char *) * stmt.num_labels));
  for (unsigned k = 0; k < stmt.num_labels; k++) stmt.labels[k] = copyString(arena, s->getLabelName(k));
  recordLayout(bc, s, stmt.layout, src);

  unsigned n = stmt.num_outputs + stmt.num_inputs;
  const char **objects = n ? static_cast<const char **>(as_arena_alloc(arena, sizeof(char *) * n)) : nullptr;
  DescribeData data{bc, fn, dependent, objects};
  unit.data = &data;
  as_block *b = as_gnu_block_build(&unit, &stmt);
  if (objects && !b->unreadable) as_plugin_set_object_names(bc.plugin, b, objects);
  return b;
}

SourceLocation templateLocation(const SourceManager &sm, const LangOptions &lang,
                                const TargetInfo &target, const BlockSource &src, unsigned line,
                                unsigned column) {
  if (line == 0 || src.tokens.empty() || line > src.line_start.size()) return src.stmt_loc;
  unsigned start = src.line_start[line - 1];
  unsigned stop = line < src.line_start.size() ? src.line_start[line] - 1
                                               : static_cast<unsigned>(src.text.size());
  unsigned skip = column > 1 ? column - 1 : 0;
  unsigned byte = start;
  if (src.dollars_doubled) {
    // Columns count the template's bytes, where each '$' of the source is two.
    for (unsigned seen = 0; byte < stop && seen < skip; byte++)
      seen += src.text[byte] == '$' ? 2 : 1;
  } else {
    byte = start + skip;
  }
  if (byte > stop) byte = stop;
  return byteLocation(sm, lang, target, src, byte);
}

} // namespace asmstory
