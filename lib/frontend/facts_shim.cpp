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
#include "llvm/Analysis/AliasAnalysis.h"
#include "llvm/Analysis/LazyValueInfo.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/Analysis/MemoryLocation.h"
#include "llvm/Analysis/MemorySSA.h"
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
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/ValueHandle.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#include <cstring>
#include <memory>
#include <vector>

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
// inferattrs only gives the declarations of C library functions the
// attributes -O1 gives them (malloc's allockind, so an allocation is one at
// -O0 too).
static const char analysis_pipeline[] = "inferattrs,function(sroa,early-cse,instcombine<no-verify-fixpoint>)";

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

extern "C" as_facts_ctx *as_facts_begin(LLVMModuleRef module, bool optimized) {
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
  if (!optimized) make_analysis_copy(ctx);
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


// ---- initialization of a local or fresh heap object at an asm call -------
//
// Reaching writes over MemorySSA: from the memory state the asm call sees,
// back through every MemoryDef and MemoryPhi to where the object begins
// (function entry for a local, its lifetime.start, the allocation call),
// per byte of the object: written on every path, on some path, or by a
// write whose extent is not known.  A call that may write the object
// (alias analysis) initializes all of it: an escape, an earlier asm block
// with a "memory" clobber or a memory output.

// Objects larger than this are not followed byte by byte (init unknown).
static const uint64_t init_max_bytes = 4096;

typedef std::vector<unsigned char> init_state;

// Bytes of `type` at `at` that hold a value (not padding), marked in used.
static void mark_used(const DataLayout &dl, Type *type, uint64_t at, std::vector<bool> &used) {
  if (at >= used.size()) return;
  if (auto *st = dyn_cast<StructType>(type)) {
    if (st->isOpaque()) return;
    const StructLayout *layout = dl.getStructLayout(st);
    for (unsigned i = 0; i < st->getNumElements(); i++)
      mark_used(dl, st->getElementType(i), at + layout->getElementOffset(i).getFixedValue(), used);
    return;
  }
  if (auto *at_type = dyn_cast<ArrayType>(type)) {
    uint64_t stride = dl.getTypeAllocSize(at_type->getElementType()).getFixedValue();
    for (uint64_t i = 0; i < at_type->getNumElements() && stride && at + i * stride < used.size(); i++)
      mark_used(dl, at_type->getElementType(), at + i * stride, used);
    return;
  }
  TypeSize size = dl.getTypeStoreSize(type);
  if (size.isScalable()) {
    for (uint64_t i = at; i < used.size(); i++) used[i] = true;
    return;
  }
  for (uint64_t i = at; i < at + size.getFixedValue() && i < used.size(); i++) used[i] = true;
}

// What one MemoryDef does to the object: bytes [lo, hi) get `bits`.
struct init_effect {
  uint64_t lo = 0, hi = 0;
  unsigned char bits = 0;
};

struct init_walk {
  as_facts_ctx *ctx;
  const DataLayout *dl;
  AAResults *aa;
  DominatorTree *dt;
  MemorySSA *mssa;
  const Value *base;          // the object
  const Instruction *start;   // where it begins (the alloca or the allocation call)
  init_state at_start;        // its bytes there
  uint64_t size;
  DenseMap<const MemoryAccess *, unsigned> index;
  std::vector<const MemoryAccess *> nodes;
  std::vector<init_state> states;
  std::vector<init_effect> effects; // per node (MemoryDefs)
  // Branch conditions the asm call runs under (an edge of a branch on the
  // condition dominates it), each true or false: conditions that hold on
  // the whole path, made outside any loop.
  SmallDenseMap<const Value *, bool, 4> known;
};

// The conditions the asm call runs under (init_walk::known).
static void conditions_at(init_walk &w, CallBase *call, LoopInfo &li) {
  BasicBlock *at = call->getParent();
  for (DomTreeNode *node = w.dt->getNode(at); node && node->getIDom(); node = node->getIDom()) {
    auto *br = dyn_cast<BranchInst>(node->getIDom()->getBlock()->getTerminator());
    if (!br || !br->isConditional() || br->getSuccessor(0) == br->getSuccessor(1)) continue;
    Value *c = br->getCondition();
    if (auto *inst = dyn_cast<Instruction>(c); inst && li.getLoopFor(inst->getParent())) continue;
    if (!isa<Instruction>(c) && !isa<Argument>(c)) continue;
    for (unsigned k = 0; k < 2; k++)
      if (w.dt->dominates(BasicBlockEdge(br->getParent(), br->getSuccessor(k)), at)) w.known[c] = k == 0;
  }
}

// Can the edge from `from` into `to` lie on a path to the asm call?  Not
// when it is taken only with a condition the call runs under the other way
// (`if (c) init(buf); ... if (c) asm(...)`: the path that skips the init
// skips the asm too).
static bool edge_feasible(const init_walk &w, const BasicBlock *from, const BasicBlock *to) {
  auto *br = dyn_cast<BranchInst>(from->getTerminator());
  if (!br || !br->isConditional() || br->getSuccessor(0) == br->getSuccessor(1)) return true;
  auto found = w.known.find(br->getCondition());
  if (found == w.known.end()) return true;
  bool taken_when = br->getSuccessor(0) == to;
  return taken_when == found->second;
}

// A write of [pointer, + len) (len 0: unknown).
static init_effect write_through(init_walk &w, const Instruction *inst, const Value *pointer, uint64_t len) {
  init_effect e;
  APInt offset(w.dl->getIndexTypeSizeInBits(pointer->getType()), 0);
  const Value *stripped = pointer->stripAndAccumulateConstantOffsets(*w.dl, offset, true);
  if (stripped == w.base && len) {
    int64_t lo = offset.getSExtValue();
    if (lo < 0) {
      if ((uint64_t)-lo >= len) return e;
      len -= (uint64_t)-lo;
      lo = 0;
    }
    e.lo = (uint64_t)lo;
    e.hi = (uint64_t)lo + len;
    e.bits = AS_INIT_SOME | AS_INIT_EVERY;
    return e;
  }
  if (getUnderlyingObject(pointer) == w.base ||
      isModSet(w.aa->getModRefInfo(inst, MemoryLocation::getBeforeOrAfter(w.base)))) {
    e.hi = w.size;
    e.bits = AS_INIT_SOME | AS_INIT_UNKNOWN;
  }
  return e;
}

// What a MemoryDef's instruction does to the object's bytes.
static init_effect effect_of(init_walk &w, const Instruction *inst) {
  if (const auto *store = dyn_cast<StoreInst>(inst)) {
    TypeSize size = w.dl->getTypeStoreSize(store->getValueOperand()->getType());
    return write_through(w, inst, store->getPointerOperand(), size.isScalable() ? 0 : size.getFixedValue());
  }
  if (const auto *mi = dyn_cast<MemIntrinsic>(inst)) {
    const auto *len = dyn_cast<ConstantInt>(mi->getLength());
    return write_through(w, inst, mi->getDest(), len ? len->getZExtValue() : 0);
  }
  init_effect e;
  if (!isModSet(w.aa->getModRefInfo(inst, MemoryLocation::getBeforeOrAfter(w.base)))) return e;
  // A call that may write the object: initialized (an escape, an earlier
  // asm block declaring the write); any other write: extent unknown.
  e.hi = w.size;
  e.bits = isa<CallBase>(inst) ? AS_INIT_SOME | AS_INIT_EVERY : AS_INIT_SOME | AS_INIT_UNKNOWN;
  return e;
}

// Is the access before the object begins (or at its lifetime's start or
// end)?  Then nothing of it is written.
static bool before_object(init_walk &w, const MemoryAccess *ma) {
  if (w.mssa->isLiveOnEntryDef(ma)) return true;
  if (const auto *phi = dyn_cast<MemoryPhi>(ma))
    return !w.dt->properlyDominates(w.start->getParent(), phi->getBlock());
  const Instruction *inst = cast<MemoryUseOrDef>(ma)->getMemoryInst();
  if (inst == w.start) return false;
  if (const auto *ii = dyn_cast<IntrinsicInst>(inst))
    if ((ii->getIntrinsicID() == Intrinsic::lifetime_start ||
         ii->getIntrinsicID() == Intrinsic::lifetime_end) && ii->arg_size() &&
        getUnderlyingObject(ii->getArgOperand(ii->arg_size() - 1)) == w.base)
      return true;
  return !w.dt->dominates(w.start, inst);
}

static unsigned node_of(init_walk &w, const MemoryAccess *ma) {
  auto found = w.index.find(ma);
  if (found != w.index.end()) return found->second;
  unsigned n = w.nodes.size();
  w.index[ma] = n;
  w.nodes.push_back(ma);
  // Optimistic start for "every path" (a must analysis): all written.
  w.states.push_back(init_state(w.size, AS_INIT_EVERY));
  init_effect e;
  if (const auto *def = dyn_cast<MemoryDef>(ma))
    if (def->getMemoryInst() != w.start && !before_object(w, ma)) e = effect_of(w, def->getMemoryInst());
  w.effects.push_back(e);
  return n;
}

// One pass over the nodes; true when some state changed.  With loop_rule,
// a byte written inside a loop but not before it is of unknown state after
// it (the trip count is not known here).
static bool init_pass(init_walk &w, bool loop_rule) {
  bool changed = false;
  for (unsigned n = w.nodes.size(); n-- > 0;) {
    const MemoryAccess *ma = w.nodes[n];
    init_state next;
    if (before_object(w, ma)) {
      // A local begins as at_start (its padding not known); nothing of an
      // allocation exists before its call.
      if (isa<AllocaInst>(w.start)) next = w.at_start;
      else next.assign(w.size, 0);
    } else if (const auto *phi = dyn_cast<MemoryPhi>(ma)) {
      next.assign(w.size, AS_INIT_EVERY);
      bool loop = false;
      for (unsigned i = 0; i < phi->getNumIncomingValues(); i++) {
        if (!edge_feasible(w, phi->getIncomingBlock(i), phi->getBlock())) continue;
        const init_state &in = w.states[w.index.lookup(phi->getIncomingValue(i))];
        for (uint64_t b = 0; b < w.size; b++)
          next[b] = (unsigned char)((next[b] & in[b] & AS_INIT_EVERY) |
                                    ((next[b] | in[b]) & (AS_INIT_SOME | AS_INIT_UNKNOWN)));
        if (w.dt->dominates(phi->getBlock(), phi->getIncomingBlock(i))) loop = true;
      }
      if (loop && loop_rule)
        for (uint64_t b = 0; b < w.size; b++)
          if ((next[b] & AS_INIT_SOME) && !(next[b] & AS_INIT_EVERY)) next[b] |= AS_INIT_UNKNOWN;
    } else {
      const auto *def = cast<MemoryUseOrDef>(ma);
      const Instruction *inst = def->getMemoryInst();
      if (inst == w.start) {
        next = w.at_start;
      } else {
        next = w.states[w.index.lookup(def->getDefiningAccess())];
        const init_effect &e = w.effects[n];
        for (uint64_t b = e.lo; b < e.hi && b < w.size; b++) next[b] |= e.bits;
      }
    }
    // Monotone: "every path" only shrinks, the others only grow.
    init_state &old = w.states[n];
    for (uint64_t b = 0; b < w.size; b++) {
      unsigned char v = (unsigned char)((old[b] & next[b] & AS_INIT_EVERY) |
                                        ((old[b] | next[b]) & (AS_INIT_SOME | AS_INIT_UNKNOWN)));
      if (v != old[b]) {
        old[b] = v;
        changed = true;
      }
    }
  }
  return changed;
}

// The bytes of the object `base` (size bytes) at the asm call, or an empty
// state when not known.
static init_state init_at(as_facts_ctx *ctx, CallBase *call, const Value *base, uint64_t size) {
  Function *fn = call->getFunction();
  if (!fn || !size || size > init_max_bytes) return {};
  init_walk w;
  w.ctx = ctx;
  w.dl = &call->getModule()->getDataLayout();
  w.base = base;
  w.size = size;
  if (const auto *alloca = dyn_cast<AllocaInst>(base)) {
    w.start = alloca;
    w.at_start.assign(size, 0);
    // Padding of the local's type holds no value: never reported.
    std::vector<bool> used(size, false);
    mark_used(*w.dl, alloca->getAllocatedType(), 0, used);
    for (uint64_t b = 0; b < size; b++)
      if (!used[b]) w.at_start[b] = AS_INIT_UNKNOWN;
  } else if (const auto *cb = dyn_cast<CallBase>(base)) {
    // malloc, new, __rust_alloc: undef; calloc, __rust_alloc_zeroed: zero;
    // realloc and the unknown: not followed.
    Constant *initial = getInitialValueOfAllocation(cb, ctx->tli.get(), Type::getInt8Ty(cb->getContext()));
    if (!initial) return {};
    w.start = cb;
    w.at_start.assign(size, isa<UndefValue>(initial) ? 0 : AS_INIT_SOME | AS_INIT_EVERY);
  } else {
    return {};
  }
  if (w.start->getFunction() != fn) return {};
  w.aa = &ctx->fam.getResult<AAManager>(*fn);
  w.dt = &ctx->fam.getResult<DominatorTreeAnalysis>(*fn);
  w.mssa = &ctx->fam.getResult<MemorySSAAnalysis>(*fn).getMSSA();
  conditions_at(w, call, ctx->fam.getResult<LoopAnalysis>(*fn));
  MemoryUseOrDef *at = w.mssa->getMemoryAccess(call);
  if (!at) return {};
  // Every access the asm call's memory state reaches, backwards.
  const MemoryAccess *first = at->getDefiningAccess();
  node_of(w, first);
  for (unsigned n = 0; n < w.nodes.size(); n++) {
    const MemoryAccess *ma = w.nodes[n];
    if (w.mssa->isLiveOnEntryDef(ma)) continue;
    if (const auto *phi = dyn_cast<MemoryPhi>(ma)) {
      if (before_object(w, ma)) continue;
      for (unsigned i = 0; i < phi->getNumIncomingValues(); i++) node_of(w, phi->getIncomingValue(i));
    } else {
      const auto *def = cast<MemoryUseOrDef>(ma);
      if (def->getMemoryInst() == w.start || before_object(w, ma)) continue;
      node_of(w, def->getDefiningAccess());
    }
  }
  // Fixed point: first what is written, then what loops leave unknown.
  unsigned rounds = 0;
  while (init_pass(w, false))
    if (++rounds > 1000) return {};
  while (init_pass(w, true))
    if (++rounds > 2000) return {};
  return w.states[0];
}

// ---- symbolic values: mul * x + add over one value x ---------------------

// v as mul * x + add: through casts of width and additions, subtractions,
// multiplications and shifts by constants; x is a load's memory
// (as_sym_memory_id of its object and offset) or the value itself.
static as_sym affine_of(as_arena *arena, Value *v, Value **x_out) {
  as_sym s = {0, 1, 0, nullptr};
  for (int depth = 0; depth < 8; depth++) {
    auto *bo = dyn_cast<BinaryOperator>(v);
    if (auto *cast = dyn_cast<CastInst>(v); cast && (isa<ZExtInst>(cast) || isa<SExtInst>(cast))) {
      v = cast->getOperand(0);
      continue;
    }
    if (!bo) break;
    auto *c = dyn_cast<ConstantInt>(bo->getOperand(1));
    Value *other = bo->getOperand(0);
    if (!c && bo->isCommutative()) {
      c = dyn_cast<ConstantInt>(bo->getOperand(0));
      other = bo->getOperand(1);
    }
    if (!c || c->getBitWidth() > 64) break;
    int64_t k = c->getSExtValue();
    if (bo->getOpcode() == Instruction::Add) s.add += k * s.mul;
    else if (bo->getOpcode() == Instruction::Sub && other == bo->getOperand(0)) s.add -= k * s.mul;
    else if (bo->getOpcode() == Instruction::Mul && k > 0 && k < (1 << 20)) s.mul *= k;
    else if (bo->getOpcode() == Instruction::Shl && k >= 0 && k < 20) s.mul *= 1ll << k;
    else break;
    v = other;
  }
  if (!v->getType()->isIntegerTy() || isa<Constant>(v)) return as_sym{0, 1, 0, nullptr};
  *x_out = v;
  s.id = (unsigned long long)(uintptr_t)v;
  s.name = name_of(arena, v);
  /* the length half of a Rust slice parameter: `p.len()` */
  if (auto *arg = dyn_cast<Argument>(v); arg && arg->getArgNo() > 0 && arg->getName().ends_with(".1") &&
                                         arg->getParent()->getArg(arg->getArgNo() - 1)->getName() ==
                                             (arg->getName().drop_back(2) + ".0").str())
    s.name = as_arena_printf(arena, "%s.len()", arg->getName().drop_back(2).str().c_str());
  if (auto *load = dyn_cast<LoadInst>(v); load && load->isSimple()) {
    const DataLayout &dl = load->getModule()->getDataLayout();
    APInt offset(dl.getIndexTypeSizeInBits(load->getPointerOperandType()), 0);
    const Value *stripped = load->getPointerOperand()->stripAndAccumulateConstantOffsets(dl, offset, true);
    if (stripped == getUnderlyingObject(load->getPointerOperand()))
      s.id = as_sym_memory_id((unsigned long long)(uintptr_t)stripped, offset.getSExtValue());
    s.name = nullptr;
  }
  return s;
}

static void int_facts(as_facts_ctx *ctx, CallBase *call, Value *v, as_int_facts *rf);

// The range of x at the call, in arena memory (NULL when x is none).
static as_int_facts *range_at(as_facts_ctx *ctx, as_arena *arena, CallBase *call, Value *x) {
  if (!x) return nullptr;
  auto *r = static_cast<as_int_facts *>(as_arena_alloc(arena, sizeof(as_int_facts)));
  memset(r, 0, sizeof *r);
  int_facts(ctx, call, x, r);
  if (!r->known) {
    r->bits = x->getType()->getIntegerBitWidth();
    r->min = 0;
    r->max = r->bits >= 64 ? ~0ull : (1ull << r->bits) - 1;
  }
  return r;
}

// A pointer at a variable offset from its object (`src + n`): the offset
// as mul * x + add, when one variable makes it.
static void variable_offset(as_facts_ctx *ctx, as_arena *arena, CallBase *call, Value *v,
                            const Value *base, as_pointer_facts *pf) {
  const DataLayout &dl = call->getModule()->getDataLayout();
  unsigned bits = dl.getIndexTypeSizeInBits(v->getType());
  APInt constant(bits, 0);
  Value *var = nullptr;
  int64_t scale = 0;
  for (int depth = 0; depth < 8 && v != base; depth++) {
    v = v->stripPointerCasts();
    auto *gep = dyn_cast<GEPOperator>(v);
    if (!gep) return;
    SmallMapVector<Value *, APInt, 4> vars;
    if (!gep->collectOffset(dl, bits, vars, constant)) return;
    for (auto &[value, k] : vars) {
      if ((var && var != value) || k.getSignificantBits() > 32) return;
      var = value;
      scale += k.getSExtValue();
    }
    v = gep->getPointerOperand();
  }
  if (v->stripPointerCasts() != base || !var || !scale) return;
  Value *x = nullptr;
  as_sym s = affine_of(arena, var, &x);
  if (!s.id) return;
  s.add = s.add * scale + constant.getSExtValue();
  s.mul *= scale;
  pf->offset_sym = s;
  pf->offset_range = range_at(ctx, arena, call, x);
}

// A Rust slice parameter arrives as two arguments, `p.0` (the pointer) and
// `p.1` (the length); rustc bounds the length by isize::MAX / size_of::<T>(),
// which gives the element size back.
static void slice_extent(as_facts_ctx *ctx, as_arena *arena, CallBase *call, const Argument *arg,
                         as_pointer_facts *pf) {
  const Function *fn = arg->getParent();
  StringRef name = arg->getName();
  if (!name.ends_with(".0") || arg->getArgNo() + 1 >= fn->arg_size()) return;
  Argument *len = fn->getArg(arg->getArgNo() + 1);
  if (len->getName() != (name.drop_back(2) + ".1").str() || !len->getType()->isIntegerTy(64)) return;
  std::optional<ConstantRange> range = len->getRange();
  if (!range || range->getUnsignedMax().isMaxValue()) return;
  uint64_t max = range->getUnsignedMax().getZExtValue();
  if (!max) return;
  uint64_t elem = (uint64_t)INT64_MAX / max;
  if (!elem || (uint64_t)INT64_MAX / elem != max) return;
  pf->extent = as_sym{(unsigned long long)(uintptr_t)len, (long long)elem, 0,
                      as_arena_printf(arena, "%s.len()", name.drop_back(2).str().c_str())};
  pf->extent_range = range_at(ctx, arena, call, len);
  pf->extent_from = "the slice's length";
}

// For size_floor.c: LLVM's least unsigned value of v at the call (0 when
// its range is unknown or wraps), and whether the value a with.overflow call
// computes, used in block `at` (or on the edge from `at` to `to`, a phi's
// incoming edge), is on a path where its overflow bit was false.
extern "C" unsigned long long as_facts_umin_at(as_facts_ctx *ctx, LLVMValueRef call, LLVMValueRef value) {
  Value *v = unwrap(value);
  auto *c = cast<CallBase>(unwrap(call));
  if (!v->getType()->isIntegerTy() || v->getType()->getIntegerBitWidth() > 64 || !c->getFunction()) return 0;
  LazyValueInfo &info = ctx->fam.getResult<LazyValueAnalysis>(*c->getFunction());
  ConstantRange range = info.getConstantRange(v, c, /*UndefAllowed=*/false);
  return range.isFullSet() || range.isEmptySet() ? 0 : range.getUnsignedMin().getZExtValue();
}

extern "C" bool as_facts_no_overflow_at(as_facts_ctx *ctx, LLVMValueRef with_overflow, LLVMBasicBlockRef at_ref,
                                        LLVMBasicBlockRef to_ref) {
  BasicBlock *at = unwrap(at_ref), *to = to_ref ? unwrap(to_ref) : nullptr;
  DominatorTree &dt = ctx->fam.getResult<DominatorTreeAnalysis>(*at->getParent());
  for (User *u : unwrap(with_overflow)->users()) {
    auto *ev = dyn_cast<ExtractValueInst>(u);
    if (!ev || ev->getNumIndices() != 1 || *ev->idx_begin() != 1) continue;
    for (User *bu : ev->users()) {
      auto *br = dyn_cast<BranchInst>(bu);
      if (!br || !br->isConditional() || br->getCondition() != ev) continue;
      BasicBlock *from = br->getParent(), *ok = br->getSuccessor(1);
      if (ok == br->getSuccessor(0)) continue;
      if (dt.dominates(BasicBlockEdge(from, ok), at) || (at == from && to == ok)) return true;
    }
  }
  return false;
}

// The extent's range raised to the floor its arithmetic guarantees
// (size_floor.c): [floor, 2^64) (signed: any value), when the floor is above
// what LLVM's range says.
static void raise_size_floor(as_facts_ctx *ctx, CallBase *call, Value *x, as_int_facts *r) {
  if (!r || r->bits != 64 || !call->getFunction()) return;
  unsigned long long floor = as_size_floor(ctx, wrap(call), wrap(x));
  if (floor <= r->min || floor == ~0ull) return;
  r->known = true;
  r->min = floor;
  r->max = ~0ull;
  r->smin = INT64_MIN;
  r->smax = INT64_MAX;
}

// An allocation whose size is an argument of its call (alloc_size, malloc's
// allocsize): the extent as that argument, when it is not a constant.
static void alloc_size_extent(as_facts_ctx *ctx, as_arena *arena, CallBase *call, const CallBase *alloc,
                              as_pointer_facts *pf) {
  Attribute attr = alloc->getFnAttr(Attribute::AllocSize);
  if (!attr.isValid()) return;
  auto [elem_arg, num_arg] = attr.getAllocSizeArgs();
  if (elem_arg >= alloc->arg_size() || (num_arg && *num_arg >= alloc->arg_size())) return;
  Value *size = alloc->getArgOperand(elem_arg);
  int64_t k = 1;
  if (num_arg) {
    Value *num = alloc->getArgOperand(*num_arg);
    auto *cs = dyn_cast<ConstantInt>(size), *cn = dyn_cast<ConstantInt>(num);
    if (cs && !cn) size = num, k = cs->getSExtValue();
    else if (cn && !cs) k = cn->getSExtValue();
    else return;
    if (k <= 0 || k >= (1 << 20)) return;
  }
  Value *x = nullptr;
  as_sym s = affine_of(arena, size, &x);
  if (!s.id) return;
  s.mul *= k;
  s.add *= k;
  pf->extent = s;
  pf->extent_range = range_at(ctx, arena, call, x);
  raise_size_floor(ctx, call, x, pf->extent_range);
  const Function *callee = alloc->getCalledFunction();
  std::string fname = callee ? callee->getName().str() : std::string("the allocator");
  pf->extent_from = num_arg ? as_arena_printf(arena, "`alloc_size(%u, %u)` of `%s`", elem_arg + 1, *num_arg + 1,
                                              as_facts_demangle(arena, fname.c_str()))
                            : as_arena_printf(arena, "`alloc_size(%u)` of `%s`", elem_arg + 1,
                                              as_facts_demangle(arena, fname.c_str()));
}

// The integers loaded from base at constant offsets before the call (the
// load dominates it), with their ranges at the call: at most 8.
static void loaded_values(as_facts_ctx *ctx, as_arena *arena, CallBase *call, const Value *base,
                          as_pointer_facts *pf) {
  Function *fn = call->getFunction();
  if (!fn) return;
  DominatorTree &dt = ctx->fam.getResult<DominatorTreeAnalysis>(*fn);
  const DataLayout &dl = fn->getParent()->getDataLayout();
  auto *out = static_cast<as_loaded *>(as_arena_alloc(arena, sizeof(as_loaded) * 8));
  unsigned n = 0;
  for (BasicBlock &bb : *fn)
    for (Instruction &inst : bb) {
      auto *load = dyn_cast<LoadInst>(&inst);
      if (!load || !load->isSimple() || !load->getType()->isIntegerTy() || n == 8 ||
          load->getType()->getIntegerBitWidth() > 64)
        continue;
      APInt offset(dl.getIndexTypeSizeInBits(load->getPointerOperandType()), 0);
      if (load->getPointerOperand()->stripAndAccumulateConstantOffsets(dl, offset, true) != base ||
          !dt.dominates(load, call))
        continue;
      as_loaded *e = &out[n];
      memset(e, 0, sizeof *e);
      e->offset = offset.getSExtValue();
      int_facts(ctx, call, load, &e->range);
      if (e->range.known) n++;
    }
  pf->loaded = out;
  pf->num_loaded = n;
}

/* Whether an integer is (up to casts and arithmetic with constants) the
 * result of an inline asm call. */
static bool integerFromAsm(const Value *v) {
  for (unsigned depth = 0; depth < 8 && v; depth++) {
    if (const auto *ev = dyn_cast<ExtractValueInst>(v)) v = ev->getAggregateOperand();
    if (const auto *call = dyn_cast<CallBase>(v)) return call->isInlineAsm();
    if (const auto *cast = dyn_cast<CastInst>(v)) {
      v = cast->getOperand(0);
      continue;
    }
    const auto *op = dyn_cast<BinaryOperator>(v);
    if (!op) return false;
    if (isa<Constant>(op->getOperand(1))) v = op->getOperand(0);
    else if (isa<Constant>(op->getOperand(0))) v = op->getOperand(1);
    else return false;
  }
  return false;
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
  } else {
    variable_offset(ctx, arena, call, v, base, pf);
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
  if (isa<ConstantInt>(base)) {
    pf->kind = AS_OBJ_INTEGER;
    return;
  }
  if (const auto *cast = dyn_cast<IntToPtrInst>(base)) {
    /* An integer an inline asm produced (the kernel's `current`, read from
     * a per-CPU slot): the earlier block may hand out a pointer with its
     * provenance, so what grants the access is unknown, not absent. */
    pf->kind = integerFromAsm(cast->getOperand(0)) ? AS_OBJ_UNKNOWN : AS_OBJ_INTEGER;
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
      if (lang == AS_LANG_RUST) slice_extent(ctx, arena, call, arg, pf);
    }
    if (MaybeAlign a = arg->getParamAlign()) pf->object_align = a->value();
    pf->noalias = arg->hasNoAliasAttr();
    /* IR readonly on a parameter is a declaration the IR makes (Rust &T);
     * clang infers it for C code, so C blocks ignore it. */
    if (lang != AS_LANG_C && lang != AS_LANG_CXX) pf->readonly = arg->onlyReadsMemory();
  } else if (const auto *cb = dyn_cast<CallBase>(base)) {
    bool alloc_size = cb->getFnAttr(Attribute::AllocSize).isValid();
    pf->kind = isAllocationFn(cb, ctx->tli.get()) || alloc_size ? AS_OBJ_HEAP : AS_OBJ_UNKNOWN;
    if (pf->kind == AS_OBJ_UNKNOWN) have_size = false;
    if (pf->kind == AS_OBJ_HEAP && !have_size) alloc_size_extent(ctx, arena, call, cb, pf);
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
  if (lang == AS_LANG_C || lang == AS_LANG_CXX) loaded_values(ctx, arena, call, base, pf);
  /* a slice parameter `p` (its pointer half is `p.0`) */
  if (pf->extent.id && pf->kind == AS_OBJ_ARGUMENT && pf->object && strlen(pf->object) > 2)
    pf->object = as_arena_strndup(arena, pf->object, strlen(pf->object) - 2);
  pf->object_id = (unsigned long long)(uintptr_t)base;
  if (have_size) {
    pf->size_known = true;
    pf->object_size = size;
  }
  if (have_size && (pf->kind == AS_OBJ_LOCAL || pf->kind == AS_OBJ_HEAP)) {
    init_state init = init_at(ctx, call, base, size);
    if (!init.empty()) {
      auto *bytes = static_cast<unsigned char *>(as_arena_alloc(arena, init.size()));
      for (size_t i = 0; i < init.size(); i++) bytes[i] = init[i];
      pf->init = bytes;
    }
  }
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

// The range of an integer operand, and the value as mul * x + add.
static void int_operand_facts(as_facts_ctx *ctx, as_arena *arena, CallBase *call, Value *v, as_int_facts *rf) {
  int_facts(ctx, call, v, rf);
  if (!v->getType()->isIntegerTy() || isa<Constant>(v)) return;
  Value *x = nullptr;
  rf->sym = affine_of(arena, v, &x);
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
  else if (range) int_operand_facts(ctx, arena, call, v, range);
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
