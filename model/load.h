/*
** load.h: serving under load.  Latency at a request rate (load.c, with the
** TTFT distributions of loaddist.c), the highest throughput meeting latency
** targets (slo.c) and the interactivity curve (curve.c).
**
** All of it is pure computation on top of rl_eval(): the engine at a
** concurrency cap (scen.batch) is the in-flight batching server holding that
** many sequences; nothing here allocates or does I/O.  The queueing model
** and why it was chosen are described at the top of load.c.
*/
#ifndef RL_LOAD_H
#define RL_LOAD_H

#include "engine.h"

/* What is offered to the server. */
typedef struct {
	double rate_rps;  /* requests/s to the whole system (Poisson); INFINITY:
	                  ** all requests at t = 0 (a burst) */
	double requests;  /* requests in the run; 0: an endless stream */
} rl_load;

/* The regime the load falls in. */
enum {
	RL_LOAD_STEADY = 0, /* below capacity: stationary figures */
	RL_LOAD_SATURATED,  /* endless stream at or past capacity: the queue
	                    ** grows without bound (TTFT infinite) */
	RL_LOAD_OVERLOAD,   /* finite run past capacity: the backlog drains */
	RL_LOAD_BURST,      /* finite run, all requests at t = 0 */
	RL_LOAD_COUNT
};
const char *rl_load_regime_name(int regime);

/* Distribution of TTFT over requests (loaddist.c). */
enum { RL_TTFT_POISSON = 0, RL_TTFT_RUN, RL_TTFT_UNBOUNDED };
typedef struct {
	int kind;
	/* RL_TTFT_POISSON: base + B*U + Q with B ~ Bernoulli(busy),
	** U ~ uniform on [0, iter_s], Q = 0 with probability 1 - rho, else
	** exponential with mean qmean_s */
	double base_s, busy, iter_s, rho, qmean_s;
	/* RL_TTFT_RUN: TTFT of request i (0 <= i <= n-1, i taken as uniform
	** on that interval) is the largest of a[k] + b[k] i, k < m */
	double n;
	double a[3], b[3];
	int m;
} rl_ttft_dist;

double rl_ttft_mean(const rl_ttft_dist *d);
/* TTFT of request i (from 0) of a finite run (RL_TTFT_RUN); the mean for
** the other kinds, whose requests are alike. */
double rl_ttft_of_request(const rl_ttft_dist *d, double i);

/* One step of the Illinois method (regula falsi that halves the stale
** end's value): keep t, where the function is g, as the new lo (g < 0) or
** hi end of the bracket.  Shared by the solvers of load.c and loaddist.c. */
void rl_illinois_keep(double *lo, double *glo, double *hi, double *ghi,
                      int *side, double t, double g);
/* The q-quantile (0 < q < 1); INFINITY for RL_TTFT_UNBOUNDED. */
double rl_ttft_quantile(const rl_ttft_dist *d, double q);

/* Distribution over requests of a request's TPOT, the mean of its osl - 1
** inter-token gaps (MLPerf's per-query TPOT) (loaddist.c). */
enum { RL_TPOT_MIX = 0, RL_TPOT_DRAIN };
typedef struct {
	int kind;
	double a;            /* decode steps (gaps) per request: osl - 1 */
	double dec_s, pre_s; /* a decode-only and a prefill-carrying iteration */
	/* RL_TPOT_MIX: the prefill-carrying iterations among a request's a
	** gaps are K = min(a, c M), M ~ Poisson(mu) prompts arriving while it
	** decodes, c >= 1 iterations each; TPOT = dec_s + (pre_s - dec_s) K / a */
	double mu, c;
	/* RL_TPOT_DRAIN: request at position U (uniform) of a drain of K
	** iterations of pre_s overlaps min(a, K (1 - U)) of its gaps with it;
	** the rest cost dec_s */
	double K;
} rl_tpot_dist;

double rl_tpot_mean(const rl_tpot_dist *d);
/* The q-quantile over requests (0 < q < 1; INFINITY otherwise), and
** several at once (q ascending) in one pass. */
double rl_tpot_quantile(const rl_tpot_dist *d, double q);
void rl_tpot_quantiles(const rl_tpot_dist *d, const double *q, int nq,
                       double *out);

typedef struct {
	int regime;
	double offered_rps;     /* the rate asked for, system (INFINITY: burst) */
	double capacity_rps;    /* requests/s at maximum load, system */
	double utilization;     /* offered / capacity (1 for a burst) */
	double concurrency;     /* sequences in flight per replica (mean) */
	double max_concurrency; /* per replica at maximum load */
	double ttft_mean_s, ttft_p50_s, ttft_p90_s, ttft_p99_s;
	double prefill_s;       /* the service part of TTFT: the prompt's
	                        ** iterations and the front end */
	double wait_mean_s;     /* the rest: waiting for an iteration,
	                        ** admission (a place in the batch), the
	                        ** prefill budget */
	double tpot_s;          /* mean time per output token (inter-token) */
	double tpot_p50_s, tpot_p90_s, tpot_p99_s; /* a request's TPOT, over
	                        ** requests (rl_tpot_dist) */
	double e2e_s;           /* mean end-to-end latency */
	double requests_per_s;  /* achieved, system */
	double output_tps, total_tps;
	double output_tps_per_chip, total_tps_per_chip;
	double duration_s;      /* finite runs: first arrival to last token */
	double queue_growth_rps;/* saturated: requests/s the queue grows by */
	rl_ttft_dist ttft;
	rl_tpot_dist tpot;
	rl_result at;           /* the engine at the solved concurrency */
	char error[256];
} rl_load_result;

/* Latency and throughput at a load.  RL_OK, or an engine error code with
** the message in out->error; RL_EINVAL for a rate <= 0 or NaN, a negative
** or fractional request count, or a burst without a request count. */
int rl_load_eval(const rl_config *cfg, const rl_load *ld, rl_load_result *out);
/* The same through the caller's cache (engine.h; valid = 0 before its
** first use), kept across calls: the same results, without a new setup of
** the design at each call where one design is evaluated at many rates
** (rl_slo_search's bisection). */
int rl_load_eval_cached(const rl_config *cfg, const rl_load *ld,
                        rl_eval_cache *cache, rl_load_result *out);

/* ---- latency targets (slo.c) ---- */
enum { RL_SLO_TTFT = 0, RL_SLO_TPOT, RL_SLO_E2E, RL_SLO_METRIC_COUNT };
#define RL_SLO_MAX 8
typedef struct {
	int metric;    /* RL_SLO_* */
	double pct;    /* percentile in (0, 100); 0: the mean */
	double max_s;  /* the target: latency <= max_s */
} rl_slo;

/* The value of a target's latency in a load result: TTFT and TPOT have
** percentiles (loaddist.c); the end-to-end latency has no spread between
** requests in this model, so its value is the mean whatever t->pct (the
** command line refuses a percentile of it: cli/loadopts.c). */
double rl_slo_value(const rl_load_result *lr, const rl_slo *t);
const char *rl_slo_metric_name(int metric);

typedef struct {
	int met;               /* 1: some load meets every target */
	int failed;            /* the first target no load meets (met = 0) */
	int at_capacity;       /* met = 1 and no target binds below capacity
	                       ** (say, a TPOT target alone: the queue's wait
	                       ** enters only TTFT and E2E): best is at the
	                       ** saturation rate, 1 - 1e-9 of the capacity,
	                       ** where the mean wait grows as 1 / (1 - rho) */
	double unloaded_s;     /* that target's latency at vanishing load */
	rl_load_result best;   /* at the highest rate meeting every target */
} rl_slo_result;

/* The highest Poisson rate whose latencies meet every target (bisection on
** the rate: latencies rise with it), below the capacity: the admission
** queue's rho reaches 1 there (load.c), so a TTFT or E2E target binds
** below it.
** Where every target is met up to the capacity, best is the saturation
** rate and at_capacity says so.  A target no load meets is not an
** error: met = 0.  RL_OK or an engine error (message in out->best.error). */
int rl_slo_search(const rl_config *cfg, const rl_slo *t, int n,
                  rl_slo_result *out);

/* ---- the interactivity curve (curve.c) ---- */
typedef struct {
	double concurrency;         /* per replica (the engine's batch cap) */
	double tps_per_user;        /* output tokens/s one user sees: 1 / TPOT */
	double output_tps_per_chip;
	double output_tps;          /* system */
	double ttft_s, tpot_s;
	int limit;                  /* what caps the concurrency at the last point */
	int over_tdp;               /* 1: over the chip's TDP even at the lowest
	                            ** clock (rl_eval_runnable's RL_EPOWER): a
	                            ** throughput it cannot run at, so the four
	                            ** figures above are NAN */
	double lowest_w;            /* then its power at the lowest clock (W;
	                            ** NAN otherwise) */
} rl_curve_point;

/* Throughput per chip against tokens/s per user as the concurrency goes
** from 1 to the maximum in steps of a factor `step` (> 1; 2 by default
** when <= 1), the maximum always last; a point over the TDP at every clock
** marked (over_tdp), with no throughput or latency, as map lists such a
** mapping.  Writes at most max points; returns
** how many, or -1 with the engine's message in err. */
int rl_curve(const rl_config *cfg, double step, rl_curve_point *pts,
             int max, char *err, size_t errlen);

#endif
