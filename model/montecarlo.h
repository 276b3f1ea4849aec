/*
** montecarlo.h: uncertainty of a speedup.  Each uncertain parameter of
** side a or b has a distribution; Monte Carlo draws every parameter,
** evaluates both sides with rl_eval() and gives the speedup's quantiles,
** the probability of reaching a target and the share of samples that
** violate physics.  A tornado table gives the speedup at each parameter's
** low and high value, the others at their nominal values.
**
** Samples are drawn in a fixed number of streams, each with its own GSL
** generator seeded from the seed and the stream number, so the result
** depends on the seed and not on how many threads run the streams.
*/
#ifndef RL_MONTECARLO_H
#define RL_MONTECARLO_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

#include "engine.h"
#include "params.h"

enum {
	RL_DIST_UNIFORM = 0, /* low, high */
	RL_DIST_TRIANGULAR,  /* low, mode, high */
	RL_DIST_NORMAL,      /* mean, sd (truncated to low, high) */
	RL_DIST_LOGNORMAL,   /* median, sigma of log (truncated) */
	RL_DIST_COUNT
};
const char *rl_dist_name(int dist);
int rl_dist_find(const char *name); /* -1 if unknown */

/* Physical constraints a sample can violate (bits). */
enum {
	RL_VIOL_POWER = 1,   /* draws more than its TDP, or than the cap */
	RL_VIOL_RETICLE = 2, /* a die larger than the reticle */
	RL_VIOL_STACKS = 4,  /* HBM stacks that do not fit the die edge */
	RL_VIOL_AREA = 8     /* area shares that add up to more than 1 */
};

typedef struct {
	const rl_param *p;
	int side;          /* 0: a, 1: b */
	int dist;
	double a, b, c;    /* display units, see the enum above */
	double lo, hi;     /* truncation, display units */
} rl_uparam;

/* Draw one value (display units) from u's distribution: a normal or
** lognormal one exactly as truncated to [lo, hi] (the inverse of its
** truncated CDF at one uniform draw; every draw inside, with the truncated
** density).  A uniform or triangular one takes its own ends (lo, hi
** unread). */
double rl_uparam_draw(const rl_uparam *u, gsl_rng *rng);

/* The q-quantile (0 <= q <= 1) of u's distribution, a normal or lognormal
** one truncated to [lo, hi]: read from the tail the point lies in (upper
** tail functions above the center), so a truncation far out in a tail
** keeps its precision.  A normal or lognormal of spread 0 is its center,
** held to [lo, hi]; so is one with no mass inside (which rl_uparam_check
** refuses).  NAN for q outside [0, 1]. */
double rl_uparam_quantile(const rl_uparam *u, double q);

/* The probability of u's normal or lognormal distribution, untruncated,
** inside [lo, hi]; 1 for a uniform or triangular one.  A spread of 0:
** 1 with its center inside, else 0. */
double rl_uparam_mass(const rl_uparam *u);

/* rl_uparam_check refuses a truncation keeping less of the distribution
** than this: what is left is no longer the distribution given (a mean far
** outside [lo, hi] is its end, a point, whatever its sd). */
#define RL_UPARAM_MIN_MASS 1e-9

/* The low and high values of the tornado: the bounds of uniform and
** triangular distributions, the 5th and 95th percentiles of normal and
** lognormal ones as truncated to [lo, hi] (rl_uparam_quantile). */
void rl_uparam_range(const rl_uparam *u, double *low, double *high);

/* Check a distribution's numbers and, for a normal or lognormal one, that
** its truncation keeps at least RL_UPARAM_MIN_MASS of it; 0 or -1 with err
** ("SECTION.KEY: what"). */
int rl_uparam_check(const rl_uparam *u, char *err, size_t errlen);

/* Violations of a configuration: its die budget, and with r (may be
** NULL) the silicon model's flags and power.  power_cap_w: the power
** limit for a chip without a TDP (0: none). */
unsigned rl_violations(const rl_config *cfg, const rl_result *r,
                       double power_cap_w);

typedef struct {
	size_t samples;
	unsigned long seed;
	int threads;          /* 0: as many as the machine has, at most 16 */
	double target;        /* speedup to reach */
	double power_cap_w;   /* see rl_violations */
	int remap_b;          /* 1: each sample runs side b at its best mapping
	                      ** of its chips (rl_map_search), chosen again
	                      ** with the sample's values; 0: as given */
} rl_mc_opts;

/* A mapping of side b and the samples it won (remap_b). */
typedef struct {
	double tp, pp, dp, ep;
	size_t wins;
} rl_mc_map;

#define RL_MC_MAPS 32 /* distinct winning mappings kept (the rest: other) */

typedef struct {
	size_t samples, valid, failed;
	double p05, p50, p95, mean;
	double prob_ge_target;  /* of the valid (evaluated) samples */
	double violation_rate;  /* of all samples, failed ones included */
	size_t viol_count[4];   /* power, reticle, stacks, area */
	double *speedup;        /* per sample, NAN when it failed: a side
	                        ** not evaluable, or over its TDP at every
	                        ** clock (rl_eval_runnable: no speedup, as
	                        ** claim's metric reads it; still counted a
	                        ** power violation) */
	unsigned char *violates;/* per sample, the violation bits */
	rl_mc_map *chosen;      /* per sample, side b's mapping (remap_b) */
	rl_mc_map maps[RL_MC_MAPS]; /* the winners, most wins first */
	size_t nmaps;
	size_t maps_other;      /* wins of mappings past RL_MC_MAPS */
	double *drawn;          /* per sample, the value (display units)
	                        ** drawn for u[drawn_index], where
	                        ** rl_mc_record asked for it; else NULL */
	size_t drawn_index;
	double *drawn_all;      /* per sample i, u[k]'s draw at [i * nu + k]
	                        ** (display units), where rl_mc_record_all
	                        ** asked for every draw; else NULL */
	size_t drawn_nu;        /* nu of drawn_all */
} rl_mc_result;

rl_mc_result *rl_mc_alloc(size_t samples);
void rl_mc_free(rl_mc_result *r);
/* Keep, per sample, the value drawn for the uncertain parameter u[k] of
** the next rl_mc_run (r->drawn), so that its samples can be read under a
** condition on that parameter (the same draws: nothing else changes).
** 0, or -1 where memory ran out. */
int rl_mc_record(rl_mc_result *r, size_t k);
/* Keep every draw of the next rl_mc_run, whose u has nu parameters
** (r->drawn_all), for reading the samples under other distributions
** (model/mcrobust.h).  0, or -1 where memory ran out. */
int rl_mc_record_all(rl_mc_result *r, size_t nu);

/* Speedup = total tokens/s of b / that of a.  With o->remap_b, side b's
** mapping is chosen per sample (the best of every legal mapping of its
** chips, at that sample's values) and res->maps counts how often each
** mapping won, over the evaluated samples.  Returns 0, or -1 with err when
** the nominal configurations cannot be evaluated or a stream's generator
** could not be allocated ("out of memory"). */
int rl_mc_run(const rl_config *a, const rl_config *b, const rl_uparam *u,
              size_t nu, const rl_mc_opts *o, rl_mc_result *res, char *err,
              size_t errlen);

typedef struct {
	size_t index;          /* into the rl_uparam array */
	double low, high;      /* display units */
	double speedup_low, speedup_high; /* NAN where not evaluable */
	double swing;          /* |log(high / low speedup)| */
} rl_tornado_row;

/* rows[nu], sorted by swing, largest first.  Returns 0 or -1 + err. */
int rl_tornado(const rl_config *a, const rl_config *b, const rl_uparam *u,
               size_t nu, rl_tornado_row *rows, char *err, size_t errlen);

#endif
