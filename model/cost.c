/*
** cost.c: chip manufacturing cost and cost per token (cost.h).
*/
#include "cost.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define SECONDS_PER_YEAR (365.25 * 86400.0)

double rl_dies_per_wafer(double wafer_m, double die_m2)
{
	double r = wafer_m / 2, n;
	if (!(die_m2 > 0) || !(wafer_m > 0))
		return 0;
	n = M_PI * r * r / die_m2 - M_PI * wafer_m / sqrt(2.0 * die_m2);
	return n > 0 ? floor(n) : 0;
}

double rl_yield(double die_m2, double d0, double alpha)
{
	double ad = die_m2 * d0;
	if (!(ad > 0))
		return 1.0;
	if (alpha > 0)
		return pow(1.0 + ad / alpha, -alpha);
	return pow((1.0 - exp(-ad)) / ad, 2.0);
}

int rl_chip_cost_of(const rl_config *cfg, double hbm_bytes, rl_chip_cost *c)
{
	const rl_node *n = &cfg->node;
	const rl_design *d = &cfg->design;
	double dies = d->dies >= 1 ? d->dies : 1.0;
	int gddr6 = cfg->chip.memory_kind == RL_MEM_GDDR6;
	c->dies_per_wafer = c->yield = c->die_usd = NAN;
	c->chip_usd = NAN;
	/* the memory and the package need no node: known where the die's
	** cost is not (no node, or one without a wafer price), and reported
	** so (rooflab area); GDDR6's price and package below */
	c->hbm_usd = gddr6 ? NAN : hbm_bytes * cfg->cost.hbm_usd_per_byte;
	c->package_usd = hbm_bytes > 0 && !gddr6
	                     ? cfg->cost.package_usd
	                     : fmax(0.0, cfg->cost.package_usd -
	                                     cfg->cost.interposer_usd);
	if (!(d->die_m2 > 0) || !(n->wafer_usd > 0) || !(n->wafer_diameter_m > 0))
		return -1;
	c->dies_per_wafer = rl_dies_per_wafer(n->wafer_diameter_m, d->die_m2);
	c->yield = rl_yield(d->die_m2, n->defect_density_per_m2, n->yield_alpha);
	if (!(c->dies_per_wafer >= 1) || !(c->yield > 0))
		return -1;
	c->die_usd = n->wafer_usd / (c->dies_per_wafer * c->yield);
	/* HBM stacks sit beside the die on a silicon interposer (CoWoS); a
	** chip without them needs none, an organic substrate carrying the die
	** alone (cost.interposer_usd left out; silicon.csv gives no organic
	** package cost to put in its place, its one organic figure a layer
	** cost of 0.0001 USD/mm2 that needs a substrate area the model does
	** not have: ASSUMPTION, the substrate adds nothing) */
	/* GDDR6 (chip.memory gddr6: the L40S's) is not HBM: its packages sit
	** on the board, so the package needs no interposer, and
	** cost.hbm_usd_per_gb is HBM's price, not GDDR6's; silicon.csv gives
	** no GDDR6 price per GB (its one other DRAM price, LLMCompass's DDR5
	** 2.4 USD/GB, is another part), so the memory's cost and the chip's
	** are left unknown rather than invented: -1 with die and package
	** worked out */
	if (gddr6)
		return -1;
	c->chip_usd = dies * c->die_usd + c->hbm_usd + c->package_usd;
	return 0;
}

/* Every input rl_chip_cost_of reads (keep the two in step). */
static void chip_cost_inputs(const rl_config *cfg, double hbm_bytes,
                             double in[RL_CHIP_COST_INPUTS])
{
	in[0] = cfg->design.die_m2;
	in[1] = cfg->design.dies;
	in[2] = cfg->node.wafer_usd;
	in[3] = cfg->node.wafer_diameter_m;
	in[4] = cfg->node.defect_density_per_m2;
	in[5] = cfg->node.yield_alpha;
	in[6] = cfg->cost.hbm_usd_per_byte;
	in[7] = cfg->cost.package_usd;
	in[8] = hbm_bytes;
	in[9] = cfg->cost.interposer_usd;
	in[10] = cfg->chip.memory_kind;
}

/* the bits in which a and b differ */
static uint64_t differ(double a, double b)
{
	uint64_t x, y;
	memcpy(&x, &a, sizeof x);
	memcpy(&y, &b, sizeof y);
	return x ^ y;
}

_Static_assert(RL_CHIP_COST_INPUTS == 11, "rl_chip_cost_kept compares 11");

const rl_chip_cost *rl_chip_cost_kept(const rl_config *cfg, double hbm_bytes,
                                      rl_chip_cost_memo *m)
{
	double in[RL_CHIP_COST_INPUTS];
	uint64_t diff;
	/* the flag first: a memo not yet valid holds inputs that were never
	** written (reading them is reading uninitialised memory) */
	if (m->valid) {
		chip_cost_inputs(cfg, hbm_bytes, in);
		/* bit for bit, each input in turn (without a loop or a call) */
		diff = differ(in[0], m->in[0]) | differ(in[1], m->in[1]) |
		       differ(in[2], m->in[2]) | differ(in[3], m->in[3]) |
		       differ(in[4], m->in[4]) | differ(in[5], m->in[5]) |
		       differ(in[6], m->in[6]) | differ(in[7], m->in[7]) |
		       differ(in[8], m->in[8]) | differ(in[9], m->in[9]) |
		       differ(in[10], m->in[10]);
		if (diff == 0)
			return &m->cc;
	}
	m->rc = rl_chip_cost_of(cfg, hbm_bytes, &m->cc);
	/* (again, into m: the local copy stays in registers) */
	chip_cost_inputs(cfg, hbm_bytes, m->in);
	m->valid = 1;
	return &m->cc;
}

double rl_usd_hw_per_s(const rl_cost *c, double chip_usd, double chips)
{
	return chips * chip_usd / (c->years * SECONDS_PER_YEAR);
}

double rl_usd_chips_only(const rl_cost *c, double chip_usd, double chips,
                         double output_tps, double power_w,
                         double usd_per_mtok)
{
	if (isfinite(usd_per_mtok) || isfinite(power_w) ||
	    !isfinite(chip_usd) || !(chip_usd > 0) || !(output_tps > 0))
		return NAN;
	return rl_usd_hw_per_s(c, chip_usd, chips) / output_tps * 1e6;
}

void rl_usd_per_mtok_pair(const rl_cost *c, double cost_usd, double price_usd,
                          double chips, double power_w, double output_tps,
                          double *at_cost, double *at_price)
{
	rl_usd_per_mtok_pair_hw(c, cost_usd, price_usd,
	                        rl_usd_hw_per_s(c, cost_usd, chips),
	                        rl_usd_hw_per_s(c, price_usd, chips), chips,
	                        power_w, output_tps, at_cost, at_price);
}
