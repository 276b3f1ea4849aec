/*
** load.c: latency and throughput of the in-flight batching server at a
** request rate (rl_load_eval, load.h).
**
** The queueing model, and why.
**
** The server is the engine of engine.c: at a concurrency cap N it holds N
** sequences in flight and completes X(N) requests/s per replica, with
** prefill time S(N) and time per output token TPOT(N); X rises with N up to
** the maximum load (X_max at N_max: token budget, batch size or KV cache).
** In-flight batching admits a request at the next iteration as long as a
** slot is free, so below capacity nobody waits for admission: the load
** shows in the batch, and so in every iteration's time, not in a queue.
** Hence a load-dependent server, not a fixed-service-time queue:
**
**  1. Poisson arrivals at lambda per replica (the rate split evenly over
**     the replicas; a split Poisson stream is Poisson).  The concurrency
**     solves the fixed point X(N) = lambda: by Little's law the sequences in
**     flight are lambda times the time each stays, and that time depends on
**     the batch.  X is increasing, so the root in (0, N_max] is bracketed
**     and found by the Illinois method (about ten engine evaluations).
**  2. TTFT = S(N) + the rest of the iteration in progress + an M/D/1 wait.
**     S(N) is the request's own prefill iteration, which carries its prompt
**     and, on average, the p prefill tokens of the others that arrived
**     with it (Poisson, independent of it): isl + p (own_prefill).
**     An arrival finds an iteration running with probability 1 - e^-N (the
**     sequences in flight of an M/G/infinity system are Poisson with mean
**     N; arrivals see time averages, PASTA) and waits for its end, uniform
**     on [0, T] for the iteration it finds, which is not the mean one:
**     iterations carrying prefill (tp) and decode-only ones (td) are found
**     in proportion to their length, T = E[t^2] / E[t] (biased_iteration).
**     Then a queue, on either of two resources, each M/D/1 (requests of
**     fixed length): mean wait rho D / (2 (1 - rho)) (Pollaczek-
**     Khinchine), 0 at low load and infinite at capacity.  Derivation
**     (M/G/1, service S, rho = lambda E[S] < 1; Kleinrock, Queueing
**     Systems I, ch. 5): an arrival sees the time averages (PASTA), so it
**     waits for the L_q requests queued, E[S] each, and, with probability
**     rho that the server is busy, for the residual service of the one in
**     it, whose mean is E[S^2] / (2 E[S]) (the interval found is length-
**     biased and the arrival falls uniformly in it): W = L_q E[S] + rho
**     E[S^2] / (2 E[S]).  Little's law on the queue, L_q = lambda W,
**     gives W (1 - rho) = lambda E[S^2] / 2, W = lambda E[S^2] / (2 (1 -
**     rho)); a fixed service S = D has E[S^2] = D^2: W = rho D / (2 (1 -
**     rho)), finite for rho < 1 and growing as 1 / (1 - rho).  The wait
**     is positive with probability rho (an arrival finding the server
**     idle starts at once), so its mean when positive is D / (2 (1 -
**     rho)) (the TTFT distribution's qmean_s; loaddist.c takes its tail
**     exponential).  A server's queue is stable where rho < 1, every
**     rate below the capacity, and its wait unbounded as rho -> 1 at it:
**     the admission queue below has that rho.  The prefill
**     token budget B, which every prompt passes whatever caps the batch
**     at maximum load: prompts queue for it only in a backlog, and a
**     backlog fills every iteration's budget, so a prompt holds it D =
**     isl T_B / (B - n_dec) (isl / (B - n_dec) iterations of a full
**     budget, T_B the prefill-only engine's iteration as in 5 below,
**     beside the n_dec decoding at N; budget_hold), rho = lambda D; where
**     the budget binds at maximum load this is about 1 / X_max there
**     (0.94-0.98 of it on the Triton rows' 467/16 cases near capacity: T_B
**     lacks the decode steps' KV reads) and less below it, where fewer
**     decode.  T_B counts B prompt tokens where the backlog carries B -
**     n_dec, so D may pass 1 / X_max below capacity (where decode steps
**     cost little); a backlog's hold per prompt, isl T / (B - n_dec), T
**     its iteration of B - n_dec prompt tokens beside n_dec decoding, does
**     not fall as n_dec grows to the maximum load's (T's fixed part and
**     its decode steps shared among fewer prompt tokens; budget_hold), and
**     at a budget-bound maximum load it is 1 / X_max (where something
**     else binds the budget serves more than X_max), so D is held to
**     1 / X_max: rho <= lambda / X_max < 1, and the budget never
**     saturates before the server does (load5; until then rho reached 1
**     below X_max on a server whose decode steps cost nothing).  It is
**     not held to N / N_max, the admission queue's rho: where X(N) is
**     flat near X_max the slots are mostly free at 0.95 X_max while the
**     prompts take most of the engine's time, and the budget is what
**     binds (on about half the shipped presets' points at 0.5-0.999 of
**     capacity; NOTES.md, "The budget's hold beside the decoding").
**     Admission: whatever caps the batch at maximum load (the batch
**     size, the KV cache or the budget itself, N_max sequences), a
**     request waits to be admitted only when the engine holds N_max, so
**     rho is the share in use, N / N_max
**     (a batch whose iterations slow down as it grows, X(N) flat near
**     X_max, admits at once and shows the load in the TPOT), D = 1 /
**     X_max, a place freed that often at capacity.  As lambda -> X_max, N
**     -> N_max and rho -> 1 on every chip: the mean wait grows as 1 / (1 -
**     rho) and no rate at capacity meets a TTFT target (slo.c).  (Until
**     2026-11-30 this queue was the slots' alone, none where the budget
**     bound: there the wait at capacity stayed finite, rho_budget < 0.98,
**     and map's best rate under a loose TTFT target was 1 - 1e-9 of the
**     capacity, load3.)  A finite run of at most N_max requests never
**     waits to be admitted.  The
**     wait is the longer of the two means: what binds.  (Both were once
**     taken from what binds at maximum load alone, lambda / X_max where
**     the budget did and N / N_max where slots did, so a chip with more
**     memory, whose budget then bound, waited longer than one whose KV
**     cache bound: ux15.  The budget's hold at the operating point's own
**     iteration, isl tp(N) / (B - n_dec), a lone prompt's, waited too
**     little near capacity, and lambda over the budget's own capacity
**     with the memory lifted far too much where X(N) is flat: NOTES.md,
**     "The budget's wait in a backlog".)
**     The admission queue is M/D/c-like, which waits less than M/D/1 at
**     the same rho: its figure is an upper bound.  Percentiles come
**     from loaddist.c.
**  2a. A finite run of n requests at lambda is not a steady state: its
**     arrivals last t_run = n / lambda, each request stays W, and the
**     concurrency ramps up over the first W (or t_run), holds at lambda W
**     and ramps down after the last arrival.  What a request sees, the
**     time average of N over its stay weighted by the requests in flight
**     (int N^2 dt / int N dt), is lambda W (1 - W / 3 t_run) where W <=
**     t_run, else lambda t_run (1 - t_run / 3W) (ramp_share).  The
**     concurrency solves X(N) = lambda r(N / X(N)), r that share (1 for
**     an endless stream).  A run that a steady state could not sustain
**     (X(min(n, N_max)) <= lambda) is solved so too where the prefill
**     budget keeps up with its prompts and the ramp stays under what the
**     engine sustains there: no request waits (5).
**  2b. The same run as a fluid (profile.run_fluid; fixed lengths, below
**     capacity, a finite rate): the batch over the run rather than the
**     concurrency the requests see on average.  Time is counted in
**     iterations tau (each sequence in the batch gets a token an
**     iteration, so a request stays L = osl of them: its prompt's and its
**     osl - 1 decode steps) and the engine stands in for one iteration at
**     N in flight taking a prompts: T(N, a) = td(N) + c(N) a isl, td the
**     decode-only iteration and c the cost of a prompt token, read off the
**     engine at N as c = (TPOT(N) - td(N)) / p(N), p its prefill tokens per
**     iteration (so that the steady state, a = N / L, gives TPOT(N)
**     exactly; tabulated at 12 concurrencies, linear between them).
**     Arrivals: the first at 0, then lam a second to (n - 1) / lam (a
**     fluid, A(t) = min(n, 1 + lam t)).  While every arrival is admitted
**     at once an iteration takes what arrives during it, a = lam T, so T =
**     td / (1 - c lam isl); where prompts wait (the prefill budget B, a
**     prompt taking isl of its B - N tokens, or the N_max slots, freed as
**     requests leave), as many as it takes.  A request admitted at tau
**     leaves at tau + L (FIFO, fixed lengths), so N(tau) = D(tau) - D(tau
**     - L), D the admitted.  Integrated in steps of L / 32 iterations
**     (coarser where the run spans more than 64 stays, 2048 steps in all;
**     where it spans more than 1024, 2a's steady state stands: ramps of a
**     stay are a small share of it), a ring of the last stay's
**     admissions, on the stack.  What the benchmark reports are means
**     over the run: the mean inter-token time over every gap, each
**     iteration's T counted once per sequence in it,
**     sum N T / sum N over the iterations (each request's L iterations
**     alike, the first token's among them); the run ends when the last
**     admitted has had its L iterations (plus the front end), or, if
**     later, at the end 3 gives the last arrival (its own wait and
**     prompt, which the fluid spreads over its step).  What 2a misses:
**     the batch the last arrivals decode in thins out (the in-flight
**     requests leave one stay after their admission, in order), and
**     before it the iterations carry the prompts of the arrival rate, not
**     of the concurrency.  By hand (tests/test_load.c test_run_fluid): T
**     independent of N, T1 = td / (1 - c lam isl) while the requests
**     arrive and td after, a run of tau_r = (n - 1) / (lam T1) > L
**     iterations: the n - 1 of the fluid, lam T1 an iteration, spend the
**     part of their stay past tau_r at td, those of the last L iterations
**     half of it on average, so the mean inter-token time is T1 - (T1 -
**     td) lam T1 L / (2 n).  TTFT stays 2's (the fluid's queue has no
**     Poisson co-arrivals).
**  3. TPOT is TPOT(N): iterations carrying prefill chunks and decode-only
**     ones mixed in the steady-state proportion.  E2E = TTFT + (osl-1) TPOT.
**     A finite run of n requests ends (n - 1) / lambda after it starts,
**     when the last arrives, plus that request's own time: its TTFT, then
**     decode steps that carry no prompt (none arrives after it), in a
**     batch thinning out as the others finish (last_request).
**     A request's own TPOT depends on how many prompts arrive while it
**     decodes (Poisson): its percentiles come from loaddist.c.
**     Where the requests' output lengths vary (a dataset whose mean is
**     osl, the longest scenario.osl_max), the run lasts until the longest
**     has finished.  Taken as among the last admitted (a dataset with
**     several requests that long has one among the last arrivals), it
**     decodes its osl_max - osl tokens beyond the others alone: the run
**     ends that many batch-1 decode iterations later (long_tail).  Means
**     over requests (TTFT, the inter-token time, the concurrency: Little's
**     law with the mean length) keep the fixed lengths' figures, but for
**     two that are not linear in the lengths (3a).
**  3a. Such a dataset's lengths are taken as exponential around their
**     means (ASSUMPTION: the maximum-entropy law of a positive length with
**     a given mean; the dataset is not published, datasets.csv).  A
**     prompt's prefill is flat below the chip's ridge (the weight read)
**     and linear above it, so the mean TTFT is the mean over prompt
**     lengths of the TTFT at each (spread_prefill: 16 quantiles of the
**     exponential, scaled to the mean isl), more than the TTFT of the
**     mean prompt; the prompts arriving alongside each are the mean
**     engine's, independent draws whatever its length (own_prefill,
**     load6).  And after a burst's drain the requests finish one by
**     one, so the batch thins exponentially from those decoding when the
**     drain ends, not all at once at the end: the mean inter-token time
**     over all the gaps of the run (each iteration's gap counted once per
**     sequence in it; ASSUMPTION: the load generator averages every gap,
**     not each request's mean) sees the mean batch sum B^2 / sum B, half
**     of those decoding (tail_batch).
**  4. An endless stream at or past X_max is saturated: the queue grows by
**     lambda - X_max requests/s and TTFT without bound; the figures of the
**     saturated server (X_max, TPOT(N_max), S(N_max)) are reported.
**  5. A finite run past capacity (where its ramp, 2a, does not keep it
**     under), or a burst (rate inf, as the published tables measure),
**     drains in arrival order.  A run of n requests holds
**     at most n: its capacity is X(min(n, N_max)), past which it drains
**     (a steady state of more than n in flight cannot be reached).  Each iteration then carries
**     the full prefill budget B (the prefill-only engine: B tokens in an
**     iteration of T_B seconds) less the n_bar sequences decoding meanwhile;
**     a request's prompt is u = isl / (B - n_bar) iterations, so request i
**     (from 0) gets its first token after T_B ((i + 1) u + delta) less its
**     arrival i / lambda (delta: the part-iteration of the last chunk).
**     n_bar is the mean number decoding during the K = n u iterations of
**     the drain: n / 2 when K <= osl - 1, else (osl - 1) / u (1 - (osl -
**     1) / 2K) (a short fixed point, since u depends on n_bar).  Past N_max
**     requests also wait for a slot, freed at X_max.  The inter-token time
**     mixes T_B, for the decode steps that overlap the drain, with the
**     decode iteration of the batch after it at its mean over the last
**     request's osl - 1 steps: where the drain is shorter than those
**     (K <= osl - 1) every request still decodes until the first ones
**     finish, n (1 - K / (2 (osl - 1))), else the last (osl - 1) / u
**     requests thin out to none, half of them on average.  A finite run past
**     capacity that the prefill budget keeps up with keeps S(N) as floor
**     and the loaded TPOT.
**
** Why not a discrete-event simulation (Vidur) or a Markov chain: both cost
** far more than a few engine evaluations, and with fixed request lengths
** the steady state above is what they converge to; percentiles are the
** approximation (exponential tail of the wait).
*/
#include "load.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define SOLVE_STEPS 100
#define SOLVE_TOL 1e-7

const char *rl_load_regime_name(int regime)
{
	static const char *const names[RL_LOAD_COUNT] = {
	    "steady", "saturated", "overload", "burst"};
	return regime >= 0 && regime < RL_LOAD_COUNT ? names[regime] : "?";
}

static int fail(rl_load_result *o, int code, const char *msg)
{
	snprintf(o->error, sizeof o->error, "%s", msg);
	return code;
}

/* What rl_load_eval serves through: the design's cache (the design is the
** same at every concurrency; the caller's, rl_load_eval_cached) and one
** copy of the configuration, whose
** concurrency cap serve_at sets and whose output length prefill_only sets
** and puts back (where each evaluation copied the configuration, 1,288
** bytes, 7% of rl_load_eval's instructions: tests/BENCH.md); the copy is
** the configuration in every other byte. */
typedef struct {
	rl_eval_cache *cache;
	rl_config at;
} load_srv;

/* The engine at a concurrency cap (the user's cap stays the upper bound). */
static int serve_at(load_srv *sv, double n, rl_result *r)
{
	sv->at.scen.batch = n;
	return rl_eval_cached(&sv->at, sv->cache, r);
}

/* The prefill-only engine (osl 1) at cfg's own cap: each iteration fills
** its budget with prompts (budget_hold, drain) */
static int prefill_only(const rl_config *cfg, load_srv *sv, rl_result *r)
{
	int rc;
	sv->at.scen.batch = cfg->scen.batch;
	sv->at.scen.osl = 1;
	rc = rl_eval_cached(&sv->at, sv->cache, r);
	sv->at.scen.osl = cfg->scen.osl;
	return rc;
}

/* The share of the steady concurrency lam W that a finite run's requests
** see on average (2a of the header): arrivals over t_run seconds, each in
** flight for w.  0 < share <= 1; 1 for an endless stream. */
static double ramp_share(double w, double t_run)
{
	if (!(t_run < INFINITY) || !(w > 0))
		return 1;
	if (w <= t_run)
		return 1 - w / (3 * t_run);
	return t_run / w * (1 - t_run / (3 * w));
}

/* Concurrency N per replica with X(N) = lam r(N / X(N)), r the ramp share
** of a run whose arrivals last t_run (INFINITY: an endless stream, r = 1;
** 0 < lam r < X(nmax)). */
static int solve_concurrency(load_srv *sv, double lam, double t_run,
                             double nmax, double xmax, double reps,
                             rl_result *r, double *n_out)
{
	double lo = 0, glo = -lam, hi = nmax, n = 0;
	double ghi = xmax - lam * ramp_share(nmax / xmax, t_run);
	int side = 0, s, rc;
	for (s = 0; s < SOLVE_STEPS; s++) {
		double g, x;
		n = (lo * ghi - hi * glo) / (ghi - glo);
		if (!(n > lo && n < hi))
			n = 0.5 * (lo + hi);
		if ((rc = serve_at(sv, n, r)) != RL_OK)
			return rc;
		x = r->requests_per_s / reps;
		g = x - lam * ramp_share(n / x, t_run);
		if (fabs(g) <= SOLVE_TOL * lam || hi - lo <= SOLVE_TOL * hi)
			break;
		rl_illinois_keep(&lo, &glo, &hi, &ghi, &side, n, g);
	}
	*n_out = n;
	return RL_OK;
}

static void throughput(rl_load_result *o, const rl_config *cfg, double rps)
{
	const rl_scenario *s = &cfg->scen;
	double chips = rl_scen_chips(s);
	o->requests_per_s = rps;
	o->output_tps = rps * s->osl;
	o->total_tps = rps * (s->isl + s->osl);
	o->output_tps_per_chip = o->output_tps / chips;
	o->total_tps_per_chip = o->total_tps / chips;
}

/* TPOT over requests below capacity (or at it): the iteration mix of the
** engine result r, scaled so that its mean is tpot (loaddist.c). */
static void tpot_mix(rl_load_result *o, const rl_scenario *s,
                     const rl_result *r, double tpot)
{
	rl_tpot_dist *d = &o->tpot;
	double f = r->prefill_share, tp = r->prefill.time_s;
	double td = r->decode.time_s, mix = f * tp + (1 - f) * td;
	memset(d, 0, sizeof *d);
	d->kind = RL_TPOT_MIX;
	d->a = s->osl > 1 ? s->osl - 1 : 0;
	d->dec_s = d->pre_s = tpot;
	d->c = 1;
	if (d->a <= 0 || !(f < 1) || !(td > 0) || !(tp > 0) || !(mix > 0))
		return;
	d->dec_s = tpot * td / mix;
	d->pre_s = tpot * tp / mix;
	d->c = r->prefill_chunk > 0 ? fmax(1.0, s->isl / r->prefill_chunk) : 1;
	d->mu = d->a * f / d->c;
}

static void percentiles(rl_load_result *o)
{
	static const double q[3] = {0.50, 0.90, 0.99};
	double v[3];
	rl_tpot_quantiles(&o->tpot, q, 3, v);
	o->tpot_p50_s = v[0];
	o->tpot_p90_s = v[1];
	o->tpot_p99_s = v[2];
	o->ttft_mean_s = rl_ttft_mean(&o->ttft);
	o->ttft_p50_s = rl_ttft_quantile(&o->ttft, 0.50);
	o->ttft_p90_s = rl_ttft_quantile(&o->ttft, 0.90);
	o->ttft_p99_s = rl_ttft_quantile(&o->ttft, 0.99);
	o->wait_mean_s = o->ttft_mean_s - o->prefill_s;
}

/* The time from the last request's arrival to its last token: its first
** token at ttft_last, then its osl - 1 decode steps with no prompt left
** to prefill (it came last), in a batch that thins out as the n in flight
** finish, each after a remaining life uniform up to its own: itself and
** half of the n - 1 others on average, decode-only iterations at
** (n + 1) / 2. */
static int last_request(const rl_config *cfg, load_srv *sv,
                        double n, double ttft_last, double *out)
{
	double a = cfg->scen.osl - 1;
	rl_result rt;
	int rc;
	*out = ttft_last;
	if (a <= 0)
		return RL_OK;
	if ((rc = serve_at(sv, fmax(1.0, (n + 1) / 2), &rt)) != RL_OK)
		return rc;
	*out += a * (rt.decode.time_s > 0 ? rt.decode.time_s : rt.tpot_s);
	return RL_OK;
}

/* What the longest request adds to a finite run's end (3 of the header):
** its osl_max - osl output tokens beyond the mean, decoded alone, at the
** batch-1 decode iteration; 0 where every request has osl. */
static int long_tail(const rl_config *cfg, load_srv *sv, double *out)
{
	double extra = cfg->scen.osl_max - cfg->scen.osl;
	rl_result r1;
	int rc;
	*out = 0;
	if (!(extra > 0) || cfg->scen.osl < 1)
		return RL_OK;
	if ((rc = serve_at(sv, 1, &r1)) != RL_OK)
		return rc;
	*out = extra * (r1.decode.time_s > 0 ? r1.decode.time_s : r1.tpot_s);
	return RL_OK;
}

/* The TTFT a Poisson arrival sees as service (2 of the header): the
** engine's, whose prefill-carrying iteration carries q = max(p, isl)
** tokens (p the mean prefill tokens of an iteration), with the request's
** own iteration carrying its prompt and the others that arrived with it,
** Poisson and independent of it: isl + p on average (PASTA), within the
** token budget.  The iteration's time is taken as linear in its prefill
** tokens, between the decode-only one (0) and the engine's (q).  A prompt
** of several chunks keeps the engine's figure.
** rm is the engine at the mean prompt; r, where the prompts vary (3a), the
** engine whose prompts are this one's, isl_j.  The others that arrive
** with it are independent draws of the dataset, so they are rm's: p_m
** tokens (not r's p = p_m isl_j / isl) in p_m / isl requests, each token
** at rm's cost, (rp_m - rd_m) / q_m; this prompt's own share of r's chunk
** is (rp - rd) isl_j / q.  (Until load6 the co-arrivals were r's, p_m
** isl_j / isl tokens.)  Fixed lengths: rm is r, the first form. */
static double own_prefill(const rl_config *cfg, const rl_result *r,
                          const rl_result *rm)
{
	double q = r->prefill_chunk, rp = r->prefill.time_s;
	double rd = r->decode.time_s, isl = cfg->scen.isl, own, qm, rpm, rdm;
	if (!(cfg->scen.osl > 1) || !(q >= isl) || !(rd > 0) || !(rp > rd))
		return r->ttft_s;
	own = fmin(isl + rm->prefill_tokens,
	           fmax(q, cfg->prof.max_num_tokens - r->decode_seqs));
	if (rm == r)
		return r->ttft_s + (rp - rd) * (own - q) / q;
	qm = rm->prefill_chunk;
	rpm = rm->prefill.time_s;
	rdm = rm->decode.time_s;
	if (!(qm > 0) || !(rdm > 0) || !(rpm > rdm)) /* (r's cost then) */
		return r->ttft_s + (rp - rd) * (own - q) / q;
	return r->ttft_s + (rp - rd) * (isl - q) / q +
	       (rpm - rdm) * (own - isl) / qm;
}

/* The iteration an arrival finds running (2 of the header): iterations
** carrying prefill (a share f of them, tp long) and decode-only ones (td)
** are found in proportion to their length, so the one found is
** E[T^2] / E[T] long on average and the rest of it half that: (f tp^2 +
** (1 - f) td^2) / (f tp + (1 - f) td), scaled to the engine's mean
** iteration (tpot), which it is where the two are alike. */
static double biased_iteration(const rl_result *r)
{
	double f = r->prefill_share, tp = r->prefill.time_s;
	double td = r->decode.time_s, mix = f * tp + (1 - f) * td;
	if (!(f > 0 && f < 1) || !(tp > 0) || !(td > 0) || !(mix > 0))
		return r->tpot_s;
	return r->tpot_s / mix * (f * tp * tp + (1 - f) * td * td) / mix;
}

/* The row's lengths are a dataset's means (scenario.osl_max > osl). */
static int spread(const rl_config *cfg)
{
	return cfg->scen.osl_max > cfg->scen.osl;
}

/* The mean TTFT service over prompt lengths exponential around isl (3a of
** the header): own_prefill of the engine at n in flight with the prompt
** at each of 16 quantiles of the exponential (midpoints in probability),
** scaled so that their mean is isl: a TTFT linear in the prompt keeps its
** figure, one flat below the ridge and linear above it gains.  The
** prompts arriving with it are the mean engine's, r's (independent draws
** of mean isl: own_prefill; until load6 the quantile engine's, p isl_j /
** isl tokens, which pushed the long prompts' iterations into the
** budget's cap).  Fixed lengths: own_prefill of r, the engine at n. */
static int spread_prefill(const rl_config *cfg, load_srv *sv,
                          double n, const rl_result *r, double *out)
{
	enum { Q = 16 };
	double q[Q], qsum = 0, sum = 0;
	int j, rc;
	*out = own_prefill(cfg, r, r);
	if (!spread(cfg))
		return RL_OK;
	for (j = 0; j < Q; j++) {
		q[j] = -log(1 - (j + 0.5) / Q);
		qsum += q[j];
	}
	for (j = 0; j < Q; j++) {
		rl_config c = *cfg;
		rl_result rj;
		c.scen.isl = fmax(1.0, cfg->scen.isl * q[j] * Q / qsum);
		c.scen.batch = n;
		if ((rc = rl_eval_cached(&c, sv->cache, &rj)) != RL_OK)
			return rc;
		sum += own_prefill(&c, &rj, r);
	}
	*out = sum / Q;
	return RL_OK;
}

/* The time a prompt holds the prefill token budget at the engine r, n_dec
** decoding (2 of the header), where prompts queue for it: a backlog fills
** every iteration's budget B, so its prompts drain as in 5 of the header,
** isl / (B - n_dec) iterations of a full budget each, T_B the iteration of
** the prefill-only engine (drain's, whose B is the budget the harness's
** rule picks).  At maximum load where the budget binds, X_max = (B -
** n_dec) / (isl tp), tp an iteration of the same B tokens with n_dec of
** them decode steps (and their KV reads): on the Triton rows d is a
** little under 1 / X_max there (0.94-0.98 of it near capacity), and less
** below it, where fewer decode beside the prompts.  T_B counts B prompt
** tokens where the backlog carries B - n_dec of them, so isl T_B / (B -
** n_dec) can pass 1 / X_max below capacity (by 1 / (1 - n_dec / B)
** where decode steps cost nothing); but a backlog's own hold, isl T(n) /
** (B - n), T(n) its iteration of B - n prompt tokens beside n decoding,
** does not fall as n grows: its derivative has the sign of T + (T_n -
** T_P) (B - n), T_P and T_n the costs of one more prompt token and of one
** more decode step, positive wherever T is at least its prompt tokens
** times T_P (an affine cost with a fixed part >= 0, and the roofline's
** max of two such, as engine.c's iteration is) and T_n >= 0.  So below
** capacity (n_dec <= n_dec_max) it is at most its value at maximum load;
** where the budget binds there that is the engine's own iteration, which
** serves a prompt in 1 / X_max, and where something else binds the
** budget serves more than X_max (per prompt token, T / (B - n) falls
** with the prompt tokens too): d is held to 1 / X_max, so rho = lambda
** d is at most lambda / X_max and reaches 1 only at capacity.  (load5
** argued that the backlog's iteration itself is no longer than the
** maximum load's: true where a decode step costs at least a prompt
** token, as on every term of engine.c's iteration (attention over the
** longer context, its KV read, a logits row, a sequence's time) but
** request_overhead_us, charged per prompt and 0 in every shipped profile;
** where it is not, the iteration below capacity is longer but the hold
** per prompt is not: load6, NOTES.md.)  The memory does not
** lower the server (the prefill-only engine's B is capped by the KV cache
** only on a chip that holds fewer than B tokens; more memory, no smaller
** X_max). */
static int budget_hold(const rl_config *cfg, load_srv *sv,
                       const rl_result *r, double xmax, double *d,
                       double *B)
{
	rl_result rb;
	int rc;
	if ((rc = prefill_only(cfg, sv, &rb)) != RL_OK)
		return rc;
	*d = fmin(cfg->scen.isl * rb.prefill.time_s /
	              fmax(1.0, rb.prefill_tokens - r->decode_seqs),
	          1 / xmax);
	*B = rb.prefill_tokens;
	return RL_OK;
}

/* The finite run as a fluid (2b of the header).  The engine tabulated at
** FLUID_POINTS concurrencies, geometric from 1 to the most the run holds:
** at each its decode-only iteration td(N) and the cost of a prompt token
** in an iteration, c(N) = (TPOT(N) - td(N)) / p(N), p the steady state's
** prefill tokens per iteration (so td + c p is the engine's mean
** iteration at N); linear in N between them (exact where the iteration
** is, as its fixed time per sequence makes it), held at the ends.  On
** the stack: nothing allocated per evaluation. */
#define FLUID_POINTS 12
#define FLUID_LIFE_STEPS 32   /* steps of a request's stay */
#define FLUID_MAX_STEPS 2048  /* steps of the run, at most about */

typedef struct {
	double n[FLUID_POINTS], td[FLUID_POINTS], c[FLUID_POINTS];
	int k;
} fluid_table;

static int fluid_fill(load_srv *sv, double ntop, fluid_table *ft)
{
	int j, rc;
	ft->k = ntop > 1 ? FLUID_POINTS : 1;
	for (j = 0; j < ft->k; j++) {
		double nj = ft->k > 1 ? pow(ntop, (double)j / (ft->k - 1)) : 1;
		rl_result r;
		double td;
		if ((rc = serve_at(sv, nj, &r)) != RL_OK)
			return rc;
		td = r.decode.time_s > 0 ? r.decode.time_s : r.tpot_s;
		ft->n[j] = nj;
		ft->td[j] = td;
		ft->c[j] = r.prefill_tokens > 0
		               ? fmax(0.0, r.tpot_s - td) / r.prefill_tokens
		               : 0;
	}
	return RL_OK;
}

static void fluid_at(const fluid_table *ft, double n, double *td, double *c)
{
	double w;
	int j = 0;
	if (ft->k < 2 || n <= ft->n[0]) {
		*td = ft->td[0];
		*c = ft->c[0];
		return;
	}
	while (j < ft->k - 2 && n > ft->n[j + 1])
		j++;
	w = fmin(1.0, (n - ft->n[j]) / (ft->n[j + 1] - ft->n[j]));
	*td = ft->td[j] + w * (ft->td[j + 1] - ft->td[j]);
	*c = ft->c[j] + w * (ft->c[j + 1] - ft->c[j]);
}

/* A run of n requests per replica at lam (finite), each of osl iterations
** in the batch (2b of the header): its mean inter-token time (*itl) and
** the time its last token is made (*end); 0 in both where the run spans
** more stays than the steps allow (its ramps then a small share of it:
** 2a's steady state holds) or has no decode step.  B the prefill budget
** (tokens an iteration), nmax the slots (INFINITY: none to wait for). */
static int fluid_run(const rl_config *cfg, load_srv *sv, double lam,
                     double n, double nmax, double B, double *itl,
                     double *end)
{
	double L = cfg->scen.osl, isl = cfg->scen.isl;
	double ring[FLUID_LIFE_STEPS] = {0};
	double t = 0, D = 0, N = 0, gs = 0, gn = 0, h, iters;
	int m, k, rc;
	fluid_table ft;
	*itl = *end = 0;
	if (!(L > 1) || !(n >= 1) || !(lam > 0) || isinf(lam))
		return RL_OK;
	if ((rc = fluid_fill(sv, fmin(n, nmax), &ft)) != RL_OK)
		return rc;
	/* the iterations of the run at most: its arrivals at the shortest
	** iteration, then one stay */
	iters = (n - 1) / lam / ft.td[0] + L;
	h = fmax(L / FLUID_LIFE_STEPS, iters / FLUID_MAX_STEPS);
	if (h > L / 2)
		return RL_OK;
	m = (int)floor(L / h + 0.5); /* a stay is m steps of h iterations */
	h = L / m;
	for (k = 0; k < 4 * FLUID_MAX_STEPS; k++) {
		double td, c, out = ring[k % m], cap, a, T, adm;
		fluid_at(&ft, N, &td, &c);
		/* admissions an iteration: the budget's room and the slots */
		cap = fmax(0.0, fmin((B - N) / isl, (nmax - N + out) / h));
		if (fmin(n, 1 + lam * t) - D <= 1e-9 * n &&
		    c * lam * isl < 1 && lam * td / (1 - c * lam * isl) <= cap)
			a = lam * td / (1 - c * lam * isl); /* as they arrive */
		else
			a = cap; /* a queue: as many as the iteration takes */
		T = td + c * a * isl;
		adm = a * h;
		if (adm > fmin(n, 1 + lam * (t + h * T)) - D) {
			/* the arrivals bound the step: adm = 1 + lam (t +
			** h T) - D with T = td + c isl adm / h, or the
			** requests left */
			double kk = c * lam * isl;
			double x = kk < 1 ? (1 + lam * (t + h * td) - D) / (1 - kk)
			                  : adm;
			adm = fmax(0.0, fmin(fmin(x, adm), n - D));
			T = td + c * adm / h * isl;
		}
		gs += N * h * T;
		gn += N * h;
		N += adm - out;
		ring[k % m] = adm;
		D += adm;
		t += h * T;
		if (D >= n * (1 - 1e-12) && N <= 1e-9 * n)
			break;
	}
	if (k == 4 * FLUID_MAX_STEPS) /* not drained: 2a's steady state */
		return RL_OK;
	*itl = gn > 0 ? gs / gn : 0;
	*end = t;
	return RL_OK;
}

/* Below capacity (1-3 of the header). */
static int steady(const rl_config *cfg, load_srv *sv, double lam,
                  double n_run, double reps, const rl_result *rmax,
                  rl_load_result *o)
{
	const rl_scenario *s = &cfg->scen;
	double n, xmax = rmax->requests_per_s / reps, rho_x = lam / xmax;
	double rho, rho_b, d, d_b, B;
	double t_run = n_run > 0 ? n_run / lam : INFINITY;
	int rc = solve_concurrency(sv, lam, t_run, rmax->concurrency, xmax,
	                           reps, &o->at, &n);
	if (rc != RL_OK)
		return rc;
	/* two queues, and the wait is the longer of the two means (what
	** binds).  The token budget, which every prompt passes whatever caps
	** the batch at maximum load: in a backlog a prompt holds it d_b
	** (budget_hold, beside the n_dec decoding at N), so rho_b = lam d_b.
	** Admission (whatever holds the batch at N_max: the batch size, the
	** KV cache or the budget): a request waits only when all N_max
	** places are taken, so rho is the share in use, N / N_max, a place
	** freed every 1 / X_max; below capacity a batch that slows every
	** iteration (compute-bound, X(N) flat) admits at once and shows the
	** load in the TPOT, not in a wait.  Its rho reaches 1 at capacity
	** on every chip, the budget's does not (budget_hold).  A finite run
	** of at most N_max requests is admitted at once.  M/D/1 mean wait
	** rho D / (2 (1 - rho)) on each (the header's 2 derives it) */
	if ((rc = budget_hold(cfg, sv, &o->at, xmax, &d_b, &B)) != RL_OK)
		return rc;
	/* (below capacity lam < X_max, and d_b is at most 1 / X_max:
	** budget_hold; kept below 1 against rounding) */
	rho_b = fmin(lam * d_b, 1 - SOLVE_TOL);
	d = d_b;
	rho = rho_b;
	if (!(n_run > 0 && n_run <= rmax->concurrency)) {
		double rho_s = fmin(rho_x, n / rmax->concurrency);
		if (rho_s / xmax / (1 - rho_s) > rho_b * d_b / (1 - rho_b)) {
			rho = rho_s;
			d = 1 / xmax;
		}
	}
	o->regime = RL_LOAD_STEADY;
	o->concurrency = n;
	if ((rc = spread_prefill(cfg, sv, n, &o->at, &o->prefill_s)) != RL_OK)
		return rc;
	o->tpot_s = o->at.tpot_s;
	o->ttft.kind = RL_TTFT_POISSON;
	o->ttft.base_s = o->prefill_s;
	o->ttft.busy = 1 - exp(-n);
	o->ttft.iter_s = s->osl > 1 ? biased_iteration(&o->at)
	                            : o->at.prefill.time_s;
	o->ttft.rho = rho;
	/* the wait is positive with probability rho, so its mean then is
	** D / (2 (1 - rho)) */
	o->ttft.qmean_s = rho > 0 ? d / (2 * (1 - rho)) : 0;
	tpot_mix(o, s, &o->at, o->tpot_s);
	percentiles(o);
	o->e2e_s = o->ttft_mean_s + (s->osl - 1) * o->tpot_s;
	throughput(o, cfg, lam * reps);
	if (n_run > 0) { /* a finite run ends after its last request (3) */
		double last, tail;
		if ((rc = last_request(cfg, sv, n, o->ttft_mean_s, &last)) !=
		        RL_OK ||
		    (rc = long_tail(cfg, sv, &tail)) != RL_OK)
			return rc;
		o->duration_s = (n_run - 1) / lam + last + tail;
		if (cfg->prof.run_fluid > 0.5 && !spread(cfg)) { /* 2b */
			double itl, end;
			if ((rc = fluid_run(cfg, sv, lam, n_run,
			                    rmax->concurrency_limit ==
			                            RL_LIMIT_TOKENS
			                        ? INFINITY
			                        : rmax->concurrency,
			                    B, &itl, &end)) != RL_OK)
				return rc;
			if (itl > 0) {
				o->tpot_s = itl;
				tpot_mix(o, s, &o->at, o->tpot_s);
				percentiles(o);
				o->e2e_s = o->ttft_mean_s + (s->osl - 1) * o->tpot_s;
				/* the later of the two ends: the last arrival's
				** own time (its wait and prompt, last_request)
				** and the fluid's batch of those before it */
				o->duration_s = fmax(o->duration_s,
				                     end + cfg->prof.frontend_s);
			}
		}
		throughput(o, cfg, n_run * reps / o->duration_s);
	}
	return RL_OK;
}

/* The mean batch of the decode steps after a drain of K iterations, over
** the a steps the last request still has: request j (from 0, admitted at
** iteration j u) has done K - j u steps when the drain ends.  Where a >= K
** every request is still decoding until a - K steps later and the batch
** then thins linearly to 0 over K steps: mean n (1 - K / (2 a)); where
** a < K only the last a / u requests still decode, thinning linearly over
** the a steps: mean a / (2 u).  The two agree at a = K (n / 2).  Where the
** output lengths are exponential around their mean (sprd, 3a of the
** header), those decoding when the drain ends (n, or the last a / u where
** a < K) finish one by one, the batch thinning as e^(-k / a) over the
** steps k after it: the mean over the gaps, sum B^2 / sum B, is half of
** them. */
static double tail_batch(double n, double a, double K, double u, int sprd)
{
	double m = sprd ? (a >= K ? n : fmin(n, a / u)) / 2
	           : a >= K ? n * (1 - K / (2 * a)) : fmin(n, a / u) / 2;
	return fmax(1.0, m);
}

/* The drain of a finite run past capacity or of a burst (5 of the header).
** lam may be INFINITY; n requests per replica. */
static int drain(const rl_config *cfg, load_srv *sv, double lam,
                 double n, double reps, const rl_result *rmax,
                 rl_load_result *o)
{
	const rl_scenario *s = &cfg->scen;
	rl_result rb, rtail;
	double a = s->osl - 1;
	/* slots: the batch size or the KV cache holds nmax sequences; where
	** the token budget bounds the concurrency there is no slot to wait
	** for: every request drains through the budget, its prompt taking its
	** turn (the decode steps of the admitted ones share each iteration) */
	double nmax = rmax->concurrency_limit == RL_LIMIT_TOKENS
	                  ? INFINITY : rmax->concurrency;
	double xmax = rmax->requests_per_s / reps;
	double n_in = fmin(n, nmax), nbar = 0, u = 1, K, B, T_B, P, delta;
	double inv_lam = isinf(lam) ? 0 : 1 / lam, run_s, T_last = -1, last, tail;
	int rc, it;

	/* the iteration of a full prefill budget: the prefill-only engine */
	if ((rc = prefill_only(cfg, sv, &rb)) != RL_OK)
		return rc;
	B = rb.prefill_tokens;
	T_B = rb.prefill.time_s;
	for (it = 0; it < 50; it++) {
		double nb;
		u = s->isl / fmax(1.0, B - nbar);
		K = n_in * u;
		nb = a <= 0 ? 0 : K <= a ? n_in / 2 : a / u * (1 - a / (2 * K));
		if (fabs(nb - nbar) <= 1e-9 * (1 + nbar))
			break;
		nbar = 0.5 * (nbar + nb); /* damped: u rises with nbar */
	}
	u = s->isl / fmax(1.0, B - nbar);
	K = n_in * u;
	P = 1 / (u * T_B); /* prompts per second through the budget */
	if (fabs(u - floor(u + 0.5)) < 1e-9)
		delta = 0;
	else
		delta = u < 1 ? (1 - u) / 2 : 0.5;

	/* the engine at the concurrency the run reaches */
	if ((rc = serve_at(sv, n_in, &o->at)) != RL_OK)
		return rc;
	/* the budget keeps up with the prompts, and the run's ramp (2a of
	** the header) never reaches the concurrency it cannot sustain: no
	** request waits, as below capacity */
	if (!isinf(lam) && lam < P &&
	    o->at.requests_per_s / reps >
	        lam * ramp_share(n_in * reps / o->at.requests_per_s, n / lam)) {
		rc = steady(cfg, sv, lam, n, reps, rmax, o);
		o->regime = RL_LOAD_STEADY;
		return rc;
	}
	o->concurrency = n_in;
	o->prefill_s = o->at.ttft_s;

	o->ttft.kind = RL_TTFT_RUN;
	o->ttft.n = n;
	o->ttft.m = 0;
	/* floor: a request that finds the budget free */
	o->ttft.a[o->ttft.m] = o->at.ttft_s;
	o->ttft.b[o->ttft.m++] = 0;
	/* the budget draining in arrival order */
	o->ttft.a[o->ttft.m] = T_B * (u + delta) + cfg->prof.frontend_s;
	o->ttft.b[o->ttft.m++] = T_B * u - inv_lam;
	if (n > nmax) { /* slots freed at X_max */
		o->ttft.a[o->ttft.m] = (1 - nmax) / xmax + rmax->ttft_s;
		o->ttft.b[o->ttft.m++] = 1 / xmax - inv_lam;
	}

	if (lam >= P && a > 0) {
		/* decode steps overlapping the drain cost T_B; after it, the
		** batch thins out (header, 5) */
		double ov = a >= K ? K / 2 : a - a * a / (2 * K), T_d;
		if ((rc = serve_at(sv, tail_batch(n_in, a, K, u, spread(cfg)),
		                   &rtail)) != RL_OK)
			return rc;
		T_d = rtail.decode.time_s > 0 ? rtail.decode.time_s : rtail.tpot_s;
		o->tpot_s = (ov * T_B + (a - ov) * T_d) / a;
		memset(&o->tpot, 0, sizeof o->tpot);
		o->tpot.kind = RL_TPOT_DRAIN;
		o->tpot.a = a;
		o->tpot.pre_s = T_B;
		o->tpot.dec_s = T_d;
		o->tpot.K = K;
		run_s = K * T_B + a * T_d;
		T_last = T_d;
	} else {
		o->tpot_s = o->at.tpot_s;
		tpot_mix(o, s, &o->at, o->tpot_s);
		run_s = n_in / (o->at.requests_per_s / reps);
		if (a <= 0)
			run_s = K * T_B;
	}
	if (n > nmax)
		run_s += (n - nmax) / xmax;
	percentiles(o);
	o->e2e_s = o->ttft_mean_s + a * o->tpot_s;
	if (!isinf(lam)) {
		/* the last arrival's own time (last_request; after the drain:
		** the tail batch's iteration) */
		last = rl_ttft_of_request(&o->ttft, n - 1);
		if (T_last >= 0)
			last += a * T_last;
		else if ((rc = last_request(cfg, sv, n_in, last, &last)) !=
		         RL_OK)
			return rc;
		run_s = fmax(run_s, (n - 1) * inv_lam + last);
	}
	if ((rc = long_tail(cfg, sv, &tail)) != RL_OK)
		return rc;
	run_s += tail;
	o->duration_s = run_s;
	throughput(o, cfg, n * reps / run_s);
	return RL_OK;
}

int rl_load_eval(const rl_config *cfg, const rl_load *ld, rl_load_result *o)
{
	rl_eval_cache cache;
	cache.valid = 0;
	return rl_load_eval_cached(cfg, ld, &cache, o);
}

int rl_load_eval_cached(const rl_config *cfg, const rl_load *ld,
                        rl_eval_cache *cache, rl_load_result *o)
{
	rl_result rmax;
	load_srv srv, *sv = &srv;
	double reps, lam, xmax, xrun, n;
	int rc;
	char msg[256];

	sv->cache = cache;
	memset(o, 0, sizeof *o);
	if (!(ld->rate_rps > 0)) {
		snprintf(msg, sizeof msg,
		         "rate = %g requests/s: the rate must be > 0 (or inf "
		         "for all requests at once)", ld->rate_rps);
		return fail(o, RL_EINVAL, msg);
	}
	if (!(ld->requests >= 0) || ld->requests != floor(ld->requests) ||
	    ld->requests > 1e12) {
		snprintf(msg, sizeof msg, "requests = %g: a whole number in 1 .. "
		         "1e12 (0: an endless stream)", ld->requests);
		return fail(o, RL_EINVAL, msg);
	}
	if (isinf(ld->rate_rps) && ld->requests < 1)
		return fail(o, RL_EINVAL,
		            "rate = inf (all requests at once) needs a request "
		            "count (requests >= 1)");
	if ((rc = rl_eval_cached(cfg, sv->cache, &rmax)) != RL_OK)
		return fail(o, rc, rmax.error);
	sv->at = *cfg;
	reps = rmax.replicas > 0 ? rmax.replicas : 1;
	lam = ld->rate_rps / reps;
	n = ld->requests / reps;
	xmax = rmax.requests_per_s / reps;
	o->offered_rps = ld->rate_rps;
	o->capacity_rps = rmax.requests_per_s;
	o->utilization = isinf(lam) ? 1 : lam / xmax;
	o->max_concurrency = rmax.concurrency;
	/* a finite run of n never holds more than n: what it can sustain is
	** X(min(n, N_max)) (5 of the header) */
	xrun = xmax;
	if (n > 0 && n < rmax.concurrency) {
		rl_result rn;
		if ((rc = serve_at(sv, n, &rn)) != RL_OK)
			return fail(o, rc, rn.error);
		xrun = rn.requests_per_s / reps;
	}

	if (lam < xrun) {
		rc = steady(cfg, sv, lam, n, reps, &rmax, o);
	} else if (n > 0) {
		o->regime = isinf(lam) ? RL_LOAD_BURST : RL_LOAD_OVERLOAD;
		rc = drain(cfg, sv, lam, n, reps, &rmax, o);
	} else {
		o->regime = RL_LOAD_SATURATED;
		o->at = rmax;
		o->concurrency = rmax.concurrency;
		o->prefill_s = rmax.ttft_s;
		o->tpot_s = rmax.tpot_s;
		o->ttft.kind = RL_TTFT_UNBOUNDED;
		tpot_mix(o, &cfg->scen, &rmax, o->tpot_s);
		percentiles(o);
		o->e2e_s = INFINITY;
		o->queue_growth_rps = ld->rate_rps - rmax.requests_per_s;
		throughput(o, cfg, rmax.requests_per_s);
		rc = RL_OK;
	}
	if (rc != RL_OK)
		return fail(o, rc, o->at.error);
	return RL_OK;
}
