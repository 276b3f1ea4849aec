/*
** calibrate.h: fit a serving profile's efficiency parameters to measured
** throughputs by nonlinear least squares on log(model / measured), with
** GSL's gsl_multifit_nlinear (trust region, Levenberg-Marquardt), and the
** leave-one-out error of every row.  A parameter may carry a Gaussian
** prior (centre, width): one more residual (value - centre) / width, so a
** parameter the rows do not pin stays near its physical value.  A row
** served at a request rate is predicted by the load model (its latency or
** throughput at that rate).  Optionally the rows' loss is Huber's
** (quadratic within +-delta of log error, linear beyond) instead of the
** square, fitted by iteratively reweighted least squares around the same
** solver, so that a row that measured another run pulls the fit as a
** row delta off would, not by its whole error.  Pure computation: rows
** come in as ready configurations.
*/
#ifndef RL_CALIBRATE_H
#define RL_CALIBRATE_H

#include <stddef.h>

#include "engine.h"
#include "load.h"
#include "params.h"
#include "status.h"

/* The most parameters one fit takes: the size of the per-fit arrays
** (fixed, on the stack) in calibrate.c and cli/cmd_calibrate.c, which both
** refuse more.  The TensorRT-LLM fits take 15-17 (scripts/fit-profiles.sh). */
#define RL_CALIB_MAX_PARAMS 24

/* What a measurement row measured. */
enum {
	RL_METRIC_OUTPUT_TPS = 0,     /* output tokens/s, system */
	RL_METRIC_TOTAL_TPS,          /* input + output tokens/s, system */
	RL_METRIC_OUTPUT_TPS_PER_CHIP, /* output tokens/s per chip */
	RL_METRIC_REQUESTS_PS,        /* requests/s, system (at a rate) */
	RL_METRIC_TTFT_MEAN,          /* mean time to first token, s (at a rate) */
	RL_METRIC_ITL_MEAN            /* mean inter-token latency, s (at a rate) */
};

/* The value of a metric (RL_METRIC_*) in an evaluation's result (the
** latencies at maximum load: the engine's service times). */
double rl_metric_of(int metric, const rl_result *r);
/* The same in a result of the load model (model/load.h). */
double rl_load_metric_of(int metric, const rl_load_result *lr);

typedef struct {
	rl_config cfg;   /* everything but the fitted parameters */
	double measured; /* the metric's value as measured */
	double half_step; /* the value is published rounded: the run's own
	                  ** lies in measured +- half_step (0: as measured;
	                  ** rl_calib_miss) */
	int metric;
	rl_load load;    /* rate_rps > 0: served at that rate (load model);
	                 ** 0: at maximum load (the engine), a run of
	                 ** load.requests requests (0: an endless stream;
	                 ** profile.burst_waves, waves.h) */
} rl_calib_row;

typedef struct {
	int status;       /* GSL status of the full fit */
	size_t iterations; /* the solver's, over every solve of the fit */
	double rms_log;   /* RMS of log(model/measured) at the fit */
	double chisq0;    /* sum of squares at the start (rows only) */
	double chisq;     /* at the fit (rows only) */
	double chisq_prior; /* the priors' sum of squares at the fit */
	size_t robust_rounds; /* Huber: reweighted solves of the full fit */
	size_t downweighted;  /* Huber: rows beyond +-delta at the fit
	                      ** (weight delta / |log error| < 1) */
} rl_calib_info;

/* How far a model value is from what a row measured, as a ratio less 1:
** model / measured - 1, or where the value is published rounded to a step
** (half_step > 0: every value in measured +- half_step reads the same)
** model over the nearest point of that interval, less 1: 0 inside it. */
double rl_calib_miss(double model, double measured, double half_step);

/* The fit's log error of a model value against a row: log(model / the
** nearest point of measured's interval), rl_calib_miss's ratio before its
** 1 is taken off (where the ratio is below about 1e-16, 1e308 measured
** against 1,360 modelled, the ratio less 1 rounds to -1 while this is a
** finite -702). */
double rl_calib_log_error(double model, double measured, double half_step);

/* Model value of a row with the given parameter values (display units);
** returns 0 and sets *out, or an rl_eval error code. */
int rl_calib_predict(const rl_calib_row *row, const rl_param *const *params,
                     size_t np, const double *values, double *out);

/* How a fit runs.  Zero it (or pass NULL) for the plain fit: each
** parameter inside its parameter table's range, no priors, leave-one-out
** one row at a time.  Every array may be NULL. */
typedef struct {
	/* bounds lo[k]..hi[k] of parameter k (display units) that its fit
	** stays inside; NULL, or a NAN entry: the parameter table's range */
	const double *lo, *hi;
	/* Gaussian priors: parameter k adds the residual
	** (value - centre[k]) / sigma[k] (display units) to the least squares,
	** so that with rows that do not depend on it it lands on centre[k],
	** and with rows of log-sensitivity J_i at the weighted mean
	** (sum J_i^2 x_data + centre / sigma^2) / (sum J_i^2 + 1 / sigma^2) to
	** first order; NULL, or an entry NAN (or sigma not > 0): no prior */
	const double *centre, *sigma;
	/* one id per row: loo_out leaves out every row of a group at once
	** (leave-one-model-out) instead of one row */
	const int *group;
	/* rows set aside (aside[i] nonzero; NULL: none): no fit, full or
	** leave-out, takes them, but model_out and loo_out still predict
	** them, so their errors are those of rows the fits never saw */
	const unsigned char *aside;
	/* > 0: Huber's loss with this delta (log-error units: 0.1 is a row
	** 10% off) for the rows, every fit's (leave-out ones too): a row of
	** log error r costs r^2 / 2 within +-delta, delta (|r| - delta / 2)
	** beyond.  Fitted by iteratively reweighted least squares: each solve
	** weighs row i's squared residual by w_i = min(1, delta / |r_i|) at
	** the previous solve's parameters (1 at the start), until the
	** parameters settle; the priors keep weight 1.  0 (zeroed opts) or
	** NAN: plain least squares. */
	double huber_delta;
	/* both_ends[k] nonzero (NULL: none): parameter k, where a fit leaves
	** it on a bound of its range, is fitted again from the other end of
	** the range (a quarter inside it, every other parameter where the fit
	** left it, with the restarts from the bounds) and the fit of the lower
	** objective (rows' and priors' sums of squares) kept: every fit's,
	** leave-out ones too, so that a parameter whose objective has a
	** minimum at each end gets the lower one whichever end the start
	** runs into */
	const unsigned char *both_ends;
	/* row_weight[i] (NULL: 1 each): row i's squared log error counts
	** this many times (> 0) in every fit, leave-out ones too (a row left
	** out counts in none), beside Huber's weight where there is one;
	** info's chisq0, chisq and rms_log still count each row once */
	const double *row_weight;
} rl_calib_opts;

/* Fit params (values in display units: start in, fitted out) to rows, as
** opts says (may be NULL).  model_out[nrows] receives each row's model
** value at the fit; loo_out (may be NULL) each row's model value when
** fitted without it (or without its group: that fit starts from the
** caller's values, as the full fit does), NAN where that fit could not
** run.  Nothing is allocated for the caller.  Returns RL_OK; RL_EINPUT
** when np is 0 or above RL_CALIB_MAX_PARAMS or there are fewer than
** np + 1 rows not set aside; RL_EINTERNAL when GSL could not allocate.  info (may be
** NULL) carries GSL's status of the full fit. */
int rl_calibrate(const rl_calib_row *rows, size_t nrows,
                 const rl_param *const *params, size_t np,
                 const rl_calib_opts *opts, double *values,
                 double *model_out, double *loo_out, rl_calib_info *info);

#endif
