/*
** test_gpstop.c: plots/gp.c's gp_run leaves the caller's SIGINT and
** SIGTERM dispositions as it found them (it catches both while gnuplot
** runs, sweeps/stop.h, and puts them back), whether the plot is drawn or
** gnuplot fails, and a signal ignored stays ignored.  A mutation campaign
** (2026-11-30, branch mutate2) found no test held that: a process that
** goes on after a plot (a report draws several) would have had a SIGTERM
** taken by the plot's handler and lost.  Skipped where gnuplot is not
** installed.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../plots/gp.h"
#include "sigdisp.h"

/* the caller's handler, which must be in place again after each plot */
static void own(int sig)
{
	(void)sig;
}

static void set_own(int sig)
{
	sigdisp_set(sig, own);
}

static void (*handler_of(int sig))(int)
{
	return sigdisp_now(sig).sa_handler;
}

/* a plot drawn (an SVG of y = x), then one gnuplot refuses: each time
** SIGTERM and SIGINT have the caller's handler back; an ignored SIGINT
** stays ignored */
static void test_dispositions_put_back(void **state)
{
	char out[64], err[512];
	const char *ok = "plot x\n", *bad = "plot nosuch(x)\n";
	int rc;
	(void)state;
	snprintf(out, sizeof out, "/tmp/rooflab-test-gpstop-%ld.svg",
	         (long)getpid());
	set_own(SIGTERM);
	set_own(SIGINT);
	rc = gp_run(GP_SVG, out, ok, strlen(ok), err, sizeof err);
	if (rc == GP_EMISSING)
		skip();
	assert_int_equal(rc, GP_OK);
	assert_int_equal(access(out, F_OK), 0);
	unlink(out);
	assert_true(handler_of(SIGTERM) == own);
	assert_true(handler_of(SIGINT) == own);
	rc = gp_run(GP_SVG, out, bad, strlen(bad), err, sizeof err);
	assert_int_equal(rc, GP_EFAIL);
	assert_int_equal(access(out, F_OK), -1);
	assert_true(handler_of(SIGTERM) == own);
	assert_true(handler_of(SIGINT) == own);
	signal(SIGINT, SIG_IGN);
	rc = gp_run(GP_SVG, out, ok, strlen(ok), err, sizeof err);
	assert_int_equal(rc, GP_OK);
	unlink(out);
	assert_true(handler_of(SIGINT) == SIG_IGN);
	assert_true(handler_of(SIGTERM) == own);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dispositions_put_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
