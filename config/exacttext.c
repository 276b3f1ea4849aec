/*
** exacttext.c: json_exact_text (json.h), a double in the fewest of 15, 16
** or 17 significant digits that read back as it, as "%.15g", "%.16g" or
** "%.17g" write them.
**
** The C library's way (snprintf each width, strtod to check it) works
** the decimal digits out in multiple precision: about 60% of the CPU time
** of `rooflab export` (speed10, perf on a 1.5 M point sweep).  Here the
** same text is made exactly for most values, |v| from 1e-6 to under 1e17
** in round-to-nearest: v x 10^k (k <= 22, the powers of ten a double holds
** exactly) is a product of two doubles, which hi + lo (fma) holds exactly,
** so its 17 leading digits and all that follows them are known, and each
** width is rounded from them half to even as printf rounds; a width's
** digits read back as v exactly where strtod would, since a whole number
** under 2^53 times or over an exact power of ten is one correctly rounded
** operation (Clinger's fast path).  Any other value, and a 16-digit check
** past 2^53, takes the C library's way.  tests/test_json.c compares the
** two over hundreds of thousands of values.
*/
#include "json.h"

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const double pow10_exact[23] = {
	1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static const uint64_t pow10_u64[18] = {
	1ULL,
	10ULL,
	100ULL,
	1000ULL,
	10000ULL,
	100000ULL,
	1000000ULL,
	10000000ULL,
	100000000ULL,
	1000000000ULL,
	10000000000ULL,
	100000000000ULL,
	1000000000000ULL,
	10000000000000ULL,
	100000000000000ULL,
	1000000000000000ULL,
	10000000000000000ULL,
	100000000000000000ULL};

/* The C library's way: the first of 15, 16 and 17 digits that strtod
** reads back as v. */
static void libc_text(double v, char buf[32])
{
	int digits;
	for (digits = 15; digits < 17; digits++) {
		snprintf(buf, 32, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, 32, "%.17g", v);
}

/* a x 10^k, a > 0, as its whole part *whole and the fraction left
** (*frac, in [0, 1), exact); 0, or -1 where the whole part is under 2^53
** or over 64 bits. */
static int scaled(double a, int k, uint64_t *whole, double *frac)
{
	double hi = a * pow10_exact[k], lo = fma(a, pow10_exact[k], -hi), fl;
	/* the exact product is hi + lo; hi is whole from 2^53 on, |lo| at
	** most half its step (8), so lo - floor(lo) takes no rounding */
	if (!(hi >= 9007199254740992.0 && hi < 1.8e19))
		return -1;
	fl = floor(lo);
	*whole = (uint64_t)hi + (uint64_t)(int64_t)fl;
	*frac = lo - fl;
	return 0;
}

/* n (digits decimal digits, first not 0) as %g writes it with exponent
** e10, after sign. */
static void g_text(char *out, uint64_t n, int digits, int e10)
{
	char d[20];
	int i, last;
	for (i = digits - 1; i >= 0; i--) {
		d[i] = (char)('0' + n % 10);
		n /= 10;
	}
	for (last = digits - 1; last > 0 && d[last] == '0'; last--)
		;
	if (e10 < -4 || e10 >= digits) {
		*out++ = d[0];
		if (last > 0) {
			*out++ = '.';
			memcpy(out, d + 1, (size_t)last);
			out += last;
		}
		*out++ = 'e';
		*out++ = e10 < 0 ? '-' : '+';
		if (e10 < 0)
			e10 = -e10;
		if (e10 >= 100)
			*out++ = (char)('0' + e10 / 100);
		*out++ = (char)('0' + e10 / 10 % 10);
		*out++ = (char)('0' + e10 % 10);
	} else if (e10 >= 0) {
		memcpy(out, d, (size_t)e10 + 1);
		out += e10 + 1;
		if (last > e10) {
			*out++ = '.';
			memcpy(out, d + e10 + 1, (size_t)(last - e10));
			out += last - e10;
		}
	} else {
		*out++ = '0';
		*out++ = '.';
		for (i = -1; i > e10; i--)
			*out++ = '0';
		memcpy(out, d, (size_t)last + 1);
		out += last + 1;
	}
	*out = 0;
}

/* Whether n x 10^s reads back as a, where that is one correctly rounded
** operation: 1 yes, 0 no, -1 not decided here. */
static int reads_back(double a, uint64_t n, int s)
{
	double x;
	if (n > 9007199254740992ULL || s > 22 || s < -22)
		return -1;
	x = (double)n;
	x = s >= 0 ? x * pow10_exact[s] : x / pow10_exact[-s];
	return x == a;
}

/* json_exact_text's text of a finite v != 0 without the C library's
** digits; 0, or -1 where v is none of those it makes. */
static int fast_text(double v, char buf[32])
{
	double a = fabs(v), frac;
	uint64_t whole;
	int e2, e10, tries, digits;
	char *out = buf;
	if (!(a >= 1e-6 && a < 1e17) || fegetround() != FE_TONEAREST)
		return -1;
	frexp(a, &e2); /* 2^(e2-1) <= a < 2^e2: e10 below is a's or one less */
	e10 = (int)floor((e2 - 1) * 0.30102999566398120);
	for (tries = 0;; tries++) {
		int k = 16 - e10;
		if (tries > 2 || k < 0 || k > 22 || scaled(a, k, &whole, &frac))
			return -1;
		if (whole < pow10_u64[16])
			e10--;
		else if (whole >= pow10_u64[17])
			e10++;
		else
			break;
	}
	/* a = (whole + frac) x 10^(e10 - 16), whole of 17 digits */
	if (v < 0)
		*out++ = '-';
	for (digits = 15; digits <= 17; digits++) {
		int cut = 17 - digits, e = e10, ok;
		uint64_t unit = pow10_u64[cut], q = whole / unit, r = whole % unit;
		/* half to even, as printf rounds: what is cut (r + frac units
		** of the last digit kept) against half a unit of that digit */
		int up = cut ? r > unit / 2 || (r == unit / 2 && (frac > 0 || q & 1))
		             : frac > 0.5 || (frac == 0.5 && q & 1);
		q += (uint64_t)up;
		if (q == pow10_u64[digits]) { /* 9.99.. rounded up to 10.0.. */
			q = pow10_u64[digits - 1];
			e++;
		}
		ok = digits == 17 ? 1 : reads_back(a, q, e - digits + 1);
		if (ok < 0) { /* past 2^53: strtod decides, as before */
			g_text(out, q, digits, e);
			ok = strtod(buf, NULL) == v;
		}
		if (ok) {
			g_text(out, q, digits, e);
			return 0;
		}
	}
	return -1;
}

void json_exact_text(double v, char buf[32])
{
	if (!isfinite(v)) {
		snprintf(buf, 32, "%s", isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
		return;
	}
#if FLT_EVAL_METHOD == 0
	if (v != 0 && !fast_text(v, buf))
		return;
#endif
	libc_text(v, buf);
}
