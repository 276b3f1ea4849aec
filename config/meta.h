/*
** meta.h: the [meta] keys of a chip's or profile's preset whose length is
** capped, and their caps: the one table that the loader (config/setup.c,
** a longer value refused where the file is loaded), the default profile
** and its notes (config/profiles.c, the buffers it reads them into) and
** calibrate --out (cli/profileout.c, the --software it writes) read.  The
** rest of [meta] (name, notes, sources), and the [meta] of the other
** kinds, which profiles.c does not read, is free text.
*/
#ifndef RL_META_H
#define RL_META_H

#include <stddef.h>

/* The caps in bytes, NUL included (buffers are declared with them): a
** software is matched by its family (profiles.c of_family), a cut one
** would match another's or none; a date cut would sort otherwise.  A new
** capped key is one row of meta.c's table. */
#define RL_META_SOFTWARE_MAX 128
#define RL_META_CALIBRATED_MAX 32
#define RL_META_FITTED_MAX 32

/* The bytes, NUL included, that [meta] key may take in a preset of kind
** ("chip", "profile", ...); 0 where it is not capped. */
size_t rl_meta_cap(const char *kind, const char *key);

/* -1 with "[meta] KEY: N bytes; at most M bytes" in err (N as
** rl_utf8_bytes says it; the reader puts the file and line before it)
** when value is longer than the cap of key in kind, else 0, err left. */
int rl_meta_check(const char *kind, const char *key, const char *value,
                  char *err, size_t errlen);

#endif
