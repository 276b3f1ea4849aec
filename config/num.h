/*
** num.h: a number read from text, whole or not, within a range.
*/
#ifndef RL_NUM_H
#define RL_NUM_H

#include <stddef.h>

/* v as a finite number in [lo, hi] into *out: 0, or -1 with "WHAT: 'V' is
** not a number in [LO, HI]" in err. */
int num_parse(const char *what, const char *v, double lo, double hi,
              double *out, char *err, size_t errlen);

#endif
