/*
** test_num.c: the one number parser (config/num.c): what it accepts, what
** it refuses and the message it gives, "WHAT: 'TEXT' is not ...", with the
** range in words.  Every expected value is written by hand.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../config/num.h"

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
	refused("0.5", &r, "--n: '0.5' is not a number in [1, 64]");
	refused("65", &r, "--n: '65' is not a number in [1, 64]");
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
	refused("0", &id, "--n: '0' is not a run id (a whole number >= 1)");
}

static void test_open_and_inf(void **state)
{
	num_range pos = {0, INFINITY, NUM_LO_OPEN, NULL};
	num_range rate = {0, INFINITY, NUM_LO_OPEN | NUM_INF, NULL};
	num_range any = {-INFINITY, INFINITY, 0, NULL};
	double x;
	char err[256];
	(void)state;
	refused("0", &pos, "--n: '0' is not a positive number");
	refused("inf", &pos, "--n: 'inf' is not a positive number");
	assert_int_equal(num_read("--n", "inf", &rate, &x, err, sizeof err), 0);
	assert_true(isinf(x) && x > 0);
	refused("-inf", &rate, "--n: '-inf' is not a number > 0, or inf");
	refused("0", &rate, "--n: '0' is not a number > 0, or inf");
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_closed_range),
	    cmocka_unit_test(test_whole_and_noun),
	    cmocka_unit_test(test_open_and_inf),
	    cmocka_unit_test(test_text_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
