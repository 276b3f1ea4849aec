/*
** test_avxclone.c: rl_eval_cached's two copies (model/avxclone.h), the one
** compiled without AVX and the one compiled for it, which rl_eval_cached
** runs where the processor has AVX, give the same results, field by field
** (tests/resfields.h) and bit for bit, a NaN being any NaN (C leaves its
** sign and payload to the operands' order, which each copy's compiler may
** swap), the same status and the same message.  Configurations: 400
** pseudo-random ones of the shipped presets (chips, models, profiles,
** precisions, tp, pp, ep, TDPs that lower the clock, batch caps, dataset
** lengths), each a run of 12 requests through each copy's own cache
** (every third without a cache), then make bench's real path (h100-sxm's
** power model and TDP, trtllm-0.15's batch rule) over 3,000 requests and
** the same at a 350 W TDP, whose clock fit runs on every one; and that
** rl_eval_cached gives the AVX copy's results.  Where the processor has no
** AVX (or the build no copy for it), rl_eval_cached_copy(..., 1) must say
** so (RL_EINVAL) and nothing else runs but that check.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/setup.h"
#include "../model/avxclone.h"
#include "../model/engine.h"
#include "../model/params.h"
#include "resfields.h"

/* the same double, or both not a number */
static int same_d(double a, double b)
{
	return (a != a && b != b) || memcmp(&a, &b, sizeof a) == 0;
}

/* the two results of one evaluation, field by field; where one differs,
** its place in resfields.h's order is printed */
static void assert_same(int ka, const rl_result *a, int kb,
                        const rl_result *b, const char *what)
{
	double va[RF_DOUBLES], vb[RF_DOUBLES], ia[RF_ITER], ib[RF_ITER];
	int na[RF_INTS], nb[RF_INTS], i, ph;
	if (ka != kb)
		print_error("%s: status %d without AVX, %d with it\n", what, ka,
		            kb);
	assert_int_equal(ka, kb);
	if (ka != RL_OK) {
		assert_string_equal(a->error, b->error);
		return;
	}
	rf_doubles(a, va);
	rf_doubles(b, vb);
	for (i = 0; i < RF_DOUBLES; i++) {
		if (!same_d(va[i], vb[i]))
			print_error("%s: double %d: %a without AVX, %a with it\n",
			            what, i, va[i], vb[i]);
		assert_true(same_d(va[i], vb[i]));
	}
	rf_ints(a, na);
	rf_ints(b, nb);
	for (i = 0; i < RF_INTS; i++)
		assert_int_equal(na[i], nb[i]);
	for (ph = 0; ph < 2; ph++) {
		const rl_iter *x = ph ? &a->decode : &a->prefill;
		const rl_iter *y = ph ? &b->decode : &b->prefill;
		rf_iter(x, ia);
		rf_iter(y, ib);
		for (i = 0; i < RF_ITER; i++) {
			if (!same_d(ia[i], ib[i]))
				print_error("%s: %s iteration's double %d: %a "
				            "without AVX, %a with it\n",
				            what, ph ? "decode" : "prefill", i, ia[i],
				            ib[i]);
			assert_true(same_d(ia[i], ib[i]));
		}
		assert_int_equal(x->bound, y->bound);
	}
}

/* cfg through each copy (each with its own cache, or none), compared */
static void both(const rl_config *cfg, rl_eval_cache *ca, rl_eval_cache *cb,
                 const char *what, long *n_ok)
{
	rl_result a, b;
	int ka, kb;
	/* (every byte alike first: a field left unwritten shows as itself) */
	memset(&a, 0x5a, sizeof a);
	memset(&b, 0x5a, sizeof b);
	ka = rl_eval_cached_copy(cfg, ca, &a, 0);
	kb = rl_eval_cached_copy(cfg, cb, &b, 1);
	assert_same(ka, &a, kb, &b, what);
	*n_ok += ka == RL_OK;
}

/* a 64-bit linear congruential generator (Knuth's MMIX constants): its
** high bits, below n */
static unsigned pick(unsigned long long *g, unsigned n)
{
	*g = *g * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*g >> 33) % n);
}

/* setup_assign of "key=value" */
static int assign(rl_setup *st, const char *key, const char *value)
{
	char a[128], err[1024];
	snprintf(a, sizeof a, "%s=%s", key, value);
	return setup_assign(st, a, err, sizeof err);
}

static int avx_copy_here(void)
{
	rl_config c;
	rl_result r;
	rl_config_defaults(&c);
	return rl_eval_cached_copy(&c, NULL, &r, 1) != RL_EINVAL ||
	       strstr(r.error, "no copy compiled for AVX") == NULL;
}

static void test_presets(void **state)
{
	static const char *chips[] = {
		"a100-sxm", "b200", "gb200", "gh200", "h100-pcie", "h100-sxm",
		"h200-sxm", "l40s", "mi300x", "sohu-design", "sohu"};
	static const char *models[] = {
		"deepseek-r1", "gpt-oss-120b", "llama2-70b", "llama3-405b",
		"llama3-70b", "llama3-8b", "llama4-scout-17b-16e", "mistral-7b",
		"mixtral-8x7b", "qwen3-30b-a3b"};
	static const char *profiles[] = {
		"ideal", "triton-0.14", "trtllm-0.10", "trtllm-0.15",
		"trtllm-0.19", "trtllm-1.0"};
	static const char *precs[] = {"fp8", "fp16", "fp4", "auto"};
	static const char *tdps[] = {"300", "500", "700"};
	static const char *batches[] = {"1", "8", "256"};
	unsigned long long g = 4242;
	long i, n_ok = 0, n_cfg = 0;
	rl_eval_cache *ca = malloc(sizeof *ca), *cb = malloc(sizeof *cb);
	(void)state;
	if (!avx_copy_here()) {
		free(ca);
		free(cb);
		skip();
	}
	assert_non_null(ca);
	assert_non_null(cb);
	for (i = 0; i < 400; i++) {
		rl_setup st;
		rl_config c;
		char err[1024], what[256], v[32];
		unsigned tp = 1u << pick(&g, 4), pp = pick(&g, 4) ? 1 : 2;
		const char *chip = chips[pick(&g, 11)];
		const char *model = models[pick(&g, 10)];
		const char *prof = profiles[pick(&g, 6)];
		int j, fail;
		setup_init(&st);
		fail = setup_load(&st, "chip", chip, err, sizeof err) ||
		       setup_load(&st, "model", model, err, sizeof err) ||
		       setup_load(&st, "profile", prof, err, sizeof err) ||
		       assign(&st, "scenario.precision", precs[pick(&g, 4)]);
		snprintf(v, sizeof v, "%u", tp);
		fail = fail || assign(&st, "scenario.tp", v);
		snprintf(v, sizeof v, "%u", pp);
		fail = fail || assign(&st, "scenario.pp", v);
		snprintf(v, sizeof v, "%u", tp * pp);
		fail = fail || assign(&st, "scenario.chips", v);
		if (!pick(&g, 6)) {
			snprintf(v, sizeof v, "%u", tp);
			fail = fail || assign(&st, "scenario.ep", v);
		}
		if (!pick(&g, 4))
			fail = fail || assign(&st, "chip.tdp_w", tdps[pick(&g, 3)]);
		if (!pick(&g, 6))
			fail = fail ||
			       assign(&st, "scenario.batch", batches[pick(&g, 3)]);
		if (!pick(&g, 8))
			fail = fail || assign(&st, "scenario.osl_max", "2048");
		if (fail)
			continue;
		n_cfg++;
		c = st.cfg;
		ca->valid = cb->valid = 0;
		for (j = 0; j < 12; j++) {
			c.scen.isl = (double)(1 + pick(&g, 1u << (1 + pick(&g, 14))));
			c.scen.osl = (double)(1 + pick(&g, 1u << (1 + pick(&g, 11))));
			snprintf(what, sizeof what,
			         "%s %s %s tp %u pp %u isl %g osl %g", chip, model,
			         prof, tp, pp, c.scen.isl, c.scen.osl);
			both(&c, ca, cb, what, &n_ok);
			if (j % 3 == 0)
				both(&c, NULL, NULL, what, &n_ok);
		}
	}
	printf("%ld configurations, %ld results the same without AVX and "
	       "with it (RL_OK)\n", n_cfg, n_ok);
	/* most of them served: the compare is of numbers, not of refusals */
	assert_true(n_cfg > 300);
	assert_true(n_ok > 2000);
	free(ca);
	free(cb);
}

/* make bench's real path, at its TDP and at one its prefill passes */
static void test_real_path(void **state)
{
	rl_eval_cache *ca = malloc(sizeof *ca), *cb = malloc(sizeof *cb);
	rl_result r, a;
	int t;
	(void)state;
	if (!avx_copy_here()) {
		free(ca);
		free(cb);
		skip();
	}
	assert_non_null(ca);
	assert_non_null(cb);
	for (t = 0; t < 2; t++) {
		rl_setup st;
		rl_config c;
		char err[1024], what[64];
		long i, n_ok = 0, limited = 0;
		setup_init(&st);
		assert_int_equal(setup_load(&st, "chip", "h100-sxm", err,
		                            sizeof err), 0);
		assert_int_equal(setup_load(&st, "model", "llama3-70b", err,
		                            sizeof err), 0);
		assert_int_equal(setup_load(&st, "profile", "trtllm-0.15", err,
		                            sizeof err), 0);
		assert_int_equal(assign(&st, "scenario.precision", "fp8"), 0);
		assert_int_equal(assign(&st, "scenario.tp", "8"), 0);
		assert_int_equal(assign(&st, "scenario.chips", "8"), 0);
		if (t)
			assert_int_equal(assign(&st, "chip.tdp_w", "350"), 0);
		c = st.cfg;
		ca->valid = cb->valid = 0;
		for (i = 0; i < 3000; i++) {
			c.scen.isl = 128 + (double)(i & 1023);
			c.scen.osl = 64 + (double)((i >> 3) & 511);
			snprintf(what, sizeof what, "real path%s, isl %g osl %g",
			         t ? " at 350 W" : "", c.scen.isl, c.scen.osl);
			both(&c, ca, cb, what, &n_ok);
			/* rl_eval_cached is the AVX copy here */
			memset(&r, 0x5a, sizeof r);
			memset(&a, 0x5a, sizeof a);
			assert_same(rl_eval_cached(&c, NULL, &r), &r,
			            rl_eval_cached_copy(&c, NULL, &a, 1), &a, what);
			limited += a.power_limited;
		}
		assert_int_equal(n_ok, 3000);
		/* at 350 W the clock fit ran, on most requests */
		if (t)
			assert_true(limited > 1500);
		else
			assert_int_equal(limited, 0);
	}
	free(ca);
	free(cb);
}

/* without a copy for AVX, the call says so: RL_EINVAL and its words */
static void test_without_avx(void **state)
{
	rl_config c;
	rl_result r;
	(void)state;
	rl_config_defaults(&c);
	if (rl_avx_here()) {
		assert_true(avx_copy_here());
		return;
	}
	assert_int_equal(rl_eval_cached_copy(&c, NULL, &r, 1), RL_EINVAL);
	assert_non_null(strstr(r.error, "no copy compiled for AVX"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_presets),
	    cmocka_unit_test(test_real_path),
	    cmocka_unit_test(test_without_avx),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
