/* Internal to lib/frontend: helpers the front ends share. */
#ifndef ASMSTORY_FE_INTERNAL_H
#define ASMSTORY_FE_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include "asmstory/arena.h"

/* Writes a one-line message into err (newlines become spaces). fe_error.c */
void as_fe_error(char *err, size_t errlen, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* frontend.c: temporary directories and running compilers. */
int as_fe_make_temp_dir(char *buf, size_t buflen, char *err, size_t errlen);
void as_fe_remove_temp_dir(const char *dir);
int as_fe_run(const char *const *argv, const char *log_path, int *status, char *err,
              size_t errlen);
bool as_fe_first_error_line(const char *log_path, char *buf, size_t buflen);

/* path.c: dir/file (file as is when absolute or dir is empty) without "."
 * and ".." components. */
const char *as_fe_path_normalize(as_arena *arena, const char *dir, const char *file);
#endif
