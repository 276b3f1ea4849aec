/*
** test_csvrows.c: config/csvrows.c's longest line.  A line of as many
** bytes as the message's limit says is taken, ended by LF or CRLF, and one
** byte more is refused either way with that limit, "more than 16382
** bytes" (CSV_LINE_MAX 16384 less the line end and the NUL): an LF line of
** 16383 bytes was taken, past the limit it names, while the same line
** ended by CRLF was refused.  Lengths by hand: "a," is 2 bytes, then N-2
** of 'b'.
** And the rows as the file holds them where the reader's blocks
** (CSV_READ_AHEAD bytes, read ahead and cut by memchr) end inside a row:
** a file of 3,000 rows of lengths that cross every block's end, each
** row's fields and line number known from how the test wrote it; a NUL
** byte past the first block named at its column; quoted fields with
** doubled quotes, bytes after a closing quote dropped, empty fields,
** CRLF ends, a byte order mark, blank and comment lines skipped.
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

/* path holding text (n bytes) */
static void write_file(char *path, const char *text, size_t n)
{
	int fd = mkstemp(path);
	FILE *f;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* row i's second field: (i * 37) % 200 bytes of 'a' + i % 26 */
static size_t row_len(int i)
{
	return (size_t)(i * 37) % 200;
}

static void test_blocks(void **state)
{
	char path[] = "/tmp/rl_test_csv_XXXXXX", err[256];
	size_t cap = 1 << 20, n = 0, k, lines = 0;
	char *text = malloc(cap);
	csv_rows r;
	int i;
	(void)state;
	assert_non_null(text);
	/* row i: "i,aaa...,"q""i"x," : fields i, the run, q"i, "" */
	for (i = 0; i < 3000; i++) {
		n += (size_t)sprintf(text + n, "%d,", i);
		for (k = 0; k < row_len(i); k++)
			text[n++] = (char)('a' + i % 26);
		n += (size_t)sprintf(text + n, ",\"q\"\"%d\"x,\n", i);
		assert_true(n + 300 < cap);
	}
	assert_true(n > 4 * CSV_READ_AHEAD);
	write_file(path, text, n);
	assert_int_equal(csv_open(&r, path, 0, err, sizeof err), 0);
	for (i = 0; i < 3000; i++) {
		char want[16];
		assert_int_equal(csv_next(&r, err, sizeof err), 1);
		assert_int_equal(r.line, i + 1);
		assert_int_equal(r.nf, 4);
		assert_int_equal(atoi(r.fields[0]), i);
		assert_int_equal(strlen(r.fields[1]), row_len(i));
		for (k = 0; k < row_len(i); k++)
			assert_int_equal(r.fields[1][k], 'a' + i % 26);
		snprintf(want, sizeof want, "q\"%d", i);
		assert_string_equal(r.fields[2], want);
		assert_string_equal(r.fields[3], "");
		lines++;
	}
	assert_int_equal(csv_next(&r, err, sizeof err), 0);
	assert_int_equal(lines, 3000);
	csv_close(&r);
	unlink(path);
	free(text);
}

static void test_nul_far(void **state)
{
	/* line 1 "h", line 2 of 2 CSV_READ_AHEAD - 1 bytes of 'b' (longer
	** than the longest line) but a NUL at its 0-based byte 9000, past the
	** first block: said first, at column 9001 */
	char path[] = "/tmp/rl_test_csv_XXXXXX", err[256];
	size_t n = 2 + 2 * CSV_READ_AHEAD;
	char *text = malloc(n + 1);
	csv_rows r;
	(void)state;
	assert_non_null(text);
	memcpy(text, "h\n", 2);
	memset(text + 2, 'b', n - 3);
	text[n - 1] = '\n';
	text[2 + 9000] = '\0';
	write_file(path, text, n);
	assert_int_equal(csv_open(&r, path, 0, err, sizeof err), 0);
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(csv_next(&r, err, sizeof err), -1);
	assert_non_null(strstr(err, ":2: a NUL byte (column 9001); not a "
	                            "text file"));
	csv_close(&r);
	unlink(path);
	free(text);
}

static void test_forms(void **state)
{
	static const char text[] =
	    "\xef\xbb\xbf"
	    "a,b\r\n"
	    "\n"
	    "# a comment\n"
	    "\"x,y\",\"\"\"\",,z\r\n"
	    "\"p\"tail,\"\"\n"
	    "last";
	char path[] = "/tmp/rl_test_csv_XXXXXX", err[256];
	csv_rows r;
	(void)state;
	write_file(path, text, sizeof text - 1);
	assert_int_equal(csv_open(&r, path, 1, err, sizeof err), 0);
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 1);
	assert_int_equal(r.nf, 2);
	assert_string_equal(r.fields[0], "a");
	assert_string_equal(r.fields[1], "b");
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 4);
	assert_int_equal(r.nf, 4);
	assert_string_equal(r.fields[0], "x,y");
	assert_string_equal(r.fields[1], "\"");
	assert_string_equal(r.fields[2], "");
	assert_string_equal(r.fields[3], "z");
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 5);
	assert_int_equal(r.nf, 2);
	assert_string_equal(r.fields[0], "p");
	assert_string_equal(r.fields[1], "");
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 6);
	assert_int_equal(r.nf, 1);
	assert_string_equal(r.fields[0], "last");
	assert_int_equal(csv_next(&r, err, sizeof err), 0);
	csv_close(&r);
	unlink(path);
}

static void test_bad_quote(void **state)
{
	static const char text[] = "a,\"b\"\"c\n";
	char path[] = "/tmp/rl_test_csv_XXXXXX", err[256];
	csv_rows r;
	(void)state;
	write_file(path, text, sizeof text - 1);
	assert_int_equal(csv_open(&r, path, 0, err, sizeof err), 0);
	assert_int_equal(csv_next(&r, err, sizeof err), -1);
	assert_non_null(strstr(err, ":1: unterminated quote"));
	csv_close(&r);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_line_max),
	    cmocka_unit_test(test_blocks),
	    cmocka_unit_test(test_nul_far),
	    cmocka_unit_test(test_forms),
	    cmocka_unit_test(test_bad_quote),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
