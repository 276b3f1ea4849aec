/*
** precision.c: bytes per element of each numeric precision, the
** precisions a scenario resolves to (weights, activations, KV cache, the
** matrix units), the chips it runs on, and the names of precisions and
** bounds for display.
*/
#include "precision.h"

static const double prec_bytes[RL_PREC_COUNT] = {
	0.0,  /* auto: resolved by the caller */
	/* fp4 is NVFP4, the 4-bit format of Blackwell's FP4 tensor cores and
	** of the tables' FP4 columns: 4-bit E2M1 values with one FP8 (E4M3)
	** scale per 16 values, 4 + 8/16 = 4.5 bits (NVIDIA's NVFP4
	** description; the per-tensor FP32 scale is negligible).  MXFP4, one
	** 8-bit scale per 32 values, would be 4.25 bits. */
	0.5625, /* fp4 */
	1.0,  /* fp8 */
	2.0,  /* fp16 */
	2.0,  /* bf16 */
	4.0,  /* fp32 */
};

static const char *const prec_names[RL_PREC_COUNT] = {
	"auto", "fp4", "fp8", "fp16", "bf16", "fp32"};

static const char *const bound_names[RL_BOUND_COUNT] = {
	"compute", "memory", "communication", "overhead", "none"};

double rl_precision_bytes(int prec)
{
	return prec >= 0 && prec < RL_PREC_COUNT ? prec_bytes[prec] : 0.0;
}

const char *rl_precision_name(int prec)
{
	return prec >= 0 && prec < RL_PREC_COUNT ? prec_names[prec] : "?";
}

const char *rl_bound_name(int bound)
{
	return bound >= 0 && bound < RL_BOUND_COUNT ? bound_names[bound] : "?";
}

static int resolve(double p, double main)
{
	int v = (int)p;
	return v == RL_PREC_AUTO ? (int)main : v;
}

int rl_weight_prec(const rl_scenario *s)
{
	return resolve(s->weight_precision, s->precision);
}

int rl_act_prec(const rl_scenario *s)
{
	return resolve(s->act_precision, s->precision);
}

int rl_kv_prec(const rl_config *cfg)
{
	/* the scenario's override, else the serving stack's, else precision */
	if ((int)cfg->scen.kv_precision != RL_PREC_AUTO)
		return (int)cfg->scen.kv_precision;
	return resolve(cfg->prof.kv_precision, cfg->scen.precision);
}

int rl_head_prec(const rl_config *cfg)
{
	/* the stack's precision for the embedding and LM head of quantized
	** weights (narrower than 16 bits: what the quantization recipe left
	** them at), never narrower than the other weights; 16-bit and wider
	** weights were not quantized and keep their own */
	int wp = rl_weight_prec(&cfg->scen);
	int hp;
	if (rl_precision_bytes(wp) >= 2)
		return wp;
	hp = resolve(cfg->prof.head_precision, wp);
	return rl_precision_bytes(hp) >= rl_precision_bytes(wp) ? hp : wp;
}

int rl_matrix_prec(const rl_scenario *s)
{
	int wp = rl_weight_prec(s), ap = rl_act_prec(s);
	return rl_precision_bytes(wp) >= rl_precision_bytes(ap) ? wp : ap;
}

double rl_scen_chips(const rl_scenario *s)
{
	double pp, ep;
	if (s->chips > 0)
		return s->chips;
	pp = s->pp >= 1 ? s->pp : 1;
	ep = s->ep >= 1 ? s->ep : 1;
	return s->tp * pp * ep;
}

double rl_chip_peak(const rl_chip *c, int prec)
{
	switch (prec) {
	case RL_PREC_FP4:
		return c->peak_flops_fp4;
	case RL_PREC_FP8:
		return c->peak_flops_fp8;
	case RL_PREC_FP16:
	case RL_PREC_BF16:
		return c->peak_flops_bf16;
	case RL_PREC_FP32:
		return c->peak_flops_vector;
	default:
		return 0.0;
	}
}
