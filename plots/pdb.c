/*
** pdb.c: read claim, validation and sweep runs from SQLite (see pdb.h).
*/
#include "pdb.h"

#include <errno.h>
#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../claim/claim.h"
#include "../claim/schema.h"
#include "../config/dbfile.h"
#include "../config/regfile.h"
#include "../config/shword.h"
#include "../model/numtext.h"
#include "../model/utf8.h"
#include "../sweeps/runids.h"
#include "../sweeps/store.h"

/* what pdb_unread's message says after the path */
#define UNREAD ": cannot read: "

/* "PATH: cannot read: WHY" into err. */
static void cannot_read(const char *path, const char *why, char *err,
                        size_t errlen)
{
	snprintf(err, errlen, "%s" UNREAD "%s", path, why);
}

/* the kinds of file plot and report read (dbfile.h rl_db_newer_check) */
static const rl_db_kind *const newer_kinds[] = {&claim_db_kind,
                                                &rl_sweep_db_kind, NULL};

int pdb_open(const char *path, sqlite3 **db, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	rl_file_kind kind;
	int rc;
	*db = NULL;
	/* "" read as a file that is not there, whose fix "make one with
	** rooflab claim ... --db " named no file either */
	if (!*path) {
		snprintf(err, errlen, "a database needs a file name (an empty "
		         "name names no file)");
		return RL_EINPUT;
	}
	if (access(path, R_OK) != 0) {
		/* plot and report read claim, sweep and validation databases */
		if (errno == ENOENT)
			return rl_db_missing(NULL, path, "rooflab claim, sweep or "
			                     "validate --db", err, errlen);
		cannot_read(path, strerror(errno), err, errlen);
		return RL_EINPUT;
	}
	if ((kind = rl_not_regular(path))) {
		snprintf(err, errlen, "%s: not a regular file (%s)", path,
		         rl_file_kind_name(kind));
		return RL_EINPUT;
	}
	rc = rl_db_open_read(path, db);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(*db, "SELECT count(*) FROM sqlite_master",
		                        -1, &st, NULL);
	if (rc == SQLITE_OK) {
		/* (the step's own code, its SQLITE_NOMEM among them) */
		rc = sqlite3_step(st);
		rc = rc == SQLITE_ROW ? SQLITE_OK
		     : rc == SQLITE_DONE ? SQLITE_ERROR : rc;
	}
	if ((rc & 0xff) == SQLITE_NOMEM) {
		/* no fault of the file (exit 1), where it read as no rooflab
		** file (exit 2) */
		cannot_read(path, "out of memory", err, errlen);
		sqlite3_finalize(st);
		sqlite3_close(*db);
		*db = NULL;
		return RL_EINTERNAL;
	}
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s is not a rooflab file (not an SQLite "
		         "database, or a damaged one: %s); name a database that "
		         "rooflab claim, validate or sweep wrote",
		         path, *db ? sqlite3_errmsg(*db) : "cannot open");
		sqlite3_finalize(st);
		sqlite3_close(*db);
		*db = NULL;
		return RL_EINPUT;
	}
	sqlite3_finalize(st);
	/* a claim, validation or sweep file a later rooflab wrote: its
	** tables may mean what this build would misread */
	if ((rc = rl_db_newer_check(*db, path, newer_kinds, err, errlen))) {
		sqlite3_close(*db);
		*db = NULL;
		return rc;
	}
	sqlite3_busy_timeout(*db, 5000);
	return RL_OK;
}

int pdb_finish(sqlite3_stmt *st, const char *path, char *err, size_t errlen)
{
	sqlite3 *db = sqlite3_db_handle(st);
	/* sqlite3_finalize returns the error of the statement's last step */
	int rc = sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		return RL_OK;
	return pdb_unread(db, rc, path, err, errlen);
}

int pdb_unread(sqlite3 *db, int rc, const char *path, char *err,
               size_t errlen)
{
	int base = rc & 0xff;
	char why[600];
	/* an I/O error or a full disk while reading is most often SQLite's
	** temporary files (a sort, a large query), not the file: said where
	** they go (SQLite's unix VFS), where "cannot read: disk I/O error"
	** read as a damaged database (ux27, plot heatmap of 823,837 points
	** under ulimit -f 10000) */
	snprintf(why, sizeof why, "%s%s",
	         db ? sqlite3_errmsg(db) : sqlite3_errstr(rc),
	         base == SQLITE_IOERR || base == SQLITE_FULL
	             ? " (a query may write SQLite's temporary files, in "
	               "SQLITE_TMPDIR, TMPDIR, else /var/tmp or /tmp: that "
	               "disk may be full or a file size limit, ulimit -f, "
	               "reached)"
	             : "");
	cannot_read(path, why, err, errlen);
	return rl_db_exit(rc) | PDB_UNREAD;
}

int pdb_exit(int rc)
{
	return rc & ~PDB_UNREAD;
}

int pdb_is_unread(int rc)
{
	return (rc & PDB_UNREAD) != 0;
}

/* Whether sql, with ?1 = a (and ?2 = b unless NULL), gives a row: RL_OK
** with *found, or pdb_unread's status and message (pdb_has,
** pdb_has_column). */
static int exists(sqlite3 *db, const char *path, const char *sql,
                  const char *a, const char *b, int *found, char *err,
                  size_t errlen)
{
	sqlite3_stmt *st;
	int rc;
	*found = 0;
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	*found = sqlite3_step(st) == SQLITE_ROW;
	return pdb_finish(st, path, err, errlen);
}

int pdb_has(sqlite3 *db, const char *path, const char *name, int *found,
            char *err, size_t errlen)
{
	return exists(db, path,
	              "SELECT 1 FROM sqlite_master WHERE name = ?1 "
	              "AND type IN ('table','view')",
	              name, NULL, found, err, errlen);
}

int pdb_has_column(sqlite3 *db, const char *path, const char *table,
                   const char *col, int *found, char *err, size_t errlen)
{
	return exists(db, path,
	              "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", table,
	              col, found, err, errlen);
}

int pdb_prepare(sqlite3 *db, const char *path, const char *sql,
                sqlite3_stmt **st, char *err, size_t errlen)
{
	int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		/* the file is not what rooflab wrote (a table or column is
		** missing, it is damaged): the input is wrong */
		*st = NULL;
		return pdb_unread(db, rc, path, err, errlen);
	}
	return RL_OK;
}

void pdb_text(sqlite3_stmt *st, int col, char *buf, size_t len)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	size_t n;
	if (len == 0)
		return;
	if (!t)
		t = "";
	n = strlen(t);
	if (n < len) {
		memcpy(buf, t, n + 1);
		return;
	}
	/* longer than rooflab writes it (a database changed by hand): cut
	** at a whole character (rl_utf8_cut: never inside a well-formed
	** sequence, a byte that begins none one character of its own), said
	** to be cut with "..." where the buffer has room for it */
	if (len < 8) {
		n = (size_t)rl_utf8_cut(t, len - 1);
		memcpy(buf, t, n);
		buf[n] = '\0';
		return;
	}
	n = (size_t)rl_utf8_cut(t, len - 4);
	memcpy(buf, t, n);
	memcpy(buf + n, "...", 4);
}

double pdb_real(sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NAN;
	return sqlite3_column_double(st, col);
}

const char *pdb_cell_words(int type, const char *number)
{
	return type == SQLITE_TEXT   ? "text"
	       : type == SQLITE_BLOB ? "a blob"
	       : type == SQLITE_NULL ? "NULL"
	                             : number;
}

/* pdb_number and pdb_needed: NULL and an infinity refused where needed */
static int number_cell(sqlite3_stmt *st, int col, const char *path,
                       const char *table, int needed, double *v, char *err,
                       size_t errlen)
{
	int type = sqlite3_column_type(st, col);
	int inf = needed && type == SQLITE_FLOAT && isinf(pdb_real(st, col));
	*v = pdb_real(st, col);
	if (type != SQLITE_TEXT && type != SQLITE_BLOB &&
	    !(needed && type == SQLITE_NULL) && !inf)
		return RL_OK;
	snprintf(err, errlen, "%s: cannot read: %s.%s holds %s, where rooflab "
	         "writes a %snumber (a database changed by hand?)", path, table,
	         sqlite3_column_name(st, col),
	         inf ? (*v > 0 ? "inf" : "-inf")
	             : pdb_cell_words(type, "a number"),
	         inf ? "finite " : "");
	return RL_EINPUT | PDB_UNREAD;
}

int pdb_number(sqlite3_stmt *st, int col, const char *path,
               const char *table, double *v, char *err, size_t errlen)
{
	return number_cell(st, col, path, table, 0, v, err, errlen);
}

int pdb_needed(sqlite3_stmt *st, int col, const char *path,
               const char *table, double *v, char *err, size_t errlen)
{
	return number_cell(st, col, path, table, 1, v, err, errlen);
}

int pdb_count(sqlite3 *db, const char *path, const char *sql, long long *n,
              char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;
	*n = 0;
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	return pdb_finish(st, path, err, errlen);
}

int pdb_rows(sqlite3 *db, const char *path, const char *table, long run,
             long *n, char *err, size_t errlen)
{
	char sql[200];
	sqlite3_stmt *st;
	int rc, has;
	*n = 0;
	if ((rc = pdb_has(db, path, table, &has, err, errlen)) || !has)
		return rc;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\" WHERE run_id = ?1",
	         table);
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	return pdb_finish(st, path, err, errlen);
}

/* Comma-separated ids of a run table of the database at path, for "no
** run N" messages: as many as fit in buf, then ", ..." where more
** follow (room for it kept after every id but the last): RL_OK, or
** pdb_unread's status and message when they cannot be read (not a list
** cut short or empty without a word). */
static int run_ids(sqlite3 *db, const char *path, const char *table,
                   char *buf, size_t len, char *err, size_t errlen)
{
	static const char more_mark[] = ", ...";
	char sql[160], id[32];
	sqlite3_stmt *st;
	size_t used = 0, w;
	int rc, more;
	buf[0] = 0;
	snprintf(sql, sizeof sql, "SELECT id FROM \"%s\" ORDER BY id", table);
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	more = sqlite3_step(st) == SQLITE_ROW;
	while (more) {
		w = (size_t)snprintf(id, sizeof id, "%s%lld", used ? ", " : "",
		                     (long long)sqlite3_column_int64(st, 0));
		/* the next row first: is this id the last? (buf full: the
		** steps stop, and nothing failed) */
		more = sqlite3_step(st) == SQLITE_ROW;
		if (used + w + (more ? sizeof more_mark - 1 : 0) >= len) {
			snprintf(buf + used, len - used, "%s",
			         more_mark + (used ? 0 : 2));
			break;
		}
		memcpy(buf + used, id, w + 1);
		used += w;
	}
	return pdb_finish(st, path, err, errlen);
}

/* Find run `want` (or the newest) in `table` of the database at path:
** RL_OK with *why 0 (found, its row in *st), 1 (none at all) or 2 (no
** such id), or pdb_unread's status and message when the table cannot be
** told or read (a locked file, a column dropped by hand, a failing row). */
static int find_run(sqlite3 *db, const char *path, const char *table,
                    long want, sqlite3_stmt **st, const char *cols, int *why,
                    char *err, size_t errlen)
{
	char sql[512];
	int rc, has;
	*st = NULL;
	*why = 1;
	if ((rc = pdb_has(db, path, table, &has, err, errlen)) || !has)
		return rc;
	if (want > 0)
		snprintf(sql, sizeof sql, "SELECT %s FROM \"%s\" WHERE id = %ld",
		         cols, table, want);
	else
		snprintf(sql, sizeof sql, "SELECT %s FROM \"%s\" ORDER BY id DESC "
		         "LIMIT 1", cols, table);
	if ((rc = pdb_prepare(db, path, sql, st, err, errlen)))
		return rc;
	if (sqlite3_step(*st) == SQLITE_ROW) {
		*why = 0;
		return RL_OK;
	}
	rc = pdb_finish(*st, path, err, errlen);
	*st = NULL;
	*why = want <= 0 ? 1 : 2;
	return rc;
}

/* The message of find_run's *why 1 or 2; RL_EINPUT, or pdb_unread's
** status and message when the ids of the runs there cannot be read. */
static int no_run(sqlite3 *db, const char *table, int why, long want,
                  const char *what, const char *cmd, const char *dbpath,
                  char *err, size_t errlen)
{
	char ids[256], found[200];
	rl_db_found_kind kind;
	if (why == 2) {
		int rc = run_ids(db, dbpath, table, ids, sizeof ids, err, errlen);
		if (rc != RL_OK)
			return rc;
		why = ids[0] ? 2 : 1; /* a table of no runs: it has none */
	}
	if (why == 2) {
		snprintf(err, errlen, "%s: no %s run with id %ld (runs: %s)",
		         dbpath, what, want, ids);
	} else if ((kind = rl_db_found(db, newer_kinds, found, sizeof found)) ==
	               RL_DB_FOUND_SWEEP ||
	           kind == RL_DB_FOUND_OTHER) {
		/* "make one with: rooflab claim --db SWEEP.db" sent the user to a
		** command that refuses a sweep's file, or another program's */
		snprintf(err, errlen, "%s is %s, which holds no %s run and in "
		         "which %s writes none: make one in a file of its own (%s "
		         "--db FILE) and give --db that file%s", dbpath, found, what,
		         cmd, cmd, kind == RL_DB_FOUND_SWEEP
		                       ? " (and this one to rooflab report --sweeps)"
		                       : "");
	} else {
		char q[4200];
		snprintf(err, errlen, "%s has no %s run; make one with: %s --db %s",
		         dbpath, what, cmd, rl_sh_word(dbpath, "FILE", q, sizeof q));
	}
	return RL_EINPUT;
}

/* claim_runs.target (column col) as claim writes it: a number within
** claim's --target range (claim_target_range of the speedup,
** cli/claimargs.c); else RL_EINPUT | PDB_UNREAD naming the cell, its value
** and the range, where one outside it (0, -1, 1e300, text, NULL: a
** database changed by hand) silently became 20x, and an infinite one
** reached gnuplot as 'inf', a name it does not know. */
static int bad_target(sqlite3_stmt *st, int col, const char *dbpath,
                      long id, char *err, size_t errlen)
{
	const char *held = pdb_cell_words(sqlite3_column_type(st, col), NULL);
	double v = sqlite3_column_double(st, col), lo, hi;
	char vt[40], lt[40], ht[40];
	claim_target_range(CLAIM_T_SPEEDUP, &lo, &hi);
	if (!held && v >= lo && v <= hi)
		return RL_OK;
	if (held)
		snprintf(vt, sizeof vt, "%s", held);
	else
		rl_number_write(v, vt, sizeof vt);
	snprintf(err, errlen, "%s: cannot read: claim_runs.target of claim run "
	         "%ld holds %s, where rooflab claim writes a speedup target "
	         "within [%s, %s] (its --target; a database changed by hand?)",
	         dbpath, id, vt, rl_number_write(lo, lt, sizeof lt),
	         rl_number_write(hi, ht, sizeof ht));
	return RL_EINPUT | PDB_UNREAD;
}

int pdb_claim_run(sqlite3 *db, const char *dbpath, long want, pdb_claim *c,
                  char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int why, rc;
	memset(c, 0, sizeof *c);
	if ((rc = find_run(db, dbpath, "claim_runs", want, &st,
	                   "id, created, version, git_rev, a_label, b_label, "
	                   "scenario, target, speedup_total, speedup_output",
	                   &why, err, errlen)))
		return rc;
	if (why)
		return no_run(db, "claim_runs", why, want, "claim",
		              "rooflab claim", dbpath, err, errlen);
	c->id = (long)sqlite3_column_int64(st, 0);
	pdb_text(st, 1, c->created, sizeof c->created);
	pdb_text(st, 2, c->version, sizeof c->version);
	pdb_text(st, 3, c->git_rev, sizeof c->git_rev);
	pdb_text(st, 4, c->a_label, sizeof c->a_label);
	pdb_text(st, 5, c->b_label, sizeof c->b_label);
	pdb_text(st, 6, c->scenario, sizeof c->scenario);
	c->target = pdb_real(st, 7);
	c->speedup_total = pdb_real(st, 8);
	c->speedup_output = pdb_real(st, 9);
	rc = bad_target(st, 7, dbpath, c->id, err, errlen);
	sqlite3_finalize(st);
	return rc;
}

/* Whose rows validation run v->id is over (validation_runs.rows_of and
** measurements_file, which validate --db writes since 2026-12-02) into
** v->rows_of and v->file; PDB_ROWS_UNRECORDED where the columns are not
** there or rows_of is NULL (a run written before them); a value validate
** never writes (pdb.h) RL_EINPUT | PDB_UNREAD, naming the file, column,
** run and what it holds. */
static int rows_of(sqlite3 *db, const char *dbpath, pdb_validation *v,
                   char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char of[16] = "";
	int has = 0, of_type = SQLITE_NULL, file_type = SQLITE_NULL, rc;
	v->rows_of = PDB_ROWS_UNRECORDED;
	if ((rc = pdb_has_column(db, dbpath, "validation_runs", "rows_of", &has,
	                         err, errlen)) || !has)
		return rc;
	if ((rc = pdb_has_column(db, dbpath, "validation_runs",
	                         "measurements_file", &has, err, errlen)) || !has)
		return rc;
	if ((rc = pdb_prepare(db, dbpath, "SELECT rows_of, measurements_file "
	                      "FROM validation_runs WHERE id = ?1", &st, err,
	                      errlen)))
		return rc;
	sqlite3_bind_int64(st, 1, v->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		of_type = sqlite3_column_type(st, 0);
		file_type = sqlite3_column_type(st, 1);
		pdb_text(st, 0, of, sizeof of);
		pdb_text(st, 1, v->file, sizeof v->file);
	}
	if ((rc = pdb_finish(st, dbpath, err, errlen)))
		return rc;
	if (of_type == SQLITE_NULL) {
		v->file[0] = '\0';
		return RL_OK; /* written before validate recorded it */
	}
	if (of_type == SQLITE_TEXT && !strcmp(of, "shipped") &&
	    file_type == SQLITE_NULL) {
		v->rows_of = PDB_ROWS_SHIPPED;
		return RL_OK;
	}
	if (of_type == SQLITE_TEXT && !strcmp(of, "file") &&
	    file_type == SQLITE_TEXT && v->file[0]) {
		v->rows_of = PDB_ROWS_FILE;
		return RL_OK;
	}
	if (of_type != SQLITE_TEXT ||
	    (strcmp(of, "shipped") && strcmp(of, "file")))
		snprintf(err, errlen, "%s: cannot read: validation_runs.rows_of "
		         "of validation run %ld holds %s, where rooflab validate "
		         "writes 'shipped' or 'file' (a database changed by hand?)",
		         dbpath, v->id, of_type == SQLITE_TEXT
		         ? "other text" : pdb_cell_words(of_type, "a number"));
	else
		snprintf(err, errlen, "%s: cannot read: validation_runs."
		         "measurements_file of validation run %ld holds %s beside "
		         "rows_of '%s', where rooflab validate writes %s (a database "
		         "changed by hand?)", dbpath, v->id,
		         file_type == SQLITE_TEXT ? (v->file[0] ? "a name"
		                                                : "empty text")
		         : pdb_cell_words(file_type, "a number"), of,
		         of[0] == 's' ? "NULL" : "the file's name");
	v->file[0] = '\0';
	return RL_EINPUT | PDB_UNREAD;
}

int pdb_validation_run(sqlite3 *db, const char *dbpath, long want,
                       pdb_validation *v, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int why, rc, has = 1;
	memset(v, 0, sizeof *v);
	rc = find_run(db, dbpath, "validation_runs", want, &st,
	              "id, created, profile, median_abs_error, p90_abs_error, "
	              "rows", &why, err, errlen);
	if (rc == RL_OK && why == 0 &&
	    (rc = pdb_has(db, dbpath, "validation", &has, err, errlen)) == RL_OK &&
	    !has)
		why = 1;
	if (rc || why)
		sqlite3_finalize(st);
	if (rc != RL_OK)
		return rc;
	if (why)
		return no_run(db, "validation_runs", why, want, "validation",
		              "rooflab validate", dbpath, err, errlen);
	v->id = (long)sqlite3_column_int64(st, 0);
	pdb_text(st, 1, v->created, sizeof v->created);
	pdb_text(st, 2, v->profile, sizeof v->profile);
	v->median_abs_error = pdb_real(st, 3);
	v->p90_abs_error = pdb_real(st, 4);
	v->rows = (long)sqlite3_column_int64(st, 5);
	/* the count of rows modelled, as rooflab validate writes it: a whole
	** number from 0 (a crafted -3 read "-3 rows modelled", text "0
	** rows") */
	if (sqlite3_column_type(st, 5) != SQLITE_INTEGER || v->rows < 0) {
		char vt[40];
		if (sqlite3_column_type(st, 5) == SQLITE_FLOAT)
			rl_number_write(sqlite3_column_double(st, 5), vt, sizeof vt);
		else if (sqlite3_column_type(st, 5) == SQLITE_INTEGER)
			snprintf(vt, sizeof vt, "%ld", v->rows);
		else
			snprintf(vt, sizeof vt, "%s",
			         pdb_cell_words(sqlite3_column_type(st, 5), ""));
		snprintf(err, errlen, "%s: cannot read: validation_runs.rows of "
		         "validation run %ld holds %s, where rooflab validate writes "
		         "a whole number from 0 on (a database changed by hand?)",
		         dbpath, v->id, vt);
		sqlite3_finalize(st);
		return RL_EINPUT | PDB_UNREAD;
	}
	sqlite3_finalize(st);
	return rows_of(db, dbpath, v, err, errlen);
}

/* Run id of rooflab's runs table that stored no point (none in
** `results`): the newest such run above `above` (want 0), or run `want`
** itself; why in err ("stored no point: its [filter] dropped all 6 it
** evaluated"), 1; 0 where there is none (or no runs table: a file made by
** hand). */
static int empty_run(sqlite3 *db, const char *dbpath, long want, long above,
                     long *id, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	uint64_t dropped = 0, done = 0, of = 0;
	int found = 0, known, unfinished;
	if (sqlite3_prepare_v2(db, want > 0
	                       ? "SELECT id FROM runs WHERE id = ?1 AND NOT EXISTS "
	                         "(SELECT 1 FROM results WHERE run_id = ?1)"
	                       : "SELECT max(id) FROM runs WHERE id > ?2",
	                       -1, &st, NULL) != SQLITE_OK)
		return 0; /* no runs table: not rooflab's file */
	sqlite3_bind_int64(st, 1, want);
	sqlite3_bind_int64(st, 2, above);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) == SQLITE_INTEGER) {
		*id = (long)sqlite3_column_int64(st, 0);
		found = 1;
	}
	sqlite3_finalize(st);
	if (!found)
		return 0;
	known = rl_store_run_dropped(db, *id, &dropped);
	unfinished = rl_store_run_progress(db, *id, &done, &of);
	if (unfinished && done == 0)
		snprintf(err, errlen, "%s: sweep run %ld stored no point yet (not "
		         "finished: 0 of its %llu points done)", dbpath, *id,
		         (unsigned long long)of);
	else if (known && dropped > 0)
		snprintf(err, errlen, "%s: sweep run %ld stored no point: its "
		         "[filter] dropped all %llu it evaluated (loosen the "
		         "filter)", dbpath, *id,
		         (unsigned long long)dropped);
	else
		snprintf(err, errlen, "%s: sweep run %ld stored no point", dbpath,
		         *id);
	return 1;
}

int pdb_sweep_run(sqlite3 *db, const char *dbpath, long want, pdb_sweep *s,
                  char *err, size_t errlen)
{
	static const char *const cols[] = {"run_id", "run"};
	sqlite3_stmt *st = NULL;
	char sql[200], q[4200]; /* q: dbpath as sh reads it (rl_sh_word) */
	size_t i;
	int rc, has = 0;
	memset(s, 0, sizeof *s);
	s->path = dbpath;
	if ((rc = pdb_has(db, dbpath, "results", &has, err, errlen)))
		return rc;
	if (!has) {
		char found[200];
		rl_db_found_kind kind =
		    rl_db_found(db, newer_kinds, found, sizeof found);
		/* "make them with: rooflab sweep SPEC --db CLAIM.db" sent the
		** user to a command that refuses a claim's file */
		if (kind == RL_DB_FOUND_CLAIM || kind == RL_DB_FOUND_OTHER)
			snprintf(err, errlen, "%s is %s, which holds no sweep results "
			         "and in which rooflab sweep writes none: make them in a "
			         "file of their own (rooflab sweep SPEC --db FILE) and give "
			         "--db that file", dbpath, found);
		else
			snprintf(err, errlen, "%s has no sweep results; make them with: "
			         "rooflab sweep SPEC --db %s", dbpath,
			         rl_sh_word(dbpath, "FILE", q, sizeof q));
		return RL_EINPUT;
	}
	for (i = 0; i < 2; i++) {
		if ((rc = pdb_has_column(db, dbpath, "results", cols[i], &has, err,
		                         errlen)))
			return rc;
		if (has) {
			snprintf(s->run_col, sizeof s->run_col, "%s", cols[i]);
			break;
		}
	}
	if (!s->run_col[0]) {
		if (want > 0) {
			snprintf(err, errlen, "%s: the results view has no run "
			         "column; --run cannot select a sweep", dbpath);
			return RL_EINPUT;
		}
		return RL_OK;
	}
	if (want > 0)
		snprintf(sql, sizeof sql, "SELECT %s FROM results WHERE %s = %ld "
		         "LIMIT 1", s->run_col, s->run_col, want);
	else
		snprintf(sql, sizeof sql, "SELECT max(%s) FROM results",
		         s->run_col);
	if ((rc = pdb_prepare(db, dbpath, sql, &st, err, errlen)))
		return rc;
	if ((rc = sqlite3_step(st)) != SQLITE_ROW && rc != SQLITE_DONE)
		return pdb_finish(st, dbpath, err, errlen);
	if (rc != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		long id;
		char ids[160];
		sqlite3_finalize(st);
		/* a run there whose points are not (a filter dropped them
		** all): said, where "no sweep run with id 2" denied it */
		if (!strcmp(s->run_col, "run_id") &&
		    empty_run(db, dbpath, want, 0, &id, err, errlen))
			return RL_EINPUT;
		if (want > 0)
			snprintf(err, errlen, "%s: no sweep run with id %ld%s", dbpath,
			         want, rl_store_run_ids_words(db, ids, sizeof ids));
		else
			snprintf(err, errlen, "%s has no sweep results; make them "
			         "with: rooflab sweep SPEC --db %s", dbpath,
			         rl_sh_word(dbpath, "FILE", q, sizeof q));
		return RL_EINPUT;
	}
	s->run = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (want == 0 && !strcmp(s->run_col, "run_id")) {
		/* a newer run that stored no point: the plots name it, where
		** they drew the one before it without a word */
		long id;
		char why[512];
		if (empty_run(db, dbpath, 0, s->run, &id, why, sizeof why)) {
			s->newer_empty = id;
			snprintf(s->newer_empty_why, sizeof s->newer_empty_why, "%s",
			         why);
		}
	}
	if (!strcmp(s->run_col, "run_id")) { /* rooflab's runs table */
		uint64_t done, of;
		s->missing = rl_store_run_missing(db, s->run);
		s->unfinished = rl_store_run_progress(db, s->run, &done, &of);
		s->done = done;
		s->of = of;
		return pdb_sweep_shard(db, dbpath, s->run, &s->shard_index,
		                       &s->shard_count, err, errlen);
	}
	return RL_OK;
}

/* A cell of runs' shard pair in a refusal's words: the whole number, or
** what holds it where rooflab writes one ("text", "a blob", "NULL", a
** real number in its digits) */
static const char *shard_cell(sqlite3_stmt *st, int col, char *buf,
                              size_t len)
{
	int type = sqlite3_column_type(st, col);
	if (type == SQLITE_INTEGER)
		snprintf(buf, len, "%lld", (long long)sqlite3_column_int64(st, col));
	else if (type == SQLITE_FLOAT)
		rl_number_write(sqlite3_column_double(st, col), buf, len);
	else
		snprintf(buf, len, "%s", pdb_cell_words(type, ""));
	return buf;
}

int pdb_sweep_shard(sqlite3 *db, const char *dbpath, long run, long *index,
                    long *count, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	sqlite3_int64 i, k;
	char it[40], kt[40];
	*index = 0;
	*count = 1;
	if (sqlite3_prepare_v2(db, "SELECT shard_index, shard_count FROM runs "
	                       "WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return RL_OK;
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return RL_OK;
	}
	i = sqlite3_column_int64(st, 0);
	k = sqlite3_column_int64(st, 1);
	/* a shard rooflab sweep --shard I/N writes: whole numbers, N >= 1,
	** 0 <= I < N; a crafted one (-1/2, 5/3, 0/0, text) was drawn as
	** "shard 5/3 alone" or, count 0 or less, as the whole sweep */
	if (sqlite3_column_type(st, 0) == SQLITE_INTEGER &&
	    sqlite3_column_type(st, 1) == SQLITE_INTEGER && k >= 1 &&
	    k <= LONG_MAX && i >= 0 && i < k) {
		*index = (long)i;
		*count = (long)k;
		sqlite3_finalize(st);
		return RL_OK;
	}
	snprintf(err, errlen, "%s: cannot read: runs.shard_index and "
	         "shard_count of sweep run %ld hold %s and %s, where rooflab "
	         "sweep writes its --shard I/N: whole numbers, N at least 1 and "
	         "I from 0 to N - 1 (a database changed by hand?)", dbpath, run,
	         shard_cell(st, 0, it, sizeof it), shard_cell(st, 1, kt, sizeof kt));
	sqlite3_finalize(st);
	return RL_EINPUT | PDB_UNREAD;
}

const char *pdb_missing_note(const pdb_sweep *s, char *buf, size_t len)
{
	size_t k = 0;
	if ((!s->missing && !s->unfinished && s->shard_count < 2) || len == 0)
		return "";
	buf[0] = '\0';
	if (s->unfinished)
		k = (size_t)snprintf(buf, len, "\nrun %ld is not finished: %llu "
		                     "of its %llu point%s done (rooflab sweep "
		                     "--resume completes it)", s->run, s->done,
		                     s->of, s->of == 1 ? "" : "s");
	else if (s->missing)
		k = (size_t)snprintf(buf, len, "\nrun %ld lacks %llu of its "
		                     "points: rooflab sweep --resume evaluates "
		                     "them", s->run, s->missing);
	/* a shard drawn as if it were the sweep: one in N of its points */
	if (s->shard_count > 1 && k < len)
		snprintf(buf + k, len - k, "\nshard %ld/%ld alone: one in %ld of "
		         "the design points (rooflab merge OUT.db PART.db... joins "
		         "the %ld shards)", s->shard_index, s->shard_count,
		         s->shard_count, s->shard_count);
	return buf;
}

void pdb_column_name(const char *dotted, char *buf, size_t len)
{
	size_t i;
	for (i = 0; dotted[i] && i + 1 < len; i++)
		buf[i] = dotted[i] == '.' ? '_' : dotted[i];
	buf[i] = 0;
}
