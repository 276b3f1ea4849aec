/*
** micro.c: a large GEMM and a copy as the engine costs them (micro.h).
*/
#include "micro.h"

#include <math.h>

#include "engine.h"

double rl_micro_gemm_flops(const rl_config *cfg, double m, double n,
                           double k)
{
	int mp = rl_matrix_prec(&cfg->scen);
	double peak = rl_chip_peak(&cfg->chip, mp);
	double flops = 2 * m * n * k, eff, t_comp, t_mem, bw;
	if (!(peak > 0 && m > 0 && n > 0 && k > 0))
		return 0;
	eff = rl_gemm_eff_rows(&cfg->prof, rl_gemm_eff_large(&cfg->prof, mp), m);
	t_comp = flops / (peak * eff);
	bw = cfg->chip.hbm_Bps * cfg->prof.eff_memory;
	t_mem = bw > 0 ? (m * k + k * n + m * n) * rl_precision_bytes(mp) / bw
	               : 0;
	return flops / fmax(t_comp, t_mem);
}

double rl_micro_copy_Bps(const rl_config *cfg)
{
	return cfg->chip.hbm_Bps * cfg->prof.eff_memory;
}
