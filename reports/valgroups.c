/*
** valgroups.c: the validation summary of the report, per group of rows
** (chip, model, precision) under the run's profile, with the rows the
** profile was fitted on (in-sample: they measure the fit) and the rows it
** never saw (held out: they measure a prediction) counted apart, so that
** fitted rows are never read as held out.
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

/* One table row for group g named by c0..c2. */
static void row(rctx *r, const char *c0, const char *c1, const char *c2,
                const errs *g)
{
	char c[7][96];
	const char *cells[10];
	int k;
	snprintf(c[0], sizeof c[0], "%zu", g->n[1]);
	cell_pct(c[1], sizeof c[1], g, 1, 0.5);
	cell_pct(c[2], sizeof c[2], g, 1, 0.9);
	snprintf(c[3], sizeof c[3], "%zu", g->n[0]);
	cell_pct(c[4], sizeof c[4], g, 0, 0.5);
	cell_pct(c[5], sizeof c[5], g, 0, 0.9);
	cells[0] = c0;
	cells[1] = c1;
	cells[2] = c2;
	for (k = 0; k < 6; k++)
		cells[3 + k] = c[k];
	doc_row(&r->d, cells);
}

void report_validation_groups(rctx *r, long run, const char *profile)
{
	static const char *h[] = {"chip", "model", "precision",
	                          "in-sample rows", "in-sample median |error|",
	                          "in-sample 90th pct", "held-out rows",
	                          "held-out median |error|", "held-out 90th pct"};
	sqlite3_stmt *st;
	errs g, all;
	char key[3][96], cur[3][96];
	int have = 0, k, oom = 0;
	memset(&g, 0, sizeof g);
	memset(&all, 0, sizeof all);
	if (sqlite3_prepare_v2(r->db, "SELECT chip, model, precision, "
	                       "in_calibration, error FROM validation WHERE "
	                       "run_id = ?1 AND error IS NOT NULL ORDER BY 1, 2, "
	                       "3", -1, &st, NULL))
		return;
	sqlite3_bind_int64(st, 1, run);
	while (!oom && sqlite3_step(st) == SQLITE_ROW) {
		int in = sqlite3_column_int(st, 3) != 0;
		double e = pdb_real(st, 4);
		for (k = 0; k < 3; k++)
			pdb_text(st, k, key[k], sizeof key[k]);
		if (have && (strcmp(key[0], cur[0]) || strcmp(key[1], cur[1]) ||
		             strcmp(key[2], cur[2]))) {
			row(r, cur[0], cur[1], cur[2], &g);
			g.n[0] = g.n[1] = 0;
		}
		if (!have) {
			doc_para(&r->d, "Per group of rows under profile %s. In-sample "
			         "rows are the ones the profile was fitted on: their "
			         "error says how well the fit reproduces its own data. "
			         "Held-out rows were never used in fitting: their error "
			         "says how well the model predicts.", profile);
			doc_table_begin(&r->d, 9, h);
		}
		if (!have || strcmp(key[0], cur[0]) || strcmp(key[1], cur[1]) ||
		    strcmp(key[2], cur[2]))
			memcpy(cur, key, sizeof cur);
		have = 1;
		oom = push(&g, in, e) || push(&all, in, e);
	}
	sqlite3_finalize(st);
	if (have) {
		row(r, cur[0], cur[1], cur[2], &g);
		row(r, "all", "", "", &all);
		doc_table_end(&r->d);
		if (all.n[0] == 0)
			doc_para_class(&r->d, "note", "No held-out rows: every row "
			               "modelled here was used to fit the profile, so "
			               "these errors measure the fit, not a "
			               "prediction.");
	}
	for (k = 0; k < 2; k++) {
		free(g.e[k]);
		free(all.e[k]);
	}
}
