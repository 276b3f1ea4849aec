/*
** test_waves.c: a finite run of identical requests released at once,
** served in waves of the whole requests admitted at once
** (profile.burst_waves, model/waves.h).  The split into waves is worked
** out by hand; the run's rate is checked against the identity the model
** states, t = (W - 1) n / X(n) + p / X(p), with X(m) the engine's own
** rate at batch m (rl_eval), in cases where it reduces to something
** simpler by hand: whole waves of an integer concurrency give the steady
** state back, a KV cache holding 2.x requests serves them two at a
** time, and the blend towards a stream, b = min(1, n isl / (B - n/2) /
** osl),
** worked out by hand for each case.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "../model/engine.h"
#include "../model/params.h"
#include "../model/waves.h"
#include "fixtures.h"

static void split_is(double per, double n, double w, double p)
{
	double last = -1, got = rl_waves_split(per, n, &last);
	if (got != w || last != p) {
		print_error("%g requests by %g: got %g waves, last %g; want %g, %g\n",
		            per, n, got, last, w, p);
		fail();
	}
}

static void test_split(void **state)
{
	(void)state;
	/* 3000 by 1320: 2 full waves (2640), the third of 360 */
	split_is(3000, 1320, 3, 360);
	/* 3000 by 1000: exactly 3 full waves, the last full */
	split_is(3000, 1000, 3, 1000);
	/* 10 by 20: one wave of 10 */
	split_is(10, 20, 1, 10);
	/* 30000 by 4096: 7 full (28672), the eighth of 1328 */
	split_is(30000, 4096, 8, 1328);
	/* 1 by 1 */
	split_is(1, 1, 1, 1);
}

static void test_blur(void **state)
{
	(void)state;
	/* 4 x 128 / 8192 / 128 = 1/2048 */
	assert_true(rl_waves_blur(4, 128, 128, 8192) == 1.0 / 2048);
	/* 4 x 1024 / 2048 / 4 = 0.5 */
	assert_true(rl_waves_blur(4, 1024, 4, 2048) == 0.5);
	/* 4 x 1024 / 2048 / 2 = 1, and 8 x ... = 2, capped at 1 */
	assert_true(rl_waves_blur(4, 1024, 2, 2048) == 1);
	assert_true(rl_waves_blur(8, 1024, 2, 2048) == 1);
}

/* Llama-3 8B on the H100's rates, 16-bit, 128 in / 128 out, one chip. */
static void cfg_8b(rl_config *c)
{
	rl_config_defaults(c);
	fx_llama3_8b(&c->model);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 80e9;
	c->scen.precision = RL_PREC_BF16;
	c->scen.isl = 128;
	c->scen.osl = 128;
	c->scen.tp = 1;
	c->scen.pp = 1;
	c->scen.chips = 1;
	c->prof.max_num_tokens = 8192;
	c->prof.kv_reserve = 1;
}

/* the figures rl_eval_run may change, and the ones it must not */
static int same(const rl_result *a, const rl_result *b)
{
	return a->requests_per_s == b->requests_per_s &&
	       a->output_tps == b->output_tps && a->total_tps == b->total_tps &&
	       a->output_tps_per_chip == b->output_tps_per_chip &&
	       a->total_tps_per_chip == b->total_tps_per_chip &&
	       a->concurrency == b->concurrency && a->ttft_s == b->ttft_s &&
	       a->tpot_s == b->tpot_s;
}

/* Nothing changes without burst_waves or without a request count. */
static void test_unchanged(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	cfg_8b(&c);
	c.prof.max_batch_size = 4;
	assert_int_equal(rl_eval(&c, &a), RL_OK);
	assert_int_equal(a.concurrency_limit, RL_LIMIT_BATCH);
	assert_int_equal(rl_eval_run(&c, 10, &b), RL_OK); /* burst_waves off */
	assert_true(same(&a, &b));
	c.prof.burst_waves = 1;
	assert_int_equal(rl_eval(&c, &a), RL_OK);
	assert_int_equal(rl_eval_run(&c, 0, &b), RL_OK); /* endless stream */
	assert_true(same(&a, &b));
}

/* Where the token budget caps the steady state, a burst is still served
** in waves: the budget only spreads a wave's prompts (b), it does not make
** requests released together end apart.  128 in / 512 out with a budget
** of 640: the engine's fixed point N = B (k + osl - 1) / (isl + osl - 1)
** with k = 1 (a whole prompt fits beside the decodes:
** 640 - N x 511 / 512 = 128.2 >= 128) gives N = 640 x 512 / 639 = 512.80
** in flight (each request's 512 decode tokens and 128 prompt tokens over
** its life: N (1 + 127 / 512) = 640, near enough), under the ~650
** requests of 640 tokens the H100's KV cache holds (57 GB at 131 kB a
** token): the budget caps, and its concurrency, an average, is not
** rounded.  A run of 1200: waves N, N and p = 1200 - 2N = 174.40,
** t_w = 2 N / X(N) + p / X(p), blended with the stream's 1200 / X(N) by
** b = N x 128 / (640 - N / 2) / 512.  (Costed as a stream, the last
** wave's tail was lost only where the budget binds: a chip with more
** memory, capped by it at a larger n, came out slower than a smaller one
** whose budget bound first, cli_transfer.sh.) */
static void test_token_waves(void **state)
{
	rl_config c, c2;
	rl_result s, r, r2;
	double n = 640.0 * 512 / 639, p = 1200 - 2 * n, tw, b;
	(void)state;
	b = n * 128 / (640 - n / 2) / 512;
	cfg_8b(&c);
	c.scen.osl = 512;
	c.prof.max_batch_size = 4096;
	c.prof.max_num_tokens = 640;
	c.prof.burst_waves = 1;
	assert_int_equal(rl_eval(&c, &s), RL_OK);
	assert_int_equal(s.concurrency_limit, RL_LIMIT_TOKENS);
	assert_true(fabs(s.concurrency / n - 1) < 1e-9);
	c2 = c;
	c2.scen.batch = p;
	assert_int_equal(rl_eval(&c2, &r2), RL_OK);
	assert_true(r2.requests_per_s < s.requests_per_s);
	tw = 2 * n / s.requests_per_s + p / r2.requests_per_s;
	assert_int_equal(rl_eval_run(&c, 1200, &r), RL_OK);
	assert_true(fabs(r.requests_per_s *
	                     ((1 - b) * tw + b * 1200 / s.requests_per_s) /
	                     1200 -
	                 1) < 1e-9);
	assert_true(r.requests_per_s < s.requests_per_s);
}

/* max_batch_size 4 caps the concurrency at 4 whole requests.  8 requests:
** two full waves, t = 2 x 4 / X(4), rate 8 / t = X(4): the steady state's
** rate, bit for bit up to the division (the stream's 8 / X(4) too).
** 10 requests: waves 4, 4, 2: t_w = 2 x 4 / X(4) + 2 / X(2), slower than
** the steady state because the last wave runs half empty; blended with
** the stream's 10 / X(4) by b = 4 x 128 / (8192 - 4/2) / 128 = 4 / 8190. */
static void test_batch_waves(void **state)
{
	rl_config c, c2;
	rl_result s, r, r2;
	double t;
	(void)state;
	cfg_8b(&c);
	c.prof.max_batch_size = 4;
	c.prof.burst_waves = 1;
	assert_int_equal(rl_eval(&c, &s), RL_OK);
	assert_true(s.concurrency == 4);
	assert_int_equal(rl_eval_run(&c, 8, &r), RL_OK);
	assert_true(fabs(r.requests_per_s / s.requests_per_s - 1) < 1e-12);

	c2 = c;
	c2.scen.batch = 2;
	assert_int_equal(rl_eval(&c2, &r2), RL_OK);
	assert_true(r2.requests_per_s < s.requests_per_s);
	t = (1 - 4.0 / 8190) * (2 * 4 / s.requests_per_s + 2 / r2.requests_per_s) +
	    (4.0 / 8190) * 10 / s.requests_per_s;
	assert_int_equal(rl_eval_run(&c, 10, &r), RL_OK);
	assert_true(fabs(r.requests_per_s * t / 10 - 1) < 1e-12);
	assert_true(r.requests_per_s < s.requests_per_s);
	/* every throughput scales alike; latencies stay the steady state's */
	assert_true(fabs(r.output_tps / (r.requests_per_s * 128) - 1) < 1e-12);
	assert_true(fabs(r.total_tps / (r.requests_per_s * 256) - 1) < 1e-12);
	assert_true(fabs(r.output_tps_per_chip / r.output_tps - 1) < 1e-12);
	assert_true(r.tpot_s == s.tpot_s && r.ttft_s == s.ttft_s);
}

/* A KV cache that holds between 2 and 3 requests (each reserves its 256
** tokens, guaranteed-no-evict) admits 2 whole ones at a time: a run of 4
** is two waves of 2, t_w = 4 / X(2) (rl_eval at batch 2), blended with
** the stream at the fractional concurrency, 4 / X(2.5), by
** b = 2 x 128 / (8192 - 2/2) / 128 = 2 / 8191. */
static void test_whole_requests(void **state)
{
	rl_config c, c2;
	rl_result s, r, r2;
	double hbm;
	(void)state;
	cfg_8b(&c);
	c.prof.max_batch_size = 4096;
	c.prof.burst_waves = 1;
	/* the memory that leaves room for 2.5 requests: find it from the
	** capacity the engine reports at 80 GB (the KV cache takes the
	** kv_fraction of what the weights and runtime leave) */
	assert_int_equal(rl_eval(&c, &s), RL_OK);
	hbm = c.chip.hbm_bytes -
	      (s.kv_capacity_bytes - 2.5 * 256 * s.kv_bytes_per_token_per_chip) /
	          c.prof.kv_fraction;
	c.chip.hbm_bytes = hbm;
	assert_int_equal(rl_eval(&c, &s), RL_OK);
	assert_int_equal(s.concurrency_limit, RL_LIMIT_MEMORY);
	/* the memory was sized for 2.5 requests' 256 tokens each: each
	** reserves its whole length, so 2.5 sequences are in flight */
	assert_true(fabs(s.concurrency / 2.5 - 1) < 1e-12);
	c2 = c;
	c2.scen.batch = 2;
	assert_int_equal(rl_eval(&c2, &r2), RL_OK);
	assert_int_equal(rl_eval_run(&c, 4, &r), RL_OK);
	assert_true(fabs(r.requests_per_s *
	                     ((1 - 2.0 / 8191) * 4 / r2.requests_per_s +
	                      (2.0 / 8191) * 4 / s.requests_per_s) / 4 -
	                 1) < 1e-12);
	assert_true(r.requests_per_s < s.requests_per_s);
}

/* Prompts of 1024 tokens through a budget of 2048 less 2 decode tokens: a
** wave of 4 starts over 4 x 1024 / 2046 = 2.002 iterations.  At 4 output
** tokens, b = 2.002 / 4 = 1024 / 2046: the run of 10 (waves 4, 4, 2) takes
** (1 - b) t_w + b x 10 / X(4); at 2 output tokens b = 1 (and the budget,
** 2048 x 2 / 1025 = 4.0 requests, binds about as soon as the batch): the
** steady state comes back either way. */
static void test_spread_waves(void **state)
{
	rl_config c, c2;
	rl_result s, r, r2;
	double tw;
	(void)state;
	cfg_8b(&c);
	c.prof.max_batch_size = 4;
	c.prof.max_num_tokens = 2048;
	c.prof.burst_waves = 1;
	c.scen.isl = 1024;
	c.scen.osl = 4;
	assert_int_equal(rl_eval(&c, &s), RL_OK);
	assert_int_equal(s.concurrency_limit, RL_LIMIT_BATCH);
	assert_true(s.concurrency == 4);
	c2 = c;
	c2.scen.batch = 2;
	assert_int_equal(rl_eval(&c2, &r2), RL_OK);
	tw = 2 * 4 / s.requests_per_s + 2 / r2.requests_per_s;
	assert_int_equal(rl_eval_run(&c, 10, &r), RL_OK);
	assert_true(fabs(r.requests_per_s *
	                     ((1 - 1024.0 / 2046) * tw +
	                      (1024.0 / 2046) * 10 / s.requests_per_s) / 10 -
	                 1) < 1e-12);
	c.scen.osl = 2;
	assert_int_equal(rl_eval(&c, &s), RL_OK);
	assert_int_equal(rl_eval_run(&c, 10, &r), RL_OK);
	assert_true(fabs(r.requests_per_s / s.requests_per_s - 1) < 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_split),
	    cmocka_unit_test(test_blur),
	    cmocka_unit_test(test_spread_waves),
	    cmocka_unit_test(test_unchanged),
	    cmocka_unit_test(test_token_waves),
	    cmocka_unit_test(test_batch_waves),
	    cmocka_unit_test(test_whole_requests),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
