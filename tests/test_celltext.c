/*
** test_celltext.c: which text a sweep's text cell may hold
** (sweeps/celltext.c): the kinds rl_cell_text_fault gives, each value
** written out byte by byte in the comments, and the words that say them.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <string.h>

#include "../sweeps/celltext.h"

/* the kind of text t, its bytes counted by strlen */
static int text_kind(const char *t)
{
	return rl_cell_text_fault(SQLITE_TEXT, (const unsigned char *)t,
	                          (int)strlen(t));
}

/* Words as rooflab writes them, and a tab, line feed and carriage return
** (a CSV quotes them), pass; so do a no-break space (C2 A0), a hyphen
** U+2010 (E2 80 90) and U+206A (E2 81 AA), next to the controls below.
** ESC (1B), DEL (7F) and the C1 CSI (C2 9B) are controls; so are the
** bidirectional controls of UAX #9, RLO U+202E (E2 80 AE), LRI U+2066 (E2
** 81 A6) and ALM U+061C (D8 9C), which export and merge let through
** until small70 (a row id after U+202E read backwards in a terminal). */
static void test_text_kinds(void **state)
{
	(void)state;
	assert_int_equal(text_kind("memory"), RL_CELL_TEXT_OK);
	assert_int_equal(text_kind("a\tb\nc\rd"), RL_CELL_TEXT_OK);
	assert_int_equal(text_kind("a\xc2\xa0" "b\xe2\x80\x90" "c\xe2\x81\xaa"),
	                 RL_CELL_TEXT_OK);
	assert_int_equal(text_kind("a\x1b[2J"), RL_CELL_TEXT_CTRL);
	assert_int_equal(text_kind("a\x7f"), RL_CELL_TEXT_CTRL);
	assert_int_equal(text_kind("a\xc2\x9b"), RL_CELL_TEXT_CTRL);
	assert_int_equal(text_kind("batch\xe2\x80\xae"), RL_CELL_TEXT_CTRL);
	assert_int_equal(text_kind("\xe2\x81\xa6x"), RL_CELL_TEXT_CTRL);
	assert_int_equal(text_kind("x\xd8\x9c"), RL_CELL_TEXT_CTRL);
	/* a byte of no UTF-8 (FF) comes before the control after it */
	assert_int_equal(text_kind("\xff\x1b"), RL_CELL_TEXT_BAD);
	/* "A", NUL, "B": 3 bytes, strlen 1 */
	assert_int_equal(rl_cell_text_fault(SQLITE_TEXT,
	                                    (const unsigned char *)"A\0B", 3),
	                 RL_CELL_TEXT_NUL);
	assert_int_equal(rl_cell_text_fault(SQLITE_BLOB,
	                                    (const unsigned char *)"A", 1),
	                 RL_CELL_TEXT_BLOB);
	assert_int_equal(rl_cell_text_fault(SQLITE_NULL, NULL, 0),
	                 RL_CELL_TEXT_OK);
	assert_string_equal(rl_cell_text_words(RL_CELL_TEXT_CTRL),
	                    " with a control character");
}

/* A cell's quote() for a message (rl_cell_sql_quote): a short one as it
** is; past 82 bytes (80 between a text's quotes, RL_UTF8_QUOTE_MAX) cut
** as rl_utf8_quote cuts a value, 77 bytes and "...'" then the value's
** size, where it was cut into a fixed buffer with no closing quote and no
** sign of the cut (sweeps75).  The value of 200 'a' is 202 bytes quoted;
** 100 e-acutes (C3 A9) are cut at 76 bytes, 38 of them, never inside one;
** a doubled quote inside is one byte of the value; a blob's hex digits
** are two a byte; a control is '?' as a message shows it. */
static void test_sql_quote(void **state)
{
	char q[400], want[200], buf[RL_CELL_QUOTE_LEN];
	int i;
	(void)state;
	assert_string_equal(rl_cell_sql_quote("'ok'", buf, sizeof buf), "'ok'");
	assert_string_equal(rl_cell_sql_quote("0.5", buf, sizeof buf), "0.5");
	assert_string_equal(rl_cell_sql_quote("NULL", buf, sizeof buf), "NULL");
	assert_string_equal(rl_cell_sql_quote("'a\x1b[2J'", buf, sizeof buf),
	                    "'a?[2J'");
	/* 80 bytes between the quotes: whole */
	q[0] = '\'';
	memset(q + 1, 'a', 80);
	strcpy(q + 81, "'");
	assert_string_equal(rl_cell_sql_quote(q, buf, sizeof buf), q);
	/* 200 */
	memset(q + 1, 'a', 200);
	strcpy(q + 201, "'");
	want[0] = '\'';
	memset(want + 1, 'a', 77);
	strcpy(want + 78, "...' (200 bytes)");
	assert_string_equal(rl_cell_sql_quote(q, buf, sizeof buf), want);
	/* 100 e-acutes: 200 bytes, 100 characters */
	for (i = 0; i < 100; i++)
		memcpy(q + 1 + 2 * i, "\xc3\xa9", 2);
	strcpy(q + 201, "'");
	for (i = 0; i < 38; i++)
		memcpy(want + 1 + 2 * i, "\xc3\xa9", 2);
	strcpy(want + 77, "...' (200 bytes (100 characters))");
	assert_string_equal(rl_cell_sql_quote(q, buf, sizeof buf), want);
	/* 'it''s' and 90 b: the value 94 bytes, "it's" and 73 b shown */
	strcpy(q, "'it''s");
	memset(q + 6, 'b', 90);
	strcpy(q + 96, "'");
	strcpy(want, "'it's");
	memset(want + 5, 'b', 73);
	strcpy(want + 78, "...' (94 bytes)");
	assert_string_equal(rl_cell_sql_quote(q, buf, sizeof buf), want);
	/* a blob of 100 bytes: X' and 200 hex digits and ' */
	strcpy(q, "X'");
	memset(q + 2, '4', 200);
	strcpy(q + 202, "'");
	memcpy(want, q, 77);
	strcpy(want + 77, "...' (a blob of 100 bytes)");
	assert_string_equal(rl_cell_sql_quote(q, buf, sizeof buf), want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_kinds),
	    cmocka_unit_test(test_sql_quote),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
