/*
** valrows.c: whose rows the report's validation run is over, as validate
** --db recorded it (validation_runs.rows_of and measurements_file, the
** same words as validate --json's rows_of): the shipped measurements, a
** --measurements file (named), or not recorded (a run written before the
** columns: said so, never guessed), looked up once; and the words the
** report names those rows with (repeat.c's trust sentence, more.c's
** validation section).
*/
#include <stdio.h>
#include <string.h>

#include "../model/utf8.h"
#include "rctx.h"

/* A run's rows_of and measurements_file read into r->val_rows and
** r->val_file; a value validate never writes fails the report (exit 2). */
static void read_rows(rctx *r, long run)
{
	sqlite3_stmt *st;
	char of[16] = "", raw[sizeof r->val_file], msg[sizeof r->bad_msg];
	int of_type = SQLITE_NULL, file_type = SQLITE_NULL;
	r->val_rows = REPORT_ROWS_UNRECORDED;
	r->val_file[0] = '\0';
	raw[0] = '\0';
	if (!report_has_column(r, r->db, r->o->dbpath, "validation_runs",
	                       "rows_of") ||
	    !report_has_column(r, r->db, r->o->dbpath, "validation_runs",
	                       "measurements_file") ||
	    !(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT rows_of, measurements_file FROM "
	                          "validation_runs WHERE id = ?1"))) {
		if (r->bad)
			r->val_rows = -1;
		return;
	}
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) == SQLITE_ROW) {
		of_type = sqlite3_column_type(st, 0);
		file_type = sqlite3_column_type(st, 1);
		pdb_text(st, 0, of, sizeof of);
		pdb_text(st, 1, raw, sizeof raw);
	}
	report_finish(r, st, r->o->dbpath);
	if (r->bad) {
		r->val_rows = -1;
		return;
	}
	if (of_type == SQLITE_NULL)
		return; /* written before validate recorded it */
	if (of_type == SQLITE_TEXT && !strcmp(of, "shipped") &&
	    file_type == SQLITE_NULL) {
		r->val_rows = REPORT_ROWS_SHIPPED;
		return;
	}
	if (of_type == SQLITE_TEXT && !strcmp(of, "file") &&
	    file_type == SQLITE_TEXT && raw[0]) {
		/* the name as validate was given it, bound when stored; a
		** newline or an escape in it would end the list item or reach
		** a terminal reading the Markdown */
		rl_utf8_cell(raw, 0, 0, r->val_file, sizeof r->val_file);
		r->val_rows = REPORT_ROWS_FILE;
		return;
	}
	if (of_type != SQLITE_TEXT ||
	    (strcmp(of, "shipped") && strcmp(of, "file")))
		snprintf(msg, sizeof msg, "%s: cannot read: validation_runs.rows_of "
		         "of validation run %ld holds %s, where rooflab validate "
		         "writes 'shipped' or 'file' (a database changed by hand?)",
		         r->o->dbpath, run, of_type == SQLITE_TEXT
		         ? "other text" : pdb_cell_words(of_type,
		                                                     "a number"));
	else
		snprintf(msg, sizeof msg, "%s: cannot read: validation_runs."
		         "measurements_file of validation run %ld holds %s beside "
		         "rows_of '%s', where rooflab validate writes %s (a database "
		         "changed by hand?)", r->o->dbpath, run,
		         file_type == SQLITE_TEXT ? (raw[0] ? "a name" : "empty text")
		         : pdb_cell_words(file_type, "a number"), of,
		         of[0] == 's' ? "NULL" : "the file's name");
	report_bad(r, RL_EINPUT | PDB_UNREAD, msg);
	r->val_rows = -1;
}

int report_val_rows(rctx *r, const char **file)
{
	const pdb_validation *v;
	*file = r->val_file;
	if (!r->val_rows) {
		if (report_val_run(r, &v) <= 0) {
			r->val_file[0] = '\0';
			return 0; /* not kept: no run, nothing to say */
		}
		read_rows(r, v->id);
	}
	return r->val_rows;
}

const char *report_rows_words(rctx *r, char *buf, size_t len)
{
	const char *f;
	switch (report_val_rows(r, &f)) {
	case REPORT_ROWS_FILE:
		snprintf(buf, len, "the rows of the file validate was given (%s), "
		         "not the published measurements rooflab ships", f);
		break;
	case REPORT_ROWS_UNRECORDED:
		snprintf(buf, len, "this validation run's measurements (rows not "
		         "recorded: the run was written before rooflab stored "
		         "whether validate read the shipped published measurements "
		         "or a file of its own)");
		break;
	default: /* the shipped rows (or none: the caller says so) */
		snprintf(buf, len, "the published measurements");
	}
	return buf;
}
