/*
** validation.h: the model against measured rows of a measurements file
** (config/measure.h), the median and 90th-percentile absolute error, and
** the rows stored for plots and the report (tables validation_runs and
** validation of schema.h).
*/
#ifndef RL_VALIDATION_H
#define RL_VALIDATION_H

#include <stddef.h>

#include "../config/measure.h"

typedef struct {
	const meas_row *row;
	double model;   /* NAN when not evaluated */
	double error;   /* model / measured - 1 */
	int in_calib;
	char note[256]; /* why not evaluated, or the microbenchmark's note */
} val_row;

typedef struct {
	double median, p90; /* absolute error; NAN without rows */
	size_t rows;
} val_summary;

/* Evaluate every row of set (v: set->n rows) with the profile; a row is
** fitted on (in_calib) when its software is calib_sw.  The number of rows
** evaluated. */
size_t val_evaluate(const meas_set *set, const char *profile,
                    const char *calib_sw, val_row *v);

/* The error statistics of the evaluated rows: which < 0 all, 1 the rows
** fitted on, 0 the held-out rows. */
void val_summarize(const val_row *v, size_t n, int which, val_summary *s);

/* Store the rows and the summary of all rows in the database at path, in
** one transaction.  RL_OK, or RL_EINPUT / RL_EINTERNAL with err. */
int val_store(const char *path, const char *profile, const val_row *v,
              size_t n, const val_summary *all, char *err, size_t errlen);

#endif
