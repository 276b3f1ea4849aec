/*
** celltext.c: what rooflab never writes in a sweep's text cell
** (celltext.h).
*/
#include "celltext.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/utf8.h"

int rl_cell_text_fault(int type, const unsigned char *s, int n)
{
	if (type == SQLITE_BLOB)
		return RL_CELL_TEXT_BLOB;
	if (type != SQLITE_TEXT || !s)
		return RL_CELL_TEXT_OK;
	if (n < 0 || strlen((const char *)s) != (size_t)n)
		return RL_CELL_TEXT_NUL;
	if (rl_utf8_bad((const char *)s) >= 0)
		return RL_CELL_TEXT_BAD;
	/* a tab or line break is text a CSV quotes and JSON escapes (a unit
	** holding one is quoted: cli_sweep); ESC and the rest a terminal
	** obeys, and a bidirectional control reorders the row after it
	** (rl_utf8_control: the rule of a terminal's table cells) */
	for (; *s; s += rl_utf8_len(s))
		if (*s != '\t' && *s != '\n' && *s != '\r' && rl_utf8_control(s))
			return RL_CELL_TEXT_CTRL;
	return RL_CELL_TEXT_OK;
}

const char *rl_cell_text_words(int kind)
{
	switch (kind) {
	case RL_CELL_TEXT_NUL:
		return " with a NUL byte after it";
	case RL_CELL_TEXT_BAD:
		return " with a byte of no UTF-8";
	case RL_CELL_TEXT_CTRL:
		return " with a control character";
	default:
		return "";
	}
}

const char *rl_cell_sql_quote(const char *q, char *buf, size_t len)
{
	size_t n = strlen(q);
	char cut[RL_CELL_QUOTE_LEN];
	if (!len)
		return buf;
	/* a text's quote() holds its value between 2 quotes: as long as
	** rl_utf8_quote writes one whole */
	if (n <= RL_UTF8_QUOTE_MAX + 2) {
		rl_utf8_cell(q, 0, 0, buf, len);
		return buf;
	}
	if (q[0] == '\'' && q[n - 1] == '\'') {
		/* its value: the quotes off, each doubled quote one */
		char *v = malloc(n), *w = v;
		const char *r;
		if (!v) {
			snprintf(cut, sizeof cut, "%.*s...'", rl_utf8_cut(q, 60), q);
		} else {
			for (r = q + 1; r < q + n - 1; r++) {
				*w++ = *r;
				if (*r == '\'' && r[1] == '\'')
					r++;
			}
			*w = '\0';
			rl_utf8_quote(v, RL_UTF8_QUOTE_MAX, cut, sizeof cut);
			free(v);
		}
	} else if (q[0] == 'X' && q[1] == '\'') {
		/* a blob's hex digits, two a byte: ASCII, cut anywhere */
		snprintf(cut, sizeof cut, "%.*s...' (a blob of %zu bytes)",
		         RL_UTF8_QUOTE_MAX - 3, q, (n - 3) / 2);
	} else {
		char size[64];
		snprintf(cut, sizeof cut, "%.*s... (%s)",
		         rl_utf8_cut(q, RL_UTF8_QUOTE_MAX - 3), q,
		         rl_utf8_bytes(q, n, size, sizeof size));
	}
	rl_utf8_cell(cut, 0, 0, buf, len);
	return buf;
}

int rl_cell_column_fault(sqlite3_stmt *st, int k, const char *field,
                         const char *path, long long run_id,
                         const char *name, const char *refusal, char *err,
                         size_t errlen)
{
	int type = sqlite3_column_type(st, k);
	const unsigned char *s = sqlite3_column_text(st, k);
	int kind = rl_cell_text_fault(type, s, sqlite3_column_bytes(st, k));
	char q[RL_UTF8_QUOTE_MAX + 64];
	if (kind == RL_CELL_TEXT_OK)
		return 0;
	if (kind != RL_CELL_TEXT_BLOB)
		rl_utf8_quote((const char *)s, RL_UTF8_QUOTE_MAX, q, sizeof q);
	snprintf(err, errlen, "%s run %lld: run_columns.%s of %s holds %s%s%s, "
	         "not text as rooflab writes it; %s", path, run_id, field, name,
	         kind == RL_CELL_TEXT_BLOB ? "a blob" : "text ",
	         kind == RL_CELL_TEXT_BLOB ? "" : q, rl_cell_text_words(kind),
	         refusal);
	return 1;
}

int rl_cell_run_row_fault(sqlite3_stmt *st, const char *path,
                          long long run_id, const char *refusal, char *err,
                          size_t errlen)
{
	int k;
	for (k = 0; k < sqlite3_column_count(st); k++) {
		const char *name = sqlite3_column_name(st, k);
		/* the type before the text, which converts a blob */
		int type = sqlite3_column_type(st, k);
		const unsigned char *t = sqlite3_column_text(st, k);
		int kind = rl_cell_text_fault(type, t, sqlite3_column_bytes(st, k));
		char q[RL_UTF8_QUOTE_MAX + 64];
		if (kind == RL_CELL_TEXT_OK ||
		    ((kind == RL_CELL_TEXT_BAD || kind == RL_CELL_TEXT_CTRL) &&
		     (!strcmp(name, "spec") || !strcmp(name, "spec_path"))))
			continue;
		if (kind != RL_CELL_TEXT_BLOB)
			rl_utf8_quote((const char *)t, RL_UTF8_QUOTE_MAX, q, sizeof q);
		snprintf(err, errlen, "%s run %lld: runs.%s holds %s%s%s, not text "
		         "as rooflab writes it; %s", path, run_id, name,
		         kind == RL_CELL_TEXT_BLOB ? "a blob" : "text ",
		         kind == RL_CELL_TEXT_BLOB ? "" : q,
		         rl_cell_text_words(kind), refusal);
		return 1;
	}
	return 0;
}
