/*
** csvrows.c: a CSV file row by row (csvrows.h).
*/
#include "csvrows.h"
#include "regfile.h"
#include "../model/status.h"

#include <errno.h>
#include <string.h>

/* Split one CSV line in place into at most max fields: the field count,
** -1 for an unterminated quote, -2 for a line with more than max fields
** (none is dropped without a word). */
static int csv_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line, *out;
	for (;;) {
		if (n == max)
			return -2; /* a field past the last one fields has room for */
		fields[n++] = out = p;
		if (*p == '"') {
			p++;
			/* each run of bytes up to the next quote moved at once
			** (out trails p by the doubled quotes taken so far) */
			for (;;) {
				const char *q = strchr(p, '"');
				if (!q)
					return -1;
				memmove(out, p, (size_t)(q - p));
				out += q - p;
				p = (char *)q;
				if (p[1] == '"') {
					*out++ = '"';
					p += 2;
				} else {
					p++;
					break;
				}
			}
			while (*p && *p != ',')
				p++;
		} else {
			/* unquoted: the field is its bytes where they lie */
			char *q = strchr(p, ',');
			p = out = q ? q : p + strlen(p);
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

/* p[0 .. n), bytes of a line before its end, onto r->buf at *len: 0, or
** -1 with the message of the first byte that cannot be taken (a NUL byte,
** or one past the longest line), as a byte at a time found it. */
static int take_bytes(csv_rows *r, const char *p, size_t n, size_t *len,
                      char *err, size_t errlen)
{
	/* bytes before index sizeof buf - 2 always fit (a CR's place and
	** the NUL's kept): those at once, the rest a byte at a time */
	size_t fit = *len + 2 < sizeof r->buf ? sizeof r->buf - 2 - *len : 0;
	size_t quick = n < fit ? n : fit, i;
	const char *z = memchr(p, '\0', quick);
	if (z)
		quick = (size_t)(z - p); /* said below, at its column */
	memcpy(r->buf + *len, p, quick);
	*len += quick;
	for (i = quick; i < n; i++) {
		char c = p[i];
		if (c == '\0') {
			snprintf(err, errlen, "%s:%d: a NUL byte (column %zu); not a "
			         "text file", r->path, r->line + 1, *len + 1);
			return -1;
		}
		/* at most sizeof buf - 2 bytes less the line end, whether
		** LF or CRLF (a CR takes the byte kept for it): an LF line
		** of one more was taken, past the limit said */
		if (*len + 1 >= sizeof r->buf ||
		    (c != '\r' && *len + 2 >= sizeof r->buf)) {
			snprintf(err, errlen, "%s:%d: line too long (more than %zu "
			         "bytes)", r->path, r->line + 1, sizeof r->buf - 2);
			return -1;
		}
		r->buf[(*len)++] = c;
	}
	return 0;
}

/* One line of r->f into r->buf without its line end: its length, -2 at
** the end of the file, -1 with a message ("line too long", a NUL byte, a
** carriage return inside the line, a read error). */
static long read_line(csv_rows *r, char *err, size_t errlen)
{
	size_t len = 0;
	int got = 0;
	errno = 0;
	/* the file a block at a time (r->in), each line's end found by
	** memchr: the stream is this reader's alone, and r->f is read by
	** nothing else */
	for (;;) {
		const char *p, *nl;
		size_t n, k;
		if (r->in_at == r->in_len) {
			r->in_at = 0;
			r->in_len = fread(r->in, 1, sizeof r->in, r->f);
			if (!r->in_len)
				break; /* the end, or an error said below */
		}
		got = 1;
		p = r->in + r->in_at;
		n = r->in_len - r->in_at;
		nl = memchr(p, '\n', n);
		k = nl ? (size_t)(nl - p) : n;
		if (take_bytes(r, p, k, &len, err, errlen))
			return -1;
		r->in_at += k + (nl != NULL);
		if (nl)
			break;
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

int csv_row_width(const csv_rows *r, int hdr, char *err, size_t errlen)
{
	if (r->nf <= hdr)
		return 0;
	snprintf(err, errlen, "%s:%d: %d fields where the header has %d (an "
	         "unquoted comma in a field?)", r->path, r->line, r->nf, hdr);
	return -1;
}

/* The header is names[0 .. n-1], in that order. */
static int table_header(const csv_rows *r, const char *const *names, int n,
                        char *err, size_t errlen)
{
	int k;
	for (k = 0; k < n; k++)
		if (k >= r->nf || strcmp(r->fields[k], names[k]) != 0) {
			snprintf(err, errlen, "%s:%d: column %d must be '%s'", r->path,
			         r->line, k + 1, names[k]);
			return -1;
		}
	return 0;
}

/* A row of fewer than n fields: -1 with the columns wanted. */
static int table_short(const csv_rows *r, const char *const *names, int n,
                       char *err, size_t errlen)
{
	char want[512];
	size_t at = 0;
	int k;
	if (r->nf >= n)
		return 0;
	want[0] = '\0';
	for (k = 0; k < n && at < sizeof want; k++)
		at += (size_t)snprintf(want + at, sizeof want - at, "%s%s",
		                       k ? "," : "", names[k]);
	snprintf(err, errlen, "%s:%d: %d fields, %d wanted (%s)", r->path,
	         r->line, r->nf, n, want);
	return -1;
}

int csv_table_each(const char *path, const char *const *names, int n,
                   int (*line)(const csv_rows *, void *, char *, size_t),
                   void *ctx, char *err, size_t errlen)
{
	csv_rows r;
	int rc, have_header = 0, hdr = 0;
	if (csv_open(&r, path, 1, err, errlen)) {
		if (errno != ENOENT)
			return errno == ENOMEM ? RL_EINTERNAL : -1;
		err[0] = '\0'; /* no file: no table */
		return 0;
	}
	while ((rc = csv_next(&r, err, errlen)) > 0) {
		if (!have_header) {
			if (table_header(&r, names, n, err, errlen))
				goto fail;
			have_header = 1;
			hdr = r.nf;
			continue;
		}
		if (csv_row_width(&r, hdr, err, errlen) ||
		    table_short(&r, names, n, err, errlen) ||
		    line(&r, ctx, err, errlen))
			goto fail;
	}
	csv_close(&r);
	return rc < 0 ? -1 : 0;
fail:
	csv_close(&r);
	return -1;
}
