/*
** shword.h: a word quoted as sh reads it back, for the commands that
** messages give to run (merge's and sweep's resume commands, mkdir -p of
** a folder that is not there).
*/
#ifndef RL_SHWORD_H
#define RL_SHWORD_H

#include <stddef.h>

/* w as sh reads it back, into buf: as it is where every byte is one a
** shell leaves alone, else in single quotes ('\'' for a quote inside).
** A word beginning with '-' (a relative path) gets ./ in front, the same
** file, so that the command does not take it for an option.  Returns buf, or `fallback` (a placeholder such as "SPEC") where the
** quoted word does not fit len: a word cut to fit would read back as
** another path, and a command run with it would act on that one. */
const char *rl_sh_word(const char *w, const char *fallback, char *buf,
                       size_t len);

#endif
