/*
** measure.h: published measurements (data/measurements.csv): reading the
** CSV, and turning a row into a configuration the engine can evaluate.
**
** Columns (by header name): id, system, chips, chip, model, precision, isl,
** osl, tp, software, metric, value, source.  A row is modelled when its
** metric is output_tokens_per_s or total_tokens_per_s and isl, osl, tp and
** chips are whole numbers; other rows (microbenchmarks, requests with a
** length distribution) are kept with the reason they are not modelled.
*/
#ifndef RL_MEASURE_H
#define RL_MEASURE_H

#include <stddef.h>

#include "setup.h"

#define MEAS_FIELD 512

typedef struct {
	int line;                 /* line in the file */
	char id[MEAS_FIELD];
	char chip[MEAS_FIELD];
	char model[MEAS_FIELD];
	char precision[MEAS_FIELD];
	char software[MEAS_FIELD];
	char metric[MEAS_FIELD];
	char source[MEAS_FIELD];
	double isl, osl, tp, chips, value;
	int modelled;             /* 1 when the engine can predict it */
	char why_not[256];        /* else the reason */
} meas_row;

typedef struct {
	meas_row *rows;
	size_t n;
} meas_set;

/* Read a file.  0, or -1 with "file:line: message" in err. */
int meas_read(const char *path, meas_set *set, char *err, size_t errlen);
void meas_free(meas_set *set);

/* Build the setup of a modelled row with a profile (name or path).
** 0, or -1 with err (unknown chip or model preset, bad values). */
int meas_setup(const meas_row *row, const char *profile, rl_setup *st,
               char *err, size_t errlen);

/* The metric code of calibrate.h for a modelled row. */
int meas_metric(const meas_row *row);

#endif
