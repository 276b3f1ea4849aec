/*
** cmd_curve.c: `rooflab curve`: the interactivity curve, output tokens/s
** per chip against output tokens/s per user as the concurrency per replica
** goes from 1 to the maximum, for one or several chips and mappings (comma
** lists: --chip h100-sxm,sohu --tp 1,8) on one chart; a table, --json, or
** (as `rooflab plot curve`) a gnuplot image.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/json.h"
#include "../config/num.h"
#include "../model/load.h"
#include "../model/mapping.h"
#include "../model/mapsearch.h"
#include "../plots/curve.h"
#include "../config/profiles.h"
#include "../model/figtext.h"
#include "../model/utf8.h"
#include "commands.h"
#include "evalout.h"
#include "loadopts.h"
#include "loadout.h"
#include "options.h"

#define MAX_SERIES 16
#define MAX_POINTS 64
#define LIST_MAX 512

typedef struct {
	char chip[RL_NAME_MAX];
	/* the profile it is served under and why (profile_settle's note):
	** without --profile each chip takes its own default */
	char profile[RL_NAME_MAX];
	char profile_note[sizeof ((rl_setup *)0)->profile_note];
	/* a profile fitted on another chip's rows (eval's note) */
	val_chip_fit fit;
	/* a profile of software the chip's preset does not name (eval's) */
	char software_note[1024];
	double tp, pp, ep, chips;
	double tdp_w;   /* the chip's TDP, for a point over it (over_tdp) */
	char label[160];
	rl_curve_point pts[MAX_POINTS];
	/* with latency targets: the first target point k misses (its index
	** in the targets), -1 where it meets them all */
	int miss[MAX_POINTS];
	int n;
} series;

/* The command line of curve and plot curve. */
typedef struct {
	eval_opts o;
	double step;
	const char *out, *term;
	load_opts lo; /* the latency targets (--ttft-max, --tpot-max) */
} curve_args;

/* The targets of a point: its TTFT and TPOT are the closed loop's at that
** concurrency, means (rl_curve), so the means alone are checked; the
** percentile forms map and eval take are refused (read_args). */
#define CURVE_OPTIONS                                                     \
	OPT_SUB(curve_args, o, eval_opts_table),                               \
	    OPT_NUM("--step", curve_args, step, "F", 1.01, 100, 0,             \
	            "the factor between concurrencies (default 2)")

/* curve's alone: plot curve draws every point */
#define CURVE_TARGETS                                                     \
	    LOADOPTS_TARGET(offsetof(curve_args, lo), "--ttft-", RL_SLO_TTFT,  \
	                    "--ttft-max S", "latency targets in seconds (the "  \
	                    "point's means):"),                                 \
	    LOADOPTS_TARGET(offsetof(curve_args, lo), "--tpot-", RL_SLO_TPOT,  \
	                    "--tpot-max S", "each point marked met or not, and "\
	                    "each chip's\nPareto front also over the points "    \
	                    "meeting them")

static const opt_def curve_table[] = {CURVE_OPTIONS, CURVE_TARGETS,
                                      OPT_LAST};
static const opt_def plot_table[] = {
    CURVE_OPTIONS,
    OPT_STR("--out", curve_args, out, "FILE", "FILE.png|svg|pdf"),
    OPT_STR("--term", curve_args, term, "NAME", "png, svg, pdf or dumb"),
    OPT_LAST};

static void help(FILE *f, int plot)
{
	fprintf(f, "usage: rooflab %s --chip NAME[,NAME...] --model NAME "
	        "[--tp N[,N...]]\n"
	        "         [--pp N] [--ep N] [--chips N] [--batch N] "
	        "[--precision P] [--isl N]\n"
	        "         [--osl N] [--profile NAME] [--scenario NAME]\n"
	        "         [--set section.key=value ...] [--step F]%s%s"
	        "\n\n",
	        plot ? "plot curve" : "curve", plot ? "\n         " : "\n         ",
	        plot ? "--out FILE.png|svg|pdf | --term dumb"
	             : "[--ttft-max S] [--tpot-max S] [--json]");
	fputs("Output tokens/s per chip against output tokens/s per user (1 / "
	      "TPOT) as the\nconcurrency per replica goes from 1 to the maximum "
	      "in steps of a factor F\n(default 2), the maximum last: one line "
	      "per chip and tensor-parallel degree.\n--chips is the system "
	      "(default: the largest --tp x --pp x --ep); replicas =\nchips / "
	      "(tp x pp).  Each point is the engine at full load with that "
	      "concurrency\ncap (a closed-loop benchmark).  Without --profile "
	      "(or a scenario naming one)\neach chip is served under its "
	      "default profile, as eval takes it (the last\ncalibrated "
	      "profile of its software; the profiles fitted per version, such "
	      "as\ntrtllm-1.0, are no default); a chip with none under ideal, "
	      "the roofline\nwith every efficiency 100%.  Each line says which and "
	      "why.  Exit status: 0 ok,\n2 bad input, 1 internal.\n", f);
	if (!plot)
		fputs("With --ttft-max or --tpot-max, a point meets the targets "
		      "where its TTFT and\nTPOT (the closed loop's means at that "
		      "concurrency: no queueing, no\npercentiles; map and eval "
		      "search a rate under Poisson arrivals) are within\nthem.\n",
		      f);
	if (!plot)
		fputs("--json writes {model, precision, isl, osl, profile (the "
		      "one of every series,\nnull where they differ), series: "
		      "[{chip, profile, profile_chosen (why that\nprofile), profile_fit "
		      "(null, or {profile, fitted_chip,\nrows_on_fitted_chip, "
		      "note} where the profile was fitted\non "
		      "another chip's rows), software_note (null, or why its\nfigures are "
		      "its software's carried over), tp, pp,\nep, chips, points: [{concurrency, tokens_per_s_per_user,\n"
		      "output_tokens_per_s_per_chip, output_tokens_per_s (the "
		      "system's), ttft_s,\ntpot_s, over_tdp (true: over the "
		      "chip's TDP even at the lowest clock, the four\nfigures "
		      "before it null), lowest_clock_watts (its power there, "
		      "else null)}],\nlimit (what bounds the last point)}], "
		      "pareto: [{chip, points: [{mapping, tp, pp,\n"
		      "ep, concurrency, tokens_per_s_per_user, "
		      "output_tokens_per_s_per_chip,\noutput_tokens_per_s, ttft_s, "
		      "tpot_s}]}]: each chip's Pareto front over its\nlines, the "
		      "most interactive first}, SI units.  With targets also:\n"
		      "targets: [{metric, percentile (mean), max_s}], each point's "
		      "meets_targets\n(true or false) and misses (the first target "
		      "it misses: metric, percentile,\nmax_s, value_s; null where "
		      "met or over the TDP), and\npareto_under_targets: each "
		      "chip's front over the points meeting them.\n", f);
	opt_help(f, plot ? plot_table : curve_table);
}

static void help_curve(FILE *f)
{
	help(f, 0);
}

static void help_plot(FILE *f)
{
	help(f, 1);
}

/* Split "a,b,c" into at most max items of len bytes; count, or -1. */
static int split(const char *list, char items[][RL_NAME_MAX], int max)
{
	int n = 0;
	const char *p = list;
	while (*p) {
		const char *c = strchr(p, ',');
		size_t l = c ? (size_t)(c - p) : strlen(p);
		if (l == 0 || l >= RL_NAME_MAX || n == max)
			return -1;
		memcpy(items[n], p, l);
		items[n++][l] = '\0';
		p += l + (c ? 1 : 0);
		if (c && !*p)
			return -1;
	}
	return n;
}

/* The options into a; OPT_GO_ON, or the exit status after help or a
** message. */
static int read_args(int argc, char **argv, int plot, curve_args *a)
{
	const char *cmd = plot ? "plot curve" : "curve";
	int rc, k;
	memset(a, 0, sizeof *a);
	a->step = 2;
	rc = opt_parse(cmd, plot ? plot_table : curve_table, a, argc, argv, NULL,
	               0, NULL, plot ? help_plot : help_curve);
	if (rc != OPT_GO_ON)
		return rc;
	if (plot && a->o.json)
		return bad_input(cmd, "--json: plot curve draws an image (rooflab "
		                 "curve --json gives the numbers)");
	for (k = 0; k < a->lo.nt; k++)
		if (a->lo.t[k].pct > 0) {
			char msg[512], pt[32];
			const char *m = rl_slo_metric_name(a->lo.t[k].metric);
			loadopts_pct_text(a->lo.t[k].pct, pt, sizeof pt);
			snprintf(msg, sizeof msg, "--%s-p%s-max: a curve point is a "
			         "closed loop at one concurrency, whose TTFT and TPOT "
			         "the model gives as means only; give --%s-max S, or "
			         "map or eval for percentiles under Poisson arrivals",
			         m, pt, m);
			return bad_input(cmd, msg);
		}
	loadopts_unit_notes(cmd, &a->lo);
	return OPT_GO_ON;
}

/* Every chip x tp series into s; count, or -1 with err, -2 where a
** preset could not be held in memory (opts_apply's RL_EINTERNAL: no fault
** of the input).  cmd names the command in a warning. */
static int compute(const char *cmd, const eval_opts *o, double step,
                   series *s, char *err, size_t errlen)
{
	char chips[MAX_SERIES][RL_NAME_MAX], tps[MAX_SERIES][RL_NAME_MAX];
	int nc = 1, nt = 1, c, t, n = 0;
	double tpmax = 0, defchips;
	snprintf(chips[0], RL_NAME_MAX, "%s", "");
	snprintf(tps[0], RL_NAME_MAX, "%s", "");
	if (o->chip && (nc = split(o->chip, chips, MAX_SERIES)) < 1) {
		snprintf(err, errlen, "--chip: '%s' is not a list of at most %d "
		         "names (NAME,NAME)", o->chip, MAX_SERIES);
		return -1;
	}
	if (o->tp && (nt = split(o->tp, tps, MAX_SERIES)) < 1) {
		snprintf(err, errlen, "--tp: '%s' is not a list of at most %d "
		         "degrees (1,2,4,8)", o->tp, MAX_SERIES);
		return -1;
	}
	if (nc * nt > MAX_SERIES) {
		snprintf(err, errlen, "%d chips x %d tp degrees: at most %d lines",
		         nc, nt, MAX_SERIES);
		return -1;
	}
	double tpv[MAX_SERIES];
	for (t = 0; t < nt && o->tp; t++) {
		if (num_parse("--tp", tps[t], 1, 1024, &tpv[t], err, errlen))
			return -1;
		tpmax = fmax(tpmax, tpv[t]);
	}
	/* one line each: a chip or degree given twice drew its line twice */
	for (c = 0; c < nc; c++)
		for (t = 0; t < c; t++)
			if (!strcmp(chips[c], chips[t])) {
				snprintf(err, errlen, "--chip: %s is given twice", chips[c]);
				return -1;
			}
	for (c = 0; c < nt && o->tp; c++)
		for (t = 0; t < c; t++)
			if (tpv[c] == tpv[t]) {
				snprintf(err, errlen, "--tp: %s is given twice (as %s)",
				         tps[c], tps[t]);
				return -1;
			}
	/* the default system holds the largest tp's replica whole: tp x pp x
	** ep chips, as eval's --chips defaults to (it took tp alone, so a
	** --pp or --ep without --chips was refused as not dividing them) */
	defchips = tpmax;
	if (tpmax > 0) {
		double v;
		char e2[256]; /* a bad --pp or --ep is said by opts_apply below */
		if (o->pp && !num_parse("--pp", o->pp, 1, 4096, &v, e2, sizeof e2))
			defchips *= v;
		if (o->ep && !num_parse("--ep", o->ep, 1, 4096, &v, e2, sizeof e2))
			defchips *= v;
	}
	for (c = 0; c < nc; c++)
		for (t = 0; t < nt; t++) {
			eval_opts one = *o;
			rl_setup st;
			char tpmax_s[32], e2[1024], prof[RL_NAME_MAX], words[80];
			const char *at;
			int rc, ps;
			one.chip = o->chip ? chips[c] : NULL;
			one.tp = o->tp ? tps[t] : NULL;
			snprintf(tpmax_s, sizeof tpmax_s, "%.0f", defchips);
			if (!o->chips && tpmax > 0)
				one.chips = tpmax_s;
			rc = opts_apply(&one, &st, 1, e2, sizeof e2);
			if (!rc && (ps = profile_settle(&one, &st, "--profile", prof,
			                                sizeof prof, &at, e2,
			                                sizeof e2)) < 0)
				rc = ps == PROFILE_ENOMEM ? RL_EINTERNAL : -1;
			if (rc) {
				snprintf(err, errlen, "%s", e2);
				return rc == RL_EINTERNAL ? -2 : -1;
			}
			snprintf(s[n].profile, sizeof s[n].profile, "%s", st.profile);
			snprintf(s[n].profile_note, sizeof s[n].profile_note, "%s",
			         st.profile_note);
			if (val_trust_chip(st.profile, st.profile_file, st.chip,
			                   &s[n].fit, e2, sizeof e2) == RL_EINTERNAL) {
				snprintf(err, errlen, "%s", e2);
				return -2;
			}
			if (profile_software_note(st.chip_file, st.chip,
			                          st.profile_file, st.profile,
			                          s[n].software_note,
			                          sizeof s[n].software_note, e2,
			                          sizeof e2) == PROFILE_ENOMEM) {
				snprintf(err, errlen, "%s", e2);
				return -2;
			}
			if (t == 0 && s[n].software_note[0]) { /* once per chip */
				char line[1100];
				snprintf(line, sizeof line, "note: %s",
				         s[n].software_note);
				cli_say(cmd, line);
			}
			if (t == 0) /* once per chip */
				opts_warn_inert_design(cmd, &one, &st);
			snprintf(s[n].chip, sizeof s[n].chip, "%s", st.chip);
			s[n].tp = st.cfg.scen.tp;
			s[n].pp = st.cfg.scen.pp;
			s[n].ep = st.cfg.scen.ep;
			s[n].tdp_w = st.cfg.chip.tdp_w;
			s[n].chips = st.cfg.scen.chips > 0 ? st.cfg.scen.chips
			                                   : st.cfg.scen.tp;
			/* "h100-sxm TP2 x PP1 x DP4": its mapping as every text
			** spells it, where it said "h100-sxm tp2" */
			snprintf(s[n].label, sizeof s[n].label, "%s %s", st.chip,
			         rl_mapping_words(words, sizeof words, s[n].tp,
			                          s[n].pp, rl_scen_dp(&st.cfg.scen),
			                          st.cfg.scen.ep));
			s[n].n = rl_curve(&st.cfg, step, s[n].pts, MAX_POINTS, e2,
			                  sizeof e2);
			if (s[n].n < 0) {
				char where[1536];
				/* with the chip or model file the message is about */
				setup_where(&st, e2, where, sizeof where);
				snprintf(err, errlen, "%s: %s", s[n].label, where);
				return -1;
			}
			n++;
		}
	return n;
}

/* The profile every series is served under, or NULL where they differ
** (chips of different software, or one with no calibrated profile). */
static const char *common_profile(const series *s, int n)
{
	int i;
	for (i = 1; i < n; i++)
		if (strcmp(s[i].profile, s[0].profile))
			return NULL;
	return s[0].profile;
}

/* The title: what is plotted, then the workload, the chips and the
** profile every series is served under, or "each chip's profile" where
** they differ (each line's label names its own). */
static void title_of(const rl_setup *st, const series *s, int n, char *t,
                     size_t len)
{
	double chips = st->cfg.scen.chips > 0 ? st->cfg.scen.chips
	                                      : st->cfg.scen.tp;
	const char *p = common_profile(s, n);
	snprintf(t, len, "Interactivity: throughput per chip against tokens/s "
	         "per user\n%s, %s, %.0f in / %.0f out, %.0f chip%s, %s%s",
	         st->model, rl_precision_name(rl_weight_prec(&st->cfg.scen)),
	         st->cfg.scen.isl, st->cfg.scen.osl, chips, chips == 1 ? "" : "s",
	         p ? "profile " : "each chip's profile", p ? p : "");
}

/* A point over its chip's TDP at every clock in map's words
** (rl_map_not_run_words): "over its 80 W TDP at every clock (88 W at the
** lowest clock)". */
static const char *over_words(const series *s, const rl_curve_point *p,
                              char *buf, size_t len)
{
	rl_config c;
	rl_map_entry e;
	memset(&c, 0, sizeof c);
	memset(&e, 0, sizeof e);
	c.chip.tdp_w = s->tdp_w;
	e.rc = RL_EPOWER;
	e.lowest_w = p->lowest_w;
	return rl_map_not_run_words(&c, &e, buf, len);
}

/* Each point against the latency targets t[0..nt-1] (means: a point's
** TTFT and TPOT are the closed loop's at its concurrency): miss[k] the
** first target it misses, -1 where it meets them all, -2 over the TDP at
** every clock (no figures to check). */
static void mark_targets(series *s, int n, const rl_slo *t, int nt)
{
	int i, k, j;
	for (i = 0; i < n; i++)
		for (k = 0; k < s[i].n; k++) {
			const rl_curve_point *p = &s[i].pts[k];
			s[i].miss[k] = p->over_tdp ? -2 : -1;
			for (j = 0; j < nt && s[i].miss[k] == -1; j++) {
				double v = t[j].metric == RL_SLO_TTFT ? p->ttft_s
				                                      : p->tpot_s;
				if (!(v <= t[j].max_s))
					s[i].miss[k] = j;
			}
		}
}

/* The targets in words: "ttft mean <= 500 ms, tpot mean <= 30 ms". */
static const char *targets_words(const rl_slo *t, int nt, char *buf,
                                 size_t len)
{
	size_t used = 0;
	int j;
	buf[0] = '\0';
	for (j = 0; j < nt && used < len; j++) {
		char name[48], ms[64];
		loadout_target_name(&t[j], name, sizeof name);
		/* in ms by eval's rule, as the search's and eval's targets
		** (evalout_value: 1500.0 ms, where %g wrote 1500) */
		evalout_value(ms, sizeof ms, t[j].max_s * 1e3, "ms");
		used += (size_t)snprintf(buf + used, len - used, "%s%s <= %s",
		                         j ? ", " : "", name, ms);
	}
	return buf;
}

/* A point of a Pareto front: its series and its index there. */
typedef struct {
	int s, k;
} front_pt;

/* The Pareto front of one chip over its lines (every series of that
** chip, each tp x pp): the points no other point of the chip beats on
** both tokens/s per user and tokens/s per chip, the most interactive
** first, into f (room for MAX_SERIES x MAX_POINTS); their count.  A point
** over the TDP at every clock has no throughput and is left out; with
** under, so is every point missing a latency target (mark_targets).  What a
** user sizing a deployment reads off the lines by eye, where they cross. */
static int front_of(const series *s, int n, const char *chip, int under,
                    front_pt *f)
{
	int i, k, m = 0, j, out = 0;
	double best = -INFINITY;
	for (i = 0; i < n; i++) {
		if (strcmp(s[i].chip, chip))
			continue;
		for (k = 0; k < s[i].n; k++) {
			const rl_curve_point *p = &s[i].pts[k];
			if (p->over_tdp || !isfinite(p->tps_per_user) ||
			    !isfinite(p->output_tps_per_chip) ||
			    (under && s[i].miss[k] != -1))
				continue;
			f[m].s = i;
			f[m].k = k;
			/* insertion: tokens/s per user down, then per chip down */
			for (j = m; j > 0; j--) {
				const rl_curve_point *a = &s[f[j - 1].s].pts[f[j - 1].k];
				if (a->tps_per_user > p->tps_per_user ||
				    (a->tps_per_user == p->tps_per_user &&
				     a->output_tps_per_chip >= p->output_tps_per_chip))
					break;
				front_pt t = f[j - 1];
				f[j - 1] = f[j];
				f[j] = t;
			}
			m++;
		}
	}
	/* walking down in tokens/s per user, a point is on the front where
	** it gives more per chip than every more interactive one */
	for (j = 0; j < m; j++) {
		double v = s[f[j].s].pts[f[j].k].output_tps_per_chip;
		if (v > best) {
			best = v;
			f[out++] = f[j];
		}
	}
	return out;
}

/* Whether series i is the first of its chip (each chip's front once). */
static int first_of_chip(const series *s, int i)
{
	int j;
	for (j = 0; j < i; j++)
		if (!strcmp(s[j].chip, s[i].chip))
			return 0;
	return 1;
}

/* A table cell of 4 significant digits, whole from 10,000 on: 14080
** tokens/s, where %.4g wrote "1.408e+04" beside "1760" in the next
** column; exponent form only from 1e15 on (and below 1e-4), as %.4g, and
** a figure rounded to 1e15 (999999999999999.9) in that form too, where
** it was sixteen plain digits (model/figtext.c rl_fig_cell4). */
static const char *cell(char *buf, size_t len, double v)
{
	return rl_fig_cell4(buf, len, v, 0);
}

/* A rate or a time: cell's 4 significant digits with their trailing
** zeros kept, so that a column reads to one precision (10.24, 10.90,
** 12.20, 20.00 ms, where %.4g wrote 10.24, 10.9, 12.2, 20); a whole
** number of 4 digits without the point %#.4g leaves (1360, not 1360.).
** The concurrency stays cell's: its points are whole numbers. */
static const char *cellz(char *buf, size_t len, double v)
{
	return rl_fig_cell4(buf, len, v, 1);
}

/* A series' mapping in words: its label less the chip's name. */
static const char *mapping_of(const series *s)
{
	size_t l = strlen(s->chip);
	return strncmp(s->label, s->chip, l) == 0 && s->label[l] == ' '
	           ? s->label + l + 1 : s->label;
}

static void front_json(json_w *w, const char *key, const series *s, int n,
                       int under, front_pt *f)
{
	int i, j, m;
	json_arr(w, key);
	for (i = 0; i < n; i++) {
		if (!first_of_chip(s, i))
			continue;
		m = front_of(s, n, s[i].chip, under, f);
		json_obj(w, NULL);
		json_str(w, "chip", s[i].chip);
		json_arr(w, "points");
		for (j = 0; j < m; j++) {
			const series *q = &s[f[j].s];
			const rl_curve_point *p = &q->pts[f[j].k];
			json_obj(w, NULL);
			json_str(w, "mapping", mapping_of(q));
			json_num(w, "tp", q->tp);
			json_num(w, "pp", q->pp);
			json_num(w, "ep", q->ep);
			json_num(w, "concurrency", p->concurrency);
			json_num(w, "tokens_per_s_per_user", p->tps_per_user);
			json_num(w, "output_tokens_per_s_per_chip",
			         p->output_tps_per_chip);
			json_num(w, "output_tokens_per_s", p->output_tps);
			json_num(w, "ttft_s", p->ttft_s);
			json_num(w, "tpot_s", p->tpot_s);
			json_end(w);
		}
		json_end(w);
		json_end(w);
	}
	json_end(w);
}

static void front_table(const series *s, int n, int under, front_pt *f)
{
	int i, j, m, lines, k;
	for (i = 0; i < n; i++) {
		char chip[RL_NAME_MAX], map[sizeof s[0].label];
		if (!first_of_chip(s, i))
			continue;
		for (lines = 0, k = 0; k < n; k++)
			lines += !strcmp(s[k].chip, s[i].chip);
		m = front_of(s, n, s[i].chip, under, f);
		if (under && m == 0) {
			printf("\nPareto front of %s under the targets: none of its "
			       "points meets them\n",
			       rl_utf8_cell(s[i].chip, 0, 0, chip, sizeof chip));
			continue;
		}
		if (under)
			printf("\nPareto front of %s under the targets, over the "
			       "points of its %d line%s\nmeeting them: no other such "
			       "point gives more tok/s/chip at as many\ntok/s/user\n",
			       rl_utf8_cell(s[i].chip, 0, 0, chip, sizeof chip),
			       lines, lines == 1 ? "" : "s");
		else
			printf("\nPareto front of %s over its %d line%s: no other "
			       "point gives more tok/s/chip\nat as many tok/s/user "
			       "(the TTFT not weighed)\n",
			       rl_utf8_cell(s[i].chip, 0, 0, chip, sizeof chip),
			       lines, lines == 1 ? "" : "s");
		printf("  %-24s %11s %11s %11s %9s %9s\n", "mapping",
		       "concurrency", "tok/s/user", "tok/s/chip", "TTFT ms",
		       "TPOT ms");
		for (j = 0; j < m; j++) {
			const series *q = &s[f[j].s];
			const rl_curve_point *p = &q->pts[f[j].k];
			char c[5][32];
			printf("  %-24s %11s %11s %11s %9s %9s\n",
			       rl_utf8_cell(mapping_of(q), 0, 0, map, sizeof map),
			       cell(c[0], 32, p->concurrency),
			       cellz(c[1], 32, p->tps_per_user),
			       cellz(c[2], 32, p->output_tps_per_chip),
			       cellz(c[3], 32, p->ttft_s * 1e3),
			       cellz(c[4], 32, p->tpot_s * 1e3));
		}
	}
}

static void write_json(const series *s, int n, const rl_setup *st,
                       const load_opts *lo, front_pt *f)
{
	json_w w;
	int i, k;
	json_begin(&w, stdout);
	json_str(&w, "model", st->model);
	json_str(&w, "precision",
	         rl_precision_name(rl_weight_prec(&st->cfg.scen)));
	json_num(&w, "isl", st->cfg.scen.isl);
	json_num(&w, "osl", st->cfg.scen.osl);
	if (common_profile(s, n))
		json_str(&w, "profile", s[0].profile);
	else
		json_null(&w, "profile");
	json_arr(&w, "series");
	for (i = 0; i < n; i++) {
		json_obj(&w, NULL);
		json_str(&w, "chip", s[i].chip);
		json_str(&w, "profile", s[i].profile);
		json_str(&w, "profile_chosen", s[i].profile_note);
		evalout_fit_json(&w, "profile_fit", &s[i].fit);
		evalout_software_json(&w, s[i].software_note);
		json_num(&w, "tp", s[i].tp);
		json_num(&w, "pp", s[i].pp);
		json_num(&w, "ep", s[i].ep);
		json_num(&w, "chips", s[i].chips);
		json_arr(&w, "points");
		for (k = 0; k < s[i].n; k++) {
			const rl_curve_point *p = &s[i].pts[k];
			json_obj(&w, NULL);
			json_num(&w, "concurrency", p->concurrency);
			json_num(&w, "tokens_per_s_per_user", p->tps_per_user);
			json_num(&w, "output_tokens_per_s_per_chip",
			         p->output_tps_per_chip);
			json_num(&w, "output_tokens_per_s", p->output_tps);
			json_num(&w, "ttft_s", p->ttft_s);
			json_num(&w, "tpot_s", p->tpot_s);
			json_bool(&w, "over_tdp", p->over_tdp);
			json_num(&w, "lowest_clock_watts", p->lowest_w);
			if (lo->nt) {
				int j = s[i].miss[k];
				json_bool(&w, "meets_targets", j == -1);
				if (j < 0) {
					json_null(&w, "misses");
				} else {
					json_obj(&w, "misses");
					json_str(&w, "metric",
					         rl_slo_metric_name(lo->t[j].metric));
					json_str(&w, "percentile", "mean");
					json_num(&w, "max_s", lo->t[j].max_s);
					json_num(&w, "value_s",
					         lo->t[j].metric == RL_SLO_TTFT ? p->ttft_s
					                                        : p->tpot_s);
					json_end(&w);
				}
			}
			json_end(&w);
		}
		json_end(&w);
		json_str(&w, "limit", rl_limit_name(s[i].pts[s[i].n - 1].limit));
		json_end(&w);
	}
	json_end(&w);
	front_json(&w, "pareto", s, n, 0, f);
	if (lo->nt) {
		loadout_targets_json(&w, lo->t, lo->nt, NULL);
		front_json(&w, "pareto_under_targets", s, n, 1, f);
	}
	json_finish(&w);
}

/* what the limit name means, for the series' line (ux28: "the last point:
** kv_cache" named a profile key or engine state with no word of what it
** caps or why) */
static const char *limit_words(int limit)
{
	return limit == RL_LIMIT_TOKENS ? "the token budget of one iteration"
	       : limit == RL_LIMIT_BATCH
	           ? "the most sequences in flight at once"
	       : limit == RL_LIMIT_MEMORY ? "the memory left for the KV cache"
	       : limit == RL_LIMIT_USER   ? "the --batch given"
	                                  : "?";
}

static void write_table(const series *s, int n, const char *title,
                        const load_opts *lo, front_pt *f)
{
	int i, k;
	char first[400], line[400], lab[sizeof s[0].label];
	char prof[RL_NAME_MAX], note[sizeof s[0].profile_note];
	/* the title's two lines and each label (a chip's name may come from
	** a file) with their controls as '?' */
	size_t nl = strcspn(title, "\n");
	snprintf(first, sizeof first, "%.*s", (int)nl, title);
	printf("%s\n", rl_utf8_cell(first, 0, 0, line, sizeof line));
	if (title[nl])
		printf("%s\n", rl_utf8_cell(title + nl + 1, 0, 0, line,
		                             sizeof line));
	if (lo->nt)
		printf("targets: %s (each point's closed-loop means)\n",
		       targets_words(lo->t, lo->nt, line, sizeof line));
	for (i = 0; i < n; i++) {
		/* the label spells the mapping, its replicas as DP */
		printf("\n%s (%.0f chip%s; the last point: %s, %s, caps its "
		       "concurrency)\n",
		       rl_utf8_cell(s[i].label, 0, 0, lab, sizeof lab), s[i].chips,
		       s[i].chips == 1 ? "" : "s",
		       rl_limit_name(s[i].pts[s[i].n - 1].limit),
		       limit_words(s[i].pts[s[i].n - 1].limit));
		/* its profile and why, as eval's first line says it */
		printf("  profile %s (%s)\n",
		       rl_utf8_cell(s[i].profile, 0, 0, prof, sizeof prof),
		       rl_utf8_cell(s[i].profile_note, 0, 0, note, sizeof note));
		if (s[i].fit.carried) {
			fputs("  ", stdout);
			evalout_fit_text(stdout, &s[i].fit);
		}
		printf("  %12s %14s %16s %14s %10s %10s%s\n", "concurrency",
		       "tok/s/user", "tok/s/chip", "tok/s system", "TTFT ms",
		       "TPOT ms", lo->nt ? "  targets" : "");
		for (k = 0; k < s[i].n; k++) {
			const rl_curve_point *p = &s[i].pts[k];
			char why[128];
			char c[6][32];
			if (p->over_tdp) {
				printf("  %12s  %s\n", cell(c[0], 32, p->concurrency),
				       over_words(&s[i], p, why, sizeof why));
				continue;
			}
			printf("  %12s %14s %16s %14s %10s %10s",
			       cell(c[0], 32, p->concurrency),
			       cellz(c[1], 32, p->tps_per_user),
			       cellz(c[2], 32, p->output_tps_per_chip),
			       cellz(c[3], 32, p->output_tps),
			       cellz(c[4], 32, p->ttft_s * 1e3),
			       cellz(c[5], 32, p->tpot_s * 1e3));
			if (lo->nt && s[i].miss[k] == -1)
				printf("  met");
			else if (lo->nt) {
				char name[48];
				loadout_target_name(&lo->t[s[i].miss[k]], name,
				                    sizeof name);
				printf("  misses %s", name);
			}
			putchar('\n');
		}
	}
	front_table(s, n, 0, f);
	if (lo->nt)
		front_table(s, n, 1, f);
}

/* curve or plot curve with s[MAX_SERIES] as the series' room. */
static int run_in(int argc, char **argv, int plot, series *s)
{
	plot_curve_series ps[MAX_SERIES];
	curve_args a;
	eval_opts o;
	rl_setup st;
	const char *out, *term_name;
	const char *cmd = plot ? "plot curve" : "curve";
	char err[2048], title[400];
	double step;
	gp_term term = GP_PNG;
	int n, i, rc;

	rc = read_args(argc, argv, plot, &a);
	if (rc != OPT_GO_ON)
		return rc;
	o = a.o;
	step = a.step;
	out = a.out;
	term_name = a.term;
	if (plot && gp_out_term(out, term_name, &term, err, sizeof err))
		return bad_input(cmd, err);
	n = compute(cmd, &o, step, s, err, sizeof err);
	if (n < 0)
		return input_fail(cmd, n == -2 ? RL_EINTERNAL : RL_EINPUT, err);
	mark_targets(s, n, a.lo.t, a.lo.nt);
	{ /* the setup of the first series, for the title */
		eval_opts one = o;
		char first[RL_NAME_MAX], e2[256];
		one.chip = s[0].chip[0] ? s[0].chip : o.chip;
		if (o.chip) {
			snprintf(first, sizeof first, "%.*s",
			         (int)strcspn(o.chip, ","), o.chip);
			one.chip = first;
		}
		one.tp = NULL;
		if ((rc = opts_apply(&one, &st, 1, e2, sizeof e2)))
			return input_fail(cmd, rc, e2);
		st.cfg.scen.chips = s[0].chips;
	}
	title_of(&st, s, n, title, sizeof title);
	if (!plot) {
		front_pt *f = malloc(MAX_SERIES * MAX_POINTS * sizeof *f);
		if (!f) {
			fprintf(stderr, "rooflab curve: out of memory\n");
			return RL_EINTERNAL;
		}
		if (o.json)
			write_json(s, n, &st, &a.lo, f);
		else
			write_table(s, n, title, &a.lo, f);
		free(f);
		return RL_OK;
	}
	/* series of different profiles: each line's label names its own, as
	** the title says */
	if (!common_profile(s, n))
		for (i = 0; i < n; i++) {
			size_t l = strlen(s[i].label);
			snprintf(s[i].label + l, sizeof s[i].label - l, ", %s",
			         s[i].profile);
		}
	for (i = 0; i < n; i++) {
		/* points over the TDP at every clock are not drawn (no
		** throughput the chip can run at): said, and a line with none
		** left refused */
		int k, over = 0, first = -1;
		char why[128];
		for (k = 0; k < s[i].n; k++)
			if (s[i].pts[k].over_tdp) {
				over++;
				if (first < 0)
					first = k;
			}
		if (over) {
			/* the concurrency in the table's digits (cell): at --step
			** 1.5 a point is 1.5^k sequences, 38.4375 in the table as
			** 38.44, which %.0f wrote as 38 */
			char msg[512], conc[32];
			snprintf(msg, sizeof msg, "%s: %d of its %d point%s %s, "
			         "not drawn (concurrency %s first)%s", s[i].label,
			         over, s[i].n, s[i].n == 1 ? "" : "s",
			         over_words(&s[i], &s[i].pts[first], why, sizeof why),
			         cell(conc, sizeof conc, s[i].pts[first].concurrency),
			         over == s[i].n ? ": nothing to draw; --set "
			         "chip.tdp_w lifts the limit" : "");
			if (over == s[i].n)
				return bad_input(cmd, msg);
			cli_warn(cmd, msg);
		}
		ps[i].label = s[i].label;
		ps[i].pts = s[i].pts;
		ps[i].n = s[i].n;
	}
	rc = plot_curve_render(ps, n, title, term, out, err, sizeof err);
	if (rc != RL_OK) {
		cli_say(cmd, err);
		return rc == RL_EINPUT ? RL_EINPUT : RL_EINTERNAL;
	}
	if (out)
		cli_wrote(cmd, out);
	return RL_OK;
}

/* The series (about 60 kB) on the heap: not on the stack, and no state
** kept between calls. */
static int run(int argc, char **argv, int plot)
{
	series *s = calloc(MAX_SERIES, sizeof *s);
	int rc;
	if (!s) {
		fprintf(stderr, "rooflab %s: out of memory\n",
		        plot ? "plot curve" : "curve");
		return RL_EINTERNAL;
	}
	rc = run_in(argc, argv, plot, s);
	free(s);
	return rc;
}

int cmd_curve(int argc, char **argv)
{
	return run(argc, argv, 0);
}

int cmd_plot_curve(int argc, char **argv)
{
	return run(argc, argv, 1);
}
