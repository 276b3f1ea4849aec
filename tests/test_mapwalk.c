/*
** test_mapwalk.c: the mapping search's divisor walk (model/mapsearch.c's
** walk) over expert parallelism, cases a mutation campaign (2026-11-30,
** branch mutate2) found no test held: every ep dividing dp and the
** experts is met, and the fewest-chips search finds a mapping that only
** ep splits.  Expected values are worked out by hand in the comments
** (the weights as tests/test_mapping.c's test_ep_memory counts them).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../model/engine.h"
#include "../model/mapsearch.h"
#include "../model/params.h"
#include "fixtures.h"
#include "near.h"

/* Mixtral 8x7B (fixtures.h: 32 heads, 8 KV heads, 32 layers, 8 experts)
** on H100 links, FP16 */
static void mixtral(rl_config *c, double chips)
{
	rl_config_defaults(c);
	fx_h100_rates(&c->chip);
	c->chip.hbm_bytes = 80e9;
	fx_mixtral_8x7b(&c->model);
	c->scen.precision = RL_PREC_FP16;
	c->scen.tp = 1;
	c->scen.chips = chips;
}

/* The legal mappings (evaluated, fitting or not) of Mixtral on 2 and 4
** chips: tp divides 32 heads and 8 KV heads, pp the chips / tp (at most 32
** layers), ep dp and the 8 experts.  2 chips: tp 1 x pp 1 (dp 2: ep 1, 2),
** tp 1 x pp 2 (ep 1), tp 2 (ep 1): 4.  4 chips: tp 1 x pp 1 (dp 4: ep 1,
** 2, 4), tp 1 x pp 2 (dp 2: ep 1, 2), tp 1 x pp 4 (1), tp 2 x pp 1 (dp 2:
** ep 1, 2), tp 2 x pp 2 (1), tp 4 (1): 10, ep 2 on 3 of them and ep 4 on 1. */
static void test_every_ep_met(void **state)
{
	rl_config c;
	rl_map_entry e[32];
	size_t n, i, ep2 = 0, ep4 = 0;
	(void)state;
	mixtral(&c, 2);
	n = rl_map_search(&c, NULL, e, 32);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		ep2 += e[i].ep == 2;
	assert_int_equal(ep2, 1);
	mixtral(&c, 4);
	n = rl_map_search(&c, NULL, e, 32);
	assert_int_equal(n, 10);
	for (ep2 = 0, i = 0; i < n; i++) {
		ep2 += e[i].ep == 2;
		ep4 += e[i].ep == 4;
	}
	assert_int_equal(ep2, 3);
	assert_int_equal(ep4, 1);
}

/* Mixtral cut to one layer of one head (one KV head) of 128: tp and pp
** can split nothing (tp divides the 1 head, pp is at most the 1 layer),
** ep alone splits the experts.  The layer: attention q, k, v, o 4 x 4096
** x 128 = 2,097,152, router 4096 x 8 = 32,768, norms 2 x 4096 = 8192, an
** expert 3 x 4096 x 14336 = 176,160,768; embedding and LM head 2 x 32000
** x 4096 = 262,144,000 and the final norm 4096.  At FP16, ep 2 (4 experts
** a chip): 2 x (2,138,112 + 704,643,072 + 262,148,096) = 1,937,858,560
** bytes; ep 4 (2): 2 x (2,138,112 + 352,321,536 + 262,148,096) =
** 1,233,215,488.  On chips of 1.5 GB (no runtime or buffers): 1 chip and 2
** (ep 2) do not fit, 3 chips take ep 1 alone (ep divides dp 3 and the 8
** experts), 4 fit as ep 4: the fewest chips 4, a mapping whose tp x pp
** (1) is under 4 - 1 chips, met because tp x pp x ep (4) is not.  On
** chips of 2 GB ep 2 fits (1.94 GB): from 5 chips (ep 1 alone, ep dividing
** dp 5 and 8) the fewest are 6, ep 2 x dp 6 (ep 2 divides 6), a mapping of
** 2 chips met at 6 as the first multiple of 2 above 5, not 8 (ep 8, the
** first where tp x pp x ep is the chips). */
static void test_fewest_chips_by_ep(void **state)
{
	rl_config c;
	rl_result r;
	char list[512];
	(void)state;
	mixtral(&c, 1);
	c.model.layers = 1;
	c.model.heads = 1;
	c.model.kv_heads = 1;
	c.chip.hbm_bytes = 1.5e9;
	c.scen.isl = 16;
	c.scen.osl = 16;
	c.prof.runtime_reserved_bytes = 0;
	c.prof.logits_buffers = 0;
	c.prof.act_buffers = 0;
	c.prof.graph_logits_rows = 0;
	c.scen.ep = 4;
	c.scen.chips = 4;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	near(r.weights_bytes_per_chip, 1233215488.0, 1e-12);
	c.scen.ep = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_eval(&c, &r), RL_ENOFIT);
	near(r.weights_bytes_per_chip, 1937858560.0, 1e-12);
	c.scen.ep = 1;
	c.scen.chips = 1;
	near(rl_map_fewest_chips(&c, list, sizeof list), 4, 0);
	assert_non_null(strstr(list, "EP4"));
	c.chip.hbm_bytes = 2e9;
	c.scen.ep = 2;
	c.scen.chips = 2;
	assert_int_equal(rl_eval(&c, &r), RL_OK);
	c.scen.ep = 1;
	c.scen.chips = 5;
	assert_int_equal(rl_eval(&c, &r), RL_ENOFIT);
	near(rl_map_fewest_chips(&c, list, sizeof list), 6, 0);
	assert_non_null(strstr(list, "EP2"));
}

/* The walk on 12 chips (divisors 1, 2, 3, 4, 6, 12), tp dividing the 32
** heads and pairing with the 8 KV heads: 1, 2 or 4.  Mixtral: tp 1 x pp 1,
** 2, 3, 4, 6, 12 (dp 12, 6, 4, 3, 2, 1: ep dividing dp and the 8 experts
** 3, 2, 3, 1, 2, 1), tp 2 x pp 1, 2, 3, 6 (dp 6, 3, 2, 1: 2, 1, 2, 1), tp
** 4 x pp 1, 3 (dp 3, 1: 1, 1): 12 + 6 + 2 = 20 legal mappings, 8 with ep
** above 1 (2 + 1 + 2 + 1 at tp 1, 1 + 1 at tp 2).  Dense (one expert: ep 1 alone, each ep above it refused): 6 +
** 4 + 2 = 12.  Dense with 4 layers (pp at most 4): tp 1 x pp 1, 2, 3, 4,
** tp 2 x pp 1, 2, 3, tp 4 x pp 1, 3: 9.  A walk that skipped or repeated a
** divisor, cut pp short or let ep past 1 on a dense model counts
** otherwise. */
static void test_walk_counts(void **state)
{
	rl_config c;
	rl_map_entry e[64];
	size_t n, i, ep_over = 0;
	(void)state;
	mixtral(&c, 12);
	n = rl_map_search(&c, NULL, e, 64);
	assert_int_equal(n, 20);
	for (i = 0; i < n; i++)
		ep_over += e[i].ep > 1;
	assert_int_equal(ep_over, 8);
	c.model.experts = 1;
	c.model.experts_per_token = 1;
	n = rl_map_search(&c, NULL, e, 64);
	assert_int_equal(n, 12);
	for (i = 0; i < n; i++)
		assert_true(e[i].ep == 1);
	c.model.layers = 4;
	n = rl_map_search(&c, NULL, e, 64);
	assert_int_equal(n, 9);
	for (i = 0; i < n; i++)
		assert_true(e[i].pp <= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_ep_met),
	    cmocka_unit_test(test_fewest_chips_by_ep),
	    cmocka_unit_test(test_walk_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
