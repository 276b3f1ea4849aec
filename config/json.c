/*
** json.c: the streaming JSON writer (json.h).
*/
#include "json.h"

#include <math.h>

#include "../model/utf8.h"

/* A line break and two blanks a level, in one write (a write a piece,
** each taking the stream's lock, was a fifth of export's CPU: speed10) */
static void indent(json_w *w)
{
	static const char blanks[] = "\n                                "
	                             "                                ";
	int i;
	if (w->line)
		return;
	if (w->depth >= 0 && (size_t)w->depth * 2 + 1 < sizeof blanks) {
		fwrite(blanks, 1, (size_t)w->depth * 2 + 1, w->f);
		return;
	}
	fputc('\n', w->f);
	for (i = 0; i < w->depth; i++)
		fputs("  ", w->f);
}

/* A JSON string; bytes that are not UTF-8 (a file in Latin-1, a damaged
** database) become U+FFFD, so the output is always valid UTF-8.  Every
** character rl_utf8_control names is written \uXXXX, its value kept:
** C0 as before, and DEL, C1 and the bidirectional controls, which went
** out as they stood (a spec's path holding U+202E reversed a terminal's
** line of export's JSON after it: sweeps77); and the line and paragraph
** separators U+2028 and U+2029, line breaks to a reader that splits JSON
** Lines by Unicode's rule (fuzz79). */
static void put_string(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	fputc('"', f);
	while (*s) {
		unsigned char c = *s;
		const unsigned char *t = s;
		int n;
		/* a run of printable ASCII needing no escape, written at once */
		while (*t >= 0x20 && *t < 0x7f && *t != '"' && *t != '\\')
			t++;
		if (t > s) {
			fwrite(s, 1, (size_t)(t - s), f);
			s = t;
			continue;
		}
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else if ((n = rl_utf8_len(s)) > 1 && rl_utf8_control(s)) {
			/* C1 (2 bytes) or a bidirectional control (2 or 3) */
			unsigned cp = n == 2 ? (unsigned)(c & 0x1f) << 6 |
			                           (unsigned)(s[1] & 0x3f)
			                     : (unsigned)(c & 0x0f) << 12 |
			                           (unsigned)(s[1] & 0x3f) << 6 |
			                           (unsigned)(s[2] & 0x3f);
			fprintf(f, "\\u%04x", cp);
			s += n;
			continue;
		} else if (n == 3 && c == 0xe2 && s[1] == 0x80 &&
		           (s[2] == 0xa8 || s[2] == 0xa9)) {
			/* U+2028, U+2029: a line break to a reader that splits
			** JSON Lines by Unicode's rule (fuzz79) */
			fputs(s[2] == 0xa8 ? "\\u2028" : "\\u2029", f);
			s += n;
			continue;
		} else if (n > 1) {
			fwrite(s, 1, (size_t)n, f);
			s += n;
			continue;
		} else if (n == 0)
			fputs("\\ufffd", f);
		else
			fputc(c, f);
		s++;
	}
	fputc('"', f);
}

static void item(json_w *w, const char *key)
{
	if (w->count[w->depth]++)
		fputs(w->line ? ", " : ",", w->f);
	indent(w);
	if (key) {
		put_string(w->f, key);
		fputs(": ", w->f);
	}
}

static void open_(json_w *w, const char *key, char open, char close)
{
	item(w, key);
	fputc(open, w->f);
	if (w->depth + 1 < JSON_MAX_DEPTH) {
		w->depth++;
		w->count[w->depth] = 0;
		w->close[w->depth] = close;
	}
}

void json_begin(json_w *w, FILE *f)
{
	w->f = f;
	w->line = 0;
	w->depth = 0;
	w->count[0] = 0;
	fputc('{', f);
	w->depth = 1;
	w->count[1] = 0;
	w->close[1] = '}';
}

void json_begin_line(json_w *w, FILE *f)
{
	json_begin(w, f);
	w->line = 1;
}

void json_obj(json_w *w, const char *key) { open_(w, key, '{', '}'); }
void json_arr(json_w *w, const char *key) { open_(w, key, '[', ']'); }

void json_end(json_w *w)
{
	char c;
	if (w->depth <= 0)
		return;
	c = w->close[w->depth];
	w->depth--;
	indent(w);
	fputc(c, w->f);
}

void json_finish(json_w *w)
{
	while (w->depth > 0)
		json_end(w);
	fputc('\n', w->f);
}

void json_num(json_w *w, const char *key, double v)
{
	item(w, key);
	if (isfinite(v))
		fprintf(w->f, "%.10g", v);
	else
		fputs("null", w->f);
}

void json_num_exact(json_w *w, const char *key, double v)
{
	char buf[32];
	item(w, key);
	if (isfinite(v)) {
		json_exact_text(v, buf);
		fputs(buf, w->f);
	} else {
		fputs("null", w->f);
	}
}

void json_int(json_w *w, const char *key, long long v)
{
	item(w, key);
	fprintf(w->f, "%lld", v);
}

void json_str(json_w *w, const char *key, const char *s)
{
	item(w, key);
	put_string(w->f, s ? s : "");
}

void json_bool(json_w *w, const char *key, int v)
{
	item(w, key);
	fputs(v ? "true" : "false", w->f);
}

void json_null(json_w *w, const char *key)
{
	item(w, key);
	fputs("null", w->f);
}
