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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
