/*
** presetnote.c: the comment a preset file writes beside a key
** (presetnote.h).
*/
#include "presetnote.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "../model/utf8.h"

/* t appended to note (len bytes), a blank before it where note has text,
** each run of blanks in it one blank (a file's "(claims.md).  Taken");
** *cut set where note is full before t's end */
static void add(char *note, size_t len, const char *t, int *cut)
{
	size_t o = strlen(note);
	if (!t[0])
		return;
	if (o + 1 >= len) {
		*cut = 1;
		return;
	}
	if (o)
		note[o++] = ' ';
	for (; *t && o + 1 < len; t++)
		if (!((*t == ' ' || *t == '\t') && note[o - 1] == ' '))
			note[o++] = *t == '\t' ? ' ' : *t;
	note[o] = '\0';
	if (*t)
		*cut = 1;
}

/* note, cut by add's byte copy, less the character that copy may have
** ended inside (a lead byte whose sequence is unfinished begins none) */
static void drop_partial(char *note)
{
	size_t n = strlen(note), p = n;
	while (p > 0 && n - p < 3 && ((unsigned char)note[p - 1] & 0xc0) == 0x80)
		p--;
	if (p > 0 && (unsigned char)note[p - 1] >= 0xc0 &&
	    !rl_utf8_len((const unsigned char *)note + p - 1))
		note[p - 1] = '\0';
}

/* clean (the note as rl_utf8_cell writes it) into buf (len bytes): where
** it was cut (cut) or does not fit, at most min(len, max) - 1 bytes that
** end in "..." after a whole character, so that a cut note shows it */
static void put_note(const char *clean, int cut, size_t max, char *buf,
                     size_t len)
{
	size_t room = len < max ? len : max, n = strlen(clean);
	if (!cut && n < room) {
		memcpy(buf, clean, n + 1);
		return;
	}
	if (room < 4) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, len, "%.*s...", rl_utf8_cut(clean, room - 4), clean);
}

int preset_key_note(const char *path, const char *section, const char *key,
                    char *buf, size_t len, char *val, size_t vlen)
{
	/* a line as long as the ini reader takes (INI_LINE_MAX, after a
	** byte order mark's 3 bytes on the first, its CR, LF and NUL): a
	** 1023-byte buffer made a long comment's tail a line of its own, read
	** as a key or a section where it looked like one */
	char line[3 + INI_LINE_MAX + 3], note[2048] = "", sec[128] = "";
	size_t kl = strlen(key);
	int found = 0, first = 1, cut = 0;
	FILE *f;
	if (len)
		buf[0] = '\0';
	if (vlen)
		val[0] = '\0';
	if (!path || !(f = fopen(path, "r")))
		return 0;
	while (!found && fgets(line, sizeof line, f)) {
		char *s, *c, *cm;
		/* a UTF-8 byte order mark (an editor's), which the reader
		** skips: the first line's section or comment is read past it */
		size_t bom = first && !strncmp(line, "\xef\xbb\xbf", 3) ? 3 : 0;
		char *nl = strchr(line, '\n');
		char *end = nl ? nl : line + strlen(line);
		first = 0;
		/* measured less a CRLF's CR, as the reader measures it */
		if (end > line + bom && end[-1] == '\r')
			end--;
		if ((!nl && !feof(f)) ||
		    (size_t)(end - line) - bom > INI_LINE_MAX) {
			/* longer than the ini reader takes, measured past the mark
			** as the reader measures it (the preset did not load): its
			** rest skipped, no note or key of it */
			int ch;
			if (!nl)
				while ((ch = fgetc(f)) != EOF && ch != '\n')
					;
			note[0] = '\0';
			cut = 0;
			continue;
		}
		/* the comment cut where the ini reader cuts it (ini_comment):
		** a ';' or '#' inside a word is the value's */
		if ((cm = ini_comment(line + bom)))
			*cm++ = '\0';
		s = ini_trim(line + bom);
		if (!s[0] && cm) {
			add(note, sizeof note, ini_trim(cm), &cut); /* a comment line */
			continue;
		}
		if (!s[0]) {
			/* a blank line parts a note from a key */
			note[0] = '\0';
			cut = 0;
			continue;
		}
		if (s[0] == '[') {
			c = strchr(s, ']');
			if (c)
				*c = '\0';
			snprintf(sec, sizeof sec, "%s", ini_trim(s + 1));
			note[0] = '\0';
			cut = 0;
			continue;
		}
		if (!strcmp(sec, section) && !strncmp(s, key, kl) &&
		    s[kl + strspn(s + kl, " \t")] == '=') {
			char *v = s + kl + strspn(s + kl, " \t") + 1;
			if (cm)
				add(note, sizeof note, ini_trim(cm), &cut);
			if (vlen)
				snprintf(val, vlen, "%s", ini_trim(v));
			found = 1;
			continue;
		}
		/* another key's line: its note is not ours */
		note[0] = '\0';
		cut = 0;
	}
	fclose(f);
	if (found && len) {
		char clean[sizeof note];
		if (cut)
			drop_partial(note);
		rl_utf8_cell(note, 0, 0, clean, sizeof clean);
		put_note(clean, cut, sizeof note, buf, len);
	}
	return found;
}

int preset_price_note(const char *path, double price_usd, char *buf,
                      size_t len)
{
	char val[64], *end;
	double v;
	if (len)
		buf[0] = '\0';
	if (!isfinite(price_usd) || !(price_usd > 0) ||
	    !preset_key_note(path, "cost", "price_usd", buf, len, val,
	                     sizeof val))
		return 0;
	v = strtod(val, &end);
	/* a price set for the run (--set, a spec's key) is not the one the
	** preset's words are about */
	if (end == val || v != price_usd || !buf[0]) {
		if (len)
			buf[0] = '\0';
		return 0;
	}
	return 1;
}

int preset_price_stand_in(const char *path, double price_usd, char *buf,
                          size_t len)
{
	if (!preset_price_note(path, price_usd, buf, len))
		return 0;
	if (!strstr(buf, "ASSUMPTION")) {
		buf[0] = '\0';
		return 0;
	}
	return 1;
}
