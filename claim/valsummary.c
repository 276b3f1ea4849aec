/*
** valsummary.c: the errors of evaluated validation rows summarised: by
** chip, version, model, precision or metric alone (val_groups), by chip,
** version, model and precision together (val_cells), and over all rows
** (val_summary), each within one set (in sample, held out, not modelled,
** out of sample) so that fitted rows are never read as held out, nor rows
** of a borrowed profile as fitted (validation.h).  Each row's group and
** cell is found by its key in a hash set (config/strpool.h), where each
** row was compared with every group before it, its keys written anew for
** each: a file of 100,000 rows spent most of its time there.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/meassetup.h"
#include "../config/strpool.h"
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

/* The errors of the modelled rows of each of count groups, of[i] the
** group of row i (first to first + count - 1, or another group's),
** gathered in the rows' order: rows[j] and modelled[j] the counts of
** group first + j, its errors at e[at[j]] (e and at allocated here, free
** them); -1 when out of memory. */
static int gather(const val_row *rows, size_t n, const size_t *of,
                  size_t first, size_t count, size_t *nrows, size_t *nmod,
                  double **e, size_t **at)
{
	size_t i, j, used = 0;
	*e = malloc((n + 1) * sizeof **e);
	*at = malloc((count + 1) * sizeof **at);
	if (!*e || !*at)
		return -1;
	memset(nrows, 0, count * sizeof *nrows);
	memset(nmod, 0, count * sizeof *nmod);
	for (i = 0; i < n; i++)
		if (of[i] >= first && of[i] < first + count) {
			nrows[of[i] - first]++;
			nmod[of[i] - first] += rows[i].status == VAL_OK;
		}
	for (j = 0; j < count; j++) {
		(*at)[j] = used;
		used += nmod[j];
	}
	memset(nmod, 0, count * sizeof *nmod);
	for (i = 0; i < n; i++)
		if (of[i] >= first && of[i] < first + count &&
		    rows[i].status == VAL_OK) {
			j = of[i] - first;
			(*e)[(*at)[j] + nmod[j]++] = rows[i].error;
		}
	return 0;
}

/* A key into out (len bytes): the set, then each of the texts after its
** length (strpool_key: "2\x1f8:h100-sxm..."): two rows share it when
** their set and texts are the same (no two lists of texts make one key). */
static void joined_key(int set, const char *const *texts, int nt, char *out,
                       size_t len)
{
	char head[16];
	snprintf(head, sizeof head, "%d", set);
	strpool_key(out, len, head, nt, texts);
}

/* room for four keys of val_key_of and their lengths */
#define JOINED_MAX (4 * (2 * MEAS_FIELD + 2 + 24) + 16)

/* The groups of one key (by) appended to *g (grown: *ng of them, *cap
** allocated), in the order of their first rows, each with its errors;
** -1 when out of memory. */
static int groups_by(const val_row *rows, size_t n, int by, val_group **g,
                     size_t *ng, size_t *cap, size_t *of)
{
	char key[2 * MEAS_FIELD + 2], joined[JOINED_MAX];
	size_t first = *ng, i, j, *nrows = NULL, *nmod = NULL, *at = NULL;
	double *e = NULL;
	strpool *seen = strpool_new();
	int rc = -1;
	if (!seen)
		return -1;
	for (i = 0; i < n; i++) {
		const char *k = key;
		int set = val_set_of(&rows[i]), old;
		val_key_of(&rows[i], by, key, sizeof key);
		joined_key(set, &k, 1, joined, sizeof joined);
		if (!strpool_add(seen, joined, (int)*ng, &old))
			goto out;
		if (old >= 0) {
			of[i] = (size_t)old;
			continue;
		}
		if (*ng == *cap) {
			size_t nc = *cap ? 2 * *cap : 32;
			val_group *ngp = realloc(*g, nc * sizeof *ngp);
			if (!ngp)
				goto out;
			*g = ngp;
			*cap = nc;
		}
		memset(&(*g)[*ng], 0, sizeof (*g)[*ng]);
		(*g)[*ng].by = by;
		(*g)[*ng].set = set;
		snprintf((*g)[*ng].key, sizeof (*g)[*ng].key, "%s", key);
		of[i] = (*ng)++;
	}
	nrows = malloc((*ng - first + 1) * sizeof *nrows);
	nmod = malloc((*ng - first + 1) * sizeof *nmod);
	if (!nrows || !nmod ||
	    gather(rows, n, of, first, *ng - first, nrows, nmod, &e, &at))
		goto out;
	for (j = first; j < *ng; j++) {
		val_group *gj = &(*g)[j];
		gj->rows = nrows[j - first];
		gj->modelled = nmod[j - first];
		quantiles(e + at[j - first], gj->modelled, &gj->median_abs,
		          &gj->p90_abs, &gj->median);
	}
	rc = 0;
out:
	free(nrows);
	free(nmod);
	free(e);
	free(at);
	strpool_free(seen);
	return rc;
}

size_t val_groups(const val_row *rows, size_t n, val_group **out)
{
	val_group *g = NULL;
	size_t *of = malloc((n + 1) * sizeof *of);
	size_t ng = 0, cap = 0;
	int by;
	*out = NULL;
	if (!of)
		return 0;
	for (by = 0; by < VAL_BY_COUNT; by++)
		if (groups_by(rows, n, by, &g, &ng, &cap, of)) {
			free(g);
			free(of);
			return 0;
		}
	free(of);
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

/* The key of a row's cell: its set, chip, version, model and precision
** (joined_key). */
static void cell_key(const val_row *v, char *out, size_t len)
{
	static const int by[4] = {VAL_BY_CHIP, VAL_BY_VERSION, VAL_BY_MODEL,
	                          VAL_BY_PRECISION};
	char k[4][2 * MEAS_FIELD + 2];
	const char *t[4];
	int i;
	for (i = 0; i < 4; i++) {
		val_key_of(v, by[i], k[i], sizeof k[i]);
		t[i] = k[i];
	}
	joined_key(val_set_of(v), t, 4, out, len);
}

size_t val_cells(const val_row *rows, size_t n, val_cell **out)
{
	val_cell *c = malloc((n ? n : 1) * sizeof *c); /* at most one a row */
	size_t *of = malloc((n ? n : 1) * sizeof *of); /* each row's cell */
	size_t *nrows = malloc((n ? n : 1) * sizeof *nrows);
	size_t *nmod = malloc((n ? n : 1) * sizeof *nmod), *at = NULL;
	size_t nc = 0, i, j;
	double *e = NULL;
	strpool *seen = strpool_new(); /* the cells' keys, tag: the cell */
	char key[JOINED_MAX];
	*out = NULL;
	if (!c || !of || !nrows || !nmod || !seen || !n)
		goto fail;
	for (i = 0; i < n; i++) {
		int old;
		cell_key(&rows[i], key, sizeof key);
		if (!strpool_add(seen, key, (int)nc, &old))
			goto fail;
		if (old >= 0) {
			of[i] = (size_t)old;
			continue;
		}
		memset(&c[nc], 0, sizeof c[nc]);
		c[nc].first = &rows[i];
		c[nc].set = val_set_of(&rows[i]);
		of[i] = nc++;
	}
	if (gather(rows, n, of, 0, nc, nrows, nmod, &e, &at))
		goto fail;
	for (j = 0; j < nc; j++) {
		c[j].rows = nrows[j];
		c[j].modelled = nmod[j];
		quantiles(e + at[j], nmod[j], &c[j].median_abs, &c[j].p90_abs,
		          &c[j].median);
	}
	*out = c; /* kept: the cells */
	c = NULL;
fail:
	if (!*out)
		nc = 0;
	free(c);
	free(of);
	free(nrows);
	free(nmod);
	free(e);
	free(at);
	strpool_free(seen);
	return nc;
}
