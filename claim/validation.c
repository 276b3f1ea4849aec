/*
** validation.c: model against measured, row by row (the version table,
** the checks of a measurements file, each row's prediction, the
** microbenchmarks set against a profile), and the rows stored in the
** tables of schema.h (validation.h); valsummary.c sums them up by group.
*/
#include "validation.h"

#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/csvrows.h"
#include "../config/dbfile.h"
#include "../config/meassetup.h"
#include "../config/stamp.h"
#include "../model/calibrate.h"
#include "../model/engine.h"
#include "../model/load.h"
#include "../model/waves.h"
#include "../model/micro.h"
#include "schema.h"

/* the columns every table has, then the optional ones (a table written
** before them reads as every row unscoped, fitted on its own rows) */
enum { V_SW, V_VERSION, V_PROFILE, V_TOKENS, V_CHIP, V_NOTE, V_COUNT,
       V_MODELS = V_COUNT, V_FITVER, V_ALL };
static const char *const vcols[V_ALL] = {
    "software", "version", "profile", "tokens_per_s", "fitted_chip",
    "note", "models", "fitted_version"};

/* The buffer of column i (V_*) in v and its size; NULL for tokens_per_s,
** read as a word. */
static char *text_of(val_version *v, int i, size_t *cap)
{
	switch (i) {
	case V_SW: *cap = sizeof v->software; return v->software;
	case V_VERSION: *cap = sizeof v->version; return v->version;
	case V_PROFILE: *cap = sizeof v->profile; return v->profile;
	case V_CHIP: *cap = sizeof v->fitted_chip; return v->fitted_chip;
	case V_NOTE: *cap = sizeof v->note; return v->note;
	case V_MODELS: *cap = sizeof v->models; return v->models;
	case V_FITVER: *cap = sizeof v->fitted_version; return v->fitted_version;
	default: *cap = 0; return NULL;
	}
}

int val_versions_read(const char *path, val_versions *vt, char *err,
                      size_t errlen)
{
	csv_rows cr;
	int col[V_ALL], lineno, have = 0, hdr = 0, i, rc;
	size_t cap = 0;
	memset(vt, 0, sizeof *vt);
	if (csv_open(&cr, path, 1, err, errlen))
		return -1;
	while ((rc = csv_next(&cr, err, errlen)) > 0) {
		char **fl = cr.fields;
		int nf = cr.nf;
		val_version *v;
		lineno = cr.line;
		if (!have) {
			for (i = 0; i < V_ALL; i++) {
				int k;
				col[i] = -1;
				for (k = 0; k < nf; k++) {
					if (strcmp(fl[k], vcols[i]))
						continue;
					if (col[i] >= 0) {
						/* which of the two holds the values: unclear */
						snprintf(err, errlen, "%s:%d: column '%s' (%d) "
						         "repeats column '%s' (%d)", path, lineno,
						         vcols[i], k + 1, vcols[i], col[i] + 1);
						goto fail;
					}
					col[i] = k;
				}
				if (col[i] < 0 && i < V_COUNT) {
					snprintf(err, errlen, "%s:%d: header lacks column "
					         "'%s'", path, lineno, vcols[i]);
					goto fail;
				}
			}
			have = 1;
			hdr = nf;
			continue;
		}
		/* our own table: a field past the header's (an unquoted comma
		** in the note) is refused, not dropped without a word */
		if (csv_row_width(&cr, hdr, err, errlen))
			goto fail;
		for (i = 0; i < V_ALL; i++)
			if (col[i] >= nf) {
				snprintf(err, errlen, "%s:%d: column '%s' missing", path,
				         lineno, vcols[i]);
				goto fail;
			}
		if (strcmp(fl[col[V_TOKENS]], "output") &&
		    strcmp(fl[col[V_TOKENS]], "total")) {
			snprintf(err, errlen, "%s:%d: column 'tokens_per_s': '%.40s', "
			         "expected output or total", path, lineno,
			         fl[col[V_TOKENS]]);
			goto fail;
		}
		if (vt->n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			val_version *nv = realloc(vt->v, nc * sizeof *nv);
			if (!nv) {
				snprintf(err, errlen, "%s: out of memory", path);
				goto fail;
			}
			vt->v = nv;
			cap = nc;
		}
		v = &vt->v[vt->n++];
		memset(v, 0, sizeof *v);
		v->line = lineno;
		v->tokens_total = !strcmp(fl[col[V_TOKENS]], "total");
		/* each text whole: a version or profile cut to its buffer would
		** match another's, or none, without a word */
		for (i = 0; i < V_ALL; i++) {
			size_t cap;
			char *dst = text_of(v, i, &cap);
			if (!dst || col[i] < 0)
				continue;
			if (strlen(fl[col[i]]) >= cap) {
				snprintf(err, errlen, "%s:%d: column '%s': longer than "
				         "%zu bytes", path, lineno, vcols[i], cap - 1);
				goto fail;
			}
			snprintf(dst, cap, "%s", fl[col[i]]);
		}
		if (!v->profile[0] && strlen(v->note) >= VAL_REASON_MAX) {
			snprintf(err, errlen, "%s:%d: column 'note': longer than %d "
			         "bytes on a row without a profile (the reason its rows "
			         "are listed with)", path, lineno, VAL_REASON_MAX - 1);
			goto fail;
		}
	}
	csv_close(&cr);
	if (rc < 0) {
		val_versions_free(vt);
		return -1;
	}
	if (!have) {
		snprintf(err, errlen, "%s: empty file (no header)", path);
		val_versions_free(vt);
		return -1;
	}
	if (val_versions_check(path, vt, err, errlen)) {
		val_versions_free(vt);
		return -1;
	}
	return 0;
fail:
	csv_close(&cr);
	val_versions_free(vt);
	return -1;
}

void val_versions_free(val_versions *vt)
{
	free(vt->v);
	vt->v = NULL;
	vt->n = 0;
}

/* A name as loose_eq compares it: letters (lower case), digits and
** points, nothing else ("TensorRT-LLM" and "tensorrt_llm" alike); a
** version also without a leading "v" and with ".0" after a bare "X.Y"
** ("v0.13" as "0.13.0"). */
static void loose(const char *s, int version, char *out, size_t len)
{
	size_t k = 0, dots = 0, digits = 1;
	if (version && (*s == 'v' || *s == 'V') && isdigit((unsigned char)s[1]))
		s++;
	for (; *s && k + 3 < len; s++)
		if (isalnum((unsigned char)*s) || *s == '.') {
			dots += *s == '.';
			digits &= isdigit((unsigned char)*s) || *s == '.';
			out[k++] = (char)tolower((unsigned char)*s);
		}
	if (version && k && digits && dots == 1)
		out[k++] = '.', out[k++] = '0';
	out[k] = '\0';
}

static int loose_eq(const char *a, const char *b, int version)
{
	char x[160], y[160];
	loose(a, version, x, sizeof x);
	loose(b, version, y, sizeof y);
	return !strcmp(x, y);
}

const val_version *val_version_exact(const val_versions *vt,
                                     const char *software,
                                     const char *version)
{
	size_t i;
	for (i = 0; i < vt->n; i++)
		if (!vt->v[i].models[0] && !strcmp(vt->v[i].software, software) &&
		    !strcmp(vt->v[i].version, version))
			return &vt->v[i];
	return NULL;
}

const val_version *val_version_of(const val_versions *vt,
                                  const char *software, const char *version)
{
	const val_version *v = val_version_exact(vt, software, version);
	size_t i;
	if (v)
		return v;
	for (i = 0; i < vt->n; i++)
		if (!vt->v[i].models[0] &&
		    loose_eq(vt->v[i].software, software, 0) &&
		    loose_eq(vt->v[i].version, version, 1))
			return &vt->v[i];
	return NULL;
}

/* A preset of a kind exists; names with a path separator are refused. */
static int known(const char *kind, const char *name)
{
	char path[1024], err[1024];
	if (!*name || strchr(name, '/'))
		return 0;
	return preset_path(kind, name, path, sizeof path, err, sizeof err) == 0;
}

/* A row's chip and model are presets (a microbenchmark names no model):
** 0, or -1 with the reason. */
static int known_names(const meas_row *m, char *reason, size_t len)
{
	char names[640];
	if (!known("chip", m->chip)) {
		preset_names("chip", names, sizeof names);
		snprintf(reason, len, "unknown chip '%.60s' (no preset "
		         "data/chips/NAME.ini for it; known: %.120s)", m->chip_given,
		         names);
		return -1;
	}
	if (!meas_micro(m) && !known("model", m->model)) {
		snprintf(reason, len, "unknown model '%.60s' (no preset "
		         "data/models/%.60s.ini; rooflab presets model lists them)",
		         m->model, m->model);
		return -1;
	}
	return 0;
}

/* A row served at a request rate: the load model (model/load.h) at the
** row's rate and request count; NAN with the reason when it fails. */
static double at_rate(const meas_row *m, const rl_config *cfg,
                      int tokens_total, char *reason, size_t len)
{
	rl_load ld;
	rl_load_result lr;
	ld.rate_rps = m->request_rate;
	ld.requests = m->requests;
	if (rl_load_eval(cfg, &ld, &lr) != RL_OK) {
		snprintf(reason, len, "load model: %.230s", lr.error);
		return NAN;
	}
	return rl_load_metric_of(meas_metric(m, tokens_total), &lr);
}

/* A microbenchmark row with a profile: its GEMM's TFLOPS or its copy's
** TB/s on the row's chip, as model/micro.c costs them; NAN with the
** reason when the profile or chip cannot be set up. */
static double micro(const meas_row *m, const char *profile, char *reason,
                    size_t len)
{
	rl_setup st;
	char err[512];
	double v;
	setup_init(&st);
	if (setup_load(&st, "profile", profile, err, sizeof err) ||
	    setup_load(&st, "chip", m->chip, err, sizeof err) ||
	    (m->scen_precision[0] &&
	     setup_set_key(&st, "scenario", "precision", m->scen_precision, err,
	                   sizeof err))) {
		snprintf(reason, len, "cannot set up: %.230s", err);
		return NAN;
	}
	if (m->metric_code == MEAS_COPY_TBPS)
		return rl_micro_copy_Bps(&st.cfg) / 1e12;
	v = rl_micro_gemm_flops(&st.cfg, m->gemm_m, m->gemm_n, m->gemm_k);
	if (!(v > 0)) {
		snprintf(reason, len, "chip %.60s has no %.20s matrix peak",
		         m->chip, m->precision);
		return NAN;
	}
	return v / 1e12;
}

/* The error of a prediction: its distance to the interval a value
** published rounded stands for (rounding.h, rl_calib_miss). */
static double miss(double predicted, const meas_row *m)
{
	return rl_calib_miss(predicted, m->value, meas_half_step(m));
}

/* The name entry i of the version table offers for a row's software
** (offered below), or NULL where it offers none. */
static const char *offer(const val_versions *vt, size_t i,
                         const char *software, int of_software)
{
	const val_version *v = &vt->v[i];
	size_t j;
	if (!v->profile[0] || v->models[0] || (of_software &&
	                       !loose_eq(v->software, software, 0)))
		return NULL;
	for (j = 0; !of_software && j < i; j++)
		if (vt->v[j].profile[0] && !strcmp(vt->v[j].software, v->software))
			return NULL;
	return !of_software ? v->software : v->version[0] ? v->version
	                                                  : "(empty)";
}

/* The names a version table offers for a row's software and version:
** the versions of that software (loosely matched, as val_version_of does)
** that have a profile, or, when the table has none of it
** (of_software 0), the software with a profile, each once; joined by
** ", " into out (len bytes), whole names only, the list ending in ", ..."
** (or "..." alone) where the rest would not fit: room for it is kept
** after every name but the last, so a name is never cut, not even one
** spelled with a comma. */
static void offered(const val_versions *vt, const char *software,
                    int of_software, char *out, size_t len)
{
	static const char more[] = ", ...";
	const char *name = NULL, *next;
	size_t i = 0, k = 0;
	if (!len)
		return;
	out[0] = '\0';
	while (i < vt->n && !(name = offer(vt, i++, software, of_software)))
		;
	for (; name; name = next) {
		size_t need = (k ? 2 : 0) + strlen(name);
		next = NULL;
		while (i < vt->n && !(next = offer(vt, i++, software, of_software)))
			;
		if (k + need + (next ? strlen(more) : 0) >= len) {
			/* fits: the room was kept after the names before */
			if (k + strlen(more + (k ? 0 : 2)) < len)
				snprintf(out + k, len - k, "%s", more + (k ? 0 : 2));
			return;
		}
		k += (size_t)snprintf(out + k, len - k, "%s%s", k ? ", " : "", name);
	}
}

/* Why a row's software and version have no entry in the version table,
** with the spellings the table does have (offered) so that a near miss
** ("1.0.0" for "1.0(main)") can be corrected. */
static void no_entry(const val_versions *vt, const meas_row *m, char *reason,
                     size_t len)
{
	char list[256];
	const char *label;
	size_t i, k, room;
	int of_software = 0;
	k = (size_t)snprintf(reason, len, "software '%.60s'%s%.60s has no "
	                     "profile in the version table (data/profiles/"
	                     "versions.csv)", m->software, m->version[0] ?
	                     " version " : "", m->version);
	for (i = 0; i < vt->n; i++)
		of_software |= loose_eq(vt->v[i].software, m->software, 0);
	label = of_software ? "; versions with one: " : "; software with one: ";
	if (k + strlen(label) >= len)
		return;
	room = len - k - strlen(label);
	offered(vt, m->software, of_software, list,
	        room < sizeof list ? room : sizeof list);
	if (list[0] && strcmp(list, "..."))
		snprintf(reason + k, len - k, "%s%s", label, list);
}

static void evaluate_one(const meas_row *m, const val_versions *vt,
                         const val_version *v, const char *profile,
                         val_row *o)
{
	rl_setup st;
	rl_result r;
	char err[512];
	memset(o, 0, sizeof *o);
	o->row = m;
	o->measured = m->value;
	o->predicted = o->error = NAN;
	o->status = VAL_NOT_MODELLED;
	/* a version whose profile was fitted on another version's rows has
	** none in sample: its rows of the fitted chip are out of sample */
	o->in_fit = v && !strcmp(m->chip, v->fitted_chip) &&
	            !v->fitted_version[0];
	o->out_of_sample = v && !strcmp(m->chip, v->fitted_chip) &&
	                   v->fitted_version[0];
	if (!profile && !v) {
		no_entry(vt, m, o->reason, sizeof o->reason);
		return;
	}
	if (!profile && !v->profile[0]) {
		snprintf(o->reason, sizeof o->reason, "%.255s", v->note);
		return;
	}
	snprintf(o->profile, sizeof o->profile, "%s", profile ? profile
	                                                      : v->profile);
	if (!m->modelled) {
		snprintf(o->reason, sizeof o->reason, "%.250s", m->why_not);
		return;
	}
	if (known_names(m, o->reason, sizeof o->reason))
		return;
	if (meas_micro(m)) {
		o->predicted = micro(m, o->profile, o->reason, sizeof o->reason);
		if (isnan(o->predicted))
			return;
		o->error = miss(o->predicted, m);
		o->status = VAL_OK;
		return;
	}
	if (meas_setup(m, o->profile, &st, err, sizeof err)) {
		snprintf(o->reason, sizeof o->reason, "cannot set up: %.230s", err);
		return;
	}
	if (meas_at_rate(m)) {
		o->predicted = at_rate(m, &st.cfg, v && v->tokens_total, o->reason,
		                       sizeof o->reason);
		if (isnan(o->predicted))
			return;
		o->error = miss(o->predicted, m);
		o->status = VAL_OK;
		return;
	}
	if (rl_eval_run(&st.cfg, m->requests, &r) != RL_OK) {
		snprintf(o->reason, sizeof o->reason, "engine: %.240s", r.error);
		return;
	}
	o->predicted = rl_metric_of(meas_metric(m, v && v->tokens_total), &r);
	o->error = miss(o->predicted, m);
	o->status = VAL_OK;
}

void val_evaluate(const meas_set *set, const val_versions *vt,
                  const char *profile, val_row *out)
{
	size_t i;
	for (i = 0; i < set->n; i++)
		evaluate_one(&set->rows[i], vt,
		             val_version_for(vt, set->rows[i].software,
		                             set->rows[i].version,
		                             set->rows[i].model),
		             profile, &out[i]);
}

/* A validation table written before the column `name` (version, then
** metric, then out_of_sample) gains it, of SQL type `type`: SQLITE_OK, or SQLite's code with db's message when
** the table's columns cannot be read (a view altered by hand over a table
** that is gone) or the column cannot be added; a failed read is never
** taken for "no column". */
static int add_column(sqlite3 *db, const char *name, const char *type)
{
	sqlite3_stmt *st;
	char sql[96];
	int rc;
	rc = sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('validation')"
	                        " WHERE name = ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		/* finalize keeps the step's code and message on db */
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return SQLITE_OK;
	snprintf(sql, sizeof sql, "ALTER TABLE validation ADD COLUMN %s %s",
	         name, type);
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

int val_store(const char *path, const char *profile, const val_row *v,
              size_t n, char *err, size_t errlen)
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
	status = rl_db_open_write(path, &claim_db_kind, 5000, &db, err, errlen);
	if (status)
		return status;
	if (rl_db_exec(db, "BEGIN IMMEDIATE", path, err, errlen) ||
	    rl_db_exec(db, RL_CLAIM_SCHEMA_SQL, path, err, errlen) ||
	    add_column(db, "version", "TEXT") ||
	    add_column(db, "metric", "TEXT") ||
	    add_column(db, "out_of_sample", "INTEGER"))
		goto fail;
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO validation_runs(created, profile, "
	                       "median_abs_error, p90_abs_error, rows) "
	                       "VALUES(?,?,?,?,?)", -1, &st, NULL))
		goto fail;
	sqlite3_bind_text(st, 1, created, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, profile, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(st, 3, med);
	sqlite3_bind_double(st, 4, p90);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)rows);
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
	if (rl_db_exec(db, "COMMIT", path, err, errlen))
		goto fail;
	sqlite3_close(db);
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
