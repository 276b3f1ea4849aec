/*
** solve.c: one parameter's value at which a metric reaches a target
** (solve.h).  A grid over the range (log-spaced when it spans decades)
** finds the first sign change of log(metric / target), then GSL's Brent
** solver narrows it to a relative 1e-12.  The grid also tells, when there
** is no crossing, which bound stops the target.  A whole-number parameter
** (RL_PT_INT: HBM stacks, dies, a parallel degree) is tried at whole
** numbers only, and its answer is the first whole number that reaches the
** target, where "7.22 stacks" named a package no one can build.  Where the
** values that can be evaluated end between two grid points, the edge is
** found by bisection (evaluable_edges).
*/
#include "figtext.h"
#include "numtext.h"
#include "solve.h"
#include "status.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define GRID 97

typedef struct {
	rl_config cfg;
	const rl_param *p;
	rl_metric_fn m;
	void *ud;
	double target;
	double fallback; /* returned where the metric cannot be evaluated */
} solve_ctx;

/* log(metric / target) at display value x; NAN where not evaluable */
static double g_at(solve_ctx *c, double x)
{
	double v;
	*rl_param_ptr(&c->cfg, c->p) = x * c->p->scale;
	if (c->m(&c->cfg, c->ud, &v) != 0 || !(v > 0) || !isfinite(v))
		return NAN;
	return log(v / c->target);
}

static double g_gsl(double x, void *ud)
{
	solve_ctx *c = ud;
	double g = g_at(c, x);
	return isfinite(g) ? g : c->fallback;
}

static void grid_points(double lo, double hi, int whole, double *x)
{
	int i;
	if (whole) {
		/* every whole number where the range holds at most GRID of them,
		** else the grid below rounded (log-spaced points may repeat) */
		double a = ceil(lo), b = floor(hi);
		if (b - a + 1 <= GRID) {
			for (i = 0; i < GRID; i++)
				x[i] = a + (i < b - a ? i : b - a);
			return;
		}
		grid_points(a, b, 0, x);
		for (i = 0; i < GRID; i++)
			x[i] = round(x[i]);
		return;
	}
	int logs = hi > 0 && (lo <= 0 || hi / lo >= 100);
	double l0 = lo > 0 ? lo : hi * 1e-7;
	for (i = 0; i < GRID; i++) {
		double t = (double)i / (GRID - 1);
		x[i] = logs ? l0 * pow(hi / l0, t) : lo + (hi - lo) * t;
	}
	if (logs && lo <= 0)
		x[0] = lo; /* the bound itself, if it can be evaluated */
	x[GRID - 1] = hi;
}

/* Where the values that can be evaluated end between two grid points (a
** MAC share past which the die's shares pass 1, a TDP under which the
** chip cannot run), the edge itself, to a relative 1e-12 by bisection
** (of the logarithm where both points are positive), takes the place of
** the point that cannot be evaluated: the grid's last evaluable point
** read as "the most its range allows" (sohu-design's MAC share "even at
** 43%" where 50% passes, and reaches 20x there).  An edge at 0 (a range
** from 0, where a log grid begins) is left as the grid has it; of a gap
** of one point the lower edge is taken. */
static void evaluable_edges(solve_ctx *c, double *x, double *g)
{
	int ok[GRID], i, k, taken = -1;
	for (i = 0; i < GRID; i++)
		ok[i] = isfinite(g[i]);
	for (i = 0; i + 1 < GRID; i++) {
		/* a: the evaluable side, b: the other */
		int ia = ok[i] ? i : i + 1, ib = ok[i] ? i + 1 : i;
		double a = x[ia], b = x[ib], ga = g[ia];
		int lg;
		if (ok[i] == ok[i + 1] || ib == taken || a == b ||
		    (i > 0 && x[i] == x[i - 1]) || x[i + 1] == x[i] ||
		    !(a != 0 && b != 0) || !isfinite(a) || !isfinite(b))
			continue;
		/* (a repeated point is NAN by the grid's rule, not a limit) */
		if (i + 2 < GRID && x[i + 2] == x[i + 1])
			continue;
		lg = a > 0 && b > 0;
		for (k = 0; k < 200 && fabs(b - a) > 1e-12 * fabs(a); k++) {
			double mid = lg ? sqrt(a) * sqrt(b) : 0.5 * (a + b), gm;
			if (mid == a || mid == b)
				break;
			gm = g_at(c, mid);
			if (isfinite(gm)) {
				a = mid;
				ga = gm;
			} else
				b = mid;
		}
		if (a == x[ia])
			continue;
		x[ib] = a;
		g[ib] = ga;
		taken = ib;
	}
}

int rl_solve(const rl_config *base, const rl_param *p, double lo, double hi,
             rl_metric_fn m, void *ud, double target, rl_solve_result *res,
             char *err, size_t errlen)
{
	solve_ctx c;
	double x[GRID], g[GRID];
	int i, cross = -1, nval = 0, ibest = -1, imin = -1;
	char name[160];

	memset(res, 0, sizeof *res);
	res->value = NAN;
	res->metric = NAN;
	res->best_at = NAN;
	snprintf(name, sizeof name, "%s.%s", p->section, p->key);
	if (p->type == RL_PT_ENUM || p->type == RL_PT_BOOL) {
		snprintf(err, errlen, "%s is a choice, not a number: it cannot "
		         "be solved for", name);
		return -1;
	}
	if (!(target > 0) || !isfinite(target)) {
		snprintf(err, errlen, "the target must be a positive number");
		return -1;
	}
	if (lo > hi) {
		lo = p->min;
		hi = p->max;
	}
	res->lo = lo;
	res->hi = hi;
	memset(&c, 0, sizeof c);
	c.cfg = *base;
	c.p = p;
	c.m = m;
	c.ud = ud;
	c.target = target;

	grid_points(lo, hi, p->type == RL_PT_INT, x);
	for (i = 0; i < GRID; i++)
		/* a point repeated (a whole-number grid's) counts once, so that
		** the first and last evaluable points are the range's ends */
		g[i] = i > 0 && x[i] == x[i - 1] ? NAN : g_at(&c, x[i]);
	if (p->type != RL_PT_INT)
		evaluable_edges(&c, x, g);
	for (i = 0; i < GRID; i++) {
		if (!isfinite(g[i]))
			continue;
		nval++;
		if (ibest < 0 || g[i] > g[ibest])
			ibest = i;
		if (imin < 0 || g[i] < g[imin])
			imin = i;
	}
	for (i = 0; i + 1 < GRID && cross < 0; i++) {
		int j = i + 1;
		if (!isfinite(g[i]))
			continue;
		while (j < GRID && !isfinite(g[j]))
			j++;
		if (j < GRID && ((g[i] < 0) != (g[j] < 0) || g[i] == 0))
			cross = i;
	}
	if (nval == 0) {
		char lt[32], ht[32];
		snprintf(res->reason, sizeof res->reason,
		         "no value of %s in [%s, %s] can be evaluated", name,
		         rl_number_write(lo, lt, sizeof lt),
		         rl_number_write(hi, ht, sizeof ht));
		return 0;
	}
	if (cross < 0) {
		/* (at or above: the target is a floor; g = 0, m() at the target,
		** is met.  Here only at the last point: a 0 before another point
		** is a crossing) */
		int all_above = g[imin] >= 0;
		int at = all_above ? imin : ibest;
		int first = 0, last = GRID - 1;
		while (!isfinite(g[first]))
			first++;
		while (!isfinite(g[last]))
			last--;
		/* a plateau reaching a bound counts as that bound: more (or
		** less) of the parameter no longer helps */
		if (!all_above && at != last && fabs(g[last] - g[at]) < 1e-9)
			res->bound = 1;
		else if (!all_above && at != first && fabs(g[first] - g[at]) < 1e-9)
			res->bound = -1;
		else
			res->bound = at == last ? 1 : at == first ? -1 : 0;
		res->best_at = x[at];
		res->metric = target * exp(g[at]);
		/* met everywhere: the target is a floor, and every value of
		** the range is at or above it (no bound stops anything) */
		if (all_above) {
			res->feasible = 1;
			res->met_all = 1;
			res->bound = 0;
		}
		res->saturated = res->bound && !all_above &&
		                 at != (res->bound > 0 ? last : first);
		/* the target and the range's bounds in all their digits
		** (rl_number_write: 10000000, where %g wrote 1e+07), the
		** metric and a point of the scan as figures (rl_fig_text), the
		** metric with the digits that show it on the target's side
		** (rl_fig_text_target: 19.97 short of 20, where 20.0 read as
		** reached and rl_fig_text_side's 19.9 further short than it
		** is, as the heatmap's "reached nowhere") */
		char tg[32], mt[32], xa[32], bd[32];
		rl_number_write(target, tg, sizeof tg);
		rl_fig_text_target(mt, sizeof mt, res->metric, target, 0);
		rl_fig_text(xa, sizeof xa, x[at]);
		if (all_above)
			snprintf(res->reason, sizeof res->reason,
			         "met over the whole range of %s (at or above the "
			         "target %s everywhere): lowest %s at %s", name, tg,
			         mt, xa);
		else if (res->saturated)
			snprintf(res->reason, sizeof res->reason,
			         "infeasible: saturates at %s for %s %s %s (up "
			         "to the %s bound %s): other limits bind (target %s)",
			         mt, name, res->bound > 0 ? ">=" : "<=", xa,
			         res->bound > 0 ? "upper" : "lower",
			         rl_number_write(res->bound > 0 ? x[last] : x[first],
			                         bd, sizeof bd), tg);
		else if (res->bound)
			snprintf(res->reason, sizeof res->reason,
			         "infeasible: the %s bound %s = %s stops it at %s "
			         "(target %s)", res->bound > 0 ? "upper" : "lower",
			         name, rl_number_write(x[at], bd, sizeof bd), mt, tg);
		else
			snprintf(res->reason, sizeof res->reason,
			         "infeasible: at most %s, at %s = %s, inside the "
			         "range (target %s)", mt, name, xa, tg);
		return 0;
	}
	{
		int j = cross + 1, status, it = 0;
		double a, b, r = x[cross];
		const gsl_root_fsolver_type *T = gsl_root_fsolver_brent;
		gsl_root_fsolver *s;
		gsl_function F;
		while (!isfinite(g[j]))
			j++;
		a = x[cross];
		b = x[j];
		res->direction = g[j] > g[cross] ? 1 : -1;
		if (g[cross] == 0) {
			r = a;
		} else if (g[j] != 0) {
			/* GSL's errors come back as status, not an abort, while
			** the caller's handler is set aside */
			gsl_error_handler_t *old = gsl_set_error_handler_off();
			c.fallback = g[cross];
			F.function = g_gsl;
			F.params = &c;
			s = gsl_root_fsolver_alloc(T);
			if (!s) {
				gsl_set_error_handler(old);
				snprintf(err, errlen, "out of memory");
				return RL_EINTERNAL;
			}
			gsl_root_fsolver_set(s, &F, a, b);
			do {
				it++;
				status = gsl_root_fsolver_iterate(s);
				if (status != GSL_SUCCESS)
					break;
				r = gsl_root_fsolver_root(s);
				a = gsl_root_fsolver_x_lower(s);
				b = gsl_root_fsolver_x_upper(s);
				status = gsl_root_test_interval(a, b, 0, 1e-12);
			} while (status == GSL_CONTINUE && it < 200);
			gsl_root_fsolver_free(s);
			gsl_set_error_handler(old);
		} else {
			r = b;
		}
		/* a whole number: the first past the root on the side that
		** reaches the target (at least: up; at most: down), else the
		** grid's whole number on that side, which reaches it */
		if (p->type == RL_PT_INT) {
			int rising = g[j] > g[cross];
			double w = rising ? ceil(r) : floor(r);
			double gw = g_at(&c, w);
			r = isfinite(gw) && gw >= 0 ? w : rising ? x[j] : x[cross];
		}
		res->iterations = it;
		res->feasible = 1;
		res->value = r;
		res->metric = target * exp(g_at(&c, r));
		{
			/* the value by eval's rule, rounded toward the side
			** that still reaches the target (rl_fig_text_dir:
			** ">= 3.66" of 3.65817), where %.6g wrote 3.65817 and
			** from 1e6 1.23457e+06 */
			char tg[32], rv[32];
			snprintf(res->reason, sizeof res->reason,
			         "reaches %s at %s %s %s",
			         rl_number_write(target, tg, sizeof tg), name,
			         res->direction > 0 ? ">=" : "<=",
			         rl_fig_text_dir(rv, sizeof rv, r, res->direction));
		}
	}
	return 0;
}
