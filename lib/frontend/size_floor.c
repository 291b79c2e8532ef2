/* The least unsigned value an allocation size can have, from its
 * arithmetic where LLVM's single-interval ranges lose it (facts_shim.cpp
 * asks, for the extent of an `alloc_size` allocation).
 *
 * The kernel's saturating size_add, size_mul and struct_size give SIZE_MAX
 * when the arithmetic overflows, else n * 8 + 984 (a select, or a phi of
 * the inlined returns): LLVM unites {2^64 - 1} with [984, 2^34 + 984) into
 * one interval that wraps through 0.  Here a choice is at least its
 * smallest arm, an addition or a multiplication that cannot wrap (nuw,
 * uadd.sat, or on the path where its with.overflow bit is false) at least
 * the sum or product of its operands' floors, ALIGN(x, a) at least x (the
 * story assumes the power of two a that ALIGN needs), and anything else
 * what LLVM's range says.  Not seen through: a mask LLVM puts on a count it
 * knows is small through a truncation (the kernel's groups_alloc in
 * setgroups). */
#include "facts_shim.h"

#include <string.h>

static unsigned long long sat_add(unsigned long long a, unsigned long long b) { return a + b < a ? ~0ull : a + b; }
static unsigned long long sat_mul(unsigned long long a, unsigned long long b) {
  return a && b > ~0ull / a ? ~0ull : a * b;
}
static unsigned long long min2(unsigned long long a, unsigned long long b) { return a < b ? a : b; }
static unsigned long long max2(unsigned long long a, unsigned long long b) { return a > b ? a : b; }

static unsigned intrinsic_id(const char *name) { return LLVMLookupIntrinsicID(name, strlen(name)); }

/* The intrinsic a call makes (0: none or not a call). */
static unsigned called_intrinsic(LLVMValueRef v) {
  if (!LLVMIsACallInst(v)) return 0;
  LLVMValueRef fn = LLVMGetCalledValue(v);
  return fn && LLVMIsAFunction(fn) ? LLVMGetIntrinsicID(fn) : 0;
}

static bool is_const(LLVMValueRef v, unsigned long long *value) {
  if (!LLVMIsAConstantInt(v) || LLVMGetIntTypeWidth(LLVMTypeOf(v)) > 64) return false;
  *value = LLVMConstIntGetZExtValue(v);
  return true;
}

/* v is `0 - a`: a, else NULL. */
static LLVMValueRef negated(LLVMValueRef v) {
  unsigned long long zero;
  if (!LLVMIsABinaryOperator(v) || LLVMGetInstructionOpcode(v) != LLVMSub) return NULL;
  return is_const(LLVMGetOperand(v, 0), &zero) && zero == 0 ? LLVMGetOperand(v, 1) : NULL;
}

static unsigned long long floor_of(as_facts_ctx *ctx, LLVMValueRef call, LLVMValueRef v, LLVMBasicBlockRef at,
                                   LLVMBasicBlockRef to, int depth);

/* ALIGN(x, a) = (x + a - 1) & -a, with sum the `and`'s other operand: x's
 * floor, or 0. */
static unsigned long long align_floor(as_facts_ctx *ctx, LLVMValueRef call, LLVMValueRef sum, LLVMValueRef align,
                                      LLVMBasicBlockRef at, int depth) {
  if (!LLVMIsABinaryOperator(sum) || LLVMGetInstructionOpcode(sum) != LLVMAdd) return 0;
  LLVMValueRef rest = LLVMGetOperand(sum, 0) == align   ? LLVMGetOperand(sum, 1)
                      : LLVMGetOperand(sum, 1) == align ? LLVMGetOperand(sum, 0)
                                                        : NULL;
  unsigned long long k, minus_one;
  if (!rest) return 0;
  if (is_const(rest, &k)) return (long long)k >= 0 ? k + 1 : 0; /* x + a - 1 folded: x - 1 = k */
  if (LLVMIsABinaryOperator(rest) && LLVMGetInstructionOpcode(rest) == LLVMAdd &&
      is_const(LLVMGetOperand(rest, 1), &minus_one) && minus_one == ~0ull)
    return floor_of(ctx, call, LLVMGetOperand(rest, 0), at, NULL, depth + 1);
  return 0;
}

static unsigned long long floor_of(as_facts_ctx *ctx, LLVMValueRef call, LLVMValueRef v, LLVMBasicBlockRef at,
                                   LLVMBasicBlockRef to, int depth) {
  unsigned long long k;
  if (is_const(v, &k)) return k;
  unsigned long long known = as_facts_umin_at(ctx, call, v);
  if (depth > 6 || !LLVMIsAInstruction(v)) return known;
  unsigned long long own = 0;
  LLVMOpcode op = LLVMGetInstructionOpcode(v);
  unsigned id = called_intrinsic(v);
  if (op == LLVMZExt) {
    own = floor_of(ctx, call, LLVMGetOperand(v, 0), at, NULL, depth + 1);
  } else if (op == LLVMSExt) {
    /* a negative value extends to one above any floor below 2^(bits-1) */
    unsigned long long f = floor_of(ctx, call, LLVMGetOperand(v, 0), at, NULL, depth + 1);
    unsigned bits = LLVMGetIntTypeWidth(LLVMTypeOf(LLVMGetOperand(v, 0)));
    if (bits < 64 && f < (1ull << (bits - 1))) own = f;
  } else if (op == LLVMAnd) {
    LLVMValueRef a = negated(LLVMGetOperand(v, 1)), b = negated(LLVMGetOperand(v, 0));
    if (a) own = align_floor(ctx, call, LLVMGetOperand(v, 0), a, at, depth);
    else if (b) own = align_floor(ctx, call, LLVMGetOperand(v, 1), b, at, depth);
  } else if (op == LLVMSelect) {
    own = min2(floor_of(ctx, call, LLVMGetOperand(v, 1), at, NULL, depth + 1),
               floor_of(ctx, call, LLVMGetOperand(v, 2), at, NULL, depth + 1));
  } else if (op == LLVMPHI && LLVMCountIncoming(v) <= 8) {
    own = ~0ull;
    for (unsigned i = 0; i < LLVMCountIncoming(v); i++)
      own = min2(own, floor_of(ctx, call, LLVMGetIncomingValue(v, i), LLVMGetIncomingBlock(v, i),
                               LLVMGetInstructionParent(v), depth + 1));
  } else if ((op == LLVMAdd || op == LLVMMul || op == LLVMShl) && LLVMGetNUW(v)) {
    unsigned long long l = floor_of(ctx, call, LLVMGetOperand(v, 0), at, NULL, depth + 1);
    unsigned long long r = floor_of(ctx, call, LLVMGetOperand(v, 1), at, NULL, depth + 1);
    if (op == LLVMAdd) own = sat_add(l, r);
    else if (op == LLVMMul) own = sat_mul(l, r);
    else if (is_const(LLVMGetOperand(v, 1), &k) && k < 64) own = sat_mul(l, 1ull << k);
  } else if (id && (id == intrinsic_id("llvm.uadd.sat") || id == intrinsic_id("llvm.umax") ||
                    id == intrinsic_id("llvm.umin"))) {
    unsigned long long l = floor_of(ctx, call, LLVMGetOperand(v, 0), at, NULL, depth + 1);
    unsigned long long r = floor_of(ctx, call, LLVMGetOperand(v, 1), at, NULL, depth + 1);
    own = id == intrinsic_id("llvm.uadd.sat") ? sat_add(l, r) : id == intrinsic_id("llvm.umax") ? max2(l, r)
                                                                                             : min2(l, r);
  } else if (op == LLVMExtractValue && LLVMGetNumIndices(v) == 1 && LLVMGetIndices(v)[0] == 0) {
    LLVMValueRef wo = LLVMGetOperand(v, 0);
    unsigned wid = called_intrinsic(wo);
    bool add = wid && wid == intrinsic_id("llvm.uadd.with.overflow");
    bool mul = wid && wid == intrinsic_id("llvm.umul.with.overflow");
    if ((add || mul) && at && as_facts_no_overflow_at(ctx, wo, at, to)) {
      unsigned long long l = floor_of(ctx, call, LLVMGetOperand(wo, 0), at, NULL, depth + 1);
      unsigned long long r = floor_of(ctx, call, LLVMGetOperand(wo, 1), at, NULL, depth + 1);
      own = add ? sat_add(l, r) : sat_mul(l, r);
    }
  }
  return max2(own, known);
}

unsigned long long as_size_floor(as_facts_ctx *ctx, LLVMValueRef call, LLVMValueRef size) {
  return floor_of(ctx, call, size, LLVMGetInstructionParent(call), NULL, 0);
}
