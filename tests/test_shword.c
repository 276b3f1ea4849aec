/*
** test_shword.c: config/shword.c, a word quoted for sh in the commands
** messages give: left as it is, single-quoted, a quote inside as '\'',
** and the placeholder where the quoted word does not fit (never a word
** cut short, which sh would read as another path).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../config/shword.h"

static void test_quoting(void **state)
{
	char b[64];
	(void)state;
	/* bytes a shell leaves alone: as they are */
	assert_string_equal(rl_sh_word("parts/p-0.db", "X", b, sizeof b),
	                    "parts/p-0.db");
	assert_string_equal(rl_sh_word("a b", "X", b, sizeof b), "'a b'");
	/* it's -> 'it' \' 's', joined */
	assert_string_equal(rl_sh_word("it's", "X", b, sizeof b),
	                    "'it'\\''s'");
	assert_string_equal(rl_sh_word("$(touch PW)", "X", b, sizeof b),
	                    "'$(touch PW)'");
	assert_string_equal(rl_sh_word("", "X", b, sizeof b), "''");
}

/* A relative path beginning with '-' is read as an option by the command
** given ('rooflab sweep -x.ini': unknown option '-x.ini'; 'mkdir -p -x':
** invalid option): ./ in front names the same file.  Its fit counts the
** two bytes: ./-x and its NUL take 5. */
static void test_dash(void **state)
{
	char b[64];
	(void)state;
	assert_string_equal(rl_sh_word("-x", "X", b, sizeof b), "./-x");
	assert_string_equal(rl_sh_word("-x y", "X", b, sizeof b), "'./-x y'");
	assert_string_equal(rl_sh_word("-it's", "X", b, sizeof b),
	                    "'./-it'\\''s'");
	assert_string_equal(rl_sh_word("a-b", "X", b, sizeof b), "a-b");
	assert_string_equal(rl_sh_word("-x", "X", b, 5), "./-x");
	assert_string_equal(rl_sh_word("-x", "X", b, 4), "X");
	/* '-x y' is 8 bytes quoted, 9 with the NUL */
	assert_string_equal(rl_sh_word("-x y", "X", b, 9), "'./-x y'");
	assert_string_equal(rl_sh_word("-x y", "X", b, 8), "X");
}

/* The placeholder where the quoted word and its NUL do not fit: 'a b'
** takes 5 bytes and the NUL, so 6 fit and 5 do not; ab takes 2 + 1; 600
** quotes take 2 + 4 x 600 = 2402 (the old helper cut them at 2100 into a
** shorter word, closing its quote). */
static void test_does_not_fit(void **state)
{
	char b[2100], w[601];
	(void)state;
	assert_string_equal(rl_sh_word("a b", "X", b, 6), "'a b'");
	assert_string_equal(rl_sh_word("a b", "X", b, 5), "X");
	assert_string_equal(rl_sh_word("ab", "X", b, 3), "ab");
	assert_string_equal(rl_sh_word("ab", "X", b, 2), "X");
	memset(w, '\'', 600);
	w[600] = '\0';
	assert_string_equal(rl_sh_word(w, "SPEC", b, sizeof b), "SPEC");
	w[400] = '\0'; /* 1602 bytes: fits */
	assert_int_equal(strlen(rl_sh_word(w, "SPEC", b, sizeof b)), 1602);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_quoting),
	    cmocka_unit_test(test_does_not_fit),
	    cmocka_unit_test(test_dash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
