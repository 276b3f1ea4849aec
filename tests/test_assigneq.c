/*
** test_assigneq.c: the advice config/setup.c gives for a blank before the
** '=' of an assignment ("chip.hbm_tbps = 3") is one the parser takes.
** Each expected message is written by hand from setup_assign_as's rule:
** the name and the value without their blanks at either end, and where
** either still holds a blank inside ("3 4", "chip. hbm_tbps"), or is
** none, its placeholder (section.key, VALUE) in its place: "write
** chip.hbm_tbps=3 4 (no blanks)" told the user to write a blank, and
** that assignment is refused in turn ("'3 4' is not a number").  Every
** advice that names both parts is then given back to setup_assign, which
** must take it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../config/setup.h"

/* setup_assign of a refused; its message must be want */
static void refused_as(const char *a, const char *want)
{
	rl_setup st;
	char err[1024];
	setup_init(&st);
	assert_int_equal(setup_assign(&st, a, err, sizeof err), -1);
	assert_string_equal(err, want);
}

/* a blank inside the value: VALUE, where "3 4" was advised */
static void test_value_blank_inside(void **state)
{
	(void)state;
	refused_as("chip.hbm_tbps = 3 4",
	           "--set 'chip.hbm_tbps = 3 4': blanks around the '=' of "
	           "chip.hbm_tbps; write chip.hbm_tbps=VALUE (no blanks)");
	refused_as("chip.hbm_tbps =3\t4 ",
	           "--set 'chip.hbm_tbps =3\t4 ': blanks around the '=' of "
	           "chip.hbm_tbps; write chip.hbm_tbps=VALUE (no blanks)");
}

/* a blank inside the name: section.key, where "chip. hbm_tbps" was
** advised */
static void test_name_blank_inside(void **state)
{
	(void)state;
	refused_as("chip. hbm_tbps =3",
	           "--set 'chip. hbm_tbps =3': blanks around the '=' of "
	           "chip. hbm_tbps; write section.key=3 (no blanks)");
	refused_as(" =3 4",
	           "--set ' =3 4': no parameter before the '='; write "
	           "section.key=VALUE (no blanks; `rooflab params` lists them)");
}

/* the cases the rule already wrote right stay as they were (cli_eval's
** small60, fuzz12 and review53 lines) */
static void test_unchanged(void **state)
{
	(void)state;
	refused_as("chip.hbm_tbps = 3",
	           "--set 'chip.hbm_tbps = 3': blanks around the '=' of "
	           "chip.hbm_tbps; write chip.hbm_tbps=3 (no blanks)");
	refused_as(" chip.hbm_tbps =3 ",
	           "--set ' chip.hbm_tbps =3 ': blanks around the '=' of "
	           "chip.hbm_tbps; write chip.hbm_tbps=3 (no blanks)");
	refused_as("chip.hbm_tbps =",
	           "--set 'chip.hbm_tbps =': blanks around the '=' of "
	           "chip.hbm_tbps; write chip.hbm_tbps=VALUE (no blanks)");
	refused_as(" =3", "--set ' =3': no parameter before the '='; write "
	                  "section.key=3 (no blanks; `rooflab params` lists "
	                  "them)");
}

/* an advice naming a parameter and a value is taken as written */
static void test_advice_taken(void **state)
{
	static const char *const given[] = {"chip.hbm_tbps = 3",
	                                    " chip.hbm_tbps =3 ",
	                                    "chip.hbm_tbps\t=\t3\t"};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof given / sizeof given[0]; i++) {
		rl_setup st;
		char err[1024], advice[256];
		const char *w;
		setup_init(&st);
		assert_int_equal(setup_assign(&st, given[i], err, sizeof err), -1);
		w = strstr(err, "; write ");
		assert_non_null(w);
		snprintf(advice, sizeof advice, "%.*s",
		         (int)strcspn(w + 8, " "), w + 8);
		assert_string_equal(advice, "chip.hbm_tbps=3");
		setup_init(&st);
		if (setup_assign(&st, advice, err, sizeof err))
			fail_msg("advice '%s' refused: %s", advice, err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_value_blank_inside),
	    cmocka_unit_test(test_name_blank_inside),
	    cmocka_unit_test(test_unchanged),
	    cmocka_unit_test(test_advice_taken),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
