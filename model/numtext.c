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
	const char *p = text;
	double v = 0;
	errno = 0;
	/* 1 to 15 decimal digits alone (a length, a tp, a batch): their
	** value, exact in a double (under 2^53) and so strtod's, by hand;
	** strtod took about 350 instructions a number of the shipped
	** measurements' 9,320 (tests/BENCH.md, speed17) */
	while (*p >= '0' && *p <= '9' && p - text < 15)
		v = 10 * v + (*p++ - '0');
	if (p != text && !*p) {
		*x = v;
		return 1;
	}
	*x = strtod(text, &end);
	return end != text && !*end && !strpbrk(text, "xX") &&
	       !isspace((unsigned char)*text);
}

/* buf, v's text of prec significant digits by %g, in plain decimals
** where %g took its exponent form for a magnitude users type (1e-9 to
** 1e15): the same digits (so it reads back the same), as %.*f writes them
** with as many decimals as the last one needs, trailing zeros dropped
** (%.6g's 1e-06 is 0.000001) */
static const char *plain_decimals(double v, int prec, char *buf, size_t len)
{
	char e[40];
	int exp10, places;
	size_t n;
	if (!strpbrk(buf, "eE") || !(fabs(v) >= 1e-9 && fabs(v) < 1e15))
		return buf;
	snprintf(e, sizeof e, "%.*e", prec - 1, v);
	exp10 = atoi(strchr(e, 'e') + 1);
	places = prec - 1 - exp10;
	snprintf(buf, len, "%.*f", places < 0 ? 0 : places, v);
	n = strlen(buf);
	if (!strchr(buf, '.'))
		return buf;
	while (n > 1 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
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
			break;
	}
	if (prec == 17)
		snprintf(buf, len, "%.17g", v);
	return plain_decimals(v, prec, buf, len);
}

const char *rl_number_shift(double v, int places, char *buf, size_t len)
{
	char t[64], *e;
	rl_number_write(v, t, sizeof t);
	if (!isfinite(v)) /* inf or nan */
		return rl_number_write(v * pow(10, places), buf, len);
	/* exponent form (past 1e15, or under 1e-9: 5e-10) moves its
	** exponent, where 5e-10 x 100 as a double wrote
	** 0.000000050000000000000004 */
	if ((e = strpbrk(t, "eE")) != NULL)
		places += atoi(e + 1);
	else
		e = t + strlen(t);
	snprintf(e, sizeof t - (size_t)(e - t), "e%d", places);
	return rl_number_write(strtod(t, NULL), buf, len);
}
