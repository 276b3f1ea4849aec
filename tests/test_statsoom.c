/*
** test_statsoom.c: model/stats.c's quantiles where their sorted copy cannot
** be allocated.  Linked with -Wl,--wrap=malloc (Makefile): libmodel's
** malloc calls come here, and fail while fail_malloc is set, as
** tests/cli_failalloc.sh fails them in the program (validate --json exited
** 0 with a p90 |error| and a repeatability median null where the copy
** failed).  Expected values by hand.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/stats.h"

void *__real_malloc(size_t n);
void *__wrap_malloc(size_t n);

/* the wrapped malloc's switch: a test's only state */
static int fail_malloc;

void *__wrap_malloc(size_t n)
{
	return fail_malloc ? NULL : __real_malloc(n);
}

/* x: 0.3, -0.1, NaN, 0.2, -0.4, inf.  The finite magnitudes sorted: 0.1,
** 0.2, 0.3, 0.4: the median (0.2 + 0.3) / 2 = 0.25, the 90th percentile at
** 0.9 x 3 = 2.7: 0.3 + 0.7 x (0.4 - 0.3) = 0.37, the 0th 0.1 and the 100th
** 0.4.  The finite values signed, sorted: -0.4, -0.1, 0.2, 0.3: the median
** (-0.1 + 0.2) / 2 = 0.05.  Without memory the same numbers, bit for bit;
** no finite value: NaN either way. */
static void test_quantiles_without_memory(void **state)
{
	static const double x[] = {0.3, -0.1, NAN, 0.2, -0.4, INFINITY};
	static const double q[] = {0, 0.5, 0.9, 1};
	double with[5], without[5];
	int pass, i;
	(void)state;
	for (pass = 0; pass < 2; pass++) {
		double *v = pass ? without : with;
		fail_malloc = pass;
		for (i = 0; i < 4; i++)
			v[i] = stats_abs_quantile(x, 6, q[i]);
		v[4] = stats_median(x, 6);
		assert_true(isnan(stats_median(x + 2, 1)));
		assert_true(isnan(stats_abs_quantile(x + 5, 1, 0.5)));
		fail_malloc = 0;
		assert_true(fabs(v[0] - 0.1) < 1e-15);
		assert_true(fabs(v[1] - 0.25) < 1e-15);
		assert_true(fabs(v[2] - 0.37) < 1e-15);
		assert_true(fabs(v[3] - 0.4) < 1e-15);
		assert_true(fabs(v[4] - 0.05) < 1e-15);
	}
	assert_memory_equal(with, without, sizeof with);
	/* one value: every quantile is it; ties: 1, 1, 1, 2 -> median 1 */
	{
		static const double one[] = {-2.5}, tie[] = {1, 2, 1, 1};
		fail_malloc = 1;
		assert_true(stats_abs_quantile(one, 1, 0.9) == 2.5);
		assert_true(stats_median(one, 1) == -2.5);
		assert_true(stats_median(tie, 4) == 1);
		assert_true(fabs(stats_abs_quantile(tie, 4, 0.9) - 1.7) < 1e-15);
		fail_malloc = 0;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_quantiles_without_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
