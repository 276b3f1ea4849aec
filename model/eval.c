/*
** eval.c: one full evaluation (rl_eval, engine.h).
**
**  1. A chip given by design (chip.by_design = 1) is resolved into its spec
**     sheet (silicon.c); its violated constraints become result flags.
**  2. The serving model (rl_serve, engine.c) runs on the spec sheet.
**  3. Power (power.c) at the achieved rates.  When the chip has a TDP and
**     the workload would exceed it, the clock is lowered: every matrix peak
**     is scaled by s, the workload served again, and s solved so that the
**     power equals the TDP (bracketed secant, Illinois variant: power
**     rises with s).  The result is that of the lowered clock.
**  4. Cost (cost.c): the chip's manufacturing cost (the cost model) and
**     its price (cost.price_usd: what a buyer pays), and USD per million
**     output tokens with each.
** Power, cost and price are NAN where the chip lacks their inputs (no node,
** no price).
** No allocation, no I/O.
*/
#include "engine.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cost.h"
#include "mapping.h"
#include "power.h"
#include "silicon.h"

#define S_MIN 1e-3   /* lowest clock share tried */
#define S_TOL 1e-7

static void scale_peaks(rl_chip *c, double s)
{
	c->peak_flops_bf16 *= s;
	c->peak_flops_fp8 *= s;
	c->peak_flops_fp4 *= s;
	c->peak_flops_vector *= s;
}

/* Serve at clock share s; power, or NAN when serving fails. */
static double power_at(const rl_config *cfg, double s, int prec, rl_result *r)
{
	rl_config c = *cfg;
	scale_peaks(&c.chip, s);
	if (rl_serve(&c, r) != RL_OK)
		return NAN;
	return rl_power_of(cfg, prec, s, r->avg_flops_per_s, r->avg_hbm_Bps,
	                   r->avg_link_Bps, NULL);
}

/* The workload exceeds the TDP at full clock: find the clock share s at
** which it fits, and leave that evaluation in r.  Returns s, or 0 when even
** the lowest clock does not fit (r then holds the full-clock result). */
static double fit_tdp(const rl_config *cfg, int prec, double tdp,
                      rl_result *r)
{
	rl_result tmp;
	double a = S_MIN, b = 1.0, fa, fb, fx, x;
	int side = 0, i;

	fa = power_at(cfg, a, prec, &tmp) - tdp;
	if (!(fa <= 0))
		return 0;
	fb = r->power_w - tdp;
	for (i = 0; i < 100 && b - a > S_TOL; i++) {
		x = (a * fb - b * fa) / (fb - fa);
		if (!(x > a && x < b))
			x = 0.5 * (a + b);
		fx = power_at(cfg, x, prec, &tmp) - tdp;
		if (!isfinite(fx))
			return 0;
		if (fx <= 0 && fx > -1e-6 * tdp) { /* fits, within 1 ppm */
			a = x;
			break;
		}
		if (fx > 0) {
			b = x;
			fb = fx;
			if (side == 1)
				fa *= 0.5;
			side = 1;
		} else {
			a = x;
			fa = fx;
			if (side == -1)
				fb *= 0.5;
			side = -1;
		}
	}
	/* a is on the side that fits */
	r->power_w = power_at(cfg, a, prec, r);
	return a;
}

int rl_design_to_spec(const rl_config *in, rl_config *out, int *violations,
                      char *err, size_t errlen)
{
	rl_silicon si;
	int rc;
	rc = rl_silicon_derive(in, &si, err, errlen);
	if (rc != RL_OK)
		return rc;
	if (!(in->design.clock_hz > 0) || !(si.fma_units > 0)) {
		snprintf(err, errlen,
		         "a chip given by design needs design.clock_ghz > 0 and "
		         "MAC arrays (design.frac_mac > 0)");
		return RL_EINVAL;
	}
	*out = *in;
	rl_silicon_apply(&si, &out->chip);
	out->chip.by_design = 0;
	*violations = (int)si.violations;
	return RL_OK;
}

int rl_eval(const rl_config *cfg_in, rl_result *r)
{
	const rl_config *cfg = cfg_in;
	rl_config spec;
	rl_chip_cost cc;
	double chips, nominal_peak;
	int rc, prec, violations = 0;

	if (cfg_in->chip.by_design > 0.5) {
		memset(r, 0, sizeof *r);
		rc = rl_design_to_spec(cfg_in, &spec, &violations, r->error,
		                       sizeof r->error);
		if (rc != RL_OK)
			return rc;
		cfg = &spec;
	}
	rc = rl_serve(cfg, r);
	if (rc != RL_OK)
		return rc;
	r->violations = violations;
	r->clock_scale = 1.0;
	r->power_limited = 0;
	r->power_w = NAN;
	prec = rl_matrix_prec(&cfg->scen);

	if (rl_power_known(cfg)) {
		r->power_w = rl_power_of(cfg, prec, 1.0, r->avg_flops_per_s,
		                         r->avg_hbm_Bps, r->avg_link_Bps, NULL);
		if (cfg->chip.tdp_w > 0 && r->power_w > cfg->chip.tdp_w) {
			double s;
			nominal_peak = r->peak_flops;
			s = fit_tdp(cfg, prec, cfg->chip.tdp_w, r);
			r->violations = violations;
			if (s > 0) {
				r->clock_scale = s;
				r->power_limited = 1;
				r->peak_flops = nominal_peak;
				r->mfu = r->avg_flops_per_s / nominal_peak;
			} else {
				r->violations |= RL_V_POWER;
			}
		}
	}

	rl_chip_cost_of(cfg, cfg->chip.hbm_bytes, &cc);
	r->chip_cost_usd = cc.chip_usd;
	r->chip_price_usd = cfg->cost.price_usd > 0 ? cfg->cost.price_usd : NAN;
	chips = rl_scen_chips(&cfg->scen);
	r->usd_per_mtok_cost = rl_usd_per_mtok(&cfg->cost, r->chip_cost_usd,
	                                       chips, r->power_w, r->output_tps);
	r->usd_per_mtok_price = rl_usd_per_mtok(&cfg->cost, r->chip_price_usd,
	                                        chips, r->power_w, r->output_tps);
	return RL_OK;
}
