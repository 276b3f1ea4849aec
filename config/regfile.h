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

/* What a path is (symbolic links followed). */
typedef enum {
	RL_FILE_REGULAR = 0, /* a regular file, absent, or not reachable */
	RL_FILE_DIR,
	RL_FILE_FIFO,
	RL_FILE_DEVICE,      /* a character or block device */
	RL_FILE_SOCKET,
	RL_FILE_OTHER
} rl_file_kind;

/* What the thing at path is when it exists and is not a regular file;
** RL_FILE_REGULAR (0) when it is one, is absent or cannot be reached (the
** caller's own open says why). */
rl_file_kind rl_not_regular(const char *path);

/* A kind rl_not_regular or rl_open_regular refused (never
** RL_FILE_REGULAR) in words for messages: "a directory", "a FIFO", "a
** device", "a socket", else "not a file". */
const char *rl_file_kind_name(rl_file_kind k);

/* path opened for reading ("rb"), or NULL with errno and a message in err:
** "PATH: cannot open: REASON" or "PATH: not a regular file (a FIFO)".  The
** file is opened without blocking and checked on the descriptor, so that
** a FIFO with no writer is refused, not waited on, and the file checked is
** the one read. */
FILE *rl_open_regular(const char *path, char *err, size_t errlen);

/* When the folder path would be written in (the part before its last
** '/') is not there, or is not a folder: 1 with "its folder DIR is not
** there (make it first: mkdir -p DIR)" or "DIR is not a folder" in err
** ("its folder DIR is a link that leads to no folder (REASON)" for a
** link to nothing or a loop of links, "its folder DIR cannot be reached
** (REASON)" for a path through a file or one not searchable),
** for the caller to put after "PATH: " or "cannot write PATH: " (the one
** wording of sweep/claim/validate --db and of every output file); else 0,
** err untouched (a path with no folder part, or one that is there). */
int rl_folder_missing(const char *path, char *err, size_t errlen);

#endif
