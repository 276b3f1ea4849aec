/*
** test_archgroup.c: which model presets are one network for the engine,
** and the leave-out groups of `rooflab calibrate --loo-arch`
** (model/archgroup.h).  The groups expected are worked out by hand from
** the shapes below (data/models: Llama-3 and 3.1 8B one shape, Llama-3,
** 3.1 and 3.3 70B one shape, Llama-2 70B the 70B's layers with a 32,000-word
** vocabulary).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../model/archgroup.h"
#include "../model/params.h"
#include "fixtures.h"

static void with_model(rl_config *c, void (*shape)(rl_model *))
{
	rl_config_defaults(c);
	shape(&c->model);
}

/* Two presets of the same shape under different names are one network;
** what is not a model field (the request, the tp degree, the profile)
** does not part them. */
static void test_same_shape(void **state)
{
	rl_config a, b;
	(void)state;
	with_model(&a, fx_llama3_70b);
	with_model(&b, fx_llama3_70b);
	b.scen.isl = 20000;
	b.scen.tp = 8;
	b.prof.eff_compute = 0.5;
	assert_int_equal(rl_arch_same(&a, &b), 1);
}

/* Any one model field changed parts them: each field of the parameter
** table's "model" section set to another allowed value (its minimum, or
** its maximum where the minimum is the 70B's value). */
static void test_each_field_counts(void **state)
{
	size_t np, k, n = 0;
	const rl_param *p = rl_params(&np);
	rl_config a, b;
	char err[256];
	(void)state;
	with_model(&a, fx_llama3_70b);
	for (k = 0; k < np; k++) {
		double v;
		if (strcmp(p[k].section, "model"))
			continue;
		b = a;
		v = rl_param_get(&a, &p[k]) == p[k].min ? p[k].max : p[k].min;
		assert_int_equal(rl_param_set(&b, &p[k], v, err, sizeof err), 0);
		assert_int_equal(rl_arch_same(&a, &b), 0);
		n++;
	}
	/* every field of rl_model is a double the table names */
	assert_int_equal(n, sizeof(rl_model) / sizeof(double));
	/* the 405B's first upload: 16 KV heads instead of 8 */
	b = a;
	b.model.kv_heads = 16;
	assert_int_equal(rl_arch_same(&a, &b), 0);
}

/* Eight rows: the 70B's shape under three names (one of them twice),
** the 8B's under two, Llama-2 70B (vocabulary 32000) and Mistral-7B
** (the 8B's layers, vocabulary 32000, a 4096-token window) apart. */
static void test_groups(void **state)
{
	static const char *const name[8] = {
	    "llama3.1-70b", "mistral-7b", "llama3-70b", "llama3-70b",
	    "llama3.3-70b", "llama3.1-8b", "llama3-8b", "llama2-70b"};
	/* by hand: rows 0, 2, 3, 4 the 70B (first row 0); 1 alone; 5 and 6
	** the 8B (first row 5); 7 alone */
	static const int want[8] = {0, 1, 0, 0, 0, 5, 5, 7};
	rl_config c[8];
	const rl_config *cp[8];
	int group[8];
	char buf[256];
	size_t i;
	(void)state;
	for (i = 0; i < 8; i++) {
		with_model(&c[i], strstr(name[i], "70b") ? fx_llama3_70b
		                                          : fx_llama3_8b);
		cp[i] = &c[i];
	}
	c[1].model.vocab = 32000;
	c[1].model.sliding_window = 4096;
	c[7].model.vocab = 32000;
	rl_arch_groups(cp, name, 8, group);
	for (i = 0; i < 8; i++)
		assert_int_equal(group[i], want[i]);
	/* names sorted ('-' before '.'), groups by their first name ('7'
	** before '8'); the groups of one name are not listed */
	assert_int_equal(rl_arch_twins(name, group, 8, buf, sizeof buf), 2);
	assert_string_equal(buf, "llama3-70b = llama3.1-70b = llama3.3-70b, "
	                         "llama3-8b = llama3.1-8b");
	/* cut to the buffer, still counted */
	assert_int_equal(rl_arch_twins(name, group, 8, buf, 11), 2);
	assert_string_equal(buf, "llama3-70b");
	/* one row per name, no two alike: no group listed */
	assert_int_equal(rl_arch_twins(name, want, 2, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
}

/* Rows of one name stay together even where their models differ, and
** the groups join through them: x (70B), x (8B), y (8B) are one group;
** z (70B with 16 KV heads) apart. */
static void test_transitive(void **state)
{
	static const char *const name[4] = {"x", "x", "y", "z"};
	rl_config c[4];
	const rl_config *cp[4];
	int group[4];
	size_t i;
	char buf[64];
	(void)state;
	with_model(&c[0], fx_llama3_70b);
	with_model(&c[1], fx_llama3_8b);
	with_model(&c[2], fx_llama3_8b);
	with_model(&c[3], fx_llama3_70b);
	c[3].model.kv_heads = 16;
	for (i = 0; i < 4; i++)
		cp[i] = &c[i];
	rl_arch_groups(cp, name, 4, group);
	assert_int_equal(group[0], 0);
	assert_int_equal(group[1], 0);
	assert_int_equal(group[2], 0);
	assert_int_equal(group[3], 3);
	assert_int_equal(rl_arch_twins(name, group, 4, buf, sizeof buf), 1);
	assert_string_equal(buf, "x = y");
	/* the union joins a later row's set into an earlier one's: y first,
	** then x of its shape, then x of another: one group, first row 0 */
	{
		static const char *const n2[3] = {"y", "x", "x"};
		const rl_config *c2[3] = {&c[2], &c[0], &c[1]};
		rl_arch_groups(c2, n2, 3, group);
		assert_int_equal(group[0], 0);
		assert_int_equal(group[1], 0);
		assert_int_equal(group[2], 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_shape),
	    cmocka_unit_test(test_each_field_counts),
	    cmocka_unit_test(test_groups),
	    cmocka_unit_test(test_transitive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
