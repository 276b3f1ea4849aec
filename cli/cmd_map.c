/*
** cmd_map.c: `rooflab map`: every legal mapping (tp x pp x dp, x ep for
** a mixture of experts) of --chips N chips, evaluated, ranked by system
** output tokens/s, those that do not fit marked, as a table or JSON.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/mapping.h"
#include "commands.h"
#include "evalout.h"
#include "options.h"

#define MAP_MAX 512

static void help(FILE *f)
{
	fputs("usage: rooflab map --chip NAME --model NAME --chips N "
	      "[--precision P] [--isl N] [--osl N]\n"
	      "         [--profile NAME] [--scenario NAME] [--set "
	      "section.key=value ...]\n"
	      "         [--ttft-max S] [--tpot-max S] [--json]\n\n"
	      "Evaluates every legal mapping of the N chips: tp dividing the "
	      "attention heads,\npp stages up to the layers, dp = N / (tp x pp) "
	      "replicas, and for a mixture of\nexperts every ep dividing dp and "
	      "the experts.  Ranked by output tokens/s of the\nwhole system; "
	      "mappings outside --ttft-max / --tpot-max (seconds of service "
	      "time,\nno queueing) rank after those within, and mappings that "
	      "do not fit in memory\nare listed last, marked.  Exit status: 0 "
	      "ok, 2 bad input, 1 internal.\n", f);
}

/* a positive number of seconds */
static int seconds(const char *flag, const char *v, double *out, char *err,
                   size_t len)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x) || x <= 0) {
		snprintf(err, len, "%s: '%s' is not a positive number of seconds",
		         flag, v);
		return -1;
	}
	*out = x;
	return 0;
}

static int read_args(eval_opts *o, rl_map_limits *lim, int argc, char **argv,
                     char *err, size_t len)
{
	static const char *const names[] = {"--ttft-max", "--tpot-max"};
	int i, rc;
	memset(o, 0, sizeof *o);
	memset(lim, 0, sizeof *lim);
	for (i = 1; i < argc; i++) {
		const char *v;
		rc = opts_take(o, argc, argv, &i, err, len);
		if (rc < 0)
			return -1;
		if (rc > 0)
			continue;
		rc = opt_pick(names, 2, argc, argv, &i, &v, err, len);
		if (rc == OPT_MISSING)
			return -1;
		if (rc < 0) {
			snprintf(err, len, "unknown option '%s' (see rooflab map "
			         "--help)", argv[i]);
			return -1;
		}
		if (seconds(names[rc], v, rc == 0 ? &lim->ttft_max_s
		                                  : &lim->tpot_max_s, err, len))
			return -1;
	}
	return 0;
}

static void entry_json(json_w *w, const char *key, const rl_map_entry *e,
                       double chips)
{
	json_obj(w, key);
	json_num(w, "tp", e->tp);
	json_num(w, "pp", e->pp);
	json_num(w, "dp", e->dp);
	json_num(w, "ep", e->ep);
	json_bool(w, "fits", e->rc == RL_OK);
	json_bool(w, "meets_limits", e->meets);
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
	} else {
		json_null(w, "throughput");
		json_null(w, "latency");
		json_null(w, "bound");
	}
	json_end(w);
}

static void table(FILE *f, const rl_setup *st, const rl_map_entry *e,
                  size_t n, size_t legal, double chips)
{
	const rl_scenario *s = &st->cfg.scen;
	size_t i;
	fprintf(f, "%s on %g x %s, %s, %g in / %g out, profile %s: %zu legal "
	        "mappings\n\n",
	        st->model, chips, st->chip,
	        rl_precision_name(rl_weight_prec(s)), s->isl, s->osl,
	        st->profile, legal);
	fprintf(f, "%4s %4s %4s %4s %4s  %-5s %14s %14s %12s %10s %10s  %s\n",
	        "rank", "tp", "pp", "dp", "ep", "fits", "output tok/s",
	        "total tok/s", "out/chip", "ttft ms", "tpot ms", "bound");
	for (i = 0; i < n; i++) {
		if (e[i].rc != RL_OK) {
			fprintf(f, "%4zu %4g %4g %4g %4g  %-5s %14s %14s %12s %10s "
			        "%10s  %s\n",
			        i + 1, e[i].tp, e[i].pp, e[i].dp, e[i].ep, "no", "-",
			        "-", "-", "-", "-", "does not fit in memory");
			continue;
		}
		fprintf(f, "%4zu %4g %4g %4g %4g  %-5s %14.1f %14.1f %12.1f %10.2f "
		        "%10.2f  %s%s\n",
		        i + 1, e[i].tp, e[i].pp, e[i].dp, e[i].ep, "yes",
		        e[i].output_tps, e[i].total_tps, e[i].output_tps / chips,
		        e[i].ttft_s * 1e3, e[i].tpot_s * 1e3,
		        rl_bound_name(e[i].bound),
		        e[i].meets ? "" : " (outside the latency limits)");
	}
	if (legal > n)
		fprintf(f, "(the first %zu of %zu shown)\n", n, legal);
}

int cmd_map(int argc, char **argv)
{
	eval_opts o;
	rl_setup st;
	rl_map_limits lim;
	rl_map_entry *e;
	char err[1024];
	size_t n, legal, i;
	double chips;
	int rc = RL_OK;

	for (i = 1; i < (size_t)argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(stdout);
			return RL_OK;
		}
	if (read_args(&o, &lim, argc, argv, err, sizeof err))
		return bad_input("map", err);
	if (opts_apply(&o, &st, 1, err, sizeof err))
		return bad_input("map", err);
	chips = st.cfg.scen.chips;
	if (!(chips >= 1))
		return bad_input("map", "missing --chips N (the chips to map the "
		                        "model over)");
	e = malloc(MAP_MAX * sizeof *e);
	if (!e) {
		fprintf(stderr, "rooflab map: out of memory\n");
		return RL_EINTERNAL;
	}
	legal = rl_map_search(&st.cfg, &lim, e, MAP_MAX);
	n = legal < MAP_MAX ? legal : MAP_MAX;
	if (legal == 0) {
		snprintf(err, sizeof err,
		         "no legal mapping of %g chips for this model and chip "
		         "(see rooflab eval --tp/--pp/--ep for why)", chips);
		free(e);
		return bad_input("map", err);
	}
	if (o.json) {
		json_w w;
		json_begin(&w, stdout);
		json_num(&w, "chips", chips);
		json_num(&w, "legal_mappings", (double)legal);
		json_arr(&w, "mappings");
		for (i = 0; i < n; i++)
			entry_json(&w, NULL, &e[i], chips);
		json_end(&w);
		if (e[0].rc == RL_OK)
			entry_json(&w, "best", &e[0], chips);
		else
			json_null(&w, "best");
		json_finish(&w);
	} else {
		table(stdout, &st, e, n, legal, chips);
	}
	free(e);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "rooflab map: cannot write the output\n");
		rc = RL_EINTERNAL;
	}
	return rc;
}
