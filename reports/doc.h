/*
** doc.h: write one document as HTML or Markdown through the same calls
** (headings, paragraphs, lists, tables, figures), escaping text for the
** chosen format.  The report (report.c) is written once against this.
** Every text given is shown by rooflab's one rule for a reader
** (model/utf8.h rl_utf8_control, as a terminal's table cell and a plot's
** label): a control character but tab and newline, a C1 or bidirectional
** control, and a byte that begins no UTF-8 character, one '?' each.
*/
#ifndef RL_DOC_H
#define RL_DOC_H

#include <stddef.h>
#include <stdio.h>

typedef enum { DOC_HTML = 0, DOC_MD } doc_fmt;

typedef struct {
	FILE *f;
	doc_fmt fmt;
	int ncols;   /* columns of the open table */
} doc;

/* Start and end the document (HTML: head, style, body). */
void doc_begin(doc *d, FILE *f, doc_fmt fmt, const char *title);
void doc_end(doc *d);

/* A section heading (level 1 or 2) with an anchor id. */
void doc_heading(doc *d, int level, const char *id, const char *text);

/* A table of contents: links to the headings ids[i], titled titles[i]. */
void doc_toc(doc *d, const char *const *ids, const char *const *titles,
             size_t n);

/* A paragraph of escaped text, printf style; doc_para_class gives the
** HTML paragraph a class ("verdict", "note"); Markdown marks a note in
** italics and a verdict in bold. */
void doc_para(doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void doc_para_class(doc *d, const char *cls, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A bulleted list. */
void doc_list_begin(doc *d);
void doc_item(doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void doc_list_end(doc *d);

/* A table: header cells, then rows of ncols cells each. */
void doc_table_begin(doc *d, int ncols, const char *const *headers);
void doc_row(doc *d, const char *const *cells);
void doc_table_end(doc *d);

/* A figure: HTML inlines the SVG text (its XML prolog dropped); Markdown
** links the image file `href` (relative to the document). */
void doc_figure_svg(doc *d, const char *svg, size_t len, const char *caption);
void doc_figure_link(doc *d, const char *href, const char *caption);

/* Escaped text, without a paragraph around it. */
void doc_text(doc *d, const char *s);

#endif
