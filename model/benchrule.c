/*
** benchrule.c: trtllm-bench's own choice of max batch size and token
** budget (benchrule.h has the formula, its source and its assumptions).
*/
#include "benchrule.h"
#include "engine.h"
#include "fminmax.h"

#include <math.h>

/* calc_engine_setting's bytes per element of a quantization: FP8 1,
** 4-bit 0.5, anything else 2 (its table's default) */
static double bench_bytes(int prec)
{
	switch (prec) {
	case RL_PREC_FP8:
		return 1.0;
	case RL_PREC_FP4:
		return 0.5;
	default:
		return 2.0;
	}
}

double rl_trtllm_bench_kv_tokens(const rl_bench_inputs *in)
{
	double kv_heads = rl_fmax(in->tp, in->kv_heads);
	double byte_per_token =
	    2.0 * in->layers * kv_heads * in->head_dim * in->byte_per_kv_elem;
	double total = in->device_bytes * in->tp * in->pp;
	double weights = in->params * in->byte_per_elem;
	double kv_memory = (total - weights) * in->kv_fraction;
	return kv_memory / byte_per_token;
}

double rl_trtllm_bench_setting(const rl_bench_inputs *in, double *max_bs,
                               double *max_token)
{
	double requests = rl_trtllm_bench_requests(
	    rl_trtllm_bench_kv_tokens(in), in->isl, in->osl);
	rl_trtllm_bench_finetune(requests, in->isl, in->osl, in->pp, max_bs,
	                         max_token);
	return requests;
}

void rl_bench_inputs_of(const rl_config *cfg, int rule, rl_bench_inputs *in)
{
	const rl_scenario *s = &cfg->scen;
	rl_model_shape sh;
	rl_model_shape_of(&cfg->model, &sh);
	in->params = sh.params_total;
	in->layers = cfg->model.layers;
	in->kv_heads = cfg->model.kv_heads;
	in->head_dim = cfg->model.head_dim;
	in->device_bytes = cfg->chip.hbm_bytes;
	in->tp = (s->tp >= 1 ? s->tp : 1) * (s->ep >= 1 ? s->ep : 1);
	in->pp = s->pp >= 1 ? s->pp : 1;
	in->isl = s->isl;
	in->osl = s->osl;
	in->byte_per_elem = bench_bytes(rl_weight_prec(s));
	in->byte_per_kv_elem = bench_bytes(rl_kv_prec(cfg));
	in->kv_fraction = rule == RL_BATCH_TRTLLM_PYTORCH
	                      ? cfg->prof.kv_fraction
	                      : RL_TRTLLM_BENCH_KV_FRACTION;
}

void rl_batch_rule_apply(rl_config *cfg)
{
	rl_bench_inputs in;
	int rule = (int)cfg->prof.batch_rule;
	if (rule != RL_BATCH_TRTLLM_BUILD && rule != RL_BATCH_TRTLLM_PYTORCH)
		return;
	rl_bench_inputs_of(cfg, rule, &in);
	rl_trtllm_bench_setting(&in, &cfg->prof.max_batch_size,
	                        &cfg->prof.max_num_tokens);
}
