/*
** montecarlo.c: speedup quantiles, probability of a target, physics
** violations and the tornado table (montecarlo.h).  The sampling loop
** calls rl_eval() directly: no I/O, no allocation per sample.
*/
#include "montecarlo.h"

#include "mapsearch.h"
#include "silicon.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STREAMS 16
#define STR_(x) #x
#define STR(x) STR_(x)

static const char *const dist_names[] = {"uniform", "triangular", "normal",
                                         "lognormal"};

const char *rl_dist_name(int d)
{
	return d >= 0 && d < RL_DIST_COUNT ? dist_names[d] : "?";
}

int rl_dist_find(const char *name)
{
	int i;
	for (i = 0; i < RL_DIST_COUNT; i++)
		if (!strcmp(dist_names[i], name))
			return i;
	return -1;
}

int rl_uparam_check(const rl_uparam *u, char *err, size_t errlen)
{
	const char *what = NULL;
	double mass;
	switch (u->dist) {
	case RL_DIST_UNIFORM:
		if (!(u->a <= u->b))
			what = "uniform needs low <= high";
		break;
	case RL_DIST_TRIANGULAR:
		if (!(u->a <= u->b && u->b <= u->c))
			what = "triangular needs low <= mode <= high";
		break;
	case RL_DIST_NORMAL:
		if (!(u->b >= 0))
			what = "normal needs sd >= 0";
		break;
	case RL_DIST_LOGNORMAL:
		if (!(u->a > 0) || !(u->b >= 0))
			what = "lognormal needs median > 0 and sigma >= 0";
		break;
	default:
		what = "unknown distribution";
	}
	if (!what && !(u->lo <= u->hi))
		what = "the truncation range is empty";
	if (!what && (!isfinite(u->a) || !isfinite(u->b) || !isfinite(u->c)))
		what = "non-finite number";
	if (what) {
		snprintf(err, errlen, "%s.%s: %s", u->p->section, u->p->key, what);
		return -1;
	}
	mass = rl_uparam_mass(u);
	if (!(mass >= RL_UPARAM_MIN_MASS)) {
		snprintf(err, errlen, "%s.%s: the truncation keeps %.3g of the %s's "
		         "probability, under the " STR(RL_UPARAM_MIN_MASS)
		         " allowed", u->p->section, u->p->key, mass,
		         rl_dist_name(u->dist));
		return -1;
	}
	return 0;
}

/* A normal's (a lognormal's in log terms) truncation ends as standard
** normal ones, -INFINITY or INFINITY where open; 0 where its spread is 0
** (a point: see point_at). */
static int std_ends(const rl_uparam *u, double *al, double *be)
{
	double c, s = u->b;
	if (!(s > 0))
		return 0;
	if (u->dist == RL_DIST_NORMAL) {
		*al = (u->lo - u->a) / s;
		*be = (u->hi - u->a) / s;
		return 1;
	}
	c = log(u->a);
	*al = u->lo > 0 ? (log(u->lo) - c) / s : -INFINITY;
	*be = u->hi > 0 ? (log(u->hi) - c) / s : -INFINITY;
	return 1;
}

/* The standard normal's probability between al and be; *pa and *qb its
** tails below al and above be.  Read from the tail each end lies in, so
** that a truncation far above (or below) the center keeps its precision
** (1 - P rounds to 0 past about 8 sd). */
static double std_mass(double al, double be, double *pa, double *qb)
{
	*pa = gsl_cdf_ugaussian_P(al);
	*qb = gsl_cdf_ugaussian_Q(be);
	if (!(al < be))
		return 0;
	if (al >= 0)
		return gsl_cdf_ugaussian_Q(al) - *qb;
	if (be <= 0)
		return gsl_cdf_ugaussian_P(be) - *pa;
	return 1 - *pa - *qb;
}

/* The standard normal truncated to [al, be] (mass m > 0, tails pa, qb):
** its q-quantile, by the inverse CDF of the tail the point lies in. */
static double std_quantile(double al, double be, double m, double pa,
                           double qb, double q)
{
	double z;
	if (al >= 0)
		z = gsl_cdf_ugaussian_Qinv(qb + (1 - q) * m);
	else if (be <= 0 || pa + q * m <= 0.5)
		z = gsl_cdf_ugaussian_Pinv(pa + q * m);
	else
		z = gsl_cdf_ugaussian_Qinv(qb + (1 - q) * m);
	return z < al ? al : z > be ? be : z;
}

/* A normal's or lognormal's center held to [lo, hi]: the point of one of
** spread 0, and the fallback of one with no mass inside (which
** rl_uparam_check refuses). */
static double point_at(const rl_uparam *u)
{
	return u->a < u->lo ? u->lo : u->a > u->hi ? u->hi : u->a;
}

double rl_uparam_mass(const rl_uparam *u)
{
	double al, be, pa, qb;
	if (u->dist != RL_DIST_NORMAL && u->dist != RL_DIST_LOGNORMAL)
		return 1;
	if (!std_ends(u, &al, &be))
		return u->a >= u->lo && u->a <= u->hi ? 1 : 0;
	return std_mass(al, be, &pa, &qb);
}

double rl_uparam_quantile(const rl_uparam *u, double q)
{
	double al, be, pa, qb, m, z, x;
	if (!(q >= 0 && q <= 1))
		return NAN;
	switch (u->dist) {
	case RL_DIST_UNIFORM:
		return u->a + (u->b - u->a) * q;
	case RL_DIST_TRIANGULAR: {
		double lo = u->a, mo = u->b, hi = u->c;
		if (hi <= lo)
			return lo;
		if (q < (mo - lo) / (hi - lo))
			return lo + sqrt(q * (hi - lo) * (mo - lo));
		return hi - sqrt((1 - q) * (hi - lo) * (hi - mo));
	}
	case RL_DIST_NORMAL:
	case RL_DIST_LOGNORMAL:
		break;
	default:
		return NAN;
	}
	if (!std_ends(u, &al, &be))
		return point_at(u);
	m = std_mass(al, be, &pa, &qb);
	if (!(m > 0))
		return point_at(u);
	z = std_quantile(al, be, m, pa, qb, q);
	x = u->dist == RL_DIST_NORMAL ? u->a + u->b * z : u->a * exp(u->b * z);
	/* the rounding of the last step kept inside */
	return x < u->lo ? u->lo : x > u->hi ? u->hi : x;
}

double rl_uparam_draw(const rl_uparam *u, gsl_rng *r)
{
	/* uniform and triangular: one draw in [0, 1), as ever; a normal or
	** lognormal one in (0, 1), its quantile of the truncated distribution
	** (0 and 1 would be the ends themselves, possibly infinite) */
	if (u->dist == RL_DIST_UNIFORM || u->dist == RL_DIST_TRIANGULAR)
		return rl_uparam_quantile(u, gsl_rng_uniform(r));
	return rl_uparam_quantile(u, gsl_rng_uniform_pos(r));
}

void rl_uparam_range(const rl_uparam *u, double *low, double *high)
{
	switch (u->dist) {
	case RL_DIST_UNIFORM:
		*low = u->a;
		*high = u->b;
		break;
	case RL_DIST_TRIANGULAR:
		*low = u->a;
		*high = u->c;
		break;
	default:
		/* of the truncated distribution: a center outside [lo, hi]
		** keeps both inside it, low below high */
		*low = rl_uparam_quantile(u, 0.05);
		*high = rl_uparam_quantile(u, 0.95);
	}
	if (*low < u->lo)
		*low = u->lo;
	if (*high > u->hi)
		*high = u->hi;
}

unsigned rl_violations(const rl_config *cfg, const rl_result *r,
                       double power_cap_w)
{
	unsigned v = 0;
	rl_design shares = rl_design_resolved(&cfg->design);
	const rl_design *d = &shares;
	/* before (or without) an evaluation: the die budget itself */
	if (cfg->chip.by_design > 0.5) {
		double fr = d->frac_mac + d->frac_vector + d->frac_sram +
		            d->frac_phy + d->frac_other;
		if (cfg->node.reticle_m2 > 0 &&
		    d->die_m2 > cfg->node.reticle_m2 * 1.000001)
			v |= RL_VIOL_RETICLE;
		if (fr > 1.000001)
			v |= RL_VIOL_AREA;
	}
	if (!r)
		return v;
	/* the silicon model's flags (silicon.h RL_V_*) */
	if (r->violations & RL_V_RETICLE)
		v |= RL_VIOL_RETICLE;
	if (r->violations & (RL_V_HBM_EDGE | RL_V_PHY_AREA))
		v |= RL_VIOL_STACKS;
	if (r->violations & RL_V_FRACTIONS)
		v |= RL_VIOL_AREA;
	if (r->violations & RL_V_POWER)
		v |= RL_VIOL_POWER;
	/* power is NAN where the chip lacks the inputs: unknown, not a
	** violation.  With a TDP the clock limit keeps each phase at the TDP
	** (or flags RL_V_POWER); a chip without one is held to the cap in its
	** busiest phase. */
	if (!(cfg->chip.tdp_w > 0) && power_cap_w > 0) {
		double busiest = r->power_prefill_w;
		if (r->decode_iters_per_s > 0 && isfinite(r->power_decode_w) &&
		    !(busiest >= r->power_decode_w))
			busiest = r->power_decode_w;
		if (isfinite(busiest) && busiest > power_cap_w * 1.000001)
			v |= RL_VIOL_POWER;
	}
	return v;
}

/* ---- Monte Carlo ---- */

typedef struct {
	const rl_config *a, *b;
	const rl_uparam *u;
	size_t nu;
	const rl_mc_opts *o;
	rl_mc_result *res;
	double a_tps;       /* side a's throughput when nothing of a varies */
	int a_varies;
	int next_stream;    /* guarded by mu */
	int no_rng;         /* a stream had no generator; guarded by mu */
	pthread_mutex_t mu;
} mc_job;

/* Set c to the best mapping of its chips (rl_map_search: never one over
** its TDP at every clock) and note it in m, r its evaluation as the
** search made it (rl_eval of c as set here, runnable); 0 when no mapping
** runs, *over 1 where one of those that fit in memory is over its TDP. */
static int best_mapping(rl_config *c, rl_mc_map *m, int *over, rl_result *r)
{
	rl_map_entry e[64];
	size_t n = rl_map_search_best(c, NULL, e, sizeof e / sizeof e[0], r), i;
	*over = 0;
	if (n == 0 || e[0].rc != RL_OK) {
		for (i = 0; i < n && i < sizeof e / sizeof e[0]; i++)
			if (e[i].rc == RL_EPOWER)
				*over = 1;
		return 0;
	}
	c->scen.chips = rl_scen_chips(&c->scen);
	c->scen.tp = e[0].tp;
	c->scen.pp = e[0].pp;
	c->scen.ep = e[0].ep;
	m->tp = e[0].tp;
	m->pp = e[0].pp;
	m->dp = e[0].dp;
	m->ep = e[0].ep;
	m->wins = 1;
	return 1;
}

static int by_wins(const void *x, const void *y)
{
	const rl_mc_map *p = x, *q = y;
	if (p->wins != q->wins)
		return p->wins < q->wins ? 1 : -1;
	if (p->pp != q->pp)
		return p->pp < q->pp ? -1 : 1;
	return p->tp < q->tp ? -1 : p->tp > q->tp;
}

/* res->maps: how often each mapping won, over the evaluated samples */
static void count_wins(rl_mc_result *res)
{
	size_t i, k;
	res->nmaps = 0;
	res->maps_other = 0;
	for (i = 0; i < res->samples; i++) {
		const rl_mc_map *m = &res->chosen[i];
		if (!isfinite(res->speedup[i]) || m->wins == 0)
			continue;
		for (k = 0; k < res->nmaps; k++)
			if (res->maps[k].tp == m->tp && res->maps[k].pp == m->pp &&
			    res->maps[k].ep == m->ep)
				break;
		if (k < res->nmaps) {
			res->maps[k].wins++;
		} else if (res->nmaps < RL_MC_MAPS) {
			res->maps[res->nmaps] = *m;
			res->maps[res->nmaps++].wins = 1;
		} else {
			res->maps_other++;
		}
	}
	qsort(res->maps, res->nmaps, sizeof res->maps[0], by_wins);
}

static void run_stream(mc_job *j, int s)
{
	size_t n = j->o->samples;
	size_t from = n * (size_t)s / STREAMS, to = n * (size_t)(s + 1) / STREAMS;
	size_t i, k;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	rl_config ca, cb;
	rl_result ra, rb;
	if (!rng) {
		/* its samples unrun: the run fails (rl_mc_run), where
		** they were left NaN, counted as not evaluable, and the
		** quantiles drawn from the other streams' as if they were all */
		for (i = from; i < to; i++)
			j->res->speedup[i] = NAN;
		pthread_mutex_lock(&j->mu);
		j->no_rng = 1;
		pthread_mutex_unlock(&j->mu);
		return;
	}
	gsl_rng_set(rng, j->o->seed * 1000003UL + (unsigned long)s + 1);
	for (i = from; i < to; i++) {
		double ta = j->a_tps;
		unsigned viol = 0;
		int over = 0, rc_b;
		/* (side a drawn only where it varies: else ca is not read,
		** a_tps stands for it) */
		if (j->a_varies)
			ca = *j->a;
		cb = *j->b;
		for (k = 0; k < j->nu; k++) {
			const rl_uparam *u = &j->u[k];
			double x = rl_uparam_draw(u, rng);
			*rl_param_ptr(u->side ? &cb : &ca, u->p) = x * u->p->scale;
			if (j->res->drawn && k == j->res->drawn_index)
				j->res->drawn[i] = x;
			if (j->res->drawn_all && j->res->drawn_nu == j->nu)
				j->res->drawn_all[i * j->nu + k] = x;
		}
		j->res->speedup[i] = NAN;
		/* a side over its TDP at every clock (rl_eval_runnable) is
		** a sample with no speedup, as claim's metric reads it: its
		** throughput is at a clock it cannot run at.  It still counts
		** as a power violation (rl_violations reads the flag). */
		if (j->a_varies) {
			viol |= rl_violations(&ca, NULL, 0);
			int rc = rl_eval_runnable(rl_eval(&ca, &ra), &ra);
			if (rc != RL_OK) {
				if (rc == RL_EPOWER)
					viol |= rl_violations(&ca, &ra, 0);
				j->res->violates[i] = (unsigned char)viol;
				continue;
			}
			ta = ra.total_tps;
			viol |= rl_violations(&ca, &ra, 0);
		}
		viol |= rl_violations(&cb, NULL, j->o->power_cap_w);
		if (j->o->remap_b) {
			if (!best_mapping(&cb, &j->res->chosen[i], &over, &rb)) {
				if (over) /* every mapping that fits is over its TDP */
					viol |= RL_VIOL_POWER;
				j->res->violates[i] = (unsigned char)viol;
				continue;
			}
			rc_b = RL_OK; /* rb: the search's evaluation of cb */
		} else {
			rc_b = rl_eval_runnable(rl_eval(&cb, &rb), &rb);
		}
		if (rc_b != RL_OK || !(ta > 0)) {
			if (rc_b == RL_EPOWER)
				viol |= rl_violations(&cb, &rb, j->o->power_cap_w);
			j->res->violates[i] = (unsigned char)viol;
			continue;
		}
		viol |= rl_violations(&cb, &rb, j->o->power_cap_w);
		j->res->speedup[i] = rb.total_tps / ta;
		j->res->violates[i] = (unsigned char)viol;
	}
	gsl_rng_free(rng);
}

static void *worker(void *arg)
{
	mc_job *j = arg;
	for (;;) {
		int s;
		pthread_mutex_lock(&j->mu);
		s = j->next_stream++;
		pthread_mutex_unlock(&j->mu);
		if (s >= STREAMS)
			break;
		run_stream(j, s);
	}
	return NULL;
}

rl_mc_result *rl_mc_alloc(size_t samples)
{
	rl_mc_result *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->speedup = malloc((samples ? samples : 1) * sizeof *r->speedup);
	r->violates = calloc(samples ? samples : 1, 1);
	r->chosen = calloc(samples ? samples : 1, sizeof *r->chosen);
	if (!r->speedup || !r->violates || !r->chosen) {
		rl_mc_free(r);
		return NULL;
	}
	r->samples = samples;
	return r;
}

void rl_mc_free(rl_mc_result *r)
{
	if (!r)
		return;
	free(r->speedup);
	free(r->violates);
	free(r->chosen);
	free(r->drawn);
	free(r->drawn_all);
	free(r);
}

int rl_mc_record(rl_mc_result *r, size_t k)
{
	size_t i, n = r->samples ? r->samples : 1;
	free(r->drawn);
	r->drawn = malloc(n * sizeof *r->drawn);
	if (!r->drawn)
		return -1;
	for (i = 0; i < n; i++)
		r->drawn[i] = NAN;
	r->drawn_index = k;
	return 0;
}

int rl_mc_record_all(rl_mc_result *r, size_t nu)
{
	size_t i, n = (r->samples ? r->samples : 1) * (nu ? nu : 1);
	free(r->drawn_all);
	r->drawn_nu = 0;
	if (nu && r->samples > ((size_t)-1) / sizeof *r->drawn_all / nu) {
		r->drawn_all = NULL;
		return -1;
	}
	r->drawn_all = malloc(n * sizeof *r->drawn_all);
	if (!r->drawn_all)
		return -1;
	for (i = 0; i < n; i++)
		r->drawn_all[i] = NAN;
	r->drawn_nu = nu;
	return 0;
}

static int side_tps(const rl_config *cfg, double *tps, char *err,
                    size_t errlen, const char *side)
{
	rl_result r;
	if (rl_eval(cfg, &r) != RL_OK) {
		snprintf(err, errlen, "side %s: %s", side, r.error);
		return -1;
	}
	*tps = r.total_tps;
	return 0;
}

int rl_mc_run(const rl_config *a, const rl_config *b, const rl_uparam *u,
              size_t nu, const rl_mc_opts *o, rl_mc_result *res, char *err,
              size_t errlen)
{
	mc_job j;
	gsl_error_handler_t *old;
	pthread_t th[STREAMS];
	int nt, t, started = 0;
	size_t i, nv = 0, ge = 0, nviol = 0;
	double *sorted, sum = 0, tb;

	if (o->samples > res->samples || o->samples == 0) {
		snprintf(err, errlen, "samples must be between 1 and %zu",
		         res->samples);
		return -1;
	}
	memset(&j, 0, sizeof j);
	j.a = a;
	j.b = b;
	j.u = u;
	j.nu = nu;
	j.o = o;
	j.res = res;
	if (side_tps(a, &j.a_tps, err, errlen, "a") ||
	    side_tps(b, &tb, err, errlen, "b"))
		return -1;
	for (i = 0; i < nu; i++)
		if (u[i].side == 0)
			j.a_varies = 1;
	pthread_mutex_init(&j.mu, NULL);
	nt = o->threads > 0 ? o->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (nt < 1)
		nt = 1;
	if (nt > STREAMS)
		nt = STREAMS;
	memset(res->violates, 0, o->samples);
	memset(res->chosen, 0, o->samples * sizeof *res->chosen);
	/* GSL reports a failed allocation through its handler: off while the
	** streams run (a stream without a generator fails the run: no_rng),
	** the caller's handler back afterwards */
	old = gsl_set_error_handler_off();
	for (t = 1; t < nt; t++)
		if (pthread_create(&th[t], NULL, worker, &j) == 0)
			started = t;
		else
			break;
	worker(&j);
	for (t = 1; t <= started; t++)
		pthread_join(th[t], NULL);
	gsl_set_error_handler(old);
	pthread_mutex_destroy(&j.mu);
	if (j.no_rng) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}

	res->samples = o->samples;
	memset(res->viol_count, 0, sizeof res->viol_count);
	sorted = malloc(o->samples * sizeof *sorted);
	if (!sorted) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < o->samples; i++) {
		double s = res->speedup[i];
		int k;
		if (res->violates[i])
			nviol++;
		for (k = 0; k < 4; k++)
			if (res->violates[i] & (1u << k))
				res->viol_count[k]++;
		if (!isfinite(s))
			continue;
		sorted[nv++] = s;
		sum += s;
		if (s >= o->target)
			ge++;
	}
	res->valid = nv;
	res->failed = o->samples - nv;
	if (nv) {
		gsl_sort(sorted, 1, nv);
		res->p05 = gsl_stats_quantile_from_sorted_data(sorted, 1, nv, 0.05);
		res->p50 = gsl_stats_quantile_from_sorted_data(sorted, 1, nv, 0.50);
		res->p95 = gsl_stats_quantile_from_sorted_data(sorted, 1, nv, 0.95);
		res->mean = sum / (double)nv;
		res->prob_ge_target = (double)ge / (double)nv;
	} else {
		res->p05 = res->p50 = res->p95 = res->mean = NAN;
		res->prob_ge_target = NAN;
	}
	res->violation_rate = (double)nviol / (double)o->samples;
	count_wins(res);
	free(sorted);
	return 0;
}

/* ---- tornado ---- */

static double speedup_with(const rl_config *a, const rl_config *b,
                           const rl_uparam *u, double x)
{
	rl_config ca = *a, cb = *b;
	rl_result ra, rb;
	*rl_param_ptr(u->side ? &cb : &ca, u->p) = x * u->p->scale;
	/* (over its TDP at every clock: no speedup, rl_eval_runnable) */
	if (rl_eval_runnable(rl_eval(&ca, &ra), &ra) != RL_OK ||
	    rl_eval_runnable(rl_eval(&cb, &rb), &rb) != RL_OK ||
	    !(ra.total_tps > 0))
		return NAN;
	return rb.total_tps / ra.total_tps;
}

static int by_swing(const void *x, const void *y)
{
	const rl_tornado_row *p = x, *q = y;
	double sp = isfinite(p->swing) ? p->swing : -1;
	double sq = isfinite(q->swing) ? q->swing : -1;
	if (sp != sq)
		return sp < sq ? 1 : -1;
	return p->index < q->index ? -1 : p->index > q->index;
}

int rl_tornado(const rl_config *a, const rl_config *b, const rl_uparam *u,
               size_t nu, rl_tornado_row *rows, char *err, size_t errlen)
{
	size_t i;
	double ta, tb;
	if (side_tps(a, &ta, err, errlen, "a") ||
	    side_tps(b, &tb, err, errlen, "b"))
		return -1;
	for (i = 0; i < nu; i++) {
		rl_tornado_row *r = &rows[i];
		r->index = i;
		rl_uparam_range(&u[i], &r->low, &r->high);
		r->speedup_low = speedup_with(a, b, &u[i], r->low);
		r->speedup_high = speedup_with(a, b, &u[i], r->high);
		r->swing = fabs(log(r->speedup_high / r->speedup_low));
		if (r->low == r->high)
			r->swing = 0;
	}
	qsort(rows, nu, sizeof *rows, by_swing);
	return 0;
}
