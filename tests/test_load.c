/*
** test_load.c: the load model (model/load.c, loaddist.c, slo.c, curve.c)
** against values derived by hand.
**
** The server used throughout is made so that every iteration costs exactly
** its fixed overhead, 10 ms: rates of 1e30 FLOP/s and bytes/s make every
** other term vanish (below 1e-15 s), tp 1 has no all-reduce.  Then, with
** isl 100, osl 11 and a budget of 1000 tokens (engine.c's steady state):
**   N_max = 1000 (1 + 10) / (100 + 10) = 100 sequences (budget-bound),
**   a request takes 1 prefill + 10 decode iterations: R = 0.11 s at any
**   concurrency, so X(N) = N / 0.11 and X_max = 100 / 0.11 = 909.09 req/s;
**   TTFT without load = 1 iteration = 0.01 s, TPOT = 0.01 s.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/benchrule.h"
#include "../model/load.h"
#include "../model/params.h"
#include "fixtures.h"
#include "near.h"

#define T_IT 0.01
#define XMAX (100.0 / 0.11)

static void overhead_only(rl_config *c)
{
	rl_config_defaults(c);
	c->chip.peak_flops_bf16 = 1e30;
	c->chip.peak_flops_fp8 = 1e30;
	c->chip.hbm_Bps = 1e30;
	c->chip.hbm_bytes = 80e9;
	c->chip.link_Bps = 1e30;
	c->chip.tdp_w = 0;
	fx_llama3_8b(&c->model);
	c->scen.precision = RL_PREC_FP8;
	c->scen.tp = 1;
	c->scen.chips = 1;
	c->scen.isl = 100;
	c->scen.osl = 11;
	c->prof.eff_compute = 1;
	c->prof.eff_attention = 1;
	c->prof.eff_memory = 1;
	c->prof.eff_kv_memory = 1;
	c->prof.gemm_m_half = 0;
	c->prof.iter_overhead_s = T_IT;
	c->prof.layer_overhead_s = 0;
	c->prof.seq_overhead_s = 0;
	c->prof.request_overhead_s = 0;
	c->prof.runtime_reserved_bytes = 0;
	c->prof.kv_fraction = 1;
	c->prof.tokens_per_block = 1;
	c->prof.max_num_tokens = 1000;
	c->prof.max_batch_size = 4096;
}

/* rl_load_eval of c at rate_rps requests/s (INFINITY: all at once) with
** requests in the run (0: an endless stream) into o; it must succeed. */
static void load_ok(const rl_config *c, double rate_rps, double requests,
                    rl_load_result *o)
{
	rl_load ld = {rate_rps, requests};
	assert_int_equal(rl_load_eval(c, &ld, o), RL_OK);
}

/* The server as described in the header. */
static void test_server(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	overhead_only(&c);
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.concurrency, 100, 1e-9);
	near(r.requests_per_s, XMAX, 1e-9);
	near(r.ttft_s, T_IT, 1e-9);
	near(r.tpot_s, T_IT, 1e-9);
}

/* Low load, M/D/1-like.  lambda = 9.0909 req/s = X_max / 100: Little's
** law gives N = lambda R = 9.0909 x 0.11 = 1.0.  TTFT = one prefill (0.01)
** + the rest of the running iteration, busy with probability 1 - e^-1 =
** 0.6321, half an iteration on average: 0.0031606 + the longer of two
** M/D/1 waits, rho D / (2 (1 - rho)).  The token budget: a prompt of 100
** tokens holds it 100 / (1000 - n_dec) of a 10 ms iteration, n_dec = N x
** 10 / 11 = 0.90909 decoding beside it (not the 90.9 of maximum load):
** D = 0.001 / 0.9990909 = 0.00100091, rho = lambda D = 0.0090992, a wait
** of 0.0000045958.  Admission (the budget holds the batch at N_max =
** 100): rho = N / N_max = 0.01, D = 1 / X_max = 0.0011, a wait of 0.01 x
** 0.0011 / 1.98 = 0.0000055556, the longer.  Total 0.01316616; e2e = TTFT
** + 10 x 0.01. */
static void test_low_load(void **state)
{
	rl_config c;
	rl_load_result o;
	double D = 1 / XMAX, rho = 0.01;
	double want = 0.01 + (1 - exp(-1.0)) * 0.005 + rho * D / (2 * (1 - rho));
	(void)state;
	overhead_only(&c);
	load_ok(&c, XMAX / 100, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 1.0, 1e-6);
	near(o.utilization, 0.01, 1e-9);
	near(want, 0.01316616, 1e-6);
	near(o.ttft_mean_s, want, 1e-6);
	near(o.prefill_s, 0.01, 1e-9);
	near(o.tpot_s, 0.01, 1e-9);
	near(o.e2e_s, want + 0.1, 1e-6);
	near(o.requests_per_s, XMAX / 100, 1e-12);
	near(o.output_tps, XMAX / 100 * 11, 1e-12);
}

/* Percentiles at lambda = X_max / 1000 (N = 0.1: the engine holds one
** sequence a share 0.1 of the time, engine.c's micro-batches below one;
** the admission queue's rho = N / N_max = 0.001 and D = 1 / X_max =
** 0.0011, whose wait is longer than the budget's, as in test_low_load):
** the iteration is running with probability
** b = 1 - e^-0.1 = 0.0951626.  p50: with probability (1 - b)(1 - rho) =
** 0.904 nothing is waited for, so the median is the prefill, 0.01.  p99:
** for t < T = 0.01, P(W > t) = b/T ((T - t) + rho m (1 - e^-t/m)), m = D /
** (2 (1 - rho)) = 0.00055055, and e^-t/m is 8e-8 near t = 0.009: T - t =
** 0.01 T / b - rho m = 0.00105083 - 0.00000055 = 0.00105028, so p99 = 0.01
** + 0.0089497 = 0.0189497. */
/* A front end of 4 ms (the server's way in and out, outside every
** iteration) adds 4 ms to each TTFT and to E2E, at low load and in a
** burst, and nothing to the time per output token or the throughput:
** the 10 ms iterations do not carry it. */
static void test_frontend(void **state)
{
	rl_config c;
	rl_load ld = {XMAX / 100, 0}, burst = {INFINITY, 100};
	rl_load_result o, f;
	(void)state;
	overhead_only(&c);
	assert_int_equal(rl_load_eval(&c, &ld, &o), RL_OK);
	c.prof.frontend_s = 4e-3;
	assert_int_equal(rl_load_eval(&c, &ld, &f), RL_OK);
	near(f.ttft_mean_s - o.ttft_mean_s, 4e-3, 1e-6);
	near(f.ttft_p90_s - o.ttft_p90_s, 4e-3, 1e-4);
	near(f.e2e_s - o.e2e_s, 4e-3, 1e-6);
	near(f.tpot_s, T_IT, 1e-9);
	near(f.requests_per_s, o.requests_per_s, 1e-12);
	/* the burst of test_burst_drain: 0.505 s + 4 ms, still 1 s long */
	c.scen.isl = 1000;
	c.scen.osl = 1;
	assert_int_equal(rl_load_eval(&c, &burst, &f), RL_OK);
	near(f.ttft_mean_s, 0.509, 1e-9);
	near(f.duration_s, 1.0, 1e-9);
}

/* A request's TPOT over requests, by hand.  Mix: 10 gaps of 10 ms, a
** prefill-carrying one costing 20 ms, prompts arriving while it decodes
** Poisson with mean 1 (one iteration each): P(M <= 0, 1, 2, 3, 4) =
** 0.368, 0.736, 0.920, 0.981, 0.996, so the median sees 1 prefill gap
** (11 ms), the 90th percentile 2 (12 ms), the 99th 4 (14 ms); the mean
** 1 (11 ms).  Drain: 10 gaps, a drain of 20 iterations of 100 ms, 10 ms
** after it: the request at position U overlaps min(10, 20 (1 - U)) gaps,
** so the quantile q overlaps min(10, 20 q): q = 0.25 -> 5 gaps (55 ms),
** q = 0.5 -> 10 (100 ms); the mean overlap 10 - 100 / 40 = 7.5 gaps
** (77.5 ms).  And the server whose iterations all cost 10 ms has every
** request's TPOT at 10 ms: its percentiles are the mean.  Past a mean of
** 30 prompts the Poisson count is taken as normal with a continuity
** correction: mean 100 over 1000 gaps, the 90th percentile at
** ceil(100 + 1.28155 x 10 - 0.5) = 113 prefill gaps (11.13 ms). */
static void test_tpot_distribution(void **state)
{
	rl_tpot_dist mix = {RL_TPOT_MIX, 10, 0.01, 0.02, 1, 1, 0};
	rl_tpot_dist dr = {RL_TPOT_DRAIN, 10, 0.01, 0.1, 0, 0, 20};
	rl_config c;
	rl_load_result o;
	(void)state;
	near(rl_tpot_mean(&mix), 0.011, 1e-12);
	near(rl_tpot_quantile(&mix, 0.5), 0.011, 1e-12);
	near(rl_tpot_quantile(&mix, 0.9), 0.012, 1e-12);
	near(rl_tpot_quantile(&mix, 0.99), 0.014, 1e-12);
	near(rl_tpot_quantile(&mix, 0.3), 0.010, 1e-12);
	near(rl_tpot_mean(&dr), 0.0775, 1e-12);
	near(rl_tpot_quantile(&dr, 0.25), 0.055, 1e-12);
	near(rl_tpot_quantile(&dr, 0.5), 0.1, 1e-12);
	near(rl_tpot_quantile(&dr, 0.99), 0.1, 1e-12);
	mix.a = 1000;
	mix.mu = 100;
	near(rl_tpot_quantile(&mix, 0.5), 0.011, 1e-12);
	near(rl_tpot_quantile(&mix, 0.9), 0.01113, 1e-12);
	overhead_only(&c);
	load_ok(&c, XMAX / 2, 0, &o);
	near(o.tpot_s, T_IT, 1e-9);
	near(o.tpot_p50_s, T_IT, 1e-9);
	near(o.tpot_p99_s, T_IT, 1e-9);
}

/* The two kinds of iteration in the TPOT distribution: with launches of
** 0.5 ms a layer that a CUDA graph's replay saves (decode-only iterations
** only), a prefill-carrying iteration of Llama-3 8B's 32 layers costs
** 10 + 32 x 0.5 = 26 ms and a decode-only one 10 ms: whatever the load
** scales the mean to, the distribution's two steps keep that ratio,
** 2.6. */
static void test_tpot_mix_steps(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.prof.layer_overhead_s = 0.5e-3;
	c.prof.cuda_graphs = 1;
	load_ok(&c, XMAX / 1000, 0, &o);
	assert_int_equal(o.tpot.kind, RL_TPOT_MIX);
	near(o.tpot.pre_s / o.tpot.dec_s, 2.6, 1e-9);
}

static void test_percentiles(void **state)
{
	rl_config c;
	rl_load_result o;
	double b = 1 - exp(-0.1), D = 1 / XMAX;
	double rho = 0.001, m = D / (2 * (1 - rho));
	(void)state;
	overhead_only(&c);
	load_ok(&c, XMAX / 1000, 0, &o);
	near(o.concurrency, 0.1, 1e-6);
	near(o.ttft_p50_s, 0.01, 1e-9);
	near(o.ttft.rho, rho, 1e-9);
	near(o.ttft_p99_s, 0.01 + 0.01 - (0.01 * 0.01 / b - rho * m), 1e-6);
	near(o.ttft_p99_s, 0.0189497, 1e-5); /* the figure above, 6 digits */
	assert_true(o.ttft_p90_s <= o.ttft_p99_s);
	assert_true(o.ttft_p50_s <= o.ttft_p90_s);
}

/* A burst of 100 prefill-only requests (osl 1) of 1000 tokens, the whole
** budget: they drain one per 10 ms iteration in arrival order, request i
** (from 0) getting its token at 0.01 (i + 1).  Mean TTFT 0.01 x 101 / 2 =
** 0.505 s; median 0.01 x (49.5 + 1) = 0.505; p90 0.01 x (0.9 x 99 + 1) =
** 0.901; the run lasts 100 iterations, 1 s: 100 requests/s. */
static void test_burst_drain(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.scen.isl = 1000;
	c.scen.osl = 1;
	load_ok(&c, INFINITY, 100, &o);
	assert_int_equal(o.regime, RL_LOAD_BURST);
	near(o.ttft_mean_s, 0.505, 1e-9);
	near(o.ttft_p50_s, 0.505, 1e-6);
	near(o.ttft_p90_s, 0.901, 1e-6);
	near(o.duration_s, 1.0, 1e-9);
	near(o.requests_per_s, 100, 1e-9);
}

/* Ten prompts of 100 tokens share each iteration: request i gets its
** token at the end of iteration floor(i / 10) + 1; over 100 requests the
** mean is 0.01 x 5.5 = 0.055 s.  The model spreads the ten over the
** iteration (delta = (1 - 0.1) / 2) and keeps the 10 ms prefill as a floor
** for the first five: 0.055 + 0.0001023 (the floor's excess: (0.0045 x
** 4.5 - 0.0005 x 4.5^2) / 99). */
static void test_burst_shared_iterations(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.scen.osl = 1;
	load_ok(&c, INFINITY, 100, &o);
	near(o.ttft_mean_s, 0.055 + (0.0045 * 4.5 - 0.0005 * 4.5 * 4.5) / 99,
	     1e-6);
	near(o.ttft_mean_s, 0.055, 0.01); /* and the drain order itself */
}

/* More of a chip's resource never makes the server slower (the physics,
** not the program's output): Llama-3 8B FP8 on the ideal H100 (fixtures.h)
** at 8000 tokens in, 500 out, a budget of 2048 tokens.  With 40 GB the KV
** cache caps the batch (about 59 sequences); with the H100's 80 GB the
** budget does (121).  Below
** either capacity the memory does not enter the engine at a rate, so the
** concurrency is the same and the prompts' wait on the budget too: the
** TTFT with more memory cannot be longer (the wait was once lambda / X_max
** on the budget where it bound and N / N_max on the slots where they did:
** the larger memory then waited longer).  The same for 4.8 TB/s of HBM
** against 3.35: iterations no longer, so no longer wait; and the highest
** rate that meets a mean TTFT of 0.5 s and TPOT of 50 ms cannot fall. */
static void test_more_resources_no_slower(void **state)
{
	static const double share[] = {0.1, 0.3, 0.5, 0.7, 0.9};
	rl_config lo, mem, bw;
	rl_result rl, rm;
	rl_slo t[2] = {{RL_SLO_TTFT, 0, 0.5}, {RL_SLO_TPOT, 0, 0.05}};
	rl_slo_result sl, sm, sb;
	size_t i;
	(void)state;
	fx_h100_ideal(&lo);
	fx_llama3_8b(&lo.model);
	lo.prof.iter_overhead_s = 1e-3;
	lo.prof.seq_overhead_s = 2e-5;
	lo.prof.max_num_tokens = 2048;
	lo.scen.isl = 8000;
	lo.scen.osl = 500;
	lo.chip.hbm_bytes = 40e9;
	mem = bw = lo;
	mem.chip.hbm_bytes = 80e9;
	bw.chip.hbm_Bps = 4.8e12;
	assert_int_equal(rl_eval(&lo, &rl), RL_OK);
	assert_int_equal(rl_eval(&mem, &rm), RL_OK);
	assert_int_equal(rl.concurrency_limit, RL_LIMIT_MEMORY);
	assert_int_equal(rm.concurrency_limit, RL_LIMIT_TOKENS);
	for (i = 0; i < sizeof share / sizeof share[0]; i++) {
		rl_load_result a, b, c;
		double lam = share[i] * rl.requests_per_s;
		load_ok(&lo, lam, 0, &a);
		load_ok(&mem, lam, 0, &b);
		load_ok(&bw, lam, 0, &c);
		near(b.concurrency, a.concurrency, 1e-6);
		assert_true(b.ttft_mean_s <= a.ttft_mean_s * (1 + 1e-9));
		assert_true(c.ttft_mean_s <= a.ttft_mean_s * (1 + 1e-9));
		assert_true(c.tpot_s <= a.tpot_s * (1 + 1e-9));
	}
	assert_int_equal(rl_slo_search(&lo, t, 2, &sl), RL_OK);
	assert_int_equal(rl_slo_search(&mem, t, 2, &sm), RL_OK);
	assert_int_equal(rl_slo_search(&bw, t, 2, &sb), RL_OK);
	assert_int_equal(sl.met, 1);
	assert_true(sm.best.offered_rps >= sl.best.offered_rps * (1 - 1e-6));
	assert_true(sb.best.offered_rps >= sl.best.offered_rps * (1 - 1e-6));
}

/* An endless stream at twice the capacity: saturated, the queue grows by
** lambda - X_max = X_max requests/s, TTFT is unbounded, the server runs
** at N_max = 100 and X_max. */
/* A burst of 300 on the server of the header, whose concurrency (100) the
** token budget bounds: no slot to wait for, all 300 prompts drain through
** the budget while the admitted ones decode.  With x sequences decoding on
** average, a prompt takes u = 100 / (1000 - x) iterations, the drain
** K = 300 u, and x = (10 / u) (1 - 10 / (2K)) (load.c): with y = 1000 - x,
** y^2 - 66000 y + 6e7 = 0, y = 921.970, u = 0.1084634, K = 32.53901.  The
** run lasts K iterations and then the last request's 10 decode steps:
** 0.3253901 + 0.1 = 0.4253901 s (waiting for a slot freed at X_max, as if
** the 100 were a batch size, gave 0.42525 s). */
static void test_burst_through_budget(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	load_ok(&c, INFINITY, 300, &o);
	assert_int_equal(o.regime, RL_LOAD_BURST);
	near(o.max_concurrency, 100, 1e-9);
	near(o.duration_s, 0.4253901, 1e-6);
	near(o.requests_per_s, 300 / 0.4253901, 1e-6);
}

/* A burst whose drain is short against its decode keeps nearly all of its
** batch through the tail.  With 0.1 ms per sequence per iteration, isl 100,
** osl 101 (a = 100 decode steps) and a burst of 50: the prefill-only
** iteration carries the budget, 1000 tokens, 10 prompts: T_B = 0.01 +
** 10 x 0.0001 = 0.011 s.  The drain is short (K <= a), so n_bar = 50 / 2,
** u = 100 / 975, K = 50 u = 5.1282; request j has done K - j u steps when
** it ends, so all 50 decode for a - K more steps, then thin out over K:
** mean batch 50 (1 - K / 2a) = 48.718 sequences, of which 100 / 101
** decode (the engine's steady share at that cap): T_d = 0.01 + 0.0001 x
** 48.236 = 0.0148236 s.  The run: K T_B + a T_d = 1.5387662 s (a batch
** thinning from 50 to 0 over all 100 steps, mean 25, gave 1.3039 s). */
static void test_burst_tail_keeps_batch(void **state)
{
	rl_config c;
	rl_load_result o;
	double K = 50 * 100 / 975.0;
	double T_d = 0.01 + 1e-4 * 50 * (1 - K / 200) * 100 / 101;
	(void)state;
	overhead_only(&c);
	c.prof.seq_overhead_s = 1e-4;
	c.scen.osl = 101;
	load_ok(&c, INFINITY, 50, &o);
	assert_int_equal(o.regime, RL_LOAD_BURST);
	near(o.duration_s, K * 0.011 + 100 * T_d, 1e-6);
	near(o.duration_s, 1.5387662, 1e-6);
	near(o.tpot_s, (K / 2 * 0.011 + (100 - K / 2) * T_d) / 100, 1e-6);
}

/* Prompts queue on the budget only in a backlog, which fills every
** iteration's budget: a prompt then holds it isl / (B - n_dec) iterations
** of a full budget, not of the iteration at the operating point.  With 0.1
** ms per sequence per iteration the full budget's iteration (the
** prefill-only engine's: 1000 tokens, 10 prompts of 100) costs T_B = 0.01
** + 10 x 0.0001 = 0.011 s, while at 20 requests/s (N about 2.2) the
** iterations carrying a prompt hold it and about 2 others: about 0.0103
** s.  So rho = lambda D with D = 100 x 0.011 / (1000 - n_dec), n_dec the
** sequences decoding at N (below 3 here), and the mean wait rho D / (2 (1
** - rho)).  A run of 50 requests, under N_max = 100, is admitted at once
** (no admission queue; an endless stream would wait on it, rho = N / 100
** and D = 1 / X_max, longer here), so the budget's is the wait. */
static void test_budget_wait_full_iteration(void **state)
{
	rl_config c;
	rl_load_result o;
	double D, n_dec;
	(void)state;
	overhead_only(&c);
	c.prof.seq_overhead_s = 1e-4;
	load_ok(&c, 20, 50, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	n_dec = o.at.decode_seqs;
	assert_true(n_dec > 0 && n_dec < 3);
	assert_true(o.at.prefill.time_s < 0.0105);
	D = 100 * 0.011 / (1000 - n_dec);
	near(o.ttft.rho, 20 * D, 1e-9);
	near(o.ttft.qmean_s, D / (2 * (1 - 20 * D)), 1e-9);
}

/* Close to capacity the budget's rho is lambda D_b itself, not a clamp of
** it: at 909 requests/s, under X_max = 909.0909, N = 909 x 0.11 = 99.99
** sequences, n_dec = 99.99 x 10 / 11 = 90.9 decoding, D_b = 100 x 0.01 /
** (1000 - 90.9) = 1 / 909.1 s and rho_b = 909 / 909.1 = 0.99989 (kept only
** below 1 - 1e-7 against rounding), a mean wait D_b / (2 (1 - rho_b)) =
** (1 / 909.1) / (2 x 0.1 / 909.1) = 5 s (mutation testing: a clamp at
** 1 - 1e-3, which gives 0.55 s, survived).  Since every request queues
** for admission as well (load.c: the budget's N_max = 100 places, one
** freed every 1 / X_max = 0.0011 s), that queue's rho = N / N_max =
** 0.9999 and its wait 0.9999 x 0.0011 / (2 x 0.0001) = 5.49945 s, the
** longer, is the one reported: both reach 1 at capacity. */
static void test_budget_wait_near_capacity(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	load_ok(&c, 909, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 99.99, 1e-4);
	near(o.at.decode_seqs, 90.9, 1e-4);
	near(o.ttft.rho, 0.9999, 1e-8);
	/* qmean_s is the mean wait when positive, D / (2 (1 - rho)) =
	** 0.0011 / 0.0002 = 5.5 s; the mean over every request, rho of
	** them waiting, is 5.49945 s (a 1e-3 tolerance passed either) */
	near(o.ttft.qmean_s, 0.0011 / (2 * 0.0001), 1e-6);
	near(o.ttft.rho * o.ttft.qmean_s, 5.49945, 1e-6);
}

/* A budget whose wait is the longer one.  With 10 ms per prompt's worth
** of prefill tokens (request_overhead_s) an iteration carrying p prefill
** tokens costs 0.01 + 0.0001 p s (decode steps cost nothing here).
** Steady state at N (isl 100, osl 11: N / 11 prompts and 10 N / 11
** decoding an iteration): T(N) = 0.01 + N / 1100, X(N) = N / (11 T) = N /
** (0.11 + 0.01 N); the budget caps N_max = 100 (slots 4096 do not), X_max
** = 100 / 1.11 = 90.0901.  X(N) = lambda: N = 0.11 lambda / (1 - 0.01
** lambda), n_dec = 10 N / 11 = 0.1 lambda / (1 - 0.01 lambda).  The
** budget's hold (load.c budget_hold): the prefill-only iteration of B =
** 1000 tokens costs T_B = 0.11 s, and isl T_B / (B - n_dec) = 11 / (1000 -
** n_dec) passes 1 / X_max = 0.0111 s once n_dec > 9.0 (T_B counts B
** prompt tokens where a backlog beside the n_dec decoding carries B -
** n_dec, 0.01 + 0.0001 (1000 - n_dec) s, at most the iteration at N_max,
** which serves a prompt in 1 / X_max): D_b = 0.0111 s, rho_b = lambda /
** X_max.  At 85.53 requests/s: 1 - 0.01 lambda = 0.1447, N = 9.4083 /
** 0.1447 = 65.01935, n_dec = 8.553 / 0.1447 = 59.10850 (11 / 940.89 =
** 0.011691 > 0.0111), rho_b = 85.53 x 0.0111 = 0.949383, a mean wait when
** positive of 0.0111 / (2 x 0.050617) = 0.109647 s, 0.104097 s in all.
** Admission: rho = min(lambda / X_max, N / N_max = 0.65019) = 0.65019, D
** = 0.0111 s, a mean wait rho D / (2 (1 - rho)) = 0.0103 s, shorter: the
** budget's is reported.  (Until load5 D_b was 0.011691 s and rho_b
** 0.99993, its wait 89.43 s: rho_b reached 1 at 85.534 requests/s, below
** X_max, and was clamped at 1 - 1e-7 from there to X_max.) */
static void test_budget_wait_longer_near_one(void **state)
{
	rl_config c;
	rl_load_result o;
	double lam = 85.53, nd = 8.553 / 0.1447;
	(void)state;
	overhead_only(&c);
	c.prof.request_overhead_s = 0.01;
	load_ok(&c, lam, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.capacity_rps, 100 / 1.11, 1e-9);
	near(o.concurrency, 9.4083 / 0.1447, 1e-6);
	near(o.at.decode_seqs, nd, 1e-6);
	assert_true(11 / (1000 - nd) > 0.0111);
	near(o.ttft.rho, 0.949383, 1e-9);
	near(o.ttft.qmean_s, 0.0111 / (2 * 0.050617), 1e-6);
	near(o.ttft.qmean_s, 0.109647, 1e-5);
}

/* The budget cannot saturate before the server: the same server at 0.99
** X_max = 99 / 1.11 = 89.189 requests/s, N = 0.11 x 99 / 0.12 = 90.75
** (1 - 0.01 lambda = 0.12 / 1.11), n_dec = 82.5.  D_b = 1 / X_max (11 /
** 917.5 = 0.011989 passes it), rho_b = 0.99 < 1, a mean wait when positive
** of 0.0111 / (2 x 0.01) = 0.555 s, 0.54945 s in all; admission's rho =
** 0.9075, its mean wait 0.9075 x 0.0111 / (2 x 0.0925) = 0.05445 s: the
** budget's is reported.  At (1 - 1e-5) X_max rho_b = 1 - 1e-5 (not a
** clamp: one at 1 - 1e-3 would give 5.55 s) and the mean wait when
** positive 0.0111 / 2e-5 = 555 s; admission's rho = N / N_max = 0.11 (1 -
** 1e-5) / (0.11 + 1e-5) = 1 - 1.0091e-4, its mean wait about 55 s.  (Until
** load5 rho_b was clamped at 1 - 1e-7 at both, a wait of about 6e4 s.) */
static void test_budget_below_one_near_capacity(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.prof.request_overhead_s = 0.01;
	load_ok(&c, 99 / 1.11, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 90.75, 1e-6);
	near(o.at.decode_seqs, 82.5, 1e-6);
	assert_true(o.ttft.rho < 1);
	near(o.ttft.rho, 0.99, 1e-9);
	near(o.ttft.qmean_s, 0.555, 1e-6);
	load_ok(&c, (1 - 1e-5) * 100 / 1.11, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 11 * (1 - 1e-5) / (0.11 + 1e-5), 1e-6);
	near(o.ttft.rho, 1 - 1e-5, 1e-9);
	near(o.ttft.qmean_s, 555, 1e-6);
}

/* Slots, not the budget, bound the server: max_batch_size 50, N_max = 50,
** X_max = 50 / 0.11 = 454.5 req/s.  At 0.9 X_max the concurrency is 45
** (0.11 lambda); an endless stream waits as M/D/1 with rho = N / N_max =
** 0.9 (here lambda / X_max too: X(N) is linear), D = 1 / X_max: mean wait
** 0.9 D / (2 x 0.1) = 0.0099 s, longer than the token budget's (a prompt
** holds it D_b = 0.01 x 100 / (1000 - 45 x 10 / 11) = 0.0010427 s, rho_b =
** 409.09 D_b = 0.42654: 0.000388 s), so the slots' is the wait.  A run of
** 40 requests never fills the 50 slots: at 300 requests/s (under the
** X(40) = 363.6 it can sustain, test_run_capacity) it holds N = 33 with no
** slot wait (an endless stream would wait with rho = 33 / 50).  Its 40
** arrivals last T = 40 / 300 s and each stays W = 0.11 s (W <= T): the
** concurrency ramps up over the first W, holds, and ramps down after the
** last arrival, and the requests see on average the share 1 - W / 3T =
** 0.725 of the steady 33: N = 23.925 (load.c ramp_share).  Its prompts
** still pass the budget: D_b = 0.001 / (1 - 0.02175) (n_dec = 23.925 x 10
** / 11 = 21.75), rho_b = 300 D_b = 0.30667, a wait of 0.00022608 s.  TTFT
** = the prefill 0.01 + (1 - e^-N) x the half iteration 0.005 + that
** wait. */
static void test_slots_finite_run(void **state)
{
	rl_config c;
	rl_load endless = {0.9 * 100 / 0.11 * 0.5, 0}, run = {300, 40};
	rl_load_result o;
	double xmax = 50 / 0.11, busy = 1 - exp(-45.0);
	(void)state;
	overhead_only(&c);
	c.prof.max_batch_size = 50;
	assert_int_equal(rl_load_eval(&c, &endless, &o), RL_OK);
	near(o.max_concurrency, 50, 1e-9);
	near(o.concurrency, 45, 1e-6);
	near(o.ttft_mean_s, 0.01 + busy * 0.005 + 0.9 / xmax / (2 * 0.1), 1e-6);
	assert_int_equal(rl_load_eval(&c, &run, &o), RL_OK);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 33 * (1 - 0.11 / (3 * 40 / 300.0)), 1e-6);
	near(o.concurrency, 23.925, 1e-6);
	{
		double D = 0.01 * 100 / (1000 - 23.925 * 10 / 11), rho = 300 * D;
		double w = rho * D / (2 * (1 - rho));
		near(w, 0.00022608, 1e-4);
		near(o.ttft_mean_s, 0.01 + (1 - exp(-23.925)) * 0.005 + w, 1e-6);
	}
}

/* The wait is the longer of the two queues' mean waits, rho D / (2 (1 -
** rho)) each, not the longer of rho D alone.  Slots at 90 (max_batch_size
** 90, under the budget's 100): X_max = 90 / 0.11 = 818.18 req/s, and at
** 0.9 X_max Little's law gives N = 0.9 x 90 = 81 (X(N) linear).  The
** slots: rho = 81 / 90 = 0.9, D = 1 / X_max = 0.0012222 s, a mean wait of
** 0.9 x 0.0012222 / (2 x 0.1) = 0.0055 s.  The budget: n_dec = 81 x 10 /
** 11 = 73.636, D_b = 0.01 x 100 / (1000 - 73.636) = 0.0010795 s, rho_b =
** 736.36 D_b = 0.79490, a mean wait of 0.0020918 s.  The slots' is the
** longer (though their rho D, 0.0011, is below the budget's rho D / (1 -
** rho), 0.0041837): TTFT = 0.01 + (1 - e^-81) 0.005 + 0.0055 = 0.0205. */
static void test_slots_wait_longer_mean(void **state)
{
	rl_config c;
	rl_load_result o;
	double xmax = 90 / 0.11, lam = 0.9 * xmax;
	double n_dec = 81 * 10 / 11.0, D_b = 0.01 * 100 / (1000 - n_dec);
	double rho_b = lam * D_b, w_b = rho_b * D_b / (2 * (1 - rho_b));
	double w_s = 0.9 / xmax / (2 * 0.1);
	(void)state;
	overhead_only(&c);
	c.prof.max_batch_size = 90;
	near(w_s, 0.0055, 1e-9);
	near(w_b, 0.0020918, 1e-4);
	load_ok(&c, lam, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 81, 1e-6);
	near(o.ttft.rho, 0.9, 1e-6);
	near(o.ttft.rho * o.ttft.qmean_s, w_s, 1e-6);
	near(o.ttft_mean_s, 0.01 + (1 - exp(-81.0)) * 0.005 + w_s, 1e-6);
}

/* Where each sequence makes the iteration dearer (0.1 ms each), X(N) / N
** falls as N grows, so at a rate lambda the share of the slots in use, N /
** N_max, is below lambda / X_max (Little: lambda = N / W(N), W(N) <=
** W(N_max)): the slots' rho is the share in use, the smaller.  Slots at 50
** (max_batch_size), 0.9 X_max: rho = N / 50 < 0.9, the mean wait rho D /
** (2 (1 - rho)) with D = 1 / X_max; the budget's, D_b = 100 T_B / (1000 -
** n_dec) with T_B = 0.01 + 10 x 0.0001 = 0.011 s (10 prompts of 100 in
** the prefill-only iteration), rho_b = lambda D_b, is shorter. */
static void test_slots_rho_share_in_use(void **state)
{
	rl_config c;
	rl_result r;
	rl_load_result o;
	double xmax, lam, rho, D_b, rho_b;
	(void)state;
	overhead_only(&c);
	c.prof.seq_overhead_s = 1e-4;
	c.prof.max_batch_size = 50;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_BATCH);
	near(r.concurrency, 50, 1e-9);
	xmax = r.requests_per_s;
	lam = 0.9 * xmax;
	load_ok(&c, lam, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	rho = o.concurrency / 50;
	assert_true(rho < 0.9 - 1e-3);
	D_b = 100 * 0.011 / (1000 - o.at.decode_seqs);
	rho_b = lam * D_b;
	assert_true(rho / xmax / (2 * (1 - rho)) >
	            rho_b * D_b / (2 * (1 - rho_b)));
	near(o.ttft.rho, rho, 1e-9);
	near(o.ttft.qmean_s, 1 / xmax / (2 * (1 - rho)), 1e-9);
}

/* A run of exactly N_max requests never waits for a slot either (all 50
** fit at once).  Slots at 50, a run of 50 at 400 requests/s (under X(50)
** = 454.5): arrivals over T = 50 / 400 = 0.125 s, each staying W = 0.11
** s, N = 400 x 0.11 x (1 - W / 3T) = 31.09333 (as in
** test_slots_finite_run).  Only the budget's wait: n_dec = N x 10 / 11,
** D_b = 0.01 x 100 / (1000 - n_dec), rho_b = 400 D_b = 0.41164, a wait of
** 0.00036001 s (the slots', with rho = N / 50 = 0.62187, would be
** 0.0018091 s). */
static void test_slots_run_of_n_max(void **state)
{
	rl_config c;
	rl_load run = {400, 50};
	rl_load_result o;
	double N = 400 * 0.11 * (1 - 0.11 / (3 * 50 / 400.0));
	double D = 0.01 * 100 / (1000 - N * 10 / 11), rho = 400 * D;
	double w = rho * D / (2 * (1 - rho));
	(void)state;
	overhead_only(&c);
	c.prof.max_batch_size = 50;
	near(N, 31.09333, 1e-6);
	near(w, 0.00036001, 1e-4);
	assert_int_equal(rl_load_eval(&c, &run, &o), RL_OK);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, N, 1e-6);
	near(o.ttft_mean_s, 0.01 + (1 - exp(-N)) * 0.005 + w, 1e-6);
}

/* The last request of a finite run below capacity: 10 ms per prompt
** prefilled (request_overhead_s) makes the iterations carrying prefill
** dearer, so the mean TPOT is above the 10 ms of a decode-only iteration;
** the last arrival (at 999 / 20 s) has no prompt after it, so its 10
** decode steps are decode-only: it ends 10 x 10 ms after its first token
** (the old duration took the mean TPOT). */
static void test_run_last_request(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.prof.request_overhead_s = 0.01;
	load_ok(&c, 20, 1000, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	assert_true(o.tpot_s > 0.01 * (1 + 1e-3));
	near(o.duration_s - o.ttft_mean_s, 999 / 20.0 + 10 * 0.01, 1e-9);
	near(o.requests_per_s, 1000 / o.duration_s, 1e-12);
}

/* Output lengths that vary (scenario.osl_max, load.c 3): the run of
** test_run_last_request with the longest request at 111 output tokens,
** 100 beyond the mean 11, decoded alone after the others: on this server
** a batch-1 decode-only iteration is the 10 ms overhead, so the run ends
** 100 x 0.01 = 1 s later; the means over requests (TTFT, TPOT) are those
** of the fixed lengths: the prompts now vary too (exponential around 100,
** load.c 3a), but this server's prefill (10 ms a prompt's worth of tokens)
** is linear in the prompt, so the mean over them is the mean prompt's.
** osl_max = osl is the fixed run. */
static void test_run_long_tail(void **state)
{
	rl_config c;
	rl_load_result fixed, o;
	(void)state;
	overhead_only(&c);
	c.prof.request_overhead_s = 0.01;
	c.scen.osl_max = 11;
	load_ok(&c, 20, 1000, &fixed);
	near(fixed.duration_s - fixed.ttft_mean_s, 999 / 20.0 + 10 * 0.01, 1e-9);
	c.scen.osl_max = 111;
	load_ok(&c, 20, 1000, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.duration_s - o.ttft_mean_s, 999 / 20.0 + 10 * 0.01 + 100 * 0.01,
	     1e-9);
	near(o.ttft_mean_s, fixed.ttft_mean_s, 1e-12);
	near(o.tpot_s, fixed.tpot_s, 1e-12);
	near(o.requests_per_s, 1000 / o.duration_s, 1e-12);
}

/* A finite run below capacity as a fluid (load.c 2b), by hand: every
** iteration 10 ms (a0) plus 2 ms per prompt it prefills
** (request_overhead_s), none per sequence, so an iteration costs a0 + c
** a, a the prompts it takes, whatever the batch.  n = 60 requests at lam =
** 100/s, osl 21 (a stay of L = 21 iterations).  While they arrive the
** iterations take what arrives during them, a = lam T: T1 = a0 / (1 - lam
** c) = 0.01 / 0.8 = 0.0125 s, alpha = lam T1 = 1.25 prompts an
** iteration; after the last arrival (at t_run = 59 / 100 s, tau_r = t_run
** / T1 = 47.2 iterations, longer than a stay) every iteration is a0.  In
** iterations tau, a request admitted at tau' is in the batch for [tau',
** tau' + L]: at T1 for the part before tau_r, at a0 after it.  The first
** (at 0) is all at T1; the fluid of the other n - 1 = alpha tau_r, those
** admitted in the last L iterations before tau_r spending on average
** half their stay after it: the time summed over the gaps is T1 L (1 +
** alpha (tau_r - L / 2)) + a0 alpha L^2 / 2, over n L gaps, so the mean
** inter-token time is T1 - (T1 - a0) alpha L / (2 n) = 0.0125 - 0.0025 x
** 1.25 x 21 / 120 = 0.011953 s.  The steady ramp (2a: the engine at the
** concurrency the requests see on average) gives 0.01207, 1% more: it
** misses that the last stay's iterations carry no prompt.  The run ends at
** the later of the last arrival's own end (its TTFT, then 20 decode-only
** iterations) and the fluid's, t_run + L a0 = 0.80 s: the first here.
** Only where profile.run_fluid says so, and for fixed lengths: a run whose
** lengths vary (scenario.osl_max) keeps the steady ramp. */
static void test_run_fluid(void **state)
{
	rl_config c;
	rl_load_result o;
	double T1 = 0.01 / (1 - 100 * 0.002);
	double want = T1 - (T1 - 0.01) * 100 * T1 * 21 / (2 * 60);
	(void)state;
	overhead_only(&c);
	c.prof.request_overhead_s = 0.002;
	c.scen.osl = 21;
	load_ok(&c, 100, 60, &o); /* profile.run_fluid off: the steady ramp */
	near(o.tpot_s, o.at.tpot_s, 1e-12);
	c.prof.run_fluid = 1;
	load_ok(&c, 100, 60, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(want, 0.011953125, 1e-9);
	near(o.tpot_s, want, 3e-3); /* the fluid's steps: -0.14% */
	assert_true(o.at.tpot_s > want * 1.008);
	near(o.duration_s, 59 / 100.0 + o.ttft_mean_s + 20 * 0.01, 1e-9);
	assert_true(o.duration_s > 59 / 100.0 + 21 * 0.01);
	c.scen.osl_max = 42;
	load_ok(&c, 100, 60, &o);
	near(o.tpot_s, o.at.tpot_s, 1e-12);
}

/* Where the fluid stands aside (2b of load.c's header: a run spanning
** more than 1024 stays keeps 2a's steady state).  test_run_fluid's server
** and rate, lam = 100/s, L = 21: the fluid counts the run's iterations at
** most as its arrivals at the shortest iteration, the decode-only td(1) =
** 0.01 s, then one stay: (n - 1) / (lam td) + L = n + 20.  Its steps are
** max(L / 32, (n + 20) / 2048) iterations, and more than half a stay (L /
** 2 = 10.5) where n + 20 > 1024 L = 21,504: n = 21,500 (21,520
** iterations) keeps the steady ramp's figure, the engine's TPOT at the
** concurrency solved, bit for bit, as with run_fluid off; n = 21,470
** (21,490 iterations, steps of 10.49) is the fluid's, another number
** (0.0124985 s by test_run_fluid's formula; the steady ramp 0.0124987)
** (mutation testing: the span without its stay, or the fluid standing
** aside only past a whole stay a step, survived). */
static void test_run_fluid_span(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.prof.request_overhead_s = 0.002;
	c.scen.osl = 21;
	c.prof.run_fluid = 1;
	load_ok(&c, 100, 21500, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.tpot_s, o.at.tpot_s, 1e-15);
	load_ok(&c, 100, 21470, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	assert_true(fabs(o.tpot_s - o.at.tpot_s) > 1e-9 * o.at.tpot_s);
	/* (test_run_fluid's T1 - (T1 - td) lam T1 L / (2 n), T1 = 0.0125 s:
	** 0.0124985 s, to its steps' error) */
	near(o.tpot_s, 0.0125 - 0.0025 * 1.25 * 21 / (2 * 21470.0), 1e-3);
}

/* The same in a burst: test_burst_tail_keeps_batch's run with the longest
** request at 301 output tokens, 200 beyond the mean 101, decoded alone: a
** batch-1 decode iteration there is T_1 = 0.01 + 0.0001 x 100 / 101 s (the
** engine's decoding share of a cap of 1), 200 of them.  The lengths vary
** (exponential around the mean, load.c 3a), so after the drain the 50
** still decoding finish one by one and the gaps see half of them on
** average: T_d = 0.01 + 0.0001 x 25 x 100 / 101 s, where the fixed
** lengths' batch was 50 (1 - K / 2a) = 48.718.  Run: K x 0.011 + 100 T_d
** + 200 T_1 = 3.3237 s; inter-token time (K / 2 x 0.011 + (100 - K / 2)
** T_d) / 100 = 0.012437 s. */
static void test_burst_long_tail(void **state)
{
	rl_config c;
	rl_load_result o;
	double K = 50 * 100 / 975.0;
	double T_1 = 0.01 + 1e-4 * 100 / 101;
	double T_d = 0.01 + 1e-4 * 25 * 100 / 101;
	(void)state;
	overhead_only(&c);
	c.prof.seq_overhead_s = 1e-4;
	c.scen.osl = 101;
	c.scen.osl_max = 301;
	load_ok(&c, INFINITY, 50, &o);
	assert_int_equal(o.regime, RL_LOAD_BURST);
	near(o.duration_s, K * 0.011 + 100 * T_d + 200 * T_1, 1e-6);
	near(o.duration_s, 3.3237, 1e-4);
	near(o.tpot_s, (K / 2 * 0.011 + (100 - K / 2) * T_d) / 100, 1e-6);
	near(o.requests_per_s, 50 / o.duration_s, 1e-12);
}

/* Prompts of a dataset vary around their mean (exponential, load.c 3a),
** and a prefill flat below the ridge and linear above it costs them more
** than the mean prompt.  The server of test_run_long_tail with a finite
** chip: the weight read of the 8B model at FP8 (6,979,321,856 bytes of
** layer weights and the 128256 x 4096 LM head: 7.5 GB, the embedding
** gathered, not read) at 803 GB/s takes W = 9.346 ms; a token costs c =
** 13.96 GFLOP / 150 TFLOP/s = 93.06 us of compute against a = 32 layers x
** 69,632 activation bytes (d + (h + 2 kv) dh + h dh + d + 2 d + 3 f, FP8)
** / 803 GB/s = 2.77 us of GEMM memory traffic, and e = 32 x 83,968 x 2
** bytes (10 d + 3 f elementwise at 16 bits) / 803 GB/s = 6.69 us beside
** them.  An iteration of t tokens (the prompt's and the n_dec = 10 / 11
** decoding) costs 0.01 + max(W + a t, c t) + e t: the ridge is at k =
** W / (c - a) = 103.5 tokens.  The others' prompts arriving alongside are
** the mean engine's whatever this one's length (own_prefill), so they add
** the same to the spread and to the fixed prompt, and the gain is the
** prompt's own: the mean over the 16 quantile points isl_j (scaled to
** mean 100) of g(isl_j) less g(100), g(t) = max(W + a (n_dec + t), c
** (n_dec + t)): 3.184 ms (the integral over the exponential, (c - a) 100
** e^(-k / 100), 3.207 ms; within 1%: KV writes).  (Co-arrivals scaled by
** isl_j / 100, as until load6, gave 3.479 ms, 9% more; the note here then
** was c E[(X - k)+] = 3.93 ms within 15%, which took neither a below the
** ridge nor the mean prompt's own place near it.)  The wait is the fixed
** lengths' within 0.1% (the requests in flight, the long ones, read a
** little more context: engine.c osl_in_flight). */
static void test_spread_prompts(void **state)
{
	rl_config c;
	rl_load_result fixed, o;
	double cw = 2 * 6979321856.0 / 1.5e14, a = 69632 * 32 / 803e9;
	double W = (6979321856.0 + 128256 * 4096.0) / 803e9, nd = 10.0 / 11;
	double qs = 0, gain = 0;
	int j;
	(void)state;
	overhead_only(&c);
	c.chip.hbm_Bps = 803e9;
	c.chip.peak_flops_fp8 = 1.5e14;
	load_ok(&c, 2, 1000, &fixed);
	c.scen.osl_max = 21;
	load_ok(&c, 2, 1000, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	for (j = 0; j < 16; j++)
		qs += -log(1 - (j + 0.5) / 16);
	for (j = 0; j < 16; j++) {
		double t = 100 * -log(1 - (j + 0.5) / 16) * 16 / qs + nd;
		gain += fmax(W + a * t, cw * t) / 16;
	}
	gain -= fmax(W + a * (100 + nd), cw * (100 + nd));
	near(gain, 3.184e-3, 1e-3);
	near(o.prefill_s - fixed.prefill_s, gain, 0.01);
	near(o.ttft_mean_s - o.prefill_s, fixed.ttft_mean_s - fixed.prefill_s,
	     1e-3);
}

/* The 16 quantile points of the prompts' spread (load.c 3a,
** spread_prefill), exactly, where the TTFT is a step in the prompt: on the
** overhead-only server every iteration costs 10 ms, so a prompt that fits
** the budget's chunk (1000 tokens less the few decoding, N about 0.22 at 2
** requests/s: above 999) takes one iteration, 0.01 s, and one of 1000 to
** 2000 tokens two, 0.02 s.  The points are q_j = -ln(1 - (j + 0.5) / 16),
** j = 0..15, scaled by 16 / sum q_j: sum q_j = 16 ln 16 - ln(0.5 x 1.5 x
** ... x 15.5) = 44.3614 - 28.7053 = 15.6561 (mean 0.978502), the top
** three ln 32 = 3.46574, ln(32 / 3) = 2.36712 and ln(32 / 5) = 1.85630,
** scaled 3.54188, 2.41912 and 1.89708 times the mean prompt.  Mean 300:
** 1062.6 tokens (two chunks) and 725.7 (one), so the mean TTFT service is
** (15 x 0.01 + 0.02) / 16 = 0.010625 s, 0.625 ms over the fixed prompt's
** 0.01.  Mean 418: 1480.5 and 1011.2 (two chunks each) and 793.0 (one):
** (14 x 0.01 + 2 x 0.02) / 16 = 0.01125 s.  Points j / 16 or (j + 1) / 17
** put the top one at 972 or 928 tokens for mean 300 (no gain); points not
** scaled to the mean put the second at 989.4 for mean 418 (one chunk). */
static void test_spread_quantile_points(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.scen.osl_max = 21;
	c.scen.isl = 300;
	load_ok(&c, 2, 1000, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	assert_true(o.concurrency < 1);
	near(o.prefill_s, 0.010625, 1e-9);
	c.scen.isl = 418;
	load_ok(&c, 2, 1000, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.prefill_s, 0.01125, 1e-9);
	c.scen.osl_max = 0; /* fixed lengths: the mean prompt, one chunk */
	load_ok(&c, 2, 1000, &o);
	near(o.prefill_s, 0.01, 1e-9);
}

/* The prompts arriving alongside a request of the spread (load.c 3a,
** spread_prefill, own_prefill) are independent draws of mean isl:
** whatever this one's length isl_j, they are the mean engine's p tokens in
** p / isl requests, not p isl_j / isl tokens.  A compute-only server (FP8
** GEMMs at 150 TFLOP/s, every other rate 1e30: attention and memory
** vanish): a token costs c = 2 x 6,979,321,856 (Llama-3 8B's layer
** weights, 32 x (4096 x 10240 + 3 x 4096 x 14336)) / 1.5e14 = 93.06 us in
** the layers and a logits row h = 2 x 4096 x 128256 / 1.5e14 = 7.00 us in
** the LM head (each decode token, one a prompt), an iteration 0.01 s more.
** isl 200, osl 11 (osl_max 21) at 25 requests/s: n_dec = 10 N / 11, p =
** 200 N / 11, one prompt's row in a share p / 200 of the iterations, so
** the mean iteration is 0.01 + N (210 c + 11 h) / 11 and N / 11 requests
** of it; N / 11 = 25 x that: N = 2.75 / (1 - 25 (210 c + 11 h)) = 5.397,
** p = 98.1, n_dec = 4.9; decode-only rd = 0.01 + (c + h) n_dec, a prompt's
** iteration rd + 200 c + h.  Quantile j's own prompt adds c isl_j + h
** (its engine's chunk is its prompt: p isl_j / 200 < isl_j), the others'
** p tokens (c + h / 200) p: the top point, 3.54188 x 200 = 708.4 tokens
** (test_spread_quantile_points), plus p is 806.5 < 1000 - n_dec, so no
** point reaches the budget's cap, and the mean over the 16 (scaled to
** 200) is rd + 200 c + h + (c + h / 200) p, the mean prompt's: 38.245 ms.
** The co-arrivals scaled by isl_j / 200 (until load6) made the top point
** 708.4 (1 + p / 200) = 1055.9 tokens, capped at 995.1: 60.8 / 16 x c =
** 0.35 ms less; their tokens right but charged at the quantile engine's
** cost, (c isl_j + h) / isl_j a token, put h p (mean 1 / isl_j - 1 /
** 200) = 11 us more. */
static void test_spread_co_arrivals(void **state)
{
	rl_config c;
	rl_load_result o;
	double cost = 2 * 6979321856.0 / 1.5e14;
	double head = 2 * 4096 * 128256.0 / 1.5e14, p, rd, top = 3.54188 * 200;
	(void)state;
	overhead_only(&c);
	c.chip.peak_flops_fp8 = 1.5e14;
	c.scen.isl = 200;
	c.scen.osl_max = 21;
	load_ok(&c, 25, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	p = o.at.prefill_tokens;
	rd = o.at.decode.time_s;
	near(o.concurrency, 2.75 / (1 - 25 * (210 * cost + 11 * head)), 1e-6);
	near(p, 200 * o.concurrency / 11, 1e-9);
	near(o.at.decode_seqs, 10 * o.concurrency / 11, 1e-9);
	near(o.at.prefill_chunk, 200, 1e-12);
	near(rd, 0.01 + (cost + head) * o.at.decode_seqs, 1e-9);
	near(o.at.prefill.time_s, rd + 200 * cost + head, 1e-9);
	assert_true(top + p < 1000 - o.at.decode_seqs);
	assert_true(top * (1 + p / 200) > 1000 - o.at.decode_seqs + 50);
	near(o.prefill_s, rd + 200 * cost + head + (cost + head / 200) * p,
	     1e-9);
	near(o.prefill_s, 0.038245, 1e-4);
}

/* A spread of short prompts (load.c 3a): the 16 quantiles of prompts of
** mean isl 8 run from 8 x 0.0317 / 0.98 = 0.26 tokens up; a prompt is at
** least one token, so the shortest count 1 (spread_prefill's floor;
** fuzz5's mutant without it read prompts of a quarter token).  The
** compute-only server of test_spread_co_arrivals at 2 requests/s, where
** fewer than one prompt token is in an iteration (p < 1: each quantile's
** chunk is its own prompt, no budget's cap): quantile j's prefill is rd +
** c isl_j + h, the others arriving with it (c + h / 8) p, so the mean is
** rd + c m + h + (c + h / 8) p with m the mean of max(1, 8 q_j 16 /
** sum q) over q_j = -ln(1 - (j + 0.5) / 16): above 8 by the floor's
** lift. */
static void test_spread_short_prompts(void **state)
{
	rl_config c;
	rl_load_result o;
	double cost = 2 * 6979321856.0 / 1.5e14;
	double head = 2 * 4096 * 128256.0 / 1.5e14, q[16], qsum = 0, m = 0;
	double p, rd;
	int j;
	(void)state;
	for (j = 0; j < 16; j++) {
		q[j] = -log(1 - (j + 0.5) / 16);
		qsum += q[j];
	}
	for (j = 0; j < 16; j++)
		m += fmax(1, 8 * q[j] * 16 / qsum) / 16;
	assert_true(8 * q[0] * 16 / qsum < 0.3 && m > 8.04);
	overhead_only(&c);
	c.chip.peak_flops_fp8 = 1.5e14;
	c.scen.isl = 8;
	c.scen.osl_max = 21;
	load_ok(&c, 2, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	p = o.at.prefill_tokens;
	rd = o.at.decode.time_s;
	assert_true(p > 0 && p < 1);
	near(o.prefill_s, rd + cost * m + head + (cost + head / 8) * p, 1e-9);
}

/* More than one prompt in an iteration (p > isl) on a spread row: each
** quantile engine's chunk is then its p isl_j / isl tokens, more than its
** own prompt, and own_prefill charges the prompt's isl_j of them, (rp_j -
** rd_j)(isl_j - q_j) / q_j off the engine's TTFT (fuzz5's mutant without
** that term charged the whole chunk).  On the compute-only server of
** test_spread_co_arrivals (a prompt token c, a prompt's logits row h) the
** quantile's prefill is then rd + c isl_j + h + (c + h / isl) p, linear
** in isl_j, and the header's rule holds: a TTFT linear in the prompt keeps
** its figure over the quantiles (their mean is isl), the fixed-length
** row's rd + c isl + h + (c + h / isl) p, where no iteration reaches the
** budget's cap (the longest quantile, 3.54 isl, plus p within 1000 -
** n_dec).  isl 100 at 60 requests/s. */
static void test_spread_chunk_past_prompt(void **state)
{
	rl_config c;
	rl_load_result fixed, spread;
	(void)state;
	overhead_only(&c);
	c.chip.peak_flops_fp8 = 1.5e14;
	c.scen.isl = 100;
	c.scen.osl_max = 0;
	load_ok(&c, 60, 0, &fixed);
	assert_int_equal(fixed.regime, RL_LOAD_STEADY);
	assert_true(fixed.at.prefill_tokens > 100);
	assert_true(3.55 * 100 + fixed.at.prefill_tokens <
	            1000 - fixed.at.decode_seqs);
	c.scen.osl_max = 21;
	load_ok(&c, 60, 0, &spread);
	assert_true(spread.at.prefill_tokens > 100);
	near(spread.prefill_s, fixed.prefill_s, 1e-9);
}

/* A dataset whose longest output is its mean (scenario.osl_max = osl)
** has fixed lengths, as one without a longest (osl_max 0): the same
** figures bit for bit, at a steady rate and over a finite run (fuzz5's
** mutant reading osl_max >= osl as a spread gave it the 16 prompt
** quantiles' mean and the spread's tail).  The compute-only server of
** test_spread_co_arrivals. */
static void test_spread_needs_longer_max(void **state)
{
	rl_config c;
	rl_load_result a, b;
	double rate[2] = {25, 25}, n[2] = {0, 400};
	int i;
	(void)state;
	overhead_only(&c);
	c.chip.peak_flops_fp8 = 1.5e14;
	c.scen.isl = 200;
	for (i = 0; i < 2; i++) {
		c.scen.osl_max = 0;
		load_ok(&c, rate[i], n[i], &a);
		c.scen.osl_max = c.scen.osl;
		load_ok(&c, rate[i], n[i], &b);
		assert_true(a.prefill_s == b.prefill_s);
		assert_true(a.ttft_mean_s == b.ttft_mean_s);
		assert_true(a.ttft_p99_s == b.ttft_p99_s);
		assert_true(a.tpot_s == b.tpot_s);
		assert_true(a.e2e_s == b.e2e_s);
		assert_true(a.duration_s == b.duration_s ||
		            (isnan(a.duration_s) && isnan(b.duration_s)));
	}
}

/* A Poisson arrival's own prefill iteration carries its prompt and the
** others that arrived with it, isl + p tokens on average (load.c,
** own_prefill).  With 10 ms per request prefilled (request_overhead_s,
** charged per prompt's worth of prefill tokens) an iteration carrying q
** prefill tokens costs 0.01 + 0.01 q / 100 s.  At 20 requests/s p is
** below a prompt (q = isl = 100, the engine's 0.02 s): the own iteration
** costs 0.01 + 0.01 (100 + p) / 100 = 0.02 + 0.0001 p, p = 10 decode
** sequences' worth of prompts = (10 / 11) N x 100 / 10.  At 60
** requests/s (below the budget's capacity of about 90: 9 prompts an
** iteration of 0.1 s) p passes 100 (N > 11, where X = 11 / (0.02 + 10 x
** 0.02) = 50): q = p, and the own iteration is 0.01 more than the
** engine's, the one prompt more. */
static void test_own_prefill(void **state)
{
	rl_config c;
	rl_load slow = {20, 0}, fast = {60, 0};
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	c.prof.request_overhead_s = 0.01;
	assert_int_equal(rl_load_eval(&c, &slow, &o), RL_OK);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	assert_true(o.at.prefill_tokens < 100);
	near(o.at.prefill_tokens, o.concurrency * 10 / 11 * 10, 1e-6);
	near(o.at.ttft_s, 0.02, 1e-9);
	near(o.prefill_s, 0.02 + 1e-4 * o.at.prefill_tokens, 1e-9);
	near(o.ttft.base_s, o.prefill_s, 1e-12);
	/* the iteration an arrival finds: a share f = p / 100 of them carry
	** a prompt (0.02 s), the others none (0.01 s); found in proportion to
	** their length, (f 0.02^2 + (1 - f) 0.01^2) / (f 0.02 + (1 - f)
	** 0.01) long on average, not the mean 0.01 (1 + f) */
	{
		double f = o.at.prefill_tokens / 100;
		double biased = (f * 4e-4 + (1 - f) * 1e-4) /
		                (f * 0.02 + (1 - f) * 0.01);
		near(o.tpot_s, 0.01 * (1 + f), 1e-9);
		near(o.ttft.iter_s, biased, 1e-9);
		assert_true(o.ttft.iter_s > o.tpot_s);
		/* (and the budget's M/D/1 wait, test_run_capacity) */
		near(o.ttft_mean_s, o.prefill_s + (1 - exp(-o.concurrency)) *
		                                      biased / 2 +
		                        o.ttft.rho * o.ttft.qmean_s, 1e-9);
	}
	assert_int_equal(rl_load_eval(&c, &fast, &o), RL_OK);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	assert_true(o.at.prefill_tokens > 100);
	near(o.at.ttft_s, 0.01 + 1e-4 * o.at.prefill_tokens, 1e-9);
	near(o.prefill_s, o.at.ttft_s + 0.01, 1e-9);
	/* every iteration carries prefill: the one found is the mean one */
	near(o.ttft.iter_s, o.tpot_s, 1e-12);
}

/* A finite run holds at most its n requests: on the server of the header
** X(N) = N / 0.11, so a run of 40 sustains X(40) = 363.6 requests/s, well
** under X_max = 909.1.  At 300 requests/s it is steady (N = 23.925, the
** ramp of test_slots_finite_run).  At 400 a steady state would need
** N = 44, but the 40 arrive within T = 0.1 s, before the first leaves
** (W = 0.11 s > T): the concurrency ramps to 40 by T, holds until W and
** ramps down, and the requests see on average 40 (W - T/3) / W = 27.879
** (the share T/W (1 - T/3W) of lambda W = 44).  The budget keeps up: 1000
** tokens an iteration of 10 ms, less the 20 decoding meanwhile, prefill
** 980 / 100 / 0.01 = 980 prompts/s; no request waits, the run is steady.
** At 2000 requests/s the prompts outrun that budget: the run drains with
** its 40 in flight. */
static void test_run_capacity(void **state)
{
	rl_config c;
	rl_load below = {300, 40}, above = {400, 40}, past = {2000, 40};
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	assert_int_equal(rl_load_eval(&c, &below, &o), RL_OK);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 23.925, 1e-6);
	assert_int_equal(rl_load_eval(&c, &above, &o), RL_OK);
	assert_int_equal(o.regime, RL_LOAD_STEADY);
	near(o.concurrency, 40 * (0.11 - 0.1 / 3) / 0.11, 1e-6);
	near(o.concurrency, 27.878788, 1e-6);
	/* the budget binds this server: M/D/1 on it, a prompt holding it
	** D = 0.01 x 100 / (1000 - 27.878788 x 10 / 11) = 0.00102601 s (at
	** maximum load, 1 / X_max = 0.0011 s), rho = 400 D = 0.41040 */
	{
		double D = 0.01 * 100 / (1000 - 27.878788 * 10 / 11), rho = 400 * D;
		near(rho, 0.41040, 1e-4);
		near(o.ttft_mean_s, 0.01 + (1 - exp(-o.concurrency)) * 0.005 +
		                        rho * D / (2 * (1 - rho)), 1e-6);
	}
	assert_int_equal(rl_load_eval(&c, &past, &o), RL_OK);
	assert_int_equal(o.regime, RL_LOAD_OVERLOAD);
	near(o.concurrency, 40, 1e-9);
}

static void test_saturation(void **state)
{
	rl_config c;
	rl_load_result o;
	(void)state;
	overhead_only(&c);
	load_ok(&c, 2 * XMAX, 0, &o);
	assert_int_equal(o.regime, RL_LOAD_SATURATED);
	assert_true(isinf(o.ttft_mean_s) && isinf(o.ttft_p99_s));
	near(o.queue_growth_rps, XMAX, 1e-9);
	near(o.requests_per_s, XMAX, 1e-9);
	near(o.concurrency, 100, 1e-9);
	near(o.utilization, 2, 1e-9);
	near(o.tpot_s, 0.01, 1e-9);
}

/* The queue near capacity, on the server of the header, whose batch the
** token budget caps (N_max = 100): X(N) = N / 0.11 is linear, so at lambda
** = s X_max the concurrency is N = 100 s and the admission queue's rho =
** N / N_max = s, D = 1 / X_max = 0.0011 s; M/D/1 (Pollaczek-Khinchine,
** model/load.c's header): W = rho D / (2 (1 - rho)).
**   s = 0.5: W = 0.5 x 0.0011 / (2 x 0.5) = 0.00055 s;
**   s = 0.9: W = 0.9 x 0.0011 / (2 x 0.1) = 0.00495 s;
**   s = 0.99: W = 0.99 x 0.0011 / 0.02 = 0.05445 s;
**   s = 0.999: W = 0.999 x 0.0011 / 0.002 = 0.54945 s (1 / (1 - rho)).
** The budget's queue waits less: at s = 0.5, n_dec = 50 x 10 / 11 =
** 45.4545, D_b = 0.01 x 100 / (1000 - 45.4545) = 0.00104762, rho_b =
** 454.545 D_b = 0.476190, W_b = 0.000476190 s; at s = 0.9, n_dec =
** 81.8182, D_b = 0.00108911, rho_b = 0.891089, W_b = 0.00445545 s, and
** its rho stays under 1 at capacity (until 2026-11-30 it was the only
** queue of a budget-bound server, whose wait then stayed finite there).
** TTFT = 0.01 + (1 - e^-N) 0.005 + W: 0.01555 s at s = 0.5 and 0.01995 s
** at 0.9. */
static void test_queue_near_capacity(void **state)
{
	static const double s[] = {0.5, 0.9, 0.99, 0.999};
	static const double w[] = {0.00055, 0.00495, 0.05445, 0.54945};
	rl_config c;
	rl_load_result o;
	size_t i;
	(void)state;
	overhead_only(&c);
	for (i = 0; i < sizeof s / sizeof s[0]; i++) {
		load_ok(&c, s[i] * XMAX, 0, &o);
		assert_int_equal(o.regime, RL_LOAD_STEADY);
		near(o.concurrency, 100 * s[i], 1e-6);
		near(o.ttft.rho, s[i], 1e-6);
		near(o.ttft.qmean_s, 0.0011 / (2 * (1 - s[i])), 1e-4);
		near(o.ttft.rho * o.ttft.qmean_s, w[i], 1e-4);
	}
	load_ok(&c, 0.5 * XMAX, 0, &o);
	near(o.ttft_mean_s, 0.01555, 1e-6);
	load_ok(&c, 0.9 * XMAX, 0, &o);
	near(o.ttft_mean_s, 0.01995, 1e-6);
}

/* A TPOT target alone: the TPOT of this server is 10 ms at any load, so
** a 50 ms target holds up to the capacity, and no target bounds the
** queue's wait: the search reports the saturation rate, 1 - 1e-9 of X_max,
** labelled (at_capacity), where the mean TTFT is the wait of rho within
** about 1e-7 of 1: past 0.0011 / (2 x 1e-6) = 550 s. */
static void test_target_at_capacity(void **state)
{
	rl_config c;
	rl_slo t = {RL_SLO_TPOT, 0, 0.05};
	rl_slo_result sr;
	(void)state;
	overhead_only(&c);
	assert_int_equal(rl_slo_search(&c, &t, 1, &sr), RL_OK);
	assert_int_equal(sr.met, 1);
	assert_int_equal(sr.at_capacity, 1);
	near(sr.best.offered_rps, XMAX, 1e-8);
	assert_true(sr.best.offered_rps < XMAX);
	assert_true(sr.best.ttft_mean_s > 550);
}

/* A TTFT target below the unloaded 10 ms: no load meets it. */
static void test_target_unmeetable(void **state)
{
	rl_config c;
	rl_slo t = {RL_SLO_TTFT, 99, 0.005};
	rl_slo_result sr;
	(void)state;
	overhead_only(&c);
	assert_int_equal(rl_slo_search(&c, &t, 1, &sr), RL_OK);
	assert_int_equal(sr.met, 0);
	assert_int_equal(sr.failed, 0);
	near(sr.unloaded_s, 0.01, 1e-3);
}

/* A mean TTFT target of 12 ms: the highest rate lambda meets
** 0.01 + (1 - e^(-0.11 lambda)) 0.005 + rho D / (2 (1 - rho)) = 0.012,
** the admission queue's rho = N / N_max = 0.11 lambda / 100 = lambda /
** X_max and D = 1 / X_max (longer than the budget's, test_low_load); at
** lambda = 0.99 X_max it is far past 12 ms, so the target binds, below
** the capacity (at_capacity 0). */
static void test_target_met(void **state)
{
	rl_config c;
	rl_slo t[2] = {{RL_SLO_TTFT, 0, 0.012}, {RL_SLO_TPOT, 0, 0.05}};
	rl_slo_result sr;
	double lam, rho, ttft;
	(void)state;
	overhead_only(&c);
	assert_int_equal(rl_slo_search(&c, t, 2, &sr), RL_OK);
	assert_int_equal(sr.met, 1);
	assert_int_equal(sr.at_capacity, 0);
	lam = sr.best.offered_rps;
	assert_true(lam < XMAX);
	rho = lam / XMAX;
	ttft = 0.01 + (1 - exp(-0.11 * lam)) * 0.005 +
	       rho / XMAX / (2 * (1 - rho));
	near(ttft, 0.012, 1e-5);
	near(sr.best.concurrency, 0.11 * lam, 1e-6);
}

/* The curve: concurrency 1, 2, 4, ..., 64, then 100; each point's
** throughput is N / 0.11 x 11 output tokens, per chip (one chip), and
** every user sees 1 / 0.01 = 100 tokens/s. */
static void test_curve(void **state)
{
	rl_config c;
	rl_curve_point p[32];
	char err[256];
	int n, k;
	(void)state;
	overhead_only(&c);
	n = rl_curve(&c, 2, p, 32, err, sizeof err);
	assert_int_equal(n, 8);
	for (k = 0; k < 7; k++)
		near(p[k].concurrency, (double)(1 << k), 1e-12);
	near(p[7].concurrency, 100, 1e-9);
	for (k = 0; k < n; k++) {
		near(p[k].output_tps_per_chip, p[k].concurrency / 0.11 * 11, 1e-9);
		near(p[k].tps_per_user, 100, 1e-9);
	}
}

/* Bad input: a rate <= 0, a fractional request count, a burst without a
** request count. */
static void test_bad_input(void **state)
{
	rl_config c;
	rl_load_result o;
	rl_load zero = {0, 0}, neg = {-1, 0}, frac = {1, 2.5},
	        burst = {INFINITY, 0}, nan_rate = {NAN, 0};
	(void)state;
	overhead_only(&c);
	assert_int_equal(rl_load_eval(&c, &zero, &o), RL_EINVAL);
	assert_non_null(strstr(o.error, "> 0"));
	assert_int_equal(rl_load_eval(&c, &neg, &o), RL_EINVAL);
	assert_int_equal(rl_load_eval(&c, &frac, &o), RL_EINVAL);
	assert_int_equal(rl_load_eval(&c, &burst, &o), RL_EINVAL);
	assert_int_equal(rl_load_eval(&c, &nan_rate, &o), RL_EINVAL);
}

/* The same double, or both not a number. */
static int same_bits(double a, double b)
{
	return (a != a && b != b) || memcmp(&a, &b, sizeof a) == 0;
}

/* rl_load_eval_cached through one cache kept across every load of a
** design and across designs (as rl_slo_search keeps one) gives
** rl_load_eval's results, field by field, bit for bit: four designs (the
** overhead-only server; Llama-3 70B on 8 H100s at tp 8 with its batch
** rule; the same with output lengths that vary; Mixtral 8x7B with run_fluid)
** at rates from 5% of capacity to past it, finite runs and a burst. */
static void test_cached_same(void **state)
{
	static const double share[] = {0.05, 0.5, 0.9, 0.999, 1.5};
	static const double runs[] = {0, 50, 500};
	rl_eval_cache cache;
	int d, i, j, k, n = 0;
	(void)state;
	cache.valid = 0;
	for (d = 0; d < 4; d++) {
		rl_config c;
		rl_result rmax;
		overhead_only(&c);
		if (d == 1 || d == 2) {
			fx_h100_ideal(&c);
			fx_llama3_70b(&c.model);
			c.scen.precision = RL_PREC_FP8;
			c.scen.tp = 8;
			c.scen.chips = 8;
			c.scen.isl = 2048;
			c.scen.osl = 128;
			c.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
			if (d == 2)
				c.scen.osl_max = 512;
		} else if (d == 3) {
			fx_h100_ideal(&c);
			fx_mixtral_8x7b(&c.model);
			c.scen.tp = 2;
			c.scen.chips = 2;
			c.scen.isl = 1000;
			c.scen.osl = 300;
			c.prof.run_fluid = 1;
		}
		assert_int_equal(rl_eval(&c, &rmax), RL_OK);
		for (i = 0; i < 5; i++)
			for (j = 0; j < 4; j++) {
				rl_load ld = {0, 0};
				rl_load_result a, b;
				double va[24], vb[24];
				ld.rate_rps = j < 3 ? share[i] * rmax.requests_per_s
				                    : INFINITY;
				ld.requests = j < 3 ? runs[j] : 64;
				if (j == 3 && i > 0)
					continue;
				assert_int_equal(rl_load_eval(&c, &ld, &a), RL_OK);
				assert_int_equal(
				    rl_load_eval_cached(&c, &ld, &cache, &b), RL_OK);
				assert_int_equal(a.regime, b.regime);
				{
					const rl_load_result *x[2] = {&a, &b};
					double *v[2] = {va, vb};
					int t;
					for (t = 0; t < 2; t++) {
						const rl_load_result *o = x[t];
						double *w = v[t];
						w[0] = o->offered_rps;
						w[1] = o->capacity_rps;
						w[2] = o->utilization;
						w[3] = o->concurrency;
						w[4] = o->max_concurrency;
						w[5] = o->ttft_mean_s;
						w[6] = o->ttft_p50_s;
						w[7] = o->ttft_p90_s;
						w[8] = o->ttft_p99_s;
						w[9] = o->prefill_s;
						w[10] = o->wait_mean_s;
						w[11] = o->tpot_s;
						w[12] = o->tpot_p50_s;
						w[13] = o->tpot_p90_s;
						w[14] = o->tpot_p99_s;
						w[15] = o->e2e_s;
						w[16] = o->requests_per_s;
						w[17] = o->output_tps;
						w[18] = o->total_tps;
						w[19] = o->duration_s;
						w[20] = o->queue_growth_rps;
						w[21] = o->at.output_tps;
						w[22] = o->at.ttft_s;
						w[23] = o->at.concurrency;
					}
				}
				for (k = 0; k < 24; k++) {
					if (!same_bits(va[k], vb[k]))
						print_error("design %d, rate %g, run %g: "
						            "field %d: %a, cached %a\n",
						            d, ld.rate_rps, ld.requests, k,
						            va[k], vb[k]);
					assert_true(same_bits(va[k], vb[k]));
				}
				n++;
			}
	}
	assert_int_equal(n, 4 * 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_server),
	    cmocka_unit_test(test_low_load),
	    cmocka_unit_test(test_frontend),
	    cmocka_unit_test(test_tpot_distribution),
	    cmocka_unit_test(test_percentiles),
	    cmocka_unit_test(test_tpot_mix_steps),
	    cmocka_unit_test(test_burst_drain),
	    cmocka_unit_test(test_burst_shared_iterations),
	    cmocka_unit_test(test_burst_through_budget),
	    cmocka_unit_test(test_budget_wait_full_iteration),
	    cmocka_unit_test(test_budget_wait_near_capacity),
	    cmocka_unit_test(test_budget_wait_longer_near_one),
	    cmocka_unit_test(test_budget_below_one_near_capacity),
	    cmocka_unit_test(test_burst_tail_keeps_batch),
	    cmocka_unit_test(test_slots_finite_run),
	    cmocka_unit_test(test_slots_wait_longer_mean),
	    cmocka_unit_test(test_slots_rho_share_in_use),
	    cmocka_unit_test(test_slots_run_of_n_max),
	    cmocka_unit_test(test_run_last_request),
	    cmocka_unit_test(test_run_long_tail),
	    cmocka_unit_test(test_run_fluid),
	    cmocka_unit_test(test_run_fluid_span),
	    cmocka_unit_test(test_burst_long_tail),
	    cmocka_unit_test(test_spread_prompts),
	    cmocka_unit_test(test_spread_quantile_points),
	    cmocka_unit_test(test_spread_co_arrivals),
	    cmocka_unit_test(test_spread_needs_longer_max),
	    cmocka_unit_test(test_spread_short_prompts),
	    cmocka_unit_test(test_spread_chunk_past_prompt),
	    cmocka_unit_test(test_own_prefill),
	    cmocka_unit_test(test_run_capacity),
	    cmocka_unit_test(test_more_resources_no_slower),
	    cmocka_unit_test(test_saturation),
	    cmocka_unit_test(test_queue_near_capacity),
	    cmocka_unit_test(test_target_at_capacity),
	    cmocka_unit_test(test_target_unmeetable),
	    cmocka_unit_test(test_target_met),
	    cmocka_unit_test(test_curve),
	    cmocka_unit_test(test_bad_input),
	    cmocka_unit_test(test_cached_same),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
