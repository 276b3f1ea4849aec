/*
** utf8.c: well-formed UTF-8 (utf8.h).
*/
#include "utf8.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

int rl_utf8_len(const unsigned char *s)
{
	unsigned char c = s[0];
	int n, i;
	unsigned char lo = 0x80, hi = 0xbf;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

int rl_utf8_nonchar(const unsigned char *s)
{
	unsigned long cp;
	int n = rl_utf8_len(s), i;
	if (n < 3)
		return 0; /* below U+0800: none there */
	cp = (unsigned long)(s[0] & (n == 3 ? 0x0f : 0x07));
	for (i = 1; i < n; i++)
		cp = (cp << 6) | (unsigned long)(s[i] & 0x3f);
	return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

size_t rl_utf8_chars(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t c = 0;
	int l;
	for (; *p; p += l, c++)
		if ((l = rl_utf8_len(p)) < 1)
			l = 1;
	return c;
}

long rl_utf8_bad(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int l;
	for (; *p; p += l)
		if ((l = rl_utf8_len(p)) < 1)
			return (long)(p - (const unsigned char *)s);
	return -1;
}

int rl_utf8_cut(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int l;
	if (max > INT_MAX)
		max = INT_MAX;
	for (; p[i]; i += (size_t)l) {
		if ((l = rl_utf8_len(p + i)) < 1)
			l = 1;
		if (i + (size_t)l > max)
			break;
	}
	return (int)i;
}

const char *rl_utf8_bytes(const char *s, size_t n, char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, chars = 0;
	int ascii = 1, l;
	for (; i < n && p[i]; i += (size_t)l, chars++) {
		if (p[i] >= 0x80)
			ascii = 0;
		if ((l = rl_utf8_len(p + i)) < 1)
			l = 1;
	}
	if (len == 0)
		return buf;
	if (ascii)
		snprintf(buf, len, "%zu byte%s", n, n == 1 ? "" : "s");
	else
		snprintf(buf, len, "%zu bytes (%zu character%s)", n, chars,
		         chars == 1 ? "" : "s");
	return buf;
}

/* rl_utf8_quote and rl_utf8_shown: s between q and q (a quote, or ""),
** cut past max bytes with "..." inside them and its size after them */
static const char *shown(const char *s, size_t max, const char *q,
                         char *buf, size_t len)
{
	size_t n = strlen(s);
	char size[64];
	if (max < 3)
		max = 3;
	if (n <= max)
		snprintf(buf, len, "%s%s%s", q, s, q);
	else
		snprintf(buf, len, "%s%.*s...%s (%s)", q, rl_utf8_cut(s, max - 3),
		         s, q, rl_utf8_bytes(s, n, size, sizeof size));
	return buf;
}

const char *rl_utf8_quote(const char *s, size_t max, char *buf, size_t len)
{
	return shown(s, max, "'", buf, len);
}

const char *rl_utf8_shown(const char *s, size_t max, char *buf, size_t len)
{
	return shown(s, max, "", buf, len);
}

/* 1 when the well-formed sequence at u is one of the bidirectional
** controls of Unicode's UAX #9 (section 2): ALM U+061C (D8 9C), LRM and
** RLM U+200E/F (E2 80 8E/8F), LRE..RLO U+202A..U+202E (E2 80 AA..AE),
** LRI..PDI U+2066..U+2069 (E2 81 A6..A9), which reorder the text a
** terminal shows after them */
static int bidi_control(const unsigned char *u)
{
	if (u[0] == 0xd8)
		return u[1] == 0x9c;
	if (u[0] != 0xe2)
		return 0;
	if (u[1] == 0x80)
		return u[2] == 0x8e || u[2] == 0x8f || (u[2] >= 0xaa && u[2] <= 0xae);
	return u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9;
}

int rl_utf8_control(const unsigned char *s)
{
	/* C0 and DEL are one byte each; C1 is C2 80..C2 9F */
	if (s[0] < 0x20 || s[0] == 0x7f)
		return 1;
	if (rl_utf8_len(s) == 0)
		return 0;
	return (s[0] == 0xc2 && s[1] < 0xa0) || bidi_control(s);
}

const char *rl_utf8_cell(const char *s, int width, int cut, char *buf,
                         size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	int chars = 0, full = 0;
	if (n == 0)
		return buf;
	while (u[i] && !(cut && chars >= width)) {
		int len = rl_utf8_len(u + i);
		if (o + (len ? (size_t)len : 1) >= n) {
			full = 1; /* no room for this character whole */
			break;
		}
		if (len == 0 || rl_utf8_control(u + i)) {
			buf[o++] = '?';
			i += len ? (size_t)len : 1;
		} else {
			memcpy(buf + o, u + i, (size_t)len);
			o += (size_t)len;
			i += (size_t)len;
		}
		chars++;
	}
	while (!full && chars < width && o + 1 < n) {
		buf[o++] = ' ';
		chars++;
	}
	buf[o] = '\0';
	return buf;
}
