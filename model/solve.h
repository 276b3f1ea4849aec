/*
** solve.h: what must be true.  The value of one parameter, within its
** table range, at which a metric reaches a target (GSL's Brent root finder
** on log(metric / target)), or why no value in the range reaches it and
** which bound stops it.
*/
#ifndef RL_SOLVE_H
#define RL_SOLVE_H

#include "metric.h"
#include "params.h"

typedef struct {
	int feasible;      /* 1: value reaches the target, or (met_all) every
	                      value in the range does */
	int met_all;       /* 1: the metric is at or above the target over the
	                      whole range: no value is needed, value NAN,
	                      metric the lowest reached, at best_at */
	double value;      /* display units; NAN when infeasible or met_all */
	double metric;     /* metric at value (feasible), the best reached
	                      (infeasible) or the lowest (met_all) */
	double best_at;    /* infeasible: the value where the metric comes
	                      closest to the target */
	int direction;     /* +1: the metric rises through the target as the
	                      value rises ("at least"), -1 falls ("at most") */
	int bound;         /* infeasible: -1 the lower bound, +1 the upper
	                      bound stops it, 0 neither (peaks inside) */
	int saturated;     /* infeasible, bound != 0: the metric stops
	                      changing at best_at, before that bound (a
	                      plateau: other limits bind) */
	double lo, hi;     /* the range searched, display units */
	int iterations;
	char reason[400]; /* a 159-byte name and four numbers of 31 */
} rl_solve_result;

/* Vary parameter p of `base` over [lo, hi] (display units; pass lo > hi
** to use the parameter's table range) and find where m() == target (> 0).
** The target is a floor: it is met where m() >= target (a speedup of at
** least 20x), so a range where m() stays at or above it everywhere meets
** it at every value (met_all), and one below it everywhere is infeasible;
** direction says whether the values that meet it lie above the one found
** (+1, "at least") or below it (-1, "at most").
** Enum and boolean parameters cannot be solved for.  Returns 0 (feasible
** or not, see res), or -1 with err on bad input, or RL_EINTERNAL (1) with
** "out of memory" where the root finder could not be allocated. */
int rl_solve(const rl_config *base, const rl_param *p, double lo, double hi,
             rl_metric_fn m, void *ud, double target, rl_solve_result *res,
             char *err, size_t errlen);

#endif
