/*
** test_meta.c: config/meta.c, the one table of the [meta] keys whose
** length a chip's or profile's preset caps.  The expected caps are the
** ones the loader refused at before the table (config/setup.c meta_check
** since 19429910, config/setup.h RL_META_SOFTWARE_MAX 128 and
** RL_META_CALIBRATED_MAX 32, NUL included): software at most 127 bytes,
** calibrated and fitted at most 31; the messages are the form
** tests/cli_profileout.sh has matched ("[meta] software: 128 bytes; at
** most 127 bytes").
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../config/meta.h"

/* n copies of c, NUL-terminated, into b (n < size) */
static const char *run_of(char *b, size_t n, char c)
{
	memset(b, c, n);
	b[n] = '\0';
	return b;
}

static void test_caps(void **state)
{
	(void)state;
	/* the bytes with the NUL: one more than the longest value */
	assert_int_equal(rl_meta_cap("chip", "software"), 128);
	assert_int_equal(rl_meta_cap("profile", "software"), 128);
	assert_int_equal(rl_meta_cap("profile", "calibrated"), 32);
	assert_int_equal(rl_meta_cap("chip", "calibrated"), 32);
	assert_int_equal(rl_meta_cap("profile", "fitted"), 32);
	/* the rest of [meta] is free text */
	assert_int_equal(rl_meta_cap("profile", "name"), 0);
	assert_int_equal(rl_meta_cap("chip", "notes"), 0);
	/* a key is matched whole, not by its beginning */
	assert_int_equal(rl_meta_cap("profile", "soft"), 0);
	assert_int_equal(rl_meta_cap("profile", "software2"), 0);
	/* other kinds' [meta] is not read by profiles.c: free */
	assert_int_equal(rl_meta_cap("model", "software"), 0);
	assert_int_equal(rl_meta_cap("scenario", "calibrated"), 0);
	assert_int_equal(rl_meta_cap("node", "fitted"), 0);
}

static void test_check(void **state)
{
	char v[200], err[256];
	(void)state;
	/* the longest that fits: 0, err untouched */
	strcpy(err, "untouched");
	assert_int_equal(rl_meta_check("profile", "software",
	                               run_of(v, 127, 's'), err, sizeof err),
	                 0);
	assert_string_equal(err, "untouched");
	assert_int_equal(rl_meta_check("chip", "calibrated",
	                               run_of(v, 31, '1'), err, sizeof err),
	                 0);
	/* one byte more: refused, the key, the size and the limit named as
	** the loader has said it ("[meta] KEY: N bytes; at most M bytes") */
	assert_int_equal(rl_meta_check("profile", "software",
	                               run_of(v, 128, 's'), err, sizeof err),
	                 -1);
	assert_string_equal(err, "[meta] software: 128 bytes; at most 127 bytes");
	assert_int_equal(rl_meta_check("profile", "fitted", run_of(v, 32, '2'),
	                               err, sizeof err),
	                 -1);
	assert_string_equal(err, "[meta] fitted: 32 bytes; at most 31 bytes");
	/* 16 two-byte letters (U+00E9) are 32 bytes: counted in bytes, the
	** characters said beside them (rl_utf8_bytes) */
	v[0] = '\0';
	{
		int i;
		for (i = 0; i < 16; i++)
			strcat(v, "\xc3\xa9");
	}
	assert_int_equal(rl_meta_check("chip", "calibrated", v, err,
	                               sizeof err),
	                 -1);
	assert_string_equal(err, "[meta] calibrated: 32 bytes (16 characters); "
	                         "at most 31 bytes");
	/* free text of any length, and another kind's capped key: 0 */
	assert_int_equal(rl_meta_check("profile", "name", run_of(v, 190, 'n'),
	                               err, sizeof err),
	                 0);
	assert_int_equal(rl_meta_check("model", "software",
	                               run_of(v, 190, 's'), err, sizeof err),
	                 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_caps),
	    cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
