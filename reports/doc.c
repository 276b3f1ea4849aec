/*
** doc.c: the HTML and Markdown writers behind doc.h.
*/
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/pctenc.h"
#include "../model/utf8.h"

static const char *style =
"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
"max-width:1200px;margin:2em auto;padding:0 1.5em;color:#1d1d1f;"
"line-height:1.5;background:#fff}"
"h1{font-size:1.9em;margin-bottom:.2em}"
"h2{margin-top:2em;border-bottom:2px solid #e3e3e8;padding-bottom:.2em}"
"table{border-collapse:collapse;margin:1em 0;font-size:.92em}"
"th,td{border:1px solid #d0d0d7;padding:.3em .6em;text-align:left;"
"vertical-align:top}"
"th{background:#f2f2f6}tr:nth-child(even) td{background:#fafafc}"
"p.verdict{font-size:1.25em;background:#fff5e6;border-left:6px solid "
"#ff9f1c;padding:.8em 1em}"
"p.note{color:#666;font-style:italic}"
"figure{margin:1.2em 0}figure svg{max-width:100%;height:auto;"
"border:1px solid #e3e3e8}"
"figcaption{color:#555;font-size:.9em}"
"nav a{margin-right:1em}";

/* Text escaped for the document's format.  What it holds from a database
** or a measurement file (a run id, a spec's path) is shown by the one rule
** of everything rooflab writes for a reader (a terminal's table cell,
** rl_utf8_cell; a plot's label, gp.c; an SVG's title, svgtitle.c): each
** character rl_utf8_control names (a C0 control but tab and newline, DEL,
** a C1 control, a bidirectional control of UAX #9, after which a row id
** read backwards) and each byte that begins no well-formed UTF-8 sequence
** is one '?', so the page is valid UTF-8 whatever the input held.  The C0
** controls, DEL and such bytes were U+FFFD here and '?' everywhere else,
** the C1 and bidirectional controls '?' here too (reports74). */
static void esc(doc *d, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	while (s && *s) {
		unsigned char c = *s;
		int n = rl_utf8_len(s);
		if (n == 0 || (rl_utf8_control(s) && c != '\n' && c != '\t')) {
			fputc('?', d->f);
			s += n ? n : 1;
			continue;
		}
		if (n > 1) {
			fwrite(s, 1, (size_t)n, d->f);
			s += n;
			continue;
		}
		s++;
		if (d->fmt == DOC_HTML) {
			switch (c) {
			case '&': fputs("&amp;", d->f); break;
			case '<': fputs("&lt;", d->f); break;
			case '>': fputs("&gt;", d->f); break;
			case '"': fputs("&quot;", d->f); break;
			default: fputc(c, d->f);
			}
		} else {
			/* CommonMark's backslash escapes: '&' before a name is
			** an entity ("&copy;"), '~~' strikes text through in
			** GitHub's Markdown, '|' ends a table's cell */
			if (strchr("\\`*_[]<>|#&~", c))
				fputc('\\', d->f);
			fputc(c == '\n' ? ' ' : c, d->f);
		}
	}
}

/* Markdown: the backslash that keeps a line's text from opening a block
** (CommonMark 4.1, 5.2, 5.3): '-' or '+' first ("- x" a list, "---" a
** rule), or digits then '.' or ')' before a blank or the end ("1. x" an
** ordered list); esc() escapes '*', '#', '>' everywhere.  A paragraph or
** an item whose text comes from a database (a sweep spec's comment)
** stands as the text it is. */
static const char *md_line_start(doc *d, const char *s)
{
	size_t n = 0;
	if (d->fmt != DOC_MD)
		return s;
	if (*s == '-' || *s == '+') {
		fputc('\\', d->f);
		return s;
	}
	while (n < 9 && s[n] >= '0' && s[n] <= '9')
		n++;
	if (n && (s[n] == '.' || s[n] == ')') &&
	    (s[n + 1] == ' ' || s[n + 1] == '\t' || !s[n + 1])) {
		fwrite(s, 1, n, d->f);
		fputc('\\', d->f);
		return s + n;
	}
	return s;
}

/* The formatted text, escaped, whole: a text longer than buf (a claim's
** words, a path, a note) is formatted again into memory of its size;
** at a line's start (line: a paragraph, an item) as md_line_start
** keeps it. */
static void vesc_at(doc *d, int line, const char *fmt, va_list ap)
{
	char buf[4096], *big;
	va_list again;
	int n;
	va_copy(again, ap);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	if (n >= 0 && (size_t)n >= sizeof buf &&
	    (big = malloc((size_t)n + 1)) != NULL) {
		vsnprintf(big, (size_t)n + 1, fmt, again);
		esc(d, line ? md_line_start(d, big) : big);
		free(big);
	} else {
		esc(d, line ? md_line_start(d, buf) : buf);
	}
	va_end(again);
}

void doc_text(doc *d, const char *s)
{
	esc(d, s);
}

void doc_begin(doc *d, FILE *f, doc_fmt fmt, const char *title)
{
	d->f = f;
	d->fmt = fmt;
	d->ncols = 0;
	if (fmt == DOC_HTML) {
		fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		      "content=\"width=device-width, initial-scale=1\">\n<title>", f);
		esc(d, title);
		fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", style);
	}
}

void doc_end(doc *d)
{
	if (d->fmt == DOC_HTML)
		fputs("</body>\n</html>\n", d->f);
}

void doc_heading(doc *d, int level, const char *id, const char *text)
{
	if (d->fmt == DOC_HTML) {
		fprintf(d->f, "<h%d id=\"%s\">", level, id);
		esc(d, text);
		fprintf(d->f, "</h%d>\n", level);
	} else {
		int i;
		/* the anchor the table of contents links to */
		if (level > 1)
			fprintf(d->f, "<a id=\"%s\"></a>\n\n", id);
		for (i = 0; i < (level < 1 ? 1 : level); i++)
			fputc('#', d->f);
		fputc(' ', d->f);
		esc(d, text);
		fputs("\n\n", d->f);
	}
}

void doc_toc(doc *d, const char *const *ids, const char *const *titles,
             size_t n)
{
	size_t i;
	if (d->fmt == DOC_HTML) {
		fputs("<nav class=\"toc\">\n<h2 id=\"contents\">Contents</h2>\n"
		      "<ol>\n", d->f);
		for (i = 0; i < n; i++) {
			fprintf(d->f, "<li><a href=\"#%s\">", ids[i]);
			esc(d, titles[i]);
			fputs("</a></li>\n", d->f);
		}
		fputs("</ol>\n</nav>\n", d->f);
	} else {
		fputs("## Contents\n\n", d->f);
		for (i = 0; i < n; i++) {
			fprintf(d->f, "%zu. [", i + 1);
			esc(d, titles[i]);
			fprintf(d->f, "](#%s)\n", ids[i]);
		}
		fputs("\n", d->f);
	}
}

static void para(doc *d, const char *cls, const char *fmt, va_list ap)
{
	if (d->fmt == DOC_HTML) {
		if (cls)
			fprintf(d->f, "<p class=\"%s\">", cls);
		else
			fputs("<p>", d->f);
		vesc_at(d, 0, fmt, ap);
		fputs("</p>\n", d->f);
	} else {
		const char *mark = !cls ? "" : (!strcmp(cls, "verdict") ? "**" :
		                                 "_");
		fputs(mark, d->f);
		/* (a note or a verdict opens with its mark) */
		vesc_at(d, !mark[0], fmt, ap);
		fprintf(d->f, "%s\n\n", mark);
	}
}

void doc_para(doc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	para(d, NULL, fmt, ap);
	va_end(ap);
}

void doc_para_class(doc *d, const char *cls, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	para(d, cls, fmt, ap);
	va_end(ap);
}

void doc_list_begin(doc *d)
{
	if (d->fmt == DOC_HTML)
		fputs("<ul>\n", d->f);
}

void doc_item(doc *d, const char *fmt, ...)
{
	va_list ap;
	fputs(d->fmt == DOC_HTML ? "<li>" : "- ", d->f);
	va_start(ap, fmt);
	vesc_at(d, 1, fmt, ap);
	va_end(ap);
	fputs(d->fmt == DOC_HTML ? "</li>\n" : "\n", d->f);
}

void doc_list_end(doc *d)
{
	fputs(d->fmt == DOC_HTML ? "</ul>\n" : "\n", d->f);
}

void doc_table_begin(doc *d, int ncols, const char *const *headers)
{
	int i;
	d->ncols = ncols;
	if (d->fmt == DOC_HTML) {
		fputs("<table>\n<tr>", d->f);
		for (i = 0; i < ncols; i++) {
			fputs("<th>", d->f);
			esc(d, headers[i]);
			fputs("</th>", d->f);
		}
		fputs("</tr>\n", d->f);
	} else {
		fputc('|', d->f);
		for (i = 0; i < ncols; i++) {
			fputc(' ', d->f);
			esc(d, headers[i]);
			fputs(" |", d->f);
		}
		fputs("\n|", d->f);
		for (i = 0; i < ncols; i++)
			fputs("---|", d->f);
		fputc('\n', d->f);
	}
}

void doc_row(doc *d, const char *const *cells)
{
	int i;
	fputs(d->fmt == DOC_HTML ? "<tr>" : "|", d->f);
	for (i = 0; i < d->ncols; i++) {
		const char *c = cells[i] ? cells[i] : "";
		if (d->fmt == DOC_HTML) {
			fputs("<td>", d->f);
			esc(d, c);
			fputs("</td>", d->f);
		} else {
			fputc(' ', d->f);
			esc(d, c);
			fputs(" |", d->f);
		}
	}
	fputs(d->fmt == DOC_HTML ? "</tr>\n" : "\n", d->f);
}

void doc_table_end(doc *d)
{
	fputs(d->fmt == DOC_HTML ? "</table>\n" : "\n", d->f);
	d->ncols = 0;
}

void doc_figure_svg(doc *d, const char *svg, size_t len, const char *caption)
{
	const char *start = NULL;
	size_t i;
	for (i = 0; i + 4 <= len; i++)
		if (!memcmp(svg + i, "<svg", 4)) {
			start = svg + i;
			break;
		}
	if (!start)
		return;
	fputs("<figure>\n", d->f);
	fwrite(start, 1, len - (size_t)(start - svg), d->f);
	fputs("\n<figcaption>", d->f);
	esc(d, caption);
	fputs("</figcaption>\n</figure>\n", d->f);
}

/* A relative link as a URL: bytes other than letters, digits and
** "-._~/" percent-encoded (pct_byte, keeping '/'), so that a file name with spaces, quotes,
** brackets or parentheses (from --out) stays one link in either format. */
static void put_href(doc *d, const char *href)
{
	const unsigned char *s = (const unsigned char *)href;
	char enc[4];
	for (; *s; s++) {
		pct_byte(*s, "/", enc);
		fputs(enc, d->f);
	}
}

void doc_figure_link(doc *d, const char *href, const char *caption)
{
	if (d->fmt == DOC_HTML) {
		fputs("<figure><img src=\"", d->f);
		put_href(d, href);
		fputs("\" alt=\"", d->f);
		esc(d, caption);
		fputs("\"><figcaption>", d->f);
		esc(d, caption);
		fputs("</figcaption></figure>\n", d->f);
	} else {
		fputs("![", d->f);
		esc(d, caption);
		fputs("](", d->f);
		put_href(d, href);
		fputs(")\n\n", d->f);
	}
}
