/*
** loadopts.c: reading the load and latency-target options (loadopts.h).
*/
#include "loadopts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../config/num.h"
#include "options.h"

const char loadopts_help[] =
    "under load:\n"
    "  --rate R          requests/s to the whole system, Poisson arrivals "
    "(R > 0),\n"
    "                    or inf: all requests at once (needs --requests)\n"
    "  --requests N      requests in the run (1 .. 1e12; default: an "
    "endless stream)\n"
    "latency targets (seconds; without --rate: the highest throughput "
    "meeting them):\n"
    "  --ttft-max S  --tpot-max S  --e2e-max S     the means\n"
    "  --ttft-pNN-max S (and --tpot-, --e2e-)     the NNth percentile, "
    "0 < NN < 100\n";

static int target_name(const char *a, int *metric, double *pct, size_t *len,
                       char *err, size_t errlen)
{
	static const char *const m[RL_SLO_METRIC_COUNT] = {"--ttft-", "--tpot-",
	                                                   "--e2e-"};
	const char *p, *eq;
	size_t n, k;
	for (k = 0; k < RL_SLO_METRIC_COUNT; k++)
		if (!strncmp(a, m[k], strlen(m[k])))
			break;
	if (k == RL_SLO_METRIC_COUNT)
		return 0;
	p = a + strlen(m[k]);
	eq = strchr(p, '=');
	n = eq ? (size_t)(eq - a) : strlen(a);
	if (n < 4 || strncmp(a + n - 4, "-max", 4) != 0)
		return 0;
	*metric = (int)k;
	*len = n;
	*pct = 0;
	if (!strncmp(p, "max", 3) && p + 3 == a + n)
		return 1;
	if (*p == 'p') {
		char num[32], *end;
		size_t l = (size_t)(a + n - 4 - (p + 1));
		if (l == 0 || l >= sizeof num)
			goto bad;
		memcpy(num, p + 1, l);
		num[l] = '\0';
		*pct = strtod(num, &end);
		if (*end || !(*pct > 0 && *pct < 100))
			goto bad;
		return 1;
	}
	return 0;
bad:
	snprintf(err, errlen, "%.*s: the percentile must be a number in "
	         "(0, 100), e.g. --%s-p99-max", (int)n, a,
	         rl_slo_metric_name((int)k));
	return -1;
}

int loadopts_take(load_opts *lo, int argc, char **argv, int *i, char *err,
                  size_t errlen)
{
	const char *a = argv[*i], *v;
	int missing = 0, metric, rc;
	double pct;
	size_t len;

	if ((v = opt_value("--rate", argc, argv, i, &missing)) || missing) {
		char *end;
		double r;
		if (missing) {
			snprintf(err, errlen, "--rate needs a value");
			return -1;
		}
		r = !strcasecmp(v, "inf") ? INFINITY : strtod(v, &end);
		if (!isinf(r) && (*end || end == v))
			r = NAN;
		if (!(r > 0)) {
			snprintf(err, errlen, "--rate: '%s' is not a rate: requests/s "
			         "> 0, or inf (all requests at once)", v);
			return -1;
		}
		lo->have_rate = 1;
		lo->load.rate_rps = r;
		return 1;
	}
	if ((v = opt_value("--requests", argc, argv, i, &missing)) || missing) {
		if (missing) {
			snprintf(err, errlen, "--requests needs a value");
			return -1;
		}
		if (num_parse("--requests", v, 1, 1e12, &lo->load.requests, err,
		              errlen))
			return -1;
		if (lo->load.requests != floor(lo->load.requests)) {
			snprintf(err, errlen, "--requests: '%s' is not a whole number "
			         "in [1, 1e12]", v);
			return -1;
		}
		return 1;
	}
	rc = target_name(a, &metric, &pct, &len, err, errlen);
	if (rc <= 0)
		return rc;
	if (a[len] == '=') {
		v = a + len + 1;
	} else if (*i + 1 < argc) {
		v = argv[++*i];
	} else {
		snprintf(err, errlen, "%s needs a value (seconds)", a);
		return -1;
	}
	if (lo->nt >= RL_SLO_MAX) {
		snprintf(err, errlen, "more than %d latency targets", RL_SLO_MAX);
		return -1;
	}
	{
		char what[64];
		snprintf(what, sizeof what, "%.*s", (int)len, a);
		if (num_parse(what, v, 1e-9, 1e6, &lo->t[lo->nt].max_s, err,
		              errlen))
			return -1;
	}
	lo->t[lo->nt].metric = metric;
	lo->t[lo->nt].pct = pct;
	lo->nt++;
	return 1;
}

int loadopts_check(const load_opts *lo, char *err, size_t errlen)
{
	if (lo->load.requests > 0 && !lo->have_rate) {
		snprintf(err, errlen, "--requests needs --rate (inf: all at once)");
		return -1;
	}
	if (lo->have_rate && isinf(lo->load.rate_rps) && lo->load.requests < 1) {
		snprintf(err, errlen, "--rate inf (all requests at once) needs "
		         "--requests N (1 .. 1e12)");
		return -1;
	}
	return 0;
}
