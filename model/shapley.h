/*
** shapley.h: attribute the ratio of a metric between two configurations to
** named factors, exactly, with Shapley values in log space.
**
** A factor is a group of parameters of the parameter table.  Side A's
** configuration with the parameters of a set S of factors taken from side
** B is evaluated for every one of the 2^k sets S; each factor's log-factor
** is the Shapley-weighted average of the change in log(metric) when it is
** added, so the factors multiply exactly to metric(all) / metric(none) and
** no order of swapping is privileged.  Factors are defined by patterns
** over "section.key" names (fnmatch), so parameters that a later version
** of the table adds fall into their group without code changes.
*/
#ifndef RL_SHAPLEY_H
#define RL_SHAPLEY_H

#include <stddef.h>

#include "metric.h"
#include "params.h"

#define RL_FACTOR_MAX 12      /* at most 2^12 evaluations */
#define RL_FACTOR_PARAMS 96

typedef struct {
	char name[48];
	const rl_param *p[RL_FACTOR_PARAMS];
	size_t n;
} rl_factor;

/* Build factors from a NULL-terminated list of names, each with its
** NULL-terminated patterns; a parameter goes to the first factor (in list
** order of `precedence`, an index list of length k, or list order when
** NULL) with a matching pattern.  Returns k. */
typedef struct {
	const char *name;
	const char *const *patterns;
} rl_factor_def;

size_t rl_factors_build(const rl_factor_def *defs, size_t ndefs,
                        const size_t *precedence, rl_factor *out);

/* The claim check's factors: peak compute, utilization (profile
** efficiencies), memory bandwidth, memory capacity and batching,
** interconnect (the links), power limit, serving software (overheads,
** fusion, collectives, overlap, link efficiency), mapping (tp, pp, ep,
** chips).  Returns their number (<= RL_FACTOR_MAX - 1,
** leaving room for "other"). */
size_t rl_claim_factors(rl_factor *out);

/* Append to f[0..k) an "other" factor holding every parameter whose value
** differs between a and b and that no factor holds; returns the new k
** (unchanged when there is none). */
size_t rl_factors_add_other(const rl_config *a, const rl_config *b,
                            rl_factor *f, size_t k);

/* Shapley log-factors.  phi[i] = log of factor i; *ratio =
** metric(all swapped) / metric(none).  Returns 0, or -1 with err when k
** is too large or some swapped configuration cannot be evaluated, or
** RL_EINTERNAL (1) with "out of memory". */
int rl_shapley(const rl_config *a, const rl_config *b, const rl_factor *f,
               size_t k, rl_metric_fn m, void *ud, double *phi,
               double *ratio, char *err, size_t errlen);

#endif
