/*
** presetcache.h: what a run resolves over and over, resolved once per
** name: a preset's file found (preset_path), a label's preset (a measured
** row's chip or model column: chiplabel.h, modellabel.h) and a setup
** loaded from presets (profile, chip, model, and the node a chip names),
** so that `rooflab validate` on 10^6 rows of a few chips and models reads
** each preset file once, not four times a row.  The cache is an object the
** command owns (preset_cache_new, preset_cache_free; no global state), for
** one run: a preset file edited during the run is not read again.  Each
** call gives what the uncached call would (its messages too).
*/
#ifndef RL_PRESETCACHE_H
#define RL_PRESETCACHE_H

#include <stddef.h>

#include "setup.h"

typedef struct preset_cache preset_cache;

/* An empty cache, or NULL when out of memory. */
preset_cache *preset_cache_new(void);
/* Frees it (NULL: nothing). */
void preset_cache_free(preset_cache *c);

/* 1 when preset_path(kind, name) finds a file, else 0 (c NULL, or the
** answer not held for want of memory: asked again). */
int preset_cache_exists(preset_cache *c, const char *kind, const char *name);

/* The string remembered for (what, key) by preset_cache_put: 1 with *value
** (NULL where NULL was put), 0 when none was (c NULL: none). */
int preset_cache_get(preset_cache *c, const char *what, const char *key,
                     const char **value);
/* Remember value (NULL, or a string copied into the cache) for (what,
** key): the copy (value itself when NULL), or NULL with *oom set when out
** of memory (c NULL, or a key of 2 KiB or more: value itself, not
** copied nor remembered). */
const char *preset_cache_put(preset_cache *c, const char *what,
                             const char *key, const char *value, int *oom);

/* setup_init(st) and setup_load of each of the n presets (kinds[i],
** names[i]) in turn, stopping at the first that fails, as the uncached
** calls would: its status (0, -1 or RL_EINTERNAL) with its message in err.
** The setup and status of a list of names are kept (a failure too, but
** not RL_EINTERNAL, nor one whose message filled err: cut, perhaps) and
** copied out when the same list comes again. */
int preset_cache_setup(preset_cache *c, int n, const char *const *kinds,
                       const char *const *names, rl_setup *st, char *err,
                       size_t errlen);

#endif
