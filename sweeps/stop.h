/*
** stop.h: SIGINT (Ctrl-C) and SIGTERM (kill's default, Slurm's at a time
** limit) caught while one long step runs, so that it stops where it can
** clean up: a sweep at its next point boundary (run.c), a plot after
** gnuplot, its temporaries removed (plots/gp.c).  Each signal is caught
** once (a second one acts as before: it ends the process) and not at all
** where it is ignored (a background job's SIGINT).
*/
#ifndef RL_STOP_H
#define RL_STOP_H

#include <signal.h>

/* The dispositions rl_stop_catch replaced, for rl_stop_release. */
typedef struct {
	struct sigaction old_int, old_term;
	int have_int, have_term;
} rl_stop_guard;

/* Forget a signal an earlier step caught (a process may run several:
** `make bench` runs five sweeps) and catch SIGINT and SIGTERM, each
** unless ignored, once. */
void rl_stop_catch(rl_stop_guard *g);

/* The signal caught since rl_stop_catch (SIGINT or SIGTERM), 0 none.
** Safe from any thread. */
int rl_stop_caught(void);

/* Put back the dispositions rl_stop_catch replaced. */
void rl_stop_release(rl_stop_guard *g);

#endif
