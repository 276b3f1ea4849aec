/*
** svgtitle.c: name an SVG figure in words.  gnuplot titles its SVG
** "Gnuplot" and every plot element "gnuplot_plot_N", which a browser shows
** as tooltips; plot_svg_title() rewrites gnuplot's temporary, before it
** is put in place, with the figure's title as the document's <title> and
** without the per-plot ones.
*/
#include "svgtitle.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/slurp.h"
#include "../model/utf8.h"

/* fputs and fputc that keep the first failure's errno in *e (EIO where
** the C library set none) and write nothing after it. */
static void put_s(FILE *f, const char *s, int *e)
{
	if (*e)
		return;
	errno = 0;
	if (fputs(s, f) == EOF)
		*e = errno ? errno : EIO;
}

static void put_c(FILE *f, int c, int *e)
{
	if (*e)
		return;
	errno = 0;
	if (fputc(c, f) == EOF)
		*e = errno ? errno : EIO;
}

/* s as XML character data: a tab and a newline a space, and, as a plot's
** labels write them (gp.c, gp_quote), '?' for each character
** rl_utf8_control names (C0, DEL, C1, a bidirectional control), each
** noncharacter (U+FFFE is no XML character) and each byte that begins no
** well-formed UTF-8 sequence: the title may hold a database's text (a
** report's caption names a sweep's runs.spec_path), which went into the
** file as it stood, and the SVG was then no XML. */
static void xml_text(FILE *f, const char *s, int *e)
{
	const unsigned char *u = (const unsigned char *)s;
	int n;
	while (*u && !*e) {
		n = rl_utf8_len(u);
		if (*u == '<')
			put_s(f, "&lt;", e);
		else if (*u == '>')
			put_s(f, "&gt;", e);
		else if (*u == '&')
			put_s(f, "&amp;", e);
		else if (*u == '\n' || *u == '\t')
			put_c(f, ' ', e);
		else if (n == 0 || rl_utf8_control(u) || rl_utf8_nonchar(u))
			put_c(f, '?', e);
		else
			for (int i = 0; i < n; i++)
				put_c(f, u[i], e);
		u += n ? n : 1;
	}
}

/* The SVG text with the document title replaced and the
** <title>gnuplot_plot_N</title> elements dropped, to f: 0, or the errno
** of the first write that failed (EIO where none was set). */
static int rewrite(FILE *f, const char *svg, const char *title)
{
	static const char doc_title[] = "<title>Gnuplot</title>";
	static const char plot_title[] = "<title>gnuplot_plot_";
	const char *p = svg;
	int e = 0;
	while (*p && !e) {
		const char *end;
		if (!strncmp(p, doc_title, sizeof doc_title - 1)) {
			put_s(f, "<title>", &e);
			xml_text(f, title, &e);
			put_s(f, "</title>", &e);
			p += sizeof doc_title - 1;
		} else if (!strncmp(p, plot_title, sizeof plot_title - 1) &&
		           (end = strstr(p, "</title>")) != NULL) {
			p = end + 8;
		} else {
			put_c(f, *p++, &e);
		}
	}
	return e;
}

int plot_svg_title(const char *tmp, const char *title)
{
	size_t len;
	char *svg;
	FILE *f;
	int e;
	errno = 0;
	if (!(svg = rl_slurp(tmp, &len)))
		return errno ? errno : EIO;
	if (!(f = fopen(tmp, "wb"))) {
		e = errno;
		free(svg);
		return e;
	}
	/* the errno of a write that failed, and of fclose (its flush) where
	** none did; errno read only then: `bad || e` took whatever errno held
	** after a rewrite that failed nowhere (a C library call may set it
	** and succeed) as a failure, and a failure's errno could be one a
	** later call left */
	e = rewrite(f, svg, title);
	free(svg);
	if (!e && ferror(f))
		e = EIO;
	errno = 0;
	if (fclose(f) != 0 && !e)
		e = errno ? errno : EIO;
	return e;
}
