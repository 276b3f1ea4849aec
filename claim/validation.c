/*
** validation.c: the model against measured rows (validation.h): each row
** evaluated with a profile, the microbenchmarks set against the profile,
** the error statistics, and the rows stored in the tables of schema.h.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/engine.h"
#include "../config/stamp.h"
#include "../model/stats.h"
#include "schema.h"
#include "validation.h"

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

int val_store(const char *path, const char *profile, const val_row *v,
              size_t n, const val_summary *all, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_int64 run;
	char created[32];
	size_t i;
	int status;
	rl_utc_now(created, sizeof created);
	status = rl_db_open_write(path, &claim_db_kind, 5000, &db, err, errlen);
	if (status)
		return status;
	if (exec(db, "BEGIN IMMEDIATE") || exec(db, RL_CLAIM_SCHEMA_SQL))
		goto fail;
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO validation_runs(created, profile, "
	                       "median_abs_error, p90_abs_error, rows) "
	                       "VALUES(?,?,?,?,?)", -1, &st, NULL))
		goto fail;
	sqlite3_bind_text(st, 1, created, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, profile, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(st, 3, all->median);
	sqlite3_bind_double(st, 4, all->p90);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)all->rows);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	run = sqlite3_last_insert_rowid(db);
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO validation(run_id, id, chip, model, "
	                       "precision, isl, osl, tp, measured, modeled, "
	                       "error, in_calibration) "
	                       "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", -1, &st, NULL))
		goto fail;
	for (i = 0; i < n; i++) {
		if (!isfinite(v[i].model))
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
		sqlite3_bind_double(st, 10, v[i].model);
		sqlite3_bind_double(st, 11, v[i].error);
		sqlite3_bind_int(st, 12, v[i].in_calib);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (exec(db, "COMMIT"))
		goto fail;
	sqlite3_close(db);
	return 0;
fail:
	snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
	status = rl_db_exit(sqlite3_extended_errcode(db));
	sqlite3_finalize(st);
	exec(db, "ROLLBACK");
	sqlite3_close(db);
	return status;
}

/* A microbenchmark row (a GEMM's TFLOPS, a copy's TB/s) set against the
** chip's peak and the profile's matching efficiency.  1 if it is one. */
static int micro_note(const meas_row *m, const char *profile, char *note,
                      size_t len)
{
	rl_setup st;
	char err[512];
	int gemm = !strcmp(m->metric, "tflops");
	int copy = !strcmp(m->metric, "tb_per_s_read_plus_write");
	double peak;
	if (!gemm && !copy)
		return 0;
	setup_init(&st);
	if (setup_load(&st, "profile", profile, err, sizeof err) ||
	    setup_load(&st, "chip", m->chip, err, sizeof err))
		return 0;
	if (gemm) {
		peak = st.cfg.chip.peak_flops_bf16 / 1e12;
		if (!(peak > 0))
			return 0;
		snprintf(note, len, "microbenchmark: %.0f TFLOPS = %.0f%% of the "
		         "BF16 peak; profile eff_compute %.0f%%", m->value,
		         100 * m->value / peak, 100 * st.cfg.prof.eff_compute);
	} else {
		peak = st.cfg.chip.hbm_Bps / 1e12;
		if (!(peak > 0))
			return 0;
		snprintf(note, len, "microbenchmark: %.2f TB/s = %.0f%% of HBM "
		         "bandwidth; profile eff_memory %.0f%%", m->value,
		         100 * m->value / peak, 100 * st.cfg.prof.eff_memory);
	}
	return 1;
}

size_t val_evaluate(const meas_set *set, const char *profile,
                    const char *calib_sw, val_row *v)
{
	char err[1024];
	size_t i, used = 0;
	for (i = 0; i < set->n; i++) {
		const meas_row *m = &set->rows[i];
		rl_setup st;
		rl_result r;
		v[i].row = m;
		v[i].model = NAN;
		v[i].error = NAN;
		v[i].in_calib = !strcmp(m->software, calib_sw);
		if (!m->modelled) {
			if (!micro_note(m, profile, v[i].note, sizeof v[i].note))
				snprintf(v[i].note, sizeof v[i].note,
				         "not modelled: %.200s", m->why_not);
			continue;
		}
		if (meas_setup(m, profile, &st, err, sizeof err)) {
			snprintf(v[i].note, sizeof v[i].note, "cannot set up: %.200s",
			         err);
			continue;
		}
		if (rl_eval(&st.cfg, &r) != RL_OK) {
			snprintf(v[i].note, sizeof v[i].note, "engine: %.200s",
			         r.error);
			continue;
		}
		v[i].model = meas_metric(m) == 0 ? r.output_tps : r.total_tps;
		v[i].error = v[i].model / m->value - 1;
		used++;
	}
	return used;
}

void val_summarize(const val_row *v, size_t n, int which, val_summary *s)
{
	double *e = calloc(n ? n : 1, sizeof *e);
	size_t i, k = 0;
	s->median = s->p90 = NAN;
	s->rows = 0;
	if (!e)
		return;
	for (i = 0; i < n; i++)
		if (isfinite(v[i].model) && (which < 0 || v[i].in_calib == which))
			e[k++] = v[i].error;
	s->median = stats_abs_quantile(e, k, 0.5);
	s->p90 = stats_abs_quantile(e, k, 0.9);
	s->rows = k;
	free(e);
}
