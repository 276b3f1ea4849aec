/*
** regfile.h: input and output paths that must be regular files.
**
** Every file rooflab reads (INI, CSV, sweep spec, SQLite database) and
** every output it writes beside and renames into place is a regular file.
** A FIFO without a writer would block a reader for ever, a device read to
** its end never ends (/dev/zero), and renaming an output over a device or
** a FIFO replaces it (as root, /dev/null itself); all are refused instead.
*/
#ifndef RL_REGFILE_H
#define RL_REGFILE_H

#include <stddef.h>
#include <stdio.h>

/* What the thing at path (symbolic links followed) is when it exists and
** is not a regular file: "a directory", "a FIFO", "a device" or "a
** socket"; NULL when it is a regular file, is absent or cannot be
** reached (the caller's own open says why). */
const char *rl_not_regular(const char *path);

/* path opened for reading ("rb"), or NULL with errno and a message in err:
** "PATH: cannot open: REASON" or "PATH: not a regular file (a FIFO)".  The
** file is opened without blocking and checked on the descriptor, so that
** a FIFO with no writer is refused, not waited on, and the file checked is
** the one read. */
FILE *rl_open_regular(const char *path, char *err, size_t errlen);

#endif
