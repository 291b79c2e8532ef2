// LLVM MC bridge: assembles bound asm text and copies what MC knows about each
// instruction into the C structs of mc_shim.h.  This file translates only; it
// decides nothing about asm blocks (describe.c does).
#include "mc_shim.h"

#include "llvm-c/Target.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCCodeEmitter.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCDisassembler/MCDisassembler.h"
#include "llvm/MC/MCExpr.h"
#include "llvm/MC/MCFixup.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstPrinter.h"
#include "llvm/MC/MCInstrDesc.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCObjectFileInfo.h"
#include "llvm/MC/MCParser/MCAsmParser.h"
#include "llvm/MC/MCParser/MCTargetAsmParser.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCStreamer.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCSymbol.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/AArch64TargetParser.h"
#include "llvm/TargetParser/ARMTargetParser.h"
#include "llvm/TargetParser/RISCVISAInfo.h"
#include "llvm/TargetParser/Triple.h"

#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace llvm;

struct as_mc {
  Triple triple;
  const Target *target = nullptr;
  MCTargetOptions options;
  std::unique_ptr<MCRegisterInfo> mri;
  std::unique_ptr<MCAsmInfo> mai;
  std::unique_ptr<MCSubtargetInfo> sti;
  std::unique_ptr<MCInstrInfo> mii;
  std::unique_ptr<MCInstPrinter> att_printer, intel_printer;
  std::vector<std::string> names;
  std::vector<unsigned> bits, top;
  StringMap<unsigned> by_name;
};

static const char kLineMarker[] = ".Las_line_";

static void copy_err(char *err, size_t errlen, const std::string &msg) {
  if (err && errlen) snprintf(err, errlen, "%s", msg.c_str());
}

// Every target LLVM was built with, once per process.  libclang's
// clang_createIndex registers all of them too; TargetRegistry's list is not
// thread-safe while it grows, so the front end runs this before any worker
// thread starts (as_frontend_global_init) and nothing registers afterwards.
static void init_targets() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeAllTargetInfos();
    LLVMInitializeAllTargets();
    LLVMInitializeAllTargetMCs();
    LLVMInitializeAllAsmParsers();
    LLVMInitializeAllAsmPrinters();
    LLVMInitializeAllDisassemblers();
  });
}

extern "C" void as_mc_global_init(void) { init_targets(); }

// The extensions a triple's default build has where MC's default CPU has
// fewer: AArch64's LSE atomics; RISC-V's G and C as clang's default -march
// (rv64imafdc, Linux rv32imafdc, bare-metal rv32imac).  A block built with
// more says so in its template (.option arch, +v: riscv/bind.c).
static std::string default_features(const Triple &triple) {
  if (triple.getArch() == Triple::aarch64) return "+lse,+v8.4a";
  // 32-bit ARM: what clang's driver enables for the common builds (NEON and
  // VFPv4 on A-profile, the multiprocessing and security extensions); on the
  // M profile, the single-precision FPU of its -eabihf targets (Rust's
  // thumbv7em-none-eabihf, thumbv8m.main-none-eabihf).
  if (triple.isARM() || triple.isThumb())
    return !triple.isArmMClass() ? "+neon,+vfp4,+mp,+trustzone,+virtualization,+crc"
           : triple.getEnvironment() != Triple::EABIHF ? ""
           : triple.getSubArch() == Triple::ARMSubArch_v7em ? "+vfp4d16sp"
                                                            : "+fp-armv8d16sp";
  if (!triple.isRISCV()) return "";
  bool fd = triple.isArch64Bit() || triple.isOSLinux();
  return fd ? "+m,+a,+f,+d,+c,+zicsr,+zifencei" : "+m,+a,+c,+zicsr,+zifencei";
}

extern "C" char *as_mc_features_from_march(const char *triple_name, const char *value) {
  Triple triple(Triple::normalize(triple_name ? triple_name : ""));
  StringRef march(value ? value : "");
  std::vector<std::string> features;
  if (triple.isAArch64()) {
    // armv8.2-a+sve+nofp16: the base's defaults, then each modifier.
    SmallVector<StringRef, 8> parts;
    march.split(parts, '+');
    if (const AArch64::ArchInfo *arch = AArch64::parseArch(parts[0])) {
      AArch64::ExtensionSet set;
      set.addArchDefaults(*arch);
      for (size_t i = 1; i < parts.size(); i++) set.parseModifier(parts[i]);
      std::vector<StringRef> list;
      set.toLLVMFeatureList(list);
      for (StringRef f : list) features.push_back(f.str());
    }
  } else if (triple.isARM() || triple.isThumb()) {
    // The architecture is the triple's; the modifiers add extensions.
    SmallVector<StringRef, 8> parts;
    march.split(parts, '+');
    for (size_t i = 1; i < parts.size(); i++) {
      StringRef f = ARM::getArchExtFeature(parts[i]);
      if (!f.empty()) features.push_back(f.str());
    }
  } else if (triple.isRISCV()) {
    auto info = RISCVISAInfo::parseArchString(march, /*EnableExperimentalExtension=*/true);
    if (info) {
      for (const std::string &f : (*info)->toFeatures()) features.push_back(f);
    } else {
      consumeError(info.takeError());
    }
  }
  std::string joined;
  for (const std::string &f : features) joined += (joined.empty() ? "" : ",") + f;
  return strdup(joined.c_str());
}

extern "C" as_mc *as_mc_create(const char *spec, char *err, size_t errlen) {
  init_targets();
  // "triple,+feature,...": the build's features follow the triple.
  std::string spec_text(spec ? spec : "");
  size_t comma = spec_text.find(',');
  std::string extra = comma == std::string::npos ? "" : spec_text.substr(comma + 1);
  std::string triple_text = spec_text.substr(0, comma);
  const char *triple = triple_text.c_str();
  auto mc = std::make_unique<as_mc>();
  mc->triple = Triple(Triple::normalize(triple ? triple : ""));
  // Rust's target names carry RISC-V ISA letters (riscv64gc, riscv32imac).
  StringRef name(triple ? triple : "");
  if (mc->triple.getArch() == Triple::UnknownArch && (name.starts_with("riscv32") || name.starts_with("riscv64")))
    mc->triple.setArchName(name.substr(0, 7));
  std::string error;
  mc->target = TargetRegistry::lookupTarget(mc->triple, error);
  if (!mc->target) {
    copy_err(err, errlen, "unsupported target '" + std::string(triple ? triple : "") + "': " + error);
    return nullptr;
  }
  mc->mri.reset(mc->target->createMCRegInfo(mc->triple));
  if (mc->mri) mc->mai.reset(mc->target->createMCAsmInfo(*mc->mri, mc->triple, mc->options));
  std::string features = default_features(mc->triple);
  if (!extra.empty()) features += (features.empty() ? "" : ",") + extra;
  mc->sti.reset(mc->target->createMCSubtargetInfo(mc->triple, "", features));
  mc->mii.reset(mc->target->createMCInstrInfo());
  if (!mc->mri || !mc->mai || !mc->sti || !mc->mii) {
    copy_err(err, errlen, "LLVM has no assembler for target '" + mc->triple.str() + "'");
    return nullptr;
  }
  mc->att_printer.reset(mc->target->createMCInstPrinter(mc->triple, 0, *mc->mai, *mc->mii, *mc->mri));
  mc->intel_printer.reset(mc->target->createMCInstPrinter(mc->triple, 1, *mc->mai, *mc->mii, *mc->mri));
  if (!mc->att_printer) {
    copy_err(err, errlen, "LLVM has no instruction printer for '" + mc->triple.str() + "'");
    return nullptr;
  }
  // Register table: lower-case names, widest class size, top super-register.
  unsigned n = mc->mri->getNumRegs();
  mc->names.resize(n);
  mc->bits.assign(n, 0);
  mc->top.assign(n, 0);
  for (unsigned r = 1; r < n; r++) {
    std::string name = StringRef(mc->mri->getName(r)).lower();
    mc->names[r] = name;
    if (!mc->by_name.count(name)) mc->by_name[name] = r;
  }
  for (const MCRegisterClass &rc : mc->mri->regclasses())
    for (unsigned i = 0; i < rc.getNumRegs(); i++) {
      unsigned r = rc.getRegister(i);
      if (r < n && rc.getSizeInBits() > mc->bits[r]) mc->bits[r] = rc.getSizeInBits();
    }
  for (unsigned r = 1; r < n; r++) {
    unsigned best = r;
    for (MCPhysReg s : mc->mri->superregs(r))
      if (mc->bits[s] > mc->bits[best] || (mc->bits[s] == mc->bits[best] && best == r)) best = s;
    mc->top[r] = best;
  }
  return mc.release();
}

extern "C" void as_mc_destroy(as_mc *mc) { delete mc; }

extern "C" const char *as_mc_reg_name(const as_mc *mc, unsigned reg) {
  return reg && reg < mc->names.size() ? mc->names[reg].c_str() : "";
}
extern "C" unsigned as_mc_reg_bits(const as_mc *mc, unsigned reg) {
  return reg < mc->bits.size() ? mc->bits[reg] : 0;
}
extern "C" unsigned as_mc_reg_top(const as_mc *mc, unsigned reg) {
  return reg && reg < mc->top.size() ? mc->top[reg] : 0;
}
extern "C" unsigned as_mc_reg_lookup(const as_mc *mc, const char *name) {
  auto it = mc->by_name.find(StringRef(name).lower());
  return it == mc->by_name.end() ? 0 : it->second;
}
extern "C" bool as_mc_is_64bit(const as_mc *mc) { return mc->triple.isArch64Bit(); }

namespace {

// Everything one assembly run records, in arena memory at the end.
struct Recording {
  as_mc *mc;
  as_arena *arena;
  const as_mc_line *lines;
  unsigned num_lines;
  unsigned cur_line = 0, cur_col = 0;
  std::vector<as_mc_insn> insns;
  std::vector<as_mc_label> labels;
  std::vector<as_mc_error> errors;
  std::vector<as_mc_data> data;
  // Buffer line (1-based) -> input line index, and the prefix length there.
  std::vector<int> buffer_line_to_input;
  std::vector<unsigned> prefix_len;

  const char *dup(StringRef s) { return as_arena_strndup(arena, s.data(), s.size()); }

  void add_data(const char *what) {
    data.push_back({cur_line, cur_col, what});
  }

  const char *expr_symbol(const MCExpr *e, int64_t *offset) {
    if (!e) return nullptr;
    if (auto *sre = dyn_cast<MCSymbolRefExpr>(e)) return dup(sre->getSymbol().getName());
    if (auto *be = dyn_cast<MCBinaryExpr>(e)) {
      const char *s = expr_symbol(be->getLHS(), offset);
      int64_t v;
      if (s && be->getRHS()->evaluateAsAbsolute(v))
        *offset = be->getOpcode() == MCBinaryExpr::Sub ? -v : v;
      return s ? s : expr_symbol(be->getRHS(), offset);
    }
    if (auto *ue = dyn_cast<MCUnaryExpr>(e)) return expr_symbol(ue->getSubExpr(), offset);
    return nullptr;
  }

  void add_insn(const MCInst &inst) {
    as_mc_insn out;
    memset(&out, 0, sizeof out);
    out.line = cur_line;
    out.column = cur_col;
    const MCInstrDesc &desc = mc->mii->get(inst.getOpcode());
    out.opcode_name = dup(mc->mii->getName(inst.getOpcode()));
    std::string text;
    raw_string_ostream os(text);
    mc->att_printer->printInst(&inst, 0, "", *mc->sti, os);
    os.flush();
    out.att_text = dup(StringRef(text).trim());
    if (mc->intel_printer) {
      std::string itext;
      raw_string_ostream ios(itext);
      mc->intel_printer->printInst(&inst, 0, "", *mc->sti, ios);
      ios.flush();
      out.intel_text = dup(StringRef(itext).trim());
    } else {
      out.intel_text = "";
    }
    out.mcinst_flags = inst.getFlags();
    unsigned f = 0;
    if (desc.mayLoad()) f |= AS_MCD_MAY_LOAD;
    if (desc.mayStore()) f |= AS_MCD_MAY_STORE;
    if (desc.isCall()) f |= AS_MCD_CALL;
    if (desc.isBranch()) f |= AS_MCD_BRANCH;
    if (desc.isConditionalBranch()) f |= AS_MCD_COND_BRANCH;
    if (desc.isIndirectBranch()) f |= AS_MCD_INDIRECT_BRANCH;
    if (desc.isReturn()) f |= AS_MCD_RETURN;
    if (desc.isBarrier()) f |= AS_MCD_BARRIER;
    if (desc.hasUnmodeledSideEffects()) f |= AS_MCD_UNMODELED_SIDE_EFFECTS;
    if (desc.isTerminator()) f |= AS_MCD_TERMINATOR;
    if (desc.isVariadic()) f |= AS_MCD_VARIADIC;
    if (desc.isPseudo()) f |= AS_MCD_PSEUDO;
    if (desc.isTrap()) f |= AS_MCD_TRAP;
    out.desc_flags = f;
    out.num_defs = desc.getNumDefs();
    out.size = desc.getSize();
    out.num_ops = inst.getNumOperands();
    out.ops = (as_mc_operand *)as_arena_alloc(arena, sizeof(as_mc_operand) * (out.num_ops ? out.num_ops : 1));
    for (unsigned i = 0; i < out.num_ops; i++) {
      const MCOperand &op = inst.getOperand(i);
      as_mc_operand &o = out.ops[i];
      o.tied_to = -1;
      if (i < desc.getNumOperands()) {
        o.operand_type = desc.operands()[i].OperandType;
        o.tied_to = desc.getOperandConstraint(i, MCOI::TIED_TO);
        o.predicate = desc.operands()[i].isPredicate();
        o.optional_def = desc.operands()[i].isOptionalDef();
      }
      if (op.isReg()) {
        o.kind = AS_MCOP_REG;
        o.reg = op.getReg().id();
      } else if (op.isImm()) {
        o.kind = AS_MCOP_IMM;
        o.imm = op.getImm();
      } else if (op.isExpr()) {
        o.kind = AS_MCOP_EXPR;
        int64_t v = 0;
        if (op.getExpr()->evaluateAsAbsolute(v)) {
          o.kind = AS_MCOP_IMM;
          o.imm = v;
        } else {
          o.symbol = expr_symbol(op.getExpr(), &o.imm);
        }
      } else {
        o.kind = AS_MCOP_OTHER;
      }
    }
    ArrayRef<MCPhysReg> idefs = desc.implicit_defs();
    ArrayRef<MCPhysReg> iuses = desc.implicit_uses();
    unsigned *d = (unsigned *)as_arena_alloc(arena, sizeof(unsigned) * (idefs.size() + 1));
    unsigned *u = (unsigned *)as_arena_alloc(arena, sizeof(unsigned) * (iuses.size() + 1));
    for (size_t i = 0; i < idefs.size(); i++) d[i] = idefs[i];
    for (size_t i = 0; i < iuses.size(); i++) u[i] = iuses[i];
    out.implicit_defs = d;
    out.num_implicit_defs = (unsigned)idefs.size();
    out.implicit_uses = u;
    out.num_implicit_uses = (unsigned)iuses.size();
    insns.push_back(out);
  }

  void add_label(const MCSymbol *sym) {
    StringRef name = sym->getName();
    if (name.starts_with(kLineMarker)) {
      unsigned idx = 0;
      if (!name.drop_front(sizeof kLineMarker - 1).getAsInteger(10, idx) && idx < num_lines) {
        cur_line = lines[idx].line;
        cur_col = lines[idx].column;
      }
      return;
    }
    labels.push_back({dup(name), (unsigned)insns.size()});
  }

  void add_error(const SMDiagnostic &diag) {
    if (diag.getKind() != SourceMgr::DK_Error) return;
    int bl = diag.getLineNo();
    unsigned line = 0, col = 0;
    if (bl > 0 && (size_t)bl < buffer_line_to_input.size() && buffer_line_to_input[bl] >= 0) {
      const as_mc_line &in = lines[buffer_line_to_input[bl]];
      line = in.line;
      int c = diag.getColumnNo() - (int)prefix_len[bl];
      col = in.column + (c > 0 ? (unsigned)c : 0);
    } else if (!insns.empty() || cur_line) {
      line = cur_line;
      col = cur_col;
    }
    errors.push_back({line, col, dup(diag.getMessage())});
  }
};

// Bytes written as data in the text section (.byte/.word/.long/.quad with
// constant values: old assemblers' rdrand, xgetbv, a %fs: prefix) are
// instructions too: the MC disassembler decodes them, and a prefix written as
// .byte joins the instruction after it.  Bytes that do not decode into whole
// instructions stay a data directive (unmodeled).
class DataDecoder {
public:
  DataDecoder(as_mc *mc, MCContext &ctx, Recording &rec) : mc(mc), ctx(ctx), rec(rec) {
    dis.reset(mc->target->createMCDisassembler(*mc->sti, ctx));
    emitter.reset(mc->target->createMCCodeEmitter(*mc->mii, ctx));
  }
  void add(StringRef data) {
    if (bytes.empty()) {
      line = rec.cur_line;
      col = rec.cur_col;
    }
    bytes.append(data.begin(), data.end());
  }
  bool empty() const { return bytes.empty(); }
  // Decodes what is pending as whole instructions, or records it as data.
  void flush() {
    if (bytes.empty()) return;
    std::vector<MCInst> insns;
    std::vector<uint64_t> offsets;
    if (!decode(bytes, insns, offsets)) at_bytes([&] { rec.add_data("data directive"); });
    else record(insns, offsets, bytes.size());
    bytes.clear();
  }
  // Before an instruction: pending bytes may be its prefixes (".byte 0x64;
  // movl (%rax), %eax" is a %fs: load).  Decoding them together with the
  // instruction's encoding says what the processor runs.  True when that
  // worked and was recorded, so the caller must not record the instruction.
  bool merge_prefix(const MCInst &inst) {
    if (bytes.empty()) return false;
    SmallString<16> code;
    SmallVector<MCFixup, 2> fixups;
    std::vector<MCInst> merged;
    std::vector<uint64_t> offsets;
    if (emitter) emitter->encodeInstruction(inst, code, fixups, *mc->sti);
    std::string all = bytes + std::string(code.str());
    if (code.empty() || !fixups.empty() || !decode(all, merged, offsets)) {
      flush();
      return false;
    }
    record(merged, offsets, all.size());
    bytes.clear();
    return true;
  }

private:
  bool decode(const std::string &code, std::vector<MCInst> &out, std::vector<uint64_t> &offsets) {
    if (!dis) return false;
    ArrayRef<uint8_t> all(reinterpret_cast<const uint8_t *>(code.data()), code.size());
    uint64_t off = 0;
    while (off < all.size()) {
      MCInst inst;
      uint64_t size = 0;
      if (dis->getInstruction(inst, size, all.slice(off), off, nulls()) != MCDisassembler::Success ||
          size == 0)
        return false;
      out.push_back(inst);
      offsets.push_back(off);
      off += size;
    }
    return true;
  }
  // Records decoded instructions at the bytes' position.  A pc-relative
  // target (xbegin's fallback, a jump written as bytes) that lands on one of
  // them or just past the last becomes a label there, as if the template had
  // named it; a target elsewhere stays a number (an escape).
  void record(std::vector<MCInst> &insns, const std::vector<uint64_t> &offsets, uint64_t end) {
    unsigned base = (unsigned)rec.insns.size();
    for (size_t k = 0; k < insns.size(); k++) {
      MCInst &inst = insns[k];
      const MCInstrDesc &desc = mc->mii->get(inst.getOpcode());
      uint64_t next = k + 1 < offsets.size() ? offsets[k + 1] : end;
      for (unsigned i = 0; i < inst.getNumOperands() && i < desc.getNumOperands(); i++) {
        if (desc.operands()[i].OperandType != MCOI::OPERAND_PCREL || !inst.getOperand(i).isImm()) continue;
        uint64_t target = next + (uint64_t)inst.getOperand(i).getImm();
        size_t at = 0;
        while (at < offsets.size() && offsets[at] != target) at++;
        if (at == offsets.size() && target != end) continue;
        std::string name = ".Las_bytes_" + std::to_string(label_count++);
        MCSymbol *sym = ctx.getOrCreateSymbol(name);
        rec.labels.push_back({rec.dup(name), base + (unsigned)at});
        inst.getOperand(i) = MCOperand::createExpr(MCSymbolRefExpr::create(sym, ctx));
      }
    }
    at_bytes([&] { for (const MCInst &i : insns) rec.add_insn(i); });
  }
  template <typename F> void at_bytes(F record) {
    unsigned l = rec.cur_line, c = rec.cur_col;
    rec.cur_line = line;
    rec.cur_col = col;
    record();
    rec.cur_line = l;
    rec.cur_col = c;
  }
  as_mc *mc;
  MCContext &ctx;
  Recording &rec;
  unsigned label_count = 0;
  std::unique_ptr<MCDisassembler> dis;
  std::unique_ptr<MCCodeEmitter> emitter;
  std::string bytes;
  unsigned line = 0, col = 0;
};

// A streamer that records instead of encoding.
class RecordingStreamer : public MCStreamer {
public:
  RecordingStreamer(MCContext &ctx, Recording &rec, DataDecoder &bytes)
      : MCStreamer(ctx), rec(rec), bytes(bytes) {}
  bool emitSymbolAttribute(MCSymbol *, MCSymbolAttr) override { return true; }
  void emitCommonSymbol(MCSymbol *, uint64_t, Align) override { data("common symbol"); }
  void emitZerofill(MCSection *, MCSymbol *, uint64_t, Align, SMLoc) override {
    data("zerofill directive");
  }
  void emitInstruction(const MCInst &inst, const MCSubtargetInfo &) override {
    if (!in_text) data("instruction outside the text section");
    else if (!bytes.merge_prefix(inst)) rec.add_insn(inst);
  }
  void emitLabel(MCSymbol *sym, SMLoc loc) override {
    // A line marker is no label of the template: ".byte 0x64" on one line
    // may still prefix the instruction on the next.
    if (!sym->getName().starts_with(kLineMarker)) bytes.flush();
    MCStreamer::emitLabel(sym, loc);
    if (in_text) rec.add_label(sym);
  }
  // .byte/.short/.long/.quad with constant values arrive here through
  // emitIntValue: instruction bytes written as numbers.  Text (.ascii,
  // .asciz, .string) arrives directly: a string in the code is data (the
  // kernel's asm-offsets markers `.ascii "->SYM $4 ..."`), even when its
  // characters happen to decode as instructions.
  void emitBytes(StringRef b) override {
    if (in_text && in_int) bytes.add(b);
    else data("data directive");
  }
  using MCStreamer::emitIntValue;
  void emitIntValue(uint64_t value, unsigned size) override {
    in_int = true;
    MCStreamer::emitIntValue(value, size); // reaches emitBytes
    in_int = false;
  }
  void emitValueImpl(const MCExpr *e, unsigned size, SMLoc) override {
    int64_t v;
    if (in_text && size <= 8 && e->evaluateAsAbsolute(v)) {
      emitIntValue((uint64_t)v, size);
      return;
    }
    data("data directive");
  }
  void emitFill(const MCExpr &, uint64_t, SMLoc) override { data("fill directive"); }
  void emitFill(const MCExpr &, int64_t, int64_t, SMLoc) override { data("fill directive"); }
  void emitULEB128Value(const MCExpr *) override { data("data directive"); }
  void emitSLEB128Value(const MCExpr *) override { data("data directive"); }
  // Alignment (.p2align, .balign, .align) in the text section pads with
  // no-ops: nothing to model.  An explicit fill value is data in the code.
  void emitValueToAlignment(Align, int64_t fill, uint8_t, unsigned) override {
    if (fill) data("alignment directive with a fill value");
    else bytes.flush();
  }
  void emitCodeAlignment(Align, const MCSubtargetInfo *, unsigned) override { bytes.flush(); }
  void changeSection(MCSection *section, uint32_t subsection) override {
    bytes.flush();
    MCStreamer::changeSection(section, subsection);
    if (text && section != text) {
      in_text = false;
      rec.add_data("section switch");
    } else {
      in_text = true;
    }
  }
  void finish_bytes() { bytes.flush(); }
  MCSection *text = nullptr;
  bool in_text = true;

private:
  bool in_int = false; // inside emitIntValue: bytes of a number, not text
  void data(const char *what) {
    bytes.flush();
    rec.add_data(what);
  }
  Recording &rec;
  DataDecoder &bytes;
};

} // namespace


extern "C" int as_mc_assemble_direct(as_mc *mc, as_arena *arena, const as_mc_line *lines,
                                     unsigned num_lines, int dialect, as_mc_result *out) {
  memset(out, 0, sizeof *out);
  Recording rec;
  rec.mc = mc;
  rec.arena = arena;
  rec.lines = lines;
  rec.num_lines = num_lines;

  std::string buffer;
  rec.buffer_line_to_input.push_back(-1); // line 0 unused
  rec.prefix_len.push_back(0);
  if (dialect == 1) {
    buffer += ".intel_syntax noprefix\n";
    rec.buffer_line_to_input.push_back(-1);
    rec.prefix_len.push_back(0);
  }
  /* No line marker inside .macro/.rept/.irp bodies: MC finds their end
   * (.endm, .endr) only at the start of a line, and a label there hides it.
   * Instructions of a body take the position of the line that opened it. */
  unsigned body_depth = 0;
  for (unsigned i = 0; i < num_lines; i++) {
    std::string text = lines[i].text ? lines[i].text : "";
    size_t first = text.find_first_not_of(" \t");
    std::string word = first == std::string::npos ? "" : text.substr(first, text.find_first_of(" \t", first) - first);
    bool opens = word == ".macro" || word == ".rept" || word == ".rep" || word == ".irp" ||
                 word == ".irpc";
    bool closes = word == ".endm" || word == ".endmacro" || word == ".endr";
    /* Nor on conditional directives: inside a false .if MC looks for .else
     * and .endif only as a line's first word (the kernel's ALTERNATIVE on
     * RISC-V: `.if 0 == 1 ... .endif`). */
    bool conditional = word.compare(0, 3, ".if") == 0 || word == ".else" || word == ".elseif" ||
                       word == ".endif";
    std::string prefix = body_depth || conditional ? "" : std::string(kLineMarker) + std::to_string(i) + ": ";
    if (opens) body_depth++;
    if (closes && body_depth) body_depth--;
    for (char &c : text)
      if (c == '\n' || c == '\r') c = ' ';
    buffer += prefix + text + "\n";
    rec.buffer_line_to_input.push_back((int)i);
    rec.prefix_len.push_back((unsigned)prefix.size());
  }

  SourceMgr srcmgr;
  srcmgr.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(buffer, "<asm>"), SMLoc());
  srcmgr.setDiagHandler(
      [](const SMDiagnostic &diag, void *ctx) { static_cast<Recording *>(ctx)->add_error(diag); },
      &rec);

  MCContext ctx(mc->triple, mc->mai.get(), mc->mri.get(), mc->sti.get(), &srcmgr, &mc->options);
  ctx.setDiagnosticHandler([&rec](const SMDiagnostic &diag, bool, const SourceMgr &,
                                  std::vector<const MDNode *> &) { rec.add_error(diag); });
  std::unique_ptr<MCObjectFileInfo> mofi(mc->target->createMCObjectFileInfo(ctx, /*PIC=*/true));
  ctx.setObjectFileInfo(mofi.get());

  DataDecoder bytes(mc, ctx, rec);
  RecordingStreamer streamer(ctx, rec, bytes);
  streamer.text = mofi->getTextSection();
  // Directives that reach the target streamer (RISC-V .option push/pop,
  // .option arch) need one: the null one records nothing.  x86 keeps none.
  if (!mc->triple.isX86()) mc->target->createNullTargetStreamer(streamer);
  streamer.switchSection(streamer.text);
  std::unique_ptr<MCAsmParser> parser(createMCAsmParser(srcmgr, ctx, streamer, *mc->mai));
  std::unique_ptr<MCTargetAsmParser> tap(
      mc->target->createMCAsmParser(*mc->sti, *parser, *mc->mii, mc->options));
  if (!tap) {
    out->errors = (as_mc_error *)as_arena_alloc(arena, sizeof(as_mc_error));
    out->errors[0].message = "LLVM has no assembly parser for this target";
    out->num_errors = 1;
    return -1;
  }
  parser->setShowParsedOperands(false);
  parser->setTargetParser(*tap);
  if (dialect == 1) parser->setAssemblerDialect(1);
  parser->Run(/*NoInitialTextSection=*/true, /*NoFinalize=*/false);
  streamer.finish_bytes();

  out->num_insns = (unsigned)rec.insns.size();
  out->insns = (as_mc_insn *)as_arena_alloc(arena, sizeof(as_mc_insn) * (out->num_insns + 1));
  if (out->num_insns) memcpy(out->insns, rec.insns.data(), sizeof(as_mc_insn) * out->num_insns);
  out->num_labels = (unsigned)rec.labels.size();
  out->labels = (as_mc_label *)as_arena_alloc(arena, sizeof(as_mc_label) * (out->num_labels + 1));
  if (out->num_labels) memcpy(out->labels, rec.labels.data(), sizeof(as_mc_label) * out->num_labels);
  out->num_errors = (unsigned)rec.errors.size();
  out->errors = (as_mc_error *)as_arena_alloc(arena, sizeof(as_mc_error) * (out->num_errors + 1));
  if (out->num_errors) memcpy(out->errors, rec.errors.data(), sizeof(as_mc_error) * out->num_errors);
  out->num_data = (unsigned)rec.data.size();
  out->data = (as_mc_data *)as_arena_alloc(arena, sizeof(as_mc_data) * (out->num_data + 1));
  if (out->num_data) memcpy(out->data, rec.data.data(), sizeof(as_mc_data) * out->num_data);
  return 0;
}
