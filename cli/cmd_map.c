/*
** cmd_map.c: `rooflab map`: every legal mapping (tp x pp x dp, x ep for
** a mixture of experts) of --chips N chips, evaluated, ranked by system
** output tokens/s (or --rank-by another figure), those that do not fit
** marked, as a table or JSON.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/mapping.h"
#include "../model/mapsearch.h"
#include "../model/numtext.h"
#include "../model/figtext.h"
#include "../model/precision.h"
#include "../config/profiles.h"
#include "../model/utf8.h"
#include "commands.h"
#include "evalout.h"
#include "loadopts.h"
#include "loadout.h"
#include "options.h"

#define MAP_MAX 512

/* A mapping under latency targets: its highest throughput meeting them
** (NaN where none does), its requests/s, and the target it misses (its
** power and cost come with the search's entry, rl_map_entry). */
typedef struct {
	int slo_met;
	int slo_at_capacity;     /* met up to the capacity: the saturation
	                         ** rate (rl_slo_result.at_capacity) */
	double slo_output_tps, slo_rps;
	int slo_failed;          /* index of the target missed (not met) */
	double slo_unloaded_s;   /* its latency without load */
} map_slo;

/* eval's options that map refuses: the mapping is what it searches, and
** it ranks under latency targets, not at one rate */
static const char *const map_hidden[] = {"--tp", "--pp", "--ep", "--rate",
                                         "--requests", NULL};
/* the options list leaves out those and the shared rows whose words are
** eval's (--chips 0 allowed, targets "without --rate"); map_table gives
** map's own rows for them */
static const char *const map_help_hidden[] = {
    "--tp", "--pp", "--ep", "--rate", "--requests", "--chips", "--ttft-",
    "--tpot-", "--e2e-", "--ttft-pNN-max", NULL};

/* map's options: eval's (and its load options) and the ranking key */
typedef struct {
	eval_load_args el;
	int rank_by; /* rl_map_rank (model/mapsearch.h) */
} map_args;

/* --rank-by's words, in rl_map_rank's order; each key's field in the
** JSON's mappings[] and its order */
static const char *const rank_words[] = {"output-tps", "tokens-per-joule",
                                         "usd-cost", "usd-price", "ttft",
                                         "tpot", NULL};
static const char *const rank_fields[] = {
    "throughput.output_tokens_per_s", "power.output_tokens_per_joule",
    "cost.usd_per_million_tokens_at_cost",
    "cost.usd_per_million_tokens_at_price", "latency.ttft_s",
    "latency.tpot_s"};

/* a row of map's options list alone: named apart from the shared row it
** stands for (which map_help_hidden leaves out), shown as NAME ARG */
#define MAP_HELP_ROW(NAME, ARG, HELP)                                      \
	{.type = OPT_T_FLAG, .name = "map " NAME, .arg = NAME " " ARG,         \
	 .help = HELP, .flags = OPT_HELP_ONLY | OPT_PREFIX}

static const opt_def map_table[] = {
    OPT_SUB(map_args, el, eval_load_table),
    MAP_HELP_ROW("--chips", "N",
                 "chips to map the model over (scenario.chips:\n"
                 "1..10000000; 0, eval's tp x pp x ep, refused)"),
    MAP_HELP_ROW("--ttft-max", "S",
                 "latency targets in seconds, the means (--e2e-max: end"),
    MAP_HELP_ROW("--tpot-max", "S",
                 "to end): mappings outside them rank after those"),
    MAP_HELP_ROW("--e2e-max", "S",
                 "within, and the best one meeting them under load is\n"
                 "named (no --rate: map searches the load)"),
    MAP_HELP_ROW("--ttft-pNN-max", "S",
                 "(and --tpot-pNN-max) the NNth percentile, 0 < NN < 100;\n"
                 "the end to end has a mean only"),
    OPT_ENUMS("--rank-by", map_args, rank_by, rank_words,
              "the ranking key (default output-tps)"),
    OPT_LAST};

static void help(FILE *f)
{
	fputs("usage: rooflab map --chip NAME --model NAME --chips N "
	      "[--precision P]\n"
	      "         [--isl N] [--osl N] [--batch N] [--profile NAME] "
	      "[--scenario NAME]\n"
	      "         [--set section.key=value ...] [--json]\n"
	      "         [--ttft-max S] [--tpot-max S] [--e2e-max S] "
	      "[--ttft-pNN-max S]\n"
	      "         [--rank-by KEY]\n\n"
	      "Evaluates every legal mapping of the N chips: tp dividing the "
	      "attention heads,\npp stages up to the layers, dp = N / (tp x pp) "
	      "replicas, and for a mixture of\nexperts every ep dividing dp and "
	      "the experts.  Ranked by output tokens/s of the\nwhole system; "
	      "mappings outside --ttft-max / --tpot-max (seconds of service "
	      "time,\nno queueing) rank after those within, and mappings that "
	      "do not fit in memory\nor are over the chip's TDP at every clock "
	      "are listed last, marked; where none\nfits, "
	      "why (at the most split one) and the fewest chips of\nwhich one "
	      "does.  With targets, "
	      "also the mapping with the highest\nthroughput meeting them under "
	      "Poisson arrivals (the load model of eval --rate),\nwith its rate "
	      "and concurrency.  Serving is aggregated: prefill and decode\n"
	      "share each replica's chips (no disaggregated prefill and decode "
	      "pools, no\nattention data parallelism: not modelled).  "
	      "Without --profile (or a scenario\nnaming one) "
	      "the profile is the chip's default, as eval takes it (the last\n"
	      "calibrated profile of its software; the profiles fitted per "
	      "version, such as\ntrtllm-1.0, are no default); a chip with none is served "
	      "under ideal,\nthe roofline with every efficiency 100%.  The table "
	      "and the JSON's setup say\nwhich and why (profile, "
	      "profile_chosen); a profile fitted on another chip's\nrows says "
	      "so (a note line; JSON profile_fit, else null), a profile of\nsoftware "
	      "the chip's preset does not name on stderr (JSON software_note,\n"
	      "else null).  --json: "
	      "mappings (the\ntable's rows, each "
	      "with its under_targets: met, its figures, limited_by:\ntargets, or "
	      "capacity where every target holds up to it, the\nsaturation "
	      "rate, and misses: the\ntarget it misses and its latency without "
	      "load), best (the table's first row,\nranked at maximum load) and "
	      "under_targets (the best mapping meeting the\ntargets under load: "
	      "its tp, pp, dp, ep and best_under_targets, the object\neval "
	      "--json writes under that name: met, limited_by, targets, load, "
	      "cost; so its\nload figures are at "
	      ".under_targets.best_under_targets.load).  The cost there\nis "
	      "USD per million output tokens at that load: the system's chips "
	      "at their\nmanufacturing cost (cost) or price (price) amortized "
	      "over cost.years, plus\ntheir energy (chips x W x "
	      "server_overhead x PUE x USD/kWh), the watts per chip\nthose of "
	      "full load (the load model gives no power at a lower rate), over "
	      "that\nload's output tokens/s: the function of the $/M columns "
	      "above.\n"
	      "--rank-by KEY orders the table by another figure (ties: more "
	      "output tokens/s,\nthen fewer pp, tp, ep; a figure n/a after "
	      "every known one; the limits\nfirst as ever): output-tps "
	      "(the default), tokens-per-joule (highest first),\nusd-cost, "
	      "usd-price, ttft, tpot (lowest first); the JSON's ranked_by "
	      "names the\nkey, the field it reads and the order.\n"
	      "Exit status: 0 ok, 2 bad input, 1 internal.\n",
	      f);
	opt_help_except(f, map_table, map_help_hidden);
}

/* The options into a; OPT_GO_ON, or the exit status after help or a
** message. */
static int read_args(eval_load_args *a, rl_map_limits *lim, int argc,
                     char **argv)
{
	const load_opts *lo = &a->lo;
	map_args m;
	int rc, k;
	memset(&m, 0, sizeof m);
	memset(lim, 0, sizeof *lim);
	rc = opt_parse("map", map_table, &m, argc, argv, NULL, 0, NULL, help);
	*a = m.el;
	lim->rank_by = m.rank_by;
	if (rc != OPT_GO_ON)
		return rc;
	if (opt_refuse_given("map", eval_load_table, a, map_hidden,
	                     "map tries every tp x pp x ep of --chips N and "
	                     "ranks them; use eval --tp/--pp/--ep for one "
	                     "mapping"))
		return RL_EINPUT;
	if (lo->have_rate || lo->load.requests > 0) {
		return bad_input("map", "--rate/--requests: map ranks mappings "
		                 "under latency targets (--ttft-max ...); use eval "
		                 "--rate for one");
	}
	loadopts_unit_notes("map", lo);
	/* the mean targets also filter the ranking by service time */
	for (k = 0; k < lo->nt; k++) {
		if (lo->t[k].pct > 0)
			continue;
		if (lo->t[k].metric == RL_SLO_TTFT)
			lim->ttft_max_s = lo->t[k].max_s;
		else if (lo->t[k].metric == RL_SLO_TPOT)
			lim->tpot_max_s = lo->t[k].max_s;
	}
	return OPT_GO_ON;
}

/* How far a search that met no load is from the targets: the largest of
** each target's latency at vanishing load (sr->best, where rl_slo_search
** stopped) over the target; > 1. */
static double miss_ratio(const rl_slo *t, int nt, const rl_slo_result *sr)
{
	double worst = 0;
	int k;
	for (k = 0; k < nt; k++) {
		double r = rl_slo_value(&sr->best, &t[k]) / t[k].max_s;
		if (!(r <= worst))
			worst = r; /* NaN or infinity is the worst */
	}
	return worst;
}

/* Under load: each mapping's highest throughput meeting the targets
** (model/slo.c: Poisson arrivals, queueing); the best into *best.  The
** index of the best entry, or -1 when no mapping meets them: *best then
** holds the search of the nearest mapping, *near its index (the one whose
** latencies without load are the least multiple of their targets, the
** worst target of each counting), to say why; -2 with err on a failed
** search. */
static int best_under_targets(const rl_setup *st, const load_opts *lo,
                              const rl_map_entry *e, map_slo *mc, size_t n,
                              rl_slo_result *best, int *near, char *err,
                              size_t len)
{
	rl_slo_result sr;
	int bi = -1;
	size_t i;
	*near = -1;
	for (i = 0; i < n; i++) {
		rl_config c = st->cfg;
		if (e[i].rc != RL_OK)
			continue;
		c.scen.tp = e[i].tp;
		c.scen.pp = e[i].pp;
		c.scen.ep = e[i].ep;
		if (rl_slo_search(&c, lo->t, lo->nt, &sr) != RL_OK) {
			char w[80];
			snprintf(err, len, "%s: %s",
			         rl_mapping_words(w, sizeof w, e[i].tp, e[i].pp,
			                          e[i].dp, e[i].ep),
			         sr.best.error);
			return -2;
		}
		mc[i].slo_met = sr.met;
		mc[i].slo_at_capacity = sr.met && sr.at_capacity;
		mc[i].slo_output_tps = sr.met ? sr.best.output_tps : NAN;
		mc[i].slo_rps = sr.met ? sr.best.requests_per_s : NAN;
		mc[i].slo_failed = sr.failed;
		mc[i].slo_unloaded_s = sr.unloaded_s;
		if (sr.met && (bi < 0 || sr.best.output_tps > best->best.output_tps)) {
			*best = sr;
			bi = (int)i;
		} else if (!sr.met && bi < 0 &&
		           (*near < 0 ||
		            miss_ratio(lo->t, lo->nt, &sr) <
		                miss_ratio(lo->t, lo->nt, best))) {
			*best = sr; /* the nearest miss so far */
			*near = (int)i;
		}
	}
	if (bi >= 0)
		*near = -1;
	return bi;
}

/* Each fitting mapping under the targets: its highest throughput meeting
** them, or the target it misses and its latency without load; those that
** meet them first, the highest first (the ranking under load, where the
** table above ranks at full load), then those that miss, in the table's
** order.  ord: n indices to sort into. */
static void each_under_targets(FILE *f, const load_opts *lo,
                               const rl_map_entry *e, const map_slo *mc,
                               size_t n, double chips, size_t *ord)
{
	size_t i, j, k;
	for (k = 0; k < n; k++) { /* insertion sort: stable, n <= MAP_MAX */
		ord[k] = k;
		for (j = k; j > 0; j--) {
			size_t a = ord[j - 1], b = ord[j];
			int am = mc[a].slo_met && e[a].rc == RL_OK;
			int bm = mc[b].slo_met && e[b].rc == RL_OK;
			if (!(bm && (!am || mc[b].slo_output_tps >
			                        mc[a].slo_output_tps)))
				break;
			ord[j - 1] = b;
			ord[j] = a;
		}
	}
	fprintf(f, "\neach mapping under the targets (Poisson arrivals, "
	        "queueing; the highest first):\n%4s %4s %4s %4s %14s %12s "
	        "%10s\n", "tp", "pp", "dp", "ep", "output tok/s", "out/chip",
	        "req/s");
	for (k = 0; k < n; k++) {
		char name[48], lat[64], rps[32];
		i = ord[k];
		if (e[i].rc != RL_OK)
			continue;
		/* the degrees whole, in all their digits (DP 1000000, where
		** %4g wrote 1e+06); requests/s by eval's rule (rl_fig_text) */
		if (mc[i].slo_met) {
			fprintf(f, "%4.0f %4.0f %4.0f %4.0f %14.1f %12.1f %10s%s\n",
			        e[i].tp, e[i].pp, e[i].dp, e[i].ep,
			        mc[i].slo_output_tps, mc[i].slo_output_tps / chips,
			        rl_fig_text(rps, sizeof rps, mc[i].slo_rps),
			        mc[i].slo_at_capacity ? "  (saturation rate)" : "");
			continue;
		}
		loadout_target_name(&lo->t[mc[i].slo_failed], name, sizeof name);
		evalout_value(lat, sizeof lat, mc[i].slo_unloaded_s * 1e3, "ms");
		fprintf(f, "%4.0f %4.0f %4.0f %4.0f   misses %s: %s without load\n",
		        e[i].tp, e[i].pp, e[i].dp, e[i].ep, name, lat);
	}
}

/* The best mapping's cost per token at its load under the targets
** (loadout_usd_at: its power at full load); NAN where none meets them. */
static void best_usd(const rl_setup *st, const rl_map_entry *e, int bi,
                     const rl_slo_result *best, loadout_usd *u)
{
	rl_config c = st->cfg;
	rl_result r;
	u->at_cost = u->at_price = NAN;
	if (bi < 0)
		return;
	c.scen.tp = e[bi].tp;
	c.scen.pp = e[bi].pp;
	c.scen.ep = e[bi].ep;
	if (rl_eval(&c, &r) == RL_OK) /* (it ran in the search: e[bi].rc) */
		loadout_usd_at(&c, &r, &best->best, u);
}

static void targets_out(json_w *w, FILE *f, const load_opts *lo,
                        const rl_map_entry *e, int bi, int near,
                        const rl_slo_result *best, const loadout_usd *u)
{
	/* no mapping runs (none fits in memory, or each that does is over
	** its TDP at every clock): nothing was searched, and best holds no
	** search ("without any load it is already 0 ms" of none) */
	int none = bi < 0 && near < 0;
	if (w) {
		json_obj(w, "under_targets");
		if (none) {
			json_null(w, "best_under_targets");
			json_end(w);
			return;
		}
		if (bi >= 0) {
			json_num(w, "tp", e[bi].tp);
			json_num(w, "pp", e[bi].pp);
			json_num(w, "dp", e[bi].dp);
			json_num(w, "ep", e[bi].ep);
		} else if (near >= 0) {
			json_obj(w, "nearest");
			json_num(w, "tp", e[near].tp);
			json_num(w, "pp", e[near].pp);
			json_num(w, "dp", e[near].dp);
			json_num(w, "ep", e[near].ep);
			json_end(w);
		}
		loadout_search_json(w, lo->t, lo->nt, best, bi >= 0 ? u : NULL);
		json_end(w);
		return;
	}
	char mw[80];
	fprintf(f, "\nunder the targets (Poisson arrivals, queueing): ");
	if (bi >= 0)
		fprintf(f, "the best mapping is %s",
		        rl_mapping_words(mw, sizeof mw, e[bi].tp, e[bi].pp,
		                         e[bi].dp, e[bi].ep));
	else if (near >= 0)
		fprintf(f, "no mapping meets them; the nearest is %s (its "
		        "latencies without load the least multiple of the "
		        "targets)",
		        rl_mapping_words(mw, sizeof mw, e[near].tp, e[near].pp,
		                         e[near].dp, e[near].ep));
	else if (none) {
		fprintf(f, "none searched: no mapping runs (none fits in memory "
		        "within the chip's TDP)\n");
		loadout_targets_table(f, lo->t, lo->nt, NULL);
		return;
	} else
		fprintf(f, "no mapping meets them");
	loadout_search_table(f, lo->t, lo->nt, best, bi >= 0 ? u : NULL);
}

/* Where no mapping fits in memory (one over its TDP at every clock
** fits): why,
** in rl_eval's words at the most split of them (the most chips per
** replica, tp x pp, then ep), and the fewest chips of which a mapping
** fits (rl_map_fewest_chips; 0 where none up to rl_map_most_chips does). */
typedef struct {
	int at; /* the index of the mapping the reason is of; -1: one fits */
	char reason[256];
	double fewest;
	char list[512];
} map_nofit;

static void why_none_fits(const rl_setup *st, const rl_map_entry *e,
                          size_t n, map_nofit *nf)
{
	rl_config c = st->cfg;
	rl_result r;
	size_t i;
	nf->at = -1;
	nf->reason[0] = nf->list[0] = '\0';
	nf->fewest = 0;
	if (n == 0)
		return;
	for (i = 0; i < n; i++) /* (over its TDP: it fits in memory) */
		if (e[i].rc != RL_ENOFIT)
			return;
	for (i = 0; i < n; i++) {
		double s = e[i].tp * e[i].pp, b;
		if (nf->at < 0) {
			nf->at = (int)i;
			continue;
		}
		b = e[nf->at].tp * e[nf->at].pp;
		if (s > b || (s == b && e[i].ep > e[nf->at].ep))
			nf->at = (int)i;
	}
	c.scen.tp = e[nf->at].tp;
	c.scen.pp = e[nf->at].pp;
	c.scen.ep = e[nf->at].ep;
	rl_eval(&c, &r);
	snprintf(nf->reason, sizeof nf->reason, "%s", r.error);
	nf->fewest = rl_map_fewest_chips(&st->cfg, nf->list, sizeof nf->list);
}

/* The sentence that says so, the table's line under it less its
** parentheses and JSON's none_fits.words alike: eval's words
** (rl_map_none_fits_words), and where some number of chips fits, the
** command that ranks its mappings. */
static const char *nofit_words(const rl_setup *st, const map_nofit *nf,
                               char *out, size_t len)
{
	char words[768];
	/* (eval's words for it, rl_map_none_fits_words) */
	rl_map_none_fits_words(&st->cfg, nf->fewest, nf->list, words,
	                       sizeof words);
	if (nf->fewest > 0)
		snprintf(out, len, "%s; map --chips %.0f ranks them", words,
		         nf->fewest);
	else
		snprintf(out, len, "%s", words);
	return out;
}

static void nofit_out(json_w *w, FILE *f, const rl_setup *st,
                      const rl_map_entry *e, const map_nofit *nf)
{
	const rl_map_entry *a = nf->at >= 0 ? &e[nf->at] : NULL;
	char why[sizeof nf->reason], mw[80], words[832];
	if (w) {
		if (!a) {
			json_null(w, "none_fits");
			return;
		}
		json_obj(w, "none_fits");
		json_num(w, "tp", a->tp);
		json_num(w, "pp", a->pp);
		json_num(w, "dp", a->dp);
		json_num(w, "ep", a->ep);
		json_str(w, "reason", nf->reason);
		json_num(w, "fewest_chips", nf->fewest > 0 ? nf->fewest : NAN);
		json_num(w, "most_chips_searched", rl_map_most_chips(&st->cfg));
		if (nf->fewest > 0)
			json_str(w, "fewest_chips_mappings", nf->list);
		else
			json_null(w, "fewest_chips_mappings");
		json_str(w, "words", nofit_words(st, nf, words, sizeof words));
		json_end(w);
		return;
	}
	if (!a) {
		/* some fit in memory, none runs: each over its TDP, or not
		** fitting (the table's words per mapping) */
		char tw[32];
		double n = rl_scen_chips(&st->cfg.scen);
		if (e[0].rc != RL_OK)
			fprintf(f, "(no mapping of %.0f chip%s runs: those that fit "
			        "in memory are over the chip's %s W TDP at every "
			        "clock)\n", n, n == 1 ? "" : "s",
			        rl_number_write(st->cfg.chip.tdp_w, tw, sizeof tw));
		return;
	}
	fprintf(f, "(at the most split, %s: %s)\n",
	        rl_mapping_words(mw, sizeof mw, a->tp, a->pp, a->dp, a->ep),
	        rl_utf8_cell(nf->reason, 0, 0, why, sizeof why));
	fprintf(f, "(%s)\n", nofit_words(st, nf, words, sizeof words));
}

/* "setup": what every mapping was evaluated on, as eval's JSON names it
** (less tp, pp and ep, which map searches), and how the profile was
** chosen (profile_chosen, eval's words: profile_settle). */
static void setup_json(json_w *w, const rl_setup *st)
{
	evalout_setup_json(w, st, st->profile_note, 0);
}

/* Each mapping's figures under latency targets, not known yet
** (best_under_targets fills them); its power and cost come with the
** search (rl_map_entry). */
static void targets_unknown(size_t n, map_slo *mc)
{
	size_t i;
	for (i = 0; i < n; i++) {
		mc[i].slo_met = 0;
		mc[i].slo_at_capacity = 0;
		mc[i].slo_output_tps = mc[i].slo_rps = NAN;
		mc[i].slo_failed = 0;
		mc[i].slo_unloaded_s = NAN;
	}
}

/* The target a mapping meets at no load, as the table's "misses tpot
** mean: 30.2 ms without load" says it: the target and its latency at
** vanishing load (null where the mapping meets them). */
static void misses_json(json_w *w, const rl_slo *t, const map_slo *mc)
{
	if (mc->slo_met) {
		json_null(w, "misses");
		return;
	}
	json_obj(w, "misses");
	json_str(w, "metric", rl_slo_metric_name(t->metric));
	if (t->pct > 0)
		json_num(w, "percentile", t->pct);
	else
		json_str(w, "percentile", "mean");
	json_num(w, "max_s", t->max_s);
	json_num(w, "unloaded_s", mc->slo_unloaded_s);
	json_end(w);
}

/* A mapping's object; t: the targets (NULL: none given). */
static void entry_json(json_w *w, const rl_setup *st, const char *key,
                       const rl_map_entry *e, const map_slo *mc,
                       const rl_slo *t, double chips)
{
	int targets = t != NULL;
	char why[128];
	json_obj(w, key);
	json_num(w, "tp", e->tp);
	json_num(w, "pp", e->pp);
	json_num(w, "dp", e->dp);
	json_num(w, "ep", e->ep);
	json_bool(w, "fits", e->rc != RL_ENOFIT);
	json_bool(w, "over_tdp", e->rc == RL_EPOWER);
	json_bool(w, "meets_limits", e->meets);
	if (e->rc == RL_OK)
		json_null(w, "not_run");
	else
		json_str(w, "not_run", rl_map_not_run_words(&st->cfg, e, why, sizeof why));
	if (e->rc == RL_OK) {
		json_obj(w, "throughput");
		json_num(w, "output_tokens_per_s", e->output_tps);
		json_num(w, "total_tokens_per_s", e->total_tps);
		json_num(w, "output_tokens_per_s_per_chip", e->output_tps / chips);
		json_num(w, "total_tokens_per_s_per_chip", e->total_tps / chips);
		json_end(w);
		json_obj(w, "latency");
		json_num(w, "ttft_s", e->ttft_s);
		json_num(w, "tpot_s", e->tpot_s);
		json_end(w);
		json_str(w, "bound", rl_bound_name(e->bound));
		json_obj(w, "power");
		json_num(w, "watts", e->watts);
		json_num(w, "output_tokens_per_joule", e->tokens_per_j);
		json_num(w, "clock_scale", e->clock_scale);
		json_end(w);
		json_obj(w, "cost");
		json_num(w, "usd_per_million_tokens_at_cost", e->usd_cost);
		json_num(w, "usd_per_million_tokens_at_price", e->usd_price);
		json_end(w);
		if (targets) {
			/* its highest throughput meeting the targets (null where
			** none does) */
			json_obj(w, "under_targets");
			json_bool(w, "met", mc->slo_met);
			json_num(w, "output_tokens_per_s", mc->slo_output_tps);
			json_num(w, "output_tokens_per_s_per_chip",
			         mc->slo_output_tps / chips);
			json_num(w, "requests_per_s", mc->slo_rps);
			/* what sets the rate, as best_under_targets says it
			** (cli/loadout.c); null where none is met */
			if (mc->slo_met)
				json_str(w, "limited_by", mc->slo_at_capacity
				                              ? "capacity"
				                              : "targets");
			else
				json_null(w, "limited_by");
			misses_json(w, &t[mc->slo_failed], mc);
			json_end(w);
		}
	} else {
		json_null(w, "throughput");
		json_null(w, "latency");
		json_null(w, "bound");
		if (e->rc == RL_EPOWER) {
			json_obj(w, "power");
			json_num(w, "watts", NAN);
			json_num(w, "clock_scale", NAN);
			json_num(w, "lowest_clock_watts", e->lowest_w);
			json_end(w);
		} else
			json_null(w, "power");
		json_null(w, "cost");
		if (targets)
			json_null(w, "under_targets");
	}
	json_end(w);
}

/* a figure of the table, "n/a" where it is unknown */
static const char *cell(char *buf, size_t len, const char *fmt, double v)
{
	if (isfinite(v))
		snprintf(buf, len, fmt, v);
	else
		snprintf(buf, len, "n/a");
	return buf;
}

/* a USD per million tokens or tokens per joule figure of the table by
** rl_fig_text's rule, "n/a" where it is unknown */
static const char *usd_cell(char *buf, size_t len, double v)
{
	if (isfinite(v))
		return rl_fig_text(buf, len, v);
	snprintf(buf, len, "n/a");
	return buf;
}

/* "highest first" or "lowest first": the order of a ranking key */
static const char *rank_order(int rank_by)
{
	return rank_by == RL_RANK_OUTPUT_TPS || rank_by == RL_RANK_TOKENS_PER_J
	           ? "highest first" : "lowest first";
}

/* "ranked_by": the key --rank-by names, the field of each mapping it
** reads and its order */
static void ranked_by_json(json_w *w, int rank_by)
{
	json_obj(w, "ranked_by");
	json_str(w, "key", rank_words[rank_by]);
	json_str(w, "field", rank_fields[rank_by]);
	json_str(w, "order", rank_order(rank_by));
	json_end(w);
}

/* 1 where a row of the n shown carries the TDP's mark ("TDP clock s": it
** runs, at a lowered clock), which the note under the table then
** explains; it explained the mark under tables where no row had it */
static int tdp_marked(const rl_map_entry *e, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (e[i].rc == RL_OK && e[i].clock_scale < 1)
			return 1;
	return 0;
}

static void table(FILE *f, const rl_setup *st, const rl_map_entry *e,
                  size_t n, size_t legal, double chips, int rank_by,
                  const val_chip_fit *fit)
{
	const rl_scenario *s = &st->cfg.scen;
	size_t i;
	/* names that may come from a file, their controls as '?' */
	char model[RL_NAME_MAX], chip[RL_NAME_MAX], prof[RL_NAME_MAX];
	char note[sizeof st->profile_note];
	/* the profile named once, on the line that says why (as eval's
	** first line), where this line named it too */
	fprintf(f, "%s on %.0f x %s, %s, %.0f in / %.0f out: %zu legal mappings",
	        rl_utf8_cell(st->model, 0, 0, model, sizeof model), chips,
	        rl_utf8_cell(st->chip, 0, 0, chip, sizeof chip),
	        rl_precision_name(rl_weight_prec(s)), s->isl, s->osl, legal);
	/* (the default, output tokens/s, as the line always read) */
	if (rank_by != RL_RANK_OUTPUT_TPS)
		fprintf(f, ", ranked by %s (%s; ties: more output tok/s)",
		        rank_words[rank_by], rank_order(rank_by));
	fputc('\n', f);
	/* why that profile, as eval's first line says it */
	fprintf(f, "profile %s (%s)\n",
	        rl_utf8_cell(st->profile, 0, 0, prof, sizeof prof),
	        rl_utf8_cell(st->profile_note, 0, 0, note, sizeof note));
	/* a profile fitted on another chip's rows says so, as eval does */
	evalout_fit_text(f, fit);
	fputc('\n', f);
	/* tok/J 8 wide: 0.000378 in its 3 significant digits */
	fprintf(f, "%4s %4s %4s %4s %4s  %-5s %14s %14s %12s %10s %10s %7s "
	        "%8s %9s %9s  %s\n",
	        "rank", "tp", "pp", "dp", "ep", "fits", "output tok/s",
	        "total tok/s", "out/chip", "ttft ms", "tpot ms", "W/chip",
	        "tok/J", "$/M cost", "$/M price", "bound");
	for (i = 0; i < n; i++) {
		char w[32], tj[32], uc[32], up[32], tdp[48], why[128];
		if (e[i].rc != RL_OK) {
			fprintf(f, "%4zu %4.0f %4.0f %4.0f %4.0f  %-5s %14s %14s %12s %10s "
			        "%10s %7s %8s %9s %9s  %s\n",
			        i + 1, e[i].tp, e[i].pp, e[i].dp, e[i].ep,
			        e[i].rc == RL_ENOFIT ? "no" : "yes", "-", "-", "-", "-",
			        "-", "-", "-", "-", "-",
			        rl_map_not_run_words(&st->cfg, &e[i], why, sizeof why));
			continue;
		}
		fprintf(f, "%4zu %4.0f %4.0f %4.0f %4.0f  %-5s %14.1f %14.1f %12.1f %10.2f "
		        "%10.2f %7s %8s %9s %9s  %s%s%s\n",
		        i + 1, e[i].tp, e[i].pp, e[i].dp, e[i].ep, "yes",
		        e[i].output_tps, e[i].total_tps, e[i].output_tps / chips,
		        e[i].ttft_s * 1e3, e[i].tpot_s * 1e3,
		        cell(w, sizeof w, "%.0f", e[i].watts),
		        /* by eval's rule (figtext.h): 0.715 above 0.580 and
		        ** 0.460, where "%.3g" gave 0.58 and 0.46, and 0.000380
		        ** where three decimals gave 0.000 (405B on TP1 x PP64
		        ** at batch 1) */
		        usd_cell(tj, sizeof tj, e[i].tokens_per_j),
		        /* USD per million tokens by eval's rule (figtext.h),
		        ** as eval, claim and the report write it: 1.70, where
		        ** "%.3f" wrote 1.699 of the same figure */
		        usd_cell(uc, sizeof uc, e[i].usd_cost),
		        usd_cell(up, sizeof up, e[i].usd_price),
		        rl_bound_name(e[i].bound),
		        e[i].clock_scale < 1
		            ? cell(tdp, sizeof tdp, ", TDP clock %.2f",
		                   e[i].clock_scale)
		            : "",
		        /* the limits at full load, service times: the list
		        ** under the targets says what meets them under load */
		        e[i].meets ? "" : " (outside the limits at full load)");
	}
	if (legal > n)
		fprintf(f, "(the first %zu of %zu shown)\n", n, legal);
	/* the bound column said in words too (ux28: an architect choosing a
	** mapping saw "compute" and "communication" with no word of which
	** phase or what they mean) */
	fprintf(f, "(bound: what sets the time of the iterations decode tokens "
	        "see, prefill's where\n --osl is 1: eval's decode.bound; "
	        "compute, memory (HBM traffic), communication\n (chip to "
	        "chip) or overhead (host time);\n"
	        " W/chip: what one chip draws; tok/J: output tokens per "
	        "joule, out/chip over W/chip,\n eval's "
	        "power.output_tokens_per_joule; $/M: USD per million output "
	        "tokens, chips\n amortized at their manufacturing cost or "
	        "their price, plus energy; n/a: no power\n model or no price, "
	        "as eval says%s)\n", tdp_marked(e, n)
	                            ? "; TDP clock s: the TDP lowered the clock "
	                              "to s of\n nominal, eval's "
	                              "power.clock_scale"
	                            : "");
}

int cmd_map(int argc, char **argv)
{
	eval_load_args a;
	eval_opts o;
	rl_setup st;
	rl_map_limits lim;
	load_opts lo;
	rl_slo_result best;
	loadout_usd usd = {NAN, NAN};
	rl_map_entry *e;
	map_slo *mc;
	map_nofit nf;
	char err[1024], profile[RL_NAME_MAX];
	val_chip_fit fit;
	char sw[1024];
	const char *at;
	size_t n, legal, i;
	double chips;
	int rc = RL_OK, bi = -1, near = -1;

	rc = read_args(&a, &lim, argc, argv);
	if (rc != OPT_GO_ON)
		return rc;
	rc = RL_OK;
	o = a.o;
	lo = a.lo;
	if ((rc = opts_apply(&o, &st, 1, err, sizeof err)))
		return input_fail("map", rc, err);
	/* --profile's, the scenario's, else the chip's default as eval
	** takes it; a chip with none keeps ideal, its note saying so */
	if ((rc = profile_settle(&o, &st, "--profile", profile, sizeof profile,
	                         &at, err, sizeof err)) < 0)
		return input_fail("map", rc == PROFILE_ENOMEM ? RL_EINTERNAL
		                                              : RL_EINPUT, err);
	/* a profile fitted on another chip's rows (eval's note) */
	if (val_trust_chip(st.profile, st.profile_file, st.chip, &fit, err,
	                   sizeof err) == RL_EINTERNAL)
		return input_fail("map", RL_EINTERNAL, err);
	/* a profile of software the chip's preset does not name (eval's) */
	if (profile_software_note(st.chip_file, st.chip, st.profile_file,
	                          st.profile, sw,
	                          sizeof sw, err, sizeof err) == PROFILE_ENOMEM)
		return input_fail("map", RL_EINTERNAL, err);
	if (sw[0]) {
		char line[1100];
		snprintf(line, sizeof line, "note: %s", sw);
		cli_say("map", line);
	}
	rc = RL_OK;
	opts_warn_inert_design("map", &o, &st);
	chips = st.cfg.scen.chips;
	if (!(chips >= 1))
		return bad_input("map", o.chips
		    ? "--chips: map needs a whole number of chips >= 1 (0 means "
		      "tp x pp x ep, the mapping map is asked to find)"
		    : "missing --chips N (the chips to map the model over)");
	e = malloc(MAP_MAX * sizeof *e);
	mc = malloc(MAP_MAX * sizeof *mc);
	if (!e || !mc) {
		free(e);
		free(mc);
		fprintf(stderr, "rooflab map: out of memory\n");
		return RL_EINTERNAL;
	}
	legal = rl_map_search(&st.cfg, &lim, e, MAP_MAX);
	n = legal < MAP_MAX ? legal : MAP_MAX;
	if (legal == 0) {
		/* every mapping refused as bad input: where the configuration
		** is refused whatever the mapping (a preset's or --set's value,
		** e.g. power.static_w beside power.idle_w), that is the reason,
		** named as eval names it; else the mappings are */
		rl_config one = st.cfg;
		rl_result r;
		char why[1024];
		one.scen.tp = one.scen.pp = one.scen.ep = 1;
		if (rl_eval(&one, &r) == RL_EINVAL) {
			snprintf(why, sizeof why, "%s", r.error);
			setup_where(&st, why, err, sizeof err);
		} else
			snprintf(err, sizeof err,
			         "no legal mapping of %.0f chip%s for this model and "
			         "chip (see rooflab eval --tp/--pp/--ep for why)",
			         chips, chips == 1 ? "" : "s");
		free(e);
		free(mc);
		return bad_input("map", err);
	}
	why_none_fits(&st, e, n, &nf);
	targets_unknown(n, mc);
	memset(&best, 0, sizeof best);
	if (lo.nt) {
		bi = best_under_targets(&st, &lo, e, mc, n, &best, &near, err,
		                        sizeof err);
		if (bi == -2) {
			free(e);
			free(mc);
			return bad_input("map", err);
		}
		best_usd(&st, e, bi, &best, &usd);
	}
	if (o.json) {
		json_w w;
		json_begin(&w, stdout);
		setup_json(&w, &st);
		evalout_fit_json(&w, "profile_fit", &fit);
		evalout_software_json(&w, sw);
		json_num(&w, "chips", chips);
		json_num(&w, "legal_mappings", (double)legal);
		ranked_by_json(&w, lim.rank_by);
		json_arr(&w, "mappings");
		for (i = 0; i < n; i++)
			entry_json(&w, &st, NULL, &e[i], &mc[i],
			           lo.nt > 0 ? lo.t : NULL, chips);
		json_end(&w);
		if (e[0].rc == RL_OK)
			entry_json(&w, &st, "best", &e[0], &mc[0],
			           lo.nt > 0 ? lo.t : NULL, chips);
		else
			json_null(&w, "best");
		nofit_out(&w, NULL, &st, e, &nf);
		if (lo.nt)
			targets_out(&w, NULL, &lo, e, bi, near, &best, &usd);
		json_finish(&w);
	} else {
		table(stdout, &st, e, n, legal, chips, lim.rank_by, &fit);
		nofit_out(NULL, stdout, &st, e, &nf);
		if (lo.nt) {
			size_t *ord = malloc(n * sizeof *ord);
			if (!ord) {
				free(e);
				free(mc);
				fprintf(stderr, "rooflab map: out of memory\n");
				return RL_EINTERNAL;
			}
			each_under_targets(stdout, &lo, e, mc, n, chips, ord);
			free(ord);
			targets_out(NULL, stdout, &lo, e, bi, near, &best, &usd);
		}
	}
	free(e);
	free(mc);
	if (cli_out_check("map") != RL_OK)
		rc = RL_EINTERNAL;
	return rc;
}
