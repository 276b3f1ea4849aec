/*
** figtext.c: a figure as eval's table writes it (figtext.h).
*/
#include "figtext.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *rl_fig_text(char *buf, size_t len, double v)
{
	double a = fabs(v);
	/* under 100, %#.3g keeps the zeros %.3g drops (42.0 % beside
	** 20.4 %, where it wrote 42); a whole number, a NaN or a figure
	** under 1e-4 (%#.3g's exponent form) as %.3g writes it; from 1e15
	** in exponent form, as curve's cells and claim's speedups (a
	** figure of a side made near zero ran to 130 digits) */
	const char *fmt = a >= 1e15 ? "%.3g" : a >= 1e5 ? "%.0f"
	                  : a >= 100 ? "%.1f"
	                  : v == floor(v) || !isfinite(v) || a < 1e-4 ? "%.3g"
	                  : "%#.3g";
	size_t n;
	if (len == 0)
		return buf;
	snprintf(buf, len, fmt, v);
	/* 99.96 rounds to "100." under %#.3g: no point without a digit */
	n = strlen(buf);
	if (n > 1 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	return buf;
}
