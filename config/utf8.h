/*
** utf8.h: checking text for well-formed UTF-8, so that what rooflab writes
** (JSON, HTML, Markdown) stays valid whatever bytes its input held.
*/
#ifndef RL_UTF8_H
#define RL_UTF8_H

#include <stddef.h>

/* Length of the well-formed UTF-8 sequence at s (RFC 3629: no overlong
** forms, no surrogates, nothing above U+10FFFF), or 0 when s starts with
** a byte that begins none. */
int rl_utf8_len(const unsigned char *s);

/* The characters of s as rl_utf8_cell counts them: one per well-formed
** sequence, one per byte that begins none. */
size_t rl_utf8_chars(const char *s);

/* s as a cell of a text table for a terminal, into buf (n bytes): each
** control character (C0, DEL, and the C1 controls U+0080..U+009F, which a
** terminal may obey) and each byte that begins no well-formed sequence
** written as '?'; at most `width` characters when cut (never a sequence
** cut in two), then spaces up to `width` characters, so that a column
** lines up whatever bytes its names take (width 0: no padding).  A
** character is a code point: a wide (CJK) or combining one is counted as
** one.  Stops at a whole character when buf is full; returns buf. */
const char *rl_utf8_cell(const char *s, int width, int cut, char *buf,
                         size_t n);

/* U+FFFD, the replacement character, in UTF-8. */
#define RL_UTF8_REPLACEMENT "\xef\xbf\xbd"

#endif
