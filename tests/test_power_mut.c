/*
** test_power_mut.c: cases of model/power.c that a mutation campaign
** (2026-11-30, branch mutate2) found no test held: the clock's energy
** factor with power.dvfs_exponent 0 and with a node reference but no
** design clock, one HBM stack's idle, and a design of two dies' clocked
** logic.  Each expected value is worked out by hand in the comment next
** to it, from the fixtures' figures (fixtures.h).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "../model/power.h"
#include "fixtures.h"
#include "near.h"

/* power.dvfs_exponent 0: the energy per FMA does not fall with the
** clock.  The toy chip (fixtures.h: static 100 W, 0.4 pJ FMAs, no design
** clock so no clocked logic, no PHY) at clock share 0.5 doing 1e15
** FLOP/s (5e14 FMA/s): 0.4 pJ x 5e14 = 200 W of FMAs, 300 W in all, as
** at full clock; with exponent 1 (the toy's) 0.4 x 0.5 = 0.2 pJ, 100 W,
** 200 W in all.  The H100's design (1.83 GHz, 814 mm2, 67
** mW/mm2/GHz: 99.80454 W of clocked logic at full clock) at share 0.5
** with exponent 0: 99.80454 x 0.5^(1+0) = 49.90227 W. */
static void test_dvfs_exponent_zero(void **state)
{
	rl_config c;
	rl_power_parts p;
	(void)state;
	fx_tdp_toy(&c);
	c.cost.dvfs_exponent = 0;
	rl_power_of(&c, RL_PREC_FP16, 0.5, 1e15, 0, 0, &p);
	near(p.compute_w, 200, 1e-12);
	near(p.total_w, 300, 1e-12);
	c.cost.dvfs_exponent = 1;
	rl_power_of(&c, RL_PREC_FP16, 0.5, 1e15, 0, 0, &p);
	near(p.compute_w, 100, 1e-12);
	fx_h100_design(&c);
	c.cost.clocked_w_per_m2_hz = 67e-3 / 1e-6 / 1e9;
	c.cost.dvfs_exponent = 0;
	rl_power_of(&c, RL_PREC_FP8, 0.5, 0, 0, 0, &p);
	near(p.clocked_w, 49.90227, 1e-9);
}

/* A node that names a reference clock and a chip without a design clock
** (the toy, design.clock_hz 0): nothing to compare the reference with, so
** the clock share alone sets the factor (power.h: x = s), not a clock of
** 0 GHz that would make every FMA free.  At full clock 1e15 FLOP/s draw
** 0.4 pJ x 5e14 = 200 W of FMAs; at share 0.5 (exponent 1) 100 W. */
static void test_ref_clock_without_design_clock(void **state)
{
	rl_config c;
	rl_power_parts p;
	(void)state;
	fx_tdp_toy(&c);
	c.node.ref_clock_hz = 1.83e9;
	c.design.clock_hz = 0;
	rl_power_of(&c, RL_PREC_FP16, 1, 1e15, 0, 0, &p);
	near(p.compute_w, 200, 1e-12);
	near(p.total_w, 300, 1e-12);
	rl_power_of(&c, RL_PREC_FP16, 0.5, 1e15, 0, 0, &p);
	near(p.compute_w, 100, 1e-12);
}

/* One HBM stack draws its idle too: 0.15 W/GB (the default) x 1 x 16 GiB
** = 0.15e-9 x 17,179,869,184 B = 2.5769803776 W, static 57.115098112 +
** 2.5769803776 = 59.6920784896 W. */
static void test_one_stack_idle(void **state)
{
	rl_config c;
	rl_power_parts p;
	(void)state;
	fx_h100_design(&c);
	c.cost.static_w = 57.115098112;
	c.design.hbm_stacks = 1;
	c.design.hbm_stack_bytes = 17.179869184e9;
	near(rl_power_hbm_idle(&c), 2.5769803776, 1e-9);
	rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p);
	near(p.static_w, 59.6920784896, 1e-12);
}

/* A design of two dies clocks both: 67 mW/mm2/GHz x 814 mm2 x 2 dies x
** 1.83 GHz = 199.60908 W at full clock (99.80454 W a die). */
static void test_two_dies_clocked(void **state)
{
	rl_config c;
	rl_power_parts p;
	(void)state;
	fx_h100_design(&c);
	c.cost.clocked_w_per_m2_hz = 67e-3 / 1e-6 / 1e9;
	c.design.dies = 2;
	rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p);
	near(p.clocked_w, 199.60908, 1e-9);
	c.design.dies = 1;
	rl_power_of(&c, RL_PREC_FP8, 1, 0, 0, 0, &p);
	near(p.clocked_w, 99.80454, 1e-9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dvfs_exponent_zero),
	    cmocka_unit_test(test_ref_clock_without_design_clock),
	    cmocka_unit_test(test_one_stack_idle),
	    cmocka_unit_test(test_two_dies_clocked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
