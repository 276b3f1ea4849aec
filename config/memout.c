/*
** memout.c: a stream into memory that fails where memory fails (memout.h),
** through fopencookie: a write the cookie does not take whole sets the
** stream's error flag.
*/
#define _GNU_SOURCE
#include "memout.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static ssize_t memout_write(void *cookie, const char *data, size_t n)
{
	rl_memout *m = cookie;
	if (m->failed)
		return 0;
	if (n > m->cap - m->len) {
		size_t cap = m->cap ? m->cap : 4096;
		char *nb;
		while (n > cap - m->len) {
			if (cap > ((size_t)-1) / 2) {
				m->failed = 1;
				return 0;
			}
			cap *= 2;
		}
		if (!(nb = realloc(m->buf, cap))) {
			m->failed = 1;
			return 0;
		}
		m->buf = nb;
		m->cap = cap;
	}
	memcpy(m->buf + m->len, data, n);
	m->len += n;
	return (ssize_t)n;
}

static int memout_close(void *cookie)
{
	(void)cookie;
	return 0;
}

FILE *rl_memout_open(rl_memout *m)
{
	cookie_io_functions_t io = {NULL, memout_write, NULL, memout_close};
	memset(m, 0, sizeof *m);
	return fopencookie(m, "w", io);
}

int rl_memout_close(FILE *f, rl_memout *m, char **text, size_t *len)
{
	int bad = ferror(f) != 0;
	char *nb;
	bad |= fclose(f) != 0;
	*text = NULL;
	*len = 0;
	/* room for the NUL */
	if (!bad && !m->failed &&
	    (nb = realloc(m->buf, m->len + 1)) != NULL) {
		m->buf = nb;
		m->buf[m->len] = '\0';
		*text = m->buf;
		*len = m->len;
		m->buf = NULL;
		return 0;
	}
	free(m->buf);
	m->buf = NULL;
	return -1;
}
