/*
** cost.h: what a chip costs to make, and what a token costs to serve
** (cost.c).  Formulas from data/sources/silicon.csv:
**   dies per wafer  DPW = pi (d/2)^2 / A - pi d / sqrt(2 A)   (edge loss)
**   yield           Y = (1 + A D0 / alpha)^-alpha  (negative binomial), or
**                   Y = ((1 - exp(-A D0)) / (A D0))^2  (Murphy, alpha = 0)
**   die cost        wafer price / (DPW x Y)
**   chip cost       dies x die cost + HBM bytes x price + package and test
**                   (less the silicon interposer's share without HBM)
** Cost per million output tokens, whole system, with the chip at a given
** USD figure (its manufacturing cost, or the price a buyer pays: eval.c
** computes both and names which):
**   (chips x chip USD / (years x 365.25 days)
**    + chips x watts x server_overhead x PUE x USD/kWh)  per second
**   / output tokens per second x 1e6.
*/
#ifndef RL_COST_H
#define RL_COST_H

#include <math.h>

#include "rl_config.h"

typedef struct {
	double dies_per_wafer;  /* whole dies, edge loss included */
	double yield;           /* share of good dies */
	double die_usd;         /* one good die */
	double hbm_usd;
	double package_usd;
	double chip_usd;        /* manufacturing cost of one chip */
} rl_chip_cost;

/* Whole dies of area die_m2 on a wafer of diameter wafer_m. */
double rl_dies_per_wafer(double wafer_m, double die_m2);

/* Yield of a die of area die_m2 at defect density d0 (per m^2). */
double rl_yield(double die_m2, double d0_per_m2, double alpha);

/* Manufacturing cost of one chip with hbm_bytes of HBM.  Returns 0, or -1
** when the node or design lacks the inputs (the die's fields and the
** chip's NAN; the HBM and the package, which need no node, worked out), or
** (die and package worked out, memory and chip NAN) when the memory is
** GDDR6 (chip.memory_kind), which no source prices. */
int rl_chip_cost_of(const rl_config *cfg, double hbm_bytes, rl_chip_cost *c);

/* A chip's cost kept with the inputs it was worked out from, so that a
** run of evaluations of one chip works it out once (eval.c keeps one in
** its rl_eval_cache).  Set valid = 0 to start. */
#define RL_CHIP_COST_INPUTS 11
typedef struct {
	int valid;
	int rc;
	double in[RL_CHIP_COST_INPUTS]; /* what rl_chip_cost_of reads */
	rl_chip_cost cc;
} rl_chip_cost_memo;

/* rl_chip_cost_of through memo m: worked out again only when one of its
** inputs differs (bit for bit) from those m holds; the same result, kept
** in m (m->rc is rl_chip_cost_of's return). */
const rl_chip_cost *rl_chip_cost_kept(const rl_config *cfg, double hbm_bytes,
                                      rl_chip_cost_memo *m);

/* The hardware's share of USD per second, whole system: chips at
** chip_usd amortized over the years (USD per million tokens adds it to
** the energy term: rl_usd_with_hw). */
double rl_usd_hw_per_s(const rl_cost *c, double chip_usd, double chips);

/* The energy term of USD per million tokens, USD per second: whole
** system. */
static inline double rl_usd_energy_per_s(const rl_cost *c, double chips,
                                         double power_w)
{
	/* (x (1 / 3.6e6 J per kWh), folded by the compiler: no division) */
	return chips * power_w * c->server_overhead * c->pue * c->usd_per_kwh *
	       (1 / 3.6e6);
}

/* Seconds per million output tokens at output_tps: what rl_usd_with_hw
** multiplies by (one division for both of a pair's figures). */
static inline double rl_s_per_mtok(double output_tps)
{
	return 1e6 / output_tps;
}

/* USD per million output tokens from the hardware's share hw and the
** energy term e, both USD per second, and s_per_mtok (rl_s_per_mtok). */
static inline double rl_usd_with_hw(double hw, double e, double s_per_mtok)
{
	return (hw + e) * s_per_mtok;
}

/* What USD per token needs at any chip price: else NAN. */
static inline int rl_usd_inputs_ok(const rl_cost *c, double power_w,
                                   double output_tps)
{
	return isfinite(power_w) && output_tps > 0 && c->years > 0;
}

/* USD per million output tokens with each chip at the chip's cost and at
** its price (NAN for one not finite, both NAN when power_w, output_tps or
** the years are missing), the energy term (which does not depend on the
** chip's USD figure) worked out once for both, the hardware's shares given
** (rl_usd_hw_per_s of cost_usd and of price_usd: a cache keeps them,
** eval.c).  Inline: every evaluation ends with it. */
static inline void rl_usd_per_mtok_pair_hw(const rl_cost *c, double cost_usd,
                                           double price_usd,
                                           double hw_cost_usd_per_s,
                                           double hw_price_usd_per_s,
                                           double chips, double power_w,
                                           double output_tps,
                                           double *at_cost, double *at_price)
{
	double e, spm; /* USD per second of energy; s per million tokens */
	*at_cost = *at_price = NAN;
	if (!rl_usd_inputs_ok(c, power_w, output_tps))
		return;
	e = rl_usd_energy_per_s(c, chips, power_w);
	spm = rl_s_per_mtok(output_tps);
	if (isfinite(cost_usd))
		*at_cost = rl_usd_with_hw(hw_cost_usd_per_s, e, spm);
	if (isfinite(price_usd))
		*at_price = rl_usd_with_hw(hw_price_usd_per_s, e, spm);
}

/* USD per million output tokens of the chips alone (the hardware term,
** chips at chip_usd), for a setup whose full figure (usd_per_mtok) is
** unknown for want of a power model: NAN where that figure is known,
** power_w is known, or chip_usd or output_tps is not above 0.  Claim's
** table writes it "0.0732 + energy", eval beside its n/a. */
double rl_usd_chips_only(const rl_cost *c, double chip_usd, double chips,
                         double output_tps, double power_w,
                         double usd_per_mtok);

/* The same, the hardware's shares worked out here. */
void rl_usd_per_mtok_pair(const rl_cost *c, double cost_usd, double price_usd,
                          double chips, double power_w, double output_tps,
                          double *at_cost, double *at_price);

#endif
