/*
** runids.h: the runs a sweep database holds, in words, for the message
** of a reader given a --run the file does not have ("s.db has no run 3;
** its runs: 1, 2").
*/
#ifndef RL_SWEEP_RUNIDS_H
#define RL_SWEEP_RUNIDS_H

#include <stddef.h>
#include <sqlite3.h>

/* "; its runs: 1, 2" (the ids of the runs table in order, at most eight,
** then "... (12 runs in all)"), or "; it holds no run" where the table is
** empty, into buf (len bytes); "" where the runs cannot be read (no runs
** table: a file another tool made).  buf is returned. */
char *rl_store_run_ids_words(sqlite3 *db, char *buf, size_t len);

#endif
