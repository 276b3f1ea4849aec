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

const char *rl_number_shift(double v, int places, char *buf, size_t len)
{
	char t[64];
	rl_number_write(v, t, sizeof t);
	if (strpbrk(t, "eEnN")) /* exponent form, inf or nan */
		return rl_number_write(v * pow(10, places), buf, len);
	snprintf(t + strlen(t), sizeof t - strlen(t), "e%d", places);
	return rl_number_write(strtod(t, NULL), buf, len);
}
