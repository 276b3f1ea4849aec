/*
** loaddist.c: the distributions of time to first token that the load model
** (load.c) produces, their means and quantiles (load.h).
**
** Poisson arrivals below capacity: TTFT = base + B U + Q, the prefill, the
** rest of the iteration in progress (uniform, when the server is busy) and
** the wait of an M/D/1 queue whose tail is taken as exponential with the
** M/D/1 mean (the usual exponential approximation of the waiting time; exact
** for M/M/1).  Its CDF is closed form:
**   F_Q(x) = 1 - rho e^(-x/m)                       (x >= 0)
**   P(W <= t) = (1 - busy) F_Q(t) + busy/T int_0^min(t,T) F_Q(t - u) du
**   int_0^a F_Q(t - u) du = a - rho m (e^(-(t-a)/m) - e^(-t/m))
** and inverted in closed form past one iteration, by Newton's method within
** it.
**
** A finite run: TTFT of request i is the largest of a few affine functions
** of i (a floor, the prefill budget draining in arrival order, the slots
** freeing at the saturated rate).  That is convex in i, so {i: TTFT <= t}
** is one interval: the CDF is its length, the mean an exact integral over
** the pieces between the crossings.
**
** TPOT of a request, the mean of its a = osl - 1 inter-token gaps, over
** requests.  Each gap is one iteration: decode-only (dec_s) or carrying a
** prefill chunk (pre_s).  Below capacity the prompts that arrive while a
** request decodes are Poisson (mean mu = a f / c, f the share of
** prefill-carrying iterations, c >= 1 iterations per prompt), so the
** request sees K = min(a, c M) prefill-carrying gaps, M ~ Poisson(mu):
** TPOT = dec_s + (pre_s - dec_s) K / a, increasing in M, whose quantile is
** the Poisson quantile (summed term by term up to mu = 30, the normal
** approximation with continuity correction beyond).  Its mean is the
** iteration mix dec_s + (pre_s - dec_s) f as long as c M rarely passes a.
** In a drain the request at position U overlaps min(a, K (1 - U)) gaps with
** the K iterations of the prefill budget: a quantile q of TPOT is that of
** the overlap, min(a, K q).  What is not in it: the batch's own Poisson
** swing around its mean (every iteration is costed at the mean batch).
*/
#include "load.h"

#include <gsl/gsl_cdf.h>
#include <math.h>

#define ROOT_STEPS 100
#define ROOT_TOL 1e-9

/* The CDF at w given ew = exp(-w / qmean_s) where rho > 0 and qmean_s >
** 0: the Newton step's own, worked out once where it was three times,
** and exp(-(w - a) / qmean_s) taken as the 1 it is where w is a (within
** the first iteration): the same values, bit for bit */
static double poisson_cdf_e(const rl_ttft_dist *d, double w, double ew)
{
	double fq, g, a;
	if (w < 0)
		return 0;
	fq = d->rho > 0 && d->qmean_s > 0 ? 1 - d->rho * ew : 1;
	if (d->busy <= 0 || d->iter_s <= 0)
		return fq;
	a = fmin(w, d->iter_s);
	if (d->rho > 0 && d->qmean_s > 0)
		g = a - d->rho * d->qmean_s *
		            ((w != a ? exp(-(w - a) / d->qmean_s) : 1) - ew);
	else
		g = a;
	return (1 - d->busy) * fq + d->busy * g / d->iter_s;
}

static double poisson_cdf(const rl_ttft_dist *d, double w)
{
	if (w < 0)
		return 0;
	return poisson_cdf_e(d, w, d->rho > 0 && d->qmean_s > 0
	                               ? exp(-w / d->qmean_s) : 0);
}

static double run_at(const rl_ttft_dist *d, double i)
{
	double v = -INFINITY;
	int k;
	for (k = 0; k < d->m; k++)
		v = fmax(v, d->a[k] + d->b[k] * i);
	return v;
}

/* Length of {i in [0, n-1]: every piece <= t}, over n - 1. */
static double run_cdf(const rl_ttft_dist *d, double t)
{
	double lo = 0, hi = d->n - 1;
	int k;
	if (hi <= 0)
		return run_at(d, 0) <= t ? 1 : 0;
	for (k = 0; k < d->m; k++) {
		if (d->b[k] > 0)
			hi = fmin(hi, (t - d->a[k]) / d->b[k]);
		else if (d->b[k] < 0)
			lo = fmax(lo, (t - d->a[k]) / d->b[k]);
		else if (d->a[k] > t)
			return 0;
	}
	return hi > lo ? (hi - lo) / (d->n - 1) : 0;
}

static double run_mean(const rl_ttft_dist *d)
{
	double x[2 + 3], end = d->n - 1, sum = 0;
	int nx = 0, j, k, l;
	if (end <= 0)
		return run_at(d, 0);
	x[nx++] = 0;
	x[nx++] = end;
	for (k = 0; k < d->m; k++)
		for (l = k + 1; l < d->m; l++)
			if (d->b[k] != d->b[l]) {
				double c = (d->a[l] - d->a[k]) / (d->b[k] - d->b[l]);
				if (c > 0 && c < end)
					x[nx++] = c;
			}
	for (j = 1; j < nx; j++) { /* insertion sort, at most 5 points */
		double v = x[j];
		for (k = j; k > 0 && x[k - 1] > v; k--)
			x[k] = x[k - 1];
		x[k] = v;
	}
	/* no crossing inside a piece: the max there is one affine function,
	** whose integral is the mean of its end values times the width */
	for (j = 1; j < nx; j++) {
		double mid = 0.5 * (x[j - 1] + x[j]), best = -INFINITY;
		int kb = 0;
		for (k = 0; k < d->m; k++)
			if (d->a[k] + d->b[k] * mid > best) {
				best = d->a[k] + d->b[k] * mid;
				kb = k;
			}
		sum += (x[j] - x[j - 1]) *
		       (d->a[kb] + d->b[kb] * 0.5 * (x[j - 1] + x[j]));
	}
	return sum / end;
}

double rl_ttft_of_request(const rl_ttft_dist *d, double i)
{
	return d->kind == RL_TTFT_RUN ? run_at(d, i) : rl_ttft_mean(d);
}

double rl_ttft_mean(const rl_ttft_dist *d)
{
	switch (d->kind) {
	case RL_TTFT_POISSON:
		return d->base_s + d->busy * d->iter_s / 2 + d->rho * d->qmean_s;
	case RL_TTFT_RUN:
		return run_mean(d);
	default:
		return INFINITY;
	}
}

/* The q-quantile of the Poisson wait W.  Past one iteration (t >= T):
**   P(W > t) = rho e^(-t/m) C,  C = (1 - b) + b (m/T) (e^(T/m) - 1),
** inverted in closed form (ln C taken without overflow); within the first
** iteration the CDF is smooth and rising: Newton's method kept inside
** [0, T], a handful of steps. */
static double poisson_quantile(const rl_ttft_dist *d, double q)
{
	double T = d->iter_s, b = d->busy, rho = d->rho, m = d->qmean_s;
	double lo = 0, hi = T, t;
	int s;
	if (poisson_cdf(d, 0) >= q)
		return 0;
	if (rho > 0 && m > 0) {
		double lnC = 0;
		if (b > 0 && T > 0)
			lnC = T / m + log((1 - b) * exp(-T / m) +
			                  b * (m / T) * -expm1(-T / m));
		t = m * (log(rho) + lnC - log(1 - q));
		if (t >= T || b <= 0 || T <= 0)
			return fmax(t, 0.0);
	} else if (b <= 0 || T <= 0) {
		return 0;
	}
	t = T * (q - (1 - b)) / b; /* the uniform part alone */
	t = fmin(fmax(t, 0.0), T);
	for (s = 0; s < ROOT_STEPS; s++) {
		double et = rho > 0 && m > 0 ? exp(-t / m) : 0;
		double e = rho > 0 && m > 0 ? rho * et : 0;
		double g = poisson_cdf_e(d, t, et) - q;
		double dg = b / T * (1 - e) + (m > 0 ? (1 - b) * e / m : 0);
		double nt;
		if (g < 0)
			lo = t;
		else
			hi = t;
		nt = dg > 0 ? t - g / dg : 0.5 * (lo + hi);
		if (!(nt > lo && nt < hi))
			nt = 0.5 * (lo + hi);
		if (fabs(nt - t) <= ROOT_TOL * T)
			return nt;
		t = nt;
	}
	return t;
}

void rl_illinois_keep(double *lo, double *glo, double *hi, double *ghi,
                      int *side, double t, double g)
{
	if (g < 0) {
		*lo = t;
		*glo = g;
		if (*side == -1)
			*ghi *= 0.5;
		*side = -1;
	} else {
		*hi = t;
		*ghi = g;
		if (*side == 1)
			*glo *= 0.5;
		*side = 1;
	}
}

/* The root of cdf(t) = q in [lo, hi] (cdf(lo) < q <= cdf(hi)), by the
** Illinois variant of regula falsi: a few CDF evaluations, not 60. */
static double invert(const rl_ttft_dist *d,
                     double (*cdf)(const rl_ttft_dist *, double), double q,
                     double lo, double hi)
{
	double glo = cdf(d, lo) - q, ghi = cdf(d, hi) - q, t = hi;
	int s, side = 0;
	for (s = 0; s < ROOT_STEPS && hi - lo > ROOT_TOL * hi; s++) {
		double g;
		t = (lo * ghi - hi * glo) / (ghi - glo);
		if (!(t > lo && t < hi))
			t = 0.5 * (lo + hi);
		g = cdf(d, t) - q;
		if (g == 0)
			return t;
		rl_illinois_keep(&lo, &glo, &hi, &ghi, &side, t, g);
	}
	return glo == 0 ? lo : t;
}

double rl_ttft_quantile(const rl_ttft_dist *d, double q)
{
	double lo, hi;
	int k, l;
	if (d->kind == RL_TTFT_UNBOUNDED || !(q > 0 && q < 1))
		return INFINITY;
	if (d->kind == RL_TTFT_POISSON)
		return d->base_s + poisson_quantile(d, q);
	/* a run: between the smallest and the largest value of the pieces */
	lo = fmin(run_at(d, 0), run_at(d, d->n - 1));
	hi = fmax(run_at(d, 0), run_at(d, d->n - 1));
	for (k = 0; k < d->m; k++)
		for (l = k + 1; l < d->m; l++)
			if (d->b[k] != d->b[l]) {
				double c = (d->a[l] - d->a[k]) / (d->b[k] - d->b[l]);
				if (c > 0 && c < d->n - 1)
					lo = fmin(lo, run_at(d, c));
			}
	if (run_cdf(d, lo) >= q || hi <= lo)
		return lo;
	return invert(d, run_cdf, q, lo, hi);
}

/* For ascending q[0..nq-1], the smallest m with P(Poisson(mu) <= m) >=
** q[j]: one walk up the terms up to mu = 30 (at most a hundred or so), the
** normal approximation with continuity correction beyond. */
static void poisson_count_quantiles(double mu, const double *q, int nq,
                                    double *m_out)
{
	double term, cdf, m = 0;
	int j;
	if (!(mu > 0)) {
		for (j = 0; j < nq; j++)
			m_out[j] = 0;
		return;
	}
	if (mu > 30) {
		for (j = 0; j < nq; j++)
			m_out[j] = fmax(0.0, ceil(mu + gsl_cdf_ugaussian_Pinv(q[j]) *
			                                   sqrt(mu) - 0.5));
		return;
	}
	term = exp(-mu);
	cdf = term;
	for (j = 0; j < nq; j++) {
		while (cdf < q[j] && m < 1000) {
			term *= mu / (m + 1);
			cdf += term;
			m++;
		}
		m_out[j] = m;
	}
}

static double tpot_of(const rl_tpot_dist *d, double k)
{
	if (!(d->a > 0))
		return d->dec_s;
	return d->dec_s + (d->pre_s - d->dec_s) * fmin(d->a, k) / d->a;
}

double rl_tpot_mean(const rl_tpot_dist *d)
{
	double a = d->a, K = d->K, ov;
	if (d->kind == RL_TPOT_MIX)
		return tpot_of(d, d->c * d->mu);
	ov = a >= K ? K / 2 : a - a * a / (2 * K);
	return tpot_of(d, ov);
}

void rl_tpot_quantiles(const rl_tpot_dist *d, const double *q, int nq,
                       double *out)
{
	double m[8];
	int j, k;
	for (k = 0; k < nq; k += 8) {
		int n = nq - k < 8 ? nq - k : 8;
		if (d->kind == RL_TPOT_MIX)
			poisson_count_quantiles(d->mu, q + k, n, m);
		for (j = 0; j < n; j++)
			out[k + j] = !(q[k + j] > 0 && q[k + j] < 1) ? INFINITY
			             : d->kind == RL_TPOT_MIX ? tpot_of(d, d->c * m[j])
			                                      : tpot_of(d, d->K * q[k + j]);
	}
}

double rl_tpot_quantile(const rl_tpot_dist *d, double q)
{
	double v;
	rl_tpot_quantiles(d, &q, 1, &v);
	return v;
}
