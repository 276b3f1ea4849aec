/*
** test_shape.c: the shape parameters of model/transformer.c (plain MLP,
** parallel attention and MLP, sliding windows, shared experts, dense
** layers in an MoE model, multi-head latent attention) against counts
** derived by hand from the configs in data/sources/models-more.csv, and against the parameter totals that
** the model owners published (same file, params_total / params_active,
** in billions) and the exact counts that file DERIVED from the configs.
** Every expected value is worked out in the comment next to it.
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

static void set(rl_model *m, double L, double d, double h, double kv,
                double dh, double f, double V, double E, double k)
{
	memset(m, 0, sizeof *m);
	m->layers = L;
	m->hidden = d;
	m->heads = h;
	m->kv_heads = kv;
	m->head_dim = dh;
	m->ffn_hidden = f;
	m->vocab = V;
	m->experts = E;
	m->experts_per_token = k;
}

/* GPT-J 6B (models-more.csv gpt-j-6b): L 28, d 4096, 16 heads of 256 (no
** GQA), plain MLP f 16384, V 50400, untied, parallel attention and MLP.
** Per layer: attention 4 x 4096 x 4096 = 67,108,864; MLP 2 x 4096 x 16384
** = 134,217,728; norms 8192: 201,334,784, x 28 = 5,637,373,952.  Embedding
** and LM head 2 x 50400 x 4096 = 412,876,800; final norm 4096.  Total
** 6,050,254,848.  models-more.csv DERIVES 6,050,882,784 with the biases
** this engine leaves out: MLP 28 x (16384 + 4096) = 573,440, LM head
** 50,400, final LayerNorm 4096: 627,936 more, exactly.  The model card says
** 6,053,381,344 (2.5 M above the config, unexplained there): within 0.06%.
** Linear FLOPs per token: 2 x (5,637,373,952 - 28 x 8192 + 206,438,400)
** = 11,687,165,952. */
static void test_gptj(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	set(&m, 28, 4096, 16, 16, 256, 16384, 50400, 1, 1);
	m.mlp = RL_MLP_PLAIN;
	m.parallel_attn_mlp = 1;
	rl_model_shape_of(&m, &s);
	near(s.params_total, 6050254848.0, 1e-12);
	near(s.params_active, 6050254848.0, 1e-12);
	near(s.params_total + 627936.0, 6050882784.0, 1e-12);
	near(s.params_total, 6053381344.0, 6e-4);
	near(s.linear_flops_per_token, 11687165952.0, 1e-12);
	/* GEMM tensors per token and layer: d + (16 + 32) x 256 + 16 x 256 +
	** d = 24,576, MLP in and out 2d = 8192, up out and down in 2f =
	** 32,768: 65,536.  Elementwise: one norm (2d) and one three-way
	** residual add (4d) = 6d = 24,576 on every rank; GELU reads and
	** writes f: 32,768 split. */
	near(s.act_elems_per_token_layer, 65536.0, 1e-12);
	near(s.elem_elems_full, 24576.0, 1e-12);
	near(s.elem_elems_split, 32768.0, 1e-12);
}

/* Falcon-180B (models-more.csv falcon-180b): L 80, d 14848, 232 heads of
** 64, 8 KV heads, plain MLP f 4d = 59392, V 65024, tied (code defaults,
** noted there).  Per layer: QKV 14848 x (232 + 16) x 64 = 235,667,456; O
** 14848 x 14848 = 220,463,104; MLP 2 x 14848 x 59392 = 1,763,704,832;
** norms 29,696: 2,219,865,088, x 80 = 177,589,207,040.  Embedding (tied)
** 65024 x 14848 = 965,476,352; final norm 14848.  Total 178,554,698,240;
** with the LayerNorm biases (80 x 2 x 14848 + 14848 = 2,390,528) it is
** the 178,557,088,768 that models-more.csv DERIVES; within 0.9% of the
** published "180B". */
static void test_falcon(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	set(&m, 80, 14848, 232, 8, 64, 59392, 65024, 1, 1);
	m.mlp = RL_MLP_PLAIN;
	m.parallel_attn_mlp = 1;
	m.tied_embeddings = 1;
	rl_model_shape_of(&m, &s);
	near(s.params_total, 178554698240.0, 1e-12);
	near(s.params_total + 2390528.0, 178557088768.0, 1e-12);
	near(s.params_total, 180e9, 9e-3);
	/* tied: the LM head still costs 2 V d FLOPs per token */
	near(s.head_flops_per_token, 2.0 * 65024 * 14848, 1e-12);
	near(s.linear_flops_per_token,
	     2.0 * (177589207040.0 - 80 * 29696.0) + 2.0 * 965476352.0, 1e-12);
}

/* Llama-4 Maverick (models-more.csv llama4-maverick-17b-128e): L 48, d
** 5120, 40 heads of 128, 8 KV heads, V 202048, untied; 24 MoE layers of
** 128 routed experts (top-1) and 1 shared expert of width 8192, 24 dense
** layers of width 16384.  Attention 2 x 5120 x 5120 + 2 x 5120 x 1024 =
** 62,914,560; one expert 3 x 5120 x 8192 = 125,829,120; router 5120 x
** 128 = 655,360; norms 10,240.  MoE layer: 62,914,560 + 129 x
** 125,829,120 + 655,360 + 10,240 = 16,295,536,640; dense layer:
** 62,914,560 + 3 x 5120 x 16384 + 10,240 = 314,583,040.  24 of each =
** 398,642,872,320; embedding and head 2 x 1,034,485,760; final norm 5120:
** 400,711,848,960 (models-more.csv DERIVES the same; published "~400B").
** Active: MoE layer with 1 routed + 1 shared expert 315,238,400, so 24 x
** (315,238,400 + 314,583,040) + 2,068,976,640 = 17,184,691,200 (DERIVED
** the same; published "17B active"). */
static void test_maverick(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	set(&m, 48, 5120, 40, 8, 128, 8192, 202048, 128, 1);
	m.shared_experts = 1;
	m.dense_layers = 24;
	m.dense_ffn_hidden = 16384;
	rl_model_shape_of(&m, &s);
	near(s.params_total, 400711848960.0, 1e-12);
	near(s.params_active, 17184691200.0, 1e-12);
	near(s.params_total, 400e9, 2e-3);
	near(s.params_active, 17e9, 1.1e-2);
	near(s.moe_layers, 24, 1e-12);
	near(s.params_expert, 125829120.0, 1e-12);
	/* MLPs per token and layer (24 x 2 + 24) / 48 = 1.5, their width
	** (24 x 2 x 8192 + 24 x 16384) / 48 = 16384; SwiGLU reads 2 and
	** writes 1 of it: 49,152 elementwise values split over the ranks */
	near(s.elem_elems_split, 49152.0, 1e-12);
	near(s.act_elems_per_token_layer,
	     5120 + 56 * 128 + 40 * 128 + 5120 + 1.5 * 2 * 5120 + 3 * 16384.0,
	     1e-12);
}

/* Llama-4 Scout: the same layer with 16 routed experts, all 48 layers MoE.
** MoE layer: 62,914,560 + 17 x 125,829,120 + 5120 x 16 + 10,240 =
** 2,202,101,760, x 48 = 105,700,884,480, + 2,068,976,640 =
** 107,769,861,120; active 48 x (62,914,560 + 2 x 125,829,120 + 81,920 +
** 10,240) + 2,068,976,640 = 17,172,894,720 (both DERIVED the same in
** models-more.csv; published "~109B", "17B active": the 109 is 1.1% off
** the config, as the file notes). */
static void test_scout(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	set(&m, 48, 5120, 40, 8, 128, 8192, 202048, 16, 1);
	m.shared_experts = 1;
	rl_model_shape_of(&m, &s);
	near(s.params_total, 107769861120.0, 1e-12);
	near(s.params_active, 17172894720.0, 1e-12);
	near(s.params_total, 109e9, 1.2e-2);
}

/* A dense model ignores the MoE-only parameters: shared experts and dense
** layers change nothing when experts = 1 (Llama-3 70B keeps its
** 70,553,706,496 of test_engine.c). */
static void test_dense_ignores_moe_fields(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	fx_llama3_70b(&m);
	m.shared_experts = 3;
	m.dense_layers = 10;
	m.dense_ffn_hidden = 1000;
	rl_model_shape_of(&m, &s);
	near(s.params_total, 70553706496.0, 1e-12);
	near(s.moe_layers, 0, 1e-12);
}

static void gpt_oss_120b(rl_model *m)
{
	set(m, 36, 2880, 64, 8, 64, 2880, 201088, 128, 4);
	m->sliding_window = 128;
	m->full_attn_layers = 18;
}

/* gpt-oss-120b (models-more.csv): L 36, d 2880, 64 heads of 64, 8 KV
** heads, 128 experts (top-4) of width 2880, V 201088, untied; sliding
** window of 128 on 18 of the 36 layers.  Attention 2 x 2880 x 4096 + 2 x
** 2880 x 512 = 26,542,080; experts 128 x 3 x 2880^2 = 3,185,049,600;
** router 368,640; norms 5760: 3,211,966,080 per layer, x 36 =
** 115,630,778,880; embedding and head 2 x 579,133,440; final norm 2880:
** 116,789,048,640.  The DERIVED 116,829,156,672 adds the biases and
** attention sinks this engine leaves out: 36 x (8000 attention biases + 64
** sinks + 128 x 8640 expert biases + 128 router biases) = 40,108,032. */
static void test_gpt_oss_params(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	gpt_oss_120b(&m);
	rl_model_shape_of(&m, &s);
	near(s.params_total, 116789048640.0, 1e-12);
	near(s.params_total + 40108032.0, 116829156672.0, 1e-12);
	near(s.params_total, 117e9, 2e-3);
	near(s.window_share, 0.5, 1e-12);
}

/* Active parameters of gpt-oss (models-more.csv; hardware-models-more.md:
** OpenAI's "active" 3.6B / 5.1B leaves out the embedding matrix).  Per
** layer: attention 26,542,080, norms 5,760, 4 experts x 3 x 2880^2 =
** 99,532,800, router 2880 x E.  120b (E 128): 126,449,280 x 36 =
** 4,552,174,080, + embedding and LM head 1,158,266,880 + final norm 2880 =
** 5,710,443,840; with the active biases and sinks the engine leaves out,
** 36 x (8000 + 64 + 4 x 8640 + 128) = 1,539,072, the DERIVED 5,711,982,912;
** without the embedding (579,133,440) 5,131,310,400, OpenAI's 5.1B.  20b
** (E 32, 24 layers): 126,172,800 x 24 + 1,158,269,760 = 4,186,416,960;
** with 24 x (8000 + 64 + 4 x 8640 + 32) = 1,023,744 of biases the DERIVED
** 4,187,440,704; without the embedding 3,607,283,520, OpenAI's 3.6B.  The
** 20b total: 822,902,400 x 24 + 1,158,269,760 = 20,907,927,360, + 24 x
** (8096 + 32 x 8640) = 6,829,824 of biases, the DERIVED 20,914,757,184. */
static void test_gpt_oss_active(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	gpt_oss_120b(&m);
	rl_model_shape_of(&m, &s);
	near(s.params_active, 5710443840.0, 1e-12);
	near(s.params_active + 1539072.0, 5711982912.0, 1e-12);
	near(s.params_active - s.params_embedding, 5.1e9, 0.01);
	set(&m, 24, 2880, 64, 8, 64, 2880, 201088, 32, 4);
	rl_model_shape_of(&m, &s);
	near(s.params_active, 4186416960.0, 1e-12);
	near(s.params_active + 1023744.0, 4187440704.0, 1e-12);
	near(s.params_active - s.params_embedding, 3.6e9, 0.01);
	near(s.params_total + 6829824.0, 20914757184.0, 1e-12);
}

/* Context under a sliding window.  gpt-oss (W = 128 on half the layers),
** 1000 in / 1000 out: a decode token sees 1000 + 500 = 1500 keys in a full
** layer and 128 in a windowed one: 814 on average.  Prefill of 1000: full
** layers (1000 + 1) / 2 = 500.5; windowed (128 x 129 / 2 + 872 x 128) /
** 1000 = 119.872; mean 310.186.
** Mistral-7B v0.1 (W = 4096 everywhere), 2048 in / 4096 out: contexts
** 2048..6144 capped at 4096: half of the steps average 3072, half 4096:
** 3584.  Prefill of 8192: (4096 x 4097 / 2 + 4096 x 4096) / 8192 =
** 3072.25.  A window no shorter than the request changes nothing. */
static void test_window_context(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	gpt_oss_120b(&m);
	rl_model_shape_of(&m, &s);
	near(rl_ctx_decode(&s, 1000, 1000), 814.0, 1e-12);
	near(rl_ctx_prefill(&s, 1000), 310.186, 1e-12);

	set(&m, 32, 4096, 32, 8, 128, 14336, 32000, 1, 1);
	m.sliding_window = 4096;
	rl_model_shape_of(&m, &s);
	near(s.window_share, 1.0, 1e-12);
	near(rl_ctx_decode(&s, 2048, 4096), 3584.0, 1e-12);
	near(rl_ctx_prefill(&s, 8192), 3072.25, 1e-12);
	near(rl_ctx_decode(&s, 2048, 2048), 2048 + 1024.0, 1e-12);
	near(rl_ctx_prefill(&s, 4096), 4097 / 2.0, 1e-12);
	near(rl_ctx_decode(&s, 8000, 100), 4096.0, 1e-12);
}

/* Llama-3 8B at FP8 on one H100 (spec-sheet rates), the parameter
** table's default profile. */
static void h100_8b(rl_config *c)
{
	rl_config_defaults(c);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 80e9;
	c->scen.precision = RL_PREC_FP8;
	c->scen.tp = 1;
	c->scen.chips = 1;
	fx_llama3_8b(&c->model);
}

/* The engine reads the KV cache of the window only: a decode-only
** iteration of n sequences reads n x (context + 1) tokens of KV (the
** context, and the new token's write), so with a 128-token window on
** every layer, 1000 in / 1000 out, its KV time falls from 1501 to 129
** tokens' worth per sequence, with the same batch (the KV cache is still
** reserved for the whole request).  Any profile: the KV bandwidth
** cancels in the ratio. */
static void test_window_in_engine(void **state)
{
	rl_config c;
	rl_result full, win;
	(void)state;
	h100_8b(&c);
	c.scen.isl = 1000;
	c.scen.osl = 1000;
	c.scen.batch = 64;
	assert_int_equal(rl_serve(&c, &full), RL_OK);
	c.model.sliding_window = 128;
	assert_int_equal(rl_serve(&c, &win), RL_OK);
	near(win.decode_seqs, full.decode_seqs, 1e-12);
	near(win.decode.attn_memory_s / full.decode.attn_memory_s,
	     129.0 / 1501.0, 1e-9);
	near(win.decode.attn_compute_s / full.decode.attn_compute_s,
	     128.0 / 1500.0, 1e-9);
	/* a window as long as the request is no window */
	c.model.sliding_window = 2000;
	assert_int_equal(rl_serve(&c, &win), RL_OK);
	near(win.output_tps, full.output_tps, 1e-12);
	/* more full-attention layers than layers is bad input */
	c.model.full_attn_layers = 33;
	assert_int_equal(rl_serve(&c, &win), RL_EINVAL);
}

/* A shared expert is read by every decode iteration, whatever the batch:
** adding Maverick's shared expert adds 24 MoE layers x 125,829,120 FP8
** bytes over 8 chips = 377,487,360 bytes per chip at 3.35 TB/s =
** 0.11268 ms (at the profile's memory efficiency) to a batch-1 decode
** iteration (its activations add about
** 52 KB more: below 0.1%).  The routed experts are read only as touched:
** that iteration reads far less than all 400.7 GB / 8. */
static void test_moe_shared_weights_read(void **state)
{
	rl_config c;
	rl_result with, without;
	(void)state;
	h100_8b(&c);
	set(&c.model, 48, 5120, 40, 8, 128, 8192, 202048, 128, 1);
	c.model.dense_layers = 24;
	c.model.dense_ffn_hidden = 16384;
	c.scen.tp = 8;
	c.scen.chips = 8;
	c.scen.isl = 16;
	c.scen.osl = 2;
	c.scen.batch = 1;
	assert_int_equal(rl_serve(&c, &without), RL_OK);
	c.model.shared_experts = 1;
	assert_int_equal(rl_serve(&c, &with), RL_OK);
	near(with.decode.gemm_memory_s - without.decode.gemm_memory_s,
	     377487360.0 / (3.35e12 * c.prof.eff_memory), 1e-3);
	assert_true(with.decode.gemm_memory_s <
	            0.1 * 400.7e9 / 8 / (3.35e12 * c.prof.eff_memory));
	/* dense layers beyond the layer count are bad input */
	c.model.dense_layers = 49;
	assert_int_equal(rl_serve(&c, &with), RL_EINVAL);
}

/* Qwen3-30B-A3B (models-more.csv qwen3-30b-a3b): L 48, d 2048, 32 heads
** of 128, 4 KV heads, 128 experts of width 768, 8 a token, every layer
** MoE, V 151,936, untied.  Per layer: Q 2048 x 4096 = 8,388,608, K and V
** 2048 x 512 = 1,048,576 each, O 4096 x 2048 = 8,388,608 (attention
** 18,874,368), two norms 4,096, router 2048 x 128 = 262,144, experts 128 x
** 3 x 2048 x 768 = 603,979,776: 623,120,384, x 48 = 29,909,778,432; the
** embedding and the LM head 2 x 151,936 x 2048 = 622,329,856 and the final
** norm 2,048: 30,532,110,336, the DERIVED 30,532,122,624 less the QK-norms'
** 48 x 2 x 128 = 12,288 (not modelled).  Active: 8 experts, 37,748,736, in
** place of 128 gives 56,889,344 a layer, x 48 = 2,730,688,512, + 622,331,904
** = 3,353,020,416, the DERIVED 3,353,032,704 less 12,288; published 30.5 B
** and 3.3 B. */
static void test_qwen3_30b(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	set(&m, 48, 2048, 32, 4, 128, 768, 151936, 128, 8);
	rl_model_shape_of(&m, &s);
	near(s.params_total, 30532110336.0, 1e-12);
	near(s.params_total + 12288.0, 30532122624.0, 1e-12);
	near(s.params_total, 30.5e9, 2e-3);
	near(s.params_active, 3353020416.0, 1e-12);
	near(s.params_active + 12288.0, 3353032704.0, 1e-12);
	near(s.params_active, 3.3e9, 2e-2);
}

/* DeepSeek-R1 (models-more.csv deepseek-r1 and its notes): L 61, d 7168,
** 128 heads, V 129280, untied; MLA with q_lora_rank 1536, kv_lora_rank
** 512, qk_rope 64, qk_nope = v_head_dim = 128; 3 dense layers of width
** 18432, 58 MoE layers of 256 routed experts of width 2048 (top-8) and 1
** shared.  Attention per layer: query down 7168 x 1536 = 11,010,048, up
** 1536 x 128 x (128 + 64) = 37,748,736; KV down 7168 x (512 + 64) =
** 4,128,768; KV up 512 x 128 x (128 + 128) = 16,777,216; output 128 x 128
** x 7168 = 117,440,512: 187,105,280.  Norms 2 x 7168 + 1536 + 512 =
** 16,384.  61 x 187,121,664 = 11,414,421,504.  Dense MLPs 3 x (3 x 7168
** x 18432) = 1,189,085,184.  One expert 3 x 7168 x 2048 = 44,040,192;
** an MoE layer 257 x 44,040,192 + router 7168 x 256 = 11,320,164,352, x
** 58 = 656,569,532,416.  Embedding and head 2 x 129280 x 7168 =
** 1,853,358,080, final norm 7168.  Total 671,026,404,352: the DERIVED
** 671,026,419,200 less the 58 x 256 = 14,848 routing-correction biases
** (e_score_correction_bias), exactly.  Active: an MoE layer 9 x
** 44,040,192 + 1,835,008 = 398,196,736, x 58 = 23,095,410,688;
** 11,414,421,504 + 1,189,085,184 + 23,095,410,688 + 1,853,358,080 + 7168
** = 37,552,282,624 (DERIVED 37,552,297,472, the same 14,848 apart).
** Linear FLOPs: 2 x (37,552,282,624 - 1,853,358,080 - 61 x 16,384 - 7168)
** + 2 x 926,679,040 = 73,249,193,984.  Cache: 61 x (512 + 64) = 35,136
** values per token.  Decode attention (absorbed): per layer, head and
** context token (576 + 512) x 2 = 2176 FLOPs, x 61 x 128 = 16,990,208;
** prefill (plain form, q/k 192, v 128): (192 + 128) x 2 = 640, x 7808 =
** 4,997,120. */
static void deepseek_r1(rl_model *m)
{
	set(m, 61, 7168, 128, 128, 128, 2048, 129280, 256, 8);
	m->shared_experts = 1;
	m->dense_layers = 3;
	m->dense_ffn_hidden = 18432;
	m->q_lora_rank = 1536;
	m->kv_lora_rank = 512;
	m->qk_rope_dim = 64;
}

static void test_deepseek_r1(void **state)
{
	rl_model m;
	rl_model_shape s;
	(void)state;
	deepseek_r1(&m);
	rl_model_shape_of(&m, &s);
	near(s.params_total, 671026404352.0, 1e-12);
	near(s.params_total + 14848.0, 671026419200.0, 1e-12);
	near(s.params_total, 671e9, 1e-3);
	near(s.params_active, 37552282624.0, 1e-12);
	near(s.params_active + 14848.0, 37552297472.0, 1e-12);
	near(s.params_active, 37e9, 1.5e-2);
	near(s.linear_flops_per_token, 73249193984.0, 1e-12);
	near(s.kv_elems_per_token, 35136.0, 1e-12);
	near(s.attn_flops_per_ctx, 16990208.0, 1e-12);
	near(s.attn_flops_per_ctx_prefill, 4997120.0, 1e-12);
	near(s.attn_scores_per_ctx, 7808.0, 1e-12);
	assert_true(s.kv_per_head == 0);
	/* a layer's GEMM inputs and outputs per token: the dense form's d +
	** (h + 2 kv) dh + h dh + d = 7168 + 49,152 + 16,384 + 7168, its MLPs'
	** 2 d each, (58 x (8 + 1) + 3) / 61 = 525 / 61 of them a layer, and
	** their 3 x (58 x 9 x 2048 + 3 x 18432) / 61 = 3,373,056 / 61 wide
	** tensors; latent attention replaces the (h + 2 kv) dh = 49,152 by
	** the query's 2 q + h (dh + r) = 3072 + 24,576, the KV down's c + r =
	** 576 out, the KV up's c = 512 in and h 2 dh = 32,768 out: 12,352
	** more.  79,872 + 12,352 + (525 x 2 x 7168 + 3,373,056) / 61 */
	near(s.act_elems_per_token_layer, 92224.0 + 10899456.0 / 61, 1e-12);
	/* without a query rank the query is one d x h (dh + r) matrix:
	** 7168 x 24576 = 176,160,768 in place of 48,758,784 and its norm
	** 1536, 127,400,448 more per layer */
	m.q_lora_rank = 0;
	rl_model_shape_of(&m, &s);
	near(s.params_total, 671026404352.0 + 61 * 127400448.0, 1e-12);
}

/* DeepSeek-R1 at FP8 with a 16-bit KV cache and 16-bit embedding and LM
** head on 8 chips of H100 rates and 141 GB (tp 8): every rank holds the whole latent of a token, 35,136 x 2
** = 70,272 bytes, not an eighth; the KV capacity is what the memory left
** after weights and runtime holds at that size; a decode iteration costs
** 2176 FLOPs per score (absorbed form) and a prefill-only one 640 (plain
** form); its decode scores are the decode sequences x 1500 keys (1000 in,
** 1000 out: isl + osl / 2) x 61 x 128 / 8; and the latent is read once
** for all heads, whatever kv_group_reread says. */
static void test_deepseek_r1_engine(void **state)
{
	rl_config c;
	rl_result r, rr;
	double rate;
	(void)state;
	h100_8b(&c);
	deepseek_r1(&c.model);
	c.chip.hbm_bytes = 141e9;
	c.scen.kv_precision = RL_PREC_BF16;
	c.prof.head_precision = RL_PREC_BF16;
	c.scen.tp = 8;
	c.scen.chips = 8;
	c.scen.isl = 1000;
	c.scen.osl = 1000;
	c.scen.batch = 64;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	/* weights: the parameters at one byte, the embedding and LM head
	** (2 x 926,679,040) at two: 671,026,404,352 + 1,853,358,080 =
	** 672,879,762,432 bytes, an eighth per chip */
	near(r.weights_bytes, 672879762432.0, 1e-12);
	near(r.weights_bytes_per_chip, 672879762432.0 / 8, 1e-12);
	near(r.kv_bytes_per_token, 70272.0, 1e-12);
	near(r.kv_bytes_per_token_per_chip, 70272.0, 1e-12);
	near(r.kv_capacity_tokens * 70272.0,
	     (141e9 - r.weights_bytes_per_chip - r.runtime_bytes) *
	         c.prof.kv_fraction,
	     1e-9);
	rate = 989.4e12 * c.prof.eff_attention;
	near(r.decode.attn_compute_s * rate / r.decode.attn_scores, 2176.0,
	     1e-9);
	near(r.decode.attn_scores, r.decode_seqs * 1500.0 * 61 * 128 / 8,
	     1e-9);
	c.prof.kv_group_reread = 1;
	assert_int_equal(rl_serve(&c, &rr), RL_OK);
	near(rr.decode.attn_memory_s, r.decode.attn_memory_s, 1e-12);
	c.scen.osl = 1;
	assert_int_equal(rl_serve(&c, &r), RL_OK);
	near(r.prefill.attn_compute_s * rate / r.prefill.attn_scores, 640.0,
	     1e-9);
	/* a query rank without a latent is bad input */
	c.model.kv_lora_rank = 0;
	assert_int_equal(rl_serve(&c, &r), RL_EINVAL);
}

/* The shape parameters are in the parameter table with their choices. */
static void test_params_rows(void **state)
{
	const rl_param *p;
	(void)state;
	p = rl_param_find("model", "mlp");
	assert_non_null(p);
	assert_int_equal(p->type, RL_PT_ENUM);
	assert_string_equal(p->choices[RL_MLP_PLAIN], "plain");
	assert_non_null(rl_param_find("model", "parallel_attn_mlp"));
	assert_non_null(rl_param_find("model", "sliding_window"));
	assert_non_null(rl_param_find("model", "full_attn_layers"));
	assert_non_null(rl_param_find("model", "shared_experts"));
	assert_non_null(rl_param_find("model", "dense_layers"));
	assert_non_null(rl_param_find("model", "dense_ffn_hidden"));
	assert_non_null(rl_param_find("model", "q_lora_rank"));
	assert_non_null(rl_param_find("model", "kv_lora_rank"));
	assert_non_null(rl_param_find("model", "qk_rope_dim"));
}

/* The dense layers' shares (rl_dense_shares_of) of a toy MoE model: 4
** layers, d 1024, 8 heads and 8 KV heads of 128, experts of f 4096 (4, 2
** a token, gated, no shared one), vocabulary 1000, untied; 1 dense layer
** with a gated MLP of 8192.  Per layer: attention 4 x 1024 x 1024 =
** 4,194,304, norms 2048; the dense layer's MLP 3 x 1024 x 8192 =
** 25,165,824; an MoE layer's router 1024 x 4 = 4096.
**   layers 1 / 4;
**   linear FLOPs besides routed experts: (4,194,304 + 25,165,824) /
**     (4 x 4,194,304 + 25,165,824 + 3 x 4096) = 29,360,128 / 41,955,328;
**   parameters besides routed experts: (4,196,352 + 25,165,824) /
**     (4 x 4,196,352 + 25,165,824 + 3 x 4096) = 29,362,176 / 41,963,520;
**   GEMM inputs and outputs: a layer's attention d + (h + 2 kv) dh + h dh
**     + d = 6144, the dense MLP's 2 d + 3 x 8192 = 26,624, an MoE layer's
**     2 experts x (2 d + 3 x 4096) = 28,672: (6144 + 26,624) / (4 x 6144 +
**     26,624 + 3 x 28,672) = 32,768 / 137,216.
** A model of one kind (Mixtral: MoE throughout) has all four 0. */
static void test_dense_shares(void **state)
{
	rl_model m;
	rl_model_shape s;
	rl_dense_shares d;
	(void)state;
	set(&m, 4, 1024, 8, 8, 128, 4096, 1000, 4, 2);
	m.dense_layers = 1;
	m.dense_ffn_hidden = 8192;
	rl_model_shape_of(&m, &s);
	rl_dense_shares_of(&m, &s, &d);
	near(d.layers, 0.25, 1e-12);
	near(d.flops, 29360128.0 / 41955328.0, 1e-12);
	near(d.params, 29362176.0 / 41963520.0, 1e-12);
	near(d.act, 32768.0 / 137216.0, 1e-12);
	fx_mixtral_8x7b(&m);
	rl_model_shape_of(&m, &s);
	rl_dense_shares_of(&m, &s, &d);
	assert_true(d.layers == 0 && d.flops == 0 && d.params == 0 &&
	            d.act == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_gptj),
	    cmocka_unit_test(test_falcon),
	    cmocka_unit_test(test_maverick),
	    cmocka_unit_test(test_dense_shares),
	    cmocka_unit_test(test_scout),
	    cmocka_unit_test(test_dense_ignores_moe_fields),
	    cmocka_unit_test(test_gpt_oss_params),
	    cmocka_unit_test(test_gpt_oss_active),
	    cmocka_unit_test(test_window_context),
	    cmocka_unit_test(test_window_in_engine),
	    cmocka_unit_test(test_moe_shared_weights_read),
	    cmocka_unit_test(test_qwen3_30b),
	    cmocka_unit_test(test_deepseek_r1),
	    cmocka_unit_test(test_deepseek_r1_engine),
	    cmocka_unit_test(test_params_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
