/*
** valstore.h: evaluated validation rows stored in a claim database
** (tables validation_runs and validation of schema.h).
*/
#ifndef RL_VALSTORE_H
#define RL_VALSTORE_H

#include <stddef.h>

#include "validation.h"
#include "valrepeat.h"

/* Store the modelled rows, their summary and the pairs of versions
** rp[0 .. nr-1] (val_repeat_pairs of the same rows) in the database at
** path, in one transaction (tables validation_runs, validation and
** validation_repeat of schema.h;
** in_calibration is in_fit, out_of_sample the row's own: an out-of-sample
** row has 0 and 1; the run's summary is over every row stored).
** trust, where not NULL or "", is the run's trust line (valtrust.h
** val_trust_words of the same rows: each profile's leave-one-architecture-
** out error as its [meta] held it then), stored as validation_runs.trust
** so that the report describes the run, not the profiles of today.
** mfile: the --measurements file validate read, as it was given (stored
** as validation_runs.measurements_file, bound, never spliced, with
** rows_of 'file'), or NULL for the shipped measurements (rows_of
** 'shipped', measurements_file NULL), so that the report says whose rows
** the run's figures are over.
** *run_id, where run_id is not NULL, the run's id in validation_runs once
** committed.  RL_OK, or RL_EINPUT / RL_EINTERNAL with err. */
int val_store(const char *path, const char *profile, const val_row *v,
              size_t n, const val_repeat *rp, size_t nr, const char *trust,
              const char *mfile, long long *run_id, char *err,
              size_t errlen);

#endif
