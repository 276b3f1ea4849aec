/*
** outputs.c: the table of named results (see outputs.h).  Adding a result
** that tables, JSON, sweeps and reports show means adding one row here.
*/
#include "outputs.h"

#include <math.h>
#include <string.h>

#define GET(fn, expr) \
	static double fn(const rl_result *r) { return (expr); }

/* the part of an iteration's host time not hidden under the GPU's work
** (profile.host_overlap), so that the breakdown's five parts add up to the
** iteration's time */
GET(g_pre_over, r->prefill.overhead_s - r->prefill.overhead_hidden_s)
GET(g_dec_over, r->decode.overhead_s - r->decode.overhead_hidden_s)

GET(g_out_tps, r->output_tps)
GET(g_tot_tps, r->total_tps)
GET(g_out_tps_chip, r->output_tps_per_chip)
GET(g_tot_tps_chip, r->total_tps_per_chip)
GET(g_req_s, r->requests_per_s)
GET(g_ttft, r->ttft_s)
GET(g_tpot, r->tpot_s)
GET(g_e2e, r->e2e_s)
GET(g_conc, r->concurrency)
GET(g_dec_seqs, r->decode_seqs)
GET(g_pre_tok, r->prefill_tokens)
GET(g_limit, (double)r->concurrency_limit)
GET(g_replicas, r->replicas)
GET(g_mfu, r->mfu)
/* HBM bytes of a decode iteration over its time at peak bandwidth: at most
** 1 by construction, the iteration's time being at least those bytes at
** eff_memory and eff_kv_memory (each at most 1: params.c), every other part
** (compute beyond memory, fixed kernel time, SRAM reads, exposed
** communication, host time) adding to it (model/engine.c, iter_cost).  The
** engine's quotient passes 1 by the rounding of its sums alone: 1 + 2^-52
** where every byte streams at full bandwidth and nothing else takes time
** (sohu-matmul-vs-hbm's sweep under etched-claim).  Shown and stored as 1
** within 1e-12 above it; more is not rounding and is left to be seen (a
** NaN stays a NaN). */
static double g_mbu(const rl_result *r)
{
	return r->mbu > 1 && r->mbu <= 1 + 1e-12 ? 1.0 : r->mbu;
}
GET(g_pre_bound, (double)r->prefill_bound)
GET(g_pre_time, r->prefill.time_s)
GET(g_dec_bound, (double)r->decode_bound)
GET(g_dec_time, r->decode.time_s)
GET(g_w_bytes, r->weights_bytes)
GET(g_w_chip, r->weights_bytes_per_chip)
GET(g_kv_tok, r->kv_bytes_per_token)
GET(g_kv_tok_chip, r->kv_bytes_per_token_per_chip)
GET(g_kv_cap, r->kv_capacity_bytes)
GET(g_kv_used, r->kv_used_bytes)
GET(g_runtime, r->runtime_bytes)
GET(g_free, r->free_bytes)
GET(g_params, r->shape.params_total)
GET(g_params_act, r->shape.params_active)
GET(g_flops_tok, r->shape.linear_flops_per_token)
GET(g_flops_s, r->avg_flops_per_s)
GET(g_hbm_s, r->avg_hbm_Bps)
GET(g_link_s, r->avg_link_Bps)
GET(g_sram_s, r->avg_sram_Bps)
GET(g_sram_res, r->sram_resident_bytes)
GET(g_pre_gemm, r->prefill.gemm_fixed_s +
                   fmax(r->prefill.gemm_compute_s, r->prefill.gemm_memory_s))
GET(g_pre_attn, fmax(r->prefill.attn_compute_s, r->prefill.attn_memory_s) -
                   rl_iter_attn_hidden(&r->prefill))
GET(g_pre_elem, r->prefill.elementwise_s)
GET(g_pre_comm, r->prefill.comm_exposed_s)
GET(g_dec_gemm, r->decode.gemm_fixed_s +
                   fmax(r->decode.gemm_compute_s, r->decode.gemm_memory_s))
GET(g_dec_attn, fmax(r->decode.attn_compute_s, r->decode.attn_memory_s) -
                   rl_iter_attn_hidden(&r->decode))
GET(g_dec_elem, r->decode.elementwise_s)
GET(g_dec_comm, r->decode.comm_exposed_s)
GET(g_power_w, r->power_w)
/* output tokens per joule of one chip: its output tokens/s over the watts
** it draws averaged over the workload, the same for the whole system (each
** chip serves chips' share and draws power_w); n/a (NaN) where the power is
** (a chip naming no node) or is not above 0 */
GET(g_tok_per_j, r->power_w > 0 ? r->output_tps_per_chip / r->power_w : NAN)
GET(g_clock_scale, r->clock_scale)
GET(g_power_pre, r->power_prefill_w)
GET(g_power_dec, r->power_decode_w)
GET(g_clock_pre, r->clock_scale_prefill)
GET(g_clock_dec, r->clock_scale_decode)
GET(g_power_limited, (double)r->power_limited)
GET(g_chip_cost, r->chip_cost_usd)
GET(g_chip_price, r->chip_price_usd)
GET(g_usd_mtok_cost, r->usd_per_mtok_cost)
GET(g_usd_mtok_price, r->usd_per_mtok_price)
GET(g_violations, (double)r->violations)
GET(g_over_tdp, (double)(rl_eval_runnable(RL_OK, r) == RL_EPOWER))
GET(g_power_lowest, r->power_lowest_w)

/* Each row's direction (rl_better), from what the figure means, for the
** readers that pick a best (plot heatmap's cell, pareto's frontier):
** - more: throughput, utilization, clock share, output tokens per joule;
**   the KV cache's capacity
**   and the memory left free (headroom for more sequences or longer
**   ones); the FLOP/s achieved per chip (the same work done faster: the
**   absolute form of MFU);
** - less: time, cost, power, violations; a footprint the same model
**   needs, weights (whole and per chip), KV cache per token (whole and per
**   chip) and the runtime's reservation (each byte of it is one the KV
**   cache cannot have);
** - neither, where a reading makes each way better: the batch figures
**   (more sequences in flight serve more tokens and wait longer for
**   each: throughput and latency say which is wanted), the replicas (a
**   split of the chips, not a result), the KV cache in use (what the
**   load fills, not room), the SRAM-resident weights (a setting's
**   size), the model's own sizes (the workload, not the design), the
**   HBM, SRAM and link traffic per second (more with more tokens served,
**   less with fewer bytes a token: MBU and the times say which), and a
**   bound's or a limit's name. */
static const rl_output table[] = {
{"throughput.output_tokens_per_s", "tokens/s", "tokens/s", 1,
 RL_OT_NUM, RL_BETTER_MORE,
 g_out_tps, "output tokens per second, whole system"},
{"throughput.total_tokens_per_s", "tokens/s", "tokens/s", 1,
 RL_OT_NUM, RL_BETTER_MORE,
 g_tot_tps, "input + output tokens per second, whole system"},
{"throughput.output_tokens_per_s_per_chip", "tokens/s", "tokens/s", 1,
 RL_OT_NUM, RL_BETTER_MORE,
 g_out_tps_chip, "output tokens per second per chip"},
{"throughput.total_tokens_per_s_per_chip", "tokens/s", "tokens/s", 1,
 RL_OT_NUM, RL_BETTER_MORE,
 g_tot_tps_chip, "input + output tokens per second per chip"},
{"throughput.requests_per_s", "1/s", "req/s", 1, RL_OT_NUM, RL_BETTER_MORE,
 g_req_s, "completed requests per second"},
{"latency.ttft_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_ttft,
 "time to first token (service time, no queueing)"},
{"latency.tpot_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_tpot,
 "time per output token after the first"},
{"latency.e2e_s", "s", "s", 1, RL_OT_NUM, RL_BETTER_LESS,
 g_e2e, "request service time"},
{"batch.concurrency", "sequences", "sequences", 1, RL_OT_NUM, RL_BETTER_NONE,
 g_conc, "sequences in flight per replica"},
{"batch.decode_sequences", "sequences", "sequences", 1,
 RL_OT_NUM, RL_BETTER_NONE,
 g_dec_seqs, "sequences decoding in one iteration"},
{"batch.prefill_tokens_per_iter", "tokens", "tokens", 1,
 RL_OT_NUM, RL_BETTER_NONE,
 g_pre_tok, "prefill tokens per iteration, average"},
{"batch.limit", "", "", 1, RL_OT_LIMIT, RL_BETTER_NONE, g_limit,
 "what caps concurrency"},
{"batch.replicas", "", "", 1, RL_OT_NUM, RL_BETTER_NONE, g_replicas,
 "data-parallel replicas (chips / (tp x pp))"},
{"utilization.mfu", "", "%", 1e-2, RL_OT_NUM, RL_BETTER_MORE, g_mfu,
 "model FLOPs / (chips x peak) at the compute precision"},
{"utilization.mbu", "", "%", 1e-2, RL_OT_NUM, RL_BETTER_MORE, g_mbu,
 "HBM bandwidth used in a decode iteration / peak"},
{"prefill.bound", "", "", 1, RL_OT_BOUND, RL_BETTER_NONE, g_pre_bound,
 "what bounds an iteration carrying prefill"},
{"prefill.iteration_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_pre_time,
 "time of an iteration carrying prefill"},
{"prefill.gemm_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_pre_gemm,
 "of which GEMMs (linear layers: their kernels' fixed time plus the max of compute and weight traffic)"},
{"prefill.attention_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_pre_attn,
 "of which attention (max of compute and KV traffic)"},
{"prefill.elementwise_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS,
 g_pre_elem,
 "of which elementwise kernels (norms, residual adds, activations; the sampler's passes over the logits)"},
{"prefill.communication_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS,
 g_pre_comm, "of which all-reduces not hidden under compute"},
{"prefill.overhead_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_pre_over,
 "of which fixed overheads (per iteration, layer, sequence) not hidden under the GPU's work (profile.host_overlap)"},
{"decode.bound", "", "", 1, RL_OT_BOUND, RL_BETTER_NONE, g_dec_bound,
 "what bounds the iterations decode tokens see"},
{"decode.iteration_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_dec_time,
 "time of a decode-only iteration"},
{"decode.gemm_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_dec_gemm,
 "of which GEMMs (linear layers: their kernels' fixed time plus the max of compute and weight traffic)"},
{"decode.attention_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_dec_attn,
 "of which attention (max of compute and KV traffic)"},
{"decode.elementwise_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_dec_elem,
 "of which elementwise kernels (norms, residual adds, activations; the sampler's passes over the logits)"},
{"decode.communication_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS,
 g_dec_comm, "of which all-reduces not hidden under compute"},
{"decode.overhead_s", "s", "ms", 1e-3, RL_OT_NUM, RL_BETTER_LESS, g_dec_over,
 "of which fixed overheads (per iteration, layer, sequence) not hidden under the GPU's work (profile.host_overlap)"},
{"memory.weights_bytes", "bytes", "GB", 1e9, RL_OT_NUM, RL_BETTER_LESS,
 g_w_bytes, "weights, whole model"},
{"memory.weights_bytes_per_chip", "bytes", "GB", 1e9, RL_OT_NUM, RL_BETTER_LESS,
 g_w_chip, "weights per chip"},
{"memory.kv_bytes_per_token", "bytes", "KiB", 1024, RL_OT_NUM, RL_BETTER_LESS,
 g_kv_tok, "KV cache per token, whole model"},
{"memory.kv_bytes_per_token_per_chip", "bytes", "KiB", 1024,
 RL_OT_NUM, RL_BETTER_LESS,
 g_kv_tok_chip, "KV cache per token per chip"},
{"memory.kv_capacity_bytes", "bytes", "GB", 1e9, RL_OT_NUM, RL_BETTER_MORE,
 g_kv_cap, "KV cache capacity per chip"},
{"memory.kv_used_bytes", "bytes", "GB", 1e9, RL_OT_NUM, RL_BETTER_NONE,
 g_kv_used, "KV cache in use per chip, steady state"},
{"memory.runtime_bytes", "bytes", "GB", 1e9, RL_OT_NUM, RL_BETTER_LESS,
 g_runtime, "runtime reservation per chip"},
{"memory.free_bytes", "bytes", "GB", 1e9, RL_OT_NUM, RL_BETTER_MORE, g_free,
 "memory left free per chip (HBM, and the resident share of SRAM where "
 "chip.sram_resident_share > 0)"},
{"memory.sram_resident_bytes_per_chip", "bytes", "MB", 1e6,
 RL_OT_NUM, RL_BETTER_NONE,
 g_sram_res,
 "weights per chip kept resident in SRAM and read from it, not from HBM "
 "(chip.sram_resident_share; their HBM copy stays in weights unless "
 "chip.sram_hbm_copy is false)"},
{"model.params", "", "B", 1e9, RL_OT_NUM, RL_BETTER_NONE,
 g_params, "parameters, total"},
{"model.active_params", "", "B", 1e9, RL_OT_NUM, RL_BETTER_NONE, g_params_act,
 "parameters one token touches"},
{"model.linear_flops_per_token", "FLOP", "GFLOP", 1e9,
 RL_OT_NUM, RL_BETTER_NONE,
 g_flops_tok, "linear-layer FLOPs per token"},
{"rates.flops_per_s_per_chip", "FLOP/s", "TFLOP/s", 1e12,
 RL_OT_NUM, RL_BETTER_MORE,
 g_flops_s, "FLOP/s achieved per chip, average"},
{"rates.hbm_bytes_per_s_per_chip", "bytes/s", "TB/s", 1e12,
 RL_OT_NUM, RL_BETTER_NONE,
 g_hbm_s, "HBM traffic per chip, average"},
{"rates.sram_bytes_per_s_per_chip", "bytes/s", "TB/s", 1e12,
 RL_OT_NUM, RL_BETTER_NONE,
 g_sram_s, "SRAM traffic per chip, average, in place of HBM traffic: "
 "resident weights, the KV cache they leave room for, and without HBM every "
 "byte"},
{"rates.link_bytes_per_s_per_chip", "bytes/s", "GB/s", 1e9,
 RL_OT_NUM, RL_BETTER_NONE,
 g_link_s, "link traffic sent per chip, average"},
{"power.watts", "W", "W", 1, RL_OT_NUM, RL_BETTER_LESS, g_power_w,
 "power one chip draws on this workload, averaged over time (n/a where "
 "the chip names no node)"},
{"power.output_tokens_per_joule", "tokens/J", "tokens/J", 1, RL_OT_NUM,
 RL_BETTER_MORE, g_tok_per_j,
 "output tokens per joule, a chip's (and the system's): output tokens/s per "
 "chip / power.watts, i.e. tokens/s per W; the chips' energy alone, not the "
 "server's or the data centre's (cost.server_overhead, cost.pue)"},
{"power.clock_scale", "", "", 1, RL_OT_NUM, RL_BETTER_MORE, g_clock_scale,
 "the lower of prefill_clock_scale and decode_clock_scale: share of the "
 "nominal clock in the phase the TDP lowers most (< 1: lowered to fit the "
 "TDP)"},
{"power.prefill_watts", "W", "W", 1, RL_OT_NUM, RL_BETTER_LESS, g_power_pre,
 "power while the chip runs an iteration carrying prefill (the TDP binds on "
 "each phase)"},
{"power.decode_watts", "W", "W", 1, RL_OT_NUM, RL_BETTER_LESS, g_power_dec,
 "power while the chip runs a decode-only iteration"},
{"power.prefill_clock_scale", "", "", 1, RL_OT_NUM, RL_BETTER_MORE, g_clock_pre,
 "clock share in iterations carrying prefill"},
{"power.decode_clock_scale", "", "", 1, RL_OT_NUM, RL_BETTER_MORE, g_clock_dec,
 "clock share in decode-only iterations"},
{"power.limited", "", "", 1, RL_OT_NUM, RL_BETTER_LESS, g_power_limited,
 "1: the TDP limit lowered the clock and the throughput"},
{"power.over_tdp", "", "", 1, RL_OT_NUM, RL_BETTER_LESS, g_over_tdp,
 "1: over the TDP even at the lowest clock; the throughput is at full "
 "clock, one the chip cannot run at (claim, solve and sweeps read it as "
 "not evaluable: status 4)"},
{"power.lowest_clock_watts", "W", "W", 1, RL_OT_NUM, RL_BETTER_LESS,
 g_power_lowest,
 "where over the TDP at every clock, the power at the lowest clock tried "
 "(power.over_tdp; n/a otherwise)"},
{"cost.chip_cost_usd", "USD", "USD", 1, RL_OT_NUM, RL_BETTER_LESS, g_chip_cost,
 "manufacturing cost of one chip (wafer, yield, HBM, package; n/a where "
 "the chip names no node)"},
{"cost.chip_price_usd", "USD", "USD", 1, RL_OT_NUM, RL_BETTER_LESS,
 g_chip_price,
 "price a buyer pays for one chip: its preset's (cost.price_usd), not "
 "following chip.* or design.* numbers set or swept; n/a where not given"},
{"cost.usd_per_million_tokens_at_cost", "USD/Mtoken", "USD/Mtoken", 1,
 RL_OT_NUM, RL_BETTER_LESS,
 g_usd_mtok_cost,
 "chips at manufacturing cost (amortized) and energy per million output "
 "tokens, system"},
{"cost.usd_per_million_tokens_at_price", "USD/Mtoken", "USD/Mtoken", 1,
 RL_OT_NUM, RL_BETTER_LESS,
 g_usd_mtok_price,
 "chips at their price (their preset's, amortized) and energy per million "
 "output tokens, system"},
{"silicon.violations", "", "", 1, RL_OT_NUM, RL_BETTER_LESS, g_violations,
 "physical constraints violated (flags: 1 reticle, 2 HBM edge, 4 PHY area, "
 "16 over TDP at any clock, 32 density past what the node allows its "
 "logic and SRAM shares)"},
};

const rl_output *rl_outputs(size_t *count)
{
	if (count)
		*count = sizeof table / sizeof table[0];
	return table;
}

const rl_output *rl_output_find(const char *name)
{
	size_t n, i;
	const rl_output *t = rl_outputs(&n);
	for (i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return &t[i];
	return NULL;
}

int rl_output_text_if_nonzero(const rl_output *o)
{
	return o->get == g_sram_s || o->get == g_sram_res ||
	       o->get == g_over_tdp || o->get == g_power_lowest;
}

int rl_output_over_tdp(const rl_output *o)
{
	/* silicon.violations: its checks come before power's, and its flag
	** 16 is this state's own */
	return o->get == g_over_tdp || o->get == g_power_lowest ||
	       o->get == g_violations;
}

const char *rl_output_text(const rl_output *o, double v)
{
	if (o->type == RL_OT_BOUND)
		return rl_bound_name((int)v);
	if (o->type == RL_OT_LIMIT)
		return rl_limit_name((int)v);
	return "";
}
