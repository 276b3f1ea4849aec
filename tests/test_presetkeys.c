/*
** test_presetkeys.c: config/presetcache.c's keys and entries at their
** edges (fuzz14's mutants of it): a unit separator inside a name makes
** no key another's ("what" and the name each after a length), a key too
** long to hold is not cached (two long names alike in their first 2 KiB
** are not one), entries past the first 64, a value put copied (the
** caller's buffer changed after), the kinds of a setup in its key, an
** answer of preset_path held for the run (a file made after the first
** look is not seen), and a remembered failure's message written again
** into an empty buffer.  Each expected value is the one the test put, or
** the uncached call's.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/presetcache.h"

static void test_keys_apart(void **state)
{
	preset_cache *c = preset_cache_new();
	char a[3000], b[3000], name[32];
	const char *v;
	int oom = 0, i;
	(void)state;
	assert_non_null(c);
	/* "chip" + "a\x1f" "b" and "chip\x1f" "a" + "b": the same bytes
	** joined without the lengths */
	assert_string_equal(preset_cache_put(c, "chip", "a\x1f" "b", "one",
	                                     &oom), "one");
	assert_string_equal(preset_cache_put(c, "chip\x1f" "a", "b", "two",
	                                     &oom), "two");
	assert_int_equal(preset_cache_get(c, "chip", "a\x1f" "b", &v), 1);
	assert_string_equal(v, "one");
	assert_int_equal(preset_cache_get(c, "chip\x1f" "a", "b", &v), 1);
	assert_string_equal(v, "two");
	/* names of 2999 bytes, alike but for the last: no key holds them
	** (2048 bytes), so neither is remembered, the value handed back */
	memset(a, 'n', sizeof a - 1);
	a[sizeof a - 1] = '\0';
	memcpy(b, a, sizeof a);
	b[sizeof b - 2] = 'm';
	assert_string_equal(preset_cache_put(c, "chip", a, "long", &oom),
	                    "long");
	assert_int_equal(preset_cache_get(c, "chip", a, &v), 0);
	assert_int_equal(preset_cache_get(c, "chip", b, &v), 0);
	/* 300 keys, past the first block of 64 entries: each its value */
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof name, "label %d", i);
		assert_string_equal(preset_cache_put(c, "model", name, name, &oom),
		                    name);
	}
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof name, "label %d", i);
		assert_int_equal(preset_cache_get(c, "model", name, &v), 1);
		assert_string_equal(v, name);
	}
	/* a value copied: the caller's buffer changed after the put */
	snprintf(name, sizeof name, "h100-sxm");
	assert_ptr_not_equal(preset_cache_put(c, "chip", "H100 80GB", name,
	                                      &oom), name);
	snprintf(name, sizeof name, "overwritten");
	assert_int_equal(preset_cache_get(c, "chip", "H100 80GB", &v), 1);
	assert_string_equal(v, "h100-sxm");
	assert_int_equal(oom, 0);
	assert_int_equal(preset_cache_get(c, "chip", "a\x1f" "b", &v), 1);
	assert_string_equal(v, "one");
	/* the kinds are in a setup's key: llama3-8b is no chip but a model
	** (data/models/llama3-8b.ini), each answered as the uncached call */
	{
		static const char *const chip[1] = {"chip"}, *const model[1] = {
		    "model"};
		const char *names[1] = {"llama3-8b"};
		rl_setup *st = malloc(sizeof *st);
		char err[512];
		assert_non_null(st);
		assert_int_not_equal(preset_cache_setup(NULL, 1, chip, names, st,
		                                        err, sizeof err), 0);
		assert_int_equal(preset_cache_setup(NULL, 1, model, names, st, err,
		                                    sizeof err), 0);
		assert_int_not_equal(preset_cache_setup(c, 1, chip, names, st, err,
		                                        sizeof err), 0);
		assert_int_equal(preset_cache_setup(c, 1, model, names, st, err,
		                                    sizeof err), 0);
		free(st);
	}
	preset_cache_free(c);
}

/* A data directory of data/nodes alone (no chip) in $ROOFLAB_DATA. */
static void temp_data(char *dir, size_t len)
{
	char cmd[2048];
	snprintf(dir, len, "/tmp/rooflab-test-presetkeys-%ld", (long)getpid());
	snprintf(cmd, sizeof cmd, "rm -rf %s && mkdir -p %s/chips %s/models "
	         "%s/profiles && cp -r %s/nodes %s/", dir, dir, dir, dir,
	         RL_DATA_DIR, dir);
	assert_int_equal(system(cmd), 0);
	setenv("ROOFLAB_DATA", dir, 1);
}

static void test_answers_held(void **state)
{
	static const char *const kinds[1] = {"chip"};
	const char *names[1] = {"h100-sxm"};
	char dir[128], cmd[512], err[512], err2[512];
	preset_cache *c = preset_cache_new();
	rl_setup *st = malloc(sizeof *st);
	(void)state;
	assert_non_null(c);
	assert_non_null(st);
	temp_data(dir, sizeof dir);
	/* none there at the first look, the answer held though it comes */
	assert_int_equal(preset_cache_exists(c, "chip", "h100-sxm"), 0);
	assert_int_not_equal(preset_cache_setup(c, 1, kinds, names, st, err2,
	                                        sizeof err2), 0);
	assert_true(strlen(err2) > 0);
	snprintf(cmd, sizeof cmd, "cp %s/chips/h100-sxm.ini %s/chips/",
	         RL_DATA_DIR, dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(preset_cache_exists(NULL, "chip", "h100-sxm"), 1);
	assert_int_equal(preset_cache_exists(c, "chip", "h100-sxm"), 0);
	/* the failure remembered, its message written again */
	err[0] = '\0';
	assert_int_not_equal(preset_cache_setup(c, 1, kinds, names, st, err,
	                                        sizeof err), 0);
	assert_string_equal(err, err2);
	assert_int_equal(preset_cache_setup(NULL, 1, kinds, names, st, err,
	                                    sizeof err), 0);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	preset_cache_free(c);
	free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keys_apart),
	    cmocka_unit_test(test_answers_held),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
