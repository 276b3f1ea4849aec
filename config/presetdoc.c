/*
** presetdoc.c: one-line descriptions of presets (presetdoc.h).
*/
#include "presetdoc.h"

#include <stdio.h>
#include <string.h>

#include "setup.h"

void preset_doc(const char *kind, const char *name, char *buf, size_t len,
                size_t width)
{
	char path[1024], err[512], line[1024], next[64];
	char *s, *e;
	size_t l, nl = strlen(name);
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
	for (e = s; *e; e++)      /* no control characters on a terminal */
		if ((unsigned char)*e < 0x20 || *e == 0x7f)
			*e = ' ';
	l = strlen(s);
	while (l > 0 && s[l - 1] == ' ')
		s[--l] = '\0';
	if (l > 0 && s[l - 1] == '.')
		more = 0;
	if (more && (!(width >= 8) || l + 3 <= width)) {
		while (l > 0 && (s[l - 1] == ' ' || s[l - 1] == ',' ||
		                 s[l - 1] == ';' || s[l - 1] == ':'))
			s[--l] = '\0';
		snprintf(buf, len, "%s...", s);
		return;
	}
	if (width >= 8 && (l > width || more)) {   /* cut at a word */
		l = width - 3;
		while (l > width / 2 && s[l] != ' ')
			l--;
		while (l > 0 && (s[l - 1] == ' ' || s[l - 1] == ',' ||
		                 s[l - 1] == ';'))
			l--;
		s[l] = '\0';
		snprintf(buf, len, "%s...", s);
		return;
	}
	snprintf(buf, len, "%s", s);
}
