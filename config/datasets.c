/*
** datasets.c: the output-length spreads of data/measurements/datasets.csv
** put on the measurement rows they describe (datasets.h).  Each line names
** a table (software, version) and its stated lengths (isl, osl), which are
** then a dataset's means, and the longest output of that dataset
** (osl_max), which the load model (model/load.c) gives the run's end.
*/
#include "datasets.h"

#include <stdio.h>
#include <string.h>

#include "csvrows.h"
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

/* One line: its osl_max on the rows of its table and lengths; -1 with
** the message. */
static int apply_line(const csv_rows *cr, void *ctx, char *err,
                      size_t errlen)
{
	meas_set *set = ctx;
	double isl, osl, osl_max;
	size_t i;
	if (field_num(cr, D_ISL, 1, 1e7, &isl, err, errlen) ||
	    field_num(cr, D_OSL, 1, 1e7, &osl, err, errlen) ||
	    field_num(cr, D_OSL_MAX, osl, 1e7, &osl_max, err, errlen))
		return -1;
	for (i = 0; i < set->n; i++) {
		meas_row *r = &set->rows[i];
		if (r->isl == isl && r->osl == osl &&
		    !strcmp(r->software, cr->fields[D_SW]) &&
		    !strcmp(r->version, cr->fields[D_VERSION]))
			r->osl_max = osl_max;
	}
	return 0;
}

int meas_datasets_apply(meas_set *set, const char *path, char *err,
                        size_t errlen)
{
	/* no file: no datasets */
	return csv_table_each(path, d_names, D_COUNT, apply_line, set, err,
	                      errlen);
}
