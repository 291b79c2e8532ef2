/* The arch-neutral description of one instruction of a bound template
 * (objtool's struct instruction is the model).  Everything after lib/target
 * reasons on this, never on assembly text. */
#ifndef ASMSTORY_INSN_H
#define ASMSTORY_INSN_H
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_insn_kind {
  AS_INSN_OTHER = 0,
  AS_INSN_JUMP,          /* unconditional direct jump */
  AS_INSN_JUMP_COND,     /* conditional direct jump (jcc, loop, jrcxz) */
  AS_INSN_JUMP_INDIRECT,
  AS_INSN_CALL,
  AS_INSN_CALL_INDIRECT,
  AS_INSN_RETURN,
  AS_INSN_TRAP,          /* ud2, int3: does not fall through */
  AS_INSN_HALT,
} as_insn_kind;

/* Side-effect classes an instruction has beyond registers and memory. */
enum as_side_effect {
  AS_SE_IO = 1u << 0,        /* in, out, ins, outs */
  AS_SE_FENCE = 1u << 1,     /* mfence, lfence, sfence, serialize */
  AS_SE_SYSTEM = 1u << 2,    /* syscall, int, privileged and system insns */
  AS_SE_NONDET = 1u << 3,    /* rdtsc, rdtscp, rdrand, rdseed, rdpid, rdpmc */
  AS_SE_HINT = 1u << 4,      /* pause, prefetch, clflush: no semantic effect */
  AS_SE_ATOMIC = 1u << 5,    /* lock prefix or implicitly locked (xchg mem) */
  AS_SE_CACHE = 1u << 6,     /* clflush, clwb, wbinvd: cache maintenance */
  AS_SE_FPENV = 1u << 7,     /* changes the floating-point control state (rounding,
                                exception masks: fldcw, ldmxcsr, fninit, fxrstor) */
};

/* What an instruction does to the architecture's register stack (x87), when
 * it has one (as_target_reg_stack): the registers of insn.h name stack
 * positions (the top is position 0), so a push renames every register one
 * position down.  A push happens before the instruction's register writes
 * (they, and value_src/value_dst, name positions after it: fld %st(1)
 * copies position 2 of the new frame into position 0); a pop happens after
 * them (fstp %st(1) writes position 1, then pops). */
typedef enum as_reg_stack_op {
  AS_REG_STACK_NONE = 0,
  AS_REG_STACK_RESET,      /* empties the stack (fninit) */
  AS_REG_STACK_SAVE,       /* stores the stack state to its memory operand (fxsave, xsave) */
  AS_REG_STACK_SAVE_RESET, /* stores it, then empties the stack (fnsave) */
  AS_REG_STACK_RESTORE,    /* loads the stack state from its memory operand (frstor,
                       fxrstor, xrstor, fldenv): what the memory holds */
} as_reg_stack_op;

/* A register touched by an instruction.  reg is the full architectural
 * register (rax for al); sub is the register as the instruction names it. */
typedef struct as_reg_use {
  unsigned reg;
  unsigned sub;
  unsigned bits;         /* width of the access */
  unsigned shift;        /* bit offset inside reg (8 for ah, 64 for ARM's d9 in
                            q4); an implicit write from shift to the top of
                            reg zeroes those bits and keeps the low shift
                            bits (vzeroupper) */
  bool whole;            /* a write that defines every bit of reg (eax in
                            64-bit mode zero-extends into rax) */
  bool implicit;         /* not written in the instruction text */
  /* What the value read means to the instruction (reads only): */
  bool passthrough;      /* a destination read only to pass old bits through
                            (the result keeps them: bit scans, scalar SIMD) */
  bool value_ignored;    /* the result does not depend on it (subtract with
                            borrow of a register from itself) */
  bool count;            /* the repeat or loop count */
  unsigned used_bits;    /* bits of the value the instruction uses, when
                            fewer than bits (0: all) */
  unsigned live_if;      /* full register whose known entry value decides
                            whether this read matters (as_target_read_live);
                            0: it always does */
} as_reg_use;

typedef struct as_mem_access {
  bool load, store;
  unsigned base, index;  /* full registers, 0 for none */
  unsigned scale;
  int64_t disp;
  const char *disp_symbol; /* symbolic displacement, or NULL */
  unsigned segment;      /* segment override register, 0 for none */
  unsigned size;         /* bytes per access; 0 = unknown */
  bool size_at_least;    /* size is a lower bound (the XSAVE area grows with the
                            state components the processor enables) */
  unsigned align;        /* alignment the instruction requires (bytes, 1 = none) */
  bool stack;            /* implicit stack slot (push, pop, call, ret) */
  bool string_op;        /* movs/stos/lods/cmps/scas: address steps by size per DF */
  bool repeated;         /* repeated: the range is size * count register */
  unsigned count_reg;    /* repeated: full register that holds the count */
  bool rip_relative;
  bool if_pointer;       /* made only when base holds a pointer operand: a
                            system or monitor call given its arguments in
                            registers may read and write through any of
                            them (size is then a lower bound) */
} as_mem_access;

#define AS_MAX_REG_USES 24
#define AS_MAX_MEM 8

/* How an instruction computes its destination register, for the few
 * families whose value the effects walk tracks (moves, exchanges, constant
 * adds, lea); everything else yields an opaque value of what it reads. */
typedef enum as_value_op {
  AS_VAL_NONE = 0,
  AS_VAL_COPY,      /* dst = src */
  AS_VAL_CONST,     /* dst = imm */
  AS_VAL_SWAP,      /* dst <-> src */
  AS_VAL_ADD_CONST, /* dst = dst + imm (sub: negative imm) */
  AS_VAL_LEA,       /* dst = lea.base + lea.index * lea.scale + lea.disp */
  AS_VAL_ADD_REG,   /* dst = dst + src */
  AS_VAL_SUB_REG,   /* dst = dst - src */
  AS_VAL_ROTATE,    /* dst = dst rotated left by imm bits (right: negative) */
  AS_VAL_INVOLUTION,/* dst = f(dst) with f(f(x)) = x: imm is the as_involution */
  AS_VAL_STORE,     /* mem[0] = src, the whole register */
  AS_VAL_LOAD,      /* dst = mem[0], the whole register */
} as_value_op;

/* Operations that undo themselves (AS_VAL_INVOLUTION): applied twice, the
 * register holds its value again. */
typedef enum as_involution {
  AS_INV_BYTE_SWAP = 1, /* reverse the bytes */
  AS_INV_NEGATE,        /* two's complement negation */
  AS_INV_NOT,           /* one's complement */
} as_involution;

/* The condition a conditional jump tests: on the status flags as the last
 * instruction that set them left them (as_insn.compare says what they
 * compare), or on a count register (cond_reg). */
typedef enum as_cond {
  AS_COND_UNKNOWN = 0, /* one the generic layers do not model */
  AS_COND_EQ, AS_COND_NE,
  AS_COND_ULT, AS_COND_ULE, AS_COND_UGT, AS_COND_UGE, /* unsigned a < b ... */
  AS_COND_SLT, AS_COND_SLE, AS_COND_SGT, AS_COND_SGE, /* signed */
  AS_COND_COUNT_NE,   /* decrements cond_reg by one, jumps while it is not zero */
  AS_COND_COUNT_ZERO, /* jumps when cond_reg is zero (does not change it) */
} as_cond;

/* What the status flags an instruction sets compare, for as_cond. */
typedef enum as_compare {
  AS_CMP_NONE = 0, /* nothing the conditions model */
  AS_CMP_SUB,      /* compare_a - compare_b (or compare_imm), both taken
                      before the instruction: every condition */
  AS_CMP_ZERO,     /* compare_a after the instruction against zero: only
                      AS_COND_EQ and AS_COND_NE */
} as_compare;

typedef struct as_insn {
  unsigned line, column;      /* 1-based position in the template */
  const char *text;           /* the bound instruction as MC prints it (AT&T) */
  const char *mnemonic;       /* lower-case, e.g. "movl" */
  const char *opcode;         /* MC opcode name, e.g. "MOV32rr" */
  as_insn_kind kind;
  as_reg_use reads[AS_MAX_REG_USES];
  unsigned num_reads;
  as_reg_use writes[AS_MAX_REG_USES];
  unsigned num_writes;
  bool flags_read, flags_written; /* arithmetic status flags */
  bool flags_consumed;        /* the result or a branch decision depends on
                                 them (not only reads them to save them) */
  bool flags_saved;           /* pushes the flags (and control flags) */
  bool flags_restored;        /* pops them back */
  unsigned syscall_nr_reg;    /* a system call: full register of its number;
                                 0 otherwise (as_target_syscall_never_returns) */
  bool df_read;               /* reads the direction flag */
  int df_set;                 /* -1 none, 0 cld, 1 std, 2 popf (unknown) */
  as_mem_access mem[AS_MAX_MEM];
  unsigned num_mem;
  int sp_delta;               /* implicit stack pointer change in bytes */
  bool sp_explicit_write;     /* writes the stack pointer as an operand */
  const char *target;         /* branch/call target symbol, or NULL */
  int target_insn;            /* index of the target inside the block, or -1 */
  unsigned side_effects;      /* as_side_effect */
  bool rep, lock;
  bool zero_idiom;            /* xor r,r / sub r,r / pcmpeq r,r: result independent of input */
  bool low_bits_closed;       /* the low k bits of the register result depend only on the low k
                                 bits of the registers read (add, sub, and, orr, eor, mov) */
  int64_t idiom_value;        /* that result: 0, or -1 (all ones: pcmpeq, vpternlog $0xff) */
  const char *unmodeled;      /* why this instruction cannot be modeled, or NULL */
  as_value_op value_op;
  unsigned value_dst, value_src; /* sub-registers as named (MC numbers) */
  int64_t value_imm;
  as_mem_access lea;          /* AS_VAL_LEA: the address computed */
  /* Conditions and comparisons (loops bounded by a count or an end
   * pointer): a conditional jump's condition; what the flags compare after
   * a flags writer, at compare_bits (full registers; compare_b 0: the
   * immediate compare_imm). */
  as_cond cond;
  unsigned cond_reg;
  as_compare compare;
  unsigned compare_a, compare_b, compare_bits;
  int64_t compare_imm;
  /* A compare-exchange of register pairs (cmpxchg16b: rdx:rax against
   * memory, rcx:rbx stored): when each comparand register holds the same
   * value as its new-value register, the result is the memory's value
   * whatever they hold (the atomic-load idiom).  Full registers; 0: none. */
  unsigned cas_cmp[2], cas_new[2];
  /* Push or pop of a register list (pusha, popa; ARM push {r4-r11, lr},
   * vpush {d8-d9}): the registers as named (d8 is a part of q4) in push
   * order, the first at the highest address, one slot each of sp_delta /
   * num_stack_list bytes. */
  unsigned stack_list[16];
  unsigned num_stack_list;
  /* The register stack (as_target_reg_stack): entries pushed (> 0) or
   * popped (< 0), and what the instruction does to the whole stack.  A
   * save or restore also covers the registers in state_regs (the vector
   * registers fxsave/fxrstor store and load with the x87 state, the control
   * and status words): a restore lists them as writes; the walk gives back
   * the values a save of the same memory stored. */
  int reg_stack_delta;
  as_reg_stack_op reg_stack_op;
  unsigned state_regs[24];
  unsigned num_state_regs;
} as_insn;

#ifdef __cplusplus
}
#endif
#endif
