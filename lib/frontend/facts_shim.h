/* The C side of the provenance shim: LLVM's own analyses (underlying object,
 * object size, known alignment, value ranges) have no C API; this shim asks
 * them and translates the answers into as_pointer_facts / as_int_facts. */
#ifndef ASMSTORY_FACTS_SHIM_H
#define ASMSTORY_FACTS_SHIM_H
#include <llvm-c/Core.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_facts_ctx as_facts_ctx;

/* One per module read; owns the analysis managers and the analysis copy of
 * the module (its functions with asm after a fixed function-local pipeline:
 * the same facts whatever the build's optimization level).  A module the
 * optimizer has already been through (the pass plugin at -O1 and above:
 * optimized) is read as it is, with no copy: the pipeline would find
 * nothing left to do.  The module is not changed.  NULL on failure. */
as_facts_ctx *as_facts_begin(LLVMModuleRef module, bool optimized);
void as_facts_end(as_facts_ctx *ctx);

/* Facts for argument arg_index of an asm call (read at its copy): pointer
 * facts for pointer values, a value range for integers, and an identity of
 * the value (equal for two operands holding the same value).  lang decides
 * how argument attributes read (Rust &T is noalias readonly). */
void as_facts_operand(as_facts_ctx *ctx, as_arena *arena, LLVMValueRef call, unsigned arg_index,
                      as_lang lang, as_pointer_facts *pointer, as_int_facts *range,
                      unsigned long long *identity);

/* The contexts of an asm call that its function runs on every entry: how
 * many direct calls of the function the translation unit makes (the first
 * four; 0: none, or the asm behind a test), the caller's name, and an
 * operand's facts as that call gives them (a pointer parameter whose extent
 * the callee does not know becomes the caller's object; an integer
 * parameter the caller's value, within the callee's range); false when the
 * call changes nothing. */
unsigned as_facts_caller_count(as_facts_ctx *ctx, LLVMValueRef call);
const char *as_facts_caller_name(as_facts_ctx *ctx, as_arena *arena, LLVMValueRef call,
                                 unsigned caller);
bool as_facts_operand_in_caller(as_facts_ctx *ctx, as_arena *arena, LLVMValueRef call,
                                unsigned arg_index, unsigned caller, as_lang lang,
                                as_pointer_facts *pointer, as_int_facts *range);

/* The least value an allocation size can have, from its arithmetic
 * (size_floor.c), at an asm call; and what it asks the shim: LLVM's
 * unsigned minimum of a value there, and whether a with.overflow call's
 * value used in block at (or on the edge at -> to) did not overflow. */
unsigned long long as_size_floor(as_facts_ctx *ctx, LLVMValueRef call, LLVMValueRef size);
unsigned long long as_facts_umin_at(as_facts_ctx *ctx, LLVMValueRef call, LLVMValueRef value);
bool as_facts_no_overflow_at(as_facts_ctx *ctx, LLVMValueRef with_overflow, LLVMBasicBlockRef at,
                             LLVMBasicBlockRef to);

/* A function's name as messages show it: demangled (C++, Rust; a Rust
 * legacy name without its hash), or the name itself. */
const char *as_facts_demangle(as_arena *arena, const char *name);

#ifdef __cplusplus
}
#endif
#endif
