/*
** test_mapping.c: mappings (tp x pp x dp x ep), link costs by topology,
** pipeline stages and the bubble, memory fit per stage, and the mapping
** search, against values worked out by hand from the formulas documented
** in model/mapping.h and model/engine.c.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/comm.h"
#include "../model/engine.h"
#include "../model/mapping.h"
#include "../model/mapsearch.h"
#include "../model/params.h"
#include "fixtures.h"
#include "near.h"

/* Links of 100 GB/s out per chip, 1 us per hop, no software latency. */
static void links(rl_config *c, int topo, double chips)
{
	rl_config_defaults(c);
	c->chip.link_Bps = 100e9;
	c->chip.link_latency_s = 1e-6;
	c->chip.topology = topo;
	c->prof.eff_link = 1;
	c->prof.allreduce_latency_s = 0;
	c->scen.chips = chips;
}

/* A 1 MB send: switch 1 us + 1e6 / 1e11 = 11 us; a mesh of 8 gives the
** peer one of 7 links, 1e11 / 7: 1 us + 70 us; a ring one of two
** neighbours' links, 5e10: 1 us + 20 us. */
static void test_p2p(void **state)
{
	rl_config c;
	double b;
	(void)state;
	links(&c, RL_TOPO_SWITCH, 8);
	near(rl_p2p_time(&c, 1e6, &b), 11e-6, 1e-12);
	near(b, 1e6, 0);
	links(&c, RL_TOPO_MESH, 8);
	near(rl_p2p_time(&c, 1e6, NULL), 71e-6, 1e-12);
	links(&c, RL_TOPO_RING, 8);
	near(rl_p2p_time(&c, 1e6, NULL), 21e-6, 1e-12);
}

/* All-to-all of 4 MB per chip among 4 chips: 3/4 leaves, 3e6 bytes.
** Switch: 1 hop, 1 us + 3e6 / 1e11 = 31 us.  Mesh of 8: 3 of 7 links,
** 1 us + 3e6 x 7 / 3e11 = 71 us.  Ring of 4: distances 1, 1, 2 from each
** chip, floor(16/4) = 4 in all, 4e6 x 4 / 4 = 4e6 bytes on the wire over
** both links (1e11), 2 hops: 2 us + 40 us. */
static void test_alltoall(void **state)
{
	rl_config c;
	double b;
	(void)state;
	links(&c, RL_TOPO_SWITCH, 8);
	near(rl_alltoall_time(&c, 4e6, 4, &b), 31e-6, 1e-12);
	near(b, 3e6, 1e-12);
	links(&c, RL_TOPO_MESH, 8);
	near(rl_alltoall_time(&c, 4e6, 4, NULL), 71e-6, 1e-12);
	links(&c, RL_TOPO_RING, 8);
	near(rl_alltoall_time(&c, 4e6, 4, &b), 42e-6, 1e-12);
	near(b, 4e6, 1e-12);
	near(rl_alltoall_time(&c, 4e6, 1, NULL), 0, 0);
}

/* The all-reduce's ramp (allreduce_half_bytes 4 MB, fitted on a 100 GB/s
** link) is a time, mul x 4e6 / 1e11, on whatever link the group runs:
** a pair costs 40 us of it on a switch and on a mesh of 8 alike, though
** the mesh gives the pair one of 7 links (1e11 / 7).  A ring of 2 moves S
** = 1 MB in 2 steps: switch 2 us + (1e6 + 4e6) / 1e11 = 52 us; mesh pair
** 2 us + 40 us + 1e6 x 7 / 1e11 = 112 us, where S_half scaled by the
** chip's whole 1e11 would add 4e6 x 7 / 1e11 = 280 us (352 us).  All 8
** of the mesh hold all 7 links: 14 steps + 1.75 x 5e6 / 1e11 = 101.5 us,
** as on the switch. */
static void test_mesh_allreduce_ramp(void **state)
{
	rl_config c;
	(void)state;
	links(&c, RL_TOPO_SWITCH, 8);
	c.prof.allreduce = RL_AR_RING;
	c.prof.allreduce_half_bytes = 4e6;
	c.prof.allreduce_half_link_Bps = 100e9;
	near(rl_allreduce_time(&c, 1e6, 2, NULL), 52e-6, 1e-12);
	near(rl_allreduce_time(&c, 1e6, 8, NULL), 101.5e-6, 1e-12);
	c.chip.topology = RL_TOPO_MESH;
	near(rl_allreduce_time(&c, 1e6, 2, NULL), 112e-6, 1e-12);
	near(rl_allreduce_time(&c, 1e6, 8, NULL), 101.5e-6, 1e-12);
	/* the ramp's time on the group's raw links, at their efficiency:
	** eff_link 0.5 halves the bandwidth B of every link, the pair's
	** ramp 4e6 / (0.5 x 1e11) = 80 us on a switch and on the mesh alike
	** (S_half scales with the group's links, 1e11 / 7, not with their
	** effective bandwidth 0.5e11 / 7, which would leave 40 us).  Switch
	** 2 us + (1e6 + 4e6) / 0.5e11 = 102 us; mesh 2 us + 80 us + 1e6 x 7
	** / 0.5e11 = 222 us */
	c.prof.eff_link = 0.5;
	c.chip.topology = RL_TOPO_SWITCH;
	near(rl_allreduce_time(&c, 1e6, 2, NULL), 102e-6, 1e-12);
	c.chip.topology = RL_TOPO_MESH;
	near(rl_allreduce_time(&c, 1e6, 2, NULL), 222e-6, 1e-12);
}

/* 80 layers on 3 stages: 27, 27, 26 (the last, with the LM head, is a
** floor stage); on 8: 10 each.  A round with m micro-batches is
** max(traverse, m x cycle): 2 micro-batches through stages summing to 4 s
** with the slowest 1 s take 4 s (half the stages idle); 8 take 8 s. */
static void test_stages_and_bubble(void **state)
{
	rl_stages st;
	(void)state;
	rl_stages_of(80, 3, &st);
	near(st.hi, 27, 0);
	near(st.lo, 26, 0);
	near(st.n_hi, 2, 0);
	near(st.first, 27, 0);
	near(st.last, 26, 0);
	rl_stages_of(80, 8, &st);
	near(st.first, 10, 0);
	near(st.last, 10, 0);
	near(st.n_hi, 8, 0);
	near(rl_pipeline_round(2, 1.0, 4.0), 4.0, 0);
	near(rl_pipeline_round(4, 1.0, 4.0), 4.0, 0);
	near(rl_pipeline_round(8, 1.0, 4.0), 8.0, 0);
}

/* A toy dense model: 4 layers, d 1024, 8 heads of 128 (8 KV heads), MLP
** 4096, vocabulary 1000, at FP16, on a chip whose memory and links are so
** fast that only FLOPs count (1 PFLOP/s, every efficiency 1).  Per layer:
** attention 4 x 1024 x 1024 = 4,194,304 params, MLP 3 x 1024 x 4096 =
** 12,582,912: 2^24 in all; LM head 1000 x 1024 = 1,024,000. */
static void toy(rl_config *c)
{
	rl_config_defaults(c);
	fx_toy_model(&c->model);
	c->chip.peak_flops_bf16 = 1e15;
	c->chip.hbm_Bps = 1e18;
	c->chip.hbm_bytes = 80e9;
	c->chip.link_Bps = 1e18;
	c->chip.link_latency_s = 0;
	c->prof.eff_compute = c->prof.eff_attention = 1;
	c->prof.eff_memory = c->prof.eff_kv_memory = c->prof.eff_link = 1;
	c->prof.elementwise_fused = 1;
	c->prof.kv_fraction = 1;
	c->prof.tokens_per_block = 1;
	c->prof.runtime_reserved_bytes = 0;
	c->scen.precision = RL_PREC_FP16;
	c->scen.isl = 64;
	c->scen.osl = 64;
	c->scen.tp = 1;
}

/* FLOPs on a stage of 2 of the 4 layers for d decode tokens (context
** isl + osl/2 = 96) and p prefill tokens (causal, (64+1)/2 = 32.5 keys on
** average), h of them producing logits:
**   linear 2 x 2 x 2^24 = 67,108,864 per token
**   attention 4 x 2 layers x 8 x 128 = 8192 per key
**   LM head 2 x 1000 x 1024 = 2,048,000 per logit (last stage only). */
static double stage_flops(double d, double p, double h, int head)
{
	return (d + p) * 67108864.0 + 8192.0 * (d * 96 + p * 32.5) +
	       (head ? h * 2048000.0 : 0.0);
}

/* PP 2 on 2 chips: the last stage (2 layers and the LM head) is the
** slowest; its decode iteration takes stage_flops / 1e15.  The pipeline
** is full (2 micro-batches), so a micro-batch advances once every 2
** cycles: tpot = 2 x (f x prefill + (1 - f) x decode). */
static void test_pp_stage_time(void **state)
{
	rl_config c;
	rl_result r;
	double d, q, f, t_pre, t_dec;
	(void)state;
	toy(&c);
	c.scen.pp = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	d = r.decode_seqs;
	q = r.prefill_chunk;
	f = r.prefill_share;
	t_dec = stage_flops(d, 0, d, 1) / 1e15;
	t_pre = stage_flops(d, q, d + q / 64, 1) / 1e15;
	near(r.decode.time_s, t_dec, 1e-6);
	near(r.prefill.time_s, t_pre, 1e-6);
	near(r.tpot_s, 2 * (f * t_pre + (1 - f) * t_dec), 1e-6);
}

/* The bubble: --batch 1 on PP 2 leaves one micro-batch, which passes the
** first stage (no head) and then the last: a round is their sum. */
static void test_pp_bubble(void **state)
{
	rl_config c;
	rl_result r;
	double d, q, f, r_pre, r_dec;
	(void)state;
	toy(&c);
	c.scen.pp = 2;
	c.scen.chips = 2;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	d = r.decode_seqs;
	q = r.prefill_chunk;
	f = r.prefill_share;
	r_dec = (stage_flops(d, 0, d, 0) + stage_flops(d, 0, d, 1)) / 1e15;
	r_pre = (stage_flops(d, q, d + q / 64, 0) +
	         stage_flops(d, q, d + q / 64, 1)) / 1e15;
	near(r.tpot_s, f * r_pre + (1 - f) * r_dec, 1e-6);
	near(r.concurrency, 1, 1e-12);
}

/* Llama-3 70B at FP16 over PP 2: the last stage holds 40 layers
** (40 x 855,654,400 params), the LM head (1,050,673,152) and the final
** norm (8192): 35,276,857,344 params, 70,553,714,688 bytes.  It fits 80 GB;
** on 70 GB it is short by 0.55 GB and the mapping is refused. */
static void test_memory_fit_refusal(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	rl_config_defaults(&c);
	fx_h100_rates(&c.chip);
	fx_llama3_70b(&c.model);
	c.chip.hbm_bytes = 80e9;
	c.prof.runtime_reserved_bytes = 0;
	c.scen.precision = RL_PREC_FP16;
	c.scen.tp = 1;
	c.scen.pp = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.weights_bytes_per_chip, 70553714688.0, 1e-12);
	c.chip.hbm_bytes = 70e9;
	assert_int_equal(rl_eval(&c, &r), RL_ENOFIT);
	assert_non_null(strstr(r.error, "by 0.6 GB"));
}

/* Mixtral 8x7B (models.csv) at FP16 with ep 2: a chip holds 4 of the 8
** experts of each layer.  Per layer: attention 4096 x 4096 x 2 + 2 x
** 4096 x 1024 = 41,943,040, router 4096 x 8 = 32,768, norms 8192, 4
** experts x 3 x 4096 x 14336 = 704,643,072: 746,627,072; x 32 layers =
** 23,892,066,304; embedding and LM head 2 x 32000 x 4096 = 262,144,000,
** final norm 4096: 24,154,214,400 params, 48,308,428,800 bytes. */
static void test_ep_memory(void **state)
{
	rl_config c;
	rl_result r;
	char msg[256];
	(void)state;
	rl_config_defaults(&c);
	fx_h100_rates(&c.chip);
	c.chip.hbm_bytes = 80e9;
	fx_mixtral_8x7b(&c.model);
	c.scen.precision = RL_PREC_FP16;
	c.scen.tp = 1;
	c.scen.ep = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.weights_bytes_per_chip, 48308428800.0, 1e-12);
	assert_true(r.decode.link_bytes > 0);
	/* ep 3 divides neither the 8 experts nor dp = 2 */
	c.scen.ep = 3;
	c.scen.chips = 6;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_non_null(strstr(msg, "legal ep: 1, 2"));
	/* a dense model takes no ep */
	c.model.experts = 1;
	c.model.experts_per_token = 1;
	c.scen.ep = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_non_null(strstr(msg, "dense"));
}

/* rl_mapping_check with no room for a message (len 0, msg NULL) gives
** the status it gives with one, for every tp, pp, ep of 1-9 on 1-12
** chips of a mixture (Mixtral: 8 experts, 32 layers) and of a dense
** model, with links and without, and with an in-switch all-reduce on a
** chip without in-network reduction: each of its refusals is met. */
static void test_mapping_check_quiet(void **state)
{
	rl_config c;
	char msg[256];
	int variant, refused[2] = {0, 0};
	(void)state;
	for (variant = 0; variant < 4; variant++) {
		double chips, tp, pp, ep;
		rl_config_defaults(&c);
		fx_h100_rates(&c.chip);
		fx_mixtral_8x7b(&c.model);
		if (variant == 1) {
			c.model.experts = 1;
			c.model.experts_per_token = 1;
		}
		if (variant == 2)
			c.chip.link_Bps = 0;
		if (variant == 3) {
			c.prof.allreduce = RL_AR_SWITCH;
			c.chip.in_network_reduction = 0;
		}
		for (chips = 1; chips <= 12; chips++)
			for (tp = 1; tp <= 9; tp++)
				for (pp = 1; pp <= 9; pp++)
					for (ep = 1; ep <= 9; ep++) {
						int loud, quiet;
						c.scen.chips = chips;
						c.scen.tp = tp;
						c.scen.pp = pp;
						c.scen.ep = ep;
						loud = rl_mapping_check(&c, msg, sizeof msg);
						quiet = rl_mapping_check(&c, NULL, 0);
						assert_int_equal(loud, quiet);
						refused[loud == RL_OK ? 0 : 1]++;
					}
	}
	assert_true(refused[0] > 0 && refused[1] > 0);
}

/* rl_map_search_best's best is the evaluation of the first mapping, as
** rl_eval gives it there; with max 0 (nothing kept) it is left alone. */
static void test_map_search_best(void **state)
{
	rl_config c, at;
	rl_result best, r;
	rl_map_entry e[16];
	size_t n;
	(void)state;
	toy(&c);
	c.chip.link_latency_s = 1e-3;
	c.scen.chips = 4;
	memset(&best, 0, sizeof best);
	best.total_tps = -1;
	n = rl_map_search_best(&c, NULL, e, 16, &best);
	assert_int_equal(n, rl_map_search(&c, NULL, e, 16));
	at = c;
	at.scen.chips = 4;
	at.scen.tp = e[0].tp;
	at.scen.pp = e[0].pp;
	at.scen.ep = e[0].ep;
	assert_int_equal(rl_eval(&at, &r), RL_OK);
	assert_true(best.total_tps == r.total_tps);
	assert_true(best.output_tps == r.output_tps);
	assert_true(best.ttft_s == r.ttft_s && best.tpot_s == r.tpot_s);
	assert_true(best.total_tps == e[0].total_tps);
	/* ranked by TTFT, another mapping may lead: still the first's */
	{
		rl_map_limits lim;
		memset(&lim, 0, sizeof lim);
		lim.rank_by = RL_RANK_TTFT;
		rl_map_search_best(&c, &lim, e, 16, &best);
		at.scen.tp = e[0].tp;
		at.scen.pp = e[0].pp;
		at.scen.ep = e[0].ep;
		assert_int_equal(rl_eval(&at, &r), RL_OK);
		assert_true(best.ttft_s == r.ttft_s &&
		            best.total_tps == r.total_tps);
	}
	memset(&best, 0, sizeof best);
	best.total_tps = -1;
	assert_int_equal(rl_map_search_best(&c, NULL, e, 0, &best), n);
	assert_true(best.total_tps == -1);
}

/* The toy model on 4 chips whose links take 1 s a hop: every mapping but
** 4 independent replicas pays at least 1 s an iteration for its links, so
** the best is tp 1 x pp 1 x dp 4, at exactly 4 times one chip.  Legal
** mappings: tp 1 (pp 1, 2, 4), tp 2 (pp 1, 2), tp 4 (pp 1): 6. */
static void test_map_search_tiny(void **state)
{
	rl_config c, one;
	rl_result r;
	rl_map_entry e[16];
	size_t n;
	(void)state;
	toy(&c);
	c.chip.link_latency_s = 1;
	c.scen.chips = 4;
	n = rl_map_search(&c, NULL, e, 16);
	assert_int_equal(n, 6);
	near(e[0].tp, 1, 0);
	near(e[0].pp, 1, 0);
	near(e[0].dp, 4, 0);
	one = c;
	one.scen.chips = 1;
	assert_int_equal(rl_eval(&one, &r), RL_OK);
	near(e[0].output_tps, 4 * r.output_tps, 1e-12);
	assert_true(e[1].output_tps < e[0].output_tps);
	/* a limit no mapping meets ranks them all as not meeting it */
	{
		rl_map_limits lim = {1e-12, 0, RL_RANK_OUTPUT_TPS};
		n = rl_map_search(&c, &lim, e, 16);
		assert_int_equal(n, 6);
		assert_int_equal(e[0].meets, 0);
	}
}

/* map --rank-by (rl_map_limits.rank_by).  The toy model on 4 chips with
** free links and no power model (it names no node), compute-bound: by
** TTFT the best is TP4 x PP1, one request's prefill split over the 4
** chips, so its TTFT is a quarter of one chip's (by hand: 4 x the
** throughput of a chip on the same FLOPs); by output tokens/s it is not
** first (tp x pp x dp ties break toward fewer pp, then fewer tp).  Every
** tokens/J is unknown (no power model), so ranking by it falls back to
** the ties' order: the default ranking, entry by entry. */
static void test_map_rank_by(void **state)
{
	rl_config c, one;
	rl_result r;
	rl_map_entry d[16], e[16];
	rl_map_limits lim = {0, 0, RL_RANK_TTFT};
	size_t n, i;
	(void)state;
	toy(&c);
	c.scen.chips = 4;
	one = c;
	one.scen.chips = 1;
	assert_int_equal(rl_eval(&one, &r), RL_OK);
	n = rl_map_search(&c, NULL, d, 16);
	assert_int_equal(n, 6);
	assert_false(d[0].tp == 4 && d[0].pp == 1);
	assert_int_equal(rl_map_search(&c, &lim, e, 16), 6);
	near(e[0].tp, 4, 0);
	near(e[0].pp, 1, 0);
	/* (to 1e-5: what the links add at 1e18 B/s, not infinite) */
	near(e[0].ttft_s, r.ttft_s / 4, 1e-5);
	for (i = 1; i < n; i++) /* lowest first */
		assert_true(e[i - 1].ttft_s <= e[i].ttft_s);
	lim.rank_by = RL_RANK_TPOT;
	assert_int_equal(rl_map_search(&c, &lim, e, 16), 6);
	for (i = 1; i < n; i++)
		assert_true(e[i - 1].tpot_s <= e[i].tpot_s);
	lim.rank_by = RL_RANK_TOKENS_PER_J;
	assert_int_equal(rl_map_search(&c, &lim, e, 16), 6);
	for (i = 0; i < n; i++) {
		assert_true(isnan(e[i].tokens_per_j));
		near(e[i].tp, d[i].tp, 0);
		near(e[i].pp, d[i].pp, 0);
	}
	/* a TTFT limit is at most: the best TTFT (TP4 x PP1's) as the limit
	** is met by it (mutation testing: a TTFT equal to its limit missing
	** it survived) */
	lim.rank_by = RL_RANK_TTFT;
	assert_int_equal(rl_map_search(&c, &lim, e, 16), 6);
	lim.ttft_max_s = e[0].ttft_s;
	assert_int_equal(rl_map_search(&c, &lim, e, 16), 6);
	near(e[0].tp, 4, 0);
	assert_int_equal(e[0].meets, 1);
	assert_int_equal(e[1].meets, 0);
	/* a known figure before an unknown one, among mappings that all miss
	** a limit: on chips of 100 MB TP1 x PP1 does not fit (138.3 MB of
	** weights, test_legal_lists), its TTFT unknown, so ranked by TTFT it
	** is last, after the 5 that run (mutation testing: the unknown first
	** survived, every earlier case's figures all known or all unknown) */
	c.chip.hbm_bytes = 100e6;
	lim.ttft_max_s = 1e-12;
	assert_int_equal(rl_map_search(&c, &lim, e, 16), 6);
	for (i = 0; i < 5; i++) {
		assert_int_equal(e[i].rc, RL_OK);
		assert_int_equal(e[i].meets, 0);
		assert_false(isnan(e[i].ttft_s));
	}
	assert_int_equal(e[5].rc, RL_ENOFIT);
	near(e[5].tp, 1, 0);
	near(e[5].pp, 1, 0);
}

/* rl_map_rank_value: each --rank-by key reads its own field of an entry,
** by hand on an entry whose six figures differ (mutation testing: the
** price read for the cost survived; they rank alike on one chip) */
static void test_map_rank_value(void **state)
{
	rl_map_entry e;
	(void)state;
	memset(&e, 0, sizeof e);
	e.output_tps = 6;
	e.tokens_per_j = 3;
	e.usd_cost = 1;
	e.usd_price = 2;
	e.ttft_s = 4;
	e.tpot_s = 5;
	near(rl_map_rank_value(&e, RL_RANK_OUTPUT_TPS), 6, 0);
	near(rl_map_rank_value(&e, RL_RANK_TOKENS_PER_J), 3, 0);
	near(rl_map_rank_value(&e, RL_RANK_USD_COST), 1, 0);
	near(rl_map_rank_value(&e, RL_RANK_USD_PRICE), 2, 0);
	near(rl_map_rank_value(&e, RL_RANK_TTFT), 4, 0);
	near(rl_map_rank_value(&e, RL_RANK_TPOT), 5, 0);
}

/* One runnable entry meeting no limit, mapping TP1 x PP1 x DP1 x EP1,
** every figure known. */
static void known_entry(rl_map_entry *e)
{
	memset(e, 0, sizeof *e);
	e->rc = RL_OK;
	e->meets = 1;
	e->tp = e->pp = e->dp = e->ep = 1;
	e->output_tps = 100;
	e->tokens_per_j = 2;
	e->usd_cost = 3;
	e->usd_price = 4;
	e->ttft_s = 0.5;
	e->tpot_s = 0.05;
}

/* rl_map_before's NaN rule, by hand: a runnable mapping whose figure
** under the key is NaN (unknown) never ranks before one whose figure is
** known, under every key, in either order, even where every other figure
** of the NaN one is better (more output tokens/s, fewer pp); where both
** are NaN the ties decide (fewer pp first).  The insertion that builds
** the ranking moves an entry up past another only where rl_map_before
** says so, so these two answers are what keeps a NaN from the top
** whichever came first.  Under the default key the figure is the output
** tokens/s itself. */
static void test_map_before_nan(void **state)
{
	rl_map_entry k, u;
	int key;
	(void)state;
	for (key = 0; key < RL_RANK_N; key++) {
		known_entry(&k);
		known_entry(&u);
		/* u: the NaN one, with every other figure better than k's */
		u.output_tps = 1e6;
		u.tokens_per_j = 1e6;
		u.usd_cost = u.usd_price = 1e-6;
		u.ttft_s = u.tpot_s = 1e-9;
		k.pp = 2;
		switch (key) {
		case RL_RANK_OUTPUT_TPS: u.output_tps = NAN; break;
		case RL_RANK_TOKENS_PER_J: u.tokens_per_j = NAN; break;
		case RL_RANK_USD_COST: u.usd_cost = NAN; break;
		case RL_RANK_USD_PRICE: u.usd_price = NAN; break;
		case RL_RANK_TTFT: u.ttft_s = NAN; break;
		default: u.tpot_s = NAN; break;
		}
		assert_true(isnan(rl_map_rank_value(&u, key)));
		assert_int_equal(rl_map_before(&k, &u, key), 1);
		assert_int_equal(rl_map_before(&u, &k, key), 0);
		/* both NaN: fewer pp first (u's pp 1, k's pp 2), either way */
		if (key == RL_RANK_OUTPUT_TPS)
			k.output_tps = NAN;
		else
			k.tokens_per_j = k.usd_cost = k.usd_price = k.ttft_s =
			    k.tpot_s = NAN;
		assert_int_equal(rl_map_before(&u, &k, key), 1);
		assert_int_equal(rl_map_before(&k, &u, key), 0);
	}
	/* ranking by a key other than output tokens/s, the output tokens/s
	** that breaks a tie is NaN in one: the known one first */
	known_entry(&k);
	known_entry(&u);
	u.output_tps = NAN;
	k.pp = 2;
	assert_int_equal(rl_map_before(&k, &u, RL_RANK_TTFT), 1);
	assert_int_equal(rl_map_before(&u, &k, RL_RANK_TTFT), 0);
}

/* rl_map_meets: a latency at most its limit meets it (equal included),
** above misses, and an unknown (NaN) latency meets no limit set on it;
** with no limit (0, or lim NULL) anything meets, NaN included */
static void test_map_meets_nan(void **state)
{
	rl_map_limits lim = {1.0, 0.1, RL_RANK_OUTPUT_TPS};
	(void)state;
	assert_int_equal(rl_map_meets(&lim, 1.0, 0.1), 1);
	assert_int_equal(rl_map_meets(&lim, 1.5, 0.1), 0);
	assert_int_equal(rl_map_meets(&lim, 1.0, 0.2), 0);
	assert_int_equal(rl_map_meets(&lim, NAN, 0.1), 0);
	assert_int_equal(rl_map_meets(&lim, 1.0, NAN), 0);
	lim.ttft_max_s = 0;
	assert_int_equal(rl_map_meets(&lim, NAN, 0.1), 1);
	assert_int_equal(rl_map_meets(NULL, NAN, NAN), 1);
}

/* Bad mappings list what is legal.  The toy model: 8 heads (and 8 KV
** heads), 4 layers. */
static void test_legal_lists(void **state)
{
	rl_config c;
	char msg[256], list[512];
	(void)state;
	toy(&c);
	/* tp x pp = 16 on 8 chips: the products dividing 8, and with tp 4 the
	** pp dividing 8 / 4 = 2 */
	c.scen.chips = 8;
	c.scen.tp = 4;
	c.scen.pp = 4;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_non_null(strstr(msg, "legal products 1, 2, 4, 8; with tp = 4, "
	                            "legal pp: 1, 2"));
	/* tp 8 on 12 chips: 8 does not divide 12; tp dividing 12 and the 8
	** heads: 1, 2, 4 */
	c.scen.chips = 12;
	c.scen.tp = 8;
	c.scen.pp = 1;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_non_null(strstr(msg, "legal products 1, 2, 3, 4, 6, 12; legal "
	                            "tp on 12 chips: 1, 2, 4"));
	/* pp 6 over 4 layers on 12 chips at tp 2: pp dividing 6, at most 4 */
	c.scen.tp = 2;
	c.scen.pp = 6;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_non_null(strstr(msg, "legal pp (dividing chips / tp = 6, at "
	                            "most the layers): 1, 2, 3"));
	/* FP16 weights: 4 layers x (4 x 1024^2 + 3 x 1024 x 4096 + 2 x 1024)
	** + 2 x 1000 x 1024 + 1024 = 69,166,080 params = 138.3 MB: not on
	** one chip of 100 MB, but split in two (tp 2: 69.2 MB; pp 2: 2
	** layers and the embedding or the head, 69.2 MB) it fits.  Of the 6
	** legal mappings of 4 chips only tp 1 x pp 1 x dp 4 does not fit.
	** Spelled as every text spells a mapping (rl_mapping_words): TP and
	** PP, DP above 1. */
	c.chip.hbm_bytes = 100e6;
	c.scen.chips = 4;
	c.scen.tp = 1;
	c.scen.pp = 1;
	assert_int_equal(rl_map_fitting(&c, list, sizeof list), 5);
	assert_null(strstr(list, "TP1 x PP1"));
	assert_non_null(strstr(list, "TP2 x PP1 x DP2"));
	assert_non_null(strstr(list, "TP1 x PP4"));
	assert_null(strstr(list, "DP1")); /* one replica: no DP */
	c.scen.chips = 1;
	assert_int_equal(rl_map_fitting(&c, list, sizeof list), 0);
}

/* The fewest chips that fit may need a stage a layer (pp = layers): the
** toy model (fixtures.h) with one head of 128 (tp cannot split it) in
** FP16: a layer's QKV 1024 x 384, O 128 x 1024, MLP 3 x 1024 x 4096 and
** two norms, 13,109,248 values, 26,218,496 bytes; the embedding 2,048,000
** and the head 2,050,048.  On chips of 40 MB (no runtime buffers) one
** layer and the head fit (28.3 MB), two layers do not (54.5 MB): not 2
** chips (pp 2), nor 3 (pp 3 puts 2 layers on the first), but 4, pp 4. */
static void test_fewest_chips_pp_layers(void **state)
{
	rl_config c;
	char list[512];
	(void)state;
	rl_config_defaults(&c);
	fx_h100_rates(&c.chip);
	fx_toy_model(&c.model);
	c.model.heads = 1;
	c.model.kv_heads = 1;
	c.chip.hbm_bytes = 40e6;
	c.scen.precision = RL_PREC_FP16;
	c.scen.isl = 16;
	c.scen.osl = 16;
	c.scen.chips = 1;
	c.scen.tp = 1;
	c.scen.pp = 1;
	c.prof.runtime_reserved_bytes = 0;
	c.prof.logits_buffers = 0;
	c.prof.act_buffers = 0;
	c.prof.graph_logits_rows = 0;
	near(rl_map_fewest_chips(&c, list, sizeof list), 4, 0);
	assert_non_null(strstr(list, "PP4"));
}

/* the divisors of n in increasing order, by hand */
static void test_divisors(void **state)
{
	static const long long d12[] = {1, 2, 3, 4, 6, 12}, d16[] = {1, 2, 4, 8,
	                                                             16};
	long long d;
	size_t i;
	(void)state;
	for (i = 0, d = rl_divisor_after(12, 0); d; d = rl_divisor_after(12, d))
		assert_int_equal(d, d12[i++]);
	assert_int_equal(i, 6);
	/* a square: 4 once */
	for (i = 0, d = rl_divisor_after(16, 0); d; d = rl_divisor_after(16, d))
		assert_int_equal(d, d16[i++]);
	assert_int_equal(i, 5);
	assert_int_equal(rl_divisor_after(1, 0), 1);
	assert_int_equal(rl_divisor_after(1, 1), 0);
	assert_int_equal(rl_divisor_after(0, 0), 0);
	assert_int_equal(rl_divisor_after(-6, 0), 0);
	/* 9,999,991 is prime */
	assert_int_equal(rl_divisor_after(9999991, 1), 9999991);
	/* 1e7 = 2^7 x 5^7: 8 x 8 = 64 divisors; the least above
	** sqrt(1e7) = 3162.3 is 2^7 x 5^2 = 3200 (5^5 = 3125 is below) */
	for (i = 0, d = rl_divisor_after(10000000, 0); d;
	     d = rl_divisor_after(10000000, d))
		i++;
	assert_int_equal(i, 64);
	assert_int_equal(rl_divisor_after(10000000, 3125), 3200);
	assert_int_equal(rl_divisor_after(10000000, 5000000), 10000000);
}

/* Each fault rl_mapping_check finds, the first in its order, and its
** message whole with the legal values by hand (fuzz5's mutants of
** mapping_fault and fault_words survived test_mapping: the checks in
** another order, ep past the experts or not dividing dp let through,
** links not needed for pp or ep alone, a link rate of 0 taken as one,
** the switch's reduction asked of tp 1 or let through on a switch
** without it, a legal list over the chips where it is over chips / tp or
** dp, the attention heads' message given for the KV heads').  The toy
** model (fixtures.h): 8 heads, 8 KV heads, 4 layers; a mixture of 8
** experts where ep is asked for. */
static void test_mapping_faults(void **state)
{
	rl_config c;
	char msg[512];
	(void)state;
	toy(&c);
	/* tp 3 on 8 chips: 3 divides neither the 8 heads nor the chips; the
	** chips come first, as a user fixes them (val31: gpus 1 at tp 3 was
	** told of the heads).  Legal products: the divisors of 8; legal tp:
	** those of them dividing the 8 heads */
	c.scen.chips = 8;
	c.scen.tp = 3;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "chips = 8 is not a multiple of tp x pp = 3 x "
	                    "1; tp x pp must divide the chips (dp = chips / (tp "
	                    "x pp)): legal products 1, 2, 4, 8; legal tp on 8 "
	                    "chips: 1, 2, 4, 8");
	/* tp 3 on 1 chip: the chips' fault; the divisors of 1: 1 */
	c.scen.chips = 1;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "chips = 1 is not a multiple of tp x pp = 3 x "
	                    "1; tp x pp must divide the chips (dp = chips / (tp "
	                    "x pp)): legal products 1; legal tp on 1 chip: 1");
	/* tp 3 on 3 chips: the chips hold the mapping, the 8 heads do not
	** split in 3; of 3's divisors 1 divides 8 */
	c.scen.chips = 3;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "tp = 3 does not divide the model's 8 "
	                    "attention heads; legal tp on 3 chips: 1");
	/* tp 3 x pp 4 on 6 chips: 12 does not divide 6; tp 3 divides the
	** chips but not the heads, so no "with tp = 3, legal pp" but the tp
	** of 6's divisors dividing 8: 1, 2 */
	c.scen.chips = 6;
	c.scen.pp = 4;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "chips = 6 is not a multiple of tp x pp = 3 x "
	                    "4; tp x pp must divide the chips (dp = chips / (tp "
	                    "x pp)): legal products 1, 2, 3, 6; legal tp on 6 "
	                    "chips: 1, 2");
	c.scen.chips = 8;
	/* pp 6 at tp 1 on 8 chips: 6 does not divide 8, and 6 stages pass the
	** 4 layers; the chips come first.  Legal pp: 8's divisors up to 4 */
	c.scen.tp = 1;
	c.scen.pp = 6;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "chips = 8 is not a multiple of tp x pp = 1 x "
	                    "6; tp x pp must divide the chips (dp = chips / (tp "
	                    "x pp)): legal products 1, 2, 4, 8; with tp = 1, "
	                    "legal pp: 1, 2, 4");
	/* pp 6 at tp 4 on 24 chips: 24 = 4 x 6, too many stages; legal pp
	** divide 24 / 4 = 6 and are at most 4: 1, 2, 3 (of 24: 4 too) */
	c.scen.chips = 24;
	c.scen.tp = 4;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "pp = 6 is more stages than the model's 4 "
	                    "layers; legal pp (dividing chips / tp = 6, at most "
	                    "the layers): 1, 2, 3");
	/* ep 16 on 16 chips at tp 4 (dp 4), 8 experts: past the experts and
	** past dp; the chips' count first (val31).  Legal ep divide dp 4 and
	** the 8 experts: 1, 2, 4 (of 16 chips: 8 too) */
	c.model.experts = 8;
	c.model.experts_per_token = 2;
	c.scen.chips = 16;
	c.scen.pp = 1;
	c.scen.ep = 16;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "ep = 16 does not divide dp = chips / (tp x pp) "
	                    "= 4, the replicas its experts spread over; legal "
	                    "ep: 1, 2, 4");
	/* ep 16 at tp 1 on 16 chips: dp 16 holds it, the 8 experts do not;
	** legal ep divide 8 and 16: 1, 2, 4, 8 */
	c.scen.tp = 1;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "ep = 16 is larger than the model's 8 experts; "
	                    "legal ep (dividing the experts and dp = 16): 1, 2, "
	                    "4, 8");
	/* ep 3 at tp 1 on 6 chips: dp 6 holds it, 3 does not divide the 8
	** experts; of 6's divisors 1 and 2 divide 8 */
	c.scen.chips = 6;
	c.scen.ep = 3;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "ep = 3 must divide the model's 8 experts and "
	                    "dp = chips / (tp x pp) = 6; legal ep: 1, 2");
	/* ep 4 on 8 chips at tp 4: dp 2, which 4 does not divide; legal: 1, 2 */
	c.scen.tp = 4;
	c.scen.chips = 8;
	c.scen.ep = 4;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "ep = 4 does not divide dp = chips / (tp x pp) "
	                    "= 2, the replicas its experts spread over; legal "
	                    "ep: 1, 2");
	/* no links (link_gbps 0): pp 2 alone, or ep 2 alone, needs them */
	c.chip.link_Bps = 0;
	c.scen.chips = 2;
	c.scen.tp = 1;
	c.scen.pp = 2;
	c.scen.ep = 1;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "chip: tp, pp or ep > 1 needs link_gbps > 0 "
	                    "(legal without links: tp = pp = ep = 1)");
	c.scen.pp = 1;
	c.scen.ep = 2;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "chip: tp, pp or ep > 1 needs link_gbps > 0 "
	                    "(legal without links: tp = pp = ep = 1)");
	/* the switch's all-reduce: tp 1 has none to do (ring chip: fine); tp
	** 2 on a switch without in-network reduction is refused */
	c.chip.link_Bps = 1e18;
	c.scen.ep = 1;
	c.prof.allreduce = RL_AR_SWITCH;
	c.chip.topology = RL_TOPO_RING;
	c.chip.in_network_reduction = 0;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_OK);
	c.scen.tp = 2;
	c.chip.topology = RL_TOPO_SWITCH;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_EINVAL);
	assert_string_equal(msg, "profile.allreduce = switch needs "
	                    "chip.topology = switch with "
	                    "chip.in_network_reduction = true; legal otherwise: "
	                    "ring, two_shot, one_shot");
	c.chip.in_network_reduction = 1;
	assert_int_equal(rl_mapping_check(&c, msg, sizeof msg), RL_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_p2p),
	    cmocka_unit_test(test_alltoall),
	    cmocka_unit_test(test_mesh_allreduce_ramp),
	    cmocka_unit_test(test_stages_and_bubble),
	    cmocka_unit_test(test_pp_stage_time),
	    cmocka_unit_test(test_pp_bubble),
	    cmocka_unit_test(test_memory_fit_refusal),
	    cmocka_unit_test(test_ep_memory),
	    cmocka_unit_test(test_mapping_check_quiet),
	    cmocka_unit_test(test_map_search_best),
	    cmocka_unit_test(test_map_search_tiny),
	    cmocka_unit_test(test_map_rank_by),
	    cmocka_unit_test(test_map_rank_value),
	    cmocka_unit_test(test_map_before_nan),
	    cmocka_unit_test(test_map_meets_nan),
	    cmocka_unit_test(test_legal_lists),
	    cmocka_unit_test(test_mapping_faults),
	    cmocka_unit_test(test_divisors),
	    cmocka_unit_test(test_fewest_chips_pp_layers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
