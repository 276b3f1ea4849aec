/*
** cmd_validate.c: `rooflab validate`: model against measured for each row
** of data/measurements.csv, with the median and 90th-percentile absolute
** error, split into the rows the profile was fitted on and the others.
** With --db the rows are stored (tables validation_runs and validation of
** claim/schema.h) for plots and the report.  The computation is
** claim/validation.c; this file reads argv and prints.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/validation.h"
#include "../config/json.h"
#include "commands.h"
#include "options.h"

static void help(FILE *f)
{
	fputs("usage: rooflab validate [--measurements FILE] [--profile NAME]\n"
	      "         [--calibration-software TEXT] [--db FILE] [--json]\n\n"
	      "Evaluates every modelled row of FILE (default "
	      "data/measurements.csv)\nwith the profile (default trtllm-0.10) "
	      "and prints model against measured,\nthe median and 90th "
	      "percentile absolute error, for the rows the profile\nwas fitted "
	      "on (software TEXT, default \"TensorRT-LLM 0.10.0\") and the "
	      "others.\n", f);
}

static void summary_line(const char *label, const val_row *v, size_t n,
                         int which)
{
	val_summary s;
	val_summarize(v, n, which, &s);
	if (s.rows)
		printf("%-28s %3zu rows: median |error| %5.1f%%, 90th "
		       "percentile %5.1f%%\n", label, s.rows, 100 * s.median,
		       100 * s.p90);
	else
		printf("%-28s   0 rows\n", label);
}

static void summary_json(json_w *w, const char *key, const val_row *v,
                         size_t n, int which)
{
	val_summary s;
	val_summarize(v, n, which, &s);
	json_obj(w, key);
	json_num(w, "rows", (double)s.rows);
	json_num(w, "median_abs_error", s.median);
	json_num(w, "p90_abs_error", s.p90);
	json_end(w);
}

int cmd_validate(int argc, char **argv)
{
	const char *mfile = NULL, *profile = "trtllm-0.10", *dbpath = NULL;
	const char *calib_sw = "TensorRT-LLM 0.10.0";
	char mbuf[1024], err[1024];
	meas_set set;
	val_row *v;
	val_summary all;
	size_t i;
	int a, json = 0, rc = RL_OK;

	for (a = 1; a < argc; a++) {
		int missing = 0;
		const char *val;
		if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
			help(stdout);
			return RL_OK;
		} else if (!strcmp(argv[a], "--json"))
			json = 1;
		else if ((val = opt_value("--measurements", argc, argv, &a,
		                          &missing)))
			mfile = val;
		else if ((val = opt_value("--profile", argc, argv, &a, &missing)))
			profile = val;
		else if ((val = opt_value("--db", argc, argv, &a, &missing)))
			dbpath = val;
		else if ((val = opt_value("--calibration-software", argc, argv, &a,
		                          &missing)))
			calib_sw = val;
		else {
			snprintf(err, sizeof err, "%s '%s' (see rooflab validate "
			         "--help)", missing ? "missing value for"
			                            : "unknown option", argv[a]);
			return bad_input("validate", err);
		}
		if (missing) {
			snprintf(err, sizeof err, "%s needs a value", argv[a]);
			return bad_input("validate", err);
		}
	}
	{
		char path[1024];
		if (preset_path("profile", profile, path, sizeof path, err,
		                sizeof err))
			return bad_input("validate", err);
	}
	if (!mfile) {
		snprintf(mbuf, sizeof mbuf, "%s/measurements.csv", rl_data_dir());
		mfile = mbuf;
	}
	if (meas_read(mfile, &set, err, sizeof err))
		return bad_input("validate", err);
	v = calloc(set.n ? set.n : 1, sizeof *v);
	if (!v) {
		meas_free(&set);
		return RL_EINTERNAL;
	}
	val_evaluate(&set, profile, calib_sw, v);
	if (json) {
		json_w w;
		json_begin(&w, stdout);
		json_str(&w, "profile", profile);
		json_str(&w, "measurements", mfile);
		json_arr(&w, "rows");
		for (i = 0; i < set.n; i++) {
			json_obj(&w, NULL);
			json_str(&w, "id", v[i].row->id);
			json_num(&w, "measured", v[i].row->value);
			json_num(&w, "model", v[i].model);
			json_num(&w, "error", v[i].error);
			json_bool(&w, "in_calibration", v[i].in_calib);
			if (v[i].note[0])
				json_str(&w, "note", v[i].note);
			json_end(&w);
		}
		json_end(&w);
		summary_json(&w, "all", v, set.n, -1);
		summary_json(&w, "held_out", v, set.n, 0);
		json_finish(&w);
	} else {
		printf("model (profile %s) against %s\n\n", profile, mfile);
		printf("%-46s %-10s %-13s %-5s %5s %5s %3s %11s %11s %8s\n", "row",
		       "chip", "model", "prec", "isl", "osl", "tp", "measured",
		       "model", "error");
		for (i = 0; i < set.n; i++) {
			const meas_row *m = v[i].row;
			if (!isfinite(v[i].model))
				continue;
			printf("%-46.46s %-10.10s %-13.13s %-5.5s %5.0f %5.0f %3.0f "
			       "%11.1f %11.1f %+7.1f%%%s\n",
			       m->id, m->chip, m->model, m->precision, m->isl, m->osl,
			       m->tp, m->value, v[i].model, 100 * v[i].error,
			       v[i].in_calib ? "  (fitted on)" : "");
		}
		printf("\n");
		for (i = 0; i < set.n; i++)
			if (!isfinite(v[i].model))
				printf("%-46.46s %s\n", v[i].row->id, v[i].note);
		printf("\n");
		summary_line("all modelled rows", v, set.n, -1);
		summary_line("rows the profile was fitted on", v, set.n, 1);
		summary_line("held-out rows", v, set.n, 0);
	}
	val_summarize(v, set.n, -1, &all);
	if (dbpath && (rc = val_store(dbpath, profile, v, set.n, &all, err,
	                              sizeof err)))
		fprintf(stderr, "rooflab validate: %s\n", err);
	free(v);
	meas_free(&set);
	return rc;
}
