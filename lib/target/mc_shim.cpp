// LLVM MC bridge: assembles bound asm text and copies what MC knows about each
// instruction into the C structs of mc_shim.h.  This file translates only; it
// decides nothing about asm blocks (describe.c does).
#include "mc_shim.h"

#include "llvm-c/Target.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCExpr.h"
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
#include "llvm/TargetParser/Triple.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <strings.h>
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

static void init_targets() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmParser();
    LLVMInitializeAArch64TargetInfo();
    LLVMInitializeAArch64TargetMC();
    LLVMInitializeAArch64AsmParser();
  });
}

extern "C" as_mc *as_mc_create(const char *triple, char *err, size_t errlen) {
  init_targets();
  auto mc = std::make_unique<as_mc>();
  mc->triple = Triple(Triple::normalize(triple ? triple : ""));
  std::string error;
  mc->target = TargetRegistry::lookupTarget(mc->triple, error);
  if (!mc->target) {
    copy_err(err, errlen, "unsupported target '" + std::string(triple ? triple : "") + "': " + error);
    return nullptr;
  }
  mc->mri.reset(mc->target->createMCRegInfo(mc->triple));
  if (mc->mri) mc->mai.reset(mc->target->createMCAsmInfo(*mc->mri, mc->triple, mc->options));
  std::string features = mc->triple.getArch() == Triple::aarch64 ? "+lse,+v8.4a" : "";
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

extern "C" unsigned as_mc_num_regs(const as_mc *mc) { return (unsigned)mc->names.size(); }
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
extern "C" bool as_mc_reg_contains(const as_mc *mc, unsigned reg, unsigned sub) {
  if (!reg || !sub) return false;
  return reg == sub || mc->mri->isSubRegister(reg, sub);
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

// A streamer that records instead of encoding.
class RecordingStreamer : public MCStreamer {
public:
  RecordingStreamer(MCContext &ctx, Recording &rec) : MCStreamer(ctx), rec(rec) {}
  bool emitSymbolAttribute(MCSymbol *, MCSymbolAttr) override { return true; }
  void emitCommonSymbol(MCSymbol *, uint64_t, Align) override { rec.add_data("common symbol"); }
  void emitZerofill(MCSection *, MCSymbol *, uint64_t, Align, SMLoc) override {
    rec.add_data("zerofill directive");
  }
  void emitInstruction(const MCInst &inst, const MCSubtargetInfo &) override {
    if (in_text) rec.add_insn(inst);
    else rec.add_data("instruction outside the text section");
  }
  void emitLabel(MCSymbol *sym, SMLoc loc) override {
    MCStreamer::emitLabel(sym, loc);
    if (in_text) rec.add_label(sym);
  }
  void emitBytes(StringRef) override { rec.add_data("data directive"); }
  void emitValueImpl(const MCExpr *, unsigned, SMLoc) override { rec.add_data("data directive"); }
  void emitFill(const MCExpr &, uint64_t, SMLoc) override { rec.add_data("fill directive"); }
  void emitFill(const MCExpr &, int64_t, int64_t, SMLoc) override { rec.add_data("fill directive"); }
  void emitULEB128Value(const MCExpr *) override { rec.add_data("data directive"); }
  void emitSLEB128Value(const MCExpr *) override { rec.add_data("data directive"); }
  void emitValueToAlignment(Align, int64_t, uint8_t, unsigned) override { rec.add_data("alignment directive"); }
  void emitCodeAlignment(Align, const MCSubtargetInfo *, unsigned) override {
    rec.add_data("alignment directive");
  }
  void changeSection(MCSection *section, uint32_t subsection) override {
    MCStreamer::changeSection(section, subsection);
    if (text && section != text) {
      in_text = false;
      rec.add_data("section switch");
    } else {
      in_text = true;
    }
  }
  MCSection *text = nullptr;
  bool in_text = true;

private:
  Recording &rec;
};

} // namespace

// ---- guards against LLVM MC crashes ---------------------------------------
//
// LLVM 22's X86 Intel-syntax operand parser (X86AsmParser's
// IntelExprStateMachine / InfixCalculator) kills the process on two kinds of
// operand text; `llvm-mc` does the same (found by test/fuzz/fuzz_decode):
//  - `a / b`, `a % b`, `a mod b` divide without a check: a zero divisor, or
//    -1 under INT64_MIN, is SIGFPE (`mov eax, 1 % 0`).  Constant symbols
//    (`.set z, 0`, `z = 0`) are folded into the divisor too.
//  - a unary operator followed by `~` or `not` at the start of an operand
//    (`push -~1`, `mov eax, not not 1`) pops an empty stack and aborts.
// Before MC sees Intel-syntax text it is scanned here: a divisor must be a
// literal constant expression other than 0 and -1 (an identifier is accepted
// unless the template assigns symbols), and no unary operator may be
// followed by `~`/`not`.  Anything else is refused with a message instead of
// assembled (a little more than what crashes: an odd but valid expression is
// refused too).  AT&T operands and directives go through MCExpr, which has
// neither bug.
namespace {

struct DivisorScan {
  const char *p, *end;
  bool assigns; // the template defines constant symbols
  bool unknown = false;

  void space() {
    while (p < end && (*p == ' ' || *p == '\t')) p++;
  }
  static bool ident_char(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '$' || c == '@';
  }
  bool word(const char *w) {
    size_t n = strlen(w);
    if ((size_t)(end - p) < n || strncasecmp(p, w, n) != 0) return false;
    if (p + n < end && ident_char(p[n])) return false;
    p += n;
    return true;
  }
  // unary := ('-' | '+' | '~' | '!' | 'not') unary | primary
  int64_t unary(int depth) {
    space();
    if (p >= end || depth > 64) {
      unknown = true;
      return 0;
    }
    if (*p == '-' || *p == '+' || *p == '~' || *p == '!') {
      char op = *p++;
      uint64_t v = (uint64_t)unary(depth + 1);
      return op == '-' ? (int64_t)(0 - v) : op == '~' ? (int64_t)~v : op == '!' ? (int64_t)(v == 0) : (int64_t)v;
    }
    if (word("not")) return (int64_t)~(uint64_t)unary(depth + 1);
    if (*p == '(') {
      p++;
      int64_t v = expr(0, depth + 1);
      space();
      if (p < end && *p == ')') p++;
      else unknown = true;
      return v;
    }
    if (isdigit((unsigned char)*p)) {
      const char *s = p;
      while (p < end && isalnum((unsigned char)*p)) p++;
      std::string lit(s, p);
      char *stop = nullptr;
      errno = 0;
      unsigned long long v = strtoull(lit.c_str(), &stop, 0);
      if (!stop || *stop || errno) unknown = true; // a form not read here
      return (int64_t)v;
    }
    if (ident_char(*p)) {
      while (p < end && ident_char(*p)) p++;
      if (assigns) unknown = true; // may be folded to any constant
      return 1;                    // not folded: an error or a relocation
    }
    unknown = true;
    return 0;
  }
  // Binary operators by LLVM's precedence (OpPrecedence in X86AsmParser).
  int precedence(size_t *len) {
    space();
    *len = 1;
    if (p >= end) return -1;
    switch (*p) {
    case '|': return 0;
    case '^': return 1;
    case '&': return 2;
    case '+': case '-': return 5;
    case '*': case '/': case '%': return 6;
    case '<': case '>':
      if (p + 1 < end && p[1] == *p) { *len = 2; return 4; }
      return -1;
    default: break;
    }
    const char *save = p;
    static const char *const words[] = {"or", "xor", "and", "shl", "shr", "mod"};
    static const int prec[] = {0, 1, 2, 4, 4, 6};
    for (int i = 0; i < 6; i++)
      if (word(words[i])) {
        *len = (size_t)(p - save);
        p = save;
        return prec[i];
      }
    return -1;
  }
  int64_t expr(int min_prec, int depth) {
    int64_t lhs = unary(depth + 1);
    for (;;) {
      size_t len;
      int prec = precedence(&len);
      if (prec < min_prec || prec < 0 || depth > 64) return lhs;
      char op = (char)tolower((unsigned char)*p);
      bool is_mod = op == 'm';
      p += len;
      int64_t rhs = expr(prec + 1, depth + 1);
      uint64_t a = (uint64_t)lhs, b = (uint64_t)rhs;
      switch (op) {
      case '|': case 'o': lhs = (int64_t)(a | b); break;
      case '^': case 'x': lhs = (int64_t)(a ^ b); break;
      case '&': case 'a': lhs = (int64_t)(a & b); break;
      case '+': lhs = (int64_t)(a + b); break;
      case '-': lhs = (int64_t)(a - b); break;
      case '*': lhs = (int64_t)(a * b); break;
      case '<': lhs = b < 64 ? (int64_t)(a << b) : 0; break;
      case '>': lhs = b < 64 ? (int64_t)(a >> b) : 0; break;
      case 's': lhs = len == 3 && tolower((unsigned char)p[-1]) == 'l' ? (b < 64 ? (int64_t)(a << b) : 0)
                                                                          : (b < 64 ? (int64_t)(a >> b) : 0);
        break;
      default: // '/', '%', mod
        if (rhs == 0 || rhs == -1) {
          unknown = true;
          lhs = 0;
        } else {
          lhs = (op == '/' && !is_mod) ? lhs / rhs : lhs % rhs;
        }
        break;
      }
    }
  }
};

// Is the text at p the word w (case-insensitive, not part of a longer name)?
bool is_word(const char *p, const char *end, const char *w) {
  size_t n = strlen(w);
  return (size_t)(end - p) >= n && !strncasecmp(p, w, n) &&
         (p + n == end || !DivisorScan::ident_char(p[n]));
}

// The first Intel-syntax operand text that may crash MC: its input line index,
// column and why, or nullptr when there is none.
const char *intel_parser_hazard(const as_mc_line *lines, unsigned num_lines, bool intel,
                                unsigned *line_index, unsigned *column) {
  static const char kDivision[] =
      "an Intel-syntax operand divides by a value asmstory cannot prove safe (0 or -1 make "
      "LLVM's assembler, and so the compiler, crash with SIGFPE); the block is not assembled";
  static const char kUnary[] =
      "an Intel-syntax operand applies `~` or `not` right after another unary operator, which "
      "makes LLVM's assembler (and so the compiler) abort; the block is not assembled";
  bool assigns = false;
  for (unsigned i = 0; i < num_lines; i++) {
    const char *t = lines[i].text ? lines[i].text : "";
    if (strstr(t, ".set") || strstr(t, ".equ") || strchr(t, '=')) assigns = true;
  }
  for (unsigned i = 0; i < num_lines; i++) {
    const char *t = lines[i].text ? lines[i].text : "";
    const char *end = t + strlen(t);
    bool statement_start = true;
    bool after_value = false; // the last token was a number, ')' or ']'
    for (const char *p = t; p < end;) {
      char c = *p;
      if (c == '#' || (c == '/' && p + 1 < end && p[1] == '/')) break; // comment
      if (c == '/' && p + 1 < end && p[1] == '*') {
        const char *close = strstr(p + 2, "*/");
        p = close ? close + 2 : end;
        continue;
      }
      if (c == '"') {
        for (p++; p < end && *p != '"'; p++)
          if (*p == '\\' && p + 1 < end) p++;
        if (p < end) p++;
        after_value = true;
        continue;
      }
      if (c == ';' || c == '\n') {
        statement_start = true;
        after_value = false;
        p++;
        continue;
      }
      if (c == ' ' || c == '\t') {
        p++;
        continue;
      }
      if (statement_start && c == '.') {
        // A directive: switches the syntax; its own expressions are MCExpr.
        const char *s = p;
        while (p < end && *p != ';' && *p != '#') p++;
        std::string d(s, p);
        if (!strncasecmp(d.c_str(), ".intel_syntax", 13)) intel = true;
        else if (!strncasecmp(d.c_str(), ".att_syntax", 11)) intel = false;
        continue;
      }
      statement_start = false;
      if (!intel) {
        p++;
        continue;
      }
      *line_index = i;
      *column = (unsigned)(p - t) + 1;
      // Rule 1: a unary -, ~ or not followed by ~ or not (X86AsmParser pops
      // an empty operand stack: "SmallVector unable to grow").  A '-' after
      // a number or a bracket is binary; after a name it is taken as unary.
      size_t ulen = c == '~' || (c == '-' && !after_value) ? 1 : is_word(p, end, "not") ? 3 : 0;
      if (ulen) {
        const char *q = p + ulen;
        while (q < end && (*q == ' ' || *q == '\t')) q++;
        if (q < end && (*q == '~' || is_word(q, end, "not"))) return kUnary;
      }
      // Rule 2: division by what may be 0 or -1 (SIGFPE).
      size_t dlen = c == '/' || c == '%' ? 1 : is_word(p, end, "mod") ? 3 : 0;
      if (dlen) {
        DivisorScan scan{p + dlen, end, assigns};
        int64_t v = scan.unary(0);
        if (scan.unknown || v == 0 || v == -1) return kDivision;
        p += dlen;
        after_value = false;
        continue;
      }
      if (isdigit((unsigned char)c)) { // a number ends where LLVM's lexer ends it ("4mod 0")
        after_value = true;
        while (p < end && (isxdigit((unsigned char)*p) || *p == 'x' || *p == 'X')) p++;
        continue;
      }
      if (DivisorScan::ident_char(c)) {
        after_value = false;
        while (p < end && DivisorScan::ident_char(*p)) p++;
        continue;
      }
      after_value = c == ')' || c == ']';
      p++;
    }
  }
  return nullptr;
}

} // namespace

extern "C" int as_mc_assemble(as_mc *mc, as_arena *arena, const as_mc_line *lines,
                              unsigned num_lines, int dialect, as_mc_result *out) {
  memset(out, 0, sizeof *out);

  unsigned hazard_line = 0, hazard_column = 0;
  if (const char *why =
          intel_parser_hazard(lines, num_lines, dialect == 1, &hazard_line, &hazard_column)) {
    out->errors = (as_mc_error *)as_arena_alloc(arena, sizeof(as_mc_error));
    out->errors[0].line = lines[hazard_line].line;
    out->errors[0].column = lines[hazard_line].column + hazard_column - 1;
    out->errors[0].message = why;
    out->num_errors = 1;
    return -1;
  }
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
  bool in_macro = false; /* a label inside .macro ... .endm would hide the .endm */
  for (unsigned i = 0; i < num_lines; i++) {
    std::string text = lines[i].text ? lines[i].text : "";
    size_t first = text.find_first_not_of(" \t");
    std::string word = first == std::string::npos ? "" : text.substr(first, text.find_first_of(" \t", first) - first);
    if (word == ".macro") in_macro = true;
    std::string prefix = in_macro ? "" : std::string(kLineMarker) + std::to_string(i) + ": ";
    if (word == ".endm" || word == ".endmacro") in_macro = false;
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

  RecordingStreamer streamer(ctx, rec);
  streamer.text = mofi->getTextSection();
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
