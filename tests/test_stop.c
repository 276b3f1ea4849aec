/*
** test_stop.c: sweeps/stop.c, the SIGINT / SIGTERM caught once while a
** long step runs (a sweep, a plot): which signal came, a later step not
** stopped by an earlier one's, the second signal acting as before (the
** handler reset), slow calls restarted, an ignored signal left ignored,
** and the dispositions put back.  The signals are raised at this process
** with the guard's handler in place, so none ends it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>

#include "../sweeps/stop.h"
#include "sigdisp.h"

/* the signals this test's own handler took */
static volatile sig_atomic_t own_took;

static void own(int sig)
{
	own_took = sig;
}

/* install own() for sig, the disposition a caller had before the step */
static void set_own(int sig)
{
	sigdisp_set(sig, own);
}

static struct sigaction now(int sig)
{
	return sigdisp_now(sig);
}

/* One step: nothing caught at first; a SIGTERM is caught (not passed to
** the caller's handler) and named; the handler is then reset to the
** default, so a second SIGTERM would end the process as before (not
** raised here).  Released: the caller's handler is back, for both
** signals.  A second step forgets the first one's SIGTERM (0 until its
** own signal) and names its SIGINT as SIGINT. */
static void test_catch_name_forget_release(void **state)
{
	rl_stop_guard g;
	struct sigaction cur;
	(void)state;
	set_own(SIGINT);
	set_own(SIGTERM);
	own_took = 0;

	rl_stop_catch(&g);
	assert_int_equal(rl_stop_caught(), 0);
	cur = now(SIGTERM);
	assert_true(cur.sa_handler != own && cur.sa_handler != SIG_DFL);
	/* a slow system call the signal interrupts is restarted */
	assert_true(cur.sa_flags & SA_RESTART);
	assert_int_equal(raise(SIGTERM), 0);
	assert_int_equal(rl_stop_caught(), SIGTERM);
	assert_int_equal(own_took, 0);
	cur = now(SIGTERM);
	assert_true(cur.sa_handler == SIG_DFL); /* caught once */
	rl_stop_release(&g);
	assert_true(now(SIGTERM).sa_handler == own);
	assert_true(now(SIGINT).sa_handler == own);

	rl_stop_catch(&g);
	assert_int_equal(rl_stop_caught(), 0); /* not the earlier step's */
	cur = now(SIGINT);
	assert_true(cur.sa_handler != own && cur.sa_handler != SIG_DFL);
	assert_true(cur.sa_flags & SA_RESTART);
	assert_int_equal(raise(SIGINT), 0);
	assert_int_equal(rl_stop_caught(), SIGINT);
	assert_int_equal(own_took, 0);
	assert_true(now(SIGINT).sa_handler == SIG_DFL);
	rl_stop_release(&g);
	assert_true(now(SIGINT).sa_handler == own);
	assert_true(now(SIGTERM).sa_handler == own);
	/* with the step over, the caller's handler takes them again */
	assert_int_equal(raise(SIGTERM), 0);
	assert_int_equal(own_took, SIGTERM);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
}

/* A signal ignored where the step starts (a background job's SIGINT)
** stays ignored through it and after; the other is still caught. */
static void test_ignored_left_alone(void **state)
{
	rl_stop_guard g;
	(void)state;
	signal(SIGINT, SIG_IGN);
	set_own(SIGTERM);
	rl_stop_catch(&g);
	assert_int_equal(g.have_int, 0);
	assert_true(now(SIGINT).sa_handler == SIG_IGN);
	assert_int_equal(raise(SIGINT), 0);
	assert_int_equal(rl_stop_caught(), 0);
	assert_int_equal(g.have_term, 1);
	assert_true(now(SIGTERM).sa_handler != own);
	rl_stop_release(&g);
	assert_true(now(SIGINT).sa_handler == SIG_IGN);
	assert_true(now(SIGTERM).sa_handler == own);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catch_name_forget_release),
	    cmocka_unit_test(test_ignored_left_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
