/*
** tmpfile.h: temporary files beside an output, renamed into place when
** complete.  A temporary is named PATH.tmp-PID, so that when a process is
** killed (SIGKILL leaves no chance to clean up) the next run for the same
** PATH finds its leftovers by name and removes those whose process is gone.
*/
#ifndef RL_TMPFILE_H
#define RL_TMPFILE_H

#include <stddef.h>
#include <stdio.h>

/* Remove the PATH.tmp-PID files (and their -journal, -wal, -shm) of
** processes that no longer run, then create PATH.tmp-PID of this process
** (mode 0666 less the umask) and write its name into tmp.  An open
** descriptor, or -1 with errno: ENAMETOOLONG when the name does not fit,
** EISDIR when path is a directory, EEXIST when it is a FIFO, a device or
** a socket (renaming the output onto it would replace it; rl_out_fail
** says what it is), or open's. */
int rl_tmp_create(const char *path, char *tmp, size_t len);

/* PATH.tmp-PID of this process into tmp (nothing cleaned, checked or
** created): 0, or -1 with errno ENAMETOOLONG when it does not fit. */
int rl_tmp_path(const char *path, char *tmp, size_t len);

/* Is the output path (its own entry: a link named path is replaced by
** the rename, not its target) the file in, by in's name or through a
** link?  Written there, it would replace what the command reads.  1 or
** 0 (0 when either is not there). */
int rl_out_is_file(const char *path, const char *in);

/* The exit status for an output that could not be created, written or
** renamed into place, by its errno: RL_EINTERNAL when the machine is
** short of something or failing (memory, file descriptors, disk space or
** quota, a file size limit (EFBIG), an I/O error), RL_EINPUT for the rest, where the path given is
** wrong (a folder that does not exist or may not be written, a name that
** is a directory or too long, a read-only file system). */
int rl_out_exit(int e);

/* "cannot write PATH: REASON" (strerror(e); EFBIG's with the limits it
** may be) into err; rl_out_exit(e).  A
** folder of PATH that is not there (e ENOENT or ENOTDIR) is named with its
** fix, rl_folder_missing's words ("cannot write out/m.db: its folder out
** is not there (make it first: mkdir -p out)"). */
int rl_out_fail(const char *path, int e, char *err, size_t errlen);

/* An output written whole or not at all: PATH.tmp-PID (rl_tmp_create)
** opened as a stream for rl_out_commit to rename onto path.  The stream,
** or NULL with "cannot write PATH: REASON" in err and rl_out_exit's status
** in *status, nothing left behind. */
FILE *rl_out_open(const char *path, char *tmp, size_t len, int *status,
                  char *err, size_t errlen);

/* Close f, opened by rl_out_open as tmp, and rename tmp onto path: RL_OK,
** or rl_out_exit's status with "cannot write PATH: REASON" in err and tmp
** removed.  A write to f that failed before the call and left fclose
** nothing to fail on is named by the errno it left, where that is one a
** write fails with (EFBIG, ENOSPC, EDQUOT, EIO: call this right after the
** writes); else RL_EINTERNAL with "a write failed (the disk may be full or
** a file size limit reached)". */
int rl_out_commit(FILE *f, const char *tmp, const char *path, char *err,
                  size_t errlen);

#endif
