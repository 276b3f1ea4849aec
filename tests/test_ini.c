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

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "../config/ini.h"
#include "../config/presetnote.h"
#include "../config/profileloo.h"
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

/* preset_key_note: the comment lines right above a key and the one after
** its value, its own section's only, a blank line or another key parting a
** note from it; each expectation read off the file below by hand. */
static void test_key_note(void **state)
{
	static const char text[] =
	    "; top: a file's description, not a key's\n"
	    "[chip]\n"
	    "; the chip's price is not this one\n"
	    "price_usd = 1\n"
	    "\n"
	    "[cost]\n"
	    "; parted by the blank line below\n"
	    "\n"
	    "; ASSUMPTION: no published price.  Taken\n"
	    ";   as the other's, range 1-3.\n"
	    "price_usd = 2       ; inline words\n"
	    "years = 4\n"
	    "price_usd_x = 9\n"
	    "hash = 7 # ASSUMPTION: hash words; more\n"
	    "semi = a;b ;after\n"
	    "eqsemi =;x\n";
	char path[] = "/tmp/rl_test_note_XXXXXX", note[256], val[32];
	int fd;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(note, "ASSUMPTION: no published price. Taken as the "
	                          "other's, range 1-3. inline words");
	assert_string_equal(val, "2");
	assert_int_equal(preset_key_note(path, "chip", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(note, "the chip's price is not this one");
	assert_string_equal(val, "1");
	/* a key with no comment of its own (the line above is another key) */
	assert_int_equal(preset_key_note(path, "cost", "years", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(note, "");
	assert_string_equal(val, "4");
	/* no such key (a longer name is another key), no such file */
	/* a '#' after the value is its comment, as the reader cuts it (the
	** reader's value 7); a ';' in a word is none ("a;b" its value) */
	assert_int_equal(preset_key_note(path, "cost", "hash", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(note, "ASSUMPTION: hash words; more");
	assert_string_equal(val, "7");
	assert_int_equal(preset_key_note(path, "cost", "semi", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(note, "after");
	assert_string_equal(val, "a;b");
	/* nor a ';' right after the '=' (the reader's value ";x") */
	assert_int_equal(preset_key_note(path, "cost", "eqsemi", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(note, "");
	assert_string_equal(val, ";x");
	assert_int_equal(preset_key_note(path, "cost", "price", note,
	                                 sizeof note, val, sizeof val), 0);
	assert_string_equal(note, "");
	assert_int_equal(preset_key_note(path, "node", "price_usd", note,
	                                 sizeof note, val, sizeof val), 0);
	unlink(path);
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 0);
	assert_string_equal(val, "");
}

/* the value the ini reader gives key "url" of [odd] into *ud (64 bytes) */
static int url_cb(void *ud, const char *section, const char *key,
                  const char *value, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	if (!strcmp(section, "odd") && !strcmp(key, "url"))
		snprintf(ud, 64, "%s", value);
	return 0;
}

/* preset_key_note cuts a key's comment where the ini reader does (';' or
** '#' at the start or after a blank, ini.h), not at the first ';': a ';'
** inside a word is the value's, a '#' after a blank starts the comment.
** By hand from the lines below: url's value "a;b#c", its note "a source;
** with # and ; in it"; id's value "x#1;2", its note "n"; and the reader's
** own value of url is the same "a;b#c". */
static void test_key_note_comment_rule(void **state)
{
	static const char text[] =
	    "[odd] ; a section's comment\n"
	    "url = a;b#c\t# a source; with # and ; in it\n"
	    "# above id\n"
	    "id = x#1;2 ;n\n";
	char path[] = "/tmp/rl_test_note_XXXXXX", note[256], val[64];
	char got[64] = "", err[256];
	int fd;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(preset_key_note(path, "odd", "url", note, sizeof note,
	                                 val, sizeof val), 1);
	assert_string_equal(val, "a;b#c");
	assert_string_equal(note, "a source; with # and ; in it");
	assert_int_equal(preset_key_note(path, "odd", "id", note, sizeof note,
	                                 val, sizeof val), 1);
	assert_string_equal(val, "x#1;2");
	assert_string_equal(note, "above id n");
	assert_int_equal(ini_parse_file(path, url_cb, got, err, sizeof err), 0);
	assert_string_equal(got, "a;b#c");
	unlink(path);
}

/* preset_key_note reads a key's line as the ini reader does (ini.c
** cut_comment): a comment begins at ';' or '#' at the line's start or after
** a blank, so "price_usd = 30000  # ASSUMPTION: ..." loads 30000 and its
** note is the words after '#' (claim and report look for "ASSUMPTION" in
** it), and a ';' inside a word is no comment.  By hand from the file. */
static void test_key_note_hash(void **state)
{
	static const char text[] =
	    "[cost]\n"
	    "price_usd = 30000  # ASSUMPTION: none published, range 2-4e4\n"
	    "years = 4;5 ; the second word\n";
	char path[] = "/tmp/rl_test_note_XXXXXX", note[256], val[64];
	int fd;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(val, "30000");
	assert_string_equal(note, "ASSUMPTION: none published, range 2-4e4");
	assert_int_equal(preset_key_note(path, "cost", "years", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(val, "4;5");
	assert_string_equal(note, "the second word");
	unlink(path);
}

/* preset_key_note of a file that begins with a UTF-8 byte order mark,
** which the ini reader skips: its first line is the [cost] section, and
** the note and value of price_usd are read as without the mark. */
static void test_key_note_bom(void **state)
{
	char path[] = "/tmp/rl_test_note_XXXXXX", note[256], val[32];
	int fd;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs("\xef\xbb\xbf[cost]\n; the note\nprice_usd = 2\n", f) >=
	            0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	unlink(path);
	assert_string_equal(note, "the note");
	assert_string_equal(val, "2");
}

/* preset_key_note of a file that begins with a byte order mark and whose
** first line is as long as the ini reader takes, INI_LINE_MAX bytes after
** the mark (the reader skips the mark before it measures the line): the
** reader takes the file and the line is its [cost] header (padded with
** blanks), so price_usd's value "2" and note "n" are read past it, where
** the mark's 3 bytes made the line too long for preset_key_note's buffer
** and it was skipped (no section, the key not found).  By hand. */
static void test_key_note_bom_long(void **state)
{
	char path[] = "/tmp/rl_test_note_XXXXXX", note[256], val[32];
	char got[64] = "", err[256];
	int fd, i;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs("\xef\xbb\xbf[cost]", f) >= 0);
	for (i = 6; i < INI_LINE_MAX; i++)
		assert_int_equal(fputc(' ', f), ' ');
	assert_true(fputs("\n; n\nprice_usd = 2\n[odd]\nurl = u\n", f) >= 0);
	assert_int_equal(fclose(f), 0);
	/* the reader takes it: its line, 4095 bytes after the mark, whole */
	assert_int_equal(ini_parse_file(path, url_cb, got, err, sizeof err), 0);
	assert_string_equal(got, "u");
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	unlink(path);
	assert_string_equal(val, "2");
	assert_string_equal(note, "n");
}

/* A line of INI_LINE_MAX (4095) bytes ended by CRLF is taken as the same
** line ended by LF is: the limit is the line's "less its line end"
** (ini.h), where the CR counted towards it and the line was refused as
** "longer than 4095 bytes".  One byte more is refused either way, at its
** line (2).  Lengths by hand: "k = " is 4 bytes, then 4091 of 'v'. */
static void test_crlf_line_max(void **state)
{
	static char text[2 * INI_LINE_MAX];
	char err[256] = "";
	int zero = 0;
	size_t n;
	(void)state;
	n = (size_t)snprintf(text, sizeof text, "[s]\r\nk = ");
	memset(text + n, 'v', INI_LINE_MAX - 4);
	n += INI_LINE_MAX - 4;
	memcpy(text + n, "\r\n", 3);
	assert_int_equal(ini_parse_text("t.ini", text, key_cb, &zero, err,
	                                sizeof err), 0);
	memcpy(text + n, "v\r\n", 4);
	assert_int_equal(ini_parse_text("t.ini", text, key_cb, &zero, err,
	                                sizeof err), -1);
	assert_string_equal(err, "t.ini:2: line longer than 4095 bytes");
}

/* The same file with CRLF line ends: the reader takes a line of
** INI_LINE_MAX bytes less its CRLF (test_crlf_line_max), and so must
** preset_key_note, where it measured the CR with the line (and its buffer
** had no byte for it) and skipped the [cost] header, the key then found
** in no section.  By hand, as above. */
static void test_key_note_bom_long_crlf(void **state)
{
	char path[] = "/tmp/rl_test_note_XXXXXX", note[256], val[32];
	char got[64] = "", err[256];
	int fd, i;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs("\xef\xbb\xbf[cost]", f) >= 0);
	for (i = 6; i < INI_LINE_MAX; i++)
		assert_int_equal(fputc(' ', f), ' ');
	assert_true(fputs("\r\n; n\r\nprice_usd = 2\r\n[odd]\r\nurl = u\r\n",
	                  f) >= 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(ini_parse_file(path, url_cb, got, err, sizeof err), 0);
	assert_string_equal(got, "u");
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	unlink(path);
	assert_string_equal(val, "2");
	assert_string_equal(note, "n");
}

/* preset_key_note on a comment line longer than 1023 bytes (the ini
** reader takes lines up to INI_LINE_MAX, 4095): the comment is one line,
** its tail no key line of its own.  The comment's tail reads like the key;
** by hand: the key's value is the real line's "3", the note the whole
** comment after its ';' (1021 'a's then "price_usd = 5 ; fake"). */
static void test_key_note_long(void **state)
{
	char path[] = "/tmp/rl_test_note_XXXXXX", note[2048], val[32];
	char want[1100];
	int fd, i;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs("[cost]\n; ", f) >= 0);
	for (i = 0; i < 1021; i++)
		assert_int_equal(fputc('a', f), 'a');
	assert_true(fputs("price_usd = 5 ; fake\nprice_usd = 3\n", f) >= 0);
	assert_int_equal(fclose(f), 0);
	memset(want, 'a', 1021);
	snprintf(want + 1021, sizeof want - 1021, "price_usd = 5 ; fake");
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	unlink(path);
	assert_string_equal(val, "3");
	assert_string_equal(note, want);
}

/* preset_key_note's note is at most 2047 bytes (its buffer of 2048): a
** comment of 2100 'b's fills it, cut to 2044 'b's and "..." so that the
** cut shows, and the comment line after it is not added, not even its
** blank; a tab inside a comment is a blank, a run of
** tabs one blank, as a run of spaces ("x\t\ty" is "x y").  By hand.
** (Mutation testing: the note full at 2048 bytes, not 2047, and a tab
** kept as a tab both survived.) */
static void test_key_note_full(void **state)
{
	char path[] = "/tmp/rl_test_note_XXXXXX", note[4096], val[32];
	size_t i;
	int fd;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs("[cost]\n; ", f) >= 0);
	for (i = 0; i < 2100; i++)
		assert_int_equal(fputc('b', f), 'b');
	assert_true(fputs("\n; more words\nprice_usd = 3\n"
	                  "; x\t\ty\tz\nyears = 4\n", f) >= 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(val, "3");
	assert_int_equal(strlen(note), 2047);
	for (i = 0; i < 2044; i++)
		assert_int_equal(note[i], 'b');
	assert_string_equal(note + 2044, "...");
	assert_int_equal(preset_key_note(path, "cost", "years", note,
	                                 sizeof note, val, sizeof val), 1);
	unlink(path);
	assert_string_equal(val, "4");
	assert_string_equal(note, "x y z");
}

/* A cut note ends in "..." and never inside a character: comment lines of
** 500 e-acutes (2 bytes each, 1000 bytes), another, then "x" and 600 more
** join as 1000 + 1 + 1000 + 1 + 1 + 1200 bytes; at most 2047 bytes with
** the dots leaves 2044 for the text: 2003 bytes, then 20 e-acutes (40
** bytes; a 21st would end at 2045), then "...": 2046 bytes.  Into a buf
** of 10 bytes: 3 e-acutes (6 bytes) and "...".  By hand. */
static void test_key_note_cut_utf8(void **state)
{
	char path[] = "/tmp/rl_test_note_XXXXXX", note[4096], small[10];
	char want[2100], val[32];
	size_t i, o = 0;
	int fd;
	FILE *f;
	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_true(fputs("[cost]\n;", f) >= 0);
	for (i = 0; i < 500; i++)
		assert_true(fputs("\xc3\xa9", f) >= 0);
	assert_true(fputs("\n;", f) >= 0);
	for (i = 0; i < 500; i++)
		assert_true(fputs("\xc3\xa9", f) >= 0);
	assert_true(fputs("\n;x", f) >= 0);
	for (i = 0; i < 600; i++)
		assert_true(fputs("\xc3\xa9", f) >= 0);
	assert_true(fputs("\nprice_usd = 3\n", f) >= 0);
	assert_int_equal(fclose(f), 0);
	for (i = 0; i < 500; i++, o += 2)
		memcpy(want + o, "\xc3\xa9", 2);
	want[o++] = ' ';
	for (i = 0; i < 500; i++, o += 2)
		memcpy(want + o, "\xc3\xa9", 2);
	want[o++] = ' ';
	want[o++] = 'x';
	for (i = 0; i < 20; i++, o += 2)
		memcpy(want + o, "\xc3\xa9", 2);
	memcpy(want + o, "...", 4);
	assert_int_equal(strlen(want), 2046);
	assert_int_equal(preset_key_note(path, "cost", "price_usd", note,
	                                 sizeof note, val, sizeof val), 1);
	assert_string_equal(note, want);
	assert_int_equal(preset_key_note(path, "cost", "price_usd", small,
	                                 sizeof small, val, sizeof val), 1);
	unlink(path);
	assert_string_equal(small, "\xc3\xa9\xc3\xa9\xc3\xa9...");
}

/* A file holding a NUL byte is refused by its line and byte, as the
** reader names a byte that is no UTF-8 (fuzz11: "contains a NUL byte"
** named neither).  By hand: "name = a" is 8 bytes, the NUL the 9th of
** line 2; a CRLF file's third line starts after two LFs, the NUL its first
** byte; a byte order mark is not counted (the reader skips it): the NUL
** after it is byte 1 of line 1. */
static void test_nul_byte_line(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *want;
	} c[] = {
	    {"[chip]\nname = a\0b\n", 18, ":2: byte 9 of the line is a NUL byte; "
	                                   "not a text file"},
	    {"[a]\r\nk = v\r\n\0", 13, ":3: byte 1 of the line is a NUL byte"},
	    {"\xef\xbb\xbf\0[a]\n", 8, ":1: byte 1 of the line is a NUL byte"},
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		char path[] = "/tmp/rl_test_nul_XXXXXX", err[256], want[300];
		char *text = (char *)"unset";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, c[i].text, c[i].len), (long)c[i].len);
		assert_int_equal(close(fd), 0);
		assert_int_equal(ini_read_file(path, &text, err, sizeof err), -1);
		assert_null(text);
		snprintf(want, sizeof want, "%s%s", path, c[i].want);
		assert_memory_equal(err, want, strlen(want));
		assert_int_equal(ini_parse_file(path, url_cb, NULL, err,
		                                sizeof err), -1);
		assert_memory_equal(err, want, strlen(want));
		unlink(path);
	}
}

/* ini_read_file reads a file to its end, not the size it says: Linux's
** /proc/self/status cannot seek to its end (proc(5): a generated file;
** lseek SEEK_END gives EINVAL) and was refused ("cannot read", -1), its
** first line "Name:" by proc(5).  A read that fails is an I/O failure,
** exit 1 with the file and the reason, where the bytes read until then
** were taken as the whole: /proc/self/mem at offset 0, an address no
** process maps, fails with EIO (proc(5)).  A plain file of 10,000 bytes
** (over the 4096 the reader grows by) comes back whole, byte for byte.
** Skipped where there is no /proc. */
static void test_read_to_end(void **state)
{
	char path[] = "/tmp/rl_test_readall_XXXXXX", err[512], *text;
	char want[10001];
	int fd, i;
	(void)state;
	if (access("/proc/self/status", R_OK) == 0) {
		assert_int_equal(ini_read_file("/proc/self/status", &text, err,
		                               sizeof err), 0);
		assert_non_null(text);
		assert_memory_equal(text, "Name:", 5);
		free(text);
	}
	if (access("/proc/self/mem", R_OK) == 0) {
		err[0] = 0;
		assert_int_equal(ini_read_file("/proc/self/mem", &text, err,
		                               sizeof err), RL_EINTERNAL);
		assert_null(text);
		assert_string_equal(err, "/proc/self/mem: cannot read: "
		                         "Input/output error");
	}
	for (i = 0; i < 10000; i++)
		want[i] = i % 50 == 49 ? '\n' : (char)('a' + i % 26);
	want[10000] = 0;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, want, 10000), 10000);
	assert_int_equal(close(fd), 0);
	assert_int_equal(ini_read_file(path, &text, err, sizeof err), 0);
	assert_string_equal(text, want);
	free(text);
	unlink(path);
}

/* profile_loo_read / profile_loo_figures: a fit's leave-out error as the
** fit scripts write it in [meta] (data/profiles/trtllm-0.10.ini's
** leave_one_out line, trtllm-0.11.ini's leave_one_architecture_out), the
** architecture one taken over a row one beside it; figures by hand. */
static void test_profile_loo(void **state)
{
	static const char *const text[2] = {
	    "[meta]\nleave_one_out = median |error| 3.3%, 90th percentile 9.4% "
	    "over 16 rows\n",
	    "[meta]\nleave_one_out = median |error| 1.0%, 90th percentile 2.0% "
	    "over 3 rows\nleave_one_architecture_out = median |error| 4.7%, "
	    "90th percentile 15.5% over 72 rows\nnot_fitted_here = x from y\n"};
	char path[] = "/tmp/rl_test_loo_XXXXXX", err[256];
	profile_loo m;
	double med = 0, p90 = 0;
	int fd, k;
	FILE *f;
	(void)state;
	for (k = 0; k < 2; k++) {
		snprintf(path, sizeof path, "/tmp/rl_test_loo_XXXXXX");
		fd = mkstemp(path);
		assert_true(fd >= 0);
		f = fdopen(fd, "w");
		assert_non_null(f);
		assert_true(fputs(text[k], f) >= 0);
		assert_int_equal(fclose(f), 0);
		assert_int_equal(profile_loo_read(path, &m, err, sizeof err), 0);
		unlink(path);
		assert_int_equal(profile_loo_figures(&m, &med, &p90), 1);
		if (k == 0) {
			assert_int_equal(m.kind, PROFILE_LOO_ROW);
			assert_true(fabs(med - 0.033) < 1e-12);
			assert_true(fabs(p90 - 0.094) < 1e-12);
			assert_string_equal(m.taken, "");
		} else {
			assert_int_equal(m.kind, PROFILE_LOO_ARCH);
			assert_true(fabs(med - 0.047) < 1e-12);
			assert_true(fabs(p90 - 0.155) < 1e-12);
			assert_string_equal(m.taken, "x from y");
		}
	}
	/* words with no figures: none read */
	snprintf(m.loo, sizeof m.loo, "not recorded");
	assert_int_equal(profile_loo_figures(&m, &med, &p90), 0);
	/* hostile [meta] words: figures that are no |error| (NaN, infinite,
	** negative) or a median above the 90th percentile (by definition at
	** most it) are none read, not a "nan%" or "-inf%" in the trust line */
	{
		static const char *const bad[] = {
		    "median |error| nan%, 90th percentile 9.4% over 3 rows",
		    "median |error| 3.3%, 90th percentile -inf% over 3 rows",
		    "median |error| inf%, 90th percentile inf% over 3 rows",
		    "median |error| -1.0%, 90th percentile 9.4% over 3 rows",
		    "median |error| 9.4%, 90th percentile 3.3% over 3 rows"};
		size_t b;
		for (b = 0; b < sizeof bad / sizeof *bad; b++) {
			snprintf(m.loo, sizeof m.loo, "%s", bad[b]);
			assert_int_equal(profile_loo_figures(&m, &med, &p90), 0);
		}
		/* an |error| past 100% is still one; median equal to p90 too */
		snprintf(m.loo, sizeof m.loo, "median |error| 150.0%%, 90th "
		         "percentile 150.0%% over 3 rows");
		assert_int_equal(profile_loo_figures(&m, &med, &p90), 1);
		assert_true(fabs(med - 1.5) < 1e-12);
		assert_true(fabs(p90 - 1.5) < 1e-12);
		/* a median of exactly 0% is an |error| (none at the middle
		** row), read as 0 (mutation testing: 0 refused survived) */
		snprintf(m.loo, sizeof m.loo, "median |error| 0.0%%, 90th "
		         "percentile 2.0%% over 3 rows");
		assert_int_equal(profile_loo_figures(&m, &med, &p90), 1);
		assert_true(med == 0);
		assert_true(fabs(p90 - 0.02) < 1e-12);
	}
	/* the architecture one stands whatever follows it: a model one
	** after it is not read over it (mutation testing: the model line
	** taking the place of an architecture line before it survived) */
	{
		static const char text[] =
		    "[meta]\nleave_one_architecture_out = median |error| 4.7%, "
		    "90th percentile 15.5% over 72 rows\nleave_one_model_out = "
		    "median |error| 2.0%, 90th percentile 6.0% over 9 rows\n";
		snprintf(path, sizeof path, "/tmp/rl_test_loo_XXXXXX");
		fd = mkstemp(path);
		assert_true(fd >= 0);
		f = fdopen(fd, "w");
		assert_non_null(f);
		assert_true(fputs(text, f) >= 0);
		assert_int_equal(fclose(f), 0);
		assert_int_equal(profile_loo_read(path, &m, err, sizeof err), 0);
		unlink(path);
		assert_int_equal(m.kind, PROFILE_LOO_ARCH);
		assert_int_equal(profile_loo_figures(&m, &med, &p90), 1);
		assert_true(fabs(med - 0.047) < 1e-12);
		assert_true(fabs(p90 - 0.155) < 1e-12);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_callback_status),
	    cmocka_unit_test(test_section_status),
	    cmocka_unit_test(test_key_note),
	    cmocka_unit_test(test_key_note_long),
	    cmocka_unit_test(test_key_note_bom),
	    cmocka_unit_test(test_key_note_bom_long),
	    cmocka_unit_test(test_key_note_comment_rule),
	    cmocka_unit_test(test_key_note_hash),
	    cmocka_unit_test(test_key_note_full),
	    cmocka_unit_test(test_key_note_cut_utf8),
	    cmocka_unit_test(test_profile_loo),
	    cmocka_unit_test(test_nul_byte_line),
	    cmocka_unit_test(test_crlf_line_max),
	    cmocka_unit_test(test_key_note_bom_long_crlf),
	    cmocka_unit_test(test_read_to_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
