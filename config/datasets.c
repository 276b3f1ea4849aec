/*
** datasets.c: the output-length spreads of data/measurements/datasets.csv
** put on the measurement rows they describe (datasets.h).  Each line names
** a table (software, version) and its stated lengths (isl, osl), which are
** then a dataset's means, and the longest output of that dataset
** (osl_max), which the load model (model/load.c) gives the run's end.
** The lines are read first, then each row finds its line by key
** (keymemo.h), where each line was compared with every row.
*/
#include "datasets.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvrows.h"
#include "keymemo.h"
#include "num.h"
#include "strpool.h"
#include "../model/numtext.h"
#include "../model/status.h"
#include "../model/utf8.h"

enum { D_SW, D_VERSION, D_ISL, D_OSL, D_OSL_MAX, D_SOURCE, D_COUNT };
static const char *const d_names[D_COUNT] = {
    "software", "version", "isl", "osl", "osl_max", "source"};

/* Field k of the row as a number in [lo, hi]; -1 with the message. */
static int field_num(const csv_rows *cr, int k, double lo, double hi,
                     double *v, char *err, size_t errlen)
{
	if (num_text(cr->fields[k], v) || !(*v >= lo && *v <= hi)) {
		/* the bounds in all their digits (rl_number_write), as
		** num_parse's ranges, where %g wrote 1e+07 */
		char lt[32], ht[32];
		snprintf(err, errlen, "%s:%d: column '%s' (%d): '%.*s' is not a "
		         "number in %s .. %s", cr->path, cr->line, d_names[k], k + 1,
		         rl_utf8_cut(cr->fields[k], 60), cr->fields[k],
		         rl_number_write(lo, lt, sizeof lt),
		         rl_number_write(hi, ht, sizeof ht));
		return -1;
	}
	return 0;
}

/* The table's lines, in the file's order: a row takes the osl_max of the
** last line of its software, version, isl and osl, as applying each line
** in turn to every row left it. */
typedef struct {
	const char *sw, *version; /* in text */
	double isl, osl, osl_max;
} d_line;
typedef struct {
	d_line *v;
	size_t n, cap;
	strpool *text;
	int oom;                  /* a line could not be held */
} d_table;

/* One line checked and kept; -1 with the message (out of memory too:
** t->oom set). */
static int keep_line(const csv_rows *cr, void *ctx, char *err,
                     size_t errlen)
{
	d_table *t = ctx;
	d_line l;
	if (field_num(cr, D_ISL, 1, 1e7, &l.isl, err, errlen) ||
	    field_num(cr, D_OSL, 1, 1e7, &l.osl, err, errlen) ||
	    field_num(cr, D_OSL_MAX, l.osl, 1e7, &l.osl_max, err, errlen))
		return -1;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 8;
		d_line *v = realloc(t->v, cap * sizeof *v);
		if (!v)
			goto oom;
		t->v = v;
		t->cap = cap;
	}
	if (!(l.sw = strpool_add(t->text, cr->fields[D_SW], 0, NULL)) ||
	    !(l.version = strpool_add(t->text, cr->fields[D_VERSION], 0, NULL)))
		goto oom;
	t->v[t->n++] = l;
	return 0;
oom:
	t->oom = 1;
	snprintf(err, errlen, "%s:%d: out of memory", cr->path, cr->line);
	return -1;
}

/* The index of the last line a row matches, or -1. */
static long line_of(const d_table *t, const meas_row *r)
{
	size_t i;
	for (i = t->n; i-- > 0;)
		if (r->isl == t->v[i].isl && r->osl == t->v[i].osl &&
		    !strcmp(r->software, t->v[i].sw) &&
		    !strcmp(r->version, t->v[i].version))
			return (long)i;
	return -1;
}

/* line_of's arguments, for keymemo_answer */
typedef struct {
	const d_table *t;
	const meas_row *r;
} line_ask;

static int line_work(const void *ctx)
{
	const line_ask *a = ctx;
	return (int)line_of(a->t, a->r);
}

/* Each row's line (line_of), worked out once for each software, version,
** isl and osl the rows hold (their text by pointer: a set's rows share
** their strings; lengths by their bits) and found again by key: a
** million rows of a few tables compared with the lines a few dozen times,
** not a million times each.  A key the memo cannot hold (out of memory)
** is worked out again, row by row. */
static void apply_rows(meas_set *set, const d_table *t)
{
	keymemo *m = keymemo_new();
	size_t i;
	for (i = 0; i < set->n; i++) {
		meas_row *r = &set->rows[i];
		uint64_t key[KEYMEMO_WORDS];
		line_ask a;
		int k;
		key[0] = (uint64_t)(uintptr_t)r->software;
		key[1] = (uint64_t)(uintptr_t)r->version;
		memcpy(&key[2], &r->isl, sizeof key[2]);
		memcpy(&key[3], &r->osl, sizeof key[3]);
		a.t = t;
		a.r = r;
		k = keymemo_answer(m, key, line_work, &a);
		if (k >= 0)
			r->osl_max = t->v[k].osl_max;
	}
	keymemo_free(m);
}

int meas_datasets_apply(meas_set *set, const char *path, char *err,
                        size_t errlen)
{
	d_table t;
	int rc;
	memset(&t, 0, sizeof t);
	if (!(t.text = strpool_new())) {
		snprintf(err, errlen, "%s: out of memory", path);
		return RL_EINTERNAL;
	}
	/* no file: no datasets */
	rc = csv_table_each(path, d_names, D_COUNT, keep_line, &t, err, errlen);
	if (rc == 0 && t.n)
		apply_rows(set, &t);
	free(t.v);
	strpool_free(t.text);
	return t.oom ? RL_EINTERNAL : rc;
}
