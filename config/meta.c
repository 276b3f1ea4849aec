/*
** meta.c: the capped [meta] keys of a chip's or profile's preset (meta.h).
*/
#include "meta.h"

#include <stdio.h>
#include <string.h>

#include "../model/utf8.h"

static const struct {
	const char *key;
	size_t bytes; /* NUL included */
} meta_caps[] = {
    {"software", RL_META_SOFTWARE_MAX},
    {"calibrated", RL_META_CALIBRATED_MAX},
    {"fitted", RL_META_FITTED_MAX},
};

size_t rl_meta_cap(const char *kind, const char *key)
{
	size_t i;
	/* profiles.c reads the [meta] of chips and profiles alone */
	if (strcmp(kind, "chip") && strcmp(kind, "profile"))
		return 0;
	for (i = 0; i < sizeof meta_caps / sizeof meta_caps[0]; i++)
		if (!strcmp(key, meta_caps[i].key))
			return meta_caps[i].bytes;
	return 0;
}

int rl_meta_check(const char *kind, const char *key, const char *value,
                  char *err, size_t errlen)
{
	size_t cap = rl_meta_cap(kind, key);
	size_t len = strlen(value);
	char size[64];
	if (!cap || len < cap)
		return 0;
	snprintf(err, errlen, "[meta] %s: %s; at most %zu bytes", key,
	         rl_utf8_bytes(value, len, size, sizeof size), cap - 1);
	return -1;
}
