/*
** sigdisp.h: the signal dispositions the tests of a step that catches
** SIGINT and SIGTERM and puts them back share (test_stop.c: sweeps/stop.c;
** test_gpstop.c: plots/gp.c's gp_run): sigdisp_set installs the handler a
** caller had before the step, sigdisp_now reads the one in place, each
** failing the test where sigaction does.  Include after cmocka.h.
*/
#ifndef RL_TEST_SIGDISP_H
#define RL_TEST_SIGDISP_H

#include <signal.h>
#include <string.h>

/* install fn for sig: no flags, no signal blocked while it runs */
static inline void sigdisp_set(int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(sig, &sa, NULL), 0);
}

/* the disposition of sig now (its handler and flags) */
static inline struct sigaction sigdisp_now(int sig)
{
	struct sigaction cur;
	assert_int_equal(sigaction(sig, NULL, &cur), 0);
	return cur;
}

#endif
