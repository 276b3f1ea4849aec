/*
** rounding.c: the rounding steps of data/measurements/rounding.csv put on
** the measurement rows they describe (rounding.h).  Each line names a table
** (software, version), a metric, and the step its values are published
** to: a value v then stands for any run within v +- step / 2, and the
** error of a prediction is its distance to that interval
** (model/calibrate.h, rl_calib_miss), in the fit and in validate alike.
** The lines are read first, then each row finds its line by key
** (linetable.h), where each line was compared with every row.
*/
#include "rounding.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "csvrows.h"
#include "linetable.h"
#include "num.h"
#include "../model/utf8.h"

enum { R_SW, R_VERSION, R_METRIC, R_STEP, R_SOURCE, R_COUNT };
static const char *const r_names[R_COUNT] = {
    "software", "version", "metric", "step", "source"};

/* A line of the table: a row takes the step of the last line of its
** software, version and metric (linetable.h). */
typedef struct {
	const char *sw, *version, *metric; /* in the table's text */
	double step;
} r_line;

/* One line checked and kept; -1 with the message (out of memory too). */
static int keep_line(const csv_rows *cr, void *ctx, char *err,
                     size_t errlen)
{
	r_line l;
	const char **const texts[3] = {&l.sw, &l.version, &l.metric};
	if (num_text(cr->fields[R_STEP], &l.step) ||
	    !(l.step > 0 && l.step <= 1e9)) {
		snprintf(err, errlen, "%s:%d: column 'step' (%d): '%.*s' is not a "
		         "number in (0, 1e9]", cr->path, cr->line, R_STEP + 1,
		         rl_utf8_cut(cr->fields[R_STEP], 60), cr->fields[R_STEP]);
		return -1;
	}
	l.sw = cr->fields[R_SW];
	l.version = cr->fields[R_VERSION];
	l.metric = cr->fields[R_METRIC];
	return line_table_add(ctx, &l, texts, 3, cr, err, errlen);
}

/* A row's key: its software, version and metric by pointer (a set's rows
** share their strings) */
static void row_key(const meas_row *r, uint64_t *key)
{
	key[0] = (uint64_t)(uintptr_t)r->software;
	key[1] = (uint64_t)(uintptr_t)r->version;
	key[2] = (uint64_t)(uintptr_t)r->metric;
	key[3] = 0;
}

static int line_matches(const void *line, const meas_row *r)
{
	const r_line *l = line;
	return !strcmp(r->metric, l->metric) && !strcmp(r->software, l->sw) &&
	       !strcmp(r->version, l->version);
}

static void line_apply(const void *line, meas_row *r)
{
	r->round_step = ((const r_line *)line)->step;
}

int meas_rounding_apply(meas_set *set, const char *path, char *err,
                        size_t errlen)
{
	line_table t;
	/* no file: every value as measured */
	int rc = line_table_read(&t, sizeof(r_line), path, r_names, R_COUNT,
	                         keep_line, err, errlen);
	if (rc == 0)
		line_table_apply(&t, set, row_key, line_matches, line_apply);
	line_table_free(&t);
	return rc;
}
