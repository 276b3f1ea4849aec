/*
** export.c: CSV and JSON export of a sweep run (export.h).
**
** CSV: a header line run_id,idx,status,<columns> (with RL_EXPORT_CSV_UNITS
** each column's unit after its name, "power_watts (W)") then one line per
** stored design point in index order; numbers with 17 significant digits, empty
** fields for NULL.  JSON: {"run": {...}, "columns": [...], "points":
** [{...}, ...]} with the JSON writer's number format.  JSON Lines: the
** JSON's {"run": {...}, "columns": [...]} on its first line, then one
** line per point, the JSON's points' objects each on one line.
*/
#include "export.h"
#include "celltext.h"
#include "coldoc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../config/json.h"
#include "../model/outputs.h"
#include "../model/params.h"
#include "../model/utf8.h"
#include "../config/dbfile.h"
#include "../model/status.h"
#include "runids.h"
#include "store.h"

#define MAX_COLS 512

typedef struct {
	int ncols;
	char *names[MAX_COLS];
	char *units[MAX_COLS]; /* run_columns.unit, "" where none */
} colset;

static void colset_free(colset *c)
{
	int i;
	for (i = 0; i < c->ncols; i++) {
		free(c->names[i]);
		free(c->units[i]);
	}
	c->ncols = 0;
}

static int pick_run(sqlite3 *db, const char *path, int64_t *run_id,
                    char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc, found = 0;
	rc = sqlite3_prepare_v2(db, *run_id ? "SELECT id FROM runs WHERE id = ?"
	                                    : "SELECT max(id) FROM runs",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	if (*run_id)
		sqlite3_bind_int64(st, 1, *run_id);
	/* a read error is no database without runs */
	if ((rc = sqlite3_step(st)) != SQLITE_ROW && rc != SQLITE_DONE) {
		rl_store_error(db, rc, path, err, errlen);
		sqlite3_finalize(st);
		return rl_db_exit(rc);
	}
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*run_id = sqlite3_column_int64(st, 0);
		found = 1;
	}
	sqlite3_finalize(st);
	if (!found) {
		char ids[160];
		if (*run_id)
			snprintf(err, errlen, "%s has no run %lld%s", path,
			         (long long)*run_id,
			         rl_store_run_ids_words(db, ids, sizeof ids));
		else
			snprintf(err, errlen, "%s holds no sweep runs", path);
		return RL_EINPUT;
	}
	return 0;
}

/* rl_text_fault(X): the RL_CELL_TEXT_* of X (celltext.h), for
** check_texts' query */
static void text_fault(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	int type = sqlite3_value_type(argv[0]);
	const unsigned char *s = sqlite3_value_text(argv[0]);
	(void)argc;
	sqlite3_result_int(cx, rl_cell_text_fault(type, s,
	                                 sqlite3_value_bytes(argv[0])));
}

/* rl_text_fault's flags: SQLITE_DIRECTONLY (SQLite 3.30 and later) keeps
** it to check_texts' own query, out of a view or trigger of the file.  An
** older SQLite lacks the flag, guarded as config/dbfile.c guards its DQS
** setting (3.29): built with one, a view or trigger of a crafted file
** could call rl_text_fault too.  It is pure (the kind of its argument;
** nothing else read, nothing changed), so such a call does nothing the
** file's own SQL could not; what is lost is the rule that a file calls
** no function of rooflab's at all. */
#ifdef SQLITE_DIRECTONLY
#define TEXT_FAULT_FLAGS \
	(SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY)
#else
#define TEXT_FAULT_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC)
#endif

/* A column's unit, source or dotted name (run_columns.`field`, column k
** of st) as rl_cell_text_fault finds it, said into err: the --units
** header and the JSON's columns carry them (json_head; the source and
** dotted name unchecked until sweeps75).  0 or RL_EINPUT. */
static int cell_fault(sqlite3_stmt *st, int k, const char *field,
                      const char *path, int64_t run_id, const char *name,
                      char *err, size_t errlen)
{
	return rl_cell_column_fault(st, k, field, path, (long long)run_id, name,
	                            "refusing a crafted or altered database",
	                            err, errlen)
	           ? RL_EINPUT
	           : 0;
}

/* The run's columns; each name must be one this rooflab writes
** (rl_sweep_column_decl), since it goes into SQL.  RL_OK, or RL_EINPUT with a
** message (RL_EINTERNAL where the query failed for want of memory, or a
** column's name could not be copied). */
static int read_columns(sqlite3 *db, const char *path, int64_t run_id,
                        colset *c, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT name, unit, source, dotted FROM "
	                            "run_columns WHERE run_id = ? ORDER BY ord",
	                            -1, &st, NULL);
	/* (a query failing for want of memory or by I/O is no fault of the
	** file: rl_db_exit, as pick_run) */
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, run_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->ncols < MAX_COLS) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!rl_sweep_column_decl(name)) {
			snprintf(err, errlen, "%s run %lld: a column is named "
			         "%s%.*s%s, which is no parameter or output of rooflab; "
			         "refusing a crafted or foreign database", path,
			         (long long)run_id, name ? "'" : "",
			         rl_utf8_cut(name ? name : "NULL", 60),
			         name ? name : "NULL", name ? "'" : "");
			sqlite3_finalize(st);
			return RL_EINPUT;
		}
		/* a name given twice (run_columns changed by hand) read one
		** column twice, under one name, and left the other out: a CSV
		** header and a JSON record with a name twice */
		for (int k = 0; k < c->ncols; k++)
			if (!strcmp(c->names[k], name)) {
				snprintf(err, errlen, "%s run %lld: run_columns names "
				         "the column '%.*s' twice; refusing a crafted or "
				         "foreign database", path, (long long)run_id,
				         rl_utf8_cut(name, 60), name);
				sqlite3_finalize(st);
				return RL_EINPUT;
			}
		/* a name the points table lacks (a column dropped by hand)
		** read as a string: every row gave the name as its value */
		int yes = 1, table = 0;
		if (rl_db_has_column(db, "points", "idx", &table) == SQLITE_OK &&
		    table &&
		    rl_db_has_column(db, "points", name, &yes) == SQLITE_OK &&
		    !yes) {
			snprintf(err, errlen, "%s run %lld: the table points has no "
			         "column %s, which run_columns lists; refusing an "
			         "altered database", path, (long long)run_id, name);
			sqlite3_finalize(st);
			return RL_EINPUT;
		}
		if (cell_fault(st, 1, "unit", path, run_id, name, err, errlen) ||
		    cell_fault(st, 2, "source", path, run_id, name, err,
		               errlen) ||
		    cell_fault(st, 3, "dotted", path, run_id, name, err,
		               errlen)) {
			sqlite3_finalize(st);
			return RL_EINPUT;
		}
		const char *unit = (const char *)sqlite3_column_text(st, 1);
		c->names[c->ncols] = strdup(name);
		c->units[c->ncols] = strdup(unit ? unit : "");
		if (!c->names[c->ncols] || !c->units[c->ncols]) {
			free(c->names[c->ncols]);
			free(c->units[c->ncols]);
			sqlite3_finalize(st);
			snprintf(err, errlen, "out of memory");
			return RL_EINTERNAL;
		}
		c->ncols++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* 1 where column `name` is declared REAL or INTEGER (spec.h) */
static int number_column(const char *name)
{
	const char *decl = rl_sweep_column_decl(name);
	return decl && (!strcmp(decl, "REAL") || !strcmp(decl, "INTEGER"));
}

/* The first row of sql (its ?1 bound to run_id) in *row, left open for the
** caller to name and finalize, or *row NULL where the query finds none: the
** frame every check below shares.  With idx (NULL for none: check_indexes
** reads its own columns), a row's column 0, the point's quote(idx), goes
** there as a message names it (NULL as "NULL", its controls '?', a long
** one cut visibly: rl_cell_sql_quote), in idxlen bytes.  0, or the read's exit with err. */
static int first_fault(sqlite3 *db, const char *path, int64_t run_id,
                       const char *sql, sqlite3_stmt **row, char *idx,
                       size_t idxlen, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	*row = NULL;
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(st, 1, run_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (idx) {
			const char *text = (const char *)sqlite3_column_text(st, 0);
			rl_cell_sql_quote(text ? text : "NULL", idx, idxlen);
		}
		*row = st;
		return 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* The run's points each with a whole-number idx and status, and its
** number columns (declared REAL or INTEGER) each a number or NULL in every
** point, checked before a line is written: a value edited by hand into
** text or a blob ('abc' as chip_hbm_tbps) was exported as it stood with
** exit 0, where merge refuses it (ux31); refused the same way, naming the
** file, the run, the first such point and its column, rather than written
** as empty, which a script would read as a point not modelled.  An idx or
** status that is no whole number (a crafted 0.5, which the run's counts
** take as no point: sweeps/store.c), or a status none of the codes
** rooflab writes (0 to RL_STORE_STATUS_MAX), is refused as merge refuses
** it (part_points_typed).  The column names in the SQL are this build's
** (number_column: rl_sweep_column_decl knows them), none read from the
** file.  0, or RL_EINPUT / the read's exit with err. */
static int check_numbers(sqlite3 *db, const char *path, int64_t run_id,
                         const colset *c, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t cap = 256 + (size_t)c->ncols * 200, used;
	char *sql = malloc(cap), q[RL_CELL_QUOTE_LEN] = "", idx[RL_CELL_QUOTE_LEN];
	int rc, k;
	if (!sql) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	used = (size_t)snprintf(sql, cap, "SELECT quote(idx), typeof(idx), "
	                        "quote(status), typeof(status), status "
	                        "BETWEEN 0 AND %d", RL_STORE_STATUS_MAX);
	for (k = 0; k < c->ncols; k++)
		if (number_column(c->names[k]))
			used += (size_t)snprintf(sql + used, cap - used, ", \"%s\"",
			                         c->names[k]);
	used += (size_t)snprintf(sql + used, cap - used, " FROM points WHERE "
	                         "run_id = ?1 AND (typeof(idx) != 'integer' OR "
	                         "typeof(status) != 'integer' OR status NOT "
	                         "BETWEEN 0 AND %d", RL_STORE_STATUS_MAX);
	for (k = 0; k < c->ncols; k++)
		if (number_column(c->names[k]))
			used += (size_t)snprintf(sql + used, cap - used, " OR "
			                         "typeof(\"%s\") IN ('text', 'blob')",
			                         c->names[k]);
	snprintf(sql + used, cap - used, ") ORDER BY idx LIMIT 1");
	rc = first_fault(db, path, run_id, sql, &st, idx, sizeof idx, err,
	                 errlen);
	free(sql);
	if (rc || !st)
		return rc;
	if (strcmp((const char *)sqlite3_column_text(st, 1), "integer") ||
	    strcmp((const char *)sqlite3_column_text(st, 3), "integer")) {
		int is_idx = strcmp(
		    (const char *)sqlite3_column_text(st, 1), "integer") != 0;
		const char *v = (const char *)sqlite3_column_text(st, is_idx ? 0 : 2);
		rl_cell_sql_quote(v ? v : "NULL", q, sizeof q);
		if (is_idx)
			snprintf(err, errlen, "%s run %lld: points.idx holds %s "
			         "(%s), not a whole number as rooflab writes it; "
			         "refusing a crafted or altered database", path,
			         (long long)run_id, q,
			         (const char *)sqlite3_column_text(st, 1));
		else
			snprintf(err, errlen, "%s run %lld: point %s's "
			         "points.status holds %s (%s), not a whole number "
			         "as rooflab writes it; refusing a crafted or "
			         "altered database", path, (long long)run_id, idx, q,
			         (const char *)sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
		return RL_EINPUT;
	}
	/* a status none of rl_eval's codes (7, -1): a script reading the
	** README's table finds no meaning for it */
	if (!sqlite3_column_int(st, 4)) {
		snprintf(err, errlen, "%s run %lld: point %s's points.status "
		         "holds %s, not one of the codes rooflab writes (0 to %d: "
		         "sweeps/README.md, Status and NULL); refusing a crafted or "
		         "altered database", path, (long long)run_id, idx,
		         (const char *)sqlite3_column_text(st, 2),
		         RL_STORE_STATUS_MAX);
		sqlite3_finalize(st);
		return RL_EINPUT;
	}
	for (k = 5; k < sqlite3_column_count(st); k++) {
		int t = sqlite3_column_type(st, k);
		if (t != SQLITE_TEXT && t != SQLITE_BLOB)
			continue;
		if (t == SQLITE_TEXT)
			rl_utf8_quote((const char *)sqlite3_column_text(st, k),
			              RL_UTF8_QUOTE_MAX, q, sizeof q);
		snprintf(err, errlen, "%s run %lld: point %s's points.%s holds "
		         "%s%s, not a number as rooflab writes it; refusing a "
		         "crafted or altered database", path, (long long)run_id,
		         idx, sqlite3_column_name(st, k),
		         t == SQLITE_TEXT ? "text " : "a blob",
		         t == SQLITE_TEXT ? q : "");
		break;
	}
	sqlite3_finalize(st);
	return RL_EINPUT;
}

/* The run's text columns (declared TEXT) each NULL or clean text in every
** point (rl_cell_text_fault), checked before a line is written: a blob or bytes
** of no UTF-8 edited in by hand went into the CSV as they stood (no UTF-8,
** cut at a NUL, an ESC sent to the terminal) and into the JSON as U+FFFD,
** with exit 0.  Refused as check_numbers refuses text in a number column,
** naming the file, the run, the first such point, its column and its
** value.  The function is registered on this connection alone, for direct
** use (a view or trigger of the file cannot call it).  0, or RL_EINPUT /
** the read's exit with err. */
static int check_texts(sqlite3 *db, const char *path, int64_t run_id,
                       const colset *c, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t cap = 256 + (size_t)c->ncols * 200, used;
	char *sql, q[RL_UTF8_QUOTE_MAX + 64], idx[RL_CELL_QUOTE_LEN];
	int rc, k, any = 0;
	for (k = 0; k < c->ncols; k++)
		any |= !number_column(c->names[k]);
	if (!any)
		return 0;
	rc = sqlite3_create_function_v2(db, "rl_text_fault", 1,
	                                TEXT_FAULT_FLAGS, NULL, text_fault,
	                                NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	if (!(sql = malloc(cap))) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	used = (size_t)snprintf(sql, cap, "SELECT quote(idx)");
	for (k = 0; k < c->ncols; k++)
		if (!number_column(c->names[k]))
			used += (size_t)snprintf(sql + used, cap - used,
			                         ", \"%s\", rl_text_fault(\"%s\")",
			                         c->names[k], c->names[k]);
	used += (size_t)snprintf(sql + used, cap - used, " FROM points WHERE "
	                         "run_id = ?1 AND (0");
	for (k = 0; k < c->ncols; k++)
		if (!number_column(c->names[k]))
			used += (size_t)snprintf(sql + used, cap - used,
			                         " OR rl_text_fault(\"%s\")",
			                         c->names[k]);
	snprintf(sql + used, cap - used, ") ORDER BY idx LIMIT 1");
	rc = first_fault(db, path, run_id, sql, &st, idx, sizeof idx, err,
	                 errlen);
	free(sql);
	if (rc || !st)
		return rc;
	for (k = 1; k + 1 < sqlite3_column_count(st); k += 2) {
		int kind = sqlite3_column_int(st, k + 1);
		if (kind == RL_CELL_TEXT_OK)
			continue;
		if (kind != RL_CELL_TEXT_BLOB)
			rl_utf8_quote((const char *)sqlite3_column_text(st, k),
			              RL_UTF8_QUOTE_MAX, q, sizeof q);
		snprintf(err, errlen, "%s run %lld: point %s's points.%s holds "
		         "%s%s%s, not text as rooflab writes it; refusing a "
		         "crafted or altered database", path, (long long)run_id,
		         idx, sqlite3_column_name(st, k),
		         kind == RL_CELL_TEXT_BLOB ? "a blob" : "text ",
		         kind == RL_CELL_TEXT_BLOB ? "" : q,
		         rl_cell_text_words(kind));
		break;
	}
	sqlite3_finalize(st);
	return RL_EINPUT;
}

/* The run's points each at an idx of its own within [0, runs.points), as
** sweep numbers them: a crafted idx of -1 or past the run (export wrote
** the row with exit 0, and said the run lacked a point), or one two rows
** hold (points made again without its UNIQUE(run_id, idx): two rows of
** one point), is refused as merge refuses such a part
** (part_points_typed), naming the file, the run and the idx, before a
** line is written.  Run after check_numbers (every idx a whole number).
** A runs.points that is no whole number ('x', 4.5: the range unknown) is
** refused first, as merge refuses it (read_runs).  0, or RL_EINPUT / the
** read's exit with err. */
static int check_indexes(sqlite3 *db, const char *path, int64_t run_id,
                         char *err, size_t errlen)
{
	static const char *const sql[3] = {
	    "SELECT quote(points), typeof(points) FROM runs WHERE id = ?1 AND "
	    "typeof(points) != 'integer'",
	    "SELECT idx, r.points FROM points, runs r WHERE run_id = ?1 AND "
	    "r.id = ?1 AND (idx < 0 OR idx >= r.points) ORDER BY idx LIMIT 1",
	    "SELECT idx, count(*) FROM points WHERE run_id = ?1 GROUP BY idx "
	    "HAVING count(*) > 1 ORDER BY idx LIMIT 1"};
	int k;
	for (k = 0; k < 3; k++) {
		sqlite3_stmt *st;
		int rc = first_fault(db, path, run_id, sql[k], &st, NULL, 0, err,
		                     errlen);
		if (rc)
			return rc;
		if (st && k == 0) {
			char q[RL_CELL_QUOTE_LEN];
			const char *v = (const char *)sqlite3_column_text(st, 0);
			rl_cell_sql_quote(v ? v : "NULL", q, sizeof q);
			snprintf(err, errlen, "%s run %lld: runs.points holds %s (%s), "
			         "not a whole number as rooflab writes it; refusing a "
			         "crafted or altered database", path, (long long)run_id,
			         q, (const char *)sqlite3_column_text(st, 1));
		} else if (st) {
			long long idx = sqlite3_column_int64(st, 0);
			long long n = sqlite3_column_int64(st, 1);
			char range[64] = "";
			if (k == 1 && n > 0)
				snprintf(range, sizeof range, " (0 to %lld)", n - 1);
			if (k == 1)
				snprintf(err, errlen, "%s run %lld: points.idx %lld is not "
				         "one of its %lld points%s; refusing a crafted or "
				         "altered database", path, (long long)run_id, idx, n,
				         range);
			else
				snprintf(err, errlen, "%s run %lld: points.idx %lld is held "
				         "by %lld points; refusing a crafted or altered "
				         "database", path, (long long)run_id, idx, n);
		}
		if (st) {
			sqlite3_finalize(st);
			return RL_EINPUT;
		}
	}
	return 0;
}

/* The run's row (runs), which the JSON's and JSONL's "run" carries and
** export's notes read, its text cells checked by the rule of the points'
** (rl_cell_text_fault) before a line is written, in every format alike: a
** runs.version or profile_fit edited to hold an ESC, a bidirectional
** control or a byte of no UTF-8 went into the JSON with exit 0 (the ESC
** escaped, the control as it stood, the byte U+FFFD) while the same cell
** in a point was refused (sweeps77).  Refused as check_texts refuses a
** point's, naming the file, the run, the column and the value.  The spec
** (its comments may hold any bytes: config/ini.c) and its path (the file
** system's, whatever its bytes: merge's read_runs) are the user's as
** sweep read them: a control or a byte of no UTF-8 there is written
** escaped (\uXXXX, U+FFFD: config/json.c), a blob or a NUL, which sweep
** never stores, refused.  0, or RL_EINPUT / the read's exit with err. */
static int check_run_row(sqlite3 *db, const char *path, int64_t run_id,
                         char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = first_fault(db, path, run_id,
	                     "SELECT * FROM runs WHERE id = ?1", &st, NULL, 0,
	                     err, errlen);
	int fault;
	if (rc || !st)
		return rc;
	fault = rl_cell_run_row_fault(st, path, (long long)run_id,
	                              "refusing a crafted or altered database",
	                              err, errlen);
	sqlite3_finalize(st);
	return fault ? RL_EINPUT : 0;
}

/* Each column of the table runs named in UTF-8: the JSON's run object
** takes every column of runs (json_head, SELECT *), a name's bytes of no
** UTF-8 each written U+FFFD, so two crafted columns "a\xff" and "a\xfe"
** gave the object one key twice (fuzz79).  Refused whatever the format,
** before a line is written, as a crafted cell is.  0, or RL_EINPUT / the
** read's exit with err. */
static int check_run_names(sqlite3 *db, const char *path, char *err,
                           size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT name FROM "
	                            "pragma_table_info('runs')", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		char q[RL_UTF8_QUOTE_MAX + 64];
		if (!name || rl_utf8_bad(name) < 0)
			continue;
		snprintf(err, errlen, "%s: the table runs has a column named %s, "
		         "whose name is no UTF-8; refusing a crafted or altered "
		         "database", path,
		         rl_utf8_quote(name, RL_UTF8_QUOTE_MAX, q, sizeof q));
		sqlite3_finalize(st);
		return RL_EINPUT;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rl_store_error(db, rc, path, err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

/* t as one CSV field: quoted where it holds a comma, a quote or a line
** break (a unit read from the file is text like any other) */
static void csv_text(FILE *out, const char *t)
{
	if (strpbrk(t, ",\"\n\r")) {
		fputc('"', out);
		for (; *t; t++) {
			if (*t == '"')
				fputc('"', out);
			fputc(*t, out);
		}
		fputc('"', out);
	} else {
		fputs(t, out);
	}
}

/* The header field of result column k (0 run_id, 1 idx, 2 status, then
** the run's columns): its name, with RL_EXPORT_CSV_UNITS its unit after
** it where it has one */
static void csv_head(FILE *out, sqlite3_stmt *st, const colset *c, int k,
                     int format)
{
	const char *name = sqlite3_column_name(st, k);
	const char *unit = k >= 3 && k - 3 < c->ncols ? c->units[k - 3] : "";
	char *both;
	size_t n;
	if (format != RL_EXPORT_CSV_UNITS || !unit[0]) {
		csv_text(out, name);
		return;
	}
	n = strlen(name) + strlen(unit) + 4;
	if (!(both = malloc(n))) { /* the name alone rather than nothing */
		csv_text(out, name);
		return;
	}
	snprintf(both, n, "%s (%s)", name, unit);
	csv_text(out, both);
	free(both);
}

static void csv_field(FILE *out, sqlite3_stmt *st, int k)
{
	switch (sqlite3_column_type(st, k)) {
	case SQLITE_NULL:
		break;
	case SQLITE_INTEGER:
		fprintf(out, "%lld", (long long)sqlite3_column_int64(st, k));
		break;
	case SQLITE_FLOAT: {
		/* the fewest digits that read back as the value: "0.05" */
		char num[32];
		json_exact_text(sqlite3_column_double(st, k), num);
		fputs(num, out);
		break;
	}
	default:
		csv_text(out, (const char *)sqlite3_column_text(st, k));
	}
}

static void json_field(json_w *w, sqlite3_stmt *st, int k)
{
	const char *name = sqlite3_column_name(st, k);
	switch (sqlite3_column_type(st, k)) {
	case SQLITE_NULL:
		json_null(w, name);
		break;
	case SQLITE_INTEGER: /* whole: a seed of 11 digits kept */
		json_int(w, name, (long long)sqlite3_column_int64(st, k));
		break;
	case SQLITE_FLOAT: { /* every digit the database holds */
		double v = sqlite3_column_double(st, k);
		char num[32];
		/* an infinity (SQLite keeps one: 1e999 in a REAL column) as
		** csv_field writes it, the string "inf" or "-inf": JSON has no
		** number for it, and null reads as no value at all */
		if (isfinite(v)) {
			json_num_exact(w, name, v);
		} else {
			json_exact_text(v, num);
			json_str(w, name, num);
		}
		break;
	}
	default:
		json_str(w, name, (const char *)sqlite3_column_text(st, k));
	}
}

static void column_doc(json_w *w, const char *dotted)
{
	const char *doc = rl_sweep_column_doc(dotted);
	if (doc)
		json_str(w, "doc", doc);
}

static int json_head(sqlite3 *db, int64_t run_id, json_w *w)
{
	sqlite3_stmt *st;
	int rc, k;
	rc = sqlite3_prepare_v2(db, "SELECT * FROM runs WHERE id = ?", -1, &st,
	                        NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	json_obj(w, "run");
	/* a read error fails the export, as one in the points does */
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (k = 0; k < sqlite3_column_count(st); k++)
			json_field(w, st, k);
	json_end(w);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	rc = sqlite3_prepare_v2(db, "SELECT name, source, dotted, unit FROM "
	                        "run_columns WHERE run_id = ? ORDER BY ord", -1,
	                        &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	json_arr(w, "columns");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_obj(w, NULL);
		for (k = 0; k < 4; k++)
			json_field(w, st, k);
		column_doc(w, (const char *)sqlite3_column_text(st, 2));
		json_end(w);
	}
	json_end(w);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int write_rows(sqlite3 *db, int64_t run_id, const colset *c,
                      int format, FILE *out)
{
	sqlite3_stmt *st;
	size_t cap = 128 + (size_t)c->ncols * 80, used;
	char *sql = malloc(cap);
	int rc, k, n;
	json_w w;
	if (!sql)
		return SQLITE_NOMEM;
	used = (size_t)snprintf(sql, cap, "SELECT run_id, idx, status");
	for (k = 0; k < c->ncols; k++)
		used += (size_t)snprintf(sql + used, cap - used, ", \"%s\"",
		                         c->names[k]);
	snprintf(sql + used, cap - used, " FROM points WHERE run_id = ? "
	         "ORDER BY idx");
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, run_id);
	n = sqlite3_column_count(st);
	if (format == RL_EXPORT_JSONL) {
		json_begin_line(&w, out);
		rc = json_head(db, run_id, &w);
		json_finish(&w);
		if (rc != SQLITE_OK) {
			sqlite3_finalize(st);
			return rc;
		}
	} else if (format != RL_EXPORT_JSON) {
		for (k = 0; k < n; k++) {
			if (k)
				fputc(',', out);
			csv_head(out, st, c, k, format);
		}
		fputc('\n', out);
	} else {
		json_begin(&w, out);
		rc = json_head(db, run_id, &w);
		if (rc != SQLITE_OK) {
			sqlite3_finalize(st);
			return rc;
		}
		json_arr(&w, "points");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (format == RL_EXPORT_JSONL) {
			json_begin_line(&w, out);
			for (k = 1; k < n; k++)
				json_field(&w, st, k);
			json_finish(&w);
		} else if (format != RL_EXPORT_JSON) {
			for (k = 0; k < n; k++) {
				if (k)
					fputc(',', out);
				csv_field(out, st, k);
			}
			fputc('\n', out);
		} else {
			json_obj(&w, NULL);
			for (k = 1; k < n; k++)
				json_field(&w, st, k);
			json_end(&w);
		}
	}
	sqlite3_finalize(st);
	if (format == RL_EXPORT_JSON)
		json_finish(&w);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The runs of the file besides run_id, for the note that the export is
** one run of several (a file holds many; the newest is taken without
** --run): their count and the first 8 by id with their spec's path.  A
** read that fails leaves them unsaid. */
static void other_runs(sqlite3 *db, int64_t run_id, rl_export_state *state)
{
	sqlite3_stmt *st;
	size_t used = 0;
	if (sqlite3_prepare_v2(db, "SELECT id, spec_path FROM runs WHERE id != "
	                       "? ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, run_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(st, 1);
		char cell[200];
		if (state->others++ >= 8 || used + 220 > sizeof state->other_runs)
			continue;
		rl_utf8_cell(path ? path : "", 0, 0, cell, sizeof cell);
		used += (size_t)snprintf(state->other_runs + used,
		                         sizeof state->other_runs - used,
		                         "%srun %lld (%s)", used ? ", " : "",
		                         (long long)sqlite3_column_int64(st, 0),
		                         cell);
	}
	sqlite3_finalize(st);
	if (state->others > 8 && used + 8 < sizeof state->other_runs)
		snprintf(state->other_runs + used, sizeof state->other_runs - used,
		         ", ...");
}

int rl_sweep_export(const char *db_path, int64_t run_id, int format,
                    FILE *out, int64_t *run_id_out, rl_export_state *state,
                    char *err, size_t errlen)
{
	sqlite3 *db;
	colset c;
	int rc;
	memset(&c, 0, sizeof c);
	rc = rl_store_open(db_path, 1, RL_SWEEP_BUSY_MS, &db, err, errlen);
	if (rc)
		return rc;
	rc = pick_run(db, db_path, &run_id, err, errlen);
	if (!rc)
		rc = read_columns(db, db_path, run_id, &c, err, errlen);
	if (!rc)
		rc = check_numbers(db, db_path, run_id, &c, err, errlen);
	if (!rc)
		rc = check_texts(db, db_path, run_id, &c, err, errlen);
	if (!rc)
		rc = check_indexes(db, db_path, run_id, err, errlen);
	if (!rc)
		rc = check_run_names(db, db_path, err, errlen);
	if (!rc)
		rc = check_run_row(db, db_path, run_id, err, errlen);
	memset(state, 0, sizeof *state);
	*run_id_out = 0;
	if (!rc) {
		int src = write_rows(db, run_id, &c, format, out);
		*run_id_out = run_id;
		/* after a failure db's message is the failure's: no query */
		if (src == SQLITE_OK) {
			state->missing = rl_store_run_missing(db, run_id);
			state->unfinished = rl_store_run_progress(
			    db, run_id, &state->done, &state->of);
			other_runs(db, run_id, state);
			state->nfit = rl_store_run_fit(db, run_id, state->fit);
			rl_store_run_software(db, run_id, state->software);
			rl_store_run_fit_unrecorded(db, run_id, state->fit_unrec,
			                            state->chip, state->profile,
			                            sizeof state->chip);
			if (state->missing || state->unfinished)
				rl_store_resume_command(db, run_id, db_path,
				                        state->resume,
				                        sizeof state->resume);
		}
		if (src != SQLITE_OK) {
			/* the file is rooflab's (rl_store_open checked its mark), so
			** a failing query means it was damaged or altered */
			rl_store_error(db, src, db_path, err, errlen);
			rc = rl_db_exit(src);
		}
	}
	colset_free(&c);
	sqlite3_close(db);
	return rc;
}
