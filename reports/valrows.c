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

/* Run v's rows_of, as pdb_validation_run read and checked it (a value
** validate never writes failed the report there, exit 2, as it fails
** rooflab plot validation), into r->val_rows, and a file's name read
** again whole into r->val_file (pdb's v->file is cut at 255 bytes). */
static void read_rows(rctx *r, const pdb_validation *v)
{
	sqlite3_stmt *st;
	char raw[sizeof r->val_file];
	r->val_rows = v->rows_of == PDB_ROWS_SHIPPED ? REPORT_ROWS_SHIPPED
	              : v->rows_of == PDB_ROWS_FILE ? REPORT_ROWS_FILE
	                                            : REPORT_ROWS_UNRECORDED;
	r->val_file[0] = '\0';
	if (r->val_rows != REPORT_ROWS_FILE)
		return;
	raw[0] = '\0';
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT measurements_file FROM "
	                          "validation_runs WHERE id = ?1"))) {
		r->val_rows = -1;
		return;
	}
	sqlite3_bind_int64(st, 1, v->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, raw, sizeof raw);
	report_finish(r, st, r->o->dbpath);
	if (r->bad) {
		r->val_rows = -1;
		return;
	}
	/* the name as validate was given it, bound when stored; a newline or
	** an escape in it would end the list item or reach a terminal
	** reading the Markdown */
	rl_utf8_cell(raw[0] ? raw : v->file, 0, 0, r->val_file,
	             sizeof r->val_file);
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
		read_rows(r, v);
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
