/*
** store.h: the SQLite database of sweep results.
**
**   runs        one row per sweep run: the spec (text and hash), rooflab
**               version and git revision, start and end time, sampling and
**               seed, the number of design points, the shard (I of N),
**               next_idx (every point of the shard below it is stored: the
**               place a resume continues from), the base presets, the
**               baseline throughputs, and dropped: how many of the shard's
**               points below dropped_below its [filter] dropped (0
**               without one), valid while dropped_below = next_idx; NULL
**               (unknown) in a run of a file made before the column, until
**               a resume counts them (an older rooflab that goes on with
**               the run moves next_idx alone, which leaves it invalid).
**   run_columns the point columns of each run: name, source (axis, output,
**               speedup), dotted name and unit.
**   points      run_id, idx, status (0, or the rl_eval error code; -1 when
**               an axis value was refused), then one column per swept
**               parameter and kept output; UNIQUE(run_id, idx).  Columns
**               are the union over the runs in the file; a run fills its own.
**   results     a view: points joined with their run's presets.
**
** Parameters are in their display unit (the unit in their name); outputs in
** the SI unit of the output table; enum values as text.  A file is marked
** with PRAGMA application_id and user_version; any other file is refused
** and left untouched.
*/
#ifndef RL_SWEEP_STORE_H
#define RL_SWEEP_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "../config/dbfile.h"
#include "spec.h"

#define RL_SWEEP_APP_ID RL_DB_APP_SWEEP /* "RLSW" (dbfile.h) */
#define RL_SWEEP_SCHEMA_VERSION 1

/* The mark of sweep databases (dbfile.h), for the readers' checks. */
extern const rl_db_kind rl_sweep_db_kind;
#define RL_SWEEP_BUSY_MS 10000

/* Open (creating if need be) a sweep database for writing, or an existing
** one read-only.  Returns RL_OK, or an rl_status (RL_EINPUT: not a rooflab sweep
** database, older schema, locked; 1: internal) with a message. */
int rl_store_open(const char *path, int readonly, int busy_ms, sqlite3 **db,
                  char *err, size_t errlen);

/* 0 where the spec's path fits runs.spec_path once made absolute from
** the working folder (a relative path is recorded so, for merge's and
** export's hints in another folder); else -1 with the message, which the
** sweep refuses (exit 2) before it opens the database, where the path was
** recorded as given, relative. */
int rl_store_spec_path_check(const rl_sweep_spec *s, char *err,
                             size_t errlen);

/* The calls below name the step that failed in their messages ("reading
** runs: no such table: runs"), not the file: the caller puts the path it
** opened in front (rl_store_open's own messages name it already). */

/* Message for an SQLite failure on db: a UNIQUE or PRIMARY KEY conflict
** as "another process is writing the same points" (two sweeps of one
** shard), anything else as rl_db_error says it ("disk full", "locked", a
** CHECK or trigger of the database's own in SQLite's words). */
void rl_store_error(sqlite3 *db, int rc, const char *what, char *err,
                    size_t errlen);

/* The run a resume of shard I/N continues: the unfinished run of that
** shard and of the spec whose hash is want_hash (a file holds many runs:
** a newer run of another spec does not hide it), else that spec's newest
** finished run, else the shard's newest run of another spec (unfinished
** first), which the caller refuses; with want_id > 0 the run of that id
** alone.  run_id 0 when none.  others counts the other unfinished runs of
** the spec and shard (a choice that is not unique; other_id the newest of
** them).  build is "VERSION (git REV)" of the rooflab that started it, as
** rl_store_build writes this one's. */
#define RL_STORE_BUILD_LEN 160
typedef struct {
	int64_t run_id;
	int finished;
	uint64_t next_idx;
	char hash[17];
	int same_spec; /* its spec_hash is want_hash, in full */
	/* its spec's text is want_text, byte for byte: of another hash, the
	** same file resolved otherwise (a preset edited, or the [base] that
	** names no profile took another default: profile says which) */
	int same_text;
	char profile[128];
	/* its [baseline]'s profile (runs.baseline_profile), baseline_known 0
	** where the run recorded none: no [baseline], or a run made before
	** the column */
	int baseline_known;
	char baseline_profile[128];
	char build[RL_STORE_BUILD_LEN];
	int64_t other_id;
	uint64_t others;
} rl_store_found;
int rl_store_find_run(sqlite3 *db, uint64_t shard, uint64_t shards,
                      const char *want_hash, const char *want_text,
                      int64_t want_id, rl_store_found *f, char *err,
                      size_t errlen);

/* The newest run of the spec whose hash is want_hash at another shard
** count than `shards` (a file of shard 2/4 that a resume without --shard,
** shard 0/1, was pointed at), where the file holds none of `shards`: its
** id (0: none, or the file holds a run of the spec at `shards` too, as one
** file holding every shard of a sweep does), shard index and count, and
** how many such runs there are.  RL_OK or an rl_status with err. */
typedef struct {
	int64_t run_id;
	uint64_t shard, shards;
	uint64_t count;
} rl_store_other_shard;
int rl_store_find_other_shards(sqlite3 *db, uint64_t shards,
                               const char *want_hash,
                               rl_store_other_shard *f, char *err,
                               size_t errlen);

/* The builds that wrote a merged run's parts (run_parts, written by
** merge), where they are more than one (merge --allow-mixed-builds, which
** records the run's version or git_rev as "mixed", no build's): "shards 0,
** 1 of 4 by rooflab V (git R); shard 2 of 4 by rooflab ..." into out,
** and *nbuilds their count (every build, those whose words do not fit
** too).  A build's shard list past 160 bytes is cut after a whole index
** and ends ", ... (N shards)"; the builds whose words do not fit outlen
** whole are left out and "; ..." ends the words, so that a cut shows
** (where the words stopped at outlen, inside a number).  0 (out "") where the run
** has no run_parts or one build wrote them all.  RL_OK or an rl_status
** with err. */
int rl_store_part_builds(sqlite3 *db, int64_t run_id, char *out,
                         size_t outlen, int *nbuilds, char *err,
                         size_t errlen);

/* This rooflab's build in find_run's form into build (RL_STORE_BUILD_LEN). */
void rl_store_build(char *build);

/* How many points run_id holds of shard I/N with index in [lo, hi) (*n),
** and their indexes in [lo, hi) ascending (at most cap of them into idx,
** *n how many): what a resume checks against next_idx (store.h's
** promise, every point of the shard below it stored, none at or past
** it).  RL_OK or an rl_status. */
int rl_store_count_range(sqlite3 *db, int64_t run_id, uint64_t shard,
                         uint64_t shards, uint64_t lo, uint64_t hi,
                         uint64_t *n, char *err, size_t errlen);
int rl_store_indexes(sqlite3 *db, int64_t run_id, uint64_t shard,
                     uint64_t shards, uint64_t lo, uint64_t hi, uint64_t *idx,
                     size_t cap, size_t *n, char *err, size_t errlen);

/* How many points run_id lacks when it is marked complete (its rows of
** its shard below its point count, against the points of its shard):
** for a readers' warning (export, plot, report) that the file was cut
** short or altered, and `rooflab sweep --resume` fills them; a part whose
** points were renumbered into another shard's lacks its own.  0 when it
** is not complete, when its spec has a [filter] (the points a filter drops
** are stored nowhere, so a short count tells nothing), or when the run
** cannot be read.  rl_store_run_missing_rows counts every row of the run
** below its point count, its shard's or not, against the same number:
** merge's check, which leaves a part renumbered into another's to the
** copy that names the point two parts hold ("point 0 is in another part
** too"), the clearer message for it. */
uint64_t rl_store_run_missing(sqlite3 *db, int64_t run_id);
uint64_t rl_store_run_missing_rows(sqlite3 *db, int64_t run_id);

/* The command that resumes run_id of the database at db_path, as a
** reader's warning gives it: "rooflab sweep SPEC --db FILE --shard I/N
** --resume --run ID" (--shard where the run is a shard of more than one),
** the spec by the path the run recorded and both paths quoted as sh reads
** them back (rl_sh_word), into buf (len bytes; "SPEC" where the run
** records no path).  Where the run's row cannot be read, the command
** without the spec's path and shard: "rooflab sweep SPEC --db FILE
** --resume --run ID". */
void rl_store_resume_command(sqlite3 *db, int64_t run_id,
                             const char *db_path, char *buf, size_t len);

/* Whether run_id is not marked complete (a sweep still writing it, or one
** stopped): 1 and, into *done and *of, the points of its shard below its
** next_idx and all its shard's (both 0 where its row does not read as a
** shard's: altered by hand); 0 when it is complete or cannot be read.  For
** the readers' warning that the rows are those stored so far. */
int rl_store_run_progress(sqlite3 *db, int64_t run_id, uint64_t *done,
                          uint64_t *of);

/* The notes sweep stored with run run_id where its [base]'s profile, and
** its [baseline]'s, was fitted on another chip's rows (runs.profile_fit,
** baseline_profile_fit, in eval's words): into fit[0] and fit[1], each ""
** where there is none (the profile fitted on that chip, not looked up, or
** a file made before the columns), cut to RL_SWEEP_FIT_NOTE_MAX bytes;
** how many are not "".  For the readers' note (export, report); a read
** that fails leaves them "". */
int rl_store_run_fit(sqlite3 *db, int64_t run_id,
                     char fit[2][RL_SWEEP_FIT_NOTE_MAX]);

/* The bytes rl_store_fit_words needs for either kind of note whole: the
** longer note and "run N's [baseline]: " (at most 20 digits) before it. */
#define RL_SWEEP_NOTE_WORDS_MAX                                              \
	((RL_SWEEP_FIT_NOTE_MAX > RL_SWEEP_SOFTWARE_NOTE_MAX                     \
	      ? RL_SWEEP_FIT_NOTE_MAX                                            \
	      : RL_SWEEP_SOFTWARE_NOTE_MAX) +                                    \
	 64)

/* The readers' words for fit[k] of run run_id (rl_store_run_fit): "run 3's
** [base]: WORDS" (k 0) or "run 3's [baseline]: WORDS" (k 1), no capital,
** no full stop, into buf (len bytes); returns buf.  One sentence for
** export's note on stderr and the report's under the sweep's heading,
** which each wrote in their own loop; the software notes
** (rl_store_run_software) are said in the same sentence. */
const char *rl_store_fit_words(int64_t run_id, int k, const char *fit,
                               char *buf, size_t len);

/* Where run run_id does not record whether its [base]'s profile (k 0),
** or its [baseline]'s (k 1), was fitted on another chip's rows:
** unrec[k] 1 where runs.profile_fit (baseline_profile_fit) is NULL or the
** file has no such column (a run an earlier rooflab made, or one whose
** measurements could not be read when it ran); where it does not record
** whether the [base]'s (k 2) or [baseline]'s (k 3) profile is of software
** its chip's preset does not name, unrec[k] 1 alike (runs.software_note,
** baseline_software_note NULL or not there: an earlier rooflab's run,
** where a run today stores "" for none); the [baseline] only where
** the run has one (its throughputs not NULL); the run's chip and profile
** into chip and profile (len bytes each, "" where NULL).  1, or 0 with
** unrec 0 where the run cannot be read.  For the readers' note
** (plots/runfit.h), where a run recording none read as validated. */
int rl_store_run_fit_unrecorded(sqlite3 *db, int64_t run_id, int unrec[4],
                                char *chip, char *profile, size_t len);

/* The same for the notes sweep stored where the [base]'s profile, and
** the [baseline]'s, is of software its chip's preset does not name
** (runs.software_note, baseline_software_note, in eval's words): into
** sw[0] and sw[1], "" where none. */
int rl_store_run_software(sqlite3 *db, int64_t run_id,
                          char sw[2][RL_SWEEP_SOFTWARE_NOTE_MAX]);

/* The run's count of points its [filter] dropped below its next_idx, into
** *dropped: 1 when it is known (recorded and valid), 0 when not (a file
** made before the count, an older rooflab's writes, or no such run); a
** run marked complete with a known count tells a short count from lost
** points (rl_store_run_missing), and a resume need not walk it. */
int rl_store_run_dropped(sqlite3 *db, int64_t run_id, uint64_t *dropped);

/* Of the points a [filter] dropped, those it could not answer: an output
** it reads has no value (NaN) at the point (rl_sweep_filter_keep,
** filter.h: a point whose evaluation failed has none), by its status: 3
** (did not fit), 4 (over its TDP at every clock: no throughput), another
** (0 among them: a served point has no power.lowest_clock_watts, a value
** only over the TDP at every clock, nor a price its preset does not
** give).  Kept in
** runs.dropped_nofit, dropped_over_tdp and dropped_inval (these names, in
** this order), valid where `dropped` is and not NULL (NULL in a run an
** older rooflab made or went on with). */
#define RL_STORE_UNANSWERED 3
extern const char *const rl_store_unanswered_cols[RL_STORE_UNANSWERED];
/* the index into them of a point of this rl_eval status (0: the last) */
#define RL_STORE_UNANSWERED_KIND(status) \
	((status) == 3 ? 0 : (status) == 4 ? 1 : 2)

/* The highest of the codes a point's status holds, rl_eval's
** (model/engine.h, sweeps/README.md "Status and NULL"): 0 RL_OK, 1
** RL_EINTERNAL (the model's own failure, "internal: ..."), 2 RL_EINVAL,
** 3 RL_ENOFIT, 4 RL_EPOWER.  Export and merge refuse a status outside 0
** to this, as a database altered by hand. */
#define RL_STORE_STATUS_MAX 4

/* The run's counts of those into out[RL_STORE_UNANSWERED]: 1 when known
** (as rl_store_run_dropped, every one recorded and their sum at most the
** points dropped), 0 when not (out all 0). */
int rl_store_run_unanswered(sqlite3 *db, int64_t run_id, uint64_t *out);

/* Record it (a resume that counted the points dropped below `below`, its
** next_idx, and of them those unanswered, RL_STORE_UNANSWERED counts or
** NULL for none; nothing where the run's next_idx is no longer `below`).
** RL_OK or an rl_status. */
int rl_store_set_dropped(sqlite3 *db, int64_t run_id, uint64_t dropped,
                         const uint64_t *unanswered, uint64_t below,
                         char *err, size_t errlen);

/* A run marked complete whose next_idx is not its point count (npoints,
** as rl_store_finish_run left it): a hand edit.  next_idx set back to
** npoints and the count of dropped points made unknown (NULL), since it
** was kept below another index, for the resume to count again; nothing
** where next_idx is npoints.  RL_OK or an rl_status. */
int rl_store_repair_complete(sqlite3 *db, int64_t run_id, uint64_t npoints,
                             char *err, size_t errlen);

/* Add runs.dropped and dropped_below to a file made before them (NULL for
** its runs: unknown), in a transaction of its own; nothing when they are
** there.  RL_OK or an rl_status. */
int rl_store_add_drop_columns(sqlite3 *db, char *err, size_t errlen);

/* Add the columns a spec needs (ALTER TABLE ADD COLUMN) and a new run row
** with its run_columns.  RL_OK or an rl_status. */
int rl_store_new_run(sqlite3 *db, const rl_sweep_spec *s, uint64_t shard,
                     uint64_t shards, int64_t *run_id, char *err,
                     size_t errlen);

/* Mark the run finished (next_idx = its point count, end time), every
** point of its shard committed; the dropped count stays valid only if it
** was kept up to the last commit. */
int rl_store_finish_run(sqlite3 *db, int64_t run_id, uint64_t npoints,
                        char *err, size_t errlen);

/* Create the schema in a fresh database (used by merge).  RL_OK or an rl_status. */
int rl_store_init_schema(sqlite3 *db, char *err, size_t errlen);

/* What each column means, in the database itself: the table column_docs
** (name, doc: this build's words, rl_sweep_column_doc, for every column
** of run_columns it knows) and the view run_columns_doc (run_columns with
** its doc), made where missing and filled (a newer build's words replace
** an older's).  Apart from run_columns, whose rows an earlier rooflab
** inserts by position: a column added there would break its writes to
** the file.  In the caller's transaction; an SQLite code. */
int rl_store_column_docs(sqlite3 *db);

#endif
