/*
** cmd_validate.c: `rooflab validate`: model against measured for each row
** of data/measurements.csv, with the median and 90th-percentile absolute
** error, split into the rows the profile was fitted on and the others.
** With --db the rows are stored (tables validation_runs and validation of
** reports/schema.h) for plots and the report.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/engine.h"
#include "../model/stats.h"
#include "../reports/schema.h"
#include "commands.h"
#include "json.h"
#include "measure.h"
#include "options.h"

typedef struct {
	const meas_row *row;
	double model;   /* NAN when not evaluated */
	double error;   /* model / measured - 1 */
	int in_calib;
	char note[256];
} vrow;

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

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int store(const char *path, const char *profile, const vrow *v,
                 size_t n, double med, double p90, size_t used, char *err,
                 size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_int64 run;
	char created[32];
	time_t now = time(NULL);
	size_t i;
	strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot open: %s", path,
		         db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, 5000);
	if (exec(db, "BEGIN IMMEDIATE") || exec(db, RL_CLAIM_SCHEMA_SQL))
		goto fail;
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO validation_runs(created, profile, "
	                       "median_abs_error, p90_abs_error, rows) "
	                       "VALUES(?,?,?,?,?)", -1, &st, NULL))
		goto fail;
	sqlite3_bind_text(st, 1, created, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, profile, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(st, 3, med);
	sqlite3_bind_double(st, 4, p90);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)used);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	run = sqlite3_last_insert_rowid(db);
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO validation(run_id, id, chip, model, "
	                       "precision, isl, osl, tp, measured, modeled, "
	                       "error, in_calibration) "
	                       "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", -1, &st, NULL))
		goto fail;
	for (i = 0; i < n; i++) {
		if (!isfinite(v[i].model))
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, run);
		sqlite3_bind_text(st, 2, v[i].row->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, v[i].row->chip, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, v[i].row->model, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, v[i].row->precision, -1,
		                  SQLITE_TRANSIENT);
		sqlite3_bind_double(st, 6, v[i].row->isl);
		sqlite3_bind_double(st, 7, v[i].row->osl);
		sqlite3_bind_double(st, 8, v[i].row->tp);
		sqlite3_bind_double(st, 9, v[i].row->value);
		sqlite3_bind_double(st, 10, v[i].model);
		sqlite3_bind_double(st, 11, v[i].error);
		sqlite3_bind_int(st, 12, v[i].in_calib);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (exec(db, "COMMIT"))
		goto fail;
	sqlite3_close(db);
	return 0;
fail:
	snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	exec(db, "ROLLBACK");
	sqlite3_close(db);
	return -1;
}

/* A microbenchmark row (a GEMM's TFLOPS, a copy's TB/s) set against the
** chip's peak and the profile's matching efficiency.  1 if it is one. */
static int micro_note(const meas_row *m, const char *profile, char *note,
                      size_t len)
{
	rl_setup st;
	char err[512];
	int gemm = !strcmp(m->metric, "tflops");
	int copy = !strcmp(m->metric, "tb_per_s_read_plus_write");
	double peak;
	if (!gemm && !copy)
		return 0;
	setup_init(&st);
	if (setup_load(&st, "profile", profile, err, sizeof err) ||
	    setup_load(&st, "chip", m->chip, err, sizeof err))
		return 0;
	if (gemm) {
		peak = st.cfg.chip.peak_flops_bf16 / 1e12;
		if (!(peak > 0))
			return 0;
		snprintf(note, len, "microbenchmark: %.0f TFLOPS = %.0f%% of the "
		         "BF16 peak; profile eff_compute %.0f%%", m->value,
		         100 * m->value / peak, 100 * st.cfg.prof.eff_compute);
	} else {
		peak = st.cfg.chip.hbm_Bps / 1e12;
		if (!(peak > 0))
			return 0;
		snprintf(note, len, "microbenchmark: %.2f TB/s = %.0f%% of HBM "
		         "bandwidth; profile eff_memory %.0f%%", m->value,
		         100 * m->value / peak, 100 * st.cfg.prof.eff_memory);
	}
	return 1;
}

static void summary_line(const char *label, const vrow *v, size_t n,
                         int which, double *med, double *p90, size_t *count)
{
	double *e = calloc(n ? n : 1, sizeof *e);
	size_t i, k = 0;
	*med = *p90 = NAN;
	*count = 0;
	if (!e)
		return;
	for (i = 0; i < n; i++)
		if (isfinite(v[i].model) && (which < 0 || v[i].in_calib == which))
			e[k++] = v[i].error;
	*med = stats_abs_quantile(e, k, 0.5);
	*p90 = stats_abs_quantile(e, k, 0.9);
	*count = k;
	if (label) {
		if (k)
			printf("%-28s %3zu rows: median |error| %5.1f%%, 90th "
			       "percentile %5.1f%%\n", label, k, 100 * *med,
			       100 * *p90);
		else
			printf("%-28s   0 rows\n", label);
	}
	free(e);
}

int cmd_validate(int argc, char **argv)
{
	const char *mfile = NULL, *profile = "trtllm-0.10", *dbpath = NULL;
	const char *calib_sw = "TensorRT-LLM 0.10.0";
	char mbuf[1024], err[1024];
	meas_set set;
	vrow *v;
	size_t i, used = 0;
	int a, json = 0, rc = RL_EXIT_OK;
	double med, p90;

	for (a = 1; a < argc; a++) {
		int missing = 0;
		const char *val;
		if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
			help(stdout);
			return RL_EXIT_OK;
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
		return RL_EXIT_INTERNAL;
	}
	for (i = 0; i < set.n; i++) {
		const meas_row *m = &set.rows[i];
		rl_setup st;
		rl_result r;
		v[i].row = m;
		v[i].model = NAN;
		v[i].error = NAN;
		v[i].in_calib = !strcmp(m->software, calib_sw);
		if (!m->modelled) {
			if (!micro_note(m, profile, v[i].note, sizeof v[i].note))
				snprintf(v[i].note, sizeof v[i].note,
				         "not modelled: %.200s", m->why_not);
			continue;
		}
		if (meas_setup(m, profile, &st, err, sizeof err)) {
			snprintf(v[i].note, sizeof v[i].note, "cannot set up: %.200s",
			         err);
			continue;
		}
		if (rl_eval(&st.cfg, &r) != RL_OK) {
			snprintf(v[i].note, sizeof v[i].note, "engine: %.200s",
			         r.error);
			continue;
		}
		v[i].model = meas_metric(m) == 0 ? r.output_tps : r.total_tps;
		v[i].error = v[i].model / m->value - 1;
		used++;
	}
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
		summary_line(NULL, v, set.n, -1, &med, &p90, &used);
		json_obj(&w, "all");
		json_num(&w, "rows", (double)used);
		json_num(&w, "median_abs_error", med);
		json_num(&w, "p90_abs_error", p90);
		json_end(&w);
		summary_line(NULL, v, set.n, 0, &med, &p90, &used);
		json_obj(&w, "held_out");
		json_num(&w, "rows", (double)used);
		json_num(&w, "median_abs_error", med);
		json_num(&w, "p90_abs_error", p90);
		json_end(&w);
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
		summary_line("all modelled rows", v, set.n, -1, &med, &p90, &used);
		summary_line("rows the profile was fitted on", v, set.n, 1, &med,
		             &p90, &used);
		summary_line("held-out rows", v, set.n, 0, &med, &p90, &used);
	}
	summary_line(NULL, v, set.n, -1, &med, &p90, &used);
	if (dbpath && store(dbpath, profile, v, set.n, med, p90, used, err,
	                    sizeof err)) {
		fprintf(stderr, "rooflab validate: %s\n", err);
		rc = RL_EXIT_INTERNAL;
	}
	free(v);
	meas_free(&set);
	return rc;
}
