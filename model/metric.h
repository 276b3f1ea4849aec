/*
** metric.h: a number computed from a configuration, the currency of the
** claim check's Shapley attribution (shapley.c), root finding (solve.c) and
** Monte Carlo (montecarlo.c).  A metric evaluates through rl_eval(); it
** returns 0 and writes *value, or non-zero when the configuration cannot be
** evaluated (bad input, the model does not fit).
*/
#ifndef RL_METRIC_H
#define RL_METRIC_H

#include "rl_config.h"

typedef int (*rl_metric_fn)(const rl_config *cfg, void *ud, double *value);

#endif
