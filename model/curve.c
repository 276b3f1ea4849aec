/*
** curve.c: the interactivity curve (rl_curve, load.h): throughput per chip
** against output tokens/s per user (1 / TPOT) as the concurrency per
** replica goes from 1 to the maximum, in geometric steps, the maximum last.
** Each point is the engine at that concurrency cap at full load: the
** closed-loop benchmark of the published charts (a fixed number of users
** each sending the next request when the last one ends).
*/
#include "load.h"
#include "mapsearch.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int point(const rl_config *cfg, double n, rl_curve_point *p,
                 rl_result *r)
{
	rl_config c = *cfg;
	int rc;
	c.scen.batch = n;
	if ((rc = rl_eval(&c, r)) != RL_OK)
		return rc;
	p->concurrency = r->concurrency;
	p->limit = r->concurrency_limit;
	/* over the TDP at every clock: rl_eval's figures are at full clock,
	** which the chip cannot run at (rl_eval_runnable, as map, claim and
	** sweeps read it): none of them, its power at the lowest clock */
	p->over_tdp = rl_eval_runnable(rc, r) == RL_EPOWER;
	p->lowest_w = p->over_tdp ? r->power_lowest_w : NAN;
	if (p->over_tdp) {
		p->tpot_s = p->ttft_s = p->tps_per_user = NAN;
		p->output_tps = p->output_tps_per_chip = NAN;
		return RL_OK;
	}
	p->tpot_s = r->tpot_s;
	p->ttft_s = r->ttft_s;
	p->tps_per_user = r->tpot_s > 0 ? 1 / r->tpot_s : 1 / r->ttft_s;
	p->output_tps = r->output_tps;
	p->output_tps_per_chip = r->output_tps_per_chip;
	return RL_OK;
}

int rl_curve(const rl_config *cfg, double step, rl_curve_point *pts,
             int max, char *err, size_t errlen)
{
	rl_result r;
	double nmax, n;
	int k = 0, rc;
	if (max < 1)
		return 0;
	if (!(step > 1))
		step = 2;
	if ((rc = rl_eval(cfg, &r)) != RL_OK) {
		snprintf(err, errlen, "%s", r.error);
		if (rc == RL_ENOFIT) /* the mappings, or chips, that would fit */
			rl_map_fit_hint(cfg, err, errlen);
		return -1;
	}
	nmax = r.concurrency;
	for (n = 1; n < nmax * (1 - 1e-9) && k < max - 1; n *= step) {
		if ((rc = point(cfg, n, &pts[k], &r)) != RL_OK) {
			snprintf(err, errlen, "%s", r.error);
			return -1;
		}
		k++;
	}
	if (point(cfg, nmax, &pts[k], &r) != RL_OK) {
		snprintf(err, errlen, "%s", r.error);
		return -1;
	}
	return k + 1;
}
