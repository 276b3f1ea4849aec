/*
** shword.c: quoting a word for sh in the commands messages give (shword.h).
*/
#include "shword.h"

#include <string.h>

const char *rl_sh_word(const char *w, const char *fallback, char *buf,
                       size_t len)
{
	/* a path beginning with '-' as ./-...: the same file, where the
	** command would read the word itself as an option ('rooflab sweep
	** -x.ini': unknown option; 'mkdir -p -x': invalid option) */
	const char *pre = *w == '-' ? "./" : "";
	size_t i = 0, np = strlen(pre), need = 2 + np;
	const char *p;
	if (*w && strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                    "0123456789_./+,:=@%-") == strlen(w)) {
		if (np + strlen(w) >= len)
			return fallback;
		memcpy(buf, pre, np);
		memcpy(buf + np, w, strlen(w) + 1);
		return buf;
	}
	for (p = w; *p; p++)
		need += *p == '\'' ? 4 : 1;
	if (need >= len)
		return fallback;
	buf[i++] = '\'';
	memcpy(buf + i, pre, np);
	i += np;
	for (p = w; *p; p++) {
		if (*p == '\'') {
			memcpy(buf + i, "'\\''", 4);
			i += 4;
		} else {
			buf[i++] = *p;
		}
	}
	buf[i++] = '\'';
	buf[i] = '\0';
	return buf;
}
