/* One builder of GNU asm blocks for both C front ends: the libclang front
 * end (c_frontend.c, the CLI) and the Clang plugin (lib/plugin/ast_block.cpp).
 * Each reads its own AST into an as_gnu_stmt (the statement's raw pieces,
 * no AST node); as_gnu_block_build makes every decision about them:
 * constraints, directions, ties (numbered and "[name]"), local register
 * variables, clobbers, labels, implicit volatility, basic asm, which
 * lvalue facts an operand needs, and what a statement that cannot be read
 * becomes (one policy for both doors: that statement is not verified, the
 * rest of the file is analyzed). */
#ifndef ASMSTORY_FE_GNU_BLOCK_H
#define ASMSTORY_FE_GNU_BLOCK_H
#include <stdbool.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One operand as the front end reads it. */
typedef struct as_gnu_operand_src {
  const char *name;              /* [name], or NULL */
  const char *constraint;        /* the constraint string; NULL when unknown */
  as_loc loc;                    /* its expression; file NULL: the statement's place */
  const char *expr_text;         /* the expression's source text, or NULL */
  const char *register_variable; /* the register of a local register variable
                                    (register long x asm("r9")), or NULL */
  void *expr;                    /* the front end's handle of the expression */
} as_gnu_operand_src;

/* The facts a front end reads from an operand's AST, asked for by
 * as_gnu_want. */
enum as_gnu_want {
  AS_GNU_WANT_VALUE = 1u << 0,       /* an input's constant value (op->has_value) */
  AS_GNU_WANT_FRAME_OBJECT = 1u << 1,/* a memory operand: lvalue in the frame */
  AS_GNU_WANT_MEM_OBJECT = 1u << 2,  /* a memory operand: variable and offset */
  AS_GNU_WANT_DISCARDED = 1u << 3,   /* an output: a scratch variable nobody reads */
};

typedef struct as_gnu_lvalue {
  bool frame_object;       /* as_operand.frame_object */
  bool discarded;          /* as_operand.discarded */
  const char *mem_object;  /* as_operand.mem_object, or NULL */
  long long mem_offset;
} as_gnu_lvalue;

/* The front end's reader of operand facts: fills op's C type facts
 * (type_text, width_bits, is_pointer, pointee size and alignment,
 * type_dependent, value_id; the constant value when `want` has
 * AS_GNU_WANT_VALUE) and, for the other facts in `want`, *lvalue.  op's
 * constraint is parsed.  A fact its AST cannot give stays unset. */
typedef void (*as_gnu_describe_fn)(void *data, const as_gnu_operand_src *src, as_operand *op,
                                   unsigned want, as_gnu_lvalue *lvalue);

/* The statement's raw pieces. */
typedef struct as_gnu_stmt {
  as_loc loc;                  /* the asm keyword */
  const char *function;        /* the enclosing function, or NULL */
  bool in_template;            /* C++: in a template pattern */
  /* The template: the source form (%0, %%) or clang's IR form ($0, $$). */
  const char *template_text;
  bool template_ir_form;
  as_loc *line_locs;           /* per template line, or NULL: every line at loc */
  unsigned num_line_locs;
  const as_loc *byte_locs;     /* per template byte, or NULL */
  unsigned num_byte_locs;
  bool basic;                  /* basic asm (no ':'): nothing is substituted */
  bool volatile_keyword;       /* `volatile` written */
  unsigned num_outputs, num_inputs;
  as_gnu_operand_src *operands; /* outputs, then inputs */
  const char **clobbers;        /* as written; NULL entries are skipped */
  unsigned num_clobbers;
  const char **labels;          /* asm goto labels */
  unsigned num_labels;
  bool is_goto;
  as_asm_layout layout;         /* where its parts are, for fix-its */
  /* The front end could not read the statement (why), or NULL. */
  const char *unreadable;
} as_gnu_stmt;

/* What every block of the translation unit shares. */
typedef struct as_gnu_unit {
  as_arena *arena;
  as_lang lang;
  as_dialect dialect;
  const char *triple;
  unsigned extra_flags;        /* AS_BF_NO_RED_ZONE, AS_BF_NO_VECTOR_REGS */
  const char *target_features; /* as_block.target_features */
  as_gnu_describe_fn describe; /* may be NULL */
  void *data;                  /* for describe */
} as_gnu_unit;

/* The block of one statement, in unit->arena.  Never NULL: a statement
 * that cannot be read (the front end's reason, or a constraint the parser
 * does not know) is a block with its place and template whose
 * `unreadable` says why; the analysis reports it as not verified
 * (`unmodeled`) and checks nothing else in it. */
as_block *as_gnu_block_build(const as_gnu_unit *unit, const as_gnu_stmt *stmt);

#ifdef __cplusplus
}
#endif
#endif
