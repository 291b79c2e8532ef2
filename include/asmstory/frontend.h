/* Front ends: every inline asm statement of an input file becomes an as_block. */
#ifndef ASMSTORY_FRONTEND_H
#define ASMSTORY_FRONTEND_H
#include <stdbool.h>
#include <stddef.h>
#include "asmstory/arena.h"
#include "asmstory/block.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_block_list {
  as_block **items;
  unsigned count, capacity;
  /* The front end's one remark on the whole file for the user, or NULL
   * (old C analyzed as GCC compiles it). */
  const char *note;
} as_block_list;

void as_block_list_push(as_arena *arena, as_block_list *list, as_block *block);

/* Process-wide set-up of LLVM and libclang, once (thread-safe): every target
 * registered before any thread parses.  libclang's clang_createIndex registers
 * LLVM's targets, and two threads doing that at once can corrupt LLVM's target
 * registry (a cycle that makes TargetRegistry::lookupTarget spin forever).
 * The C front end calls it itself; a tool that starts threads calls it first. */
void as_frontend_global_init(void);

/* Helper processes.  LLVM's assembler (lib/target) and a first parse of
 * user-supplied IR run in child processes, so that no input can crash or
 * hang the host.  By default a child is a fork of the host; a program with
 * threads (whose locks a fork inherits held) names itself here before it
 * starts them, and then children are exec'd fresh: the program must answer
 * as_frontend_helper_main first thing in main. */
void as_frontend_isolate_with(const char *program);
/* Runs a helper when argv asks for one ("--mc-server TRIPLE", "--ir-check
 * ll|bc PATH") and stores its exit status in *status; false otherwise. */
bool as_frontend_helper_main(int argc, char **argv, int *status);

typedef struct as_frontend_options {
  const char *triple;          /* --target, or NULL for the input's own */
  const char *const *cc_args;  /* compiler flags after "--" (C/C++) */
  unsigned num_cc_args;
  const char *rustc;           /* rustc to run, NULL for "rustc" on PATH */
  const char *clang;           /* clang to run for IR of C files, NULL = default */
  bool want_ir;                /* C/C++: also produce and read the IR */
} as_frontend_options;

/* .ll / .bc: every call asm / callbr asm.  lang is recorded in the blocks
 * (AS_LANG_IR for plain IR, AS_LANG_RUST when called by the Rust front end). */
int as_frontend_ir(as_arena *arena, const char *path, as_lang lang,
                   const as_frontend_options *options, as_block_list *out,
                   char *err, size_t errlen);

/* .c .cc .cpp .cxx .h .i .ii: parsed with libclang in process. */
int as_frontend_c(as_arena *arena, const char *path,
                  const as_frontend_options *options, as_block_list *out,
                  char *err, size_t errlen);

/* .rs: compiled with rustc (-O --emit=llvm-bc -g, crate type lib) into a
 * temporary file, then read as IR. */
int as_frontend_rust(as_arena *arena, const char *path,
                     const as_frontend_options *options, as_block_list *out,
                     char *err, size_t errlen);

/* Rust blocks (blocks[first..]): per-line locations of the asm! template
 * strings and operand names ({0}, {x}) read back from the source file. */
void as_rust_annotate(as_arena *arena, as_block_list *blocks, unsigned first);

/* Chooses the front end by extension; -1 with a reason for an unknown one. */
int as_frontend_any(as_arena *arena, const char *path,
                    const as_frontend_options *options, as_block_list *out,
                    char *err, size_t errlen);

/* A file of a compilation database and its compiler flags. */
typedef struct as_compile_job {
  const char *file;
  const char *const *args;
  unsigned num_args;
} as_compile_job;

typedef struct as_compile_job_list {
  as_compile_job *items;
  unsigned count, capacity;
  /* Entries skipped because no front end reads them (.s, .S, Fortran...):
   * how many, and the first one's file. */
  unsigned skipped;
  const char *first_skipped;
} as_compile_job_list;

/* Is this a file kind the tool reads (by extension: C/C++, IR, Rust)? */
bool as_frontend_reads(const char *path);

/* Reads <build_dir>/compile_commands.json: the listed files (or all when
 * num_files is 0) with their flags.  Each file is `directory` + `file`,
 * normalized (absolute when the directory is); entries the tool does not
 * read are counted in out->skipped, not returned. */
int as_compile_db_load(as_arena *arena, const char *build_dir, const char *const *files,
                       unsigned num_files, as_compile_job_list *out, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
