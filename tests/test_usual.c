/*
** test_usual.c: the usual form of a request's solve (engine.c's
** serve_request with usual 1, rl_serve_setup.usual: one stage, rare
** clear, no window, the KV reserved in blocks of an exact reciprocal, one
** micro-batch) is taken only where all of its conditions hold, and gives
** what the general form gives.
**
** The general form is forced without moving a result: a comm_overlap of
** -0 is not "none" (servesetup.c's overlap_none wants +0), so the setup is
** rare and never usual, and the iteration works out t_comm - (-0 x under)
** = t_comm (test_engine.c's test_rare_form_same_bits shows the two agree
** bit for bit on a rare-clear setup).  Configurations just outside each
** condition (pp 2, a window, a rare flag, blocks of an inexact reciprocal,
** no reservation, --batch below 1) are checked against values worked out
** by hand in their comments; every shipped preset's, at several mappings,
** batches and lengths, against the forced general form, and the raw
** configuration against each condition wherever usual is set.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../config/setup.h"
#include "../model/engine.h"
#include "fixtures.h"
#include "near.h"

/* the general form's copy of c: comm_overlap +0 made -0 (0: c's is not
** +0, no such copy) */
static int general_of(const rl_config *c, rl_config *d)
{
	if (!(c->prof.comm_overlap == 0 && !signbit(c->prof.comm_overlap)))
		return 0;
	*d = *c;
	d->prof.comm_overlap = -0.0;
	return 1;
}

/* rl_serve_bare_req of c on a fresh cache, the request kept */
static int served(const rl_config *c, rl_eval_cache *k, rl_result *r)
{
	k->valid = 0;
	memset(r, 0, sizeof *r);
	return rl_serve_bare_req(c, k, 1.0, 1.0, 1, r);
}

/* The base: the ideal H100 pair (tp 2) serving Llama-3 70B FP8, 2048 in
** and 128 out, the KV reserved in blocks of 64 (TensorRT-LLM's
** guaranteed-no-evict, test_engine.c's test_kv_reserve): a request holds
** ceil(2176 / 64) x 64 = 2176 tokens, and the KV cache binds. */
static void base(rl_config *c)
{
	fx_h100_ideal(c);
	c->scen.isl = 2048;
	c->scen.osl = 128;
	c->scen.tp = 2;
	c->scen.chips = 2;
	c->prof.tokens_per_block = 64;
	c->prof.kv_reserve = 1;
}

/* The base is usual, one micro-batch, the KV cache binding at its
** capacity over 2176 tokens a request; its forced general form gives the
** same bytes. */
static void test_usual_base(void **state)
{
	rl_config c, d;
	rl_result a, b;
	rl_eval_cache ka, kb;
	(void)state;
	base(&c);
	assert_int_equal(served(&c, &ka, &a), RL_OK);
	assert_int_equal(ka.setup.usual, 1);
	assert_true(ka.req.valid);
	assert_true(ka.req.mb == 1.0);
	assert_int_equal(a.concurrency_limit, RL_LIMIT_MEMORY);
	near(a.concurrency, a.kv_capacity_tokens / 2176.0, 1e-9);
	assert_true(general_of(&c, &d));
	assert_int_equal(served(&d, &kb, &b), RL_OK);
	assert_int_equal(kb.setup.usual, 0);
	assert_memory_equal(&a, &b, sizeof a);
}

/* The usual form's iterations with tp_form's constants (tp 2,
** gemm_m_half 64 tokens on, no host overlap) are the general iteration's:
** rl_serve_phase, which costs a phase again with the general form's
** stage_round (usual 0, tp_form tested), gives at full clock the bytes of
** the result's prefill and decode; and the whole result is the forced
** general form's. */
static void test_usual_tp_form_phase(void **state)
{
	rl_config c, d;
	rl_result a, b;
	rl_eval_cache ka, kb;
	rl_iter it;
	(void)state;
	base(&c);
	c.prof.gemm_m_half = 64;
	assert_int_equal(served(&c, &ka, &a), RL_OK);
	assert_int_equal(ka.setup.usual, 1);
	assert_int_equal(ka.setup.tp_form, 1);
	assert_true(a.decode.time_s > 0 && a.prefill.time_s > 0);
	memset(&it, 0, sizeof it);
	assert_int_equal(rl_serve_phase(&c, &ka, 0, 1.0, &it), RL_OK);
	assert_memory_equal(&it, &a.prefill, sizeof it);
	memset(&it, 0, sizeof it);
	assert_int_equal(rl_serve_phase(&c, &ka, 1, 1.0, &it), RL_OK);
	assert_memory_equal(&it, &a.decode, sizeof it);
	assert_true(general_of(&c, &d));
	assert_int_equal(served(&d, &kb, &b), RL_OK);
	assert_memory_equal(&a, &b, sizeof a);
}

/* pp 2 (tp 2 x pp 2 on 4 chips): not usual, and pp = 2 micro-batches in
** flight, where the usual form's constant would be 1 (the KV cache holds
** hundreds of requests, no --batch: mb = pp) */
static void test_usual_not_pp2(void **state)
{
	rl_config c;
	rl_result a;
	rl_eval_cache k;
	(void)state;
	base(&c);
	c.scen.pp = 2;
	c.scen.chips = 4;
	assert_int_equal(served(&c, &k, &a), RL_OK);
	assert_int_equal(k.setup.usual, 0);
	assert_true(k.req.mb == 2.0);
}

/* A sliding window of 4096 tokens on every layer: not usual (windowed);
** a request's 2048 + 128 tokens all lie within it, so each layer keeps and
** reads the context it would without one: the same throughput and the
** same KV held, to rounding */
static void test_usual_not_windowed(void **state)
{
	rl_config c, w;
	rl_result a, b;
	rl_eval_cache ka, kb;
	(void)state;
	base(&c);
	w = c;
	w.model.sliding_window = 4096;
	w.model.full_attn_layers = 0;
	w.prof.sliding_window = 1;
	assert_int_equal(served(&c, &ka, &a), RL_OK);
	assert_int_equal(served(&w, &kb, &b), RL_OK);
	assert_int_equal(ka.setup.usual, 1);
	assert_int_equal(kb.setup.windowed, 1);
	assert_int_equal(kb.setup.usual, 0);
	near(b.concurrency, a.concurrency, 1e-12);
	near(b.output_tps, a.output_tps, 1e-12);
	near(b.ttft_s, a.ttft_s, 1e-12);
}

/* Each rare flag alone on the base: not usual.  The -0 comm_overlap moves
** nothing (the bytes of the base's result); the others are features the
** usual form has no term for. */
static void test_usual_not_rare(void **state)
{
	rl_config c, d;
	rl_result a;
	rl_eval_cache k;
	int i;
	(void)state;
	for (i = 0; i < 7; i++) {
		base(&c);
		switch (i) {
		case 0: c.prof.comm_overlap = -0.0; break;
		case 1: c.prof.comm_overlap = 0.5; break;
		case 2: c.prof.request_overhead_s = 1e-3; break;
		case 3: c.prof.iter_overhead_s = -0.0; break;
		case 4: c.prof.attn_overlap = 0.5; break;
		case 5: /* 8 of Mixtral's experts (MoE) */
			fx_mixtral_8x7b(&c.model);
			break;
		case 6: /* weights resident in 50 MB of SRAM at 30 TB/s */
			c.chip.sram_bytes = 50e6;
			c.chip.sram_Bps = 30e12;
			c.chip.sram_resident_share = 1;
			break;
		}
		assert_int_equal(served(&c, &k, &a), RL_OK);
		assert_int_equal(k.setup.rare, 1);
		assert_int_equal(k.setup.usual, 0);
	}
	/* (the -0 case: the base's bytes) */
	{
		rl_result b;
		base(&c);
		assert_int_equal(served(&c, &k, &b), RL_OK);
		d = c;
		d.prof.comm_overlap = -0.0;
		assert_int_equal(served(&d, &k, &a), RL_OK);
		assert_memory_equal(&a, &b, sizeof a);
	}
}

/* Blocks of 48 tokens (1/48 is not exact): not usual; a request reserves
** ceil(2176 / 48) = 46 blocks, 2208 tokens, and the KV cache binds at its
** capacity over 2208.  Without the reservation (kv_reserve 0): not usual
** either, one micro-batch. */
static void test_usual_not_blocks(void **state)
{
	rl_config c;
	rl_result a;
	rl_eval_cache k;
	(void)state;
	base(&c);
	c.prof.tokens_per_block = 48;
	assert_int_equal(served(&c, &k, &a), RL_OK);
	assert_int_equal(k.setup.blk_exact, 0);
	assert_int_equal(k.setup.usual, 0);
	assert_int_equal(a.concurrency_limit, RL_LIMIT_MEMORY);
	near(a.concurrency, a.kv_capacity_tokens / 2208.0, 1e-9);
	base(&c);
	c.prof.kv_reserve = 0;
	assert_int_equal(served(&c, &k, &a), RL_OK);
	assert_int_equal(k.setup.usual, 0);
	assert_true(k.req.mb == 1.0);
}

/* --batch below 1 on the usual setup: the request goes to the general
** form, whose micro-batch is the batch itself (mb = batch < pp = 1), each
** with batch / mb = 1 request: concurrency 1 x mb = the batch, the user's
** cap binding; at 1 and above, one micro-batch of the batch's requests
** (the KV cache holds hundreds).  Each the forced general form's bytes. */
static void test_usual_batch_below_one(void **state)
{
	static const double batches[] = {0.5, 0.999, 1, 3, 1e-300};
	rl_config c, d;
	rl_result a, b;
	rl_eval_cache ka, kb;
	size_t i;
	(void)state;
	for (i = 0; i < sizeof batches / sizeof batches[0]; i++) {
		double bt = batches[i];
		base(&c);
		c.scen.batch = bt;
		assert_int_equal(served(&c, &ka, &a), RL_OK);
		assert_int_equal(ka.setup.usual, 1);
		assert_true(ka.req.mb == (bt < 1 ? bt : 1.0));
		near(a.concurrency, bt, 1e-12);
		assert_int_equal(a.concurrency_limit, RL_LIMIT_USER);
		assert_true(general_of(&c, &d));
		assert_int_equal(served(&d, &kb, &b), RL_OK);
		assert_memory_equal(&a, &b, sizeof a);
	}
}

/* a and b the same bytes, but that a NaN's sign and payload may differ
** (each 8-byte word of the two where they differ is a NaN in both: C
** leaves those to the operations' operand order, which the compiler may
** swap; tests/bench.c's hash_d counts every NaN as one) */
static void same_result(const rl_result *a, const rl_result *b)
{
	const unsigned char *pa = (const void *)a, *pb = (const void *)b;
	size_t o;
	for (o = 0; o + 8 <= sizeof *a; o += 8) {
		double x, y;
		if (memcmp(pa + o, pb + o, 8) == 0)
			continue;
		memcpy(&x, pa + o, 8);
		memcpy(&y, pb + o, 8);
		if (!(x != x && y != y))
			fail_msg("results differ at byte %zu", o);
	}
	assert_memory_equal(pa + o, pb + o, sizeof *a - o);
}

/* Hostile requests on the usual setup (raw values through the C API, which
** no range check stops): the usual form's result, error or not, is the
** forced general form's, byte for byte (a NaN as any NaN), through
** rl_eval_cached (one cache
** walking them all, and its rule) and rl_eval */
static void test_usual_hostile_same_bits(void **state)
{
	static const double isl[] = {0.5, -1.4, 1e-300, HUGE_VAL, NAN, 1, 2048};
	static const double osl[] = {1, 0.5, 2, HUGE_VAL, NAN, 128};
	static const double bat[] = {0, 0.25, 1, 1.5, -1, NAN, HUGE_VAL};
	rl_config c, d;
	rl_result a, b;
	rl_eval_cache ka, kb;
	size_t i, j, l;
	int ra, rb, n = 0;
	(void)state;
	ka.valid = kb.valid = 0;
	for (i = 0; i < sizeof isl / sizeof isl[0]; i++)
		for (j = 0; j < sizeof osl / sizeof osl[0]; j++)
			for (l = 0; l < sizeof bat / sizeof bat[0]; l++) {
				base(&c);
				c.scen.isl = isl[i];
				c.scen.osl = osl[j];
				c.scen.batch = bat[l];
				assert_true(general_of(&c, &d));
				memset(&a, 0, sizeof a);
				memset(&b, 0, sizeof b);
				ra = rl_eval_cached(&c, &ka, &a);
				rb = rl_eval_cached(&d, &kb, &b);
				assert_int_equal(ra, rb);
				same_result(&a, &b);
				n += ka.setup.usual;
				memset(&a, 0, sizeof a);
				memset(&b, 0, sizeof b);
				assert_int_equal(rl_eval(&c, &a), rl_eval(&d, &b));
				same_result(&a, &b);
			}
	assert_true(n > 0);
}

/* x a power of two (tokens_per_block's exact reciprocal) */
static int pow2(double x)
{
	int e;
	return x > 0 && isfinite(x) && frexp(x, &e) == 0.5;
}

/* Every shipped chip and model, with six profiles, at tp 1, 2 and 8 (pp 1
** on tp chips; pp 2 on 2 tp), four batches and four request shapes: where
** the setup is usual, the raw configuration meets each of its conditions
** (pp 1, the KV reserved, blocks of a power of two, no window in use, a
** dense model, no resident weights, ep 1, no request overhead, comm_overlap
** +0, no attention overlap); and the result is the forced general form's,
** byte for byte, through rl_eval_cached (rl_eval for the first shape). */
static void test_usual_presets(void **state)
{
	static const char *chips[] = {
		"a100-pcie", "a100-sxm-40gb", "a100-sxm", "b200", "gb200",
		"gh200", "h100-pcie", "h100-sxm", "h200-sxm", "l40s", "mi300x",
		"mi325x", "sohu-design", "sohu"};
	static const char *models[] = {
		"deepseek-r1", "falcon-180b", "gpt-j-6b", "gpt-oss-120b",
		"gpt-oss-20b", "llama2-70b", "llama2-7b", "llama3-405b",
		"llama3-70b", "llama3-8b", "llama3.1-405b", "llama3.1-70b",
		"llama3.1-8b", "llama3.3-70b", "llama4-maverick-17b-128e",
		"llama4-scout-17b-16e", "mistral-7b", "mixtral-8x22b",
		"mixtral-8x7b", "qwen3-235b-a22b", "qwen3-30b-a3b"};
	static const char *profiles[] = {"trtllm-0.10", "trtllm-0.15",
	                                 "trtllm-1.0", "triton-0.14", "ideal",
	                                 "etched-claim"};
	static const double tps[] = {1, 2, 8}, pps[] = {1, 1, 1, 2};
	static const double bats[] = {0, 0.5, 1, 3};
	static const double lens[][2] = {
		{2048, 128}, {128, 2048}, {500, 1}, {1, 2}};
	size_t ci, mi, pi, t, bi, li;
	long n_usual = 0, n_usual_ok = 0, n_below = 0, n_cfg = 0;
	char err[1024], as[64];
	rl_eval_cache ka, kb;
	rl_result a, b;
	(void)state;
	for (ci = 0; ci < sizeof chips / sizeof chips[0]; ci++)
	for (mi = 0; mi < sizeof models / sizeof models[0]; mi++)
	for (pi = 0; pi < sizeof profiles / sizeof profiles[0]; pi++) {
		rl_setup st;
		setup_init(&st);
		if (setup_load(&st, "chip", chips[ci], err, sizeof err) ||
		    setup_load(&st, "model", models[mi], err, sizeof err) ||
		    setup_load(&st, "profile", profiles[pi], err, sizeof err))
			fail_msg("%s/%s/%s: %s", chips[ci], models[mi],
			         profiles[pi], err);
		for (t = 0; t < 4; t++) {
			rl_config c = st.cfg, d;
			int general;
			double tp = t < 3 ? tps[t] : 2;
			c.scen.tp = tp;
			c.scen.pp = pps[t];
			c.scen.chips = tp * pps[t];
			general = general_of(&c, &d);
			for (bi = 0; bi < 4; bi++) {
				c.scen.batch = bats[bi];
				ka.valid = kb.valid = 0;
				for (li = 0; li < 4; li++) {
					int ra, rb;
					c.scen.isl = lens[li][0];
					c.scen.osl = lens[li][1];
					n_cfg++;
					memset(&a, 0, sizeof a);
					ra = rl_eval_cached(&c, &ka, &a);
					if (ka.valid && ka.setup.usual) {
						const rl_config *u = &c;
						n_usual++;
						n_usual_ok += ra == RL_OK;
						n_below += c.scen.batch < 1 &&
						           c.scen.batch > 0;
						snprintf(as, sizeof as, "%s/%s/%s tp %g",
						         chips[ci], models[mi],
						         profiles[pi], tp);
						if (!(u->scen.pp == 1 &&
						      u->prof.kv_reserve > 0.5 &&
						      pow2(u->prof.tokens_per_block) &&
						      !(u->model.sliding_window > 0 &&
						        u->prof.sliding_window > 0.5 &&
						        u->model.full_attn_layers <
						            u->model.layers) &&
						      !(u->model.experts > 1) &&
						      !(u->chip.sram_resident_share > 0 &&
						        u->chip.sram_bytes > 0) &&
						      !(u->scen.ep > 1) &&
						      u->prof.request_overhead_s == 0 &&
						      general &&
						      !(u->prof.attn_overlap > 0)))
							fail_msg("%s: usual set where a "
							         "condition fails", as);
					}
					if (!general)
						continue;
					d.scen = c.scen;
					memset(&b, 0, sizeof b);
					rb = rl_eval_cached(&d, &kb, &b);
					assert_int_equal(ra, rb);
					if (kb.valid)
						assert_int_equal(kb.setup.usual, 0);
					same_result(&a, &b);
					if (li == 0) {
						memset(&a, 0, sizeof a);
						memset(&b, 0, sizeof b);
						assert_int_equal(rl_eval(&c, &a),
						                 rl_eval(&d, &b));
						same_result(&a, &b);
					}
				}
			}
		}
	}
	print_message("usual: %ld of %ld evaluations on a usual setup (%ld "
	              "served, %ld with --batch below 1)\n",
	              n_usual, n_cfg, n_usual_ok, n_below);
	assert_true(n_usual_ok > 500);
	assert_true(n_below > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_usual_base),
	    cmocka_unit_test(test_usual_tp_form_phase),
	    cmocka_unit_test(test_usual_not_pp2),
	    cmocka_unit_test(test_usual_not_windowed),
	    cmocka_unit_test(test_usual_not_rare),
	    cmocka_unit_test(test_usual_not_blocks),
	    cmocka_unit_test(test_usual_batch_below_one),
	    cmocka_unit_test(test_usual_hostile_same_bits),
	    cmocka_unit_test(test_usual_presets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
