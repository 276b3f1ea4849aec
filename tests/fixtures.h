/*
** fixtures.h: configuration pieces the C tests (and the benchmark) share:
** the Llama-3 70B and 8B and Mixtral 8x7B shapes (data/sources/models.csv),
** a toy model, the H100 SXM's spec-sheet rates (hardware.csv) on the ideal
** profile and with its [design] and node (data/chips/h100-sxm.ini,
** data/nodes/n4.ini), and a toy chip whose TDP binds.  static inline, so
** each test binary takes what it uses; every test sets the rest itself.
*/
#ifndef RL_TEST_FIXTURES_H
#define RL_TEST_FIXTURES_H

#include "../model/params.h"
#include "../model/rl_config.h"

/* Llama-3 70B (models.csv): dense, untied embeddings. */
static inline void fx_llama3_70b(rl_model *m)
{
	m->layers = 80;
	m->hidden = 8192;
	m->heads = 64;
	m->kv_heads = 8;
	m->head_dim = 128;
	m->ffn_hidden = 28672;
	m->vocab = 128256;
	m->experts = 1;
	m->experts_per_token = 1;
	m->tied_embeddings = 0;
	m->mlp = 0; /* gated */
	m->parallel_attn_mlp = 0;
	m->sliding_window = 0;
	m->full_attn_layers = 0;
	m->shared_experts = 0;
	m->dense_layers = 0;
	m->dense_ffn_hidden = 0;
	m->q_lora_rank = 0;
	m->kv_lora_rank = 0;
	m->qk_rope_dim = 0;
}

/* Llama-3 8B (models.csv): the 70B's KV heads, head size and vocabulary,
** fewer and narrower layers. */
static inline void fx_llama3_8b(rl_model *m)
{
	fx_llama3_70b(m);
	m->layers = 32;
	m->hidden = 4096;
	m->heads = 32;
	m->ffn_hidden = 14336;
}

/* Mixtral 8x7B (models.csv) as the MoE tests take it: the Llama-3 8B's
** layers, widths and KV heads, a 32,000-token vocabulary, 8 experts of
** which each token takes 2. */
static inline void fx_mixtral_8x7b(rl_model *m)
{
	fx_llama3_8b(m);
	m->vocab = 32000;
	m->experts = 8;
	m->experts_per_token = 2;
}

/* A toy dense model whose costs are worked out by hand in the tests: 4
** layers, d 1024, 8 heads (and 8 KV heads) of 128, FFN 4096, vocabulary
** 1000; the rest as the defaults (gated MLP, untied embeddings). */
static inline void fx_toy_model(rl_model *m)
{
	m->layers = 4;
	m->hidden = 1024;
	m->heads = 8;
	m->kv_heads = 8;
	m->head_dim = 128;
	m->ffn_hidden = 4096;
	m->vocab = 1000;
	m->experts = 1;
	m->experts_per_token = 1;
}

/* H100 SXM spec sheet (hardware.csv): dense BF16 and FP8 peaks, HBM3 and
** NVLink bandwidth.  The HBM capacity is the caller's: the tests use
** 80e9 (80 GB) or 85.9e9 (80 GiB). */
static inline void fx_h100_rates(rl_chip *ch)
{
	ch->peak_flops_bf16 = 989.4e12;
	ch->peak_flops_fp8 = 1978.9e12;
	ch->hbm_Bps = 3.35e12;
	ch->link_Bps = 450e9;
}

/* H100 SXM spec sheet (hardware.csv) and the ideal profile, serving
** Llama-3 70B FP8 on one chip (test_engine.c, test_sram.c). */
static inline void fx_h100_ideal(rl_config *c)
{
	rl_config_defaults(c);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 80e9;
	c->prof.eff_compute = 1;
	c->prof.eff_attention = 1;
	c->prof.eff_memory = 1;
	c->prof.eff_kv_memory = 1;
	c->prof.eff_link = 1;
	c->prof.iter_overhead_s = 0;
	c->prof.layer_overhead_s = 0;
	c->prof.seq_overhead_s = 0;
	c->prof.runtime_reserved_bytes = 0;
	c->prof.kv_fraction = 1;
	c->prof.tokens_per_block = 1;
	c->prof.max_num_tokens = 16384;
	c->prof.max_batch_size = 4096;
	c->scen.precision = RL_PREC_FP8;
	c->scen.tp = 1;
	c->scen.chips = 1;
	fx_llama3_70b(&c->model);
}

/* Mixtral 8x7B on the ideal H100 above, one request of 16 tokens in and
** 1001 out at batch 1: a decode iteration carries n = 1000/1001 tokens
** (test_engine.c, test_moe.c). */
static inline void fx_mixtral_batch1(rl_config *c)
{
	fx_h100_ideal(c);
	fx_mixtral_8x7b(&c->model);
	c->scen.isl = 16;
	c->scen.osl = 1001;
	c->scen.batch = 1;
}

/* data/nodes/n4.ini, as the loader would set it */
static inline void fx_node_n4(rl_node *n)
{
	n->logic_density_per_m2 = 147.0e12;
	n->sram_bytes_per_m2 = 2.86e12;
	n->fma_energy_fp16_j = 0.39e-12;
	n->fma_energy_fp8_j = 0.195e-12;
	n->fma_energy_fp4_j = 0.0975e-12;
	n->sram_energy_j_per_byte = 0.97e-12;
	n->wafer_usd = 16988;
	n->wafer_diameter_m = 0.3;
	n->defect_density_per_m2 = 0.10e4;
	n->reticle_m2 = 858e-6;
	n->yield_alpha = 3;
}

/* The H100 SXM: spec sheet, [design] of data/chips/h100-sxm.ini and its
** node (fx_node_n4), serving Llama-3 70B FP8 on one chip (test_silicon.c,
** test_cache.c). */
static inline void fx_h100_design(rl_config *c)
{
	rl_config_defaults(c);
	fx_node_n4(&c->node);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 85.9e9;
	c->chip.tdp_w = 700;
	c->design.die_m2 = 814e-6;
	c->design.transistors = 80e9;
	c->design.fma_units = 528.0 * 512;
	c->design.transistors_per_fma = 10000;
	c->design.clock_hz = 1.83e9;
	c->design.fp8_per_bf16 = 2;
	c->design.energy_overhead = 3.57;
	c->cost.static_w = 70;
	c->cost.hbm_j_per_bit = 5e-12;
	c->cost.link_j_per_bit = 5.5e-12;
	fx_llama3_70b(&c->model);
	c->scen.precision = RL_PREC_FP8;
	c->scen.tp = 1;
	c->scen.chips = 1;
}

/* A toy model (fx_toy_model) on a chip of 1e15 FLOP/s and 1e13 B/s with
** ideal efficiencies and no overheads, 8 sequences of 4096 in / 64 out,
** whose power is static 100 W and 0.4 pJ FMAs alone (dvfs exponent 1):
** test_silicon.c works out where a TDP binds on it, test_cache.c serves
** it through a cache. */
static inline void fx_tdp_toy(rl_config *c)
{
	rl_config_defaults(c);
	fx_toy_model(&c->model);
	c->chip.peak_flops_bf16 = 1e15;
	c->chip.hbm_Bps = 1e13;
	c->chip.hbm_bytes = 80e9;
	c->prof.eff_compute = c->prof.eff_attention = 1;
	c->prof.eff_memory = c->prof.eff_kv_memory = 1;
	c->prof.elementwise_fused = 1;
	c->prof.kv_fraction = 1;
	c->prof.tokens_per_block = 1;
	c->prof.runtime_reserved_bytes = 0;
	c->prof.max_num_tokens = 8192;
	c->scen.precision = RL_PREC_FP16;
	c->scen.isl = 4096;
	c->scen.osl = 64;
	c->scen.tp = 1;
	c->scen.batch = 8;
	c->node.fma_energy_fp16_j = 0.4e-12;
	c->node.sram_energy_j_per_byte = 0;
	c->design.energy_overhead = 1;
	c->cost.static_w = 100;
	c->cost.hbm_j_per_bit = 0;
	c->cost.link_j_per_bit = 0;
	c->cost.hbm_phy_j_per_bit = 0;
	c->cost.vector_j_per_op = 0;
	c->cost.dvfs_exponent = 1;
}

#endif
