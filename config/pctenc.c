/*
** pctenc.c: a byte as it stands in a percent-encoded URI (RFC 3986 2.1),
** for the read-only database URI and a report's figure links (pctenc.h).
*/
#include "pctenc.h"

#include <string.h>

size_t pct_byte(unsigned char c, const char *keep, char out[4])
{
	static const char hex[] = "0123456789ABCDEF";
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') ||
	    (c && (strchr("-._~", c) || strchr(keep, c)))) {
		out[0] = (char)c;
		out[1] = '\0';
		return 1;
	}
	out[0] = '%';
	out[1] = hex[c >> 4];
	out[2] = hex[c & 15];
	out[3] = '\0';
	return 3;
}
