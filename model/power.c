/*
** power.c: the power a chip draws at a workload's rates (power.h).
*/
#include "power.h"

#include <math.h>
#include <stdio.h>

#include "silicon.h"

/* Energy of one FMA at a precision on this node and design, joules. */
static double rl_fma_energy(const rl_config *cfg, int prec)
{
	const rl_node *n = &cfg->node;
	double e;
	switch (prec) {
	case RL_PREC_FP4:
		/* unset (0) falls back to the next wider precision's: FP8's, then
		** FP16's, never to 0 J */
		e = n->fma_energy_fp4_j > 0   ? n->fma_energy_fp4_j
		    : n->fma_energy_fp8_j > 0 ? n->fma_energy_fp8_j
		                              : n->fma_energy_fp16_j;
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

/* energy per switched gate at clock share s of the nominal: x^d below
** the clock the node's energies hold at, x being the clock over it
** (node.ref_clock_ghz; 0: the nominal clock, x = s), and x^du above it
** (power.dvfs_exponent_above: CV^2 with the voltage rising with the
** clock; ASSUMPTION 2, V in proportion to it).  The energy follows the
** clock the chip runs at, not its nominal one: a design given a higher
** nominal clock and lowered to the same clock by its TDP draws the same,
** and one run above the reference pays for its voltage */
static double dvfs(const rl_config *cfg, double s)
{
	double d = cfg->cost.dvfs_exponent, du = cfg->cost.dvfs_exponent_above;
	double ref = cfg->node.ref_clock_hz, nom = cfg->design.clock_hz;
	double x = ref > 0 && nom > 0 ? s * (nom / ref) : s;
	if (x < 1)
		return d > 0 ? pow(x, d) : 1.0;
	return x > 1 && du > 0 ? pow(x, du) : 1.0;
}

double rl_power_clock_energy(const rl_config *cfg, double s)
{
	return dvfs(cfg, s);
}

/* the clocked power at clock share 1 before the clock's energy factor:
** clocked_mw_per_mm2_ghz x die area x dies x nominal clock */
static double clocked_base_w(const rl_config *cfg)
{
	const rl_design *d = &cfg->design;
	double dies = d->dies >= 1 ? d->dies : 1.0;
	return cfg->cost.clocked_w_per_m2_hz * d->die_m2 * dies * d->clock_hz;
}

/* the clocked power at clock share s, g being dvfs(cfg, s) (worked out
** once where the caller needs it too: a pow) */
static double clocked_w_at(const rl_config *cfg, double s, double g)
{
	return clocked_base_w(cfg) * s * g;
}

static double clocked_w(const rl_config *cfg, double s)
{
	return clocked_w_at(cfg, s, dvfs(cfg, s));
}

/* the host memory PHYs, whatever the work: HBM's, or GDDR6's where the
** chip's memory is GDDR6 (power.h) */
static double phy_w(const rl_config *cfg)
{
	const rl_cost *c = &cfg->cost;
	double j = cfg->chip.memory_kind == RL_MEM_GDDR6 ? c->gddr6_phy_j_per_bit
	                                                 : c->hbm_phy_j_per_bit;
	return j * 8.0 * cfg->chip.hbm_Bps;
}

double rl_power_hbm_idle(const rl_config *cfg)
{
	const rl_design *d = &cfg->design;
	double sb;
	if (cfg->chip.memory_kind == RL_MEM_GDDR6 || !(d->hbm_stacks > 0))
		return 0;
	sb = d->hbm_stack_bytes > 0 ? d->hbm_stack_bytes
	                            : rl_hbm_stack_bytes((int)d->hbm_gen);
	return cfg->cost.hbm_idle_w_per_byte * d->hbm_stacks * sb;
}

double rl_power_board_w(const rl_config *cfg)
{
	const rl_cost *c = &cfg->cost;
	double w;
	if (!(c->idle_w > 0))
		return c->static_w;
	w = c->idle_w - c->hbm_idle_w_per_byte * c->idle_hbm_bytes;
	return w > 0 ? w : 0.0;
}

int rl_power_check(const rl_config *cfg, char *err, size_t errlen)
{
	const rl_cost *c = &cfg->cost;
	double stacks_w = c->hbm_idle_w_per_byte * c->idle_hbm_bytes;
	/* (the test is rl_power_inputs_ok's, power.h; here its words) */
	if (rl_power_inputs_ok(cfg))
		return RL_OK;
	if (c->static_w > 0) {
		snprintf(err, errlen,
		         "power.static_w (%g W) and power.idle_w (%g W) are both "
		         "given: static power is derived from a measured idle_w, "
		         "and static_w would not be read; give one (--set "
		         "power.idle_w=0 for static_w as given)",
		         c->static_w, c->idle_w);
		return RL_EINPUT;
	}
	/* (else the stacks draw more than the measured idle) */
	snprintf(err, errlen,
	         "power.idle_w %g W is less than the %g W that the %g GB "
	         "of stacks it was measured with (power.idle_hbm_gb) draw "
	         "idle at power.hbm_idle_w_per_gb %g: lower one of those, "
	         "or raise idle_w",
	         c->idle_w, stacks_w, c->idle_hbm_bytes / 1e9,
	         c->hbm_idle_w_per_byte * 1e9);
	return RL_EINPUT;
}

/* the board and die's static power and the HBM stacks' refresh and
** standby: what a powered chip draws whatever its clock */
static double static_w(const rl_config *cfg)
{
	return rl_power_board_w(cfg) + rl_power_hbm_idle(cfg);
}

double rl_power_active(const rl_config *cfg, double s)
{
	return static_w(cfg) + clocked_w(cfg, s) + phy_w(cfg);
}

/* f's terms that follow from its clocked_w, phy_w, fma_j and vector_j
** (rl_power_fixed_of and rl_power_fixed_scaled alike) */
static void fixed_sums(const rl_config *cfg, rl_power_fixed *f)
{
	const rl_cost *c = &cfg->cost;
	/* (rl_power_active's sum, in its order) */
	f->active_w = f->static_w + f->clocked_w + f->phy_w;
	f->flop_j = f->fma_j * 0.5 +
	            cfg->node.sram_energy_j_per_byte * c->sram_bytes_per_flop;
	f->score_j = f->vector_j * c->vector_ops_per_score;
	f->elem_j = f->vector_j * c->vector_ops_per_elem;
}

void rl_power_fixed_of(const rl_config *cfg, int prec, double s,
                       rl_power_fixed *f)
{
	const rl_cost *c = &cfg->cost;
	double g = dvfs(cfg, s);
	f->static_w = static_w(cfg);
	f->clocked_base_w = clocked_base_w(cfg);
	f->fma_base_j = rl_fma_energy(cfg, prec);
	f->clocked_w = f->clocked_base_w * s * g; /* clocked_w_at's product */
	f->phy_w = phy_w(cfg);
	f->fma_j = f->fma_base_j * g;
	f->vector_j = c->vector_j_per_op * g;
	f->hbm_byte_j = cfg->node.sram_energy_j_per_byte * 2.0 +
	                rl_mem_j_per_bit(cfg) * 8.0;
	f->link_byte_j = c->link_j_per_bit * 8.0;
	f->sram_byte_j = cfg->node.sram_energy_j_per_byte;
	fixed_sums(cfg, f);
}

void rl_power_fixed_scaled(const rl_config *cfg, const rl_power_fixed *full,
                           double s, rl_power_fixed *f)
{
	/* full's terms before the clock's factor (its base ones, as
	** rl_power_fixed_of keeps them) times this clock's: the same products,
	** whatever dvfs(cfg, 1) is (under or over node.ref_clock_ghz) */
	double g = dvfs(cfg, s);
	f->static_w = full->static_w;
	f->clocked_base_w = full->clocked_base_w;
	f->fma_base_j = full->fma_base_j;
	f->clocked_w = full->clocked_base_w * s * g;
	f->phy_w = full->phy_w;
	f->fma_j = full->fma_base_j * g;
	f->vector_j = cfg->cost.vector_j_per_op * g;
	f->hbm_byte_j = full->hbm_byte_j;
	f->sram_byte_j = full->sram_byte_j;
	f->link_byte_j = full->link_byte_j;
	fixed_sums(cfg, f);
}

double rl_power_at(const rl_config *cfg, int prec, double s,
                   const rl_work_rates *w, rl_power_parts *parts)
{
	rl_power_fixed f;
	rl_power_fixed_of(cfg, prec, s, &f);
	return rl_power_at_fixed(cfg, &f, w, parts);
}

double rl_power_of(const rl_config *cfg, int prec, double s,
                   double flops_per_s, double hbm_Bps, double link_Bps,
                   rl_power_parts *parts)
{
	rl_work_rates w = {flops_per_s, hbm_Bps, link_Bps, 0, 0, 0};
	return rl_power_at(cfg, prec, s, &w, parts);
}
