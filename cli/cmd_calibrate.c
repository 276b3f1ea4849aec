/*
** cmd_calibrate.c: `rooflab calibrate`: fit a profile's efficiency
** parameters to measurement rows (model/calibrate.c), print each row's
** error and its leave-one-out error, and write the fitted profile.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../claim/validation.h"
#include "../model/calibrate.h"
#include "commands.h"
#include "../config/measure.h"
#include "../config/num.h"
#include "options.h"
#include "parseopt.h"
#include "../model/stats.h"

/* Fitted unless --fit says otherwise: every efficiency and overhead. */
static const char *const default_fit =
    "eff_compute,eff_attention,eff_memory,eff_kv_memory,eff_link,"
    "allreduce_latency_us,iter_overhead_ms,layer_overhead_us,seq_overhead_us";

typedef struct {
	const char *profile, *mfile, *software, *version, *chip, *fit, *out;
	int by_model, loo;
	double row_sigma;
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
            "p1[=LOW:HIGH][~CENTRE/SIGMA],p2,...: the parameters fitted"),
    OPT_NUM("--row-sigma", calibrate_args, row_sigma, "S", 0, 10, NUM_LO_OPEN,
            "a row's log error taken to scatter by S beside the priors' "
            "widths (default 1)"),
    OPT_BOOL("--loo-model", calibrate_args, by_model,
             "leave out each model's rows at once"),
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
	      "         [--row-sigma S] [--out FILE] [--no-loo]\n\n"
	      "--version and --chip keep only the rows of that version and "
	      "chip;\nLOW:HIGH bounds a parameter's fit (a parameter ending on "
	      "a bound is\nreported); ~CENTRE/SIGMA adds a Gaussian prior of that "
	      "centre and width\n(display units) to the least squares, beside "
	      "rows whose log errors are\ntaken to scatter by S (--row-sigma, "
	      "default 1), so that a parameter the\nrows do not pin stays near "
	      "CENTRE; --loo-model leaves out each model's\nrows at once.\n"
	      "Fits the profile's parameters (default: every efficiency and "
	      "overhead)\nto the modelled rows of FILE (default "
	      "data/measurements.csv) whose\nsoftware column is TEXT (default: "
	      "all), by least squares on\nlog(model/measured); prints each "
	      "row's error and leave-one-out error;\nwrites the fitted profile "
	      "to FILE (default NAME-fitted.ini).\n", f);
	opt_help(f, table);
}

/* The comment after `key =` in the starting profile, to carry sources. */
static void key_comment(const char *path, const char *key, char *out,
                        size_t len)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	size_t kl = strlen(key);
	out[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char *p = line, *c;
		while (isspace((unsigned char)*p))
			p++;
		if (strncmp(p, key, kl) || (p[kl] != ' ' && p[kl] != '='))
			continue;
		c = strchr(p, ';');
		if (c) {
			size_t l;
			c++;
			while (*c == ' ')
				c++;
			snprintf(out, len, "%s", c);
			l = strlen(out);
			while (l && (out[l - 1] == '\n' || out[l - 1] == '\r'))
				out[--l] = '\0';
		}
		break;
	}
	fclose(f);
}

/* software as one INI value: control characters and comment marks
** become spaces */
static void ini_value(char *dst, size_t len, const char *src)
{
	size_t i;
	snprintf(dst, len, "%s", src ? src : "");
	for (i = 0; dst[i]; i++)
		if ((unsigned char)dst[i] < 0x20 || dst[i] == ';' ||
		    dst[i] == '#' || dst[i] == 0x7f)
			dst[i] = ' ';
}

static int write_profile(const char *out, const char *start_path,
                         const char *software, const rl_setup *st,
                         const rl_param *const *fit, size_t nfit,
                         char (*fit_com)[256], const char *meta,
                         const char *summary, char *err, size_t errlen)
{
	char sw[256];
	char tmp[1100];
	FILE *f;
	size_t n, i, k;
	const rl_param *t = rl_params(&n);
	time_t now = time(NULL);
	char date[32], name[256];
	strftime(date, sizeof date, "%Y-%m-%d", gmtime(&now));
	ini_value(sw, sizeof sw, software);
	snprintf(tmp, sizeof tmp, "%s.tmp", out);
	f = fopen(tmp, "w");
	if (!f) {
		snprintf(err, errlen, "%.900s: cannot write", tmp);
		return -1;
	}
	{
		const char *b = strrchr(out, '/');
		size_t l;
		snprintf(name, sizeof name, "%.200s", b ? b + 1 : out);
		l = strlen(name);
		if (l > 4 && !strcmp(name + l - 4, ".ini"))
			name[l - 4] = '\0';
	}
	(void)st;
	fprintf(f, "; %s: serving profile written by `rooflab calibrate` on %s.\n"
	           "; %s\n; Keys marked 'fitted' came out of the fit, inside the "
	           "range given; the others\n; were kept from %s with their "
	           "sources.\n[meta]\nname = %s\n"
	           "%s%s%s%scalibrated = %s\n\n[profile]\n",
	        name, date, summary, start_path, name,
	        software ? "software = " : "", sw, software ? "\n" : "",
	        meta ? meta : "", date);
	for (i = 0; i < n; i++) {
		char val[64], com[512];
		int fitted = 0;
		size_t which = 0;
		if (strcmp(t[i].section, "profile"))
			continue;
		for (k = 0; k < nfit; k++)
			if (fit[k] == &t[i]) {
				fitted = 1;
				which = k;
			}
		rl_param_format(&t[i], rl_param_get(&st->cfg, &t[i]), val,
		                sizeof val);
		if (fitted) {
			char src[300];
			key_comment(start_path, t[i].key, src, sizeof src);
			snprintf(com, sizeof com, "fitted%s%s%s%s",
			         fit_com && fit_com[which][0] ? " " : "",
			         fit_com ? fit_com[which] : "", src[0] ? "; " : "",
			         src);
		} else
			key_comment(start_path, t[i].key, com, sizeof com);
		fprintf(f, "%s = %s%s%s\n", t[i].key, val, com[0] ? "   ; " : "",
		        com);
	}
	if (fclose(f) != 0 || rename(tmp, out) != 0) {
		remove(tmp);
		snprintf(err, errlen, "%.900s: cannot write", out);
		return -1;
	}
	return 0;
}

#define FIT_FORM "NAME[=LOW:HIGH][~CENTRE/SIGMA] with LOW < HIGH, " \
                 "SIGMA > 0 and CENTRE inside the bounds"

/* "~centre/sigma" of --fit's item tok (cut off there) into c and s; 0 or
** -1 with the message. */
static int parse_prior(char *tok, double *c, double *s, char *err,
                       size_t errlen)
{
	char *tilde = strchr(tok, '~'), *slash;
	*c = *s = NAN;
	if (!tilde)
		return 0;
	*tilde = '\0';
	slash = strchr(tilde + 1, '/');
	if (slash)
		*slash = '\0';
	if (!slash || num_text(tilde + 1, c) || num_text(slash + 1, s) ||
	    !(*s > 0)) {
		if (slash)
			*slash = '/';
		snprintf(err, errlen, "--fit: '%s~%s': expected " FIT_FORM, tok,
		         tilde + 1);
		return -1;
	}
	return 0;
}

/* --fit p1[=lo:hi][~c/s],p2,...: the parameters, their bounds and priors
** (display units; NAN where none is given). */
static int parse_fit(const char *list, const rl_param **fit, size_t *nfit,
                     double *lo, double *hi, double *centre, double *sigma,
                     char *err, size_t errlen)
{
	char buf[1024], *tok, *save = NULL;
	snprintf(buf, sizeof buf, "%s", list);
	*nfit = 0;
	for (tok = strtok_r(buf, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		const char *key = strncmp(tok, "profile.", 8) ? tok : tok + 8;
		char *eq;
		const rl_param *p;
		double l = NAN, h = NAN, c, s;
		if (parse_prior(tok, &c, &s, err, errlen))
			return -1;
		eq = strchr(tok, '=');
		if (eq) {
			char bounds[256], *colon;
			*eq = '\0';
			snprintf(bounds, sizeof bounds, "%s", eq + 1);
			colon = strchr(bounds, ':');
			if (colon)
				*colon = '\0';
			if (!colon || num_text(bounds, &l) || num_text(colon + 1, &h) ||
			    !(l < h)) {
				snprintf(err, errlen, "--fit: '%s=%s': expected "
				         FIT_FORM, tok, eq + 1);
				return -1;
			}
		}
		p = rl_param_find("profile", key);
		if (!p || p->type != RL_PT_REAL) {
			snprintf(err, errlen, "--fit: '%s' is not a real-valued "
			         "profile parameter (rooflab params --section "
			         "profile)", tok);
			return -1;
		}
		if (*nfit == RL_CALIB_MAX_PARAMS) {
			snprintf(err, errlen, "--fit: at most %d parameters",
			         RL_CALIB_MAX_PARAMS);
			return -1;
		}
		if (isfinite(l) && (l < p->min || h > p->max)) {
			snprintf(err, errlen, "--fit: %s bounds %g:%g outside the "
			         "parameter's range %g:%g", key, l, h, p->min, p->max);
			return -1;
		}
		if (isfinite(c) &&
		    (isfinite(l) ? c < l || c > h : c < p->min || c > p->max)) {
			snprintf(err, errlen, "--fit: %s prior centre %g outside %s "
			         "%g:%g (expected " FIT_FORM ")", key, c,
			         isfinite(l) ? "its bounds" : "the parameter's range",
			         isfinite(l) ? l : p->min, isfinite(l) ? h : p->max);
			return -1;
		}
		lo[*nfit] = l;
		hi[*nfit] = h;
		centre[*nfit] = c;
		sigma[*nfit] = s;
		fit[(*nfit)++] = p;
	}
	if (!*nfit) {
		snprintf(err, errlen, "--fit: empty list");
		return -1;
	}
	return 0;
}

int cmd_calibrate(int argc, char **argv)
{
	calibrate_args o = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 1.0};
	const char *profile, *mfile, *software, *version, *chip;
	double lo[RL_CALIB_MAX_PARAMS], hi[RL_CALIB_MAX_PARAMS];
	double centre[RL_CALIB_MAX_PARAMS], sigma[RL_CALIB_MAX_PARAMS];
	double sigma_fit[RL_CALIB_MAX_PARAMS];
	char fit_com[RL_CALIB_MAX_PARAMS][256], meta[512] = "";
	int by_model, *group = NULL, skipped = 0;
	const char *fitlist, *out;
	const rl_param *fit[RL_CALIB_MAX_PARAMS];
	size_t nfit = 0, nrows = 0, i;
	int loo, rc;
	char err[1024], path[1024], outbuf[1024], summary[3000];
	meas_set set;
	rl_calib_row *rows = NULL;
	const meas_row **used = NULL;
	double values[RL_CALIB_MAX_PARAMS], *model = NULL, *loov = NULL;
	double *e_fit = NULL, *e_loo = NULL;
	rl_setup base;
	rl_calib_info info;
	rl_calib_opts copts;
	val_versions vt;
	int vok = 0;

	rc = opt_parse("calibrate", table, &o, argc, argv, NULL, 0, NULL, help);
	if (rc != OPT_GO_ON)
		return rc;
	rc = RL_EINPUT;
	profile = o.profile;
	mfile = o.mfile;
	software = o.software;
	version = o.version;
	chip = o.chip;
	by_model = o.by_model;
	fitlist = o.fit ? o.fit : default_fit;
	out = o.out;
	loo = o.loo;
	if (!profile)
		return bad_input("calibrate", "missing --profile NAME");
	if (preset_path("profile", profile, path, sizeof path, err, sizeof err))
		return bad_input("calibrate", err);
	if (parse_fit(fitlist, fit, &nfit, lo, hi, centre, sigma, err,
	              sizeof err))
		return bad_input("calibrate", err);
	/* the rows' residuals are log errors of width 1: a prior of width
	** SIGMA beside rows that scatter by S weighs as width SIGMA / S */
	for (i = 0; i < nfit; i++)
		sigma_fit[i] = sigma[i] / o.row_sigma;
	if (!mfile) {
		snprintf(outbuf, sizeof outbuf, "%s/measurements.csv",
		         rl_data_dir());
		mfile = outbuf;
	}
	if (meas_read(mfile, &set, err, sizeof err))
		return bad_input("calibrate", err);
	{
		char vfile[1100], verr[1024];
		snprintf(vfile, sizeof vfile, "%s/profiles/versions.csv",
		         rl_data_dir());
		vok = val_versions_read(vfile, &vt, verr, sizeof verr) == 0;
	}

	setup_init(&base);
	if (setup_load(&base, "profile", profile, err, sizeof err)) {
		rc = bad_input("calibrate", err);
		goto done;
	}
	rows = calloc(set.n ? set.n : 1, sizeof *rows);
	used = calloc(set.n ? set.n : 1, sizeof *used);
	if (!rows || !used) {
		fprintf(stderr, "rooflab calibrate: out of memory\n");
		rc = RL_EINTERNAL;
		goto done;
	}
	for (i = 0; i < set.n; i++) {
		rl_setup st;
		rl_result r;
		if (!set.rows[i].modelled || meas_micro(&set.rows[i]) ||
		    (software && strcmp(set.rows[i].software, software)) ||
		    (version && strcmp(set.rows[i].version, version)) ||
		    (chip && strcmp(set.rows[i].chip, chip)))
			continue;
		if (meas_setup(&set.rows[i], path, &st, err, sizeof err)) {
			fprintf(stderr, "rooflab calibrate: %s:%d (%s): %s\n", mfile,
			        set.rows[i].line, set.rows[i].id, err);
			rc = RL_EINPUT;
			goto done;
		}
		if (rl_eval(&st.cfg, &r) != RL_OK) {
			/* a configuration the engine refuses (does not fit, tp
			** does not divide the heads) is left out of the fit */
			printf("left out %s: %s\n", set.rows[i].id, r.error);
			skipped++;
			continue;
		}
		rows[nrows].cfg = st.cfg;
		rows[nrows].measured = set.rows[i].value;
		{
			/* "tokens_per_s" counts as the version table says */
			const val_version *vv =
			    vok ? val_version_of(&vt, set.rows[i].software,
			                         set.rows[i].version)
			        : NULL;
			rows[nrows].metric =
			    meas_metric(&set.rows[i], vv && vv->tokens_total);
		}
		memset(&rows[nrows].load, 0, sizeof rows[nrows].load);
		if (meas_at_rate(&set.rows[i])) {
			/* served at a rate: the load model predicts it */
			rows[nrows].load.rate_rps = set.rows[i].request_rate;
			rows[nrows].load.requests = set.rows[i].requests;
		}
		used[nrows++] = &set.rows[i];
	}
	if (nrows < nfit + 1) {
		snprintf(err, sizeof err, "%zu modelled rows%s%s%s for %zu "
		         "parameters: need at least %zu", nrows,
		         software ? " with software '" : "",
		         software ? software : "", software ? "'" : "", nfit,
		         nfit + 1);
		rc = bad_input("calibrate", err);
		goto done;
	}
	for (i = 0; i < nfit; i++)
		values[i] = rl_param_get(&base.cfg, fit[i]);
	model = calloc(nrows, sizeof *model);
	loov = calloc(nrows, sizeof *loov);
	e_fit = calloc(nrows, sizeof *e_fit);
	e_loo = calloc(nrows, sizeof *e_loo);
	if (!model || !loov || !e_fit || !e_loo) {
		rc = RL_EINTERNAL;
		goto done;
	}
	group = calloc(nrows ? nrows : 1, sizeof *group);
	if (!group) {
		rc = RL_EINTERNAL;
		goto done;
	}
	for (i = 0; i < nrows; i++) { /* one group per model name */
		size_t r;
		group[i] = (int)i;
		for (r = 0; r < i; r++)
			if (!strcmp(used[r]->model, used[i]->model)) {
				group[i] = group[r];
				break;
			}
	}
	copts.lo = lo;
	copts.hi = hi;
	copts.centre = centre;
	copts.sigma = sigma_fit;
	copts.group = by_model ? group : NULL;
	if ((rc = rl_calibrate(rows, nrows, fit, nfit, &copts, values, model,
	                       loo ? loov : NULL, &info)) != RL_OK) {
		fprintf(stderr, "rooflab calibrate: the fit could not run\n");
		goto done;
	}
	printf("calibrating profile %s on %zu rows of %s%s%s\n\n", profile,
	       nrows, mfile, software ? ", software " : "",
	       software ? software : "");
	if (skipped)
		printf("(%d rows left out: the engine refuses their "
		       "configuration)\n", skipped);
	printf("%-46s %11s %11s %8s %11s %8s\n", "row", "measured", "model",
	       "error", by_model ? "leave-model" : "leave-1-out", "error");
	for (i = 0; i < nrows; i++) {
		e_fit[i] = model[i] / used[i]->value - 1;
		e_loo[i] = loo ? loov[i] / used[i]->value - 1 : NAN;
		printf("%-46.46s %11.5g %11.5g %+7.1f%% %11.5g %+7.1f%%\n",
		       used[i]->id, used[i]->value, model[i], 100 * e_fit[i],
		       loo ? loov[i] : NAN, 100 * e_loo[i]);
	}
	printf("\nfit: %zu iterations, rms log error %.3f (start %.3f)",
	       info.iterations, info.rms_log,
	       sqrt(info.chisq0 / (double)nrows));
	if (info.chisq_prior > 0)
		printf("; the priors add %.3g to the sum of squares %.3g",
		       info.chisq_prior, info.chisq);
	printf("\n");
	printf("absolute error   in-sample: median %.1f%%, 90th pct %.1f%%\n",
	       100 * stats_abs_quantile(e_fit, nrows, 0.5),
	       100 * stats_abs_quantile(e_fit, nrows, 0.9));
	if (loo) {
		/* a row the leave-out fit cannot predict (its model no longer
		** fits the chip, say) has no error: count what the quantiles
		** are over, and say how many rows that leaves out */
		size_t n_loo = 0;
		char missing[128] = "";
		for (i = 0; i < nrows; i++)
			n_loo += isfinite(e_loo[i]) != 0;
		if (n_loo < nrows)
			snprintf(missing, sizeof missing, " (%zu of %zu rows: the "
			         "others have no leave-out prediction)", n_loo,
			         nrows);
		printf("absolute error %s: median %.1f%%, 90th pct %.1f%%%s\n",
		       by_model ? "leave-one-model-out" : "leave-1-out",
		       100 * stats_abs_quantile(e_loo, nrows, 0.5),
		       100 * stats_abs_quantile(e_loo, nrows, 0.9), missing);
		if (n_loo < nrows)
			snprintf(meta, sizeof meta, "%s = median |error| %.1f%%, "
			         "90th percentile %.1f%% over %zu of %zu rows (the "
			         "others have no leave-out prediction)\n",
			         by_model ? "leave_one_model_out" : "leave_one_out",
			         100 * stats_abs_quantile(e_loo, nrows, 0.5),
			         100 * stats_abs_quantile(e_loo, nrows, 0.9), n_loo,
			         nrows);
		else
			snprintf(meta, sizeof meta, "%s = median |error| %.1f%%, "
			         "90th percentile %.1f%% over %zu rows\n",
			         by_model ? "leave_one_model_out" : "leave_one_out",
			         100 * stats_abs_quantile(e_loo, nrows, 0.5),
			         100 * stats_abs_quantile(e_loo, nrows, 0.9), nrows);
	}
	printf("\nfitted:\n");
	for (i = 0; i < nfit; i++) {
		char err2[256];
		if (rl_param_set(&base.cfg, fit[i], values[i], err2, sizeof err2))
			fprintf(stderr, "rooflab calibrate: %s\n", err2);
		fit_com[i][0] = '\0';
		if (isfinite(lo[i])) {
			double w = hi[i] - lo[i];
			const char *at = values[i] <= lo[i] + 0.01 * w ? "lower"
			                 : values[i] >= hi[i] - 0.01 * w ? "upper"
			                                                 : NULL;
			snprintf(fit_com[i], sizeof fit_com[i], "in [%g, %g]%s%s%s",
			         lo[i], hi[i], at ? ", ON ITS " : "", at ? at : "",
			         at ? " BOUND" : "");
		}
		if (isfinite(centre[i])) {
			size_t l = strlen(fit_com[i]);
			snprintf(fit_com[i] + l, sizeof fit_com[i] - l,
			         "%sprior %g +- %g", l ? ", " : "", centre[i],
			         sigma[i]);
		}
		printf("  profile.%-24s %12.6g %-6s %s\n", fit[i]->key, values[i],
		       fit[i]->unit, fit_com[i]);
	}
	if (!out) {
		snprintf(outbuf, sizeof outbuf, "%s-fitted.ini", base.profile);
		out = outbuf;
	}
	snprintf(summary, sizeof summary,
	         "Fitted on %zu rows of %s%s%s%s%s%s: rms log error %.3f, "
	         "in-sample median |error| %.1f%%, %s median |error| %.1f%%, "
	         "90th percentile %.1f%%.",
	         nrows, mfile, software ? " (software " : "",
	         software ? software : "", version ? " " : "",
	         version ? version : "", software ? ")" : "", info.rms_log,
	         100 * stats_abs_quantile(e_fit, nrows, 0.5),
	         by_model ? "leave-one-model-out" : "leave-one-out",
	         loo ? 100 * stats_abs_quantile(e_loo, nrows, 0.5) : NAN,
	         loo ? 100 * stats_abs_quantile(e_loo, nrows, 0.9) : NAN);
	if (write_profile(out, path, software, &base, fit, nfit, fit_com, meta,
	                  summary, err, sizeof err)) {
		fprintf(stderr, "rooflab calibrate: %s\n", err);
		rc = RL_EINTERNAL;
		goto done;
	}
	printf("\nwrote %s\n", out);
	rc = RL_OK;
done:
	if (vok)
		val_versions_free(&vt);
	free(rows);
	free(used);
	free(group);
	free(model);
	free(loov);
	free(e_fit);
	free(e_loo);
	meas_free(&set);
	return rc;
}
