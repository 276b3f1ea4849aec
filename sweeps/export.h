/*
** export.h: a sweep run out of its database as CSV or JSON, streamed row
** by row (for tools that do not read SQLite).
*/
#ifndef RL_SWEEP_EXPORT_H
#define RL_SWEEP_EXPORT_H

#include <stdint.h>
#include <stdio.h>

enum { RL_EXPORT_CSV = 0, RL_EXPORT_JSON };

/* Write run `run_id` (0: the newest) of the database to out; *run_id_out
** the run written and *missing the points it lacks though marked complete
** (rl_store_run_missing).  Returns RL_OK, or RL_EINPUT (no such database
** or run) / RL_EINTERNAL with a message in err. */
int rl_sweep_export(const char *db_path, int64_t run_id, int format,
                    FILE *out, int64_t *run_id_out, uint64_t *missing,
                    char *err, size_t errlen);

#endif
