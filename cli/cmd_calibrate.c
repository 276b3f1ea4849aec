/*
** cmd_calibrate.c: `rooflab calibrate`: fit a profile's efficiency
** parameters to measurement rows (model/calibrate.c), print each row's
** error and its leave-one-out error, and write the fitted profile.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../claim/validation.h"
#include "../config/commalist.h"
#include "../config/measure.h"
#include "../config/meassetup.h"
#include "../config/memout.h"
#include "../config/num.h"
#include "../config/presetcache.h"
#include "../config/tmpfile.h"
#include "../model/utf8.h"
#include "../model/archgroup.h"
#include "../model/calibrate.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../model/stats.h"
#include "commands.h"
#include "fitlist.h"
#include "options.h"
#include "parseopt.h"
#include "profileout.h"

/* Fitted unless --fit says otherwise: every efficiency and overhead. */
static const char *const default_fit =
    "eff_compute,eff_attention,eff_memory,eff_kv_memory,eff_link,"
    "allreduce_latency_us,iter_overhead_ms,layer_overhead_us,seq_overhead_us";

typedef struct {
	const char *profile, *mfile, *software, *version, *chip, *fit, *out;
	const char *aside, *both_ends, *weight;
	int by_model, by_arch, loo;
	double row_sigma, huber;
} calibrate_args;

static const opt_def table[] = {
    OPT_STR("--profile", calibrate_args, profile, "NAME",
            "the profile to start from"),
    OPT_STR("--measurements", calibrate_args, mfile, "FILE",
            "the rows (default data/measurements.csv)"),
    OPT_STR("--software", calibrate_args, software, "TEXT",
            "only rows of this software"),
    OPT_STR("--version", calibrate_args, version, "TEXT",
            "only rows of this version"),
    OPT_STR("--chip", calibrate_args, chip, "NAME", "only rows of this chip"),
    OPT_STR("--fit", calibrate_args, fit, "LIST",
            "p1[=LOW:HIGH][~CENTRE/SIGMA],p2,...: the parameters\nfitted"),
    OPT_NUM("--row-sigma", calibrate_args, row_sigma, "S", 0, 10, NUM_LO_OPEN,
            "a row's log error taken to scatter by S beside the\n"
            "priors' widths (default 1)"),
    OPT_NUM("--huber", calibrate_args, huber, "D", 0, 10, NUM_LO_OPEN,
            "Huber's loss: rows' log errors beyond +-D count linearly\n"
            "(default: least squares)"),
    OPT_STR("--aside", calibrate_args, aside, "ID,ID,...",
            "rows (by id) that no fit takes, still predicted and\ncounted"),
    OPT_STR("--weight", calibrate_args, weight, "ID=W,...",
            "rows (by id) whose squared log error counts W times\n"
            "(0 < W <= 100) in every fit"),
    OPT_STR("--both-ends", calibrate_args, both_ends, "NAME,...",
            "--fit parameters (with LOW:HIGH) that a fit ending on a\n"
            "bound fits again from the other end, the lower kept"),
    OPT_BOOL("--loo-model", calibrate_args, by_model,
             "leave out each model name's rows at once"),
    OPT_BOOL("--loo-arch", calibrate_args, by_arch,
             "leave out each architecture's rows at once: every\n"
             "model name whose preset is the same network"),
    OPT_STR("--out", calibrate_args, out, "FILE",
            "the fitted profile (default NAME-fitted.ini)"),
    OPT_SETINT("--no-loo", calibrate_args, loo, 0,
               "no leave-out errors"),
    OPT_LAST};

static void help(FILE *f)
{
	fputs("usage: rooflab calibrate --profile NAME [--measurements FILE]\n"
	      "         [--software TEXT] [--version TEXT] [--chip NAME]\n"
	      "         [--fit p1[=LOW:HIGH][~CENTRE/SIGMA],p2,...] [--loo-model]\n"
	      "         [--loo-arch] [--row-sigma S] [--huber D] [--aside ID,...]\n"
	      "         [--weight ID=W,...] [--both-ends NAME,...] [--out FILE]\n"
	      "         [--no-loo]\n\n"
	      "--version and --chip keep only the rows of that version and "
	      "chip;\nLOW:HIGH bounds a parameter's fit (without it, the "
	      "parameter's own range;\na parameter ending on a bound is "
	      "reported); ~CENTRE/SIGMA adds a Gaussian\nprior of that "
	      "centre and width (display units) to the least squares,\nbeside "
	      "rows whose log errors are taken to scatter by S (--row-sigma,\n"
	      "default 1), so that a parameter the rows do not pin stays near "
	      "CENTRE;\n--loo-model leaves out each model name's rows at once; "
	      "--loo-arch each\narchitecture's: the rows of every model whose "
	      "preset is the same network\nfor the engine (every model "
	      "parameter equal: llama3-70b, llama3.1-70b and\nllama3.3-70b are "
	      "one), named in the output and the profile's [meta].\n"
	      "--huber D fits Huber's loss instead of the squares (every\n"
	      "fit, leave-out ones too): a row's log error r costs r^2 within "
	      "+-D\n(log-error units: 0.1 is 10%) and 2 D |r| - D^2 beyond, "
	      "so a row that\nmeasured another run pulls the fit no harder "
	      "than one D off would;\nfitted by reweighting (weights min(1, "
	      "D / |r|), the priors' 1) until\nthe parameters settle.\n"
	      "--both-ends NAME,... (--fit parameters with LOW:HIGH): where a "
	      "fit,\nleave-out ones too, leaves one of them on a bound, it is "
	      "fitted again\nfrom a quarter inside the other end and the fit "
	      "of the lower objective\nkept, so a parameter with a minimum at "
	      "each end gets the lower one\nwhichever end the start runs "
	      "into.\n"
	      "--weight ID=W,... counts each named row's squared log error W\n"
	      "times in every fit (leave-out ones too; a row left out counts in\n"
	      "none), so that a row the fit must keep close (a claim's baseline)\n"
	      "weighs as W rows would; the leave-out error of that row is still\n"
	      "its fit without it.\n"
	      "Fits the profile's parameters (default: every efficiency and "
	      "overhead)\nto the modelled rows of FILE (default "
	      "data/measurements.csv) whose\nsoftware column is TEXT (default: "
	      "all), by least squares on\nlog(model/measured); prints each "
	      "row's error and leave-one-out error;\nwrites the fitted profile "
	      "to FILE (default NAME-fitted.ini).\n\n"
	      "Exit 0 when the profile was fitted and written; 2 for bad input: "
	      "a\nmissing or unknown --profile, an option or a --fit entry out "
	      "of its\nform or range, a measurements file or version table that "
	      "cannot be\nread or is refused (naming file, line and column), a "
	      "row that cannot\nbe set up, fewer modelled rows than the fit "
	      "needs, an --aside or --weight id\nthat is not among them, a "
	      "--weight row given two weights or set aside\nby --aside, an "
	      "--out that cannot be written; 1 for an internal failure\n(out "
	      "of memory, a full disk, an I/O error).\n", f);
	opt_help(f, table);
}

/* 1 where row cr's log error log(model / measured) at the profile as
** loaded is a finite number, as a fit needs; else 0 with the row named and
** why (a value measured at 2.2e-308 tokens/s against 2,409 modelled: the
** ratio overflows, and the fit read "rms log error inf"; validate lists
** such a row not modelled).  A row the model cannot predict here is kept,
** as it was: the fit's own residual takes it. */
static int finite_log_error(const rl_calib_row *cr, const meas_row *m)
{
	char id[MEAS_FIELD], mv[32], pv[32];
	double pred;
	if (rl_calib_predict(cr, NULL, 0, NULL, &pred) || !(pred > 0))
		return 1;
	/* the fit's own log error (rl_calib_log_error), not the ratio less
	** 1, which rounds to -1 where the ratio is tiny but no 0 (1e308
	** measured against 1,360 modelled: log error -702, a finite number
	** the fit takes, as validate models the row) */
	if (isfinite(rl_calib_log_error(pred, cr->measured, cr->half_step)))
		return 1;
	/* the measured value as given, in all its digits (rl_number_write),
	** the model's figure by eval's rule (rl_fig_text), where %.6g wrote
	** 1e+308 and 1360.12 */
	if (isfinite(pred))
		printf("left out %s: its log error is no finite number (measured "
		       "%s, modelled %s)\n",
		       rl_utf8_cell(m->id, 0, 0, id, sizeof id),
		       rl_number_write(cr->measured, mv, sizeof mv),
		       rl_fig_text(pv, sizeof pv, pred));
	else
		printf("left out %s: the model gives no finite figure for it "
		       "(measured %s)\n",
		       rl_utf8_cell(m->id, 0, 0, id, sizeof id),
		       rl_number_write(cr->measured, mv, sizeof mv));
	return 0;
}

/* The rows of set that the options select and the engine accepts, as
** calibration rows: rows[] and used[] (each row's measurement; both with
** room for set->n), their count in *nrows.  A row the engine refuses, or
** one of a model the version table lists not modelled for its version (a
** row scoped to it without a profile), or one whose log error is no
** finite number (finite_log_error), is left out, printed and counted in
** *skipped.  Each row's presets are loaded through cache (the run's: a
** profile, chip and model read once).  RL_OK, or RL_EINPUT with the
** message printed. */
static int collect_rows(const meas_set *set, const calibrate_args *o,
                        const char *mfile, const char *path,
                        preset_cache *cache, const val_versions *vt,
                        rl_calib_row *rows, const meas_row **used,
                        size_t *nrows, int *skipped)
{
	char err[1024];
	size_t i;
	int rc;
	*nrows = 0;
	*skipped = 0;
	for (i = 0; i < set->n; i++) {
		const meas_row *m = &set->rows[i];
		rl_calib_row *cr = &rows[*nrows];
		const val_version *vv;
		rl_setup st;
		rl_result r;
		if (!m->modelled || meas_micro(m) ||
		    (o->software && strcmp(m->software, o->software)) ||
		    (o->version && strcmp(m->version, o->version)) ||
		    (o->chip && strcmp(m->chip, o->chip)))
			continue;
		/* the version table's row for the model: one scoped to it
		** without a profile lists it not modelled (validate's rows), so
		** its rows are no more fitted than validated */
		vv = vt ? val_version_for(vt, m->software, m->version, m->model)
		        : NULL;
		if (vv && vv->models[0] && !vv->profile[0]) {
			char id[MEAS_FIELD], why[1024];
			printf("left out %s: not modelled by the version table (%s)\n",
			       rl_utf8_cell(m->id, 0, 0, id, sizeof id),
			       rl_utf8_cell(vv->note, 0, 0, why, sizeof why));
			(*skipped)++;
			continue;
		}
		if ((rc = meas_setup_cached(m, path, cache, &st, err,
		                            sizeof err))) {
			char msg[2048];
			snprintf(msg, sizeof msg, "%s:%d (%s): %s", mfile, m->line,
			         m->id, err);
			cli_say("calibrate", msg);
			return rc;
		}
		if (rl_eval(&st.cfg, &r) != RL_OK) {
			/* a configuration the engine refuses (does not fit, tp
			** does not divide the heads) is left out of the fit */
			char id[MEAS_FIELD], why[1024];
			printf("left out %s: %s\n",
			       rl_utf8_cell(m->id, 0, 0, id, sizeof id),
			       rl_utf8_cell(r.error, 0, 0, why, sizeof why));
			(*skipped)++;
			continue;
		}
		memset(cr, 0, sizeof *cr); /* load.rate_rps 0: at maximum load */
		cr->cfg = st.cfg;
		cr->measured = m->value;
		cr->half_step = meas_half_step(m);
		/* "tokens_per_s" counts as the version table says */
		cr->metric = meas_metric(m, vv && vv->tokens_total);
		if (meas_at_rate(m)) {
			/* served at a rate: the load model predicts it */
			cr->load.rate_rps = m->request_rate_rps;
			cr->load.requests = m->requests;
		} else {
			/* at maximum load, a run of this many requests */
			cr->load.requests = m->requests;
		}
		if (!finite_log_error(cr, m)) {
			(*skipped)++;
			continue;
		}
		used[(*nrows)++] = m;
	}
	return RL_OK;
}

/* Marks in aside[] the rows whose ids the comma-separated list names
** (*naside: how many); an id that is not among the rows is an error.  The
** ids are split at each comma by commalist_next (the rule of a sweep
** list, a claim side spec and --fit) and kept as written, blanks and all
** (an id is matched byte for byte).  An empty id (two commas together,
** one at an end, or an empty list) is refused: one at the end was
** skipped, one elsewhere read as the id '', and an empty list set nothing
** aside without a word.  RL_OK, RL_EINPUT or RL_EINTERNAL (out of
** memory: no fault of the list), with err. */
static int mark_aside(const char *list, const meas_row *const *used,
                      size_t n, unsigned char *aside, size_t *naside,
                      char *err, size_t errlen)
{
	char *buf = malloc(strlen(list) + 1), *rest = buf, *id;
	int rc = 0;
	*naside = 0;
	if (!buf) {
		snprintf(err, errlen, "--aside: out of memory");
		return RL_EINTERNAL;
	}
	strcpy(buf, list);
	while (!rc && (id = commalist_next(&rest, 0)))
		if (!*id)
			rc = -1;
	if (rc && !*list)
		snprintf(err, errlen, "--aside: an empty list (ids separated by "
		         "commas)");
	else if (rc)
		snprintf(err, errlen, "--aside: '%.*s': an empty id (two commas, "
		         "or one at an end)", rl_utf8_cut(list, 200), list);
	if (rc) {
		free(buf);
		return RL_EINPUT;
	}
	strcpy(buf, list);
	rest = buf;
	while ((id = commalist_next(&rest, 0))) {
		size_t i, hit = 0;
		for (i = 0; i < n; i++)
			if (!strcmp(used[i]->id, id)) {
				*naside += !aside[i];
				aside[i] = 1;
				hit = 1;
			}
		if (!hit) {
			snprintf(err, errlen, "--aside: no row '%.*s' among the %zu "
			         "rows this fit selects (ids of the measurements "
			         "file, after --software, --version and --chip)",
			         rl_utf8_cut(id, 80), id, n);
			free(buf);
			return RL_EINPUT;
		}
	}
	free(buf);
	return RL_OK;
}

/* Each row's weight into weight[] (n of them): 1, or the W that list
** (--weight, "ID=W" entries separated by commas, NULL: none) gives its
** id, 0 < W <= 100; *nweight: the rows named.  An entry without '=' (the
** id is what precedes the last one), an id that is not among the rows, a
** W out of its range, an id named again with another W or a row --aside
** sets aside (aside[i]: no fit takes it, so a weight would count in none
** while the profile's header said the row was weighted in the fit) is an
** error.  RL_OK, RL_EINPUT or RL_EINTERNAL (out of memory: no fault of
** the list), with err. */
static int mark_weight(const char *list, const meas_row *const *used,
                       size_t n, const unsigned char *aside, double *weight,
                       size_t *nweight, char *err, size_t errlen)
{
	static const num_range range = {0, 100, NUM_LO_OPEN, NULL};
	char *buf, *rest, *ent;
	unsigned char *named;
	char what[128];
	size_t i;
	int rc = RL_OK;
	*nweight = 0;
	for (i = 0; i < n; i++)
		weight[i] = 1.0;
	if (!list)
		return RL_OK;
	buf = malloc(strlen(list) + 1);
	named = calloc(n ? n : 1, 1);
	if (!buf || !named) {
		free(buf);
		free(named);
		snprintf(err, errlen, "--weight: out of memory");
		return RL_EINTERNAL;
	}
	strcpy(buf, list);
	rest = buf;
	while (!rc && (ent = commalist_next(&rest, 0))) {
		char *eq = strrchr(ent, '=');
		size_t hit = 0;
		double w;
		if (!eq || eq == ent) {
			snprintf(err, errlen, "--weight: '%.*s': not ID=W (a row's "
			         "id, '=', a number in (0, 100])",
			         rl_utf8_cut(ent, 80), ent);
			rc = RL_EINPUT;
			break;
		}
		*eq = '\0';
		/* which row's W, where a list names several */
		snprintf(what, sizeof what, "--weight: row '%.*s'",
		         rl_utf8_cut(ent, 80), ent);
		if (num_read(what, eq + 1, &range, &w, err, errlen)) {
			rc = RL_EINPUT;
			break;
		}
		for (i = 0; i < n && !rc; i++) {
			if (strcmp(used[i]->id, ent))
				continue;
			if (aside[i]) {
				snprintf(err, errlen, "--weight: row '%.*s' is set aside "
				         "by --aside: no fit takes it, so a weight counts "
				         "in none (weigh it or set it aside)",
				         rl_utf8_cut(ent, 80), ent);
				rc = RL_EINPUT;
				break;
			}
			if (named[i] && weight[i] != w) {
				char w0[32], w1[32];
				snprintf(err, errlen, "--weight: row '%.*s' weighted "
				         "twice (%s, then %s)", rl_utf8_cut(ent, 80),
				         ent, rl_number_write(weight[i], w0, sizeof w0),
				         rl_number_write(w, w1, sizeof w1));
				rc = RL_EINPUT;
				break;
			}
			*nweight += !named[i];
			named[i] = 1;
			weight[i] = w;
			hit = 1;
		}
		if (!hit && !rc) {
			snprintf(err, errlen, "--weight: no row '%.*s' among the "
			         "%zu rows this fit selects (ids of the measurements "
			         "file, after --software, --version and --chip)",
			         rl_utf8_cut(ent, 80), ent, n);
			rc = RL_EINPUT;
		}
	}
	free(buf);
	free(named);
	return rc;
}

/* How rows are left out: one at a time, a model name's rows, or an
** architecture's (every name whose preset is the same network:
** model/archgroup.h); each with its words in the output and its [meta] key. */
enum { LOO_ROW = 0, LOO_MODEL, LOO_ARCH };
static const char *const loo_words[] = {"leave-1-out", "leave-one-model-out",
                                        "leave-one-architecture-out"};
static const char *const loo_keys[] = {"leave_one_out", "leave_one_model_out",
                                       "leave_one_architecture_out"};
static const char *const loo_column[] = {"leave-1-out", "leave-model",
                                         "leave-arch"};

static int loo_kind(const calibrate_args *o)
{
	return o->by_arch ? LOO_ARCH : o->by_model ? LOO_MODEL : LOO_ROW;
}

/* One group per model name (LOO_MODEL), or per architecture (LOO_ARCH:
** names whose models are one network share one): each row's is the
** index of its group's first row.  RL_OK, or RL_EINTERNAL out of memory. */
static int loo_groups(const rl_calib_row *rows, const meas_row *const *used,
                      size_t n, int kind, int *group)
{
	const rl_config **cfg = calloc(n ? n : 1, sizeof *cfg);
	const char **name = calloc(n ? n : 1, sizeof *name);
	size_t i, r;
	if (!cfg || !name) {
		free(cfg);
		free(name);
		return RL_EINTERNAL;
	}
	for (i = 0; i < n; i++) {
		cfg[i] = &rows[i].cfg;
		name[i] = used[i]->model;
	}
	if (kind == LOO_ARCH)
		rl_arch_groups(cfg, name, n, group);
	else
		for (i = 0; i < n; i++) {
			group[i] = (int)i;
			for (r = 0; r < i; r++)
				if (!strcmp(name[r], name[i])) {
					group[i] = group[r];
					break;
				}
		}
	free(cfg);
	free(name);
	return RL_OK;
}

/* Each row's error at the fit (e_fit) and left out (e_loo; NAN without
** loo), printed with the fit's summary; meta gets the profile's [meta]
** line of the leave-out error ("" without loo), kind's key, naming the
** model names left out together as one network (twins: "a = b, c = d";
** "" for none). */
static void print_errors(const meas_row *const *used, size_t nrows,
                         const double *model, const double *loov, int loo,
                         int kind, const char *twins,
                         const rl_calib_info *info,
                         const unsigned char *aside, double *e_fit, double *e_loo, char *meta,
                         size_t metalen)
{
	size_t i, nfitted = 0;
	/* the row's id, 46 characters wide (4 bytes each at most) */
	char id[4 * 46 + 1];
	meta[0] = '\0';
	if (loo && kind == LOO_ARCH)
		printf("leave-one-architecture-out: %s%s\n\n",
		       twins[0] ? "left out together, one network under several "
		                  "names: " : "every model name is a network of "
		                  "its own", twins);
	printf("%-46s %11s %11s %8s %11s %8s\n", "row", "measured", "model",
	       "error", loo_column[kind], "error");
	for (i = 0; i < nrows; i++) {
		/* a value published rounded misses by its distance to the
		** rounding's interval (calibrate.h) */
		double h = meas_half_step(used[i]);
		e_fit[i] = rl_calib_miss(model[i], used[i]->value, h);
		e_loo[i] = loo ? rl_calib_miss(loov[i], used[i]->value, h) : NAN;
		/* the measured value as given, the model's and the left-out
		** figures by eval's rule, as validate's table writes them,
		** where %.5g wrote 5835.6 beside validate's 5835.57 */
		char mv[32], pv[32];
		printf("%s %11s %11s %+7.1f%% ",
		       rl_utf8_cell(used[i]->id, 46, 1, id, sizeof id),
		       rl_number_write(used[i]->value, mv, sizeof mv),
		       rl_fig_text(pv, sizeof pv, model[i]), 100 * e_fit[i]);
		if (loo)
			printf("%11s %+7.1f%%", rl_fig_text(pv, sizeof pv, loov[i]),
			       100 * e_loo[i]);
		else /* none worked out (--no-loo): not a NaN */
			printf("%11s %8s", "-", "-");
		printf("%s\n", aside[i] ? "  (set aside)" : "");
	}
	for (i = 0; i < nrows; i++)
		nfitted += !aside[i];
	printf("\nfit: %zu iterations, rms log error %.3f (start %.3f)",
	       info->iterations, info->rms_log,
	       sqrt(info->chisq0 / (double)nfitted));
	if (info->chisq_prior > 0) {
		char cp[32], cs[32];
		printf("; the priors add %s to the sum of squares %s",
		       rl_fig_text(cp, sizeof cp, info->chisq_prior),
		       rl_fig_text(cs, sizeof cs, info->chisq));
	}
	printf("\n");
	printf("absolute error   in-sample: median %.1f%%, 90th pct %.1f%%\n",
	       100 * stats_abs_quantile(e_fit, nrows, 0.5),
	       100 * stats_abs_quantile(e_fit, nrows, 0.9));
	if (!loo)
		printf("absolute error %s: not worked out (--no-loo)\n",
		       loo_words[kind]);
	if (loo) {
		/* a row the leave-out fit cannot predict (its model no longer
		** fits the chip, say) has no error: count what the quantiles
		** are over, and say how many rows that leaves out */
		double med = 100 * stats_abs_quantile(e_loo, nrows, 0.5);
		double p90 = 100 * stats_abs_quantile(e_loo, nrows, 0.9);
		size_t n_loo = 0;
		char missing[128] = "", over[64], together[1100] = "";
		for (i = 0; i < nrows; i++)
			n_loo += isfinite(e_loo[i]) != 0;
		snprintf(over, sizeof over, "%zu", nrows);
		if (n_loo < nrows) {
			snprintf(missing, sizeof missing, " (%zu of %zu rows: the "
			         "others have no leave-out prediction)", n_loo,
			         nrows);
			snprintf(over, sizeof over, "%zu of %zu", n_loo, nrows);
		}
		if (twins[0])
			snprintf(together, sizeof together, " (left out together: "
			         "%s)", twins);
		printf("absolute error %s: median %.1f%%, 90th pct %.1f%%%s\n",
		       loo_words[kind], med, p90, missing);
		snprintf(meta, metalen, "%s = median |error| %.1f%%, 90th "
		         "percentile %.1f%% over %s rows%s%s\n", loo_keys[kind],
		         med, p90, over, n_loo < nrows ? " (the others have no "
		         "leave-out prediction)" : "", together);
	}
}

/* What the profile says of a fitted value: its bounds (and the bound it
** ended on, within 1% of the range), its prior; "" with neither.  Without
** --fit bounds the fit keeps a fraction inside the parameter's own range
** (a logistic) and clamps any other to it: a value that ends on one of
** those (within 0.1% of a fraction's range, or at the clamp) is said too,
** as "ON ITS upper BOUND of the parameter's range [0.001, 1]".  Any other
** is fitted as log(value) (model/calibrate.c to_value), which never
** reaches a range's floor of 0: rows that want less than any positive
** value drive log(value) towards minus infinity and leave 1e-59 us, not 0,
** where the fit can no longer move it (its slope is the value times the
** rows').  Within 1e-9 of the range of its end it is on that end. */
static void fit_comment(const rl_param *p, double v, double lo, double hi,
                        double centre, double sigma, char *buf, size_t len)
{
	size_t l;
	buf[0] = '\0';
	if (!isfinite(lo)) {
		int frac = p->min >= 0 && p->max <= 1;
		double w = p->max - p->min, tol = (frac ? 1e-3 : 1e-9) * w;
		const char *at = v <= p->min + tol   ? "lower"
		                 : v >= p->max - tol ? "upper"
		                                     : NULL;
		char pmin[32], pmax[32];
		if (at)
			snprintf(buf, len, "ON ITS %s BOUND of the parameter's range "
			         "[%s, %s]", at, rl_number_write(p->min, pmin, sizeof pmin),
			         rl_number_write(p->max, pmax, sizeof pmax));
	} else {
		double w = hi - lo;
		const char *at = v <= lo + 0.01 * w   ? "lower"
		                 : v >= hi - 0.01 * w ? "upper"
		                                      : NULL;
		char lt[32], ht[32];
		/* the bounds and the prior as given, in all their digits */
		snprintf(buf, len, "in [%s, %s]%s%s%s",
		         rl_number_write(lo, lt, sizeof lt),
		         rl_number_write(hi, ht, sizeof ht),
		         at ? ", ON ITS " : "", at ? at : "", at ? " BOUND" : "");
	}
	l = strlen(buf);
	if (isfinite(centre)) {
		char ct[32], st[32];
		snprintf(buf + l, len - l, "%sprior %s +- %s", l ? ", " : "",
		         rl_number_write(centre, ct, sizeof ct),
		         rl_number_write(sigma, st, sizeof st));
	}
}

/* What one calibration holds, from the options to the fitted values. */
typedef struct {
	const rl_param *fit[RL_CALIB_MAX_PARAMS];
	double lo[RL_CALIB_MAX_PARAMS], hi[RL_CALIB_MAX_PARAMS];
	double centre[RL_CALIB_MAX_PARAMS], sigma[RL_CALIB_MAX_PARAMS];
	double sigma_fit[RL_CALIB_MAX_PARAMS], values[RL_CALIB_MAX_PARAMS];
	unsigned char ends[RL_CALIB_MAX_PARAMS]; /* --both-ends, per --fit entry */
	char fit_com[RL_CALIB_MAX_PARAMS][256], meta[1500];
	char twins[1024]; /* names left out together (LOO_ARCH): "a = b" */
	size_t nfit, nrows, naside;
	int skipped, vok;    /* vok: the version table was read into vt */
	const char *mfile;   /* the measurements file (mbuf by default) */
	char path[1024], mbuf[1024];
	meas_set set;
	/* the run's presets, labels and setups, each resolved once
	** (presetcache.h): the rows' labels as the file is read, each row's
	** setup of (profile, chip, model) as the fit's rows are set up */
	preset_cache *cache;
	val_versions vt;
	rl_setup base;
	rl_calib_row *rows;
	const meas_row **used;
	double *model, *loov, *e_fit, *e_loo;
	int *group;
	unsigned char *aside;
	double *weight;      /* --weight: each row's (1 where not named) */
	size_t nweight;      /* rows --weight names */
	rl_calib_info info;
} calib_job;

static void job_free(calib_job *j)
{
	if (j->vok)
		val_versions_free(&j->vt);
	free(j->rows);
	free(j->used);
	free(j->group);
	free(j->aside);
	free(j->weight);
	free(j->model);
	free(j->loov);
	free(j->e_fit);
	free(j->e_loo);
	meas_free(&j->set);
	preset_cache_free(j->cache);
}

/* Marks in j->ends the --fit entries that list (--both-ends, names
** separated by commas) names, each as --fit takes it (act_buffers or
** profile.act_buffers: fitlist.c); each must be a --fit parameter with
** LOW:HIGH bounds (the ends it is fitted from).  0, or -1 with err. */
static int mark_ends(const char *list, calib_job *j, char *err, size_t errlen)
{
	const char *p = list;
	memset(j->ends, 0, sizeof j->ends);
	for (;;) {
		size_t len = strcspn(p, ","), i;
		/* the key alone, where it is given dotted as --fit allows */
		size_t skip = len > 8 && !strncmp(p, "profile.", 8) ? 8 : 0;
		for (i = 0; i < j->nfit; i++)
			if (strlen(j->fit[i]->key) == len - skip &&
			    !strncmp(j->fit[i]->key, p + skip, len - skip))
				break;
		if (i == j->nfit) {
			snprintf(err, errlen, "--both-ends: '%.*s' is not among the "
			         "--fit parameters", (int)len, p);
			return -1;
		}
		if (!isfinite(j->lo[i]) || !isfinite(j->hi[i])) {
			snprintf(err, errlen, "--both-ends: '%.*s' has no LOW:HIGH "
			         "bounds in --fit (the ends it is fitted from)",
			         (int)len, p);
			return -1;
		}
		j->ends[i] = 1;
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

/* The profile's file and --fit's parameters, bounds and priors: RL_OK, or
** bad_input's status. */
static int job_options(calib_job *j, const calibrate_args *o)
{
	char err[1024];
	size_t i;
	if (!o->profile) {
		/* the profiles to fit, named as eval names the chips */
		char known[768];
		preset_known("profile", known, sizeof known);
		snprintf(err, sizeof err, "missing --profile NAME: the profile "
		         "whose efficiencies to fit (known: %s)", known);
		return bad_input("calibrate", err);
	}
	if (preset_path("profile", o->profile, j->path, sizeof j->path, err,
	                sizeof err))
		return bad_input("calibrate", err);
	if (fitlist_parse(o->fit ? o->fit : default_fit, j->fit, &j->nfit,
	                  j->lo, j->hi, j->centre, j->sigma, err, sizeof err))
		return bad_input("calibrate", err);
	/* the rows' residuals are log errors of width 1: a prior of width
	** SIGMA beside rows that scatter by S weighs as width SIGMA / S */
	for (i = 0; i < j->nfit; i++)
		j->sigma_fit[i] = j->sigma[i] / o->row_sigma;
	if (o->both_ends && mark_ends(o->both_ends, j, err, sizeof err))
		return bad_input("calibrate", err);
	return RL_OK;
}

/* The measurements and the version table: RL_OK, bad_input's status, or
** RL_EINTERNAL (out of memory), the message printed. */
static int job_read(calib_job *j, const calibrate_args *o)
{
	char err[1024], vfile[1100];
	int rc;
	j->mfile = o->mfile;
	if (!j->mfile) {
		snprintf(j->mbuf, sizeof j->mbuf, "%s/measurements.csv",
		         rl_data_dir());
		j->mfile = j->mbuf;
	}
	if (!(j->cache = preset_cache_new())) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		return RL_EINTERNAL;
	}
	if ((rc = meas_read_cached(j->mfile, &j->set, j->cache, err,
	                           sizeof err)) != RL_OK) {
		cli_say("calibrate", err);
		return rc == RL_EINPUT ? RL_EINPUT : RL_EINTERNAL;
	}
	/* without the version table, "tokens_per_s" counts output tokens; a
	** table that is there but cannot be read is refused, as validate
	** refuses it, not passed over */
	snprintf(vfile, sizeof vfile, "%s/profiles/versions.csv", rl_data_dir());
	j->vok = access(vfile, F_OK) == 0;
	if (j->vok && (rc = val_versions_read(vfile, &j->vt, err, sizeof err))) {
		j->vok = 0;
		if (rc != RL_EINTERNAL)
			return bad_input("calibrate", err);
		cli_say("calibrate", err);
		return rc;
	}
	return RL_OK;
}

/* The profile fitted from, and the rows it is fitted on (enough of them
** for the parameters), its values as the fit's start: RL_OK or the
** status, the message printed. */
static int job_rows(calib_job *j, const calibrate_args *o)
{
	char err[1024];
	size_t i, n = j->set.n ? j->set.n : 1;
	int rc;
	setup_init(&j->base);
	if ((rc = setup_load(&j->base, "profile", o->profile, err, sizeof err)))
		return input_fail("calibrate", rc, err);
	j->rows = calloc(n, sizeof *j->rows);
	j->used = calloc(n, sizeof *j->used);
	if (!j->rows || !j->used) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		return RL_EINTERNAL;
	}
	if ((rc = collect_rows(&j->set, o, j->mfile, j->path, j->cache,
	                       j->vok ? &j->vt : NULL, j->rows, j->used,
	                       &j->nrows, &j->skipped)) != RL_OK)
		return rc;
	if (j->nrows < j->nfit + 1) {
		snprintf(err, sizeof err, "%s: %zu modelled rows%s%s%s for %zu "
		         "parameters: need at least %zu", j->mfile, j->nrows,
		         o->software ? " with software '" : "",
		         o->software ? o->software : "", o->software ? "'" : "",
		         j->nfit, j->nfit + 1);
		return bad_input("calibrate", err);
	}
	for (i = 0; i < j->nfit; i++)
		j->values[i] = rl_param_get(&j->base.cfg, j->fit[i]);
	return RL_OK;
}

/* Each row's model, leave-out and error slots, its model's group and
** whether --aside sets it aside (enough rows left to fit): RL_OK or the
** status, the message printed. */
static int job_arrays(calib_job *j, const calibrate_args *o)
{
	char err[1024];
	size_t n = j->nrows;
	int rc;
	j->model = calloc(n, sizeof *j->model);
	j->loov = calloc(n, sizeof *j->loov);
	j->e_fit = calloc(n, sizeof *j->e_fit);
	j->e_loo = calloc(n, sizeof *j->e_loo);
	j->group = calloc(n, sizeof *j->group);
	j->aside = calloc(n, sizeof *j->aside);
	j->weight = malloc((n ? n : 1) * sizeof *j->weight);
	if (!j->model || !j->loov || !j->e_fit || !j->e_loo || !j->group ||
	    !j->aside || !j->weight) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		return RL_EINTERNAL;
	}
	if (loo_kind(o) != LOO_ROW &&
	    loo_groups(j->rows, j->used, n, loo_kind(o), j->group) != RL_OK) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		return RL_EINTERNAL;
	}
	j->twins[0] = '\0';
	if (loo_kind(o) == LOO_ARCH) {
		const char **name = calloc(n ? n : 1, sizeof *name);
		size_t i;
		char raw[sizeof j->twins];
		if (!name) {
			fprintf(stderr, "rooflab calibrate: out of memory\n");
			return RL_EINTERNAL;
		}
		for (i = 0; i < n; i++)
			name[i] = j->used[i]->model;
		rl_arch_twins(name, j->group, n, raw, sizeof raw);
		free(name);
		/* names are the measurements file's: control bytes as '?' */
		rl_utf8_cell(raw, 0, 0, j->twins, sizeof j->twins);
	}
	/* out of memory is no fault of the lists: exit 1, not 2 */
	if ((o->aside && (rc = mark_aside(o->aside, j->used, n, j->aside,
	                                  &j->naside, err, sizeof err))) ||
	    (rc = mark_weight(o->weight, j->used, n, j->aside, j->weight,
	                      &j->nweight, err, sizeof err))) {
		return input_fail("calibrate", rc, err);
	}
	if (n - j->naside < j->nfit + 1) {
		snprintf(err, sizeof err, "--aside leaves %zu rows to fit for %zu "
		         "parameters: need at least %zu", n - j->naside, j->nfit,
		         j->nfit + 1);
		return bad_input("calibrate", err);
	}
	return RL_OK;
}

/* The fit (and its leave-out fits): RL_OK, or rl_calibrate's status with
** the message printed. */
static int job_fit(calib_job *j, const calibrate_args *o)
{
	rl_calib_opts copts;
	int rc;
	copts.lo = j->lo;
	copts.hi = j->hi;
	copts.centre = j->centre;
	copts.sigma = j->sigma_fit;
	copts.group = loo_kind(o) != LOO_ROW ? j->group : NULL;
	copts.aside = j->naside ? j->aside : NULL;
	copts.huber_delta = o->huber; /* 0: least squares */
	copts.both_ends = o->both_ends ? j->ends : NULL;
	copts.row_weight = j->nweight ? j->weight : NULL;
	rc = rl_calibrate(j->rows, j->nrows, j->fit, j->nfit, &copts, j->values,
	                  j->model, o->loo ? j->loov : NULL, &j->info);
	if (rc != RL_OK)
		fprintf(stderr, "rooflab calibrate: the fit could not run\n");
	return rc;
}

/* The rows' errors, the fit's summary and the fitted values, which go
** into the profile (j->base) with what the profile says of each. */
static void job_print(calib_job *j, const calibrate_args *o)
{
	char err[1024], prof[4200], mf[4200], sw[1024], hd[32], vt[32];
	size_t i;
	/* (paths and the software as given, their controls as '?':
	** rl_utf8_cell) */
	printf("calibrating profile %s on %zu rows of %s%s%s\n\n",
	       rl_utf8_cell(o->profile, 0, 0, prof, sizeof prof), j->nrows,
	       rl_utf8_cell(j->mfile, 0, 0, mf, sizeof mf),
	       o->software ? ", software " : "",
	       o->software ? rl_utf8_cell(o->software, 0, 0, sw, sizeof sw) : "");
	if (j->skipped)
		printf("(%d row%s left out, each named above with why: the "
		       "engine refuses its configuration, the version table "
		       "lists its model not modelled, or its log error is no "
		       "finite number)\n", j->skipped,
		       j->skipped == 1 ? "" : "s");
	if (j->naside)
		printf("(%zu rows set aside by --aside: no fit takes them; they "
		       "are predicted and counted in every error below)\n",
		       j->naside);
	print_errors(j->used, j->nrows, j->model, j->loov, o->loo, loo_kind(o),
	             j->twins, &j->info, j->aside, j->e_fit, j->e_loo, j->meta,
	             sizeof j->meta);
	if (o->huber > 0)
		printf("Huber's loss, delta %s (log error): %zu of the %zu fitted "
		       "rows beyond it at the fit (weighted down), after %zu "
		       "reweighted solves\n",
		       rl_number_write(o->huber, hd, sizeof hd), j->info.downweighted,
		       j->nrows - j->naside, j->info.robust_rounds);
	printf("\nfitted:\n");
	for (i = 0; i < j->nfit; i++) {
		if (rl_param_set(&j->base.cfg, j->fit[i], j->values[i], err,
		                 sizeof err))
			cli_say("calibrate", err);
		fit_comment(j->fit[i], j->values[i], j->lo[i], j->hi[i], j->centre[i],
		            j->sigma[i], j->fit_com[i], sizeof j->fit_com[i]);
		/* the digits the profile file writes (%.10g), where %12.6g
		** cut 0.7234567891 to 0.723457 */
		printf("  profile.%-24s %12s %-6s %s\n", j->fit[i]->key,
		       profileout_value(j->values[i], vt, sizeof vt),
		       j->fit[i]->unit, j->fit_com[i]);
	}
}

/* The fitted profile, with its summary line, to --out (NAME-fitted.ini by
** default): RL_OK, or the status with the message printed. */
static int job_write(calib_job *j, const calibrate_args *o)
{
	char err[1024], outbuf[1024], aside_note[160];
	char huber_note[160], loo_note[1300], weight_note[96], *summary = NULL;
	size_t slen = 0;
	FILE *m;
	rl_memout mo;
	const char *out = o->out;
	int rc;
	if (!out) {
		snprintf(outbuf, sizeof outbuf, "%s-fitted.ini", j->base.profile);
		out = outbuf;
	}
	aside_note[0] = '\0';
	huber_note[0] = '\0';
	if (o->huber > 0) {
		char hd[32];
		snprintf(huber_note, sizeof huber_note, " Huber's loss, delta %s "
		         "of log error (--huber): %zu rows beyond it at the fit.",
		         rl_number_write(o->huber, hd, sizeof hd),
		         j->info.downweighted);
	}
	if (j->naside)
		snprintf(aside_note, sizeof aside_note, ", %zu more set aside "
		         "(predicted, not fitted; the errors count them, the rms "
		         "does not)", j->naside);
	/* a row weighted is said where the fit is, as a row set aside is
	** (the profile's readers see the fit was not every row once) */
	weight_note[0] = '\0';
	if (j->nweight)
		snprintf(weight_note, sizeof weight_note, " %zu row%s weighted "
		         "in the fit (--weight; the rms counts each once).",
		         j->nweight, j->nweight == 1 ? "" : "s");
	if (o->loo)
		snprintf(loo_note, sizeof loo_note, ", %s median |error| %.1f%%, "
		         "90th percentile %.1f%%%s%s%s",
		         loo_kind(o) == LOO_ROW ? "leave-one-row-out"
		                                : loo_words[loo_kind(o)],
		         100 * stats_abs_quantile(j->e_loo, j->nrows, 0.5),
		         100 * stats_abs_quantile(j->e_loo, j->nrows, 0.9),
		         j->twins[0] ? " (left out together: " : "", j->twins,
		         j->twins[0] ? ")" : "");
	else /* none worked out: not a NaN */
		snprintf(loo_note, sizeof loo_note, "; no leave-out error "
		         "(--no-loo)");
	/* the summary names --measurements, --software and --version whole,
	** however long (profileout_write refuses a line too long to read) */
	/* (not open_memstream: it could drop bytes and say nothing,
	** memout.h) */
	if (!(m = rl_memout_open(&mo))) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		return RL_EINTERNAL;
	}
	fprintf(m,
	         "Fitted on %zu rows of %s%s%s%s%s%s%s: rms log error %.3f, "
	         "in-sample median |error| %.1f%%%s.%s%s",
	         j->nrows - j->naside, j->mfile,
	         o->software ? " (software " : "", o->software ? o->software : "",
	         o->version ? " " : "", o->version ? o->version : "",
	         o->software ? ")" : "", aside_note, j->info.rms_log,
	         100 * stats_abs_quantile(j->e_fit, j->nrows, 0.5), loo_note,
	         huber_note, weight_note);
	if (rl_memout_close(m, &mo, &summary, &slen) != 0) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		return RL_EINTERNAL;
	}
	rc = profileout_write(out, j->path, o->software, &j->base, j->fit,
	                      j->nfit, j->fit_com, j->meta, summary, err,
	                      sizeof err);
	free(summary);
	if (rc) {
		cli_say("calibrate", err);
		return rc;
	}
	/* after the summary, a blank line; "rooflab calibrate: wrote FILE"
	** as plot's and report's, where it lacked the command's name */
	putchar('\n');
	cli_wrote("calibrate", out);
	return RL_OK;
}

/* An --out that is the measurements file would replace the rows the fit
** read with the profile: refused before the fit runs.  RL_OK, or the
** status with the message printed. */
static int job_out_not_input(const calib_job *j, const calibrate_args *o)
{
	char err[2200];
	if (!o->out || !rl_out_is_file(o->out, j->mfile))
		return RL_OK;
	snprintf(err, sizeof err, "--out %s is also the measurements file %s: "
	         "the profile would replace the rows it was fitted on (name "
	         "another --out)", o->out, j->mfile);
	return bad_input("calibrate", err);
}

int cmd_calibrate(int argc, char **argv)
{
	calibrate_args o = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	                    NULL,
	                    0, 0, 1, 1.0, 0};
	calib_job *j;
	int rc = opt_parse("calibrate", table, &o, argc, argv, NULL, 0, NULL,
	                   help);
	if (rc != OPT_GO_ON)
		return rc;
	/* --loo-model and --loo-arch choose how rows are left out; with
	** --no-loo none is, and it was ignored without a word */
	if (o.by_model && !o.loo)
		return bad_input("calibrate", "--loo-model with --no-loo: "
		                 "--loo-model leaves out each model's rows, "
		                 "--no-loo leaves out none; give one");
	if (o.by_arch && !o.loo)
		return bad_input("calibrate", "--loo-arch with --no-loo: "
		                 "--loo-arch leaves out each architecture's rows, "
		                 "--no-loo leaves out none; give one");
	if (o.by_model && o.by_arch)
		return bad_input("calibrate", "--loo-model with --loo-arch: "
		                 "one leaves out each model name's rows, the other "
		                 "each architecture's (twins together); give one");
	if (!(j = calloc(1, sizeof *j))) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		return RL_EINTERNAL;
	}
	if ((rc = job_options(j, &o)) == RL_OK &&
	    (rc = job_read(j, &o)) == RL_OK &&
	    (rc = job_out_not_input(j, &o)) == RL_OK &&
	    (rc = job_rows(j, &o)) == RL_OK &&
	    (rc = job_arrays(j, &o)) == RL_OK && (rc = job_fit(j, &o)) == RL_OK) {
		job_print(j, &o);
		rc = job_write(j, &o);
	}
	job_free(j);
	free(j);
	return rc;
}
