/*
** test_calibrate.c: the fit recovers known efficiencies.
**
** Measurements are synthesized from a profile whose efficiencies we choose
** (eff_compute 0.55, iter_overhead 3 ms); the fit starts elsewhere (0.9,
** 0.5 ms) and must come back to the chosen values: a property of the
** fitting code, not a copy of its output.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/calibrate.h"
#include "../model/engine.h"
#include "../model/stats.h"
#include "fixtures.h"

static void base(rl_config *c)
{
	rl_config_defaults(c);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 80e9;
	fx_llama3_8b(&c->model);
	c->scen.precision = RL_PREC_FP8;
	c->prof.max_num_tokens = 2048;
}

/* A row at maximum load of shape {isl, osl, tp} whose measured output
** tokens/s is what the engine gives with the truth eff_compute 0.55 and
** iter_overhead 3 ms; with moe > 0, of Llama-3 8B's shape made a mixture
** of 8 experts (2 a token) whose grouped GEMMs reach moe_gemm_eff = moe. */
static void synth_row(rl_calib_row *row, const double shape[3], double moe)
{
	rl_config truth;
	rl_result r;
	base(&row->cfg);
	row->cfg.scen.isl = shape[0];
	row->cfg.scen.osl = shape[1];
	row->cfg.scen.tp = shape[2];
	if (moe > 0) {
		row->cfg.model.experts = 8;
		row->cfg.model.experts_per_token = 2;
	}
	row->metric = RL_METRIC_OUTPUT_TPS;
	truth = row->cfg;
	truth.prof.eff_compute = 0.55;
	truth.prof.iter_overhead_s = 3e-3;
	if (moe > 0)
		truth.prof.moe_gemm_eff = moe;
	assert_int_equal(rl_eval(&truth, &r), RL_OK);
	row->measured = r.output_tps;
}

/* A dense fit's case: rows[i] synthesized at shapes[i] from the truth
** (eff_compute 0.55, 3 ms an iteration), everything else zero, and the
** two parameters that truth sets, params[0] and params[1]. */
static void dense_case(rl_calib_row *rows, const double (*shapes)[3],
                       size_t n, const rl_param **params)
{
	size_t i;
	memset(rows, 0, n * sizeof *rows); /* load.rate_rps 0: maximum load */
	params[0] = rl_param_find("profile", "eff_compute");
	params[1] = rl_param_find("profile", "iter_overhead_ms");
	for (i = 0; i < n; i++)
		synth_row(&rows[i], shapes[i], 0);
}

/* rl_calibrate of the rows from values (the start) must succeed and end on
** the truth the rows were synthesized at, eff_compute 0.55 (values[0]);
** with loo, every row left out is predicted within 1e-3 of what it
** measured (the model is the truth). */
static void fits_truth(const rl_calib_row *rows, size_t n,
                       const rl_param **params, size_t np,
                       const rl_calib_opts *o, double *values, double *model,
                       double *loo, rl_calib_info *info)
{
	size_t i;
	assert_int_equal(rl_calibrate(rows, n, params, np, o, values, model, loo,
	                              info), RL_OK);
	assert_true(fabs(values[0] - 0.55) < 1e-4);
	for (i = 0; loo && i < n; i++)
		assert_true(fabs(loo[i] / rows[i].measured - 1) < 1e-3);
}

/* A value published rounded to a step stands for the interval around it:
** 7 requests/s rounded to whole ones is any run in 6.5 .. 7.5, so a model
** of 7.3 misses by nothing, 7.8 by 7.8 / 7.5 - 1 = +4.0%, 6.0 by
** 6.0 / 6.5 - 1 = -7.69%; unrounded (half step 0) 7.8 misses 7 by
** +11.43%, and a half step as large as the value is not taken. */
static void test_rounded_miss(void **state)
{
	(void)state;
	assert_true(rl_calib_miss(7.3, 7, 0.5) == 0);
	assert_true(rl_calib_miss(7.5, 7, 0.5) == 0);
	assert_true(fabs(rl_calib_miss(7.8, 7, 0.5) - 0.04) < 1e-12);
	assert_true(fabs(rl_calib_miss(6.0, 7, 0.5) + 1.0 / 13) < 1e-12);
	assert_true(fabs(rl_calib_miss(7.8, 7, 0) - 0.8 / 7) < 1e-12);
	assert_true(fabs(rl_calib_miss(3, 1, 1) - 2) < 1e-12);
}

/* isl, osl, tp of the synthesized rows of the plain fits */
static const double eight_shapes[][3] = {{128, 128, 1},  {2048, 128, 1},
                                         {128, 2048, 1}, {2048, 2048, 1},
                                         {128, 128, 2},  {2048, 128, 4},
                                         {512, 512, 2},  {1024, 64, 1}};

static void test_recovers_known_values(void **state)
{
	enum { N = sizeof eight_shapes / sizeof eight_shapes[0] };
	rl_calib_row rows[N];
	const rl_param *params[2];
	double values[2] = {0.9, 0.5}, model[N], loo[N];
	rl_calib_info info;
	size_t i;
	(void)state;
	dense_case(rows, eight_shapes, N, params);
	assert_int_equal(rl_calibrate(rows, N, params, 2, NULL, values, model,
	                              loo, &info), RL_OK);
	assert_true(fabs(values[0] - 0.55) < 1e-4);
	assert_true(fabs(values[1] - 3.0) < 1e-3);
	assert_true(info.rms_log < 1e-6);
	assert_true(info.chisq < info.chisq0);
	for (i = 0; i < N; i++) {
		assert_true(fabs(model[i] / rows[i].measured - 1) < 1e-5);
		assert_true(fabs(loo[i] / rows[i].measured - 1) < 1e-4);
	}
}

/* Bounds hold: with the true eff_compute 0.55 outside [0.6, 0.9] the fit
** ends on 0.6 (within the logistic's reach), never below it; and
** leaving each tp out in turn (groups) still predicts its rows exactly
** when the model is the truth. */
static void test_bounds_and_groups(void **state)
{
	static const double shapes[][3] = {{128, 128, 1}, {2048, 128, 1},
	                                   {128, 2048, 2}, {2048, 2048, 2},
	                                   {128, 128, 4}, {2048, 128, 4}};
	enum { N = sizeof shapes / sizeof shapes[0] };
	rl_calib_row rows[N];
	const rl_param *params[2];
	double values[2] = {0.8, 0.5}, model[N], loo[N];
	double lo[2] = {0.6, NAN}, hi[2] = {0.9, NAN};
	int group[N];
	rl_calib_opts o = {lo, hi, NULL, NULL, NULL, NULL, 0, NULL, NULL};
	rl_calib_info info;
	size_t i;
	(void)state;
	dense_case(rows, shapes, N, params);
	for (i = 0; i < N; i++)
		group[i] = (int)shapes[i][2];
	assert_int_equal(rl_calibrate(rows, N, params, 2, &o, values, model,
	                              NULL, &info), RL_OK);
	assert_true(values[0] >= 0.6 && values[0] < 0.6 + 0.003);
	/* inside the bounds the truth is found, groups left out whole */
	lo[0] = 0.4;
	values[0] = 0.8;
	values[1] = 0.5;
	o.group = group;
	fits_truth(rows, N, params, 2, &o, values, model, loo, &info);
	/* a start on a bound (where the logistic is flat) still reaches the
	** truth: the fit restarts a parameter left on a bound from inside */
	values[0] = 0.9;
	values[1] = 0.5;
	o.group = NULL;
	fits_truth(rows, N, params, 2, &o, values, model, NULL, &info);
}

/* --both-ends on a parameter that the fit leaves on a bound: the fit is
** run again from the other end (a quarter inside 0.9 here) and the lower
** objective kept.  With the truth 0.55 below [0.6, 0.9] the objective
** falls all the way down to 0.6, so the other end's fit comes back to 0.6
** and the answer is the plain fit's, from either end's start; the kept
** objective is never above the plain fit's. */
static void test_both_ends(void **state)
{
	static const double shapes[][3] = {{128, 128, 1}, {2048, 128, 1},
	                                   {128, 2048, 2}, {2048, 2048, 2},
	                                   {128, 128, 4}, {2048, 128, 4}};
	enum { N = sizeof shapes / sizeof shapes[0] };
	rl_calib_row rows[N];
	const rl_param *params[2];
	double plain[2] = {0.8, 0.5}, ends_v[2] = {0.8, 0.5}, model[N];
	double lo[2] = {0.6, NAN}, hi[2] = {0.9, NAN};
	unsigned char ends[2] = {1, 0};
	rl_calib_opts o = {lo, hi, NULL, NULL, NULL, NULL, 0, NULL, NULL};
	rl_calib_info ip, ie;
	(void)state;
	dense_case(rows, shapes, N, params);
	assert_int_equal(rl_calibrate(rows, N, params, 2, &o, plain, model,
	                              NULL, &ip), RL_OK);
	o.both_ends = ends;
	assert_int_equal(rl_calibrate(rows, N, params, 2, &o, ends_v, model,
	                              NULL, &ie), RL_OK);
	assert_true(ends_v[0] >= 0.6 && ends_v[0] < 0.6 + 0.003);
	assert_true(fabs(ends_v[0] - plain[0]) < 1e-3);
	assert_true(ie.chisq + ie.chisq_prior <=
	            (ip.chisq + ip.chisq_prior) * (1 + 1e-9));
	/* started on the far end, 0.9 */
	ends_v[0] = 0.9;
	ends_v[1] = 0.5;
	assert_int_equal(rl_calibrate(rows, N, params, 2, &o, ends_v, model,
	                              NULL, &ie), RL_OK);
	assert_true(ends_v[0] >= 0.6 && ends_v[0] < 0.6 + 0.003);
}

/* The objective of the fits of test_both_ends_lower: the rows' squared
** log errors at eff_compute e plus the prior's ((e - centre) / sigma)^2,
** computed from the rows' model values, not by a fit. */
static double objective(const rl_calib_row *rows, size_t n,
                        const rl_param **params, double e, double centre,
                        double sigma)
{
	double v[1] = {e}, s = (e - centre) / sigma * ((e - centre) / sigma);
	size_t i;
	for (i = 0; i < n; i++) {
		double m, r;
		assert_int_equal(rl_calib_predict(&rows[i], params, 1, v, &m), 0);
		r = log(m / rows[i].measured);
		s += r * r;
	}
	return s;
}

/* A fit whose objective has a minimum at each end of eff_compute's range
** [0.1, 1], the lower one at the far end from the start, where the refit
** from the other end must find it (test_both_ends passes even where it
** does nothing: the objective there falls all the way to one end).
** Two decode-heavy rows (isl 128, osl 2048 and 1024, a batch of 128
** sequences, tp 1) measured at eff_compute 0.05, below the range: their
** throughput rises with eff_compute until its decode iterations turn
** memory-bound (near 0.43) and barely after, so their squared errors rise
** from 0.51 at 0.1 to 3.03 at 1, nearly all of it below 0.43.  A prior
** centred at 1, sigma 0.55, adds (0.9 / 0.55)^2 = 2.68 at 0.1 and 0 at 1,
** falling all the way.  The sum rises from 0.1 to a top near 0.4 and
** falls after it: 3.19 at 0.1, 3.03 at 1 (asserted below from the rows'
** model values).  Started at 0.2, and restarted a quarter inside (0.325,
** still below the top), the plain fit ends on 0.1; with both_ends the fit
** from a quarter inside 1 (0.775, past the top) ends on 1, whose objective
** is lower, and keeps it. */
static void test_both_ends_lower(void **state)
{
	static const double shapes[][2] = {{128, 2048}, {128, 1024}};
	enum { N = 2 };
	rl_calib_row rows[N];
	const rl_param *params[1];
	double plain[1] = {0.2}, ends_v[1] = {0.2}, model[N];
	double lo[1] = {0.1}, hi[1] = {1.0}, centre[1] = {1.0}, sigma[1] = {0.55};
	unsigned char ends[1] = {1};
	rl_calib_opts o = {lo, hi, centre, sigma, NULL, NULL, 0, NULL, NULL};
	rl_calib_info ip, ie;
	size_t i;
	(void)state;
	memset(rows, 0, sizeof rows);
	params[0] = rl_param_find("profile", "eff_compute");
	for (i = 0; i < N; i++) {
		double truth[1] = {0.05};
		base(&rows[i].cfg);
		rows[i].cfg.scen.isl = shapes[i][0];
		rows[i].cfg.scen.osl = shapes[i][1];
		rows[i].cfg.scen.tp = 1;
		rows[i].cfg.scen.batch = 128;
		rows[i].cfg.prof.iter_overhead_s = 3e-3;
		rows[i].metric = RL_METRIC_OUTPUT_TPS;
		assert_int_equal(rl_calib_predict(&rows[i], params, 1, truth,
		                                  &rows[i].measured), 0);
	}
	/* the far end is the lower minimum, and the near one a minimum: the
	** objective rises from 0.1 over the plain fit's start and restart */
	assert_true(objective(rows, N, params, 1.0, 1.0, 0.55) <
	            objective(rows, N, params, 0.1, 1.0, 0.55) - 0.1);
	assert_true(objective(rows, N, params, 0.1, 1.0, 0.55) <
	            objective(rows, N, params, 0.2, 1.0, 0.55));
	assert_true(objective(rows, N, params, 0.2, 1.0, 0.55) <
	            objective(rows, N, params, 0.325, 1.0, 0.55));
	assert_true(objective(rows, N, params, 0.775, 1.0, 0.55) <
	            objective(rows, N, params, 0.4, 1.0, 0.55));
	assert_int_equal(rl_calibrate(rows, N, params, 1, &o, plain, model,
	                              NULL, &ip), RL_OK);
	assert_true(plain[0] >= 0.1 && plain[0] < 0.1 + 0.003);
	o.both_ends = ends;
	assert_int_equal(rl_calibrate(rows, N, params, 1, &o, ends_v, model,
	                              NULL, &ie), RL_OK);
	assert_true(ends_v[0] <= 1.0 && ends_v[0] > 1.0 - 0.003);
	assert_true(ie.chisq + ie.chisq_prior <
	            ip.chisq + ip.chisq_prior - 0.1);
}

/* test_row_weight's rows: eight_shapes at the truth (dense_case), row 3
** measured at 0.8x and held twice (rows[N], N + 1 rows in all), and the
** N rows' weights into w: 2 for row 3, 1 for the others. */
static void row_weight_case(rl_calib_row *rows, const rl_param **params,
                            double *w)
{
	enum { N = sizeof eight_shapes / sizeof eight_shapes[0] };
	size_t i;
	dense_case(rows, eight_shapes, N, params);
	rows[3].measured *= 0.8;
	rows[N] = rows[3];
	for (i = 0; i < N; i++)
		w[i] = i == 3 ? 2.0 : 1.0;
}

/* A row weighted W counts as W copies of it: the sum of squares is the
** same function of the parameters, so its minimum is.  Eight rows
** synthesized at the truth, one of them measured at 0.8x (the fit must
** trade it against the others): weighted 2, it fits as the nine rows
** holding it twice (to the solver's tolerance: 1e-6 of each value);
** unweighted it pulls less, and the fit lands elsewhere.  What the
** weighted fit reports (rms_log, chisq, chisq0) is of the N rows as they
** are, each once: the root mean square of their log errors at the fit
** and the sum of squares at the start, worked out here from the model's
** values, where the weighted sums over N counted row 3 twice. */
static void test_row_weight(void **state)
{
	enum { N = sizeof eight_shapes / sizeof eight_shapes[0] };
	rl_calib_row rows[N + 1];
	const rl_param *params[2];
	double a[2] = {0.9, 0.5}, b[2] = {0.9, 0.5}, c[2] = {0.9, 0.5};
	double model[N + 1], w[N], sq = 0, sq0 = 0;
	rl_calib_opts o = {NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, w};
	rl_calib_info info;
	size_t i;
	(void)state;
	row_weight_case(rows, params, w);
	for (i = 0; i < N; i++) {
		double m;
		assert_int_equal(rl_calib_predict(&rows[i], params, 2, b, &m), 0);
		sq0 += log(m / rows[i].measured) * log(m / rows[i].measured);
	}
	assert_int_equal(rl_calibrate(rows, N + 1, params, 2, NULL, a, model,
	                              NULL, NULL), RL_OK);
	assert_int_equal(rl_calibrate(rows, N, params, 2, &o, b, model, NULL,
	                              &info), RL_OK);
	for (i = 0; i < N; i++)
		sq += log(model[i] / rows[i].measured) *
		      log(model[i] / rows[i].measured);
	assert_true(fabs(info.rms_log / sqrt(sq / N) - 1) < 1e-9);
	assert_true(fabs(info.chisq / sq - 1) < 1e-9);
	assert_true(fabs(info.chisq0 / sq0 - 1) < 1e-9);
	assert_int_equal(rl_calibrate(rows, N, params, 2, NULL, c, model, NULL,
	                              NULL), RL_OK);
	assert_true(fabs(b[0] / a[0] - 1) < 1e-6);
	assert_true(fabs(b[1] / a[1] - 1) < 1e-6);
	assert_true(fabs(c[0] / a[0] - 1) > 1e-4 || fabs(c[1] / a[1] - 1) > 1e-4);
}

/* The row weights hold in the leave-one-out fits too, and beside Huber's
** weights (mutation tests: the full fit's reporting, rows_plain, cleared
** both and the leave-out fits ran on without them).  The rows of
** test_row_weight, row 3 measured at 0.8x: leaving out any other row j,
** the weighted rows still count row 3 twice, so j's leave-out prediction
** is the one of the nine rows that hold row 3 twice (to the solver's
** tolerance), where the eight rows unweighted give another.  With Huber's
** loss (delta 0.05: row 3, some 0.2 off before the fit, is beyond it) a
** row's Huber weight comes from its own log error, the same for both
** copies, so the same holds; and Huber's loss moves the predictions (the
** weighted fit without it gives others). */
static void test_row_weight_loo(void **state)
{
	enum { N = sizeof eight_shapes / sizeof eight_shapes[0] };
	rl_calib_row rows[N + 1];
	const rl_param *params[2];
	double w[N], model[N + 1], loo_a[N + 1], loo_b[N], loo_c[N], loo_d[N];
	rl_calib_opts o = {NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, w};
	rl_calib_opts h = {NULL, NULL, NULL, NULL, NULL, NULL, 0.05, NULL, NULL};
	rl_calib_opts hw = {NULL, NULL, NULL, NULL, NULL, NULL, 0.05, NULL, w};
	size_t j;
	int pass;
	(void)state;
	row_weight_case(rows, params, w);
	for (pass = 0; pass < 2; pass++) {
		const rl_calib_opts *plain = pass ? &h : NULL, *wt = pass ? &hw : &o;
		double a[2] = {0.9, 0.5}, b[2] = {0.9, 0.5}, c[2] = {0.9, 0.5};
		double d[2] = {0.9, 0.5};
		int moved = 0, huber_moved = 0;
		assert_int_equal(rl_calibrate(rows, N + 1, params, 2, plain, a,
		                              model, loo_a, NULL), RL_OK);
		assert_int_equal(rl_calibrate(rows, N, params, 2, wt, b, model,
		                              loo_b, NULL), RL_OK);
		assert_int_equal(rl_calibrate(rows, N, params, 2, plain, c, model,
		                              loo_c, NULL), RL_OK);
		assert_int_equal(rl_calibrate(rows, N, params, 2, &o, d, model,
		                              loo_d, NULL), RL_OK);
		for (j = 0; j < N; j++) {
			if (j == 3)
				continue;
			assert_true(fabs(loo_b[j] / loo_a[j] - 1) < 1e-6);
			moved |= fabs(loo_c[j] / loo_a[j] - 1) > 1e-4;
			huber_moved |= fabs(loo_d[j] / loo_b[j] - 1) > 1e-4;
		}
		assert_true(moved);
		assert_true(pass ? huber_moved : !huber_moved);
	}
}

/* Rows set aside take no part in any fit but are predicted: eight rows
** synthesized at eff_compute 0.55 and 3 ms a step, two of them with the
** measured value doubled.  Fitted with those two aside, the truth comes
** back exactly, and both rows are predicted at half what they "measured"
** (model / measured = 0.5), at the fit and left out one at a time; fitted
** with them, it does not.  Setting aside all but two rows leaves fewer
** than np + 1 to fit: RL_EINPUT. */
static void test_aside(void **state)
{
	enum { N = sizeof eight_shapes / sizeof eight_shapes[0] };
	rl_calib_row rows[N];
	const rl_param *params[2];
	double values[2] = {0.9, 0.5}, model[N], loo[N];
	unsigned char aside[N] = {0, 0, 1, 0, 0, 1, 0, 0};
	rl_calib_opts o = {NULL, NULL, NULL, NULL, NULL, aside, 0, NULL, NULL};
	rl_calib_info info;
	size_t i;
	(void)state;
	dense_case(rows, eight_shapes, N, params);
	for (i = 0; i < N; i++)
		if (aside[i])
			rows[i].measured *= 2;
	assert_int_equal(rl_calibrate(rows, N, params, 2, &o, values, model,
	                              loo, &info), RL_OK);
	assert_true(fabs(values[0] - 0.55) < 1e-4);
	assert_true(fabs(values[1] - 3.0) < 1e-3);
	assert_true(info.rms_log < 1e-6); /* over the fitted rows only */
	for (i = 0; i < N; i++) {
		double want = aside[i] ? 0.5 : 1.0;
		assert_true(fabs(model[i] / rows[i].measured - want) < 1e-5);
		assert_true(fabs(loo[i] / rows[i].measured - want) < 1e-4);
	}
	/* the same rows without the aside: the doubled rows pull the fit */
	values[0] = 0.9;
	values[1] = 0.5;
	assert_int_equal(rl_calibrate(rows, N, params, 2, NULL, values, model,
	                              NULL, &info), RL_OK);
	assert_true(fabs(values[0] - 0.55) > 1e-3 ||
	            fabs(values[1] - 3.0) > 1e-2);
	for (i = 0; i < N - 2; i++)
		aside[i] = 1;
	aside[N - 2] = aside[N - 1] = 0;
	assert_int_equal(rl_calibrate(rows, N, params, 2, &o, values, model,
	                              NULL, &info), RL_EINPUT);
}

/* A parameter that only the rows left out move is held at its start value
** in their leave-out fit, not at what the full fit took from them: six
** dense rows (group 0) and five MoE rows (group 1) synthesized with
** moe_gemm_eff 0.5.  The full fit of eff_compute, iter_overhead and
** moe_gemm_eff (from 0.9, 0.5 ms, 1) finds the truth; leaving the MoE rows
** out, the dense rows fit eff_compute and iter_overhead to the truth and
** say nothing of moe_gemm_eff, so the MoE rows are predicted at 0.55, 3 ms
** and moe_gemm_eff 1 (rl_eval), not at their measured values. */
static void test_held_in_leave_out(void **state)
{
	static const double shapes[][3] = {
	    {128, 128, 1},  {2048, 128, 1}, {128, 2048, 1}, {2048, 2048, 1},
	    {512, 512, 2},  {1024, 64, 1},  {2048, 128, 1}, {4096, 64, 1},
	    {1024, 128, 1}, {512, 32, 1},   {2048, 256, 1}};
	enum { N = sizeof shapes / sizeof shapes[0], ND = 6 };
	rl_calib_row rows[N];
	const rl_param *params[3];
	double values[3] = {0.9, 0.5, 1}, model[N], loo[N];
	double lo[3] = {0.4, 0.1, 0.1}, hi[3] = {0.9, 10, 1};
	int group[N];
	rl_calib_opts o = {lo, hi, NULL, NULL, group, NULL, 0, NULL, NULL};
	rl_calib_info info;
	size_t i;
	(void)state;
	memset(rows, 0, sizeof rows);
	params[0] = rl_param_find("profile", "eff_compute");
	params[1] = rl_param_find("profile", "iter_overhead_ms");
	params[2] = rl_param_find("profile", "moe_gemm_eff");
	for (i = 0; i < N; i++) {
		synth_row(&rows[i], shapes[i], i < ND ? 0 : 0.5);
		group[i] = i >= ND;
	}
	assert_int_equal(rl_calibrate(rows, N, params, 3, &o, values, model, loo,
	                              &info), RL_OK);
	assert_true(fabs(values[0] - 0.55) < 1e-3);
	assert_true(fabs(values[2] - 0.5) < 1e-3);
	for (i = ND; i < N; i++) {
		rl_config c = rows[i].cfg;
		rl_result r;
		c.prof.eff_compute = 0.55;
		c.prof.iter_overhead_s = 3e-3;
		c.prof.moe_gemm_eff = 1;
		assert_int_equal(rl_eval(&c, &r), RL_OK);
		assert_true(r.output_tps / rows[i].measured - 1 > 0.01);
		assert_true(fabs(loo[i] / r.output_tps - 1) < 1e-3);
	}
}

/* Rows served at a request rate go through the load model: mean TTFTs at
** 1, 2 and 4 requests/s and mean ITLs, synthesized with a front end of
** 7 ms and iter_overhead 3 ms, give both back from a start at 1 ms and
** 0.5 ms.  The front end moves TTFT only, the iteration time both: the
** fit can tell them apart only if at-rate rows are predicted at their
** rate (a row at maximum load has no TTFT of the front end's making). */
static void test_at_rate_rows(void **state)
{
	static const double rates[] = {1, 2, 4};
	enum { N = 6 };
	rl_calib_row rows[N];
	const rl_param *params[2];
	double values[2] = {1, 0.5}, model[N];
	rl_calib_info info;
	size_t i;
	(void)state;
	memset(rows, 0, sizeof rows);
	params[0] = rl_param_find("profile", "frontend_ms");
	params[1] = rl_param_find("profile", "iter_overhead_ms");
	assert_non_null(params[0]);
	for (i = 0; i < N; i++) {
		rl_config truth;
		rl_load_result lr;
		base(&rows[i].cfg);
		rows[i].cfg.scen.isl = 512;
		rows[i].cfg.scen.osl = 64;
		rows[i].load.rate_rps = rates[i % 3];
		rows[i].metric = i < 3 ? RL_METRIC_TTFT_MEAN : RL_METRIC_ITL_MEAN;
		truth = rows[i].cfg;
		truth.prof.frontend_s = 7e-3;
		truth.prof.iter_overhead_s = 3e-3;
		assert_int_equal(rl_load_eval(&truth, &rows[i].load, &lr), RL_OK);
		rows[i].measured = rl_load_metric_of(rows[i].metric, &lr);
	}
	/* the front end is in every TTFT and in no ITL */
	assert_true(rows[0].measured > 7e-3);
	assert_int_equal(rl_calibrate(rows, N, params, 2, NULL, values, model,
	                              NULL, &info), RL_OK);
	assert_true(fabs(values[0] - 7.0) < 1e-3);
	assert_true(fabs(values[1] - 3.0) < 1e-3);
}

/* Priors.  (1) frontend_ms does not enter a throughput at maximum load:
** with a prior 4 +- 1 ms it lands on 4 whatever its start, and the prior
** does not move eff_compute, which the rows pin at 0.55.  (2) eff_compute
** alone with a prior 0.65 +- s: to first order the rows' residuals are
** J_i (x - 0.55), with J_i = d log(model_i) / dx at the truth, so the
** least squares sum J_i^2 (x - 0.55)^2 + ((x - 0.65) / s)^2 is least at
** the weighted mean x = (0.55 A + 0.65 / s^2) / (A + 1 / s^2), A =
** sum J_i^2.  J_i by central differences of the engine; s chosen so that
** 1 / s^2 = A / 4 puts x at 0.55 + 0.1 / 5 = 0.57. */
static void test_priors(void **state)
{
	static const double shapes[][3] = {{128, 128, 1}, {2048, 128, 1},
	                                   {128, 2048, 2}, {2048, 2048, 2},
	                                   {512, 512, 4},  {1024, 64, 1}};
	enum { N = sizeof shapes / sizeof shapes[0] };
	rl_calib_row rows[N];
	const rl_param *params[2];
	double values[2] = {0.8, 20}, model[N], loo[N];
	double centre[2] = {NAN, 4.0}, sigma[2] = {NAN, 1.0};
	double A = 0, s, expect, h = 1e-4, fixed = 3.0;
	int group[N];
	rl_calib_opts o = {NULL, NULL, centre, sigma, group, NULL, 0, NULL, NULL};
	rl_calib_info info;
	size_t i;
	(void)state;
	memset(rows, 0, sizeof rows);
	params[0] = rl_param_find("profile", "eff_compute");
	params[1] = rl_param_find("profile", "frontend_ms");
	for (i = 0; i < N; i++) {
		synth_row(&rows[i], shapes[i], 0);
		rows[i].cfg.prof.iter_overhead_s = 3e-3;
		group[i] = (int)shapes[i][2];
	}
	fits_truth(rows, N, params, 2, &o, values, model, loo, &info);
	assert_true(fabs(values[1] - 4.0) < 1e-4);
	assert_true(info.chisq_prior < 1e-8);
	/* (2): iter_overhead fixed at its truth, 3 ms */
	params[1] = rl_param_find("profile", "iter_overhead_ms");
	for (i = 0; i < N; i++) {
		double up, dn, v[2];
		v[1] = fixed;
		v[0] = 0.55 + h;
		assert_int_equal(rl_calib_predict(&rows[i], params, 2, v, &up), 0);
		v[0] = 0.55 - h;
		assert_int_equal(rl_calib_predict(&rows[i], params, 2, v, &dn), 0);
		A += pow((log(up) - log(dn)) / (2 * h), 2);
	}
	assert_true(A > 1); /* the rows do depend on eff_compute */
	s = 2 / sqrt(A);
	expect = (0.55 * A + 0.65 / (s * s)) / (A + 1 / (s * s));
	assert_true(fabs(expect - 0.57) < 1e-12);
	centre[0] = 0.65;
	sigma[0] = s;
	values[0] = 0.8;
	o.group = NULL;
	assert_int_equal(rl_calibrate(rows, N, params, 1, &o, values, model,
	                              NULL, &info), RL_OK);
	/* within a tenth of the prior's pull (0.02): the rows' log errors are
	** not exactly linear in eff_compute */
	assert_true(fabs(values[0] - expect) < 0.002);
	assert_true(info.chisq_prior > 0);
	/* a wide prior leaves the rows' value; no prior is no prior */
	sigma[0] = 100;
	values[0] = 0.8;
	fits_truth(rows, N, params, 1, &o, values, model, NULL, &info);
}

/* A fit of 17 parameters, one more than the fits took before the limit
** rose to RL_CALIB_MAX_PARAMS.  Rows of Llama-3 8B FP8 at tp 1, 2 and 4
** are synthesized with each parameter at the middle of its bounds (below)
** and eff_compute 0.55, iter_overhead 3 ms; the fit starts at those
** truths but for eff_compute (0.8) and iter_overhead (0.5 ms).  The truth
** zeroes every residual, so the fit must end on the rows reproduced (rms
** of the log errors ~ 0) with every value inside its bounds; the front
** end (TTFT only) and the experts' share (a dense model) move no row's
** output tokens/s, so those two end where they started.  Before the
** limit rose, 17 parameters were refused (RL_EINPUT). */
static void test_more_than_sixteen(void **state)
{
	static const double shapes[][3] = {
	    {128, 128, 1},  {2048, 128, 1}, {128, 2048, 1}, {2048, 2048, 1},
	    {128, 128, 2},  {2048, 128, 4}, {512, 512, 2},  {1024, 64, 1},
	    {4096, 64, 1},  {1024, 128, 2}, {512, 32, 4},   {2048, 256, 1},
	    {256, 1024, 2}, {64, 4096, 1},  {1024, 1024, 4}, {8192, 32, 1},
	    {300, 3000, 1}, {3000, 300, 2}, {700, 700, 4},  {100, 500, 1}};
	/* name, bounds (display units); the truth is their middle */
	static const struct {
		const char *name;
		double lo, hi;
	} fp[] = {{"eff_compute", 0.3, 0.9},         {"iter_overhead_ms", 0.1, 5.9},
	          {"eff_attention", 0.5, 0.9},       {"eff_memory", 0.7, 0.9},
	          {"eff_link", 0.5, 0.9},            {"allreduce_latency_us", 5, 15},
	          {"layer_overhead_us", 2, 10},      {"seq_overhead_us", 1, 5},
	          {"eff_kv_memory", 0.6, 0.9},       {"elementwise_fused", 0, 0.6},
	          {"comm_overlap", 0, 0.4},          {"runtime_reserved_gb", 1, 3},
	          {"frontend_ms", 2, 8},             {"logits_buffers", 0, 2},
	          {"logits_passes", 0, 4},           {"allreduce_half_mb", 0, 8},
	          {"moe_gemm_eff", 0.2, 0.8}};
	enum { N = sizeof shapes / sizeof shapes[0], NP = sizeof fp / sizeof fp[0] };
	rl_calib_row rows[N];
	const rl_param *params[NP];
	double values[NP], lo[NP], hi[NP], model[N];
	rl_calib_opts o = {lo, hi, NULL, NULL, NULL, NULL, 0, NULL, NULL};
	rl_calib_info info;
	char err[128];
	size_t i, k;
	(void)state;
	assert_true(NP > 16 && NP <= RL_CALIB_MAX_PARAMS);
	memset(rows, 0, sizeof rows);
	for (k = 0; k < NP; k++) {
		params[k] = rl_param_find("profile", fp[k].name);
		assert_non_null(params[k]);
		lo[k] = fp[k].lo;
		hi[k] = fp[k].hi;
		values[k] = (lo[k] + hi[k]) / 2;
	}
	assert_true(fabs(values[0] - 0.6) < 1e-12 && fabs(values[1] - 3) < 1e-12);
	values[0] = 0.55; /* the truth of synth_row's rows */
	lo[0] = 0.2;
	for (i = 0; i < N; i++) {
		rl_result r;
		base(&rows[i].cfg);
		rows[i].cfg.scen.isl = shapes[i][0];
		rows[i].cfg.scen.osl = shapes[i][1];
		rows[i].cfg.scen.tp = shapes[i][2];
		rows[i].metric = RL_METRIC_OUTPUT_TPS;
		for (k = 0; k < NP; k++)
			assert_int_equal(rl_param_set(&rows[i].cfg, params[k],
			                              values[k], err, sizeof err),
			                 RL_OK);
		assert_int_equal(rl_eval(&rows[i].cfg, &r), RL_OK);
		rows[i].measured = r.output_tps;
	}
	values[0] = 0.8;
	values[1] = 0.5;
	assert_int_equal(rl_calibrate(rows, N, params, NP, &o, values, model,
	                              NULL, &info), RL_OK);
	assert_true(info.rms_log < 1e-4);
	assert_true(info.chisq < info.chisq0);
	for (k = 0; k < NP; k++)
		assert_true(values[k] >= lo[k] && values[k] <= hi[k]);
	/* (the trust region's steps nudge a parameter of no slope by a
	** thousandth of its free variable: within 0.1% of the bounds) */
	assert_true(fabs(values[12] - 5) < 1e-3 * (hi[12] - lo[12]));
	assert_true(fabs(values[16] - 0.5) < 1e-3 * (hi[16] - lo[16]));
}

/* Huber's loss on a one-parameter problem whose answer is known by hand.
** Five rows of one configuration (Llama-3 8B FP8, 2048 in, 128 out, tp 1)
** measured at T exp(a_i), T the engine's throughput at eff_compute 0.55,
** a = {-0.05, 0, 0, 0.05, 1}: the last a gross outlier (2.7x).  Every
** row's model is the same m(eff_compute), so the fit chooses one number,
** c = log(m / T), and row i's log error is c - a_i.
**  - Least squares (and Huber with delta 10, beyond every residual): c is
**    the mean of a, 1 / 5 = 0.2.
**  - Huber, delta 0.1: sum psi(c - a_i) = 0 with psi(r) = r within
**    +-delta, delta sign(r) beyond; with the four inliers within delta and
**    the outlier beyond, 4 c - 0 - 0.1 = 0: c = 0.025 (inlier residuals
**    0.075, 0.025, 0.025, -0.025, inside 0.1; the outlier's -0.975, out):
**    one row weighted down, and the rows' rms log error
**    sqrt((0.075^2 + 3 x 0.025^2 + 0.975^2) / 5) = sqrt(0.191625).
**  - Left out one at a time (and as one-row groups): without the outlier
**    the four inliers are symmetric about 0, c = 0; without inlier a_j,
**    c = (sum of the other three inliers' a + delta) / 3: a_j = -0.05:
**    0.15 / 3 = 0.05, a_j = 0: 0.1 / 3, a_j = 0.05: 0.05 / 3 (each leaves
**    the other inliers within delta). */
static void test_huber(void **state)
{
	static const double a[] = {-0.05, 0, 0, 0.05, 1};
	static const double loo_c[] = {0.05, 0.1 / 3, 0.1 / 3, 0.05 / 3, 0};
	static const double shape[3] = {2048, 128, 1};
	enum { N = sizeof a / sizeof a[0] };
	rl_calib_row rows[N];
	const rl_param *p = rl_param_find("profile", "eff_compute");
	double lo = 0.3, hi = 0.95, T, v, model[N], loo[N];
	int group[N], k;
	rl_calib_opts o = {&lo, &hi, NULL, NULL, NULL, NULL, 0.1, NULL, NULL};
	rl_calib_info info;
	size_t i, pass;
	(void)state;
	memset(rows, 0, sizeof rows);
	for (i = 0; i < N; i++) {
		synth_row(&rows[i], shape, 0);
		rows[i].cfg.prof.iter_overhead_s = 3e-3;
		group[i] = (int)(10 + i);
	}
	T = rows[0].measured;
	for (i = 0; i < N; i++)
		rows[i].measured = T * exp(a[i]);
	for (pass = 0; pass < 2; pass++) { /* one at a time; one-row groups */
		o.group = pass ? group : NULL;
		v = 0.8;
		assert_int_equal(rl_calibrate(rows, N, &p, 1, &o, &v, model, loo,
		                              &info), RL_OK);
		for (i = 0; i < N; i++) {
			assert_true(fabs(log(model[i] / T) - 0.025) < 1e-4);
			assert_true(fabs(log(loo[i] / T) - loo_c[i]) < 1e-4);
		}
		assert_int_equal(info.downweighted, 1);
		assert_true(info.robust_rounds >= 2);
		assert_true(fabs(info.rms_log - sqrt(0.191625)) < 1e-4);
	}
	/* delta beyond every residual, and no Huber at all: the mean */
	o.group = NULL;
	for (k = 0; k < 2; k++) {
		o.huber_delta = k ? 0 : 10;
		v = 0.8;
		assert_int_equal(rl_calibrate(rows, N, &p, 1, &o, &v, model, NULL,
		                              &info), RL_OK);
		assert_true(fabs(log(model[0] / T) - 0.2) < 1e-4);
		if (k)
			assert_int_equal(info.robust_rounds, 0);
		else
			assert_int_equal(info.downweighted, 0);
	}
}

static void test_too_few_rows(void **state)
{
	rl_calib_row row;
	const rl_param *p = rl_param_find("profile", "eff_compute");
	double v = 0.5, m, l;
	rl_calib_info info;
	(void)state;
	memset(&row, 0, sizeof row);
	base(&row.cfg);
	row.measured = 100;
	row.metric = RL_METRIC_OUTPUT_TPS;
	assert_int_equal(rl_calibrate(&row, 1, &p, 1, NULL, &v, &m, &l, &info),
	                 RL_EINPUT);
	/* no parameter, or more than the fit holds: input error too */
	assert_int_equal(rl_calibrate(&row, 1, &p, 0, NULL, &v, &m, &l, &info),
	                 RL_EINPUT);
	assert_int_equal(rl_calibrate(&row, 1, &p, RL_CALIB_MAX_PARAMS + 1, NULL,
	                              &v, &m, &l, &info), RL_EINPUT);
}

/* |x| quantiles: of {-1, 2, -3, 4}: median 2.5, 90th 3.7 (linear
** interpolation between the sorted 3 and 4 at 0.9 x 3 = 2.7). */
static void test_abs_quantile(void **state)
{
	const double x[] = {-1, 2, -3, 4, NAN};
	(void)state;
	assert_true(fabs(stats_abs_quantile(x, 5, 0.5) - 2.5) < 1e-12);
	assert_true(fabs(stats_abs_quantile(x, 5, 0.9) - 3.7) < 1e-12);
	assert_true(isnan(stats_abs_quantile(x + 4, 1, 0.5)));
	/* signed median (the bias): sorted finite {-3, -1, 2, 4}: (-1 + 2) / 2
	** = 0.5; of the first three {-3, -1, 2}: -1; none finite: NAN */
	assert_true(fabs(stats_median(x, 5) - 0.5) < 1e-12);
	assert_true(fabs(stats_median(x, 3) - -1.0) < 1e-12);
	assert_true(isnan(stats_median(x + 4, 1)));
}

/* stats_push: 200 values in order, each where it was put, from an empty
** array (NULL, 0, 0); the room grows by doubling from 64: 64, 128, 256 */
static void test_stats_push(void **state)
{
	double *a = NULL;
	size_t n = 0, cap = 0, i;
	(void)state;
	for (i = 0; i < 200; i++)
		assert_int_equal(stats_push(&a, &n, &cap, (double)i * 0.5), 0);
	assert_int_equal(n, 200);
	assert_int_equal(cap, 256);
	for (i = 0; i < 200; i++)
		assert_true(a[i] == (double)i * 0.5);
	/* |x| median of 0, 0.5, ..., 99.5: (49.5 + 50) / 2 */
	assert_true(fabs(stats_abs_quantile(a, n, 0.5) - 49.75) < 1e-12);
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rounded_miss),
	    cmocka_unit_test(test_recovers_known_values),
	    cmocka_unit_test(test_too_few_rows),
	    cmocka_unit_test(test_more_than_sixteen),
	    cmocka_unit_test(test_priors),
	    cmocka_unit_test(test_at_rate_rows),
	    cmocka_unit_test(test_bounds_and_groups),
	    cmocka_unit_test(test_both_ends),
	    cmocka_unit_test(test_both_ends_lower),
	    cmocka_unit_test(test_held_in_leave_out),
	    cmocka_unit_test(test_aside),
	    cmocka_unit_test(test_row_weight),
	    cmocka_unit_test(test_row_weight_loo),
	    cmocka_unit_test(test_huber),
	    cmocka_unit_test(test_abs_quantile),
	    cmocka_unit_test(test_stats_push),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
