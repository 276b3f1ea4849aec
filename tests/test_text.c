/*
** test_text.c: the small text rules of config/ that more than one layer
** uses: the items of a comma list (commalist.c: sweep lists and claim side
** specs) and percent-encoding (pctenc.c: the read-only database URI and a
** report's figure links), and a preset's path as the claim's text and the
** report print it (presets.c: rl_data_rel) and the name a path to a
** preset goes by (presets.c: preset_stem); and a figure as eval's table,
** claim's and the report's USD per million tokens write it
** (model/figtext.c).  Every expected value is written by hand.  UTF-8 (model/utf8.c): test_utf8.c.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/commalist.h"
#include "../config/pctenc.h"
#include "../config/presets.h"
#include "../model/figtext.h"

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

/* stem's name as preset_stem gives it, by hand: n bytes at an offset of
** name */
static void stem_is(const char *name, const char *want)
{
	const char *b;
	size_t l = preset_stem(name, &b);
	assert_true(b >= name && b <= name + strlen(name));
	assert_int_equal(l, strlen(want));
	assert_memory_equal(b, want, l);
}

/* The file name after the last '/', less one final ".ini": a preset name
** as it is; "x.ini.ini" keeps one (it loads by no name: presets.h); a
** name of ".ini" alone, or one ending in '/', is not cut to nothing by
** the suffix (an empty name, or ".ini" kept); "ini" without the dot and
** ".INI" are no suffix. */
static void test_preset_stem(void **state)
{
	(void)state;
	stem_is("h200-sxm", "h200-sxm");
	stem_is("data/chips/h200-sxm.ini", "h200-sxm");
	stem_is("/a/b.ini/c.ini", "c");
	stem_is("./x.ini.ini", "x.ini");
	stem_is("chips/.ini", ".ini");
	stem_is("a.ini", "a");
	stem_is("dir/", "");
	stem_is("myini", "myini");
	stem_is("a.INI", "a.INI");
	stem_is("", "");
}

static void fig_is(double v, const char *want)
{
	char buf[64];
	assert_string_equal(rl_fig_text(buf, sizeof buf, v), want);
}

/* under 100: three significant digits, their trailing zeros kept (42.0
** beside 20.4, where %.3g wrote 42); a whole number whole; a figure that
** rounds to 100 without its point; from 100 one decimal, a whole number
** whole (160, where %.1f wrote 160.0); from 1e5 whole; from 1e15 in
** exponent form */
static void test_fig_text(void **state)
{
	(void)state;
	fig_is(41.97, "42.0");
	fig_is(20.42, "20.4");
	fig_is(1.6994, "1.70");
	fig_is(0.46, "0.460");
	fig_is(0.0342, "0.0342");
	fig_is(0.296, "0.296");
	fig_is(1, "1");
	fig_is(0, "0");
	fig_is(20, "20");
	fig_is(99.96, "100");
	fig_is(-2.5, "-2.50");
	fig_is(80, "80");
	fig_is(100, "100");
	fig_is(100.5, "100.5");
	/* (the lead, after review47) a figure rounded over an edge in the
	** form of what it shows: 99999.96 at one decimal is 100000.0, at
	** 1e5, where figures are whole: 100000; 999999999999999.9 whole is
	** 1000000000000000 = 1e15, from which three digits in exponent
	** form: 1e+15; 99999.94 stays 99999.9 */
	fig_is(99999.96, "100000");
	fig_is(-99999.96, "-100000");
	fig_is(999999999999999.9, "1e+15");
	fig_is(99999.94, "99999.9");
	fig_is(160, "160");
	fig_is(160.4, "160.4");
	fig_is(99999, "99999");
	fig_is(100000, "100000");
	fig_is(33625, "33625");
	fig_is(-160, "-160");
	fig_is(0.5, "0.500");
	fig_is(1e-5, "1e-05");
	fig_is(159.96, "160.0");
	fig_is(374135.4, "374135");
	fig_is(5e-5, "5e-05");
	fig_is(1.2368970767735e62, "1.24e+62");
	/* (fuzz8's mutation pass) each rule from its edge on: 1e15 in
	** exponent form, 1e5 whole, 100 whole (small53: a whole number
	** whole from 100 on) and 100.5 with one decimal (%#.3g would write
	** 100), 1e-4 in three digits with their zeros (%#.3g: 0.000100); a
	** negative figure by its size as a positive one */
	fig_is(1e15, "1e+15");
	fig_is(1e5, "100000");
	fig_is(100, "100");
	fig_is(100.5, "100.5");
	/* (the lead, after review47) a figure rounded over an edge in the
	** form of what it shows: 99999.96 at one decimal is 100000.0, at
	** 1e5, where figures are whole: 100000; 999999999999999.9 whole is
	** 1000000000000000 = 1e15, from which three digits in exponent
	** form: 1e+15; 99999.94 stays 99999.9 */
	fig_is(99999.96, "100000");
	fig_is(-99999.96, "-100000");
	fig_is(999999999999999.9, "1e+15");
	fig_is(99999.94, "99999.9");
	fig_is(1e-4, "0.000100");
	/* (fuzz9) the same edge reached by rounding: 9.9996e-5 (under 1e-4,
	** %.3g's form) rounds to 1.00e-4, shown as 1e-4 is: 0.000100, where
	** %.3g wrote 0.0001 (one digit beside 1.00004e-4's three); 9.9949e-5
	** rounds to 9.99e-5, under the edge: 9.99e-05 as before */
	fig_is(9.9996e-5, "0.000100");
	fig_is(-9.9996e-5, "-0.000100");
	fig_is(9.9949e-5, "9.99e-05");
	fig_is(-160, "-160");
	fig_is(-374135.4, "-374135");
	fig_is(-1.2368970767735e62, "-1.24e+62");
}

/* a buffer of no bytes is left as it was (no point cut from what it
** held) */
static void test_fig_text_empty(void **state)
{
	char buf[8] = "ab.";
	(void)state;
	assert_ptr_equal(rl_fig_text(buf, 0, 100.04), buf);
	assert_string_equal(buf, "ab.");
}

static void fig_dir_is(double v, int dir, const char *want)
{
	char buf[64];
	assert_string_equal(rl_fig_text_dir(buf, sizeof buf, v, dir), want);
}

/* a threshold's figure by rl_fig_text's rule, moved one unit of its last
** digit toward dir where nearest rounding fell on the other side (by
** hand): 3.65817 nearest 3.66, down 3.65; 0.4956 nearest 0.496, down
** 0.495; 99.96 nearest 100, down 99.9 (a step of 0.1, three digits, not
** 1 from "100"); 99.94 nearest 99.9, up 100 (99.9 + 0.1, a whole
** number, whole as 99.96's; 100.0 before); 1234.56 nearest 1234.6,
** down 1234.5; 123456.4 up 123457; 1.23456e20 up 1.24e+20; 5.004e-5 up
** 5.01e-05; a figure shown exactly (2, 0.5) and dir 0 not moved.  %.6g,
** solve's before, wrote 3.65817 and 1.23456e+20. */
static void test_fig_text_dir(void **state)
{
	(void)state;
	fig_dir_is(3.65817, 1, "3.66");
	fig_dir_is(3.65817, -1, "3.65");
	fig_dir_is(3.65817, 0, "3.66");
	fig_dir_is(0.495417, 1, "0.496");
	fig_dir_is(0.495417, -1, "0.495");
	fig_dir_is(0.4956, -1, "0.495");
	fig_dir_is(0.4956, 1, "0.496");
	fig_dir_is(99.96, -1, "99.9");
	fig_dir_is(99.96, 1, "100");
	fig_dir_is(99.94, 1, "100");
	fig_dir_is(159.96, 1, "160.0");
	fig_dir_is(159.94, 1, "160");
	fig_dir_is(160, -1, "160");
	fig_dir_is(99.94, -1, "99.9");
	fig_dir_is(1234.56, 1, "1234.6");
	fig_dir_is(1234.56, -1, "1234.5");
	fig_dir_is(123456.4, 1, "123457");
	fig_dir_is(123456.4, -1, "123456");
	fig_dir_is(1.23456e20, 1, "1.24e+20");
	fig_dir_is(1.23456e20, -1, "1.23e+20");
	fig_dir_is(5.004e-5, 1, "5.01e-05");
	fig_dir_is(2, 1, "2");
	fig_dir_is(0.5, -1, "0.500");
	/* (fuzz9: test_fuzznum's dir property) the largest double,
	** 1.7976931348623157e308, nearest 1.8e+308 (over it, and past the
	** doubles: strtod reads infinity), one unit of its third digit
	** (1e306) down: 1.79e+308, where the step from infinity wrote "inf";
	** up, nearest's 1.8e+308 as it is; the negative alike */
	fig_dir_is(DBL_MAX, -1, "1.79e+308");
	fig_dir_is(-DBL_MAX, 1, "-1.79e+308");
	fig_dir_is(DBL_MAX, 1, "1.8e+308");
	/* (fuzz9, test_fuzznum seed 11) 1.7940236128187845e308 nearest
	** 1.79e+308 (under it), one unit up 1.80e308, past the largest
	** double: written as a figure from 1e15 is, 1.8e+308, where the
	** doubles' step wrote "inf"; down the nearest; the negative alike */
	fig_dir_is(1.7940236128187845e308, 1, "1.8e+308");
	fig_dir_is(1.7940236128187845e308, -1, "1.79e+308");
	fig_dir_is(-1.7940236128187845e308, -1, "-1.8e+308");
}

static void fig_side_is(double v, double target, int most, const char *want)
{
	char buf[64];
	assert_string_equal(rl_fig_text_side(buf, sizeof buf, v, target, most),
	                    want);
}

/* a figure beside a target on the side of it v is on (by hand): a best
** of 0.01003 under a ceiling of 0.01 nearest 0.0100 (met), one unit up
** 0.0101; 19.97 under a floor of 20 nearest 20.0, down 19.9; 19.44 reads
** 19.4 already.  (fuzz9: test_fuzznum's side property) v at the target
** itself meets it, a floor or a ceiling alike: a ceiling of 3.6582 met
** by 3.6582 reads one unit down from nearest's 3.66 (over it): 3.65, as
** -3.6542 under a ceiling of -3.6542 reads -3.66, not nearest's -3.65;
** a floor of 3.6542 met by 3.6542 reads 3.66 (one unit up from 3.65),
** of 3.6582 nearest's 3.66, already over it */
/* (small59) curve's table cells (rl_fig_cell4): four significant digits,
** their trailing zeros kept with zeros 1 (in exponent form too, as
** curve's cellz wrote them), whole from 9999.5 (%.4g's 1e+04), exponent
** form from 1e15 as rl_fig_text, and never sixteen plain digits where a
** rounding carries a figure to 1e15; each expected figure
** the value rounded by hand (doubles near 1e15 lie 0.125 apart, so
** 999999999999999.25 and .875 are exact) */
static void test_fig_cell4(void **state)
{
	char b[64];
	(void)state;
	assert_string_equal(rl_fig_cell4(b, sizeof b, 1234.56, 0), "1235");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 10.9, 0), "10.9");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 10.9, 1), "10.90");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 1360, 1), "1360");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 0, 1), "0");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 9999.75, 1), "10000");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 9999.75, 0), "10000");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 123456789012345.6, 1),
	                    "123456789012346");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 999999999999999.25, 0),
	                    "999999999999999");
	/* the edge: rounded whole it is 1000000000000000, sixteen digits
	** beside 1e15's exponent form; written in that form */
	assert_string_equal(rl_fig_cell4(b, sizeof b, 999999999999999.875, 0),
	                    "1e+15");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 999999999999999.875, 1),
	                    "1.000e+15");
	assert_string_equal(rl_fig_cell4(b, sizeof b, -999999999999999.875, 1),
	                    "-1.000e+15");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 1e15, 0), "1e+15");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 1e15, 1), "1.000e+15");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 1.5e300, 0), "1.5e+300");
	assert_string_equal(rl_fig_cell4(b, sizeof b, 1.5e300, 1), "1.500e+300");
	/* every figure under 1e15 reads back within half a unit of its last
	** digit, and none has an exponent: 1e15 less 0.125 x k */
	{
		int k;
		for (k = 5; k < 2000; k += 7) {
			double v = 1e15 - 0.125 * k;
			rl_fig_cell4(b, sizeof b, v, 1);
			assert_null(strchr(b, 'e'));
			assert_true(strtod(b, NULL) - v <= 0.5 &&
			            v - strtod(b, NULL) <= 0.5);
		}
	}
}

static void test_fig_text_side(void **state)
{
	(void)state;
	fig_side_is(0.01003, 0.01, 1, "0.0101");
	fig_side_is(19.97, 20, 0, "19.9");
	fig_side_is(19.44, 20, 0, "19.4");
	fig_side_is(3.6582, 3.6582, 1, "3.65");
	fig_side_is(-3.6542, -3.6542, 1, "-3.66");
	fig_side_is(3.6542, 3.6542, 0, "3.66");
	fig_side_is(3.6582, 3.6582, 0, "3.66");
	/* (review48) 0.019996 at a ceiling of 0.019996 reads nearest 0.0200,
	** over the ceiling, so one unit of the third digit (0.0001) down:
	** 0.0199; at a floor of 0.019996 0.0200 is on its side */
	fig_side_is(0.019996, 0.019996, 1, "0.0199");
	fig_side_is(0.019996, 0.019996, 0, "0.0200");
}

/* (small62) rl_fig_text_beside, the targets table's rule, by hand: 4.2417
** over a ceiling of 4.2409 reads nearest 4.24, under it, so one decimal
** more, 4.242 (over it); 34.973 under 34.986 nearest 35.0 (over), 34.97;
** 20.0004 over 20 nearest 20.0 (on it, which a ceiling counts as met):
** 20.00, 20.000 still on it, 20.0004; 1.00001 over 1 alike, 1.00001; a
** figure on v's side already as rl_fig_text writes it (19.44 under 20:
** 19.4; 20 at 20, met: 20); from 1e15, or a lim that is not a number,
** rl_fig_text's (2e+15, 20.0); met given, not read: a v over lim in its
** own digits that the caller counts as met reads at or under lim */
static void test_fig_text_beside(void **state)
{
	char b[64];
	(void)state;
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 4.2417, 4.2409, 0),
	                    "4.242");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 34.973, 34.986, 1),
	                    "34.97");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 20.0004, 20, 0),
	                    "20.0004");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 1.00001, 1, 0),
	                    "1.00001");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 19.44, 20, 1),
	                    "19.4");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 20, 20, 1), "20");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 2e15, 1e15, 0),
	                    "2e+15");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 20.0004, NAN, 0),
	                    "20.0");
	assert_string_equal(rl_fig_text_beside(b, sizeof b, 20.0004, 20, 1),
	                    "20.0");
}

/* (small63) rl_fig_text_target, by hand: 19.97 short of a floor of 20
** reads nearest 20.0, which meets it, so one decimal more, 19.97 (short);
** 19.9996 alike: 20.00, 20.000 meet it, 19.9996; 19.44 reads 19.4 as
** nearest writes it (short already); 20 at a floor of 20 meets it: 20;
** 20.03 over it: 20.0, on it, which a floor counts as met; a ceiling of
** 0.01 that 0.01003 passes: nearest 0.0100 (met), 0.01003; 20.0004 over a
** ceiling of 20: 20.0004, as rl_fig_text_beside's case */
static void test_fig_text_target(void **state)
{
	char b[64];
	(void)state;
	assert_string_equal(rl_fig_text_target(b, sizeof b, 19.97, 20, 0),
	                    "19.97");
	assert_string_equal(rl_fig_text_target(b, sizeof b, 19.9996, 20, 0),
	                    "19.9996");
	assert_string_equal(rl_fig_text_target(b, sizeof b, 19.44, 20, 0),
	                    "19.4");
	assert_string_equal(rl_fig_text_target(b, sizeof b, 20, 20, 0), "20");
	assert_string_equal(rl_fig_text_target(b, sizeof b, 20.03, 20, 0),
	                    "20.0");
	assert_string_equal(rl_fig_text_target(b, sizeof b, 0.01003, 0.01, 1),
	                    "0.01003");
	assert_string_equal(rl_fig_text_target(b, sizeof b, 20.0004, 20, 1),
	                    "20.0004");
}

/* rl_fig_side_dir: a figure shown of v, beside a target, on the other
** side of it than v is moved back toward v (by hand, as the cases of
** test_fig_text_side): 20.0 shown of 19.97 under a floor of 20 meets it,
** 19.97 does not: down, -1; 0.0100 of 0.01003 under a ceiling of 0.01
** meets it, 0.01003 does not: up, +1; 3.65 of 3.6542 at a floor of
** 3.6542 (v at the target meets it): up; 3.66 of 3.6582 at a ceiling of
** 3.6582: down; 19.4 of 19.44 below 20 like v: 0; a target or v that is
** not a number: 0. */
static void test_fig_side_dir(void **state)
{
	(void)state;
	assert_int_equal(rl_fig_side_dir(20.0, 19.97, 20, 0), -1);
	assert_int_equal(rl_fig_side_dir(0.0100, 0.01003, 0.01, 1), 1);
	assert_int_equal(rl_fig_side_dir(3.65, 3.6542, 3.6542, 0), 1);
	assert_int_equal(rl_fig_side_dir(3.66, 3.6582, 3.6582, 1), -1);
	assert_int_equal(rl_fig_side_dir(19.4, 19.44, 20, 0), 0);
	assert_int_equal(rl_fig_side_dir(20.0, 19.97, NAN, 0), 0);
	assert_int_equal(rl_fig_side_dir(20.0, NAN, 20, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_commalist),
	    cmocka_unit_test(test_pct_byte),
	    cmocka_unit_test(test_data_rel),
	    cmocka_unit_test(test_preset_stem),
	    cmocka_unit_test(test_fig_text),
	    cmocka_unit_test(test_fig_text_dir),
	    cmocka_unit_test(test_fig_text_side),
	    cmocka_unit_test(test_fig_text_beside),
	    cmocka_unit_test(test_fig_text_target),
	    cmocka_unit_test(test_fig_cell4),
	    cmocka_unit_test(test_fig_side_dir),
	    cmocka_unit_test(test_fig_text_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
