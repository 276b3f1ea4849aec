/*
** test_fuzzclaim.c: a property fuzzer of the texts the claim and the
** report print numbers in (fuzz10), over doubles drawn by the fixed-seed
** generator of tests/xorshift.h: speedups of two to six decimals, ties of
** the hundredths (and thousandths) and their neighbours, values from 1e12
** to past 1e15 (where x * 100 passes 2^52), whole numbers, random bit
** patterns, each negated.  Properties, not values (those are by hand in
** test_words.c):
**   claim_speedup2_side / claim_speedup_side (claim/numwords.c): for x
**   under 1e15 and a finite target, the text read back (strtod) meets the
**   target exactly where x does (x >= target); it is two decimals, within
**   a hundredth of x (and a half ulp of the reading), on x's side of it
**   where it had to move, and claim_speedup2's own text where that one is
**   on x's side already; otherwise (NaN, infinity, from 1e15) it is
**   claim_speedup2's.  The _side form is the digits and "x", or "not
**   evaluated".
**   claim_factor_side: the same rule in three decimals (the factors'
**   product beside the target), claim_factor_text's text otherwise.
**   Where any of them moved the text, it is x's exact decimals cut at the
**   last place and that place ceiled (x meets, or is past) or floored
**   (fuzz11): exact_places below, from glibc's exact "%.1100f" of x, not
**   only within a hundredth on x's side.
**   claim_plain_num (claim/mcwords.c): a value of at most 9 significant
**   digits as written (rl_number_write's), a whole number below 1e15 in
**   all its digits, both reading back as v bit for bit; any other finite
**   value to 4 significant digits, within half a unit of the fourth.
**   report_whole_text (reports/rctx.c): below 1e15 a whole number, no
**   point, within a half of v; from 1e15 rl_fig_text's three digits; in
**   either case never cut by the 32-byte cells its callers give it.
**   rl_meta_check (config/meta.c): refused exactly where the kind is a
**   chip or a profile, the key capped and the value at its cap or longer
**   (meta.h's caps, NUL included), with "[meta] KEY: " and "at most
**   CAP-1 bytes" in the message; err untouched otherwise.
**   All: no byte past the buffer's len, a NUL within it.
** Deterministic: ROOFLAB_FUZZ_ITERS (default 1000) x 20 draws, seed
** ROOFLAB_FUZZ_SEED (default 1).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/mcwords.h"
#include "../claim/numwords.h"
#include "../config/meta.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../reports/rctx.h"
#include "xorshift.h"

/* a double of r's next bits as a unit fraction [0, 1) */
static double unit(rng *r)
{
	return (double)(next(r) >> 11) / 9007199254740992.0;
}

/* v moved k doubles up (k > 0) or down */
static double step(double v, int k)
{
	for (; k > 0; k--)
		v = nextafter(v, INFINITY);
	for (; k < 0; k++)
		v = nextafter(v, -INFINITY);
	return v;
}

/* the rules' edges: 1e15 (report_whole_text's and the speedups' exponent
** form), the figure that carries to it, 1e-9 (rl_number_write's plain
** decimals), 4.5e13 (x * 100 past 2^52), a hundredth's tie, 0 */
static const double edges[] = {1e15, 999999999999999.9, 1e-9, 4.5e13,
                               0.005, 0.0, 1e14, 0.1, 20};

/* one value: a speedup as a claim prints it, a tie of the hundredths or a
** neighbour, a large value, a whole number, a decimal of 1-17 digits, an
** edge, any bit pattern */
static double draw(rng *r)
{
	uint64_t u = next(r);
	double v;
	char t[64];
	switch (u % 8) {
	case 0: /* 0.01 .. 1000, 2 to 6 decimals */
		snprintf(t, sizeof t, "%.*f", 2 + (int)(next(r) % 5),
		         1000 * unit(r));
		v = strtod(t, NULL);
		break;
	case 1: { /* a tie of the hundredths (k + 0.5) / 100 or thousandths,
		      ** a few doubles off */
		double scale = next(r) % 2 ? 100 : 1000;
		v = step(((double)(next(r) % 100000) + 0.5) / scale,
		         (int)(next(r) % 7) - 3);
		break;
	}
	case 2: /* a hundredth itself, a few doubles off */
		v = step((double)(next(r) % 100000) / 100, (int)(next(r) % 7) - 3);
		break;
	case 3: /* 1e12 to 2e15 (x * 100 past 2^52 from 4.5e13) */
		v = ldexp(unit(r) + 1, 40 + (int)(next(r) % 11));
		break;
	case 4:
		v = (double)(next(r) >> (next(r) % 64));
		break;
	case 5: /* 1-17 significant digits at an exponent from -15 to 25 */
		snprintf(t, sizeof t, "%.*e", (int)(next(r) % 17), 10 * unit(r));
		snprintf(t + strlen(t) - 4, 8, "e%+d", (int)(next(r) % 41) - 15);
		v = strtod(t, NULL);
		break;
	case 6: /* an edge of the rules, a few doubles off */
		v = step(edges[next(r) % (sizeof edges / sizeof edges[0])],
		         (int)(next(r) % 7) - 3);
		break;
	default:
		u = next(r);
		memcpy(&v, &u, sizeof v);
	}
	return next(r) % 2 ? -v : v;
}

/* a target beside x: x, a neighbour, x's hundredth or thousandth or its
** neighbour, x a ten-thousandth off, or any value drawn */
static double draw_target(rng *r, double x)
{
	switch (next(r) % 5) {
	case 0:
		return x;
	case 1:
		return step(x, (int)(next(r) % 7) - 3);
	case 2: { /* x's hundredth or thousandth (claim_factor_side's) */
		double scale = next(r) % 2 ? 100 : 1000;
		return step(round(x * scale) / scale, (int)(next(r) % 5) - 2);
	}
	case 3:
		return x * (1 + ((double)(next(r) % 201) - 100) * 1e-6);
	default:
		return draw(r);
	}
}

/* x (finite, |x| < 1e15) cut at `places` decimals and the last place
** moved up (toward +inf, up) or down where any digit cut was not 0: the
** exact ceiling or floor the side rule names, worked out on x's exact
** decimal expansion (glibc's printf writes a double's digits exactly; a
** double's fraction ends within 1074 binary, so 1074 decimal, places),
** in %.Nf's form ("-0.00" for a negative x whose ceiling is 0) */
static void exact_places(double x, int places, int up, char *out,
                         size_t len)
{
	static char d[1200];
	char *dot;
	int cut_nonzero = 0, away = x < 0 ? !up : up;
	size_t i, end;
	snprintf(d, sizeof d, "%.1100f", fabs(x));
	dot = strchr(d, '.');
	end = (size_t)(dot - d) + 1 + (size_t)places;
	for (i = end; d[i]; i++)
		cut_nonzero |= d[i] != '0';
	d[end] = '\0';
	if (away && cut_nonzero) { /* one unit of the last place, carried */
		for (i = end; i-- > 0;) {
			if (d[i] == '.')
				continue;
			if (d[i] != '9') {
				d[i]++;
				break;
			}
			d[i] = '0';
		}
		if (i == (size_t)-1) { /* 9.99 ceiled: 10.00 */
			memmove(d + 1, d, end + 1);
			d[0] = '1';
		}
	}
	snprintf(out, len, "%s%s", x < 0 ? "-" : "", d);
}

/* text is -?[0-9]+\.[0-9][0-9] followed by tail */
static int two_decimals(const char *s, const char *tail)
{
	if (*s == '-')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	if (s[0] != '.' || !(s[1] >= '0' && s[1] <= '9') ||
	    !(s[2] >= '0' && s[2] <= '9'))
		return 0;
	return !strcmp(s + 3, tail);
}

/* y (the text read back) within a hundredth of x and half a double of the
** reading: |y - x| <= 0.01 + one ulp of x */
static int within_hundredth(double y, double x)
{
	double ulp = nextafter(fabs(x), INFINITY) - fabs(x);
	return fabs(y - x) <= 0.01 + ulp;
}

static void side_props(double x, double t)
{
	char b[64], w[72], xs[72];
	double y;
	int meets = x >= t;
	claim_speedup2_side(b, sizeof b, x, t);
	claim_speedup_side(xs, sizeof xs, x, t);
	claim_speedup2(w, sizeof w, x);
	if (!isfinite(x) || !isfinite(t) || fabs(x) >= 1e15) {
		assert_string_equal(b, w);
		claim_speedup_x(w, sizeof w, x);
		assert_string_equal(xs, w);
		return;
	}
	y = strtod(b, NULL);
	if ((y >= t) != meets || !two_decimals(b, "") ||
	    !within_hundredth(y, x)) {
		print_error("%.17g beside %.17g written '%s'\n", x, t, b);
		fail();
	}
	/* the nearest figure where it is on x's side, else moved toward x's
	** side: ceiled where x meets (read back at x or past it), floored
	** where not */
	if ((strtod(w, NULL) >= t) == meets)
		assert_string_equal(b, w);
	else {
		exact_places(x, 2, meets, w, sizeof w);
		if (strcmp(b, w)) {
			print_error("%.17g beside %.17g written '%s', not its "
			            "hundredths %s, %s\n", x, t, b,
			            meets ? "ceiled" : "floored", w);
			fail();
		}
	}
	snprintf(w, sizeof w, "%sx", b);
	assert_string_equal(xs, w);
}

/* claim_factor_side: side_props' rule in three decimals */
static void factor_props(double x, double t)
{
	char b[64], w[72];
	double y;
	int meets = x >= t;
	claim_factor_side(b, sizeof b, x, t);
	claim_factor_text(w, sizeof w, x);
	if (!isfinite(x) || !isfinite(t) || fabs(x) >= 1e15) {
		assert_string_equal(b, w);
		return;
	}
	y = strtod(b, NULL);
	if ((y >= t) != meets) {
		print_error("%.17g beside %.17g written '%s'\n", x, t, b);
		fail();
	}
	if ((strtod(w, NULL) >= t) == meets) {
		assert_string_equal(b, w);
		return;
	}
	exact_places(x, 3, meets, w, sizeof w);
	if (strcmp(b, w)) {
		print_error("%.17g beside %.17g written '%s', not its thousandths "
		            "%s, %s\n", x, t, b, meets ? "ceiled" : "floored", w);
		fail();
	}
}

/* the significant digits of a number's text (leading zeros not counted) */
static int sig_digits(const char *s)
{
	int n = 0, lead = 1;
	for (; *s && *s != 'e'; s++) {
		if (*s < '0' || *s > '9')
			continue;
		if (lead && *s == '0')
			continue;
		lead = 0;
		n++;
	}
	return n;
}

static void plain_num_props(double v)
{
	char b[64], t[64];
	double y;
	claim_plain_num(b, sizeof b, v);
	rl_number_write(v, t, sizeof t);
	if (!isfinite(v)) {
		assert_string_equal(b, t);
		return;
	}
	y = strtod(b, NULL);
	if (sig_digits(t) <= CLAIM_PLAIN_DIGITS ||
	    (v == floor(v) && fabs(v) < 1e15)) {
		/* as written: rl_number_write's text, v bit for bit */
		assert_string_equal(b, t);
		assert_memory_equal(&y, &v, sizeof v);
		return;
	}
	/* a value of 4 significant digits (its %.4g reads back as it: 133100
	** 000000000 has 4, its zeros after them), within half a unit of the
	** fourth (of v's decade: 10^(floor(log10 |v|) - 3) / 2, and a part in
	** 1e12 of the reading) */
	snprintf(t, sizeof t, "%.4g", y);
	if (strtod(t, NULL) != y ||
	    fabs(y - v) > pow(10, floor(log10(fabs(v))) - 3) / 2 * (1 + 1e-12)) {
		print_error("%.17g (written '%s') as '%s'\n", v, t, b);
		fail();
	}
}

static void whole_text_props(double v)
{
	char b[32];
	double y;
	size_t n;
	report_whole_text(b, sizeof b, v);
	n = strlen(b);
	assert_true(n > 0 && n < sizeof b - 1); /* never cut at the cell */
	if (!isfinite(v))
		return;
	y = strtod(b, NULL);
	if (fabs(v) < 1e15) {
		if (strpbrk(b, ".e") || y != floor(y) || fabs(y - v) > 0.5 ||
		    !strcmp(b, "-0")) {
			print_error("%.17g as a whole '%s'\n", v, b);
			fail();
		}
	} else {
		char f[64];
		rl_fig_text(f, sizeof f, v);
		assert_string_equal(b, f);
	}
}

/* rl_meta_check of a value of random bytes (no NUL) of 0-200 bytes */
static void meta_props(rng *r)
{
	static const char *kinds[] = {"chip", "profile", "model", "system",
	                              "scenario", "Chip", ""};
	static const struct {
		const char *key;
		size_t cap; /* meta.h: NUL included */
	} keys[] = {{"software", RL_META_SOFTWARE_MAX},
	            {"calibrated", RL_META_CALIBRATED_MAX},
	            {"fitted", RL_META_FITTED_MAX},
	            {"name", 0},
	            {"notes", 0},
	            {"Software", 0},
	            {"fitte", 0},
	            {"softwares", 0}};
	const char *kind = kinds[next(r) % (sizeof kinds / sizeof kinds[0])];
	size_t k = next(r) % (sizeof keys / sizeof keys[0]);
	size_t cap = strcmp(kind, "chip") && strcmp(kind, "profile")
	                 ? 0 : keys[k].cap;
	size_t len, i, errlen = 1 + next(r) % 120;
	char value[256], err[160], want[64];
	int rc;
	/* lengths about the caps: 30-34, 126-130, else 0-200 */
	switch (next(r) % 3) {
	case 0:
		len = 30 + next(r) % 5;
		break;
	case 1:
		len = 126 + next(r) % 5;
		break;
	default:
		len = next(r) % 201;
	}
	for (i = 0; i < len; i++)
		value[i] = (char)(1 + next(r) % 255);
	value[len] = '\0';
	memset(err, '#', sizeof err);
	assert_int_equal(rl_meta_cap(kind, keys[k].key), cap);
	rc = rl_meta_check(kind, keys[k].key, value, err, errlen);
	if (rc != (cap && len >= cap ? -1 : 0)) {
		print_error("[meta] %s of a %s, %zu bytes: %d\n", keys[k].key,
		            kind, len, rc);
		fail();
	}
	for (i = errlen; i < sizeof err; i++)
		assert_int_equal(err[i], '#');
	if (rc == 0) {
		assert_int_equal(err[0], '#');
		return;
	}
	assert_non_null(memchr(err, '\0', errlen));
	/* whole where the buffer holds it */
	if (errlen < 120)
		return;
	snprintf(want, sizeof want, "[meta] %s: ", keys[k].key);
	assert_memory_equal(err, want, strlen(want));
	snprintf(want, sizeof want, "; at most %zu bytes", cap - 1);
	assert_non_null(strstr(err, want));
}

/* no byte past len written, a NUL within it (len > 0) */
static void small_buffers(double x, double t)
{
	size_t len;
	for (len = 1; len <= 24; len++) {
		char buf[40];
		size_t i, f;
		for (f = 0; f < 5; f++) {
			memset(buf, '#', sizeof buf);
			if (f == 0)
				claim_speedup2_side(buf, len, x, t);
			else if (f == 1)
				claim_speedup_side(buf, len, x, t);
			else if (f == 2)
				claim_plain_num(buf, len, x);
			else if (f == 3)
				claim_factor_side(buf, len, x, t);
			else
				report_whole_text(buf, len, x);
			assert_non_null(memchr(buf, '\0', len));
			for (i = len; i < sizeof buf; i++)
				assert_int_equal(buf[i], '#');
		}
	}
}

static void test_fuzz_claim_numbers(void **state)
{
	rng r = {(uint64_t)env_long("ROOFLAB_FUZZ_SEED", 1) *
	         0x9e3779b97f4a7c15ULL};
	long n = env_long("ROOFLAB_FUZZ_ITERS", 1000) * 20, i;
	(void)state;
	for (i = 0; i < n; i++) {
		double x = draw(&r), t = draw_target(&r, x);
		side_props(x, t);
		factor_props(x, t);
		plain_num_props(x);
		whole_text_props(x);
		meta_props(&r);
		if (i % 16 == 0)
			small_buffers(x, t);
	}
	print_message("claim numbers: %ld draws\n", n);
}

/* A value that rounds to zero from below is "0", not "-0": "%.0f" of
** -0.4 is "-0" (C11 7.21.6.1: the sign of a negative value is kept); -0.5
** is a tie, rounded to the even 0, so "0" too; -0.6 rounds to -1, by
** hand. */
static void test_whole_text_zero(void **state)
{
	static const struct {
		double v;
		const char *want;
	} c[] = {{-0.0, "0"}, {-0.4, "0"}, {-0.5, "0"}, {-1e-300, "0"},
	         {0.4, "0"}, {-0.6, "-1"}, {-1.5, "-2"}, {-33625.2, "-33625"}};
	char b[32];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++)
		assert_string_equal(report_whole_text(b, sizeof b, c[i].v),
		                    c[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_whole_text_zero),
	    cmocka_unit_test(test_fuzz_claim_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
