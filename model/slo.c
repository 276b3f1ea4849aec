/*
** slo.c: the highest request rate whose latencies meet targets
** (rl_slo_search, load.h).
**
** Every latency of the load model rises with the rate (the batch grows,
** each iteration slows, the queue lengthens), so the rates meeting a set of
** targets form an interval (0, lambda*): lambda* is found by bisection
** between a vanishing rate and the capacity.  A target that is missed even
** at a vanishing rate (below the unloaded latency) is met by no load and no
** concurrency: that is reported (met = 0), not an error.  The admission
** queue of the load model has rho -> 1 as the rate reaches the capacity
** (load.c, its header's 2), so the mean TTFT grows without bound there and
** a TTFT or E2E target binds below it (one longer than the wait at 1 -
** 1e-9 of the capacity, millions of service times, aside); a set of
** targets that holds up to the capacity (a TPOT target alone) reports the
** saturation rate, labelled (at_capacity), not a rate the queue holds.
*/
#include "load.h"

#include <math.h>
#include <string.h>

#define RATE_STEPS 60
#define RATE_LOW 1e-6  /* the vanishing rate, a share of the capacity */
#define RATE_HIGH (1 - 1e-9)

const char *rl_slo_metric_name(int metric)
{
	static const char *const names[RL_SLO_METRIC_COUNT] = {"ttft", "tpot",
	                                                       "e2e"};
	return metric >= 0 && metric < RL_SLO_METRIC_COUNT ? names[metric]
	                                                   : "?";
}

double rl_slo_value(const rl_load_result *lr, const rl_slo *t)
{
	switch (t->metric) {
	case RL_SLO_TTFT:
		return t->pct > 0 ? rl_ttft_quantile(&lr->ttft, t->pct / 100)
		                  : lr->ttft_mean_s;
	case RL_SLO_TPOT:
		return t->pct > 0 ? rl_tpot_quantile(&lr->tpot, t->pct / 100)
		                  : lr->tpot_s;
	default:
		return lr->e2e_s;
	}
}

/* The first target lr misses, or -1. */
static int first_miss(const rl_load_result *lr, const rl_slo *t, int n)
{
	int k;
	for (k = 0; k < n; k++)
		if (!(rl_slo_value(lr, &t[k]) <= t[k].max_s))
			return k;
	return -1;
}

int rl_slo_search(const rl_config *cfg, const rl_slo *t, int n,
                  rl_slo_result *out)
{
	rl_load ld = {0, 0};
	rl_load_result *lr = &out->best;
	rl_result rmax;
	/* one design at every rate: one cache for all of them (the same
	** results; each rl_load_eval worked out the design's setup again) */
	rl_eval_cache cache;
	double cap, lo, hi;
	int rc, s, miss;

	memset(out, 0, sizeof *out);
	cache.valid = 0;
	if ((rc = rl_eval_cached(cfg, &cache, &rmax)) != RL_OK) {
		memcpy(lr->error, rmax.error, sizeof lr->error);
		return rc;
	}
	cap = rmax.requests_per_s;
	ld.rate_rps = cap * RATE_LOW;
	if ((rc = rl_load_eval_cached(cfg, &ld, &cache, lr)) != RL_OK)
		return rc;
	miss = first_miss(lr, t, n);
	if (miss >= 0) {
		out->failed = miss;
		out->unloaded_s = rl_slo_value(lr, &t[miss]);
		return RL_OK;
	}
	out->met = 1;
	lo = RATE_LOW;
	hi = RATE_HIGH;
	ld.rate_rps = cap * hi;
	if ((rc = rl_load_eval_cached(cfg, &ld, &cache, lr)) != RL_OK)
		return rc;
	if (first_miss(lr, t, n) < 0) {
		/* met up to capacity: no target binds (the wait enters none of
		** them); the saturation rate, labelled so */
		out->at_capacity = 1;
		return RL_OK;
	}
	for (s = 0; s < RATE_STEPS && hi - lo > 1e-7 * hi; s++) {
		double mid = 0.5 * (lo + hi);
		ld.rate_rps = cap * mid;
		if ((rc = rl_load_eval_cached(cfg, &ld, &cache, lr)) != RL_OK)
			return rc;
		if (first_miss(lr, t, n) < 0)
			lo = mid;
		else
			hi = mid;
	}
	ld.rate_rps = cap * lo;
	return rl_load_eval_cached(cfg, &ld, &cache, lr);
}
