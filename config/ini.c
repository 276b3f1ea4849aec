/*
** ini.c: the INI reader (see ini.h).
*/
#include "ini.h"
#include "regfile.h"
#include "../model/utf8.h"
#include "../model/status.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ini_section_twice(const char *section, int first, char *err,
                      size_t errlen)
{
	/* a section name is at most 127 bytes (the reader's), whole here */
	snprintf(err, errlen, "[%s] is given twice in this file (first at "
	         "line %d; its keys would join or replace the first's without "
	         "a word)", section, first);
	return -1;
}

int ini_no_value(const char *key, char *err, size_t errlen)
{
	snprintf(err, errlen, "key '%s' has no value", key);
	return -1;
}

char *ini_trim(char *s)
{
	char *e;
	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

char *ini_comment(char *s)
{
	char *p;
	for (p = s; *p; p++)
		if ((*p == ';' || *p == '#') &&
		    (p == s || isspace((unsigned char)p[-1])))
			return p;
	return NULL;
}

/* Cut an inline comment (ini_comment's rule). */
static void cut_comment(char *s)
{
	char *p = ini_comment(s);
	if (p)
		*p = '\0';
}

/* The file's name for a message's "FILE:LINE: ...", into buf
** (NAME_SHOWN_LEN bytes): whole where it is at most
** RL_UTF8_PATH_SHOWN_MAX bytes, else cut (rl_utf8_shown).  Whole, a
** preset at a path of 1,000 bytes (eval's --profile and a claim side's
** profile= take 1023) filled the callers' 1,024-byte messages and the
** reason after it was cut off. */
#define NAME_SHOWN_LEN (RL_UTF8_PATH_SHOWN_MAX + 64)
static const char *name_shown(const char *file, char *buf, size_t len)
{
	return rl_utf8_shown(file, RL_UTF8_PATH_SHOWN_MAX, buf, len);
}

/* The reader: cb, or lcb (which is also told the line) when given; scb,
** when given, at each section header.  A key with no value is refused
** here ("has no value") unless empty_ok, when the callback is given ""
** and says what the key takes. */
static int parse(const char *file, const char *text, ini_cb cb,
                 ini_line_cb lcb, ini_section_cb scb, int empty_ok, void *ud,
                 char *err, size_t errlen)
{
	char section[128] = "", shown[NAME_SHOWN_LEN];
	char line[INI_LINE_MAX + 2]; /* the line, a CR and the NUL */
	const char *p = text, *name = name_shown(file, shown, sizeof shown);
	int lineno = 0, rc;

	/* a UTF-8 byte order mark (an editor's) is no text */
	if (!strncmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *s, *eq, *key, *val;
		char msg[512];
		lineno++;
		/* the limit is the line's less its line end: a CRLF's CR
		** counted, and a line of INI_LINE_MAX bytes was refused */
		if (len - (len && p[len - 1] == '\r') > INI_LINE_MAX) {
			snprintf(err, errlen, "%s:%d: line longer than %d bytes",
			         name, lineno, INI_LINE_MAX);
			return -1;
		}
		memcpy(line, p, len);
		line[len] = '\0';
		/* the next line starts past this one's bytes, before a CR is
		** cut: a last line with no LF whose CR moved p back to it was
		** read again and again, a hang */
		p = nl ? nl + 1 : p + len;
		if (len && line[len - 1] == '\r')
			line[--len] = '\0'; /* CRLF */
		if (memchr(line, '\r', len)) {
			/* CR alone ends no line: a file of old Mac line ends would
			** be one line, all of it a comment after its first ';' */
			snprintf(err, errlen, "%s:%d: a carriage return inside the "
			         "line (lines must end in LF or CRLF)", name, lineno);
			return -1;
		}
		cut_comment(line);
		/* sections, keys and values are text that goes into JSON,
		** reports and databases: bytes that are no UTF-8 (a file in
		** another encoding) are refused; a comment may hold any */
		if (rl_utf8_bad(line) >= 0) {
			long b = rl_utf8_bad(line);
			snprintf(err, errlen, "%s:%d: byte %ld of the line (0x%02X) "
			         "begins no UTF-8 character (save the file as UTF-8)",
			         name, lineno, b + 1, (unsigned)(unsigned char)line[b]);
			return -1;
		}
		s = ini_trim(line);
		if (!*s)
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');
			if (!close || close[1] != '\0') {
				snprintf(err, errlen,
				         "%s:%d: malformed section header '%s' "
				         "(expected [name])", name, lineno, s);
				return -1;
			}
			*close = '\0';
			s = ini_trim(s + 1);
			if (!*s || strlen(s) >= sizeof section) {
				snprintf(err, errlen, "%s:%d: empty or too long section "
				         "name", name, lineno);
				return -1;
			}
			strcpy(section, s);
			msg[0] = '\0';
			if (scb && (rc = scb(ud, section, lineno, msg, sizeof msg))) {
				snprintf(err, errlen, "%s:%d: %s", name, lineno, msg);
				return rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
			}
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			snprintf(err, errlen,
			         "%s:%d: expected 'key = value', got '%s'", name,
			         lineno, s);
			return -1;
		}
		*eq = '\0';
		key = ini_trim(s);
		val = ini_trim(eq + 1);
		if (!*key) {
			snprintf(err, errlen, "%s:%d: missing key before '='", name,
			         lineno);
			return -1;
		}
		if (!*val && !empty_ok) {
			ini_no_value(key, msg, sizeof msg);
			snprintf(err, errlen, "%s:%d: %s", name, lineno, msg);
			return -1;
		}
		if (!section[0]) {
			snprintf(err, errlen,
			         "%s:%d: key '%s' before any [section]", name, lineno,
			         key);
			return -1;
		}
		msg[0] = '\0';
		rc = lcb ? lcb(ud, section, key, val, lineno, msg, sizeof msg)
		         : cb(ud, section, key, val, msg, sizeof msg);
		if (rc) {
			snprintf(err, errlen, "%s:%d: %s", name, lineno, msg);
			return rc == RL_EINTERNAL ? RL_EINTERNAL : -1;
		}
	}
	return 0;
}

int ini_parse_text(const char *name, const char *text, ini_cb cb, void *ud,
                   char *err, size_t errlen)
{
	return parse(name, text, cb, NULL, NULL, 0, ud, err, errlen);
}

int ini_parse_text_sections(const char *name, const char *text,
                            ini_section_cb scb, ini_line_cb cb, void *ud,
                            char *err, size_t errlen)
{
	return parse(name, text, NULL, cb, scb, 1, ud, err, errlen);
}

void ini_nul_byte(const char *path, const char *buf, size_t got,
                  char *err, size_t errlen)
{
	const char *nul = memchr(buf, '\0', got), *start = buf, *p;
	char shown[NAME_SHOWN_LEN];
	long line = 1;
	if (got >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		start = buf + 3;
	for (p = buf; p < nul; p++)
		if (*p == '\n') {
			line++;
			start = p + 1;
		}
	snprintf(err, errlen, "%s:%ld: byte %ld of the line is a NUL byte; "
	         "not a text file", name_shown(path, shown, sizeof shown), line,
	         (long)(nul - start) + 1);
}

#define INI_MAX_BYTES (16L * 1024 * 1024)

/* The bytes of f, read until its end (at most INI_MAX_BYTES + 1 of them,
** so a larger file is told apart), into a buffer of *cap bytes grown as
** needed (*buf, NULL at first), their count into *got: 0, ENOMEM, or a
** read's errno (EIO where it set none).  Read to the end, where one fread
** of the size ftell gave took what the file held then: a file that grew
** meanwhile was cut short without a word, and one whose size says 0
** (/proc) read as empty. */
static int read_all(FILE *f, char **buf, size_t *cap, size_t *got)
{
	const size_t most = (size_t)INI_MAX_BYTES + 1;
	*got = 0;
	for (;;) {
		size_t want, n;
		if (!*buf || *got + 1 >= *cap) {
			/* *cap at first, then twice as many */
			size_t grow = !*buf ? *cap : *cap * 2;
			char *p;
			if (grow < 4096)
				grow = 4096;
			if (grow > most + 1)
				grow = most + 1;
			if (!(p = realloc(*buf, grow)))
				return ENOMEM;
			*buf = p;
			*cap = grow;
		}
		want = *cap - 1 - *got; /* a byte kept for the NUL */
		if (*got + want > most)
			want = most - *got;
		if (!want)
			return 0;
		errno = 0;
		n = fread(*buf + *got, 1, want, f);
		*got += n;
		if (n < want) {
			if (ferror(f))
				return errno ? errno : EIO;
			return 0;
		}
	}
}

int ini_read_file(const char *path, char **text, char *err, size_t errlen)
{
	FILE *f;
	char *buf = NULL, shown[NAME_SHOWN_LEN];
	const char *name = name_shown(path, shown, sizeof shown);
	long size;
	size_t got, cap;
	int e;
	*text = NULL;
	/* a FILE the C library could not allocate (fdopen's ENOMEM) is no
	** fault of the file: exit 1, where it said "cannot read" with 2 and
	** a reader passing unreadable presets over (profiles.c) went on
	** without one (a sweep served under ideal, not the chip's default) */
	if (!(f = rl_open_regular(path, err, errlen)))
		return errno == ENOMEM ? RL_EINTERNAL : -1;
	/* its size a first guess, where it can be told: a file that cannot
	** seek (/proc's) is read to its end all the same, where it was
	** refused ("cannot read") */
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0) {
		size = 0;
		clearerr(f);
	} else if (fseek(f, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "%s: cannot read: %s", name,
		         strerror(errno));
		fclose(f);
		return RL_EINTERNAL;
	}
	if (size > INI_MAX_BYTES) {
		snprintf(err, errlen, "%s: larger than 16 MiB; not an INI file?",
		         name);
		fclose(f);
		return -1;
	}
	/* the size ftell gave as a first guess, read on to the end */
	cap = (size_t)size + 2;
	e = read_all(f, &buf, &cap, &got);
	fclose(f);
	if (e == ENOMEM) {
		snprintf(err, errlen, "%s: out of memory", name);
		free(buf);
		return RL_EINTERNAL;
	}
	if (e) {
		/* an I/O failure (EIO), no fault of the file's text: exit 1,
		** where the bytes read until then were parsed as the whole */
		snprintf(err, errlen, "%s: cannot read: %s", name, strerror(e));
		free(buf);
		return RL_EINTERNAL;
	}
	if (got > (size_t)INI_MAX_BYTES) {
		snprintf(err, errlen, "%s: larger than 16 MiB; not an INI file?",
		         name);
		free(buf);
		return -1;
	}
	buf[got] = '\0';
	if (memchr(buf, '\0', got)) {
		ini_nul_byte(path, buf, got, err, errlen);
		free(buf);
		return -1;
	}
	*text = buf;
	return 0;
}

int ini_parse_read(const char *path, const char *text, ini_section_cb scb,
                   ini_line_cb cb, void *ud, char *err, size_t errlen)
{
	return parse(path, text, NULL, cb, scb, 0, ud, err, errlen);
}

/* Read a whole file (ini_read_file) and parse it. */
static int parse_file(const char *path, ini_cb cb, ini_line_cb lcb,
                      ini_section_cb scb, void *ud, char *err,
                      size_t errlen)
{
	char *buf;
	int rc;
	if ((rc = ini_read_file(path, &buf, err, errlen)))
		return rc;
	rc = parse(path, buf, cb, lcb, scb, 0, ud, err, errlen);
	free(buf);
	return rc;
}

int ini_parse_file(const char *path, ini_cb cb, void *ud, char *err,
                   size_t errlen)
{
	return parse_file(path, cb, NULL, NULL, ud, err, errlen);
}

int ini_parse_file_sections(const char *path, ini_section_cb scb,
                            ini_line_cb cb, void *ud, char *err,
                            size_t errlen)
{
	return parse_file(path, NULL, cb, scb, ud, err, errlen);
}
