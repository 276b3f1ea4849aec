/*
** valrepeat.c: the same measured cell in two versions' tables, its change
** summarised per pair of versions (valrepeat.h): an upper bound on the
** noise of the measurements, since a software change between the two
** versions moves the cell too.  A row's cell is found by its key in a
** hash set (config/strpool.h), where each row was compared with every row
** of its version and of each other version: a file of 100,000 rows spent
** most of its time there.
*/
#include "valrepeat.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/strpool.h"
#include "../model/stats.h"

const char *val_harness_name(int harness)
{
	return harness == VAL_HARNESS_SAME      ? "same"
	       : harness == VAL_HARNESS_CHANGED ? "changed"
	                                        : "unknown";
}

/* A row is a cell: a positive value and lengths that are numbers (a
** microbenchmark has none: its model names its shape). */
static int is_cell(const meas_row *m)
{
	return isfinite(m->value) && m->value > 0 && m->metric[0] &&
	       (meas_micro(m) || (isfinite(m->isl) && isfinite(m->osl)));
}

/* The metric as a quantity: "tokens_per_s" as the version table counts
** it (output or total tokens), any other as named. */
static const char *quantity(const val_versions *vt, const meas_row *m)
{
	const val_version *v;
	if (m->metric_code != MEAS_TOKENS_TPS)
		return m->metric;
	v = val_version_for(vt, m->software, m->version, m->model);
	if (!v)
		return m->metric;
	return v->tokens_total ? "total_tokens_per_s" : "output_tokens_per_s";
}

/* room for a cell's key (cell_key) and a version's rank before it */
#define CELL_KEY_MAX 4096

/* A row's cell as a text into out (CELL_KEY_MAX bytes): two rows have one
** key when their chips, lengths, tp, pp, ep and request rate are equal
** numbers (any two NaNs one; 0 and -0 one, as ==), and their quantity qm,
** chip, model and precision the same text: each number as "n", "0" or in
** hexadecimal (%a: a double's every bit), each text after its length
** (strpool_key). */
static void cell_key(const meas_row *m, const char *qm, char *out)
{
	const double num[7] = {m->chips, m->isl, m->osl, m->tp, m->pp, m->ep,
	                       m->request_rate_rps};
	const char *t[4];
	char head[7 * 32];
	size_t used = 0, k;
	t[0] = qm;
	t[1] = m->chip;
	t[2] = m->model;
	t[3] = m->precision;
	head[0] = '\0';
	for (k = 0; k < 7 && used < sizeof head; k++)
		used += (size_t)(isnan(num[k]) ? snprintf(head + used,
		                                          sizeof head - used, "n,")
		                 : num[k] == 0 ? snprintf(head + used,
		                                          sizeof head - used, "0,")
		                               : snprintf(head + used,
		                                          sizeof head - used, "%a,",
		                                          num[k]));
	strpool_key(out, CELL_KEY_MAX, head, 4, t);
}

/* "RANK:" and a cell's key into out (CELL_KEY_MAX + 32 bytes): the cell
** within one version's rows. */
static void ranked(size_t rank, const char *key, char *out)
{
	snprintf(out, CELL_KEY_MAX + 32, "%zu:%s", rank, key);
}

/* A row's version as the version table names it (val_version_for: the
** same entry for "0.12.0", "v0.12.0 " and the layout with the version in
** the software column), or as written where the table lacks it: where
** two spellings of one version were two versions, its cells compared
** with themselves as if a second table had measured them. */
typedef struct {
	const char *software, *version;
} version_name;

static version_name name_of(const val_versions *vt, const meas_row *m)
{
	const val_version *v = val_version_for(vt, m->software, m->version,
	                                       m->model);
	version_name n = {m->software, m->version};
	if (v) {
		n.software = v->software;
		n.version = v->version;
	}
	return n;
}

static int same_version(version_name x, version_name y)
{
	return !strcmp(x.software, y.software) && !strcmp(x.version, y.version);
}

/* The harness table's entry of a version: as written, else as the
** version table names it; -1 where it has neither. */
static long harness_of(const meas_harnesses *h, const meas_row *m,
                       version_name n)
{
	long k = meas_harness_find(h, m->software, m->version);
	return k >= 0 ? k : meas_harness_find(h, n.software, n.version);
}

/* The versions of the cells: each one's first row, harness table index
** (-1: not there) and rank (its order: the table's, then the rows'). */
typedef struct {
	size_t first;
	long hidx;
	size_t rank;
} version_of;

/* Harness and adjacency of versions p and q (p earlier). */
static void judge(const version_of *ver, size_t nv, const meas_harnesses *h,
                  size_t p, size_t q, val_repeat *r)
{
	const meas_harness *a, *b;
	size_t k;
	r->harness = VAL_HARNESS_UNKNOWN;
	r->adjacent = 0;
	if (ver[p].hidx < 0 || ver[q].hidx < 0)
		return;
	a = &h->v[ver[p].hidx];
	b = &h->v[ver[q].hidx];
	r->harness = !strcmp(a->series, b->series) &&
	                     !strcmp(a->harness, b->harness)
	                 ? VAL_HARNESS_SAME
	                 : VAL_HARNESS_CHANGED;
	if (strcmp(a->series, b->series))
		return;
	r->adjacent = 1;
	for (k = 0; k < nv; k++) {
		long x = ver[k].hidx;
		if (x > ver[p].hidx && x < ver[q].hidx &&
		    !strcmp(h->v[x].series, a->series))
			r->adjacent = 0;
	}
}

/* The cells of versions p and w (rows in by[], sorted by version, those of
** version k at by[at[k] .. at[k + 1] - 1]; key[i] row i's cell, cells the
** rows measured once in their version's table by "RANK:" and key, tag the
** row) into r; e, s: room for the changes. */
static void one_pair(const val_row *rows, const char *const *key,
                     const strpool *cells, const unsigned char *dup,
                     const size_t *by, const size_t *at, size_t p, size_t w,
                     double *e, double *s, val_repeat *r)
{
	char rk[CELL_KEY_MAX + 32];
	size_t i, k = 0;
	for (i = at[p]; i < at[p + 1]; i++) {
		const meas_row *x = rows[by[i]].row, *y;
		double ratio;
		int t;
		if (dup[by[i]])
			continue;
		ranked(w, key[by[i]], rk);
		if ((t = strpool_tag(cells, rk)) < 0)
			continue;
		y = rows[t].row;
		/* a ratio no double holds (1e300 against 1e-300: inf or
		** 0), or whose change no percentage does (100 times it
		** inf), is left out, where it was counted in cells and its
		** inf left out of the quantiles alone ("nan%" where every
		** cell's was, "inf%" where 100 times it overflowed) */
		ratio = y->value / x->value;
		if (ratio > 0 && isfinite(100 * ratio) &&
		    isfinite(100 * (x->value / y->value))) {
			e[k] = (y->value > x->value ? ratio
			                            : x->value / y->value) - 1;
			s[k++] = ratio - 1;
		}
	}
	r->cells = k;
	r->median_abs = stats_abs_quantile(e, k, 0.5);
	r->p90_abs = stats_abs_quantile(e, k, 0.9);
	r->median = stats_median(s, k);
}

int val_repeat_pairs(const val_row *rows, size_t n, const val_versions *vt,
                     const meas_harnesses *h, val_repeat **out, size_t *np)
{
	const char **q = malloc((n + 1) * sizeof *q);
	long *vix = malloc((n + 1) * sizeof *vix);
	unsigned char *dup = calloc(n + 1, 1);
	size_t *by = malloc((n + 1) * sizeof *by), *at = NULL;
	double *e = malloc((n + 1) * sizeof *e), *s = malloc((n + 1) * sizeof *s);
	version_of *ver = malloc((n + 1) * sizeof *ver);
	version_name *vn = malloc((n + 1) * sizeof *vn);
	const char **key = malloc((n + 1) * sizeof *key);
	/* the rows' cell keys; by version, the first row of each and the
	** rows measured once (tag: the row) */
	strpool *keys = strpool_new(), *seen = strpool_new(),
	        *cells = strpool_new();
	char ck[CELL_KEY_MAX], rk[CELL_KEY_MAX + 32];
	size_t nv = 0, i, j, p, w, cap = 0;
	int rc = -1;
	*out = NULL;
	*np = 0;
	if (!q || !vix || !dup || !by || !e || !s || !ver || !vn || !key ||
	    !keys || !seen || !cells)
		goto done;
	/* each cell's version, in the rows' order */
	for (i = 0; i < n; i++) {
		const meas_row *m = rows[i].row;
		vix[i] = -1;
		if (!is_cell(m))
			continue;
		q[i] = quantity(vt, m);
		vn[i] = name_of(vt, m);
		for (j = 0; j < nv; j++)
			if (same_version(vn[ver[j].first], vn[i]))
				break;
		if (j == nv) {
			ver[nv].first = i;
			ver[nv].hidx = harness_of(h, m, vn[i]);
			nv++;
		}
		vix[i] = (long)j;
	}
	/* their order: the harness table's, then the rows' */
	for (j = 0; j < nv; j++) {
		ver[j].rank = 0;
		for (p = 0; p < nv; p++) {
			size_t kj = ver[j].hidx >= 0 ? (size_t)ver[j].hidx
			                             : h->n + ver[j].first;
			size_t kp = ver[p].hidx >= 0 ? (size_t)ver[p].hidx
			                             : h->n + ver[p].first;
			ver[j].rank += kp < kj;
		}
	}
	/* the rows by version rank (at[k]: where rank k starts) */
	if (!(at = calloc(nv + 2, sizeof *at)))
		goto done;
	for (i = 0; i < n; i++)
		if (vix[i] >= 0)
			at[ver[vix[i]].rank + 1]++;
	for (j = 0; j < nv; j++)
		at[j + 1] += at[j];
	{
		size_t *fill = calloc(nv + 1, sizeof *fill);
		if (!fill)
			goto done;
		for (i = 0; i < n; i++)
			if (vix[i] >= 0) {
				size_t r = ver[vix[i]].rank;
				by[at[r] + fill[r]++] = i;
			}
		free(fill);
	}
	/* a cell measured twice in one table: which of the two is unclear
	** (each row's cell found by its key in a hash set, where each row
	** was compared with every other of its version) */
	for (p = 0; p < nv; p++)
		for (i = at[p]; i < at[p + 1]; i++) {
			int first;
			cell_key(rows[by[i]].row, q[by[i]], ck);
			if (!(key[by[i]] = strpool_add(keys, ck, 0, NULL)))
				goto done;
			ranked(p, ck, rk);
			if (!strpool_add(seen, rk, (int)by[i], &first))
				goto done;
			if (first >= 0)
				dup[first] = dup[by[i]] = 1;
		}
	for (p = 0; p < nv; p++)
		for (i = at[p]; i < at[p + 1]; i++) {
			if (dup[by[i]])
				continue;
			ranked(p, key[by[i]], rk);
			if (!strpool_add(cells, rk, (int)by[i], NULL))
				goto done;
		}
	for (p = 0; p < nv; p++)
		for (w = p + 1; w < nv; w++) {
			val_repeat r;
			size_t vp = vix[by[at[p]]], vw = vix[by[at[w]]];
			one_pair(rows, key, cells, dup, by, at, p, w, e, s, &r);
			if (!r.cells)
				continue;
			r.a = &rows[ver[vp].first];
			r.b = &rows[ver[vw].first];
			judge(ver, nv, h, vp, vw, &r);
			if (*np == cap) {
				size_t nc = cap ? 2 * cap : 16;
				val_repeat *nr = realloc(*out, nc * sizeof *nr);
				if (!nr) {
					free(*out);
					*out = NULL;
					*np = 0;
					goto done;
				}
				*out = nr;
				cap = nc;
			}
			(*out)[(*np)++] = r;
		}
	rc = 0;
done:
	free(q);
	free(vix);
	free(dup);
	free(by);
	free(at);
	free(e);
	free(s);
	free(ver);
	free(vn);
	free(key);
	strpool_free(keys);
	strpool_free(seen);
	strpool_free(cells);
	return rc;
}
