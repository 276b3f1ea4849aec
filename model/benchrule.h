/*
** benchrule.h: the batch size and token budget a benchmark harness picks
** for itself from the model, the chips and the dataset
** (profile.batch_rule).
**
** rl_batch_rule_fixed keeps the profile's max_batch_size and
** max_num_tokens.  The two trtllm-bench rules compute them as
** TensorRT-LLM's trtllm-bench does when it is given neither number
** (tensorrt_llm/bench/build/tuning.py, calc_engine_setting and
** finetune_setting): `trtllm-bench build` of versions 0.12-0.17 (TensorRT
** backend), and `trtllm-bench throughput --backend pytorch` of 0.19 and
** later through get_benchmark_engine_settings.  ASSUMPTION: that file is
** not in this repository (nor in ../shared); the formula below is recalled
** from it, not copied, and checked only against what we hold:
** published-methodology.md's example, which prints max runtime batch 4096
** and tokens 8192 (Llama-3 8B FP8 at 128/128 on one H100 gives exactly
** that: tests/test_benchrule.c).
**
**   byte_per_elem    = 1 for FP8 weights, 0.5 for 4-bit, else 2
**   byte_per_kv_elem = likewise for the KV cache
**   byte_per_token   = 2 layers max(tp, kv_heads) head_dim byte_per_kv_elem
**   kv_memory        = (device_memory tp pp - params byte_per_elem) x frac
**   kv_max_requests  = kv_memory / byte_per_token / (isl + osl)
**   raw_bs    = min(kv_max_requests, 4096) / pp
**   raw_token = min(raw_bs (1 + isl / osl), 32768)
**   max_bs    = raw_bs < 256:  max(64, 32 ceil(raw_bs / 32))
**               raw_bs < 1024: 128 ceil(raw_bs / 128)
**               else           256 ceil(raw_bs / 256)
**   max_token = raw_token < 4096: max(2048, 256 ceil(raw_token / 256))
**               raw_token < 8192: 512 ceil(raw_token / 512)
**               else              1024 ceil(raw_token / 1024)
**
** frac is calc_engine_setting's default 0.95 for `trtllm-bench build`
** (ASSUMPTION: the build step is not given the runtime's
** kv_cache_free_gpu_mem_fraction, which belongs to `trtllm-bench
** throughput`), and the profile's kv_fraction for the PyTorch backend,
** whose throughput command passes its own.  The runtime then schedules
** at most max_bs requests and max_token tokens per iteration; the KV cache
** itself is still sized by the engine from the memory really free.
** Pure computation: no I/O, no allocation.
*/
#ifndef RL_BENCHRULE_H
#define RL_BENCHRULE_H

#include "fminmax.h"
#include "rl_config.h"

/* The choices of profile.batch_rule, in the order of params.c's names. */
typedef enum {
	RL_BATCH_FIXED = 0,      /* the profile's own two numbers */
	RL_BATCH_TRTLLM_BUILD,   /* trtllm-bench build (0.12-0.17), frac 0.95 */
	RL_BATCH_TRTLLM_PYTORCH, /* trtllm-bench --backend pytorch, frac = the
	                          * profile's kv_fraction */
	RL_BATCH_COUNT
} rl_batch_rule;

/* calc_engine_setting's default share of the free memory for the KV cache */
#define RL_TRTLLM_BENCH_KV_FRACTION 0.95

/* What calc_engine_setting is given, in SI units (bytes). */
typedef struct {
	double params;           /* parameter count of the whole model */
	double layers, kv_heads, head_dim;
	double device_bytes;     /* memory of one device */
	double tp, pp;
	double isl, osl;         /* the dataset's input and output lengths */
	double byte_per_elem;    /* weights: 1 FP8, 0.5 4-bit, else 2 */
	double byte_per_kv_elem; /* KV cache, likewise */
	double kv_fraction;      /* kv_cache_gpu_mem_fraction */
} rl_bench_inputs;

/* step x ceil(v / step), step a power of two (32 to 1024): v x (1 / step)
** is v / step bit for bit, and inline with a constant step 1 / step is
** folded, so no division is left */
static inline RL_ALWAYS_INLINE double
rl_bench_round_up(double v, double step)
{
	return step * rl_ceil(v * (1 / step));
}

/* The same where 0 < v / step < 2^52 is known, as in the branches below
** past their floors (raw_bs in [256, 4096], raw_token in [4096, 32768]:
** both capped by rl_fmin, never a NaN; v / step in [2, 32]): rl_ceil's
** own sum without its tests of the range, the same double, two compares
** fewer on the path every evaluation under the rule waits on */
static inline RL_ALWAYS_INLINE double
rl_bench_round_up_big(double v, double step)
{
	double x = v * (1 / step);
	double r = (x + 0x1p52) - 0x1p52;
	return step * (r + (r < x ? 1.0 : 0.0));
}

/* finetune_setting: max_bs and max_token from the requests the KV cache
** holds (kv_max_requests), the lengths and pp (>= 1).  Inline, as
** rl_trtllm_bench_requests below: every evaluation under the rule runs
** them (eval.c). */
static inline RL_ALWAYS_INLINE void rl_trtllm_bench_finetune(double kv_max_requests,
                                            double isl, double osl,
                                            double pp, double *max_bs,
                                            double *max_token)
{
	/* (no division by a pp of 1, which would leave every value as it
	** is, NaN too: it lay on the path every evaluation waits on) */
	double raw_bs = pp > 1 ? rl_fmin(kv_max_requests, 4096.0) / pp
	                       : rl_fmin(kv_max_requests, 4096.0);
	double raw_token = rl_fmin(raw_bs * (1.0 + isl / osl), 32768.0);
	if (raw_bs < 256)
		*max_bs = rl_fmax(64.0, rl_bench_round_up(raw_bs, 32));
	else if (raw_bs < 1024)
		*max_bs = rl_bench_round_up_big(raw_bs, 128);
	else
		*max_bs = rl_bench_round_up_big(raw_bs, 256);
	if (raw_token < 4096)
		*max_token = rl_fmax(2048.0, rl_bench_round_up(raw_token, 256));
	else if (raw_token < 8192)
		*max_token = rl_bench_round_up_big(raw_token, 512);
	else
		*max_token = rl_bench_round_up_big(raw_token, 1024);
}

/* calc_engine_setting's KV estimate in two steps: the tokens it holds
** (kv_memory / byte_per_token: the chips' and the model's alone, worked out
** once per design, eval.c), then the requests of isl + osl tokens those
** hold (0 where none, or the estimate is not a number). */
double rl_trtllm_bench_kv_tokens(const rl_bench_inputs *in);

static inline double rl_trtllm_bench_requests(double kv_tokens, double isl,
                                              double osl)
{
	double requests = kv_tokens / (isl + osl);
	return requests > 0 ? requests : 0;
}

/* calc_engine_setting: the requests its KV estimate holds (returned) and
** the two numbers (the two steps above, then finetune_setting).  A model whose weights exceed the devices' memory holds
** none; finetune_setting's floors (64, 2048) are then given, and the
** engine's own memory check reports that it does not fit. */
double rl_trtllm_bench_setting(const rl_bench_inputs *in, double *max_bs,
                               double *max_token);

/* The inputs of cfg's model, chip, scenario and precisions, for rule
** (RL_BATCH_TRTLLM_BUILD or _PYTORCH).  tp is the scenario's tp x ep
** (an attention-data-parallel row runs trtllm-bench with --tp n). */
void rl_bench_inputs_of(const rl_config *cfg, int rule, rl_bench_inputs *in);

/* Where cfg's profile asks for a harness's rule, write the numbers it
** picks for cfg's scenario into cfg->prof.max_batch_size and
** max_num_tokens; with RL_BATCH_FIXED, leave cfg as it is. */
void rl_batch_rule_apply(rl_config *cfg);

#endif
