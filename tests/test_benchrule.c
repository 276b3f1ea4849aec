/*
** test_benchrule.c: trtllm-bench's own choice of max batch size and token
** budget (model/benchrule.h): each rounding branch of finetune_setting,
** calc_engine_setting on the published example (4096 / 8192) and on a
** memory-tight row, the KV heads a tp group holds at least, the precision
** bytes, the KV share of each rule, that rl_eval serves with the numbers
** the rule picks, and the activation workspace those numbers size (at
** profile.act_buffers_precision), and rl_ceil (ceil bit for bit).  Every
** expected value is worked out by hand in the comment beside it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/benchrule.h"
#include "../model/engine.h"
#include "../model/fminmax.h"
#include "../model/params.h"
#include "fixtures.h"

/* finetune_setting of (requests, isl, osl, pp) must give (bs, tokens) */
static void finetune_is(double req, double isl, double osl, double pp,
                        double bs, double tokens)
{
	double b = -1, t = -1;
	rl_trtllm_bench_finetune(req, isl, osl, pp, &b, &t);
	if (b != bs || t != tokens) {
		print_error("requests %g, %g/%g, pp %g: got %g / %g, want %g / %g\n",
		            req, isl, osl, pp, b, t, bs, tokens);
		fail();
	}
}

static void test_finetune_branches(void **state)
{
	(void)state;
	/* raw_bs 10 < 256: max(64, 32 ceil(10/32) = 32) = 64, the floor;
	** raw_token 10 x (1 + 1) = 20 < 4096: max(2048, 256) = 2048 */
	finetune_is(10, 128, 128, 1, 64, 2048);
	/* raw_bs 100 < 256: 32 ceil(3.125) = 128 (above the floor);
	** raw_token 100 x 2 = 200: 2048 */
	finetune_is(100, 1000, 1000, 1, 128, 2048);
	/* raw_bs 300 in [256, 1024): 128 ceil(2.34) = 384;
	** raw_token 300 x (1 + 10) = 3300 < 4096: 256 ceil(12.89) = 3328
	** (above the floor of 2048) */
	finetune_is(300, 1000, 100, 1, 384, 3328);
	/* raw_bs exactly 256 is not < 256: 128 ceil(2) = 256;
	** raw_token 512: 2048 */
	finetune_is(256, 1000, 1000, 1, 256, 2048);
	/* raw_bs 1500 >= 1024: 256 ceil(5.86) = 1536;
	** raw_token 1500 x (1 + 128/2048) = 1593.75: 2048 */
	finetune_is(1500, 128, 2048, 1, 1536, 2048);
	/* raw_bs 2500: 256 ceil(9.77) = 2560; raw_token 2500 x 2 = 5000 in
	** [4096, 8192): 512 ceil(9.77) = 5120 */
	finetune_is(2500, 1, 1, 1, 2560, 5120);
	/* raw_token exactly 4096 is not < 4096: 512 ceil(8) = 4096; raw_bs
	** 2048: 256 x 8 = 2048 */
	finetune_is(2048, 1, 1, 1, 2048, 4096);
	/* raw_bs 700: 128 ceil(5.47) = 768; raw_token 700 x (1 + 2048/128)
	** = 11900 >= 8192: 1024 ceil(11.62) = 12288 */
	finetune_is(700, 2048, 128, 1, 768, 12288);
	/* requests capped at 4096: raw_bs 4096 -> 4096; raw_token 4096 x 17
	** = 69632 capped at 32768: 1024 x 32 = 32768 */
	finetune_is(1e6, 2048, 128, 1, 4096, 32768);
	/* pp 2: raw_bs min(5000, 4096) / 2 = 2048 -> 2048; raw_token 2048 x 2
	** = 4096 -> 4096 */
	finetune_is(5000, 128, 128, 2, 2048, 4096);
	/* no request fits: raw_bs 0 -> the floors 64 and 2048 */
	finetune_is(0, 128, 128, 1, 64, 2048);
}

/* Llama-3 8B (fixtures.h): per layer attention 4096 x 4096 x 2 +
** 2 x 4096 x 1024 = 41,943,040, MLP 3 x 4096 x 14336 = 176,160,768,
** norms 8192: 218,112,000, x 32 = 6,979,584,000; embedding and LM head
** 2 x 128256 x 4096 = 1,050,673,152; final norm 4096: 8,030,261,248. */
#define LLAMA3_8B_PARAMS 8030261248.0
/* Llama-3 70B: attention 8192 x 8192 x 2 + 2 x 8192 x 1024 =
** 150,994,944, MLP 3 x 8192 x 28672 = 704,643,072, norms 16384:
** 855,654,400, x 80 = 68,452,352,000; embedding and LM head 2 x 128256 x
** 8192 = 2,101,346,304; final norm 8192: 70,553,706,496. */
#define LLAMA3_70B_PARAMS 70553706496.0

static void llama3_8b_fp8_inputs(rl_bench_inputs *in)
{
	memset(in, 0, sizeof *in);
	in->params = LLAMA3_8B_PARAMS;
	in->layers = 32;
	in->kv_heads = 8;
	in->head_dim = 128;
	in->device_bytes = 85.9e9; /* 80 GiB, the h100-sxm preset */
	in->tp = 1;
	in->pp = 1;
	in->isl = 128;
	in->osl = 128;
	in->byte_per_elem = 1;
	in->byte_per_kv_elem = 1;
	in->kv_fraction = 0.95;
}

/* The published example (published-methodology.md, 0.12: max runtime
** batch 4096, tokens 8192), for Llama-3 8B FP8 at 128/128 on one H100:
** weights 8,030,261,248 B; (85.9e9 - 8.030261248e9) x 0.95 =
** 73,976,251,814 B of KV; a token 2 x 32 x 8 x 128 x 1 = 65,536 B:
** 1,128,788 tokens, / 256 = 4409.3 requests, capped at 4096: max_bs 256 x
** 16 = 4096; raw_token 4096 x 2 = 8192, not < 8192: 1024 x 8 = 8192.  It
** holds with the KV share 0.99 the example prints too (4595 requests,
** capped the same).  At 16 bits it does not: (85.9e9 - 16.06e9) x 0.95 /
** 131,072 / 256 = 1977.3 requests: 256 x 8 = 2048 and raw_token 3954.6:
** 256 x 16 = 4096; so the example was an FP8 (or smaller) model. */
static void test_published_example(void **state)
{
	rl_bench_inputs in;
	double bs, tokens, req;
	(void)state;
	llama3_8b_fp8_inputs(&in);
	req = rl_trtllm_bench_setting(&in, &bs, &tokens);
	assert_true(fabs(req - 4409.33) < 0.01);
	assert_true(bs == 4096 && tokens == 8192);
	in.kv_fraction = 0.99;
	rl_trtllm_bench_setting(&in, &bs, &tokens);
	assert_true(bs == 4096 && tokens == 8192);
	in.kv_fraction = 0.95;
	in.byte_per_elem = 2;
	in.byte_per_kv_elem = 2;
	req = rl_trtllm_bench_setting(&in, &bs, &tokens);
	assert_true(fabs(req - 1977.31) < 0.01);
	assert_true(bs == 2048 && tokens == 4096);
}

/* Llama-3 70B FP16 on two H100s at 128/2048, a memory-tight row:
** weights 2 x 70,553,706,496 = 141,107,412,992 B of 171.8e9; (171.8e9 -
** 141.107e9) x 0.95 = 29,157,957,658 B; a token 2 x 80 x max(2, 8) x 128
** x 2 = 327,680 B: 88,982 tokens, / 2176 = 40.89 requests: max_bs 64 (the
** floor; 32 ceil(1.28) = 64 too), raw_token 40.89 x 1.0625 = 43.4: 2048.
** At FP8 on eight H100s at 2048/128: (687.2e9 - 70.554e9) x 0.95 /
** (2 x 80 x 8 x 128 x 1 = 163,840) / 2176 = 1643.2 requests: 256 x 7 =
** 1792; raw_token 1643.2 x 17 = 27,934: 1024 x 28 = 28672. */
static void test_llama3_70b_rows(void **state)
{
	rl_bench_inputs in;
	double bs, tokens, req;
	(void)state;
	llama3_8b_fp8_inputs(&in);
	in.params = LLAMA3_70B_PARAMS;
	in.layers = 80;
	in.tp = 2;
	in.osl = 2048;
	in.byte_per_elem = 2;
	in.byte_per_kv_elem = 2;
	req = rl_trtllm_bench_setting(&in, &bs, &tokens);
	assert_true(fabs(req - 40.893) < 0.001);
	assert_true(bs == 64 && tokens == 2048);
	in.tp = 8;
	in.isl = 2048;
	in.osl = 128;
	in.byte_per_elem = 1;
	in.byte_per_kv_elem = 1;
	req = rl_trtllm_bench_setting(&in, &bs, &tokens);
	assert_true(fabs(req - 1643.16) < 0.01);
	assert_true(bs == 1792 && tokens == 28672);
}

/* Each GPU of a tp group holds at least one KV head: 2 KV heads of 64 on
** tp 4 count as 4.  One layer, no weights, 81,920 B a device, share 1:
** 327,680 B; a token 2 x 1 x 4 x 64 x 2 = 1024 B: 320 tokens, / (1 + 1)
** = 160 requests: 32 x 5 = 160.  Counting the 2 heads alone would give
** 320 requests: 384.  Weights beyond the memory leave no request: the
** floors 64 and 2048. */
static void test_kv_heads_per_gpu(void **state)
{
	rl_bench_inputs in;
	double bs, tokens, req;
	(void)state;
	memset(&in, 0, sizeof in);
	in.layers = 1;
	in.kv_heads = 2;
	in.head_dim = 64;
	in.device_bytes = 81920;
	in.tp = 4;
	in.pp = 1;
	in.isl = 1;
	in.osl = 1;
	in.byte_per_elem = 2;
	in.byte_per_kv_elem = 2;
	in.kv_fraction = 1;
	req = rl_trtllm_bench_setting(&in, &bs, &tokens);
	assert_true(req == 160 && bs == 160 && tokens == 2048);
	in.params = 1e6; /* 2e6 B of weights > 327,680 B */
	req = rl_trtllm_bench_setting(&in, &bs, &tokens);
	assert_true(req == 0 && bs == 64 && tokens == 2048);
}

/* A configuration of Llama-3 8B on the H100 rates with 80 GiB. */
static void cfg_8b(rl_config *c, const char *prec)
{
	char err[256];
	rl_config_defaults(c);
	fx_llama3_8b(&c->model);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 85.9e9;
	assert_int_equal(rl_param_set_text(c, rl_param_find("scenario",
	                                   "precision"), prec, err, sizeof err),
	                 0);
	c->scen.isl = 128;
	c->scen.osl = 128;
	c->scen.tp = 1;
	c->scen.pp = 1;
	c->scen.chips = 1;
}

/* rl_bench_inputs_of reads the model's parameter count, the precisions
** (FP8 1 byte, 16-bit 2, 4-bit 0.5 where the heuristic does, not
** NVFP4's 0.5625) and the KV share of each rule; rl_batch_rule_apply
** writes the numbers.  The PyTorch rule with kv_fraction 0.5 on the
** example: 77,869,738,752 x 0.5 / 65,536 / 256 = 2320.7 requests: 256 x
** 10 = 2560, raw_token 4641.4: 512 x 10 = 5120. */
static void test_inputs_and_apply(void **state)
{
	rl_config c;
	rl_bench_inputs in;
	(void)state;
	cfg_8b(&c, "fp8");
	rl_bench_inputs_of(&c, RL_BATCH_TRTLLM_BUILD, &in);
	assert_true(in.params == LLAMA3_8B_PARAMS);
	assert_true(in.byte_per_elem == 1 && in.byte_per_kv_elem == 1);
	assert_true(in.kv_fraction == 0.95 && in.tp == 1 && in.pp == 1);
	cfg_8b(&c, "bf16");
	rl_bench_inputs_of(&c, RL_BATCH_TRTLLM_BUILD, &in);
	assert_true(in.byte_per_elem == 2 && in.byte_per_kv_elem == 2);
	cfg_8b(&c, "fp4");
	c.scen.kv_precision = RL_PREC_FP8;
	rl_bench_inputs_of(&c, RL_BATCH_TRTLLM_BUILD, &in);
	assert_true(in.byte_per_elem == 0.5 && in.byte_per_kv_elem == 1);

	/* fixed: the profile's own numbers stay */
	cfg_8b(&c, "fp8");
	c.prof.max_batch_size = 7;
	c.prof.max_num_tokens = 9;
	rl_batch_rule_apply(&c);
	assert_true(c.prof.max_batch_size == 7 && c.prof.max_num_tokens == 9);
	c.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	c.prof.kv_fraction = 0.5; /* not the build's: it takes 0.95 */
	rl_batch_rule_apply(&c);
	assert_true(c.prof.max_batch_size == 4096 &&
	            c.prof.max_num_tokens == 8192);
	c.prof.batch_rule = RL_BATCH_TRTLLM_PYTORCH;
	rl_batch_rule_apply(&c);
	assert_true(c.prof.max_batch_size == 2560 &&
	            c.prof.max_num_tokens == 5120);
}

/* rl_eval serves with the rule's numbers: the same result as the fixed
** rule given them by hand (4096 / 8192 for the example), and a different
** one from the fixed profile's 16 / 2048, where the batch binds. */
static void test_eval_uses_rule(void **state)
{
	rl_config c, f;
	rl_result r, rf;
	(void)state;
	cfg_8b(&c, "fp8");
	c.prof.max_batch_size = 16;
	c.prof.max_num_tokens = 2048;
	f = c;
	assert_int_equal(rl_eval(&f, &rf), RL_OK);
	assert_int_equal(rf.concurrency_limit, RL_LIMIT_BATCH);
	c.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_true(c.prof.max_batch_size == 16); /* the caller's is kept */
	f.prof.max_batch_size = 4096;
	f.prof.max_num_tokens = 8192;
	assert_int_equal(rl_eval(&f, &rf), RL_OK);
	assert_true(r.output_tps == rf.output_tps &&
	            r.concurrency == rf.concurrency);
	assert_true(r.output_tps > 0 && r.concurrency > 16);
}

/* What the token budget sizes: the activation workspace, act_buffers
** copies of one layer's GEMM inputs and outputs for max_num_tokens tokens.
** Llama-3 8B per token and layer: d 4096 in, QKV (32 + 2 x 8) x 128 =
** 6144 out, O 4096 in and 4096 out, the MLP's d in and d out 8192 and its
** gate, up and down 3 x 14336 = 43008: 69,632 elements.  One copy, no
** other runtime memory, tp 1, FP8: at the activations' precision (1 byte)
** 2048 tokens hold 2048 x 69,632 = 142,606,336 B; at 16 bits
** (act_buffers_precision bf16) 285,212,672 B; with the build rule's
** budget for the example (8192 tokens) 8192 x 69,632 x 2 =
** 1,140,850,688 B. */
static void test_workspace_bytes(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	cfg_8b(&c, "fp8");
	c.prof.act_buffers = 1;
	c.prof.max_num_tokens = 2048;
	c.prof.max_batch_size = 256;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_true(r.runtime_bytes == 142606336.0);
	c.prof.act_buffers_precision = RL_PREC_BF16;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_true(r.runtime_bytes == 285212672.0);
	c.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_true(r.runtime_bytes == 1140850688.0);
}

/* rl_ceil (fminmax.h), which the rounding above and the paged blocks of
** the engine use, is ceil bit for bit: whole numbers stay, a fraction
** goes up (a tie of the nearest-integer step too: 2.5 -> 3, 0.5 -> 1), a
** value just below a whole number goes up to it, and a zero, a negative
** (-0.5 -> -0: the sign kept), a NaN and values of 2^52 and more go to
** libm's ceil. */
static void test_ceil_exact(void **state)
{
	const double v[] = {0.3, 0.5, 1.0, 2.5, 4096.0, 4096.000000001,
	                    0x1p52 - 0.5, 0x1p52, 1e300, 0.0, -0.0, -0.5,
	                    -2.5, 4.9e-324};
	const double want[] = {1.0, 1.0, 1.0, 3.0, 4096.0, 4097.0, 0x1p52,
	                       0x1p52, 1e300, 0.0, -0.0, -0.0, -2.0, 1.0};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof v / sizeof *v; i++) {
		double got = rl_ceil(v[i]);
		assert_memory_equal(&got, &want[i], sizeof got);
	}
	assert_true(isnan(rl_ceil(NAN)));
	assert_true(signbit(rl_ceil(-0.5)));
	assert_true(rl_ceil(INFINITY) == INFINITY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_finetune_branches),
	    cmocka_unit_test(test_ceil_exact),
	    cmocka_unit_test(test_published_example),
	    cmocka_unit_test(test_llama3_70b_rows),
	    cmocka_unit_test(test_kv_heads_per_gpu),
	    cmocka_unit_test(test_inputs_and_apply),
	    cmocka_unit_test(test_eval_uses_rule),
	    cmocka_unit_test(test_workspace_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
