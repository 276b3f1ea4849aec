/*
** datasets.c: the output-length spreads of data/measurements/datasets.csv
** put on the measurement rows they describe (datasets.h).  Each line names
** a table (software, version) and its stated lengths (isl, osl), which are
** then a dataset's means, and the longest output of that dataset
** (osl_max), which the load model (model/load.c) gives the run's end.
** The lines are read first, then each row finds its line by key
** (linetable.h), where each line was compared with every row.
*/
#include "datasets.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "csvrows.h"
#include "linetable.h"
#include "num.h"
#include "../model/numtext.h"
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

/* A line of the table: a row takes the osl_max of the last line of its
** software, version, isl and osl (linetable.h). */
typedef struct {
	const char *sw, *version; /* in the table's text */
	double isl, osl, osl_max;
} d_line;

/* One line checked and kept; -1 with the message (out of memory too). */
static int keep_line(const csv_rows *cr, void *ctx, char *err,
                     size_t errlen)
{
	d_line l;
	const char **const texts[2] = {&l.sw, &l.version};
	if (field_num(cr, D_ISL, 1, 1e7, &l.isl, err, errlen) ||
	    field_num(cr, D_OSL, 1, 1e7, &l.osl, err, errlen) ||
	    field_num(cr, D_OSL_MAX, l.osl, 1e7, &l.osl_max, err, errlen))
		return -1;
	l.sw = cr->fields[D_SW];
	l.version = cr->fields[D_VERSION];
	return line_table_add(ctx, &l, texts, 2, cr, err, errlen);
}

/* A row's key: its software and version by pointer (a set's rows share
** their strings), its lengths by their bits */
static void row_key(const meas_row *r, uint64_t *key)
{
	key[0] = (uint64_t)(uintptr_t)r->software;
	key[1] = (uint64_t)(uintptr_t)r->version;
	memcpy(&key[2], &r->isl, sizeof key[2]);
	memcpy(&key[3], &r->osl, sizeof key[3]);
}

static int line_matches(const void *line, const meas_row *r)
{
	const d_line *l = line;
	return r->isl == l->isl && r->osl == l->osl &&
	       !strcmp(r->software, l->sw) && !strcmp(r->version, l->version);
}

static void line_apply(const void *line, meas_row *r)
{
	r->osl_max = ((const d_line *)line)->osl_max;
}

int meas_datasets_apply(meas_set *set, const char *path, char *err,
                        size_t errlen)
{
	line_table t;
	/* no file: no datasets */
	int rc = line_table_read(&t, sizeof(d_line), path, d_names, D_COUNT,
	                         keep_line, err, errlen);
	if (rc == 0)
		line_table_apply(&t, set, row_key, line_matches, line_apply);
	line_table_free(&t);
	return rc;
}
