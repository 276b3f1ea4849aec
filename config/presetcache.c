/*
** presetcache.c: presets, labels and setups resolved once per name for a
** run (presetcache.h).  Keys are strings, "what" and each name after a
** unit separator and its length ("setup:profile:chip\x1f11:trtllm-0.10
** \x1f8:h100-sxm": no two lists of names make one key), interned in a
** strpool whose tag indexes the entry of the key.
*/
#include "presetcache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strpool.h"

typedef struct {
	const char *value;  /* preset_cache_put's; NULL for none */
	int put;            /* 1: value was put */
	int exists;         /* preset_cache_exists' answer, -1 not asked */
	rl_setup *st;       /* preset_cache_setup's setup, NULL for none */
	int rc;             /* its status */
	char *err;          /* and its message (malloc'd) */
} entry;

struct preset_cache {
	strpool *keys;      /* tag: index into entries */
	strpool *values;    /* the strings put */
	entry *entries;
	size_t n, cap;
};

preset_cache *preset_cache_new(void)
{
	preset_cache *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->keys = strpool_new();
	c->values = strpool_new();
	if (!c->keys || !c->values) {
		preset_cache_free(c);
		return NULL;
	}
	return c;
}

void preset_cache_free(preset_cache *c)
{
	size_t i;
	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->entries[i].st);
		free(c->entries[i].err);
	}
	free(c->entries);
	strpool_free(c->keys);
	strpool_free(c->values);
	free(c);
}

/* The entry of a key (key_of), made (zeroed, exists
** -1: not asked yet) when new; NULL when out of memory or the key does
** not fit. */
static entry *entry_of(preset_cache *c, const char *key)
{
	int old;
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		entry *e = realloc(c->entries, cap * sizeof *e);
		if (!e)
			return NULL;
		c->entries = e;
		c->cap = cap;
	}
	if (!strpool_add(c->keys, key, (int)c->n, &old))
		return NULL;
	if (old >= 0)
		return &c->entries[old];
	memset(&c->entries[c->n], 0, sizeof c->entries[c->n]);
	c->entries[c->n].exists = -1;
	return &c->entries[c->n++];
}

/* what and the names, each after a unit separator and its length, into
** key (strpool_key); 0, or -1 when they do not fit (not cached then). */
static int key_of(char *key, size_t len, const char *what, int n,
                  const char *const *names)
{
	return strpool_key(key, len, what, n, names) < len ? 0 : -1;
}

int preset_cache_exists(preset_cache *c, const char *kind, const char *name)
{
	char path[1024], err[64], key[2048], what[32];
	entry *e;
	if (c) {
		snprintf(what, sizeof what, "exists:%s", kind);
		if (key_of(key, sizeof key, what, 1, &name))
			c = NULL;
	}
	if (!c)
		return preset_path(kind, name, path, sizeof path, err,
		                   sizeof err) == 0;
	if (!(e = entry_of(c, key)))
		return preset_path(kind, name, path, sizeof path, err,
		                   sizeof err) == 0; /* not cached */
	if (e->exists < 0)
		e->exists = preset_path(kind, name, path, sizeof path, err,
		                        sizeof err) == 0;
	return e->exists;
}

int preset_cache_get(preset_cache *c, const char *what, const char *key,
                     const char **value)
{
	char k[2048];
	entry *e;
	if (!c || key_of(k, sizeof k, what, 1, &key) || !(e = entry_of(c, k)) ||
	    !e->put)
		return 0;
	*value = e->value;
	return 1;
}

const char *preset_cache_put(preset_cache *c, const char *what,
                             const char *key, const char *value, int *oom)
{
	char k[2048];
	entry *e;
	if (!c || key_of(k, sizeof k, what, 1, &key))
		return value;
	if (!(e = entry_of(c, k)) ||
	    (value && !(value = strpool_add(c->values, value, 0, NULL)))) {
		*oom = 1;
		return NULL;
	}
	e->value = value;
	e->put = 1;
	return value;
}

/* The uncached loads (setup_init, then each preset in turn). */
static int load_all(int n, const char *const *kinds, const char *const *names,
                    rl_setup *st, char *err, size_t errlen)
{
	int i, rc = 0;
	setup_init(st);
	for (i = 0; i < n && !rc; i++)
		rc = setup_load(st, kinds[i], names[i], err, errlen);
	return rc;
}

int preset_cache_setup(preset_cache *c, int n, const char *const *kinds,
                       const char *const *names, rl_setup *st, char *err,
                       size_t errlen)
{
	char key[4096], what[64] = "setup";
	entry *e;
	int i, rc;
	size_t used = strlen(what);
	for (i = 0; i < n && used < sizeof what; i++)
		used += (size_t)snprintf(what + used, sizeof what - used, ":%s",
		                         kinds[i]);
	if (!c || used >= sizeof what || key_of(key, sizeof key, what, n, names) ||
	    !(e = entry_of(c, key)))
		return load_all(n, kinds, names, st, err, errlen);
	if (e->st) {
		*st = *e->st;
		if (e->rc)
			snprintf(err, errlen, "%s", e->err);
		return e->rc;
	}
	/* the message into the caller's err, as the uncached call writes
	** it (where a buffer of the cache's own cut one of more than 1 KiB
	** that err held whole) */
	if (errlen)
		err[0] = '\0';
	rc = load_all(n, kinds, names, st, err, errlen);
	/* an allocation that failed is tried again, not remembered; nor is a
	** failure whose message err may not hold whole (its last byte
	** reached: cut, perhaps) */
	if (rc == RL_EINTERNAL || (rc && (!errlen || strlen(err) + 1 >= errlen)))
		return rc;
	if (!(e->st = malloc(sizeof *e->st)) ||
	    (rc && !(e->err = malloc(strlen(err) + 1)))) {
		free(e->st);
		e->st = NULL;
		return rc; /* not kept: the next call loads again */
	}
	*e->st = *st;
	e->rc = rc;
	if (rc)
		strcpy(e->err, err);
	return rc;
}
