/*
** rctx.c: the helpers of rctx.h that every section calls while one report
** is written: keep the report's first failure (report_bad), and read
** through it (report_prepare, report_finish, report_has,
** report_has_column, report_side_label, report_side_text, and
** report_val_run, which looks the validation run up once), so that a
** database that fails to read fails the report.  They call only plots/ below; report.c, which
** calls the sections, is above them.
*/
#include "rctx.h"

#include <math.h>
#include <stdio.h>

#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../plots/kinds.h"

void report_bad(rctx *r, int rc, const char *msg)
{
	if (rc && !r->bad) {
		r->bad = pdb_exit(rc);
		snprintf(r->bad_msg, sizeof r->bad_msg, "%s", msg);
	}
}

void report_finish(rctx *r, sqlite3_stmt *st, const char *path)
{
	char msg[sizeof r->bad_msg];
	report_bad(r, pdb_finish(st, path, msg, sizeof msg), msg);
}

int report_has(rctx *r, sqlite3 *db, const char *path, const char *name)
{
	char msg[sizeof r->bad_msg];
	int has, rc = pdb_has(db, path, name, &has, msg, sizeof msg);
	report_bad(r, rc, msg);
	return rc == RL_OK && has;
}

int report_has_column(rctx *r, sqlite3 *db, const char *path,
                      const char *table, const char *col)
{
	char msg[sizeof r->bad_msg];
	int has, rc = pdb_has_column(db, path, table, col, &has, msg,
	                             sizeof msg);
	report_bad(r, rc, msg);
	return rc == RL_OK && has;
}

const char *report_side_label(rctx *r, const char *side, char *buf,
                              size_t len)
{
	char msg[sizeof r->bad_msg];
	report_bad(r, plot_side_label(r->db, r->o->dbpath, &r->c, side, buf, len,
	                              msg, sizeof msg), msg);
	return buf;
}

sqlite3_stmt *report_prepare(rctx *r, sqlite3 *db, const char *path,
                             const char *sql)
{
	char msg[sizeof r->bad_msg];
	sqlite3_stmt *st;
	report_bad(r, pdb_prepare(db, path, sql, &st, msg, sizeof msg), msg);
	return st;
}

void report_side_text(rctx *r, const char *side, const char *name,
                      char *buf, size_t len)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	if (!report_has(r, r->db, r->o->dbpath, "claim_sides") ||
	    !(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT text FROM claim_sides WHERE run_id = "
	                          "?1 AND side = ?2 AND name = ?3")))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, buf, len);
	report_finish(r, st, r->o->dbpath);
}

int report_val_run(rctx *r, const pdb_validation **v)
{
	if (!r->val_state) {
		char err[sizeof r->bad_msg];
		int rc = pdb_validation_run(r->db, r->o->dbpath, 0, &r->val, err,
		                            sizeof err);
		if (rc == RL_OK)
			r->val_state = 1;
		else if (pdb_is_unread(rc)) {
			report_bad(r, rc, err);
			r->val_state = 3;
		} else
			r->val_state = 2;
	}
	*v = &r->val;
	return r->val_state == 1 ? 1 : r->val_state == 2 ? 0 : -1;
}

/* report_bad_cell and report_bad_needed: a NULL allowed unless needed. */
static int bad_cell(rctx *r, sqlite3_stmt *st, int col, const char *name,
                    const char *table, const char *side, int whole,
                    int needed, double lo, double hi)
{
	int type = sqlite3_column_type(st, col);
	const char *held = pdb_cell_words(type, NULL);
	double v = sqlite3_column_double(st, col);
	char why[128], vt[32], lt[32], ht[32];
	if (type == SQLITE_NULL && !whole && !needed)
		return 0;
	/* the value held and the bounds in all their digits
	** (rl_number_write: 2.5000001, not a whole number, where %g wrote
	** 2.5), as a refused setting is quoted */
	rl_number_write(v, vt, sizeof vt);
	rl_number_write(lo, lt, sizeof lt);
	rl_number_write(hi, ht, sizeof ht);
	if (held)
		snprintf(why, sizeof why, "%s", held);
	else if (whole && type != SQLITE_INTEGER)
		snprintf(why, sizeof why, "%s, not a whole number", vt);
	else if (needed && isinf(v)) /* "inf": claim writes it finite */
		snprintf(why, sizeof why, "%s", vt);
	else if (!(v >= lo && v <= hi))
		snprintf(why, sizeof why, isinf(hi) ? "%s, below %s"
		                                    : "%s, outside [%s, %s]",
		         vt, lt, ht);
	else
		return 0;
	report_cell_refused(r, table, name, side, why, whole ? "a whole number"
	                    : needed && isinf(v) ? "a finite number"
	                    : needed ? "a number" : "a number or NULL");
	return 1;
}

void report_cell_refused(rctx *r, const char *table, const char *name,
                         const char *side, const char *why,
                         const char *writes)
{
	char msg[sizeof r->bad_msg];
	snprintf(msg, sizeof msg, "%s: cannot read: %s.%s of claim run %ld, "
	         "side %s, holds %s, where rooflab claim writes %s (a database "
	         "changed by hand?)", r->o->dbpath, table, name, r->c.id, side,
	         why, writes);
	report_bad(r, RL_EINPUT, msg);
}

int report_bad_cell(rctx *r, sqlite3_stmt *st, int col, const char *name,
                    const char *table, const char *side, int whole,
                    double lo, double hi)
{
	return bad_cell(r, st, col, name, table, side, whole, 0, lo, hi);
}

int report_bad_needed(rctx *r, sqlite3_stmt *st, int col, const char *name,
                      const char *table, const char *side, double lo,
                      double hi)
{
	return bad_cell(r, st, col, name, table, side, 0, 1, lo, hi);
}

const char *report_whole_text(char *buf, size_t len, double v)
{
	/* a value that rounds to zero from below (-0.4, -0.0) is "0",
	** where "%.0f" kept its sign, "-0" */
	if (fabs(v) < 1e15)
		snprintf(buf, len, "%.0f", rint(v) == 0 ? 0.0 : v);
	else
		rl_fig_text(buf, len, v);
	return buf;
}
