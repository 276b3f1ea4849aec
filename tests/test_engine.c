/*
** test_engine.c: the engine against expectations derived by hand.
**
** Model shapes come from data/sources/models.csv; chip numbers from
** hardware.csv.  Every expected value is worked out in the comment next to
** it, from the formulas documented in model/transformer.c and engine.c,
** not from the program's output.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/benchrule.h"
#include "../model/comm.h"
#include "../model/engine.h"
#include "../model/mapping.h"
#include "../model/micro.h"
#include "../model/outputs.h"
#include "../model/params.h"
#include "fixtures.h"
#include "near.h"

/* Llama-3 70B: per layer QKV 8192 x (8192 + 2 x 1024) = 83,886,080, O
** 8192 x 8192 = 67,108,864, MLP 3 x 8192 x 28672 = 704,643,072, norms
** 2 x 8192: 855,654,400 per layer, x 80 = 68,452,352,000; embedding and
** LM head 128256 x 8192 = 1,050,673,152 each; final norm 8192.
** Total 70,553,706,496 ("about 70.6B"). */
static void test_llama3_70b_params(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	fx_llama3_70b(&m);
	rl_model_shape_of(&m, &s);
	near(s.params_total, 70553706496.0, 1e-12);
	near(s.params_active, 70553706496.0, 1e-12);
}

/* Linear FLOPs per token: 2 x (80 x (150,994,944 + 704,643,072) + LM head
** 1,050,673,152) = 2 x (68,451,041,280 + 1,050,673,152) = 139,003,428,864,
** "about 139 GFLOP". */
static void test_llama3_70b_flops(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	fx_llama3_70b(&m);
	rl_model_shape_of(&m, &s);
	near(s.linear_flops_per_token, 139003428864.0, 1e-12);
	/* attention: 4 x 80 layers x 64 heads x 128 per context token */
	near(s.attn_flops_per_ctx, 4.0 * 80 * 64 * 128, 1e-12);
}

/* FP8 KV cache: 2 (K and V) x 80 layers x 8 KV heads x 128 x 1 byte =
** 163,840 bytes = 160 KiB per token. */
static void test_llama3_70b_kv(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 128;
	c.scen.osl = 128;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.kv_bytes_per_token, 160.0 * 1024, 1e-12);
	/* tp 8: the 8 KV heads spread one per chip */
	c.scen.tp = 8;
	c.scen.chips = 8;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.kv_bytes_per_token_per_chip, 20.0 * 1024, 1e-12);
}

/* On the ideal profile a batch-1 decode step reads the weights once:
** weights read = all parameters but the input embedding (only one row of
** it is looked up) = 70,553,706,496 - 1,050,673,152 = 69,503,033,344
** bytes at FP8, over 3.35 TB/s = 20.747 ms.  The rest (KV of 17 tokens,
** elementwise traffic of one token) is below 0.2%. */
static void test_decode_batch1_is_weights_over_bandwidth(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 16;
	c.scen.osl = 2;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.decode.time_s, 69503033344.0 / 3.35e12, 2e-3);
	assert_int_equal(r.decode_bound, RL_BOUND_MEMORY);
	near(r.concurrency, 1.0, 1e-12);
	/* one request of 16 + 3 tokens: its prompt's iteration, then two
	** decode iterations (2/3 of a sequence decodes on average, and a
	** third of the iterations carry the 16 prompt tokens), so the average
	** HBM traffic is the three iterations' bytes over their three times */
	c.scen.osl = 3;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.decode_seqs, 2.0 / 3, 1e-12);
	near(r.prefill_share, 1.0 / 3, 1e-12);
	near(r.avg_hbm_Bps,
	     (r.prefill.hbm_bytes + 2 * r.decode.hbm_bytes) /
	         (r.prefill.time_s + 2 * r.decode.time_s),
	     1e-12);
}

/* The prompt of the two tests below: 4096 tokens of Llama-3 8B. */
static const double P8_L = 32, P8_D = 4096, P8_H = 32, P8_F = 14336;
static const double P8_N = 4096; /* the prompt's tokens */
static double prompt_flops(void)
{
	double kv = 8, dh = 128, V = 128256;
	double per_layer = P8_D * P8_H * dh + 2 * P8_D * kv * dh +
	                   P8_H * dh * P8_D + 3 * P8_D * P8_F;
	return P8_N * 2 * P8_L * per_layer + 2 * V * P8_D +
	       4 * P8_L * P8_H * dh * P8_N * (P8_N + 1) / 2;
}
/* Llama-3 8B in BF16 on an ideal H100, that one prompt and one output */
static void prompt_setup(rl_config *c)
{
	fx_h100_ideal(c);
	fx_llama3_8b(&c->model);
	c->scen.precision = RL_PREC_BF16;
	c->scen.isl = P8_N;
	c->scen.osl = 1;
	c->scen.batch = 1;
}

/* A compute-bound prefill (one 4096-token prompt, osl 1, BF16, Llama-3 8B)
** takes its FLOPs over the peak, plus its elementwise traffic over the
** bandwidth (the engine keeps those kernels separate):
**   linear FLOPs of 4096 tokens without the LM head, plus the LM head for
**   the one token that produces logits;
**   attention 4 L h dh x 4096 x 4097 / 2 (causal);
**   elementwise (10 d + 3 f) x 2 bytes x L x 4096. */
static void test_prefill_is_flops_over_peak(void **state)
{
	rl_config c;
	rl_result r;
	double flops = prompt_flops();
	double elem = (10 * P8_D + 3 * P8_F) * 2 * P8_L * P8_N;
	(void)state;
	prompt_setup(&c);
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, flops / 989.4e12 + elem / 3.35e12, 1e-3);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMPUTE);
	assert_int_equal(r.decode_bound, RL_BOUND_NONE);
	/* a prefill-only request gives one output token per prompt */
	near(r.output_tps, 1.0 / r.ttft_s, 1e-9);
	/* with the elementwise kernels fused into the GEMMs: FLOPs / peak */
	c.prof.elementwise_fused = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, flops / 989.4e12, 1e-9);
}

/* Host time run under the GPU's work (profile.host_overlap, an overlap
** scheduler).  The prompt of test_prefill_is_flops_over_peak, elementwise
** fused: the GPU's time is its FLOPs over the peak, g.  The host's: 1 ms an
** iteration and 10 us a layer of launches, 32 layers: h = 1.32 ms < g.
** Not overlapped the two add (g + h); fully, the iteration lasts max(g, h)
** = g; half, g + h - h / 2.  A host time of 200 ms + 0.32 ms, beyond g
** (about 63 ms), sets the iteration alone when fully overlapped. */
static void test_host_overlap(void **state)
{
	rl_config c;
	rl_result r;
	double g = prompt_flops() / 989.4e12;
	double host = 1e-3 + 32 * 10e-6;
	(void)state;
	prompt_setup(&c);
	c.prof.elementwise_fused = 1;
	c.prof.iter_overhead_s = 1e-3;
	c.prof.layer_overhead_s = 10e-6;
	/* g by hand: a layer's linear weights 4096 x 32 x 128 + 2 x 4096 x 8 x
	** 128 + 32 x 128 x 4096 + 3 x 4096 x 14336 = 218,103,808; 2 FLOPs a
	** weight, 4096 tokens, 32 layers: 57,174,604,644,352; the LM head
	** for the last token 2 x 128256 x 4096 = 1,050,673,152; attention's
	** 4 x 32 layers x 32 heads x 128 x (4096 x 4097 / 2) =
	** 4,399,120,252,928: 61,574,775,570,432 FLOPs / 989.4e12 =
	** 62.2344609 ms (held to (0.05, 0.07) until 2026-12-01) */
	near(g, 61574775570432.0 / 989.4e12, 1e-12);
	near(g, 0.0622344609, 1e-9);
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.overhead_s, host, 1e-9);
	near(r.ttft_s, g + host, 1e-9);
	c.prof.host_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, g, 1e-9);
	near(r.prefill.overhead_s, host, 1e-9); /* still reported */
	c.prof.host_overlap = 0.5;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, g + host / 2, 1e-9);
	c.prof.host_overlap = 1;
	c.prof.iter_overhead_s = 0.2;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, 0.2 + 32 * 10e-6, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_OVERHEAD);
}

/* Attention hidden under the GEMMs (profile.attn_overlap).  The prompt of
** test_prefill_is_flops_over_peak, elementwise fused: GEMMs compute-bound
** (gc about 58.6 ms against their weights' and activations' gm), attention
** compute-bound too at full KV bandwidth (ac = 4 L h dh x 4096 x 4097 / 2 =
** 4,399,120,252,928 FLOPs / 989.4 TFLOPS = 4.446 ms against 2 x 32 x 8 x
** 128 x 2 bytes x 4096 tokens = 536,870,912 bytes / 3.35 TB/s = 0.160 ms):
** nothing idle, so nothing hidden, FLOPs / peak at any share.  At 2% of the
** KV bandwidth the KV reads take am = 536,870,912 / 67 GB/s = 8.013 ms >
** ac: one after the other the prefill lasts FLOPs / peak - ac + am; as one
** roofline (share 1) max(gc + ac, gm + am) = gc + ac = FLOPs / peak again,
** since am - ac = 3.57 ms < gc - gm (checked); at 0.5 the midpoint.  At
** 0.1% (am = 160.3 ms, beyond gc - gm + ac), the layer is memory-bound
** as a whole: gm + am. */
static void test_attn_overlap(void **state)
{
	rl_config c;
	rl_result r;
	double g = prompt_flops() / 989.4e12;
	double ac = 4399120252928.0 / 989.4e12;
	double kv = 536870912.0;
	double am = kv / (3.35e12 * 0.02);
	(void)state;
	prompt_setup(&c);
	c.prof.elementwise_fused = 1;
	c.prof.attn_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, g, 1e-9);
	near(rl_iter_attn_hidden(&r.prefill), 0, 1e-9);
	c.prof.eff_kv_memory = 0.02;
	c.prof.attn_overlap = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.attn_compute_s, ac, 1e-9);
	near(r.prefill.attn_memory_s, am, 1e-9);
	near(r.ttft_s, g - ac + am, 1e-9);
	near(rl_iter_attn_hidden(&r.prefill), 0, 1e-9);
	assert_true(r.prefill.gemm_compute_s - r.prefill.gemm_memory_s >
	            am - ac);
	c.prof.attn_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, g, 1e-9);
	near(rl_iter_attn_hidden(&r.prefill), am - ac, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMPUTE);
	c.prof.attn_overlap = 0.5;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, g + (am - ac) / 2, 1e-9);
	c.prof.attn_overlap = 1;
	c.prof.eff_kv_memory = 0.001;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, r.prefill.gemm_memory_s + kv / 3.35e9, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_MEMORY);
	/* At 0.2% (am = 536,870,912 / 6.7 GB/s = 80.13 ms) the layer is
	** memory-bound as a whole too (gm + am > gc + ac = 63 ms), its time
	** gm + am, yet what is left of attention's KV reads once the GEMMs'
	** slack gc - gm hides its part, am - (gc - gm) (about 26 ms), is
	** less than the GEMMs' compute gc (58.6 ms): the bound names what
	** binds the layer as one roofline, memory, not the larger of the
	** GEMMs' compute and attention's rest (compute) */
	c.prof.eff_kv_memory = 0.002;
	am = kv / (3.35e12 * 0.002);
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.attn_memory_s, am, 1e-9);
	assert_true(r.prefill.gemm_memory_s + am >
	            r.prefill.gemm_compute_s + ac);
	assert_true(am - (r.prefill.gemm_compute_s - r.prefill.gemm_memory_s) <
	            r.prefill.gemm_compute_s);
	near(r.ttft_s, r.prefill.gemm_memory_s + am, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_MEMORY);
	/* at 0.5 the time is the midpoint of gc + am and gm + am, and the
	** parts (gc / 2 compute; am / 2 + (gm + am) / 2 memory) name memory */
	c.prof.attn_overlap = 0.5;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s,
	     (r.prefill.gemm_compute_s + r.prefill.gemm_memory_s) / 2 + am,
	     1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_MEMORY);
	/* The parts add up to the time less what is hidden, not to the time
	** apart: at 2% and share 1 they are gc + ac = g in compute (the
	** layer as one roofline, compute-bound) and 0 in memory, so a host
	** time of 90 ms an iteration, over g (about 63 ms) but under the
	** parts apart (gc + g, about 122 ms, had the GEMMs' and attention's
	** own parts been kept whole beside the roofline's), is what bounds
	** the prompt, which lasts g + 90 ms (mutation testing: the parts
	** not scaled by 1 - x survived) */
	c.prof.eff_kv_memory = 0.02;
	c.prof.attn_overlap = 1;
	c.prof.iter_overhead_s = 0.09;
	assert_true(g < 0.09 && g - ac + g > 0.09);
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, g + 0.09, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_OVERHEAD);
	/* Decoding (batch 8, 4096 tokens in, 128 out), GEMMs and attention
	** both memory-bound: nothing idle, nothing hidden, and at share 1 the
	** parts are the one roofline's time gm + am in memory, (1 - x) of
	** the GEMMs' own gm gone with the rest, so a host time between gm +
	** am + elementwise and gm / 2 over it bounds the iteration (the
	** GEMMs' part scaled by x instead of 1 - x, 2 gm + am, named memory:
	** mutation testing) */
	c.scen.osl = 128;
	c.scen.batch = 8;
	c.prof.eff_kv_memory = 1;
	c.prof.iter_overhead_s = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	{
		double gm = r.decode.gemm_memory_s, am = r.decode.attn_memory_s;
		double mem = gm + am + r.decode.elementwise_s;
		assert_true(gm > r.decode.gemm_compute_s &&
		            am > r.decode.attn_compute_s);
		near(rl_iter_attn_hidden(&r.decode), 0, 1e-12);
		c.prof.iter_overhead_s = mem + gm / 2;
		assert_int_equal(rl_serve(&c, &r), RL_OK);
		near(r.decode.overhead_s, mem + gm / 2, 1e-12);
		assert_int_equal(r.decode.bound, RL_BOUND_OVERHEAD);
		assert_int_equal(r.decode_bound, RL_BOUND_OVERHEAD);
	}
}

/* Attention hidden per kind of layer (profile.attn_overlap on a model
** whose layers differ).  The prompt of test_attn_overlap (Llama-3 8B, 4096
** tokens, BF16, ideal H100, elementwise fused), 16 of its 32 layers with a
** window of 128 keys (full_attn_layers 16), the GEMMs' bandwidth 1e9
** times the HBM's (eff_memory 1e9: their memory time, some picoseconds, is
** inside the tolerance), so that only compute and the KV reads count:
**   GEMMs gc = (4096 x 2 x 32 x 218,103,808 + 2 x 128,256 x 4096) FLOPs
**     = 57,175,655,317,504 / 989.4 TFLOPS = 57.788 ms, 16 layers' half
**     each;
**   attention compute, 4 x 32 heads x 128 = 16,384 FLOPs per layer per
**     (query, key): the 16 full layers 4096 x 4097 / 2 = 8,390,656 pairs,
**     aG = 16 x 16,384 x 8,390,656 / 989.4e12 = 2.2231 ms; the 16
**     windowed ones 128 x 129 / 2 + 3968 x 128 = 516,160 pairs, aW =
**     0.1368 ms;
**   the KV written, 32 layers x 4096 tokens x 4096 bytes = 536,870,912,
**     half each kind, its time am set (eff_kv_memory) to gc + aG.
** Kernels one after another (share 0): gc + am = 2 gc + aG.  The stage as
** one roofline (what attn_hidden_of worked out for the whole stage): its
** compute gc + aG + aW beside its memory am = gc + aG, compute-bound,
** gc + aG + aW = 60.148 ms at share 1.  Per kind: the full layers'
** compute gc/2 + aG beside their memory am/2 = gc/2 + aG/2 (compute), the
** windowed layers' gc/2 + aW beside gc/2 + aG/2 (memory, as aW < aG/2):
** gc/2 + aG + gc/2 + aG/2 = gc + 1.5 aG = 61.123 ms at share 1, the
** windowed layers' KV reads not hidden under the full layers' GEMMs; the
** parts gc/2 + aG compute against gc/2 + aG/2 memory, compute-bound.  At
** 0.5 the midpoint of 2 gc + aG and gc + 1.5 aG: 1.5 gc + 1.25 aG. */
static void test_attn_overlap_kinds(void **state)
{
	rl_config c;
	rl_result r;
	double gc = 57175655317504.0 / 989.4e12;
	double aG = 16 * 16384 * 8390656.0 / 989.4e12;
	double aW = 16 * 16384 * 516160.0 / 989.4e12;
	double kv = 536870912.0;
	(void)state;
	prompt_setup(&c);
	c.model.sliding_window = 128;
	c.model.full_attn_layers = 16;
	c.prof.elementwise_fused = 1;
	c.prof.eff_memory = 1e9;
	c.prof.eff_kv_memory = kv / (3.35e12 * (gc + aG));
	c.prof.attn_overlap = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.gemm_compute_s, gc, 1e-9);
	near(r.prefill.attn_compute_s, aG + aW, 1e-9);
	near(r.prefill.attn_memory_s, gc + aG, 1e-9);
	near(r.ttft_s, 2 * gc + aG, 1e-6);
	c.prof.attn_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, gc + 1.5 * aG, 1e-6);
	/* (the stage's sums would hide 0.97 ms more) */
	assert_true(r.ttft_s - (gc + aG + aW) > 0.9e-3);
	near(rl_iter_attn_hidden(&r.prefill), gc - aG / 2, 1e-6);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMPUTE);
	c.prof.attn_overlap = 0.5;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, 1.5 * gc + 1.25 * aG, 1e-6);
	/* The parts at 0.5 (mutation testing: each kind's roofline added whole
	** to its resource's part, not x of it, survived).  Apart, the GEMMs'
	** part is gc in compute and attention's am = gc + aG in memory (its
	** KV reads bind it: am > aG + aW); each is halved and x = 0.5 of each
	** kind's roofline goes to the resource binding it, the full layers'
	** gc/2 + aG to compute, the windowed ones' gc/2 + aG/2 to memory:
	**   compute gc/2 + (gc/2 + aG)/2 = 0.75 gc + 0.5 aG = 44.45 ms,
	**   memory (gc + aG)/2 + (gc/2 + aG/2)/2 = 0.75 (gc + aG) = 45.01 ms,
	** adding up to the time 1.5 gc + 1.25 aG: memory binds.  A host time
	** of 0.85 (gc + aG) = 51.0 ms an iteration is over both, so it binds,
	** and adds to the time; the kinds' rooflines added whole would make
	** either part gc + aG = 60.0 ms, over it. */
	assert_int_equal(r.prefill_bound, RL_BOUND_MEMORY);
	c.prof.iter_overhead_s = 0.85 * (gc + aG);
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, 1.5 * gc + 1.25 * aG + 0.85 * (gc + aG), 1e-6);
	assert_int_equal(r.prefill_bound, RL_BOUND_OVERHEAD);
	c.prof.iter_overhead_s = 0;
	/* A quarter of the layers full (full_attn_layers 8, window share
	** 0.75: mutation testing, 16 of 32 made a kind's share of the layers
	** and the other's alike), the KV reads at am = gc / 2.  Full layers
	** aG8 = 8 x 16,384 x 8,390,656 / peak = aG / 2, windowed aW24 = 24 x
	** 16,384 x 516,160 / peak = 1.5 aW; the KV written is as before
	** (every token's, whatever the window), split by the layers, am / 4
	** to the full ones.  Per kind: full 0.25 gc + aG8 (compute) beside
	** am / 4 = 0.125 gc; windowed 0.75 gc + aW24 (compute) beside 0.75 am
	** = 0.375 gc: both compute-bound, the sum gc + aG8 + aW24 is the
	** stage's own roofline (gc + ac, over am), nothing more hidden. */
	c.model.full_attn_layers = 8;
	c.prof.eff_kv_memory = kv / (3.35e12 * (gc / 2));
	c.prof.attn_overlap = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.attn_compute_s, aG / 2 + 1.5 * aW, 1e-9);
	near(r.prefill.attn_memory_s, gc / 2, 1e-9);
	near(r.ttft_s, gc + gc / 2, 1e-6);
	c.prof.attn_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, gc + aG / 2 + 1.5 * aW, 1e-6);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMPUTE);
	c.model.full_attn_layers = 16;
	c.prof.eff_kv_memory = kv / (3.35e12 * (gc + aG));
	/* Decoding (batch 8, 4096 tokens in, 128 out; the KV at the HBM's
	** full bandwidth), half the layers windowed.  A decode token reads
	** the context in a full layer, isl + osl / 2 = 4160 keys on average,
	** in a windowed one the window's 128, and writes its own key: the
	** KV traffic splits 4161 : 129 between the kinds, attention's FLOPs
	** 4160 : 128.  With the iteration's own times (share 0) gc (GEMMs,
	** compute; their memory negligible), ac and am (attention, its KV
	** reads binding: am > ac): the full layers are memory-bound, am x
	** 4161 / 4290 beside gc / 2 + ac x 4160 / 4288, the windowed ones
	** compute-bound, gc / 2 + ac x 128 / 4288 beside am x 129 / 4290, so
	** at share 1 the iteration is the sum of those two (mutation testing:
	** a full layer's decode context taken as isl + osl survived, no
	** test decoding beside a window) */
	c.scen.osl = 128;
	c.scen.batch = 8;
	c.prof.eff_kv_memory = 1;
	c.prof.attn_overlap = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	{
		double dgc = r.decode.gemm_compute_s, dac = r.decode.attn_compute_s;
		double dam = r.decode.attn_memory_s;
		assert_true(dam > dac && dgc > r.decode.gemm_memory_s * 1e3);
		/* (to 1e-7: the GEMMs' memory, picoseconds, in each kind's
		** memory sum) */
		near(r.decode.time_s, dgc + dam + r.decode.elementwise_s, 1e-7);
		assert_true(dam * 4161 / 4290 > dgc / 2 + dac * 4160 / 4288);
		assert_true(dgc / 2 + dac * 128 / 4288 > dam * 129 / 4290);
		c.prof.attn_overlap = 1;
		assert_int_equal(rl_serve(&c, &r), RL_OK);
		near(r.decode.time_s,
		     dam * 4161 / 4290 + dgc / 2 + dac * 128 / 4288 +
		         r.decode.elementwise_s,
		     1e-7);
	}
	c.scen.osl = 1;
	c.scen.batch = 1;
	c.prof.eff_kv_memory = kv / (3.35e12 * (gc + aG));
	/* every layer windowed: one kind, the stage's sums as before: as one
	** roofline the compute gc + 2 aW beside the memory gc + aG */
	c.model.full_attn_layers = 0;
	c.prof.attn_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, gc + aG, 1e-6);
	assert_int_equal(r.prefill_bound, RL_BOUND_MEMORY);
}

/* The same with dense layers beside MoE ones: the toy model
** (fixtures.h: 4 layers, d 1024, 8 heads and KV heads of 128, f 4096,
** vocabulary 1000) with 4 experts, 1 a token, and 2 dense layers of a
** gated MLP of 12,288, one 1024-token prompt in BF16 on the ideal H100,
** elementwise fused, GEMM memory negligible (eff_memory 1e9).  GEMM FLOPs
** per token: a dense layer 2 x (attention 4 x 1024^2 = 4,194,304 + MLP 3 x
** 1024 x 12,288 = 37,748,736) = 83,886,080; an MoE layer 2 x (4,194,304 +
** router 4 x 1024 + one expert 3 x 1024 x 4096 = 12,582,912) =
** 33,562,624; the LM head 2 x 1000 x 1024 = 2,048,000 for the one token
** that samples, half of it to each kind of layer.  Attention 4 x 8 x 128
** FLOPs per (query, key) pair, 1024 x 1025 / 2 = 524,800 pairs a layer:
** 2,149,580,800.  At 989.4 TFLOPS:
**   dense layers gD = (2 x 1024 x 83,886,080 + 1,024,000) / peak
**     = 171,799,715,840 / peak = 0.17364 ms,
**   MoE layers gE = (2 x 1024 x 33,562,624 + 1,024,000) / peak
**     = 68,737,277,952 / peak = 0.06947 ms,
**   attention a = 2 x 2,149,580,800 / peak = 4.35 us for each kind.
** The KV written, 4 layers x 1024 tokens x 2 x 8 x 128 x 2 bytes =
** 16,777,216, takes am = 200e9 / peak (eff_kv_memory), am / 2 each kind.
** One after another: gD + gE + am.  The stage as one roofline: compute
** gD + gE + 2a = 249.1e9 / peak beside am = 200e9 / peak, compute-bound,
** gD + gE + 2a.  Per kind: the dense layers gD + a = 176.1e9 / peak
** beside am / 2 = 100e9 / peak (compute), the MoE layers gE + a = 73.0e9
** / peak beside 100e9 / peak (memory): gD + a + am / 2 at share 1. */
static void test_attn_overlap_dense_moe(void **state)
{
	rl_config c;
	rl_result r;
	double peak = 989.4e12;
	double gD = 171799715840.0 / peak, gE = 68737277952.0 / peak;
	double a = 2 * 2149580800.0 / peak, am = 200e9 / peak;
	(void)state;
	fx_h100_ideal(&c);
	fx_toy_model(&c.model);
	c.model.experts = 4;
	c.model.experts_per_token = 1;
	c.model.dense_layers = 2;
	c.model.dense_ffn_hidden = 12288;
	c.scen.precision = RL_PREC_BF16;
	c.scen.isl = 1024;
	c.scen.osl = 1;
	c.scen.batch = 1;
	c.prof.elementwise_fused = 1;
	c.prof.eff_memory = 1e9;
	c.prof.eff_kv_memory = 16777216.0 / (3.35e12 * am);
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.gemm_compute_s, gD + gE, 1e-9);
	near(r.prefill.attn_compute_s, 2 * a, 1e-9);
	near(r.prefill.attn_memory_s, am, 1e-9);
	near(r.ttft_s, gD + gE + am, 1e-6);
	c.prof.attn_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, gD + a + am / 2, 1e-6);
	/* (the stage's sums: gD + gE + 2a, 27 us less) */
	assert_true(r.ttft_s - (gD + gE + 2 * a) > 25e-6);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMPUTE);
	/* One dense layer of the 4 (mutation testing: at 2 of 4 the MoE
	** layers' share 1 - 1/2 and the dense layers' 1/2 were alike): the
	** LM head's 2,048,000 FLOPs go a quarter to the dense kind.
	**   dense gD1 = 1024 x 83,886,080 + 512,000 = 85,899,857,920 FLOPs,
	**   MoE gE3 = 3 x 1024 x 33,562,624 + 1,536,000 = 103,105,916,928,
	**   a layer's attention aL = 2,149,580,800;
	** the KV written, still am = 200e9 / peak, a quarter to the dense
	** layer.  Per kind: dense gD1 + aL = 88,049,438,720 beside 50e9
	** (compute), MoE gE3 + 3 aL = 109,554,659,328 beside 150e9 (memory):
	** (88,049,438,720 + 150e9) / peak at share 1; one after another
	** gD1 + gE3 + am = 389,005,774,848 / peak. */
	c.model.dense_layers = 1;
	c.prof.attn_overlap = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.gemm_compute_s, (85899857920.0 + 103105916928.0) / peak,
	     1e-9);
	near(r.ttft_s, 389005774848.0 / peak, 1e-6);
	c.prof.attn_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, (88049438720.0 + 150e9) / peak, 1e-6);
}

/* The set-up of the two tests below: Llama-3 8B in BF16 at tp 2 over a
** slow 1 GB/s link with no latency, one 1024-token prompt, one output. */
static void slow_link_tp2(rl_config *c)
{
	fx_h100_ideal(c);
	fx_llama3_8b(&c->model);
	c->scen.precision = RL_PREC_BF16;
	c->scen.tp = 2;
	c->scen.chips = 2;
	c->scen.isl = 1024;
	c->scen.osl = 1;
	c->scen.batch = 1;
	c->chip.link_Bps = 1e9;
	c->chip.link_latency_s = 0;
}

/* Communication overlap.  Llama-3 8B, tp 2 over a slow 1 GB/s link with no
** latency, one 1024-token prompt: each all-reduce moves S = 1024 x 4096 x
** 2 bytes = 8,388,608 bytes; a ring of 2 sends 2 x 1/2 x S = S per chip,
** 8.388608 ms; two per layer, 32 layers: 536.870912 ms.  Fully overlapped,
** the iteration lasts exactly that (compute, a few ms, hides under it);
** not overlapped, the rest of the iteration adds on top, each kernel at
** its own roofline on one chip (half the model at tp 2):
**   GEMMs: 1024 tokens x 2 x 218,103,808 params a layer (QKV 4096 x 6144,
**     O 4096^2, gated MLP 3 x 4096 x 14336) x 32 layers / 2, + the LM head
**     for the one token that samples, 2 x 128,256 x 4096 / 2: 7,147,350,917,120
**     FLOP / 989.4e12 = 7.2239245 ms (their 7 GB of weights take 2.1 ms:
**     compute-bound);
**   attention: 1024 tokens x 512.5 keys on average x 4 x 32 layers x 32
**     heads x 128 / 2 = 137,573,171,200 FLOP / 989.4e12 = 0.1390471 ms
**     (its 67 MB of KV take 0.02 ms: compute-bound);
**   elementwise (unfused, 16-bit, memory-bound): 1024 tokens x 32 layers x
**     (10 x 4096 + 3 x 14336 / 2) elements x 2 B = 4,093,640,704 B /
**     3.35e12 = 1.2219823 ms;
** 545.4558659 ms in all. */
static void test_comm_overlap(void **state)
{
	rl_config c;
	rl_result r;
	double comm = 64 * 1024.0 * 4096 * 2 / 1e9, gemm, attn, el;
	(void)state;
	slow_link_tp2(&c);
	c.prof.comm_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.comm_s, comm, 1e-12);
	near(r.ttft_s, comm, 1e-12);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMM);
	c.prof.comm_overlap = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	gemm = (1024.0 * 2 * 218103808 * 32 + 2.0 * 128256 * 4096) / 2 / 989.4e12;
	attn = 1024 * 512.5 * 4 * 32 * 32 * 128 / 2 / 989.4e12;
	el = 1024.0 * 32 * (10 * 4096 + 3 * 14336 / 2) * 2 / 3.35e12;
	near(gemm, 7.2239245e-3, 1e-7);
	near(attn, 0.1390471e-3, 1e-6);
	near(el, 1.2219823e-3, 1e-7);
	near(r.ttft_s, comm + gemm + attn + el, 1e-12);
	near(r.ttft_s, 545.4558659e-3, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMM);
}

/* What bounds an iteration: the term that sets its time (engine.h,
** rl_iter_bound), worked by hand on kernels of 1 s compute-bound and 2 s
** memory-bound, rest = 3 s.  Not overlapped, an all-reduce of 2.5 s is the
** largest term: communication (the iteration 5.5 s).  Fully overlapped it
** hides under the 3 s of kernels (exposed 2.5 - min(2.5, 3) = 0): the
** iteration lasts 3 s, the memory-bound kernels' 2 s its largest part, where
** the largest-term rule said communication.  A 4 s all-reduce fully
** overlapped (exposed 4 - 3 = 1) sets the 4 s alone: communication.  Half
** overlapped, 3.2 s (exposed 3.2 - 1.5 = 1.7, longer than the kernels) keeps
** its window: communication; 2.5 s (exposed 2.5 - 1.25 = 1.25, shorter) is
** charged 1.25 < 2: memory.  Host time likewise under the GPU's 3 s: 2.5 s
** fully overlapped hides (memory); 4 s sets the time (overhead); 2.5 s half
** overlapped is charged 2.5 - 1.25 = 1.25: memory. */
static void test_bound_sets_time(void **state)
{
	(void)state;
	assert_int_equal(rl_iter_bound(1, 2, 3, 2.5, 2.5, 0, 0), RL_BOUND_COMM);
	assert_int_equal(rl_iter_bound(1, 2, 3, 2.5, 0, 0, 0),
	                 RL_BOUND_MEMORY);
	assert_int_equal(rl_iter_bound(1, 2, 3, 4, 1, 0, 0), RL_BOUND_COMM);
	assert_int_equal(rl_iter_bound(1, 2, 3, 3.2, 1.7, 0, 0),
	                 RL_BOUND_COMM);
	assert_int_equal(rl_iter_bound(1, 2, 3, 2.5, 1.25, 0, 0),
	                 RL_BOUND_MEMORY);
	assert_int_equal(rl_iter_bound(1, 2, 3, 0, 0, 2.5, 2.5),
	                 RL_BOUND_MEMORY);
	assert_int_equal(rl_iter_bound(1, 2, 3, 0, 0, 4, 3),
	                 RL_BOUND_OVERHEAD);
	assert_int_equal(rl_iter_bound(1, 2, 3, 0, 0, 2.5, 1.25),
	                 RL_BOUND_MEMORY);
	/* compute the largest, nothing overlapped */
	assert_int_equal(rl_iter_bound(2, 1, 3, 0.5, 0.5, 1, 0),
	                 RL_BOUND_COMPUTE);
}

/* The compares alone (engine.h, rl_bound_of), by hand: the largest term,
** the earlier on a tie (compute 1 = memory 1 = comm 1: compute; memory 2 =
** comm 2: memory), a NaN failing every compare: a NaN compute leaves the
** bound at compute unless a later term passes the memory's 1 (comm 2);
** a NaN memory is passed by nothing and leaves compute's 3 to beat.  And
** what engine.c relies on where all of the all-reduces are exposed (its
** window comm - comm is +0) and no host time is hidden: rl_iter_bound
** gives the same bound at every point of a grid of terms (negative, zero,
** tied, NaN), rest of any sign. */
static void test_bound_of_compares(void **state)
{
	static const double v[] = {-1, 0, 0.5, 1, 2, 3, NAN};
	const size_t n = sizeof v / sizeof v[0];
	size_t a, b, c, o, k;
	(void)state;
	assert_int_equal(rl_bound_of(1, 2, 2.5, 0), RL_BOUND_COMM);
	assert_int_equal(rl_bound_of(1, 2, 0, 3), RL_BOUND_OVERHEAD);
	assert_int_equal(rl_bound_of(2, 1, 0, 0), RL_BOUND_COMPUTE);
	assert_int_equal(rl_bound_of(1, 1, 1, 1), RL_BOUND_COMPUTE);
	assert_int_equal(rl_bound_of(1, 2, 2, 0), RL_BOUND_MEMORY);
	assert_int_equal(rl_bound_of(NAN, 1, 0.5, 0), RL_BOUND_COMPUTE);
	assert_int_equal(rl_bound_of(NAN, 1, 2, 0), RL_BOUND_COMM);
	assert_int_equal(rl_bound_of(3, NAN, 2, 4), RL_BOUND_OVERHEAD);
	assert_int_equal(rl_bound_of(3, NAN, 2, 1), RL_BOUND_COMPUTE);
	for (a = 0; a < n; a++)
		for (b = 0; b < n; b++)
			for (c = 0; c + 1 < n; c++) /* (comm finite) */
				for (o = 0; o < n; o++)
					for (k = 0; k < n; k++)
						assert_int_equal(
						    rl_bound_of(v[a], v[b], v[c],
						                v[o]),
						    rl_iter_bound(v[a], v[b], v[k],
						                  v[c], v[c], v[o],
						                  0.0));
}

/* The same through the engine: test_comm_overlap's prompt over a 2 GB/s
** link, not overlapped: the all-reduces take 64 x 1024 x 4096 x 2 / 2e9 =
** 268.435456 ms; the GEMMs about 2 x 7.5e9 x 1024 / 2 chips / 989.4e12 =
** 7.8 ms more.  A host time of 272 ms, run under the GPU's work (an overlap
** scheduler, host_overlap = 1), is longer than the all-reduces and than the
** compute but shorter than the two together: it hides whole, and the
** iteration lasts the GPU's time, its all-reduces the largest part:
** communication, where the largest-term rule said overhead. */
static void test_bound_hidden_host(void **state)
{
	rl_config c;
	rl_result r;
	double comm = 64 * 1024.0 * 4096 * 2 / 2e9, gpu;
	(void)state;
	slow_link_tp2(&c);
	c.chip.link_Bps = 2e9;
	c.prof.iter_overhead_s = 0.272;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.comm_s, comm, 1e-12);
	near(r.prefill.overhead_s, 0.272, 1e-12);
	gpu = r.prefill.time_s - 0.272;
	assert_true(gpu > 0.272 && gpu < comm + 0.02);
	c.prof.host_overlap = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.time_s, gpu, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_COMM);
	/* a host time beyond the GPU's sets the iteration */
	c.prof.iter_overhead_s = 0.4;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.time_s, 0.4, 1e-9);
	assert_int_equal(r.prefill_bound, RL_BOUND_OVERHEAD);
}

/* The iteration's two forms give the same bits (engine.c, iter_cost's
** rare): a comm_overlap of -0 is not "none" (servesetup.c: overlap_none
** wants +0), so the iteration takes its general form, testing every rare
** feature, and works out t_comm - (-0 x under) = t_comm + 0 = t_comm (a
** t_comm > 0, under >= 0 finite); an iter_overhead_s of -0 (request_add:
** a sum that could be -0) adds the request term's +0 to a sum that is +0
** or more, +0 where it is 0.  The set-up of test_comm_overlap with a decode
** (osl 128, no batch cap), through rl_serve and a cache alike. */
static void test_rare_form_same_bits(void **state)
{
	rl_config c, d;
	rl_result a, b;
	rl_eval_cache ka, kb;
	int which;
	(void)state;
	slow_link_tp2(&c);
	c.scen.osl = 128;
	c.scen.batch = 0;
	for (which = 0; which < 2; which++) {
		d = c;
		if (which == 0)
			d.prof.comm_overlap = -0.0;
		else
			d.prof.iter_overhead_s = -0.0;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		assert_int_equal(rl_serve(&c, &a), RL_OK);
		assert_int_equal(rl_serve(&d, &b), RL_OK);
		assert_true(a.prefill.comm_s > 0 && a.decode.comm_s > 0);
		assert_memory_equal(&a, &b, sizeof a);
		ka.valid = kb.valid = 0;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		assert_int_equal(rl_eval_cached(&c, &ka, &a), RL_OK);
		assert_int_equal(rl_eval_cached(&d, &kb, &b), RL_OK);
		assert_memory_equal(&a, &b, sizeof a);
		/* (the two forms were taken) */
		assert_int_equal(ka.setup.rare, 0);
		assert_int_equal(kb.setup.rare, 1);
	}
}

/* Attention and MLP side by side (model.parallel_attn_mlp, GPT-J and
** Falcon): both outputs are partial sums of the same residual, added
** before one all-reduce per layer instead of one each.  The set-up of
** test_comm_overlap: one all-reduce of S = 8,388,608 bytes over a 1 GB/s
** ring of 2 takes 8.388608 ms; one per layer, 32 layers: 268.435456 ms,
** and the link carries 32 S. */
static void test_parallel_block_one_allreduce(void **state)
{
	rl_config c;
	rl_result r;
	double one = 1024.0 * 4096 * 2 / 1e9;
	(void)state;
	slow_link_tp2(&c);
	c.model.parallel_attn_mlp = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.comm_s, 32 * one, 1e-12);
	near(r.prefill.link_bytes, 32 * 1024.0 * 4096 * 2, 1e-12);
	c.model.parallel_attn_mlp = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.comm_s, 64 * one, 1e-12);
}

/* With max_num_tokens 2048 and 2048 in / 128 out, decode tokens and
** prefill chunks share the budget: n_dec (1 + 2048/127) <= 2048, so
** n_dec = 2048 x 127 / 2175 = 119.58 sequences. */
static void test_token_budget_caps_decode(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.tp = 8;
	c.scen.chips = 8;
	c.scen.isl = 2048;
	c.scen.osl = 128;
	c.prof.max_num_tokens = 2048;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.decode_seqs, 2048.0 * 127 / 2175, 1e-6);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_TOKENS);
	/* output tokens per request 128, input 2048: total / output = 17 */
	near(r.total_tps / r.output_tps, 2176.0 / 128, 1e-12);
}

/* Twice the chips at the same tp: twice the replicas and throughput. */
static void test_data_parallel(void **state)
{
	rl_config c;
	rl_result r1, r2;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.tp = 4;
	c.scen.chips = 4;
	c.scen.isl = 512;
	c.scen.osl = 256;
	assert_int_equal(rl_serve(&c, &r1), RL_OK);
	c.scen.chips = 8;
	assert_int_equal(rl_serve(&c, &r2), RL_OK);
	near(r2.replicas, 2.0, 0);
	near(r2.output_tps, 2 * r1.output_tps, 1e-12);
	near(r2.output_tps_per_chip, r1.output_tps_per_chip, 1e-12);
}

/* Throughput of one monotonicity case: the shape on 4 chips with one
** resource scaled by x (0: HBM bandwidth, on a profile with every term on;
** 1: FP8 peak; 2: HBM capacity). */
static double scaled(const double shape[2], int which, double x)
{
	rl_config c;
	rl_result r;
	fx_h100_ideal(&c);
	if (which == 0) {
		c.prof.eff_compute = 0.7;
		c.prof.iter_overhead_s = 2e-3;
		c.prof.seq_overhead_s = 10e-6;
		c.prof.max_num_tokens = 2048;
	}
	c.scen.tp = 4;
	c.scen.chips = 4;
	c.scen.isl = shape[0];
	c.scen.osl = shape[1];
	if (which == 0)
		c.chip.hbm_Bps *= x;
	else if (which == 1)
		c.chip.peak_flops_fp8 *= x;
	else
		c.chip.hbm_bytes *= x;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	return r.output_tps;
}

/* More of any resource never lowers throughput. */
static void test_monotonic_resources(void **state)
{
	static const double shapes[][2] = {
	    {128, 128}, {2048, 128}, {128, 2048}, {2048, 2048}, {32, 8192}};
	size_t s, k;
	int which;
	(void)state;
	for (s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
		for (which = 0; which < 3; which++) {
			double prev = 0;
			for (k = 0; k < 12; k++) {
				double tps = scaled(shapes[s], which, 1.0 + 0.25 * (double)k);
				assert_true(tps >= prev * (1 - 1e-12));
				prev = tps;
			}
		}
}

/* Achieved rates never exceed the roofline. */
static void test_never_above_roofline(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 2048;
	c.scen.osl = 128;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	assert_true(r.mfu <= 1.0 + 1e-12);
	assert_true(r.avg_hbm_Bps <= c.chip.hbm_Bps * (1 + 1e-12));
	assert_true(r.prefill.flops / r.prefill.time_s <=
	            c.chip.peak_flops_fp8 * (1 + 1e-12));
}

/* MBU, HBM bytes over (decode time x bandwidth), is at most 1 by
** construction (model/outputs.c, g_mbu): the output shows and stores a
** quotient rounded past 1 (by 1e-12 at most) as 1, and leaves a value
** that is not a rounding (1.5, a NaN) as it is.  On the ideal H100 at
** batch 1 (every byte at the full 3.35 TB/s, no overhead, memory-bound:
** test_decode_batch1_is_weights_over_bandwidth) the decode iteration's
** time is its bytes over the bandwidth and nothing else, so MBU is 1. */
static void test_mbu_bounded(void **state)
{
	const rl_output *o = rl_output_find("utilization.mbu");
	rl_config c;
	rl_result r;
	(void)state;
	assert_non_null(o);
	memset(&r, 0, sizeof r);
	r.mbu = nextafter(1.0, 2.0); /* 1 + 2^-52 */
	assert_true(o->get(&r) == 1.0);
	r.mbu = 0.75;
	assert_true(o->get(&r) == 0.75);
	r.mbu = 1.5;
	assert_true(o->get(&r) == 1.5);
	r.mbu = NAN;
	assert_true(isnan(o->get(&r)));
	fx_h100_ideal(&c);
	c.scen.isl = 16;
	c.scen.osl = 2;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.mbu, 1.0, 1e-12);
	assert_true(o->get(&r) <= 1.0);
	near(o->get(&r), 1.0, 1e-12);
}

/* Ring all-reduce of S = 1 MB over 8 chips at 100 GB/s with 1 us per step:
** 2 x 7/8 x 1e6 / 1e11 = 17.5 us of transfer plus 14 steps = 31.5 us. */
static void test_allreduce_ring(void **state)
{
	rl_config c;
	double sent, t;
	(void)state;
	rl_config_defaults(&c);
	c.chip.link_Bps = 100e9;
	c.chip.link_latency_s = 1e-6;
	c.prof.eff_link = 1;
	c.prof.allreduce = RL_AR_RING;
	t = rl_allreduce_time(&c, 1e6, 8, &sent);
	near(t, 31.5e-6, 1e-12);
	near(sent, 1.75e6, 1e-12);
	/* two-shot: same bytes, 2 steps: 17.5 + 2 = 19.5 us */
	c.prof.allreduce = RL_AR_TWO_SHOT;
	near(rl_allreduce_time(&c, 1e6, 8, NULL), 19.5e-6, 1e-12);
	/* a software latency of 5 us a collective adds to each: 24.5 us */
	c.prof.allreduce_latency_s = 5e-6;
	near(rl_allreduce_time(&c, 1e6, 8, NULL), 24.5e-6, 1e-12);
	c.prof.allreduce_latency_s = 0;
	/* one-shot: each chip pushes its whole 1 MB to the 7 others, 7 MB at
	** 100 GB/s = 70 us, in one step: 71 us */
	c.prof.allreduce = RL_AR_ONE_SHOT;
	t = rl_allreduce_time(&c, 1e6, 8, &sent);
	near(t, 71e-6, 1e-12);
	near(sent, 7e6, 1e-12);
	/* in the switch (NVLS): 1 MB up, the sum back, 10 us and 2 steps */
	c.prof.allreduce = RL_AR_SWITCH;
	t = rl_allreduce_time(&c, 1e6, 8, &sent);
	near(t, 12e-6, 1e-12);
	near(sent, 1e6, 1e-12);
	/* one chip: nothing to reduce */
	near(rl_allreduce_time(&c, 1e6, 1, NULL), 0, 0);
}

/* A library whose bandwidth ramps up with the message, B S / (S + S_half)
** with S_half = 4 MB: the ring of 8 above moves 7/4 of S at B S / (S +
** S_half), i.e. 7/4 (S + S_half) / B = 1.75 x 5e6 / 1e11 = 87.5 us, plus
** its 14 steps; the bytes on the wire stay 1.75 MB.  A 4 MB message moves
** at half the peak: 1.75 x 8e6 / 1e11 = 140 us, twice its 70 us at the
** peak. */
static void test_allreduce_half_size(void **state)
{
	rl_config c;
	double sent;
	(void)state;
	rl_config_defaults(&c);
	c.chip.link_Bps = 100e9;
	c.chip.link_latency_s = 1e-6;
	c.prof.eff_link = 1;
	c.prof.allreduce = RL_AR_RING;
	c.prof.allreduce_half_bytes = 4e6;
	near(rl_allreduce_time(&c, 1e6, 8, &sent), 87.5e-6 + 14e-6, 1e-12);
	near(sent, 1.75e6, 1e-12);
	near(rl_allreduce_time(&c, 4e6, 8, NULL), 140e-6 + 14e-6, 1e-12);
	/* two chips: a ring moves S, (1e6 + 4e6) / 1e11 = 50 us and 2 steps */
	near(rl_allreduce_time(&c, 1e6, 2, NULL), 52e-6, 1e-12);
	near(rl_allreduce_time(&c, 1e6, 1, NULL), 0, 0);
	/* S_half fitted on a 100 GB/s link and said so: on that link nothing
	** changes; on a 10 GB/s link (PCIe-like) S_half is 0.4 MB, and the
	** ring of 8 takes 1.75 x (1e6 + 0.4e6) / 1e10 = 245 us + 14 steps,
	** where the unscaled 4 MB would give 1.75 x 5e6 / 1e10 = 875 us: the
	** ramp's 70 us (1.75 x 4e6 / 1e11) is the same time on both links */
	c.prof.allreduce_half_link_Bps = 100e9;
	near(rl_allreduce_time(&c, 1e6, 8, NULL), 87.5e-6 + 14e-6, 1e-12);
	c.chip.link_Bps = 10e9;
	near(rl_allreduce_time(&c, 1e6, 8, NULL), 245e-6 + 14e-6, 1e-12);
	near(rl_allreduce_time(&c, 1e6, 8, NULL) - 1.75e6 / 10e9 - 14e-6,
	     70e-6, 1e-12);
	c.prof.allreduce_half_link_Bps = 0;
	near(rl_allreduce_time(&c, 1e6, 8, NULL), 875e-6 + 14e-6, 1e-12);
}

/* Llama-3 70B on the ideal H100, 10 us a layer of launch overhead, one
** request of 1000 in (one chunk) and 101 out: the case of the CUDA-graph
** and GEMM fixed-time tests. */
static void graphs_case(rl_config *c)
{
	fx_h100_ideal(c);
	c->prof.layer_overhead_s = 10e-6;
	c->scen.isl = 1000;
	c->scen.osl = 101;
	c->scen.batch = 1;
}

/* CUDA graphs: Llama-3 70B (80 layers), 10 us a layer of launch overhead.
** A decode-only iteration replayed as a graph launches nothing: its
** overhead drops by 80 x 10 us = 0.8 ms and nothing else changes; an
** iteration that carries a prompt chunk keeps it.  Batch 1, isl 1000 (one
** chunk), osl 101. */
static void test_cuda_graphs(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	graphs_case(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(a.decode.overhead_s, 80 * 10e-6, 1e-12);
	c.prof.cuda_graphs = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.overhead_s, 0, 0);
	near(a.decode.time_s - b.decode.time_s, 80 * 10e-6, 1e-9);
	near(b.prefill.overhead_s, 80 * 10e-6, 1e-12);
	near(b.prefill.time_s, a.prefill.time_s, 1e-12);
}

/* profile.gemm_fixed_us: each GEMM kernel's fixed time t0, charged in every
** iteration, a CUDA graph's replay included.  Llama-3 70B runs 80 layers of
** 4 GEMMs (fused QKV, O, fused gate-up, down) and the LM head: 321 GEMMs,
** 321 x 4.3 us = 1380.3 us more per iteration, decode and prefill alike,
** none of it launch overhead.  Mixtral's shape (32 MoE layers: QKV, O,
** router, the grouped experts' gate-up and down) runs 32 x 5 + 1 = 161;
** with a shared expert (its gate-up and down) 32 x 7 + 1 = 225. */
static void test_gemm_fixed(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	graphs_case(&c);
	c.prof.cuda_graphs = 1;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.gemm_fixed_s = 4.3e-6;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.time_s - a.decode.time_s, 321 * 4.3e-6, 1e-9);
	near(b.decode.gemm_fixed_s, 321 * 4.3e-6, 1e-12);
	near(b.decode.overhead_s, 0, 0);
	near(b.prefill.time_s - a.prefill.time_s, 321 * 4.3e-6, 1e-9);
	near(b.prefill.overhead_s, a.prefill.overhead_s, 1e-12);

	fx_mixtral_batch1(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.gemm_fixed_s = 4.3e-6;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.time_s - a.decode.time_s, 161 * 4.3e-6, 1e-9);
	c.model.shared_experts = 1;
	c.prof.gemm_fixed_s = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.gemm_fixed_s = 4.3e-6;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.time_s - a.decode.time_s, 225 * 4.3e-6, 1e-9);
}

/* The kernel floors at a clock a TDP lowers (rl_serve_clocked's share s):
** clock cycles (profile.kernel_fixed_clock_ghz's ASSUMPTION, as across
** chips), so at half the clock twice the seconds: test_gemm_fixed's 321
** GEMMs x 4.3 us = 1380.3 us become 2760.6 us, decode and prefill, where
** the peaks already followed the clock and the floors stayed; with
** kernel_fixed_clock_ghz 0 (floors taken as no clock cycles) the same
** microseconds at any clock (review40) */
static void test_gemm_fixed_tdp_clock(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	graphs_case(&c);
	c.prof.cuda_graphs = 1;
	c.prof.gemm_fixed_s = 4.3e-6;
	assert_int_equal(rl_serve_clocked(&c, 1.0, 1.0, &a), RL_OK);
	near(a.decode.gemm_fixed_s, 321 * 4.3e-6, 1e-12);
	assert_int_equal(rl_serve_clocked(&c, 0.5, 0.5, &b), RL_OK);
	near(b.decode.gemm_fixed_s, 2 * 321 * 4.3e-6, 1e-12);
	near(b.prefill.gemm_fixed_s, 2 * 321 * 4.3e-6, 1e-12);
	/* each phase at its own clock */
	assert_int_equal(rl_serve_clocked(&c, 1.0, 0.5, &b), RL_OK);
	near(b.prefill.gemm_fixed_s, 321 * 4.3e-6, 1e-12);
	near(b.decode.gemm_fixed_s, 2 * 321 * 4.3e-6, 1e-12);
	c.prof.kernel_fixed_clock_hz = 0;
	assert_int_equal(rl_serve_clocked(&c, 0.5, 0.5, &b), RL_OK);
	near(b.decode.gemm_fixed_s, 321 * 4.3e-6, 1e-12);
}

/* profile.moe_layer_fixed_us: the fixed device time each MoE layer adds
** beside its GEMMs, charged in every iteration, a CUDA graph's replay
** included, and not as launch overhead.  Mixtral's shape has 32 layers,
** all MoE: 10 us each is 320 us more per iteration, decode and prefill.
** With 8 of them dense (model.dense_layers) 24 x 10 = 240 us.  A dense
** model (Llama-3 70B) has no MoE layer: not a bit of its time moves. */
static void test_moe_layer_fixed(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	fx_mixtral_batch1(&c);
	c.prof.cuda_graphs = 1;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.moe_layer_fixed_s = 10e-6;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.time_s - a.decode.time_s, 32 * 10e-6, 1e-9);
	near(b.decode.gemm_fixed_s, 32 * 10e-6, 1e-12);
	near(b.decode.overhead_s, a.decode.overhead_s, 0);
	near(b.prefill.time_s - a.prefill.time_s, 32 * 10e-6, 1e-9);
	near(b.prefill.overhead_s, a.prefill.overhead_s, 0);
	c.model.dense_layers = 8;
	c.prof.moe_layer_fixed_s = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.moe_layer_fixed_s = 10e-6;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.time_s - a.decode.time_s, 24 * 10e-6, 1e-9);

	graphs_case(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.moe_layer_fixed_s = 10e-6;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.time_s, a.decode.time_s, 0);
	near(b.decode.gemm_fixed_s, 0, 0);
	near(b.prefill.time_s, a.prefill.time_s, 0);
	near(b.output_tps, a.output_tps, 0);
}

static void test_bad_tp(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.tp = 3; /* 64 heads */
	c.scen.chips = 3;
	assert_int_equal(rl_serve(&c, &r), RL_EINVAL);
	assert_non_null(strstr(r.error, "does not divide"));
	c.scen.tp = 4;
	c.scen.chips = 6; /* not a multiple */
	assert_int_equal(rl_serve(&c, &r), RL_EINVAL);
}

/* Llama-3 70B at FP16 is 141.1 GB of weights: on one 80 GB chip it is
** short by 61.1 GB. */
static void test_does_not_fit(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.precision = RL_PREC_FP16;
	assert_int_equal(rl_serve(&c, &r), RL_ENOFIT);
	assert_non_null(strstr(r.error, "by 61.1 GB"));
	/* no FP8 on a chip without an FP8 peak */
	fx_h100_ideal(&c);
	c.chip.peak_flops_fp8 = 0;
	assert_int_equal(rl_serve(&c, &r), RL_EINVAL);
}

/* Guaranteed-no-evict reservation: every request in flight holds the
** blocks of isl + osl tokens, so a memory-bound concurrency is the KV
** capacity over ceil((2048 + 128) / 64) x 64 = 2176 tokens. */
static void test_kv_reserve(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 2048;
	c.scen.osl = 128;
	c.scen.tp = 2;
	c.scen.chips = 2;
	c.prof.tokens_per_block = 64;
	c.prof.kv_reserve = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_MEMORY);
	near(r.concurrency, r.kv_capacity_tokens / 2176.0, 1e-9);
	/* output lengths exponential around 128 (osl_max > osl, engine.c
	** osl_in_flight): the requests in flight are the long ones in
	** proportion to their length, 2 x 128 on average, and reserve
	** ceil((2048 + 256) / 64) x 64 = 2304 tokens */
	c.scen.osl_max = 1024;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_MEMORY);
	near(r.concurrency, r.kv_capacity_tokens / 2304.0, 1e-9);
}

/* Without the reservation (kv_reserve 0, the default) a sequence holds the
** KV it has written, in blocks half full on average at its end: while
** decoding isl + (osl - 1) / 2 + blk / 2 tokens on average, during its
** prefill isl / 2 + blk / 2.  The case of test_kv_reserve (2048 in, 128
** out, blocks of 64): one chunk per prompt (2048 <= max_num_tokens less
** the decoders), so a share 127 / 128 of the sequences decodes and one
** holds on average (127 x (2048 + 63.5 + 32) + (1024 + 32)) / 128 =
** 273280.5 / 128 tokens; memory binds (about 250 sequences against a
** token budget of 16384 x 128 / 2175 = 964). */
static void test_kv_held_no_reserve(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 2048;
	c.scen.osl = 128;
	c.scen.tp = 2;
	c.scen.chips = 2;
	c.prof.tokens_per_block = 64;
	c.prof.kv_reserve = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_MEMORY);
	near(r.concurrency, r.kv_capacity_tokens / (273280.5 / 128), 1e-9);
	near(r.decode_seqs, r.concurrency * 127 / 128, 1e-9);
}

/* Chunked prefill: a prompt of 8192 tokens with a budget of 2048 tokens an
** iteration goes in k = 4 chunks of 2048 (prefill only, osl 1).  Chunk j
** (0..3) re-reads the KV of the j chunks before it: over the request
** 2048 x (0 + 1 + 2 + 3) = 8192 x (4 - 1) / 2 tokens, i.e. 2048 x 1.5 an
** iteration, plus the 2048 tokens' own KV written.  Llama-3 8B in BF16
** keeps 32 layers x 2 x 8 heads x 128 x 2 bytes = 131072 bytes a token:
** the iteration's attention traffic is 131072 x 2048 x 2.5 bytes at the
** ideal 3.35 TB/s; four iterations make the time to first token. */
static void test_chunked_prefill_reread(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	prompt_setup(&c);
	c.scen.isl = 8192;
	c.prof.max_num_tokens = 2048;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill_tokens, 2048, 1e-12);
	near(r.prefill.attn_memory_s, 131072.0 * 2048 * 2.5 / 3.35e12, 1e-9);
	near(r.ttft_s, 4 * r.prefill.time_s, 1e-12);
	/* 5000 tokens take three iterations (2048, 2048 and 904) */
	c.scen.isl = 5000;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.ttft_s, 3 * r.prefill.time_s, 1e-12);
	c.scen.isl = 8192;
	/* 1 ms a sequence in the iteration: the prefill iteration carries a
	** quarter of one request's prompt, one sequence all the same */
	c.prof.seq_overhead_s = 1e-3;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.overhead_s, 1e-3, 1e-12);
}

/* Prompts longer than the budget an iteration leaves them, in the mix:
** Llama-3 8B BF16, 8192 in, 128 out, max_num_tokens 2048.  Bound by the
** token budget, N = 2048 (k + 127) / (8192 + 127) sequences with k chunks
** a prompt, of which a share 127 / (k + 127) decodes: n_dec = 2048 x 127 / 8319 = 31.27 whatever k, and the prompt
** gets the rest of the budget, 2048 - n_dec tokens an iteration, so k =
** 8192 / (2048 - n_dec) = 4.06 chunks and N = n_dec (k + 127) / 127 =
** 32.27 (k = 1 would give 31.51).  Prefill tokens an iteration: n_dec x
** 8192 / 127, with n_dec the budget whole.  Memory does not bind: about
** 8160 tokens a sequence of the 488,000 that 64 GB hold at 131,072 bytes
** a token make room for 60. */
static void test_chunked_mix_fixed_point(void **state)
{
	rl_config c;
	rl_result r;
	double n_dec = 2048.0 * 127 / 8319, k = 8192 / (2048 - n_dec);
	(void)state;
	prompt_setup(&c);
	c.scen.isl = 8192;
	c.scen.osl = 128;
	c.scen.batch = 0;
	c.prof.max_num_tokens = 2048;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_TOKENS);
	near(r.decode_seqs, n_dec, 1e-9);
	near(r.concurrency, n_dec * (k + 127) / 127, 1e-9);
	near(r.prefill_tokens, n_dec * 8192 / 127, 1e-9);
	near(r.decode_seqs + r.prefill_tokens, 2048, 1e-9);
	/* the first token comes from the prompt's last chunk, the other
	** 127 one iteration each */
	near(r.e2e_s, r.ttft_s + 127 * r.tpot_s, 1e-12);
}

/* TTFT is continuous in the token budget and the prompt (engine.c, the
** prompt's iterations).  Only fixed times cost: rates of 1e30, 10 ms an
** iteration and 0.2 ms a layer that a decode-only iteration replayed as a
** CUDA graph saves, so Llama-3 70B's (80 layers) prefill-carrying
** iteration costs R_pre = 10 + 80 x 0.2 = 26 ms and a decode-only one
** R_dec = 10 ms.  Batch 1, isl 100, osl 11.  With a budget of 101 the
** prompt fits one iteration beside the n_dec = 10 / 11 decoding on
** average: TTFT = 26 ms.  With a budget of 100 it does not: k chunks a
** prompt, k = 100 / (100 - n_dec), n_dec = 10 / (k + 10), whose fixed
** point is k = 1.0091666, n_dec = 0.9083340; the prompt's first chunk
** takes 100 - n_dec = 99.0917 tokens, its last the share 0.0091666 of a
** chunk, and its iteration carries other prompts' tokens in the rest with
** probability f = p / q, p = n_dec x 100 / 10 = 9.08334 tokens an
** iteration on average, q = 99.0917: f = 0.0916660.  That iteration is
** filled to last + f (1 - last) = 0.0999924 of a chunk and costs R_dec +
** 16 ms x 0.0999924 = 11.59988 ms: TTFT = 37.59988 ms, one decode-only
** iteration and a little more past 26 ms, where a second whole
** prefill-carrying iteration (52 ms) doubled it.  A prompt of 101 tokens
** on the budget of 101 is the same case, one token further. */
static void ttft_case(rl_config *c)
{
	fx_h100_ideal(c);
	c->chip.peak_flops_bf16 = c->chip.peak_flops_fp8 = 1e30;
	c->chip.hbm_Bps = c->chip.link_Bps = 1e30;
	c->prof.iter_overhead_s = 10e-3;
	c->prof.layer_overhead_s = 0.2e-3;
	c->prof.cuda_graphs = 1;
	c->prof.max_num_tokens = 101;
	c->scen.isl = 100;
	c->scen.osl = 11;
	c->scen.batch = 1;
}

static void test_ttft_continuous_in_budget(void **state)
{
	rl_config c;
	rl_result a, b, d;
	(void)state;
	ttft_case(&c);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(a.prefill.time_s, 0.026, 1e-9);
	near(a.decode.time_s, 0.010, 1e-9);
	near(a.ttft_s, 0.026, 1e-9);
	c.prof.max_num_tokens = 100;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode_seqs, 0.9083340, 1e-6);
	near(b.prefill_share, 0.0916660, 1e-5);
	near(b.ttft_s, 0.03759988, 1e-6);
	/* the two budgets differ by less than two decode-only iterations */
	assert_true(fabs(b.ttft_s - a.ttft_s) < 2 * a.decode.time_s);
	/* and one token more in the prompt, on the budget of 101 */
	c.prof.max_num_tokens = 101;
	c.scen.isl = 101;
	assert_int_equal(rl_serve(&c, &d), RL_OK);
	assert_true(d.ttft_s > a.ttft_s);
	assert_true(d.ttft_s - a.ttft_s < 2 * a.decode.time_s);
}

/* Four pipeline stages of the toy model (fixtures.h: a layer a stage) in
** BF16, the chip's memory set to hold 10,000 KV tokens on the last stage.
** A layer's weights: QKV 1024 x 3072, O 1024 x 1024, MLP 3 x 1024 x 4096,
** two norms of 1024: 16,779,264 values, 33,558,528 bytes; the first stage
** adds the embedding, 1000 x 1024 x 2 = 2,048,000 bytes, the last the LM
** head and final norm, (1000 x 2 + 2) x 1024 = 2,050,048: 35,608,576
** bytes.  A token's KV on a stage: 2 x 8 heads x 128 x 2 bytes = 4096.
** With 1 MB of runtime the chip has 35,608,576 + 1e6 + 4096 x 10000 =
** 77,568,576 bytes.  A request of 3872 + 128 tokens: the cache holds 2.5
** of them, so 2 micro-batches are in flight (not pp = 4: each needs a
** whole request), each with half the cache.  Without the reservation a
** sequence holds on average (127 x (3872 + 63.5 + 0.5) + (1936 + 0.5)) /
** 128 = 501808.5 / 128 tokens (blocks of one token) and memory binds
** (against a token budget of 16384 x 128 / 3999 = 524): the chip holds
** its whole cache, and nothing is free.  At --batch 2, a sequence a
** micro-batch: two sequences' KV, and the rest free. */
static void test_pipeline_micro_batches(void **state)
{
	rl_config c;
	rl_result r;
	double held = 501808.5 / 128;
	(void)state;
	fx_h100_ideal(&c);
	fx_toy_model(&c.model);
	c.scen.precision = RL_PREC_BF16;
	c.scen.pp = 4;
	c.scen.chips = 4;
	c.scen.isl = 3872;
	c.scen.osl = 128;
	c.prof.logits_buffers = 0;
	c.prof.act_buffers = 0;
	c.prof.graph_logits_rows = 0;
	c.prof.runtime_reserved_bytes = 1e6;
	c.chip.hbm_bytes = 77568576;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.weights_bytes_per_chip, 35608576, 1e-12);
	near(r.kv_capacity_tokens, 10000, 1e-12);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_MEMORY);
	near(r.concurrency, 10000 / held, 1e-9);
	/* each micro-batch has half the sequences, 127 / 128 of them
	** decoding */
	near(r.decode_seqs, 10000 / held / 2 * 127 / 128, 1e-9);
	assert_true(fabs(r.free_bytes) <= 1e-6 * 77568576);
	c.scen.batch = 2;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.concurrency, 2, 1e-12);
	near(r.free_bytes, 77568576 - 35608576 - 1e6 - 2 * held * 4096, 1e-9);
	/* 5 layers on 2 stages: 3 and the embedding on the first, 2 and the
	** head on the last, whose KV tokens cost 3 x 4096 and 2 x 4096 bytes.
	** On 1 GB chips without runtime, half the free memory for KV: the
	** first stage holds (1e9 - 3 x 33,558,528 - 2,048,000) x 0.5 / 12288
	** = 36,510.3 tokens, the last (1e9 - 2 x 33,558,528 - 2,050,048) x
	** 0.5 / 8192 = 56,813.5: a sequence's tokens are on both, the first
	** binds */
	c.model.layers = 5;
	c.scen.pp = 2;
	c.scen.chips = 2;
	c.prof.runtime_reserved_bytes = 0;
	c.prof.kv_fraction = 0.5;
	c.chip.hbm_bytes = 1e9;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.kv_capacity_tokens, (1e9 - 102723584) * 0.5 / 12288, 1e-12);
}

/* pp 2 x tp 2 of the toy model (fixtures.h), BF16, one request 16 in,
** 101 out: a decode iteration carries n = 100 / 101 tokens.  The first
** stage (2 layers, the embedding) sends the micro-batch's activations to
** the second, n x 1024 x 2 bytes split over the tp 2 chips: n x 1024 each;
** each of its 2 layers all-reduces n x 1024 x 2 bytes twice, 2 (2 - 1) /
** 2 = 1 times that on the wire per chip.  On a slow link (1 MB/s) the
** first stage, with the send, is the slower one, whose link bytes are
** n x (4 x 2048 + 1024) = n x 9216. */
static void test_pipeline_send_split_over_tp(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	fx_toy_model(&c.model);
	c.scen.precision = RL_PREC_BF16;
	c.scen.pp = 2;
	c.scen.tp = 2;
	c.scen.chips = 4;
	c.scen.isl = 16;
	c.scen.osl = 101;
	c.scen.batch = 1;
	c.chip.link_Bps = 1e6;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.decode_seqs, 100.0 / 101, 1e-12);
	near(r.decode.link_bytes, 100.0 / 101 * 9216, 1e-9);
	/* the stage's 2 of the 4 layers' KV, 2 x 2 x 8 heads x 128 x 2
	** bytes a token split over the 2 ranks, 4096 bytes, read for the
	** 16 + 101 / 2 = 66.5 tokens of context and written for the one new
	** token */
	near(r.decode.attn_memory_s, 100.0 / 101 * 4096 * 67.5 / 3.35e12,
	     1e-9);
}

/* The all-reduces of an FP8 model move 16-bit activations: Llama-3 70B at
** tp 2, batch 1 (16 in, 101 out): a decode iteration's n = 100/101 tokens
** are all-reduced twice in each of 80 layers, n x 8192 x 2 bytes each,
** 2 (2 - 1) / 2 = 1 times that on each chip's wire. */
static void test_allreduce_16bit_fp8(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.tp = 2;
	c.scen.chips = 2;
	c.scen.isl = 16;
	c.scen.osl = 101;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.decode.link_bytes, 100.0 / 101 * 160 * 8192 * 2, 1e-9);
}

/* FP8 GEMMs at their own efficiency: a compute-bound GEMM time at
** eff_compute_fp8 0.4 is twice that at eff_compute 0.8 (the default,
** eff_compute_fp8 = 0, takes eff_compute). */
static void test_eff_compute_fp8(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 2048;
	c.scen.osl = 1;
	c.scen.tp = 2; /* 70B at 16 bits needs two chips */
	c.scen.chips = 2;
	c.prof.eff_compute = 0.8;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.eff_compute_fp8 = 0.4;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.prefill.gemm_compute_s / a.prefill.gemm_compute_s, 2.0, 1e-9);
	c.scen.precision = RL_PREC_BF16; /* a BF16 GEMM keeps eff_compute */
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	c.prof.eff_compute_fp8 = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(b.prefill.gemm_compute_s, a.prefill.gemm_compute_s, 1e-12);
	/* FP4 GEMMs run on the same low-precision path: eff_compute_fp8 */
	c.scen.precision = RL_PREC_FP4;
	c.chip.peak_flops_fp4 = 2 * 1978.9e12;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.eff_compute_fp8 = 0.4;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.prefill.gemm_compute_s / a.prefill.gemm_compute_s, 2.0, 1e-9);
}

/* The microbenchmark's GEMM (rl_micro_gemm_flops), m = n = k = 8192 in
** BF16 on the ideal H100: 2 x 8192^3 = 1.0995e12 FLOPs against 3 x 8192^2
** x 2 = 402.7 MB, compute-bound (1.11 ms against 0.12 ms), at the peak
** 989.4 TFLOP/s; with gemm_m_half = 8192 its 8192 rows reach half the
** large-GEMM efficiency, 8192 / (8192 + 8192): 494.7 TFLOP/s. */
static void test_micro_gemm_rows(void **state)
{
	rl_config c;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.precision = RL_PREC_BF16;
	c.prof.gemm_m_half = 0;
	near(rl_micro_gemm_flops(&c, 8192, 8192, 8192), 989.4e12, 1e-12);
	c.prof.gemm_m_half = 8192;
	near(rl_micro_gemm_flops(&c, 8192, 8192, 8192), 989.4e12 / 2, 1e-12);
}

/* c (head_case) served with the embedding and LM head at precision pa
** (into a), then at pb (into b). */
static void serve_heads(rl_config *c, int pa, int pb, rl_result *a,
                        rl_result *b)
{
	c->prof.head_precision = pa;
	assert_int_equal(rl_serve(c, a), RL_OK);
	c->prof.head_precision = pb;
	assert_int_equal(rl_serve(c, b), RL_OK);
}

/* Llama-3 70B on an ideal H100 at tp 1, batch 1, isl 16, osl 2. */
static void head_case(rl_config *c)
{
	fx_h100_ideal(c);
	c->scen.isl = 16;
	c->scen.osl = 2;
	c->scen.batch = 1;
}

/* b (tp 1) holds more_bytes more weights than a, all on its one chip, and
** its decode iteration reads read_bytes more at 3.35 TB/s. */
static void head_more(const rl_result *a, const rl_result *b,
                      double more_bytes, double read_bytes)
{
	near(b->weights_bytes - a->weights_bytes, more_bytes, 1e-12);
	near(b->weights_bytes_per_chip - a->weights_bytes_per_chip, more_bytes,
	     1e-12);
	near((b->decode.gemm_memory_s - a->decode.gemm_memory_s) * 3.35e12,
	     read_bytes, 1e-9);
}

/* Embedding and LM head at 16 bits beside FP8 weights (head_precision
** bf16): Llama-3 70B holds 2 x 1,050,673,152 = 2,101,346,304 bytes more
** (one more byte per embedding and LM-head weight).  Batch 1 with osl 2
** decodes half of the iterations' worth: a decode iteration carries 1/2
** token, reads the LM head (1,050,673,152 more bytes) and half an
** embedding row (4096 more) and multiplies the head, 2 x 128256 x 8192 /
** 2 FLOPs, at the BF16 peak (989.4 TFLOPS) instead of FP8's (1978.9). */
static void test_head_precision(void **state)
{
	rl_config c;
	rl_result a, b;
	double head_flops = 2.0 * 128256 * 8192 / 2;
	(void)state;
	head_case(&c);
	serve_heads(&c, RL_PREC_AUTO, RL_PREC_BF16, &a, &b);
	head_more(&a, &b, 2101346304.0, 1050673152.0 + 4096.0);
	near(b.decode.gemm_compute_s - a.decode.gemm_compute_s,
	     head_flops / 989.4e12 - head_flops / 1978.9e12, 1e-9);
	/* never narrower than the weights: a BF16 run is unchanged by an FP8
	** head_precision, and, its weights not quantized, by a 32-bit one */
	c.scen.precision = RL_PREC_BF16;
	c.scen.tp = 2;
	c.scen.chips = 2;
	serve_heads(&c, RL_PREC_AUTO, RL_PREC_FP8, &a, &b);
	near(b.weights_bytes, a.weights_bytes, 1e-15);
	serve_heads(&c, RL_PREC_AUTO, RL_PREC_FP32, &a, &b);
	near(b.weights_bytes, a.weights_bytes, 1e-15);
}

/* Embedding and LM head at 32 bits beside FP8 weights (head_precision
** fp32, trtllm-0.13 and 0.14): Llama-3 70B holds 2 x 1,050,673,152 x
** (4 - 2) = 4,202,692,608 bytes more than at 16 bits, all on the one GPU at
** tp 1 and half of it a GPU at tp 2, and a decode iteration of batch 1 with
** osl 2 (1/2 token) reads the LM head's 1,050,673,152 weights and half an
** embedding row (8192 / 2) at 2 more bytes each. */
static void test_head_precision_fp32(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	head_case(&c);
	serve_heads(&c, RL_PREC_BF16, RL_PREC_FP32, &a, &b);
	head_more(&a, &b, 4202692608.0, 2.0 * (1050673152.0 + 4096.0));
	c.scen.tp = 2;
	c.scen.chips = 2;
	serve_heads(&c, RL_PREC_BF16, RL_PREC_FP32, &a, &b);
	near(b.weights_bytes_per_chip - a.weights_bytes_per_chip,
	     4202692608.0 / 2, 1e-12);
}

/* A decode kernel that reads a KV head once per query head of its group
** (kv_group_reread 1) reads Llama-3 70B's KV 64 / 8 = 8 times.  Batch 1,
** isl 1000, osl 101: a sequence decodes 100 of its 101 iterations (its
** prefill fits one), so a decode iteration carries 100/101 tokens over an
** average context of 1000 + 101/2 = 1050.5 keys; FP8 KV is 2 x 80 x 8 x
** 128 = 163,840 bytes a token.  The extra read is 7 x that over 3.35 TB/s. */
/* Tied embeddings (the toy model, BF16, one chip): the LM head is the
** embedding matrix, held once: 4 layers of 33,558,528 bytes
** (test_pipeline_micro_batches), the 1000 x 1024 embedding at 2 bytes,
** 2,048,000, and the final norm, 1024 x 2: 136,284,160 bytes. */
static void test_tied_embeddings_held_once(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	fx_toy_model(&c.model);
	c.model.tied_embeddings = 1;
	c.scen.precision = RL_PREC_BF16;
	c.scen.isl = 16;
	c.scen.osl = 2;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.weights_bytes, 136284160, 1e-12);
	near(r.weights_bytes_per_chip, 136284160, 1e-12);
}

/* The KV cache's reads and writes at eff_kv_memory, the weights' and
** the elementwise kernels' at eff_memory.  Batch 1, isl 1000, osl 101
** (test_kv_group_reread): a decode iteration carries n = 100/101 tokens,
** each reading the KV of 1000 + 101 / 2 = 1050.5 tokens on average and
** writing its own, 163,840 bytes a token (80 layers x 2 x 8 heads x 128
** at FP8): n x 1051.5 x 163,840 bytes at 3.35 TB/s x 0.5. */
static void test_kv_memory_efficiency(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 1000;
	c.scen.osl = 101;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.eff_memory = 0.8;
	c.prof.eff_kv_memory = 0.5;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.gemm_memory_s, a.decode.gemm_memory_s / 0.8, 1e-12);
	near(b.decode.elementwise_s, a.decode.elementwise_s / 0.8, 1e-12);
	near(b.decode.attn_memory_s,
	     163840.0 * (100.0 / 101.0) * 1051.5 / (3.35e12 * 0.5), 1e-9);
}

static void test_kv_group_reread(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 1000;
	c.scen.osl = 101;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.kv_group_reread = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.attn_memory_s - a.decode.attn_memory_s,
	     7.0 * 163840.0 * (100.0 / 101.0) * 1050.5 / 3.35e12, 1e-9);
	/* at tp 16 a chip holds one KV head (a copy) for 64 / 16 = 4 query
	** heads: the extra read is 3 x one chip's KV */
	c.scen.tp = 16;
	c.scen.chips = 16;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	c.prof.kv_group_reread = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(b.decode.attn_memory_s - a.decode.attn_memory_s,
	     3.0 * 163840.0 / 8 * (100.0 / 101.0) * 1050.5 / 3.35e12, 1e-9);
}

/* kv_reread_heads: that many of a group's other query heads read the KV
** head again, on top of kv_group_reread's share, at most all of them.
** The iteration of test_kv_group_reread (Llama-3 70B, 64 query heads over
** 8 KV heads, FP8 KV of 163,840 bytes a token, 100/101 decode tokens over
** 1050.5 keys): 2 heads read it 2 x more; 2 beside a share of 0.5 of the 7
** others, 3.5 + 2 = 5.5 x more; 9 heads, above the 7 others, 7 x.  At tp
** 16 a chip's group is 64 / 16 = 4 query heads over one KV head (a copy):
** 9 heads are capped at its 3 others, 3 x one chip's KV (an eighth). */
static void test_kv_reread_heads(void **state)
{
	rl_config c;
	rl_result a, b;
	const double one = 163840.0 * (100.0 / 101.0) * 1050.5 / 3.35e12;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 1000;
	c.scen.osl = 101;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.kv_reread_heads = 2;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.attn_memory_s - a.decode.attn_memory_s, 2.0 * one, 1e-9);
	c.prof.kv_group_reread = 0.5;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.attn_memory_s - a.decode.attn_memory_s, 5.5 * one, 1e-9);
	c.prof.kv_group_reread = 0;
	c.prof.kv_reread_heads = 9;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.attn_memory_s - a.decode.attn_memory_s, 7.0 * one, 1e-9);
	c.scen.tp = 16;
	c.scen.chips = 16;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	c.prof.kv_reread_heads = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(b.decode.attn_memory_s - a.decode.attn_memory_s, 3.0 * one / 8,
	     1e-9);
	/* its range holds the largest group among the presets (mutation
	** tests): Falcon-180B's 232 query heads over 8 KV heads, 29 a group,
	** 28 others (data/models/falcon-180b.ini) */
	{
		char err[256];
		const rl_param *p = rl_param_find("profile", "kv_reread_heads");
		assert_non_null(p);
		assert_int_equal(rl_param_set_text(&c, p, "28", err, sizeof err),
		                 RL_P_OK);
		assert_true(c.prof.kv_reread_heads == 28);
	}
}

/* A sliding window of 4096 on every layer: with guaranteed-no-evict a
** 20000/2000 request holds ceil(22000 / 64) x 64 = 22016 tokens, but a
** windowed layer keeps at most 4096 of them, so the memory-bound
** concurrency is the KV capacity over 4096; a runtime that ignores the
** window (sliding_window false) holds all 22016 and attends to the whole
** context (20000 + 2000 / 2 = 21000 keys per decode token). */
static void test_sliding_window_kv(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.model.sliding_window = 4096;
	c.scen.isl = 20000;
	c.scen.osl = 2000;
	c.prof.tokens_per_block = 64;
	c.prof.kv_reserve = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_MEMORY);
	near(r.concurrency, r.kv_capacity_tokens / 4096.0, 1e-9);
	near(rl_ctx_decode(&r.shape, 20000, 2000), 4096, 1e-12);
	c.prof.sliding_window = 0;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.concurrency, r.kv_capacity_tokens / 22016.0, 1e-9);
	near(rl_ctx_decode(&r.shape, 20000, 2000), 21000, 1e-12);
	/* a request shorter than the window holds all its blocks,
	** ceil(1100 / 64) x 64 = 1152 tokens */
	c.prof.sliding_window = 1;
	c.scen.isl = 1000;
	c.scen.osl = 100;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	assert_int_equal(r.concurrency_limit, RL_LIMIT_MEMORY);
	near(r.concurrency, r.kv_capacity_tokens / 1152.0, 1e-9);
}

/* The runtime's buffers: one fp32 logits buffer of max_batch_size 4096 x
** vocab 128256 x 4 bytes = 2,101,346,304, and one layer's GEMM inputs and
** outputs for max_num_tokens 16384 tokens at FP8: per token 8192 (QKV in)
** + 10240 (QKV out) + 8192 (O in) + 8192 (O out) + 2 x 8192 (MLP in and
** out) + 3 x 28672 (gate, up, down's input) = 137,216 values, x 16384 =
** 2,248,146,944 bytes; at tp 2 the activations halve, the logits do not. */
static void test_runtime_buffers(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 128;
	c.scen.osl = 128;
	c.prof.runtime_reserved_bytes = 1e9;
	c.prof.logits_buffers = 1;
	c.prof.act_buffers = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.runtime_bytes, 1e9 + 2101346304.0 + 2248146944.0, 1e-12);
	c.scen.tp = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.runtime_bytes, 1e9 + 2101346304.0 + 2248146944.0 / 2, 1e-12);
}

/* The PyTorch backend's profiling pass (logits_rows profiling_pass): the
** KV cache is sized after a forward pass of max_num_tokens 16384 tokens in
** dummy requests of isl + osl - 1 tokens, each returning one row of fp32
** logits of vocab 128256 x 4 = 513,024 bytes.  128/128: requests of 255
** tokens, 16384 / 255 = 64.25, so 65 rows = 33,346,560 bytes (max_batch_size
** 4096 rows would be 2,101,346,304); 20000/2000: one request of 16384
** tokens, one row, 513,024 bytes; 1/1: requests of one token, 16384 rows,
** 8,405,385,216 bytes.  Two buffers double each; tp 2 does not split them
** (gathered on every rank).  Through a cache the request length changes
** the setup's runtime too. */
static void test_logits_rows_profiling_pass(void **state)
{
	rl_config c;
	rl_result r;
	rl_eval_cache cache;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 128;
	c.scen.osl = 128;
	c.prof.logits_buffers = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.runtime_bytes, 2101346304.0, 1e-12);
	c.prof.logits_rows = RL_LOGITS_PROFILING_PASS;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.runtime_bytes, 33346560.0, 1e-12);
	c.prof.logits_buffers = 2;
	c.scen.tp = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.runtime_bytes, 2.0 * 33346560.0, 1e-12);
	c.prof.logits_buffers = 1;
	c.scen.tp = 1;
	c.scen.chips = 1;
	cache.valid = 0;
	assert_int_equal(rl_serve_cached(&c, &cache, 1, 1, &r), RL_OK);
	near(r.runtime_bytes, 33346560.0, 1e-12);
	c.scen.isl = 20000;
	c.scen.osl = 2000;
	assert_int_equal(rl_serve_cached(&c, &cache, 1, 1, &r), RL_OK);
	near(r.runtime_bytes, 513024.0, 1e-12);
	c.scen.isl = 1;
	c.scen.osl = 1;
	assert_int_equal(rl_serve_cached(&c, &cache, 1, 1, &r), RL_OK);
	near(r.runtime_bytes, 8405385216.0, 1e-12);
}

/* The CUDA graphs' output logits (graph_logits_rows) when the KV cache is
** sized: 16,383 rows (decode batches 1, 2, 4, ..., 8192) of vocab 128256
** at the LM head's output width, 16 bits for an FP8 model (its GEMMs write
** >= 16 bits): 16383 x 128256 = 2,101,218,048 values, x 2 = 4,202,436,096
** bytes, all of them taken from the KV cache (kv_fraction 1).  tp 2 does
** not split them (the logits are gathered on every rank); a BF16 model
** writes the same 16 bits. */
static void test_graph_logits_rows(void **state)
{
	rl_config c;
	rl_result a, b;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 128;
	c.scen.osl = 128;
	c.prof.runtime_reserved_bytes = 1e9;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(a.runtime_bytes, 1e9, 1e-12);
	c.prof.graph_logits_rows = 16383;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.runtime_bytes, 1e9 + 4202436096.0, 1e-12);
	near(a.kv_capacity_bytes - b.kv_capacity_bytes, 4202436096.0, 1e-9);
	c.scen.tp = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.runtime_bytes, 1e9 + 4202436096.0, 1e-12);
	c.scen.precision = RL_PREC_BF16;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.runtime_bytes, 1e9 + 4202436096.0, 1e-12);
}

/* The logits, tokens x vocab in fp32, on every rank.  Batch 1, isl 1000,
** osl 101: a decode iteration carries n = 100/101 tokens (as in
** test_kv_group_reread), each with 128256 logits of 4 bytes = 513,024
** bytes.  Three sampling passes over them (logits_passes 3) add 3 x n x
** 513,024 bytes at 3.35 TB/s to the decode iteration's memory-bound
** kernels, whatever share of the elementwise traffic is fused (the fusion
** is the norms' and activations', not the sampler's) and whatever tp is:
** each rank samples the whole vocabulary. */
static void test_logits_passes(void **state)
{
	rl_config c;
	rl_result a, b;
	double bytes = 100.0 / 101.0 * 128256 * 4;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 1000;
	c.scen.osl = 101;
	c.scen.batch = 1;
	c.prof.elementwise_fused = 0.5;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.logits_passes = 3;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.elementwise_s - a.decode.elementwise_s,
	     3.0 * bytes / 3.35e12, 1e-9);
	near(b.decode.hbm_bytes - a.decode.hbm_bytes, 3.0 * bytes, 1e-9);
	near(b.decode.time_s - a.decode.time_s, 3.0 * bytes / 3.35e12, 1e-9);
	/* the iteration that carries the prompt (all 1000 tokens: one chunk)
	** has logits for its decode tokens and for the one request whose
	** prompt ends, 100/101 + 1 rows, not for every prompt token */
	near(b.prefill.elementwise_s - a.prefill.elementwise_s,
	     3.0 * (100.0 / 101.0 + 1) * 128256 * 4 / 3.35e12, 1e-9);
	/* tp 8: the same bytes on each rank */
	c.scen.tp = 8;
	c.scen.chips = 8;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	c.prof.logits_passes = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(b.decode.elementwise_s - a.decode.elementwise_s,
	     3.0 * bytes / 3.35e12, 1e-9);
}

/* The LM head's vocabulary slices gathered onto every rank (logits_gather):
** at tp 8 each rank holds 1/8 of the n x 513,024 bytes above and receives
** the other 7/8, so a ring all-gather puts 7/8 x n x 513,024 bytes on each
** chip's link, at 450 GB/s (eff_link 1), in 7 steps of link_latency 1 us
** after a software latency of 5 us (allreduce_latency): the decode
** iteration's communication grows by that much and its link traffic by
** those bytes.  One chip gathers nothing. */
static void test_logits_gather(void **state)
{
	rl_config c;
	rl_result a, b;
	double bytes = 100.0 / 101.0 * 128256 * 4, wire = bytes * 7 / 8;
	(void)state;
	fx_h100_ideal(&c);
	c.scen.isl = 1000;
	c.scen.osl = 101;
	c.scen.batch = 1;
	c.chip.link_latency_s = 1e-6;
	c.prof.allreduce_latency_s = 5e-6;
	c.scen.tp = 8;
	c.scen.chips = 8;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	c.prof.logits_gather = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	near(b.decode.comm_s - a.decode.comm_s,
	     5e-6 + 7 * 1e-6 + wire / 450e9, 1e-9);
	near(b.decode.link_bytes - a.decode.link_bytes, wire, 1e-9);
	/* a direct all-gather (the profile's all-reduce one_shot): one step */
	c.prof.allreduce = RL_AR_ONE_SHOT;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	c.prof.logits_gather = 0;
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	near(b.decode.comm_s - a.decode.comm_s, 5e-6 + 1e-6 + wire / 450e9,
	     1e-9);
	c.scen.tp = 1;
	c.scen.chips = 1;
	c.prof.logits_gather = 1;
	assert_int_equal(rl_serve(&c, &b), RL_OK);
	assert_true(b.decode.comm_s == 0);
	assert_true(b.decode.link_bytes == 0);
}

/* Each output's direction (model/outputs.c), checked against its unit,
** not its row: a time (s), cost (USD, USD/Mtoken) or power (W) is better
** less, a rate of tokens or requests better more, a bound's or a limit's name neither;
** silicon.violations less (flags of constraints broken). */
static void test_output_direction(void **state)
{
	size_t n, i;
	const rl_output *o = rl_outputs(&n);
	(void)state;
	for (i = 0; i < n; i++) {
		const char *u = o[i].si_unit;
		if (!strcmp(u, "s") || !strcmp(u, "USD") ||
		    !strcmp(u, "USD/Mtoken") || !strcmp(u, "W"))
			assert_int_equal(o[i].better, RL_BETTER_LESS);
		if (!strcmp(u, "tokens/s") || !strcmp(u, "1/s"))
			assert_int_equal(o[i].better, RL_BETTER_MORE);
		if (o[i].type != RL_OT_NUM)
			assert_int_equal(o[i].better, RL_BETTER_NONE);
	}
	assert_int_equal(rl_output_find("silicon.violations")->better,
	                 RL_BETTER_LESS);
	/* a cost per million tokens is not a cost in USD: its unit says so
	** (model/cost.c: the seconds a million output tokens take), where it said "USD" until
	** 2026-11-30; a chip's cost is USD */
	assert_string_equal(
	    rl_output_find("cost.usd_per_million_tokens_at_cost")->si_unit,
	    "USD/Mtoken");
	assert_string_equal(
	    rl_output_find("cost.usd_per_million_tokens_at_price")->unit,
	    "USD/Mtoken");
	assert_string_equal(rl_output_find("cost.chip_cost_usd")->si_unit, "USD");
	assert_int_equal(rl_output_find("decode.iteration_s")->better,
	                 RL_BETTER_LESS);
	/* memory by what it means, not its unit (bytes both ways): room the
	** KV cache can use is better more, a footprint the same model needs
	** better less, what the load fills or a setting's size neither */
	{
		static const char *const more[] = {
		    "memory.kv_capacity_bytes", "memory.free_bytes",
		    "rates.flops_per_s_per_chip"};
		static const char *const less[] = {
		    "memory.weights_bytes", "memory.weights_bytes_per_chip",
		    "memory.kv_bytes_per_token",
		    "memory.kv_bytes_per_token_per_chip", "memory.runtime_bytes"};
		/* a reading makes each way better (model/outputs.c): more
		** sequences serve more tokens and wait longer; more traffic a
		** second comes with more tokens or with more bytes a token */
		static const char *const neither[] = {
		    "batch.concurrency", "batch.decode_sequences",
		    "batch.prefill_tokens_per_iter", "batch.replicas",
		    "memory.kv_used_bytes", "memory.sram_resident_bytes_per_chip",
		    "model.params", "model.active_params",
		    "model.linear_flops_per_token", "rates.hbm_bytes_per_s_per_chip",
		    "rates.sram_bytes_per_s_per_chip",
		    "rates.link_bytes_per_s_per_chip"};
		size_t k, nn = 0;
		for (k = 0; k < sizeof more / sizeof more[0]; k++)
			assert_int_equal(rl_output_find(more[k])->better,
			                 RL_BETTER_MORE);
		for (k = 0; k < sizeof less / sizeof less[0]; k++)
			assert_int_equal(rl_output_find(less[k])->better,
			                 RL_BETTER_LESS);
		for (k = 0; k < sizeof neither / sizeof neither[0]; k++)
			assert_int_equal(rl_output_find(neither[k])->better,
			                 RL_BETTER_NONE);
		/* every number better neither way is one of those named, so a
		** new output gets a direction decided, not "neither" by default */
		for (i = 0; i < n; i++)
			if (o[i].type == RL_OT_NUM && o[i].better == RL_BETTER_NONE)
				nn++;
		assert_int_equal(nn, sizeof neither / sizeof neither[0]);
	}
}

/* power.output_tokens_per_joule: a chip's output tokens/s over the watts it
** draws, tokens/s per W, the figure an architect weighs against USD per
** million tokens.  By hand: 1000 output tokens/s a chip at 400 W is 2.5
** tokens per joule, the same for 8 chips (8000 tokens/s over 3200 W); no
** power (a chip naming no node: NaN) or none drawn gives no figure (n/a),
** not an infinity.  Better more. */
static void test_output_tokens_per_joule(void **state)
{
	const rl_output *o = rl_output_find("power.output_tokens_per_joule");
	rl_result r;
	(void)state;
	assert_non_null(o);
	assert_string_equal(o->si_unit, "tokens/J");
	assert_int_equal(o->better, RL_BETTER_MORE);
	memset(&r, 0, sizeof r);
	r.output_tps = 8000;
	r.output_tps_per_chip = 1000;
	r.power_w = 400;
	assert_true(fabs(o->get(&r) - 2.5) < 1e-12);
	r.power_w = NAN;
	assert_true(isnan(o->get(&r)));
	r.power_w = 0;
	assert_true(isnan(o->get(&r)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_llama3_70b_params),
	    cmocka_unit_test(test_output_direction),
	    cmocka_unit_test(test_output_tokens_per_joule),
	    cmocka_unit_test(test_llama3_70b_flops),
	    cmocka_unit_test(test_llama3_70b_kv),
	    cmocka_unit_test(test_decode_batch1_is_weights_over_bandwidth),
	    cmocka_unit_test(test_prefill_is_flops_over_peak),
	    cmocka_unit_test(test_comm_overlap),
	    cmocka_unit_test(test_rare_form_same_bits),
	    cmocka_unit_test(test_host_overlap),
	    cmocka_unit_test(test_attn_overlap),
	    cmocka_unit_test(test_attn_overlap_kinds),
	    cmocka_unit_test(test_attn_overlap_dense_moe),
	    cmocka_unit_test(test_parallel_block_one_allreduce),
	    cmocka_unit_test(test_token_budget_caps_decode),
	    cmocka_unit_test(test_data_parallel),
	    cmocka_unit_test(test_monotonic_resources),
	    cmocka_unit_test(test_never_above_roofline),
	    cmocka_unit_test(test_mbu_bounded),
	    cmocka_unit_test(test_bound_sets_time),
	    cmocka_unit_test(test_bound_of_compares),
	    cmocka_unit_test(test_bound_hidden_host),
	    cmocka_unit_test(test_allreduce_ring),
	    cmocka_unit_test(test_allreduce_half_size),
	    cmocka_unit_test(test_cuda_graphs),
	    cmocka_unit_test(test_ttft_continuous_in_budget),
	    cmocka_unit_test(test_gemm_fixed),
	    cmocka_unit_test(test_gemm_fixed_tdp_clock),
	    cmocka_unit_test(test_moe_layer_fixed),
	    cmocka_unit_test(test_bad_tp),
	    cmocka_unit_test(test_does_not_fit),
	    cmocka_unit_test(test_kv_reserve),
	    cmocka_unit_test(test_kv_held_no_reserve),
	    cmocka_unit_test(test_chunked_prefill_reread),
	    cmocka_unit_test(test_chunked_mix_fixed_point),
	    cmocka_unit_test(test_pipeline_micro_batches),
	    cmocka_unit_test(test_pipeline_send_split_over_tp),
	    cmocka_unit_test(test_allreduce_16bit_fp8),
	    cmocka_unit_test(test_eff_compute_fp8),
	    cmocka_unit_test(test_micro_gemm_rows),
	    cmocka_unit_test(test_head_precision),
	    cmocka_unit_test(test_head_precision_fp32),
	    cmocka_unit_test(test_logits_passes),
	    cmocka_unit_test(test_logits_gather),
	    cmocka_unit_test(test_tied_embeddings_held_once),
	    cmocka_unit_test(test_kv_memory_efficiency),
	    cmocka_unit_test(test_kv_group_reread),
	    cmocka_unit_test(test_kv_reread_heads),
	    cmocka_unit_test(test_sliding_window_kv),
	    cmocka_unit_test(test_runtime_buffers),
	    cmocka_unit_test(test_logits_rows_profiling_pass),
	    cmocka_unit_test(test_graph_logits_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
