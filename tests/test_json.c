/*
** test_json.c: the JSON writer (config/json.c) writes valid UTF-8 whatever
** bytes it is given: well-formed sequences are copied, every byte that is
** not part of one becomes \ufffd, control characters are escaped.
** Expected strings are written by hand from RFC 3629's table of
** well-formed byte sequences.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/json.h"

/* The document {"s": "<s>"} as the writer prints it, the string part. */
static char *written(const char *s)
{
	char *buf = NULL, *start, *out;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	json_w w;
	json_begin(&w, f);
	json_str(&w, "s", s);
	json_finish(&w);
	fclose(f);
	start = strstr(buf, "\"s\": ");
	assert_non_null(start);
	out = strdup(start + 5);
	out[strcspn(out, "\n")] = 0;
	free(buf);
	return out;
}

static void check(const char *in, const char *want)
{
	char *got = written(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_valid_utf8_copied(void **state)
{
	(void)state;
	check("plain", "\"plain\"");
	check("caf\xc3\xa9", "\"caf\xc3\xa9\"");             /* U+00E9 */
	check("\xe2\x82\xac 5", "\"\xe2\x82\xac 5\"");       /* U+20AC */
	check("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");   /* U+1F600 */
	check("q\"b\\\n\t\x01", "\"q\\\"b\\\\\\n\\t\\u0001\"");
}

static void test_invalid_bytes_replaced(void **state)
{
	(void)state;
	/* a Latin-1 byte */
	check("x\xffy", "\"x\\ufffdy\"");
	check("caf\xe9", "\"caf\\ufffd\"");
	/* a lone continuation byte */
	check("\x80", "\"\\ufffd\"");
	/* overlong '/': C0 AF, both bytes refused */
	check("\xc0\xaf", "\"\\ufffd\\ufffd\"");
	/* overlong 3-byte form E0 80 AF */
	check("\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");
	/* a UTF-16 surrogate, U+D800 = ED A0 80 */
	check("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
	/* above U+10FFFF: F4 90 80 80 */
	check("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	/* truncated at the end of the string: E2 82 then NUL */
	check("a\xe2\x82", "\"a\\ufffd\\ufffd\"");
}

/* json_exact_text: the fewest of 15 to 17 digits that read back.  0.05
** is 0.05000000000000000277 as a double: 15 digits read back, 17 show the
** tail; 0.1 + 0.2 is 0.30000000000000004441 and its 15 and 16 digits
** (0.3) read back as 0.3's own double, one step below, so it takes 17;
** 1/3 is 0.33333333333333331483, its 16 digits 0.3333333333333333 lie
** 1.5e-17 from it, under half the step (2.8e-17), and its 15 digits
** 0.333333333333333 lie 3.1e-16 off. */
static void test_exact_text(void **state)
{
	char buf[32];
	volatile double a = 0.1, b = 0.2, three = 3;
	(void)state;
	json_exact_text(0.05, buf);
	assert_string_equal(buf, "0.05");
	json_exact_text(a + b, buf);
	assert_string_equal(buf, "0.30000000000000004");
	json_exact_text(1 / three, buf);
	assert_string_equal(buf, "0.3333333333333333");
	json_exact_text(600, buf);
	assert_string_equal(buf, "600");
	json_exact_text(1e300, buf);
	assert_string_equal(buf, "1e+300");
	json_exact_text(-1.5, buf);
	assert_string_equal(buf, "-1.5");
	json_exact_text(1.0 / 0.0, buf);
	assert_string_equal(buf, "inf");
}

/* a whole number in all its digits, where json_num keeps 10 */
static void test_int_whole(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	json_w w;
	(void)state;
	json_begin(&w, f);
	json_int(&w, "seed", 12345678901LL);
	json_num_exact(&w, "x", 0.05);
	json_num_exact(&w, "n", 0.0 / 0.0);
	json_finish(&w);
	fclose(f);
	assert_non_null(strstr(buf, "\"seed\": 12345678901,"));
	assert_non_null(strstr(buf, "\"x\": 0.05,"));
	assert_non_null(strstr(buf, "\"n\": null"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_utf8_copied),
	    cmocka_unit_test(test_invalid_bytes_replaced),
	    cmocka_unit_test(test_exact_text),
	    cmocka_unit_test(test_int_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
