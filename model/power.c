/*
** power.c: the power a chip draws at a workload's rates (power.h).
*/
#include "power.h"

#include <math.h>

int rl_power_known(const rl_config *cfg)
{
	return cfg->node.fma_energy_fp16_j > 0;
}

double rl_fma_energy(const rl_config *cfg, int prec)
{
	const rl_node *n = &cfg->node;
	double e;
	switch (prec) {
	case RL_PREC_FP4:
		e = n->fma_energy_fp4_j > 0 ? n->fma_energy_fp4_j
		                            : n->fma_energy_fp8_j;
		break;
	case RL_PREC_FP8:
		e = n->fma_energy_fp8_j > 0 ? n->fma_energy_fp8_j
		                            : n->fma_energy_fp16_j;
		break;
	case RL_PREC_FP32:
		/* 4.6 / 1.5 pJ: FP32 / FP16 FMA at 45 nm (Horowitz rows of
		** data/sources/silicon.csv) */
		e = n->fma_energy_fp16_j * (4.6 / 1.5);
		break;
	default:
		e = n->fma_energy_fp16_j;
	}
	return e * (cfg->design.energy_overhead > 0 ? cfg->design.energy_overhead
	                                            : 1.0);
}

double rl_power_of(const rl_config *cfg, int prec, double clock_scale,
                   double flops_per_s, double hbm_Bps, double link_Bps,
                   rl_power_parts *parts)
{
	const rl_cost *c = &cfg->cost;
	rl_power_parts p;
	double e_fma = rl_fma_energy(cfg, prec);
	if (clock_scale < 1 && c->dvfs_exponent > 0)
		e_fma *= pow(clock_scale, c->dvfs_exponent);
	p.static_w = c->static_w;
	p.compute_w = e_fma * flops_per_s * 0.5;
	p.sram_w = cfg->node.sram_energy_j_per_byte *
	           (c->sram_bytes_per_flop * flops_per_s + 2.0 * hbm_Bps);
	p.hbm_w = c->hbm_j_per_bit * 8.0 * hbm_Bps;
	p.link_w = c->link_j_per_bit * 8.0 * link_Bps;
	p.total_w = p.static_w + p.compute_w + p.sram_w + p.hbm_w + p.link_w;
	if (parts)
		*parts = p;
	return p.total_w;
}
