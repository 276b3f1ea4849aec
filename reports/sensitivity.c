/*
** sensitivity.c: the report's sensitivity section, one part per side that
** has ranges (Sohu as claimed, 'b', and by design, 'b_by_design'): the
** Monte Carlo and the tornado in the words and rounding of claim's text
** (claim/mcwords.h), from claim_mc_summary and claim_tornado_sides (schema
** version 2), else side b's claim_mc and claim_tornado as version 1 wrote
** them, saying what such a database lacks; then how often each mapping
** won (claim_mc_maps).  The plots (tornado, distribution) are side b's.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../claim/claim.h"
#include "../claim/mcwords.h"
#include "../claim/numwords.h"
#include "../claim/words.h"
#include "../model/mapping.h"
#include "../model/numtext.h"
#include "../plots/kinds.h"
#include "rctx.h"

/* A mapping in words, as the text spells it ("TP1 x PP1 x DP8",
** rl_mapping_words); "other mappings" for the row of the wins past
** those kept (NULL factors). */
static void map_words(char *buf, size_t len, double tp, double pp,
                      double dp, double ep)
{
	if (!isfinite(tp) || !isfinite(pp) || !isfinite(dp) || !isfinite(ep))
		snprintf(buf, len, "other mappings");
	else
		rl_mapping_words(buf, len, tp, pp, dp, ep);
}

/* How often each mapping of the side won the Monte Carlo (claim_mc_maps),
** in words; nothing for a database written before the table.  A row's
** factors are numbers of at least 1 (NULL: the row of other mappings), its
** wins a whole number not below 0, as claim writes them (report_bad_cell). */
static void mapping_share(rctx *r, const char *side, const char *label)
{
	sqlite3_stmt *st;
	char t[1400], w[64];
	sqlite3_int64 total = 0;
	size_t u = 0;
	int cut = 0;
	if (!report_has(r, r->db, r->o->dbpath, "claim_mc_maps"))
		return;
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT tp, pp, dp, ep, wins, "
	                          "(SELECT sum(wins) FROM "
	                          "claim_mc_maps WHERE run_id = ?1 "
	                          "AND side = ?2) FROM "
	                          "claim_mc_maps WHERE run_id = ?1 "
	                          "AND side = ?2 AND wins > 0 ORDER "
	                          "BY ord")))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	t[0] = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		static const char *const names[] = {"tp", "pp", "dp", "ep", "wins"};
		sqlite3_int64 wins = sqlite3_column_int64(st, 4);
		char one[160];
		size_t n;
		int k;
		for (k = 0; k < 5; k++)
			if (report_bad_cell(r, st, k, names[k], "claim_mc_maps", side, k == 4,
			             k == 4 ? 0 : 1, INFINITY))
				break;
		if (k < 5) {
			total = 0;
			break;
		}
		/* a factor is a whole number too, stored as a REAL (NULL: the
		** row of other mappings): 1.5 read "TP2" in rl_mapping_words */
		for (k = 0; k < 4; k++) {
			double f = pdb_real(st, k);
			if (isfinite(f) && f != floor(f)) {
				char vt[32], why[64];
				snprintf(why, sizeof why, "%s, not a whole number",
				         rl_number_write(f, vt, sizeof vt));
				report_cell_refused(r, "claim_mc_maps", names[k], side,
				                    why, "a whole number");
				break;
			}
		}
		if (k < 4) {
			total = 0;
			break;
		}
		total = sqlite3_column_int64(st, 5);
		map_words(w, sizeof w, pdb_real(st, 0), pdb_real(st, 1),
		          pdb_real(st, 2), pdb_real(st, 3));
		n = (size_t)snprintf(one, sizeof one, "%s%s in %.1f%%%s (%lld)",
		                     u ? ", " : "", w,
		                     100.0 * (double)wins / (double)total,
		                     u ? "" : " of samples", (long long)wins);
		/* more mappings than claim keeps (a database changed by hand):
		** the list ends in ", ..." at a whole mapping, where it was cut
		** mid-word at the buffer's end */
		if (u + n + sizeof ", ..." > sizeof t) {
			snprintf(t + u, sizeof t - u, ", ...");
			cut = 1;
			break;
		}
		memcpy(t + u, one, n + 1);
		u += n;
	}
	report_finish(r, st, r->o->dbpath);
	if (total > 0)
		doc_para(&r->d, "%s, its mapping chosen again in %s %lld "
		         "evaluated sample%s: %s%s", label, total == 1 ? "the" :
		         "each of the", (long long)total,
		         claim_plural_s((double)total), t, cut ? "" : ".");
}

/* How much of a side the database holds. */
enum { HAVE_NONE = 0, HAVE_V1, HAVE_V2 };

/* The rows of `table` for this run and side (0 where the table is
** absent); a failure to read is kept in r->bad. */
static long side_rows(rctx *r, const char *table, const char *side)
{
	char sql[160];
	sqlite3_stmt *st;
	long n = 0;
	if (!report_has(r, r->db, r->o->dbpath, table))
		return 0;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE run_id = ?1 "
	         "AND side = ?2", table);
	if (!(st = report_prepare(r, r->db, r->o->dbpath, sql)))
		return 0;
	sqlite3_bind_int64(st, 1, r->c.id);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	report_finish(r, st, r->o->dbpath);
	return n;
}

/* Column col (named name) of a row of `table` for this run and side, as
** rooflab claim writes it: a whole number (INTEGER) when whole, else a
** number or NULL (a NaN); within [lo, hi].  0 when so; else 1, the report
** failed naming the cell (r->bad, exit 2), where SQLite's conversions read
** text as 0 and a real as the nearest 64-bit integer and the section
** printed them ("0 samples", "0.00x", "nanx"). */
/* A tornado row's numbers (low, high, speedup_low, speedup_high at
** columns 1, 2, 4, 5): 1 when one is not as claim writes it: the ends of
** the range numbers, never NULL (claim writes the range it read, finite;
** a NULL printed "7.32x at nan"), the speedups numbers or NULL (a NaN,
** not evaluated) (report_bad_needed, report_bad_cell). */
static int bad_tornado_row(rctx *r, sqlite3_stmt *st, int v2,
                           const char *side)
{
	static const char *const names[] = {"low", "high", "speedup_low",
	                                    "speedup_high"};
	static const int cols[] = {1, 2, 4, 5};
	const char *table = v2 ? "claim_tornado_sides" : "claim_tornado";
	int k;
	for (k = 0; k < 4; k++)
		if (k < 2 ? report_bad_needed(r, st, cols[k], names[k], table, side,
		                              -INFINITY, INFINITY)
		          : report_bad_cell(r, st, cols[k], names[k], table, side,
		                            0, -INFINITY, INFINITY))
			return 1;
	return 0;
}

/* The side's Monte Carlo into s: HAVE_V2 from claim_mc_summary, HAVE_V1
** from claim_mc (side b of a version 1 file: quantiles, probability and
** violation rate only; nominal the claim run's speedup), HAVE_NONE. */
static int read_summary(rctx *r, const char *side, claim_mc_summary *s)
{
	sqlite3_stmt *st;
	int have = HAVE_NONE, v2 = side_rows(r, "claim_mc_summary", side) > 0;
	memset(s, 0, sizeof *s);
	s->nominal = s->nominal_below = NAN;
	char sql[512];
	/* a database written before it keeps no count of the not evaluable
	** samples that violate too: the words say they may overlap */
	int nev = v2 && report_has_column(r, r->db, r->o->dbpath,
	                                  "claim_mc_summary",
	                                  "not_evaluable_violating") == 1;
	s->not_evaluable_violating = -1;
	if (!v2 && (strcmp(side, "b") ||
	            !report_has(r, r->db, r->o->dbpath, "claim_mc")))
		return HAVE_NONE;
	snprintf(sql, sizeof sql, "SELECT samples, seed, p05, p50, p95, "
	         "prob_ge_target, violation_rate, viol_power, viol_reticle, "
	         "viol_hbm_stacks, viol_area_shares, not_evaluable, nominal, "
	         "nominal_below, %s FROM claim_mc_summary WHERE run_id = ?1 "
	         "AND side = ?2", nev ? "not_evaluable_violating" : "NULL");
	if (!(st = report_prepare(r, r->db, r->o->dbpath, v2 ? sql :
	                          "SELECT samples, seed, p05, p50, p95, "
	                          "prob_ge_target, violation_rate FROM claim_mc "
	                          "WHERE run_id = ?1")))
		return HAVE_NONE;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (v2)
		sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		/* each column as claim writes it: counts whole and not below
		** 0, shares within [0, 1], the rest numbers or NULL */
		static const char *const names[] = {
		    "samples", "seed", "p05", "p50", "p95", "prob_ge_target",
		    "violation_rate", "viol_power", "viol_reticle",
		    "viol_hbm_stacks", "viol_area_shares", "not_evaluable",
		    "nominal", "nominal_below"};
		const char *table = v2 ? "claim_mc_summary" : "claim_mc";
		int k, n = v2 ? 14 : 7;
		for (k = 0; k < n; k++) {
			int whole = k < 2 || (k >= 7 && k <= 11);
			int share = k == 5 || k == 6 || k == 13;
			if (report_bad_cell(r, st, k, names[k], table, side, whole,
			             k == 1 ? -INFINITY : share || whole ? 0 :
			             -INFINITY, share ? 1 : INFINITY)) {
				report_finish(r, st, r->o->dbpath);
				return HAVE_NONE;
			}
		}
		have = v2 ? HAVE_V2 : HAVE_V1;
		s->samples = sqlite3_column_int64(st, 0);
		s->seed = (unsigned long long)sqlite3_column_int64(st, 1);
		s->p05 = pdb_real(st, 2);
		s->p50 = pdb_real(st, 3);
		s->p95 = pdb_real(st, 4);
		s->prob_ge_target = pdb_real(st, 5);
		s->violation_rate = pdb_real(st, 6);
		for (k = 0; v2 && k < 4; k++)
			s->viol[k] = sqlite3_column_int64(st, 7 + k);
		if (v2) {
			s->not_evaluable = sqlite3_column_int64(st, 11);
			s->nominal = pdb_real(st, 12);
			s->nominal_below = pdb_real(st, 13);
			/* absent or NULL before it: not known (-1) */
			if (nev && sqlite3_column_type(st, 14) == SQLITE_INTEGER &&
			    sqlite3_column_int64(st, 14) >= 0 &&
			    sqlite3_column_int64(st, 14) <= s->not_evaluable)
				s->not_evaluable_violating =
				    sqlite3_column_int64(st, 14);
		} else
			s->nominal = r->c.speedup_total;
	}
	report_finish(r, st, r->o->dbpath);
	return have;
}

/* The side's tornado rows, in the text's order (claim_tornado_sides), or
** for side b of a version 1 file claim_tornado's, widest swing first; NULL
** where there are none (*v2 says which table). */
static sqlite3_stmt *tornado_rows(rctx *r, const char *side, int *v2)
{
	sqlite3_stmt *st;
	*v2 = side_rows(r, "claim_tornado_sides", side) > 0;
	if (!*v2 && (strcmp(side, "b") ||
	             !report_has(r, r->db, r->o->dbpath, "claim_tornado")))
		return NULL;
	/* version 1: the unit from the side's claim_assumptions row, where
	** there is one */
	if (!(st = report_prepare(r, r->db, r->o->dbpath, *v2 ?
	                          "SELECT param, low, high, unit, speedup_low, "
	                          "speedup_high FROM claim_tornado_sides WHERE "
	                          "run_id = ?1 AND side = ?2 ORDER BY ord" :
	                          report_has(r, r->db, r->o->dbpath,
	                                     "claim_assumptions") ?
	                          "SELECT t.param, t.low, t.high, coalesce(("
	                          "SELECT s.unit FROM claim_assumptions s WHERE "
	                          "s.run_id = t.run_id AND s.side = "
	                          "substr(t.param, 1, 1) AND s.param = "
	                          "substr(t.param, 3)), ''), t.speedup_low, "
	                          "t.speedup_high FROM claim_tornado t WHERE "
	                          "t.run_id = ?1 ORDER BY abs(t.speedup_high - "
	                          "t.speedup_low) DESC, t.param" :
	                          "SELECT param, low, high, '', speedup_low, "
	                          "speedup_high FROM claim_tornado WHERE run_id "
	                          "= ?1 ORDER BY abs(speedup_high - "
	                          "speedup_low) DESC, param")))
		return NULL;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (*v2)
		sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	return st;
}

/* A sentence of mcwords.h with its first letter in capitals. */
static void sentence(rctx *r, const char *words)
{
	doc_para(&r->d, "%c%s.", toupper((unsigned char)words[0]), words + 1);
}

/* The nominal against the samples and the assumptions that lean the way
** the median moved (claim_mc_nominal_words, claim_lean_words). */
static void nominal_words(rctx *r, const char *side,
                          const claim_mc_summary *s)
{
	sqlite3_stmt *st;
	char words[512];
	int v2, shown = 0;
	if (!claim_mc_nominal_words(s, r->c.target, words, sizeof words))
		sentence(r, words);
	if (!isfinite(s->nominal) || !isfinite(s->p50) ||
	    !(st = tornado_rows(r, side, &v2)))
		return;
	while (shown < CLAIM_LEAN_MAX && sqlite3_step(st) == SQLITE_ROW) {
		char p[96], unit[32];
		double sl = pdb_real(st, 4), sh = pdb_real(st, 5);
		if (bad_tornado_row(r, st, v2, side))
			break;
		if (!claim_lean_shown(s->nominal, s->p50, sl, sh))
			continue;
		pdb_text(st, 0, p, sizeof p);
		pdb_text(st, 3, unit, sizeof unit);
		if (!shown++) {
			doc_para(&r->d, "%s", claim_lean_intro(s->nominal, s->p50));
			doc_list_begin(&r->d);
		}
		claim_lean_words(p, unit, pdb_real(st, 1), pdb_real(st, 2), sl, sh,
		                 s->nominal, r->c.target, words, sizeof words);
		doc_item(&r->d, "%s.", words);
	}
	report_finish(r, st, r->o->dbpath);
	if (shown)
		doc_list_end(&r->d);
}

/* The tornado table as the text gives it: each end of the range (a
** whole number whole), the unit, the speedups to two decimals, what the
** parameter is in words; a swing
** that rounds to zero there, both ends at the nominal (claim_swing_flat),
** is named after the table. */
static void tornado_table(rctx *r, const char *side, double nominal)
{
	static const char *const h[] = {"parameter", "low", "high", "unit",
	                          "speedup at low", "speedup at high",
	                          "what it is"};
	sqlite3_stmt *st;
	/* room for every parameter a claim takes, each name whole (p below);
	** more rows than that (a database changed by hand) end the list in
	** ", ..." at a whole name */
	char flat[CLAIM_UNC_MAX * (96 + 2) + sizeof ", ..."] = "";
	size_t used = 0;
	int v2, n = 0, nflat = 0, cut = 0;
	if (!(st = tornado_rows(r, side, &v2))) {
		doc_para_class(&r->d, "note", "The claim run stored no "
		               "sensitivity table for this side.");
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		char p[96], unit[32], c[4][32], noun[256];
		const char *cells[7] = {p, c[0], c[1], unit, c[2], c[3], noun};
		double sl = pdb_real(st, 4), sh = pdb_real(st, 5);
		if (bad_tornado_row(r, st, v2, side))
			break;
		pdb_text(st, 0, p, sizeof p);
		pdb_text(st, 3, unit, sizeof unit);
		if (claim_swing_flat(nominal, sl, sh, r->c.target)) {
			size_t l = strlen(p) + (nflat ? 2 : 0);
			if (cut) {
				/* counted, not named */
			} else if (used + l + sizeof ", ..." > sizeof flat) {
				snprintf(flat + used, sizeof flat - used, ", ...");
				cut = 1;
			} else {
				snprintf(flat + used, sizeof flat - used, "%s%s",
				         nflat ? ", " : "", p);
				used += l;
			}
			nflat++;
			continue;
		}
		claim_plain_num(c[0], sizeof c[0], pdb_real(st, 1));
		claim_plain_num(c[1], sizeof c[1], pdb_real(st, 2));
		/* on the target's side, as claim's text prints the rows */
		claim_speedup_side(c[2], sizeof c[2], sl, r->c.target);
		claim_speedup_side(c[3], sizeof c[3], sh, r->c.target);
		/* the parameter in words, as claim's text gives it under the
		** row (claim_lever_noun); blank where it has none but its name */
		claim_lever_noun(p, noun, sizeof noun);
		if (!strcmp(noun, p[0] && p[1] == '.' ? p + 2 : p))
			noun[0] = '\0';
		if (n++ == 0)
			doc_table_begin(&r->d, 7, h);
		doc_row(&r->d, cells);
	}
	report_finish(r, st, r->o->dbpath);
	if (n)
		doc_table_end(&r->d);
	if (nflat)
		doc_para(&r->d, "%d parameter%s leave%s the speedup unchanged over "
		         "%s range: %s%s", nflat, nflat > 1 ? "s" : "",
		         nflat > 1 ? "" : "s", nflat > 1 ? "their" : "its", flat,
		         cut ? "" : ".");
	else if (!n)
		doc_para_class(&r->d, "note", "The claim run stored no "
		               "sensitivity table for this side.");
}

/* Under Sohu by design's Monte Carlo (summary sd), as claim's text says
** it: why it reaches the target in more samples than Sohu as claimed
** (claim_mc_tail_words, the ceiling side b's peak FP8 row's high end). */
static void tail_words(rctx *r, const claim_mc_summary *sd)
{
	claim_mc_summary sb;
	sqlite3_stmt *st;
	char words[1024];
	double ceiling = NAN;
	int v2;
	/* side b's numbers, read again: any fault in them was said there */
	if (read_summary(r, "b", &sb) != HAVE_V2 ||
	    !(st = tornado_rows(r, "b", &v2)))
		return;
	/* a bad row was said under side b's table (bad_tornado_row); here
	** only a finite positive ceiling lets the sentence be said */
	while (sqlite3_step(st) == SQLITE_ROW) {
		char p[96];
		pdb_text(st, 0, p, sizeof p);
		if (!strcmp(p, "b.chip.peak_tflops_fp8"))
			ceiling = pdb_real(st, 2);
	}
	report_finish(r, st, r->o->dbpath);
	if (!claim_mc_tail_words(&sb, sd, ceiling, r->c.target, words,
	                         sizeof words))
		sentence(r, words);
}

/* One side's Monte Carlo and tornado, as claim's text prints them; with
** po (side b), the tornado and distribution plots, which draw side b's. */
static void side_part(rctx *r, const char *side, const char *id,
                      const plot_opts *po)
{
	claim_mc_summary s;
	char label[128], q[256], v[384];
	int have = read_summary(r, side, &s);
	report_side_label(r, side, label, sizeof label);
	doc_heading(&r->d, 3, id, label);
	if (po)
		report_figure(r, "tornado", po, "Speedup with one parameter at its "
		              "low or high value");
	if (have) {
		claim_mc_quantile_words(&s, r->c.target, q, sizeof q);
		claim_mc_violation_words(&s, v, sizeof v);
		if (have == HAVE_V2)
			doc_para(&r->d, "Monte Carlo, %lld sample%s, seed %llu: %s; "
			         "%s.", s.samples, claim_plural_s((double)s.samples),
			         s.seed, q, v);
		else {
			char share[32];
			claim_mc_violation_share(s.violation_rate, share,
			                         sizeof share);
			doc_para(&r->d, "Monte Carlo, %lld sample%s, seed %llu: %s; "
			         "violating physics: %s (this database predates "
			         "the violations by kind and where the speedup at the "
			         "stated values sits "
			         "among the samples, claim schema version 1; rerun "
			         "rooflab claim --db for them).", s.samples,
			         claim_plural_s((double)s.samples), s.seed, q, share);
		}
		nominal_words(r, side, &s);
		if (have == HAVE_V2 && !strcmp(side, "b_by_design"))
			tail_words(r, &s);
	} else {
		char why[400];
		report_mc_skipped(r, side, why, sizeof why);
		if (why[0])
			sentence(r, why);
		else
			doc_para_class(&r->d, "note", "The claim run stored no Monte "
			               "Carlo for this side.");
	}
	/* the nominal the swings are flat against: the Monte Carlo's,
	** else side b's speedup (none stored for by design's without it) */
	tornado_table(r, side, isfinite(s.nominal) ? s.nominal
	              : !strcmp(side, "b") ? r->c.speedup_total : NAN);
	mapping_share(r, side, label);
	/* (a run without a Monte Carlo, claim --samples 0, has no samples to
	** draw: the figure was "omitted: claim run 1 has no Monte Carlo
	** samples ...; rooflab claim --db FILE writes them", which the run
	** that wrote none had been) */
	if (po && have)
		report_figure(r, "distribution", po, "Monte Carlo distribution of "
		              "the speedup with the target and the quantiles");
}

/* 1 when the claim run has a side b by design (its rows in claim_sides). */
static int has_by_design(rctx *r)
{
	return side_rows(r, "claim_sides", "b_by_design") > 0;
}

int report_mc_none(rctx *r)
{
	char why[400];
	report_mc_skipped(r, "b", why, sizeof why);
	if (!why[0])
		return 0;
	if (!has_by_design(r))
		return 1;
	report_mc_skipped(r, "b_by_design", why, sizeof why);
	return why[0] != '\0';
}

/* 1 when the file says claim schema version 2 or later (PRAGMA
** user_version, config/dbfile.c) and lacks a table of version 2: the
** report fails naming it (r->bad), where it said the file predates the
** table ("claim schema version 1"), which its own version denies. */
static int lying_version(rctx *r)
{
	static const char *const v2[] = {"claim_mc_summary",
	                                 "claim_tornado_sides"};
	char msg[sizeof r->bad_msg];
	long long ver = 0;
	int rc, k;
	if ((rc = pdb_count(r->db, r->o->dbpath, "PRAGMA user_version", &ver,
	                    msg, sizeof msg))) {
		report_bad(r, rc, msg);
		return 1;
	}
	for (k = 0; ver >= 2 && k < 2; k++)
		if (!report_has(r, r->db, r->o->dbpath, v2[k])) {
			snprintf(msg, sizeof msg, "%s: cannot read: no table %s, "
			         "though the file says claim schema version %lld "
			         "(PRAGMA user_version), which has it from version 2 on "
			         "(dropped by hand?)", r->o->dbpath, v2[k], ver);
			report_bad(r, RL_EINPUT, msg);
			return 1;
		}
	return 0;
}

/* 1 when the run was written at claim schema version 1 into a file
** claim --db has since upgraded to version 2 (claim_v1_runs lists them,
** claim/claimdb.c): reported as a version 1 file's runs are. */
static int v1_run(rctx *r)
{
	sqlite3_stmt *st;
	int n = 0;
	if (!report_has(r, r->db, r->o->dbpath, "claim_v1_runs") ||
	    !(st = report_prepare(r, r->db, r->o->dbpath, "SELECT count(*) "
	                          "FROM claim_v1_runs WHERE run_id = ?1")))
		return 0;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0) > 0;
	report_finish(r, st, r->o->dbpath);
	return n;
}

void report_sensitivity(rctx *r)
{
	plot_opts po = report_claim_plot(r);
	doc_heading(&r->d, 2, "sensitivity", "Sensitivity");
	if (report_mc_none(r))
		/* (claim --samples 0: no Monte Carlo to open with) */
		doc_para(&r->d, "Which assumptions move the answer, for each side "
		         "with ranges: each parameter at the low and high end of "
		         "its range with the others at their stated values, widest "
		         "swing first, as rooflab claim prints them. This claim "
		         "run drew no Monte Carlo over the ranges at once (each "
		         "side below says why).");
	else
		doc_para(&r->d, "Which assumptions move the answer, for each side "
		         "with ranges: the Monte Carlo over all ranges at once "
		         "(where the side runs its best mapping, the mapping is "
		         "chosen again in every sample, and how often each won "
		         "closes the part), then each parameter at the low and high "
		         "end of its range with the others at their stated values, "
		         "widest swing first, as rooflab claim prints them.");
	if (lying_version(r))
		return;
	{
		/* the range-width runs in full, the verdict's bullet giving
		** their one sentence for an investor */
		char inv[1024], full[2200];
		if (report_robust_words(r, inv, sizeof inv, full, sizeof full))
			doc_para(&r->d, "How far the verdict moves with the width of "
			         "the assumption ranges: %s. In full, %s.", inv, full);
	}
	side_part(r, "b", "sensitivity-b", &po);
	if (!has_by_design(r))
		return;
	if (!report_has(r, r->db, r->o->dbpath, "claim_tornado_sides") ||
	    v1_run(r)) {
		char label[128];
		report_side_label(r, "b_by_design", label, sizeof label);
		doc_heading(&r->d, 3, "sensitivity-by-design", label);
		doc_para_class(&r->d, "note", "This database was written before "
		               "rooflab stored the by-design Monte Carlo and tornado "
		               "(claim schema version 1): rooflab claim prints them, "
		               "and rerunning it with --db stores them.");
		mapping_share(r, "b_by_design", label);
		return;
	}
	side_part(r, "b_by_design", "sensitivity-by-design", NULL);
}
