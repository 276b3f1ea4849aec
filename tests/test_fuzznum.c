/*
** test_fuzznum.c: a property fuzzer of the two ways a number is written as
** text for a user (model/numtext.c rl_number_write and rl_number_shift,
** model/figtext.c rl_fig_text, rl_fig_text_dir and rl_fig_text_side)
** over doubles drawn by a fixed-seed generator: random bit
** patterns (subnormals, NaNs of any payload, infinities), decimals of 1-17
** digits at every exponent, whole numbers and their neighbours around the
** rules' edges (1e-4, 100, 1e5, 1e15), and each negated.  Properties, not
** values (those are by hand in test_num.c and test_text.c):
**   rl_number_write: a finite v reads back (strtod, and rl_number_text,
**   the program's own reader) as the same double, bit for bit (-0
**   included); the text is a JSON number; a whole number below 1e15 has
**   no point and no exponent; no fewer digits (at least 6) read back; the
**   buffer is never written past len and ends in a NUL for any len > 0.
**   rl_fig_text: no point without a digit after it; the value within the
**   rule's rounding (half a unit of 3 significant digits, of one decimal,
**   of a whole); an exponent only from 1e15 or under 1e-4; the buffer as
**   above, and untouched for len 0.
**   rl_fig_text_dir (fuzz9): the figure read back on dir's side of v,
**   rl_fig_text's where that one is already, else within one unit of the
**   last shown digit; dir 0, a NaN or an infinity as rl_fig_text.
**   rl_fig_text_side (fuzz9): beside a target (v itself, its neighbours,
**   its nearest figure's value and theirs, v a thousandth off, any
**   double), a floor or a ceiling, the figure meets it exactly where v
**   does; rl_fig_text's where it does already, else within one unit.
**   rl_number_shift (fuzz9): v x 10^places (-20 to 20) read back within
**   a few parts in 1e16, a JSON number when finite; plain decimals of at
**   most 15 digits keep their digits, and shifted back read as v's text.
**   All three: the buffer as above.
** Deterministic: ROOFLAB_FUZZ_ITERS (default 1000) x 20 doubles, seed
** ROOFLAB_FUZZ_SEED (default 1).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/figtext.h"
#include "../model/numtext.h"
#include "xorshift.h"

static const double edges[] = {0.0,    1e-4,   1e-4 * (1 + 1e-15),
                               9.9995e-5,      99.95,  99.96,  100.0,
                               99999.95,       1e5,    1e15,   1e15 - 1,
                               1e15 + 2,       999999999999999.9,
                               0.1,    0.3,    1.0 / 3, 2.5e-7, 4.9e-324,
                               2.2250738585072014e-308,
                               1.7976931348623157e308, 9007199254740993.0,
                               1.7940236128187845e308, /* (fuzz9) */
                               0.5,    12.25,  1234567.5};

/* one double: a bit pattern, a decimal, an edge or a neighbour of one */
static double draw(rng *r)
{
	uint64_t u = next(r);
	double v;
	char t[64];
	switch (u % 4) {
	case 0:
		u = next(r);
		memcpy(&v, &u, sizeof v);
		break;
	case 1: /* 1-17 digits at an exponent from -330 to 310 */
		snprintf(t, sizeof t, "%.*e", (int)(next(r) % 17),
		         (double)(next(r) % 1000000000ULL) / 1e8);
		snprintf(t + strlen(t) - 4, 8, "e%+d",
		         (int)(next(r) % 641) - 330);
		v = strtod(t, NULL);
		break;
	case 2:
		v = edges[next(r) % (sizeof edges / sizeof edges[0])];
		break;
	default: /* an edge a few doubles away, or a whole number */
		v = edges[next(r) % (sizeof edges / sizeof edges[0])];
		if (next(r) % 2) {
			int k = (int)(next(r) % 7) - 3;
			for (; k > 0; k--)
				v = nextafter(v, INFINITY);
			for (; k < 0; k++)
				v = nextafter(v, -INFINITY);
		} else {
			v = (double)(next(r) >> (next(r) % 64));
		}
	}
	return next(r) % 2 ? -v : v;
}

/* s is a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
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

static void same_double(double a, double b, const char *text)
{
	if (memcmp(&a, &b, sizeof a)) {
		print_error("'%s' read back as %.17g, not %.17g\n", text, a, b);
		fail();
	}
}

static void number_write_props(double v)
{
	char buf[64], t[320];
	double x;
	int d;
	rl_number_write(v, buf, sizeof buf);
	if (!isfinite(v)) {
		assert_true(strstr(buf, isnan(v) ? "nan" : "inf") != NULL);
		return;
	}
	if (!json_number(buf)) {
		print_error("%.17g written '%s': no JSON number\n", v, buf);
		fail();
	}
	/* the longest: "-0.0000000012345678901234567" (small53: plain
	** decimals from 1e-9, 1 + 2 + 8 + 17 bytes), longer than the
	** exponent form's "-1.2345678901234567e-308" (24) */
	assert_true(strlen(buf) <= 28);
	same_double(strtod(buf, NULL), v, buf);
	assert_int_equal(rl_number_text(buf, &x), 1);
	same_double(x, v, buf);
	if (v == floor(v) && fabs(v) < 1e15) {
		assert_null(strpbrk(buf, ".e"));
		return;
	}
	/* the fewest digits from 6 that read back: one fewer does not */
	d = sig_digits(buf);
	assert_true(d <= 17);
	if (d > 6) {
		snprintf(t, sizeof t, "%.*g", d - 1, v);
		if (strtod(t, NULL) == v) {
			print_error("%.17g written '%s', where '%s' reads back\n", v,
			            buf, t);
			fail();
		}
	}
}

static void fig_text_props(double v)
{
	char buf[64];
	double a = fabs(v), x;
	long double tol;
	size_t n;
	rl_fig_text(buf, sizeof buf, v);
	n = strlen(buf);
	assert_true(n > 0 && n < 40);
	assert_true(buf[n - 1] != '.');
	if (isnan(v)) {
		assert_non_null(strstr(buf, "nan"));
		return;
	}
	x = strtod(buf, NULL);
	if (isinf(v)) {
		/* "inf" or "-inf" */
		assert_true(x == v);
		return;
	}
	/* the unit the rule rounds to, half of it the error allowed (and
	** the double a decimal of 3 digits reads as: 1e-15 of it) */
	tol = a >= 1e15 ? 0.005L * a
	      : a >= 1e5 ? 0.5
	      : a >= 100 ? 0.05
	      : v == floor(v) ? 0
	                      : 0.005L * a; /* (subnormals: long double) */
	/* (read in long double: 1.8e+308, DBL_MAX's figure, is past the
	** doubles) */
	if (!(fabsl(strtold(buf, NULL) - v) <= tol * (1 + 1e-9L) + 1e-15L * a)) {
		print_error("%.17g written '%s': off by more than %Lg\n", v, buf,
		            tol);
		fail();
	}
	/* an exponent where the figure shown is from 1e15 (999999999999999.9
	** rounds to it), or where it rounds to under 1e-4 (not 0) alone */
	assert_true((strchr(buf, 'e') != NULL) ==
	            (fabs(x) >= 1e15 || (a > 0 && fabs(x) < 1e-4)));
	/* a figure shown from 1e-4 to 100, not whole: three significant
	** digits, their zeros kept (100 where it rounds up: "100"; 0.000100
	** where 9.9996e-5 rounds up to 1e-4, fuzz9) */
	if (fabs(x) >= 1e-4 && fabs(x) < 100 && v != floor(v) &&
	    strcmp(buf + (v < 0), "100"))
		assert_int_equal(sig_digits(buf), 3);
}

/* one unit of the last digit rl_fig_text shows of v by its rule (the
** header): 1 whole from 1e5, 0.1 from 100, else the third significant
** digit's place, from 1e15 too (1.24e+62: 1e60); in long double, from
** log10 (a power of ten's own place may come out one low: a looser
** bound, never a tighter one) */
static long double fig_unit(double v)
{
	long double a = fabsl((long double)v);
	if (a >= 1e5L && a < 1e15L)
		return 1;
	if (a >= 100 && a < 1e15L)
		return 0.1L;
	return powl(10, floorl(log10l(a)) - 2) * 1.000001L;
}

/* does x meet a target (a floor, or a ceiling where most)? */
static int meets_target(double x, double target, int most)
{
	return most ? x <= target : x >= target;
}

/* rl_fig_text_dir: dir 0, and any dir of a NaN or infinity, as
** rl_fig_text; else the figure read back lies on dir's side of v (or at
** it), is rl_fig_text's where that one does already, and otherwise
** within one unit of the last shown digit of v (nearest rounding's figure
** moved one unit: at most half a unit plus one away) */
static void fig_dir_props(double v)
{
	char f[64], d[64];
	int dir;
	rl_fig_text(f, sizeof f, v);
	assert_string_equal(rl_fig_text_dir(d, sizeof d, v, 0), f);
	for (dir = -1; dir <= 1; dir += 2) {
		double x;
		rl_fig_text_dir(d, sizeof d, v, dir);
		if (!isfinite(v)) {
			assert_string_equal(d, f);
			continue;
		}
		assert_true(strlen(d) > 0 && strlen(d) < 40);
		assert_true(d[strlen(d) - 1] != '.');
		x = strtod(d, NULL);
		if (dir > 0 ? !(x >= v) : !(x <= v)) {
			print_error("%.17g toward %d written '%s': the other side\n",
			            v, dir, d);
			fail();
		}
		/* (the distance in long double: a figure past the largest
		** double, 1.8e+308, is read as infinity by strtod) */
		if (dir > 0 ? strtod(f, NULL) >= v : strtod(f, NULL) <= v)
			assert_string_equal(d, f);
		else if (!(fabsl(strtold(d, NULL) - v) <= 1.5L * fig_unit(v))) {
			print_error("%.17g toward %d written '%s': more than a unit "
			            "of its last digit away ('%s' nearest)\n",
			            v, dir, d, f);
			fail();
		}
	}
}

/* rl_fig_text_side: beside a finite target, the figure read back meets
** it (as a floor, or a ceiling) exactly where v does; rl_fig_text's
** figure where that one does already, else within one unit of v's last
** shown digit; a NaN or infinite v or target as rl_fig_text */
static void fig_side_props(double v, double target)
{
	char f[64], s[64];
	int most;
	rl_fig_text(f, sizeof f, v);
	for (most = 0; most <= 1; most++) {
		double x;
		rl_fig_text_side(s, sizeof s, v, target, most);
		if (!isfinite(v) || !isfinite(target)) {
			assert_string_equal(s, f);
			continue;
		}
		x = strtod(s, NULL);
		if (meets_target(x, target, most) != meets_target(v, target, most)) {
			print_error("%.17g beside %s %.17g written '%s': on the "
			            "other side\n", v, most ? "a ceiling" : "a floor",
			            target, s);
			fail();
		}
		if (meets_target(strtod(f, NULL), target, most) ==
		    meets_target(v, target, most))
			assert_string_equal(s, f);
		else if (!(fabsl(strtold(s, NULL) - v) <= 1.5L * fig_unit(v))) {
			print_error("%.17g beside %.17g written '%s': more than a "
			            "unit of its last digit away\n", v, target, s);
			fail();
		}
	}
}

/* the targets a figure is said beside: v itself, its neighbouring
** doubles, its nearest figure's value and that one's neighbours, v a
** thousandth either way, and any double */
static void fig_side_all(rng *r, double v)
{
	char f[64];
	double fv = strtod(rl_fig_text(f, sizeof f, v), NULL);
	double t[] = {v, nextafter(v, INFINITY), nextafter(v, -INFINITY), fv,
	              nextafter(fv, INFINITY), nextafter(fv, -INFINITY),
	              v * 1.001, v * 0.999, draw(r)};
	size_t i;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		fig_side_props(v, t[i]);
}

/* a number's significant digits as text, leading and trailing zeros
** dropped ("0.00120" and "1200" both "12") */
static void digits_of(const char *s, char *out, size_t len)
{
	size_t n = 0;
	for (; *s && *s != 'e' && n + 1 < len; s++)
		if (*s >= '0' && *s <= '9' && (n > 0 || *s != '0'))
			out[n++] = *s;
	while (n > 0 && out[n - 1] == '0')
		n--;
	out[n] = '\0';
}

/* rl_number_shift: v x 10^places read back within a few parts in 1e16
** (infinite where that is past the doubles, as strtod reads it), by the
** same rule (a JSON number when finite); where v's text and the shifted
** text are plain decimals of at most 15 digits (which a double holds
** apart), the same digits, the decimal point moved, and moved back it is
** v's text again */
static void shift_props(double v, int places)
{
	char t[64], s[64], back[64], dt[64], ds[64];
	long double want = (long double)v * powl(10, places);
	double y;
	rl_number_write(v, t, sizeof t);
	rl_number_shift(v, places, s, sizeof s);
	assert_true(strlen(s) <= 28);
	if (isnan(v)) {
		assert_non_null(strstr(s, "nan"));
		return;
	}
	y = strtod(s, NULL);
	if (isfinite(y) && !json_number(s)) {
		print_error("%.17g x 1e%d written '%s': no JSON number\n", v,
		            places, s);
		fail();
	}
	/* v's shortest text stands for any number within half a unit of
	** v's last place, and the shift moves that text's digits (review48):
	** a subnormal's few digits (-4.172785e-312, where v is
	** -4.1727850000002661e-312) shift to a number that far from v x 10^p,
	** so one unit of v's last place, shifted, is allowed beside the
	** rounding */
	long double ulp = (long double)(nextafter(fabs(v), INFINITY) - fabs(v));
	if (!(fabsl(want) > DBL_MAX ? isinf(y) && (y > 0) == (want > 0)
	      : fabsl(y - want) <= 4e-16L * fabsl(want) + 5e-324L +
	                           ulp * powl(10, places))) {
		print_error("%.17g x 1e%d written '%s', not %.17Lg\n", v, places,
		            s, want);
		fail();
	}
	if (strpbrk(t, "eEni") || strpbrk(s, "eEni") || sig_digits(t) > 15)
		return;
	digits_of(t, dt, sizeof dt);
	digits_of(s, ds, sizeof ds);
	if (strcmp(dt, ds) || !!signbit(v) != (s[0] == '-')) {
		print_error("%s x 1e%d written '%s': other digits\n", t, places, s);
		fail();
	}
	rl_number_shift(y, -places, back, sizeof back);
	assert_string_equal(back, t);
}

/* no byte past len written, a NUL within it (len > 0), nothing at len 0 */
static void small_buffers(double v)
{
	size_t len;
	for (len = 0; len <= 26; len++) {
		char buf[40];
		size_t i;
		memset(buf, '#', sizeof buf);
		buf[sizeof buf - 1] = '\0';
		if (len)
			rl_number_write(v, buf, len);
		for (i = len; i < sizeof buf - 1; i++)
			assert_int_equal(buf[i], '#');
		if (len)
			assert_non_null(memchr(buf, '\0', len));
		memset(buf, '#', sizeof buf);
		memcpy(buf, "ab.", 4);
		rl_fig_text(buf, len, v);
		if (len == 0)
			assert_string_equal(buf, "ab.");
		else
			assert_non_null(memchr(buf, '\0', len));
		for (i = len > 4 ? len : 4; i < sizeof buf; i++)
			assert_int_equal(buf[i], '#');
		/* the moved figures and the shifted number alike (len 0: the
		** figures untouched; rl_number_write's text is never asked for
		** none) */
		for (i = 0; i < 3; i++) {
			size_t j;
			memset(buf, '#', sizeof buf);
			memcpy(buf, "ab.", 4);
			if (i == 0)
				rl_fig_text_dir(buf, len, v, len % 2 ? 1 : -1);
			else if (i == 1)
				rl_fig_text_side(buf, len, v, v * 1.0001, (int)(len % 2));
			else if (len)
				rl_number_shift(v, (int)len - 13, buf, len);
			else
				continue;
			if (len == 0)
				assert_string_equal(buf, "ab.");
			else
				assert_non_null(memchr(buf, '\0', len));
			for (j = len > 4 ? len : 4; j < sizeof buf; j++)
				assert_int_equal(buf[j], '#');
		}
	}
}

static void test_fuzz_numbers(void **state)
{
	rng r = {(uint64_t)env_long("ROOFLAB_FUZZ_SEED", 1) * 0x9e3779b97f4a7c15ULL};
	long n = env_long("ROOFLAB_FUZZ_ITERS", 1000) * 20, i;
	(void)state;
	for (i = 0; i < n; i++) {
		double v = draw(&r);
		number_write_props(v);
		fig_text_props(v);
		fig_dir_props(v);
		fig_side_all(&r, v);
		shift_props(v, (int)(next(&r) % 41) - 20);
		if (i % 16 == 0)
			small_buffers(v);
	}
	print_message("numbers: %ld doubles\n", n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fuzz_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
