/*
** numwords.c: how the claim's words print a speedup, a probability and a
** percentile's ordinal suffix (numwords.h).
*/
#include "numwords.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/figtext.h"
#include "../model/numtext.h"

claim_target_str claim_target_text(double target)
{
	claim_target_str t;
	rl_number_write(target, t.s, sizeof t.s);
	return t;
}

/* x to `places` decimals; 1e15 and past in exponent form, whose %.2f (up
** to 312 characters) the callers' 32-byte cells cut to other digits */
static const char *fixed_text(char *buf, size_t len, double x, int places)
{
	if (fabs(x) < 1e15)
		snprintf(buf, len, "%.*f", places, x);
	else
		snprintf(buf, len, "%.3g", x);
	return buf;
}

/* x (|x| < 1e15) to `places` (2 or 3) decimals, its last place ceiled
** (up) or floored exactly, then unit: the text's value is then on x's side
** of any double x is on, as strtod reads it back (rounding keeps order).
** x * 10^places rounded to a double is not exact: one ulp under 0.1 times
** 100 is 10.0, whose floor reads 0.10, and past 2^52 the product keeps no
** fraction (55058218832473.625 x 100 ends in .5, rounded to even, whose
** ceiling read .62); fma gives the product's rounding error, which says
** on which side of a whole product x * 10^places is.  Written from the
** whole count of units of the last place (past 2^53 / 100 a double holds
** no hundredth), "-0.00" for a negative x whose ceiling is 0, as %.2f of
** -0.0. */
static void places_text(char *buf, size_t len, double x, int places, int up,
                        const char *unit)
{
	static const unsigned long long unit_of[] = {1, 10, 100, 1000};
	unsigned long long scale = unit_of[places], a;
	double p = x * (double)scale, err = fma(x, (double)scale, -p);
	double w = up ? ceil(p) : floor(p);
	long long n = (long long)w;
	if (w == p)
		n += up ? err > 0 : -(err < 0);
	a = n < 0 ? 0 - (unsigned long long)n : (unsigned long long)n;
	snprintf(buf, len, "%s%llu.%0*llu%s",
	         n < 0 || (n == 0 && x < 0) ? "-" : "", a / scale, places,
	         a % scale, unit);
}

/* fixed_text's figure of x on the target's side it is on: eval's side
** rule (model/figtext.h rl_fig_side_dir, rl_fig_text_side's), of a
** floor: x >= target meets it, as P(>= target) counts */
static const char *fixed_side(char *buf, size_t len, double x,
                              double target, int places)
{
	int dir;
	fixed_text(buf, len, x, places);
	dir = rl_fig_side_dir(strtod(buf, NULL), x, target, 0);
	/* the decimals carried x across the target: back toward x, its last
	** place ceiled (reaching it) or floored (short of it), exactly */
	if (dir != 0 && fabs(x) < 1e15)
		places_text(buf, len, x, places, dir > 0, "");
	return buf;
}

const char *claim_speedup2(char *buf, size_t len, double x)
{
	return fixed_text(buf, len, x, 2);
}

const char *claim_factor_text(char *buf, size_t len, double x)
{
	return fixed_text(buf, len, x, 3);
}

const char *claim_factor_side(char *buf, size_t len, double x,
                              double target)
{
	return fixed_side(buf, len, x, target, 3);
}

const char *claim_power_note(char *buf, size_t len, const char *b,
                             const char *a, double x)
{
	char f[32];
	snprintf(buf, len, "%s has no power model and no TDP; x%s is (averaged "
	         "over the Shapley orders) what %s's power budget and energy "
	         "per operation would take from its peak, assumed away", b,
	         claim_factor_text(f, sizeof f, x), a);
	return buf;
}

const char *claim_speedup_x(char *buf, size_t len, double x)
{
	char d[32];
	if (!isfinite(x))
		snprintf(buf, len, "%s", CLAIM_NOT_EVALUATED);
	else
		snprintf(buf, len, "%sx", claim_speedup2(d, sizeof d, x));
	return buf;
}

const char *claim_speedup2_side(char *buf, size_t len, double x,
                                double target)
{
	return fixed_side(buf, len, x, target, 2);
}

const char *claim_speedup_side(char *buf, size_t len, double x,
                               double target)
{
	char d[32];
	if (!isfinite(x))
		return claim_speedup_x(buf, len, x);
	snprintf(buf, len, "%sx", claim_speedup2_side(d, sizeof d, x, target));
	return buf;
}

/* Are p and q on the same side of every line the verdict's words are
** drawn at (10%, 50%, 90%) and of 0 and 1? */
static int same_side(double p, double q)
{
	static const double line[] = {0.1, 0.5, 0.9, 1.0};
	size_t i;
	for (i = 0; i < sizeof line / sizeof line[0]; i++)
		if ((p >= line[i]) != (q >= line[i]))
			return 0;
	return (p > 0) == (q > 0);
}

void claim_prob_text(double p, char *buf, size_t len)
{
	int d;
	if (!isfinite(p)) {
		snprintf(buf, len, "n/a");
		return;
	}
	if (p > 0 && p < 0.01) {
		snprintf(buf, len, "%.2g%%", 100 * p);
		return;
	}
	/* one decimal, or as many as keep the number on its side of the
	** verdict's lines: 0.8996 is "89.96%" beside "Plausible", not
	** "90.0%", and 0.99996 "99.996%", not "100.0%" */
	for (d = 1; d <= 6; d++) {
		snprintf(buf, len, "%.*f%%", d, 100 * p);
		if (same_side(p, strtod(buf, NULL) / 100))
			return;
	}
}

const char *claim_plural_s(double n)
{
	return n == 1 ? "" : "s";
}

const char *claim_ordinal_suffix(const char *num)
{
	size_t n = strspn(num, "0123456789");
	int last, tens;
	if (*num == '-') /* (a share out of [0, 1] read from a database) */
		n = strspn(++num, "0123456789");
	if (!n)
		return ""; /* "", or no number */
	if (num[n] == '.') { /* a decimal: "th" ("99.7th", "0.3th") */
		size_t f = strspn(num + n + 1, "0123456789");
		return f && num[n + 1 + f] == '\0' ? "th" : "";
	}
	if (num[n] != '\0')
		return ""; /* "1e3", or no number */
	last = num[n - 1] - '0';
	tens = n > 1 ? num[n - 2] - '0' : 0;
	if (tens == 1)
		return "th"; /* 10th-19th of each hundred: 11th, 12th, 13th */
	return last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
}
