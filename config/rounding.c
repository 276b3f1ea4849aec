/*
** rounding.c: the rounding steps of data/measurements/rounding.csv put on
** the measurement rows they describe (rounding.h).  Each line names a table
** (software, version), a metric, and the step its values are published
** to: a value v then stands for any run within v +- step / 2, and the
** error of a prediction is its distance to that interval
** (model/calibrate.h, rl_calib_miss), in the fit and in validate alike.
*/
#include "rounding.h"

#include <stdio.h>
#include <string.h>

#include "csvrows.h"
#include "num.h"
#include "../model/utf8.h"

enum { R_SW, R_VERSION, R_METRIC, R_STEP, R_SOURCE, R_COUNT };
static const char *const r_names[R_COUNT] = {
    "software", "version", "metric", "step", "source"};

/* One line: its step on the rows it matches; -1 with the message. */
static int apply_line(const csv_rows *cr, void *ctx, char *err,
                      size_t errlen)
{
	meas_set *set = ctx;
	double step;
	size_t i;
	if (num_text(cr->fields[R_STEP], &step) || !(step > 0 && step <= 1e9)) {
		snprintf(err, errlen, "%s:%d: column 'step' (%d): '%.*s' is not a "
		         "number in (0, 1e9]", cr->path, cr->line, R_STEP + 1,
		         rl_utf8_cut(cr->fields[R_STEP], 60), cr->fields[R_STEP]);
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
	/* no file: every value as measured */
	return csv_table_each(path, r_names, R_COUNT, apply_line, set, err,
	                      errlen);
}
