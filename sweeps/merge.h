/*
** merge.h: combine the shard databases of one sweep into one database
** whose points are identical to those of an unsharded run.
*/
#ifndef RL_SWEEP_MERGE_H
#define RL_SWEEP_MERGE_H

#include <stddef.h>

/* Merge the runs of one sweep spec in parts[0..nparts) (of each file, the
** newest run of each shard of that spec) into a new database `out`
** (written to a temporary file and renamed at the end).  The spec is the
** one whose hash starts with `spec` or, where spec is NULL, the one every
** part holds a run of (a part may hold runs of other specs too); no such
** spec, or more than one, is refused naming them.  Refuses a part with no
** run of the spec, a shard given twice, a missing or unfinished shard,
** shards written by different rooflab builds (runs.version, git_rev)
** unless allow_mixed (then merged, the run's differing column "mixed"),
** and an existing `out` unless force.  Every shard's run, its build
** included, is listed in the merged file's run_parts.  Returns RL_OK, or RL_EINPUT (bad input)
** / RL_EINTERNAL with a message, or 128 + the signal (130, 143) where a
** SIGINT or SIGTERM came while it wrote: `out` not written, the temporary
** removed.  On RL_OK *st (where st is not NULL) says what it wrote. */
/* What a merge wrote, for its summary line. */
typedef struct {
	long long stored;      /* points copied into the merged run */
	long long points;      /* the spec's points, all shards */
	long long dropped;     /* of them, its [filter] dropped; -1 unknown */
	char hash[17];         /* the spec merged (runs.spec_hash) */
	char spec_path[1024];  /* its path as the first part's run recorded it */
	int builds;            /* the rooflab builds that wrote the shards */
	char mixed[40];        /* the runs columns "mixed" ("" for one build) */
} rl_merge_stats;

int rl_sweep_merge(const char *out, const char *const *parts, int nparts,
                   const char *spec, int force, int allow_mixed,
                   rl_merge_stats *st, char *err, size_t errlen);

#endif
