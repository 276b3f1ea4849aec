/*
** linetable.c: a small table's lines, kept in order, applied to the
** measurement rows they match by key (linetable.h): datasets.c and
** rounding.c each wrote the table, its growth and the look-up out.
*/
#include "linetable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/status.h"

int line_table_read(line_table *t, size_t size, const char *path,
                    const char *const *names, int n,
                    int (*keep)(const csv_rows *, void *, char *, size_t),
                    char *err, size_t errlen)
{
	int rc;
	memset(t, 0, sizeof *t);
	t->size = size;
	if (!(t->text = strpool_new())) {
		snprintf(err, errlen, "%s: out of memory", path);
		return RL_EINTERNAL;
	}
	rc = csv_table_each(path, names, n, keep, t, err, errlen);
	return t->oom ? RL_EINTERNAL : rc;
}

int line_table_add(line_table *t, void *line, const char **const *texts,
                   int ntexts, const csv_rows *cr, char *err,
                   size_t errlen)
{
	int i;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 8;
		char *v = realloc(t->v, cap * t->size);
		if (!v)
			goto oom;
		t->v = v;
		t->cap = cap;
	}
	for (i = 0; i < ntexts; i++)
		if (!(*texts[i] = strpool_add(t->text, *texts[i], 0, NULL)))
			goto oom;
	memcpy(t->v + t->n * t->size, line, t->size);
	t->n++;
	return 0;
oom:
	t->oom = 1;
	snprintf(err, errlen, "%s:%d: out of memory", cr->path, cr->line);
	return -1;
}

/* The index of the last line a row matches, or -1: line_work's question,
** for keymemo_answer */
typedef struct {
	const line_table *t;
	const meas_row *r;
	int (*match)(const void *line, const meas_row *);
} line_ask;

static int line_work(const void *ctx)
{
	const line_ask *a = ctx;
	size_t i;
	for (i = a->t->n; i-- > 0;)
		if (a->match(a->t->v + i * a->t->size, a->r))
			return (int)i;
	return -1;
}

void line_table_apply(const line_table *t, meas_set *set,
                      void (*key)(const meas_row *, uint64_t *),
                      int (*match)(const void *line, const meas_row *),
                      void (*apply)(const void *line, meas_row *))
{
	keymemo *m;
	size_t i;
	if (!t->n)
		return;
	m = keymemo_new();
	for (i = 0; i < set->n; i++) {
		meas_row *r = &set->rows[i];
		uint64_t k[KEYMEMO_WORDS];
		line_ask a;
		int at;
		key(r, k);
		a.t = t;
		a.r = r;
		a.match = match;
		at = keymemo_answer(m, k, line_work, &a);
		if (at >= 0)
			apply(t->v + (size_t)at * t->size, r);
	}
	keymemo_free(m);
}

void line_table_free(line_table *t)
{
	free(t->v);
	strpool_free(t->text);
	memset(t, 0, sizeof *t);
}
