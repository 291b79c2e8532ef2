/* What lib/frontend/ir_reader.c needs from lib/frontend/frontend.c, whose
 * other front ends (libclang, rustc) AsmStory.so does not contain: the
 * one-line error writer, with the same behaviour. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void as_fe_error(char *err, size_t errlen, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
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
