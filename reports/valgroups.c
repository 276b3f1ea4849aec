/*
** valgroups.c: the validation summary of the report, per group of rows
** (chip, software version, model, precision), in tables of one set each:
** the rows of the chip each version's profile was fitted on (in-sample:
** they measure the fit), the rows of other chips (held out: they measure a
** prediction) and, where a run has any, the fitted chip's rows of a
** version whose profile was fitted on another version's rows (out of
** sample), so that fitted rows are never read as held out nor a borrowed
** profile's rows as either.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/stats.h"
#include "rctx.h"

/* the sets, as the tables' index */
enum { SIDE_HELD_OUT = 0, SIDE_IN_SAMPLE = 1, SIDE_OUT_OF_SAMPLE = 2,
       SIDE_COUNT };

typedef struct {
	double *e[SIDE_COUNT]; /* errors of each set */
	size_t n[SIDE_COUNT], cap[SIDE_COUNT];
} errs;

static int push(errs *g, int in, double v)
{
	return stats_push(&g->e[in], &g->n[in], &g->cap[in], v);
}

static void cell_pct(char *buf, size_t len, const errs *g, int in, double q)
{
	if (!g->n[in])
		snprintf(buf, len, "-");
	else
		report_pct(buf, len,
		           stats_abs_quantile(g->e[in], g->n[in], q), 0);
}

/* One table row: the group's key cells, its rows and |error| quantiles
** on one side (in: SIDE_*). */
static void row(rctx *r, char key[4][96], const errs *g, int in)
{
	char c[3][32];
	const char *cells[7];
	int k;
	snprintf(c[0], sizeof c[0], "%zu", g->n[in]);
	cell_pct(c[1], sizeof c[1], g, in, 0.5);
	cell_pct(c[2], sizeof c[2], g, in, 0.9);
	for (k = 0; k < 4; k++)
		cells[k] = key[k];
	for (k = 0; k < 3; k++)
		cells[4 + k] = c[k];
	doc_row(&r->d, cells);
}

/* One table: the groups of one side (in: SIDE_*), then all of that
** side's rows, under the paragraph title.  A side without rows says so,
** but the out-of-sample one, which only some runs have, prints nothing.
** has_oos: the table has the column out_of_sample (a database written
** before it has none, and its borrowed rows read as held out). */
static void side_table(rctx *r, long run, int in, int has_version,
                       int has_oos, int any_oos, const char *title)
{
	static const char *const h[SIDE_COUNT][7] = {
	    {"chip", "software version", "model", "precision", "held-out rows",
	     "median |error|", "90th pct |error|"},
	    {"chip", "software version", "model", "precision", "in-sample rows",
	     "median |error|", "90th pct |error|"},
	    {"chip", "software version", "model", "precision",
	     "out-of-sample rows", "median |error|", "90th pct |error|"}};
	sqlite3_stmt *st;
	errs g, all;
	char key[4][96], cur[4][96], sql[512];
	int have = 0, k, oom = 0;
	memset(&g, 0, sizeof g);
	memset(&all, 0, sizeof all);
	/* the set of a row: NULL (left out) where in_calibration is */
	snprintf(sql, sizeof sql, "SELECT chip, %s, model, precision, error "
	         "FROM validation WHERE run_id = ?1 AND error IS NOT NULL AND "
	         "CASE WHEN in_calibration != 0 THEN %d WHEN %s THEN %d WHEN "
	         "in_calibration = 0 THEN %d END = ?2 ORDER BY %s",
	         has_version ? "coalesce(version, '')" : "'(not stored)'",
	         SIDE_IN_SAMPLE,
	         has_oos ? "coalesce(out_of_sample, 0) != 0" : "0",
	         SIDE_OUT_OF_SAMPLE, SIDE_HELD_OUT,
	         has_version ? "1, 2, 3, 4" : "1, 3, 4");
	if (!(st = report_prepare(r, r->db, r->o->dbpath, sql)))
		return;
	sqlite3_bind_int64(st, 1, run);
	sqlite3_bind_int(st, 2, in);
	while (!oom && sqlite3_step(st) == SQLITE_ROW) {
		for (k = 0; k < 4; k++)
			pdb_text(st, k, key[k], sizeof key[k]);
		if (have && (strcmp(key[0], cur[0]) || strcmp(key[1], cur[1]) ||
		             strcmp(key[2], cur[2]) || strcmp(key[3], cur[3]))) {
			row(r, cur, &g, in);
			g.n[in] = 0;
		}
		if (!have) {
			/* a file's rows of the fitted chip: not "in-sample" */
			const char *hd[7], *f;
			memcpy(hd, h[in], sizeof hd);
			if (in == SIDE_IN_SAMPLE &&
			    report_val_rows(r, &f) == REPORT_ROWS_FILE)
				hd[4] = "rows of the fitted chip";
			doc_para(&r->d, "%s", title);
			doc_table_begin(&r->d, 7, hd);
		}
		memcpy(cur, key, sizeof cur);
		have = 1;
		oom = push(&g, in, pdb_real(st, 4)) || push(&all, in, pdb_real(st, 4));
	}
	report_finish(r, st, r->o->dbpath);
	if (oom && !r->bad) {
		/* no report rather than a table of the rows that fitted */
		r->bad = RL_EINTERNAL;
		snprintf(r->bad_msg, sizeof r->bad_msg, "%s: out of memory while "
		         "grouping the validation rows of run %ld", r->o->dbpath,
		         run);
	}
	if (have) {
		row(r, cur, &g, in);
		memset(key, 0, sizeof key);
		snprintf(key[0], sizeof key[0], "all");
		row(r, key, &all, in);
		doc_table_end(&r->d);
	} else if (in != SIDE_OUT_OF_SAMPLE) {
		const char *f;
		doc_para(&r->d, "%s", title);
		if (!in && report_val_rows(r, &f) == REPORT_ROWS_FILE) {
			/* a file's rows: the fit need not have read them; its
			** out-of-sample rows (a borrowed profile's) named apart,
			** as the shipped rows' note names them */
			doc_para_class(&r->d, "note", "No held-out rows: %severy "
			               "row modelled here is of a chip its profile was "
			               "fitted on, rows of the file validate was given, "
			               "which the fit need not have read.", any_oos ?
			               "apart from the out-of-sample rows below, " : "");
			goto done;
		}
		/* rows out of sample (a borrowed profile's) measure a
		** prediction, as their table below says: not "the fit"; a
		** file's rows of the fitted chip are not called in-sample */
		doc_para_class(&r->d, "note", in ? (report_val_rows(r, &f) ==
		                                    REPORT_ROWS_FILE
		                                    ? "No rows of the fitted chip "
		                                      "in this run."
		                                    : "No in-sample rows in this "
		                                      "run.")
		               : any_oos ? "No held-out rows: apart from the "
		               "out-of-sample rows below, every row modelled here "
		               "is of a chip and version its profile was fitted "
		               "on, and their errors measure the fit, not a "
		               "prediction."
		               : "No held-out rows: every row modelled here is of "
		               "a chip its profile was fitted on, so these errors "
		               "measure the fit, not a prediction.");
	}
done:
	for (k = 0; k < SIDE_COUNT; k++) {
		free(g.e[k]);
		free(all.e[k]);
	}
}

void report_validation_groups(rctx *r, long run)
{
	int has_version = report_has_column(r, r->db, r->o->dbpath,
	                                    "validation", "version");
	int has_oos = report_has_column(r, r->db, r->o->dbpath, "validation",
	                                "out_of_sample");
	const char *f;
	/* a --measurements file's rows (valrows.c): those of the fitted chip
	** need not be rows the fit read, so not "the fit's own data" */
	int file = report_val_rows(r, &f) == REPORT_ROWS_FILE;
	/* (the run's profile is said once, in the section's opening:
	** "run profile versions.csv, each version served by the profile its
	** row of data/profiles/versions.csv names" named the profile a
	** file, and the shipped list where validate --versions read another,
	** and said it of a run of one --profile too) */
	doc_para(&r->d, "Per group of rows (chip, software version, model, "
	         "precision). %s Held-out rows "
	         "are of other chips, never used in "
	         "fitting: their error says how well the model predicts.%s",
	         file ? "Rows of the fitted chip are of the chip a "
	         "version's profile was fitted on; these are rows of the file "
	         "validate was given, which the fit need not have read, so their "
	         "error need not be the fit's own (validate --json names them "
	         "fitted_chip)." : "In-sample rows are of the chip a version's "
	         "profile was fitted on: their error says how well the fit "
	         "reproduces its own data.",
	         has_version ? "" : " This validation run predates the "
	         "version column: rerun rooflab validate --db to group by "
	         "version.");
	long long any_oos = 0;
	if (has_oos == 1) {
		/* whether the out-of-sample table has rows: the held-out note
		** names them */
		char sql[200], err[600];
		int rc;
		snprintf(sql, sizeof sql, "SELECT count(*) FROM validation WHERE "
		         "run_id = %ld AND error IS NOT NULL AND in_calibration = "
		         "0 AND coalesce(out_of_sample, 0) != 0", run);
		if ((rc = pdb_count(r->db, r->o->dbpath, sql, &any_oos, err,
		                    sizeof err))) {
			report_bad(r, rc, err);
			return;
		}
	}
	side_table(r, run, SIDE_IN_SAMPLE, has_version, has_oos, any_oos > 0,
	           file ? "The fitted chip (the file's rows, not necessarily "
	                  "the fit's):" : "In-sample (the fitted chip):");
	side_table(r, run, SIDE_HELD_OUT, has_version, has_oos, any_oos > 0,
	           "Held out (other chips):");
	/* the versions file is named by its column alone: the run does not
	** record which file validate read (validation_runs.profile is
	** "versions.csv" for the shipped one and a --versions FILE alike),
	** and "data/profiles/versions.csv" named the shipped file where
	** --versions had read another (small82) */
	side_table(r, run, SIDE_OUT_OF_SAMPLE, has_version, has_oos, any_oos > 0,
	           "Out of sample (the fitted chip's rows of a version whose "
	           "profile was fitted on another version's rows: the versions "
	           "file's fitted_version; they measure a prediction on that "
	           "chip, never part of the fit):");
}
