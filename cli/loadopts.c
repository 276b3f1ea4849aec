/*
** loadopts.c: the load and latency-target options (loadopts.h).
*/
#include "loadopts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/numtext.h"
#include "../model/utf8.h"

/* --rate: requests/s > 0, or inf (all requests at once) */
static int take_rate(const opt_def *d, void *field, const char *name,
                     const char *v, char *err, size_t errlen)
{
	static const num_range rate = {0, INFINITY, NUM_LO_OPEN | NUM_INF,
	                               "a rate in requests/s"};
	load_opts *lo = field;
	(void)d;
	if (num_read(name, v, &rate, &lo->load.rate_rps, err, errlen))
		return -1;
	lo->have_rate = 1;
	return 1;
}

void loadopts_pct_text(double pct, char *buf, size_t len)
{
	int digits;
	for (digits = 6; digits < 17; digits++) {
		snprintf(buf, len, "%.*g", digits, pct);
		if (strtod(buf, NULL) == pct)
			return;
	}
	snprintf(buf, len, "%.17g", pct);
}

/* name as a target, --METRIC-max or --METRIC-pNN-max (metric from d's
** prefix): 1 with *pct (0: the mean), 0 when it is no target, -1 with err
** on a bad percentile. */
static int target_of(const opt_def *d, const char *name, double *pct,
                     char *err, size_t errlen)
{
	static const num_range pr = {0, 100, NUM_LO_OPEN, NULL};
	const char *p = name + strlen(d->name);
	size_t n = strlen(p);
	char num[32];
	*pct = 0;
	if (n < 3 || strcmp(p + n - 3, "max") || (n > 3 && p[n - 4] != '-'))
		return 0;
	if (n == 3)
		return 1;
	if (*p != 'p')
		return 0;
	if (n - 5 == 0 || n - 5 >= sizeof num ||
	    (memcpy(num, p + 1, n - 5), num[n - 5] = '\0',
	     num_read(name, num, &pr, pct, err, errlen)) ||
	    *pct >= 100) {
		snprintf(err, errlen, "%s: the percentile must be a number in "
		         "(0, 100), e.g. %sp99-max", name, d->name);
		return -1;
	}
	return 1;
}

int loadopts_take_target(const opt_def *d, void *field, const char *name,
                         const char *v, char *err, size_t errlen)
{
	static const num_range secs = {1e-9, 1e6, 0, NULL};
	load_opts *lo = field;
	double pct;
	int rc = target_of(d, name, &pct, err, errlen);
	if (rc <= 0 || !field)
		return rc;
	if (lo->nt >= RL_SLO_MAX) {
		snprintf(err, errlen, "more than %d latency targets", RL_SLO_MAX);
		return -1;
	}
	if (d->ival == RL_SLO_E2E && pct > 0) {
		/* the model gives the end-to-end latency's mean alone (e2e_s):
		** a percentile of it was checked against the mean, "e2e p99
		** 5000.0 ms: met" beside a TTFT p99 three times its mean */
		char pt[32];
		loadopts_pct_text(pct, pt, sizeof pt);
		snprintf(err, errlen, "%s: the end-to-end latency has a mean "
		         "only in this model (e2e_s, no spread between requests), "
		         "so its percentiles cannot be checked; give --e2e-max S "
		         "(the mean), or --ttft-p%s-max and --tpot-p%s-max",
		         name, pt, pt);
		return -1;
	}
	for (int k = 0; k < lo->nt; k++)
		if (lo->t[k].metric == d->ival && lo->t[k].pct == pct) {
			/* --ttft-max 1 --ttft-max 2 (or --ttft-p99-max and
			** --ttft-p99.0-max): both were kept and printed as two
			** targets, "ttft mean <= 1000 ms, ttft mean <= 2000 ms" */
			char what[32], was[32];
			if (pct > 0) {
				what[0] = 'p';
				loadopts_pct_text(pct, what + 1, sizeof what - 1);
			} else
				snprintf(what, sizeof what, "mean");
			snprintf(err, errlen, "%s: the %s %s target is given twice "
			         "(%s s, then '%.*s'): give it once", name,
			         rl_slo_metric_name(d->ival), what,
			         /* as given, in all its digits (rl_number_write) */
			         rl_number_write(lo->t[k].max_s, was, sizeof was),
			         rl_utf8_cut(v ? v : "", 200), v ? v : "");
			return -1;
		}
	if (num_read(name, v, &secs, &lo->t[lo->nt].max_s, err, errlen))
		return -1;
	lo->t[lo->nt].metric = d->ival;
	lo->t[lo->nt].pct = pct;
	lo->nt++;
	return 1;
}

void loadopts_unit_notes(const char *cmd, const load_opts *lo)
{
	int k;
	for (k = 0; k < lo->nt; k++) {
		const rl_slo *t = &lo->t[k];
		char opt[48], pt[32], v[32], ms[40];
		double ms_at = t->metric == RL_SLO_TPOT ? 10
		               : t->metric == RL_SLO_TTFT ? 100 : 0;
		if (!(ms_at > 0 && t->max_s >= ms_at))
			continue;
		if (t->pct > 0) {
			loadopts_pct_text(t->pct, pt, sizeof pt);
			snprintf(opt, sizeof opt, "--%s-p%s-max",
			         rl_slo_metric_name(t->metric), pt);
		} else {
			snprintf(opt, sizeof opt, "--%s-max",
			         rl_slo_metric_name(t->metric));
		}
		/* the value as given and the option that means it in ms, in
		** all their digits (rl_number_write: 12.345678 ms is
		** 0.012345678, where %g wrote 12.3457 and 0.0123457); the
		** second the decimal given moved three places (rl_number_shift),
		** where max_s / 1000 wrote 0.012345677999999999 */
		rl_number_write(t->max_s, v, sizeof v);
		fprintf(stderr, "rooflab %s: note: %s %s is %s s %s; the targets "
		        "are in seconds: %s ms is %s %s\n", cmd, opt, v, v,
		        t->metric == RL_SLO_TPOT ? "per output token"
		                                 : "to the first token",
		        v, opt, rl_number_shift(t->max_s, -3, ms, sizeof ms));
	}
}

#define TARGET(PREFIX, METRIC, SHOWN, HELP)                                \
	LOADOPTS_TARGET(0, PREFIX, METRIC, SHOWN, HELP)

static const opt_def load_opts_table[] = {
    OPT_CALL_ALL("--rate", "R", take_rate, 0,
                 "requests/s to the whole system, Poisson arrivals (R > 0),\n"
                 "or inf: all requests at once (needs --requests)"),
    OPT_NUM("--requests", load_opts, load.requests, "N", 1, 1e12, NUM_WHOLE,
            "requests in the run (default: an endless stream); without\n"
            "--rate: N sent at once at maximum load, served in waves\n"
            "where the profile says so (profile.burst_waves)"),
    TARGET("--ttft-", RL_SLO_TTFT, "--ttft-max S",
           "latency targets in seconds, the means; without --rate:"),
    TARGET("--tpot-", RL_SLO_TPOT, "--tpot-max S",
           "the highest throughput meeting them"),
    TARGET("--e2e-", RL_SLO_E2E, "--e2e-max S", "(end to end)"),
    {.type = OPT_T_FLAG, .name = "--ttft-pNN-max", .arg = "S",
     .help = "(and --tpot-pNN-max) the NNth percentile, 0 < NN < 100;\n"
             "the end to end has a mean only",
     .flags = OPT_HELP_ONLY},
    OPT_LAST};

const opt_def eval_load_table[] = {
    OPT_SUB(eval_load_args, o, eval_opts_table),
    OPT_SUB(eval_load_args, lo, load_opts_table),
    OPT_LAST};

int loadopts_check(const load_opts *lo, char *err, size_t errlen)
{
	if (lo->have_rate && isinf(lo->load.rate_rps) && lo->load.requests < 1) {
		snprintf(err, errlen, "--rate inf (all requests at once) needs "
		         "--requests N (1 .. 1e12)");
		return -1;
	}
	return 0;
}
