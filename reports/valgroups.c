/*
** valgroups.c: the validation summary of the report, per group of rows
** (chip, software version, model, precision), in two tables: the rows of
** the chip each version's profile was fitted on (in-sample: they measure
** the fit) and the rows of other chips (held out: they measure a
** prediction), so that fitted rows are never read as held out.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/stats.h"
#include "rctx.h"

typedef struct {
	double *e[2];     /* errors: [0] held out, [1] in-sample */
	size_t n[2], cap[2];
} errs;

static int push(errs *g, int in, double v)
{
	if (g->n[in] == g->cap[in]) {
		size_t cap = g->cap[in] ? 2 * g->cap[in] : 64;
		double *p = realloc(g->e[in], cap * sizeof *p);
		if (!p)
			return -1;
		g->e[in] = p;
		g->cap[in] = cap;
	}
	g->e[in][g->n[in]++] = v;
	return 0;
}

static void cell_pct(char *buf, size_t len, const errs *g, int in, double q)
{
	if (!g->n[in])
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.1f%%",
		         100 * stats_abs_quantile(g->e[in], g->n[in], q));
}

/* One table row: the group's key cells, its rows and |error| quantiles
** on one side (in = 1 in-sample, 0 held out). */
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

/* One table: the groups of one side, then all of that side's rows. */
static void side_table(rctx *r, long run, int in, int has_version)
{
	static const char *h[2][7] = {
	    {"chip", "software version", "model", "precision", "held-out rows",
	     "median |error|", "90th pct |error|"},
	    {"chip", "software version", "model", "precision", "in-sample rows",
	     "median |error|", "90th pct |error|"}};
	sqlite3_stmt *st;
	errs g, all;
	char key[4][96], cur[4][96];
	int have = 0, k, oom = 0;
	memset(&g, 0, sizeof g);
	memset(&all, 0, sizeof all);
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          has_version
	                              ? "SELECT chip, coalesce(version, "
	                                "''), model, precision, error FROM "
	                                "validation WHERE run_id = ?1 AND "
	                                "error IS NOT NULL AND "
	                                "(in_calibration != 0) = ?2 ORDER "
	                                "BY 1, 2, 3, 4"
	                              : "SELECT chip, '(not stored)', "
	                                "model, precision, error FROM "
	                                "validation WHERE run_id = ?1 AND "
	                                "error IS NOT NULL AND "
	                                "(in_calibration != 0) = ?2 ORDER "
	                                "BY 1, 3, 4")))
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
		if (!have)
			doc_table_begin(&r->d, 7, h[in]);
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
	} else {
		doc_para_class(&r->d, "note", in ? "No in-sample rows in this run."
		               : "No held-out rows: every row modelled here is of "
		               "a chip its profile was fitted on, so these errors "
		               "measure the fit, not a prediction.");
	}
	for (k = 0; k < 2; k++) {
		free(g.e[k]);
		free(all.e[k]);
	}
}

void report_validation_groups(rctx *r, long run, const char *profile)
{
	int has_version = report_has_column(r, r->db, r->o->dbpath,
	                                    "validation", "version");
	doc_para(&r->d, "Per group of rows (chip, software version, model, "
	         "precision; run profile %s, each version served by its own "
	         "profile). In-sample rows are of the chip a version's profile "
	         "was fitted on: their error says how well the fit reproduces "
	         "its own data. Held-out rows are of other chips, never used in "
	         "fitting: their error says how well the model predicts.%s",
	         profile, has_version ? "" : " This validation run predates the "
	         "version column: rerun rooflab validate --db to group by "
	         "version.");
	doc_para(&r->d, "In-sample (the fitted chip):");
	side_table(r, run, 1, has_version);
	doc_para(&r->d, "Held out (other chips):");
	side_table(r, run, 0, has_version);
}
