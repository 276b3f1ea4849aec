/*
** cmd_area.c: `rooflab area`: the die budget of a chip's design (area,
** transistors and share of each block), the spec it implies, its power at
** full load and its cost, and every physical constraint it violates.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/cost.h"
#include "../model/engine.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../model/params.h"
#include "../model/power.h"
#include "../model/silicon.h"
#include "commands.h"
#include "../config/json.h"
#include "../config/presets.h"
#include "../model/utf8.h"
#include "options.h"

#define MAX_VIOL 8

/* Everything the command shows. */
typedef struct {
	rl_silicon si;
	rl_chip derived;      /* the spec sheet with the design's values */
	int prec;             /* precision of the full-load power */
	int have_power;
	double full_flops;    /* FLOP/s at full load */
	rl_power_parts pw;
	/* the clock share at which full load draws the TDP, as eval's clock
	** fit sets it (MACs at s of their rate, HBM at full bandwidth): 1
	** under the TDP or without one, 0 where no clock fits, NAN without
	** power */
	double tdp_clock;
	rl_chip_cost cost;
	int have_cost;
	char viol[MAX_VIOL][200];
	size_t nviol;
} area_view;

/* The shared options that no part of area reads: it describes the chip
** alone, whatever it serves (refused, not ignored). */
static const char *const area_refused[] = {
    "--model", "--isl", "--osl", "--tp", "--pp", "--ep", "--chips",
    "--batch", "--profile", NULL};

static void help(FILE *f)
{
	fputs("usage: rooflab area --chip NAME [--precision P] [--scenario NAME]\n"
	      "         [--set section.key=value ...] [--json]\n\n"
	      "The die budget of a chip's [design] section: area, transistors "
	      "and share of\neach block, the peak FLOPS, SRAM and HBM it "
	      "implies, the power with every MAC\narray busy and HBM at full "
	      "bandwidth (at --precision, default fp8), the\nchip's cost, and "
	      "every violated constraint (also as warnings on stderr).\nFull "
	      "load is a ceiling no served workload reaches (eval gives a "
	      "workload's\npower); over the TDP it is a note with the clock "
	      "share the TDP sets, as eval\ndoes, and a violation only where "
	      "no clock fits.\nA spec-"
	      "sheet chip whose [design] gives transistors and fma_units shows "
	      "the\nreverse derivation: the transistor share its MAC arrays "
	      "need.\nExit status: 0 ok (violations are warnings), 2 bad "
	      "input, 1 internal.\n", f);
	opt_help_except(f, eval_opts_table, area_refused);
}

/* Full load at clock share s: every MAC array busy at s of its rate (the
** clock sets it), HBM at full bandwidth (it does not). */
static double full_load_at(const rl_config *as, const area_view *v, double s)
{
	return rl_power_of(as, v->prec, s, s * v->full_flops, v->derived.hbm_Bps,
	                   0.0, NULL);
}

/* The clock share at which full load draws the TDP, by bisection (power
** rises with s): what eval's TDP fit (model/eval.c) would set for it; 0
** when even RL_CLOCK_SCALE_MIN draws more. */
static double full_load_clock(const rl_config *as, const area_view *v,
                              double tdp)
{
	double a = RL_CLOCK_SCALE_MIN, b = 1.0;
	int i;
	if (full_load_at(as, v, a) > tdp)
		return 0;
	for (i = 0; i < 60 && b - a > 1e-9; i++) {
		double x = 0.5 * (a + b);
		if (full_load_at(as, v, x) > tdp)
			b = x;
		else
			a = x;
	}
	return a;
}

static void build(const rl_setup *st, area_view *v)
{
	const rl_config *cfg = &st->cfg;
	char tw[32];
	v->derived = cfg->chip;
	if (v->si.fma_units > 0 && cfg->design.clock_hz > 0)
		rl_silicon_apply(&v->si, &v->derived);
	v->prec = rl_matrix_prec(&cfg->scen);
	v->full_flops = rl_chip_peak(&v->derived, v->prec);
	v->have_power = rl_power_known(cfg) && v->full_flops > 0;
	if (v->have_power) {
		/* the chip as derived, as eval resolves a chip by design before
		** its power: the PHYs' term reads the chip's HBM bandwidth, which
		** the preset of a chip by design leaves at 0 (Sohu by design's
		** 25 W came out 0) and --set design.hbm_stacks moves */
		rl_config as = *cfg;
		as.chip = v->derived;
		rl_power_of(&as, v->prec, 1.0, v->full_flops, v->derived.hbm_Bps,
		            0.0, &v->pw);
		v->tdp_clock = cfg->chip.tdp_w > 0 && v->pw.total_w > cfg->chip.tdp_w
		                   ? full_load_clock(&as, v, cfg->chip.tdp_w)
		                   : 1.0;
	} else {
		v->tdp_clock = NAN;
	}
	v->have_cost = rl_chip_cost_of(cfg, v->derived.hbm_bytes, &v->cost) == 0;
	v->nviol = rl_silicon_explain(cfg, &v->si, v->si.violations, v->viol,
	                              MAX_VIOL);
	/* over the TDP with a clock that fits it: the chip lowers its clock,
	** as eval does (a note, under the TDP line); no clock fits: a
	** violation, as eval flags it (RL_V_POWER) */
	if (v->have_power && v->tdp_clock == 0 && v->nviol < MAX_VIOL)
		snprintf(v->viol[v->nviol++], sizeof v->viol[0],
		         "power: every MAC array busy at %s with HBM at full "
		         "bandwidth draws %.0f W, over the %s W TDP even at the "
		         "lowest clock; --set chip.tdp_w=%.0f lifts the limit",
		         rl_precision_name(v->prec), v->pw.total_w,
		         rl_number_write(cfg->chip.tdp_w, tw, sizeof tw),
		         ceil(v->pw.total_w));
}

/* Why area has no full-load power, the one reason that holds named: no
** energy per operation without a process node ([preset] node: the B200,
** L40S), or no peak at the precision asked (the A100 at the default fp8,
** whose power eval gives at bf16) */
static void power_unknown(const rl_setup *st, const area_view *v)
{
	const char *p = rl_precision_name(v->prec);
	char chip[4 * RL_NAME_MAX + 1]; /* its controls as '?' */
	rl_utf8_cell(st->chip, 0, 0, chip, sizeof chip);
	if (!rl_power_known(&st->cfg))
		printf("power: unknown (no process node ([preset] node): no energy "
		       "per operation)\n");
	else if (v->prec != RL_PREC_BF16 &&
	         rl_chip_peak(&v->derived, RL_PREC_BF16) > 0)
		printf("power: unknown (%s has no %s peak, the precision of full "
		       "load here (--precision, default fp8); --precision bf16 "
		       "gives it)\n", chip, p);
	else
		printf("power: unknown (%s has no %s peak, the precision of full "
		       "load here (--precision, default fp8))\n", chip, p);
}

/* A chip served by its spec sheet whose HBM there is not its design's
** (the H200's 141 GiB usable, 151.4 GB, of 6 stacks of 24 GiB, 154.6 GB):
** the cost line above prices the design's stacks, eval (model/eval.c) the
** spec sheet's, so eval's cost.chip_cost_usd differs; said under it with
** eval's figure, where the two read as one chip at two costs. */
static int served_cost(const rl_config *cfg, const area_view *v,
                       rl_chip_cost *served)
{
	return !(cfg->chip.by_design > 0.5 ||
	         cfg->chip.hbm_bytes == v->derived.hbm_bytes ||
	         rl_chip_cost_of(cfg, cfg->chip.hbm_bytes, served) ||
	         fabs(served->chip_usd - v->cost.chip_usd) < 0.5);
}

static void served_cost_note(const rl_config *cfg, const area_view *v)
{
	rl_chip_cost served;
	if (!served_cost(cfg, v, &served))
		return;
	printf("(HBM priced at the design's %.1f GB; eval serves the spec sheet's "
	       "%.1f GB\n and prices the chip at %.0f USD, HBM %.0f USD: its "
	       "cost.chip_cost_usd)\n", v->derived.hbm_bytes / 1e9,
	       cfg->chip.hbm_bytes / 1e9, served.chip_usd, served.hbm_usd);
}

/* A chip served by its design whose design gives no HBM but whose spec
** sheet does (opts_design_hbm_kept): serving keeps the sheet's; the
** table's note under its columns, in one line for the JSON. */
static void hbm_kept_words(const rl_config *cfg, char *buf, size_t len)
{
	char bw[48];
	opts_hbm_bw_text(cfg, bw, sizeof bw);
	snprintf(buf, len, "design.hbm_stacks = 0 gives no HBM, so serving "
	         "keeps the spec sheet's %.1f GB at %s (chip.hbm_gb, "
	         "chip.hbm_tbps); a chip without HBM needs --set chip.hbm_gb=0 "
	         "--set chip.hbm_tbps=0 too", cfg->chip.hbm_bytes / 1e9, bw);
}

/* A chip served by its design whose design gives no SRAM block
** (design.frac_sram and design.sram_mm2 0: the H100's and H200's designs
** give the die by its totals, its 50 MB of L2 not broken out) but whose
** spec sheet gives SRAM: serving keeps the sheet's (model/silicon.c
** rl_silicon_apply takes the design's SRAM only where it derives some),
** right for such a die, whose SRAM is there though the design does not
** describe it; said, where the design column's "-" read as none. */
static int sram_kept(const rl_config *cfg, const rl_silicon *si)
{
	return cfg->chip.by_design > 0.5 && !(si->sram_bytes > 0) &&
	       cfg->chip.sram_bytes > 0;
}

static void sram_kept_words(const rl_config *cfg, char *buf, size_t len)
{
	snprintf(buf, len, "the design gives no SRAM block (design.frac_sram 0), "
	         "so serving keeps the spec sheet's %.1f MB (chip.sram_mb), a "
	         "die's SRAM the design does not describe; design.frac_sram or "
	         "design.sram_mm2 > 0 gives it by design",
	         cfg->chip.sram_bytes / 1e6);
}

/* The cost line of a chip whose cost is unknown: what is known (the die
** where a node prices it, the memory, the package) and, plainly, what is
** not and why: no node named (no wafer price, so no die cost), a node
** without a wafer price, a die no whole one of which fits the node's
** wafer (or whose yield is 0), or GDDR6 (no price per GB in the
** sources). */
static void no_cost_line(const rl_setup *st, const area_view *v)
{
	const rl_config *cfg = &st->cfg;
	const rl_chip_cost *c = &v->cost;
	int gddr6 = cfg->chip.memory_kind == RL_MEM_GDDR6;
	char die[4 * RL_NAME_MAX + 128], mem[160], node[4 * RL_NAME_MAX + 1];
	char yt[32];
	/* (a node's name, a path at times, with its controls as '?', as the
	** "design on node" line shows it: an escape in it reached the
	** terminal from here) */
	rl_utf8_cell(st->node, 0, 0, node, sizeof node);
	if (isfinite(c->die_usd))
		snprintf(die, sizeof die, "die %.0f USD", c->die_usd);
	else if (!st->node[0])
		snprintf(die, sizeof die, "no node ([preset] node): no wafer "
		         "price, so no die cost");
	else if (!(cfg->node.wafer_usd > 0))
		snprintf(die, sizeof die, "node %s gives no wafer price: no die "
		         "cost", node);
	else if (!(c->dies_per_wafer >= 1))
		/* (the node prices its wafer, but no whole die fits on it) */
		snprintf(die, sizeof die, "no whole die of %.0f mm2 fits node "
		         "%s's %.0f mm wafer: no die cost",
		         cfg->design.die_m2 * 1e6, node,
		         cfg->node.wafer_diameter_m * 1e3);
	else
		snprintf(die, sizeof die, "node %s's yield for a %.0f mm2 die is "
		         "%s: no die cost", node, cfg->design.die_m2 * 1e6,
		         rl_fig_text(yt, sizeof yt, c->yield));
	if (gddr6)
		snprintf(mem, sizeof mem, "chip.memory gddr6: no price per GB "
		         "of GDDR6 in data/sources/silicon.csv");
	else if (v->derived.hbm_bytes > 0)
		snprintf(mem, sizeof mem, "HBM %.0f USD", c->hbm_usd);
	else
		snprintf(mem, sizeof mem, "no HBM");
	printf("manufacturing cost: unknown (%s;\n %s;\n package%s %.0f USD)\n",
	       die,
	       mem, gddr6 || !(v->derived.hbm_bytes > 0) ? " without interposer"
	                                                 : "",
	       c->package_usd);
}

/* Which column serving reads (eval, map, curve, sweep): a chip by design
** is served as its design derives it, a spec-sheet chip as its sheet
** gives it, whatever --set design.* moves in the design column. */
static const char *served_column(const rl_config *cfg)
{
	return cfg->chip.by_design > 0.5 ? "design" : "spec_sheet";
}

/* Why serving refuses the chip, or NULL: no HBM in the column it serves
** (model/servesetup.c's check), unless software keeps weights resident in
** SRAM without an HBM copy (chip.sram_resident_share > 0,
** chip.sram_hbm_copy false): then eval serves it where the model's weights,
** the runtime and the KV cache fit in the resident share, which area,
** knowing no model, cannot check (sram_note says so); a sweep's point
** refused has status 2. */
static const char *serving_refused(const rl_config *cfg, const area_view *v)
{
	const rl_chip *c = cfg->chip.by_design > 0.5 ? &v->derived : &cfg->chip;
	if (c->hbm_bytes > 0 && c->hbm_Bps > 0)
		return NULL;
	if (c->hbm_bytes == 0 && c->hbm_Bps == 0 && rl_sram_resident_on(c) &&
	    !(c->sram_hbm_copy > 0.5))
		return NULL;
	return "no HBM: serving does not model this chip (eval, map and curve "
	       "refuse it, a sweep stores its points as not evaluable) unless "
	       "every weight and the KV cache are in SRAM: "
	       "chip.sram_resident_share > 0 and chip.sram_hbm_copy = false "
	       "(a copy of the weights needs HBM); else design.hbm_stacks >= 1";
}

static void out_json(const rl_setup *st, const area_view *v)
{
	const rl_config *cfg = &st->cfg;
	const rl_silicon *si = &v->si;
	json_w w;
	size_t i;
	int b;
	json_begin(&w, stdout);
	json_str(&w, "chip", st->chip);
	json_str(&w, "node", st->node);
	json_obj(&w, "die");
	json_num(&w, "area_mm2", si->die_m2 * 1e6);
	json_num(&w, "dies", si->dies);
	json_num(&w, "transistors", si->transistors);
	json_num(&w, "density_mtr_per_mm2", si->density_per_m2 / 1e12);
	json_num(&w, "reticle_mm2", cfg->node.reticle_m2 * 1e6);
	json_end(&w);
	json_arr(&w, "blocks");
	for (b = 0; b < RL_BLK_COUNT; b++) {
		json_obj(&w, NULL);
		json_str(&w, "name", rl_block_name(b));
		json_num(&w, "area_mm2", si->area_m2[b] * 1e6);
		json_num(&w, "transistors", si->transistors_blk[b]);
		json_num(&w, "share", si->share[b]);
		json_end(&w);
	}
	json_end(&w);
	json_obj(&w, "mac");
	json_num(&w, "fma_units", si->fma_units);
	json_num(&w, "transistors_per_fma", cfg->design.transistors_per_fma);
	json_num(&w, "transistor_share", si->mac_share);
	json_num(&w, "clock_ghz", cfg->design.clock_hz / 1e9);
	json_end(&w);
	json_obj(&w, "peak");
	json_obj(&w, "tflops");
	json_num(&w, "bf16", v->derived.peak_flops_bf16 / 1e12);
	json_num(&w, "fp8", v->derived.peak_flops_fp8 / 1e12);
	json_num(&w, "fp4", v->derived.peak_flops_fp4 / 1e12);
	json_end(&w);
	json_end(&w);
	json_obj(&w, "spec_sheet");
	json_num(&w, "tflops_bf16", cfg->chip.peak_flops_bf16 / 1e12);
	json_num(&w, "tflops_fp8", cfg->chip.peak_flops_fp8 / 1e12);
	json_num(&w, "sram_mb", cfg->chip.sram_bytes / 1e6);
	json_num(&w, "sram_tbps", cfg->chip.sram_Bps / 1e12);
	json_num(&w, "sram_resident_share", cfg->chip.sram_resident_share);
	json_num(&w, "hbm_gb", cfg->chip.hbm_bytes / 1e9);
	json_num(&w, "hbm_tbps", cfg->chip.hbm_Bps / 1e12);
	json_end(&w);
	json_str(&w, "served", served_column(cfg));
	/* the HBM serving keeps from the spec sheet where the design it
	** serves gives none (the table's note under its columns) */
	if (opts_design_hbm_kept(cfg)) {
		char words[400];
		hbm_kept_words(cfg, words, sizeof words);
		json_obj(&w, "hbm_kept");
		json_num(&w, "capacity_gb", cfg->chip.hbm_bytes / 1e9);
		json_num(&w, "bandwidth_tbps", cfg->chip.hbm_Bps / 1e12);
		json_str(&w, "note", words);
		json_end(&w);
	} else {
		json_null(&w, "hbm_kept");
	}
	if (sram_kept(cfg, si)) {
		char words[400];
		sram_kept_words(cfg, words, sizeof words);
		json_obj(&w, "sram_kept");
		json_num(&w, "sram_mb", cfg->chip.sram_bytes / 1e6);
		json_str(&w, "note", words);
		json_end(&w);
	} else {
		json_null(&w, "sram_kept");
	}
	if (serving_refused(cfg, v))
		json_str(&w, "serving_refused", serving_refused(cfg, v));
	else
		json_null(&w, "serving_refused");
	json_num(&w, "sram_mb", v->derived.sram_bytes / 1e6);
	json_num(&w, "sram_tbps", v->derived.sram_Bps / 1e12);
	json_obj(&w, "hbm");
	json_str(&w, "generation", rl_hbm_name((int)cfg->design.hbm_gen));
	json_num(&w, "stacks", cfg->design.hbm_stacks);
	json_num(&w, "capacity_gb", v->derived.hbm_bytes / 1e9);
	json_num(&w, "bandwidth_tbps", v->derived.hbm_Bps / 1e12);
	json_num(&w, "edge_needed_mm", si->edge_needed_m * 1e3);
	json_num(&w, "edge_available_mm", si->edge_m * 1e3);
	{
		/* the most stacks each check allows (null: no such check) */
		double edge, area;
		rl_silicon_max_stacks(cfg, si, &edge, &area);
		json_num(&w, "max_stacks_edge", isfinite(edge) ? edge : NAN);
		json_num(&w, "max_stacks_phy_area", isfinite(area) ? area : NAN);
	}
	json_end(&w);
	json_obj(&w, "power");
	json_num(&w, "tdp_w", cfg->chip.tdp_w);
	json_str(&w, "precision", rl_precision_name(v->prec));
	json_num(&w, "full_load_w", v->have_power ? v->pw.total_w : NAN);
	json_num(&w, "static_w", v->have_power ? v->pw.static_w : NAN);
	json_num(&w, "clocked_w", v->have_power ? v->pw.clocked_w : NAN);
	json_num(&w, "phy_w", v->have_power ? v->pw.phy_w : NAN);
	json_num(&w, "compute_w", v->have_power ? v->pw.compute_w : NAN);
	json_num(&w, "sram_w", v->have_power ? v->pw.sram_w : NAN);
	json_num(&w, "hbm_w", v->have_power ? v->pw.hbm_w : NAN);
	/* the clock share the TDP sets at full load (1: within it; 0: none
	** fits; null: no power) */
	json_num(&w, "full_load_clock_scale", v->tdp_clock);
	json_end(&w);
	json_obj(&w, "cost");
	json_num(&w, "dies_per_wafer", v->cost.dies_per_wafer);
	json_num(&w, "yield", v->cost.yield);
	json_num(&w, "die_usd", v->cost.die_usd);
	json_num(&w, "hbm_usd", v->cost.hbm_usd);
	json_num(&w, "package_usd", v->cost.package_usd);
	json_num(&w, "chip_usd", v->cost.chip_usd);
	{
		/* the spec sheet's HBM priced, as eval does (its
		** cost.chip_cost_usd), where it is not the design's: the table's
		** note under its cost line */
		rl_chip_cost served;
		if (served_cost(cfg, v, &served)) {
			json_obj(&w, "as_served");
			json_num(&w, "hbm_gb", cfg->chip.hbm_bytes / 1e9);
			json_num(&w, "hbm_usd", served.hbm_usd);
			json_num(&w, "chip_usd", served.chip_usd);
			json_end(&w);
		} else {
			json_null(&w, "as_served");
		}
	}
	json_end(&w);
	json_arr(&w, "violations");
	for (i = 0; i < v->nviol; i++)
		json_str(&w, NULL, v->viol[i]);
	json_end(&w);
	json_finish(&w);
}

/* What the SRAM buys in serving: weights kept resident in it
** (chip.sram_resident_share) are read from it at its bandwidth instead of
** from HBM, what they leave of the share holds KV, and without their HBM
** copy (chip.sram_hbm_copy false) they free HBM or let a chip without HBM
** serve; without that share it takes die area and energy alone. */
/* How many HBM stacks the die has room for, by its long edges and by the
** PHY area design.frac_phy gives (rl_silicon_max_stacks), and which binds:
** an architect asking how many stacks before area binds reads it here,
** where only a violation past them said so. */
/* A count of stacks in all its digits below 1e15, past it in 3 ("6.43e+301"
** of a PHY of 1e-300 mm, whose %.0f wrote 302 digits), as claim_speedup2
** writes a speedup (claim/numwords.c). */
static const char *stacks_text(char *buf, size_t len, double n)
{
	snprintf(buf, len, fabs(n) < 1e15 ? "%.0f" : "%.3g", n);
	return buf;
}

static void stacks_room(const rl_config *cfg, const rl_silicon *si)
{
	/* the PHY block by the form it was given in: its share or, since
	** design.phy_mm2, its area (the message named the share alone) */
	const char *phy = cfg->design.phy_m2 > 0 ? "design.phy_mm2"
	                                          : "design.frac_phy";
	double edge, area;
	char en[32], an[32];
	if (!(si->die_m2 > 0))
		return;
	rl_silicon_max_stacks(cfg, si, &edge, &area);
	if (!isfinite(edge) && !isfinite(area))
		return;
	stacks_text(en, sizeof en, edge);
	stacks_text(an, sizeof an, area);
	if (!isfinite(area))
		printf("(room for at most %s stacks on the long edges, %.1f mm "
		       "of PHY edge each;\n design.frac_phy 0 and design.phy_mm2 "
		       "0 set no PHY area)\n",
		       en, cfg->design.hbm_phy_edge_m * 1e3);
	else if (!isfinite(edge))
		printf("(room for at most %s stacks in the PHY area "
		       "%s gives, %.1f mm2, %.1f mm2 each)\n", an, phy,
		       si->area_m2[RL_BLK_PHY] * si->dies * 1e6,
		       cfg->design.hbm_phy_m2 * 1e6);
	else
		printf("(room for at most %s stacks on the long edges, %.1f mm "
		       "each, and %s in the PHY area\n %s gives, "
		       "%.1f mm2 at %.1f mm2 each: %s; more is a violation)\n",
		       en, cfg->design.hbm_phy_edge_m * 1e3, an, phy,
		       si->area_m2[RL_BLK_PHY] * si->dies * 1e6,
		       cfg->design.hbm_phy_m2 * 1e6,
		       area < edge ? "the PHY area binds"
		                   : area > edge ? "the edges bind" : "both bind");
}

static void sram_note(const rl_config *cfg, const rl_silicon *si)
{
	double sram = si->sram_bytes > 0 ? si->sram_bytes : cfg->chip.sram_bytes;
	double bw = si->sram_bytes > 0 ? si->sram_Bps : cfg->chip.sram_Bps;
	double share = cfg->chip.sram_resident_share;
	int copy = cfg->chip.sram_hbm_copy > 0.5;
	if (!(sram > 0))
		return;
	char sh[32];
	if (share > 0)
		printf("(SRAM: chip.sram_resident_share %s keeps up to %.1f MB of "
		       "weights per chip resident,\n read from it at %.1f TB/s "
		       "instead of from HBM: eval's "
		       "memory.sram_resident_bytes_per_chip;\n what they leave of "
		       "it holds KV, read at the same bandwidth; %s)\n",
		       rl_number_write(share, sh, sizeof sh), share * sram / 1e6,
		       bw / 1e12,
		       copy ? "their copy stays in HBM\n (chip.sram_hbm_copy = "
		              "true; false frees it for the KV cache)"
		            : "no copy in HBM\n (chip.sram_hbm_copy = false): "
		              "without HBM, eval serves the chip where weights,\n "
		              "runtime and KV cache fit in these MB");
	else
		printf("(SRAM: takes its share of the die and energy per FLOP; "
		       "serving reads its capacity\n only through "
		       "chip.sram_resident_share, weights kept resident and read "
		       "at its\n bandwidth instead of HBM's: 0 here, as for a "
		       "cache such as a GPU's L2, which\n streamed weights evict; "
		       "--set chip.sram_resident_share=1 to weigh it%s)\n",
		       bw > 0 ? "" : "\n with chip.sram_tbps, which this chip "
		                    "does not give");
}

static void row3p(const char *what, double design, double sheet, double div,
                  int prec)
{
	char a[32], b[32];
	if (design > 0)
		snprintf(a, sizeof a, "%.*f", prec, design / div);
	else
		snprintf(a, sizeof a, "-");
	if (sheet > 0)
		snprintf(b, sizeof b, "%.*f", prec, sheet / div);
	else
		snprintf(b, sizeof b, "-");
	printf("  %-28s %12s %12s\n", what, a, b);
}

static void row3(const char *what, double design, double sheet, double div)
{
	row3p(what, design, sheet, div, 1);
}

/* The clock the node's FMA and clocked-logic energies hold at, which a
** node change moves with them (n4 names 1.83 GHz, n5 and n7 none: their
** energies are taken at the design's own clock), so that two nodes' full
** loads are not compared across that convention without a word. */
static void energy_clock_note(const rl_setup *st, const rl_config *cfg)
{
	char node[RL_NAME_MAX], nt[32], rt[32];
	double nom = cfg->design.clock_hz, ref = cfg->node.ref_clock_hz;
	if (!(nom > 0) || !st->node[0])
		return;
	rl_utf8_cell(st->node, 0, 0, node, sizeof node);
	/* the clocks as given, in all their digits (rl_number_write: 1.755
	** GHz, where %.3g wrote 1.75) */
	rl_number_write(nom / 1e9, nt, sizeof nt);
	if (ref > 0)
		printf("(energies: node %s's FMA and clocked-logic energies hold "
		       "at %s GHz (node.ref_clock_ghz);\n at the design's %s "
		       "GHz, %.3f of them)\n",
		       node, rl_number_write(ref / 1e9, rt, sizeof rt), nt,
		       rl_power_clock_energy(cfg, 1.0));
	else
		printf("(energies: node %s names no clock its energies hold at "
		       "(node.ref_clock_ghz 0):\n taken as they are at the "
		       "design's %s GHz; compare nodes at one reference)\n",
		       node, nt);
}

static void out_table(const rl_setup *st, const area_view *v)
{
	const rl_config *cfg = &st->cfg;
	const rl_silicon *si = &v->si;
	char tw[32];
	size_t i;
	int b;
	/* what chip.hbm_gb and hbm_tbps are (chip.memory): the L40S's GDDR6
	** read "HBM capacity", "HBM at full bandwidth" and "+ HBM 52" */
	const char *mem = cfg->chip.memory_kind == RL_MEM_GDDR6 ? "GDDR6" : "HBM";
	char label[48], full[48];
	/* chip.hbm_tbps's unit and scale: the one table of display units */
	const rl_param *bw = rl_param_find("chip", "hbm_tbps");
	/* the chip's name and its node's (its file names it), their
	** controls as '?' */
	char chip[RL_NAME_MAX], node[RL_NAME_MAX];
	printf("%s: design on node %s\n",
	       rl_utf8_cell(st->chip, 0, 0, chip, sizeof chip),
	       st->node[0] ? rl_utf8_cell(st->node, 0, 0, node, sizeof node)
	                   : "(none)");
	printf("die: %.0f mm2 x %.0f, %.2f B transistors per die "
	       "(%.1f MTr/mm2), reticle %.0f mm2\n\n",
	       si->die_m2 * 1e6, si->dies, si->transistors / 1e9,
	       si->density_per_m2 / 1e12, cfg->node.reticle_m2 * 1e6);
	printf("  %-12s %12s %16s %8s\n", "block", "area mm2", "transistors",
	       "share");
	for (b = 0; b < RL_BLK_COUNT; b++)
		printf("  %-12s %12.1f %14.2f B %7.2f%%\n", rl_block_name(b),
		       si->area_m2[b] * 1e6, si->transistors_blk[b] / 1e9,
		       si->share[b] * 100);
	if (si->dies > 1)
		printf("  (blocks per die; the package has %.0f)\n", si->dies);
	/* the rest is no block's and no figure of its own: a block given more
	** takes it first, so more SRAM costs no MAC area (sohu-design's 30%,
	** which no source gives: data/chips/sohu-design.ini) */
	if (si->share[RL_BLK_REST] > 0)
		printf("  (unassigned: 1 less the five shares, a residue with no "
		       "figure of its own; a block\n   given more takes its area "
		       "from it, not from the others: more SRAM costs no MAC\n"
		       "   area until the shares pass 1; lower design.frac_mac "
		       "too to trade them)\n");
	printf("\nMAC arrays: %.0f FP16 FMA units x %.0f transistors = %.2f B "
	       "(%.2f%% of the transistors), at %s GHz\n",
	       si->fma_units, cfg->design.transistors_per_fma,
	       si->fma_units * cfg->design.transistors_per_fma / 1e9,
	       si->mac_share * 100,
	       rl_number_write(cfg->design.clock_hz / 1e9, tw, sizeof tw));
	printf("\n  %-28s %12s %12s\n", "", "design", "spec sheet");
	row3("peak BF16 dense (TFLOPS)", v->derived.peak_flops_bf16,
	     cfg->chip.peak_flops_bf16, 1e12);
	row3("peak FP8 dense (TFLOPS)", v->derived.peak_flops_fp8,
	     cfg->chip.peak_flops_fp8, 1e12);
	row3("peak FP4 dense (TFLOPS)", v->derived.peak_flops_fp4,
	     cfg->chip.peak_flops_fp4, 1e12);
	row3("SRAM (MB)", si->sram_bytes, cfg->chip.sram_bytes, 1e6);
	snprintf(label, sizeof label, "%s capacity (GB)", mem);
	row3(label, si->hbm_bytes, cfg->chip.hbm_bytes, 1e9);
	/* in chip.hbm_tbps's unit (model/params.c), as eval, claim and
	** the chip files give it, where this row alone said GB/s */
	snprintf(label, sizeof label, "%s bandwidth (%s)", mem, bw->unit);
	row3p(label, si->hbm_Bps, cfg->chip.hbm_Bps, bw->scale, 3);
	row3("SRAM bandwidth (TB/s)", si->sram_Bps, cfg->chip.sram_Bps, 1e12);
	if (cfg->chip.by_design > 0.5) {
		printf("(serving reads the design column: chip.by_design = "
		       "true)\n");
		if (opts_design_hbm_kept(cfg)) {
			char kept[48];
			opts_hbm_bw_text(cfg, kept, sizeof kept);
			printf("(but its HBM: design.hbm_stacks = 0 gives none, so "
			       "serving keeps the spec\n sheet's %.1f GB at %s "
			       "(chip.hbm_gb, chip.hbm_tbps); a chip without "
			       "HBM\n needs --set chip.hbm_gb=0 --set "
			       "chip.hbm_tbps=0 too)\n",
			       cfg->chip.hbm_bytes / 1e9, kept);
		}
		if (sram_kept(cfg, si))
			printf("(and its SRAM: the design gives no SRAM block "
			       "(design.frac_sram 0), so serving\n keeps the spec "
			       "sheet's %.1f MB (chip.sram_mb), a die's SRAM the "
			       "design does not\n describe; design.frac_sram or "
			       "design.sram_mm2 > 0 gives it by design)\n",
			       cfg->chip.sram_bytes / 1e6);
	}
	else if (si->fma_units > 0)
		printf("(serving reads the spec sheet column: chip.by_design = "
		       "false, so --set design.*\n moves the design column "
		       "alone; --set chip.by_design=true serves the design)\n");
	sram_note(cfg, si);
	if (cfg->chip.memory_kind == RL_MEM_GDDR6)
		printf("\nmemory: GDDR6 packages on the board (chip.memory gddr6); "
		       "the design's HBM stacks:");
	printf("\nHBM: %.0f x %s stacks; PHY edge %.1f mm needed of %.1f mm on "
	       "the long edges\n",
	       cfg->design.hbm_stacks, rl_hbm_name((int)cfg->design.hbm_gen),
	       si->edge_needed_m * 1e3, si->edge_m * 1e3);
	stacks_room(cfg, si);
	if (serving_refused(cfg, v))
		printf("(%s)\n", serving_refused(cfg, v));
	snprintf(full, sizeof full, "%s at full bandwidth", mem);
	if (v->have_power)
		/* every term rl_power_at adds at this load (no vector work, no
		** link traffic: those are 0), so that the terms make the total */
		printf("power at full load (%s, %s): %.0f W = "
		       "static %.0f + clocked %.0f + PHY %.0f + MAC %.0f + SRAM "
		       "%.0f + %s %.0f\n",
		       rl_precision_name(v->prec),
		       v->derived.hbm_Bps > 0 ? full : "no HBM",
		       v->pw.total_w, v->pw.static_w,
		       v->pw.clocked_w, v->pw.phy_w, v->pw.compute_w, v->pw.sram_w,
		       mem, v->pw.hbm_w);
	/* a design file with no [power]: its static term is the stacks'
	** standby alone (power.hbm_idle_w_per_gb), which read as the die's
	** leakage ("static 8" of a 500 mm2 die: ux27's walk) */
	if (v->have_power && !(cfg->cost.static_w > 0) &&
	    !(cfg->cost.idle_w > 0))
		printf("(static %.0f W is the HBM stacks' standby alone: neither "
		       "power.static_w nor\n power.idle_w is given, so no board "
		       "or die leakage is counted; [power] static_w,\n or --set "
		       "power.static_w=W, adds it)\n", v->pw.static_w);
	if (!v->have_power)
		power_unknown(st, v);
	if (v->have_power)
		printf("(full load, every MAC array busy%s%s at once, is a ceiling\n "
		       "no served workload reaches: rooflab eval gives a "
		       "workload's power.watts)\n",
		       v->derived.hbm_Bps > 0 ? " and " : "",
		       v->derived.hbm_Bps > 0 ? full : "");
	if (v->have_power)
		energy_clock_note(st, cfg);
	if (cfg->chip.tdp_w > 0)
		printf("TDP: %s W\n", rl_number_write(cfg->chip.tdp_w, tw,
		                                       sizeof tw));
	else
		printf("TDP: none given\n");
	if (v->have_power && v->tdp_clock > 0 && v->tdp_clock < 1) {
		/* the clock lowered to and its share by eval's rule (0.850,
		** 1.50 GHz, where %.3g wrote 0.85 and 1.5) */
		char ghz[48] = "", f[32], sc[32];
		double nom = cfg->design.clock_hz / 1e9;
		/* a clock lowered by a hair said lowered: a figure that
		** rounds onto the nominal one rounds down instead (0.999 of
		** nominal, 1.49 GHz, where 1.00 and 1.50 read not lowered) */
		rl_fig_text(sc, sizeof sc, v->tdp_clock);
		if (strtod(sc, NULL) >= 1)
			rl_fig_text_dir(sc, sizeof sc, v->tdp_clock, -1);
		if (cfg->design.clock_hz > 0) {
			rl_fig_text(f, sizeof f, v->tdp_clock * nom);
			if (strtod(f, NULL) >= nom)
				rl_fig_text_dir(f, sizeof f, v->tdp_clock * nom, -1);
			snprintf(ghz, sizeof ghz, " (%s GHz)", f);
		}
		printf("(note: full load would draw %.0f W; the TDP lowers the "
		       "clock to %s of nominal%s\n there, as eval does for a "
		       "phase over it (power.clock_scale): not a violation;\n "
		       "--set chip.tdp_w=%.0f lifts the limit)\n",
		       v->pw.total_w, sc, ghz,
		       ceil(v->pw.total_w));
	}
	if (v->have_cost) {
		/* a package of several dies pays each (cost.c: dies x die) */
		char ndies[48] = "";
		if (si->dies > 1)
			snprintf(ndies, sizeof ndies, " x %.0f", si->dies);
		printf("manufacturing cost: %.0f dies per wafer, yield %.1f%%, "
		       "die %.0f USD%s, HBM %.0f USD, package %.0f USD: chip %.0f "
		       "USD (what "
		       "it costs to make, not its price)\n",
		       v->cost.dies_per_wafer, v->cost.yield * 100, v->cost.die_usd,
		       ndies, v->cost.hbm_usd, v->cost.package_usd,
		       v->cost.chip_usd);
		served_cost_note(cfg, v);
	} else {
		no_cost_line(st, v);
	}
	/* (cost.c leaves the interposer out without HBM) */
	if (v->have_cost && !(v->derived.hbm_bytes > 0))
		printf("(package without HBM: cost.package_usd %.0f USD less the "
		       "silicon interposer's\n cost.interposer_usd %.0f USD, which a "
		       "chip without HBM stacks does not need;\n its organic "
		       "substrate is counted as nothing: silicon.csv gives no "
		       "organic\n package cost)\n",
		       cfg->cost.package_usd, cfg->cost.interposer_usd);
	printf("\nviolations:%s\n", v->nviol ? "" : " none");
	for (i = 0; i < v->nviol; i++)
		printf("  %s\n", v->viol[i]);
}

/* No chip given (nor a scenario naming one): the message names the chips
** to choose from, as eval's, map's and curve's do (config/opts.c). */
static int missing_chip(void)
{
	char known[1024], msg[1100];
	preset_known("chip", known, sizeof known);
	snprintf(msg, sizeof msg, "missing --chip NAME (known: %s)", known);
	return bad_input("area", msg);
}

int cmd_area(int argc, char **argv)
{
	eval_opts o;
	rl_setup st;
	area_view v;
	char err[2048], msg[1024];
	size_t k;
	int rc;

	memset(&o, 0, sizeof o);
	rc = opt_parse("area", eval_opts_table, &o, argc, argv, NULL, 0, NULL,
	               help);
	if (rc != OPT_GO_ON)
		return rc;
	if (opt_refuse_given("area", eval_opts_table, &o, area_refused,
	                     "area describes the chip alone (its die, its "
	                     "power with every MAC array busy, its cost): no "
	                     "model, workload, mapping or profile enters; use "
	                     "eval for a workload"))
		return RL_EINPUT;
	if (!o.chip && !o.scenario)
		return missing_chip();
	if ((rc = opts_apply(&o, &st, 0, err, sizeof err)))
		return input_fail("area", rc, err);
	if (!st.chip[0])
		return missing_chip();
	memset(&v, 0, sizeof v);
	if (rl_silicon_derive(&st.cfg, &v.si, msg, sizeof msg) != RL_OK ||
	    rl_power_check(&st.cfg, msg, sizeof msg) != RL_OK) {
		/* with the chip file (and --set) its numbers came from */
		setup_where(&st, msg, err, sizeof err);
		return bad_input("area", err);
	}
	build(&st, &v);
	for (k = 0; k < v.nviol; k++)
		cli_warn("area", v.viol[k]);
	if (serving_refused(&st.cfg, &v))
		cli_warn("area", serving_refused(&st.cfg, &v));
	if (o.json)
		out_json(&st, &v);
	else
		out_table(&st, &v);
	if (cli_out_check("area") != RL_OK)
		return RL_EINTERNAL;
	return RL_OK;
}
