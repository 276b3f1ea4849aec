/*
** commalist.c: the items of a comma-separated list (commalist.h).
*/
#include "commalist.h"

#include <string.h>

#include "ini.h"

char *commalist_next(char **rest, int trim)
{
	char *item = *rest, *comma;
	if (!item)
		return NULL;
	comma = strchr(item, ',');
	if (comma)
		*comma++ = '\0';
	*rest = comma;
	return trim ? ini_trim(item) : item;
}
