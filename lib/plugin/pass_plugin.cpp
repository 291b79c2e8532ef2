// The pass plugin (-fpass-plugin=AsmStory.so): at the end of the optimizer,
// every `call asm` whose !srcloc names a statement the Clang plugin read gets
// its provenance facts from LLVM (facts_shim.cpp, through the IR reader) and
// its permission story (session.c); findings of the four memory-* permission
// rules are reported through the same diagnostics engine, once per
// statement.  The IR is never modified.
#include "plugin.h"
#include "session.h"

#include "facts_shim.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/OptimizationLevel.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Plugins/PassPlugin.h"

#include <unordered_map>
#include <vector>

using namespace llvm;

namespace asmstory {
namespace {

// The first cookie of an asm call's !srcloc: the template literal's location.
uint64_t cookieOf(const Instruction &inst) {
  const MDNode *md = inst.getMetadata("srcloc");
  if (!md || md->getNumOperands() == 0) return 0;
  const auto *value = mdconst::dyn_extract<ConstantInt>(md->getOperand(0));
  return value && value->getBitWidth() <= 64 ? value->getZExtValue() : 0;
}

struct AsmStoryPass : PassInfoMixin<AsmStoryPass> {
  // Whether the optimizer ran before this pass (-O1 and above): the facts
  // are then read from the module as it is (as_facts_begin).
  explicit AsmStoryPass(bool optimized) : optimized_(optimized) {}
  PreservedAnalyses run(Module &module, ModuleAnalysisManager &) {
    Session *session = currentSession();
    if (!session || !session->isModuleOf(module.getSourceFileName())) return PreservedAnalyses::all();
    // The emitted copies of each statement the Clang plugin read (one per
    // call site it was inlined into), in module order.
    std::vector<uint64_t> order;
    std::unordered_map<uint64_t, std::vector<CallBase *>> copies;
    for (Function &fn : module)
      for (BasicBlock &bb : fn)
        for (Instruction &inst : bb) {
          auto *call = dyn_cast<CallBase>(&inst);
          if (!call || !call->isInlineAsm()) continue;
          uint64_t cookie = cookieOf(inst);
          if (!cookie || !session->find(cookie)) continue;
          std::vector<CallBase *> &calls = copies[cookie];
          if (calls.empty()) order.push_back(cookie);
          calls.push_back(call);
        }
    if (!order.empty()) {
      as_facts_ctx *facts = as_facts_begin(wrap(&module), optimized_);
      for (uint64_t cookie : order) {
        if (!facts) break;
        const Record *rec = session->find(cookie);
        as_arena scratch;
        as_arena_init(&scratch);
        std::vector<CallBase *> &calls = copies[cookie];
        auto **twins =
            static_cast<as_block **>(as_arena_alloc(&scratch, sizeof(as_block *) * calls.size() * 5));
        unsigned num_twins = 0;
        char err[512] = "";
        session->guarded([&] {
          for (CallBase *call : calls) {
            auto *twin = static_cast<as_block *>(as_arena_alloc(&scratch, sizeof(as_block)));
            if (as_ir_read_call(&scratch, wrap(&module), wrap(call->getFunction()), wrap(call),
                                session->lang(), rec->block->triple, facts, twin, err,
                                sizeof err) == 0) {
              // The statement's assembler features, as its AST block has
              // them (one MC per compilation).
              twin->target_features = rec->block->target_features;
              twins[num_twins++] = twin;
              num_twins += as_ir_caller_copies(&scratch, facts, wrap(call), twin, twins + num_twins, 4);
            }
          }
        });
        as_finding_list findings = {nullptr, 0, 0};
        int told = -1;
        bool ok = session->guarded([&] {
          told = num_twins ? as_plugin_story(session->plugin(), &scratch, rec->block, twins,
                                             num_twins, &findings, err, sizeof err)
                           : -1;
        });
        if (ok && told == 0) session->report(*rec, findings, &scratch, cookie);
        as_arena_free(&scratch);
        if (!ok) break;
      }
      as_facts_end(facts);
    }
    // One module per compilation: the session has told all it can.
    endSession(nullptr);
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }

private:
  bool optimized_;
};

} // namespace
} // namespace asmstory

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  PassPluginLibraryInfo info;
  info.APIVersion = LLVM_PLUGIN_API_VERSION;
  info.PluginName = "asmstory";
  info.PluginVersion = "0.1";
  info.RegisterPassBuilderCallbacks = [](PassBuilder &builder) {
    builder.registerOptimizerLastEPCallback(
        [](ModulePassManager &mpm, OptimizationLevel level, ThinOrFullLTOPhase) {
          mpm.addPass(asmstory::AsmStoryPass(level != OptimizationLevel::O0));
        });
  };
  return info;
}
