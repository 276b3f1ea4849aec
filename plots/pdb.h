/*
** pdb.h: read what `rooflab claim`, `rooflab validate` and `rooflab sweep`
** stored in SQLite (claim/schema.h, the sweep's `results` view), for the
** plots and the report.  Opens databases read-only; picks the newest run
** unless one is asked for; says which command makes a missing run.
*/
#ifndef RL_PDB_H
#define RL_PDB_H

#include <stddef.h>
#include <sqlite3.h>

#include "../model/status.h"

/* Functions that can fail return an rl_status (model/status.h), with
** PDB_UNREAD set when the database failed to read (below). */

/* The header of a claim run (claim_runs). */
typedef struct {
	long id;
	char created[64], version[64], git_rev[64];
	char a_label[128], b_label[128], scenario[256];
	double target;          /* the claimed speedup, 20 */
	double speedup_total;   /* NAN when not stored */
	double speedup_output;
} pdb_claim;

/* A validation run (validation_runs).  rows_of: whose rows it is over,
** as validate --db records them (validation_runs.rows_of): PDB_ROWS_SHIPPED,
** PDB_ROWS_FILE (file the --measurements name, as given) or
** PDB_ROWS_UNRECORDED (a run written before the columns, rows_of NULL:
** never guessed).  A value validate never writes there (rows_of other
** than 'shipped' or 'file', or not text; measurements_file other than
** NULL beside 'shipped', other than a name beside 'file') is no run to
** draw: pdb_validation_run refuses it, RL_EINPUT | PDB_UNREAD, "PATH:
** cannot read: validation_runs.rows_of of validation run N holds ...",
** as the report does (one behaviour: exit 2). */
enum { PDB_ROWS_UNRECORDED, PDB_ROWS_SHIPPED, PDB_ROWS_FILE };
typedef struct {
	long id;
	char created[64], profile[128], file[256];
	double median_abs_error, p90_abs_error;
	long rows;
	int rows_of;
} pdb_validation;

/* The longest slice of a sweep (pdb_sweep.slice), and the longest WHERE
** clause plot_sweep_where writes with it. */
#define PDB_SLICE_LEN 800
#define PDB_WHERE_LEN (PDB_SLICE_LEN + 96)

/* A sweep: how to select its rows of the `results` view. */
typedef struct {
	char run_col[32];  /* "run_id" or "run"; "" when the view has none */
	long run;          /* its value, when run_col is set */
	const char *path;  /* the database, for messages */
	unsigned long long missing; /* points a run marked complete lacks
	                   ** (rl_store_run_missing; 0 when none or unknown) */
	int unfinished;    /* not marked complete (rl_store_run_progress) */
	/* the run's shard (runs.shard_index, shard_count): a count over 1 is
	** one shard of a sweep not merged, one in shard_count of its points */
	long shard_index, shard_count;
	unsigned long long done, of; /* then: its shard's points done, all */
	/* no --run: a newer run of the file (runs table) that stored no point
	** (its filter dropped all), which the newest with points was taken
	** in place of; 0 none.  Why, in words, for the plots' refusal. */
	long newer_empty;
	char newer_empty_why[512];
	/* the slice of plot --at: " AND \"col\" = VALUE" for each, VALUE a
	** number as stored (%.17g) or a choice's name from the parameter
	** table, never the user's text (plot_sweep_at); "" for the whole
	** run.  at_words: "scenario.isl=1024, scenario.osl=128" */
	char slice[PDB_SLICE_LEN];
	char at_words[400];
} pdb_sweep;

/* Open an existing database read-only; RL_EINPUT when it is missing or
** not a database, RL_EINTERNAL ("PATH: cannot read: out of memory") where
** SQLite could not be given the memory to open or read it. */
int pdb_open(const char *path, sqlite3 **db, char *err, size_t errlen);

/* Whether a table or view of that name exists in the database at path:
** RL_OK with *found 1 or 0, or pdb_unread's status and message when the
** schema cannot be read (a writer holds the file locked, it is damaged),
** never taken for "absent". */
int pdb_has(sqlite3 *db, const char *path, const char *name, int *found,
            char *err, size_t errlen);

/* Whether table (or view) `table` of the database at path has a column
** `col`: RL_OK with *found 1 or 0, or pdb_unread's status and message
** when that cannot be read. */
int pdb_has_column(sqlite3 *db, const char *path, const char *table,
                   const char *col, int *found, char *err, size_t errlen);

/* Prepare a statement on the database at path: RL_OK, or pdb_unread's
** status and message (a table or column missing from a file altered by
** hand, a damaged file). */
int pdb_prepare(sqlite3 *db, const char *path, const char *sql,
                sqlite3_stmt **st, char *err, size_t errlen);

/* Column helpers: the text ("" for NULL) and the number (NAN for NULL). */
/* SQL that holds for a column's finite numbers: NaN is stored as NULL, and
** text and the infinities fall outside the doubles' range. */
#define PLOT_FINITE "BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308"

/* SQL that holds for a design point of a sweep that breaks no physical
** constraint (silicon.violations 0; a NULL is a point whose constraints
** were not stored: kept), for the Pareto plot and the heatmap's best. */
#define PLOT_BUILDABLE "coalesce(\"silicon_violations\", 0) = 0"

/* Finalize st after a loop over its rows: RL_OK, or pdb_unread's status
** and message when its last step failed (a damaged page, a crafted view),
** so that nothing is drawn from the rows read before the failure as if
** they were all. */
int pdb_finish(sqlite3_stmt *st, const char *path, char *err, size_t errlen);

/* PDB_UNREAD is set in the status of a failure to read a database
** (pdb_unread's, and so of every function here and of a plot kind that
** passes it on), never in one that says the data are not there (no run,
** no rows, no such column): a caller tells the two apart by the status,
** not by the message (the report fails on the one, notes the other).
** pdb_exit(rc) is the rl_status without it, for an exit status. */
#define PDB_UNREAD 0x100
int pdb_exit(int rc);
int pdb_is_unread(int rc);

/* A query on the database at path failed with SQLite's code rc: "PATH:
** cannot read: MESSAGE" in err (SQLite's message for db's last failure;
** rc's own words when db is NULL), and the exit status rl_db_exit(rc)
** with PDB_UNREAD set. */
int pdb_unread(sqlite3 *db, int rc, const char *path, char *err,
               size_t errlen);

/* Column col's text into buf ("" for NULL).  The texts rooflab writes fit
** the buffers its readers give (labels 127, sources 319, names 127); a
** longer one (a database changed by hand) ends in "..." where it is cut
** (none in a buffer under 8 bytes), at a whole character as rl_utf8_cut
** takes it: never inside a well-formed sequence, a byte that begins none
** a character of its own. */
void pdb_text(sqlite3_stmt *st, int col, char *buf, size_t len);
double pdb_real(sqlite3_stmt *st, int col);
/* What a cell of SQLite type `type` (sqlite3_column_type) holds, in the
** words of a refusal where rooflab writes a number: "text", "a blob",
** "NULL"; `number` (the caller's words, or NULL) for INTEGER and REAL.
** One wording for the plots' and the report's messages. */
const char *pdb_cell_words(int type, const char *number);
/* Column col of a row of `table`, where rooflab writes a number (REAL or
** INTEGER; NULL for a NaN), into *v (NAN for NULL): RL_OK; text or a blob
** there (a database changed by hand, which SQLite's conversion reads as 0
** and pdb_real passed on, a bar drawn down to 0x) is RL_EINPUT with
** PDB_UNREAD and "PATH: cannot read: TABLE.COLUMN holds text, where
** rooflab writes a number" in err. */
int pdb_number(sqlite3_stmt *st, int col, const char *path,
               const char *table, double *v, char *err, size_t errlen);
/* pdb_number of a column rooflab never leaves NULL (the ends of a
** tornado row's range: claim writes the finite range it read): NULL is
** refused alike, "... holds NULL, where rooflab writes a number", and an
** infinity, "... holds inf, where rooflab writes a finite number". */
int pdb_needed(sqlite3_stmt *st, int col, const char *path,
               const char *table, double *v, char *err, size_t errlen);

/* The one number sql (with no parameters) gives on the database at path
** into *n (0 when it gives no row): RL_OK, or pdb_unread's status and
** message when it cannot be read. */
int pdb_count(sqlite3 *db, const char *path, const char *sql, long long *n,
              char *err, size_t errlen);

/* Rows of `table` for claim run `run` into *n (0 if the table is absent):
** RL_OK, or pdb_unread's status and message when they cannot be counted. */
int pdb_rows(sqlite3 *db, const char *path, const char *table, long run,
             long *n, char *err, size_t errlen);

/* The claim run `want` (0: the newest).  RL_EINPUT with a message naming
** `rooflab claim --db DBPATH` when there is none; RL_EINPUT | PDB_UNREAD
** naming claim_runs.target and claim's --target range where its target
** is not a number within that range (a database changed by hand). */
int pdb_claim_run(sqlite3 *db, const char *dbpath, long want, pdb_claim *c,
                  char *err, size_t errlen);

/* The validation run `want` (0: the newest), or RL_EINPUT naming
** `rooflab validate --db DBPATH`; both this and pdb_claim_run say "DBPATH:
** cannot read: REASON" (PDB_UNREAD set) when the run table is there but
** cannot be read, and this one too when its rows_of or measurements_file
** holds what validate never writes (pdb_validation, above). */
int pdb_validation_run(sqlite3 *db, const char *dbpath, long want,
                       pdb_validation *v, char *err, size_t errlen);

/* The sweep run `want` (0: the newest), or RL_EINPUT naming
** `rooflab sweep SPEC --db DBPATH`, or "DBPATH: cannot read: REASON"
** (PDB_UNREAD set) when `results` is there but cannot be read. */
int pdb_sweep_run(sqlite3 *db, const char *dbpath, long want, pdb_sweep *s,
                  char *err, size_t errlen);

/* Run `run`'s shard of rooflab's runs table into *index and *count
** (runs.shard_index, shard_count); 0 and 1, one shard, where the count
** is 1 or the run is not there (no runs table, no such row): a merged run
** is one.  A pair rooflab sweep does not write (not whole numbers, a count
** under 1, an index under 0 or not under the count: a database changed by
** hand) is RL_EINPUT | PDB_UNREAD, "DBPATH: cannot read: runs.shard_index
** and shard_count of sweep run RUN hold I and N, ..." in err. */
int pdb_sweep_shard(sqlite3 *db, const char *dbpath, long run, long *index,
                    long *count, char *err, size_t errlen);

/* A plot title's last line when the sweep run lacks points though marked
** complete ("\nrun 3 lacks 4 of its points: rooflab sweep --resume
** evaluates them") or is not finished ("\nrun 3 is not finished: 4 of its
** 8 points done"), and one more where the run is one shard of a sweep
** not merged ("\nshard 0/3 alone: one in 3 of the design points; rooflab
** merge ... joins the shards"), "" otherwise; buf of len bytes holds
** them. */
const char *pdb_missing_note(const pdb_sweep *s, char *buf, size_t len);

/* "chip.hbm_tbps" -> "chip_hbm_tbps" (a column name of `results`). */
void pdb_column_name(const char *dotted, char *buf, size_t len);

#endif
