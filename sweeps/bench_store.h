/*
** bench_store.h: the sweep storage benchmark that `make bench` runs
** (called from tests/bench.c).
*/
#ifndef RL_SWEEP_BENCH_STORE_H
#define RL_SWEEP_BENCH_STORE_H

#include <stdio.h>

/* Measure, on a 1,000,000-point grid: points/s of evaluation alone (one
** thread and all cores), of a full sweep into SQLite (evaluation with all
** cores + one writer), and of a bare SQLite loop inserting the same rows
** with one prepared statement in one transaction; print the ratio of the
** sweep's time to the bare loop's (target <= 1.3) and the peak memory
** after 100,000 and after 1,000,000 points.  Returns 0, or 1 on failure
** (with a message on out). */
int rl_bench_store(FILE *out);

/* Measure, on the same 1,000,000-point grid stored by a sweep: points/s of
** `rooflab export` in CSV and in JSON (to /dev/null), and of a bare SQLite
** SELECT of the same rows in index order fetching each value as its type,
** the floor; print each export's time over the floor's.  The faster of two
** rounds counts.  Returns 0, or 1 on failure (with a message on out). */
int rl_bench_export(FILE *out);

#endif
