/*
** test_doc.c: reports/doc.c writes a database's text into the report by
** the one rule of what rooflab shows a reader (model/utf8.h
** rl_utf8_control): each control character but tab and newline (C0, DEL,
** C1), each bidirectional control and each byte that begins no UTF-8
** character is one '?', in HTML and Markdown alike, as a terminal's table
** cell (rl_utf8_cell) and a plot's label (plots/gp.c gp_quote) show it.
** Before reports78 the C0 controls, DEL and such bytes were U+FFFD in the
** report alone.  Expected texts by hand from the bytes given.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/utf8.h"
#include "../plots/gp.h"
#include "../reports/doc.h"

/* s as doc_text writes it in format fmt, into out (n bytes) */
static void doc_of(doc_fmt fmt, const char *s, char *out, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	doc d;
	assert_non_null(f);
	d.f = f;
	d.fmt = fmt;
	d.ncols = 0;
	doc_text(&d, s);
	fclose(f);
	snprintf(out, n, "%s", buf);
	free(buf);
}

/* s as gp_quote writes it, its quotes taken off, into out */
static void label_of(const char *s, char *out, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	gp_quote(f, s);
	fclose(f);
	assert_true(len >= 2);
	snprintf(out, n, "%.*s", (int)len - 2, buf + 1);
	free(buf);
}

/* Each kind alone between two letters: '?' in HTML, Markdown, a table's
** cell and a plot's label; NUL's neighbour SOH (01), ESC (1B), CR (0D),
** US (1F), DEL (7F), NEL U+0085 (C2 85), CSI U+009B (C2 9B), RLO U+202E
** (E2 80 AE), ALM U+061C (D8 9C), PDI U+2069 (E2 81 A9), a lone FF, a
** continuation byte 80 alone, a surrogate ED A0 80 (3 bytes, none
** beginning a well-formed sequence: 3 '?'), and C3 cut short before 'b'. */
static void test_one_rule(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
	    {"a\x01" "b", "a?b"},
	    {"a\x1b" "b", "a?b"},
	    {"a\r" "b", "a?b"},
	    {"a\x1f" "b", "a?b"},
	    {"a\x7f" "b", "a?b"},
	    {"a\xc2\x85" "b", "a?b"},
	    {"a\xc2\x9b" "b", "a?b"},
	    {"a\xe2\x80\xae" "b", "a?b"},
	    {"a\xd8\x9c" "b", "a?b"},
	    {"a\xe2\x81\xa9" "b", "a?b"},
	    {"a\xff" "b", "a?b"},
	    {"a\x80" "b", "a?b"},
	    {"a\xed\xa0\x80" "b", "a???b"},
	    {"a\xc3" "b", "a?b"},
	};
	char h[64], m[64], c[64], l[64];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc_of(DOC_HTML, cases[i].in, h, sizeof h);
		doc_of(DOC_MD, cases[i].in, m, sizeof m);
		rl_utf8_cell(cases[i].in, 0, 0, c, sizeof c);
		label_of(cases[i].in, l, sizeof l);
		if (strcmp(h, cases[i].want) || strcmp(m, cases[i].want) ||
		    strcmp(c, cases[i].want) || strcmp(l, cases[i].want))
			fail_msg("case %zu: HTML '%s', Markdown '%s', cell '%s', "
			         "label '%s', want '%s'", i, h, m, c, l,
			         cases[i].want);
	}
}

/* What the rule keeps: e-acute (C3 A9), NBSP U+00A0 (C2 A0, beside the
** C1 controls), the hyphen U+2010 (E2 80 90, beside the bidirectional
** controls), U+FFFD itself and a 4-byte emoji (F0 9F 98 80); a tab
** stays in either format; a newline stays in HTML, a space in Markdown
** (a line break there would end a table's row). */
static void test_kept(void **state)
{
	const char *in = "\xc3\xa9\xc2\xa0\xe2\x80\x90\xef\xbf\xbd\xf0\x9f\x98\x80";
	char h[64], m[64];
	(void)state;
	doc_of(DOC_HTML, in, h, sizeof h);
	doc_of(DOC_MD, in, m, sizeof m);
	assert_string_equal(h, in);
	assert_string_equal(m, in);
	doc_of(DOC_HTML, "a\tb\nc", h, sizeof h);
	doc_of(DOC_MD, "a\tb\nc", m, sizeof m);
	assert_string_equal(h, "a\tb\nc");
	assert_string_equal(m, "a\tb c");
}

/* The rule beside each format's own escapes: '<' and '&' as HTML's
** entities, '|' and '*' as Markdown's backslash escapes, the control
** between them '?' */
static void test_with_escapes(void **state)
{
	char h[64], m[64];
	(void)state;
	doc_of(DOC_HTML, "<\x01&\xe2\x80\xae|*", h, sizeof h);
	doc_of(DOC_MD, "<\x01&\xe2\x80\xae|*", m, sizeof m);
	assert_string_equal(h, "&lt;?&amp;?|*");
	assert_string_equal(m, "\\<?\\&?\\|\\*");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_one_rule),
	    cmocka_unit_test(test_kept),
	    cmocka_unit_test(test_with_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
