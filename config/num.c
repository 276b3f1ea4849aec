/*
** num.c: reading a number from text (num.h).
*/
#include "num.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int num_parse(const char *what, const char *v, double lo, double hi,
              double *out, char *err, size_t errlen)
{
	char *end;
	double x;
	errno = 0;
	x = strtod(v, &end);
	if (end == v || *end || errno || !isfinite(x) || x < lo || x > hi) {
		snprintf(err, errlen, "%s: '%s' is not a number in [%g, %g]", what,
		         v, lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

