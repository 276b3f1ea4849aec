/*
** slurp.h: read a whole file into memory, for the commands that post-process
** what gnuplot drew (the SVG title, the report's inline figures).
*/
#ifndef RL_SLURP_H
#define RL_SLURP_H

#include <stddef.h>

/* The file's bytes with a NUL after them (the caller frees), their count in
** *len; NULL with *len = 0 when the file cannot be opened or read.  An empty
** file gives an empty string. */
char *rl_slurp(const char *path, size_t *len);

#endif
