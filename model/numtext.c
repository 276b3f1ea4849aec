/*
** numtext.c: a number written as text (numtext.h).
*/
#include "numtext.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rl_number_text(const char *text, double *x)
{
	char *end;
	errno = 0;
	*x = strtod(text, &end);
	return end != text && !*end && !strpbrk(text, "xX") &&
	       !isspace((unsigned char)*text);
}

const char *rl_number_write(double v, char *buf, size_t len)
{
	int prec;
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, len, "%.0f", v);
		return buf;
	}
	for (prec = 6; prec < 17; prec++) {
		snprintf(buf, len, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return buf;
	}
	snprintf(buf, len, "%.17g", v);
	return buf;
}
