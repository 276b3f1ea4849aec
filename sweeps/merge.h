/*
** merge.h: combine the shard databases of one sweep into one database
** whose points are identical to those of an unsharded run.
*/
#ifndef RL_SWEEP_MERGE_H
#define RL_SWEEP_MERGE_H

#include <stddef.h>

/* Merge the runs in parts[0..nparts) (of each file, the newest run of each
** shard) into a new database `out` (written to a temporary file and renamed
** at the end).  Refuses shards of different specs, a shard given twice, a
** missing or unfinished shard, and an existing `out` unless force.
** Returns RL_OK, or RL_EINPUT (bad input) / RL_EINTERNAL with a message. */
int rl_sweep_merge(const char *out, const char *const *parts, int nparts,
                   int force, char *err, size_t errlen);

#endif
