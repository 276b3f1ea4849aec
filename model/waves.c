/*
** waves.c: a finite run of identical requests released at once, served
** in waves of the whole requests the engine admits (waves.h has the model
** and its reasons).
*/
#include "waves.h"

#include <math.h>

#include "benchrule.h"

double rl_waves_blur(double n, double isl, double osl, double budget)
{
	double b = n * isl / budget / osl;
	return b < 0 ? 0 : b > 1 ? 1 : b;
}

double rl_waves_split(double per, double n, double *last)
{
	double w = ceil(per / n - 1e-9);
	if (w < 1)
		w = 1;
	*last = per - (w - 1) * n;
	return w;
}

/* requests/s per replica of cfg's engine holding at most m sequences */
static int rate_at(const rl_config *cfg, double m, double reps, double *x)
{
	rl_config c = *cfg;
	rl_result r;
	int rc;
	c.scen.batch = m;
	rc = rl_eval(&c, &r);
	if (rc != RL_OK)
		return rc;
	*x = r.requests_per_s / reps;
	return RL_OK;
}

int rl_eval_run(const rl_config *cfg, double requests, rl_result *r)
{
	double reps, per, n, w, p, x_full, x_last, t, b, left, scale;
	rl_config c;
	int rc = rl_eval(cfg, r);
	if (rc != RL_OK || !(cfg->prof.burst_waves > 0.5) || !(requests >= 1) ||
	    !(cfg->scen.osl > 1) ||
	    (r->concurrency_limit != RL_LIMIT_MEMORY &&
	     r->concurrency_limit != RL_LIMIT_BATCH &&
	     r->concurrency_limit != RL_LIMIT_TOKENS) ||
	    !(r->requests_per_s > 0))
		return rc;
	reps = r->replicas >= 1 ? r->replicas : 1;
	/* the busiest replica's share ends the run */
	per = ceil(requests / reps - 1e-9);
	/* whole requests admitted at once (the KV cache and max_batch_size
	** count whole requests); the token budget caps a rate of tokens, the
	** concurrency it allows an average, not rounded */
	n = r->concurrency;
	if (r->concurrency_limit != RL_LIMIT_TOKENS)
		n = floor(n + 1e-9);
	if (n < 1)
		n = 1;
	w = rl_waves_split(per, n, &p);
	x_full = r->requests_per_s / reps;
	if (n < r->concurrency && (rc = rate_at(cfg, n, reps, &x_full)) != RL_OK)
		return rc;
	x_last = x_full;
	if (p < n && (rc = rate_at(cfg, p, reps, &x_last)) != RL_OK)
		return rc;
	t = (w - 1) * n / x_full + p / x_last;
	/* the token budget the engine ran with (the harness's, where its
	** rule picks it) sets how far a wave's prompts spread: what the
	** wave's requests already decoding leave of it, n / 2 of them on
	** average while it is admitted (as engine.c takes the decode tokens
	** out of the budget before the prompts' chunks) */
	c = *cfg;
	rl_batch_rule_apply(&c);
	left = c.prof.max_num_tokens - n / 2;
	b = rl_waves_blur(n, cfg->scen.isl, cfg->scen.osl, left > 1 ? left : 1);
	t = (1 - b) * t + b * requests / r->requests_per_s;
	scale = (requests / t) / r->requests_per_s;
	r->requests_per_s *= scale;
	r->output_tps *= scale;
	r->total_tps *= scale;
	r->output_tps_per_chip *= scale;
	r->total_tps_per_chip *= scale;
	return RL_OK;
}
