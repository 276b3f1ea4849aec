/*
** test_moe.c: mixtures of experts in the engine against expectations
** derived by hand: Mixtral 8x7B's parameters and the experts a batch
** touches, a routed expert's GEMM rows, the rows pooled across ep ranks,
** the two dispatches (all-to-all and all-gather), the token permute, and
** experts stored in MXFP4.  Model shapes from data/sources/models.csv,
** chip numbers from hardware.csv; split from test_engine.c.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/engine.h"
#include "../model/params.h"
#include "fixtures.h"
#include "near.h"

/* Mixtral 8x7B: per layer attention 4096 x 4096 x 2 + 2 x 4096 x 1024 =
** 41,943,040; one expert 3 x 4096 x 14336 = 176,160,768; router 4096 x 8
** = 32,768; norms 8192.  Total: 32 x (41,943,040 + 8 x 176,160,768 +
** 32,768 + 8192) + 2 x 32000 x 4096 + 4096 = 46,702,792,704 (the published
** 46.7B); active with 2 experts: 32 x 394,305,536 + 262,148,096 =
** 12,879,925,248 (the published 12.9B). */
static void test_mixtral_params(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	fx_mixtral_8x7b(&m);
	rl_model_shape_of(&m, &s);
	near(s.params_total, 46702792704.0, 1e-12);
	near(s.params_active, 12879925248.0, 1e-12);
	/* one token touches its 2 experts; a large batch touches all 8 */
	near(rl_experts_touched(&m, 1), 2.0, 1e-12);
	near(rl_experts_touched(&m, 10000), 8.0, 1e-9);
	/* two tokens: 8 x (1 - (6/8)^2) = 3.5 */
	near(rl_experts_touched(&m, 2), 3.5, 1e-12);
}

/* A routed expert's GEMM gets only its tokens: with gemm_m_half h, an MoE
** layer's expert FLOPs run at efficiency rows / (rows + h) with rows = M k
** / (experts touched by M tokens), the other GEMMs at M / (M + h).
** Mixtral-8x7B shape, batch 1, isl 16, osl 1001: a decode iteration carries
** n = 1000/1001 tokens, which touch 8 (1 - (6/8)^n) experts.  Expert FLOPs
** per token: 2 x k 2 x (3 x 4096 x 14336) x 32 layers. */
static void test_expert_gemm_rows(void **state)
{
	rl_config c;
	rl_result a, b;
	double n = 1000.0 / 1001, e = 2.0 * 2 * 3 * 4096.0 * 14336 * 32;
	double rows, lin, want;
	(void)state;
	fx_mixtral_batch1(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.gemm_m_half = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	/* at h = 0 every FLOP runs at the FP8 peak: the step's FLOPs */
	lin = a.decode.gemm_compute_s * 1978.9e12 / n;
	rows = n * 2 / (8 * (1 - pow(0.75, n)));
	want = (n * (lin - e) * (n + 1) / n + n * e * (rows + 1) / rows) /
	       1978.9e12;
	near(b.decode.gemm_compute_s, want, 1e-9);
}

/* Expert parallelism pools the routed rows: at ep 2 on 2 chips (tp 1,
** two replicas of batch 1) a chip's 4 experts serve the n = 1000/1001
** decode tokens of both replicas, 2n x 2 routed rows over the experts 2n
** tokens touch, 8 (1 - (6/8)^(2n)), and the chip reads half of those.
** The chip's expert FLOPs stay n e (its share of both replicas' 2n k
** rows), the rest n (lin - e) at M = n.  profile.moe_gemm_eff 0.5 at h =
** 0: the expert FLOPs take twice as long, n e / peak more. */
static void test_expert_rows_pooled(void **state)
{
	rl_config c;
	rl_result a, b;
	double n = 1000.0 / 1001, e = 2.0 * 2 * 3 * 4096.0 * 14336 * 32;
	double touched = 8 * (1 - pow(0.75, 2 * n)), rows, lin, want;
	(void)state;
	fx_mixtral_batch1(&c);
	c.scen.ep = 2;
	c.scen.chips = 2; /* --batch caps each replica: 1 */
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	lin = a.decode.gemm_compute_s * 1978.9e12 / n;
	c.prof.gemm_m_half = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	rows = 2 * n * 2 / touched;
	want = (n * (lin - e) * (n + 1) / n + n * e * (rows + 1) / rows) /
	       1978.9e12;
	near(b.decode.gemm_compute_s, want, 1e-9);
	/* weights read: the chip's half of the touched experts' 32 layers */
	c.prof.gemm_m_half = 0;
	c.model.expert_weight_bits = 4;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(a.decode.gemm_memory_s - b.decode.gemm_memory_s,
	     32 * touched / 2 * 176160768.0 * 0.5 / 3.35e12, 1e-9);
	c.model.expert_weight_bits = 0;
	c.prof.moe_gemm_eff = 0.5;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.gemm_compute_s - a.decode.gemm_compute_s,
	     n * e / 1978.9e12, 1e-9);
}

/* How the MoE moves tokens between ep ranks (profile.moe_dispatch), at ep
** 4 on 4 chips (tp 1, four replicas of batch 1), Mixtral-8x7B's shape
** (k 2, d 4096, 32 MoE layers), FP8: a decode iteration carries n =
** 1000/1001 tokens a rank.  An all-to-all sends each token's k copies,
** 3/4 of them to other ranks: 3/4 x n x 2 x 4096 bytes at FP8 out and at
** 16 bits back, each in one step of 1 us after 5 us of software latency.
** An all-gather puts the other 3 ranks' n x 4096 tokens on each rank's
** link, 3 x n x 4096 bytes out and twice that back (the reduce-scatter),
** in 3 ring steps each.  Per layer the link carries 3 n 4096 x (1 + 2)
** = 9 n 4096 bytes instead of 3/4 x 2 n 4096 x (1 + 2) = 4.5 n 4096, at
** 450 GB/s (NVLink4 one way, eff_link 1), in 2 x 2 more steps: the
** iteration's communication grows by 32 x (4 us + 4.5 n 4096 / 450e9). */
static void test_moe_dispatch(void **state)
{
	rl_config c;
	rl_result a, b;
	double n = 1000.0 / 1001, extra = 4.5 * n * 4096;
	(void)state;
	fx_mixtral_batch1(&c);
	c.chip.link_latency_s = 1e-6;
	c.prof.allreduce_latency_s = 5e-6;
	c.prof.allreduce = RL_AR_RING;
	c.scen.ep = 4;
	c.scen.chips = 4;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(a.decode.comm_s,
	     32 * (2 * 6e-6 + 0.75 * n * 2 * 4096 * 3 / 450e9), 1e-9);
	c.prof.moe_dispatch = RL_MOE_ALLGATHER;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.comm_s - a.decode.comm_s, 32 * (4e-6 + extra / 450e9),
	     1e-9);
	near(b.decode.link_bytes - a.decode.link_bytes, 32 * extra, 1e-9);
	/* the gathered tokens in the workspace: the other 3 ranks'
	** max_num_tokens 16384 tokens x 4096 at FP8 in and 16 bits out, 3
	** bytes, per copy of act_buffers (2): 2 x 16384 x 3 x 4096 x 3 =
	** 1,207,959,552 bytes more, which the KV cache (kv_fraction 1) loses */
	c.prof.act_buffers = 2;
	c.prof.moe_dispatch = RL_MOE_ALLTOALL;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.moe_dispatch = RL_MOE_ALLGATHER;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.runtime_bytes - a.runtime_bytes, 1207959552.0, 1e-12);
	near(a.kv_capacity_bytes - b.kv_capacity_bytes, 1207959552.0, 1e-9);
	/* one rank (ep 1): no dispatch either way */
	c.scen.ep = 1;
	c.scen.chips = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	assert_true(b.decode.comm_s == 0);
}

/* An MoE layer's token permute and finalize (profile.moe_permute), on
** Mixtral-8x7B's shape (k 2, d 4096, 32 MoE layers) at batch 1: a decode
** iteration carries n = 1000/1001 tokens.  Per token and layer the
** permute reads its 4096 values and writes 2 copies at FP8 (3 x 4096
** bytes), the finalize reads the 2 expert outputs and writes one at 16
** bits (3 x 4096 x 2): 4096 x 9 bytes, on every tp rank alike (the whole
** hidden width, not split over tp), at 3.35 TB/s (eff_memory 1): the
** decode's elementwise time grows by 32 n 4096 x 9 / 3.35e12.  At 16
** bits the copies are 2 bytes too: 4096 x 12.  An all-gathering MoE at
** ep 4 permutes the 4 ranks' tokens: 4 times the FP8 figure.  A dense
** model has none. */
static void test_moe_permute(void **state)
{
	rl_config c;
	rl_result a, b;
	double n = 1000.0 / 1001, per = 32 * n * 4096 / 3.35e12;
	int tp;
	(void)state;
	for (tp = 1; tp <= 8; tp *= 8) {
		fx_mixtral_batch1(&c);
		c.scen.tp = tp;
		c.scen.chips = tp;
		assert_int_equal(rl_serve(&c, &a), RL_OK);
		c.prof.moe_permute = 1;
		assert_int_equal(rl_serve(&c, &b), RL_OK);
		near(b.decode.elementwise_s - a.decode.elementwise_s, 9 * per,
		     1e-9);
	}
	c.scen.precision = RL_PREC_BF16;
	c.prof.moe_permute = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.moe_permute = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.elementwise_s - a.decode.elementwise_s, 12 * per, 1e-9);
	fx_mixtral_batch1(&c);
	c.scen.ep = 4;
	c.scen.chips = 4;
	c.prof.moe_dispatch = RL_MOE_ALLGATHER;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.moe_permute = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.elementwise_s - a.decode.elementwise_s, 36 * per, 1e-9);
	fx_h100_ideal(&c); /* Llama-3 70B: no experts */
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.moe_permute = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	assert_true(b.decode.elementwise_s == a.decode.elementwise_s);
}

/* Experts stored in MXFP4 (model.expert_weight_bits 4.25: 4-bit values
** and an 8-bit scale per 32).  Mixtral 8x7B (test_mixtral_params): 46,702,
** 792,704 weights, of which 32 x 8 x 176,160,768 = 45,097,156,608 are
** routed experts; at FP8 the model holds 46,702,792,704 bytes, with MXFP4
** experts 46,702,792,704 - 45,097,156,608 x (1 - 4.25/8 = 15/32) =
** 46,702,792,704 - 21,139,292,160 = 25,563,500,544.  A decode step at
** batch 1 reads 15/32 fewer bytes for each expert it touches (n =
** 1000/1001 tokens touch 8 (1 - (6/8)^n) experts a layer).  The H100 has
** no FP4 units: the experts multiply at the activations' precision, so
** their FLOPs take as long as at FP8 (and as at BF16 when the activations
** are BF16). */
static void test_mxfp4_experts(void **state)
{
	rl_config c;
	rl_result a, b;
	double n = 1000.0 / 1001, touched = 8 * (1 - pow(0.75, n));
	(void)state;
	fx_h100_ideal(&c);
	fx_mixtral_8x7b(&c.model);
	c.scen.isl = 16;
	c.scen.osl = 1001;
	c.scen.batch = 1;
	c.prof.gemm_m_half = 64;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(a.weights_bytes, 46702792704.0, 1e-12);
	c.model.expert_weight_bits = 4.25;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.weights_bytes, 25563500544.0, 1e-12);
	near(a.decode.gemm_memory_s - b.decode.gemm_memory_s,
	     32 * touched * 176160768.0 * 15 / 32 / 3.35e12, 1e-9);
	near(b.decode.gemm_compute_s, a.decode.gemm_compute_s, 1e-12);
	/* BF16 activations: the experts multiply at BF16 whatever they store
	** (93 GB of BF16 weights: a larger memory) */
	c.scen.precision = RL_PREC_BF16;
	c.chip.hbm_bytes = 200e9;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	c.model.expert_weight_bits = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(b.decode.gemm_compute_s, a.decode.gemm_compute_s, 1e-12);
	near(a.weights_bytes - b.weights_bytes,
	     45097156608.0 * (2 - 4.25 / 8), 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mixtral_params),
	    cmocka_unit_test(test_expert_gemm_rows),
	    cmocka_unit_test(test_expert_rows_pooled),
	    cmocka_unit_test(test_moe_dispatch),
	    cmocka_unit_test(test_moe_permute),
	    cmocka_unit_test(test_mxfp4_experts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
