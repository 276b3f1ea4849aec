/*
** verdict.c: the report's first section: the verdict in plain words (the
** speedup under the stated assumptions, its 90% interval, the probability
** of reaching the target, and what must be true to reach it), from
** claim_runs, claim_mc, claim_sides and claim_must (claim_solve for runs
** written before it).
*/
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../claim/mcwords.h"
#include "../claim/numwords.h"
#include "../claim/robustwords.h"
#include "../claim/verdict.h"
#include "../claim/words.h"
#include "../config/shword.h"
#include "../model/figtext.h"
#include "../model/mapping.h"
#include "rctx.h"

typedef struct {
	int have;
	long samples, seed;
	double p05, p50, p95, prob, viol;
} mc_row;

static void read_mc(rctx *r, mc_row *m)
{
	sqlite3_stmt *st;
	memset(m, 0, sizeof *m);
	if (!report_has(r, r->db, r->o->dbpath, "claim_mc"))
		return;
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT samples, seed, p05, p50, "
	                          "p95, prob_ge_target, violation_rate FROM "
	                          "claim_mc WHERE run_id = ?1")))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		/* each cell as claim writes it, as the sensitivity section
		** checks version 1's claim_mc (report_bad_cell): beside
		** claim_mc_summary, which that section reads, this row went
		** unchecked, and a probability of 1e300 read "Supported" */
		static const char *const names[] = {
		    "samples", "seed", "p05", "p50", "p95", "prob_ge_target",
		    "violation_rate"};
		int k;
		for (k = 0; k < 7; k++)
			if (report_bad_cell(r, st, k, names[k], "claim_mc", "b",
			                    k < 2, k == 1 ? -INFINITY : k < 2 ||
			                    k >= 5 ? 0 : -INFINITY,
			                    k >= 5 ? 1 : INFINITY)) {
				report_finish(r, st, r->o->dbpath);
				return;
			}
		m->have = 1;
		m->samples = (long)sqlite3_column_int64(st, 0);
		m->seed = (long)sqlite3_column_int64(st, 1);
		m->p05 = pdb_real(st, 2);
		m->p50 = pdb_real(st, 3);
		m->p95 = pdb_real(st, 4);
		m->prob = pdb_real(st, 5);
		m->viol = pdb_real(st, 6);
	}
	report_finish(r, st, r->o->dbpath);
}

double report_side_value(rctx *r, const char *side, const char *name)
{
	sqlite3_stmt *st;
	double v = NAN;
	if (!report_has(r, r->db, r->o->dbpath, "claim_sides"))
		return NAN;
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT value FROM claim_sides "
	                          "WHERE run_id = ?1 AND side = ?2 AND name "
	                          "= ?3")))
		return NAN;
	sqlite3_bind_int64(st, 1, r->c.id);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = pdb_real(st, 0);
	report_finish(r, st, r->o->dbpath);
	return v;
}

void report_mc_skipped(rctx *r, const char *side, char *buf, size_t len)
{
	report_side_text(r, side, "setup.mc_skipped", buf, len);
}

/* The side's Monte Carlo samples that could not be evaluated
** (claim_mc_summary.not_evaluable), 0 where the run did not store them. */
static double side_not_evaluable(rctx *r, const char *side)
{
	sqlite3_stmt *st;
	double v = 0;
	if (!report_has(r, r->db, r->o->dbpath, "claim_mc_summary") ||
	    !(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT not_evaluable FROM claim_mc_summary "
	                          "WHERE run_id = ?1 AND side = ?2")))
		return 0;
	sqlite3_bind_int64(st, 1, r->c.id);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = pdb_real(st, 0);
	report_finish(r, st, r->o->dbpath);
	return isfinite(v) && v > 0 ? v : 0;
}

/* The numbers of the run's JSON (claim_runs.json) at the paths given, into
** v (NAN where the run did not write one, or wrote other than a number:
** a database changed by hand). */
static void json_numbers(rctx *r, const char *const *path, double *v,
                         int n)
{
	sqlite3_stmt *st;
	char q[4096];
	size_t used;
	int i;
	for (i = 0; i < n; i++)
		v[i] = NAN;
	used = (size_t)snprintf(q, sizeof q, "SELECT ");
	for (i = 0; i < n && used < sizeof q; i++)
		used += (size_t)snprintf(q + used, sizeof q - used, "%sCASE WHEN "
		        "json_valid(json) AND json_type(json, '%s') IN ('integer', "
		        "'real') THEN json_extract(json, '%s') END", i ? ", " : "",
		        path[i], path[i]);
	if (used >= sizeof q - 40)
		return;
	snprintf(q + used, sizeof q - used, " FROM claim_runs WHERE id = ?1");
	if (!(st = report_prepare(r, r->db, r->o->dbpath, q)))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (i = 0; i < n; i++)
			v[i] = pdb_real(st, i);
	report_finish(r, st, r->o->dbpath);
}

/* The text of the run's JSON at path (a string there; "" where the run
** did not write one, or wrote other than a string). */
static void json_text(rctx *r, const char *path, char *buf, size_t len)
{
	sqlite3_stmt *st;
	buf[0] = 0;
	if (!(st = report_prepare(r, r->db, r->o->dbpath, "SELECT CASE WHEN "
	                          "json_valid(json) AND json_type(json, ?2) = "
	                          "'text' THEN json_extract(json, ?2) END FROM "
	                          "claim_runs WHERE id = ?1")))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, buf, len);
	report_finish(r, st, r->o->dbpath);
}

void report_workload(rctx *r, char *buf, size_t len)
{
	static const char *const path[2] = {"$.a.setup.isl", "$.a.setup.osl"};
	sqlite3_stmt *st;
	char model[96] = "", prec[32] = "";
	double v[2];
	buf[0] = '\0';
	json_numbers(r, path, v, 2);
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT CASE WHEN json_valid(json) THEN "
	                          "json_extract(json, '$.a.setup.model') END, "
	                          "CASE WHEN json_valid(json) THEN json_extract("
	                          "json, '$.a.setup.precision') END FROM "
	                          "claim_runs WHERE id = ?1")))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		pdb_text(st, 0, model, sizeof model);
		pdb_text(st, 1, prec, sizeof prec);
	}
	report_finish(r, st, r->o->dbpath);
	if (model[0] && prec[0] && isfinite(v[0]) && isfinite(v[1])) {
		/* (report_whole_text: "%.0f" of a length of 1e300 in the
		** run's JSON was cut at the buffer's end into another number) */
		char in[32], out[32];
		snprintf(buf, len, "%s in %s, %s tokens in and %s out per "
		         "request", model, prec,
		         report_whole_text(in, sizeof in, v[0]),
		         report_whole_text(out, sizeof out, v[1]));
	}
}

/* "TP1 x PP2 x DP4": a mapping as the claim's text names it
** (rl_mapping_words) */
static const char *mapping_words(char *buf, size_t len, double tp,
                                 double pp, double dp, double ep)
{
	return rl_mapping_words(buf, len, tp, pp, dp, ep);
}

/* Against which baseline: the verdict divides by side a at the scenario's
** mapping (for the default side a the one TensorRT-LLM 0.10's table
** measured, TP8, as Etched compared) and runs side b at its best; the
** other baselines a reader deciding on the claim needs stood in the
** claim's text alone (a at its own best mapping, 6.44x) or in the other
** claims' table (the later tables, Sohu by design).  Items of the
** verdict's list, each where the run's JSON holds its numbers. */
enum { J_ATP, J_APP, J_ACH, J_BTP, J_BPP, J_BCH, J_GIVEN, J_BTP_A, J_BPP_A,
       J_BDP_A, J_BEP_A, J_BEST_A, J_T10, J_T11, J_T12, J_BD, J_BD700,
       J_BD1000, J_BDNONE, J_MP_TP, J_MP_PP, J_MP, J_N };

/* One item of the baselines' list, the paragraph and list opened before
** the first (*open), so that a run without their numbers has neither. */
__attribute__((format(printf, 3, 4)))
static void base_item(rctx *r, int *open, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;
	if (!*open) {
		doc_para(&r->d, "The same speedup against other baselines (how "
		         "much of it is the choice of comparison):");
		doc_list_begin(&r->d);
		*open = 1;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	doc_item(&r->d, "%s", buf);
}

/* What binds side b at the mapping the scenario names, as claim's text
** says it under its mappings ("what binds there"), from the run's JSON
** (b_as_given_binds, claim --json): per chip, ms.  Left out for a run
** written before the field (or a binding no bound name: edited by hand). */
static void given_binds_item(rctx *r, int *open, const char *given)
{
	static const char *const path[6] = {
	    "$.b_as_given_binds.tp", "$.b_as_given_binds.iteration_ms",
	    "$.b_as_given_binds.tpot_ms", "$.b_as_given_binds.all_reduce_ms",
	    "$.b_as_given_binds.gemm_ms", "$.b_as_given_binds.attention_ms"};
	sqlite3_stmt *st;
	char bind[32] = "", ms[6][32];
	double v[6];
	int i, known = 0;
	json_numbers(r, path, v, 6);
	for (i = 0; i < 6; i++)
		if (!isfinite(v[i]))
			return;
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT CASE WHEN json_valid(json) THEN "
	                          "json_extract(json, '$.b_as_given_binds."
	                          "binding') END FROM claim_runs WHERE id = ?1")))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, bind, sizeof bind);
	report_finish(r, st, r->o->dbpath);
	for (i = 0; i < RL_BOUND_COUNT; i++)
		known |= strcmp(bind, rl_bound_name(i)) == 0;
	if (!known)
		return;
	/* the figures as claim's text and eval write them (rl_fig_text) */
	for (i = 1; i < 6; i++)
		rl_fig_text(ms[i], sizeof ms[i], v[i]);
	base_item(r, open, "What binds %s at %s, the scenario's mapping (per "
	         "chip, the engine's breakdown as rooflab eval prints it): an "
	         "iteration carrying prefill takes %s ms (time per output token %s ms), "
	         "%s-bound: %s ms of all-reduces not hidden under compute "
	         "against %s ms of GEMMs and %s ms of attention.",
	         r->c.b_label, given, ms[1], ms[2], bind, ms[3], ms[4], ms[5]);
}

/* A count of chips the run's JSON gives that the items print in all their
** digits (%.0f): a whole number from 1 to under 1e15, as the counts of
** robustness' samples are read (a value changed by hand to 1e300 gave
** 301 digits, 8.5 read as 8) */
static int chips_count(double x)
{
	return isfinite(x) && x >= 1 && x < 1e15 && x == floor(x);
}

static void baselines(rctx *r)
{
	static const char *const path[J_N] = {
	    "$.a.setup.tp", "$.a.setup.pp", "$.a.setup.chips", "$.b.setup.tp",
	    "$.b.setup.pp", "$.b.setup.chips", "$.b_as_given_total_tokens",
	    "$.against_best_a.tp", "$.against_best_a.pp", "$.against_best_a.dp",
	    "$.against_best_a.ep", "$.against_best_a.total_tokens",
	    "$.against_trtllm_0_10", "$.against_trtllm_0_11",
	    "$.against_trtllm_0_12", "$.speedup.by_design.total_tokens",
	    "$.by_design_at_tdp.tdp_700_w", "$.by_design_at_tdp.tdp_1000_w",
	    "$.by_design_at_tdp.unlimited", "$.b_model_parallel.tp",
	    "$.b_model_parallel.pp", "$.b_model_parallel.total_tokens"};
	const pdb_claim *c = &r->c;
	double v[J_N];
	int open = 0;
	char ma[80], mb[80], x[4][32], bd[sizeof r->c.b_label];
	json_numbers(r, path, v, J_N);
	if (isfinite(v[J_ATP]) && isfinite(v[J_APP]) && chips_count(v[J_ACH]) &&
	    isfinite(v[J_BTP]) && isfinite(v[J_BPP]) && chips_count(v[J_BCH]) &&
	    v[J_ATP] * v[J_APP] > 0 && v[J_BTP] * v[J_BPP] > 0) {
		int moved = isfinite(v[J_GIVEN]) && isfinite(c->speedup_total) &&
		            fabs(v[J_GIVEN] - c->speedup_total) >
		            1e-9 * fabs(c->speedup_total);
		mapping_words(ma, sizeof ma, v[J_ATP], v[J_APP],
		              v[J_ACH] / (v[J_ATP] * v[J_APP]), 1);
		mapping_words(mb, sizeof mb, v[J_BTP], v[J_BPP],
		              v[J_BCH] / (v[J_BTP] * v[J_BPP]), 1);
		if (moved)
			claim_speedup_side(x[0], sizeof x[0],
			                   v[J_GIVEN], c->target);
		if (moved)
			base_item(r, &open, "Mappings (TP: each layer split across "
			         "chips; PP: the layers split into consecutive stages; "
			         "DP: whole copies side by side): %s as %s on %.0f chip%s, "
			         "the scenario's; %s as %s on %.0f chip%s, its best "
			         "mapping of the chips (as %s it would be %s).",
			         c->a_label, ma, v[J_ACH], v[J_ACH] == 1 ? "" : "s",
			         c->b_label, mb, v[J_BCH], v[J_BCH] == 1 ? "" : "s",
			         ma, x[0]);
		if (moved)
			given_binds_item(r, &open, ma);
		else
			base_item(r, &open, "Mappings (TP: each layer split across "
			         "chips; PP: the layers split into consecutive stages; "
			         "DP: whole copies side by side): %s as %s on %.0f chip%s, "
			         "%s as %s on %.0f chip%s, as the scenario and the sides "
			         "give them.", c->a_label, ma, v[J_ACH],
			         v[J_ACH] == 1 ? "" : "s", c->b_label, mb, v[J_BCH],
			         v[J_BCH] == 1 ? "" : "s");
	}
	/* Etched's benchmark is "8-way model parallel" (claims.md), where b's
	** best mapping runs copies of the model (ux16) */
	if (isfinite(v[J_MP]) && isfinite(v[J_MP_TP]) && isfinite(v[J_MP_PP]) &&
	    chips_count(v[J_BCH]))
		base_item(r, &open, "Etched's benchmark says \"%.0f-way model "
		         "parallel\" (data/sources/claims.md): the model split over "
		         "all %.0f chips, no copies; %s's best such mapping, %s, gives "
		         "%s.", v[J_BCH], v[J_BCH], c->b_label,
		         mapping_words(ma, sizeof ma, v[J_MP_TP], v[J_MP_PP], 1, 1),
		         claim_speedup_side(x[0], sizeof x[0],
		                            v[J_MP], c->target));
	if (isfinite(v[J_BEST_A]) && isfinite(v[J_BTP_A]) &&
	    isfinite(v[J_BPP_A]) && isfinite(v[J_BDP_A]) &&
	    !(v[J_BTP_A] == v[J_ATP] && v[J_BPP_A] == v[J_APP] &&
	      v[J_BDP_A] * v[J_BTP_A] * v[J_BPP_A] == v[J_ACH]))
		base_item(r, &open, "Against %s at its own best mapping of the same "
		         "chips, %s (modelled, not measured): %s.", c->a_label,
		         mapping_words(ma, sizeof ma, v[J_BTP_A], v[J_BPP_A],
		                       v[J_BDP_A], v[J_BEP_A]),
		         claim_speedup_side(x[0], sizeof x[0],
		                            v[J_BEST_A], c->target));
	if (isfinite(v[J_T10]) && isfinite(v[J_T11]) && isfinite(v[J_T12]))
		base_item(r, &open, "Against the measured TensorRT-LLM tables of the "
		         "same cell, where the speedups above divide by side "
		         "a as modelled: %s against 0.10's, the table Etched "
		         "compared with, and %s and %s against the later 0.11 and "
		         "0.12, the same H100s under newer software (the other "
		         "claims below; data/sources/claims.md).",
		         claim_speedup_side(x[0], sizeof x[0],
		                            v[J_T10], c->target),
		         claim_speedup_side(x[1], sizeof x[1],
		                            v[J_T11], c->target),
		         claim_speedup_side(x[2], sizeof x[2],
		                            v[J_T12], c->target));
	if (isfinite(v[J_BD])) {
		report_side_label(r, "b_by_design", bd, sizeof bd);
		if (isfinite(v[J_BD700]) && isfinite(v[J_BD1000]) &&
		    isfinite(v[J_BDNONE]))
			base_item(r, &open, "%s, Sohu derived from its silicon (die, "
			         "process node and power) rather than from Etched's "
			         "figures, and held to its TDP: %s (with a TDP of 700 "
			         "W: %s, 1000 W: %s, none: %s).", bd,
			         claim_speedup_side(x[0], sizeof x[0],
			                            v[J_BD], c->target),
			         claim_speedup_side(x[1], sizeof x[1],
			                            v[J_BD700], c->target),
			         claim_speedup_side(x[2], sizeof x[2],
			                            v[J_BD1000], c->target),
			         claim_speedup_side(x[3], sizeof x[3],
			                            v[J_BDNONE], c->target));
		else
			base_item(r, &open, "%s, Sohu derived from its silicon (die, "
			         "process node and power) rather than from Etched's "
			         "figures, and held to its TDP: %s.", bd,
			         claim_speedup_side(x[0], sizeof x[0],
			                            v[J_BD], c->target));
	}
	if (open)
		doc_list_end(&r->d);
}

int report_b_default(rctx *r)
{
	sqlite3_stmt *st;
	int v = -1;
	if (!report_has_column(r, r->db, r->o->dbpath, "claim_runs",
	                       "b_default") ||
	    !(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT b_default FROM claim_runs WHERE id = "
	                          "?1")))
		return -1;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL) {
		/* claim writes 0 or 1: anything else (text, which SQLite's
		** conversion reads as 0, "two sides of the user's") is refused */
		int type = sqlite3_column_type(st, 0);
		sqlite3_int64 x = sqlite3_column_int64(st, 0);
		if (type == SQLITE_INTEGER && (x == 0 || x == 1)) {
			v = (int)x;
		} else {
			char msg[sizeof r->bad_msg];
			snprintf(msg, sizeof msg, "%s: cannot read: claim_runs."
			         "b_default of claim run %ld holds %s, where rooflab "
			         "claim writes 0 or 1 (a database changed by hand?)",
			         r->o->dbpath, r->c.id,
			         pdb_cell_words(type, type == SQLITE_FLOAT
			                        ? "a number that is not 0 or 1"
			                        : "a whole number that is not 0 "
			                          "or 1"));
			report_bad(r, RL_EINPUT | PDB_UNREAD, msg);
		}
	}
	report_finish(r, st, r->o->dbpath);
	return v;
}

/* The one-line verdict. */
static const char *word(const pdb_claim *c, const mc_row *m)
{
	return claim_verdict_word(m->have, m->prob, c->speedup_total,
	                          c->target);
}

/* "What must be true" in the claim's own words (claim_must): k 0, the
** levers moved together (the headline first), or k 1, one lever at a
** time.  1 when the run stored them (or they failed to read: kept in
** r->bad), 0 when it did not. */
static int must_words(rctx *r, int k)
{
	static const char *const kinds[2] = {"together", "one"};
	static const char *const intro[2] = {
	    "What must be true for %sx, with the levers moved together:",
	    "One lever at a time, the rest as assumed (the parameter to vary "
	    "in brackets):"};
	sqlite3_stmt *st;
	char msg[sizeof r->bad_msg];
	long rows;
	int rc, n = 0;
	if ((rc = pdb_rows(r->db, r->o->dbpath, "claim_must", r->c.id, &rows,
	                   msg, sizeof msg))) {
		report_bad(r, rc, msg);
		return 1;
	}
	if (rows == 0)
		return 0;
	{
		if (!(st = report_prepare(r, r->db, r->o->dbpath,
		                          "SELECT param, text FROM "
		                          "claim_must WHERE run_id = ?1 AND "
		                          "kind = ?2 ORDER BY ord")))
			return 1;
		sqlite3_bind_int64(st, 1, r->c.id);
		sqlite3_bind_text(st, 2, kinds[k], -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *p = (const char *)sqlite3_column_text(st, 0);
			const char *t = (const char *)sqlite3_column_text(st, 1);
			if (n++ == 0) {
				doc_para(&r->d, intro[k],
				         claim_target_text(r->c.target).s);
				doc_list_begin(&r->d);
			}
			/* a sentence: its first letter in capitals */
			if (p && p[0])
				doc_item(&r->d, "%c%s [%s].", t && t[0] ? toupper(
				         (unsigned char)t[0]) : ' ', t && t[0] ? t + 1
				         : "", p);
			else
				doc_item(&r->d, "%c%s.", t && t[0] ? toupper(
				         (unsigned char)t[0]) : ' ', t && t[0] ? t + 1
				         : "");
		}
		report_finish(r, st, r->o->dbpath);
		if (n)
			doc_list_end(&r->d);
	}
	return 1;
}

/* "What must be true": a paragraph and a list of its own, after the
** verdict's list, the levers moved together (1: the one-at-a-time list
** is to follow); from the solver's rows where the run predates claim_must
** (0). */
static int must_be_true(rctx *r)
{
	sqlite3_stmt *st;
	char v[32];
	int n = 0;
	if (must_words(r, 0))
		return 1;
	if (!report_has(r, r->db, r->o->dbpath, "claim_solve")) {
		doc_para(&r->d, "What must be true for %sx: not computed (no "
		         "claim_solve table in this database).",
		         claim_target_text(r->c.target).s);
		return 0;
	}
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT param, target, value, "
	                          "feasible, reason FROM claim_solve WHERE "
	                          "run_id = ?1 ORDER BY feasible DESC, param")))
		return 0;
	sqlite3_bind_int64(st, 1, r->c.id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		const char *why = (const char *)sqlite3_column_text(st, 4);
		if (n++ == 0) {
			doc_para(&r->d, "What must be true for %sx, one parameter at "
			         "a time with the rest as assumed (this claim run "
			         "predates the conditions in words; rerun rooflab "
			         "claim --db for them):",
			         claim_target_text(r->c.target).s);
			doc_list_begin(&r->d);
		}
		if (sqlite3_column_int(st, 3))
			doc_item(&r->d, "%s would have to be %s (%s).", p ? p : "?",
			         report_fig(v, sizeof v, pdb_real(st, 2)),
			         why ? why : "");
		else
			doc_item(&r->d, "%s: no value in its range reaches %sx (%s).",
			         p ? p : "?", claim_target_text(pdb_real(st, 1)).s,
			         why ? why : "");
	}
	report_finish(r, st, r->o->dbpath);
	if (n)
		doc_list_end(&r->d);
	else
		doc_para(&r->d, "What must be true for %sx: the claim run has no "
		         "inverse solutions (claim_solve is empty).",
		         claim_target_text(r->c.target).s);
	return 0;
}

/* The abbreviations the report uses, in words, under the verdict's
** sentence and before its bullets: an investor met HBM, TDP, GEMM, MAC,
** FMA, MFU and PUE in the sections below with no word of what they are
** (the claim's text explains MFU and the mapping's letters where it uses
** them; the report's verdict, TP, PP, DP), and met the Monte Carlo,
** P(>= 20x), HBM, PFLOPS and MAC arrays in the verdict's bullets before
** this paragraph, which stood after them (ux32's finding).  mc: the
** claim run has a Monte Carlo (claim_mc); one without (claim --samples
** 0) shows no samples nor P(>= target), its interval and probability
** "not computed": the terms say only what the page shows.  TensorRT-LLM
** and roofline in claim's own words (claim_term_trtllm, _roofline): the
** report named both with no gloss, beside a roofline section. */
static void terms(rctx *r, int mc)
{
	char t[40];
	char mcterms[400];
	snprintf(t, sizeof t, "%s", claim_target_text(r->c.target).s);
	if (mc)
		snprintf(mcterms, sizeof mcterms, "Monte Carlo samples, draws of "
		         "every assumption at once, each from its range; the 90%% "
		         "interval, the speedups between the 5th and 95th "
		         "percentiles of those samples; P(>= %sx), the share of "
		         "them reaching %sx", t, t);
	else
		snprintf(mcterms, sizeof mcterms, "the 90%% interval and the "
		         "probability of reaching %sx, not computed for this claim "
		         "run (a Monte Carlo gives them, drawing every assumption "
		         "at once, each from its range)", t);
	doc_para(&r->d, "Terms used below: %s; %s; %s; "
	         "utilization, the share of a chip's peak arithmetic it "
	         "reaches; ISL and OSL, a request's input and output tokens; "
	         "HBM, the high-bandwidth DRAM beside "
	         "a chip's die, which holds the weights and the KV cache (the "
	         "keys and values each request keeps of its tokens); SRAM, "
	         "memory on the die itself; TDP, the power limit a chip is held "
	         "to; TFLOPS and PFLOPS, 10^12 and 10^15 arithmetic operations a "
	         "second; FP8, FP4 and BF16, 8-, 4- and 16-bit number formats; "
	         "GEMM, a matrix multiply; MAC array, the die's multiply-"
	         "accumulate units, each doing one FMA (fused multiply-add) a "
	         "clock; MFU, model FLOPs utilization, the model's arithmetic a "
	         "second over the chips' peak; prefill, the pass over a "
	         "request's input tokens, and decode, the steps that produce its "
	         "output tokens one at a time; PUE, a data centre's power over "
	         "its equipment's.", mcterms, claim_term_trtllm(),
	         claim_term_roofline());
}

/* Whether p is a probability as claim writes one: within [0, 1], or
** NAN (null: none evaluated), where a database changed by hand may hold
** 1e308 ("inf%"), 1.5 or -0.2 */
static int prob_ok(double p)
{
	return isnan(p) || (p >= 0 && p <= 1);
}

/* Whether f is a share of a range's width as claim writes one (1, 0.5,
** 0.25, 0.1): within (0, 1], where a database changed by hand may hold 0,
** -0.5, 1.5 or 1e308 ("1e+308 of", "-0.5 of") */
static int frac_ok(double f)
{
	return isfinite(f) && f > 0 && f <= 1;
}

/* The Monte Carlo's samples where side b's utilization is at least the
** share the claim states, as claim's text says it under the ranges (the
** run's JSON, verdict.at_claimed_utilization, its claim and source the
** claims file's words; nothing where the run did not write it, or wrote
** a P(>= target) no probability: prob_ok). */
static void given_item(rctx *r)
{
	static const char *const path[7] = {
	    "$.verdict.at_claimed_utilization.at_least",
	    "$.verdict.at_claimed_utilization.samples",
	    "$.verdict.at_claimed_utilization.evaluated",
	    "$.verdict.at_claimed_utilization.p05",
	    "$.verdict.at_claimed_utilization.p50",
	    "$.verdict.at_claimed_utilization.p95",
	    "$.verdict.at_claimed_utilization.prob_ge_target"};
	double v[7];
	claim_mc_given g;
	char buf[1024], stated[256], by[256];
	json_numbers(r, path, v, 7);
	if (!isfinite(v[0]) || !isfinite(v[1]) || !isfinite(v[2]) ||
	    v[1] < 0 || v[2] < v[1] || v[2] > 1e15 || !prob_ok(v[6]))
		return;
	g.at_least = v[0];
	g.n = (long long)v[1];
	g.valid = (long long)v[2];
	g.share = g.valid > 0 ? v[1] / v[2] : NAN;
	g.p05 = v[3];
	g.p50 = v[4];
	g.p95 = v[5];
	g.prob_ge_target = v[6];
	json_text(r, "$.verdict.at_claimed_utilization.claim", stated,
	          sizeof stated);
	json_text(r, "$.verdict.at_claimed_utilization.source", by, sizeof by);
	claim_mc_given_words(&g, r->c.b_label, stated, by, r->c.target, buf,
	                     sizeof buf);
	doc_item(&r->d, "I%s.", buf + 1);
}

/* The Monte Carlo with every range narrowed toward its stated value and
** the range that moves P(>= target) most, as claim's text says them (the
** run's JSON, verdict.range_robustness; nothing where the run did not
** write it, or wrote a P no probability, prob_ok, or a width's fraction
** outside (0, 1], frac_ok: the top range's clause alone left out where
** its P or fraction is none). */
int report_robust_words(rctx *r, char *inv, size_t invlen, char *full,
                        size_t fulllen)
{
	static const char *const path[] = {
	    "$.verdict.range_robustness.narrowed[0].fraction",
	    "$.verdict.range_robustness.narrowed[0].prob_ge_target",
	    "$.verdict.range_robustness.narrowed[0].p50",
	    "$.verdict.range_robustness.narrowed[1].fraction",
	    "$.verdict.range_robustness.narrowed[1].prob_ge_target",
	    "$.verdict.range_robustness.narrowed[1].p50",
	    "$.verdict.range_robustness.narrowed[2].fraction",
	    "$.verdict.range_robustness.narrowed[2].prob_ge_target",
	    "$.verdict.range_robustness.narrowed[2].p50",
	    "$.verdict.range_robustness.narrowed[3].fraction",
	    "$.verdict.range_robustness.narrowed[3].prob_ge_target",
	    "$.verdict.range_robustness.narrowed[3].p50",
	    "$.verdict.range_robustness.narrowed[0].samples",
	    "$.monte_carlo.seed",
	    "$.verdict.range_robustness.most_moving.fraction",
	    "$.verdict.range_robustness.most_moving.low",
	    "$.verdict.range_robustness.most_moving.high",
	    "$.verdict.range_robustness.most_moving.prob_ge_target",
	    "$.verdict.range_robustness.most_moving.p50",
	    "$.verdict.range_robustness.most_moving.next_prob_estimated"};
	/* (apart: json_numbers' 4 KB query holds the 20 above, 3,979
	** bytes, and no more) */
	static const char *const eval_path[RL_ROBUST_FRACTIONS] = {
	    "$.verdict.range_robustness.narrowed[0].evaluated",
	    "$.verdict.range_robustness.narrowed[1].evaluated",
	    "$.verdict.range_robustness.narrowed[2].evaluated",
	    "$.verdict.range_robustness.narrowed[3].evaluated"};
	enum { N = sizeof path / sizeof path[0] };
	double v[N], ev[RL_ROBUST_FRACTIONS];
	claim_robust_summary s;
	char all[1024], top[1024];
	int i;
	_Static_assert(RL_ROBUST_FRACTIONS == 4, "four fractions read");
	if (invlen)
		inv[0] = '\0';
	if (fulllen)
		full[0] = '\0';
	json_numbers(r, path, v, N);
	memset(&s, 0, sizeof s);
	for (i = 0; i < RL_ROBUST_FRACTIONS; i++) {
		if (!frac_ok(v[3 * i]) || !prob_ok(v[3 * i + 1]))
			return 0;
		s.fraction[i] = v[3 * i];
		s.prob[i] = v[3 * i + 1];
		s.p50[i] = v[3 * i + 2];
	}
	s.n = RL_ROBUST_FRACTIONS;
	s.samples = isfinite(v[12]) && v[12] >= 0 && v[12] < 1e15
	                ? (long long)v[12] : 0;
	s.seed = isfinite(v[13]) && v[13] >= 0 && v[13] < 1e15
	             ? (unsigned long long)v[13] : 0;
	/* the samples each P is over, as claim's words read them (0, the
	** samples then, where absent or no count of them) */
	json_numbers(r, eval_path, ev, RL_ROBUST_FRACTIONS);
	for (i = 0; i < RL_ROBUST_FRACTIONS; i++)
		s.evaluated[i] = isfinite(ev[i]) && ev[i] >= 1 &&
		                 ev[i] <= (double)s.samples ? (long long)ev[i] : 0;
	s.etched = report_b_default(r) > 0;
	json_text(r, "$.verdict.range_robustness.most_moving.param", s.top,
	          sizeof s.top);
	json_text(r, "$.verdict.range_robustness.most_moving.unit", s.top_unit,
	          sizeof s.top_unit);
	s.top_fraction = v[14];
	s.top_low = v[15];
	s.top_high = v[16];
	s.top_prob = v[17];
	s.top_p50 = v[18];
	s.next_prob = v[19];
	json_text(r, "$.verdict.range_robustness.most_moving.next_param",
	          s.next, sizeof s.next);
	{ /* the triangles whose mode was held (absent: none, or a run from
	  ** before the key) */
		static const char *const held_path[1] = {
		    "$.verdict.range_robustness.modes_held"};
		double held;
		json_numbers(r, held_path, &held, 1);
		s.modes_held = isfinite(held) && held >= 1 && held < 1e6
		                   ? (long long)held : 0;
		json_text(r, "$.verdict.range_robustness.mode_held_first",
		          s.mode_held, sizeof s.mode_held);
	}
	/* a top range whose P is no probability is left out, its clause
	** with it; a runner-up's, its "about" */
	if (!prob_ok(s.top_prob) || !frac_ok(s.top_fraction))
		s.top[0] = '\0';
	if (!prob_ok(s.next_prob))
		s.next_prob = NAN;
	claim_robust_investor_words(&s, r->c.target, inv, invlen);
	claim_robust_words(&s, r->c.target, all, sizeof all);
	if (claim_robust_top_words(&s, r->c.target, top, sizeof top))
		top[0] = '\0';
	if (!inv[0])
		return 0;
	snprintf(full, fulllen, "%s%s%s", all, top[0] ? "; " : "", top);
	return 1;
}

/* the verdict's bullet: the investor's sentence alone; the runs in full
** (each width's P and median, the range that moves P most) are the
** sensitivity section's (ux28: the bullet ran to 750 characters on the
** first screen, parameter names and seeds among them) */
static void robust_item(rctx *r)
{
	char inv[1024], full[2200];
	if (report_robust_words(r, inv, sizeof inv, full, sizeof full))
		doc_item(&r->d, "How far the verdict moves with the width of the "
		         "assumption ranges: %s (the sensitivity section gives "
		         "each width).", inv);
}

void report_verdict(rctx *r)
{
	const pdb_claim *c = &r->c;
	mc_row m;
	char iv[80], pr[40], tp[120], so[40], med[40], q[3][40];
	int side;
	double ta = report_side_value(r, "a", "throughput.total_tokens_per_s");
	double tb = report_side_value(r, "b", "throughput.total_tokens_per_s");

	read_mc(r, &m);
	snprintf(iv, sizeof iv, "not computed");
	snprintf(pr, sizeof pr, "not computed");
	tp[0] = 0;
	snprintf(so, sizeof so, "not stored");
	/* every speedup beside the target on the side of it it is on
	** (claim_speedup_side: a median of 19.996 is 19.99x beside a 20x
	** target, where %.2fx gave 20.00x), as the claim's text says them */
	if (m.have && isfinite(m.p05) && isfinite(m.p95))
		snprintf(iv, sizeof iv, "%s to %s",
		         claim_speedup_side(q[0], sizeof q[0],
		                            m.p05, c->target),
		         claim_speedup_side(q[1], sizeof q[1],
		                            m.p95, c->target));
	/* the stated speedup against the interval (none where not finite) */
	side = isfinite(c->speedup_total)
	           ? claim_vs_interval(c->speedup_total, m.p05, m.p95) : 0;
	if (m.have && isfinite(m.prob))
		claim_prob_text(m.prob, pr, sizeof pr);
	if (isfinite(ta) && isfinite(tb)) {
		/* whole tokens/s, past 1e15 in exponent form (rl_fig_text),
		** where "%.0f" of 1e300 filled tp and was cut into another
		** number without its closing parenthesis */
		char na[32], nb[32];
		snprintf(tp, sizeof tp, " (%s against %s tokens/s, both "
		         "modelled)", report_whole_text(nb, sizeof nb, tb),
		         report_whole_text(na, sizeof na, ta));
	}
	if (isfinite(c->speedup_output))
		claim_speedup_side(so, sizeof so, c->speedup_output, c->target);
	claim_speedup_side(q[2], sizeof q[2], c->speedup_total, c->target);

	doc_heading(&r->d, 2, "verdict", "Verdict");
	if (isfinite(c->speedup_total))
		doc_para_class(&r->d, "verdict", "%s. Is %s %sx as fast as %s? Under the "
		               "stated assumptions the model gives %s%s; the 90%% "
		               "interval is %s and the probability of reaching %sx "
		               "is %s.", word(c, &m), c->b_label,
		               claim_target_text(c->target).s,
		               c->a_label, q[2],
		               c->speedup_total >= c->target ? "" :
		               ", short of the claim", iv,
		               claim_target_text(c->target).s, pr);
	else
		doc_para_class(&r->d, "verdict", "%s: the claim run stored no "
		               "speedup.", word(c, &m));
	terms(r, m.have);
	doc_list_begin(&r->d);
	if (isfinite(c->speedup_total)) {
		/* "Etched's way" for the Etched claim alone: two sides of the
		** user's are no claim of Etched's (claim's text says so too);
		** a run that does not record which says that */
		int def = report_b_default(r);
		doc_item(&r->d, "Speedup under the stated assumptions: %s in "
		         "total (input + output) tokens per second%s%s; %s in "
		         "output tokens only.", q[2],
		         def > 0 ? ", Etched's way of counting" : "", tp, so);
		char qd[4200];
		if (def < 0)
			doc_item(&r->d, "Whose claim: this claim run does not record "
			         "whether side b is rooflab claim's default (Sohu as "
			         "Etched claims it) or a side of the user's (it was written "
			         "before rooflab stored that); rerun rooflab claim "
			         "--db %s to have it said.",
			         rl_sh_word(r->o->dbpath, "FILE", qd, sizeof qd));
	}
	if (m.have)
		doc_item(&r->d, "90%% interval: %s (median %s), from %ld Monte "
		         "Carlo samples over the assumption ranges (seed %ld)%s%s.",
		         iv, claim_speedup_side(med, sizeof med,
		                                m.p50, c->target),
		         m.samples,
		         m.seed,
		         isfinite(m.viol) && m.viol > 0 ?
		         "; some samples violate physical limits, see the "
		         "sensitivity section" : "",
		         side > 0 ?
		         "; the speedup under the stated assumptions lies above it: "
		         "the assumption ranges reach further below the stated "
		         "values than above them (the sensitivity section)" :
		         side < 0 ?
		         "; the speedup under the stated assumptions lies below it: "
		         "the assumption ranges reach further above the stated "
		         "values than below them (the sensitivity section)" : "");
	else {
		char why[400];
		report_mc_skipped(r, "b", why, sizeof why);
		if (why[0])
			doc_item(&r->d, "90%% interval: not computed (%s).", why);
		else
			doc_item(&r->d, "90%% interval: not computed (the claim run "
			         "has no Monte Carlo).");
	}
	doc_item(&r->d, "Probability that the speedup reaches %sx: %s%s%s%s.",
	         claim_target_text(c->target).s, pr, m.have && isfinite(m.prob) ?
	         " (the verdict's word follows it: " : "",
	         m.have && isfinite(m.prob) ? claim_verdict_rule(1) : "",
	         m.have && isfinite(m.prob) ? ")" : "");
	if (m.have && isfinite(m.prob)) {
		/* too few samples to draw the word: said, with the fix, over the
		** evaluated samples (claim_mc_summary's not_evaluable, where the
		** run stored it) */
		char few[256];
		double n = (double)m.samples - side_not_evaluable(r, "b");
		claim_unsettled_words(few, sizeof few, m.prob, n, c->target);
		if (few[0])
			doc_item(&r->d, "O%s.", few + 1);
	}
	given_item(r);
	robust_item(r);
	{
		/* the shorter form: how far the published tables move between
		** versions is the validation section's (ux28: the bullet ran to
		** 1,200 characters); the stored trust line (the error on what no
		** fit saw, or that none is recorded) a bullet of its own after
		** the pooled rows' error, as the validation section lists it,
		** where one bullet held both in 669 characters */
		const char *trust = report_trust_short(r);
		const char *rest = trust + report_trust_short_head(r);
		char unknown[2400];
		if (trust[0])
			doc_item(&r->d, "How far to trust the model: %.*s (the "
			         "validation section).", (int)(rest - trust), trust);
		if (!strncmp(rest, "; ", 2))
			rest += 2;
		if (rest[0])
			doc_item(&r->d, "%c%s.", toupper((unsigned char)rest[0]),
			         rest + 1);
		report_unknowns_words(r, unknown, sizeof unknown);
		if (unknown[0])
			doc_item(&r->d, "What the model does not know: %s.",
			         unknown);
	}
	doc_list_end(&r->d);
	/* the conditions moved together, the baselines, then one lever at a
	** time: the first screen holds the verdict, its uncertainty, what
	** must be true and what the model does not know */
	{
		/* the stated values meeting the target, under a verdict drawn
		** from the ranges: said before the levers (claim_must_lead) */
		char lead[400];
		if (m.have && isfinite(c->speedup_total) &&
		    claim_must_lead(lead, sizeof lead, c->speedup_total, c->target,
		                    m.prob, report_b_default(r) > 0) == 0)
			doc_para(&r->d, "A%s.", lead + 1);
	}
	{
		int one = must_be_true(r);
		baselines(r);
		if (one)
			must_words(r, 1);
	}
	doc_para(&r->d, "Scenario: %s; %s against %s (claim run %ld of %s).",
	         c->scenario, c->b_label, c->a_label, c->id, c->created);
}
