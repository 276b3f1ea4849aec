/*
** csvrows.c: a CSV file row by row (csvrows.h).
*/
#include "csvrows.h"
#include "regfile.h"

#include <errno.h>
#include <string.h>

int csv_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line, *out;
	for (;;) {
		if (n == max)
			return -2; /* a field past the last one fields has room for */
		fields[n++] = out = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return -1;
				if (*p == '"' && p[1] == '"') {
					*out++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					*out++ = *p++;
				}
			}
			while (*p && *p != ',')
				p++;
		} else {
			while (*p && *p != ',')
				*out++ = *p++;
		}
		if (*p != ',') {
			*out = '\0';
			break;
		}
		p++;
		*out = '\0';
	}
	return n;
}

int csv_open(csv_rows *r, const char *path, int comments, char *err,
             size_t errlen)
{
	memset(r, 0, sizeof *r);
	r->path = path;
	r->comments = comments;
	r->f = rl_open_regular(path, err, errlen);
	if (!r->f)
		return -1;
	return 0;
}

/* One line of r->f into r->buf without its line end: its length, -2 at
** the end of the file, -1 with a message ("line too long", a NUL byte, a
** carriage return inside the line, a read error). */
static long read_line(csv_rows *r, char *err, size_t errlen)
{
	size_t len = 0;
	int c, got = 0;
	errno = 0;
	while ((c = getc(r->f)) != EOF) {
		got = 1;
		if (c == '\n')
			break;
		if (c == '\0') {
			snprintf(err, errlen, "%s:%d: a NUL byte (column %zu); not a "
			         "text file", r->path, r->line + 1, len + 1);
			return -1;
		}
		if (len + 1 >= sizeof r->buf) {
			snprintf(err, errlen, "%s:%d: line too long (more than %zu "
			         "bytes)", r->path, r->line + 1, sizeof r->buf - 2);
			return -1;
		}
		r->buf[len++] = (char)c;
	}
	if (ferror(r->f)) {
		snprintf(err, errlen, "%s: cannot read: %s", r->path,
		         strerror(errno ? errno : EIO));
		return -1;
	}
	if (!got)
		return -2;
	r->line++;
	if (len && r->buf[len - 1] == '\r')
		len--; /* CRLF */
	r->buf[len] = '\0';
	if (memchr(r->buf, '\r', len)) {
		snprintf(err, errlen, "%s:%d: a carriage return inside the line "
		         "(lines must end in LF or CRLF)", r->path, r->line);
		return -1;
	}
	/* a UTF-8 byte order mark (a spreadsheet's export) is no text */
	if (r->line == 1 && len >= 3 && !memcmp(r->buf, "\xef\xbb\xbf", 3)) {
		memmove(r->buf, r->buf + 3, len - 2);
		len -= 3;
	}
	return (long)len;
}

int csv_next(csv_rows *r, char *err, size_t errlen)
{
	long len;
	while ((len = read_line(r, err, errlen)) >= 0) {
		if (!len || (r->comments && r->buf[0] == '#'))
			continue;
		r->nf = csv_split(r->buf, r->fields, CSV_MAX_FIELDS);
		if (r->nf == -2) {
			snprintf(err, errlen, "%s:%d: more than %d fields (the most a "
			         "row may have)", r->path, r->line, CSV_MAX_FIELDS);
			return -1;
		}
		if (r->nf < 0) {
			snprintf(err, errlen, "%s:%d: unterminated quote (a quoted "
			         "field cannot hold a line break)", r->path, r->line);
			return -1;
		}
		return 1;
	}
	return len == -2 ? 0 : -1;
}

void csv_close(csv_rows *r)
{
	if (r->f)
		fclose(r->f);
	r->f = NULL;
}
