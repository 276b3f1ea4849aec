/*
** test_num.c: the one number parser (config/num.c, on the rule of
** model/numtext.c that --set shares): what it accepts, what it refuses and
** the message it gives, "WHAT: 'TEXT' is not ..." for a text that is no
** number and "WHAT: 'TEXT' is outside the allowed range (...)" for a
** number beyond an end, with the range in words.  Every expected value is written by hand.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../config/num.h"
#include "../model/numtext.h"
#include "../model/params.h"

static void refused(const char *text, const num_range *r, const char *msg)
{
	char err[256];
	double x = -7;
	assert_int_equal(num_read("--n", text, r, &x, err, sizeof err), -1);
	assert_string_equal(err, msg);
	assert_true(x == -7); /* nothing written on failure */
}

static void test_closed_range(void **state)
{
	num_range r = {1, 64, 0, NULL};
	double x;
	char err[256];
	(void)state;
	assert_int_equal(num_read("--n", "1", &r, &x, err, sizeof err), 0);
	assert_true(x == 1);
	assert_int_equal(num_read("--n", "64", &r, &x, err, sizeof err), 0);
	assert_true(x == 64);
	assert_int_equal(num_read("--n", "2.5e1", &r, &x, err, sizeof err), 0);
	assert_true(x == 25);
	/* numbers beyond an end: outside the range, not "not a number" */
	refused("0.5", &r, "--n: '0.5' is outside the allowed range (a number "
	        "in [1, 64])");
	refused("65", &r, "--n: '65' is outside the allowed range (a number in "
	        "[1, 64])");
	refused("-1e3", &r, "--n: '-1e3' is outside the allowed range (a number "
	        "in [1, 64])");
	refused("", &r, "--n: '' is not a number in [1, 64]");
	refused("8x", &r, "--n: '8x' is not a number in [1, 64]");
	refused("nan", &r, "--n: 'nan' is not a number in [1, 64]");
	refused("inf", &r, "--n: 'inf' is not a number in [1, 64]");
	/* blanks on either side are refused alike (strtod skips leading ones) */
	refused(" 8", &r, "--n: ' 8' is not a number in [1, 64]");
	refused("\t8", &r, "--n: '\t8' is not a number in [1, 64]");
	refused("8 ", &r, "--n: '8 ' is not a number in [1, 64]");
}

static void test_whole_and_noun(void **state)
{
	num_range r = {0, 4294967295.0, NUM_WHOLE, NULL};
	num_range id = {1, INFINITY, NUM_WHOLE, "a run id"};
	double x;
	char err[256];
	(void)state;
	assert_int_equal(num_read("--n", "4294967295", &r, &x, err, sizeof err),
	                 0);
	assert_true(x == 4294967295.0);
	/* %g would print 4.29497e+09: the bound is written in full */
	refused("1.5", &r, "--n: '1.5' is not a whole number in [0, 4294967295]");
	refused("4294967296", &r, "--n: '4294967296' is outside the allowed "
	        "range (a whole number in [0, 4294967295])");
	refused("0", &id, "--n: '0' is outside the allowed range of a run id (a "
	        "whole number >= 1)");
	refused("one", &id, "--n: 'one' is not a run id (a whole number >= 1)");
}

static void test_open_and_inf(void **state)
{
	num_range pos = {0, INFINITY, NUM_LO_OPEN, NULL};
	num_range rate = {0, INFINITY, NUM_LO_OPEN | NUM_INF, NULL};
	num_range any = {-INFINITY, INFINITY, 0, NULL};
	double x;
	char err[256];
	(void)state;
	refused("0", &pos, "--n: '0' is outside the allowed range (a positive "
	        "number)");
	refused("inf", &pos, "--n: 'inf' is not a positive number");
	assert_int_equal(num_read("--n", "inf", &rate, &x, err, sizeof err), 0);
	assert_true(isinf(x) && x > 0);
	refused("-inf", &rate, "--n: '-inf' is not a number > 0, or inf");
	refused("0", &rate, "--n: '0' is outside the allowed range (a number > "
	        "0, or inf)");
	assert_int_equal(num_read("--n", "-3", &any, &x, err, sizeof err), 0);
	assert_true(x == -3);
	refused("1e999", &any, "--n: '1e999' is not a number");
}

static void test_text_only(void **state)
{
	double x = 0;
	(void)state;
	assert_int_equal(num_text("0.25", &x), 0);
	assert_true(x == 0.25);
	assert_int_equal(num_text("0.25 ", &x), -1);
	assert_int_equal(num_text(" 0.25", &x), -1);
	assert_int_equal(num_text("\n0.25", &x), -1);
	assert_int_equal(num_text("", &x), -1);
	assert_int_equal(num_text("inf", &x), -1);
}

/* model/numtext.c's rule itself: the whole text, decimal, no blank before
** or after; strtod's errno kept (DBL_MAX is about 1.8e308, the smallest
** subnormal about 4.9e-324) */
static void test_number_text(void **state)
{
	double x = 0;
	(void)state;
	assert_int_equal(rl_number_text("80", &x), 1);
	assert_true(x == 80);
	assert_int_equal(rl_number_text("2.5e1", &x), 1);
	assert_true(x == 25);
	assert_int_equal(rl_number_text("-0.5", &x), 1);
	assert_true(x == -0.5);
	assert_int_equal(rl_number_text("inf", &x), 1);
	assert_true(isinf(x) && x > 0);
	assert_int_equal(rl_number_text("nan", &x), 1);
	assert_true(isnan(x));
	assert_int_equal(rl_number_text("1e999", &x), 1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(rl_number_text("1e-999", &x), 1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(rl_number_text("1e300", &x), 1);
	assert_int_equal(errno, 0);
	assert_int_equal(rl_number_text("", &x), 0);
	assert_int_equal(rl_number_text(" 80", &x), 0);
	assert_int_equal(rl_number_text("\t80", &x), 0);
	assert_int_equal(rl_number_text("80 ", &x), 0);
	assert_int_equal(rl_number_text("0x50", &x), 0);
	assert_int_equal(rl_number_text("0X50", &x), 0);
	assert_int_equal(rl_number_text("80x", &x), 0);
	assert_int_equal(rl_number_text("8,0", &x), 0);
}

/* Digits alone (read by hand, numtext.c, up to 15 of them): the value
** strtod gives, bit for bit, errno 0; and past 15 digits, a sign, a
** point or a trailing byte, as before */
static void test_digits_only(void **state)
{
	static const char *const t[] = {
	    "0", "00", "7", "80", "2048", "0000000000000007", "000000000000009",
	    "123456789012345", "999999999999999", "9007199254740993",
	    "1234567890123456789", "-5", "+5", "5.", "5a", "05 ", "99999999999999999999999"};
	size_t i;
	double x, y;
	(void)state;
	assert_int_equal(rl_number_text("999999999999999", &x), 1);
	assert_true(x == 999999999999999.0);
	assert_int_equal(rl_number_text("0000000000000007", &x), 1);
	assert_true(x == 7);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *end;
		int ok = rl_number_text(t[i], &x), e = errno;
		errno = 0;
		y = strtod(t[i], &end);
		assert_int_equal(ok, end != t[i] && !*end);
		assert_int_equal(e, errno);
		assert_memory_equal(&x, &y, sizeof x);
	}
	/* every count of digits, each digit in each place */
	for (i = 1; i <= 17; i++) {
		char d[20];
		size_t k, j;
		for (j = 0; j < 10; j++) {
			for (k = 0; k < i; k++)
				d[k] = (char)('0' + (j + 3 * k) % 10);
			d[i] = '\0';
			assert_int_equal(rl_number_text(d, &x), 1);
			assert_int_equal(errno, 0);
			y = strtod(d, NULL);
			assert_memory_equal(&x, &y, sizeof x);
		}
	}
}

/* The one rule seen from both sides: a finite text in range is read or
** refused alike by num_parse (CSV fields, flags) and by
** rl_param_set_text (--set, INI values) on chip.tdp_w, [0, 1e5] W */
static void test_one_rule(void **state)
{
	static const struct {
		const char *text;
		int ok;
	} cases[] = {{"700", 1},   {"7e2", 1},  {"700.5", 1}, {" 700", 0},
	             {"700 ", 0},  {"\n700", 0}, {"0x2BC", 0}, {"700W", 0},
	             {"", 0},      {"-", 0},    {"1e-999", 0}, {"+700", 1}};
	const rl_param *p = rl_param_find("chip", "tdp_w");
	size_t i;
	(void)state;
	assert_non_null(p);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rl_config cfg;
		double x;
		char err[256];
		rl_config_defaults(&cfg);
		assert_int_equal(num_parse("--n", cases[i].text, 0, 1e5, &x, err,
		                           sizeof err) == 0,
		                 cases[i].ok);
		assert_int_equal(rl_param_set_text(&cfg, p, cases[i].text, err,
		                                   sizeof err) == 0,
		                 cases[i].ok);
	}
}

/* num_span and num_lead: the number that is part of a text, by the same
** rule (the counts are the characters of the number, counted by hand). */
static void test_part_of_text(void **state)
{
	double x = -7;
	(void)state;
	assert_int_equal(num_lead("80GB", &x), 2); /* a label's capacity */
	assert_true(x == 80);
	assert_int_equal(num_lead("0.95)", &x), 4);
	assert_true(x == 0.95);
	x = -7;
	assert_int_equal(num_lead("GB", &x), 0); /* no digits */
	assert_int_equal(num_lead("1..2GB", &x), 0); /* digits, no number */
	assert_int_equal(num_lead("", &x), 0);
	assert_true(x == -7); /* nothing written when none */
	assert_int_equal(num_span("8192, max", 4, &x), 4); /* "8192" */
	assert_true(x == 8192);
	assert_int_equal(num_span("1e9x", 4, &x), 0); /* the whole span */
	assert_int_equal(num_span("12", 0, &x), 0);
	/* 32 characters and more are no number of a label or setting */
	assert_int_equal(num_span("00000000000000000000000000000001", 32,
	                          &x), 0);
	assert_int_equal(num_span("0000000000000000000000000000001", 31, &x),
	                 31);
	assert_true(x == 1);
}

/* 4.9e-324, the smallest subnormal, is in (0, 100] by its figures, but
** strtod reads it with ERANGE, as every number nearer 0 than DBL_MIN
** (2.2250738585072014e-308): refused, and the message says why, where it
** read as out of the range it is in; 1e-999 (read as 0) the same; a
** normal number as small is taken */
/* rl_number_write: a whole number below 1e15 in all its digits, any other
** the shortest %.6g-%.17g text that reads back, in plain decimals from
** 1e-9 (values by hand) */
static void test_number_write(void **state)
{
	char b[40];
	(void)state;
	assert_string_equal(rl_number_write(1e7, b, sizeof b), "10000000");
	assert_string_equal(rl_number_write(1e13, b, sizeof b),
	                    "10000000000000");
	assert_string_equal(rl_number_write(-0.0, b, sizeof b), "-0");
	assert_string_equal(rl_number_write(-64, b, sizeof b), "-64");
	assert_string_equal(rl_number_write(0.001, b, sizeof b), "0.001");
	assert_string_equal(rl_number_write(709.78, b, sizeof b), "709.78");
	/* from 1e-9 in plain decimals, all the digits that read back, where
	** %g took its exponent form (2.5e-07, 1e-06); under 1e-9 as %g */
	assert_string_equal(rl_number_write(2.5e-7, b, sizeof b), "0.00000025");
	assert_string_equal(rl_number_write(0.000001, b, sizeof b), "0.000001");
	assert_string_equal(rl_number_write(-0.000001, b, sizeof b),
	                    "-0.000001");
	assert_string_equal(rl_number_write(1.5e-5, b, sizeof b), "0.000015");
	assert_string_equal(rl_number_write(1.0000001e-5, b, sizeof b),
	                    "0.000010000001");
	assert_string_equal(rl_number_write(1e-9, b, sizeof b), "0.000000001");
	assert_string_equal(rl_number_write(1e-10, b, sizeof b), "1e-10");
	assert_string_equal(rl_number_write(0.0001, b, sizeof b), "0.0001");
	assert_string_equal(rl_number_write(1e15, b, sizeof b), "1e+15");
	assert_string_equal(rl_number_write(1e308, b, sizeof b), "1e+308");
	/* 0.1 + 0.2 is not 0.3: 17 digits, where %g wrote 0.3 */
	assert_string_equal(rl_number_write(0.1 + 0.2, b, sizeof b),
	                    "0.30000000000000004");
	assert_string_equal(rl_number_write(1.0000001, b, sizeof b),
	                    "1.0000001");
	/* (fuzz8's mutation pass) a whole number's size by its magnitude:
	** -1e20 is past 1e15 (%.0f wrote 21 digits for it, were the sign
	** counted); 1e14 below it in all its digits (not 1e+14) */
	assert_string_equal(rl_number_write(-1e20, b, sizeof b), "-1e+20");
	assert_string_equal(rl_number_write(1e14, b, sizeof b),
	                    "100000000000000");
	/* 0.1 + 0.7 is one step (1.1e-16) below 0.8's double: 16 digits
	** read back (0.7999999999999999 lies 3.3e-17 from it, within half a
	** step), 15 give 0.8, another double: 16 written, not %.17g's
	** 0.79999999999999993 */
	assert_string_equal(rl_number_write(0.1 + 0.7, b, sizeof b),
	                    "0.7999999999999999");
	/* twice the least subnormal, 9.8813129168249309e-324: doubles there
	** lie 4.94e-324 apart, so 6 digits read back (%.6g first), where
	** %.7g wrote 9.881313e-324 */
	assert_string_equal(rl_number_write(2 * 4.9406564584124654e-324, b,
	                                    sizeof b),
	                    "9.88131e-324");
}

static void test_subnormal(void **state)
{
	num_range r = {0, 100, NUM_LO_OPEN, NULL};
	double x;
	(void)state;
	refused("4.9e-324", &r, "--n: '4.9e-324' is not a number in (0, 100]; "
	        "a number nearer 0 than 2.2250738585072014e-308 (the smallest "
	        "normal double) is refused");
	refused("1e-999", &r, "--n: '1e-999' is not a number in (0, 100]; a "
	        "number nearer 0 than 2.2250738585072014e-308 (the smallest "
	        "normal double) is refused");
	refused("0", &r, "--n: '0' is outside the allowed range (a number in (0, "
	        "100])");
	/* text that is no number, though strtod read a subnormal from its
	** start (with ERANGE): refused as not a number, without the note */
	refused("4.9e-324x", &r, "--n: '4.9e-324x' is not a number in (0, 100]");
	assert_int_equal(num_read("--n", "2.3e-308", &r, &x, NULL, 0), 0);
	assert_true(x == 2.3e-308);
}

/* rl_number_shift: the decimal moved, by hand: 0.905 x 100 is 90.5 (the
** double product 90.50000000000001), 12.345678 / 1000 is 0.012345678
** (the quotient 0.012345677999999999), 0.9 x 100 is 90, 50 / 1000 is
** 0.05; 1e20 / 1000 (exponent form) 1e+17 */
static void test_number_shift(void **state)
{
	char b[64];
	(void)state;
	assert_string_equal(rl_number_shift(0.905, 2, b, sizeof b), "90.5");
	assert_string_equal(rl_number_shift(12.345678, -3, b, sizeof b),
	                    "0.012345678");
	assert_string_equal(rl_number_shift(0.9, 2, b, sizeof b), "90");
	assert_string_equal(rl_number_shift(50, -3, b, sizeof b), "0.05");
	assert_string_equal(rl_number_shift(1e20, -3, b, sizeof b), "1e+17");
	/* (review48) a v under 1e-9, whose text is in exponent form too
	** (5e-10), moved as a decimal: 5e-10 x 100 = 5e-8, in plain decimals
	** 0.00000005, where the double product wrote
	** 0.000000050000000000000004; 1.2345e-10 x 1000 = 0.00000012345 */
	assert_string_equal(rl_number_shift(5e-10, 2, b, sizeof b),
	                    "0.00000005");
	assert_string_equal(rl_number_shift(1.2345e-10, 3, b, sizeof b),
	                    "0.00000012345");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_closed_range),
	    cmocka_unit_test(test_whole_and_noun),
	    cmocka_unit_test(test_open_and_inf),
	    cmocka_unit_test(test_text_only),
	    cmocka_unit_test(test_number_text),
	    cmocka_unit_test(test_digits_only),
	    cmocka_unit_test(test_one_rule),
	    cmocka_unit_test(test_part_of_text),
	    cmocka_unit_test(test_subnormal),
	    cmocka_unit_test(test_number_write),
	    cmocka_unit_test(test_number_shift),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
