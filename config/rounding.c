/*
** rounding.c: the rounding steps of data/measurements/rounding.csv put on
** the measurement rows they describe (rounding.h).  Each line names a table
** (software, version), a metric, and the step its values are published
** to: a value v then stands for any run within v +- step / 2, and the
** error of a prediction is its distance to that interval
** (model/calibrate.h, rl_calib_miss), in the fit and in validate alike.
*/
#include "rounding.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "csvrows.h"
#include "num.h"

enum { R_SW, R_VERSION, R_METRIC, R_STEP, R_SOURCE, R_COUNT };
static const char *const r_names[R_COUNT] = {
    "software", "version", "metric", "step", "source"};

static int header_ok(const csv_rows *cr, char *err, size_t errlen)
{
	int k;
	for (k = 0; k < R_COUNT; k++)
		if (k >= cr->nf || strcmp(cr->fields[k], r_names[k]) != 0) {
			snprintf(err, errlen, "%s:%d: column %d must be '%s'", cr->path,
			         cr->line, k + 1, r_names[k]);
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

/* One line: its step on the rows it matches; -1 with the message. */
static int apply_line(meas_set *set, const csv_rows *cr, char *err,
                      size_t errlen)
{
	double step;
	size_t i;
	if (cr->nf < R_COUNT) {
		snprintf(err, errlen, "%s:%d: %d fields, %d wanted (%s)", cr->path,
		         cr->line, cr->nf, R_COUNT,
		         "software,version,metric,step,source");
		return -1;
	}
	if (num_text(cr->fields[R_STEP], &step) || !(step > 0 && step <= 1e9)) {
		snprintf(err, errlen, "%s:%d: column 'step' (%d): '%.60s' is not a "
		         "number in (0, 1e9]", cr->path, cr->line, R_STEP + 1,
		         cr->fields[R_STEP]);
		return -1;
	}
	for (i = 0; i < set->n; i++) {
		meas_row *r = &set->rows[i];
		if (!strcmp(r->metric, cr->fields[R_METRIC]) &&
		    !strcmp(r->software, cr->fields[R_SW]) &&
		    !strcmp(r->version, cr->fields[R_VERSION]))
			r->round_step = step;
	}
	return 0;
}

int meas_rounding_apply(meas_set *set, const char *path, char *err,
                        size_t errlen)
{
	csv_rows cr;
	int rc, have_header = 0, hdr = 0;
	if (csv_open(&cr, path, 1, err, errlen)) {
		if (errno != ENOENT)
			return -1;
		err[0] = '\0'; /* no file: every value as measured */
		return 0;
	}
	while ((rc = csv_next(&cr, err, errlen)) > 0) {
		if (!have_header) {
			if (header_ok(&cr, err, errlen))
				goto fail;
			have_header = 1;
			hdr = cr.nf;
			continue;
		}
		if (row_width_ok(&cr, hdr, err, errlen))
			goto fail;
		if (apply_line(set, &cr, err, errlen))
			goto fail;
	}
	csv_close(&cr);
	return rc < 0 ? -1 : 0;
fail:
	csv_close(&cr);
	return -1;
}
