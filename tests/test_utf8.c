/*
** test_utf8.c: well-formed UTF-8 and the text of messages (model/utf8.c):
** sizes in bytes and characters, cuts and quotes at a whole character,
** the first malformed byte, characters counted and a text table's cells.
** Every expected value is derived by hand (the bytes of each sequence
** written out in the comments).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "../model/utf8.h"

/* Sizes for messages about limits in bytes, counted by hand: "abc" 3
** bytes of ASCII; Greek alpha beta gamma (CE B1, CE B2, CE B3) 6 bytes, 3
** characters; 100 alphas 200 bytes, 100 characters; "a", a lone FF, "b":
** 3 bytes, 3 characters (FF one, as rl_utf8_chars counts it); the first
** 4 bytes of "\u00e9t\u00e9" (C3 A9 74 C3 A9) hold e-acute, t and C3
** (the sequence cut): 4 bytes, 3 characters; "x" 1 byte. */
static void test_utf8_bytes(void **state)
{
	char buf[64], alphas[201];
	int i;
	(void)state;
	assert_string_equal(rl_utf8_bytes("abc", 3, buf, sizeof buf), "3 bytes");
	assert_string_equal(rl_utf8_bytes("x", 1, buf, sizeof buf), "1 byte");
	assert_string_equal(rl_utf8_bytes("\xce\xb1\xce\xb2\xce\xb3", 6, buf,
	                                  sizeof buf),
	                    "6 bytes (3 characters)");
	for (i = 0; i < 100; i++)
		memcpy(alphas + 2 * i, "\xce\xb1", 2);
	alphas[200] = '\0';
	assert_string_equal(rl_utf8_bytes(alphas, strlen(alphas), buf,
	                                  sizeof buf),
	                    "200 bytes (100 characters)");
	assert_string_equal(rl_utf8_bytes("a\xff" "b", 3, buf, sizeof buf),
	                    "3 bytes (3 characters)");
	assert_string_equal(rl_utf8_bytes("\xc3\xa9t\xc3\xa9", 4, buf,
	                                  sizeof buf),
	                    "4 bytes (3 characters)");
	/* the first byte that begins no sequence: none in ASCII or Greek; the
	** FF at 1; an overlong C0 80 at 0; a surrogate ED A0 80 at 2; a
	** 3-byte sequence cut by the end (E4 B8) at 1 */
	assert_int_equal(rl_utf8_bad("abc"), -1);
	assert_int_equal(rl_utf8_bad(alphas), -1);
	assert_int_equal(rl_utf8_bad("a\xff" "b"), 1);
	assert_int_equal(rl_utf8_bad("\xc0\x80"), 0);
	assert_int_equal(rl_utf8_bad("ab\xed\xa0\x80"), 2);
	assert_int_equal(rl_utf8_bad("a\xe4\xb8"), 1);
}

/* A cut at a whole character, counted by hand: "abc" cut to 2 bytes is
** "ab", to 10 the whole 3; alpha beta gamma (CE B1 CE B2 CE B3) cut to 3
** bytes stops after alpha (2: the 3rd byte is beta's first), to 4 takes
** beta (4), to 5 still 4; the euro sign (E2 82 AC) cut to 2 is nothing
** (0); an emoji (F0 9F 98 80) then "x": to 3 nothing, to 4 the emoji, to
** 5 both; "a", a lone FF, "b" to 2 is "a" and FF (FF is one character
** of one byte); "x" and 20 alphas (41 bytes) to 40 is "x" and 19 alphas
** (39: the 40th byte is the 20th alpha's first), 20 alphas alone to 40
** all 40; a max past INT_MAX is INT_MAX, so the whole 3 of "abc". */
static void test_utf8_cut(void **state)
{
	char xs[42];
	int i;
	(void)state;
	assert_int_equal(rl_utf8_cut("abc", 2), 2);
	assert_int_equal(rl_utf8_cut("abc", 10), 3);
	assert_int_equal(rl_utf8_cut("abc", 0), 0);
	assert_int_equal(rl_utf8_cut("\xce\xb1\xce\xb2\xce\xb3", 3), 2);
	assert_int_equal(rl_utf8_cut("\xce\xb1\xce\xb2\xce\xb3", 4), 4);
	assert_int_equal(rl_utf8_cut("\xce\xb1\xce\xb2\xce\xb3", 5), 4);
	assert_int_equal(rl_utf8_cut("\xe2\x82\xac", 2), 0);
	assert_int_equal(rl_utf8_cut("\xf0\x9f\x98\x80x", 3), 0);
	assert_int_equal(rl_utf8_cut("\xf0\x9f\x98\x80x", 4), 4);
	assert_int_equal(rl_utf8_cut("\xf0\x9f\x98\x80x", 5), 5);
	assert_int_equal(rl_utf8_cut("a\xff" "b", 2), 2);
	xs[0] = 'x';
	for (i = 0; i < 20; i++)
		memcpy(xs + 1 + 2 * i, "\xce\xb1", 2);
	xs[41] = '\0';
	assert_int_equal(rl_utf8_cut(xs, 40), 39);
	assert_int_equal(rl_utf8_cut(xs + 1, 40), 40);
	assert_int_equal(rl_utf8_cut("abc", (size_t)INT_MAX + 5), 3);
}

static void test_utf8_cell(void **state)
{
	char buf[64];
	(void)state;
	/* ASCII: padded to 6 with two spaces, cut to 3 */
	assert_string_equal(rl_utf8_cell("abcd", 6, 0, buf, sizeof buf),
	                    "abcd  ");
	assert_string_equal(rl_utf8_cell("abcd", 3, 1, buf, sizeof buf),
	                    "abc");
	/* longer than the width and not cut: whole, no padding */
	assert_string_equal(rl_utf8_cell("abcd", 3, 0, buf, sizeof buf),
	                    "abcd");
	/* "Mixtral-\u00e9" (e-acute, 2 bytes: C3 A9) is 9 characters in 10
	** bytes: padded to 12 with 3 spaces (printf's %-12s gives 2) */
	assert_string_equal(rl_utf8_cell("Mixtral-\xc3\xa9", 12, 0, buf,
	                                  sizeof buf),
	                    "Mixtral-\xc3\xa9   ");
	/* U+4E2D U+6587 (3 bytes each) cut to 1 character: the first whole,
	** never its bytes cut in two (%-4.4s gave E4 B8 AD E6) */
	assert_string_equal(rl_utf8_cell("\xe4\xb8\xad\xe6\x96\x87", 1, 1,
	                                  buf, sizeof buf),
	                    "\xe4\xb8\xad");
	/* an escape, a C1 CSI (C2 9B) and a lone 0xFF each one '?' */
	assert_string_equal(rl_utf8_cell("a\x1b[\xc2\x9b\xff", 6, 0, buf,
	                                  sizeof buf),
	                    "a?[?? ");
	/* the bidirectional controls Unicode's UAX #9 lists (section 2:
	** LRM U+200E, RLM U+200F, ALM U+061C, LRE..RLO U+202A..U+202E,
	** LRI..PDI U+2066..U+2069), which reorder what a terminal shows after
	** them ("Trojan Source", CVE-2021-42574): each one '?'.  RLO is E2 80
	** AE, LRI E2 81 A6, ALM D8 9C, LRM E2 80 8E, PDI E2 81 A9; U+2010 (a
	** hyphen, E2 80 90) and U+206A (E2 81 AA) next to them stay */
	assert_string_equal(rl_utf8_cell("a\xe2\x80\xae" "b\xe2\x81\xa6"
	                                  "c\xd8\x9c" "d\xe2\x80\x8e"
	                                  "e\xe2\x81\xa9" "f",
	                                  0, 0, buf, sizeof buf),
	                    "a?b?c?d?e?f");
	assert_string_equal(rl_utf8_cell("\xe2\x80\x90\xe2\x81\xaa", 0, 0,
	                                  buf, sizeof buf),
	                    "\xe2\x80\x90\xe2\x81\xaa");
	/* a full buffer stops at a whole character: 5 bytes hold "ab" and
	** not half of the next 3-byte one, and no padding past it */
	assert_string_equal(rl_utf8_cell("ab\xe4\xb8\xad" "c", 8, 0, buf, 5),
	                    "ab");
	/* width 0: the text as shown, nothing added */
	assert_string_equal(rl_utf8_cell("", 0, 0, buf, sizeof buf), "");
}

/* Characters counted by hand: "h100" 4; "\xc3\xa9t\xc3\xa9" (ete with two
** accents, 2-byte sequences) 3; a 4-byte emoji 1; a lone continuation
** byte, an overlong C0 80 (two bytes beginning none) and a cut 3-byte
** sequence E2 82 (two): 1 + 2 + 2; "" 0. */
static void test_utf8_chars(void **state)
{
	(void)state;
	assert_int_equal(rl_utf8_chars("h100"), 4);
	assert_int_equal(rl_utf8_chars("\xc3\xa9t\xc3\xa9"), 3);
	assert_int_equal(rl_utf8_chars("\xf0\x9f\x98\x80"), 1);
	assert_int_equal(rl_utf8_chars("\x80"), 1);
	assert_int_equal(rl_utf8_chars("\xc0\x80"), 2);
	assert_int_equal(rl_utf8_chars("\xe2\x82"), 2);
	assert_int_equal(rl_utf8_chars("a\xe2\x82z"), 4);
	assert_int_equal(rl_utf8_chars(""), 0);
}

/* A value quoted for a message, derived by hand at max 10 (a cut quote
** keeps at most 7 bytes, then "..."): "abc" (3 bytes) and "abcdefghij"
** (10) whole; "abcdefghijk" (11) cut to its first 7, "(11 bytes)".  A cut
** in the middle of a sequence leaves the character out whole, each quote
** of 11 bytes:
**   2 bytes: "abcdef", e-acute (C3 A9) at bytes 6-7, "xyz": e-acute would
**   end at byte 8 > 7, so "abcdef"; 10 characters (6 + 1 + 3);
**   3 bytes: "abcde", the euro sign (E2 82 AC) at 5-7, "xyz": it would
**   end at 8, so "abcde"; 9 characters (5 + 1 + 3); "abcd", the euro at
**   4-6, "xyzw" ends exactly at 7, so it stays: "abcd" and the euro;
**   4 bytes: "abcde", an emoji (F0 9F 98 80) at 5-8, "xy": "abcde", 8
**   characters (5 + 1 + 2); "abcdef" and the emoji at 6-9, "x": "abcdef",
**   8 characters (6 + 1 + 1);
** a byte that begins no sequence (a lone 80 after "abcdefg", then "xyz")
** is one character of one byte: the 7 letters stay whole, 11 characters
** (params.c's own rule stepped back over it and lost the 'g' too).  max
** under 3 is 3: "abcd" at max 0 is "'...' (4 bytes)".  RL_UTF8_QUOTE_MAX
** (80): 80 x's whole, 81 cut to 77. */
static void test_utf8_quote(void **state)
{
	char buf[160], x[82], want[100];
	(void)state;
	assert_string_equal(rl_utf8_quote("abc", 10, buf, sizeof buf), "'abc'");
	assert_string_equal(rl_utf8_quote("abcdefghij", 10, buf, sizeof buf),
	                    "'abcdefghij'");
	assert_string_equal(rl_utf8_quote("abcdefghijk", 10, buf, sizeof buf),
	                    "'abcdefg...' (11 bytes)");
	assert_string_equal(rl_utf8_quote("abcdef\xc3\xa9xyz", 10, buf,
	                                  sizeof buf),
	                    "'abcdef...' (11 bytes (10 characters))");
	assert_string_equal(rl_utf8_quote("abcde\xe2\x82\xacxyz", 10, buf,
	                                  sizeof buf),
	                    "'abcde...' (11 bytes (9 characters))");
	assert_string_equal(rl_utf8_quote("abcd\xe2\x82\xacxyzw", 10, buf,
	                                  sizeof buf),
	                    "'abcd\xe2\x82\xac...' (11 bytes (9 characters))");
	assert_string_equal(rl_utf8_quote("abcde\xf0\x9f\x98\x80xy", 10, buf,
	                                  sizeof buf),
	                    "'abcde...' (11 bytes (8 characters))");
	assert_string_equal(rl_utf8_quote("abcdef\xf0\x9f\x98\x80x", 10, buf,
	                                  sizeof buf),
	                    "'abcdef...' (11 bytes (8 characters))");
	assert_string_equal(rl_utf8_quote("abcdefg\x80xyz", 10, buf,
	                                  sizeof buf),
	                    "'abcdefg...' (11 bytes (11 characters))");
	assert_string_equal(rl_utf8_quote("abcd", 0, buf, sizeof buf),
	                    "'...' (4 bytes)");
	memset(x, 'x', 81);
	x[80] = '\0';
	snprintf(want, sizeof want, "'%s'", x);
	assert_string_equal(rl_utf8_quote(x, RL_UTF8_QUOTE_MAX, buf, sizeof buf),
	                    want);
	x[80] = 'x';
	x[81] = '\0';
	snprintf(want, sizeof want, "'%.77s...' (81 bytes)", x);
	assert_string_equal(rl_utf8_quote(x, RL_UTF8_QUOTE_MAX, buf, sizeof buf),
	                    want);
}

/* Noncharacters, bytes worked out by hand from each code point's bits:
** U+FFFE EF BF BE and U+FFFF EF BF BF are; U+FFFD (EF BF BD, the
** replacement character) is not; U+FDD0 EF B7 90 and U+FDEF EF B7 AF
** are, U+FDCF EF B7 8F and U+FDF0 EF B7 B0 beside them are not; U+1FFFE
** (0 0001 1111 1111 1111 1110: F0 9F BF BE) and U+10FFFF (F4 8F BF BF)
** are, U+10FFFD (F4 8F BF BD) is not; e-acute C3 A9, 'a' and a lone FF
** (no well-formed sequence) are not. */
static void test_utf8_nonchar(void **state)
{
	(void)state;
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xef\xbf\xbe"), 1);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xef\xbf\xbf"), 1);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xef\xbf\xbd"), 0);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xef\xb7\x90"), 1);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xef\xb7\xaf"), 1);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xef\xb7\x8f"), 0);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xef\xb7\xb0"), 0);
	assert_int_equal(
	    rl_utf8_nonchar((const unsigned char *)"\xf0\x9f\xbf\xbe"), 1);
	assert_int_equal(
	    rl_utf8_nonchar((const unsigned char *)"\xf4\x8f\xbf\xbf"), 1);
	assert_int_equal(
	    rl_utf8_nonchar((const unsigned char *)"\xf4\x8f\xbf\xbd"), 0);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xc3\xa9"), 0);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"a"), 0);
	assert_int_equal(rl_utf8_nonchar((const unsigned char *)"\xff"), 0);
}

/* rl_utf8_control at each edge of its ranges, by hand: NUL (00), US
** (1F), DEL (7F) and ESC (1B) are controls, a blank (20) and '~' (7E)
** are not; C1 runs U+0080 (C2 80) to U+009F (C2 9F), and U+00A0 (C2 A0,
** the no-break space) is none; the bidirectional controls of UAX #9
** section 2 are ALM U+061C (D8 9C), LRM/RLM U+200E/F (E2 80 8E/8F),
** LRE..RLO U+202A..U+202E (E2 80 AA..AE) and LRI..PDI U+2066..U+2069
** (E2 81 A6..A9); their neighbours U+061B (D8 9B), U+200D (E2 80 8D, the
** zero-width joiner), U+2029 (E2 80 A9), U+202F (E2 80 AF), U+2065 (E2 81
** A5) and U+206A (E2 81 AA) are not; e-acute (C3 A9) is not; a lone FF
** and a C2 cut by the end begin no sequence: not controls (rl_utf8_len
** says those). */
static void test_utf8_control(void **state)
{
	static const char *const yes[] = {
	    "\x1f", "\x7f", "\x1b[", "\xc2\x80", "\xc2\x9f", "\xd8\x9c",
	    "\xe2\x80\x8e", "\xe2\x80\x8f", "\xe2\x80\xaa", "\xe2\x80\xae",
	    "\xe2\x81\xa6", "\xe2\x81\xa9"};
	static const char *const no[] = {
	    " ", "~", "\xc2\xa0", "\xd8\x9b", "\xe2\x80\x8d", "\xe2\x80\xa9",
	    "\xe2\x80\xaf", "\xe2\x81\xa5", "\xe2\x81\xaa", "\xc3\xa9", "\xff",
	    "\xc2"};
	size_t i;
	(void)state;
	assert_int_equal(rl_utf8_control((const unsigned char *)""), 1);
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (!rl_utf8_control((const unsigned char *)yes[i]))
			fail_msg("control %zu not named", i);
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (rl_utf8_control((const unsigned char *)no[i]))
			fail_msg("non-control %zu named", i);
}

/* rl_utf8_shown, by hand: at most max bytes whole (5 of 'a' at max 5);
** past it the first max - 3 bytes cut at a whole character, "..." and
** the size: 10 of 'a' at max 5 are "aa... (10 bytes)"; "x" and three
** alphas (CE B1, 7 bytes, 4 characters) at max 5 keep "x" alone, the
** first alpha not whole within 2 bytes */
static void test_utf8_shown(void **state)
{
	char buf[80];
	(void)state;
	assert_string_equal(rl_utf8_shown("aaaaa", 5, buf, sizeof buf), "aaaaa");
	assert_string_equal(rl_utf8_shown("aaaaaaaaaa", 5, buf, sizeof buf),
	                    "aa... (10 bytes)");
	assert_string_equal(rl_utf8_shown("x\xce\xb1\xce\xb1\xce\xb1", 5, buf,
	                                  sizeof buf),
	                    "x... (7 bytes (4 characters))");
	assert_string_equal(rl_utf8_shown("", 5, buf, sizeof buf), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_cell),
	    cmocka_unit_test(test_utf8_bytes),
	    cmocka_unit_test(test_utf8_cut),
	    cmocka_unit_test(test_utf8_chars),
	    cmocka_unit_test(test_utf8_quote),
	    cmocka_unit_test(test_utf8_nonchar),
	    cmocka_unit_test(test_utf8_control),
	    cmocka_unit_test(test_utf8_shown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
