/*
** test_silicon.c: the silicon, power and cost models (model/silicon.c,
** power.c, cost.c, eval.c) against expectations worked out by hand.
**
** Chip figures come from data/sources/hardware.csv, formulas and
** node figures from silicon.csv (and data/nodes/n4.ini, n7.ini, which cite
** them).  Each expected value is computed in the comment next to it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/benchrule.h"
#include "../model/cost.h"
#include "../model/engine.h"
#include "../model/params.h"
#include "../model/power.h"
#include "../model/silicon.h"
#include "fixtures.h"
#include "near.h"

/* data/nodes/n7.ini */
static void node_n7(rl_node *n)
{
	fx_node_n4(n);
	n->logic_density_per_m2 = 96.3e12;
	n->sram_bytes_per_m2 = 2.22e12;
	n->fma_energy_fp16_j = 0.50e-12;
	n->fma_energy_fp8_j = 0.25e-12;
	n->sram_energy_j_per_byte = 1.25e-12;
	n->wafer_usd = 9346;
	n->defect_density_per_m2 = 0.09e4;
}

/* DPW = pi (d/2)^2 / A - pi d / sqrt(2 A) (silicon.csv), d = 300 mm:
** A = 100 mm2: 70,685.8 / 100 - 942.478 / 14.1421 = 706.858 - 66.643 =
** 640.2 -> 640 whole dies.  A = 814 mm2 (GH100): 86.838 - 942.478 / 40.349
** = 86.838 - 23.358 = 63.48 -> 63. */
static void test_dies_per_wafer(void **state)
{
	(void)state;
	assert_true(rl_dies_per_wafer(0.3, 100e-6) == 640);
	assert_true(rl_dies_per_wafer(0.3, 814e-6) == 63);
	assert_true(rl_dies_per_wafer(0.3, 0) == 0);
}

/* A = 8.14 cm2, D0 = 0.1 /cm2: A D0 = 0.814.  Negative binomial, alpha 3:
** (1 + 0.814 / 3)^-3 = 1.271333^-3 = 1 / 2.054841 = 0.486656.  Murphy:
** ((1 - e^-0.814) / 0.814)^2 = ((1 - 0.443082) / 0.814)^2 = 0.684174^2
** = 0.468094.  Zero defects: yield 1. */
static void test_yield(void **state)
{
	(void)state;
	near(rl_yield(814e-6, 0.1e4, 3), 0.486656, 1e-5);
	near(rl_yield(814e-6, 0.1e4, 0), 0.468094, 1e-5);
	near(rl_yield(814e-6, 0, 3), 1.0, 1e-12);
}

/* H100 chip cost on n4: die = 16,988 / (63 x 0.486656) = 554.09 USD; HBM
** 85.9 GB x 15 USD/GB = 1,288.50; package and test 1,670 (defaults);
** chip 3,512.59 (Raymond James estimate 3,320, silicon.csv).  Without HBM,
** the package less its interposer. */
static void test_chip_cost(void **state)
{
	rl_config c;
	rl_chip_cost cc;
	(void)state;
	fx_h100_design(&c);
	assert_int_equal(rl_chip_cost_of(&c, c.chip.hbm_bytes, &cc), 0);
	assert_true(cc.dies_per_wafer == 63);
	near(cc.die_usd, 554.09, 1e-4);
	near(cc.hbm_usd, 1288.5, 1e-9);
	near(cc.chip_usd, 3512.59, 1e-5);
	near(cc.package_usd, 1670, 1e-15);
	/* without HBM no silicon interposer: the package is the 1,670 less
	** the CoWoS-S 750 (silicon.csv's H100 breakdown: CoWoS-S 750, test
	** and assembly 920), 920; the chip 554.09 + 0 + 920 = 1,474.09 */
	assert_int_equal(rl_chip_cost_of(&c, 0, &cc), 0);
	near(cc.hbm_usd + 1, 1, 1e-15);
	near(cc.package_usd, 920, 1e-15);
	near(cc.chip_usd, 1474.09, 1e-5);
	/* an interposer share of 0 keeps the whole package */
	c.cost.interposer_usd = 0;
	assert_int_equal(rl_chip_cost_of(&c, 0, &cc), 0);
	near(cc.package_usd, 1670, 1e-15);
	/* no wafer price: unknown, the die's cost with it; the HBM (85.9 GB
	** x 15 USD/GB = 1288.5) and the package (1670, with the interposer
	** its stacks need) need no node and are known */
	c.node.wafer_usd = 0;
	c.cost.interposer_usd = 750;
	assert_int_equal(rl_chip_cost_of(&c, c.chip.hbm_bytes, &cc), -1);
	assert_true(isnan(cc.chip_usd));
	assert_true(isnan(cc.die_usd));
	near(cc.hbm_usd, 1288.5, 1e-9);
	near(cc.package_usd, 1670, 1e-15);
	c.chip.memory_kind = RL_MEM_GDDR6; /* no price, no interposer */
	assert_int_equal(rl_chip_cost_of(&c, c.chip.hbm_bytes, &cc), -1);
	assert_true(isnan(cc.hbm_usd));
	near(cc.package_usd, 920, 1e-15);
}

/* The memo of rl_chip_cost_kept: a memo not yet valid never matches,
** even where the inputs it holds are the chip's own bit for bit (a fresh
** memo's inputs are whatever its memory held: its flag is what says
** whether they mean anything), so the cost is worked out: H100's
** 3,512.59 USD (test_chip_cost), not the sentinel left in it.  A valid
** memo with the same inputs is returned as it is (the sentinel kept), and
** one input changed works it out again. */
static void test_chip_cost_memo(void **state)
{
	rl_config c;
	rl_chip_cost_memo m, first, unset;
	const rl_chip_cost *got;
	(void)state;
	fx_h100_design(&c);
	/* as eval.c starts one: the flag alone set (under valgrind the
	** inputs it never wrote are not read) */
	unset.valid = 0;
	near(rl_chip_cost_kept(&c, c.chip.hbm_bytes, &unset)->chip_usd,
	     3512.59, 1e-5);
	memset(&first, 0, sizeof first);
	got = rl_chip_cost_kept(&c, c.chip.hbm_bytes, &first);
	near(got->chip_usd, 3512.59, 1e-5);
	assert_int_equal(first.valid, 1);
	/* a fresh memo holding the same inputs and a sentinel: not a match */
	m = first;
	m.valid = 0;
	m.rc = 5;
	m.cc.chip_usd = -7;
	got = rl_chip_cost_kept(&c, c.chip.hbm_bytes, &m);
	assert_ptr_equal(got, &m.cc);
	near(got->chip_usd, 3512.59, 1e-5);
	assert_int_equal(m.rc, 0);
	assert_int_equal(m.valid, 1);
	/* valid with the same inputs: kept, not worked out again */
	m.cc.chip_usd = -7;
	assert_true(rl_chip_cost_kept(&c, c.chip.hbm_bytes, &m)->chip_usd ==
	            -7);
	/* one input differs (no HBM: 1,474.09, test_chip_cost): again */
	near(rl_chip_cost_kept(&c, 0, &m)->chip_usd, 1474.09, 1e-5);
}

/* USD per million output tokens written out from cost.h's formula, for an
** evaluation's own watts and output tokens/s: chips x (chip_usd / (years x
** 365.25 x 86400 s) + watts x server_overhead x PUE x USD/kWh / 3.6e6
** J/kWh) x 1e6 / output tokens/s (the figures test_usd_per_mtok_pair
** works out by hand for 8 chips at 700 W and 1,000 tokens/s). */
static double usd_mtok_by_hand(const rl_config *c, const rl_result *r,
                               double chip_usd)
{
	double chips = rl_scen_chips(&c->scen);
	return chips *
	       (chip_usd / (c->cost.years * 365.25 * 86400.0) +
	        r->power_w * c->cost.server_overhead * c->cost.pue *
	            c->cost.usd_per_kwh / 3.6e6) *
	       1e6 / r->output_tps;
}

/* GDDR6 (chip.memory gddr6, the L40S's) is not priced as HBM: the same
** H100 design with its 85.9 GB called GDDR6 keeps its die (554.09 USD,
** test_chip_cost), sits on no interposer (package 1,670 - 750 = 920), and
** has no memory price (silicon.csv prices HBM per GB, not GDDR6), so its
** memory and chip cost are unknown (NAN, -1), where HBM's 15 USD/GB would
** have made it 3,512.59; an evaluation says n/a for the cost and the USD
** per million tokens at cost, and keeps the price's. */
static void test_chip_cost_gddr6(void **state)
{
	rl_config c;
	rl_chip_cost cc;
	rl_result r;
	(void)state;
	fx_h100_design(&c);
	c.chip.memory_kind = RL_MEM_GDDR6;
	assert_int_equal(rl_chip_cost_of(&c, c.chip.hbm_bytes, &cc), -1);
	near(cc.die_usd, 554.09, 1e-4);
	near(cc.package_usd, 920, 1e-15);
	assert_true(isnan(cc.hbm_usd));
	assert_true(isnan(cc.chip_usd));
	c.scen.isl = 128;
	c.scen.osl = 128;
	c.cost.price_usd = 33625;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_true(isnan(r.chip_cost_usd));
	assert_true(isnan(r.usd_per_mtok_cost));
	near(r.chip_price_usd, 33625, 1e-12);
	/* the price's figure, energy and all, as cost.h writes it */
	assert_true(r.power_w > 0 && r.output_tps > 0);
	near(r.usd_per_mtok_price, usd_mtok_by_hand(&c, &r, 33625), 1e-12);
	/* HBM again: the cost of test_chip_cost */
	c.chip.memory_kind = RL_MEM_HBM;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.chip_cost_usd, 3512.59, 1e-5);
}

/* USD per million output tokens at the chip's cost and at its price
** (rl_usd_per_mtok_pair; eval.c's).  8 chips at 30,000 USD (the cost)
** over 4 years: 240,000 / (4 x 365.25 x 86400 s) = 1.901285e-3 USD/s;
** energy 8 x 700 W x 1.82 x 1.2 PUE x 0.10 USD/kWh / 3.6e6 J/kWh =
** 3.397333e-4 USD/s; at 1,000 output tokens/s: 2.241019 USD per million
** tokens.  At 40,000 USD (the price) the hardware term is 8 x 40,000 /
** (4 x 365.25 x 86400 s) = 2.535047e-3 USD/s, + 3.397333e-4 = 2.874780e-3
** USD/s, per 1,000 output tokens/s: 2.874780 USD per million.  The same
** doubles bit for bit as rl_usd_per_mtok_pair_hw given the hardware's
** shares (eval.c's cached path); an unknown price (NAN) is NAN beside a
** known cost, and no power or no tokens make both NAN. */
static void test_usd_per_mtok_pair(void **state)
{
	rl_config c;
	double at_cost, at_price, hw_cost, hw_price;
	(void)state;
	rl_config_defaults(&c);
	rl_usd_per_mtok_pair(&c.cost, 30000, 40000, 8, 700, 1000, &at_cost,
	                     &at_price);
	near(at_cost, 2.241019, 1e-6);
	near(at_price, 2.874780, 1e-6);
	rl_usd_per_mtok_pair_hw(&c.cost, 30000, 40000,
	                        rl_usd_hw_per_s(&c.cost, 30000, 8),
	                        rl_usd_hw_per_s(&c.cost, 40000, 8), 8, 700, 1000,
	                        &hw_cost, &hw_price);
	assert_memory_equal(&at_cost, &hw_cost, sizeof hw_cost);
	assert_memory_equal(&at_price, &hw_price, sizeof hw_price);
	rl_usd_per_mtok_pair(&c.cost, 30000, NAN, 8, 700, 1000, &at_cost,
	                     &at_price);
	near(at_cost, 2.241019, 1e-6);
	assert_true(isnan(at_price));
	rl_usd_per_mtok_pair(&c.cost, 30000, 40000, 8, NAN, 1000, &at_cost,
	                     &at_price);
	assert_true(isnan(at_cost) && isnan(at_price));
	rl_usd_per_mtok_pair(&c.cost, 30000, 40000, 8, 700, 0, &at_cost,
	                     &at_price);
	assert_true(isnan(at_cost) && isnan(at_price));
}

/* Reverse derivation, H100: 528 tensor cores x 512 FMA = 270,336 FMA
** units x 10,000 transistors = 2.70336e9 of 80e9 = 3.3792% ("only 3.3%");
** 2 x 270,336 x 1.83e9 = 989.42976e12 FLOP/s dense BF16 (spec 989.4),
** FP8 twice that. */
static void test_h100_reverse(void **state)
{
	rl_config c;
	rl_silicon si;
	(void)state;
	fx_h100_design(&c);
	assert_int_equal(rl_silicon_derive(&c, &si, NULL, 0), RL_OK);
	near(si.mac_share, 0.033792, 1e-9);
	near(si.transistors_blk[RL_BLK_MAC], 2.70336e9, 1e-9);
	near(si.peak_flops_bf16, 989.42976e12, 1e-9);
	near(si.peak_flops_bf16, 989.4e12, 1e-4);
	near(si.peak_flops_fp8, 1978.9e12, 1e-4);
	near(si.share[RL_BLK_REST], 1 - 0.033792, 1e-9);
	assert_int_equal(si.violations, 0);
}

/* A100: 108 SMs x 4 tensor cores = 432, x 256 dense FP16 FMA = 110,592
** units; x 10,000 = 1.10592e9 of 54.2e9 = 2.0404%; 2 x 110,592 x 1.41e9 =
** 311.86944e12 FLOP/s (spec 312). */
static void test_a100_reverse(void **state)
{
	rl_config c;
	rl_silicon si;
	(void)state;
	rl_config_defaults(&c);
	node_n7(&c.node);
	c.design.die_m2 = 826e-6;
	c.design.transistors = 54.2e9;
	c.design.fma_units = 108.0 * 4 * 256;
	c.design.transistors_per_fma = 10000;
	c.design.clock_hz = 1.41e9;
	assert_int_equal(rl_silicon_derive(&c, &si, NULL, 0), RL_OK);
	near(si.mac_share, 1.10592e9 / 54.2e9, 1e-9);
	near(si.mac_share, 0.020404, 1e-4);
	near(si.peak_flops_bf16, 311.86944e12, 1e-9);
	near(si.peak_flops_bf16, 312e12, 1e-3);
}

/* Forward: 20% of an 814 mm2 die at 98.3 MTr/mm2 = 0.2 x 80.0162e9 =
** 16.00324e9 transistors / 10,000 = 1,600,324 FMA units; at 1.5 GHz:
** 2 x 1,600,324 x 1.5e9 = 4.800972e15 FLOP/s BF16.  SRAM 10% x 814 mm2 x
** 2.86 MB/mm2 = 232.80 MB; 4 HBM3E stacks of 36 GiB at 1.2 TB/s: 154.62
** GB and 4.8 TB/s. */
static void test_forward(void **state)
{
	rl_config c;
	rl_silicon si;
	(void)state;
	rl_config_defaults(&c);
	fx_node_n4(&c.node);
	c.design.die_m2 = 814e-6;
	c.design.density_per_m2 = 98.3e12;
	c.design.frac_mac = 0.2;
	c.design.frac_sram = 0.1;
	c.design.clock_hz = 1.5e9;
	c.design.hbm_gen = RL_HBM3E;
	c.design.hbm_stacks = 4;
	c.design.hbm_stack_bytes = 36.0 * 1073741824.0;
	assert_int_equal(rl_silicon_derive(&c, &si, NULL, 0), RL_OK);
	near(si.fma_units, 1600324, 1e-9);
	near(si.peak_flops_bf16, 4.800972e15, 1e-9);
	near(si.peak_flops_fp8, 2 * 4.800972e15, 1e-9);
	near(si.sram_bytes, 232.804e6, 1e-6);
	near(si.hbm_bytes, 154.618822656e9, 1e-9);
	near(si.hbm_Bps, 4.8e12, 1e-12);
	/* two such dies in the package: twice the FMA units and the SRAM;
	** 5 stacks over 2 dies put 3 on the fuller one, whose edge must take
	** their 3 PHYs */
	c.design.dies = 2;
	c.design.hbm_stacks = 5;
	assert_int_equal(rl_silicon_derive(&c, &si, NULL, 0), RL_OK);
	near(si.fma_units, 2 * 1600324, 1e-9);
	near(si.sram_bytes, 2 * 232.804e6, 1e-6);
	near(si.edge_needed_m, 3 * c.design.hbm_phy_edge_m, 1e-12);
	near(si.phy_needed_m2, 3 * c.design.hbm_phy_m2, 1e-12);
	c.design.dies = 1;
	c.design.hbm_stacks = 4;
	/* forward and reverse agree: the H100's 3.3792% gives 270,336 */
	fx_h100_design(&c);
	c.design.frac_mac = 0.033792;
	assert_int_equal(rl_silicon_derive(&c, &si, NULL, 0), RL_OK);
	near(si.fma_units, 270336, 1e-9);
}

/* A block given by its area in mm2 (design.sram_mm2 ...) stands for
** its share of the die, area / die (rl_design_resolved).  test_forward's
** die, 814 mm2: its SRAM at 10%, 81.4 mm2, holds 232.804 MB, n4's 2.86
** MB/mm2; ux17's 100 mm2 more, 181.4 mm2, is a share of 181.4 / 814 =
** 0.222850 and holds 2.86 x 181.4 = 518.804 MB; 162.8 mm2 of MAC arrays
** is test_forward's 20%, its 1,600,324 FMA units.  An area over the die
** is refused; the parameter table pairs the two forms, and a share set
** after an area clears the area (the later value wins). */
static void test_area_in_mm2(void **state)
{
	rl_config c;
	rl_silicon si;
	const rl_param *fs = rl_param_find("design", "frac_sram");
	const rl_param *ms = rl_param_find("design", "sram_mm2");
	char err[256];
	(void)state;
	rl_config_defaults(&c);
	fx_node_n4(&c.node);
	c.design.die_m2 = 814e-6;
	c.design.density_per_m2 = 98.3e12;
	c.design.frac_mac = 0.5; /* set aside: the area below stands */
	c.design.mac_m2 = 162.8e-6;
	c.design.frac_sram = 0.1;
	c.design.sram_m2 = 181.4e-6;
	c.design.clock_hz = 1.5e9;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	near(si.share[RL_BLK_SRAM], 181.4 / 814, 1e-12);
	near(si.area_m2[RL_BLK_SRAM], 181.4e-6, 1e-12);
	near(si.sram_bytes, 518.804e6, 1e-6);
	near(si.fma_units, 1600324, 1e-9);
	near(rl_design_resolved(&c.design).frac_sram, 0.2228501228501, 1e-12);
	/* more than the die */
	c.design.sram_m2 = 900e-6;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err),
	                 RL_EINVAL);
	assert_non_null(strstr(err, "design.sram_mm2 = 900 mm2 is more than "
	                            "the die, design.die_mm2 = 814 mm2"));
	/* the table: the two forms paired, the area in mm2, range-checked */
	assert_non_null(fs);
	assert_non_null(ms);
	assert_ptr_equal(rl_param_other_form(fs), ms);
	assert_ptr_equal(rl_param_other_form(ms), fs);
	assert_null(rl_param_other_form(rl_param_find("design", "die_mm2")));
	assert_null(rl_param_other_form(rl_param_find("design",
	                                              "hbm_phy_mm2")));
	assert_string_equal(ms->unit, "mm2");
	assert_int_equal(rl_param_set(&c, ms, -1, err, sizeof err), RL_P_RANGE);
	assert_int_equal(rl_param_set(&c, ms, 181.4, err, sizeof err), RL_P_OK);
	near(c.design.sram_m2, 181.4e-6, 1e-12);
	assert_int_equal(rl_param_set_text(&c, fs, "0.1", err, sizeof err),
	                 RL_P_OK);
	assert_true(c.design.sram_m2 == 0);
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	near(si.sram_bytes, 232.804e6, 1e-6);
}

/* More MAC area never lowers peak FLOPS (and here always raises it). */
static void test_mac_area_monotone(void **state)
{
	rl_config c;
	rl_silicon si;
	double prev = 0, f;
	(void)state;
	rl_config_defaults(&c);
	fx_node_n4(&c.node);
	c.design.die_m2 = 800e-6;
	c.design.clock_hz = 1.5e9;
	c.design.frac_sram = 0.1;
	for (f = 0.01; f <= 0.9; f += 0.01) {
		c.design.frac_mac = f;
		assert_int_equal(rl_silicon_derive(&c, &si, NULL, 0), RL_OK);
		assert_true(si.peak_flops_bf16 > prev);
		prev = si.peak_flops_bf16;
	}
}

/* Constraints: shares over 1 are bad input; a die over the reticle, HBM
** stacks that do not fit along the edges and PHYs without room are flags.
** 200 mm2 at aspect 1.269: long side sqrt(200 x 1.269) = 15.93 mm, two
** long edges 31.87 mm < 8 stacks x 6.5 mm = 52 mm.  PHY area: 8 x 9.7 =
** 77.6 mm2 > 5% of 200 = 10 mm2. */
static void test_violations(void **state)
{
	rl_config c;
	rl_silicon si;
	char err[256] = "", texts[8][200];
	(void)state;
	rl_config_defaults(&c);
	fx_node_n4(&c.node);
	c.design.die_m2 = 800e-6;
	c.design.clock_hz = 1e9;
	c.design.frac_mac = 0.6;
	c.design.frac_sram = 0.5;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_EINVAL);
	assert_non_null(strstr(err, "add up to 1.1"));

	c.design.frac_sram = 0.1;
	c.design.die_m2 = 900e-6;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_true(si.violations & RL_V_RETICLE);
	assert_int_equal(rl_silicon_explain(&c, &si, si.violations, texts, 8), 1);
	assert_non_null(strstr(texts[0], "900 mm2 die exceeds the 858"));

	c.design.die_m2 = 200e-6;
	c.design.hbm_gen = RL_HBM3;
	c.design.hbm_stacks = 8;
	c.design.frac_phy = 0.05;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	near(si.edge_m, 2 * sqrt(200e-6 * 1.269), 1e-12);
	near(si.edge_needed_m, 52e-3, 1e-12);
	assert_true(si.violations & RL_V_HBM_EDGE);
	assert_true(si.violations & RL_V_PHY_AREA);
	assert_false(si.violations & RL_V_RETICLE);

	/* no node and no density: cannot derive */
	rl_config_defaults(&c);
	c.design.die_m2 = 800e-6;
	c.design.frac_mac = 0.2;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_EINVAL);
	assert_non_null(strstr(err, "node"));
	/* a density given with no node: no logic density to pass, no flag */
	c.design.density_per_m2 = 98.3e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_false(si.violations & RL_V_DENSITY);
	/* on N7 (96.3 MTr/mm2): at it no flag; a tenth of a percent over it,
	** 96.4, is the flag (the check's margin is rounding's, not 1%) */
	node_n7(&c.node);
	c.design.density_per_m2 = 96.3e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_false(si.violations & RL_V_DENSITY);
	c.design.density_per_m2 = 96.4e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_true(si.violations & RL_V_DENSITY);
	assert_int_equal(rl_silicon_explain(&c, &si, RL_V_DENSITY, texts, 8), 1);
	assert_non_null(strstr(texts[0], "density: 96.4 MTr/mm2 passes the "
	                                 "node's limit for this die, 96.3 "
	                                 "MTr/mm2 (logic 96.3, SRAM share 0 "));
	/* half the die SRAM: 2.22 MB/mm2 x 8 bits x 6 transistors (6T cell)
	** = 106.56 MTr/mm2 there, 96.3 in the rest, so the die's limit is
	** 0.5 x 106.56 + 0.5 x 96.3 = 101.43 MTr/mm2: 100, past the logic
	** density alone, is no flag; 101.5 is */
	c.design.frac_sram = 0.5;
	near(rl_silicon_density_limit(&c), 101.43e12, 1e-9);
	c.design.density_per_m2 = 100e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_false(si.violations & RL_V_DENSITY);
	c.design.density_per_m2 = 101.5e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_true(si.violations & RL_V_DENSITY);
	assert_int_equal(rl_silicon_explain(&c, &si, RL_V_DENSITY, texts, 8), 1);
	assert_non_null(strstr(texts[0], "density: 101.5 MTr/mm2 passes the "
	                                 "node's limit for this die, 101.4 "
	                                 "MTr/mm2 (logic 96.3, SRAM share 0.5 "
	                                 "at 106.6;"));
	/* on N4 (147.0 logic, 2.86 MB/mm2 -> 137.28 at 6 per bit, under the
	** logic density): the logic density, as before */
	fx_node_n4(&c.node);
	near(rl_silicon_density_limit(&c), c.node.logic_density_per_m2, 1e-12);
	/* and the explanation says the logic density stands for all of it:
	** "(logic 147.0, SRAM share 0.5 at 137.3" read as a blend, 0.5 x
	** 137.28 + 0.5 x 147.0 = 142.1, not the 147.0 it gives */
	c.design.density_per_m2 = 150e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_true(si.violations & RL_V_DENSITY);
	assert_int_equal(rl_silicon_explain(&c, &si, RL_V_DENSITY, texts, 8), 1);
	assert_non_null(strstr(texts[0], "density: 150.0 MTr/mm2 passes the "
	                                 "node's limit for this die, 147.0 "
	                                 "MTr/mm2 (logic, for all of it: its "
	                                 "SRAM at 137.3 is not denser;"));
	/* a node without an SRAM density, half the die SRAM: the logic
	** density alone, N4's 147.0 (this expected 96.3, N7's, under a
	** relative tolerance of 1e3 that any value passed) */
	c.node.sram_bytes_per_m2 = 0;
	near(rl_silicon_density_limit(&c), 147.0e12, 1e-9);
	/* the share clamped to [0, 1] (mutation tests): on N7 an all-SRAM
	** die's limit is the macros' 2.22 x 8 x 6 = 106.56 MTr/mm2, as is
	** one of share 1.5 (not 1.5 x 106.56 - 0.5 x 96.3 = 111.69); a
	** negative share counts as none, the logic density */
	node_n7(&c.node);
	c.design.frac_sram = 1;
	near(rl_silicon_density_limit(&c), 106.56e12, 1e-9);
	c.design.frac_sram = 1.5;
	near(rl_silicon_density_limit(&c), 106.56e12, 1e-9);
	c.design.frac_sram = -0.1;
	near(rl_silicon_density_limit(&c), 96.3e12, 1e-9);
	/* and the explanation says share 0 for it: 96.4 past 96.3 */
	c.design.density_per_m2 = 96.4e12;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_true(si.violations & RL_V_DENSITY);
	assert_int_equal(rl_silicon_explain(&c, &si, RL_V_DENSITY, texts, 8), 1);
	assert_non_null(strstr(texts[0], "(logic 96.3, SRAM share 0 at 106.6;"));
	/* no logic density: no limit (0), whatever the SRAM share, not the
	** SRAM half alone (0.5 x 106.56 = 53.28) */
	c.node.logic_density_per_m2 = 0;
	c.design.frac_sram = 0.5;
	assert_true(rl_silicon_density_limit(&c) == 0.0);
}

/* An active chip with zero load draws static + clocked logic + HBM PHY:
** 70 + 67 mW/mm2/GHz x 814 mm2 x 1.83 GHz = 99.80454 + 0.65 pJ/bit x 8 x
** 3.35e12 B/s = 17.42 -> 187.22454 W, and less clocked logic at a lower
** clock: at s = 0.5 with dvfs_exponent 1, 99.80454 x 0.5^2 = 24.951135. */
/* rl_silicon_max_stacks: the most stacks each check of rl_silicon_derive
** passes.  By hand, a 200 mm2 die at aspect 1.269: long edges 2 x
** sqrt(200 x 1.269) = 31.87 mm over 6.5 mm a PHY = 4.9, so 4; frac_phy
** 0.05 gives 10 mm2 over 9.7 mm2 = 1.03, so 1; one more of each is the
** violation.  Room for exactly 2 PHYs (frac_phy 0.097: 19.4 mm2) and an
** edge of exactly 5 PHYs allow 2 and 5 (the derive's comparisons pass
** there), whatever the quotients' rounding; two dies hold twice as many;
** frac_phy 0 sets no PHY area (INFINITY). */
static void test_max_stacks(void **state)
{
	rl_config c;
	rl_silicon si;
	char err[256] = "";
	double edge, area;
	(void)state;
	rl_config_defaults(&c);
	fx_node_n4(&c.node);
	c.design.die_m2 = 200e-6;
	c.design.clock_hz = 1e9;
	c.design.frac_mac = 0.2;
	c.design.frac_phy = 0.05;
	c.design.hbm_gen = RL_HBM3;
	c.design.hbm_stacks = 1;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	rl_silicon_max_stacks(&c, &si, &edge, &area);
	near(edge, 4, 0);
	near(area, 1, 0);
	c.design.hbm_stacks = 4;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_false(si.violations & RL_V_HBM_EDGE);
	c.design.hbm_stacks = 5;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_true(si.violations & RL_V_HBM_EDGE);
	c.design.hbm_stacks = 2;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_true(si.violations & RL_V_PHY_AREA);
	/* exactly 2 PHYs of area, exactly 5 of edge */
	c.design.frac_phy = 2 * 9.7e-6 / 200e-6;
	c.design.hbm_phy_edge_m = si.edge_m / 5;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_false(si.violations & RL_V_PHY_AREA);
	rl_silicon_max_stacks(&c, &si, &edge, &area);
	near(edge, 5, 0);
	near(area, 2, 0);
	c.design.hbm_stacks = 5;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	assert_false(si.violations & RL_V_HBM_EDGE);
	/* two dies: each holds as many */
	c.design.dies = 2;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	rl_silicon_max_stacks(&c, &si, &edge, &area);
	near(edge, 10, 0);
	near(area, 4, 0);
	c.design.frac_phy = 0;
	assert_int_equal(rl_silicon_derive(&c, &si, err, sizeof err), RL_OK);
	rl_silicon_max_stacks(&c, &si, &edge, &area);
	assert_true(isinf(area));
}

static void test_power_zero_load(void **state)
{
	rl_config c;
	rl_power_parts p;
	(void)state;
	fx_h100_design(&c);
	near(rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p), 187.22454, 1e-9);
	near(p.static_w, 70, 1e-12);
	near(p.clocked_w, 99.80454, 1e-9);
	near(p.phy_w, 17.42, 1e-9);
	assert_true(p.compute_w == 0 && p.hbm_w == 0 && p.link_w == 0 &&
	            p.vector_w == 0);
	near(rl_power_active(&c, 1), 187.22454, 1e-9);
	near(rl_power_active(&c, 0.5), 70 + 24.951135 + 17.42, 1e-9);
}

/* Calibration (h100-sxm.ini): 70% of the dense FP8 peak, 0.7 x 1978.9e12
** = 1385.23e12 FLOP/s = 692.615e12 FMA/s, with 0.42 TB/s of HBM traffic:
** static 70 + clocked 99.80454 + PHY 17.42 + FMAs 3.57 x 0.195 pJ x
** 692.615e12 = 482.1639 + SRAM 0.97 pJ x (0.01 x 1385.23e12 + 2 x
** 0.42e12) = 14.251 + HBM 5 pJ x 8 x 0.42e12 = 16.8 -> 700.44 W, "700 W at
** 70% utilization" (silicon.csv, Epoch). */
static void test_power_h100_calibration(void **state)
{
	rl_config c;
	(void)state;
	fx_h100_design(&c);
	near(rl_power_of(&c, RL_PREC_FP8, 1, 0.7 * 1978.9e12, 0.42e12, 0, NULL),
	     700.44, 1e-5);
	near(rl_power_of(&c, RL_PREC_FP8, 1, 0.7 * 1978.9e12, 0.42e12, 0, NULL),
	     700, 0.001);
}

/* Non-tensor work: 1e12 scores/s x 5 operations + 1e12 elements/s x 4
** operations = 9e12 operations/s x 6 pJ = 54 W; at clock share 0.5 with
** dvfs_exponent 1, 27 W. */
static void test_power_vector(void **state)
{
	rl_config c;
	rl_power_parts p;
	rl_work_rates w = {0, 0, 0, 1e12, 1e12, 0};
	(void)state;
	fx_h100_design(&c);
	rl_power_at(&c, RL_PREC_FP8, 1, &w, &p);
	near(p.vector_w, 54, 1e-12);
	near(p.total_w, 187.22454 + 54, 1e-9);
	rl_power_at(&c, RL_PREC_FP8, 0.5, &w, &p);
	near(p.vector_w, 27, 1e-12);
}

/* Cross-check on the A100 (a100-sxm.ini) with the H100's overhead: 70% of
** 312e12 BF16 = 218.4e12 FLOP/s = 109.2e12 FMA/s x 3.57 x 0.50 pJ =
** 194.922 W; static 55; clocked 67 x 826 x 1.41 = 78.03222; PHY 0.65 x 8
** x 2.039e12 = 10.6028; SRAM 1.25 pJ x (2.184e12 + 0.6e12) = 3.48; HBM 6
** pJ x 8 x 0.3e12 = 14.4: 356.43702 W, under the 400 W TDP (89%). */
static void test_power_a100_crosscheck(void **state)
{
	rl_config c;
	double p;
	(void)state;
	rl_config_defaults(&c);
	node_n7(&c.node);
	c.design.energy_overhead = 3.57;
	c.design.die_m2 = 826e-6;
	c.design.clock_hz = 1.41e9;
	c.chip.hbm_Bps = 2.039e12;
	c.cost.static_w = 55;
	c.cost.hbm_j_per_bit = 6e-12;
	p = rl_power_of(&c, RL_PREC_BF16, 1, 0.7 * 312e12, 0.3e12, 0, NULL);
	near(p, 356.43702, 1e-5);
	assert_true(p < 400 && p > 0.6 * 400);
}

/* A compute-bound FP8 prefill on the H100 (Llama-3 70B, 2048 tokens, one
** chip, ideal efficiencies) would draw more than 700 W at full clock: the
** TDP lowers the clock, power ends at the TDP, throughput falls. */
static void test_tdp_limit(void **state)
{
	rl_config c;
	rl_result free_run, limited;
	(void)state;
	fx_h100_design(&c);
	c.scen.isl = 2048;
	c.scen.osl = 1;
	c.chip.tdp_w = 0;
	assert_int_equal(rl_eval(&c, &free_run), RL_OK);
	assert_true(free_run.power_w > 700);
	assert_int_equal(free_run.power_limited, 0);
	c.chip.tdp_w = 700;
	assert_int_equal(rl_eval(&c, &limited), RL_OK);
	assert_int_equal(limited.power_limited, 1);
	assert_true(limited.clock_scale < 1 && limited.clock_scale > 0.5);
	assert_true(limited.power_w <= 700 * (1 + 1e-9));
	near(limited.power_w, 700, 1e-3);
	assert_true(limited.output_tps < free_run.output_tps);
	assert_true(limited.total_tps < free_run.total_tps);
	/* a TDP that the workload stays under changes nothing */
	c.chip.tdp_w = 2000;
	assert_int_equal(rl_eval(&c, &limited), RL_OK);
	assert_int_equal(limited.power_limited, 0);
	near(limited.output_tps, free_run.output_tps, 1e-12);
	/* a TDP below the static power cannot be met at any clock */
	c.chip.tdp_w = 50;
	assert_int_equal(rl_eval(&c, &limited), RL_OK);
	assert_true(limited.violations & RL_V_POWER);
	assert_int_equal(limited.power_limited, 0);
}

/* Without a node, power and cost are unknown (NAN), throughput is not. */
static void test_eval_without_node(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	fx_h100_design(&c);
	memset(&c.node, 0, sizeof c.node);
	c.scen.isl = 128;
	c.scen.osl = 128;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	/* throughput is known, and is the node's: the node prices energy and
	** silicon, and enters the time only through a TDP that lowers the
	** clock; with the n4 node and no TDP (0: none) the same chip serves
	** the same tokens/s, exactly */
	{
		rl_config n;
		rl_result rn;
		fx_h100_design(&n);
		n.scen.isl = 128;
		n.scen.osl = 128;
		n.chip.tdp_w = 0;
		assert_int_equal(rl_eval(&n, &rn), RL_OK);
		assert_true(rn.output_tps > 0 && !isnan(rn.power_w));
		assert_true(r.output_tps == rn.output_tps);
	}
	assert_true(isnan(r.power_w));
	assert_true(isnan(r.chip_cost_usd));
	assert_true(isnan(r.chip_price_usd));
	assert_true(isnan(r.usd_per_mtok_cost));
	assert_true(isnan(r.usd_per_mtok_price));
	/* a price makes the price known, not the manufacturing cost; without
	** power neither USD per token is known */
	c.cost.price_usd = 25000;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.chip_price_usd, 25000, 1e-12);
	assert_true(isnan(r.chip_cost_usd));
	assert_true(isnan(r.usd_per_mtok_price));
}

/* A chip over its TDP even at the lowest clock: the H100's design with 70
** W static and no stacks draws static 70 + its HBM PHYs 0.65 pJ/bit x 8 x
** 3.35 TB/s = 17.42 W whatever its clock, 87.42 W, over a TDP of 80 W;
** at the lowest clock share tried (RL_CLOCK_SCALE_MIN, 0.001: 1.83 MHz)
** its clocked logic is 99.80454 x 0.001 x 0.001 W and its work, stretched
** over a thousand times the time at a thousandth of the energy, adds
** little: between 87.42 and 88 W.  eval leaves it at full clock, flagged;
** rl_eval_runnable reads it as RL_EPOWER, and the words give the power and
** the clock.  At a 700 W TDP none of it: RL_OK, the fields NAN. */
static void test_eval_over_tdp(void **state)
{
	rl_config c;
	rl_result r;
	char words[320];
	(void)state;
	fx_h100_design(&c);
	c.cost.static_w = 70;
	c.scen.isl = 128;
	c.scen.osl = 128;
	c.chip.tdp_w = 80;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_true(r.violations & RL_V_POWER);
	assert_int_equal(rl_eval_runnable(RL_OK, &r), RL_EPOWER);
	assert_int_equal(rl_eval_runnable(RL_ENOFIT, &r), RL_ENOFIT);
	assert_true(r.clock_scale == 1.0); /* left at full clock */
	assert_true(r.power_lowest_w > 87.42 && r.power_lowest_w < 88);
	assert_true(r.clock_scale_lowest == RL_CLOCK_SCALE_MIN);
	rl_over_tdp_words(&c, &r, words, sizeof words);
	/* (87.42-88 W, shown to the watt: 87 or 88) */
	assert_true(strstr(words, "over its 80 W TDP at every clock: power 87 W"
	                          " at the lowest clock ") == words ||
	            strstr(words, "over its 80 W TDP at every clock: power 88 W"
	                          " at the lowest clock ") == words);
	assert_non_null(strstr(words, " at the lowest clock 0.00183 GHz (0.001 "
	                              "of its 1.83 GHz); its throughput is at "
	                              "full clock"));
	c.chip.tdp_w = 700;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	assert_int_equal(rl_eval_runnable(RL_OK, &r), RL_OK);
	assert_false(r.violations & RL_V_POWER);
	assert_true(isnan(r.power_lowest_w));
	assert_true(isnan(r.clock_scale_lowest));
	rl_over_tdp_words(&c, &r, words, sizeof words);
	assert_string_equal(words, "");
}

/* Cost and price side by side, H100 on n4: the manufacturing cost is
** 3,512.59 USD (test_chip_cost) whatever the price; no price is unknown.
** At a price of 33,625 USD (a DGX H100's ~269,000 / 8) the energy term is
** the same, so the two USD-per-token figures differ by the hardware term
** alone: chips x (33,625 - 3,512.59) / (4 x 365.25 x 86400 s) per output
** token/s, x 1e6. */
static void test_eval_cost_and_price(void **state)
{
	rl_config c;
	rl_result r;
	double chips, diff;
	(void)state;
	fx_h100_design(&c);
	c.scen.isl = 128;
	c.scen.osl = 128;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.chip_cost_usd, 3512.59, 1e-5);
	assert_true(isnan(r.chip_price_usd));
	near(r.usd_per_mtok_cost, usd_mtok_by_hand(&c, &r, 3512.589608), 1e-9);
	assert_true(isnan(r.usd_per_mtok_price));
	c.cost.price_usd = 33625;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.chip_cost_usd, 3512.59, 1e-5);
	near(r.chip_price_usd, 33625, 1e-12);
	chips = rl_scen_chips(&c.scen);
	diff = chips * (33625 - 3512.589608) / (4 * 365.25 * 86400.0) /
	       r.output_tps * 1e6;
	near(r.usd_per_mtok_price - r.usd_per_mtok_cost, diff, 1e-6);
	assert_true(r.usd_per_mtok_price > r.usd_per_mtok_cost);
}

/* A chip given by design is served on the spec its silicon implies: the
** H100's design with its spec sheet erased gives the same throughput as
** the spec sheet (peaks 989.43 vs 989.4 TFLOPS: within 0.01%). */
static void test_eval_by_design(void **state)
{
	rl_config c;
	rl_result spec, design;
	(void)state;
	fx_h100_design(&c);
	c.scen.isl = 2048;
	c.scen.osl = 128;
	c.chip.tdp_w = 0;
	/* its 5 stacks, whose idle power counts on both (power.h) */
	c.design.hbm_gen = RL_HBM3;
	c.design.hbm_stacks = 5;
	c.design.hbm_stack_bytes = 85.9e9 / 5;
	c.design.hbm_stack_Bps = 670e9;
	assert_int_equal(rl_eval(&c, &spec), RL_OK);
	c.chip.peak_flops_bf16 = c.chip.peak_flops_fp8 = 0;
	c.chip.hbm_bytes = c.chip.hbm_Bps = 0;
	c.chip.by_design = 1;
	assert_int_equal(rl_eval(&c, &design), RL_OK);
	near(design.output_tps, spec.output_tps, 1e-4);
	near(design.power_w, spec.power_w, 1e-3);
	/* by design the chip's cost is its silicon's: the 3,512.59 USD of
	** test_chip_cost (die, package, 85.9 GB of HBM) */
	near(design.chip_cost_usd, 3512.59, 1e-5);
	near(design.usd_per_mtok_cost,
	     usd_mtok_by_hand(&c, &design, design.chip_cost_usd), 1e-12);
	/* shares over 1: bad input */
	c.design.frac_mac = 0.5;
	c.design.frac_other = 0.6;
	assert_int_equal(rl_eval(&c, &design), RL_EINVAL);
	assert_non_null(strstr(design.error, "add up to"));
	/* no clock: bad input */
	c.design.frac_other = 0;
	c.design.clock_hz = 0;
	assert_int_equal(rl_eval(&c, &design), RL_EINVAL);
	assert_non_null(strstr(design.error, "clock_ghz"));
}

/* The TDP binds on the busiest phase, not on the average.  A toy model
** (fixtures.h's fx_tdp_toy: 4 layers, d 1024, 8 heads of 128, FFN 4096,
** FP16) on a chip of 1e15 FLOP/s and 1e13 B/s with ideal efficiencies
** and no overheads, 8 sequences of 4096 in / 64 out: an iteration carrying a prefill chunk (4096 tokens) is
** compute-bound throughout (GEMMs and attention at 1e15 FLOP/s), a
** decode-only iteration (7.875 tokens) memory-bound.  Power is static 100 W
** + FMAs only (0.4 pJ each, dvfs_exponent 1): the prefill phase draws
** 100 + 0.4 pJ x s x 1e15 x s / 2 = 100 + 200 s^2 W, 300 W at full clock.
** With a TDP of 250 W: s^2 = 150 / 200, s = sqrt(0.75) = 0.8660254, and
** the prefill iteration takes 1 / s = 1.1547005 times as long.  The decode
** phase draws little over 100 W and keeps its clock and its time.  Yet the
** average over time stays under 250 W at full clock: only a share f = 512
** / 4096 = 0.125 of iterations carries prefill (p = 7.875 x 4096 / 63 =
** 512 tokens per iteration), so a limit on the average alone would not
** have lowered the clock. */
static void test_tdp_binds_on_phase(void **state)
{
	rl_config c;
	rl_result fr, lim;
	(void)state;
	fx_tdp_toy(&c);
	assert_int_equal(rl_eval(&c, &fr), RL_OK);
	near(fr.prefill_share, 0.125, 1e-12);
	near(fr.power_prefill_w, 300, 1e-9);
	assert_true(fr.power_decode_w > 100 && fr.power_decode_w < 110);
	/* decode's: the static 100 W and 0.4 pJ an FMA, 0.2 pJ a FLOP, at
	** its FLOPs over its time (no HBM, SRAM or vector energy here) */
	near(fr.power_decode_w,
	     100 + 0.2e-12 * fr.decode.flops / fr.decode.time_s, 1e-9);
	assert_true(fr.power_w < 250);
	assert_int_equal(fr.power_limited, 0);
	/* softmax scores of the prefill iteration: layers x heads x (7.875
	** decode tokens x 4128 keys + 4096 prefill tokens x 2048.5 keys) = 32
	** x 8,423,164 = 269,541,248; its elementwise elements: 4103.875
	** tokens x 4 layers x the per-token elements of the shape */
	near(fr.prefill.attn_scores, 269541248.0, 1e-12);
	near(fr.prefill.vector_elems,
	     4103.875 * 4 * (fr.shape.elem_elems_full + fr.shape.elem_elems_split),
	     1e-12);
	c.chip.tdp_w = 250;
	assert_int_equal(rl_eval(&c, &lim), RL_OK);
	assert_int_equal(lim.power_limited, 1);
	near(lim.clock_scale_prefill, 0.8660254, 1e-6);
	near(lim.clock_scale_decode, 1, 0);
	near(lim.clock_scale, 0.8660254, 1e-6);
	near(lim.power_prefill_w, 250, 1e-6);
	near(lim.prefill.time_s, fr.prefill.time_s * 1.1547005, 1e-6);
	near(lim.decode.time_s, fr.decode.time_s, 1e-12);
	/* time per output token: 0.125 of the iterations stretched */
	near(lim.tpot_s, 0.125 * 1.1547005 * fr.prefill.time_s +
	                     0.875 * fr.decode.time_s, 1e-6);
	assert_true(lim.total_tps < fr.total_tps);
	/* a TDP of 200 W: s^2 = 100 / 200, s = 0.7071068 */
	c.chip.tdp_w = 200;
	assert_int_equal(rl_eval(&c, &lim), RL_OK);
	near(lim.clock_scale_prefill, 0.7071068, 1e-6);
	near(lim.prefill.time_s, fr.prefill.time_s / 0.7071068, 1e-6);
}

/* The TDP binds on decode alone where HBM energy dominates: the toy of
** test_tdp_binds_on_phase with HBM at 5 pJ/bit.  Its decode-only iteration
** (7.875 tokens) is memory-bound in every kernel, so it streams HBM at the
** full 1e13 B/s: 8 x 5e-12 x 1e13 = 400 W, whatever its bytes.  Its FLOPs:
** 7.875 x (2 x 4 layers x 16,777,216 params (QKV 3 x 1024^2, O 1024^2, gated
** FFN 3 x 1024 x 4096) + LM head 2 x 1000 x 1024) = 1,073,092,608 in GEMMs,
** + attention 7.875 x 4128 keys x 4 layers x 4 x 8 heads x 128 = 532,611,072:
** F = 1,605,703,680.  Its bytes: weights 136,265,728 + embedding rows 7.875
** x 2048 + KV 7.875 x (4128 read + 1 written) x 16,384 + GEMM activations
** 7.875 x 20,480 x 4 x 2 = 670.31 MB, so T = 67.031 us and its FMAs draw
** 0.4 pJ x s / 2 x F / T = 4.7909 s W: 500 + 4.79 s W in all, 504.79 W at
** full clock.  The prefill iteration streams far fewer bytes per second
** (1.42 GB in 0.689 ms, 2.06e12 B/s: 82 W of HBM): the 300 W of
** test_tdp_binds_on_phase (static 100 + FMAs 200) + 82 = ~382 W.  A TDP
** of 503 W binds on decode alone: s_dec = 3 / 4.7909 = 0.62619; prefill
** keeps its clock (1), and the result's clock_scale is the lower, decode's.
** At s = 0.626 decode's kernels stay memory-bound (GEMMs 1.07 GFLOP /
** 0.626e15 = 1.7 us against 13.6 us of weights), so its time does not
** move: a lower clock buys power there, not time. */
static void test_tdp_binds_on_decode(void **state)
{
	rl_config c;
	rl_result fr, lim;
	double fma_full_w;
	(void)state;
	fx_tdp_toy(&c);
	c.cost.hbm_j_per_bit = 5e-12;
	assert_int_equal(rl_eval(&c, &fr), RL_OK);
	near(fr.decode.flops, 1605703680.0, 1e-12);
	near(fr.decode.time_s, 67.031e-6, 1e-4);
	fma_full_w = 0.2e-12 * 1605703680.0 / fr.decode.time_s;
	near(fma_full_w, 4.7909, 1e-4);
	near(fr.power_decode_w, 500 + fma_full_w, 1e-9);
	assert_true(fr.power_prefill_w > 370 && fr.power_prefill_w < 400);
	/* term by term: static, 0.2 pJ a FLOP, 5 pJ/bit = 40 pJ a byte */
	near(fr.power_prefill_w,
	     100 + (0.2e-12 * fr.prefill.flops + 40e-12 * fr.prefill.hbm_bytes) /
	               fr.prefill.time_s,
	     1e-9);
	assert_int_equal(fr.power_limited, 0);
	c.chip.tdp_w = 503;
	assert_int_equal(rl_eval(&c, &lim), RL_OK);
	assert_int_equal(lim.power_limited, 1);
	near(lim.clock_scale_decode, 3 / fma_full_w, 1e-6);
	near(lim.clock_scale_decode, 0.62619, 1e-4);
	near(lim.clock_scale_prefill, 1, 0);
	near(lim.clock_scale, lim.clock_scale_decode, 0);
	near(lim.power_decode_w, 503, 1e-6);
	near(lim.decode.time_s, fr.decode.time_s, 1e-12);
	near(lim.prefill.time_s, fr.prefill.time_s, 1e-12);
	near(lim.power_prefill_w, fr.power_prefill_w, 1e-12);
}

/* A GDDR6 chip's memory draws GDDR6's energy per bit, not HBM's
** (chip.memory gddr6; power.gddr6_pj_per_bit 7.5, Micron's GDDR6 average
** device power in silicon.csv).  The toy of test_tdp_binds_on_decode
** streams its decode at the full 1e13 B/s: 5 pJ x 8 x 1e13 = 400 W of HBM
** there; as GDDR6, 7.5 pJ x 8 x 1e13 = 600 W, so decode draws 100 static
** + 600 + 4.79 W of FMAs (the toy's PHYs off: gddr6_phy_pj_per_bit 0).
** At given rates (rl_power_of, 1e12 B/s, no FLOPs): 60 W of GDDR6 where
** HBM drew 40; the host PHYs draw GDDR6's power.gddr6_phy_pj_per_bit
** (ASSUMPTION 1.17, the default, power.h), not HBM's 0.65: 1.17 pJ x 8 x
** 1e13 peak = 93.6 W where HBM's drew 52.  An HBM chip ignores
** gddr6_pj_per_bit and gddr6_phy_pj_per_bit. */
static void test_gddr6_power(void **state)
{
	rl_config c;
	rl_result r;
	rl_power_parts p;
	double fma_full_w = 0.2e-12 * 1605703680.0 / 67.031e-6;
	(void)state;
	fx_tdp_toy(&c);
	near(c.cost.gddr6_j_per_bit, 7.5e-12, 1e-12);     /* the default */
	near(c.cost.gddr6_phy_j_per_bit, 1.17e-12, 1e-12); /* the default */
	c.cost.hbm_j_per_bit = 5e-12;
	c.chip.memory_kind = RL_MEM_GDDR6;
	c.cost.gddr6_phy_j_per_bit = 0;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.power_decode_w, 100 + 600 + fma_full_w, 1e-4);
	c.cost.hbm_phy_j_per_bit = 0.65e-12;
	c.cost.gddr6_phy_j_per_bit = 1.17e-12;
	rl_power_of(&c, RL_PREC_FP16, 1.0, 0, 1e12, 0, &p);
	near(p.hbm_w, 60, 1e-12);
	near(p.phy_w, 93.6, 1e-12);
	near(p.total_w, 100 + 93.6 + 60, 1e-12);
	/* HBM: 40 W and its PHYs' 52, whatever the GDDR6 figures say */
	c.chip.memory_kind = RL_MEM_HBM;
	c.cost.gddr6_j_per_bit = 1e-9;
	c.cost.gddr6_phy_j_per_bit = 1e-9;
	rl_power_of(&c, RL_PREC_FP16, 1.0, 0, 1e12, 0, &p);
	near(p.hbm_w, 40, 1e-12);
	near(p.phy_w, 52, 1e-12);
	c.cost.hbm_phy_j_per_bit = 0;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.power_decode_w, 100 + 400 + fma_full_w, 1e-4);
}

/* HBM refresh and standby follow the design's stacks (power.h):
** power.hbm_idle_w_per_gb x design.hbm_stacks x stack capacity.  The H100
** (h100-sxm.ini): 0.15 W/GB x 5 x 17.179869184 GB = 12.884901888 W, so its
** static 57.115098112 W draws 70 idle, silicon.csv's figure, to the last
** bit (its power before the stacks were counted, the H100's calibration
** and profile fits unmoved); the active chip 70 + clocked 99.80454 + PHY
** 17.42 = 187.22454 W.  Six stacks: 0.15 x 6 x 17.179869184 = 15.4618822656 W, +2.5769803776
** W a stack.  Stacks of the generation's capacity (hbm_stack_gb 0, HBM3:
** 16 GiB, silicon.c) draw the same.  No stacks, or GDDR6: 0, static_w
** alone.  The H200 (h200-sxm.ini): 0.15 x 6 x 25.769803776 = 23.1928233984
** W + 57.115098112 = 80.3079215104, silicon.csv's 80.3 W idle. */
static void test_hbm_idle_per_stack(void **state)
{
	rl_config c;
	rl_power_parts p;
	rl_power_fixed f;
	(void)state;
	fx_h100_design(&c);
	near(c.cost.hbm_idle_w_per_byte, 0.15e-9, 1e-12); /* the default */
	near(rl_power_hbm_idle(&c), 0, 1e-15); /* no stacks in the fixture */
	c.cost.static_w = 57.115098112;
	c.design.hbm_gen = RL_HBM3;
	c.design.hbm_stacks = 5;
	c.design.hbm_stack_bytes = 17.179869184 * 1e9; /* as the INI scales it */
	near(rl_power_hbm_idle(&c), 12.884901888, 1e-9);
	near(rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p), 187.22454, 1e-9);
	assert_true(p.static_w == 70.0);
	near(rl_power_active(&c, 1), 187.22454, 1e-9);
	rl_power_fixed_of(&c, RL_PREC_FP8, 0.5, &f);
	assert_true(f.static_w == 70.0); /* whatever the clock */
	c.design.hbm_stacks = 6;
	near(rl_power_hbm_idle(&c), 15.4618822656, 1e-9);
	near(rl_power_active(&c, 1), 187.22454 + 2.5769803776, 1e-9);
	c.design.hbm_stack_bytes = 0; /* the generation's: HBM3, 16 GiB */
	near(rl_power_hbm_idle(&c), 15.4618822656, 1e-9);
	c.design.hbm_gen = RL_HBM3E; /* 24 GiB */
	c.design.hbm_stack_bytes = 25.769803776e9;
	near(rl_power_hbm_idle(&c) + 57.115098112, 80.3079215104, 1e-9);
	c.chip.memory_kind = RL_MEM_GDDR6;
	near(rl_power_hbm_idle(&c), 0, 1e-15);
	c.chip.memory_kind = RL_MEM_HBM;
	c.design.hbm_stacks = 0;
	near(rl_power_hbm_idle(&c), 0, 1e-15);
	near(rl_power_active(&c, 1), 57.115098112 + 99.80454 + 17.42, 1e-9);
}

/* The board and die's static power derived from a measured whole-chip
** idle (power.idle_w), less what the stacks of the chip it was measured on
** draw idle (power.idle_hbm_gb x power.hbm_idle_w_per_gb): the H100's 70 W
** with its 80 GiB = 85.89934592 GB at 0.15 W/GB, 12.884901888 W, leaves
** 57.115098112 W, and its idle stays 70 W exactly (the figure the preset
** carried before, h100-sxm.ini).  The stacks the measurement holds are the
** measured chip's, not the design's: 6 stacks of 16 GiB add one stack's
** 2.5769803776 W; 6 of 24 GiB (the H200, whose preset takes the H100's
** measurement) give 57.115098112 + 0.15 x 154.618822656 = 80.3079215104
** W.  At 0.3 W/GB the H100 still idles at 70 W (70 - 25.769803776 =
** 44.230196224 W of board): the measurement holds, the split moves.
** Without idle_w, static_w as given. */
static void test_static_from_idle(void **state)
{
	rl_config c;
	rl_power_parts p;
	(void)state;
	fx_h100_design(&c);
	c.cost.static_w = 0;
	c.cost.idle_w = 70;
	c.cost.idle_hbm_bytes = 85.89934592 * 1e9; /* as the INI scales it */
	c.design.hbm_gen = RL_HBM3;
	c.design.hbm_stacks = 5;
	c.design.hbm_stack_bytes = 17.179869184 * 1e9;
	near(rl_power_board_w(&c), 57.115098112, 1e-9);
	rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p);
	assert_true(p.static_w == 70.0);
	c.design.hbm_stacks = 6;
	near(rl_power_board_w(&c), 57.115098112, 1e-9);
	near(rl_power_board_w(&c) + rl_power_hbm_idle(&c), 72.5769803776, 1e-9);
	c.design.hbm_stack_bytes = 25.769803776e9;
	near(rl_power_board_w(&c) + rl_power_hbm_idle(&c), 80.3079215104, 1e-9);
	c.design.hbm_stacks = 5;
	c.design.hbm_stack_bytes = 17.179869184 * 1e9;
	c.cost.hbm_idle_w_per_byte = 0.3e-9;
	near(rl_power_board_w(&c), 44.230196224, 1e-9);
	near(rl_power_board_w(&c) + rl_power_hbm_idle(&c), 70, 1e-9);
	c.cost.idle_w = 0; /* no measured idle: static_w as given */
	c.cost.static_w = 42;
	near(rl_power_board_w(&c), 42, 1e-15);
	near(rl_power_board_w(&c) + rl_power_hbm_idle(&c), 42 + 25.769803776,
	     1e-9);
}

/* Above the node's reference clock energy per operation rises as x^du
** (power.dvfs_exponent_above, default 2), x the clock over the reference.
** The H100's design at 1.5 x 1.83 = 2.745 GHz with n4's 1.83 GHz: x = 1.5
** at full clock; clocked logic 67 mW/mm2/GHz x 814 mm2 x 2.745 GHz =
** 149.70681 W before the factor, x 1.5^2 = 336.8403225 W; an FP8 FMA 3.57
** x 0.195 pJ x 2.25 = 1.5663375 pJ, so 1e15 FMA/s (2e15 FLOP/s) draw
** 1566.3375 W.  At clock share 2/3 (1.83 GHz, x = 1) it draws what the
** H100 draws there, 149.70681 x 2/3 = 99.80454 W and 0.69615 pJ; at 0.5
** (x = 0.75, dvfs_exponent 1 below) 149.70681 x 0.5 x 0.75 = 56.14005375
** W.  du = 1: x 1.5, 224.560215 W; du = 0: no premium, 149.70681 W.  No
** reference (0): the nominal clock is it, no premium. */
static void test_dvfs_above_ref(void **state)
{
	rl_config c;
	rl_power_parts p;
	rl_power_fixed full, g, f;
	double s;
	int k;
	(void)state;
	fx_h100_design(&c);
	c.cost.clocked_w_per_m2_hz = 67e-3 / 1e-6 / 1e9;
	c.cost.hbm_phy_j_per_bit = 0;
	c.cost.sram_bytes_per_flop = 0;
	near(c.cost.dvfs_exponent_above, 2, 1e-15); /* the default */
	c.node.ref_clock_hz = 1.83e9;
	c.design.clock_hz = 2.745e9;
	rl_power_of(&c, RL_PREC_FP8, 1, 2e15, 0, 0, &p);
	near(p.clocked_w, 336.8403225, 1e-9);
	near(p.compute_w, 1566.3375, 1e-9);
	rl_power_of(&c, RL_PREC_FP8, 2.0 / 3, 2e15, 0, 0, &p);
	near(p.clocked_w, 99.80454, 1e-9);
	near(p.compute_w, 696.15, 1e-9);
	rl_power_of(&c, RL_PREC_FP8, 0.5, 0, 0, 0, &p);
	near(p.clocked_w, 56.14005375, 1e-9);
	/* from the terms at full clock, above the reference: the same bytes
	** as worked out at each clock share (the TDP fit's steps) */
	rl_power_fixed_of(&c, RL_PREC_FP8, 1.0, &full);
	for (k = 0; k < 3; k++) {
		s = k == 0 ? 1.0 : k == 1 ? 0.8 : 0.37;
		rl_power_fixed_scaled(&c, &full, s, &g);
		rl_power_fixed_of(&c, RL_PREC_FP8, s, &f);
		assert_memory_equal(&g, &f, sizeof f);
	}
	c.cost.dvfs_exponent_above = 1;
	rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p);
	near(p.clocked_w, 224.560215, 1e-9);
	c.cost.dvfs_exponent_above = 0;
	rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p);
	near(p.clocked_w, 149.70681, 1e-9);
	c.cost.dvfs_exponent_above = 2;
	c.node.ref_clock_hz = 0;
	rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p);
	near(p.clocked_w, 149.70681, 1e-9);
}

/* A pipeline's bubble draws the chip's active power: the toy of
** test_tdp_binds_on_phase on 2 stages of 2 layers, one sequence (--batch
** 1: one micro-batch), so each chip works one stage's iteration of every
** round of both and idles the other's, about half the time.  Its average
** power is each phase's over its busy share of the second, t_pre =
** prefill_iters_per_s x its time and t_dec alike, plus the static 100 W
** (no clocked or PHY power on this chip) over the rest. */
static void test_pipeline_idle_power(void **state)
{
	rl_config c;
	rl_result r;
	double t_pre, t_dec, idle;
	(void)state;
	fx_tdp_toy(&c);
	c.scen.pp = 2;
	c.scen.chips = 2;
	c.scen.batch = 1;
	c.chip.link_Bps = 1e12; /* (no energy a byte on this chip) */
	if (rl_eval(&c, &r) != RL_OK)
		fail_msg("%s", r.error);
	t_pre = r.prefill_iters_per_s * r.prefill.time_s;
	t_dec = r.decode_iters_per_s * r.decode.time_s;
	idle = 1 - t_pre - t_dec;
	assert_true(idle > 0.3 && idle < 0.7);
	near(r.power_w,
	     t_pre * r.power_prefill_w + t_dec * r.power_decode_w + idle * 100,
	     1e-12);
}

/* The energy of one FMA per precision (rl_power_fixed_of's fma_j at full
** clock): FP32 costs what Horowitz's 45 nm table gives relative to FP16
** (data/sources/silicon.csv: fp32_FMA_energy_45nm 4.6 pJ = add 0.9 + mult
** 3.7, fp16_FMA_energy_45nm 1.5 pJ = add 0.4 + mult 1.1), so 0.5 pJ at
** FP16 is 0.5 x 4.6 / 1.5 = 1.5333 pJ at FP32; FP8 without an energy of
** its own takes FP16's, FP4 without one FP8's, and with neither FP16's
** (0.5 pJ, not 0 J); a
** design's energy_overhead 1.25 multiplies each. */
static double fma_j(const rl_config *c, int prec)
{
	rl_power_fixed f;
	rl_power_fixed_of(c, prec, 1.0, &f);
	return f.fma_j;
}

static void test_fma_energy_precisions(void **state)
{
	rl_config c;
	(void)state;
	rl_config_defaults(&c);
	c.node.fma_energy_fp16_j = 0.5e-12;
	c.node.fma_energy_fp8_j = 0;
	c.node.fma_energy_fp4_j = 0;
	c.design.energy_overhead = 0;
	near(fma_j(&c, RL_PREC_FP16), 0.5e-12, 1e-15);
	near(fma_j(&c, RL_PREC_FP32), 0.5e-12 * 4.6 / 1.5, 1e-12);
	near(fma_j(&c, RL_PREC_FP8), 0.5e-12, 1e-15);
	near(fma_j(&c, RL_PREC_FP4), 0.5e-12, 1e-15);
	c.node.fma_energy_fp8_j = 0.3e-12;
	near(fma_j(&c, RL_PREC_FP4), 0.3e-12, 1e-15);
	c.node.fma_energy_fp4_j = 0.2e-12;
	near(fma_j(&c, RL_PREC_FP4), 0.2e-12, 1e-15);
	c.design.energy_overhead = 1.25;
	near(fma_j(&c, RL_PREC_FP32), 1.25 * 0.5e-12 * 4.6 / 1.5, 1e-12);
}

/* rl_power_at in two steps (rl_power_fixed_of, worked out once per clock
** share and shared by an evaluation's phases, then rl_power_at_fixed):
** the toy's chip above doing 1e15 FLOP/s draws 100 W static + 0.4 pJ x
** 1e15 / 2 = 300 W at full clock, and at s = 0.5 (dvfs exponent 1: half
** the energy per FMA) 100 + 100 = 200 W; each is rl_power_at's double,
** parts too, and active_w is rl_power_active's, also with HBM, link,
** vector and clocked terms on (H100 figures); rl_power_fixed_scaled
** gives rl_power_fixed_of's bytes at each clock from those at 1. */
static void test_power_fixed(void **state)
{
	rl_config c;
	rl_power_fixed f;
	rl_power_parts pa, pb;
	rl_work_rates w = {1e15, 0, 0, 0, 0, 0};
	double a, b, s;
	int k;
	(void)state;
	fx_tdp_toy(&c);
	rl_power_fixed_of(&c, RL_PREC_FP16, 1.0, &f);
	near(rl_power_at_fixed(&c, &f, &w, NULL), 300, 1e-12);
	rl_power_fixed_of(&c, RL_PREC_FP16, 0.5, &f);
	near(rl_power_at_fixed(&c, &f, &w, NULL), 200, 1e-12);
	/* the same as the work of one iteration over its time (rl_power_of_work,
	** eval.c's): 2e13 FLOPs over 20 ms are 1e15 FLOP/s, 300 W at full
	** clock and 200 W at half, by hand as above */
	{
		rl_work amt = {2e13, 0, 0, 0, 0, 0};
		near(rl_power_of_work(&f, &amt, 1 / 0.02, 0), 200, 1e-12);
		rl_power_fixed_of(&c, RL_PREC_FP16, 1.0, &f);
		near(rl_power_of_work(&f, &amt, 1 / 0.02, 0), 300, 1e-12);
	}
	fx_h100_design(&c);
	c.cost.vector_j_per_op = 6e-12;
	c.cost.clocked_w_per_m2_hz = 67e-3 / 1e-6 / 1e9;
	c.cost.hbm_phy_j_per_bit = 0.65e-12;
	w.hbm_Bps = 2.1e12;
	w.link_Bps = 3e11;
	w.scores_per_s = 4e12;
	w.elems_per_s = 7e11;
	w.sram_Bps = 5e12; /* weights resident in SRAM */
	c.chip.sram_resident_share = 0.25; /* ... where the chip keeps them */
	if (!(c.chip.sram_bytes > 0))
		c.chip.sram_bytes = 50e6;
	for (k = 0; k < 3; k++) {
		s = k == 0 ? 1.0 : k == 1 ? 0.8 : 0.37;
		rl_power_fixed_of(&c, RL_PREC_FP8, s, &f);
		a = rl_power_at_fixed(&c, &f, &w, &pa);
		b = rl_power_at(&c, RL_PREC_FP8, s, &w, &pb);
		assert_memory_equal(&a, &b, sizeof a);
		assert_memory_equal(&pa, &pb, sizeof pa);
		b = rl_power_active(&c, s);
		assert_memory_equal(&f.active_w, &b, sizeof b);
		/* from the terms at full clock (the TDP fit's steps), each
		** precision, dvfs exponents 2.2 and 1: the same bytes */
		{
			rl_power_fixed full, g;
			double d0 = c.cost.dvfs_exponent;
			int prec;
			for (prec = RL_PREC_FP4; prec <= RL_PREC_FP32; prec++) {
				c.cost.dvfs_exponent = prec % 2 ? 2.2 : 1;
				rl_power_fixed_of(&c, prec, 1.0, &full);
				rl_power_fixed_scaled(&c, &full, s, &g);
				rl_power_fixed_of(&c, prec, s, &f);
				assert_memory_equal(&g, &f, sizeof f);
			}
			c.cost.dvfs_exponent = d0;
			rl_power_fixed_of(&c, RL_PREC_FP8, s, &f);
		}
		/* every term on: the work of 13 ms over its time, the same
		** power but for the last bits of its sum's order */
		{
			double t = 0.013;
			rl_work amt = {w.flops_per_s * t, w.hbm_Bps * t,
			               w.link_Bps * t, w.scores_per_s * t,
			               w.elems_per_s * t, w.sram_Bps * t};
			near(rl_power_of_work(&f, &amt, 1 / t, 1), a, 1e-14);
		}
	}
	/* a chip keeping no weights resident (share 0): its SRAM rate counts
	** in neither path, so rl_power_at_fixed is its value without that
	** rate, bit for bit, and rl_power_of_work's without sram */
	c.chip.sram_resident_share = 0;
	rl_power_fixed_of(&c, RL_PREC_FP8, 1.0, &f);
	a = rl_power_at_fixed(&c, &f, &w, &pa);
	w.sram_Bps = 0;
	b = rl_power_at_fixed(&c, &f, &w, &pb);
	assert_memory_equal(&a, &b, sizeof a);
	assert_memory_equal(&pa, &pb, sizeof pa);
	{
		double t = 0.013;
		rl_work amt = {w.flops_per_s * t, w.hbm_Bps * t, w.link_Bps * t,
		               w.scores_per_s * t, w.elems_per_s * t, 5e12 * t};
		near(rl_power_of_work(&f, &amt, 1 / t, 0), a, 1e-14);
	}
}

/* What stands before the FMA count and the transistor count
** (rl_design_key_before), read from rl_silicon_derive's order by hand:
** the MAC arrays' area, else their share, before the FMA units; the
** density before the transistors; nothing where none of them is given,
** nor before any other key. */
static void test_design_key_before(void **state)
{
	rl_design d;
	(void)state;
	memset(&d, 0, sizeof d);
	assert_null(rl_design_key_before(&d, "fma_units"));
	assert_null(rl_design_key_before(&d, "transistors"));
	d.frac_mac = 0.3;
	assert_string_equal(rl_design_key_before(&d, "fma_units"), "frac_mac");
	d.die_m2 = 800e-6;
	d.mac_m2 = 200e-6;
	assert_string_equal(rl_design_key_before(&d, "fma_units"), "mac_mm2");
	assert_null(rl_design_key_before(&d, "transistors"));
	d.density_per_m2 = 98e12;
	assert_string_equal(rl_design_key_before(&d, "transistors"),
	                    "density_mtr_per_mm2");
	assert_null(rl_design_key_before(&d, "die_mm2"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dies_per_wafer),
	    cmocka_unit_test(test_design_key_before),
	    cmocka_unit_test(test_yield),
	    cmocka_unit_test(test_chip_cost),
	    cmocka_unit_test(test_chip_cost_memo),
	    cmocka_unit_test(test_chip_cost_gddr6),
	    cmocka_unit_test(test_usd_per_mtok_pair),
	    cmocka_unit_test(test_eval_cost_and_price),
	    cmocka_unit_test(test_h100_reverse),
	    cmocka_unit_test(test_a100_reverse),
	    cmocka_unit_test(test_forward),
	    cmocka_unit_test(test_area_in_mm2),
	    cmocka_unit_test(test_mac_area_monotone),
	    cmocka_unit_test(test_violations),
	    cmocka_unit_test(test_max_stacks),
	    cmocka_unit_test(test_power_zero_load),
	    cmocka_unit_test(test_power_h100_calibration),
	    cmocka_unit_test(test_power_vector),
	    cmocka_unit_test(test_tdp_binds_on_phase),
	    cmocka_unit_test(test_pipeline_idle_power),
	    cmocka_unit_test(test_power_fixed),
	    cmocka_unit_test(test_fma_energy_precisions),
	    cmocka_unit_test(test_power_a100_crosscheck),
	    cmocka_unit_test(test_tdp_limit),
	    cmocka_unit_test(test_tdp_binds_on_decode),
	    cmocka_unit_test(test_gddr6_power),
	    cmocka_unit_test(test_hbm_idle_per_stack),
	    cmocka_unit_test(test_static_from_idle),
	    cmocka_unit_test(test_dvfs_above_ref),
	    cmocka_unit_test(test_eval_without_node),
	    cmocka_unit_test(test_eval_over_tdp),
	    cmocka_unit_test(test_eval_by_design),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
