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

/* strpool_key: the head, then each text after a unit separator and its
** length, written out by hand; two lists that read alike joined plainly
** ("a" and "b", and the one text "a\x1f1:b") make two keys; a key cut
** where out is short, the length it needs returned as snprintf's. */
static void test_strpool_key(void **state)
{
	const char *const two[2] = {"a", "b"}, *const one[1] = {"a\x1f" "1:b"};
	const char *const none[1] = {""};
	char k1[64], k2[64], small[8];
	(void)state;
	assert_int_equal(strpool_key(k1, sizeof k1, "chip", 2, two), 12);
	assert_string_equal(k1, "chip\x1f" "1:a\x1f" "1:b");
	/* 4 + 1 + 2 + 5 bytes: the one text is 5 long */
	assert_int_equal(strpool_key(k2, sizeof k2, "chip", 1, one), 12);
	assert_string_equal(k2, "chip\x1f" "5:a\x1f" "1:b");
	assert_string_not_equal(k1, k2);
	assert_int_equal(strpool_key(k1, sizeof k1, "", 1, none), 3);
	assert_string_equal(k1, "\x1f" "0:");
	/* 12 bytes needed, 7 and the NUL held */
	assert_int_equal(strpool_key(small, sizeof small, "chip", 2, two), 12);
	assert_string_equal(small, "chip\x1f" "1:");
	assert_int_equal(strpool_key(NULL, 0, "chip", 2, two), 12);
	/* a length of two digits, and keys cut in the head, in a length and
	** in a text: "m" + "\x1f" "12:" + 12 bytes + "\x1f" "0:" is 20;
	** 8 bytes hold 7 and the NUL */
	{
		const char *const mix[2] = {"abcdefghijkl", ""};
		assert_int_equal(strpool_key(k1, sizeof k1, "m", 2, mix), 20);
		assert_string_equal(k1, "m\x1f" "12:abcdefghijkl\x1f" "0:");
		assert_int_equal(strpool_key(small, 1, "m", 2, mix), 20);
		assert_string_equal(small, "");
		assert_int_equal(strpool_key(small, 4, "m", 2, mix), 20);
		assert_string_equal(small, "m\x1f" "1");
		assert_int_equal(strpool_key(small, 8, "m", 2, mix), 20);
		assert_string_equal(small, "m\x1f" "12:ab");
	}
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

/* A message longer than the cache kept (1 KiB) is the uncached call's,
** whole, where the caller's buffer holds it: a chip preset given by a
** path of 998 bytes (under the 1,023 a preset's path may have; nested
** folders, each name under NAME_MAX) with a key no chip has; its message
** names the path and then the key ("PATH:2: unknown parameter ..."), so
** it is longer than 1,023 bytes, by hand.  Until review55 the cached call
** cut it at 1,023 bytes, where its header promises the uncached call's
** messages. */
static void test_cache_long_message(void **state)
{
	static const char *const kinds[1] = {"chip"};
	char dir[1400], file[1500], cmd[3200], seg[101];
	char err[4096], err2[4096];
	const char *names[1];
	rl_setup *a = malloc(sizeof *a), *b = malloc(sizeof *b);
	preset_cache *c = preset_cache_new();
	FILE *f;
	int i, rc, rc2;
	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	memset(seg, 'd', 100);
	seg[100] = '\0';
	snprintf(dir, sizeof dir, "/tmp/rooflab-test-presetcache-long-%ld",
	         (long)getpid());
	for (i = 0; i < 9; i++)
		snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/%s", seg);
	/* the last folder's name makes the folder 990 bytes, the file 998 */
	i = 990 - (int)strlen(dir) - 1;
	snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/%.*s", i, seg);
	assert_int_equal(strlen(dir), 990);
	snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
	assert_int_equal(system(cmd), 0);
	snprintf(file, sizeof file, "%s/bad.ini", dir);
	assert_non_null(f = fopen(file, "w"));
	fputs("[chip]\nno_such_key_anywhere = 1\n", f);
	assert_int_equal(fclose(f), 0);
	names[0] = file;
	err[0] = err2[0] = '\0';
	rc2 = preset_cache_setup(NULL, 1, kinds, names, b, err2, sizeof err2);
	assert_int_not_equal(rc2, 0);
	/* the path is cut past 300 bytes (config/ini.c): its head, "...", its
	 * size (990 + strlen("/bad.ini") = 998 bytes), then the line and the
	 * key's words whole */
	assert_non_null(strstr(err2, "... (998 bytes):2: unknown parameter "
	                             "'chip.no_such_key_anywhere'"));
	rc = preset_cache_setup(c, 1, kinds, names, a, err, sizeof err);
	assert_int_equal(rc, rc2);
	assert_string_equal(err, err2);
	/* asked again: the same */
	err[0] = '\0';
	rc = preset_cache_setup(c, 1, kinds, names, a, err, sizeof err);
	assert_int_equal(rc, rc2);
	assert_string_equal(err, err2);
	snprintf(cmd, sizeof cmd, "rm -rf /tmp/rooflab-test-presetcache-long-%ld",
	         (long)getpid());
	assert_int_equal(system(cmd), 0);
	preset_cache_free(c);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_strpool_once),
	    cmocka_unit_test(test_strpool_key),
	    cmocka_unit_test(test_cache_reads_once),
	    cmocka_unit_test(test_cache_long_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
