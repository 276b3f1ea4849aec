/*
** mapsearch.c: the search over every legal mapping of a system's chips,
** each one evaluated and ranked (mapsearch.h's rl_map_search).  Apart from
** mapping.c because it calls rl_eval, which reaches mapping.c through the
** engine.
*/
#include "mapsearch.h"
#include "mapping.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double rl_map_rank_value(const rl_map_entry *e, int rank_by)
{
	switch (rank_by) {
	case RL_RANK_TOKENS_PER_J: return e->tokens_per_j;
	case RL_RANK_USD_COST: return e->usd_cost;
	case RL_RANK_USD_PRICE: return e->usd_price;
	case RL_RANK_TTFT: return e->ttft_s;
	case RL_RANK_TPOT: return e->tpot_s;
	default: return e->output_tps;
	}
}

/* a before b in the ranking by key (rl_map_rank): within the limits
** first, then the runnable (a mapping that does not fit or is over its
** TDP at every clock last under every key: this test alone puts it there,
** whatever its figures), then a known figure before an unknown one (a
** runnable mapping's figure that is NaN), then the higher (throughput,
** tokens per joule) or the lower (cost, latency); ties by output
** tokens/s, then fewer pp, tp, ep, the order the default ranking always
** had (rl_map_before, mapsearch.h) */
int rl_map_before(const rl_map_entry *a, const rl_map_entry *b, int key)
{
	if (a->meets != b->meets)
		return a->meets > b->meets;
	if ((a->rc == RL_OK) != (b->rc == RL_OK))
		return a->rc == RL_OK;
	if (key != RL_RANK_OUTPUT_TPS) {
		double x = rl_map_rank_value(a, key), y = rl_map_rank_value(b, key);
		int hi = key == RL_RANK_TOKENS_PER_J;
		if (isnan(x) != isnan(y))
			return !isnan(x);
		if (!isnan(x) && x != y)
			return hi ? x > y : x < y;
	}
	/* (a NaN output tokens/s after a known one, as the key's figure
	** above: 'NaN != x' held and 'NaN > x' did not, either way, so the
	** one inserted first stayed first, a NaN at the top included) */
	if (isnan(a->output_tps) != isnan(b->output_tps))
		return !isnan(a->output_tps);
	if (!isnan(a->output_tps) && a->output_tps != b->output_tps)
		return a->output_tps > b->output_tps;
	if (a->pp != b->pp)
		return a->pp < b->pp;
	if (a->tp != b->tp)
		return a->tp < b->tp;
	return a->ep < b->ep;
}

int rl_map_meets(const rl_map_limits *lim, double ttft_s, double tpot_s)
{
	/* 'at most' written so that NaN misses ('NaN > limit' is false: a
	** latency unknown met every limit and ranked among those meeting
	** them) */
	return !(lim && lim->ttft_max_s > 0 && !(ttft_s <= lim->ttft_max_s)) &&
	       !(lim && lim->tpot_max_s > 0 && !(tpot_s <= lim->tpot_max_s));
}

/* e into the ranked list out (n kept, at most max); where it went, or
** max where it was cut */
static size_t insert(rl_map_entry *out, size_t *n, size_t max,
                     const rl_map_entry *e, int key)
{
	size_t i = *n < max ? *n : max;
	if (i == max && (max == 0 || !rl_map_before(e, &out[max - 1], key)))
		return max;
	if (i == max)
		i = max - 1;
	while (i > 0 && rl_map_before(e, &out[i - 1], key)) {
		out[i] = out[i - 1];
		i--;
	}
	out[i] = *e;
	if (*n < max)
		(*n)++;
	return i;
}

/* A mapping tp x pp x ep of n chips (dp = n / tp / pp) met by walk;
** nonzero ends the walk. */
typedef int (*map_visit)(void *ctx, long long n, long long tp, long long pp,
                         long long dp, long long ep);

/* What a walk passes over unmet: mappings rl_mapping_check refuses
** before anything is evaluated (tp not dividing the heads, its first
** test; pp above the layers; ep above 1 on a dense model, experts <= 1,
** refused by one test or another: half the visits of a dense model's
** walk), and those whose tp x pp x ep is under least (0: none). */
typedef struct {
	long long heads;
	double layers;
	int dense;
	long long least;
} walk_prunes;

static walk_prunes prunes_of(const rl_config *cfg, long long least)
{
	walk_prunes p;
	p.heads = (long long)cfg->model.heads;
	p.layers = cfg->model.layers;
	/* (mapping.c's MF_EP_DENSE test, as it is: a NaN is not dense) */
	p.dense = cfg->model.experts <= 1;
	p.least = least;
	return p;
}

/* The divisors of n (>= 1) in increasing order into d (room for max),
** as rl_divisor_after visits them; how many, or 0 where there are more
** than max. */
static size_t divisors_of(long long n, long long *d, size_t max)
{
	size_t k = 0;
	long long e;
	for (e = rl_divisor_after(n, 0); e; e = rl_divisor_after(n, e)) {
		if (k == max)
			return 0;
		d[k++] = e;
	}
	return k;
}

/* Every mapping of n chips but the pruned: tp, then pp, then ep, each
** over its divisors in increasing order, as trial division by every
** number up to n visited them (the search's ranking keeps that order in
** its ties; the fewest-chips search takes the first that fits).  1 when a
** visit ended it, else 0.  The divisors of n/tp and of dp are those of
** n that divide them: n's are found once (divisors_of), where each loop
** found its own by rl_divisor_after, a trial division per step (a
** claim's Monte Carlo walks 8 chips in every sample: about 1,500
** instructions a walk, tests/BENCH.md); more than WALK_DIVS of them
** (no number of chips below 10^9) walk as before. */
#define WALK_DIVS 1536
static int walk(long long n, const walk_prunes *pr, map_visit visit,
                void *ctx)
{
	long long d[WALK_DIVS], tp, pp, ep;
	size_t k = n >= 1 ? divisors_of(n, d, WALK_DIVS) : 0, i, j, l;
	if (n >= 1 && k == 0) {
		for (tp = rl_divisor_after(n, 0); tp;
		     tp = rl_divisor_after(n, tp)) {
			if (pr->heads % tp) /* (a test of rl_mapping_check) */
				continue;
			for (pp = rl_divisor_after(n / tp, 0);
			     pp && (double)pp <= pr->layers;
			     pp = rl_divisor_after(n / tp, pp)) {
				long long dp = n / tp / pp;
				for (ep = rl_divisor_after(dp, 0);
				     ep && !(ep > 1 && pr->dense);
				     ep = rl_divisor_after(dp, ep)) {
					if (tp * pp * ep < pr->least)
						continue;
					if (visit(ctx, n, tp, pp, dp, ep))
						return 1;
				}
			}
		}
		return 0;
	}
	for (i = 0; i < k; i++) {
		long long m;
		tp = d[i];
		if (pr->heads % tp) /* (a test of rl_mapping_check) */
			continue;
		m = n / tp;
		/* (a divisor of m is at most m) */
		for (j = 0; j < k && d[j] <= m; j++) {
			long long dp;
			pp = d[j];
			if (m % pp)
				continue;
			if (!((double)pp <= pr->layers))
				break;
			dp = m / pp;
			for (l = 0; l < k && d[l] <= dp; l++) {
				ep = d[l];
				if (ep > 1 && pr->dense)
					break;
				if (dp % ep || tp * pp * ep < pr->least)
					continue;
				if (visit(ctx, n, tp, pp, dp, ep))
					return 1;
			}
		}
	}
	return 0;
}

/* rl_map_search's walk: the configuration tried, the limits, the ranked
** list and its counts; for a chip by design, its spec sheet resolved once
** for the whole walk (spec, with resolved set: search_eval) */
typedef struct {
	rl_config c;
	rl_config spec;   /* c's design as a spec sheet, where resolved */
	int resolved;
	int violations;   /* the design's (rl_design_to_spec), where resolved */
	double chips;
	const rl_map_limits *lim;
	rl_map_entry *out;
	size_t max, legal, kept;
	rl_result *best;  /* out[0]'s evaluation (NULL: not kept) */
} search_walk;

/* rl_eval of w->c as the visit set it.  A chip by design is resolved into
** its spec sheet on every rl_eval, the same for every mapping (the silicon
** model reads the design and the node, no mapping): where the search
** resolved it once (resolved), the spec sheet at this mapping is evaluated
** as rl_eval_cached's by-design path does it (the result cleared first,
** the design's violations added on success), the same result; a claim's
** Monte Carlo searches the mappings of Sohu by design in every sample
** (tests/BENCH.md). */
static int search_eval(search_walk *w, rl_result *r)
{
	int rc;
	if (!w->resolved)
		return rl_eval(&w->c, r);
	w->spec.scen.chips = w->c.scen.chips;
	w->spec.scen.tp = w->c.scen.tp;
	w->spec.scen.pp = w->c.scen.pp;
	w->spec.scen.ep = w->c.scen.ep;
	memset(r, 0, sizeof *r);
	rc = rl_eval(&w->spec, r);
	if (rc == RL_OK)
		r->violations |= w->violations;
	return rc;
}

static int search_visit(void *ctx, long long n, long long tp, long long pp,
                        long long dp, long long ep)
{
	search_walk *w = ctx;
	const rl_map_limits *lim = w->lim;
	rl_result r;
	rl_map_entry e;
	(void)n;
	w->c.scen.chips = w->chips;
	w->c.scen.tp = (double)tp;
	w->c.scen.pp = (double)pp;
	w->c.scen.ep = (double)ep;
	if (rl_mapping_check(&w->c, NULL, 0) != RL_OK) /* (no message) */
		return 0;
	memset(&e, 0, sizeof e);
	e.tp = (double)tp;
	e.pp = (double)pp;
	e.dp = (double)dp;
	e.ep = (double)ep;
	/* a mapping over its TDP at every clock is not runnable
	** (rl_eval_runnable, as claim and sweeps read it): never best */
	e.rc = rl_eval_runnable(search_eval(w, &r), &r);
	if (e.rc == RL_EINVAL)
		return 0;
	w->legal++;
	e.lowest_w = e.rc == RL_EPOWER ? r.power_lowest_w : NAN;
	if (e.rc == RL_OK) {
		e.output_tps = r.output_tps;
		e.total_tps = r.total_tps;
		e.ttft_s = r.ttft_s;
		e.tpot_s = r.tpot_s;
		e.bound = w->c.scen.osl > 1 ? r.decode_bound : r.prefill_bound;
		e.watts = r.power_w;
		e.clock_scale = r.clock_scale;
		e.usd_cost = r.usd_per_mtok_cost;
		e.usd_price = r.usd_per_mtok_price;
		e.tokens_per_j = r.power_w > 0
		                     ? r.output_tps / w->chips / r.power_w : NAN;
		e.meets = rl_map_meets(lim, r.ttft_s, r.tpot_s);
	} else {
		/* no figure of a mapping not run: its latencies unknown too,
		** not 0 (rl_map_before ranks it last by its rc, not by these) */
		e.bound = RL_BOUND_NONE;
		e.watts = e.usd_cost = e.usd_price = e.tokens_per_j = NAN;
		e.ttft_s = e.tpot_s = NAN;
		e.clock_scale = NAN;
	}
	if (insert(w->out, &w->kept, w->max, &e,
	           lim && lim->rank_by > 0 && lim->rank_by < RL_RANK_N
	               ? lim->rank_by : RL_RANK_OUTPUT_TPS) == 0 &&
	    w->max > 0 && w->best)
		*w->best = r;
	return 0;
}

size_t rl_map_search_best(const rl_config *cfg, const rl_map_limits *lim,
                          rl_map_entry *out, size_t max, rl_result *best)
{
	search_walk w;
	walk_prunes pr = prunes_of(cfg, 0);
	w.c = *cfg;
	/* a design that does not resolve: rl_eval says so at each mapping */
	w.resolved = 0;
	if (cfg->chip.by_design > 0.5) {
		char err[256];
		w.resolved = rl_design_to_spec(cfg, &w.spec, &w.violations, err,
		                               sizeof err) == RL_OK;
	}
	w.chips = rl_scen_chips(&cfg->scen);
	w.lim = lim;
	w.out = out;
	w.max = max;
	w.legal = w.kept = 0;
	w.best = best;
	walk((long long)w.chips, &pr, search_visit, &w);
	return w.legal;
}

size_t rl_map_search(const rl_config *cfg, const rl_map_limits *lim,
                     rl_map_entry *out, size_t max)
{
	return rl_map_search_best(cfg, lim, out, max, NULL);
}

const char *rl_map_not_run_words(const rl_config *cfg, const rl_map_entry *e,
                                 char *buf, size_t len)
{
	if (e->rc != RL_EPOWER)
		snprintf(buf, len, "does not fit in memory");
	else if (isfinite(e->lowest_w))
		snprintf(buf, len, "over its %g W TDP at every clock (%.0f W at "
		         "the lowest clock)", cfg->chip.tdp_w, e->lowest_w);
	else
		snprintf(buf, len, "over its %g W TDP at every clock",
		         cfg->chip.tdp_w);
	return buf;
}

/* The mappings a search of cfg's chips finds that fit in memory (which
** 0), run (1: rc RL_OK) or fit but are over the TDP at every clock (2: rc
** RL_EPOWER, not runnable), listed best first into buf as rl_map_fitting
** says; how many. */
static size_t list_mappings(const rl_config *cfg, int which, char *buf,
                            size_t len)
{
	rl_map_entry e[64];
	size_t n = rl_map_search(cfg, NULL, e, sizeof e / sizeof e[0]);
	size_t i, used = 0, k = 0;
	char w[80];
	if (n > sizeof e / sizeof e[0])
		n = sizeof e / sizeof e[0];
	if (len)
		buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (e[i].rc == RL_ENOFIT) /* (over its TDP: fits in memory) */
			continue;
		if ((which == 1 && e[i].rc != RL_OK) ||
		    (which == 2 && e[i].rc != RL_EPOWER))
			continue;
		if (used + 40 >= len) {
			if (used + 6 < len)
				snprintf(buf + used, len - used, ", ...");
			break;
		}
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
		                         k ? ", " : "",
		                         rl_mapping_words(w, sizeof w, e[i].tp,
		                                          e[i].pp, e[i].dp,
		                                          e[i].ep));
		k++;
	}
	return k;
}

size_t rl_map_fitting(const rl_config *cfg, char *buf, size_t len)
{
	return list_mappings(cfg, 0, buf, len);
}

/* heads x layers (x experts), uncut */
static double most_product(const rl_config *cfg)
{
	const rl_model *m = &cfg->model;
	return m->heads * m->layers * (m->experts > 1 ? m->experts : 1);
}

double rl_map_most_chips(const rl_config *cfg)
{
	double most = most_product(cfg);
	return most <= RL_MAP_FEWEST_MAX ? floor(most) : RL_MAP_FEWEST_MAX;
}

int rl_map_most_cut(const rl_config *cfg)
{
	return !(most_product(cfg) <= RL_MAP_FEWEST_MAX);
}

/* rl_map_fewest_chips's walk: the configuration tried, the list */
typedef struct {
	rl_config c;
	char *buf;
	size_t len;
} fewest_walk;

/* ends the walk at the first mapping that fits */
static int fewest_visit(void *ctx, long long n, long long tp, long long pp,
                        long long dp, long long ep)
{
	fewest_walk *w = ctx;
	rl_result r;
	(void)dp;
	w->c.scen.chips = (double)n;
	w->c.scen.tp = (double)tp;
	w->c.scen.pp = (double)pp;
	w->c.scen.ep = (double)ep;
	if (rl_mapping_check(&w->c, NULL, 0) != RL_OK ||
	    rl_eval(&w->c, &r) != RL_OK)
		return 0;
	return rl_map_fitting(&w->c, w->buf, w->len) > 0;
}

/* Whether a mapping fits reads its tp, pp and ep, never the chips (the
** weights, the runtime and the KV cache per chip; the chips are read for
** legality, rl_mapping_check, and for time and cost alone): a mapping that
** fits on some number of chips fits on the first number above the
** scenario's chips of which it is a legal mapping, the first multiple of
** tp x pp x ep above them.  So each mapping is tried once, there, in the
** order of those numbers: the first that fits names the fewest chips,
** the same number a search over every mapping of every number of chips
** finds (which took 1.15 s where none fits up to 4,096; this 0.09 s).
** Not a bisection: fitting is not monotone in the chips (Llama-3 8B in
** 1,164 MB of SRAM fits 10 chips as tp 2 x pp 5, not 11, tp 1 x pp 11
** alone: tests/cli_sram.sh).  The list is rl_map_fitting's at that
** number. */
double rl_map_fewest_chips(const rl_config *cfg, char *buf, size_t len)
{
	fewest_walk w;
	double most = rl_map_most_chips(cfg);
	long long chips = (long long)floor(rl_scen_chips(&cfg->scen)), n;
	w.c = *cfg;
	w.buf = buf;
	w.len = len;
	if (len)
		buf[0] = '\0';
	for (n = chips + 1; (double)n <= most; n++) {
		/* a mapping with n - tp x pp x ep above the chips was tried
		** already, there */
		walk_prunes pr = prunes_of(cfg, n - chips);
		if (walk(n, &pr, fewest_visit, &w))
			return (double)n;
	}
	if (len)
		buf[0] = '\0';
	return 0;
}

const char *rl_map_none_fits_words(const rl_config *cfg, double fewest,
                                   const char *list, char *out, size_t len)
{
	char why[160];
	double chips = rl_scen_chips(&cfg->scen);
	double most = rl_map_most_chips(cfg);
	const char *s = chips == 1 ? "" : "s";
	int n;
	if (len == 0)
		return out;
	n = snprintf(why, sizeof why, "%sthe model's %.0f heads x its %.0f layers",
	             rl_map_most_cut(cfg) ? "the search's end, under " : "",
	             cfg->model.heads, cfg->model.layers);
	if (cfg->model.experts > 1 && n > 0 && (size_t)n < sizeof why)
		n += snprintf(why + n, sizeof why - (size_t)n, " x its %.0f experts",
		              cfg->model.experts);
	if (n > 0 && (size_t)n < sizeof why)
		snprintf(why + n, sizeof why - (size_t)n,
		         ": tp and pp at their most");
	if (fewest > 0)
		snprintf(out, len, "no mapping of %.0f chip%s fits; the fewest chips "
		         "that fit: %.0f (%s)", chips, s, fewest, list);
	else if (chips < most)
		snprintf(out, len, "no mapping of %.0f chip%s fits, nor of any number "
		         "up to %.0f (%s)", chips, s, most, why);
	else
		snprintf(out, len, "no mapping of %.0f chip%s fits, and more are not "
		         "tried: the search for the fewest chips stops at %.0f (%s)",
		         chips, s, most, why);
	return out;
}

/* After a list of the mappings of cfg's chips that fit in memory: those
** of them over the TDP at every clock (not runnable, rl_eval_runnable), so
** that a hint never offers one as a way out without a word: ", each over
** the chip's 80 W TDP at every clock, so none runs (...)" where all are,
** "; of them over ...: TP1 x PP2" where some are; nothing where none is. */
static void over_tdp_note(const rl_config *cfg, size_t fitting, char *err,
                          size_t len)
{
	char over[512];
	size_t used = strlen(err);
	size_t n = list_mappings(cfg, 2, over, sizeof over);
	if (!n || used + 2 >= len)
		return;
	if (n >= fitting)
		snprintf(err + used, len - used, ", each over the chip's %g W TDP "
		         "at every clock, so none runs (--set chip.tdp_w lifts the "
		         "limit)", cfg->chip.tdp_w);
	else
		snprintf(err + used, len - used, "; of them over the chip's %g W "
		         "TDP at every clock, not runnable: %s", cfg->chip.tdp_w,
		         over);
}

void rl_map_fit_hint(const rl_config *cfg, char *err, size_t len)
{
	char list[512];
	size_t used = strlen(err), k;
	if (used + 2 >= len)
		return;
	if ((k = rl_map_fitting(cfg, list, sizeof list)) > 0) {
		double n = rl_scen_chips(&cfg->scen);
		snprintf(err + used, len - used, "; mappings of %.0f chip%s that "
		         "fit: %s", n, n == 1 ? "" : "s", list);
		over_tdp_note(cfg, k, err, len);
	} else {
		char words[768];
		double n = rl_map_fewest_chips(cfg, list, sizeof list);
		snprintf(err + used, len - used, "; %s",
		         rl_map_none_fits_words(cfg, n, list, words,
		                                sizeof words));
		if (n > 0) { /* the mappings of that many chips: the same note */
			rl_config at = *cfg;
			at.scen.chips = n;
			over_tdp_note(&at, rl_map_fitting(&at, list, sizeof list), err,
			              len);
		}
	}
}
