/*
** storewriter.h: the points of a sweep run written to its database
** (store.h: the schema, runs and their next_idx).
*/
#ifndef RL_SWEEP_STOREWRITER_H
#define RL_SWEEP_STOREWRITER_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "spec.h"
#include "store.h"

/* Rows of a run: one prepared INSERT, batched in transactions.  next_idx
** is the run's as the caller read it (0 for a new run): each commit
** moves it only from the value the writer's last commit left (from
** next_idx for the first), so a commit after another process moved it
** (two sweeps of one run at once) is refused, where one whose points the
** filter all dropped would have stored nothing to conflict and added its
** drops to runs.dropped a second time. */
typedef struct rl_store_writer rl_store_writer;

/* The writer into *out: 0; RL_EINPUT when its statements cannot be
** prepared on this file's tables (a points table of other columns, or
** none: a file edited by hand), RL_EINTERNAL when out of memory, *out
** NULL and err said on both. */
int rl_store_writer_alloc(sqlite3 *db, const rl_sweep_spec *s,
                          int64_t run_id, uint64_t next_idx,
                          rl_store_writer **out, char *err, size_t errlen);
void rl_store_writer_free(rl_store_writer *w);

/* Begin a batch, add rows (row: one value per spec column), then commit
** with the run's next_idx and how many points below it, from the last
** commit's next_idx on, the filter dropped (added to runs.dropped where
** that is valid) and, of those, how many it could not answer
** (RL_STORE_UNANSWERED counts by status, store.h; NULL: none); a failed
** commit rolls the batch back, as does one that finds next_idx moved by
** another process (RL_EINPUT). */
int rl_store_writer_begin(rl_store_writer *w, char *err, size_t errlen);
int rl_store_writer_add(rl_store_writer *w, uint64_t idx, int status,
                        const double *row, char *err, size_t errlen);
int rl_store_writer_commit(rl_store_writer *w, uint64_t next_idx,
                           uint64_t dropped, const uint64_t *unanswered,
                           char *err, size_t errlen);
void rl_store_writer_rollback(rl_store_writer *w);

#endif
