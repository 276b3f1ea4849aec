/*
** loadopts.h: the options of serving under load, shared by eval, curve
** and map: --rate R (requests/s, or inf) and --requests N, and latency
** targets --ttft-max S, --tpot-max S, --e2e-max S with percentile forms
** --ttft-pNN-max S (NN in (0, 100), e.g. --ttft-p99-max 2).
*/
#ifndef RL_LOADOPTS_H
#define RL_LOADOPTS_H

#include <stddef.h>

#include "../model/load.h"

typedef struct {
	int have_rate;     /* --rate given */
	rl_load load;
	rl_slo t[RL_SLO_MAX];
	int nt;
} load_opts;

/* If argv[*i] is one of these options, consume it (and its value) into lo
** and return 1; 0 when it is not one; -1 with err (the allowed range) on a
** bad or missing value. */
int loadopts_take(load_opts *lo, int argc, char **argv, int *i, char *err,
                  size_t errlen);

/* Check the combination (--requests needs --rate): 0, or -1 with err. */
int loadopts_check(const load_opts *lo, char *err, size_t errlen);

/* The help lines of these options. */
extern const char loadopts_help[];

#endif
