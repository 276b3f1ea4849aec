/*
** test_cache.c: an evaluation through an rl_eval_cache (engine.h) is the
** evaluation without one, byte for byte: the setup kept and read in place,
** the batch rule's and the power and cost memos, and what the key leaves
** out (the design, node and cost sections, which serving never reads);
** rl_serve_phase's one phase costed again at another clock; every field
** of a result written; the power and cost memo, which compares the design,
** node and cost sections alone.  Split from test_engine.c and
** test_silicon.c, whose expectations are worked out by hand; these compare
** two paths of the same program.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "../model/benchrule.h"
#include "../model/engine.h"
#include "../model/mapping.h"
#include "../model/silicon.h"
#include "fixtures.h"

/* The ideal H100 at TP8 on 8 chips, 1000 tokens in, 100 out. */
static void tp8_request(rl_config *c)
{
	fx_h100_ideal(c);
	c->scen.tp = 8;
	c->scen.chips = 8;
	c->scen.isl = 1000;
	c->scen.osl = 100;
}

/* rl_eval_cached gives rl_eval's result, byte for byte, through a run of
** points that changes the request (kept setup), then the design (a new
** one), a point that fails its checks and one that does not fit (neither
** kept), and back. */
static void cached_matches(const rl_config *c, rl_eval_cache *cache)
{
	rl_result a, b;
	int ra, rb;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	ra = rl_eval(c, &a);
	rb = rl_eval_cached(c, cache, &b);
	assert_int_equal(ra, rb);
	if (ra == RL_OK)
		assert_memory_equal(&a, &b, sizeof a);
	else
		assert_string_equal(a.error, b.error);
}

static void test_eval_cache(void **state)
{
	rl_config c;
	rl_eval_cache cache;
	rl_result r;
	double cap;
	(void)state;
	cache.valid = 0;
	tp8_request(&c);
	cached_matches(&c, &cache);
	assert_true(cache.valid);
	c.scen.isl = 3000; /* the request only: the kept setup */
	c.scen.osl = 1;
	c.scen.batch = 7;
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &r), RL_OK);
	cap = r.kv_capacity_tokens;
	c.chip.hbm_bytes = 60e9; /* the design: less KV capacity */
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &r), RL_OK);
	assert_true(r.kv_capacity_tokens < cap);
	c.scen.tp = 3; /* refused by the checks, every time */
	cached_matches(&c, &cache);
	cached_matches(&c, &cache);
	c.scen.tp = 1; /* 70 GB of weights do not fit in 60 GB */
	cached_matches(&c, &cache);
	cached_matches(&c, &cache);
	c.scen.tp = 8;
	c.scen.isl = 1e6; /* one request's KV exceeds the cache */
	cached_matches(&c, &cache);
	c.scen.isl = 500;
	c.scen.osl = 50;
	c.scen.batch = 0;
	cached_matches(&c, &cache);
	c.scen.pp = 2; /* a pipeline, with the TDP binding */
	c.scen.tp = 4;
	c.chip.tdp_w = 200;
	cached_matches(&c, &cache);
	c.scen.isl = 4000;
	cached_matches(&c, &cache);
	/* weights resident in SRAM switched on and off through the cache
	** (a chip's fields: a new setup, and with it the power memo, whose
	** rl_power_fixed keeps sram_on; the iterations take the flag as a
	** constant where it is tested once), with the pipeline and the TDP
	** above, then on one chip */
	c.chip.sram_bytes = 50e6;
	c.chip.sram_Bps = 20e12;
	c.chip.sram_resident_share = 1;
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &r), RL_OK);
	assert_true(r.avg_sram_Bps > 0);
	c.scen.isl = 600; /* the request only */
	cached_matches(&c, &cache);
	c.chip.sram_resident_share = 0;
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &r), RL_OK);
	assert_true(r.avg_sram_Bps == 0);
	c.chip.sram_resident_share = 0.5;
	c.scen.pp = 1;
	c.scen.tp = 8;
	c.chip.tdp_w = 0;
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &r), RL_OK);
	assert_true(r.avg_sram_Bps > 0);
	c.chip.sram_resident_share = 0;
	cached_matches(&c, &cache);
}

/* Under a batch rule (benchrule.h) a cache keeps the configuration given
** and the rule's request-independent share, and works out the rule's two
** numbers per request: rl_eval's result, byte for byte, through a run of
** requests that crosses the rule's steps (the numbers change, and with them
** the runtime's buffers: a new setup), a change of rule, of the design and
** to the fixed rule and back, from a cache of stray bytes but valid = 0. */
static void test_cache_batch_rule(void **state)
{
	static const double req[][2] = {{1000, 100}, {128, 128},  {2048, 128},
	                                {20000, 2000}, {128, 4096}, {5000, 500},
	                                {1000, 100}, {1000, 101}, {128, 128}};
	rl_config c, d;
	rl_eval_cache cache;
	double seen_bs[16], seen_tok[16];
	size_t i, j, n_seen = 0;
	(void)state;
	tp8_request(&c);
	c.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	c.prof.logits_buffers = 1;
	c.prof.act_buffers = 1;
	memset(&cache, 0xa5, sizeof cache);
	cache.valid = 0;
	for (i = 0; i < sizeof req / sizeof req[0]; i++) {
		c.scen.isl = req[i][0];
		c.scen.osl = req[i][1];
		cached_matches(&c, &cache);
		/* the numbers the rule picks here, by rl_batch_rule_apply */
		d = c;
		rl_batch_rule_apply(&d);
		for (j = 0; j < n_seen; j++)
			if (seen_bs[j] == d.prof.max_batch_size &&
			    seen_tok[j] == d.prof.max_num_tokens)
				break;
		if (j == n_seen) {
			seen_bs[n_seen] = d.prof.max_batch_size;
			seen_tok[n_seen++] = d.prof.max_num_tokens;
		}
	}
	assert_true(n_seen >= 3); /* the run crosses the rule's steps */
	c.prof.batch_rule = RL_BATCH_TRTLLM_PYTORCH; /* another rule */
	cached_matches(&c, &cache);
	c.chip.hbm_bytes = 60e9; /* another design */
	cached_matches(&c, &cache);
	c.cost.price_usd = 20000; /* the cost alone */
	cached_matches(&c, &cache);
	c.prof.batch_rule = RL_BATCH_FIXED; /* no rule, then back */
	cached_matches(&c, &cache);
	c.prof.batch_rule = RL_BATCH_TRTLLM_PYTORCH;
	cached_matches(&c, &cache);
	c.scen.isl = 3000;
	c.scen.batch = 5;
	cached_matches(&c, &cache);
	c.scen.tp = 3; /* refused by the checks */
	cached_matches(&c, &cache);
	c.scen.tp = 8;
	cached_matches(&c, &cache);
}

/* Without a batch rule, where the profiling pass's logits rows follow the
** request's lengths (the PyTorch backend's profiles), a cache works out
** the runtime's memory and the KV capacity again for new lengths, not the
** whole setup (rl_serve_setup_memory), and keeps what power and cost
** work out from the configuration alone: rl_eval's result, byte for byte,
** through a run of requests on a chip with a power model and a price, a
** change of the design between them, and lengths whose logits buffers
** leave no room (refused, not kept).  At max_num_tokens 16,384 each of the
** 10 buffers holds ceil(16384 / (isl + osl - 1)) rows of the 128,256-word
** vocabulary in fp32: 15 rows at 1000 in, 100 out (16384 / 1099 = 14.9), 4
** at 4000 in, 100 out (16384 / 4099 = 3.997), so the runtime's memory
** differs by 11 x 10 x 128,256 x 4 = 56,432,640 bytes; at 1 in, 1 out,
** 16,384 rows: 10 x 16,384 x 128,256 x 4 = 84.05 GB, more than the 80 GB
** chip. */
static void test_cache_profiling_pass(void **state)
{
	static const double req[][2] = {{1000, 100}, {4000, 100}, {4000, 101},
	                                {128, 128},  {1, 1},      {1000, 100},
	                                {20000, 2000}};
	rl_config c;
	rl_eval_cache cache;
	rl_result a, b;
	size_t i;
	(void)state;
	tp8_request(&c);
	c.prof.logits_rows = RL_LOGITS_PROFILING_PASS;
	c.prof.logits_buffers = 10;
	c.node.fma_energy_fp16_j = 0.4e-12;
	c.cost.static_w = 70;
	c.cost.price_usd = 25000;
	cache.valid = 0;
	for (i = 0; i < sizeof req / sizeof req[0]; i++) {
		c.scen.isl = req[i][0];
		c.scen.osl = req[i][1];
		cached_matches(&c, &cache);
		if (i == 3) {
			c.chip.hbm_bytes = 70e9; /* another design, then back */
			cached_matches(&c, &cache);
			c.chip.hbm_bytes = 80e9;
			cached_matches(&c, &cache);
		}
	}
	c.scen.isl = 1000;
	c.scen.osl = 100;
	assert_int_equal(rl_eval_cached(&c, &cache, &a), RL_OK);
	c.scen.isl = 4000;
	assert_int_equal(rl_eval_cached(&c, &cache, &b), RL_OK);
	assert_true(a.runtime_bytes - b.runtime_bytes == 56432640.0);
	assert_true(b.kv_capacity_tokens > a.kv_capacity_tokens);
	assert_true(a.power_w > 0 && a.chip_price_usd == 25000);
	c.scen.isl = 1;
	c.scen.osl = 1;
	assert_int_equal(rl_eval_cached(&c, &cache, &a), RL_ENOFIT);
	assert_false(cache.valid);
}

/* A cache whose setup differs from the rule's served configuration in the
** rule's two numbers alone works out the runtime's memory and the KV
** capacity again, not the whole setup (rl_serve_setup_memory): rl_eval's
** result, byte for byte, where the profiling pass's logits rows follow the
** lengths too, and where the workspace of a large token budget leaves no
** room for the KV cache (refused, not kept) between picks that fit. */
static void test_cache_rule_memory(void **state)
{
	static const double req[][2] = {{128, 128}, {1000, 100}, {20000, 2000},
	                                {128, 4096}, {2048, 128}, {128, 128},
	                                {5000, 500}, {128, 129}};
	rl_config c, d;
	rl_eval_cache cache;
	rl_result r;
	size_t i;
	int fits = 0, not = 0;
	(void)state;
	tp8_request(&c);
	c.prof.batch_rule = RL_BATCH_TRTLLM_PYTORCH;
	c.prof.logits_rows = RL_LOGITS_PROFILING_PASS;
	c.prof.logits_buffers = 1;
	/* one layer's activations for max_num_tokens tokens, 400 times: the
	** 32,768 tokens the rule picks at 1000 in, 100 out leave no room;
	** 2,048-8,192 (the other requests) do */
	c.prof.act_buffers = 400;
	cache.valid = 0;
	for (i = 0; i < sizeof req / sizeof req[0]; i++) {
		c.scen.isl = req[i][0];
		c.scen.osl = req[i][1];
		cached_matches(&c, &cache);
		d = c;
		if (rl_eval(&d, &r) == RL_OK)
			fits++;
		else
			not++;
	}
	assert_true(fits >= 2 && not >= 1); /* both kinds, in turn */
}

/* rl_serve reads nothing of the design, the node or the cost (the cache
** leaves them out of its key): the same results, byte for byte, with those
** sections zero and full of other values; rl_eval_cached follows a change
** of the cost alone (power and cost worked out afresh). */
static void test_serve_ignores_design_node_cost(void **state)
{
	rl_config c, d;
	rl_result a, b;
	rl_eval_cache cache;
	double *v;
	size_t i;
	(void)state;
	tp8_request(&c);
	c.scen.pp = 2;
	c.scen.tp = 4;
	d = c;
	memset(&c.design, 0, sizeof c.design);
	memset(&c.node, 0, sizeof c.node);
	memset(&c.cost, 0, sizeof c.cost);
	v = (double *)&d.design;
	for (i = 0; i < sizeof d.design / sizeof *v; i++)
		v[i] = 0.5 + (double)i;
	v = (double *)&d.node;
	for (i = 0; i < sizeof d.node / sizeof *v; i++)
		v[i] = 1e-12 * (double)(i + 1);
	v = (double *)&d.cost;
	for (i = 0; i < sizeof d.cost / sizeof *v; i++)
		v[i] = 3.0 + (double)i;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	assert_int_equal(rl_serve(&c, &a), RL_OK);
	assert_int_equal(rl_serve(&d, &b), RL_OK);
	assert_memory_equal(&a, &b, sizeof a);
	cache.valid = 0;
	tp8_request(&c);
	c.cost.price_usd = 25000;
	cached_matches(&c, &cache);
	c.cost.price_usd = 30000; /* the kept setup, a new price */
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &a), RL_OK);
	assert_true(a.chip_price_usd == 30000);
	/* the chip's cost (kept in the cache) follows each of its inputs */
	c.design.die_m2 = 814e-6;
	c.node.wafer_usd = 17000;
	c.node.wafer_diameter_m = 0.3;
	c.node.defect_density_per_m2 = 1000;
	c.node.yield_alpha = 3;
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &a), RL_OK);
	assert_true(a.chip_cost_usd > 0);
	c.node.wafer_usd = 20000;
	cached_matches(&c, &cache);
	assert_int_equal(rl_eval_cached(&c, &cache, &b), RL_OK);
	assert_true(b.chip_cost_usd > a.chip_cost_usd);
	c.node.yield_alpha = 0; /* Murphy's yield */
	cached_matches(&c, &cache);
	c.design.dies = 2;
	cached_matches(&c, &cache);
	c.cost.hbm_usd_per_byte = 1e-8;
	cached_matches(&c, &cache);
	c.chip.hbm_bytes = 90e9; /* a new setup too */
	cached_matches(&c, &cache);
	c.scen.isl = 3000; /* the kept setup and cost */
	cached_matches(&c, &cache);
}

/* A cache follows a change of any one field of the configuration: each
** double of rl_config in turn set to another value (and to 0) after the
** cache holds the unchanged design, through the cache and without one,
** byte for byte (or the same error); a field that serving reads but the
** cache's key left out would give the kept design's result.  Dense TP,
** a pipeline under a TDP, and MoE with expert parallelism. */
static void test_cache_follows_every_field(void **state)
{
	rl_config base[5], c;
	rl_eval_cache cache;
	rl_result a, b;
	size_t i, k, n = sizeof c / sizeof(double), changed = 0;
	int t;
	(void)state;
	for (k = 0; k < 5; k++)
		tp8_request(&base[k]);
	base[1].scen.pp = 2;
	base[1].scen.tp = 4;
	base[1].chip.tdp_w = 300;
	base[2].model.experts = 8;
	base[2].model.experts_per_token = 2;
	base[2].scen.tp = 2;
	base[2].scen.ep = 4;
	base[2].prof.logits_gather = 1;
	base[2].prof.logits_passes = 2;
	/* the two batch rules, with buffers sized by their numbers */
	for (k = 3; k < 5; k++) {
		base[k].prof.batch_rule = k == 3 ? RL_BATCH_TRTLLM_BUILD
		                                 : RL_BATCH_TRTLLM_PYTORCH;
		base[k].prof.logits_buffers = 1;
		base[k].prof.act_buffers = 1;
	}
	base[4].scen.pp = 2;
	base[4].scen.tp = 4;
	for (k = 0; k < 5; k++) {
		for (i = 0; i < n; i++) {
			for (t = 0; t < 2; t++) {
				double *v = (double *)&c;
				c = base[k];
				cache.valid = 0;
				assert_int_equal(rl_eval_cached(&c, &cache, &a), RL_OK);
				v[i] = t == 0 ? v[i] * 1.5 + 0.25 : 0.0;
				memset(&a, 0, sizeof a);
				memset(&b, 0, sizeof b);
				if (rl_eval(&base[k], &b) == RL_OK &&
				    rl_eval(&c, &a) == RL_OK &&
				    memcmp(&a, &b, sizeof a) != 0)
					changed++;
				cached_matches(&c, &cache);
			}
		}
	}
	/* the test means something: most changes change the result */
	assert_true(changed > n);
}

/* What the setup and the power and cost memo test of a configuration
** once and keep as integers (servesetup.h: tp, ep, pp > 1, cuda_graphs,
** request_overhead, comm_overlap +0, host_overlap, gemm_m_half, the
** window, kv_reserve, the paged blocks' exact reciprocal; link.h: a
** divisor and a bandwidth; engine.h: the TDP, the years, the chip's cost
** and price finite) turn with the one field each reads, one at a time on
** one configuration carried through one cache (never started afresh), and
** turn back: after each turn, and after a new request on the setup kept
** after it, rl_eval's result byte for byte.  Without a batch rule and
** under trtllm_bench_build's (the cache's rule path), on a chip with a
** power model, a price and a chip cost (tdp 100 W lowers its clock: the
** TDP's clock fit runs).  Each turn but the sign of a zero comm_overlap
** (the same times either way) changes the result.  (expert parallelism
** and MoE links: tests/cli_setupcache.sh) */
#define CFG_AT(f) offsetof(rl_config, f)
static void test_cache_flags_turn(void **state)
{
	static const struct {
		size_t at;
		double v;
		int moves; /* the result changes */
	} turn[] = {
	    {CFG_AT(scen.tp), 4, 1},       {CFG_AT(scen.tp), 8, 1},
	    {CFG_AT(scen.pp), 2, 1},       {CFG_AT(scen.pp), 1, 1},
	    {CFG_AT(prof.cuda_graphs), 1, 1},
	    {CFG_AT(prof.cuda_graphs), 0, 1},
	    {CFG_AT(prof.request_overhead_s), 1e-4, 1},
	    {CFG_AT(prof.request_overhead_s), 0, 1},
	    {CFG_AT(prof.comm_overlap), -0.0, 0},
	    {CFG_AT(prof.comm_overlap), 0.5, 1},
	    {CFG_AT(prof.comm_overlap), 0, 1},
	    {CFG_AT(prof.host_overlap), 0.5, 1},
	    {CFG_AT(prof.host_overlap), 0, 1},
	    {CFG_AT(prof.gemm_m_half), 64, 1},
	    {CFG_AT(prof.gemm_m_half), NAN, 1},
	    {CFG_AT(prof.gemm_m_half), 0, 1},
	    {CFG_AT(model.sliding_window), 512, 1},
	    {CFG_AT(prof.sliding_window), 0, 1},
	    {CFG_AT(prof.sliding_window), 1, 1},
	    {CFG_AT(model.sliding_window), 0, 1},
	    {CFG_AT(prof.kv_reserve), 1, 1},
	    {CFG_AT(prof.kv_reserve), 0, 1},
	    {CFG_AT(prof.tokens_per_block), 3, 1},
	    {CFG_AT(prof.tokens_per_block), 32, 1},
	    {CFG_AT(chip.topology), RL_TOPO_MESH, 1},
	    {CFG_AT(chip.topology), RL_TOPO_SWITCH, 1},
	    {CFG_AT(prof.logits_gather), 1, 1},
	    {CFG_AT(prof.logits_gather), 0, 1},
	    {CFG_AT(prof.eff_link), 0, 1},
	    {CFG_AT(prof.eff_link), 1, 1},
	    {CFG_AT(chip.tdp_w), 100, 1},
	    {CFG_AT(chip.tdp_w), 0, 1},
	    {CFG_AT(cost.price_usd), 0, 1},
	    {CFG_AT(cost.price_usd), 25000, 1},
	    {CFG_AT(cost.years), 0, 1},
	    {CFG_AT(cost.years), 4, 1},
	    {CFG_AT(node.wafer_usd), 0, 1},
	    {CFG_AT(node.wafer_usd), 17000, 1},
	};
	rl_config c;
	rl_eval_cache cache;
	rl_result before, after;
	size_t i;
	int rule;
	(void)state;
	for (rule = 0; rule < 2; rule++) {
		tp8_request(&c);
		c.prof.iter_overhead_s = 2e-3;
		c.prof.layer_overhead_s = 20e-6;
		c.prof.seq_overhead_s = 5e-6;
		c.prof.tokens_per_block = 32;
		c.prof.allreduce_latency_s = 10e-6;
		c.chip.link_Bps = 450e9;
		c.node.fma_energy_fp16_j = 0.4e-12;
		c.cost.static_w = 70;
		c.cost.price_usd = 25000;
		c.cost.years = 4;
		c.design.die_m2 = 814e-6;
		c.node.wafer_usd = 17000;
		c.node.wafer_diameter_m = 0.3;
		c.node.defect_density_per_m2 = 1000;
		c.node.yield_alpha = 3;
		c.scen.isl = 2000;
		c.scen.chips = 16; /* room for pp 2 */
		if (rule) {
			c.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
			c.prof.logits_buffers = 1;
			c.prof.act_buffers = 1;
		}
		cache.valid = 0;
		cached_matches(&c, &cache);
		for (i = 0; i < sizeof turn / sizeof turn[0]; i++) {
			memset(&before, 0, sizeof before);
			memset(&after, 0, sizeof after);
			assert_int_equal(rl_eval(&c, &before), RL_OK);
			memcpy((char *)&c + turn[i].at, &turn[i].v, sizeof(double));
			cached_matches(&c, &cache);
			if (rl_eval(&c, &after) != RL_OK)
				fail_msg("turn %zu: %s", i, after.error);
			if (turn[i].moves &&
			    memcmp(&before, &after, sizeof before) == 0)
				fail_msg("turn %zu (offset %zu = %g) changed nothing",
				         i, turn[i].at, turn[i].v);
			/* the TDP's clock fit runs (rl_serve_bare_req keeping
			** the request, rl_serve_phase_served) */
			if (turn[i].at == CFG_AT(chip.tdp_w) && turn[i].v > 0)
				assert_int_equal(after.power_limited, 1);
			c.scen.isl = c.scen.isl == 2000 ? 3000 : 2000;
			cached_matches(&c, &cache); /* the setup kept */
		}
	}
}

/* A cache carried through a random walk of configurations (a fixed seed:
** the same walk every run): each step sets one to three doubles of
** rl_config (the base's value again, twice or half the current one, 0, 1,
** or another base's) and, every other step, the request, back at the
** base every 8 steps (else most points fail their checks); each point
** through the cache gives rl_eval's result byte for byte (or the same
** error).  The cache is never started afresh, so a flag or memo kept from
** an earlier point and missed by its key would show (test_cache_flags_turn
** turns the known ones by hand; this finds the ones nobody listed).  From
** five bases: dense tp 8 without a rule, under trtllm_bench_build, under
** trtllm_bench_pytorch with the profiling pass's logits rows, an MoE over
** ep 4, and a pipeline of 2 on a chip with a power model, a TDP and a
** price. */
static uint64_t walk_next(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

static void test_cache_random_walk(void **state)
{
	enum { BASES = 5, STEPS = 3000 };
	rl_config base[BASES], c;
	rl_eval_cache cache;
	rl_result a, b;
	uint64_t seed = 13;
	size_t n = sizeof c / sizeof(double), i, k;
	int j, ok = 0, moved = 0;
	(void)state;
	for (k = 0; k < BASES; k++) {
		tp8_request(&base[k]);
		base[k].prof.iter_overhead_s = 2e-3;
		base[k].prof.layer_overhead_s = 20e-6;
		base[k].prof.tokens_per_block = 32;
		base[k].prof.allreduce_latency_s = 10e-6;
		base[k].scen.chips = 16;
	}
	base[1].prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	base[1].prof.logits_buffers = 1;
	base[1].prof.act_buffers = 1;
	base[2].prof.batch_rule = RL_BATCH_TRTLLM_PYTORCH;
	base[2].prof.logits_rows = RL_LOGITS_PROFILING_PASS;
	base[2].prof.logits_buffers = 1;
	base[2].prof.cuda_graphs = 1;
	base[2].prof.host_overlap = 1;
	base[3].model.experts = 8;
	base[3].model.experts_per_token = 2;
	base[3].scen.tp = 2;
	base[3].scen.ep = 4;
	base[4].scen.pp = 2;
	base[4].scen.tp = 4;
	base[4].chip.tdp_w = 300;
	base[4].node.fma_energy_fp16_j = 0.4e-12;
	base[4].cost.static_w = 70;
	base[4].cost.price_usd = 25000;
	for (k = 0; k < BASES; k++) {
		c = base[k];
		cache.valid = 0;
		memset(&b, 0, sizeof b);
		for (i = 0; i < STEPS; i++) {
			double *v = (double *)&c;
			int m = 1 + (int)(walk_next(&seed) % 3);
			for (j = 0; j < m; j++) {
				size_t f = walk_next(&seed) % n;
				const double *o =
				    (const double *)&base[walk_next(&seed) % BASES];
				switch (walk_next(&seed) % 8) {
				case 0: case 1: case 2:
					v[f] = ((const double *)&base[k])[f];
					break;
				case 3: v[f] *= 2; break;
				case 4: v[f] *= 0.5; break;
				case 5: v[f] = 0; break;
				case 6: v[f] = 1; break;
				default: v[f] = o[f]; break;
				}
			}
			if (walk_next(&seed) % 2) {
				static const double isl[] = {1, 128, 1000, 2048, 20000};
				static const double osl[] = {1, 100, 128, 2000};
				c.scen.isl = isl[walk_next(&seed) % 5];
				c.scen.osl = osl[walk_next(&seed) % 4];
				c.scen.batch = walk_next(&seed) % 3 ? 0 : 8;
			}
			memcpy(&a, &b, sizeof a);
			cached_matches(&c, &cache);
			memset(&b, 0, sizeof b);
			if (rl_eval(&c, &b) == RL_OK) {
				ok++;
				moved += memcmp(&a, &b, sizeof a) != 0;
			}
			if (i % 8 == 7)
				c = base[k]; /* back home now and then */
		}
	}
	/* the walk means something: most points evaluate, and move */
	assert_true(ok > BASES * STEPS / 3);
	assert_true(moved > ok / 2);
}

/* rl_serve_phase costs one phase again at another clock: the iteration
** rl_serve_clocked gives for that phase at that clock, byte for byte (a
** pipeline with a bubble, and a prefill-only request with no decode), as
** does rl_serve_phase_served; rl_serve_phase refuses a request other than
** the cache's last one, and another design. */
static void test_serve_phase(void **state)
{
	rl_config c;
	rl_eval_cache cache;
	rl_result a, b;
	rl_iter it;
	int osl;
	(void)state;
	tp8_request(&c);
	c.scen.pp = 2;
	c.scen.tp = 4;
	c.scen.batch = 1;
	for (osl = 1; osl <= 100; osl += 99) {
		c.scen.osl = osl;
		cache.valid = 0;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		memset(&it, 0, sizeof it);
		assert_int_equal(rl_serve_cached(&c, &cache, 1, 1, &a), RL_OK);
		assert_int_equal(rl_serve_clocked(&c, 0.6, 1, &a), RL_OK);
		assert_int_equal(rl_serve_phase(&c, &cache, 0, 0.6, &it), RL_OK);
		assert_memory_equal(&it, &a.prefill, sizeof it);
		assert_int_equal(rl_serve_clocked(&c, 1, 0.3, &b), RL_OK);
		memset(&it, 0, sizeof it);
		assert_int_equal(rl_serve_phase(&c, &cache, 1, 0.3, &it), RL_OK);
		assert_memory_equal(&it, &b.decode, sizeof it);
		/* without the checks (the cache has just served c): the same */
		memset(&it, 0, sizeof it);
		assert_int_equal(rl_serve_phase_served(&c, &cache, 0, 0.6, &it),
		                 RL_OK);
		assert_memory_equal(&it, &a.prefill, sizeof it);
		memset(&it, 0, sizeof it);
		assert_int_equal(rl_serve_phase_served(&c, &cache, 1, 0.3, &it),
		                 RL_OK);
		assert_memory_equal(&it, &b.decode, sizeof it);
	}
	c.scen.isl = 999; /* not the request the cache solved */
	assert_int_equal(rl_serve_phase(&c, &cache, 0, 0.6, &it), RL_EINVAL);
	c.scen.isl = 1000;
	c.chip.hbm_Bps *= 2; /* nor the design */
	assert_int_equal(rl_serve_phase(&c, &cache, 0, 0.6, &it), RL_EINVAL);
}

/* rl_eval writes every field of its result, through a cache or not: none
** is left as it was (each 8-byte word before the message, and each int,
** differs from the bytes the result was filled with). */
static void all_written(const rl_config *c, rl_eval_cache *cache)
{
	rl_result r;
	const unsigned char *b = (const unsigned char *)&r;
	const int *ints[7];
	size_t i, j, n;
	memset(&r, 0xa5, sizeof r);
	assert_int_equal(rl_eval_cached(c, cache, &r), RL_OK);
	for (i = 0; i + 8 <= offsetof(rl_result, error); i += 8) {
		for (j = 0, n = 0; j < 8; j++)
			n += b[i + j] == 0xa5;
		if (n == 8)
			fail_msg("rl_result bytes %zu-%zu left unwritten", i, i + 7);
	}
	ints[0] = &r.concurrency_limit;
	ints[1] = &r.prefill_bound;
	ints[2] = &r.decode_bound;
	ints[3] = &r.power_limited;
	ints[4] = &r.violations;
	ints[5] = &r.prefill.bound;
	ints[6] = &r.decode.bound;
	for (i = 0; i < 7; i++)
		assert_int_not_equal(*ints[i], (int)0xa5a5a5a5);
	assert_int_equal(r.error[0], '\0');
}

static void test_eval_writes_every_field(void **state)
{
	rl_config c;
	rl_eval_cache cache;
	(void)state;
	cache.valid = 0;
	tp8_request(&c);
	all_written(&c, NULL);
	all_written(&c, &cache); /* a new setup */
	all_written(&c, &cache); /* the kept one */
	c.scen.osl = 1;          /* prefill only: no decode iteration */
	all_written(&c, &cache);
	c.scen.osl = 100;
	c.scen.pp = 2; /* a pipeline with a bubble, the TDP binding */
	c.scen.tp = 4;
	c.scen.batch = 1;
	c.chip.tdp_w = 200;
	all_written(&c, &cache);
	all_written(&c, &cache);
}

/* Under a batch rule, a cache's rule memo keys on what serving reads
** alone: power and cost read the configuration as given, so a change of
** the design, node or cost sections alone (the memo kept) gives rl_eval's
** result, byte for byte, with the TDP binding on the prefill phase (the
** toy of fixtures.h, fx_tdp_toy, at 200 W, its prefill-carrying
** iterations at the rule's token budget drawing about 240 W: the clock
** fit through the cache) and without it; each change moves the figure it
** feeds. */
static void test_cache_rule_power_cost(void **state)
{
	rl_config c;
	rl_result a, b;
	rl_eval_cache cache;
	double w, usd;
	int i;
	(void)state;
	fx_tdp_toy(&c);
	c.scen.batch = 0;
	c.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	c.chip.tdp_w = 200;
	c.cost.price_usd = 30000;
	cache.valid = 0;
	for (i = 0; i < 12; i++) {
		switch (i) {
		case 1: c.cost.static_w = 120; break;
		case 2: c.node.fma_energy_fp16_j = 0.3e-12; break;
		case 3: c.cost.usd_per_kwh = 0.3; break;
		case 4: c.cost.price_usd = 20000; break;
		case 5: c.cost.years = 2; break;
		case 6: c.design.energy_overhead = 1.5; break;
		case 7: c.chip.tdp_w = 0; break;
		case 8: c.cost.static_w = 90; break;
		case 9: c.scen.isl = 1000; break;
		case 10: c.cost.pue = 1.5; break;
		case 11: c.chip.tdp_w = 200; break;
		}
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		assert_int_equal(rl_eval_cached(&c, &cache, &a), RL_OK);
		assert_int_equal(rl_eval(&c, &b), RL_OK);
		assert_memory_equal(&a, &b, sizeof a);
		if (i == 0) {
			assert_int_equal(a.power_limited, 1);
		} else if (i == 1 || i == 3) {
			/* more static power, dearer energy: each moves its figure */
			assert_true(i == 1 ? a.power_w != w
			                   : a.usd_per_mtok_price > usd);
		}
		w = a.power_w;
		usd = a.usd_per_mtok_price;
	}
}

/* The power and cost memo (engine.h, rl_power_cost_memo) compares the
** design, node and cost sections alone and leans on a new setup to clear
** it for the rest of what power and cost read (the chip's HBM bandwidth for
** its PHYs and its bytes for its cost, the precision, the chips).  Each
** double of the configuration in turn set to another value (and to 0)
** after the cache holds the toy (fx_tdp_toy) with a TDP and a price (the
** fixed batch and the build rule's): through the cache and without one,
** byte for byte, or the same error.  A memo kept across a new setup gives
** the old chip's power or cost where the chip, precision or chips changed
** (or whether it keeps weights resident in SRAM). */
static void test_cache_power_cost_every_field(void **state)
{
	rl_config base, c;
	rl_eval_cache cache;
	rl_result a, b, r0;
	size_t i, n = sizeof c / sizeof(double), changed = 0;
	int t, k, ra, rb;
	(void)state;
	for (k = 0; k < 2; k++) {
		fx_tdp_toy(&base);
		base.chip.tdp_w = 250;
		base.cost.price_usd = 30000;
		base.cost.hbm_phy_j_per_bit = 0.65e-12;
		/* SRAM with a read bandwidth and an energy per byte, none of
		** it resident: the share set to 0.25 in turn keeps weights
		** there (a new setup, and the memo's sram_on, which power
		** reads, with it) */
		base.chip.sram_bytes = 50e6;
		base.chip.sram_Bps = 20e12;
		base.node.sram_energy_j_per_byte = 1e-12;
		if (k == 1) {
			base.scen.batch = 0;
			base.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
		}
		assert_int_equal(rl_eval(&base, &r0), RL_OK);
		for (i = 0; i < n; i++) {
			for (t = 0; t < 2; t++) {
				double *v = (double *)&c;
				c = base;
				cache.valid = 0;
				assert_int_equal(rl_eval_cached(&c, &cache, &a), RL_OK);
				v[i] = t == 0 ? v[i] * 1.5 + 0.25 : 0.0;
				memset(&a, 0, sizeof a);
				memset(&b, 0, sizeof b);
				rb = rl_eval(&c, &b);
				ra = rl_eval_cached(&c, &cache, &a);
				assert_int_equal(ra, rb);
				if (ra == RL_OK) {
					assert_memory_equal(&a, &b, sizeof a);
					/* (power or USD per token moved) */
					changed += a.power_w != r0.power_w ||
					           a.usd_per_mtok_price !=
					               r0.usd_per_mtok_price;
				} else {
					assert_string_equal(a.error, b.error);
				}
			}
		}
	}
	/* the test means something: many changes move power or cost */
	assert_true(changed > n / 2);
}

/* rl_eval_cached's result for c through the cache, and rl_eval's, byte for
** byte; the first returned in *out. */
static void same_through_cache(const rl_config *c, rl_eval_cache *cache,
                               rl_result *out)
{
	rl_result b;
	memset(out, 0, sizeof *out);
	memset(&b, 0, sizeof b);
	assert_int_equal(rl_eval_cached(c, cache, out), RL_OK);
	assert_int_equal(rl_eval(c, &b), RL_OK);
	assert_memory_equal(out, &b, sizeof b);
}

/* The same where c may be refused (a field moved that contradicts
** another: power.idle_w beside static_w, power.c rl_power_check): the same
** code and message through the cache as without; the code returned. */
static int same_or_refused(const rl_config *c, rl_eval_cache *cache,
                           rl_result *out)
{
	rl_result b;
	int ra, rb;
	memset(out, 0, sizeof *out);
	memset(&b, 0, sizeof b);
	ra = rl_eval_cached(c, cache, out);
	rb = rl_eval(c, &b);
	assert_int_equal(ra, rb);
	if (ra == RL_OK)
		assert_memory_equal(out, &b, sizeof b);
	else
		assert_string_equal(out->error, b.error);
	return ra;
}

/* Under a batch rule one compare of the whole configuration with the
** rule's key stands for the power and cost memo's own compare, where that
** memo was worked out from the key (engine.h, pc_key_is_rule).  Through
** one cache: each double of the design, node and cost sections in turn
** changed, the same at two other requests (found equal to the key: no
** compare of the memo's), then back; another price at a request that does
** not fit (the key changed, the memo not reached) and then at one that
** fits; and a chip given by design between
** two evaluations of its spec sheet with another price, which serving
** finds the same setup (the design's spec is the sheet's) while power and
** cost read the design's price: the sheet's price again after it, though
** the rule's key did not change.  Each point rl_eval's result. */
static void test_cache_rule_whole_key(void **state)
{
	rl_config base, c, d, sheet;
	rl_eval_cache cache;
	rl_result r, r0;
	/* the design, node and cost sections: one span (rl_config.h) */
	size_t i, at = offsetof(rl_config, design) / sizeof(double);
	size_t n = (offsetof(rl_config, cost) + sizeof c.cost) / sizeof(double);
	size_t moved = 0;
	int violations;
	char err[256];
	(void)state;
	fx_tdp_toy(&base);
	base.chip.tdp_w = 250;
	base.cost.price_usd = 30000;
	base.cost.hbm_phy_j_per_bit = 0.65e-12;
	base.scen.batch = 0;
	base.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	cache.valid = 0;
	same_through_cache(&base, &cache, &r0);
	for (i = at; i < n; i++) {
		double *v = (double *)&c;
		c = base;
		v[i] = v[i] * 1.5 + 0.25;
		if (same_or_refused(&c, &cache, &r) == RL_OK)
			moved += r.power_w != r0.power_w ||
			         r.usd_per_mtok_price != r0.usd_per_mtok_price;
		c.scen.isl = 1000;
		same_or_refused(&c, &cache, &r);
		c.scen.osl = 300;
		same_or_refused(&c, &cache, &r);
		v[i] = ((double *)&base)[i];
		same_through_cache(&c, &cache, &r);
	}
	/* static power, energy price, price, years, PUE, the FMA's energy
	** and the design's energy overhead each move power or USD per token
	** (test_cache_rule_power_cost), and more */
	assert_true(moved >= 7);
	/* another price at a request that does not fit (serving fails: no
	** power or cost worked out), then at one that fits: the new price */
	c = base;
	c.cost.price_usd = 20000;
	c.scen.isl = 1e9;
	memset(&r, 0, sizeof r);
	assert_int_equal(rl_eval_cached(&c, &cache, &r), RL_ENOFIT);
	assert_int_equal(rl_eval(&c, &r0), RL_ENOFIT);
	assert_true(cache.valid);
	c.scen.isl = base.scen.isl;
	same_through_cache(&c, &cache, &r);
	assert_true(r.chip_price_usd == 20000);

	/* the H100 by design (test_eval_by_design), its spec sheet at 20,000
	** USD and the design at 30,000 */
	fx_h100_design(&d);
	d.scen.isl = 2048;
	d.scen.osl = 128;
	d.scen.batch = 0;
	d.prof.batch_rule = RL_BATCH_TRTLLM_BUILD;
	d.cost.price_usd = 30000;
	d.design.hbm_gen = RL_HBM3;
	d.design.hbm_stacks = 5;
	d.design.hbm_stack_bytes = 85.9e9 / 5;
	d.design.hbm_stack_Bps = 670e9;
	d.chip.peak_flops_bf16 = d.chip.peak_flops_fp8 = 0;
	d.chip.hbm_bytes = d.chip.hbm_Bps = 0;
	d.chip.by_design = 1;
	assert_int_equal(rl_design_to_spec(&d, &sheet, &violations, err,
	                                   sizeof err),
	                 RL_OK);
	sheet.cost.price_usd = 20000;
	cache.valid = 0;
	same_through_cache(&sheet, &cache, &r);
	assert_true(r.chip_price_usd == 20000);
	same_through_cache(&d, &cache, &r);
	assert_true(r.chip_price_usd == 30000);
	same_through_cache(&sheet, &cache, &r);
	assert_true(r.chip_price_usd == 20000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_eval_cache),
	    cmocka_unit_test(test_cache_batch_rule),
	    cmocka_unit_test(test_cache_profiling_pass),
	    cmocka_unit_test(test_cache_rule_memory),
	    cmocka_unit_test(test_serve_ignores_design_node_cost),
	    cmocka_unit_test(test_cache_follows_every_field),
	    cmocka_unit_test(test_cache_flags_turn),
	    cmocka_unit_test(test_cache_random_walk),
	    cmocka_unit_test(test_serve_phase),
	    cmocka_unit_test(test_eval_writes_every_field),
	    cmocka_unit_test(test_cache_rule_power_cost),
	    cmocka_unit_test(test_cache_power_cost_every_field),
	    cmocka_unit_test(test_cache_rule_whole_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
