/*
** csvrows.c: a CSV file row by row (csvrows.h).
*/
#include "csvrows.h"

#include <errno.h>
#include <string.h>

int csv_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line, *out;
	while (n < max) {
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
	r->f = fopen(path, "r");
	if (!r->f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int csv_next(csv_rows *r, char *err, size_t errlen)
{
	while (fgets(r->buf, sizeof r->buf, r->f)) {
		size_t len = strlen(r->buf);
		r->line++;
		if (len && r->buf[len - 1] != '\n' && !feof(r->f)) {
			snprintf(err, errlen, "%s:%d: line too long", r->path, r->line);
			return -1;
		}
		while (len && (r->buf[len - 1] == '\n' || r->buf[len - 1] == '\r'))
			r->buf[--len] = '\0';
		if (!len || (r->comments && r->buf[0] == '#'))
			continue;
		r->nf = csv_split(r->buf, r->fields, CSV_MAX_FIELDS);
		if (r->nf < 0) {
			snprintf(err, errlen, "%s:%d: unterminated quote", r->path,
			         r->line);
			return -1;
		}
		return 1;
	}
	return 0;
}

void csv_close(csv_rows *r)
{
	if (r->f)
		fclose(r->f);
	r->f = NULL;
}
