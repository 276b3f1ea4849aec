/*
** test_json.c: the JSON writer (config/json.c) writes valid UTF-8 whatever
** bytes it is given: well-formed sequences are copied, every byte that is
** not part of one becomes \ufffd, control characters are escaped.
** Expected strings are written by hand from RFC 3629's table of
** well-formed byte sequences.  json_exact_text's own digits
** (config/exacttext.c) are checked against its definition, the C
** library's %.15g, %.16g, %.17g and strtod, and by hand.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fenv.h>
#include <math.h>
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

/* Every control rl_utf8_control names escaped \uXXXX, its code point
** worked out by hand from the bytes: DEL 7F; C1 from C2 80 (U+0080) to
** C2 9F (U+009F), NEL C2 85; the bidirectional controls ALM D8 9C
** (U+061C), LRM E2 80 8E (U+200E), RLO E2 80 AE (U+202E), PDI E2 81 A9
** (U+2069).  They went out as they stood (sweeps77: a spec's path with
** RLO reversed a terminal's line of export's JSON).  Their neighbours
** stay as they are: U+00A0 (C2 A0), U+200D (E2 80 8D), U+202F
** (E2 80 AF), U+206A (E2 81 AA), ~ (7E). */
static void test_controls_escaped(void **state)
{
	(void)state;
	check("a\x7f""b", "\"a\\u007fb\"");
	check("\xc2\x80|\xc2\x85|\xc2\x9f", "\"\\u0080|\\u0085|\\u009f\"");
	check("\xd8\x9c\xe2\x80\x8e\xe2\x80\xae\xe2\x81\xa9",
	      "\"\\u061c\\u200e\\u202e\\u2069\"");
	check("\xc2\xa0\xe2\x80\x8d\xe2\x80\xaf\xe2\x81\xaa~",
	      "\"\xc2\xa0\xe2\x80\x8d\xe2\x80\xaf\xe2\x81\xaa~\"");
}

/* The line and paragraph separators U+2028 (E2 80 A8) and U+2029 (E2 80
** A9) escaped \u2028 and \u2029: valid raw in a JSON string, but a
** reader that splits lines by Unicode's rule (Python's str.splitlines)
** cut a JSON Lines record at them (fuzz79).  Their neighbour U+2027
** (E2 80 A7) stays as it is. */
static void test_separators_escaped(void **state)
{
	(void)state;
	check("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "\"a\\u2028b\\u2029c\"");
	check("\xe2\x80\xa7", "\"\xe2\x80\xa7\"");
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

/* The definition json_exact_text keeps: the first of %.15g and %.16g
** that strtod reads back as v, else %.17g (the C library's digits, which
** config/exacttext.c makes without it for most values). */
static void libc_exact(double v, char buf[32])
{
	int digits;
	for (digits = 15; digits < 17; digits++) {
		snprintf(buf, 32, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, 32, "%.17g", v);
}

static void same_as_libc(double v)
{
	char got[32], want[32];
	json_exact_text(v, got);
	libc_exact(v, want);
	if (strcmp(got, want))
		fail_msg("%a: json_exact_text '%s', %%.Ng and strtod '%s'", v, got,
		         want);
}

static uint64_t next_rand(uint64_t *s) /* xorshift64*, a fixed sequence */
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

/* Ties and edges worked out by hand.  12345678901234.125 is exact in a
** double (44 bits and 3 of fraction) and has 17 digits, ending in 5: at 16
** the cut is exactly half, kept to the even ...12 (it does not read
** back: 17 digits); .375 rounds up to the even ...38.  1234567890123.125
** (16 digits) is a tie at 15 (...12|50), kept even, not read back, so 16
** digits.  2^53 + 2 = 9007199254740994: 15 digits 9.00719925474099e+15
** are off by 4; its 16 digits lie past 2^53, where strtod checks them.
** 10000000000000050 (even, so exact) ties at 15 (1000..00|50) and takes
** 16 digits.  0.000001 is %g's exponent form (below 1e-4), 0.0001 not;
** 999999999999999.9 rounds up to 1e+15 at 15 digits, which is no 16-digit
** value's own: 16 digits. */
static void test_exact_text_edges(void **state)
{
	static const struct {
		double v;
		const char *text;
	} cases[] = {
	    {12345678901234.125, "12345678901234.125"},
	    {12345678901234.375, "12345678901234.375"},
	    {1234567890123.125, "1234567890123.125"},
	    {9007199254740994.0, "9007199254740994"},
	    {10000000000000050.0, "1.000000000000005e+16"},
	    {0.000001, "1e-06"},
	    {0.0001, "0.0001"},
	    {999999999999999.9, "999999999999999.9"},
	    {1e16, "1e+16"},
	    {1e15, "1e+15"},
	    {123456789012345.0, "123456789012345"},
	    {-0.02, "-0.02"},
	    {0.0, "0"},
	    {-0.0, "-0"},
	};
	char buf[32];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		json_exact_text(cases[i].v, buf);
		assert_string_equal(buf, cases[i].text);
		same_as_libc(cases[i].v);
	}
}

/* The same text as the C library's over 400,000 values: any bits (every
** exponent, subnormals), values of 1 to 17 random digits (ties and
** values a short decimal reads as), the doubles beside each power of ten
** and of two in and around the fast range (1e-6 to 1e17), and the
** speedups, watts and seconds a sweep stores. */
static void test_exact_text_libc(void **state)
{
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	int i, e;
	(void)state;
	for (i = 0; i < 100000; i++) {
		uint64_t bits = next_rand(&s);
		double v;
		memcpy(&v, &bits, sizeof v);
		if (isfinite(v))
			same_as_libc(v);
	}
	for (i = 0; i < 150000; i++) {
		char text[48];
		int digits = 1 + (int)(next_rand(&s) % 17);
		int e10 = (int)(next_rand(&s) % 30) - 9;
		double m = (double)(next_rand(&s) >> 11) / 9007199254740992.0;
		snprintf(text, sizeof text, "%.*e", digits - 1, (1 + 9 * m) *
		         pow(10, e10));
		same_as_libc(strtod(text, NULL));
		same_as_libc(-strtod(text, NULL));
	}
	for (i = 0; i < 100000; i++) {
		/* a uniform in [2^-24, 2^64): every exponent of the range */
		double m = (double)(next_rand(&s) >> 11) / 9007199254740992.0;
		double v = ldexp(1 + m, (int)(next_rand(&s) % 88) - 24);
		same_as_libc(v);
		same_as_libc(v * 0.001);
	}
	for (e = -8; e <= 19; e++) {
		double p = pow(10, e), lo = p, hi = p;
		for (i = 0; i < 200; i++) {
			same_as_libc(lo);
			same_as_libc(hi);
			lo = nextafter(lo, 0);
			hi = nextafter(hi, INFINITY);
		}
	}
	for (e = -24; e <= 64; e++) {
		double p = ldexp(1, e), lo = p, hi = p;
		for (i = 0; i < 50; i++) {
			same_as_libc(lo);
			same_as_libc(hi);
			lo = nextafter(lo, 0);
			hi = nextafter(hi, INFINITY);
		}
	}
}

/* Under another rounding mode the definition is the C library's digits,
** which then round toward the mode (glibc's printf and strtod follow
** it), where exacttext.c's fast path rounds half to even: it must stand
** aside (fuzz11's mutation pass: its fegetround() test dropped passed
** this file).  By hand: 0.1 is the double 0.1000000000000000055511...;
** rounded up at 15 and 16 digits it is 0.100000000000001 and
** 0.1000000000000001, which strtod rounding up reads as doubles above
** 0.1, so 17 digits, 0.10000000000000001 (which reads back above 0.1
** too: under this mode no width does), where the fast path's 15 digits
** give 0.1 (1 / 10 rounded up is 0.1's double).  Rounding down, every
** width is 0.1000..00 (%g drops the zeros: "0.1"), which strtod rounding
** down reads as the double under 0.1's; %.17g's "0.1" alike.  Then
** values of every exponent of the libc test's range. */
static void test_exact_text_rounding_mode(void **state)
{
	static const int modes[] = {FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
	char buf[32];
	size_t m;
	uint64_t s = 0x2545f4914f6cdd1dULL;
	int i;
	(void)state;
	assert_int_equal(fesetround(FE_UPWARD), 0);
	json_exact_text(0.1, buf);
	fesetround(FE_TONEAREST);
	assert_string_equal(buf, "0.10000000000000001");
	assert_int_equal(fesetround(FE_DOWNWARD), 0);
	json_exact_text(0.1, buf);
	fesetround(FE_TONEAREST);
	assert_string_equal(buf, "0.1");
	for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		for (i = 0; i < 3000; i++) {
			double mant = (double)(next_rand(&s) >> 11) / 9007199254740992.0;
			double v = ldexp(1 + mant, (int)(next_rand(&s) % 88) - 24);
			char got[32], want[32];
			assert_int_equal(fesetround(modes[m]), 0);
			json_exact_text(v, got);
			libc_exact(v, want);
			fesetround(FE_TONEAREST);
			if (strcmp(got, want))
				fail_msg("mode %zu, %a: json_exact_text '%s', the C "
				         "library's '%s'", m, v, got, want);
		}
	}
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

/* json_begin_line: the document on one line, ended by json_finish's
** newline, nested objects and arrays included and a string's line break
** escaped (JSON Lines: export --format jsonl); written out by hand */
static void test_line(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	json_w w;
	(void)state;
	json_begin_line(&w, f);
	json_int(&w, "idx", 3);
	json_obj(&w, "run");
	json_str(&w, "s", "a\nb");
	json_null(&w, "z");
	json_end(&w);
	json_arr(&w, "cols");
	json_num_exact(&w, NULL, 0.05);
	json_obj(&w, NULL);
	json_end(&w);
	json_end(&w);
	json_finish(&w);
	/* and a pretty document after it, as json_begin writes one */
	json_begin(&w, f);
	json_int(&w, "a", 1);
	json_finish(&w);
	fclose(f);
	assert_string_equal(buf, "{\"idx\": 3, \"run\": {\"s\": \"a\\nb\", "
	                         "\"z\": null}, \"cols\": [0.05, {}]}\n"
	                         "{\n  \"a\": 1\n}\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_utf8_copied),
	    cmocka_unit_test(test_invalid_bytes_replaced),
	    cmocka_unit_test(test_controls_escaped),
		cmocka_unit_test(test_separators_escaped),
	    cmocka_unit_test(test_exact_text),
	    cmocka_unit_test(test_exact_text_edges),
	    cmocka_unit_test(test_exact_text_libc),
	    cmocka_unit_test(test_exact_text_rounding_mode),
	    cmocka_unit_test(test_int_whole),
	    cmocka_unit_test(test_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
