/*
** valstore.c: evaluated validation rows and their summary stored in a
** claim database, with the repeatability of the measurements, in one
** transaction (valstore.h).
*/
#include "valstore.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../config/dbfile.h"
#include "../config/stamp.h"
#include "schema.h"

/* The pairs of versions into validation_repeat of run `run`: SQLITE_OK
** or SQLite's code. */
static int store_repeat(sqlite3 *db, sqlite3_int64 run, const val_repeat *rp,
                        size_t nr)
{
	sqlite3_stmt *st;
	char va[2 * MEAS_FIELD + 2], vb[2 * MEAS_FIELD + 2];
	size_t i;
	int rc = sqlite3_prepare_v2(db, "INSERT INTO validation_repeat VALUES("
	                            "?,?,?,?,?,?,?,?,?,?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	for (i = 0; i < nr; i++) {
		val_key_of(rp[i].a, VAL_BY_VERSION, va, sizeof va);
		val_key_of(rp[i].b, VAL_BY_VERSION, vb, sizeof vb);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, run);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, va, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, vb, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)rp[i].cells);
		sqlite3_bind_double(st, 6, rp[i].median_abs);
		sqlite3_bind_double(st, 7, rp[i].p90_abs);
		sqlite3_bind_double(st, 8, rp[i].median);
		sqlite3_bind_text(st, 9, val_harness_name(rp[i].harness), -1,
		                  SQLITE_STATIC);
		sqlite3_bind_int(st, 10, rp[i].adjacent != 0);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	return sqlite3_finalize(st);
}

int val_store(const char *path, const char *profile, const val_row *v,
              size_t n, const val_repeat *rp, size_t nr, const char *trust,
              const char *mfile, long long *run_id, char *err,
              size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_int64 run;
	char created[32], ver[2 * MEAS_FIELD + 2];
	size_t i, rows;
	int status, existed;
	double med, p90;
	rows = val_summary(v, n, VAL_SETS_MODELLED, &med, &p90);
	rl_utc_now(created, sizeof created);
	existed = access(path, F_OK) == 0;
	/* the upgrade of an older file, its mark and the rows: one
	** transaction (rows that fail to be written leave it as it was) */
	status = rl_db_open_write_begun(path, &claim_db_kind, 5000, &db, err,
	                                errlen);
	if (status)
		return status;
	if (rl_db_exec(db, RL_CLAIM_SCHEMA_SQL, path, err, errlen) ||
	    claim_db_add_column(db, "validation", "version", "TEXT") ||
	    claim_db_add_column(db, "validation", "metric", "TEXT") ||
	    claim_db_add_column(db, "validation", "out_of_sample", "INTEGER") ||
	    claim_db_add_column(db, "validation_runs", "repeat_pairs",
	                        "INTEGER") ||
	    claim_db_add_column(db, "validation_runs", "trust", "TEXT") ||
	    claim_db_add_column(db, "validation_runs", "rows_of", "TEXT") ||
	    claim_db_add_column(db, "validation_runs", "measurements_file",
	                        "TEXT"))
		goto fail;
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO validation_runs(created, profile, "
	                       "median_abs_error, p90_abs_error, rows, "
	                       "repeat_pairs, trust, rows_of, measurements_file) "
	                       "VALUES(?,?,?,?,?,?,?,?,?)", -1,
	                       &st, NULL))
		goto fail;
	sqlite3_bind_text(st, 1, created, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, profile, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(st, 3, med);
	sqlite3_bind_double(st, 4, p90);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)rows);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)nr);
	if (trust && trust[0])
		sqlite3_bind_text(st, 7, trust, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 7);
	/* whose rows: the file's name as given, bound (a quote or a newline
	** in it is data); the report makes it safe to print */
	sqlite3_bind_text(st, 8, mfile ? "file" : "shipped", -1, SQLITE_STATIC);
	if (mfile)
		sqlite3_bind_text(st, 9, mfile, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 9);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	run = sqlite3_last_insert_rowid(db);
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO validation(run_id, id, chip, model, "
	                       "precision, isl, osl, tp, measured, modeled, "
	                       "error, in_calibration, version, metric, "
	                       "out_of_sample) "
	                       "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &st,
	                       NULL))
		goto fail;
	for (i = 0; i < n; i++) {
		if (v[i].status != VAL_OK)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, run);
		sqlite3_bind_text(st, 2, v[i].row->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, v[i].row->chip, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, v[i].row->model, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, v[i].row->precision, -1,
		                  SQLITE_TRANSIENT);
		sqlite3_bind_double(st, 6, v[i].row->isl);
		sqlite3_bind_double(st, 7, v[i].row->osl);
		sqlite3_bind_double(st, 8, v[i].row->tp);
		sqlite3_bind_double(st, 9, v[i].row->value);
		sqlite3_bind_double(st, 10, v[i].predicted);
		sqlite3_bind_double(st, 11, v[i].error);
		sqlite3_bind_int(st, 12, v[i].in_fit);
		snprintf(ver, sizeof ver, "%s%s%s", v[i].row->software,
		         v[i].row->version[0] ? " " : "", v[i].row->version);
		sqlite3_bind_text(st, 13, ver, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 14, v[i].row->metric, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 15, v[i].out_of_sample);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (store_repeat(db, run, rp, nr) != SQLITE_OK)
		goto fail;
	if (rl_db_exec(db, "COMMIT", path, err, errlen))
		goto fail;
	sqlite3_close(db);
	if (run_id)
		*run_id = (long long)run;
	return 0;
fail:
	status = sqlite3_extended_errcode(db);
	rl_db_error(db, status, path, err, errlen);
	status = rl_db_exit(status);
	sqlite3_finalize(st);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	if (!existed)
		unlink(path); /* no empty database left by a failed run */
	return status;
}
