/*
** test_ini.c: config/ini.c's status.  A callback's failure is the file's
** (-1, exit 2), but RL_EINTERNAL from a callback (a nested preset's read
** out of memory: config/setup.c's load_cb) is passed on as it is, so that
** an allocation failure exits 1, not 2; the message is prefixed with the
** file and line either way.  (The reader's own allocation failure returns
** RL_EINTERNAL too; no test injects it: there is no allocation hook.)
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../config/ini.h"
#include "../model/status.h"

/* returns *ud at key "b", 0 elsewhere */
static int key_cb(void *ud, const char *section, const char *key,
                  const char *value, char *err, size_t errlen)
{
	(void)section;
	(void)value;
	if (strcmp(key, "b"))
		return 0;
	snprintf(err, errlen, "stopped");
	return *(int *)ud;
}

/* returns *ud at section [t], 0 elsewhere */
static int sect_cb(void *ud, const char *section, int line, char *err,
                   size_t errlen)
{
	(void)line;
	if (strcmp(section, "t"))
		return 0;
	snprintf(err, errlen, "stopped");
	return *(int *)ud;
}

static int line_cb(void *ud, const char *section, const char *key,
                   const char *value, int line, char *err, size_t errlen)
{
	(void)ud;
	(void)section;
	(void)key;
	(void)value;
	(void)line;
	(void)err;
	(void)errlen;
	return 0;
}

static void test_callback_status(void **state)
{
	static const char text[] = "[s]\na = 1\nb = 2\n";
	char err[256];
	int rc;
	(void)state;
	rc = RL_EINTERNAL;
	assert_int_equal(ini_parse_text("f.ini", text, key_cb, &rc, err,
	                                 sizeof err), RL_EINTERNAL);
	assert_string_equal(err, "f.ini:3: stopped");
	/* any other failure is the file's: -1 (RL_EINPUT, 2, included) */
	rc = -1;
	assert_int_equal(ini_parse_text("f.ini", text, key_cb, &rc, err,
	                                 sizeof err), -1);
	rc = RL_EINPUT;
	assert_int_equal(ini_parse_text("f.ini", text, key_cb, &rc, err,
	                                 sizeof err), -1);
	assert_string_equal(err, "f.ini:3: stopped");
	rc = 0;
	assert_int_equal(ini_parse_text("f.ini", text, key_cb, &rc, err,
	                                 sizeof err), 0);
}

static void test_section_status(void **state)
{
	static const char text[] = "[s]\na = 1\n[t]\nb = 2\n";
	char err[256];
	int rc;
	(void)state;
	rc = RL_EINTERNAL;
	assert_int_equal(ini_parse_text_sections("f.ini", text, sect_cb, line_cb,
	                                         &rc, err, sizeof err),
	                 RL_EINTERNAL);
	assert_string_equal(err, "f.ini:3: stopped");
	rc = 7;
	assert_int_equal(ini_parse_text_sections("f.ini", text, sect_cb, line_cb,
	                                         &rc, err, sizeof err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_callback_status),
	    cmocka_unit_test(test_section_status),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
