/*
** export.h: a sweep run out of its database as CSV, JSON or JSON Lines,
** streamed row
** by row (for tools that do not read SQLite).
*/
#ifndef RL_SWEEP_EXPORT_H
#define RL_SWEEP_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "spec.h"

/* RL_EXPORT_CSV_UNITS: CSV whose header gives each column's unit after
** its name, "power_watts (W)" (run_columns.unit, as plot axes label it);
** RL_EXPORT_CSV's header is the column names alone, which scripts key on.
** RL_EXPORT_JSONL: JSON Lines, the JSON's {"run": ..., "columns": ...} as
** its first line, then each point's object (the JSON's points[i]) on a
** line of its own, for a reader that streams them */
enum { RL_EXPORT_CSV = 0, RL_EXPORT_JSON, RL_EXPORT_CSV_UNITS,
       RL_EXPORT_JSONL };

/* What an export found of its run besides the rows: the points it lacks
** though marked complete (rl_store_run_missing), or, where it is not
** marked complete (a sweep still writing it, or one stopped), how many
** points of its shard lie below its next_idx (done) of the shard's (of). */
typedef struct {
	uint64_t missing;
	int unfinished;
	uint64_t done, of;
	/* where missing or unfinished: the command that completes the run
	** (rl_store_resume_command) */
	char resume[2400];
	/* the file's other runs, where it holds more than the one written:
	** how many, and "run 1 (my.ini), ..." (the first 8) */
	uint64_t others;
	char other_runs[600];
	/* the run's [base] and [baseline] profiles fitted on another chip's
	** rows, as sweep said it (rl_store_run_fit: "" none), how many */
	int nfit;
	char fit[2][RL_SWEEP_FIT_NOTE_MAX];
	/* their profiles of software the chip's preset does not name, as
	** sweep said it (rl_store_run_software: "" none) */
	char software[2][RL_SWEEP_SOFTWARE_NOTE_MAX];
	/* where the run does not record the former (0, 1) or the latter
	** (2, 3: an earlier rooflab's), and its chip and profile
	** (rl_store_run_fit_unrecorded) */
	int fit_unrec[4];
	char chip[256], profile[256];
} rl_export_state;

/* Write run `run_id` (0: the newest) of the database to out; *run_id_out
** the run written, *state what it found.  Returns RL_OK, or RL_EINPUT (no
** such database or run) / RL_EINTERNAL with a message in err. */
int rl_sweep_export(const char *db_path, int64_t run_id, int format,
                    FILE *out, int64_t *run_id_out, rl_export_state *state,
                    char *err, size_t errlen);

#endif
