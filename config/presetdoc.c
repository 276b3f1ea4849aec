/*
** presetdoc.c: one-line descriptions of presets (presetdoc.h).
*/
#include "presetdoc.h"

#include <stdio.h>
#include <string.h>

#include "presets.h"
#include "../model/utf8.h"

/* The byte offset of character k of well-formed UTF-8 s (its length
** when s has no more). */
static size_t byte_of(const char *s, size_t k)
{
	size_t i = 0;
	while (s[i] && k--)
		for (i++; ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

/* Cut s (well-formed UTF-8) at a word so that it and "..." fit in width
** (>= 8) characters: at the last blank from half the width on, else at
** width - 3 characters; trailing blanks, commas and semicolons dropped. */
static void cut_word(char *s, size_t width)
{
	size_t k = width - 3, l = byte_of(s, k);
	while (k > width / 2 && s[l] != ' ')
		l = byte_of(s, --k);
	while (l > 0 && (s[l - 1] == ' ' || s[l - 1] == ',' || s[l - 1] == ';'))
		l--;
	s[l] = '\0';
}

/* s (well-formed UTF-8, no controls) then tail into buf (len bytes), s
** cut at a whole character where both do not fit (rl_utf8_cell's stop). */
static void put(char *buf, size_t len, const char *s, const char *tail)
{
	size_t t = strlen(tail), o;
	if (len == 0)
		return;
	buf[0] = '\0';
	if (len > t)
		rl_utf8_cell(s, 0, 0, buf, len - t);
	o = strlen(buf);
	snprintf(buf + o, len - o, "%s", tail);
}

/* s (cleaned by rl_utf8_cell) into buf, cut at a word with "..." when it
** has more than width (>= 8) characters or when the sentence goes on
** (more). */
static void fit(char *s, int more, char *buf, size_t len, size_t width)
{
	if (width >= 8 && (rl_utf8_chars(s) > width || more)) {
		cut_word(s, width);
		put(buf, len, s, "...");
	} else
		put(buf, len, s, "");
}

void preset_doc(const char *kind, const char *name, char *buf, size_t len,
                size_t width)
{
	char path[1024], err[512], line[1024], next[64], clean[1024];
	char *s, *e;
	size_t l, c, nl = strlen(name);
	int more;
	FILE *f;
	buf[0] = '\0';
	if (len == 0 || preset_path(kind, name, path, sizeof path, err,
	                            sizeof err))
		return;
	f = fopen(path, "r");
	if (!f)
		return;
	s = fgets(line, sizeof line, f);
	/* the sentence goes on in the next comment line */
	more = s && fgets(next, sizeof next, f) &&
	       next[strspn(next, " \t")] == ';';
	fclose(f);
	if (!s)
		return;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != ';' && *s != '#')
		return;
	s++;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!strncmp(s, name, nl) && s[nl] == ':')   /* "name: " */
		for (s += nl + 1; *s == ' '; s++)
			;
	/* tabs and the line's end are blanks; no other control character
	** (C0, DEL, C1) and no byte of no UTF-8 character reaches a terminal:
	** each is a '?' (rl_utf8_cell), so the width below counts
	** characters of well-formed text */
	for (e = s; *e; e++)
		if (*e == '\t' || *e == '\r' || *e == '\n')
			*e = ' ';
	rl_utf8_cell(s, 0, 0, clean, sizeof clean);
	s = clean;
	l = strlen(s);
	while (l > 0 && s[l - 1] == ' ')
		s[--l] = '\0';
	c = rl_utf8_chars(s);
	if (l > 0 && s[l - 1] == '.')
		more = 0;
	if (more && (!(width >= 8) || c + 3 <= width)) {
		while (l > 0 && (s[l - 1] == ' ' || s[l - 1] == ',' ||
		                 s[l - 1] == ';' || s[l - 1] == ':'))
			s[--l] = '\0';
		put(buf, len, s, "...");
		return;
	}
	fit(s, more, buf, len, width);
}

void preset_doc_fit(const char *s, char *buf, size_t len, size_t width)
{
	char clean[1024];
	if (len == 0)
		return;
	rl_utf8_cell(s, 0, 0, clean, sizeof clean);
	fit(clean, 0, buf, len, width);
}
