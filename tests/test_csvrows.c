/*
** test_csvrows.c: config/csvrows.c's longest line.  A line of as many
** bytes as the message's limit says is taken, ended by LF or CRLF, and one
** byte more is refused either way with that limit, "more than 16382
** bytes" (CSV_LINE_MAX 16384 less the line end and the NUL): an LF line of
** 16383 bytes was taken, past the limit it names, while the same line
** ended by CRLF was refused.  Lengths by hand: "a," is 2 bytes, then N-2
** of 'b'.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/csvrows.h"

/* A file of "h1,h2" and one row of n bytes ended by `end`; the status of
** reading both rows, the message in err. */
static int read_row(size_t n, const char *end, char *err, size_t errlen)
{
	char path[] = "/tmp/rl_test_csv_XXXXXX";
	csv_rows r;
	size_t k;
	int fd = mkstemp(path), rc;
	FILE *f;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("h1,h2\na,", f);
	for (k = 2; k < n; k++)
		fputc('b', f);
	fputs(end, f);
	assert_int_equal(fclose(f), 0);
	err[0] = '\0';
	assert_int_equal(csv_open(&r, path, 0, err, errlen), 0);
	rc = csv_next(&r, err, errlen);
	if (rc == 1) {
		rc = csv_next(&r, err, errlen);
		if (rc == 1)
			assert_int_equal(strlen(r.fields[1]), n - 2);
	}
	csv_close(&r);
	unlink(path);
	return rc;
}

static void test_line_max(void **state)
{
	static const char *const ends[] = {"\n", "\r\n", ""};
	char err[256];
	int k;
	(void)state;
	for (k = 0; k < 3; k++) {
		assert_int_equal(read_row(16382, ends[k], err, sizeof err), 1);
		assert_int_equal(read_row(16383, ends[k], err, sizeof err), -1);
		assert_non_null(strstr(err, ":2: line too long (more than 16382 "
		                            "bytes)"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_line_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
