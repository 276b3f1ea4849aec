/*
** repeat.c: how far the model can be trusted, in the report's words: the
** model's error against the published measurements beside how far those
** measurements themselves move between adjacent versions' tables (the
** validation run's validation_repeat rows, written by validate --db from
** claim/valrepeat.c, the same figures as validate's own section), one
** sentence for the verdict and the validation section alike (worked out
** once, kept in the report's rctx), and the adjacent pairs' table under
** the latter; and what the model does not know: side b's chip
** unmeasured, held-out serving rows missing.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/measure.h"
#include "../config/shword.h"
#include "../model/stats.h"
#include "rctx.h"

/* The adjacent pairs of one harness verdict ("same", "changed"): how
** many, and the least and greatest of their median and p90 |change|. */
typedef struct {
	long pairs;
	double med_lo, med_hi, p90_lo, p90_hi;
} span;

static void span_add(span *s, double med, double p90)
{
	if (!isfinite(med) || !isfinite(p90))
		return;
	if (!s->pairs++) {
		s->med_lo = s->med_hi = med;
		s->p90_lo = s->p90_hi = p90;
		return;
	}
	s->med_lo = fmin(s->med_lo, med);
	s->med_hi = fmax(s->med_hi, med);
	s->p90_lo = fmin(s->p90_lo, p90);
	s->p90_hi = fmax(s->p90_hi, p90);
}

/* "1.2%" or "0.4% to 3.0%" */
static const char *pct_range(char *buf, size_t len, double lo, double hi)
{
	char a[24], b[24];
	report_pct(a, sizeof a, lo, 0);
	report_pct(b, sizeof b, hi, 0);
	if (!strcmp(a, b))
		snprintf(buf, len, "%s", a);
	else
		snprintf(buf, len, "%s to %s", a, b);
	return buf;
}

/* "by a median 0.4% to 3.0% (90th percentile 1.2% to 11.9%) between
** adjacent versions of the same benchmark harness (5 pairs)" */
static size_t span_words(char *buf, size_t len, const span *s,
                         const char *where)
{
	char m[64], p[64];
	return (size_t)snprintf(buf, len, "by a median %s (90th percentile %s) "
	                        "%s (%ld pair%s)",
	                        pct_range(m, sizeof m, s->med_lo, s->med_hi),
	                        pct_range(p, sizeof p, s->p90_lo, s->p90_hi),
	                        where, s->pairs, s->pairs == 1 ? "" : "s");
}

/* Column col of a validation_repeat row (run, its ord) into *v: a finite
** number or NULL (a NaN as validate stores one), else 0 with the report
** failed
** (report_bad, exit 2) naming the table, column, run and pair, where
** SQLite's conversion read text or a blob as 0: a pair "republished",
** "0.0%" in the table (an infinity, which validate never stores: "inf%"). */
static int rep_number(rctx *r, sqlite3_stmt *st, int col, long run,
                      long long ord, double *v)
{
	int type = sqlite3_column_type(st, col);
	char msg[sizeof r->bad_msg];
	*v = pdb_real(st, col);
	/* (NaN stays: NULL, not evaluated; validate's changes are finite as
	** percentages, claim/valrepeat.c) */
	if (type != SQLITE_TEXT && type != SQLITE_BLOB &&
	    (isnan(*v) || isfinite(100 * *v)))
		return 1;
	snprintf(msg, sizeof msg, "%s: cannot read: validation_repeat.%s of "
	         "validation run %ld, pair %lld, holds %s, where rooflab "
	         "validate writes a number (a database changed by hand?)",
	         r->o->dbpath, sqlite3_column_name(st, col), run, ord,
	         pdb_cell_words(type, "a change no percentage holds (an "
	                              "infinity, or over 1e306)"));
	report_bad(r, RL_EINPUT | PDB_UNREAD, msg);
	return 0;
}

/* validation_repeat.harness of a row: "same", "changed" or "unknown" as
** validate writes it into *h (VAL_HARNESS_*'s words), else 0 with the
** report failed, where another word left the pair out of the sentence
** without one. */
static int rep_harness(rctx *r, sqlite3_stmt *st, int col, long run,
                       long long ord, const char **h)
{
	static const char *const words[] = {"same", "changed", "unknown"};
	const char *t = sqlite3_column_type(st, col) == SQLITE_TEXT
	                    ? (const char *)sqlite3_column_text(st, col)
	                    : NULL;
	char msg[sizeof r->bad_msg];
	size_t k;
	for (k = 0; t && k < sizeof words / sizeof *words; k++)
		if (!strcmp(t, words[k])) {
			*h = words[k];
			return 1;
		}
	snprintf(msg, sizeof msg, "%s: cannot read: validation_repeat.harness "
	         "of validation run %ld, pair %lld, is not one of the words "
	         "rooflab validate writes there (same, changed, unknown) (a "
	         "database changed by hand?)", r->o->dbpath, run, ord);
	report_bad(r, RL_EINPUT | PDB_UNREAD, msg);
	return 0;
}

/* Whether validation run `run` stored its pairs of versions
** (validation_runs.repeat_pairs not NULL): a run written before them has
** no rows in validation_repeat, which is not "no pairs". */
static int has_pairs(rctx *r, long run)
{
	sqlite3_stmt *st;
	int v = 0;
	if (!report_has(r, r->db, r->o->dbpath, "validation_repeat") ||
	    !report_has_column(r, r->db, r->o->dbpath, "validation_runs",
	                       "repeat_pairs") ||
	    !(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT repeat_pairs IS NOT NULL FROM "
	                          "validation_runs WHERE id = ?1")))
		return 0;
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	report_finish(r, st, r->o->dbpath);
	return v;
}

/* The adjacent pairs of validation run `run` into same and changed, but
** those whose median and p90 |change| are both 0, counted in
** *republished: a table republished (two revisions of one document, the
** same numbers), no second measurement; 0 when the run did not store its
** pairs (written before them). */
static int read_spans(rctx *r, long run, span *same, span *changed,
                      long *republished)
{
	sqlite3_stmt *st;
	memset(same, 0, sizeof *same);
	memset(changed, 0, sizeof *changed);
	*republished = 0;
	if (!has_pairs(r, run))
		return 0;
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT harness, median_abs_change, "
	                          "p90_abs_change, ord FROM validation_repeat "
	                          "WHERE run_id = ?1 AND adjacent != 0 ORDER BY "
	                          "ord")))
		return 0;
	sqlite3_bind_int64(st, 1, run);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long long ord = sqlite3_column_int64(st, 3);
		const char *h;
		double med, p90;
		if (!rep_harness(r, st, 0, run, ord, &h) ||
		    !rep_number(r, st, 1, run, ord, &med) ||
		    !rep_number(r, st, 2, run, ord, &p90))
			break;
		if (med == 0 && p90 == 0)
			++*republished;
		else if (!strcmp(h, "same"))
			span_add(same, med, p90);
		else if (!strcmp(h, "changed"))
			span_add(changed, med, p90);
	}
	report_finish(r, st, r->o->dbpath);
	return !r->bad;
}

/* The |error| quantiles of validation run `run`'s rows, as validate's
** summary lines count them: e[0] the rows it pools (the chips a profile
** was fitted on and held-out chips: "in sample and held out"), e[1] those
** of a borrowed profile (out_of_sample), never mixed in; *fit: of e[0], the
** rows of the chip and software their profile was fitted on.  0 where it
** could not be read (report_bad said why), else 1; free() both arrays. */
typedef struct {
	double *e[2];
	size_t n[2], cap[2];
	long fit;
} err_sets;

static int read_errors(rctx *r, long run, err_sets *s)
{
	sqlite3_stmt *st;
	int ok = 1;
	memset(s, 0, sizeof *s);
	/* a database from before the column holds no out-of-sample row */
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          report_has_column(r, r->db, r->o->dbpath,
	                                            "validation",
	                                            "out_of_sample")
	                              ? "SELECT error, in_calibration, "
	                                "coalesce(out_of_sample, 0) FROM "
	                                "validation WHERE run_id = ?1 AND "
	                                "error IS NOT NULL"
	                              : "SELECT error, in_calibration, 0 FROM "
	                                "validation WHERE run_id = ?1 AND "
	                                "error IS NOT NULL")))
		return 0;
	sqlite3_bind_int64(st, 1, run);
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		int oos = sqlite3_column_int(st, 2) != 0;
		double e = sqlite3_column_double(st, 0);
		if (!isfinite(e))
			continue;
		if (stats_push(&s->e[oos], &s->n[oos], &s->cap[oos], e))
			ok = 0;
		else if (!oos && sqlite3_column_int(st, 1))
			s->fit++;
	}
	report_finish(r, st, r->o->dbpath);
	if (!ok && !r->bad) {
		/* no trust sentence rather than one of the rows that fitted */
		r->bad = RL_EINTERNAL;
		snprintf(r->bad_msg, sizeof r->bad_msg, "%s: out of memory while "
		         "reading the validation rows of run %ld", r->o->dbpath,
		         run);
	}
	return ok && !r->bad;
}

/* report_trust_words's sentence for validation run v (NULL: none in the
** database) into buf; *fit_end and *oos_end: where its first clause (the
** model's error over the pooled rows, or why there is none) and the
** out-of-sample rows' clause after it end, for report_trust_short */
static void trust_words(rctx *r, const pdb_validation *v, char *buf,
                        size_t len, size_t *fit_end, size_t *oos_end)
{
	span same, changed;
	err_sets es;
	long rep, fit, n0;
	int rows;
	size_t k;
	char q50[32], q90[32], whose[1400];
	const char *f;
	buf[0] = '\0';
	*fit_end = *oos_end = 0;
	if (!v) {
		/* (the database as sh reads it back: rl_sh_word, as the
		** provenance's command names it) */
		char qd[4200];
		snprintf(buf, len, "not measured here: this database holds no "
		         "comparison of the model with published measurements "
		         "(rooflab validate --db %s adds one)",
		         rl_sh_word(r->o->dbpath, "FILE", qd, sizeof qd));
		*fit_end = *oos_end = strlen(buf);
		return;
	}
	/* the rows validate's "in sample and held out" pools, its out-of-sample
	** rows (a borrowed profile) said apart, never mixed in; "mostly a
	** fit" where nine in ten pooled rows or more were fitted on */
	/* whose rows (valrows.c): a --measurements file's errors read as
	** the published measurements' before validate recorded which */
	report_rows_words(r, whose, sizeof whose);
	if (r->bad)
		return;
	if (!read_errors(r, v->id, &es)) {
		free(es.e[0]);
		free(es.e[1]);
		return;
	}
	fit = es.fit;
	n0 = (long)es.n[0];
	if (n0)
		k = (size_t)snprintf(buf, len, "the model's throughput misses "
		                     "%s%s by a median %s (90th percentile %s) over "
		                     "%ld rows, %ld of them of the chip and software "
		                     "its profiles were fitted on%s", whose,
		                     report_val_rows(r, &f) == REPORT_ROWS_FILE
		                         ? "," : "",
		                     report_pct(q50, sizeof q50, stats_abs_quantile(
		                         es.e[0], es.n[0], 0.5), 0),
		                     report_pct(q90, sizeof q90, stats_abs_quantile(
		                         es.e[0], es.n[0], 0.9), 0),
		                     n0, fit, 10 * fit >= 9 * n0 &&
		                         report_val_rows(r, &f) != REPORT_ROWS_FILE
		                         ? ", so mostly a fit and little a "
		                           "prediction" : "");
	else
		k = (size_t)snprintf(buf, len, "no modelled row of this "
		                     "validation run has a profile fitted on its "
		                     "chip or held out from it");
	*fit_end = k < len ? k : strlen(buf);
	if (es.n[1] && k < len)
		k += (size_t)snprintf(buf + k, len - k, "; apart from them, %zu "
		                      "row%s of a profile borrowed from another "
		                      "version (out of sample): median %s, 90th "
		                      "percentile %s", es.n[1],
		                      es.n[1] == 1 ? "" : "s",
		                      report_pct(q50, sizeof q50, stats_abs_quantile(
		                          es.e[1], es.n[1], 0.5), 0),
		                      report_pct(q90, sizeof q90, stats_abs_quantile(
		                          es.e[1], es.n[1], 0.9), 0));
	free(es.e[0]);
	free(es.e[1]);
	*oos_end = k < len ? k : strlen(buf);
	if (k >= len)
		return;
	if (!read_spans(r, v->id, &same, &changed, &rep)) {
		snprintf(buf + k, len - k, "; how far the measurements themselves "
		         "move between versions is not in this validation run, "
		         "written before rooflab stored it (rerun rooflab validate "
		         "--db for it)");
		return;
	}
	/* (adjacent pairs that are all republished tables do share
	** measurements: said so, not "no two share one") */
	if (!same.pairs && !changed.pairs && rep) {
		snprintf(buf + k, len - k, "; the only adjacent versions' tables "
		         "that share measurements republish the same numbers (%ld "
		         "pair%s, no second measurement), so how far the "
		         "measurements themselves move is not known", rep,
		         rep == 1 ? "" : "s");
		return;
	}
	if (!same.pairs && !changed.pairs) {
		snprintf(buf + k, len - k, "; no two adjacent versions' tables "
		         "share a measurement, so how far the measurements "
		         "themselves move is not known");
		return;
	}
	/* a --measurements file's pairs are of its own tables (valrows.c),
	** as the first clause names its rows; a run that did not record
	** whose rows it read (written before rows_of) says neither */
	rows = report_val_rows(r, &f);
	k += (size_t)snprintf(buf + k, len - k, "; the %stables themselves "
	                      "move ", rows == REPORT_ROWS_FILE ? "file's "
	                      : rows == REPORT_ROWS_SHIPPED ? "published " : "");
	if (same.pairs && k < len)
		k += span_words(buf + k, len - k, &same, "between adjacent "
		                "versions measured with the same benchmark "
		                "harness");
	if (same.pairs && changed.pairs && k < len)
		k += (size_t)snprintf(buf + k, len - k, ", and ");
	if (changed.pairs && k < len)
		k += span_words(buf + k, len - k, &changed, same.pairs
		                ? "where the harness changed"
		                : "between adjacent versions, each with a "
		                  "changed harness");
	if (k < len)
		k += (size_t)snprintf(buf + k, len - k, ": an upper bound on the "
		                      "measurements' noise, not noise alone, since "
		                      "the software changed between versions too");
	if (rep && k < len)
		snprintf(buf + k, len - k, "; %ld more pair%s of adjacent tables "
		         "republish%s the same numbers (no second measurement) and "
		         "%s left out", rep, rep == 1 ? "" : "s", rep == 1 ? "es" : "",
		         rep == 1 ? "is" : "are");
}

/* The trust line validate stored with run `run` (validation_runs.trust:
** each profile's leave-one-architecture-out error as its [meta] held it
** when the run was written, the out-of-sample rows', what the other chips'
** rows are; the line claim prints under its verdict; since 2026-12-02
** led by the rows it is about, "over the shipped rows: " or "over this
** file's rows (FILE): ") after buf's k bytes;
** a run written before the column, or with none stored, said so. */
static void stored_trust(rctx *r, long run, char *buf, size_t len, size_t k)
{
	sqlite3_stmt *st;
	char t[4096] = ""; /* a file's path before the words (cmd_validate.c) */
	if (k >= len)
		return;
	if (report_has_column(r, r->db, r->o->dbpath, "validation_runs",
	                      "trust") &&
	    (st = report_prepare(r, r->db, r->o->dbpath,
	                         "SELECT trust FROM validation_runs WHERE id = "
	                         "?1"))) {
		sqlite3_bind_int64(st, 1, run);
		if (sqlite3_step(st) == SQLITE_ROW)
			pdb_text(st, 0, t, sizeof t);
		report_finish(r, st, r->o->dbpath);
	}
	if (t[0])
		snprintf(buf + k, len - k, "; as validate recorded it with this "
		         "run, %s", t);
	else
		snprintf(buf + k, len - k, "; the profiles' leave-one-architecture-"
		         "out error is not recorded in this validation run, written "
		         "before rooflab stored it (rerun rooflab validate --db for "
		         "it)");
}

/* The trust line claim stored with the report's claim run
** (claim_runs.trust: the line its text prints under the verdict, from the
** shipped measurements, the baseline's figures named) after buf's k
** bytes: 1, else 0 with buf as it was (a run written before the column,
** or with none stored). */
static int claim_trust(rctx *r, char *buf, size_t len, size_t k)
{
	sqlite3_stmt *st;
	char t[2048] = "";
	if (k >= len)
		return 0;
	if (report_has_column(r, r->db, r->o->dbpath, "claim_runs", "trust") &&
	    (st = report_prepare(r, r->db, r->o->dbpath,
	                         "SELECT trust FROM claim_runs WHERE id = ?1"))) {
		sqlite3_bind_int64(st, 1, r->c.id);
		if (sqlite3_step(st) == SQLITE_ROW)
			pdb_text(st, 0, t, sizeof t);
		report_finish(r, st, r->o->dbpath);
	}
	if (!t[0] || r->bad)
		return 0;
	/* the claim's line is the shipped rows' (cmd_claim.c,
	** val_trust_shipped): named so beside a validation run of a file's
	** rows, or of rows not recorded, lest it read as theirs */
	{
		const char *f;
		int rows = report_val_rows(r, &f);
		if (r->bad)
			return 0;
		snprintf(buf + k, len - k, "; as the claim recorded it with its "
		         "run, %s%s", rows == REPORT_ROWS_FILE ||
		         rows == REPORT_ROWS_UNRECORDED ? "over the shipped rows: "
		         : "", t);
	}
	return 1;
}

/* r->trust and r->trust_short, worked out once */
static void trust_both(rctx *r)
{
	const pdb_validation *v;
	size_t fit_end = 0, oos_end = 0, tail = 0, k;
	int found, stored = 0;
	if (r->trust_done)
		return;
	r->trust_done = 1;
	r->trust[0] = r->trust_short[0] = '\0';
	r->trust_short_head = 0;
	if ((found = report_val_run(r, &v)) >= 0)
		trust_words(r, found ? v : NULL, r->trust, sizeof r->trust,
		            &fit_end, &oos_end);
	/* the claim's own line first, the validation run's where the
	** claim run has none */
	if (found >= 0 && r->trust[0] && !r->bad) {
		tail = strlen(r->trust);
		stored = claim_trust(r, r->trust, sizeof r->trust, tail);
		if (!stored && found > 0 && !r->bad) {
			stored_trust(r, v->id, r->trust, sizeof r->trust, tail);
			/* a line validate stored, not its "not recorded" */
			stored = !strncmp(r->trust + tail, "; as validate",
			                  strlen("; as validate"));
		}
	}
	if (!r->trust[0] || r->bad)
		return;
	k = strlen(r->trust);
	r->trust_ends[0] = fit_end < k ? fit_end : k;
	r->trust_ends[1] = oos_end < k ? oos_end : k;
	r->trust_ends[2] = tail && tail < k ? tail : k;
	/* the verdict's: the first clause, the out-of-sample one unless the
	** stored line gives those rows' figures, then whatever followed the
	** published tables' clause (the stored line, or why there is none) */
	k = (size_t)snprintf(r->trust_short, sizeof r->trust_short, "%.*s",
	                     (int)(stored ? fit_end : oos_end), r->trust);
	if (k < sizeof r->trust_short)
		snprintf(r->trust_short + k, sizeof r->trust_short - k, "%s",
		         r->trust + tail);
	k = strlen(r->trust_short);
	r->trust_short_head = tail && (stored ? fit_end : oos_end) < k
	                      ? (stored ? fit_end : oos_end) : k;
}

const char *report_trust_words(rctx *r)
{
	trust_both(r);
	return r->trust;
}

const char *report_trust_short(rctx *r)
{
	trust_both(r);
	return r->trust_short;
}

size_t report_trust_short_head(rctx *r)
{
	trust_both(r);
	return r->trust_short_head;
}

int report_trust_clauses(rctx *r, const char *cl[4], int len[4])
{
	size_t at = 0, end, k;
	int n = 0;
	trust_both(r);
	if (!r->trust[0] || r->bad)
		return 0;
	for (k = 0; k < 4; k++) {
		end = k < 3 ? r->trust_ends[k] : strlen(r->trust);
		if (end < at)
			end = at;
		/* (each clause after the first opens with its "; ") */
		if (at && !strncmp(r->trust + at, "; ", 2) && at + 2 <= end)
			at += 2;
		if (end > at || !k) {
			cl[n] = r->trust + at;
			len[n++] = (int)(end - at);
		}
		at = end;
	}
	return n;
}

void report_validation_repeat(rctx *r, long run)
{
	static const char *const h[] = {"versions", "shared measurements",
	                                "median |change|", "90th pct |change|",
	                                "median change", "harness"};
	sqlite3_stmt *st;
	int n = 0;
	if (!has_pairs(r, run))
		return;
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT version_a, version_b, cells, "
	                          "median_abs_change, p90_abs_change, "
	                          "median_change, harness, ord FROM "
	                          "validation_repeat WHERE run_id = ?1 AND "
	                          "adjacent != 0 ORDER BY ord")))
		return;
	sqlite3_bind_int64(st, 1, run);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char c[6][32], pair[300], a[140], b[140], msg[sizeof r->bad_msg];
		const char *cells[6], *hw;
		long long ord = sqlite3_column_int64(st, 7);
		double x[3];
		int k;
		if (sqlite3_column_type(st, 2) != SQLITE_INTEGER ||
		    sqlite3_column_int64(st, 2) < 1) {
			/* validate stores a pair with one shared cell or more */
			snprintf(msg, sizeof msg, "%s: cannot read: validation_repeat."
			         "cells of validation run %ld, pair %lld, is not a "
			         "count of 1 or more, as rooflab validate writes it (a "
			         "database changed by hand?)", r->o->dbpath, run, ord);
			report_bad(r, RL_EINPUT | PDB_UNREAD, msg);
			break;
		}
		if (!rep_number(r, st, 3, run, ord, &x[0]) ||
		    !rep_number(r, st, 4, run, ord, &x[1]) ||
		    !rep_number(r, st, 5, run, ord, &x[2]) ||
		    !rep_harness(r, st, 6, run, ord, &hw))
			break;
		pdb_text(st, 0, a, sizeof a);
		pdb_text(st, 1, b, sizeof b);
		snprintf(pair, sizeof pair, "%s -> %s", a, b);
		snprintf(c[1], sizeof c[1], "%lld",
		         (long long)sqlite3_column_int64(st, 2));
		for (k = 0; k < 3; k++)
			if (isnan(x[k]))
				snprintf(c[2 + k], sizeof c[2 + k], "not evaluated");
			else
				report_pct(c[2 + k], sizeof c[2 + k], x[k], k == 2);
		snprintf(c[5], sizeof c[5], "%s", hw);
		for (k = 1; k < 6; k++)
			cells[k] = c[k];
		cells[0] = pair;
		if (n++ == 0) {
			doc_para(&r->d, "How far the measurements themselves move: "
			         "the same measurement (chip, GPUs, model, precision, "
			         "input and output lengths, mapping, request rate and "
			         "metric) in the tables of two adjacent versions of one "
			         "benchmark series, |change| = larger / smaller - 1 on "
			         "the scale of the model's |error| above, and the "
			         "harness as data/measurements/harness.csv gives it "
			         "(rooflab validate lists every pair of versions).");
			doc_table_begin(&r->d, 6, h);
		}
		doc_row(&r->d, cells);
	}
	report_finish(r, st, r->o->dbpath);
	if (n)
		doc_table_end(&r->d);
}

/* A count over the claim database of sql, its ?1 bound to the integer a
** and its ?2 to the text b (NULL: not bound); 0 where it fails (kept in
** r->bad). */
static long count_of(rctx *r, const char *sql, long a, const char *b)
{
	sqlite3_stmt *st;
	long n = 0;
	if (!(st = report_prepare(r, r->db, r->o->dbpath, sql)))
		return 0;
	sqlite3_bind_int64(st, 1, a);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	report_finish(r, st, r->o->dbpath);
	return n;
}


/* The held-out rows of validation run `run` (another chip than the one
** their profile was fitted on, not out of sample) into *all, those that
** are serving (not a microbenchmark's metric, meas_metric_micro) into
** *serving. */
static void held_out(rctx *r, long run, long *all, long *serving)
{
	sqlite3_stmt *st;
	char sql[200], metric[96];
	*all = *serving = 0;
	snprintf(sql, sizeof sql, "SELECT %s FROM validation WHERE run_id = ?1 "
	         "AND in_calibration = 0 AND %s", report_has_column(r, r->db,
	         r->o->dbpath, "validation", "metric") ? "coalesce(metric, '')"
	         : "''", report_has_column(r, r->db, r->o->dbpath, "validation",
	         "out_of_sample") ? "coalesce(out_of_sample, 0) = 0" : "1");
	if (!(st = report_prepare(r, r->db, r->o->dbpath, sql)))
		return;
	sqlite3_bind_int64(st, 1, run);
	while (sqlite3_step(st) == SQLITE_ROW) {
		pdb_text(st, 0, metric, sizeof metric);
		++*all;
		*serving += !meas_metric_micro(metric);
	}
	report_finish(r, st, r->o->dbpath);
}

void report_unknowns_words(rctx *r, char *buf, size_t len)
{
	const pdb_validation *v;
	char chip[128];
	size_t k = 0;
	long inputs, design, all, serving;
	buf[0] = '\0';
	if (report_val_run(r, &v) <= 0)
		return; /* report_trust_words says there is none */
	report_side_text(r, "b", "setup.chip", chip, sizeof chip);
	inputs = report_has(r, r->db, r->o->dbpath, "claim_assumptions")
	             ? count_of(r, "SELECT count(*) FROM claim_assumptions WHERE "
	                        "run_id = ?1 AND side = ?2", r->c.id, "b")
	             : 0;
	design = inputs ? count_of(r, "SELECT count(*) FROM claim_assumptions "
	                           "WHERE run_id = ?1 AND side = ?2", r->c.id,
	                           "b_by_design")
	                : 0;
	if (chip[0] && !count_of(r, "SELECT count(*) FROM validation WHERE "
	                         "run_id = ?1 AND chip = ?2", v->id, chip)) {
		k = (size_t)snprintf(buf, len, "no published measurement of %s, "
		                     "%s's chip, is among the validation run's "
		                     "rows: its speed rests on the model and on the "
		                     "inputs the assumptions section lists with "
		                     "their sources and ranges", chip, r->c.b_label);
		if (inputs && k < len)
			k += (size_t)snprintf(buf + k, len - k, " (%ld for it",
			                      inputs);
		if (inputs && design && k < len) {
			char bd[sizeof r->c.b_label];
			report_side_label(r, "b_by_design", bd, sizeof bd);
			k += (size_t)snprintf(buf + k, len - k, ", %ld for %s", design,
			                      bd);
		}
		if (inputs && k < len)
			k += (size_t)snprintf(buf + k, len - k, ")");
	}
	held_out(r, v->id, &all, &serving);
	if (k < len && serving == 0 && all > 0)
		snprintf(buf + k, len - k, "%sno row of that run is serving on a "
		         "chip the model was not fitted on (its %ld held-out row%s "
		         "%s microbenchmark%s), so how well the model predicts "
		         "serving on a new chip is not measured", k ? "; and " : "",
		         all, all == 1 ? "" : "s", all == 1 ? "is a" : "are",
		         all == 1 ? "" : "s");
	else if (k < len && all == 0)
		snprintf(buf + k, len - k, "%sno row of that run is of a chip the "
		         "model was not fitted on, so how well it predicts a new "
		         "chip is not measured", k ? "; and " : "");
}
