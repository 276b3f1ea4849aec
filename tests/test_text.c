/*
** test_text.c: the small text rules of config/ that more than one layer
** uses: the items of a comma list (commalist.c: sweep lists and claim side
** specs).  Every expected value is written by hand.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../config/commalist.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_commalist),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
