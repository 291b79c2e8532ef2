/* Starting a helper program from a host that may have threads. */
#ifndef ASMSTORY_SPAWN_H
#define ASMSTORY_SPAWN_H
#include <stdbool.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Runs argv[0] with argv: stdin, stdout and stderr on /dev/null, fd3 (if
 * >= 0) as its descriptor 3 and no other descriptor, the fatal signals at
 * their default actions and none blocked.  posix_spawn, not fork: a fork
 * runs the pthread_atfork handlers of every library (libz3's deadlock when
 * two threads fork at once) and copies locks other threads hold.  Returns
 * false when it could not start. */
bool as_spawn_isolated(char *const argv[], int fd3, pid_t *pid);

#ifdef __cplusplus
}
#endif
#endif
