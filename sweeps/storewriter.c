/*
** storewriter.c: the points of a sweep run written to its database: one
** prepared INSERT, batched in transactions (storewriter.h).
*/
#include "storewriter.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../config/dbfile.h"

enum { B_REAL = 0, B_INT, B_PARAM_TEXT, B_OUTPUT_TEXT };

struct rl_store_writer {
	sqlite3 *db;
	const rl_sweep_spec *s;
	int64_t run_id;
	uint64_t next_idx;  /* the run's next_idx as the last commit left it */
	sqlite3_stmt *ins, *upd, *begin, *commit, *rollback;
	int bind[RL_SWEEP_MAX_AXES + RL_SWEEP_MAX_OUTPUTS + 2];
};

void rl_store_writer_free(rl_store_writer *w)
{
	if (!w)
		return;
	sqlite3_finalize(w->ins);
	sqlite3_finalize(w->upd);
	sqlite3_finalize(w->begin);
	sqlite3_finalize(w->commit);
	sqlite3_finalize(w->rollback);
	free(w);
}

int rl_store_writer_alloc(sqlite3 *db, const rl_sweep_spec *s,
                          int64_t run_id, uint64_t next_idx,
                          rl_store_writer **out, char *err, size_t errlen)
{
	rl_store_writer *w = calloc(1, sizeof *w);
	size_t cap = 256 + s->ncols * (RL_SWEEP_COL_MAX + 8), used, i;
	char *sql = malloc(cap);
	int rc;
	*out = NULL;
	if (!w || !sql) {
		free(w);
		free(sql);
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	w->db = db;
	w->s = s;
	w->run_id = run_id;
	w->next_idx = next_idx;
	used = (size_t)snprintf(sql, cap, "INSERT INTO points(run_id, idx, "
	                        "status");
	for (i = 0; i < s->ncols; i++)
		used += (size_t)snprintf(sql + used, cap - used, ", \"%s\"",
		                         s->cols[i].name);
	used += (size_t)snprintf(sql + used, cap - used, ") VALUES(?,?,?");
	for (i = 0; i < s->ncols; i++)
		used += (size_t)snprintf(sql + used, cap - used, ",?");
	snprintf(sql + used, cap - used, ")");
	for (i = 0; i < s->ncols; i++) {
		const rl_col *c = &s->cols[i];
		if (c->source == RL_COL_AXIS)
			w->bind[i] = c->param->type == RL_PT_ENUM ? B_PARAM_TEXT
			             : c->param->type == RL_PT_REAL ? B_REAL : B_INT;
		else if (c->source == RL_COL_OUTPUT)
			w->bind[i] = c->output->type == RL_OT_NUM ? B_REAL
			                                          : B_OUTPUT_TEXT;
		else
			w->bind[i] = B_REAL;
	}
	rc = sqlite3_prepare_v2(db, sql, -1, &w->ins, NULL);
	free(sql);
	if (rc == SQLITE_OK)
		/* the count goes on only where it was kept up to next_idx
		** (NULL, unknown, in a run an older rooflab wrote to); no row
		** changes where another process moved next_idx */
		rc = sqlite3_prepare_v2(db, "UPDATE runs SET dropped = CASE WHEN "
		                        "dropped_below = next_idx THEN dropped + ?2 "
		                        "END, dropped_nofit = CASE WHEN "
		                        "dropped_below = next_idx THEN dropped_nofit "
		                        "+ ?5 END, dropped_over_tdp = CASE WHEN "
		                        "dropped_below = next_idx THEN "
		                        "dropped_over_tdp + ?6 END, dropped_inval = "
		                        "CASE WHEN dropped_below = next_idx THEN "
		                        "dropped_inval + ?7 END, "
		                        "dropped_below = ?1, next_idx = ?1 "
		                        "WHERE id = ?3 AND next_idx = ?4", -1,
		                        &w->upd, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &w->begin, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "COMMIT", -1, &w->commit, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "ROLLBACK", -1, &w->rollback, NULL);
	if (rc != SQLITE_OK) {
		/* a schema error (no such table or column) is the file's, exit
		** 2; out of memory or an I/O error the machine's (rl_db_exit) */
		rl_store_error(db, rc, "preparing the insert", err, errlen);
		rl_store_writer_free(w);
		return rl_db_exit(rc);
	}
	sqlite3_bind_int64(w->ins, 1, run_id);
	sqlite3_bind_int64(w->upd, 3, run_id);
	*out = w;
	return 0;
}

static int step_once(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int rl_store_writer_begin(rl_store_writer *w, char *err, size_t errlen)
{
	int rc = step_once(w->begin);
	if (rc != SQLITE_OK) {
		rl_store_error(w->db, rc, "starting a batch", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

int rl_store_writer_add(rl_store_writer *w, uint64_t idx, int status,
                        const double *row, char *err, size_t errlen)
{
	sqlite3_stmt *st = w->ins;
	size_t i;
	int rc;
	sqlite3_bind_int64(st, 2, (sqlite3_int64)idx);
	sqlite3_bind_int(st, 3, status);
	for (i = 0; i < w->s->ncols; i++) {
		double v = row[i];
		int k = (int)i + 4;
		if (isnan(v)) {
			sqlite3_bind_null(st, k);
			continue;
		}
		switch (w->bind[i]) {
		case B_REAL:
			sqlite3_bind_double(st, k, v);
			break;
		case B_INT:
			sqlite3_bind_int64(st, k, (sqlite3_int64)v);
			break;
		case B_PARAM_TEXT:
			sqlite3_bind_text(st, k, w->s->cols[i].param->choices[(int)v],
			                  -1, SQLITE_STATIC);
			break;
		default:
			sqlite3_bind_text(st, k,
			                  rl_output_text(w->s->cols[i].output, v), -1,
			                  SQLITE_STATIC);
		}
	}
	rc = step_once(st);
	if (rc != SQLITE_OK) {
		rl_store_error(w->db, rc, "storing a point", err, errlen);
		return rl_db_exit(rc);
	}
	return 0;
}

int rl_store_writer_commit(rl_store_writer *w, uint64_t next_idx,
                           uint64_t dropped, const uint64_t *unanswered,
                           char *err, size_t errlen)
{
	int rc, k;
	sqlite3_bind_int64(w->upd, 1, (sqlite3_int64)next_idx);
	sqlite3_bind_int64(w->upd, 2, (sqlite3_int64)dropped);
	for (k = 0; k < RL_STORE_UNANSWERED; k++)
		sqlite3_bind_int64(w->upd, 5 + k, unanswered ?
		                   (sqlite3_int64)unanswered[k] : 0);
	sqlite3_bind_int64(w->upd, 4, (sqlite3_int64)w->next_idx);
	rc = step_once(w->upd);
	if (rc == SQLITE_OK && sqlite3_changes(w->db) != 1) {
		snprintf(err, errlen, "committing a batch: another process is "
		         "writing the same run (its next point is no longer %llu); "
		         "run one sweep per shard at a time",
		         (unsigned long long)w->next_idx);
		rl_store_writer_rollback(w);
		return RL_EINPUT;
	}
	if (rc == SQLITE_OK)
		rc = step_once(w->commit);
	if (rc != SQLITE_OK) {
		rl_store_error(w->db, rc, "committing a batch", err, errlen);
		rl_store_writer_rollback(w);
		return rl_db_exit(rc);
	}
	w->next_idx = next_idx;
	return 0;
}

void rl_store_writer_rollback(rl_store_writer *w)
{
	if (!sqlite3_get_autocommit(w->db))
		step_once(w->rollback);
}
