/*
** pctenc.h: percent-encoding (RFC 3986 2.1), the one rule of the "file:"
** URI a database is opened read-only by (config/dbfile.c) and of the
** figure links a report writes (reports/doc.c).
*/
#ifndef RL_PCTENC_H
#define RL_PCTENC_H

#include <stddef.h>

/* The byte c as it stands in a URI, into out (NUL-terminated): itself
** when it is unreserved (RFC 3986 2.3: A-Z a-z 0-9 - . _ ~, in any
** locale) or one of keep (a string, "" for none), else "%HH" in upper-case
** hexadecimal; NUL is always encoded.  Returns the length, 1 or 3. */
size_t pct_byte(unsigned char c, const char *keep, char out[4]);

#endif
