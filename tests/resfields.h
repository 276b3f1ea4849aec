/*
** resfields.h: every field of an rl_result (model/engine.h) as numbers,
** for the tests that take two results apart field by field (bench.c's
** hash of every result, test_avxclone.c's compare): its doubles, then its
** integers, then each iteration's (prefill, decode) doubles and bound, in
** a fixed order, without padding or the error text.  A field added to
** rl_result, rl_iter or rl_model_shape belongs here too.
*/
#ifndef RL_TESTS_RESFIELDS_H
#define RL_TESTS_RESFIELDS_H

#include <stddef.h>

#include "../model/engine.h"

#define RF_DOUBLES 62 /* rf_doubles's count */
#define RF_INTS 5     /* rf_ints's */
#define RF_ITER 18    /* rf_iter's doubles (and the bound apart) */

/* the result's doubles, the model's shape among them, into v */
static inline void rf_doubles(const rl_result *r, double v[RF_DOUBLES])
{
	const rl_model_shape *s = &r->shape;
	const double d[RF_DOUBLES] = {
		r->output_tps, r->total_tps, r->output_tps_per_chip,
		r->total_tps_per_chip, r->requests_per_s, r->ttft_s, r->tpot_s,
		r->e2e_s, r->concurrency, r->decode_seqs, r->prefill_tokens,
		r->prefill_chunk, r->prefill_share, r->replicas, r->mfu, r->mbu,
		r->peak_flops, r->weights_bytes, r->weights_bytes_per_chip,
		r->kv_bytes_per_token, r->kv_bytes_per_token_per_chip,
		r->kv_capacity_bytes, r->kv_used_bytes, r->runtime_bytes,
		r->free_bytes, r->sram_resident_bytes, r->kv_capacity_tokens,
		r->avg_flops_per_s, r->avg_hbm_Bps, r->avg_sram_Bps,
		r->avg_link_Bps, r->prefill_iters_per_s, r->decode_iters_per_s,
		r->power_w, r->clock_scale, r->clock_scale_prefill,
		r->clock_scale_decode, r->power_prefill_w, r->power_decode_w,
		r->power_lowest_w, r->clock_scale_lowest, r->chip_cost_usd,
		r->chip_price_usd, r->usd_per_mtok_cost, r->usd_per_mtok_price,
		s->params_total, s->params_active, s->params_embedding,
		s->linear_flops_per_token, s->head_flops_per_token,
		s->attn_flops_per_ctx, s->kv_elems_per_token,
		s->act_elems_per_token_layer, s->elem_elems_full,
		s->elem_elems_split, s->params_expert, s->moe_layers,
		s->attn_flops_per_ctx_prefill, s->kv_per_head,
		s->attn_scores_per_ctx, s->window, s->window_share};
	size_t i;
	for (i = 0; i < RF_DOUBLES; i++)
		v[i] = d[i];
}

/* the result's integers: its limit, bounds, power flag and violations */
static inline void rf_ints(const rl_result *r, int v[RF_INTS])
{
	v[0] = r->concurrency_limit;
	v[1] = r->prefill_bound;
	v[2] = r->decode_bound;
	v[3] = r->power_limited;
	v[4] = r->violations;
}

/* an iteration's doubles (its bound is it->bound) */
static inline void rf_iter(const rl_iter *it, double v[RF_ITER])
{
	const double d[RF_ITER] = {
		it->tokens, it->gemm_compute_s, it->gemm_memory_s,
		it->gemm_fixed_s, it->attn_compute_s, it->attn_memory_s,
		it->elementwise_s, it->comm_s, it->comm_exposed_s,
		it->overhead_s, it->overhead_hidden_s, it->time_s, it->flops,
		it->hbm_bytes, it->sram_bytes, it->link_bytes, it->attn_scores,
		it->vector_elems};
	size_t i;
	for (i = 0; i < RF_ITER; i++)
		v[i] = d[i];
}

#endif
