/*
** calibrate.c: nonlinear least squares of a profile's parameters against
** measured throughputs (calibrate.h).
**
** Residual of a row: log(model / measured), so that a 10% miss weighs the
** same on a 500 tokens/s row as on a 20,000 tokens/s one; where the value
** is published rounded (half_step), measured is the nearest point of the
** rounding's interval, so that a model inside it misses by nothing.  Parameters are
** fitted in an unconstrained variable u and mapped into their range:
** fractions (range within [0, 1]) through a logistic, everything else
** through exp() clamped to the table's range.  The Jacobian is by finite
** differences (the engine is cheap).
**
** A prior on a parameter is one more residual, (value - centre) / sigma
** in display units, after the rows' residuals: a Gaussian prior of that
** centre and width on the log-likelihood of the rows (their log errors of
** width 1).  It counts in the fit's objective, not in rms_log.
**
** Huber's loss (opts.huber_delta > 0) by iteratively reweighted least
** squares (robust_fit): row i's residual is scaled by sqrt(w_i), w_i =
** min(1, delta / |r_i|) at the previous solve's parameters, so that at the
** fixed point sum w_i r_i dr_i = sum psi(r_i) dr_i, Huber's normal
** equations (psi(r) = r within +-delta, delta sign(r) beyond).  Each solve
** starts from the last one's parameters; they have settled when no
** weight moves by more than IRLS_TOL between solves (at most IRLS_MAX).
** The restarts from the bounds run once the weights have settled, at
** those weights, and the weights are settled again if they moved it.
**
** A leave-one-model-out fit runs as the full fit does, from the same start
** (the caller's values) and with the same restarts from the bounds, on
** the other rows: started from the full fit's optimum instead, the trust
** region stalled there in 0.14's and 0.15's fits (every leave-out
** prediction equal to the in-sample one on all 221 and 232 rows), so the
** left-out rows still set their own prediction.
**
** A parameter named in opts.both_ends that a fit leaves on a bound is
** fitted once more from the other end of its range, the lower objective
** kept (other_end): where the objective has a minimum at each end (the
** PyTorch backend's activation workspace, 0 or 3 copies, in a fit without
** the one memory-tight model; data/calibration/NOTES.md, "PyTorch
** backend", the hinge), which end a fit reports no longer depends on the
** end its start runs into.
*/
#include "calibrate.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "waves.h"

#define MISS_RESIDUAL 5.0 /* log-error charged to a row the model rejects */
#define IRLS_MAX 60       /* reweighted solves of one robust fit, at most */
#define IRLS_TOL 1e-6     /* settled: no weight moves more */

typedef struct {
	const rl_calib_row *rows;
	size_t nrows;
	size_t skip; /* row left out (leave-one-out), or nrows for none */
	const int *group; /* with group: rows of group skip_group left out */
	int skip_group;
	const unsigned char *aside; /* rows no fit takes, or NULL */
	const rl_param *const *params;
	const double *lo, *hi; /* bounds per parameter (display units), or NULL */
	const double *centre, *sigma; /* priors (display units), or NULL */
	size_t np;
	double huber_delta; /* > 0: Huber's loss by reweighting (robust_fit) */
	double *w; /* with huber_delta: each row's weight (nrows), else NULL */
	const unsigned char *both_ends; /* per parameter, or NULL (other_end) */
	const double *rw; /* each row's weight (rl_calib_opts.row_weight), or NULL */
} fit_data;

/* Parameter k carries a prior. */
static int has_prior(const fit_data *d, size_t k)
{
	return d->centre && d->sigma && isfinite(d->centre[k]) &&
	       isfinite(d->sigma[k]) && d->sigma[k] > 0;
}

static size_t n_priors(const fit_data *d)
{
	size_t k, n = 0;
	for (k = 0; k < d->np; k++)
		n += has_prior(d, k) != 0;
	return n;
}

/* Row i is left out of the fit. */
static int left_out(const fit_data *d, size_t i)
{
	if (d->aside && d->aside[i])
		return 1;
	if (d->group)
		return d->group[i] == d->skip_group;
	return i == d->skip;
}

/* A parameter with bounds of the fit maps through a logistic into them. */
static double to_value_b(const fit_data *d, size_t k, double u);
static double to_free_b(const fit_data *d, size_t k, double x);

static int is_fraction(const rl_param *p)
{
	return p->max <= 1.0 && p->min >= 0.0;
}

static double lo_of(const rl_param *p)
{
	return p->min > 1e-3 ? p->min : 1e-3;
}

static double to_value(const rl_param *p, double u)
{
	double x;
	if (is_fraction(p)) {
		double lo = lo_of(p);
		return lo + (p->max - lo) / (1.0 + exp(-u));
	}
	x = exp(u);
	if (x < p->min)
		x = p->min;
	if (x > p->max)
		x = p->max;
	return x;
}

static double to_free(const rl_param *p, double x)
{
	if (is_fraction(p)) {
		double lo = lo_of(p), t = (x - lo) / (p->max - lo);
		if (t < 1e-6)
			t = 1e-6;
		if (t > 1 - 1e-6)
			t = 1 - 1e-6;
		return log(t / (1 - t));
	}
	/* a zero start cannot be expressed by exp(): start from a small value */
	return log(x > 1e-3 ? x : 1e-3);
}

static double to_value_b(const fit_data *d, size_t k, double u)
{
	if (d->lo && d->hi && isfinite(d->lo[k]) && isfinite(d->hi[k]) &&
	    d->hi[k] > d->lo[k])
		return d->lo[k] + (d->hi[k] - d->lo[k]) / (1.0 + exp(-u));
	return to_value(d->params[k], u);
}

static double to_free_b(const fit_data *d, size_t k, double x)
{
	if (d->lo && d->hi && isfinite(d->lo[k]) && isfinite(d->hi[k]) &&
	    d->hi[k] > d->lo[k]) {
		double t = (x - d->lo[k]) / (d->hi[k] - d->lo[k]);
		double u;
		t = t < 1e-6 ? 1e-6 : t > 1 - 1e-6 ? 1 - 1e-6 : t;
		u = log(t / (1 - t));
		/* GSL's finite-difference step scales with |u|: at u = 0 (a
		** start at the middle of the range) the parameter never moves */
		return fabs(u) < 1e-3 ? 1e-3 : u;
	}
	return to_free(d->params[k], x);
}

int rl_calib_predict(const rl_calib_row *row, const rl_param *const *params,
                     size_t np, const double *values, double *out)
{
	rl_config cfg = row->cfg;
	rl_result r;
	size_t i;
	int rc;
	for (i = 0; i < np; i++)
		*rl_param_ptr(&cfg, params[i]) = values[i] * params[i]->scale;
	if (row->load.rate_rps > 0) {
		rl_load_result lr;
		if ((rc = rl_load_eval(&cfg, &row->load, &lr)) != RL_OK)
			return rc;
		*out = rl_load_metric_of(row->metric, &lr);
		return 0;
	}
	/* at maximum load: a run of load.requests (0: endless) */
	rc = rl_eval_run(&cfg, row->load.requests, &r);
	if (rc != RL_OK)
		return rc;
	*out = rl_metric_of(row->metric, &r);
	return 0;
}

double rl_metric_of(int metric, const rl_result *r)
{
	switch (metric) {
	case RL_METRIC_TOTAL_TPS:
		return r->total_tps;
	case RL_METRIC_OUTPUT_TPS_PER_CHIP:
		return r->output_tps_per_chip;
	case RL_METRIC_REQUESTS_PS:
		return r->requests_per_s;
	case RL_METRIC_TTFT_MEAN:
		return r->ttft_s;
	case RL_METRIC_ITL_MEAN:
		return r->tpot_s;
	default:
		return r->output_tps;
	}
}

double rl_load_metric_of(int metric, const rl_load_result *lr)
{
	switch (metric) {
	case RL_METRIC_TOTAL_TPS:
		return lr->total_tps;
	case RL_METRIC_OUTPUT_TPS_PER_CHIP:
		return lr->output_tps_per_chip;
	case RL_METRIC_REQUESTS_PS:
		return lr->requests_per_s;
	case RL_METRIC_TTFT_MEAN:
		return lr->ttft_mean_s;
	case RL_METRIC_ITL_MEAN:
		return lr->tpot_s;
	default:
		return lr->output_tps;
	}
}

/* The point of measured +- half_step (the interval of a value published
** rounded, rl_calib_miss) nearest to model, measured where half_step is
** 0: the fits' residual is log(model / it). */
static double rl_calib_nearest(double model, double measured,
                               double half_step)
{
	if (half_step > 0 && half_step < measured)
		return fmin(fmax(model, measured - half_step), measured + half_step);
	return measured;
}

double rl_calib_miss(double model, double measured, double half_step)
{
	return model / rl_calib_nearest(model, measured, half_step) - 1;
}

double rl_calib_log_error(double model, double measured, double half_step)
{
	return log(model / rl_calib_nearest(model, measured, half_step));
}

/* Row i's log error log(model / measured) at values (measured: the
** nearest point of its rounding's interval, rl_calib_nearest),
** MISS_RESIDUAL where the model rejects it. */
static double row_log_error(const fit_data *d, size_t i, const double *values)
{
	double m;
	if (rl_calib_predict(&d->rows[i], d->params, d->np, values, &m) ||
	    !(m > 0))
		return MISS_RESIDUAL;
	return rl_calib_log_error(m, d->rows[i].measured, d->rows[i].half_step);
}

static int residuals(const gsl_vector *u, void *data, gsl_vector *f)
{
	const fit_data *d = data;
	double values[RL_CALIB_MAX_PARAMS];
	size_t i, k = 0;
	for (i = 0; i < d->np; i++)
		values[i] = to_value_b(d, i, gsl_vector_get(u, i));
	for (i = 0; i < d->nrows; i++) {
		if (left_out(d, i))
			continue;
		gsl_vector_set(f, k++, (d->w ? sqrt(d->w[i]) : 1.0) *
		                           (d->rw ? sqrt(d->rw[i]) : 1.0) *
		                           row_log_error(d, i, values));
	}
	for (i = 0; i < d->np; i++)
		if (has_prior(d, i))
			gsl_vector_set(f, k++, (values[i] - d->centre[i]) / d->sigma[i]);
	return GSL_SUCCESS;
}

static int fit_once(fit_data *d, gsl_vector *u, rl_calib_info *info);
static void restart_from_bounds(fit_data *d, gsl_vector *u, gsl_vector *tmp,
                                rl_calib_info *info);
static int robust_fit(fit_data *d, gsl_vector *u, gsl_vector *tmp,
                      int restarts, rl_calib_info *info);

/* Parameters that none of the fit's rows moves (the rows left out are the
** only ones a parameter acts on): *held gets 1 for each, the others 0;
** their number.  Each is tried at -1 and +1 in its free variable (27% and
** 73% of a bounded range), the others at u: a parameter on a bound, where
** the logistic is flat, still counts as moved if its range matters. */
static size_t unconstrained(const fit_data *d, const gsl_vector *u,
                            int *held)
{
	size_t n = 0, i, k, m = 0;
	gsl_vector *f0, *f1, *v;
	for (i = 0; i < d->nrows; i++)
		n += !left_out(d, i);
	for (k = 0; k < d->np; k++)
		held[k] = 0;
	if (!n)
		return 0;
	/* the residuals end with the priors'; only the rows' count here */
	f0 = gsl_vector_alloc(n + n_priors(d));
	f1 = gsl_vector_alloc(n + n_priors(d));
	v = gsl_vector_alloc(d->np);
	if (f0 && f1 && v) {
		for (k = 0; k < d->np; k++) {
			double diff = 0;
			gsl_vector_memcpy(v, u);
			gsl_vector_set(v, k, -1.0);
			residuals(v, (void *)d, f0);
			gsl_vector_set(v, k, 1.0);
			residuals(v, (void *)d, f1);
			for (i = 0; i < n; i++)
				diff = fmax(diff, fabs(gsl_vector_get(f1, i) -
				                       gsl_vector_get(f0, i)));
			if (diff < 1e-12) {
				held[k] = 1;
				m++;
			}
		}
	}
	gsl_vector_free(f0);
	gsl_vector_free(f1);
	gsl_vector_free(v);
	return m;
}

/* A leave-out fit of d (rows of d->skip_group out) from u (the full
** fit's start), restarted from the bounds as the full fit is, written to
** values: a parameter that only the rows left out move is held at the
** value their own configuration gives it (the start profile's), so that
** it carries nothing of their fit into their prediction.  -1 if the fit
** fails.  *params_out and *np_out name the parameters fitted (those of
** values). */
static int leave_out_fit(const fit_data *d, const gsl_vector *u,
                         const rl_param **params_out, size_t *np_out,
                         double *values)
{
	int held[RL_CALIB_MAX_PARAMS];
	double lo[RL_CALIB_MAX_PARAMS], hi[RL_CALIB_MAX_PARAMS];
	double centre[RL_CALIB_MAX_PARAMS], sigma[RL_CALIB_MAX_PARAMS];
	unsigned char ends[RL_CALIB_MAX_PARAMS];
	fit_data d2 = *d;
	gsl_vector *u2, *tmp;
	rl_calib_info info;
	size_t k, j = 0;
	int rc = -1;
	unconstrained(d, u, held);
	for (k = 0; k < d->np; k++) {
		if (held[k])
			continue;
		params_out[j] = d->params[k];
		lo[j] = d->lo ? d->lo[k] : NAN;
		hi[j] = d->hi ? d->hi[k] : NAN;
		centre[j] = has_prior(d, k) ? d->centre[k] : NAN;
		sigma[j] = has_prior(d, k) ? d->sigma[k] : NAN;
		ends[j] = d->both_ends ? d->both_ends[k] : 0;
		j++;
	}
	*np_out = j;
	if (!j)
		return -1;
	d2.params = params_out;
	d2.lo = d->lo ? lo : NULL;
	d2.hi = d->hi ? hi : NULL;
	d2.centre = centre;
	d2.sigma = sigma;
	d2.both_ends = d->both_ends ? ends : NULL;
	d2.np = j;
	u2 = gsl_vector_alloc(j);
	tmp = gsl_vector_alloc(j);
	if (u2 && tmp) {
		for (k = 0, j = 0; k < d->np; k++)
			if (!held[k])
				gsl_vector_set(u2, j++, gsl_vector_get(u, k));
		if (!robust_fit(&d2, u2, tmp, 1, &info)) {
			for (k = 0; k < d2.np; k++)
				values[k] = to_value_b(&d2, k, gsl_vector_get(u2, k));
			rc = 0;
		}
	}
	gsl_vector_free(u2);
	gsl_vector_free(tmp);
	return rc;
}

/* The sum of squares of f[from..to). */
static double sum_sq(const gsl_vector *f, size_t from, size_t to)
{
	double s = 0;
	size_t i;
	for (i = from; i < to; i++)
		s += gsl_vector_get(f, i) * gsl_vector_get(f, i);
	return s;
}

/* One fit; u holds the start and receives the result. */
static int fit_once(fit_data *d, gsl_vector *u, rl_calib_info *info)
{
	const gsl_multifit_nlinear_type *T = gsl_multifit_nlinear_trust;
	gsl_multifit_nlinear_parameters fp =
	    gsl_multifit_nlinear_default_parameters();
	gsl_multifit_nlinear_fdf fdf;
	gsl_multifit_nlinear_workspace *w;
	size_t n = 0, nrow, i;
	int status, info_code = 0;
	gsl_vector *f;

	for (i = 0; i < d->nrows; i++)
		n += !left_out(d, i);
	if (n < d->np + 1)
		return -1;
	nrow = n;
	n += n_priors(d);
	memset(&fdf, 0, sizeof fdf);
	fdf.f = residuals;
	fdf.df = NULL; /* finite differences */
	fdf.n = n;
	fdf.p = d->np;
	fdf.params = d;
	w = gsl_multifit_nlinear_alloc(T, &fp, n, d->np);
	if (!w)
		return -1;
	gsl_multifit_nlinear_init(u, &fdf, w);
	f = gsl_multifit_nlinear_residual(w);
	if (info)
		info->chisq0 = sum_sq(f, 0, nrow);
	status = gsl_multifit_nlinear_driver(300, 1e-8, 1e-8, 1e-10, NULL, NULL,
	                                     &info_code, w);
	gsl_vector_memcpy(u, gsl_multifit_nlinear_position(w));
	if (info) {
		f = gsl_multifit_nlinear_residual(w);
		info->chisq = sum_sq(f, 0, nrow);
		info->chisq_prior = sum_sq(f, nrow, n);
		info->rms_log = sqrt(info->chisq / (double)nrow);
		info->status = status;
		info->iterations = gsl_multifit_nlinear_niter(w);
	}
	gsl_multifit_nlinear_free(w);
	return 0;
}

/* Where a bounded parameter sits in its range: 0 at lo, 1 at hi (the
** logistic of u); NAN when it has no bounds of the fit. */
static double range_pos(const fit_data *d, size_t k, double u)
{
	if (!(d->lo && d->hi && isfinite(d->lo[k]) && isfinite(d->hi[k]) &&
	      d->hi[k] > d->lo[k]))
		return NAN;
	return 1.0 / (1.0 + exp(-u));
}

/* A bounded parameter that ends on a bound cannot leave it again: the
** logistic's slope there is nearly zero.  Fit again with every such
** parameter moved a quarter of its range inside, and keep that fit where
** its sum of squares is lower (up to four rounds); tmp is scratch. */
static void restart_quarters(fit_data *d, gsl_vector *u, gsl_vector *tmp,
                             rl_calib_info *info)
{
	int round;
	for (round = 0; round < 4; round++) {
		rl_calib_info again;
		size_t k, moved = 0;
		gsl_vector_memcpy(tmp, u);
		for (k = 0; k < d->np; k++) {
			double t = range_pos(d, k, gsl_vector_get(u, k));
			if (!isfinite(t) || (t > 0.01 && t < 0.99))
				continue;
			gsl_vector_set(tmp, k, log(t < 0.5 ? 1.0 / 3.0 : 3.0));
			moved++;
		}
		if (!moved || fit_once(d, tmp, &again) ||
		    !(again.chisq + again.chisq_prior <
		      (info->chisq + info->chisq_prior) * (1 - 1e-6)))
			return;
		again.chisq0 = info->chisq0;
		again.iterations += info->iterations;
		*info = again;
		gsl_vector_memcpy(u, tmp);
	}
}

/* A parameter of d->both_ends that the fit at u left on a bound is
** fitted again from a quarter inside the other end (every other parameter
** at u), with the quarter restarts, and that fit kept where its objective
** is lower (as restart_quarters compares); one such parameter after the
** other.  v, tmp: scratch of u's size. */
static void other_end(fit_data *d, gsl_vector *u, gsl_vector *v,
                      gsl_vector *tmp, rl_calib_info *info)
{
	size_t k;
	for (k = 0; d->both_ends && k < d->np; k++) {
		rl_calib_info again;
		double t;
		if (!d->both_ends[k])
			continue;
		t = range_pos(d, k, gsl_vector_get(u, k));
		if (!isfinite(t) || (t > 0.01 && t < 0.99))
			continue;
		gsl_vector_memcpy(v, u);
		gsl_vector_set(v, k, log(t < 0.5 ? 3.0 : 1.0 / 3.0));
		if (fit_once(d, v, &again))
			continue;
		restart_quarters(d, v, tmp, &again);
		if (again.chisq + again.chisq_prior <
		    (info->chisq + info->chisq_prior) * (1 - 1e-6)) {
			again.chisq0 = info->chisq0;
			again.iterations += info->iterations;
			*info = again;
			gsl_vector_memcpy(u, v);
		}
	}
}

/* The restarts of a fit at u: restart_quarters, then other_end for the
** parameters of d->both_ends (tmp: scratch of u's size). */
static void restart_from_bounds(fit_data *d, gsl_vector *u, gsl_vector *tmp,
                                rl_calib_info *info)
{
	gsl_vector *v;
	restart_quarters(d, u, tmp, info);
	if (!d->both_ends)
		return;
	v = gsl_vector_alloc(u->size);
	if (!v)
		return;
	other_end(d, u, v, tmp, info);
	gsl_vector_free(v);
}

/* Huber's weights at u into d->w: min(1, delta / |r_i|) of each fitted
** row's log error r_i (the rows left out keep theirs); returns the
** largest change of a weight, *beyond the rows beyond +-delta. */
static double huber_weights(fit_data *d, const gsl_vector *u, size_t *beyond)
{
	double values[RL_CALIB_MAX_PARAMS], change = 0;
	size_t i;
	*beyond = 0;
	for (i = 0; i < d->np; i++)
		values[i] = to_value_b(d, i, gsl_vector_get(u, i));
	for (i = 0; i < d->nrows; i++) {
		double r, w;
		if (left_out(d, i))
			continue;
		r = fabs(row_log_error(d, i, values));
		w = r > d->huber_delta ? d->huber_delta / r : 1.0;
		*beyond += w < 1.0;
		change = fmax(change, fabs(w - d->w[i]));
		d->w[i] = w;
	}
	return change;
}

/* The rows' and the priors' sums of squares at u (with d's weights) into
** info->chisq and info->chisq_prior, and the rows' rms into rms_log. */
static void sums_at(const fit_data *d, const gsl_vector *u,
                    rl_calib_info *info)
{
	size_t n = 0, i;
	gsl_vector *f;
	for (i = 0; i < d->nrows; i++)
		n += !left_out(d, i);
	f = gsl_vector_alloc(n + n_priors(d));
	if (!f)
		return;
	residuals(u, (void *)d, f);
	info->chisq = sum_sq(f, 0, n);
	info->chisq_prior = sum_sq(f, n, f->size);
	info->rms_log = sqrt(info->chisq / (double)n);
	gsl_vector_free(f);
}

/* A fit of d from u (the start in, the fit out; tmp is scratch): plain
** least squares (fit_once) or, with d->huber_delta > 0, Huber's loss by
** reweighting (the file's header), then, with restarts, the restarts
** from the bounds (restart_from_bounds; at the settled weights, which
** are settled again if a restart moved the fit).  info (may be NULL) as
** fit_once's, but for a robust fit chisq and rms_log are the rows'
** unweighted log errors and chisq_prior the priors'; robust_rounds counts
** the solves, downweighted the rows beyond +-delta.  -1 if a solve
** could not run. */
static int robust_fit(fit_data *d, gsl_vector *u, gsl_vector *tmp,
                      int restarts, rl_calib_info *info)
{
	rl_calib_info local;
	double chisq0 = NAN, *w = d->w;
	size_t i, rounds = 0, beyond = 0, iters = 0;
	int pass;
	if (!info)
		info = &local;
	if (!(d->huber_delta > 0) || !w) {
		d->w = NULL;
		if (fit_once(d, u, info))
			return -1;
		if (restarts)
			restart_from_bounds(d, u, tmp, info);
		d->w = w;
		info->robust_rounds = 0;
		info->downweighted = 0;
		return 0;
	}
	for (i = 0; i < d->nrows; i++)
		w[i] = 1.0;
	for (pass = 0; pass < 2; pass++) {
		size_t round;
		double before;
		for (round = 0; round < IRLS_MAX; round++) {
			if (fit_once(d, u, info))
				return -1;
			if (isnan(chisq0))
				chisq0 = info->chisq0; /* at weight 1: unweighted */
			rounds++;
			iters += info->iterations;
			if (huber_weights(d, u, &beyond) < IRLS_TOL)
				break;
		}
		if (!restarts)
			break;
		/* the restarts compare sums at the weights they fit with */
		sums_at(d, u, info);
		before = info->chisq + info->chisq_prior;
		info->iterations = 0;
		restart_from_bounds(d, u, tmp, info);
		iters += info->iterations; /* the restarts kept */
		if (!(info->chisq + info->chisq_prior < before))
			break; /* no restart did better: u is as it was */
		/* a restart moved the fit: settle the weights there */
		if (huber_weights(d, u, &beyond) < IRLS_TOL)
			break;
	}
	/* what the caller reads: the rows' plain log errors */
	d->w = NULL;
	sums_at(d, u, info);
	d->w = w;
	info->chisq0 = chisq0;
	info->iterations = iters;
	info->robust_rounds = rounds;
	info->downweighted = beyond;
	return 0;
}

/* With row weights, info's rows' figures as each row counted once:
** chisq and rms_log at the fit u, chisq0 at the start u0 (the fit
** itself, and chisq_prior, are the weighted objective's). */
static void rows_plain(fit_data *d, const gsl_vector *u0,
                       const gsl_vector *u, rl_calib_info *info)
{
	const double *rw = d->rw;
	double *w = d->w, prior = info->chisq_prior;
	rl_calib_info at0 = *info;
	d->rw = NULL;
	d->w = NULL;
	sums_at(d, u0, &at0);
	info->chisq0 = at0.chisq;
	sums_at(d, u, info);
	info->chisq_prior = prior;
	d->rw = rw;
	d->w = w;
}

int rl_calibrate(const rl_calib_row *rows, size_t nrows,
                 const rl_param *const *params, size_t np,
                 const rl_calib_opts *opts, double *values,
                 double *model_out, double *loo_out, rl_calib_info *info)
{
	fit_data d;
	rl_calib_info local;
	gsl_vector *u, *u_loo, *u0;
	double *w = NULL;
	gsl_error_handler_t *old;
	static const rl_calib_opts plain; /* all NULL */
	const int *group;
	size_t i, j;
	int rc = RL_OK;

	if (np == 0 || np > RL_CALIB_MAX_PARAMS || nrows < np + 1)
		return RL_EINPUT;
	if (!opts)
		opts = &plain;
	for (i = 0, j = 0; i < nrows; i++)
		j += !(opts->aside && opts->aside[i]);
	if (j < np + 1) /* the rows set aside do not count */
		return RL_EINPUT;
	group = opts->group;
	if (!info)
		info = &local;
	old = gsl_set_error_handler_off();
	u = gsl_vector_alloc(np);
	u_loo = gsl_vector_alloc(np);
	u0 = gsl_vector_alloc(np);
	if (opts->huber_delta > 0)
		w = malloc(nrows * sizeof *w);
	if (!u || !u_loo || !u0 || (opts->huber_delta > 0 && !w)) {
		rc = RL_EINTERNAL;
		goto done;
	}
	d.rows = rows;
	d.nrows = nrows;
	d.skip = nrows;
	d.group = NULL;
	d.skip_group = -1;
	d.aside = opts->aside;
	d.params = params;
	d.lo = opts->lo;
	d.hi = opts->hi;
	d.centre = opts->centre;
	d.sigma = opts->sigma;
	d.np = np;
	d.huber_delta = opts->huber_delta > 0 ? opts->huber_delta : 0;
	d.w = w;
	d.both_ends = opts->both_ends;
	d.rw = opts->row_weight;
	for (i = 0; i < np; i++)
		gsl_vector_set(u, i, to_free_b(&d, i, values[i]));
	gsl_vector_memcpy(u0, u); /* the leave-out fits start here too */
	/* enough rows: a failure is GSL's allocation */
	if (robust_fit(&d, u, u_loo, 1, info)) {
		rc = RL_EINTERNAL;
		goto done;
	}
	if (d.rw) /* what the caller reads: each row once (rows_plain) */
		rows_plain(&d, u0, u, info);
	for (i = 0; i < np; i++)
		values[i] = to_value_b(&d, i, gsl_vector_get(u, i));
	for (i = 0; i < nrows; i++)
		if (rl_calib_predict(&rows[i], params, np, values, &model_out[i]))
			model_out[i] = NAN;
	if (loo_out && group) {
		/* leave each group out in turn, predict its rows */
		double v[RL_CALIB_MAX_PARAMS];
		const rl_param *lp[RL_CALIB_MAX_PARAMS];
		size_t lnp;
		for (i = 0; i < nrows; i++)
			loo_out[i] = NAN;
		d.group = group;
		for (i = 0; i < nrows; i++) {
			size_t r;
			int done_before = 0;
			for (r = 0; r < i; r++)
				if (group[r] == group[i])
					done_before = 1;
			if (done_before)
				continue;
			d.skip_group = group[i];
			if (leave_out_fit(&d, u0, lp, &lnp, v))
				continue;
			for (r = i; r < nrows; r++)
				if (group[r] == group[i] &&
				    rl_calib_predict(&rows[r], lp, lnp, v, &loo_out[r]))
					loo_out[r] = NAN;
		}
	} else if (loo_out && nrows >= np + 2) {
		double v[RL_CALIB_MAX_PARAMS];
		for (i = 0; i < nrows; i++) {
			gsl_vector_memcpy(u_loo, u);
			d.skip = i;
			/* from the full fit, no restarts (u0: scratch) */
			if (robust_fit(&d, u_loo, u0, 0, NULL)) {
				loo_out[i] = NAN;
				continue;
			}
			for (j = 0; j < np; j++)
				v[j] = to_value_b(&d, j, gsl_vector_get(u_loo, j));
			if (rl_calib_predict(&rows[i], params, np, v, &loo_out[i]))
				loo_out[i] = NAN;
		}
	} else if (loo_out) {
		for (i = 0; i < nrows; i++)
			loo_out[i] = NAN;
	}
done:
	gsl_vector_free(u);
	gsl_vector_free(u_loo);
	gsl_vector_free(u0);
	free(w);
	gsl_set_error_handler(old);
	return rc;
}
