/*
** datasets.c: the output-length spreads of data/measurements/datasets.csv
** put on the measurement rows they describe (datasets.h).  Each line names
** a table (software, version) and its stated lengths (isl, osl), which are
** then a dataset's means, and the longest output of that dataset
** (osl_max), which the load model (model/load.c) gives the run's end.
*/
#include "datasets.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "csvrows.h"
#include "num.h"

enum { D_SW, D_VERSION, D_ISL, D_OSL, D_OSL_MAX, D_SOURCE, D_COUNT };
static const char *const d_names[D_COUNT] = {
    "software", "version", "isl", "osl", "osl_max", "source"};

/* Field k of the row as a number in [lo, hi]; -1 with the message. */
static int field_num(const csv_rows *cr, int k, double lo, double hi,
                     double *v, char *err, size_t errlen)
{
	if (num_text(cr->fields[k], v) || !(*v >= lo && *v <= hi)) {
		snprintf(err, errlen, "%s:%d: column '%s' (%d): '%.60s' is not a "
		         "number in %g .. %g", cr->path, cr->line, d_names[k], k + 1,
		         cr->fields[k], lo, hi);
		return -1;
	}
	return 0;
}

static int header_ok(const csv_rows *cr, char *err, size_t errlen)
{
	int k;
	for (k = 0; k < D_COUNT; k++)
		if (k >= cr->nf || strcmp(cr->fields[k], d_names[k]) != 0) {
			snprintf(err, errlen, "%s:%d: column %d must be '%s'", cr->path,
			         cr->line, k + 1, d_names[k]);
			return -1;
		}
	return 0;
}

/* A row with more fields than the header (hdr): refused, as this table is
** ours and a field past its columns (an unquoted comma) would be dropped
** without a word; -1 with "PATH:LINE: ...". */
static int row_width_ok(const csv_rows *cr, int hdr, char *err,
                        size_t errlen)
{
	if (cr->nf <= hdr)
		return 0;
	snprintf(err, errlen, "%s:%d: %d fields where the header has %d (an "
	         "unquoted comma in a field?)", cr->path, cr->line, cr->nf, hdr);
	return -1;
}

int meas_datasets_apply(meas_set *set, const char *path, char *err,
                        size_t errlen)
{
	csv_rows cr;
	int rc, have_header = 0, hdr = 0;
	if (csv_open(&cr, path, 1, err, errlen)) {
		if (errno != ENOENT)
			return -1;
		err[0] = '\0'; /* no file: no datasets */
		return 0;
	}
	while ((rc = csv_next(&cr, err, errlen)) > 0) {
		double isl, osl, osl_max;
		size_t i;
		if (!have_header) {
			if (header_ok(&cr, err, errlen))
				goto fail;
			have_header = 1;
			hdr = cr.nf;
			continue;
		}
		if (row_width_ok(&cr, hdr, err, errlen))
			goto fail;
		if (cr.nf < D_COUNT) {
			snprintf(err, errlen, "%s:%d: %d fields, %d wanted (%s)", path,
			         cr.line, cr.nf, D_COUNT, "software,version,isl,osl,"
			         "osl_max,source");
			goto fail;
		}
		if (field_num(&cr, D_ISL, 1, 1e7, &isl, err, errlen) ||
		    field_num(&cr, D_OSL, 1, 1e7, &osl, err, errlen) ||
		    field_num(&cr, D_OSL_MAX, osl, 1e7, &osl_max, err, errlen))
			goto fail;
		for (i = 0; i < set->n; i++) {
			meas_row *r = &set->rows[i];
			if (r->isl == isl && r->osl == osl &&
			    !strcmp(r->software, cr.fields[D_SW]) &&
			    !strcmp(r->version, cr.fields[D_VERSION]))
				r->osl_max = osl_max;
		}
	}
	csv_close(&cr);
	return rc < 0 ? -1 : 0;
fail:
	csv_close(&cr);
	return -1;
}
