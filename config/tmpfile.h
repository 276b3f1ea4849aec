/*
** tmpfile.h: temporary files beside an output, renamed into place when
** complete.  A temporary is named PATH.tmp-PID, so that when a process is
** killed (SIGKILL leaves no chance to clean up) the next run for the same
** PATH finds its leftovers by name and removes those whose process is gone.
*/
#ifndef RL_TMPFILE_H
#define RL_TMPFILE_H

#include <stddef.h>

/* Remove PATH.tmp-PID files (and their -journal, -wal, -shm) whose process
** no longer runs. */
void rl_tmp_clean(const char *path);

/* rl_tmp_clean, then create PATH.tmp-PID of this process (mode 0666 less
** the umask) and write its name into tmp.  An open descriptor, or -1 with
** errno. */
int rl_tmp_create(const char *path, char *tmp, size_t len);

/* The name alone (nothing created), after rl_tmp_clean: 0, or -1 when the
** name does not fit. */
int rl_tmp_name(const char *path, char *tmp, size_t len);

#endif
