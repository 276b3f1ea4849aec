/*
** stop.c: SIGINT and SIGTERM caught once while a long step runs (stop.h).
*/
#include "stop.h"

#include <stdatomic.h>
#include <string.h>

/* The signal (SIGINT or SIGTERM: its number) received while a step runs:
** set by on_stop alone, read by the step (a sweep's pipeline before it
** takes up each chunk of points, a plot after gnuplot), cleared by
** rl_stop_catch.  The one piece of state the program keeps at file scope
** (scripts/check-state.sh names it): a handler reaches nothing else.  A
** lock-free atomic, not a volatile sig_atomic_t: the handler runs on
** whichever thread the signal finds (a sweep worker's too) and the writer
** thread reads it, and C11 lets a handler touch a lock-free atomic
** (7.14.1.1) where two threads on a volatile sig_atomic_t are a data race
** (5.1.2.4). */
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "stop_asked must be lock-free");
static atomic_int stop_asked;

static void on_stop(int sig)
{
	atomic_store(&stop_asked, sig); /* SIGINT or SIGTERM: which, kept */
}

/* Install on_stop for sig, unless it is ignored: once, then as before
** (*old).  1 when installed. */
static int catch_once(int sig, struct sigaction *old)
{
	struct sigaction sa;
	if (sigaction(sig, NULL, old) != 0 || old->sa_handler == SIG_IGN)
		return 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART | SA_RESETHAND;
	return sigaction(sig, &sa, NULL) == 0;
}

void rl_stop_catch(rl_stop_guard *g)
{
	atomic_store(&stop_asked, 0); /* this step's own, not an earlier one's */
	g->have_int = catch_once(SIGINT, &g->old_int);
	g->have_term = catch_once(SIGTERM, &g->old_term);
}

int rl_stop_caught(void)
{
	return atomic_load(&stop_asked);
}

void rl_stop_release(rl_stop_guard *g)
{
	if (g->have_int)
		sigaction(SIGINT, &g->old_int, NULL);
	if (g->have_term)
		sigaction(SIGTERM, &g->old_term, NULL);
	g->have_int = g->have_term = 0;
}
