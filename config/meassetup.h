/*
** meassetup.h: a row of a measurements file (measure.h) set up for the
** engine: the configuration it runs on (its profile, chip and model
** presets, precision, lengths, parallelism and the build settings it
** states), whether the load model serves it, and the metric predicted for
** it and how near a prediction counts as a hit.
*/
#ifndef RL_MEASSETUP_H
#define RL_MEASSETUP_H

#include <stddef.h>

#include "measure.h"
#include "presetcache.h"
#include "setup.h"

/* Build the setup of a modelled row with a profile (name or path): chip,
** model, precision, lengths, parallelism, and the build settings the row
** states.  RL_OK, or RL_EINPUT with err (unknown chip or model preset,
** bad values), or RL_EINTERNAL with err (a preset's text could not be
** held in memory: setup_load). */
int meas_setup(const meas_row *row, const char *profile, rl_setup *st,
               char *err, size_t errlen);
/* The same, the presets loaded through cache (presetcache.h; NULL: not
** cached): a run's rows of one profile, chip and model read their files
** once. */
int meas_setup_cached(const meas_row *row, const char *profile,
                      struct preset_cache *cache, rl_setup *st, char *err,
                      size_t errlen);

/* 1 when a row is served at a request rate (a finite rate or inf): its
** metrics come from the load model (model/load.h), not the steady state. */
int meas_at_rate(const meas_row *row);

/* Half the step the row's value is published rounded to (round_step / 2):
** the run's own value lies in value +- that (rl_calib_miss's half_step,
** model/calibrate.h); 0 where the value is as measured. */
double meas_half_step(const meas_row *row);

/* The metric code of calibrate.h for a modelled row; tokens_total says
** whether the row's "tokens_per_s" counts input and output tokens. */
int meas_metric(const meas_row *row, int tokens_total);

#endif
