/*
** valsummary.c: the errors of evaluated validation rows summarised: by
** chip, version, model, precision or metric alone (val_groups), by chip,
** version, model and precision together (val_cells), and over all rows
** (val_summary), each within one set (in sample, held out, not modelled,
** out of sample) so that fitted rows are never read as held out, nor rows
** of a borrowed profile as fitted (validation.h).
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/meassetup.h"
#include "../model/stats.h"
#include "validation.h"

const char *val_by_name(int by)
{
	static const char *const names[VAL_BY_COUNT] = {
	    "chip", "version", "model", "precision", "metric"};
	return by >= 0 && by < VAL_BY_COUNT ? names[by] : "?";
}

const char *val_set_name(int set)
{
	static const char *const names[VAL_SET_COUNT] = {
	    "held_out", "in_sample", "not_modelled", "out_of_sample"};
	return set >= 0 && set < VAL_SET_COUNT ? names[set] : "?";
}

int val_set_of(const val_row *v)
{
	if (v->status != VAL_OK)
		return VAL_SET_NOT_MODELLED;
	if (v->out_of_sample)
		return VAL_SET_OUT_OF_SAMPLE;
	return v->in_fit ? VAL_SET_FITTED : VAL_SET_HELD_OUT;
}

void val_key_of(const val_row *v, int by, char *key, size_t len)
{
	const meas_row *m = v->row;
	switch (by) {
	case VAL_BY_CHIP:
		snprintf(key, len, "%s", m->chip);
		break;
	case VAL_BY_VERSION:
		snprintf(key, len, "%s%s%s", m->software, m->version[0] ? " " : "",
		         m->version);
		break;
	case VAL_BY_MODEL:
		snprintf(key, len, "%s", m->model);
		break;
	case VAL_BY_METRIC: /* served at a rate or at maximum load */
		snprintf(key, len, "%s%s", m->metric,
		         meas_at_rate(m) ? " (at a rate)" : "");
		break;
	default:
		snprintf(key, len, "%s", m->precision);
	}
}

/* The median and 90th percentile of |error| and the signed median (the
** bias) of k errors. */
static void quantiles(const double *e, size_t k, double *median_abs,
                      double *p90_abs, double *median)
{
	*median_abs = stats_abs_quantile(e, k, 0.5);
	*p90_abs = stats_abs_quantile(e, k, 0.9);
	*median = stats_median(e, k);
}

static int quant(const val_row *rows, size_t n, int by, const char *key,
                 int set, val_group *g, double *e)
{
	size_t i, k = 0;
	char kk[2 * MEAS_FIELD + 2];
	g->rows = g->modelled = 0;
	for (i = 0; i < n; i++) {
		val_key_of(&rows[i], by, kk, sizeof kk);
		if (val_set_of(&rows[i]) != set || strcmp(kk, key))
			continue;
		g->rows++;
		if (rows[i].status == VAL_OK)
			e[k++] = rows[i].error;
	}
	g->modelled = k;
	quantiles(e, k, &g->median_abs, &g->p90_abs, &g->median);
	return 0;
}

size_t val_groups(const val_row *rows, size_t n, val_group **out)
{
	val_group *g = NULL;
	double *e = malloc((n + 1) * sizeof *e);
	size_t ng = 0, cap = 0, i, j;
	int by;
	*out = NULL;
	if (!e)
		return 0;
	for (by = 0; by < VAL_BY_COUNT; by++)
		for (i = 0; i < n; i++) {
			char key[2 * MEAS_FIELD + 2];
			int set = val_set_of(&rows[i]);
			val_key_of(&rows[i], by, key, sizeof key);
			for (j = 0; j < ng; j++)
				if (g[j].by == by && g[j].set == set &&
				    !strcmp(g[j].key, key))
					break;
			if (j < ng)
				continue;
			if (ng == cap) {
				size_t nc = cap ? 2 * cap : 32;
				val_group *ngp = realloc(g, nc * sizeof *ngp);
				if (!ngp) {
					free(g);
					free(e);
					return 0;
				}
				g = ngp;
				cap = nc;
			}
			memset(&g[ng], 0, sizeof g[ng]);
			g[ng].by = by;
			g[ng].set = set;
			snprintf(g[ng].key, sizeof g[ng].key, "%s", key);
			quant(rows, n, by, key, set, &g[ng], e);
			ng++;
		}
	free(e);
	*out = g;
	return ng;
}

size_t val_summary(const val_row *rows, size_t n, unsigned sets, double *med,
                   double *p90)
{
	double *e = malloc((n ? n : 1) * sizeof *e);
	size_t i, k = 0;
	*med = *p90 = NAN;
	if (!e)
		return 0;
	for (i = 0; i < n; i++)
		if (rows[i].status == VAL_OK &&
		    (sets & VAL_SET_BIT(val_set_of(&rows[i]))))
			e[k++] = rows[i].error;
	*med = stats_abs_quantile(e, k, 0.5);
	*p90 = stats_abs_quantile(e, k, 0.9);
	free(e);
	return k;
}

/* 1 when two rows fall in one cell: the same set, and the same chip,
** version, model and precision keys. */
static int same_cell(const val_row *a, const val_row *b)
{
	static const int by[4] = {VAL_BY_CHIP, VAL_BY_VERSION, VAL_BY_MODEL,
	                          VAL_BY_PRECISION};
	char ka[2 * MEAS_FIELD + 2], kb[2 * MEAS_FIELD + 2];
	int k;
	if (val_set_of(a) != val_set_of(b))
		return 0;
	for (k = 0; k < 4; k++) {
		val_key_of(a, by[k], ka, sizeof ka);
		val_key_of(b, by[k], kb, sizeof kb);
		if (strcmp(ka, kb))
			return 0;
	}
	return 1;
}

size_t val_cells(const val_row *rows, size_t n, val_cell **out)
{
	val_cell *c = malloc((n ? n : 1) * sizeof *c); /* at most one a row */
	size_t *of = malloc((n ? n : 1) * sizeof *of); /* each row's cell */
	double *e = malloc((n ? n : 1) * sizeof *e);
	size_t nc = 0, i, j;
	*out = NULL;
	if (!c || !of || !e || !n) {
		free(c);
		free(of);
		free(e);
		return 0;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < nc; j++)
			if (same_cell(c[j].first, &rows[i]))
				break;
		if (j == nc) {
			memset(&c[nc], 0, sizeof c[nc]);
			c[nc].first = &rows[i];
			c[nc].set = val_set_of(&rows[i]);
			nc++;
		}
		of[i] = j;
	}
	for (j = 0; j < nc; j++) {
		size_t k = 0;
		for (i = 0; i < n; i++) {
			if (of[i] != j)
				continue;
			c[j].rows++;
			if (rows[i].status == VAL_OK)
				e[k++] = rows[i].error;
		}
		c[j].modelled = k;
		quantiles(e, k, &c[j].median_abs, &c[j].p90_abs, &c[j].median);
	}
	free(of);
	free(e);
	*out = c;
	return nc;
}
