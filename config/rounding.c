/*
** rounding.c: the rounding steps of data/measurements/rounding.csv put on
** the measurement rows they describe (rounding.h).  Each line names a table
** (software, version), a metric, and the step its values are published
** to: a value v then stands for any run within v +- step / 2, and the
** error of a prediction is its distance to that interval
** (model/calibrate.h, rl_calib_miss), in the fit and in validate alike.
** The lines are read first, then each row finds its line by key
** (keymemo.h), where each line was compared with every row.
*/
#include "rounding.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvrows.h"
#include "keymemo.h"
#include "num.h"
#include "strpool.h"
#include "../model/status.h"
#include "../model/utf8.h"

enum { R_SW, R_VERSION, R_METRIC, R_STEP, R_SOURCE, R_COUNT };
static const char *const r_names[R_COUNT] = {
    "software", "version", "metric", "step", "source"};

/* The table's lines, in the file's order: a row takes the step of the
** last line of its software, version and metric, as applying each line
** in turn to every row left it. */
typedef struct {
	const char *sw, *version, *metric; /* in text */
	double step;
} r_line;
typedef struct {
	r_line *v;
	size_t n, cap;
	strpool *text;
	int oom;                  /* a line could not be held */
} r_table;

/* One line checked and kept; -1 with the message (out of memory too:
** t->oom set). */
static int keep_line(const csv_rows *cr, void *ctx, char *err,
                     size_t errlen)
{
	r_table *t = ctx;
	r_line l;
	if (num_text(cr->fields[R_STEP], &l.step) ||
	    !(l.step > 0 && l.step <= 1e9)) {
		snprintf(err, errlen, "%s:%d: column 'step' (%d): '%.*s' is not a "
		         "number in (0, 1e9]", cr->path, cr->line, R_STEP + 1,
		         rl_utf8_cut(cr->fields[R_STEP], 60), cr->fields[R_STEP]);
		return -1;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 8;
		r_line *v = realloc(t->v, cap * sizeof *v);
		if (!v)
			goto oom;
		t->v = v;
		t->cap = cap;
	}
	if (!(l.sw = strpool_add(t->text, cr->fields[R_SW], 0, NULL)) ||
	    !(l.version = strpool_add(t->text, cr->fields[R_VERSION], 0, NULL)) ||
	    !(l.metric = strpool_add(t->text, cr->fields[R_METRIC], 0, NULL)))
		goto oom;
	t->v[t->n++] = l;
	return 0;
oom:
	t->oom = 1;
	snprintf(err, errlen, "%s:%d: out of memory", cr->path, cr->line);
	return -1;
}

/* The index of the last line a row matches, or -1. */
static long line_of(const r_table *t, const meas_row *r)
{
	size_t i;
	for (i = t->n; i-- > 0;)
		if (!strcmp(r->metric, t->v[i].metric) &&
		    !strcmp(r->software, t->v[i].sw) &&
		    !strcmp(r->version, t->v[i].version))
			return (long)i;
	return -1;
}

/* line_of's arguments, for keymemo_answer */
typedef struct {
	const r_table *t;
	const meas_row *r;
} line_ask;

static int line_work(const void *ctx)
{
	const line_ask *a = ctx;
	return (int)line_of(a->t, a->r);
}

/* Each row's line (line_of), worked out once for each software, version
** and metric the rows hold (by pointer: a set's rows share their strings)
** and found again by key (keymemo.h); a key the memo cannot hold (out of
** memory) is worked out again, row by row. */
static void apply_rows(meas_set *set, const r_table *t)
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
		key[2] = (uint64_t)(uintptr_t)r->metric;
		key[3] = 0;
		a.t = t;
		a.r = r;
		k = keymemo_answer(m, key, line_work, &a);
		if (k >= 0)
			r->round_step = t->v[k].step;
	}
	keymemo_free(m);
}

int meas_rounding_apply(meas_set *set, const char *path, char *err,
                        size_t errlen)
{
	r_table t;
	int rc;
	memset(&t, 0, sizeof t);
	if (!(t.text = strpool_new())) {
		snprintf(err, errlen, "%s: out of memory", path);
		return RL_EINTERNAL;
	}
	/* no file: every value as measured */
	rc = csv_table_each(path, r_names, R_COUNT, keep_line, &t, err, errlen);
	if (rc == 0 && t.n)
		apply_rows(set, &t);
	free(t.v);
	strpool_free(t.text);
	return t.oom ? RL_EINTERNAL : rc;
}
