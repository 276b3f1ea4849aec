/*
** progress.h: a one-line progress bar on stderr (points, points/s, ETA),
** drawn only when enabled (the caller passes isatty(stderr)).
*/
#ifndef RL_SWEEP_PROGRESS_H
#define RL_SWEEP_PROGRESS_H

#include <stdint.h>

typedef struct {
	int enabled;
	uint64_t total;   /* points this run will have processed at the end */
	uint64_t start;   /* points already processed when it began */
	double t0, last;  /* seconds (monotonic) */
} rl_progress;

double rl_progress_clock(void);
void rl_progress_begin(rl_progress *p, int enabled, uint64_t total,
                       uint64_t start);
/* Redraw (at most ten times a second) with `done` points processed. */
void rl_progress_update(rl_progress *p, uint64_t done);
/* Final redraw and newline. */
void rl_progress_end(rl_progress *p, uint64_t done);

#endif
