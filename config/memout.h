/*
** memout.h: a stream writing into memory that says when a write failed,
** for a text worked out whole before it is printed or stored (claim's
** JSON).  open_memstream does not: a buffer it could not grow drops the
** bytes written past it, and its error flag and fclose may still say
** nothing (glibc: "hlds" for "holds" in claim --json, exit 0).
*/
#ifndef RL_MEMOUT_H
#define RL_MEMOUT_H

#include <stdio.h>

typedef struct {
	char *buf;
	size_t len, cap;
	int failed;   /* a write could not be held */
} rl_memout;

/* A stream writing into *m (zeroed first); NULL where none could be made. */
FILE *rl_memout_open(rl_memout *m);

/* Close f and hand its text over: 0 with *text (NUL-terminated, the caller
** frees) and *len, or -1 (out of memory: a write or the close failed),
** *text NULL and nothing kept. */
int rl_memout_close(FILE *f, rl_memout *m, char **text, size_t *len);

#endif
