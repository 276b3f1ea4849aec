/*
** test_mcrobust.c: the ranges narrowed toward the stated values
** (model/mcrobust.h): the shrink's arithmetic, the densities, and P(>=
** target) of a one-assumption linear model against its closed form, for
** every range narrowed (rl_mc_robust's runs) and for the reweighted
** estimate (rl_mc_reweighted_prob).
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../model/mcrobust.h"
#include "fixtures.h"

#define NEAR(x, y, tol) assert_true(fabs((x) - (y)) <= (tol))

static rl_uparam tri(const char *sec, const char *key, double l, double m,
                     double h)
{
	rl_uparam u;
	memset(&u, 0, sizeof u);
	u.p = rl_param_find(sec, key);
	u.side = 1;
	u.dist = RL_DIST_TRIANGULAR;
	u.a = l;
	u.b = m;
	u.c = h;
	u.lo = u.p->min;
	u.hi = u.p->max;
	return u;
}

/* The shrink by hand: each end moved toward the stated value to f of its
** distance, the width f times its own. */
static void test_shrink_arithmetic(void **state)
{
	rl_uparam u, v;
	(void)state;
	/* sohu.ini's utilization, 0.3 / 0.9 / 0.95, stated 0.9: a tenth is
	** 0.9 - 0.06 = 0.84 to 0.9 + 0.005 = 0.905, the mode kept */
	u = tri("profile", "eff_compute", 0.3, 0.9, 0.95);
	assert_int_equal(rl_uparam_shrink(&u, 0.9, 0.1, &v), 0);
	NEAR(v.a, 0.84, 1e-12);
	NEAR(v.b, 0.9, 1e-12);
	NEAR(v.c, 0.905, 1e-12);
	NEAR(v.c - v.a, 0.1 * (0.95 - 0.3), 1e-12);
	/* f = 1 is the distribution as given, f = 0 the stated value */
	assert_int_equal(rl_uparam_shrink(&u, 0.9, 1, &v), 0);
	assert_true(v.a == 0.3 && v.b == 0.9 && v.c == 0.95);
	assert_int_equal(rl_uparam_shrink(&u, 0.9, 0, &v), 0);
	assert_true(v.a == 0.9 && v.b == 0.9 && v.c == 0.9);
	/* a mode outside the narrowed range: the nearest end.  (0, 2, 10)
	** stated 8, a quarter: 8 - 2 = 6 to 8 + 0.5 = 8.5, mode 2 -> 6 */
	u = tri("chip", "link_gbps", 0, 2, 10);
	assert_int_equal(rl_uparam_shrink(&u, 8, 0.25, &v), 0);
	NEAR(v.a, 6, 1e-12);
	NEAR(v.b, 6, 1e-12);
	NEAR(v.c, 8.5, 1e-12);
	/* and a mode above it (mutants, fuzz5: the upper clamp dropped kept
	** the mode 8 past the high end 4, a triangle with no shape).  (0, 8,
	** 10) stated 2, a quarter: 2 - 0.5 = 1.5 to 2 + 2 = 4, mode 8 -> 4 */
	u = tri("chip", "link_gbps", 0, 8, 10);
	assert_int_equal(rl_uparam_shrink(&u, 2, 0.25, &v), 0);
	NEAR(v.a, 1.5, 1e-12);
	NEAR(v.b, 4, 1e-12);
	NEAR(v.c, 4, 1e-12);
	/* HBM stated at the low end of a uniform 4.8-6.03: half is 4.8 to
	** 4.8 + 0.615 = 5.415 */
	memset(&u, 0, sizeof u);
	u.p = rl_param_find("chip", "hbm_tbps");
	u.dist = RL_DIST_UNIFORM;
	u.a = 4.8;
	u.b = 6.03;
	assert_int_equal(rl_uparam_shrink(&u, 4.8, 0.5, &v), 0);
	NEAR(v.a, 4.8, 1e-12);
	NEAR(v.b, 5.415, 1e-12);
	/* a fusion of 0-1 stated 1: a quarter is 0.75-1 */
	u.a = 0;
	u.b = 1;
	assert_int_equal(rl_uparam_shrink(&u, 1, 0.25, &v), 0);
	NEAR(v.a, 0.75, 1e-12);
	NEAR(v.b, 1, 1e-12);
	/* normal: mean 10, sd 2 on [0, 100], stated 12, half: mean 11, sd
	** 1, truncated to 12 - 6 = 6 and 12 + 44 = 56 */
	u.dist = RL_DIST_NORMAL;
	u.a = 10;
	u.b = 2;
	u.lo = 0;
	u.hi = 100;
	assert_int_equal(rl_uparam_shrink(&u, 12, 0.5, &v), 0);
	NEAR(v.a, 11, 1e-12);
	NEAR(v.b, 1, 1e-12);
	NEAR(v.lo, 6, 1e-12);
	NEAR(v.hi, 56, 1e-12);
	/* lognormal in log terms: median 100, sigma 0.4 on [0, 1e6], stated
	** 400, half: median 400 x 0.25^0.5 = 200, sigma 0.2, the ends 0 (kept)
	** and 400 x 2500^0.5 = 20000 */
	u.dist = RL_DIST_LOGNORMAL;
	u.a = 100;
	u.b = 0.4;
	u.lo = 0;
	u.hi = 1e6;
	assert_int_equal(rl_uparam_shrink(&u, 400, 0.5, &v), 0);
	NEAR(v.a, 200, 1e-9);
	NEAR(v.b, 0.2, 1e-12);
	assert_true(v.lo == 0);
	NEAR(v.hi, 20000, 1e-6);
	/* a truncation's low end above 0 moves in log terms too (mutants,
	** fuzz5: kept where it was): 25, stated 400, half: 400 x (25 /
	** 400)^0.5 = 100 */
	u.lo = 25;
	assert_int_equal(rl_uparam_shrink(&u, 400, 0.5, &v), 0);
	NEAR(v.lo, 100, 1e-9);
	u.lo = 0;
	/* refused: a lognormal around 0, a fraction outside [0, 1] */
	assert_int_equal(rl_uparam_shrink(&u, 0, 0.5, &v), -1);
	assert_int_equal(rl_uparam_shrink(&u, 400, 1.5, &v), -1);
	assert_int_equal(rl_uparam_shrink(&u, 400, NAN, &v), -1);
}

/* Densities by hand: triangle (0, 2, 10): 2 x / (10 x 2) below the mode,
** 2 (10 - x) / (10 x 8) above it, 2 / 10 at it; uniform 1 / width. */
static void test_pdf(void **state)
{
	rl_uparam u = tri("chip", "link_gbps", 0, 2, 10);
	(void)state;
	NEAR(rl_uparam_pdf(&u, 1), 0.1, 1e-15);
	NEAR(rl_uparam_pdf(&u, 6), 0.1, 1e-15);
	NEAR(rl_uparam_pdf(&u, 2), 0.2, 1e-15);
	assert_true(rl_uparam_pdf(&u, 11) == 0);
	u.dist = RL_DIST_UNIFORM;
	u.a = 4;
	u.b = 8;
	NEAR(rl_uparam_pdf(&u, 5), 0.25, 1e-15);
	assert_true(rl_uparam_pdf(&u, 3) == 0);
	/* all its mass at one point: no density */
	u.b = 4;
	assert_true(isnan(rl_uparam_pdf(&u, 4)));
	/* a normal truncated to its mean's right: twice the density */
	u.dist = RL_DIST_NORMAL;
	u.a = 0;
	u.b = 1;
	u.lo = 0;
	u.hi = 1e300;
	NEAR(rl_uparam_pdf(&u, 0), 2 / sqrt(2 * M_PI), 1e-12);
	/* a lognormal's truncation divides its density too (fuzz6): median 2,
	** sigma 0.5 on [2 e^0.5, 2 e^1.5] keeps Phi(3) - Phi(1) = 0.1573054;
	** at x = 2e (z = 2) phi(2) / (x sigma) / 0.1573054 = 0.05399097 / e /
	** 0.1573054 = 0.1262650 */
	u.dist = RL_DIST_LOGNORMAL;
	u.a = 2;
	u.b = 0.5;
	u.lo = 2 * exp(0.5);
	u.hi = 2 * exp(1.5);
	NEAR(rl_uparam_pdf(&u, 2 * M_E), 0.1262650, 1e-6);
}

/* P(X >= t) of a triangle (l, m, h) with t >= m: (h - t)^2 / ((h - l)(h -
** m)); 0 past h. */
static double tri_tail(double l, double m, double h, double t)
{
	if (t >= h)
		return 0;
	return (h - t) * (h - t) / ((h - l) * (h - m));
}

/* The two sides of the linear model below: side b's tokens/s a multiple
** of its FP8 peak, the speedup x / 200 for b's peak x TFLOPS (b stated at
** 300). */
static void linear_sides(rl_config *a, rl_config *b)
{
	fx_h100_ideal(a);
	a->chip.hbm_Bps = 1e18;
	a->chip.peak_flops_fp8 = 200e12;
	a->chip.peak_flops_bf16 = 1e20;
	a->scen.isl = 2048;
	a->scen.osl = 128;
	*b = *a;
	b->chip.peak_flops_fp8 = 300e12;
}

/* One assumption, a linear model.  Two ideal H100s (fx_h100_ideal,
** Llama-3 70B in FP8) with HBM so fast and a BF16 peak (the LM head's) so
** high that the FP8 GEMMs alone take time: side b's tokens/s is a multiple
** of its FP8 peak, so the speedup is x / 200 for side b's peak x TFLOPS
** against side a's 200 (checked below at three points, and in every
** sample).  x drawn triangular (100, 300, 400) TFLOPS, stated 300: P(speedup
** >= 1.6) = P(x >= 320) = 80^2 / (300 x 100) = 0.21333 (tri_tail);
** narrowed to half, (200, 300, 350): 30^2 / (150 x 50) = 0.12; to a
** quarter, (250, 300, 325): 5^2 / (75 x 25) = 0.013333; to a tenth, (280,
** 300, 310): 0.  A second assumption, the link bandwidth, moves nothing
** (one chip a side): the one whose range moves P most is the peak, and its
** own run narrowed alone to a tenth gives 0.  20000 samples: standard
** error at most 0.0029. */
static void test_linear_closed_form(void **state)
{
	rl_config a, b;
	rl_uparam u[2];
	rl_mc_opts o;
	rl_robust rb;
	rl_mc_result *full = rl_mc_alloc(20000);
	double stated[2], xs[3] = {120, 290, 390};
	char err[256];
	int i;
	(void)state;
	linear_sides(&a, &b);
	/* linear: speedup x / 200 at three points */
	for (i = 0; i < 3; i++) {
		rl_config c = b;
		rl_result ra, rr;
		c.chip.peak_flops_fp8 = xs[i] * 1e12;
		assert_int_equal(rl_eval(&a, &ra), RL_OK);
		assert_int_equal(rl_eval(&c, &rr), RL_OK);
		NEAR(rr.total_tps / ra.total_tps, xs[i] / 200, 1e-6 * xs[i] / 200);
	}
	u[0] = tri("chip", "peak_tflops_fp8", 100, 300, 400);
	memset(&u[1], 0, sizeof u[1]);
	u[1].p = rl_param_find("chip", "link_gbps");
	u[1].side = 1;
	u[1].dist = RL_DIST_UNIFORM;
	u[1].a = 100;
	u[1].b = 900;
	u[1].lo = u[1].p->min;
	u[1].hi = u[1].p->max;
	stated[0] = rl_param_get(&b, u[0].p);
	stated[1] = rl_param_get(&b, u[1].p);
	NEAR(stated[0], 300, 1e-9);
	memset(&o, 0, sizeof o);
	o.samples = 20000;
	o.seed = 3;
	o.threads = 2;
	o.target = 1.6;
	assert_int_equal(rl_mc_record_all(full, 2), 0);
	assert_int_equal(rl_mc_run(&a, &b, u, 2, &o, full, err, sizeof err), 0);
	for (i = 0; i < 20000; i++)
		NEAR(full->speedup[i], full->drawn_all[2 * i] / 200,
		     1e-6 * full->speedup[i]);
	assert_int_equal(rl_mc_robust(&a, &b, u, 2, stated, &o, full, &rb, err,
	                              sizeof err), 0);
	assert_int_equal(rb.runs, 4);
	/* the mode is the stated value: in every narrowed range */
	assert_int_equal((int)rb.modes_held, 0);
	assert_int_equal(rb.mode_held_first, -1);
	NEAR(tri_tail(100, 300, 400, 320), 0.213333, 1e-6);
	NEAR(rb.all[0].prob_ge_target, tri_tail(100, 300, 400, 320), 0.012);
	NEAR(rb.all[1].prob_ge_target, tri_tail(200, 300, 350, 320), 0.01);
	NEAR(rb.all[2].prob_ge_target, tri_tail(250, 300, 325, 320), 0.004);
	assert_true(rb.all[3].prob_ge_target == 0);
	assert_true(rb.all[1].fraction == 0.5 && rb.all[3].fraction == 0.1);
	assert_int_equal(rb.all[3].samples, 20000);
	/* the median of (100, 300, 400): 100 + sqrt(300 x 200 / 2) = 273.2,
	** a speedup of 1.366; narrowed to a tenth (280, 300, 310): 280 +
	** sqrt(30 x 20 / 2) = 297.32, 1.4866 */
	NEAR(rb.all[0].p50, 1.366025, 0.01);
	NEAR(rb.all[3].p50, 1.486603, 0.004);
	/* the reweighted estimates at a tenth: the peak's 0 exactly (no
	** draw in 280-310 reaches 320), the link's the full run's P within
	** the noise; the peak moves it most and runs alone */
	assert_true(rb.alone[0] == 0);
	NEAR(rb.alone[1], rb.all[0].prob_ge_target, 0.02);
	assert_int_equal(rb.top, 0);
	assert_true(rb.top_row.prob_ge_target == 0);
	NEAR(rb.top_u.a, 280, 1e-9);
	NEAR(rb.top_u.c, 310, 1e-9);
	/* reweighting the full run to half and a quarter: the closed forms
	** (fewer samples weigh in: a wider tolerance) */
	NEAR(rl_mc_reweighted_prob(full, u, 2, 0, 300, 0.5, 1.6),
	     tri_tail(200, 300, 350, 320), 0.02);
	NEAR(rl_mc_reweighted_prob(full, u, 2, 0, 300, 0.25, 1.6),
	     tri_tail(250, 300, 325, 320), 0.008);
	/* at full width the weights are 1: the run's own P exactly */
	assert_true(rl_mc_reweighted_prob(full, u, 2, 0, 300, 1, 1.6) ==
	            full->prob_ge_target);
	/* stated outside the range: the narrowed one is not inside it */
	assert_true(isnan(rl_mc_reweighted_prob(full, u, 2, 0, 450, 0.5, 1.6)));
	/* a mode the narrowest range leaves out is held, and counted: (100,
	** 200, 400) stated 300 is (280, 280, 310) at a tenth, the mode 200
	** held to 280; the link's uniform has none */
	u[0] = tri("chip", "peak_tflops_fp8", 100, 200, 400);
	o.samples = 2000;
	{
		rl_mc_result *f2 = rl_mc_alloc(2000);
		assert_int_equal(rl_mc_record_all(f2, 2), 0);
		assert_int_equal(rl_mc_run(&a, &b, u, 2, &o, f2, err, sizeof err),
		                 0);
		assert_int_equal(rl_mc_robust(&a, &b, u, 2, stated, &o, f2, &rb,
		                              err, sizeof err), 0);
		assert_int_equal((int)rb.modes_held, 1);
		assert_int_equal(rb.mode_held_first, 0);
		/* (100, 280, 400) stated 300: 280 .. 310 at a tenth keeps it */
		u[0].b = 280;
		assert_int_equal(rl_mc_robust(&a, &b, u, 2, stated, &o, f2, &rb,
		                              err, sizeof err), 0);
		assert_int_equal((int)rb.modes_held, 0);
		rl_mc_free(f2);
	}
	/* a lognormal around a stated value of 0 cannot be narrowed in log
	** terms: 1, naming it, and no run made */
	u[1].dist = RL_DIST_LOGNORMAL;
	u[1].a = 450;
	u[1].b = 0.3;
	stated[1] = 0;
	assert_int_equal(rl_mc_robust(&a, &b, u, 2, stated, &o, full, &rb, err,
	                              sizeof err), 1);
	assert_int_equal(rb.runs, 0);
	assert_non_null(strstr(err, "b.chip.link_gbps"));
	rl_mc_free(full);
}

/* The linear model above with a normal assumption truncated far from its
** mean, where the old draw (64 redraws, then the nearer end) put a point
** mass at the end: b's peak N(300, 40) TFLOPS on [380, 500], stated 390,
** standard ends 2 and 5 (narrowing keeps them: the ends and the mean move
** alike), mass Q(2) - Q(5) = 0.0227501 - 0.0000003.  P(speedup >= 2) =
** P(x >= 400) = (Q(z) - Q(5)) / (Q(2) - Q(5)) with z = (400 - mean) / sd:
** as given z = 2.5, Q = 0.0062097: 0.27294; narrowed to half (mean 345,
** sd 20) z = 2.75, Q = 0.0029798: 0.13097; a quarter (367.5, 10) z =
** 3.25, Q = 0.00057703: 0.025351; a tenth (381, 4) z = 4.75: 0.000032.
** (The old draw left 0.977^65 = 22% of the samples at 380: 0.21 as
** given.)  20000 samples: standard error at most 0.0032. */
static void test_normal_closed_form(void **state)
{
	rl_config a, b;
	rl_uparam u[1];
	rl_mc_opts o;
	rl_robust rb;
	rl_mc_result *full = rl_mc_alloc(20000);
	double stated[1] = {390};
	char err[256];
	int i;
	(void)state;
	linear_sides(&a, &b);
	b.chip.peak_flops_fp8 = 390e12;
	memset(u, 0, sizeof u);
	u[0].p = rl_param_find("chip", "peak_tflops_fp8");
	u[0].side = 1;
	u[0].dist = RL_DIST_NORMAL;
	u[0].a = 300;
	u[0].b = 40;
	u[0].lo = 380;
	u[0].hi = 500;
	NEAR(rl_param_get(&b, u[0].p), stated[0], 1e-9);
	memset(&o, 0, sizeof o);
	o.samples = 20000;
	o.seed = 5;
	o.threads = 2;
	o.target = 2;
	assert_int_equal(rl_mc_record_all(full, 1), 0);
	assert_int_equal(rl_mc_run(&a, &b, u, 1, &o, full, err, sizeof err), 0);
	for (i = 0; i < 20000; i++) {
		assert_true(full->drawn_all[i] >= 380 && full->drawn_all[i] <= 500);
		NEAR(full->speedup[i], full->drawn_all[i] / 200,
		     1e-6 * full->speedup[i]);
	}
	assert_int_equal(rl_mc_robust(&a, &b, u, 1, stated, &o, full, &rb, err,
	                              sizeof err), 0);
	NEAR(rb.all[0].prob_ge_target, 0.27294, 0.015);
	NEAR(rb.all[1].prob_ge_target, 0.13097, 0.012);
	NEAR(rb.all[2].prob_ge_target, 0.025351, 0.006);
	NEAR(rb.all[3].prob_ge_target, 0.000032, 0.001);
	/* the reweighted estimates of the full run's draws: the same closed
	** forms (fewer samples weigh in: wider) */
	NEAR(rl_mc_reweighted_prob(full, u, 1, 0, 390, 0.5, 2), 0.13097, 0.025);
	NEAR(rl_mc_reweighted_prob(full, u, 1, 0, 390, 0.25, 2), 0.025351,
	     0.012);
	/* the density integrates to 1 over [380, 500] (trapezoid, 1200
	** steps), and the narrowed one over [385, 445] */
	{
		rl_uparam v;
		double sum = 0, h = 0.1;
		for (i = 0; i < 1200; i++)
			sum += h * (rl_uparam_pdf(&u[0], 380 + i * h) +
			            rl_uparam_pdf(&u[0], 380 + (i + 1) * h)) / 2;
		NEAR(sum, 1, 1e-4);
		assert_int_equal(rl_uparam_shrink(&u[0], 390, 0.5, &v), 0);
		NEAR(v.lo, 385, 1e-9);
		NEAR(v.hi, 445, 1e-9);
		sum = 0;
		h = 0.05;
		for (i = 0; i < 1200; i++)
			sum += h * (rl_uparam_pdf(&v, 385 + i * h) +
			            rl_uparam_pdf(&v, 385 + (i + 1) * h)) / 2;
		NEAR(sum, 1, 1e-4);
	}
	rl_mc_free(full);
}

/* The reweighting by hand on five draws (fuzz5's mutants: a sample
** not evaluated counted in the weights, a speedup equal to the target
** not counted as reaching it, where the Monte Carlo's own P(>= target)
** counts it).  u uniform (0, 10), stated 5, half: (2.5, 7.5), so the
** weight p'(x) / p(x) is 0.2 / 0.1 = 2 inside it, 0 outside.  Draws 1, 3,
** 4, 6, 8 with speedups 2, 1.5, not evaluated, 1, 2; target 1.5: the
** weights of 3 and 6 count (4's sample has no speedup), 3's reaches the
** target: P = 2 / (2 + 2) = 0.5. */
static void test_reweighted_by_hand(void **state)
{
	rl_mc_result *full = rl_mc_alloc(5);
	rl_uparam u;
	double x[5] = {1, 3, 4, 6, 8}, sp[5] = {2, 1.5, NAN, 1, 2};
	int i;
	(void)state;
	assert_non_null(full);
	assert_int_equal(rl_mc_record_all(full, 1), 0);
	memset(&u, 0, sizeof u);
	u.p = rl_param_find("chip", "hbm_tbps");
	u.side = 1;
	u.dist = RL_DIST_UNIFORM;
	u.a = 0;
	u.b = 10;
	u.lo = u.p->min;
	u.hi = u.p->max;
	full->samples = 5;
	for (i = 0; i < 5; i++) {
		full->drawn_all[i] = x[i];
		full->speedup[i] = sp[i];
	}
	NEAR(rl_mc_reweighted_prob(full, &u, 1, 0, 5, 0.5, 1.5), 0.5, 1e-15);
	/* at full width the weights are 1: 3 of the 4 evaluated reach it
	** (the draws 1, 3 and 8) */
	NEAR(rl_mc_reweighted_prob(full, &u, 1, 0, 5, 1, 1.5), 0.75, 1e-15);
	/* target 1.6: only the speedups of 2 reach it, both outside half */
	assert_true(rl_mc_reweighted_prob(full, &u, 1, 0, 5, 0.5, 1.6) == 0);
	rl_mc_free(full);
}

/* The reweighting of a normal assumption by hand on a few draws, each
** weight in closed form (the by-hand test above is of a uniform, whose
** weights are 2 or 0).  Narrowing maps a normal affinely (mcrobust.h), so
** its truncation's standard ends, and with them its mass, are the same
** before and after: the weight p'(x) / p(x) is the ratio of the two
** untruncated densities.
** (1) N(0, 1) on [-10, 10], stated 0, to half: N(0, 0.5) on [-5, 5];
**     w(x) = [phi(2x) x 2] / phi(x) = 2 exp(-1.5 x^2).  Draws 0, 1, -1, 2
**     with speedups 2, 1, 1, 2, target 1.5: P = (w(0) + w(2)) / (w(0) +
**     2 w(1) + w(2)) = (1 + e^-6) / (1 + 2 e^-1.5 + e^-6) = 0.6919664.
** (2) N(2, 1) on [0, 6], stated 0 (at the low end), to half: N(1, 0.5)
**     on [0, 3], standard ends -2 and 4 both; w(x) = 2 exp(-2 (x - 1)^2
**     + (x - 2)^2 / 2) on [0, 3], 0 past 3.  Draws 1, 2, 0.5, 4, 3 with
**     speedups 2, 1, 1, 2, 2, target 1.5: w = 2 e^0.5, 2 e^-2, 2 e^0.625,
**     0 (4 lies outside the narrowed range), 2 e^-7.5, so P = (e^0.5 +
**     e^-7.5) / (e^0.5 + e^-2 + e^0.625 + e^-7.5) = 0.4515028.  At full
**     width every weight is 1: 3 of the 5 reach it, 0.6.  The truncated
**     densities by hand, mass Phi(4) - Phi(-2) = 0.9772182: the given one
**     at its mean 1 / (sqrt(2 pi) 0.9772182) = 0.4082428, the narrowed
**     one at its mean twice that, 0.8164856, and 0 past either's end. */
static void test_reweighted_normal_by_hand(void **state)
{
	rl_mc_result *full = rl_mc_alloc(5);
	rl_uparam u, v;
	double x1[4] = {0, 1, -1, 2}, s1[4] = {2, 1, 1, 2};
	double x2[5] = {1, 2, 0.5, 4, 3}, s2[5] = {2, 1, 1, 2, 2};
	int i;
	(void)state;
	assert_non_null(full);
	assert_int_equal(rl_mc_record_all(full, 1), 0);
	memset(&u, 0, sizeof u);
	u.p = rl_param_find("chip", "hbm_tbps");
	u.side = 1;
	u.dist = RL_DIST_NORMAL;
	u.a = 0;
	u.b = 1;
	u.lo = -10;
	u.hi = 10;
	full->samples = 4;
	for (i = 0; i < 4; i++) {
		full->drawn_all[i] = x1[i];
		full->speedup[i] = s1[i];
	}
	NEAR(rl_mc_reweighted_prob(full, &u, 1, 0, 0, 0.5, 1.5),
	     (1 + exp(-6)) / (1 + 2 * exp(-1.5) + exp(-6)), 1e-12);
	NEAR(rl_mc_reweighted_prob(full, &u, 1, 0, 0, 0.5, 1.5), 0.6919664,
	     1e-7);
	/* (2): off its mean, truncated */
	u.a = 2;
	u.lo = 0;
	u.hi = 6;
	full->samples = 5;
	for (i = 0; i < 5; i++) {
		full->drawn_all[i] = x2[i];
		full->speedup[i] = s2[i];
	}
	NEAR(rl_mc_reweighted_prob(full, &u, 1, 0, 0, 0.5, 1.5),
	     (exp(0.5) + exp(-7.5)) /
	         (exp(0.5) + exp(-2) + exp(0.625) + exp(-7.5)),
	     1e-12);
	NEAR(rl_mc_reweighted_prob(full, &u, 1, 0, 0, 0.5, 1.5), 0.4515028,
	     1e-7);
	NEAR(rl_mc_reweighted_prob(full, &u, 1, 0, 0, 1, 1.5), 0.6, 1e-15);
	assert_int_equal(rl_uparam_shrink(&u, 0, 0.5, &v), 0);
	NEAR(v.a, 1, 1e-15);
	NEAR(v.b, 0.5, 1e-15);
	NEAR(v.lo, 0, 1e-15);
	NEAR(v.hi, 3, 1e-15);
	NEAR(rl_uparam_pdf(&u, 2), 0.4082428, 1e-7);
	NEAR(rl_uparam_pdf(&v, 1), 0.8164856, 1e-7);
	assert_true(rl_uparam_pdf(&v, 3.5) == 0);
	assert_true(rl_uparam_pdf(&u, -0.5) == 0);
	rl_mc_free(full);
}

/* The linear model of test_linear_closed_form with side a's peak
** uncertain too: x_b triangular (100, 300, 400) stated 300, x_a uniform
** (150, 250) stated 200, the speedup x_b / x_a.  By hand (P(x_b >= t) of
** the triangle: 1 - (t - 100)^2 / 60000 below the mode, (400 - t)^2 /
** 30000 above it, t = 1.6 x_a uniform on 240..400):
**   full width  (60 - 29.2 + 11.111) / 160 = 0.26194
**   x_b alone at a tenth, (280, 300, 310): x_b / 1.6 in 175..193.75, inside
**     x_a's range, so P = (E[x_b] / 1.6 - 150) / 100 = (296.667 / 1.6 -
**     150) / 100 = 0.35417, a move of 0.092
**   x_a alone at a tenth, (195, 205): t in 312..328, P = (88^3 - 72^3) /
**     (3 x 30000 x 16) = 0.21404, a move of 0.048
**   both at a tenth: x_b / 1.6 <= 193.75 < 195: P = 0 exactly
** so side b's peak moves P most, and its own run, the others as given,
** is 0.354 (fuzz5's mutant that ran it with every range narrowed gave
** 0).  Where no range moves P at all (target 10: no sample reaches it,
** narrowed or not) none is named and no run is made alone (the mutant
** taking the first move of 0 as the largest named one). */
static void test_two_ranges_top(void **state)
{
	rl_config a, b;
	rl_uparam u[2];
	rl_mc_opts o;
	rl_robust rb;
	rl_mc_result *full = rl_mc_alloc(20000);
	double stated[2];
	char err[256];
	(void)state;
	fx_h100_ideal(&a);
	a.chip.hbm_Bps = 1e18;
	a.chip.peak_flops_fp8 = 200e12;
	a.chip.peak_flops_bf16 = 1e20;
	a.scen.isl = 2048;
	a.scen.osl = 128;
	b = a;
	b.chip.peak_flops_fp8 = 300e12;
	u[0] = tri("chip", "peak_tflops_fp8", 100, 300, 400);
	memset(&u[1], 0, sizeof u[1]);
	u[1].p = u[0].p;
	u[1].side = 0;
	u[1].dist = RL_DIST_UNIFORM;
	u[1].a = 150;
	u[1].b = 250;
	u[1].lo = u[1].p->min;
	u[1].hi = u[1].p->max;
	stated[0] = rl_param_get(&b, u[0].p);
	stated[1] = rl_param_get(&a, u[1].p);
	NEAR(stated[1], 200, 1e-9);
	memset(&o, 0, sizeof o);
	o.samples = 20000;
	o.seed = 5;
	o.threads = 2;
	o.target = 1.6;
	assert_int_equal(rl_mc_record_all(full, 2), 0);
	assert_int_equal(rl_mc_run(&a, &b, u, 2, &o, full, err, sizeof err), 0);
	assert_int_equal(rl_mc_robust(&a, &b, u, 2, stated, &o, full, &rb, err,
	                              sizeof err), 0);
	NEAR(rb.all[0].prob_ge_target, 0.26194, 0.012);
	assert_true(rb.all[3].prob_ge_target == 0);
	NEAR(rb.alone[0], 0.35417, 0.015);
	NEAR(rb.alone[1], 0.21404, 0.015);
	assert_int_equal(rb.top, 0);
	assert_int_equal(rb.runs, 4);
	NEAR(rb.top_row.prob_ge_target, 0.35417, 0.012);
	/* no range moves P: none named, three runs */
	o.target = 10;
	assert_int_equal(rl_mc_run(&a, &b, u, 2, &o, full, err, sizeof err), 0);
	assert_true(full->prob_ge_target == 0);
	assert_int_equal(rl_mc_robust(&a, &b, u, 2, stated, &o, full, &rb, err,
	                              sizeof err), 0);
	assert_true(rb.alone[0] == 0 && rb.alone[1] == 0);
	assert_int_equal(rb.top, -1);
	assert_int_equal(rb.runs, 3);
	rl_mc_free(full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shrink_arithmetic),
	    cmocka_unit_test(test_pdf),
	    cmocka_unit_test(test_linear_closed_form),
	    cmocka_unit_test(test_normal_closed_form),
	    cmocka_unit_test(test_reweighted_by_hand),
	    cmocka_unit_test(test_reweighted_normal_by_hand),
	    cmocka_unit_test(test_two_ranges_top),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
