// What the AST says about an operand's lvalue (ast_lvalue.h).
#include "ast_lvalue.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <optional>

using namespace clang;

namespace asmstory {

long long sizeOf(const ASTContext &ctx, QualType t) {
  if (t.isNull()) return -1;
  t = t.getCanonicalType();
  if (t->isDependentType() || t->isUndeducedType() || t->isIncompleteType() ||
      t->isFunctionType() || t->isSizelessType() || t->isObjCObjectType() ||
      !t->isConstantSizeType())
    return -1;
  return ctx.getTypeSizeInChars(t).getQuantity();
}

namespace {

// An array subscript with a constant index: its base (under parentheses and
// implicit casts) and the index; null when the index is not a constant.
const Expr *constantSubscript(const ASTContext &ctx, const ArraySubscriptExpr *sub, long long &index) {
  const Expr *idx = sub->getIdx();
  if (idx->isValueDependent() || idx->isTypeDependent()) return nullptr;
  std::optional<llvm::APSInt> v = idx->getIntegerConstantExpr(ctx);
  if (!v) return nullptr;
  index = v->getExtValue();
  return sub->getBase()->IgnoreParenImpCasts();
}

// Does anything in fn other than the expression `self` name var?
class OtherUses : public RecursiveASTVisitor<OtherUses> {
public:
  OtherUses(const VarDecl *var, const Expr *self) : var_(var), self_(self) {}
  bool found = false;
  bool VisitDeclRefExpr(DeclRefExpr *e) {
    if (e != self_ && e->getDecl() == var_) found = true;
    return !found;
  }

private:
  const VarDecl *var_;
  const Expr *self_;
};

} // namespace

bool lvalueInFrame(const ASTContext &ctx, const Expr *e) {
  for (int depth = 0; e && depth < 16; depth++) {
    e = e->IgnoreParenImpCasts();
    if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
      const auto *var = dyn_cast<VarDecl>(ref->getDecl());
      return var && var->hasLocalStorage() && !var->getType()->isReferenceType();
    }
    long long index;
    if (const auto *member = dyn_cast<MemberExpr>(e)) {
      if (member->isArrow()) return false;
      e = member->getBase();
    } else if (const auto *sub = dyn_cast<ArraySubscriptExpr>(e)) {
      const Expr *base = constantSubscript(ctx, sub, index);
      if (!base || !base->getType()->isArrayType()) return false;
      e = base;
    } else {
      return false;
    }
  }
  return false;
}

bool scratchOutput(const Decl *fn, const Expr *e) {
  const auto *ref = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
  const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasLocalStorage() || isa<ParmVarDecl>(var) || var->getType()->isReferenceType() ||
      var->getType().isVolatileQualified() || !fn || !fn->getBody())
    return false;
  OtherUses uses(var, ref);
  uses.TraverseStmt(const_cast<Stmt *>(fn->getBody()));
  return !uses.found;
}

bool lvalueObject(const ASTContext &ctx, const Expr *e, std::string &object, long long &offset) {
  e = e->IgnoreParenImpCasts();
  offset = 0;
  if (const auto *sub = dyn_cast<ArraySubscriptExpr>(e)) {
    long long index = 0;
    const Expr *base = constantSubscript(ctx, sub, index);
    long long size = sub->getType().isNull() ? -1 : sizeOf(ctx, sub->getType());
    if (!base || size <= 0) return false;
    offset = index * size;
    // a pointer cast of &x, or an array x
    for (int depth = 0; depth < 4; depth++) {
      const auto *cast = dyn_cast<ExplicitCastExpr>(base);
      if (!cast) break;
      base = cast->getSubExpr()->IgnoreParenImpCasts();
    }
    if (const auto *addr = dyn_cast<UnaryOperator>(base)) {
      if (addr->getOpcode() != UO_AddrOf) return false;
      base = addr->getSubExpr()->IgnoreParenImpCasts();
    } else if (base->getType().isNull() || !base->getType()->isArrayType()) {
      return false;
    }
    e = base;
  }
  const auto *ref = dyn_cast<DeclRefExpr>(e);
  if (!ref) return false;
  const ValueDecl *decl = ref->getDecl();
  const SourceManager &sm = ctx.getSourceManager();
  PresumedLoc at = sm.getPresumedLoc(sm.getSpellingLoc(decl->getLocation()));
  object = decl->getNameAsString() + ":" + std::to_string(at.isValid() ? at.getLine() : 0) + ":" +
           std::to_string(at.isValid() ? at.getColumn() : 0);
  return true;
}

} // namespace asmstory
