/*
** utf8.h: checking text for well-formed UTF-8, so that what rooflab writes
** (JSON, HTML, Markdown) stays valid whatever bytes its input held.
*/
#ifndef RL_UTF8_H
#define RL_UTF8_H

/* Length of the well-formed UTF-8 sequence at s (RFC 3629: no overlong
** forms, no surrogates, nothing above U+10FFFF), or 0 when s starts with
** a byte that begins none. */
int rl_utf8_len(const unsigned char *s);

/* U+FFFD, the replacement character, in UTF-8. */
#define RL_UTF8_REPLACEMENT "\xef\xbf\xbd"

#endif
