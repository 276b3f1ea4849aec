/*
** loadout.c: tables and JSON for serving under load (loadout.h).
*/
#include "loadout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evalout.h"
#include "loadopts.h"
#include "../model/cost.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../model/precision.h"

typedef struct {
	const char *name;   /* JSON key, SI value */
	const char *unit;   /* display unit */
	double div;         /* display value = value / div */
	size_t off;         /* offsetof in rl_load_result */
	const char *doc;
} load_row;

#define ROW(n, u, d, f, doc) {n, u, d, offsetof(rl_load_result, f), doc}
static const load_row rows[] = {
    ROW("offered_requests_per_s", "req/s", 1, offered_rps,
        "the rate asked for, whole system"),
    ROW("capacity_requests_per_s", "req/s", 1, capacity_rps,
        "requests/s at maximum load"),
    ROW("utilization", "", 1, utilization, "offered / capacity"),
    ROW("concurrency", "seqs", 1, concurrency,
        "sequences in flight per replica (mean)"),
    ROW("max_concurrency", "seqs", 1, max_concurrency,
        "per replica at maximum load"),
    ROW("ttft_mean_s", "ms", 1e-3, ttft_mean_s, "time to first token, mean"),
    ROW("ttft_p50_s", "ms", 1e-3, ttft_p50_s, "median"),
    ROW("ttft_p90_s", "ms", 1e-3, ttft_p90_s, "90th percentile"),
    ROW("ttft_p99_s", "ms", 1e-3, ttft_p99_s, "99th percentile"),
    ROW("prefill_s", "ms", 1e-3, prefill_s,
        "of which the prefill and the front end (frontend_ms)"),
    ROW("wait_mean_s", "ms", 1e-3, wait_mean_s,
        "and the wait (iteration, admission, budget), mean"),
    ROW("tpot_s", "ms", 1e-3, tpot_s, "time per output token (inter-token)"),
    ROW("tpot_p50_s", "ms", 1e-3, tpot_p50_s,
        "a request's TPOT over requests: median"),
    ROW("tpot_p90_s", "ms", 1e-3, tpot_p90_s, "90th percentile"),
    ROW("tpot_p99_s", "ms", 1e-3, tpot_p99_s, "99th percentile"),
    ROW("e2e_s", "s", 1, e2e_s, "end-to-end latency, mean"),
    ROW("requests_per_s", "req/s", 1, requests_per_s, "achieved, system"),
    ROW("output_tokens_per_s", "tokens/s", 1, output_tps, "system"),
    ROW("total_tokens_per_s", "tokens/s", 1, total_tps, "system"),
    ROW("output_tokens_per_s_per_chip", "tokens/s", 1, output_tps_per_chip,
        "per chip"),
    ROW("total_tokens_per_s_per_chip", "tokens/s", 1, total_tps_per_chip,
        "per chip"),
    ROW("duration_s", "s", 1, duration_s,
        "finite run: first arrival to last token"),
    ROW("queue_growth_requests_per_s", "req/s", 1, queue_growth_rps,
        "saturated: the queue grows by"),
};

static double row_value(const load_row *r, const rl_load_result *lr)
{
	double v;
	memcpy(&v, (const char *)lr + r->off, sizeof v);
	return v;
}

static int row_shown(const load_row *r, const rl_load_result *lr)
{
	if (r->off == offsetof(rl_load_result, duration_s))
		return lr->duration_s > 0;
	if (r->off == offsetof(rl_load_result, queue_growth_rps))
		return lr->regime == RL_LOAD_SATURATED;
	return 1;
}

void loadout_json(json_w *w, const char *key, const rl_load_result *lr)
{
	size_t i;
	json_obj(w, key);
	json_str(w, "regime", rl_load_regime_name(lr->regime));
	json_bool(w, "saturated", lr->regime != RL_LOAD_STEADY);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (row_shown(&rows[i], lr))
			json_num(w, rows[i].name, row_value(&rows[i], lr));
	json_end(w);
}

static const char *regime_text(int regime)
{
	switch (regime) {
	case RL_LOAD_STEADY:
		return "below capacity (steady state)";
	case RL_LOAD_SATURATED:
		return "SATURATED: the rate reaches the capacity; the queue grows "
		       "without bound (TTFT unbounded); saturated figures below";
	case RL_LOAD_OVERLOAD:
		return "past capacity: the backlog of the finite run drains in "
		       "arrival order";
	default:
		return "burst: every request at t = 0, drained in arrival order";
	}
}

void loadout_table(FILE *f, const rl_load_result *lr)
{
	size_t i;
	fprintf(f, "\nunder load: %s\n", regime_text(lr->regime));
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		double v = row_value(&rows[i], lr);
		char val[96];
		if (!row_shown(&rows[i], lr))
			continue;
		if (isinf(v))
			snprintf(val, sizeof val, "%s", isinf(lr->offered_rps) &&
			         rows[i].off == offsetof(rl_load_result, offered_rps)
			             ? "inf" : "unbounded");
		else
			evalout_value(val, sizeof val, v / rows[i].div, rows[i].unit);
		fprintf(f, "  %-32s %20s   %s\n", rows[i].name, val, rows[i].doc);
	}
}

/* A target's name: "ttft p99", "tpot mean". */
void loadout_target_name(const rl_slo *t, char *buf, size_t len)
{
	if (t->pct > 0) {
		char pt[32];
		loadopts_pct_text(t->pct, pt, sizeof pt);
		snprintf(buf, len, "%s p%s", rl_slo_metric_name(t->metric), pt);
	} else
		snprintf(buf, len, "%s mean", rl_slo_metric_name(t->metric));
}

void loadout_targets_json(json_w *w, const rl_slo *t, int n,
                          const rl_load_result *lr)
{
	int k;
	json_arr(w, "targets");
	for (k = 0; k < n; k++) {
		json_obj(w, NULL);
		json_str(w, "metric", rl_slo_metric_name(t[k].metric));
		if (t[k].pct > 0)
			json_num(w, "percentile", t[k].pct);
		else
			json_str(w, "percentile", "mean");
		json_num(w, "max_s", t[k].max_s);
		if (lr) {
			double v = rl_slo_value(lr, &t[k]);
			json_num(w, "value_s", v);
			json_bool(w, "met", v <= t[k].max_s);
		}
		json_end(w);
	}
	json_end(w);
}

/* A value v beside a ceiling lim that it meets or not (met), as eval's
** figure with unit, or where that figure reads on the other side of lim,
** with as many more decimals as put it back on v's side
** (rl_fig_text_beside): 4.2417 ms over a target of 4.2409 ms read "4.24
** ms ... MISSED", now "4.242 ms", and 34.973 ms under 34.986 ms "35.0 ms
** ... met", now "34.97 ms".  The one rule of the targets table and of the
** NONE line above it. */
static void value_beside(char *buf, size_t len, double v, double lim,
                         int met, const char *unit)
{
	char num[64];
	rl_fig_text_beside(num, sizeof num, v, lim, met);
	snprintf(buf, len, "%s%s%s", num, unit[0] ? " " : "", unit);
}

void loadout_targets_table(FILE *f, const rl_slo *t, int n,
                           const rl_load_result *lr)
{
	int k;
	fprintf(f, "\ntargets\n");
	for (k = 0; k < n; k++) {
		char name[48], val[80], lim[64], ms[48];
		double v = lr ? rl_slo_value(lr, &t[k]) : NAN;
		loadout_target_name(&t[k], name, sizeof name);
		/* the target as given, in all its digits, in ms
		** (rl_number_shift), as the NONE line above the table says
		** it: 32.31 ms in both, where eval's figure rounded it to
		** 32.3 here */
		snprintf(lim, sizeof lim, "%s ms",
		         rl_number_shift(t[k].max_s, 3, ms, sizeof ms));
		if (!lr)
			snprintf(val, sizeof val, "-");
		else if (isinf(v))
			snprintf(val, sizeof val, "unbounded");
		else
			/* on the side of the target its verdict says, read
			** against the target as printed */
			value_beside(val, sizeof val, v * 1e3, strtod(ms, NULL),
			             v <= t[k].max_s, "ms");
		fprintf(f, "  %-32s %20s   target <= %s%s\n", name, val, lim,
		        !lr ? "" : v <= t[k].max_s ? ": met" : ": MISSED");
	}
}

void loadout_usd_at(const rl_config *cfg, const rl_result *full,
                    const rl_load_result *lr, loadout_usd *u)
{
	rl_usd_per_mtok_pair(&cfg->cost, full->chip_cost_usd,
	                     full->chip_price_usd, rl_scen_chips(&cfg->scen),
	                     full->power_w, lr->output_tps, &u->at_cost,
	                     &u->at_price);
}

void loadout_search_json(json_w *w, const rl_slo *t, int n,
                         const rl_slo_result *sr, const loadout_usd *u)
{
	json_obj(w, "best_under_targets");
	json_bool(w, "met", sr->met);
	if (sr->met) {
		/* what sets the rate: a target, or the capacity where every
		** target holds up to it (the saturation rate, rl_slo_result) */
		json_str(w, "limited_by", sr->at_capacity ? "capacity"
		                                          : "targets");
		loadout_targets_json(w, t, n, &sr->best);
		loadout_json(w, "load", &sr->best);
		if (u) {
			json_obj(w, "cost");
			json_num(w, "usd_per_million_tokens_at_cost", u->at_cost);
			json_num(w, "usd_per_million_tokens_at_price", u->at_price);
			json_end(w);
		}
	} else {
		loadout_targets_json(w, t, n, NULL);
		json_obj(w, "unmet");
		json_str(w, "metric", rl_slo_metric_name(t[sr->failed].metric));
		if (t[sr->failed].pct > 0)
			json_num(w, "percentile", t[sr->failed].pct);
		else
			json_str(w, "percentile", "mean");
		json_num(w, "max_s", t[sr->failed].max_s);
		json_num(w, "unloaded_s", sr->unloaded_s);
		json_str(w, "reason", "below the latency without load: no rate "
		                      "and no concurrency meets it");
		json_end(w);
	}
	json_end(w);
}

void loadout_search_table(FILE *f, const rl_slo *t, int n,
                          const rl_slo_result *sr, const loadout_usd *u)
{
	if (!sr->met) {
		char name[48], a[64], b[80], x[80];
		double max_s = t[sr->failed].max_s;
		loadout_target_name(&t[sr->failed], name, sizeof name);
		/* the target as given, in all its digits, in ms (the decimal
		** moved, rl_number_shift), where eval's rule rounded a target
		** of 0.09189274773 s to 91.9 ms beside the same figure of a
		** latency over it */
		rl_number_shift(max_s, 3, a, sizeof a);
		/* by how much: the latency without load over the target, as
		** eval's figures say it (a rate only adds to it), each on the
		** target's side it is on by the targets table's rule
		** (value_beside: more decimals, 32.312 ms and 1.0001x, where
		** rl_fig_text_side moved the last digit, 32.4 ms and 1.01x;
		** just over 32.31 ms read 32.3 ms and 1.00x before either) */
		value_beside(b, sizeof b, sr->unloaded_s * 1e3, strtod(a, NULL),
		             sr->unloaded_s <= max_s, "ms");
		value_beside(x, sizeof x, sr->unloaded_s / max_s, 1,
		             sr->unloaded_s <= max_s, "");
		fprintf(f, "\nbest under the targets: NONE: no concurrency meets "
		        "%s <= %s ms; without any load it is already %s, %sx the "
		        "target\n", name, a, b, x);
		loadout_targets_table(f, t, n, NULL);
		return;
	}
	{
		/* the figures as the table below writes them (evalout_value),
		** where %.4g gave "1.009e+04 output tokens/s" */
		char rps[64], otps[64], per[64], conc[64];
		evalout_value(rps, sizeof rps, sr->best.requests_per_s, "");
		evalout_value(otps, sizeof otps, sr->best.output_tps, "");
		evalout_value(per, sizeof per, sr->best.output_tps_per_chip, "");
		evalout_value(conc, sizeof conc, sr->best.concurrency, "");
		fprintf(f, "\nbest under the targets: %s requests/s, %s output "
		        "tokens/s (%s per chip) at a concurrency of %s per "
		        "replica\n", rps, otps, per, conc);
		if (sr->at_capacity)
			fprintf(f, "  the saturation rate: every target holds up "
			        "to the capacity (none bounds the\n  queue's "
			        "wait, which enters TTFT and E2E alone), so the "
			        "rate is the capacity's,\n  less 1e-9 of it, "
			        "where the mean wait grows as 1 / (1 - rho) "
			        "without bound;\n  a TTFT target gives a rate the "
			        "queue holds\n");
	}
	if (u) {
		/* as eval's cost rows write them (evalout_value), n/a where
		** the chip has no manufacturing cost or no price */
		char c[64], p[64];
		if (isfinite(u->at_cost))
			evalout_value(c, sizeof c, u->at_cost, "");
		else
			snprintf(c, sizeof c, "n/a");
		if (isfinite(u->at_price))
			evalout_value(p, sizeof p, u->at_price, "");
		else
			snprintf(p, sizeof p, "n/a");
		if (!isfinite(u->at_cost) && !isfinite(u->at_price))
			fprintf(f, "  there: no cost per token (the chip preset "
			        "gives neither a manufacturing cost nor a price)"
			        "\n");
		else
			fprintf(f, "  there: USD %s per million output tokens "
			        "with the chips at cost, %s at\n  their price "
			        "(chips amortized, energy at the full-load power "
			        "per chip)\n", c, p);
	}
	loadout_targets_table(f, t, n, &sr->best);
	loadout_table(f, &sr->best);
}
