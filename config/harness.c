/*
** harness.c: the table of data/measurements/harness.csv read into memory
** (harness.h): one entry per published table, its series and the text
** that names its harness.
*/
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/status.h"
#include "csvrows.h"
#include "../model/utf8.h"

enum { H_SW, H_VERSION, H_SERIES, H_HARNESS, H_SOURCE, H_COUNT };
static const char *const h_names[H_COUNT] = {
    "software", "version", "series", "harness", "source"};

/* Field k of the row into dst (cap bytes) whole: -1 with the message when
** longer, or empty where required. */
static int field(const csv_rows *cr, int k, char *dst, size_t cap,
                 int required, char *err, size_t errlen)
{
	const char *s = cr->fields[k];
	if (strlen(s) >= cap) {
		snprintf(err, errlen, "%s:%d: column '%s' (%d): longer than %zu "
		         "bytes", cr->path, cr->line, h_names[k], k + 1, cap - 1);
		return -1;
	}
	if (required && !*s) {
		snprintf(err, errlen, "%s:%d: column '%s' (%d): empty", cr->path,
		         cr->line, h_names[k], k + 1);
		return -1;
	}
	snprintf(dst, cap, "%s", s);
	return 0;
}

/* the table being read, and whether memory ran out (exit 1, not the
** file's fault) */
typedef struct {
	meas_harnesses *h;
	int oom;
} reading;

static int add_line(const csv_rows *cr, void *ctx, char *err, size_t errlen)
{
	reading *rd = ctx;
	meas_harnesses *h = rd->h;
	meas_harness e, *nv;
	memset(&e, 0, sizeof e);
	if (field(cr, H_SW, e.software, sizeof e.software, 1, err, errlen) ||
	    field(cr, H_VERSION, e.version, sizeof e.version, 0, err, errlen) ||
	    field(cr, H_SERIES, e.series, sizeof e.series, 1, err, errlen) ||
	    field(cr, H_HARNESS, e.harness, sizeof e.harness, 1, err, errlen))
		return -1;
	if (meas_harness_find(h, e.software, e.version) >= 0) {
		snprintf(err, errlen, "%s:%d: software '%.*s' version '%.*s' "
		         "listed twice", cr->path, cr->line,
		         rl_utf8_cut(e.software, 60), e.software,
		         rl_utf8_cut(e.version, 60), e.version);
		return -1;
	}
	nv = realloc(h->v, (h->n + 1) * sizeof *nv);
	if (!nv) {
		snprintf(err, errlen, "%s:%d: out of memory", cr->path, cr->line);
		rd->oom = 1;
		return -1;
	}
	h->v = nv;
	h->v[h->n++] = e;
	return 0;
}

int meas_harness_read(const char *path, meas_harnesses *h, char *err,
                      size_t errlen)
{
	reading rd = {h, 0};
	int rc;
	h->v = NULL;
	h->n = 0;
	if ((rc = csv_table_each(path, h_names, H_COUNT, add_line, &rd, err,
	                         errlen))) {
		meas_harness_free(h);
		return rd.oom || rc == RL_EINTERNAL ? RL_EINTERNAL : RL_EINPUT;
	}
	return RL_OK;
}

void meas_harness_free(meas_harnesses *h)
{
	free(h->v);
	h->v = NULL;
	h->n = 0;
}

long meas_harness_find(const meas_harnesses *h, const char *software,
                       const char *version)
{
	size_t i;
	for (i = 0; i < h->n; i++)
		if (!strcmp(h->v[i].software, software) &&
		    !strcmp(h->v[i].version, version))
			return (long)i;
	return -1;
}
