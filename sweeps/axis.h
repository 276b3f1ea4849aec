/*
** axis.h: one axis of a sweep: a list of values, a linear range
** (start:stop:step) or a log range (start:stop:count log) of a parameter,
** in its display unit.
*/
#ifndef RL_SWEEP_AXIS_H
#define RL_SWEEP_AXIS_H

#include <stddef.h>
#include <stdint.h>

#include "../model/params.h"

#define RL_SWEEP_MAX_LIST 4096
#define RL_SWEEP_COL_MAX 80

typedef enum { RL_AX_LIST = 0, RL_AX_LINEAR, RL_AX_LOG } rl_axis_kind;

typedef struct {
	const rl_param *param;
	char name[RL_SWEEP_COL_MAX];   /* "chip.hbm_tbps" */
	rl_axis_kind kind;
	double start, stop, step;      /* ranges, display units */
	double snap;                   /* linear: 10^decimals, 0 = none */
	uint64_t count;                /* values on the axis */
	double *list;                  /* RL_AX_LIST: count values */
	int line;                      /* its spec's line; 0: none */
} rl_axis;

/* Parse one axis value text for parameter p.  0, or -1 with err, or
** RL_EINTERNAL (1) with "out of memory" where a list's values could not be
** held. */
int rl_sweep_axis_parse(rl_axis *ax, const rl_param *p, const char *text,
                        char *err, size_t errlen);

/* Value k (0 <= k < count) of an axis on its grid, display units. */
double rl_sweep_axis_value(const rl_axis *ax, uint64_t k);

/* Value of an axis at u in [0, 1) for random and Sobol sampling. */
double rl_sweep_axis_sample(const rl_axis *ax, double u);

#endif
