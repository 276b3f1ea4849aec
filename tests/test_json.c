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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_utf8_copied),
	    cmocka_unit_test(test_invalid_bytes_replaced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
