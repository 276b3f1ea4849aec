/*
** mcrobust.c: the Monte Carlo with its ranges narrowed toward the stated
** values, and which one range moves P(>= target) most (mcrobust.h).
*/
#include "mcrobust.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const double rl_robust_fraction[RL_ROBUST_FRACTIONS] = {1, 0.5, 0.25, 0.1};

/* x moved toward s to fraction f of its distance */
static double toward(double s, double x, double f)
{
	return s + f * (x - s);
}

/* the same in log terms (x, s > 0); 0 stays 0, a non-finite end stays */
static double toward_log(double s, double x, double f)
{
	if (!(x > 0) || !isfinite(x))
		return x;
	return s * pow(x / s, f);
}

int rl_uparam_shrink(const rl_uparam *u, double stated, double f,
                     rl_uparam *out)
{
	*out = *u;
	if (!(f >= 0 && f <= 1) || !isfinite(stated))
		return -1;
	/* as given, to the bit (s + (x - s) need not give x back) */
	if (f == 1)
		return u->dist >= 0 && u->dist < RL_DIST_COUNT &&
		       (u->dist != RL_DIST_LOGNORMAL || stated > 0) ? 0 : -1;
	switch (u->dist) {
	case RL_DIST_UNIFORM:
		out->a = toward(stated, u->a, f);
		out->b = toward(stated, u->b, f);
		return 0;
	case RL_DIST_TRIANGULAR:
		out->a = toward(stated, u->a, f);
		out->c = toward(stated, u->c, f);
		/* the mode kept where it lies inside, else the nearest end */
		out->b = u->b < out->a ? out->a : u->b > out->c ? out->c : u->b;
		return 0;
	case RL_DIST_NORMAL:
		out->a = toward(stated, u->a, f);
		out->b = f * u->b;
		out->lo = toward(stated, u->lo, f);
		out->hi = toward(stated, u->hi, f);
		return 0;
	case RL_DIST_LOGNORMAL:
		if (!(stated > 0))
			return -1;
		out->a = toward_log(stated, u->a, f);
		out->b = f * u->b;
		out->lo = toward_log(stated, u->lo, f);
		out->hi = toward_log(stated, u->hi, f);
		return 0;
	default:
		return -1;
	}
}

double rl_uparam_pdf(const rl_uparam *u, double x)
{
	double lo = u->lo, hi = u->hi, mass;
	switch (u->dist) {
	case RL_DIST_UNIFORM:
		if (!(u->b > u->a))
			return NAN;
		return x >= u->a && x <= u->b ? 1 / (u->b - u->a) : 0;
	case RL_DIST_TRIANGULAR: {
		double l = u->a, m = u->b, h = u->c;
		if (!(h > l))
			return NAN;
		if (x < l || x > h)
			return 0;
		if (x < m)
			return 2 * (x - l) / ((h - l) * (m - l));
		if (x > m)
			return 2 * (h - x) / ((h - l) * (h - m));
		return 2 / (h - l);
	}
	case RL_DIST_NORMAL:
		if (!(u->b > 0))
			return NAN;
		if (x < lo || x > hi)
			return 0;
		mass = rl_uparam_mass(u);
		return mass > 0 ? gsl_ran_gaussian_pdf(x - u->a, u->b) / mass : NAN;
	case RL_DIST_LOGNORMAL:
		if (!(u->b > 0) || !(u->a > 0))
			return NAN;
		if (x < lo || x > hi || !(x > 0))
			return 0;
		mass = rl_uparam_mass(u);
		return mass > 0 ? gsl_ran_lognormal_pdf(x, log(u->a), u->b) / mass
		                : NAN;
	default:
		return NAN;
	}
}

/* 1 when the narrowed distribution v of u puts no mass where u has none
** (its range inside u's): the reweighting can read it from u's draws. */
static int inside(const rl_uparam *u, const rl_uparam *v)
{
	double l0, h0, l1, h1;
	switch (u->dist) {
	case RL_DIST_UNIFORM:
		l0 = u->a, h0 = u->b, l1 = v->a, h1 = v->b;
		break;
	case RL_DIST_TRIANGULAR:
		l0 = u->a, h0 = u->c, l1 = v->a, h1 = v->c;
		break;
	default:
		l0 = u->lo, h0 = u->hi, l1 = v->lo, h1 = v->hi;
	}
	return l1 >= l0 && h1 <= h0;
}

double rl_mc_reweighted_prob(const rl_mc_result *full, const rl_uparam *u,
                             size_t nu, size_t k, double stated, double f,
                             double target)
{
	rl_uparam v;
	size_t i;
	double sw = 0, sge = 0;
	if (!full || !full->drawn_all || full->drawn_nu != nu || k >= nu ||
	    rl_uparam_shrink(&u[k], stated, f, &v) || !inside(&u[k], &v))
		return NAN;
	for (i = 0; i < full->samples; i++) {
		double x = full->drawn_all[i * nu + k], p, q, w;
		if (!isfinite(full->speedup[i]))
			continue;
		p = rl_uparam_pdf(&u[k], x);
		q = rl_uparam_pdf(&v, x);
		if (!isfinite(p) || !isfinite(q))
			return NAN;
		/* where the given density is 0 (an end of a triangle) the draw
		** has probability 0: no weight */
		w = p > 0 ? q / p : 0;
		sw += w;
		if (full->speedup[i] >= target)
			sge += w;
	}
	return sw > 0 ? sge / sw : NAN;
}

static void row_of(const rl_mc_result *r, double f, rl_robust_row *row)
{
	row->fraction = f;
	row->samples = r->samples;
	row->valid = r->valid;
	row->p05 = r->p05;
	row->p50 = r->p50;
	row->p95 = r->p95;
	row->prob_ge_target = r->prob_ge_target;
}

int rl_mc_robust(const rl_config *a, const rl_config *b, const rl_uparam *u,
                 size_t nu, const double *stated, const rl_mc_opts *o,
                 const rl_mc_result *full, rl_robust *out, char *err,
                 size_t errlen)
{
	rl_uparam *v;
	rl_mc_result *r;
	size_t i, k;
	double f, p0, best = 0;
	memset(out, 0, sizeof *out);
	out->top = -1;
	if (nu > RL_ROBUST_MAXU) {
		snprintf(err, errlen, "more than %d uncertain parameters",
		         RL_ROBUST_MAXU);
		return -1;
	}
	if (!full->drawn_all || full->drawn_nu != nu) {
		snprintf(err, errlen, "the Monte Carlo kept not every draw");
		return -1;
	}
	/* a range that cannot be narrowed (a lognormal around a stated value
	** of 0 or less): none of it is run, said so (1) */
	for (k = 0; k < nu; k++) {
		rl_uparam t;
		if (rl_uparam_shrink(&u[k], stated[k], 0.5, &t)) {
			snprintf(err, errlen, "%c.%s.%s: a %s range cannot be "
			         "narrowed toward its stated value %g",
			         u[k].side ? 'b' : 'a', u[k].p->section, u[k].p->key,
			         rl_dist_name(u[k].dist), stated[k]);
			return 1;
		}
	}
	out->nu = nu;
	out->mode_held_first = -1;
	for (k = 0; k < nu; k++) {
		rl_uparam t;
		rl_uparam_shrink(&u[k], stated[k],
		                 rl_robust_fraction[RL_ROBUST_FRACTIONS - 1], &t);
		if (u[k].dist == RL_DIST_TRIANGULAR && t.b != u[k].b) {
			if (!out->modes_held++)
				out->mode_held_first = (long)k;
		}
	}
	row_of(full, 1, &out->all[0]);
	p0 = full->prob_ge_target;
	f = rl_robust_fraction[RL_ROBUST_FRACTIONS - 1];
	for (k = 0; k < nu; k++) {
		out->alone[k] = rl_mc_reweighted_prob(full, u, nu, k, stated[k], f,
		                                      o->target);
		/* the largest move, the first of equals */
		if (isfinite(out->alone[k]) && fabs(out->alone[k] - p0) > best) {
			best = fabs(out->alone[k] - p0);
			out->top = (long)k;
		}
	}
	v = malloc((nu ? nu : 1) * sizeof *v);
	r = rl_mc_alloc(o->samples);
	if (!v || !r) {
		free(v);
		rl_mc_free(r);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 1; i < RL_ROBUST_FRACTIONS; i++) {
		f = rl_robust_fraction[i];
		for (k = 0; k < nu; k++)
			if (rl_uparam_shrink(&u[k], stated[k], f, &v[k])) {
				/* (refused above already) */
				snprintf(err, errlen, "%s.%s: its range cannot be "
				         "narrowed", u[k].p->section, u[k].p->key);
				goto fail;
			}
		if (rl_mc_run(a, b, v, nu, o, r, err, errlen))
			goto fail;
		out->runs++;
		row_of(r, f, &out->all[i]);
	}
	if (out->top >= 0) {
		memcpy(v, u, nu * sizeof *v);
		k = (size_t)out->top;
		/* shrinkable: its estimate was a number */
		rl_uparam_shrink(&u[k], stated[k], f, &v[k]);
		out->top_u = v[k];
		if (rl_mc_run(a, b, v, nu, o, r, err, errlen))
			goto fail;
		out->runs++;
		row_of(r, f, &out->top_row);
	}
	free(v);
	rl_mc_free(r);
	return 0;
fail:
	free(v);
	rl_mc_free(r);
	return -1;
}
