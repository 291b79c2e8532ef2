/* The asm block model: one inline assembly statement, from any front end.
 *
 * A block is what the compiler was told (template, operands, constraints,
 * clobbers, options) plus where it came from.  Everything later (binding,
 * decoding, effects, checks, story) reads only this struct. */
#ifndef ASMSTORY_BLOCK_H
#define ASMSTORY_BLOCK_H
#include <stdbool.h>
#include <stddef.h>
#include "asmstory/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_lang { AS_LANG_C, AS_LANG_CXX, AS_LANG_RUST, AS_LANG_IR } as_lang;
/* The assembler dialect a template is written in.  AS_DIALECT_NONE: the
 * architecture has no dialect variants ({a|b} in a GNU template is text). */
typedef enum as_dialect { AS_DIALECT_ATT, AS_DIALECT_INTEL, AS_DIALECT_NONE } as_dialect;
typedef enum as_direction { AS_DIR_OUT, AS_DIR_IN, AS_DIR_INOUT } as_direction;

typedef struct as_loc {
  const char *file; /* NULL when unknown */
  unsigned line, column;
} as_loc;

/* ---- constraints ------------------------------------------------------- */

/* What kinds of location a constraint allows (a bit set: "rm" is REG|MEM). */
enum as_constraint_kind {
  AS_CK_REG = 1u << 0,     /* any register of reg_class */
  AS_CK_FIXED = 1u << 1,   /* one named register (x86 'a', IR {rax}) */
  AS_CK_MEM = 1u << 2,     /* memory (m o V < > p-like) */
  AS_CK_IMM = 1u << 3,     /* immediate (i n I J K L M N e Z s E F G H) */
  AS_CK_TIED = 1u << 4,    /* matching constraint: same location as tied_to */
  AS_CK_ADDRESS = 1u << 5, /* 'p': an address expression */
  AS_CK_LABEL = 1u << 6,   /* asm goto label (IR '!i') */
  AS_CK_ANY = 1u << 7,     /* 'g' or 'X': register, memory or immediate */
};

/* Flags written before/among the letters. */
enum as_constraint_flag {
  AS_CF_OUTPUT = 1u << 0,      /* '=' */
  AS_CF_INOUT = 1u << 1,       /* '+' */
  AS_CF_EARLY = 1u << 2,       /* '&' */
  AS_CF_COMMUTATIVE = 1u << 3, /* '%' */
  AS_CF_INDIRECT = 1u << 4,    /* IR '*': the operand value is the address */
  AS_CF_CLOBBER = 1u << 5,     /* IR '~{...}' */
  AS_CF_MULTI_ALT = 1u << 6,   /* several ',' alternatives (GNU) or '|' (IR) */
};

/* Register classes are the architecture's (lib/target/<arch>/): 0 is none
 * and 1 the general-purpose registers ("r") on every architecture. */
enum { AS_RC_NONE = 0, AS_RC_GENERAL = 1 };

struct as_constraint_dialect;

typedef struct as_constraint {
  unsigned flags; /* as_constraint_flag */
  unsigned kinds; /* as_constraint_kind */
  unsigned reg_class;   /* AS_RC_NONE, AS_RC_GENERAL or the architecture's */
  const struct as_constraint_dialect *dialect; /* the letters' architecture, or NULL */
  /* For AS_CK_FIXED: the register as named, lower case ("ax" for x86 'a',
   * "rax" for IR {rax}); fixed_reg2 holds the second of a pair ('A'). For an
   * IR clobber: the clobbered name ("memory", "cc", "dirflag", "rax", ...). */
  char fixed_reg[24];
  char fixed_reg2[24];
  int tied_to;          /* matching operand number, or -1 */
  char tied_name[32];   /* GNU "[name]" matching form, resolved by the caller */
  char letters[32];     /* the letters of the first alternative, for display */
} as_constraint;

/* What an architecture's constraint letters mean.  The letters every GCC
 * target shares (r m o V < > p i n s E F g X, digits, [name], {reg}) are
 * the parser's own; the rest are asked here (lib/target/<arch>/ provides
 * one; as_target_constraint_dialect finds it by triple).  With no dialect
 * only the shared letters are known. */
typedef struct as_constraint_dialect {
  const char *arch; /* "x86" */
  /* The letter (or two-letter code) at p: bytes used, 0 when unknown (then
   * *bad_len says how many bytes to quote); sets c's kinds and class with
   * as_constraint_set_class / as_constraint_set_fixed. */
  size_t (*classify)(const char *p, struct as_constraint *c, size_t *bad_len);
  /* A condition after "=@cc" (x86 "z", "nc", ...); NULL: no flag outputs. */
  bool (*valid_flag_condition)(const char *s, size_t n);
  /* A register class for display ("xmm"), or NULL. */
  const char *(*class_name)(unsigned reg_class);
} as_constraint_dialect;

/* For classifiers: the first class set wins; a fixed register ("ax") and
 * the second of a pair (x86 'A': "dx") or NULL. */
void as_constraint_set_class(as_constraint *c, unsigned reg_class);
void as_constraint_set_fixed(as_constraint *c, const char *reg, const char *reg2);

/* Parses one GNU C constraint ("=&r", "+m", "0", "[x]", "rm", "=@ccz") with
 * the letters of dialect.  is_output says which list it came from.  Returns
 * 0, or -1 with a one-line reason in err. */
int as_constraint_parse_gnu(const as_constraint_dialect *dialect, const char *text, bool is_output,
                            as_constraint *out, char *err, size_t errlen);

/* Parses a whole LLVM IR constraint string ("=&r,*m,0,~{memory},~{dirflag}")
 * into *items (arena memory), one entry per comma-separated code group, in
 * order (clobbers included, flagged AS_CF_CLOBBER).  Returns 0 or -1. */
int as_constraint_parse_ir(as_arena *arena, const as_constraint_dialect *dialect, const char *text,
                           as_constraint **items, unsigned *count, char *err, size_t errlen);

/* Renders a constraint back to a short human text ("out early reg", ...). */
const char *as_constraint_describe(as_arena *arena, const as_constraint *c);

/* ---- operands and blocks ----------------------------------------------- */

/* ---- provenance facts (from LLVM's own analyses of the IR) -------------- */

typedef enum as_object_kind {
  AS_OBJ_UNKNOWN = 0, /* LLVM cannot tell (a loaded pointer, a phi of several) */
  AS_OBJ_LOCAL,       /* an alloca: a local variable */
  AS_OBJ_GLOBAL,      /* a global variable or constant */
  AS_OBJ_ARGUMENT,    /* a pointer parameter of the enclosing function */
  AS_OBJ_HEAP,        /* an allocation call (malloc-like) */
  AS_OBJ_INTEGER,     /* made from an integer (inttoptr, absolute constant) */
  AS_OBJ_NULL,
} as_object_kind;

/* A value the story keeps symbolic: mul * x + add, where x is one value at
 * the asm call (an IR value, or the memory one load reads: as_sym_memory_id)
 * that the shim names by id; two facts with the same id speak of the same
 * x.  id 0: none. */
typedef struct as_sym {
  unsigned long long id;
  long long mul, add;
  const char *name;        /* x in the source's terms (`n`, `p.len()`), or NULL */
} as_sym;

/* The id of the value a load of object_id's byte offset reads (the count
 * field of a __counted_by array): the same in the shim and the story. */
static inline unsigned long long as_sym_memory_id(unsigned long long object_id, long long offset) {
  return (object_id ^ ((unsigned long long)offset * 0x9E3779B97F4A7C15ull)) | 1ull << 63;
}

typedef struct as_pointer_facts {
  bool known;              /* facts were computed for this operand */
  as_object_kind kind;
  const char *object;      /* the object's name, when known */
  const char *function;    /* AS_OBJ_ARGUMENT: the function it is a parameter of */
  unsigned param_number;   /* ... and which one, from 1 (0 unknown) */
  bool size_known;
  unsigned long long object_size;   /* bytes (for arguments: dereferenceable) */
  bool offset_known;
  long long offset;        /* the pointer's offset inside the object */
  unsigned long long align;/* alignment LLVM proves for the pointer, bytes */
  unsigned long long object_align; /* the object's own alignment, 0 if unknown */
  bool readonly;           /* provenance grants only reading */
  bool noalias;
  bool string_literal;
  unsigned long long object_id; /* identity of the object (same object, same id), 0 unknown */
  /* Locals and fresh heap memory: what was written to each byte of the
   * object before the asm call (object_size entries of as_init_bit), from
   * LLVM's MemorySSA of the function; NULL when not known (another kind of
   * object, an object too large, an allocation of unknown contents). */
  const unsigned char *init;
  /* An extent that is a value at the asm call rather than a constant
   * (size_known false): extent.mul * x + extent.add bytes, x in
   * extent_range (the length of a Rust slice parameter, the size argument
   * of an alloc_size allocation); extent_from says where it is written. */
  as_sym extent;
  struct as_int_facts *extent_range;
  const char *extent_from;
  /* An offset that is not a constant (offset_known false) but
   * offset_sym.mul * x + offset_sym.add, x in offset_range (an end pointer
   * `src + n`). */
  as_sym offset_sym;
  struct as_int_facts *offset_range;
  /* Integers loaded from the object at constant offsets on every path to
   * the asm call, with their ranges there (a __counted_by count's). */
  const struct as_loaded *loaded;
  unsigned num_loaded;
} as_pointer_facts;

/* Per byte of an object, before the asm call. */
enum as_init_bit {
  AS_INIT_SOME = 1u << 0,    /* written on some path */
  AS_INIT_EVERY = 1u << 1,   /* written on every path */
  AS_INIT_UNKNOWN = 1u << 2, /* cannot tell: a write of unknown extent may reach it (a
                                variable index, a loop), or it is padding */
};

typedef struct as_int_facts {
  bool known;              /* a range is known at the asm call */
  unsigned long long min, max; /* unsigned bounds, inclusive */
  long long smin, smax;    /* the same range's signed bounds (the tighter one for
                              a value that may be negative: [-4, 3] is all of
                              [0, 2^64) unsigned) */
  unsigned bits;           /* the value's width */
  /* The value's low bits that LLVM knows (a mask, a shift, a multiple):
   * value mod 2^low_bits == low_value; low_bits 0 when none is known. */
  unsigned low_bits;
  unsigned long long low_value;
  /* The value is a truncation of a wider one whose upper bits are not its
   * sign extension (IR `trunc`): LLVM any-extends an asm operand, so in a
   * wider register the upper bits are those of the wider value. */
  bool truncated;
  /* The value as sym.mul * x + sym.add over a value x the story can tie to
   * an extent (sym.id 0: none). */
  as_sym sym;
} as_int_facts;

typedef struct as_loaded {
  long long offset;
  as_int_facts range;
} as_loaded;

typedef struct as_operand {
  unsigned index;            /* its number in the template (%N / $N) */
  as_direction dir;
  const char *constraint_text;
  as_constraint constraint;
  int tied_to;               /* input bound to output N, or -1 */
  bool early_clobber;
  bool indirect;             /* memory operand whose value is its address */
  const char *name;          /* symbolic [name], or NULL */
  unsigned width_bits;       /* the value's width; 0 when unknown */
  bool type_dependent;   /* C++: its type depends on a template parameter,
                            so its width is known only per instantiation */
  bool is_pointer;
  unsigned pointee_size;     /* bytes behind the pointer / the memory operand */
  bool has_value;            /* a known constant (immediates) */
  long long value;
  const char *expr_text;     /* the C/Rust expression, when known */
  as_pointer_facts facts;    /* pointer operands and memory operands' address */
  as_int_facts range;        /* integer operands: range at the asm call */
  unsigned pointee_align;    /* C: alignment of the pointee type (AST), 0 unknown */
  bool discarded;            /* an output nobody reads (Rust `out(reg) _`, clobber_abi) */
  const char *mem_object;    /* C memory operands: the variable the lvalue is a
                                constant-offset part of (x, buf[2], ((T *)&x)[1]),
                                as "name:line:column" of its declaration; NULL */
  long long mem_offset;      /* ... and the lvalue's byte offset in it */
  const char *extent_decl;   /* C: the operand names a parameter whose declaration
                                writes its extent down (`char p[static 16]`): that
                                declaration's text; NULL */
  const char *extent_param;  /* ... and the parameter's name */
  unsigned extent_param_number; /* ... and which one it is, from 1 */
  /* C: the operand is a flexible array member whose count another member
   * holds (`int data[] __counted_by(n)`, `__sized_by(n)`): the count as the
   * source writes it (`s->n`), the attribute's text, the count member's
   * offset minus the array's (bytes), the bytes per count unit, and the
   * count's width and signedness.  NULL: none. */
  const char *count_expr;
  const char *count_attr;
  long long count_delta;
  unsigned count_unit, count_bits;
  bool count_signed;
  bool frame_object;         /* C: the lvalue is (a field or a constant element of) a
                                local variable, whose address the frame gives without
                                a register of its own */
  unsigned long long value_id; /* IR: identity of the value (same value, same id), 0 unknown */
  const char *type_text;     /* the C/Rust/IR type, when known */
  as_loc loc;
} as_operand;

enum as_block_flag {
  AS_BF_VOLATILE = 1u << 0,        /* C volatile; IR sideeffect */
  AS_BF_GOTO = 1u << 1,            /* asm goto / callbr */
  AS_BF_NOMEM = 1u << 2,           /* Rust nomem; IR memory(none) */
  AS_BF_READONLY = 1u << 3,        /* Rust readonly; IR memory(read) */
  AS_BF_PURE = 1u << 4,            /* Rust pure; C non-volatile asm with outputs */
  AS_BF_NOSTACK = 1u << 5,
  AS_BF_PRESERVES_FLAGS = 1u << 6,
  AS_BF_NORETURN = 1u << 7,
  AS_BF_MEMORY_CLOBBER = 1u << 8,  /* "memory" / ~{memory} */
  AS_BF_CC_CLOBBER = 1u << 9,      /* "cc" / ~{flags} / ~{cc} */
  AS_BF_ALIGNSTACK = 1u << 10,     /* IR alignstack */
  AS_BF_NO_RED_ZONE = 1u << 11,    /* built with -mno-red-zone / noredzone */
  AS_BF_UNREACHED = 1u << 12,      /* seen in the AST only (never emitted) */
  AS_BF_HAS_MEMORY_ATTR = 1u << 13,/* IR call carries a memory(...) attribute */
  AS_BF_BASIC = 1u << 14,          /* GNU basic asm (no ':'): the template is literal */
  AS_BF_DEAD_BRANCH = 1u << 15,    /* C: not emitted, though its function is (a branch the
                                      compiler folds away, e.g. switch (sizeof x)) */
  AS_BF_NO_VECTOR_REGS = 1u << 16, /* built without vector registers (x86 -mno-sse,
                                      -mgeneral-regs-only: kernels): the compiler
                                      keeps no value in them */
  AS_BF_VECTOR_256 = 1u << 17,     /* vector registers may hold 256-bit values (x86
                                      -mavx, -march=haswell, target feature +avx) */
  AS_BF_VECTOR_512 = 1u << 18,     /* ... and 512-bit values (x86 -mavx512f) */
  AS_BF_NO_REG_STACK = 1u << 19,   /* built without the floating-point register
                                      stack (x86 -mno-80387, -msoft-float,
                                      -mgeneral-regs-only: kernels) */
};

/* Where a C asm statement's parts are in the file, for fix-its: byte
 * offsets into the source file.  valid is false when the statement comes
 * from a macro (no fix-it is certainly right there) or was not parsed. */
typedef struct as_asm_layout {
  bool valid;
  const char *file;
  unsigned after_keyword;       /* insert " volatile" here */
  unsigned num_sections;        /* 1 (template only) .. 5 (goto labels) */
  unsigned section_end[5];      /* offset right after the section's last token */
  bool section_empty[5];
  unsigned close_paren;         /* offset of the closing ')' */
  unsigned *constraint_offset;  /* per operand: its constraint literal */
  unsigned *constraint_length;
} as_asm_layout;

typedef struct as_block {
  unsigned id;                /* 1-based, in file order */
  as_lang lang;
  const char *template_text;
  bool template_ir_form;      /* $0 / ${0:k} (IR) rather than %0 (GNU) */
  as_dialect dialect;
  const char *triple;
  /* The assembler features the build enables beyond the target's default
   * (AArch64 -march=armv8.2-a+sve: "+v8.2a,+sve"), comma-separated as LLVM
   * spells them; NULL: the default (as_target_features_*). */
  const char *target_features;
  as_operand *operands;
  unsigned num_operands;
  const char **clobbers;      /* as written ("memory", "cc", "eax", "~{rax}" -> "rax") */
  unsigned num_clobbers;
  const char **labels;        /* asm goto labels, numbered after the operands */
  unsigned num_labels;
  unsigned flags;             /* as_block_flag */
  as_loc loc;                 /* the statement */
  as_loc template_loc;        /* first character of the template string */
  as_loc *line_locs;          /* per template line, or NULL */
  unsigned num_line_locs;
  const char *function;       /* enclosing function, when known */
  const char *function_shown; /* IR: the function demangled, for messages; NULL: function */
  /* An IR copy that stands for one call of its (internal) function: the
   * operands' facts are that caller's (function_shown names the caller). */
  bool caller_context;
  /* C/C++ with IR wanted: the IR call of this same statement (matched by
   * source location), whose call attributes and pointer values later stages
   * read.  NULL when the statement was never emitted (AS_BF_UNREACHED) or
   * when no IR was produced. */
  struct as_block *ir_twin;
  struct as_block **ir_twins; /* every IR copy (inlined call sites), ir_twin first */
  unsigned num_ir_twins;
  /* IR blocks: the function and the ordinal of the asm call inside it, so a
   * later pass over the same module can find the call again. */
  unsigned ir_call_ordinal;
  as_asm_layout layout;       /* C: for fix-its */
  /* Rust: the template as written in the source ({0}, {x}), for display,
   * and line_locs that give each line's start only (a column inside a
   * line is found by lining the IR line up with display_template's:
   * as_report_location). */
  const char *display_template;
  bool line_columns_approx;
  /* C literal templates (CLI): where each byte of template_text is spelled
   * (pieces from macros included); NULL when unknown. */
  const as_loc *byte_locs;
  unsigned num_byte_locs;
  /* C: why the statement could not be read into a block (a constraint the
   * parser does not know), or NULL.  Such a block has its place and
   * template only; the analysis reports it as not verified (`unmodeled`)
   * and checks nothing else in it. */
  const char *unreadable;
} as_block;

const char *as_lang_name(as_lang lang);
/* The block's function as messages name it (demangled when known), or "?". */
const char *as_block_function_shown(const as_block *block);
const char *as_direction_name(as_direction dir);
/* The block as bytes, every field an analysis reads but its id: two blocks
 * with the same key get the same findings (the key of the plugin's record
 * of analyses on disk).  False, with out partly written, for a block that
 * carries IR facts. */
bool as_block_key(as_strbuf *out, const as_block *block);
/* Number of lines of the template (1 for an empty template). */
unsigned as_template_line_count(const char *text);
/* ---- building GNU C blocks (the libclang front end and the plugin) ------ */

/* Parses op->constraint_text as a GNU constraint of an output or input and
 * sets the operand's direction, tie and early-clobber from it.  0, or -1
 * with the parser's reason in msg. */
int as_operand_set_gnu_constraint(as_operand *op, const as_constraint_dialect *dialect, bool is_output,
                                  char *msg, size_t msglen);
/* Resolves "[name]" matching constraints of the inputs to output numbers. */
void as_block_resolve_named_ties(as_block *block, unsigned num_outputs);
/* A register operand bound by a local register variable (register long x
 * asm("r9")): the compiler uses that register.  No effect on tied,
 * fixed or non-register constraints, or a name that does not fit. */
void as_constraint_use_register(as_constraint *c, const char *reg);
/* GCC's implicit flags: asm without outputs, asm goto and basic asm are
 * volatile; a non-volatile asm with outputs is pure. */
void as_block_set_gnu_volatility(as_block *block, unsigned num_outputs, bool volatile_keyword);

/* Is the signed reading of an integer range the tighter one (a value that
 * may be negative: [-4, 3] rather than all of [0, 2^64))? */
bool as_int_facts_signed(const as_int_facts *range);
/* "range [-4, 3]", "range [0, 240], a multiple of 16" (--dump). */
const char *as_int_facts_describe(as_arena *arena, const as_int_facts *range);

/* "points into local `buf` (32 bytes) at offset 0, align 16, read-write". */
const char *as_facts_describe(as_arena *arena, const as_pointer_facts *facts);

#ifdef __cplusplus
}
#endif
#endif
