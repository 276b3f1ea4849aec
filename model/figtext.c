/*
** figtext.c: a figure as eval's table writes it (figtext.h).
*/
#include "figtext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *rl_fig_text(char *buf, size_t len, double v)
{
	double a = fabs(v);
	/* under 100, %#.3g keeps the zeros %.3g drops (42.0 % beside
	** 20.4 %, where it wrote 42); a whole number, a NaN or a figure
	** under 1e-4 (%#.3g's exponent form) as %.3g writes it; a whole
	** number from 100 whole too (160 KiB, 33625 USD, as claim writes
	** a value given, where %.1f wrote 160.0); from 1e15 in exponent
	** form, as curve's cells and claim's speedups (a figure of a side
	** made near zero ran to 130 digits) */
	const char *fmt = a >= 1e15 ? "%.3g"
	                  : a >= 1e5 || (a >= 100 && v == floor(v)) ? "%.0f"
	                  : a >= 100 ? "%.1f"
	                  : v == floor(v) || !isfinite(v) || a < 1e-4 ? "%.3g"
	                  : "%#.3g";
	size_t n;
	if (len == 0)
		return buf;
	snprintf(buf, len, fmt, v);
	/* a figure its rounding carries over a form's edge is written in the
	** form of the figure shown: 99999.96 as 100000 (not 100000.0, beside
	** 100000.4's 100000), 999999999999999.9 as 1e+15 (not sixteen
	** digits, beside 1e15's 1e+15), 9.9996e-5 as 1e-4 is: 0.000100
	** (not %.3g's 0.0001, one digit beside 1.00004e-4's three) */
	if (a < 1e15 && fabs(strtod(buf, NULL)) >= (a >= 1e5 ? 1e15 : 1e5) &&
	    a >= 100)
		snprintf(buf, len, a >= 1e5 ? "%.3g" : "%.0f", v);
	else if (a < 1e-4 && fabs(strtod(buf, NULL)) >= 1e-4)
		snprintf(buf, len, "%#.3g", v);
	/* 99.96 rounds to "100." under %#.3g: no point without a digit */
	n = strlen(buf);
	if (n > 1 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
}

const char *rl_fig_cell4(char *buf, size_t len, double v, int zeros)
{
	const char *fmt = zeros && isfinite(v) && v != 0 ? "%#.4g" : "%.4g";
	double a = fabs(v);
	size_t n;
	if (len == 0)
		return buf;
	if (a >= 9999.5 && a < 1e15) {
		snprintf(buf, len, "%.0f", v);
		if (fabs(strtod(buf, NULL)) < 1e15)
			return buf;
	}
	snprintf(buf, len, fmt, v);
	n = strlen(buf);
	if (n > 1 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
}

/* One unit of the last digit rl_fig_text shows of v, by the form that
** applies to v itself (not to a figure carried into the next: 99.96 down
** steps 0.1 from "100" to 99.9): 1 whole from 1e5, 0.1 from 100, else the
** third significant digit's place (its exponent as %e writes it) */
static double last_digit(double v)
{
	double a = fabs(v);
	char e[32];
	if (a >= 1e5 && a < 1e15)
		return 1;
	if (a >= 100 && a < 1e15)
		return 0.1;
	snprintf(e, sizeof e, "%.16e", a);
	return pow(10, atoi(strchr(e, 'e') + 1) - 2);
}

const char *rl_fig_text_dir(char *buf, size_t len, double v, int dir)
{
	int i;
	rl_fig_text(buf, len, v);
	if (len == 0 || dir == 0 || !isfinite(v))
		return buf;
	/* formatted again from the figure moved one step (3.65 up 3.66),
	** twice where the step itself rounds back */
	for (i = 0; i < 4; i++) {
		double x = strtod(buf, NULL);
		long double big;
		if (dir > 0 ? x >= v : x <= v)
			break;
		if (isfinite(x) && isfinite(x + dir * last_digit(v))) {
			rl_fig_text(buf, len, x + dir * last_digit(v));
			continue;
		}
		/* a figure past the largest double, read as infinity (DBL_MAX's
		** nearest, 1.8e+308) or stepped there (1.794e308's 1.79e+308 up:
		** 1.80e308): stepped in long double from the figure's value and,
		** past the doubles still, written as a figure from 1e15 is (%.3g:
		** 1.8e+308), where the doubles' step wrote "inf"; 1.79e+308 down
		** from DBL_MAX */
		big = strtold(buf, NULL) + dir * last_digit(v);
		if (isfinite((double)big))
			rl_fig_text(buf, len, (double)big);
		else
			snprintf(buf, len, "%.3Lg", big);
	}
	return buf;
}

/* does x meet the target (a floor, or a ceiling where most)? */
static int meets(double x, double target, int most)
{
	return most ? x <= target : x >= target;
}

int rl_fig_side_dir(double shown, double v, double target, int most)
{
	if (!isfinite(v) || !isfinite(target) ||
	    meets(shown, target, most) == meets(v, target, most))
		return 0;
	/* toward the met side where v meets the target, at it too (a ceiling
	** of 3.6582 met by 3.6582 reads 3.65, where "v < target ? down : up"
	** moved it up and left nearest's 3.66 over the ceiling), away from it
	** where v does not: back toward v either way */
	return v > shown ? 1 : -1;
}

const char *rl_fig_text_side(char *buf, size_t len, double v, double target,
                             int most)
{
	int dir;
	rl_fig_text(buf, len, v);
	if (len == 0)
		return buf;
	dir = rl_fig_side_dir(strtod(buf, NULL), v, target, most);
	return dir ? rl_fig_text_dir(buf, len, v, dir) : buf;
}

const char *rl_fig_text_beside(char *buf, size_t len, double v, double lim,
                               int met)
{
	const char *dot;
	int d;
	rl_fig_text(buf, len, v);
	if (len == 0 || !(fabs(v) < 1e15) || !isfinite(lim))
		return buf;
	dot = strchr(buf, '.');
	d = dot ? (int)strspn(dot + 1, "0123456789") : 0;
	while ((strtod(buf, NULL) <= lim) != met && ++d <= 40)
		snprintf(buf, len, "%.*f", d, v);
	return buf;
}

const char *rl_fig_text_target(char *buf, size_t len, double v,
                               double target, int most)
{
	/* a ceiling is rl_fig_text_beside's own lim (met at or under it); a
	** floor is met at or above it, so the figure of a v short of it must
	** read under it: beside the double just below the target, at or
	** under which lies every v short of it */
	if (most)
		return rl_fig_text_beside(buf, len, v, target, v <= target);
	return rl_fig_text_beside(buf, len, v, nextafter(target, -INFINITY),
	                          v < target);
}
