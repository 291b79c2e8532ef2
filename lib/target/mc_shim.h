/* The C face of the LLVM MC bridge (mc_shim.cpp).  The shim only translates:
 * it assembles text with MC and copies what MC says about each instruction
 * into these structs.  All interpretation happens in C (describe.c). */
#ifndef ASMSTORY_MC_SHIM_H
#define ASMSTORY_MC_SHIM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "asmstory/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_mc as_mc;

/* MCInstrDesc flags, copied. */
enum as_mc_desc_flag {
  AS_MCD_MAY_LOAD = 1u << 0,
  AS_MCD_MAY_STORE = 1u << 1,
  AS_MCD_CALL = 1u << 2,
  AS_MCD_BRANCH = 1u << 3,
  AS_MCD_COND_BRANCH = 1u << 4,
  AS_MCD_INDIRECT_BRANCH = 1u << 5,
  AS_MCD_RETURN = 1u << 6,
  AS_MCD_BARRIER = 1u << 7,
  AS_MCD_UNMODELED_SIDE_EFFECTS = 1u << 8,
  AS_MCD_TERMINATOR = 1u << 9,
  AS_MCD_VARIADIC = 1u << 10,
  AS_MCD_PSEUDO = 1u << 11,
  AS_MCD_TRAP = 1u << 12,
};

typedef enum as_mc_operand_kind {
  AS_MCOP_INVALID = 0,
  AS_MCOP_REG,
  AS_MCOP_IMM,
  AS_MCOP_EXPR,
  AS_MCOP_OTHER,
} as_mc_operand_kind;

typedef struct as_mc_operand {
  as_mc_operand_kind kind;
  unsigned reg;           /* REG: MC register number (0 = none) */
  int64_t imm;            /* IMM; EXPR: constant offset if any */
  const char *symbol;     /* EXPR: referenced symbol name, or NULL */
  unsigned operand_type;  /* MCOI::OperandType from the descriptor (0 if none) */
  int tied_to;            /* descriptor TIED_TO constraint, -1 if none */
  bool predicate;         /* descriptor: part of the predicate (ARM condition) */
  bool optional_def;      /* descriptor: an optional def (ARM's flag-setting `s`) */
} as_mc_operand;

typedef struct as_mc_insn {
  unsigned line, column;      /* template position (from the line markers) */
  const char *opcode_name;    /* "MOV32rr" */
  const char *att_text;       /* printed in AT&T syntax */
  const char *intel_text;     /* printed in Intel syntax (sizes: "dword ptr") */
  unsigned mcinst_flags;      /* MCInst::getFlags(): x86 rep 8? lock 16? (see shim) */
  unsigned desc_flags;        /* as_mc_desc_flag */
  unsigned num_defs;          /* explicit defs: operands [0, num_defs) */
  as_mc_operand *ops;
  unsigned num_ops;
  const unsigned *implicit_defs;
  unsigned num_implicit_defs;
  const unsigned *implicit_uses;
  unsigned num_implicit_uses;
  unsigned size;              /* descriptor size, 0 if variable */
} as_mc_insn;

typedef struct as_mc_label {
  const char *name;
  unsigned insn_index;        /* instructions emitted before it */
} as_mc_label;

typedef struct as_mc_error {
  unsigned line, column;
  const char *message;
} as_mc_error;

typedef struct as_mc_data {
  unsigned line, column;
  const char *what;           /* "data directive", "section switch", ... */
} as_mc_data;

/* One statement of input: text already bound, and its template position. */
typedef struct as_mc_line {
  const char *text;
  unsigned line, column;
} as_mc_line;

typedef struct as_mc_result {
  as_mc_insn *insns;
  unsigned num_insns;
  as_mc_label *labels;
  unsigned num_labels;
  as_mc_error *errors;
  unsigned num_errors;
  as_mc_data *data;
  unsigned num_data;
} as_mc_result;

/* Registers every LLVM target (thread-safe, once per process).  Call it before
 * starting threads that may also reach libclang (see as_frontend_global_init). */
void as_mc_global_init(void);

/* Creates the MC objects for a triple.  NULL with a reason for a triple LLVM
 * has no assembler for. */
/* spec: a triple, then optionally a comma and LLVM features the build
 * enables ("aarch64-linux-gnu,+sve"), added to the triple's defaults. */
as_mc *as_mc_create(const char *spec, char *err, size_t errlen);
/* The features clang's driver enables for -march=<value> on this triple
 * (LLVM's target parsers: AArch64 "armv8.2-a+sve", ARM "armv7-a+crc",
 * RISC-V "rv64gcv"), comma-separated, in malloc'd memory ("" when none or
 * not understood). */
char *as_mc_features_from_march(const char *triple, const char *value);
void as_mc_destroy(as_mc *mc);

/* Assembles the lines (each one statement or a few ';'-separated ones) in
 * the given dialect (0 AT&T, 1 Intel) in this process; never prints.  MC may
 * crash or hang on hostile text: only the assembler server (mc_isolate.c)
 * calls this. */
int as_mc_assemble_direct(as_mc *mc, as_arena *arena, const as_mc_line *lines,
                          unsigned num_lines, int dialect, as_mc_result *out);

/* The assembler server of one as_mc (mc_isolate.c): a child process that
 * runs as_mc_assemble_direct, so that no template can crash or hang the
 * host.  Created idle; the process starts on the first template. */
typedef struct as_mc_server as_mc_server;
as_mc_server *as_mc_server_create(as_mc *mc, const char *triple);
/* Exec this program as the server ("<program> --mc-server <triple>", which
 * calls as_mc_server_main) instead of only forking: for hosts with threads,
 * whose held locks a forked copy would inherit.  Set before threads start. */
void as_mc_server_use_program(const char *path);
/* Templates given no answer so far in this process (as_target_failed_answers). */
unsigned as_mc_failed_answers(void);
/* Forks the server for a triple now, before the host grows (a compiler
 * plugin calls it before parsing); the first as_mc_server of that triple in
 * this process uses it instead of forking then.  It makes its MC objects on
 * its first template, and ends with its host.  Nothing when the host execs
 * its servers (as_mc_server_use_program). */
void as_mc_server_prefork(const char *triple);
/* The server's main loop on descriptor 3; returns 1 if the triple has no
 * assembler, otherwise never returns. */
int as_mc_server_main(const char *triple);
void as_mc_server_destroy(as_mc_server *server);
/* Assembles as as_mc_assemble_direct does, in the server.  When the server
 * crashes or does not answer in time, returns -1 with one error saying so
 * (and the next call starts a new server). */
int as_mc_assemble(as_mc_server *server, as_arena *arena, const as_mc_line *lines,
                   unsigned num_lines, int dialect, as_mc_result *out);
/* Ends the server process (and an early one never used) but keeps its
 * answers: a host that has assembled what it knows it needs stops paying
 * for a copy of itself (a fork's pages are copied as the host writes them).
 * A template not seen yet starts a new process. */
void as_mc_server_idle(as_mc_server *server);
/* Assembles these templates in one round trip and keeps the answers for
 * as_mc_assemble (which then finds them without asking).  Nothing is
 * reported here: a template that fails is asked for again, alone. */
typedef struct as_mc_request {
  const as_mc_line *lines;
  unsigned num_lines;
  int dialect;
} as_mc_request;
void as_mc_prefetch(as_mc_server *server, const as_mc_request *reqs, unsigned n);

/* Register model, as MC has it. */
const char *as_mc_reg_name(const as_mc *mc, unsigned reg);   /* lower case */
unsigned as_mc_reg_bits(const as_mc *mc, unsigned reg);       /* 0 unknown */
unsigned as_mc_reg_top(const as_mc *mc, unsigned reg);        /* largest super */
unsigned as_mc_reg_lookup(const as_mc *mc, const char *name); /* 0 if none */
bool as_mc_is_64bit(const as_mc *mc);

/* intel_guard.c: the first Intel-syntax operand text that would crash LLVM
 * MC's parser (division by 0 or -1, `~`/`not` after a unary operator): its
 * line index and column and why, or NULL.  as_mc_assemble refuses those
 * with this clearer message before any process sees them. */
const char *as_intel_parser_hazard(const as_mc_line *lines, unsigned num_lines, bool intel,
                                   unsigned *line_index, unsigned *column);

#ifdef __cplusplus
}
#endif
#endif
