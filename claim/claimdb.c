/*
** claimdb.c: `rooflab claim --db FILE`: the whole claim check into the
** tables of schema.h (RL_CLAIM_SCHEMA_SQL), in one transaction:
** either every row of the run is there or none is.  A database file that
** did not exist before and could not be written is removed; a file that is
** not a rooflab claim database is refused unchanged (config/dbfile.h).
*/
#include <math.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../model/outputs.h"
#include "../model/params.h"
#include "../model/silicon.h"
#include "mcwords.h"
#include "schema.h"
#include "claim.h"

#include "../config/dbfile.h"
#include "../config/stamp.h"
#include "../config/version.h"
#include "../model/status.h"

#define MC_THIN_MAX 20000

typedef struct {
	sqlite3 *db;
	const char *path;    /* the file, first in every message */
	sqlite3_int64 run;
	char *err;
	size_t errlen;
	int status;          /* fail's exit status (rl_db_exit), 0 before */
} dbw;

/* "PATH: WHAT" into where[WHERE_MAX]: the start of every message. */
#define WHERE_MAX 1200
static const char *where_of(const dbw *w, const char *what, char *where)
{
	snprintf(where, WHERE_MAX, "%s: %s", w->path, what);
	return where;
}

/* "PATH: WHAT: ..." into w->err in rl_db_error's words for the handle's
** failure (a full disk, a locked file, a constraint of the database's
** own), SQLite's message with its controls as '?'. */
static int fail(dbw *w, const char *what)
{
	char where[WHERE_MAX];
	int rc = sqlite3_extended_errcode(w->db);
	rl_db_error(w->db, rc, where_of(w, what, where), w->err, w->errlen);
	w->status = rl_db_exit(rc);
	return -1;
}

/* fail of a failure rc that need not be the handle's last (a bind's) */
static int fail_rc(dbw *w, int rc, const char *what)
{
	char where[WHERE_MAX];
	rl_db_error(w->db, rc, where_of(w, what, where), w->err, w->errlen);
	w->status = rl_db_exit(rc);
	return -1;
}

/* rl_db_exec of sql, its message "PATH: WHAT: ..." (0 on success). */
static int exec_sql(dbw *w, const char *sql, const char *what)
{
	char where[WHERE_MAX];
	int rc = rl_db_exec(w->db, sql, where_of(w, what, where), w->err,
	                    w->errlen);
	if (rc)
		w->status = rc;
	return rc;
}

/* Run one statement with bound values: fmt letters i (int64), d (double,
** NULL when not finite), t (text). */
static int exec_bind(dbw *w, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int i, rc;
	if (sqlite3_prepare_v2(w->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(w, "prepare");
	va_start(ap, fmt);
	for (i = 0, rc = SQLITE_OK; fmt[i]; i++) {
		int b;
		if (fmt[i] == 'i') {
			b = sqlite3_bind_int64(st, i + 1, va_arg(ap, sqlite3_int64));
		} else if (fmt[i] == 'd') {
			double v = va_arg(ap, double);
			if (isfinite(v))
				b = sqlite3_bind_double(st, i + 1, v);
			else
				b = sqlite3_bind_null(st, i + 1);
		} else {
			b = sqlite3_bind_text(st, i + 1, va_arg(ap, const char *), -1,
			                      SQLITE_TRANSIENT);
		}
		if (rc == SQLITE_OK)
			rc = b;
	}
	va_end(ap);
	/* a value SQLite could not copy (SQLITE_TRANSIENT's SQLITE_NOMEM)
	** stays NULL: stepped, the row was refused by a NOT NULL as if the
	** database had refused it (exit 2), or stored with the NULL where
	** the column takes one */
	if (rc != SQLITE_OK) {
		fail_rc(w, rc, "bind");
		sqlite3_finalize(st);
		return -1;
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(w, "insert");
	return 0;
}

static int put_side(dbw *w, const char *tag, const claim_side *s)
{
	size_t n, i;
	const rl_output *t = rl_outputs(&n);
	for (i = 0; i < n; i++) {
		double v = t[i].get(&s->r);
		if (exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)",
		              "ittdt", w->run, tag, t[i].name, v,
		              t[i].type == RL_OT_NUM ? "" : rl_output_text(&t[i], v)))
			return -1;
	}
	/* a side with no power model: its chips' share alone (chipsusd.c),
	** which the report's cost table shows as claim's text does */
	if (isfinite(claim_usd_chips_only(s, s->r.chip_price_usd)) &&
	    exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, tag, "cost.usd_per_million_tokens_chips_at_price",
	              claim_usd_chips_only(s, s->r.chip_price_usd), ""))
		return -1;
	if (isfinite(claim_usd_chips_only(s, s->r.chip_cost_usd)) &&
	    exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, tag, "cost.usd_per_million_tokens_chips_at_cost",
	              claim_usd_chips_only(s, s->r.chip_cost_usd), ""))
		return -1;
	if (exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, tag, "setup.label", NAN, s->label) ||
	    exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, tag, "setup.chip", NAN, s->st.chip) ||
	    exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, tag, "setup.profile", NAN, s->st.profile) ||
	    exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, tag, "setup.profile_chosen", NAN,
	              s->st.profile_note))
		return -1;
	return 0;
}

static int put_batch(dbw *w, const char *tag, const claim_side *s)
{
	size_t k;
	for (k = 0; k < s->nbatch; k++) {
		const claim_batch_pt *p = &s->batch[k];
		if (exec_bind(w, "INSERT INTO claim_batch VALUES(?,?,?,?,?,?)",
		              "itdddd", w->run, tag, p->batch, p->output_tps,
		              p->total_tps, p->tpot_s))
			return -1;
	}
	return 0;
}

static int put_roofline(dbw *w, const char *tag, const claim_side *s)
{
	const rl_iter *p = &s->r.prefill, *d = &s->r.decode;
	/* FLOP per byte over the chip-to-chip links: the link roof of a
	** phase is link_Bps times it (no link traffic: none) */
	return exec_bind(
	    w, "INSERT INTO claim_roofline VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
	    "ittddddddddd", w->run, tag, s->label, s->r.peak_flops,
	    s->cfg.chip.hbm_Bps,
	    p->hbm_bytes > 0 ? p->flops / p->hbm_bytes : NAN,
	    p->time_s > 0 ? p->flops / p->time_s : NAN,
	    d->hbm_bytes > 0 ? d->flops / d->hbm_bytes : NAN,
	    d->time_s > 0 ? d->flops / d->time_s : NAN, s->cfg.chip.link_Bps,
	    p->link_bytes > 0 ? p->flops / p->link_bytes : NAN,
	    d->link_bytes > 0 ? d->flops / d->link_bytes : NAN);
}

static int put_map_points(dbw *w, const char *tag, const claim_map_point *p,
                          size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (exec_bind(w, "INSERT INTO claim_roofline_maps VALUES(?,?,?,?,?,?,"
		              "?,?,?,?)", "itdddddddd", w->run, tag, p[i].tp,
		              p[i].pp, p[i].dp, p[i].ep, p[i].pi, p[i].pf, p[i].di,
		              p[i].df))
			return -1;
	return 0;
}

/* How often each mapping of side b won the Monte Carlo (claim_mc_maps). */
static int put_mc_maps(dbw *w, const char *tag, const rl_mc_result *m)
{
	size_t i;
	for (i = 0; m && i < m->nmaps; i++)
		if (exec_bind(w, "INSERT INTO claim_mc_maps VALUES(?,?,?,?,?,?,?,?)",
		              "itiddddi", w->run, tag, (sqlite3_int64)i,
		              m->maps[i].tp, m->maps[i].pp, m->maps[i].dp,
		              m->maps[i].ep, (sqlite3_int64)m->maps[i].wins))
			return -1;
	if (m && m->maps_other &&
	    exec_bind(w, "INSERT INTO claim_mc_maps VALUES(?,?,?,?,?,?,?,?)",
	              "itiddddi", w->run, tag, (sqlite3_int64)m->nmaps, NAN, NAN,
	              NAN, NAN, (sqlite3_int64)m->maps_other))
		return -1;
	return 0;
}

/* One side's Monte Carlo as the text prints it (claim_mc_summary), and
** its tornado in the text's order (claim_tornado_sides): Sohu as claimed
** (tag "b") or by design ("b_by_design"). */
static int put_unc(dbw *w, const char *tag, const claim_report *rep,
                   const claim_uncertainty *u, const rl_mc_result *mc,
                   const rl_tornado_row *torn, double nominal)
{
	size_t i;
	if (mc) {
		claim_mc_summary s;
		claim_mc_summarize(mc, rep->opts.seed, nominal, &s);
		if (exec_bind(w, "INSERT INTO claim_mc_summary VALUES(?,?,?,?,?,?,"
		              "?,?,?,?,?,?,?,?,?,?,?)", "itiidddddiiiiiddi", w->run,
		              tag, (sqlite3_int64)s.samples, (sqlite3_int64)s.seed,
		              s.p05, s.p50, s.p95, s.prob_ge_target,
		              s.violation_rate, (sqlite3_int64)s.viol[0],
		              (sqlite3_int64)s.viol[1], (sqlite3_int64)s.viol[2],
		              (sqlite3_int64)s.viol[3],
		              (sqlite3_int64)s.not_evaluable, s.nominal,
		              s.nominal_below,
		              (sqlite3_int64)s.not_evaluable_violating))
			return -1;
	}
	for (i = 0; i < u->n; i++) {
		const rl_tornado_row *t = &torn[i];
		const rl_uparam *p = &u->u[t->index];
		char name[160];
		snprintf(name, sizeof name, "%c.%s.%s", p->side ? 'b' : 'a',
		         p->p->section, p->p->key);
		if (exec_bind(w, "INSERT INTO claim_tornado_sides VALUES(?,?,?,?,?,"
		              "?,?,?,?)", "ititddtdd", w->run, tag,
		              (sqlite3_int64)i, name, t->low, t->high, p->p->unit,
		              t->speedup_low, t->speedup_high))
			return -1;
	}
	return 0;
}

static int put_all(dbw *w, const claim_report *rep, const char *json)
{
	size_t i;
	char now[32];
	rl_utc_now(now, sizeof now);
	if (exec_bind(w, "INSERT INTO claim_runs(created, version, git_rev, "
	              "a_label, b_label, scenario, target, speedup_total, "
	              "speedup_output, json, b_default) "
	              "VALUES(?,?,?,?,?,?,?,?,?,?,?)",
	              "ttttttddd" "ti", now, RL_VERSION, RL_GIT_REV,
	              rep->a.label, rep->b.label, rep->scenario,
	              rep->opts.target, rep->speedup_total,
	              rep->speedup_output, json,
	              (sqlite3_int64)(rep->b_default != 0)))
		return -1;
	w->run = sqlite3_last_insert_rowid(w->db);
	/* the text's trust line (NULL where the shipped measurements could
	** not be read and the text has none) */
	if (rep->trust[0] &&
	    exec_bind(w, "UPDATE claim_runs SET trust = ? WHERE id = ?", "ti",
	              rep->trust, w->run))
		return -1;
	if (put_side(w, "a", &rep->a) || put_side(w, "b", &rep->b) ||
	    (rep->have_bd && put_side(w, "b_by_design", &rep->bd)))
		return -1;
	if (claim_mc_skipped(rep) &&
	    exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, "b", "setup.mc_skipped", NAN,
	              claim_mc_skipped(rep)))
		return -1;
	for (i = 0; rep->factors_ok && i < rep->nf; i++)
		if (exec_bind(w, "INSERT INTO claim_factors VALUES(?,?,?,?)",
		              "iitd", w->run, (sqlite3_int64)i, rep->f[i].name,
		              exp(rep->phi[i])))
			return -1;
	for (i = 0; i < rep->nsolve; i++) {
		const claim_solve_row *r = &rep->solve[i];
		if (exec_bind(w, "INSERT INTO claim_solve VALUES(?,?,?,?,?,?)",
		              "itddit", w->run, r->param, r->target, r->s.value,
		              (sqlite3_int64)r->s.feasible, r->s.reason))
			return -1;
	}
	for (i = 0; i < rep->nmust + rep->nsolve; i++) {
		int one = i >= rep->nmust;
		const char *param = one ? rep->solve[i - rep->nmust].param : "";
		const char *text = one ? rep->solve[i - rep->nmust].words
		                       : rep->must[i];
		if (exec_bind(w, "INSERT INTO claim_must VALUES(?,?,?,?,?)",
		              "iittt", w->run, (sqlite3_int64)i,
		              one ? "one" : "together", param, text))
			return -1;
	}
	if (rep->mc) {
		const rl_mc_result *m = rep->mc;
		size_t step = m->samples > MC_THIN_MAX
		                  ? (m->samples + MC_THIN_MAX - 1) / MC_THIN_MAX
		                  : 1;
		if (exec_bind(w, "INSERT INTO claim_mc VALUES(?,?,?,?,?,?,?,?)",
		              "iiiddddd", w->run, (sqlite3_int64)m->samples,
		              (sqlite3_int64)rep->opts.seed, m->p05, m->p50, m->p95,
		              m->prob_ge_target, m->violation_rate))
			return -1;
		for (i = 0; i < m->samples; i += step) {
			if (!isfinite(m->speedup[i]))
				continue;
			if (exec_bind(w, "INSERT INTO claim_mc_samples "
			              "VALUES(?,?,?,?)", "iidi", w->run,
			              (sqlite3_int64)i, m->speedup[i],
			              (sqlite3_int64)(m->violates[i] != 0)))
				return -1;
		}
	}
	if ((rep->have_unc && put_unc(w, "b", rep, &rep->unc, rep->mc,
	                              rep->torn, rep->speedup_total)) ||
	    (rep->have_unc_d && put_unc(w, "b_by_design", rep, &rep->unc_d,
	                                rep->mc_d, rep->torn_d,
	                                rep->bd_speedup_total)))
		return -1;
	if (claim_mc_skipped_by_design(rep) &&
	    exec_bind(w, "INSERT INTO claim_sides VALUES(?,?,?,?,?)", "ittdt",
	              w->run, "b_by_design", "setup.mc_skipped", NAN,
	              claim_mc_skipped_by_design(rep)))
		return -1;
	if (put_mc_maps(w, "b", rep->mc) ||
	    (rep->have_unc_d && put_mc_maps(w, "b_by_design", rep->mc_d)))
		return -1;
	for (i = 0; rep->have_unc && i < rep->unc.n; i++) {
		const rl_tornado_row *t = &rep->torn[i];
		const rl_uparam *u = &rep->unc.u[t->index];
		const rl_uparam *ua = &rep->unc.u[i];
		char name[160], nm2[160];
		double lo, hi, nominal;
		const rl_config *c;
		snprintf(name, sizeof name, "%c.%s.%s", u->side ? 'b' : 'a',
		         u->p->section, u->p->key);
		if (exec_bind(w, "INSERT INTO claim_tornado VALUES(?,?,?,?,?,?)",
		              "itdddd", w->run, name, t->low, t->high,
		              t->speedup_low, t->speedup_high))
			return -1;
		rl_uparam_range(ua, &lo, &hi);
		c = ua->side ? &rep->b.st.cfg : &rep->a.st.cfg;
		nominal = claim_stated_value(c, ua->p);
		snprintf(nm2, sizeof nm2, "%s.%s", ua->p->section, ua->p->key);
		if (exec_bind(w, "INSERT INTO claim_assumptions "
		              "VALUES(?,?,?,?,?,?,?,?)", "ittdtddt", w->run,
		              ua->side ? "b" : "a", nm2, nominal, ua->p->unit, lo,
		              hi, rep->unc.source[i]))
			return -1;
	}
	/* Sohu by design's own (its stated values from its side); a side a
	** parameter both files vary keeps the first file's row */
	for (i = 0; rep->have_unc_d && i < rep->unc_d.n; i++) {
		const rl_uparam *ua = &rep->unc_d.u[i];
		char nm2[160];
		double lo, hi, nominal;
		rl_uparam_range(ua, &lo, &hi);
		nominal = claim_stated_value(ua->side ? &rep->bd.st.cfg
		                                      : &rep->a.st.cfg, ua->p);
		snprintf(nm2, sizeof nm2, "%s.%s", ua->p->section, ua->p->key);
		if (exec_bind(w, "INSERT OR IGNORE INTO claim_assumptions "
		              "VALUES(?,?,?,?,?,?,?,?)", "ittdtddt", w->run,
		              ua->side ? "b_by_design" : "a", nm2, nominal,
		              ua->p->unit, lo, hi, rep->unc_d.source[i]))
			return -1;
	}
	for (i = 0; i < rep->nclaims; i++) {
		const claim_check *c = &rep->claims[i];
		if (exec_bind(w, "INSERT INTO claim_claims VALUES(?,?,?,?,?,?)",
		              "iitttt", w->run, (sqlite3_int64)i, c->claim,
		              c->source, c->model_value, c->verdict))
			return -1;
	}
	if (put_batch(w, "a", &rep->a) || put_batch(w, "b", &rep->b) ||
	    (rep->have_bd && put_batch(w, "b_by_design", &rep->bd)) ||
	    put_roofline(w, "a", &rep->a) || put_roofline(w, "b", &rep->b) ||
	    (rep->have_bd && put_roofline(w, "b_by_design", &rep->bd)) ||
	    put_map_points(w, "a", rep->mpt_a, rep->nmpt_a) ||
	    put_map_points(w, "b", rep->mpt_b, rep->nmpt_b))
		return -1;
	return 0;
}

/* unmarked files of an older rooflab hold only the tables of
** rl_db_claim_legacy (config/dbfile.h: "claim_", "validation").
** a file of version 1, or one an older rooflab wrote unmarked, gains
** version 2's tables (the schema's CREATE ... IF NOT EXISTS) and
** claim_v1_runs lists the runs it held, which the report reads as version
** 1 runs (schema.h), with its mark, in one transaction */
const rl_db_kind claim_db_kind = {
    "claim", RL_CLAIM_APP_ID, RL_CLAIM_SCHEMA_VERSION, rl_db_claim_legacy, 1,
    RL_CLAIM_SCHEMA_SQL
    "CREATE TABLE IF NOT EXISTS claim_v1_runs(run_id INTEGER PRIMARY KEY);"
    "INSERT OR IGNORE INTO claim_v1_runs SELECT id FROM claim_runs;"};

int claim_db_add_column(sqlite3 *db, const char *table, const char *name,
                        const char *type)
{
	char sql[160];
	int yes, rc = rl_db_has_column(db, table, name, &yes);
	if (rc != SQLITE_OK || yes)
		return rc;
	snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", table, name,
	         type);
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* claim_runs of a file written before b_default or trust gains them (its
** runs NULL: not recorded), claim_mc_summary one written before
** not_evaluable_violating gains it the same way. */
static int add_columns(dbw *w)
{
	if (claim_db_add_column(w->db, "claim_runs", "b_default", "INTEGER") !=
	    SQLITE_OK) {
		fail(w, "claim_runs.b_default");
		return RL_EINTERNAL;
	}
	if (claim_db_add_column(w->db, "claim_runs", "trust", "TEXT") !=
	    SQLITE_OK) {
		fail(w, "claim_runs.trust");
		return RL_EINTERNAL;
	}
	if (claim_db_add_column(w->db, "claim_mc_summary",
	                        "not_evaluable_violating", "INTEGER") !=
	    SQLITE_OK) {
		fail(w, "claim_mc_summary.not_evaluable_violating");
		return RL_EINTERNAL;
	}
	return RL_OK;
}

int claimdb_write(const char *path, const claim_report *rep,
                  const char *json, long long *run_id, char *err,
                  size_t errlen)
{
	dbw w;
	struct stat sb;
	int existed = stat(path, &sb) == 0, rc = -1, status;
	memset(&w, 0, sizeof w);
	w.path = path;
	w.err = err;
	w.errlen = errlen;
	/* the upgrade of an older file, its mark and the run: one
	** transaction (a run that fails to be written leaves it as it was) */
	status = rl_db_open_write_begun(path, &claim_db_kind, 5000, &w.db, err,
	                                errlen);
	if (status)
		return status;
	err[0] = '\0';
	if (exec_sql(&w, RL_CLAIM_SCHEMA_SQL, "schema") == RL_OK &&
	    add_columns(&w) == RL_OK && put_all(&w, rep, json) == 0 &&
	    exec_sql(&w, "COMMIT", "commit") == RL_OK)
		rc = 0;
	else if (!err[0])
		fail(&w, "write");
	if (rc) {
		/* the failure's, as fail() found it: the handle's code may be
		** another's by now (a statement finalized after it) */
		status = w.status ? w.status
		                  : rl_db_exit(sqlite3_extended_errcode(w.db));
		sqlite3_exec(w.db, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_close(w.db);
	if (rc && !existed)
		unlink(path);
	if (!rc && run_id)
		*run_id = (long long)w.run;
	return rc ? status : RL_OK;
}
