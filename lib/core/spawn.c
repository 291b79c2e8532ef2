/* as_spawn_isolated: helper processes without fork (spawn.h). */
#define _GNU_SOURCE
#include "asmstory/spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

extern char **environ;

bool as_spawn_isolated(char *const argv[], int fd3, pid_t *pid) {
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  if (posix_spawn_file_actions_init(&fa) != 0) return false;
  if (posix_spawnattr_init(&attr) != 0) {
    posix_spawn_file_actions_destroy(&fa);
    return false;
  }
  bool ok = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDWR, 0) == 0 &&
            posix_spawn_file_actions_adddup2(&fa, 0, 1) == 0 &&
            posix_spawn_file_actions_adddup2(&fa, 0, 2) == 0 &&
            /* dup2 onto itself clears close-on-exec (glibc) */
            (fd3 < 0 || posix_spawn_file_actions_adddup2(&fa, fd3, 3) == 0) &&
            posix_spawn_file_actions_addclosefrom_np(&fa, fd3 >= 0 ? 4 : 3) == 0;
  sigset_t defaults, none;
  sigemptyset(&none);
  sigemptyset(&defaults);
  static const int fatal[] = {SIGSEGV, SIGFPE, SIGILL, SIGBUS, SIGABRT, SIGTRAP, SIGSYS, SIGPIPE};
  for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) sigaddset(&defaults, fatal[i]);
  ok = ok && posix_spawnattr_setsigdefault(&attr, &defaults) == 0 &&
       posix_spawnattr_setsigmask(&attr, &none) == 0 &&
       posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) == 0 &&
       posix_spawn(pid, argv[0], &fa, &attr, argv, environ) == 0;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  return ok;
}
