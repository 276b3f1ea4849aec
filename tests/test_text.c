/*
** test_text.c: the small text rules of config/ that more than one layer
** uses: the items of a comma list (commalist.c: sweep lists and claim side
** specs) and percent-encoding (pctenc.c: the read-only database URI and a
** report's figure links), and a text table's cells (utf8.c: padded and
** cut by characters), and a preset's path as the claim's text and the
** report print it (presets.c: rl_data_rel).  Every expected value is
** written by hand.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/commalist.h"
#include "../config/pctenc.h"
#include "../config/presets.h"
#include "../config/utf8.h"

/* text split with commalist_next gives exactly want[0..n-1], then NULL */
static void split_is(const char *text, int trim, const char *const *want,
                     int n)
{
	char buf[128], *rest = buf, *item;
	int i = 0;
	snprintf(buf, sizeof buf, "%s", text);
	while ((item = commalist_next(&rest, trim))) {
		assert_true(i < n);
		assert_string_equal(item, want[i]);
		i++;
	}
	assert_int_equal(i, n);
	assert_null(rest);
	assert_null(commalist_next(&rest, trim)); /* stays done */
}

static void test_commalist(void **state)
{
	static const char *const three[] = {"1", "2", "4"};
	static const char *const mid[] = {"1", "", "2"};
	static const char *const end[] = {"1", "2", ""};
	static const char *const start[] = {"", "1"};
	static const char *const none[] = {""};
	static const char *const blanks[] = {"", ""};
	static const char *const trimmed[] = {"a", "b c"};
	static const char *const kept[] = {" a ", " b c "};
	(void)state;
	split_is("1,2,4", 0, three, 3);
	/* every place between commas is an item, an empty one kept */
	split_is("1,,2", 0, mid, 3);
	split_is("1,2,", 0, end, 3);
	split_is(",1", 0, start, 2);
	split_is("", 0, none, 1);
	split_is(",", 1, blanks, 2);
	/* blanks around an item go only when asked, never inside it */
	split_is(" a , b c ", 1, trimmed, 2);
	split_is(" a , b c ", 0, kept, 2);
	split_is(" , ", 1, blanks, 2);
}

static void byte_is(unsigned char c, const char *keep, const char *want)
{
	char out[4] = "xyz";
	assert_int_equal(pct_byte(c, keep, out), strlen(want));
	assert_string_equal(out, want);
}

static void test_pct_byte(void **state)
{
	(void)state;
	/* RFC 3986 2.3's unreserved characters stand as they are */
	byte_is('a', "", "a");
	byte_is('Z', "", "Z");
	byte_is('0', "", "0");
	byte_is('9', "", "9");
	byte_is('-', "", "-");
	byte_is('.', "", ".");
	byte_is('_', "", "_");
	byte_is('~', "", "~");
	/* '/' only when kept (a link's path; not the database URI's) */
	byte_is('/', "", "%2F");
	byte_is('/', "/", "/");
	/* the rest as %HH, upper-case: space 0x20, '%' 0x25, '#' 0x23, '?'
	** 0x3F, '"' 0x22, ')' 0x29, a Latin-1 e-acute 0xE9, DEL 0x7F */
	byte_is(' ', "/", "%20");
	byte_is('%', "/", "%25");
	byte_is('#', "/", "%23");
	byte_is('?', "/", "%3F");
	byte_is('"', "/", "%22");
	byte_is(')', "/", "%29");
	byte_is(0xE9, "/", "%E9");
	byte_is(0x7F, "/", "%7F");
	/* NUL is never "kept" (strchr finds every string's terminator) */
	byte_is(0, "/", "%00");
}

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

/* A path in the data directory from the directory's own name on, its
** trailing slashes ignored; one beside it whose name only begins the
** same ("/x/database"), outside it or the directory itself as it is. */
static void test_data_rel(void **state)
{
	(void)state;
	assert_int_equal(setenv("ROOFLAB_DATA", "/x/data//", 1), 0);
	assert_string_equal(rl_data_rel("/x/data/chips/sohu.ini"),
	                    "data/chips/sohu.ini");
	assert_string_equal(rl_data_rel("/x/database/chips/sohu.ini"),
	                    "/x/database/chips/sohu.ini");
	assert_string_equal(rl_data_rel("/y/chips/sohu.ini"),
	                    "/y/chips/sohu.ini");
	assert_string_equal(rl_data_rel("/x/data"), "/x/data");
	assert_string_equal(rl_data_rel(""), "");
	/* a relative data directory: its paths start with its name already */
	assert_int_equal(setenv("ROOFLAB_DATA", "data", 1), 0);
	assert_string_equal(rl_data_rel("data/nodes/n4.ini"),
	                    "data/nodes/n4.ini");
	assert_int_equal(setenv("ROOFLAB_DATA", "a/b/data", 1), 0);
	assert_string_equal(rl_data_rel("a/b/data/nodes/n4.ini"),
	                    "data/nodes/n4.ini");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_commalist),
	    cmocka_unit_test(test_pct_byte),
	    cmocka_unit_test(test_utf8_cell),
	    cmocka_unit_test(test_utf8_bytes),
	    cmocka_unit_test(test_utf8_cut),
	    cmocka_unit_test(test_utf8_chars),
	    cmocka_unit_test(test_data_rel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
