/*
** silicon.c: design -> spec sheet, and spec sheet -> MAC transistor share
** (silicon.h).  Pure arithmetic, no allocation; messages only on request.
*/
#include "silicon.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"

#define GIB 1073741824.0

static const char *const block_names[RL_BLK_COUNT] = {
	"mac", "vector", "sram", "phy", "other", "unassigned"};

/* One stack of each generation.  Capacities are binary, as the chip
** presets count them (16 Gbit dies).  Sources: data/sources/
** silicon.csv and hardware.csv rows named in each line. */
static const struct {
	const char *name;
	double bytes, Bps;
} hbm_gens[RL_HBM_COUNT] = {
	{"none", 0, 0},
	/* HBM2E_stack (Micron): 3.6 Gb/s x 1024 bits = 460.8 GB/s; 16 GiB as
	** on the A100 80 GB (5 stacks, hardware.csv a100-sxm) */
	{"hbm2e", 16 * GIB, 460.8e9},
	/* HBM3_stack (JEDEC JESD238): 6.4 Gb/s x 1024 = 819.2 GB/s; 16 GiB as
	** on the H100 (80 GB in 5 stacks, hardware.csv h100-sxm) */
	{"hbm3", 16 * GIB, 819.2e9},
	/* HBM3E_stack_Micron / SKhynix: > 1.2 TB/s; 8-high 24 GB (12-high 36) */
	{"hbm3e", 24 * GIB, 1.2e12},
	/* HBM4_stack (JEDEC): about 2 TB/s; "up to 64 GB" */
	{"hbm4", 64 * GIB, 2.0e12},
};

const char *rl_block_name(int b)
{
	return b >= 0 && b < RL_BLK_COUNT ? block_names[b] : "?";
}

const char *rl_hbm_name(int gen)
{
	return gen >= 0 && gen < RL_HBM_COUNT ? hbm_gens[gen].name : "?";
}

double rl_hbm_stack_bytes(int gen)
{
	return gen >= 0 && gen < RL_HBM_COUNT ? hbm_gens[gen].bytes : 0.0;
}

double rl_hbm_stack_Bps(int gen)
{
	return gen >= 0 && gen < RL_HBM_COUNT ? hbm_gens[gen].Bps : 0.0;
}

/* Transistors per SRAM bit: a 6T bitcell, by definition of the cell.
** ASSUMPTION: the macro's periphery (decoders, sense amplifiers, I/O)
** adds its own, so 6 is the low end of a macro's transistors per bit;
** range 6-8 (8T two-port cells; periphery).  Cross-check on N5: 6 per
** 0.021 um2 bitcell (data/sources/hardware.csv tsmc-n5 sram_bitcell_hd)
** is 286 MTr/mm2 in the array alone, the macro's 2.86 MB/mm2 (n5.ini)
** x 48 = 137 with its periphery's area. */
#define SRAM_TRANSISTORS_PER_BIT 6.0

rl_design rl_design_resolved(const rl_design *d)
{
	rl_design r = *d;
	if (!(d->die_m2 > 0))
		return r;
	if (d->mac_m2 > 0)
		r.frac_mac = d->mac_m2 / d->die_m2;
	if (d->vector_m2 > 0)
		r.frac_vector = d->vector_m2 / d->die_m2;
	if (d->sram_m2 > 0)
		r.frac_sram = d->sram_m2 / d->die_m2;
	if (d->phy_m2 > 0)
		r.frac_phy = d->phy_m2 / d->die_m2;
	if (d->other_m2 > 0)
		r.frac_other = d->other_m2 / d->die_m2;
	return r;
}

const char *rl_design_key_before(const rl_design *d, const char *key)
{
	/* rl_silicon_derive: the MAC arrays' share (their area's, through
	** rl_design_resolved, first) before the FMA count, the density
	** before the transistor count */
	if (!strcmp(key, "fma_units")) {
		if (d->mac_m2 > 0 && d->die_m2 > 0)
			return "mac_mm2";
		if (d->frac_mac > 0)
			return "frac_mac";
	} else if (!strcmp(key, "transistors") && d->density_per_m2 > 0) {
		return "density_mtr_per_mm2";
	}
	return NULL;
}

const char *rl_design_area_over(const rl_design *d, double *mm2)
{
	const struct {
		double m2;
		const char *name;
	} b[] = {{d->mac_m2, "design.mac_mm2"},
	         {d->vector_m2, "design.vector_mm2"},
	         {d->sram_m2, "design.sram_mm2"},
	         {d->phy_m2, "design.phy_mm2"},
	         {d->other_m2, "design.other_mm2"}};
	size_t i;
	for (i = 0; i < sizeof b / sizeof b[0]; i++)
		if (b[i].m2 > d->die_m2) {
			*mm2 = b[i].m2 * 1e6;
			return b[i].name;
		}
	return NULL;
}

double rl_silicon_density_limit(const rl_config *cfg)
{
	const rl_node *n = &cfg->node;
	rl_design d = rl_design_resolved(&cfg->design);
	double s = d.frac_sram, sram_tr;
	if (!(n->logic_density_per_m2 > 0))
		return 0.0;
	s = s > 0 ? (s < 1 ? s : 1) : 0;
	sram_tr = n->sram_bytes_per_m2 * 8.0 * SRAM_TRANSISTORS_PER_BIT;
	/* 6 per bit leaves out the periphery's transistors, so it
	** understates a macro's density: below the logic density (n4's 2.86
	** MB/mm2 -> 137.3 under 147.0) it says nothing against the macro
	** being as dense as logic, and the bound stays the logic density */
	if (!(s > 0) || !(sram_tr > n->logic_density_per_m2))
		return n->logic_density_per_m2;
	return s * sram_tr + (1 - s) * n->logic_density_per_m2;
}

static int fail(char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	return RL_EINVAL;
}

int rl_silicon_derive(const rl_config *cfg, rl_silicon *si, char *err,
                      size_t errlen)
{
	rl_design shares = rl_design_resolved(&cfg->design);
	const rl_design *d = &shares;
	const char *over;
	double over_mm2;
	const rl_node *n = &cfg->node;
	double A = d->die_m2, dies = d->dies >= 1 ? d->dies : 1.0;
	double frac[RL_BLK_COUNT] = {0};
	double mac_tr_die, per_die_stacks;
	int b;

	*si = (rl_silicon){0};
	si->die_m2 = A;
	si->dies = dies;
	if (!(A > 0))
		return fail(err, errlen,
		            "design: no die area: the chip preset needs a [design] "
		            "section with die_mm2 (or --set design.die_mm2=...)");
	si->density_per_m2 = d->density_per_m2 > 0   ? d->density_per_m2
	                     : d->transistors > 0 ? d->transistors / A
	                                          : n->logic_density_per_m2;
	if (!(si->density_per_m2 > 0))
		return fail(err, errlen,
		            "design: no transistor density: name a process node in "
		            "the chip preset ([preset] node = n4) or set "
		            "design.density_mtr_per_mm2");
	si->transistors = A * si->density_per_m2;
	if ((over = rl_design_area_over(d, &over_mm2))) {
		if (err && errlen)
			snprintf(err, errlen, "design: %s = %g mm2 is more than the "
			         "die, design.die_mm2 = %g mm2 (a block's area is at "
			         "most the die's)", over, over_mm2, A * 1e6);
		return RL_EINVAL;
	}

	/* MAC arrays: forward from the area share, or reverse from the FMA
	** count of a spec sheet */
	if (d->frac_mac > 0) {
		mac_tr_die = d->frac_mac * si->transistors;
		si->fma_units = mac_tr_die * dies / d->transistors_per_fma;
	} else {
		si->fma_units = d->fma_units;
		mac_tr_die = d->fma_units * d->transistors_per_fma / dies;
	}
	frac[RL_BLK_MAC] = mac_tr_die / si->transistors;
	si->mac_share = frac[RL_BLK_MAC];
	frac[RL_BLK_VECTOR] = d->frac_vector;
	frac[RL_BLK_SRAM] = d->frac_sram;
	frac[RL_BLK_PHY] = d->frac_phy;
	frac[RL_BLK_OTHER] = d->frac_other;
	for (b = 0; b < RL_BLK_REST; b++)
		si->frac_sum += frac[b];
	frac[RL_BLK_REST] = si->frac_sum < 1 ? 1 - si->frac_sum : 0;
	for (b = 0; b < RL_BLK_COUNT; b++) {
		si->share[b] = frac[b];
		si->area_m2[b] = frac[b] * A;
		si->transistors_blk[b] = frac[b] * si->transistors;
	}

	si->peak_flops_bf16 = 2.0 * si->fma_units * d->clock_hz;
	si->peak_flops_fp8 = si->peak_flops_bf16 * d->fp8_per_bf16;
	si->peak_flops_fp4 = si->peak_flops_bf16 * d->fp4_per_bf16;

	if (d->frac_sram > 0) {
		if (!(n->sram_bytes_per_m2 > 0))
			return fail(err, errlen,
			            /* how, as the density's message says it, where
			            ** "(node.sram_mb_per_mm2: name a process node)"
			            ** sent an architect to the source (ux27) */
			            cfg->design.sram_m2 > 0
			            ? "design: design.sram_mm2 > 0 needs an SRAM density: "
			              "name a process node in the chip preset ([preset] "
			              "node = n4) or set node.sram_mb_per_mm2"
			            : "design: design.frac_sram > 0 needs an SRAM density: "
			              "name a process node in the chip preset ([preset] "
			              "node = n4) or set node.sram_mb_per_mm2");
		si->sram_bytes = d->frac_sram * A * n->sram_bytes_per_m2 * dies;
		/* every macro reads at once, at the MAC arrays' clock
		** (ASSUMPTION: design.sram_b_per_clk_per_kb, params.c) */
		si->sram_Bps = si->sram_bytes * d->sram_read_per_clk * d->clock_hz;
	}

	if (d->hbm_stacks > 0) {
		int gen = (int)d->hbm_gen;
		double sb = d->hbm_stack_bytes > 0 ? d->hbm_stack_bytes
		                                   : rl_hbm_stack_bytes(gen);
		double sbw = d->hbm_stack_Bps > 0 ? d->hbm_stack_Bps
		                                  : rl_hbm_stack_Bps(gen);
		if (!(sb > 0) || !(sbw > 0))
			return fail(err, errlen,
			            "design: design.hbm_stacks > 0 needs design.hbm_gen "
			            "(or both hbm_stack_gb and hbm_stack_gbps)");
		si->hbm_bytes = d->hbm_stacks * sb;
		si->hbm_Bps = d->hbm_stacks * sbw;
	}

	/* HBM PHYs sit along the two long edges (as on the GA100 and GH100
	** die photos: three sites per long edge) */
	si->edge_m = 2.0 * sqrt(A * (d->aspect_ratio >= 1 ? d->aspect_ratio : 1));
	per_die_stacks = ceil(d->hbm_stacks / dies);
	si->edge_needed_m = per_die_stacks * d->hbm_phy_edge_m;
	si->phy_needed_m2 = per_die_stacks * d->hbm_phy_m2;

	if (n->reticle_m2 > 0 && A > n->reticle_m2)
		si->violations |= RL_V_RETICLE;
	/* a die's average density cannot pass what its blocks allow: the
	** SRAM share at the SRAM macros' transistor density, the rest at the
	** node's logic density, its densest cells (rl_silicon_density_limit).
	** A design kept on another node is the case it catches: sohu-design's
	** 98.3 MTr/mm2, the H100's on 4N, on N7 (10% SRAM: 97.3) */
	si->density_limit_per_m2 = rl_silicon_density_limit(cfg);
	if (si->density_limit_per_m2 > 0 &&
	    si->density_per_m2 > si->density_limit_per_m2 * (1 + 1e-9))
		si->violations |= RL_V_DENSITY;
	if (si->edge_needed_m > si->edge_m)
		si->violations |= RL_V_HBM_EDGE;
	if (d->frac_phy > 0 && d->frac_phy * A < si->phy_needed_m2 * (1 - 1e-12))
		si->violations |= RL_V_PHY_AREA;
	if (si->frac_sum > 1 + 1e-9) {
		si->violations |= RL_V_FRACTIONS;
		if (err && errlen)
			snprintf(err, errlen,
			         "design: the area shares add up to %.4g > 1 (mac "
			         "%.4g + vector %.4g + sram %.4g + phy %.4g + other "
			         "%.4g): %.4g over the die; on a fixed die a block "
			         "grows only as others shrink by as much",
			         si->frac_sum, frac[RL_BLK_MAC], d->frac_vector,
			         d->frac_sram, d->frac_phy, d->frac_other,
			         si->frac_sum - 1);
		return RL_EINVAL;
	}
	return RL_OK;
}

void rl_silicon_apply(const rl_silicon *si, rl_chip *chip)
{
	chip->peak_flops_bf16 = si->peak_flops_bf16;
	chip->peak_flops_fp8 = si->peak_flops_fp8;
	chip->peak_flops_fp4 = si->peak_flops_fp4;
	if (si->sram_bytes > 0) {
		chip->sram_bytes = si->sram_bytes;
		chip->sram_Bps = si->sram_Bps;
	}
	if (si->hbm_bytes > 0) {
		chip->hbm_bytes = si->hbm_bytes;
		chip->hbm_Bps = si->hbm_Bps;
	}
}

void rl_silicon_max_stacks(const rl_config *cfg, const rl_silicon *si,
                           double *edge, double *area)
{
	rl_design shares = rl_design_resolved(&cfg->design);
	const rl_design *d = &shares;
	double dies = si->dies >= 1 ? si->dies : 1, n;
	/* the same comparisons as rl_silicon_derive's, at whole stacks per
	** die (the area's with its 1e-12 of slack); the quotient's floor moved
	** up a stack where its rounding left one that passes them */
	*edge = INFINITY;
	*area = INFINITY;
	if (d->hbm_phy_edge_m > 0) {
		n = floor(si->edge_m / d->hbm_phy_edge_m);
		if ((n + 1) * d->hbm_phy_edge_m <= si->edge_m)
			n++;
		*edge = dies * n;
	}
	if (d->frac_phy > 0 && d->hbm_phy_m2 > 0) {
		double room = d->frac_phy * si->die_m2;
		n = floor(room / d->hbm_phy_m2);
		if (!(room < (n + 1) * d->hbm_phy_m2 * (1 - 1e-12)))
			n++;
		*area = dies * n;
	}
}

size_t rl_silicon_explain(const rl_config *cfg, const rl_silicon *si,
                          unsigned v, char out[][RL_V_TEXT_MAX], size_t max)
{
	rl_design d = rl_design_resolved(&cfg->design);
	size_t k = 0;
	if ((v & RL_V_FRACTIONS) && k < max)
		snprintf(out[k++], RL_V_TEXT_MAX,
		         "area shares: the blocks add up to %.4g of the die (> 1)",
		         si->frac_sum);
	if ((v & RL_V_RETICLE) && k < max)
		snprintf(out[k++], RL_V_TEXT_MAX,
		         "reticle: a %.0f mm2 die exceeds the %.0f mm2 reticle "
		         "limit",
		         si->die_m2 * 1e6, cfg->node.reticle_m2 * 1e6);
	if ((v & RL_V_DENSITY) && k < max) {
		double sram_tr = cfg->node.sram_bytes_per_m2 * 8.0 *
		                 SRAM_TRANSISTORS_PER_BIT;
		/* where the SRAM figure is not above the logic density the
		** limit is the logic density alone (rl_silicon_density_limit):
		** said so, where "logic 147.0, SRAM share 0.1 at 137.3" read as
		** a blend, 146.0, not the 147.0 given */
		if (sram_tr > cfg->node.logic_density_per_m2)
			snprintf(out[k++], RL_V_TEXT_MAX,
			         "density: %.1f MTr/mm2 passes the node's limit for "
			         "this die, %.1f MTr/mm2 (logic %.1f, SRAM share %.3g "
			         "at %.1f; set design.density_mtr_per_mm2 for this "
			         "node)",
			         si->density_per_m2 / 1e12,
			         si->density_limit_per_m2 / 1e12,
			         cfg->node.logic_density_per_m2 / 1e12,
			         d.frac_sram > 0 ? d.frac_sram : 0.0,
			         sram_tr / 1e12);
		else
			snprintf(out[k++], RL_V_TEXT_MAX,
			         "density: %.1f MTr/mm2 passes the node's limit for "
			         "this die, %.1f MTr/mm2 (logic, for all of it: its "
			         "SRAM at %.1f is not denser; set "
			         "design.density_mtr_per_mm2 for this node)",
			         si->density_per_m2 / 1e12,
			         si->density_limit_per_m2 / 1e12, sram_tr / 1e12);
	}
	if ((v & RL_V_HBM_EDGE) && k < max)
		snprintf(out[k++], RL_V_TEXT_MAX,
		         "hbm edge: %g stacks per die need %.1f mm of PHY edge, "
		         "the two long edges give %.1f mm",
		         ceil(cfg->design.hbm_stacks / si->dies),
		         si->edge_needed_m * 1e3, si->edge_m * 1e3);
	if ((v & RL_V_PHY_AREA) && k < max)
		snprintf(out[k++], RL_V_TEXT_MAX,
		         "phy area: the HBM PHYs need %.1f mm2 per die, %s "
		         "gives %.1f mm2",
		         si->phy_needed_m2 * 1e6,
		         cfg->design.phy_m2 > 0 ? "phy_mm2" : "frac_phy",
		         d.frac_phy * si->die_m2 * 1e6);
	if ((v & RL_V_POWER) && k < max)
		snprintf(out[k++], RL_V_TEXT_MAX,
		         "power: over the %g W TDP even at the lowest clock",
		         cfg->chip.tdp_w);
	return k;
}
