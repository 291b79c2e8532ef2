// Provenance facts from LLVM's analyses, translated into C structs.
// Nothing here decides anything about an asm block: it only reports what
// LLVM knows about each operand value at the asm call.
//
// The facts are read on an analysis copy of the module, not on the module
// itself: the functions that hold inline asm, put through a fixed pipeline
// of function-local passes (promotion of locals to SSA values, common
// subexpressions, peephole folds).  At -O0 a pointer handed to a block is a
// load from the stack slot of a local or parameter, which tells nothing;
// in the copy it is the local array, the global or the argument itself, as
// at -O1 and -O2.  Nothing is inlined into the copy, so every fact is one
// of the function as written.  The module itself is never changed (the
// pass plugin runs inside the user's compilation).
#include "facts_shim.h"

#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/LazyValueInfo.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/Support/KnownBits.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/ValueHandle.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#include <cstring>
#include <memory>

using namespace llvm;

struct as_facts_ctx {
  Module *module;
  // The analysis copy, and each asm call of module -> its copy there (null
  // when the passes deleted or merged it: its facts are then the module's).
  std::unique_ptr<Module> copy;
  DenseMap<const Value *, WeakVH> twin;
  /* The direct calls of each function with asm, in module order (at most
   * AS_MAX_CALLERS). */
  DenseMap<const Function *, SmallVector<CallBase *, 4>> callers;
  std::unique_ptr<TargetLibraryInfoImpl> tlii;
  std::unique_ptr<TargetLibraryInfo> tli;
  LoopAnalysisManager lam;
  FunctionAnalysisManager fam;
  CGSCCAnalysisManager cgam;
  ModuleAnalysisManager mam;
  PassBuilder pb;
};

static bool has_inline_asm(const Function &fn) {
  for (const BasicBlock &bb : fn)
    for (const Instruction &inst : bb)
      if (const auto *call = dyn_cast<CallBase>(&inst); call && call->isInlineAsm()) return true;
  return false;
}

// The pipeline of the analysis copy: function-local only (no inlining, no
// interprocedural attribute inference), and none of its passes removes a
// block that has a side effect or changes which pointer reaches one.
static const char analysis_pipeline[] = "function(sroa,early-cse,instcombine<no-verify-fixpoint>)";

// Clones the functions with asm (the others become declarations, with
// their attributes) and every global, runs the pipeline on the clone with
// optnone dropped (clang's -O0 marks every function), and maps each asm
// call to its copy.  Without a copy the facts are the module's own.
/* Does fn call, directly, a function of the translation unit that holds
 * asm?  Its calls are that function's contexts (as_facts_caller_count). */
static bool calls_asm_function(const Function &fn) {
  for (const BasicBlock &bb : fn)
    for (const Instruction &inst : bb)
      if (const auto *call = dyn_cast<CallBase>(&inst))
        if (const Function *callee = call->getCalledFunction())
          if (!callee->isDeclaration() && has_inline_asm(*callee)) return true;
  return false;
}

static void make_analysis_copy(as_facts_ctx *ctx) {
  ValueToValueMapTy vmap;
  auto wanted = [](const GlobalValue *gv) {
    const auto *fn = dyn_cast<Function>(gv);
    return !fn || has_inline_asm(*fn) || calls_asm_function(*fn);
  };
  std::unique_ptr<Module> copy = CloneModule(*ctx->module, vmap, wanted);
  if (!copy) return;
  for (Function &fn : *ctx->module) {
    if (fn.isDeclaration() || !has_inline_asm(fn)) continue;
    for (BasicBlock &bb : fn)
      for (Instruction &inst : bb)
        if (auto *call = dyn_cast<CallBase>(&inst); call && call->isInlineAsm())
          if (Value *mapped = vmap.lookup(call)) ctx->twin[call] = WeakVH(mapped);
  }
  for (Function &fn : *copy) fn.removeFnAttr(Attribute::OptimizeNone);
  ModulePassManager mpm;
  if (Error e = ctx->pb.parsePassPipeline(mpm, analysis_pipeline)) {
    consumeError(std::move(e));
    ctx->twin.clear();
    return;
  }
  mpm.run(*copy, ctx->mam);
  ctx->copy = std::move(copy);
}

extern "C" as_facts_ctx *as_facts_begin(LLVMModuleRef module) {
  if (!module) return nullptr;
  auto *ctx = new as_facts_ctx();
  ctx->module = unwrap(module);
  ctx->tlii = std::make_unique<TargetLibraryInfoImpl>(ctx->module->getTargetTriple());
  ctx->tli = std::make_unique<TargetLibraryInfo>(*ctx->tlii);
  ctx->fam.registerPass([&] { return TargetLibraryAnalysis(*ctx->tlii); });
  ctx->pb.registerModuleAnalyses(ctx->mam);
  ctx->pb.registerCGSCCAnalyses(ctx->cgam);
  ctx->pb.registerFunctionAnalyses(ctx->fam);
  ctx->pb.registerLoopAnalyses(ctx->lam);
  ctx->pb.crossRegisterProxies(ctx->lam, ctx->fam, ctx->cgam, ctx->mam);
  make_analysis_copy(ctx);
  return ctx;
}

extern "C" void as_facts_end(as_facts_ctx *ctx) {
  if (!ctx) return;
  ctx->fam.clear();
  ctx->mam.clear();
  ctx->twin.clear();
  ctx->copy.reset();
  delete ctx;
}

static const char *name_of(as_arena *arena, const Value *v) {
  if (!v->hasName()) return nullptr;
  std::string n = v->getName().str();
  /* The inliner's renaming of a callee's local (buf.i, buf.i12): the
   * source's name.  Source names have no dot. */
  for (size_t dot; (dot = n.rfind(".i")) != std::string::npos && dot > 0 &&
                   n.find_first_not_of("0123456789", dot + 2) == std::string::npos;)
    n.erase(dot);
  return as_arena_strndup(arena, n.data(), n.size());
}

static void pointer_facts(as_facts_ctx *ctx, as_arena *arena, CallBase *call, Value *v,
                          as_lang lang, as_pointer_facts *pf) {
  const DataLayout &dl = call->getModule()->getDataLayout();
  pf->known = true;
  pf->align = v->getPointerAlignment(dl).value();
  /* __builtin_assume_aligned and other assumptions: known bits at the call. */
  if (Function *fn = call->getFunction()) {
    AssumptionCache &ac = ctx->fam.getResult<AssumptionAnalysis>(*fn);
    DominatorTree &dt = ctx->fam.getResult<DominatorTreeAnalysis>(*fn);
    KnownBits known = computeKnownBits(v, dl, &ac, call, &dt);
    unsigned tz = known.countMinTrailingZeros();
    if (tz < 32 && (1ull << tz) > pf->align) pf->align = 1ull << tz;
  }
  APInt offset(dl.getIndexTypeSizeInBits(v->getType()), 0);
  const Value *stripped = v->stripAndAccumulateConstantOffsets(dl, offset, /*AllowNonInbounds=*/true);
  const Value *base = getUnderlyingObject(v);
  if (stripped == base) {
    pf->offset_known = true;
    pf->offset = offset.getSExtValue();
  }
  if (isa<ConstantPointerNull>(base)) {
    pf->kind = AS_OBJ_NULL;
    return;
  }
  if (const auto *ce = dyn_cast<ConstantExpr>(base)) {
    if (ce->getOpcode() == Instruction::IntToPtr) {
      pf->kind = AS_OBJ_INTEGER;
      return;
    }
  }
  if (isa<IntToPtrInst>(base) || isa<ConstantInt>(base)) {
    pf->kind = AS_OBJ_INTEGER;
    return;
  }
  uint64_t size = 0;
  ObjectSizeOpts opts;
  opts.RoundToAlign = false;
  bool have_size = getObjectSize(base, size, dl, ctx->tli.get(), opts);
  if (const auto *alloca = dyn_cast<AllocaInst>(base)) {
    pf->kind = AS_OBJ_LOCAL;
    pf->object_align = alloca->getAlign().value();
  } else if (const auto *gv = dyn_cast<GlobalVariable>(base)) {
    pf->kind = AS_OBJ_GLOBAL;
    pf->readonly = gv->isConstant();
    pf->object_align = gv->getAlign() ? gv->getAlign()->value() : 0;
    if (gv->isConstant() && gv->hasPrivateLinkage() && gv->hasGlobalUnnamedAddr() &&
        gv->getValueType()->isArrayTy() && gv->getName().starts_with(".str"))
      pf->string_literal = true;
  } else if (const auto *arg = dyn_cast<Argument>(base)) {
    pf->kind = AS_OBJ_ARGUMENT;
    pf->function = as_arena_strndup(arena, arg->getParent()->getName().data(),
                                    arg->getParent()->getName().size());
    pf->param_number = arg->getArgNo() + 1;
    uint64_t deref = arg->getDereferenceableBytes();
    if (deref) {
      have_size = true;
      size = deref;
    } else {
      have_size = false;
    }
    if (MaybeAlign a = arg->getParamAlign()) pf->object_align = a->value();
    pf->noalias = arg->hasNoAliasAttr();
    /* IR readonly on a parameter is a declaration the IR makes (Rust &T);
     * clang infers it for C code, so C blocks ignore it. */
    if (lang != AS_LANG_C && lang != AS_LANG_CXX) pf->readonly = arg->onlyReadsMemory();
  } else if (const auto *cb = dyn_cast<CallBase>(base)) {
    pf->kind = isAllocationFn(cb, ctx->tli.get()) ? AS_OBJ_HEAP : AS_OBJ_UNKNOWN;
    if (pf->kind == AS_OBJ_UNKNOWN) have_size = false;
  } else {
    pf->kind = AS_OBJ_UNKNOWN;
    have_size = false;
  }
  /* The pointer is at least as aligned as its object at its offset
   * (getPointerAlignment does not look through a GEP). */
  if (pf->offset_known && pf->object_align) {
    uint64_t derived = pf->object_align;
    if (pf->offset) {
      uint64_t off = (uint64_t)(pf->offset < 0 ? -pf->offset : pf->offset);
      uint64_t low = off & (~off + 1);
      if (low < derived) derived = low;
    }
    if (derived > pf->align) pf->align = derived;
  }
  pf->object = name_of(arena, base);
  if (have_size) {
    pf->size_known = true;
    pf->object_size = size;
  }
  (void)call;
}

static void int_facts(as_facts_ctx *ctx, CallBase *call, Value *v, as_int_facts *rf) {
  if (!v->getType()->isIntegerTy() || v->getType()->getIntegerBitWidth() > 64) return;
  Function *fn = call->getFunction();
  if (!fn) return;
  ConstantRange range(v->getType()->getIntegerBitWidth(), true);
  if (auto *c = dyn_cast<ConstantInt>(v)) {
    range = ConstantRange(c->getValue());
  } else {
    LazyValueInfo &lvi = ctx->fam.getResult<LazyValueAnalysis>(*fn);
    range = lvi.getConstantRange(v, call, /*UndefAllowed=*/false);
  }
  if (range.isFullSet() || range.isEmptySet()) return;
  rf->known = true;
  rf->min = range.getUnsignedMin().getZExtValue();
  rf->max = range.getUnsignedMax().getZExtValue();
  rf->smin = range.getSignedMin().getSExtValue();
  rf->smax = range.getSignedMax().getSExtValue();
  rf->bits = range.getBitWidth();
  /* Known low bits (i & 0xF0 is a multiple of 16). */
  const DataLayout &dl = ctx->module->getDataLayout();
  AssumptionCache &ac = ctx->fam.getResult<AssumptionAnalysis>(*fn);
  DominatorTree &dt = ctx->fam.getResult<DominatorTreeAnalysis>(*fn);
  KnownBits known = computeKnownBits(v, dl, &ac, call, &dt);
  unsigned low = 0;
  while (low < known.getBitWidth() && low < 62 && (known.Zero[low] || known.One[low])) low++;
  rf->low_bits = low;
  rf->low_value = low ? known.One.getZExtValue() & ((1ull << low) - 1) : 0;
}

/* v is `trunc` of a wider integer whose bits above v's are not all copies
 * of v's sign bit (then the trunc changes nothing a register shows). */
static bool truncated(as_facts_ctx *ctx, Value *v) {
  auto *t = dyn_cast<TruncInst>(v);
  if (!t || !t->getSrcTy()->isIntegerTy()) return false;
  Value *src = t->getOperand(0);
  unsigned wide = src->getType()->getIntegerBitWidth(), narrow = t->getType()->getIntegerBitWidth();
  /* No analysis manager here: asking it for a function's dominator tree
   * would cache one that later changes to the function leave stale. */
  return ComputeNumSignBits(src, ctx->module->getDataLayout()) <= wide - narrow;
}

extern "C" void as_facts_operand(as_facts_ctx *ctx, as_arena *arena, LLVMValueRef callref,
                                 unsigned arg_index, as_lang lang, as_pointer_facts *pointer,
                                 as_int_facts *range, unsigned long long *identity) {
  if (!ctx) return;
  auto *call = dyn_cast_or_null<CallBase>(unwrap(callref));
  if (!call || arg_index >= call->arg_size()) return;
  auto found = ctx->twin.find(call);
  if (found != ctx->twin.end() && found->second) {
    auto *copy = dyn_cast<CallBase>(&*found->second);
    if (copy && copy->isInlineAsm() && arg_index < copy->arg_size()) call = copy;
  }
  Value *v = call->getArgOperand(arg_index);
  /* Same value in the copy, same number: "m"(*p) beside "r"(p) at -O0,
   * where each operand loads p from its stack slot. */
  if (identity) *identity = (unsigned long long)(uintptr_t)v;
  if (v->getType()->isPointerTy()) pointer_facts(ctx, arena, call, v, lang, pointer);
  else int_facts(ctx, call, v, range);
  if (range && !v->getType()->isPointerTy()) range->truncated = truncated(ctx, v);
}

extern "C" const char *as_facts_demangle(as_arena *arena, const char *name) {
  if (!name) return nullptr;
  std::string text = demangle(name);
  // Rust's legacy mangling ends the path with a hash (::h0123456789abcdef).
  size_t at = text.rfind("::h");
  if (at != std::string::npos && text.size() == at + 19 &&
      text.find_first_not_of("0123456789abcdef", at + 3) == std::string::npos)
    text.erase(at);
  return as_arena_strndup(arena, text.data(), text.size());
}

/* ---- the contexts of a function with asm: its callers ------------------- */

enum { AS_MAX_CALLERS = 4 };

/* The copy of an asm call (the analysis copy's, when there is one). */
static CallBase *copy_of(as_facts_ctx *ctx, LLVMValueRef callref) {
  auto *call = dyn_cast_or_null<CallBase>(unwrap(callref));
  if (!call) return nullptr;
  auto found = ctx->twin.find(call);
  if (found != ctx->twin.end() && found->second)
    if (auto *copy = dyn_cast<CallBase>(&*found->second); copy && copy->isInlineAsm()) return copy;
  return call;
}

/* The first AS_MAX_CALLERS direct calls of fn in the translation unit, in
 * module order.  Calls from elsewhere (fn external, or its address taken)
 * are not seen: each call seen is checked with its own objects, the others
 * keep the callee's story ("assumes the caller"). */
static const SmallVector<CallBase *, 4> &callers_of(as_facts_ctx *ctx, Function *fn) {
  auto found = ctx->callers.find(fn);
  if (found != ctx->callers.end()) return found->second;
  SmallVector<CallBase *, 4> &out = ctx->callers[fn];
  for (Function &caller : *fn->getParent())
    for (BasicBlock &bb : caller)
      for (Instruction &inst : bb)
        if (auto *call = dyn_cast<CallBase>(&inst);
            call && call->getCalledFunction() == fn && out.size() < AS_MAX_CALLERS)
          out.push_back(call);
  return out;
}

/* Is the asm call run on every entry to its function (its block
 * post-dominates the entry)?  Then no test in the function can keep a
 * caller's values from reaching it. */
static bool runs_on_entry(as_facts_ctx *ctx, CallBase *call) {
  Function *fn = call->getFunction();
  if (!fn) return false;
  PostDominatorTree &pdt = ctx->fam.getResult<PostDominatorTreeAnalysis>(*fn);
  return pdt.dominates(call->getParent(), &fn->getEntryBlock());
}

extern "C" unsigned as_facts_caller_count(as_facts_ctx *ctx, LLVMValueRef callref) {
  if (!ctx) return 0;
  CallBase *call = copy_of(ctx, callref);
  if (!call || !call->getFunction() || !runs_on_entry(ctx, call)) return 0;
  return (unsigned)callers_of(ctx, call->getFunction()).size();
}

extern "C" const char *as_facts_caller_name(as_facts_ctx *ctx, as_arena *arena, LLVMValueRef callref,
                                            unsigned caller) {
  if (!ctx) return nullptr;
  CallBase *call = copy_of(ctx, callref);
  const auto &sites = callers_of(ctx, call->getFunction());
  if (caller >= sites.size()) return nullptr;
  StringRef name = sites[caller]->getFunction()->getName();
  std::string raw = name.str();
  return as_facts_demangle(arena, raw.c_str());
}

/* The intersection of two ranges given as facts (b may be unknown). */
static void narrow_range(as_int_facts *a, const as_int_facts *b) {
  if (!b->known) return;
  if (!a->known) {
    *a = *b;
    return;
  }
  if (b->min > a->min) a->min = b->min;
  if (b->max < a->max) a->max = b->max;
  if (b->smin > a->smin) a->smin = b->smin;
  if (b->smax < a->smax) a->smax = b->smax;
  if (b->low_bits > a->low_bits) {
    a->low_bits = b->low_bits;
    a->low_value = b->low_value;
  }
}

extern "C" bool as_facts_operand_in_caller(as_facts_ctx *ctx, as_arena *arena, LLVMValueRef callref,
                                           unsigned arg_index, unsigned caller, as_lang lang,
                                           as_pointer_facts *pointer, as_int_facts *range) {
  if (!ctx) return false;
  CallBase *call = copy_of(ctx, callref);
  if (!call || arg_index >= call->arg_size()) return false;
  Function *fn = call->getFunction();
  const auto &sites = callers_of(ctx, fn);
  if (caller >= sites.size()) return false;
  CallBase *site = sites[caller];
  Value *v = call->getArgOperand(arg_index);
  const DataLayout &dl = fn->getParent()->getDataLayout();
  if (v->getType()->isPointerTy()) {
    /* A pointer parameter whose extent the callee does not know. */
    if (pointer->kind != AS_OBJ_ARGUMENT || pointer->size_known || !pointer->offset_known) return false;
    APInt offset(dl.getIndexTypeSizeInBits(v->getType()), 0);
    const auto *arg = dyn_cast<Argument>(v->stripAndAccumulateConstantOffsets(dl, offset, true));
    if (!arg || arg->getParent() != fn || arg->getArgNo() >= site->arg_size()) return false;
    as_pointer_facts outer;
    memset(&outer, 0, sizeof outer);
    pointer_facts(ctx, arena, site, site->getArgOperand(arg->getArgNo()), lang, &outer);
    /* Only objects the caller owns: a null or integer pointer may be what
     * the callee never dereferences on that path. */
    if (outer.kind != AS_OBJ_LOCAL && outer.kind != AS_OBJ_GLOBAL && outer.kind != AS_OBJ_HEAP)
      return false;
    if (!outer.size_known || !outer.offset_known) return false;
    outer.offset += offset.getSExtValue();
    uint64_t align = outer.align;
    if (uint64_t off = (uint64_t)(offset.getSExtValue() < 0 ? -offset.getSExtValue() : offset.getSExtValue())) {
      uint64_t low = off & (~off + 1);
      if (low < align) align = low;
    }
    outer.align = align > pointer->align ? align : pointer->align;
    *pointer = outer;
    return true;
  }
  /* An integer parameter: the caller's value, within what the callee
   * knows of it at the asm. */
  const auto *arg = dyn_cast<Argument>(v);
  if (!arg || arg->getParent() != fn || arg->getArgNo() >= site->arg_size()) return false;
  as_int_facts outer;
  memset(&outer, 0, sizeof outer);
  int_facts(ctx, site, site->getArgOperand(arg->getArgNo()), &outer);
  if (!outer.known) return false;
  narrow_range(&outer, range);
  *range = outer;
  return true;
}
