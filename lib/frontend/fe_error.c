/* The front ends' one-line error writer, in a file of its own so that
 * AsmStory.so (which contains the IR reader but not the libclang and rustc
 * front ends) compiles the same code. */
#include "fe_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void as_fe_error(char *err, size_t errlen, const char *format, ...) {
  if (!err || errlen == 0) return;
  va_list args;
  va_start(args, format);
  vsnprintf(err, errlen, format, args);
  va_end(args);
  for (char *p = err; *p; p++)
    if (*p == '\n' || *p == '\r') *p = ' ';
  size_t n = strlen(err);
  while (n > 0 && err[n - 1] == ' ') err[--n] = '\0';
}
