// What the AST says about an operand's lvalue, for the block the plugin
// builds: the same facts lib/frontend/c_frontend.c reads through libclang.
#ifndef ASMSTORY_PLUGIN_AST_LVALUE_H
#define ASMSTORY_PLUGIN_AST_LVALUE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <string>

namespace asmstory {

// Size in bytes of a complete, non-dependent type; -1 otherwise.
long long sizeOf(const clang::ASTContext &ctx, clang::QualType t);

// Is the lvalue a local variable, or a field or constant-index element of
// one (x, s.f, buf[2])?  Its address then comes from the frame pointer or the
// stack pointer, in no register of its own (as_operand.frame_object).
bool lvalueInFrame(const clang::ASTContext &ctx, const clang::Expr *e);

// Is an output a local variable that nothing else in its function fn names
// (a scratch output, "=&r"(tmp))?  Nobody reads what the block leaves there.
bool scratchOutput(const clang::Decl *fn, const clang::Expr *e);

// The variable a memory operand's lvalue is a constant-offset part of (x,
// x[2], ((T *)&x)[1]: Boost's 128-bit halves), as "name:line:column" of its
// declaration, and the byte offset (as_operand.mem_object, mem_offset).
bool lvalueObject(const clang::ASTContext &ctx, const clang::Expr *e, std::string &object,
                  long long &offset);

} // namespace asmstory
#endif
