/*
** mcrobust.h: how far a Monte Carlo's answer moves with the width of its
** ranges.  Each uncertain parameter's distribution is shrunk toward its
** stated value s (the value the configuration holds, display units) to a
** fraction f of its width, the same shape, and the Monte Carlo runs again
** with the same seed and sample count (rl_mc_run):
**
**   uniform (a, b)         a' = s + f (a - s), b' = s + f (b - s)
**   triangular (l, m, h)   l' = s + f (l - s), h' = s + f (h - s); the
**                          mode m kept where l' <= m <= h', else the end
**                          of [l', h'] nearest it (then not the same
**                          shape: rl_robust's modes_held)
**   normal (mu, sd)        mu' = s + f (mu - s), sd' = f sd, and its
**                          truncation's ends as a uniform's: the affine
**                          map x -> s + f (x - s) of the distribution
**   lognormal (M, sigma)   the same map in log terms: M' = s (M / s)^f,
**                          sigma' = f sigma, each truncation end t > 0 to
**                          s (t / s)^f (s must be > 0)
**
** A uniform's or triangle's width (h - l) is then exactly f times its own;
** f = 1 is the distribution as given, f = 0 the stated value alone.  With s
** inside the range the narrowed range lies inside it.
**
** Which single parameter's range moves P(>= target) most is read from the
** full run's own samples (rl_mc_record_all), each parameter narrowed alone
** by reweighting them (importance sampling: weight p'(x) / p(x) of that
** parameter's draw x, p' its narrowed density, p its full one), with no
** evaluation; the one that moves it most is then run alone, narrowed, as
** the others (its figures exact, the others' estimates).
*/
#ifndef RL_MCROBUST_H
#define RL_MCROBUST_H

#include <stddef.h>

#include "montecarlo.h"

/* Narrow u toward stated to fraction f (0 <= f <= 1) of its width into
** *out.  0, or -1 where it cannot be (f outside [0, 1] or not a number, a
** lognormal with stated <= 0, an unknown distribution). */
int rl_uparam_shrink(const rl_uparam *u, double stated, double f,
                     rl_uparam *out);

/* The density of u's distribution (display units) at x, truncated to
** [u->lo, u->hi] as rl_uparam_draw draws it; NAN where it has none (a
** range of zero width: all its mass at one point). */
double rl_uparam_pdf(const rl_uparam *u, double x);

/* The fractions of the widths the ranges are narrowed to, widest first;
** the first (1) is the run as given. */
#define RL_ROBUST_FRACTIONS 4
extern const double rl_robust_fraction[RL_ROBUST_FRACTIONS];
/* The most uncertain parameters rl_mc_robust takes. */
#define RL_ROBUST_MAXU 64

typedef struct {
	double fraction;
	size_t samples, valid;
	double p05, p50, p95, prob_ge_target;
} rl_robust_row;

typedef struct {
	/* every range narrowed to rl_robust_fraction[i]; all[0] the run given */
	rl_robust_row all[RL_ROBUST_FRACTIONS];
	/* P(>= target) with u[k] alone narrowed to the narrowest fraction,
	** the others as given, estimated from the given run's samples by
	** reweighting; NAN where it cannot be (stated outside the range, a
	** range of zero width, no sample evaluated) */
	double alone[RL_ROBUST_MAXU];
	size_t nu;
	long top;              /* the k whose alone[] is furthest from
	                       ** all[0]'s P; -1 where none moves it */
	rl_uparam top_u;       /* u[top] narrowed */
	rl_robust_row top_row; /* u[top] alone narrowed: its own run */
	int runs;              /* Monte Carlo runs made (at most
	                       ** RL_ROBUST_FRACTIONS) */
	/* the triangles whose mode the narrowest range leaves out, held to
	** its nearer end (rl_uparam_shrink), so not the same shape: how many
	** (a range narrowed less leaves out fewer), and the first's k; -1
	** none */
	size_t modes_held;
	long mode_held_first;
} rl_robust;

/* The P(>= target) of full's samples with u[k] narrowed alone to
** fraction f around stated: sum of w 1{speedup >= target} / sum of w over
** the evaluated samples, w = p'(x) / p(x) of u[k]'s draw x (rl_uparam_pdf
** of the narrowed and the given distributions).  full must hold every
** draw (rl_mc_record_all, nu parameters).  NAN where it cannot be read. */
double rl_mc_reweighted_prob(const rl_mc_result *full, const rl_uparam *u,
                             size_t nu, size_t k, double stated, double f,
                             double target);

/* The rows of *out: full, the run of a and b over u (nu parameters,
** stated[k] each one's stated value) with opts o, recorded whole
** (rl_mc_record_all), gives all[0] and the reweighted alone[]; each
** narrower fraction runs rl_mc_run again with o (same seed, same samples),
** then u[top] alone narrowed to the narrowest.  0; 1 with err naming the
** parameter where one cannot be narrowed (rl_uparam_shrink: a lognormal
** around a stated value of 0 or less), nothing run; -1 with err (a run
** failing, out of memory, nu over RL_ROBUST_MAXU, full without every
** draw). */
int rl_mc_robust(const rl_config *a, const rl_config *b, const rl_uparam *u,
                 size_t nu, const double *stated, const rl_mc_opts *o,
                 const rl_mc_result *full, rl_robust *out, char *err,
                 size_t errlen);

#endif
