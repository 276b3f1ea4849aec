/*
** test_presetcache.c: config/strpool.c and config/presetcache.c.  A
** string is held once (the same pointer for equal text, its first tag
** kept), and a run's cache answers from what it read first: a preset file
** removed after its first use still loads from the cache, where the
** uncached call (cache NULL) reports it missing, which shows the file is
** read once a run; its answers and messages are the uncached call's.
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
#include "../config/strpool.h"

static void test_strpool_once(void **state)
{
	strpool *p = strpool_new();
	const char *a, *b, *c;
	char name[32], *big;
	int old, i;
	(void)state;
	assert_non_null(p);
	a = strpool_add(p, "h100-sxm", 7, &old);
	assert_int_equal(old, -1); /* new */
	b = strpool_add(p, "h100-sxm", 9, &old);
	assert_ptr_equal(a, b);
	assert_int_equal(old, 7); /* the first tag stands */
	c = strpool_add(p, "h200-sxm", 1, &old);
	assert_int_equal(old, -1);
	assert_string_equal(c, "h200-sxm");
	assert_string_equal(a, "h100-sxm");
	/* past the first 256 slots (grown at half full): every string still
	** found, with the tag it was added with */
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "row-%d", i);
		assert_non_null(strpool_add(p, name, i, &old));
		assert_int_equal(old, -1);
	}
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof name, "row-%d", i);
		strpool_add(p, name, -5, &old);
		assert_int_equal(old, i);
	}
	assert_int_equal(strpool_count(p), 1002);
	assert_int_equal(strpool_tag(p, "row-999"), 999);
	assert_int_equal(strpool_tag(p, "h100-sxm"), 7);
	assert_int_equal(strpool_tag(p, "row-1000"), -1); /* not added */
	assert_int_equal(strpool_count(p), 1002);
	/* a string longer than a block (64 KiB) whole, the strings before it
	** untouched */
	big = malloc(100001);
	assert_non_null(big);
	memset(big, 'x', 100000);
	big[100000] = '\0';
	c = strpool_add(p, big, 0, NULL);
	assert_non_null(c);
	assert_int_equal(strlen(c), 100000);
	assert_string_equal(a, "h100-sxm");
	assert_ptr_equal(strpool_add(p, big, 0, NULL), c);
	free(big);
	strpool_free(p);
}

/* A data directory of one chip preset, data/chips/h100-sxm.ini copied
** into it, and $ROOFLAB_DATA pointing at it. */
static void temp_data(char *dir, size_t len, char *chip, size_t clen)
{
	char cmd[2048];
	snprintf(dir, len, "/tmp/rooflab-test-presetcache-%ld", (long)getpid());
	snprintf(chip, clen, "%s/chips/h100-sxm.ini", dir);
	snprintf(cmd, sizeof cmd, "mkdir -p %s/chips %s/models %s/profiles && "
	         "cp %s/chips/h100-sxm.ini %s/chips/ && cp -r %s/nodes %s/",
	         dir, dir, dir, RL_DATA_DIR, dir, RL_DATA_DIR, dir);
	assert_int_equal(system(cmd), 0);
	setenv("ROOFLAB_DATA", dir, 1);
}

static void test_cache_reads_once(void **state)
{
	static const char *const kinds[1] = {"chip"};
	const char *names[1] = {"h100-sxm"}, *missing[1] = {"no-such-chip"};
	char dir[128], chip[256], cmd[256], err[512], err2[512];
	rl_setup *a = malloc(sizeof *a), *b = malloc(sizeof *b);
	preset_cache *c = preset_cache_new();
	const char *v;
	int oom = 0;
	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	temp_data(dir, sizeof dir, chip, sizeof chip);
	assert_int_equal(preset_cache_exists(c, "chip", "h100-sxm"), 1);
	assert_int_equal(preset_cache_exists(c, "chip", "no-such-chip"), 0);
	assert_int_equal(preset_cache_setup(c, 1, kinds, names, a, err,
	                                    sizeof err), 0);
	assert_true(a->cfg.chip.hbm_Bps > 0); /* the file was read */
	/* an unknown name: the uncached call's status and message */
	assert_int_not_equal(preset_cache_setup(NULL, 1, kinds, missing, b, err2,
	                                        sizeof err2), 0);
	assert_int_not_equal(preset_cache_setup(c, 1, kinds, missing, b, err,
	                                        sizeof err), 0);
	assert_string_equal(err, err2);
	/* the file gone: the cache still has it, the uncached call does not */
	assert_int_equal(unlink(chip), 0);
	assert_int_equal(preset_cache_exists(c, "chip", "h100-sxm"), 1);
	assert_int_equal(preset_cache_exists(NULL, "chip", "h100-sxm"), 0);
	assert_int_equal(preset_cache_setup(c, 1, kinds, names, b, err,
	                                    sizeof err), 0);
	assert_true(b->cfg.chip.hbm_Bps == a->cfg.chip.hbm_Bps);
	assert_string_equal(b->chip_file, a->chip_file);
	assert_int_not_equal(preset_cache_setup(NULL, 1, kinds, names, b, err,
	                                        sizeof err), 0);
	/* a failure remembered too, with its message */
	assert_int_not_equal(preset_cache_setup(c, 1, kinds, missing, b, err,
	                                        sizeof err), 0);
	assert_string_equal(err, err2);
	/* get and put: nothing before the put, NULL as a value */
	assert_int_equal(preset_cache_get(c, "chip", "H100 80GB", &v), 0);
	assert_string_equal(preset_cache_put(c, "chip", "H100 80GB", "h100-sxm",
	                                     &oom), "h100-sxm");
	assert_null(preset_cache_put(c, "chip", "X", NULL, &oom));
	assert_int_equal(oom, 0);
	assert_int_equal(preset_cache_get(c, "chip", "H100 80GB", &v), 1);
	assert_string_equal(v, "h100-sxm");
	assert_int_equal(preset_cache_get(c, "chip", "X", &v), 1);
	assert_null(v);
	assert_int_equal(preset_cache_get(c, "model", "X", &v), 0);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	preset_cache_free(c);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_strpool_once),
	    cmocka_unit_test(test_cache_reads_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
