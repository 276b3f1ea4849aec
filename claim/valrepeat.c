/*
** valrepeat.c: the same measured cell in two versions' tables, its change
** summarised per pair of versions (valrepeat.h): an upper bound on the
** noise of the measurements, since a software change between the two
** versions moves the cell too.
*/
#include "valrepeat.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

static int same_num(double x, double y)
{
	return x == y || (isnan(x) && isnan(y));
}

static int same_cell(const meas_row *x, const char *qx, const meas_row *y,
                     const char *qy)
{
	return same_num(x->chips, y->chips) && same_num(x->isl, y->isl) &&
	       same_num(x->osl, y->osl) && same_num(x->tp, y->tp) &&
	       same_num(x->pp, y->pp) && same_num(x->ep, y->ep) &&
	       same_num(x->request_rate_rps, y->request_rate_rps) &&
	       !strcmp(qx, qy) && !strcmp(x->chip, y->chip) &&
	       !strcmp(x->model, y->model) && !strcmp(x->precision, y->precision);
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

/* The cells of versions p and q (rows in by[], sorted by version, those of
** version k at by[at[k] .. at[k + 1] - 1]) into r; e, s: room for the
** changes. */
static void one_pair(const val_row *rows, const char *const *q,
                     const unsigned char *dup, const size_t *by,
                     const size_t *at, size_t p, size_t w, double *e,
                     double *s, val_repeat *r)
{
	size_t i, j, k = 0;
	for (i = at[p]; i < at[p + 1]; i++) {
		const meas_row *x = rows[by[i]].row;
		if (dup[by[i]])
			continue;
		for (j = at[w]; j < at[w + 1]; j++) {
			const meas_row *y = rows[by[j]].row;
			double ratio;
			if (dup[by[j]] || !same_cell(x, q[by[i]], y, q[by[j]]))
				continue;
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
			break;
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
	size_t nv = 0, i, j, p, w, cap = 0;
	int rc = -1;
	*out = NULL;
	*np = 0;
	if (!q || !vix || !dup || !by || !e || !s || !ver || !vn)
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
	/* a cell measured twice in one table: which of the two is unclear */
	for (p = 0; p < nv; p++)
		for (i = at[p]; i < at[p + 1]; i++)
			for (j = i + 1; j < at[p + 1]; j++)
				if (same_cell(rows[by[i]].row, q[by[i]], rows[by[j]].row,
				              q[by[j]]))
					dup[by[i]] = dup[by[j]] = 1;
	for (p = 0; p < nv; p++)
		for (w = p + 1; w < nv; w++) {
			val_repeat r;
			size_t vp = vix[by[at[p]]], vw = vix[by[at[w]]];
			one_pair(rows, q, dup, by, at, p, w, e, s, &r);
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
	return rc;
}
