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

/* s as XML character data. */
static void xml_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else if (*s == '&')
			fputs("&amp;", f);
		else if (*s == '\n')
			fputc(' ', f);
		else
			fputc(*s, f);
	}
}

/* The SVG text with the document title replaced and the
** <title>gnuplot_plot_N</title> elements dropped, to f. */
static void rewrite(FILE *f, const char *svg, const char *title)
{
	static const char doc_title[] = "<title>Gnuplot</title>";
	static const char plot_title[] = "<title>gnuplot_plot_";
	const char *p = svg;
	while (*p) {
		const char *end;
		if (!strncmp(p, doc_title, sizeof doc_title - 1)) {
			fputs("<title>", f);
			xml_text(f, title);
			fputs("</title>", f);
			p += sizeof doc_title - 1;
		} else if (!strncmp(p, plot_title, sizeof plot_title - 1) &&
		           (end = strstr(p, "</title>")) != NULL) {
			p = end + 8;
		} else {
			fputc(*p++, f);
		}
	}
}

int plot_svg_title(const char *tmp, const char *title)
{
	size_t len;
	char *svg;
	FILE *f;
	int e, bad;
	errno = 0;
	if (!(svg = rl_slurp(tmp, &len)))
		return errno ? errno : EIO;
	if (!(f = fopen(tmp, "wb"))) {
		e = errno;
		free(svg);
		return e;
	}
	errno = 0;
	rewrite(f, svg, title);
	free(svg);
	bad = ferror(f);
	e = errno; /* a failed write's (EFBIG, ENOSPC), kept past fclose */
	if (fclose(f) != 0 && !e)
		e = errno;
	return bad || e ? (e ? e : EIO) : 0;
}
