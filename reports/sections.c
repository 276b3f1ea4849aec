/*
** sections.c: the report's sections on the claim run itself: the factor
** waterfall, the assumptions with their sources, the other claims with
** verdicts, and how each chip serves (roofline and batching); the
** sensitivity is sensitivity.c's.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../claim/claim.h"
#include "../claim/mcwords.h"
#include "../claim/numwords.h"
#include "../claim/words.h"
#include "../config/presetnote.h"
#include "../config/presets.h"
#include "../config/setup.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "../plots/kinds.h"
#include "rctx.h"

/* Prepare a statement over one claim table for this run; NULL (and a
** note) when the table is missing, NULL (and the report failed,
** report_prepare) when the table is there but cannot be read. */
static sqlite3_stmt *rows(rctx *r, const char *table, const char *sql)
{
	sqlite3_stmt *st;
	if (!report_has(r, r->db, r->o->dbpath, table)) {
		doc_para_class(&r->d, "note", "This database has no %s table; "
		               "rooflab claim --db writes it.", table);
		return NULL;
	}
	if (!(st = report_prepare(r, r->db, r->o->dbpath, sql)))
		return NULL;
	sqlite3_bind_int64(st, 1, r->c.id);
	return st;
}

static void empty_note(rctx *r, int n, const char *what)
{
	if (n == 0)
		doc_para_class(&r->d, "note", "The claim run stored no %s.", what);
}

/* A factor or their product to three decimals, 1e15 and past to 3
** digits, as claim's text gives them (claim/numwords.h
** claim_factor_text: "x   1.900", "=  21.389"): four significant digits
** wrote 1.9 above 1.282, and 1 for the interconnect's 1.000 ("-" where
** none). */
static const char *factor_num(char *buf, size_t len, double v)
{
	if (isfinite(v))
		claim_factor_text(buf, len, v);
	else
		report_value(buf, len, v);
	return buf;
}

/* A running product of the factors, and their total, as factor_num but on
** the target's side it is on, as claim's text says its product
** (claim_factor_side: 19.9996 of a 20x target is 19.999, where 20.000
** read as reaching it). */
static const char *product_num(char *buf, size_t len, double v,
                               double target)
{
	if (isfinite(v))
		claim_factor_side(buf, len, v, target);
	else
		report_value(buf, len, v);
	return buf;
}

void report_factors(rctx *r)
{
	static const char *const h[] = {"factor", "multiplies the speedup by",
	                          "cumulative"};
	plot_opts po = report_claim_plot(r);
	sqlite3_stmt *st;
	char f[32], cum[32];
	double prod = 1, power = NAN;
	int n = 0;
	doc_heading(&r->d, 2, "factors", "Where the speedup comes from");
	doc_para(&r->d, "Each factor is the Shapley value of one difference "
	         "between the chips (swapped from %s's value to %s's in every "
	         "order, log-ratios averaged), so the factors multiply exactly "
	         "to the total and no order is privileged.", r->c.a_label,
	         r->c.b_label);
	{ /* what each factor swaps, as claim's text says it under its
	  ** factors (claim/words.c) */
		const char *g = claim_factor_glossary();
		doc_para(&r->d, "%c%s.", toupper((unsigned char)g[0]), g + 1);
	}
	report_figure(r, "factors", &po, "Shapley factors of the speedup, "
	              "multiplied left to right from 1x to the total");
	st = rows(r, "claim_factors", "SELECT name, factor FROM claim_factors "
	          "WHERE run_id = ?1 ORDER BY ord");
	if (!st)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cells[3];
		double x = pdb_real(st, 1);
		char name[128];
		pdb_text(st, 0, name, sizeof name);
		if (!strcmp(name, "power limit"))
			power = x;
		if (n++ == 0)
			doc_table_begin(&r->d, 3, h);
		prod *= x;
		cells[0] = name;
		cells[1] = factor_num(f, sizeof f, x);
		cells[2] = product_num(cum, sizeof cum, prod, r->c.target);
		doc_row(&r->d, cells);
	}
	report_finish(r, st, r->o->dbpath);
	if (n) {
		const char *cells[3] = {"total", "", cum};
		product_num(cum, sizeof cum, prod, r->c.target);
		doc_row(&r->d, cells);
		doc_table_end(&r->d);
	}
	empty_note(r, n, "Shapley factors");
	/* side b with no power model (its chip price stored, its power not):
	** the power limit's factor is not a measured advantage (claimout.c
	** power_note) */
	if (isfinite(power) && fabs(log(power)) > log(1.005) &&
	    isfinite(report_side_value(r, "b", "cost.chip_price_usd")) &&
	    !isfinite(report_side_value(r, "b", "power.watts"))) {
		char note[600];
		doc_para(&r->d, "Power limit: %s.", claim_power_note(note, sizeof
		         note, r->c.b_label, r->c.a_label, power));
	}
}

/* Under the assumptions table, for each Sohu whose run's JSON holds them
** (claim's held_fixed, monte_carlo.power_cap_*): the preset files holding
** what the ranges leave fixed and the power cap with its source, as the
** claim's text says them under its assumptions; a run written before
** 2026-11-30 has none, and gets no note. */
static void fixed_note(rctx *r, const char *side, const char *fixed,
                       const char *mc)
{
	sqlite3_stmt *st;
	char q[900], chip[1024] = "", node[1024] = "", prof[1024] = "";
	char src[400] = "", lab[128], files[3200], cap[640] = "", type[16] = "";
	char wt[32], why[400];
	double w = NAN;
	snprintf(q, sizeof q, "SELECT CASE WHEN json_valid(json) THEN "
	         "json_extract(json, '$.%s.chip') END, CASE WHEN json_valid(json) "
	         "THEN json_extract(json, '$.%s.node') END, CASE WHEN "
	         "json_valid(json) THEN json_extract(json, '$.%s.profile') END, "
	         "CASE WHEN json_valid(json) THEN json_extract(json, "
	         "'$.%s.power_cap_w') END, CASE WHEN json_valid(json) THEN "
	         "json_extract(json, '$.%s.power_cap_source') END, CASE WHEN "
	         "json_valid(json) THEN json_type(json, '$.%s.power_cap_w') END "
	         "FROM claim_runs WHERE id = ?1", fixed, fixed, fixed, mc, mc, mc);
	if (!(st = report_prepare(r, r->db, r->o->dbpath, q)))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		pdb_text(st, 0, chip, sizeof chip);
		pdb_text(st, 1, node, sizeof node);
		pdb_text(st, 2, prof, sizeof prof);
		w = pdb_real(st, 3);
		pdb_text(st, 4, src, sizeof src);
		pdb_text(st, 5, type, sizeof type);
	}
	report_finish(r, st, r->o->dbpath);
	/* a cap stored as text ("1500"), which SQLite reads as its number or
	** 0, or as anything but a number: the report fails naming it, as a
	** mistyped cell of the tables does (claim writes a number, 0 none) */
	if (type[0] && strcmp(type, "integer") && strcmp(type, "real") &&
	    strcmp(type, "null")) {
		char msg[sizeof r->bad_msg];
		snprintf(msg, sizeof msg, "%s: cannot read: claim_runs.json's "
		         "%s.power_cap_w of claim run %ld holds %s, where rooflab "
		         "claim writes a number (a database changed by hand?)",
		         r->o->dbpath, mc, r->c.id,
		         !strcmp(type, "object") ? "an object"
		         : !strcmp(type, "array") ? "an array" : type);
		report_bad(r, RL_EINPUT, msg);
		return;
	}
	if (!chip[0])
		return;
	/* the JSON's paths are whole; the text's are from the data
	** directory's name on, and so are these (rl_data_rel) */
	snprintf(files, sizeof files, "%s%s%s and %s", rl_data_rel(chip),
	         node[0] ? ", " : "", rl_data_rel(node), rl_data_rel(prof));
	/* the cap as given, in all its digits, as claim's text writes it;
	** not where the side drew no Monte Carlo (claim --samples 0), whose
	** cap held no sample: "a Monte Carlo sample drawing over 1000 W ...
	** counts as violating physics" spoke of samples never drawn */
	report_mc_skipped(r, side, why, sizeof why);
	if (isfinite(w) && w > 0 && !why[0])
		/* (a side whose chip names no node has no power model: none
		** of its samples is held to the cap, as claim's text says) */
		snprintf(cap, sizeof cap, "; a Monte Carlo sample drawing over %s W "
		         "per chip counts as violating physics (%s)%s",
		         rl_number_write(w, wt, sizeof wt),
		         src[0] ? src : "no source given",
		         node[0] ? "" : ", but this side has no power model, its "
		                        "chip naming no process node: none of its "
		                        "samples is held to that cap");
	doc_para(&r->d, "Held fixed, not varied: the rest of %s is its presets' "
	         "values (%s), each with its source or ASSUMPTION beside it "
	         "there%s.", report_side_label(r, side, lab, sizeof lab), files,
	         cap);
}

void report_assumptions(rctx *r)
{
	static const char *const h[] = {"side", "parameter", "value", "unit",
	                          "range", "source"};
	sqlite3_stmt *st;
	char v[32], lo[32], hi[32], range[80];
	int n = 0;
	doc_heading(&r->d, 2, "assumptions", "Assumptions");
	if (report_mc_none(r))
		/* (claim --samples 0: no Monte Carlo varied them) */
		doc_para(&r->d, "The inputs behind each side with their sources; "
		         "a range is what the sensitivity varies, one parameter at "
		         "a time (the sensitivity section shows each side's; this "
		         "claim run drew no Monte Carlo over them).");
	else
		doc_para(&r->d, "The inputs behind each side with their sources; "
		         "a range is what the Monte Carlo and the sensitivity vary "
		         "(the sensitivity section shows each side's).");
	st = rows(r, "claim_assumptions", "SELECT side, param, value, unit, low, "
	          "high, source FROM claim_assumptions WHERE run_id = ?1 "
	          "ORDER BY CASE side WHEN 'b' THEN 0 WHEN 'b_by_design' THEN 1 "
	          "ELSE 2 END, param");
	if (!st)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char side[64], param[96], unit[32], src[512], lab[128];
		const char *cells[6];
		double l = pdb_real(st, 4), u = pdb_real(st, 5);
		pdb_text(st, 0, side, sizeof side);
		pdb_text(st, 1, param, sizeof param);
		pdb_text(st, 3, unit, sizeof unit);
		pdb_text(st, 6, src, sizeof src);
		if (isfinite(l) && isfinite(u) && l != u)
			snprintf(range, sizeof range, "%s .. %s",
			         claim_plain_num(lo, sizeof lo, l),
			         claim_plain_num(hi, sizeof hi, u));
		else
			snprintf(range, sizeof range, "fixed");
		if (n++ == 0)
			doc_table_begin(&r->d, 6, h);
		cells[0] = report_side_label(r, side, lab, sizeof lab);
		cells[1] = param;
		/* the stated value and the range as the claim's text writes
		** them (claim/mcwords.h claim_plain_num, one function, where
		** report_num was a copy of its rule) */
		cells[2] = isfinite(pdb_real(st, 2))
		               ? claim_plain_num(v, sizeof v, pdb_real(st, 2))
		               : report_value(v, sizeof v, pdb_real(st, 2));
		cells[3] = unit;
		cells[4] = range;
		cells[5] = src;
		doc_row(&r->d, cells);
	}
	report_finish(r, st, r->o->dbpath);
	if (n)
		doc_table_end(&r->d);
	empty_note(r, n, "assumptions");
	fixed_note(r, "b", "held_fixed", "monte_carlo");
	fixed_note(r, "b_by_design", "held_fixed_by_design",
	           "monte_carlo_by_design");
}

void report_claims(rctx *r)
{
	static const char *const h[] = {"claim", "source", "what the model says",
	                          "verdict"};
	sqlite3_stmt *st;
	int n = 0;
	doc_heading(&r->d, 2, "claims", "Other claims");
	st = rows(r, "claim_claims", "SELECT claim, source, model_value, verdict "
	          "FROM claim_claims WHERE run_id = ?1 ORDER BY ord");
	if (!st)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		/* each as long as claim writes it (claim_check, claim.h): a
		** verdict of 128 bytes and more was cut, "Not supported, as
		** the verd..." */
		char cl[sizeof ((claim_check *)0)->claim],
		     src[sizeof ((claim_check *)0)->source],
		     mv[sizeof ((claim_check *)0)->model_value],
		     vd[sizeof ((claim_check *)0)->verdict];
		const char *cells[4] = {cl, src, mv, vd};
		pdb_text(st, 0, cl, sizeof cl);
		pdb_text(st, 1, src, sizeof src);
		pdb_text(st, 2, mv, sizeof mv);
		pdb_text(st, 3, vd, sizeof vd);
		if (n++ == 0) {
			/* Etched's claims are of Sohu: a side b of the user's
			** answers them with another chip's numbers */
			if (report_b_default(r) == 0)
				doc_para_class(&r->d, "note", "Side b here is the "
				               "user's, %s, not Sohu: these are Etched's "
				               "claims about Sohu, and the model's values "
				               "beside them are of the two sides compared "
				               "in this run, not of Sohu.", r->c.b_label);
			doc_table_begin(&r->d, 4, h);
		}
		doc_row(&r->d, cells);
	}
	report_finish(r, st, r->o->dbpath);
	if (n)
		doc_table_end(&r->d);
	empty_note(r, n, "checks of other claims");
}

/* One side's label (setup.label's text, else the side's name) and its four
** cost values (NAN where not stored) in one statement over claim_sides,
** which the caller knows is there; a failure to read is kept in r->bad. */
static void side_costs(rctx *r, const char *side,
                       const char *const names[4], char *label,
                       size_t labellen, char *chip, size_t chiplen,
                       double x[4])
{
	sqlite3_stmt *st;
	int k, seen = 0;
	snprintf(label, labellen, "%s", side);
	chip[0] = 0;
	for (k = 0; k < 4; k++)
		x[k] = NAN;
	if (!(st = report_prepare(r, r->db, r->o->dbpath,
	                          "SELECT name, value, text FROM claim_sides "
	                          "WHERE run_id = ?1 AND side = ?2 AND name IN "
	                          "('setup.label', 'setup.chip', ?3, ?4, ?5, "
	                          "?6)")))
		return;
	sqlite3_bind_int64(st, 1, r->c.id);
	sqlite3_bind_text(st, 2, side, -1, SQLITE_STATIC);
	for (k = 0; k < 4; k++)
		sqlite3_bind_text(st, k + 3, names[k], -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!name)
			continue;
		/* the first row of each name, like a lookup of that name */
		if (!strcmp(name, "setup.label")) {
			if (!(seen & 16))
				pdb_text(st, 2, label, labellen);
			seen |= 16;
			continue;
		}
		if (!strcmp(name, "setup.chip")) {
			if (!(seen & 32))
				pdb_text(st, 2, chip, chiplen);
			seen |= 32;
			continue;
		}
		for (k = 0; k < 4; k++)
			if (!strcmp(name, names[k]) && !(seen & 1 << k)) {
				x[k] = pdb_real(st, 1);
				seen |= 1 << k;
			}
	}
	report_finish(r, st, r->o->dbpath);
}

/* What the cost table is worked out with, in words, from the run's JSON
** (claim_runs.json's cost_basis, written since claim printed it): "the
** chips amortized over 4 years, plus energy: the chips' power x 1.82 for
** the server x PUE 1.2 at 0.1 USD/kWh", a side that differs from a named
** after it; a run without it, "over the claim run's years, plus energy". */
static void cost_basis_words(rctx *r, char *buf, size_t len)
{
	static const char *const sides[3] = {"a", "b", "b_by_design"};
	sqlite3_stmt *st;
	double a[4] = {NAN, NAN, NAN, NAN};
	int i, k;
	snprintf(buf, len, "the chips amortized over the claim run's years, "
	         "plus energy");
	for (i = 0; i < 3; i++) {
		double x[4];
		char q[400], xt[4][32];
		snprintf(q, sizeof q, "SELECT CASE WHEN json_valid(json) THEN "
		         "json_extract(json, '$.cost_basis.%s.years') END, CASE "
		         "WHEN json_valid(json) THEN json_extract(json, "
		         "'$.cost_basis.%s.usd_per_kwh') END, CASE WHEN "
		         "json_valid(json) THEN json_extract(json, "
		         "'$.cost_basis.%s.pue') END, CASE WHEN json_valid(json) "
		         "THEN json_extract(json, '$.cost_basis.%s.server_overhead')"
		         " END FROM claim_runs WHERE id = ?1", sides[i], sides[i],
		         sides[i], sides[i]);
		if (!(st = report_prepare(r, r->db, r->o->dbpath, q)))
			return;
		sqlite3_bind_int64(st, 1, r->c.id);
		for (k = 0; k < 4; k++)
			x[k] = NAN;
		if (sqlite3_step(st) == SQLITE_ROW)
			for (k = 0; k < 4; k++)
				x[k] = pdb_real(st, k);
		report_finish(r, st, r->o->dbpath);
		if (!(isfinite(x[0]) && isfinite(x[1]) && isfinite(x[2]) &&
		      isfinite(x[3])))
			continue;
		/* the settings as given, in all their digits, as claim's
		** text writes them (rl_number_write) */
		for (k = 0; k < 4; k++)
			rl_number_write(x[k], xt[k], sizeof xt[k]);
		if (i == 0) {
			memcpy(a, x, sizeof a);
			snprintf(buf, len, "the chips amortized over %s years, plus "
			         "energy: the chips' power x %s for the server x PUE "
			         "%s at %s USD/kWh", xt[0], xt[3], xt[2], xt[1]);
		} else if (isfinite(a[0]) && (x[0] != a[0] || x[1] != a[1] ||
		                              x[2] != a[2] || x[3] != a[3])) {
			size_t n = strlen(buf);
			snprintf(buf + n, len - n, "; side %s: %s years, x %s for the "
			         "server x PUE %s at %s USD/kWh", sides[i], xt[0], xt[3],
			         xt[2], xt[1]);
		}
	}
}

/* The price chip's preset gives (cost.price_usd; NaN when it gives none
** or there is no such preset).  A preset whose text could not be held in
** memory is an internal failure, kept in r->bad (the report fails, exit
** 1), where the run's price read "set for this run (no source recorded)"
** as if there were no such preset. */
static double preset_price(rctx *r, const char *chip, char *note,
                           size_t nlen)
{
	rl_setup st;
	char err[1024], val[64];
	int rc;
	setup_init(&st);
	note[0] = '\0';
	if (!chip[0])
		return NAN;
	if ((rc = setup_load(&st, "chip", chip, err, sizeof err)) != 0) {
		if (rc == RL_EINTERNAL)
			report_bad(r, RL_EINTERNAL, err);
		return NAN;
	}
	/* the words beside price_usd in the preset (its source, or its
	** ASSUMPTION and range: config/presetnote.h) */
	preset_key_note(st.chip_file, "cost", "price_usd", note, nlen, val,
	                sizeof val);
	return st.cfg.cost.price_usd;
}

/* One side's chip and where its price comes from: "a, 8x H100 (...), chip
** h100-sxm: 33625 USD, its preset's price (its source or assumption
** beside price_usd in data/chips/h100-sxm.ini)", "unknown (the chip
** preset gives no price)" where the run stored none, "set for this run"
** where the run's price is not its preset's. */
static void price_words(rctx *r, const char *side, const char *label,
                        const char *chip, double usd, char *buf, size_t len)
{
	char note[1600], u[32];
	double pre = preset_price(r, chip, note, sizeof note);
	if (!chip[0])
		snprintf(buf, len, "%s: chip not stored, price %s", side,
		         isfinite(usd) ? "without a source" : "unknown");
	else if (!isfinite(usd))
		snprintf(buf, len, "%s, %s, chip %s: unknown (the chip preset gives "
		         "no price)", side, label, chip);
	else if (isfinite(pre) && pre == usd && strstr(note, "ASSUMPTION"))
		/* an assumed price said so where it is printed (Sohu's: the
		** H100's taken for it), in its preset's words */
		snprintf(buf, len, "%s, %s, chip %s: %s USD, data/chips/%s.ini's "
		         "(price_usd) %s", side, label, chip,
		         report_whole_text(u, sizeof u, usd), chip, note);
	else if (isfinite(pre) && pre == usd)
		snprintf(buf, len, "%s, %s, chip %s: %s USD, its preset's price "
		         "(its source or assumption beside price_usd in "
		         "data/chips/%s.ini)", side, label, chip,
		         report_whole_text(u, sizeof u, usd), chip);
	else
		snprintf(buf, len, "%s, %s, chip %s: %s USD, set for this run (no "
		         "source recorded)", side, label, chip,
		         report_whole_text(u, sizeof u, usd));
}

/* The cost table: USD per million output tokens per side, at the price a
** buyer pays and at the manufacturing cost, each named; n/a where unknown.
** has_sides: the database has claim_sides (without it each side stands by
** its name with every value n/a). */
static void cost_table(rctx *r, int has_sides)
{
	static const char *const h[] = {
	    "side", "chip price (USD)", "USD per million output tokens at "
	    "price", "chip manufacturing cost (USD)", "USD per million output "
	    "tokens at cost"};
	static const char *const sides[3] = {"a", "b", "b_by_design"};
	static const char *const names[4] = {
	    "cost.chip_price_usd", "cost.usd_per_million_tokens_at_price",
	    "cost.chip_cost_usd", "cost.usd_per_million_tokens_at_cost"};
	static const char *const chips_only[2] = {
	    "cost.usd_per_million_tokens_chips_at_price",
	    "cost.usd_per_million_tokens_chips_at_cost"};
	char v[3][4][32], label[3][200], chip[3][128], basis[400];
	char src[3][2048];
	const char *cells[5];
	int i, k, n = 0, shown[3] = {0, 0, 0}, plus_energy = 0;
	for (i = 0; i < 3; i++) {
		double x[4] = {NAN, NAN, NAN, NAN};
		int known = 0;
		chip[i][0] = 0;
		if (has_sides)
			side_costs(r, sides[i], names, label[i], sizeof label[i],
			           chip[i], sizeof chip[i], x);
		else
			snprintf(label[i], sizeof label[i], "%s", sides[i]);
		for (k = 0; k < 4; k++) {
			/* no power model: the chips' share alone, as claim's
			** text gives it (claim/chipsusd.c) */
			double hw = k % 2 && !isfinite(x[k]) && has_sides
			                ? report_side_value(r, sides[i], chips_only[k / 2])
			                : NAN;
			known |= isfinite(x[k]);
			/* USD per million tokens as eval's and claim's text
			** write them (model/figtext.c: 1.70, not 1.7) */
			char fv[64];
			if (isfinite(x[k]) && k % 2)
				snprintf(v[i][k], sizeof v[i][k], "%s",
				         rl_fig_text(fv, sizeof fv, x[k]));
			else if (isfinite(x[k]))
				report_whole_text(v[i][k], sizeof v[i][k], x[k]);
			else if (isfinite(hw)) {
				snprintf(v[i][k], sizeof v[i][k], "%s + energy",
				         rl_fig_text(fv, sizeof fv, hw));
				plus_energy = 1;
			} else
				snprintf(v[i][k], sizeof v[i][k], "n/a");
		}
		if (!known && i == 2)
			continue;
		shown[i] = 1;
		src[i][0] = '\0';
		if (has_sides)
			price_words(r, i == 2 ? "b'" : sides[i], label[i], chip[i],
			            x[0], src[i], sizeof src[i]);
		n++;
	}
	if (!n)
		return;
	cost_basis_words(r, basis, sizeof basis);
	/* what the table holds and its n/a, the prices' sources listed under
	** it, where one paragraph of 1,300 characters held them all */
	doc_para(&r->d, "What a million output tokens costs (%s), with the "
	         "chips at the price a buyer pays and at what they cost to "
	         "make; n/a: not known (no price, or no power model)%s. %s",
	         basis, plus_energy ? "; + energy: the chips' share alone (the "
	         "side has no power model, so what its energy adds is not "
	         "known)" : "", has_sides ? "Where each chip's price comes from is "
	         "listed under the table." : "Each chip's price: not stored.");
	doc_table_begin(&r->d, 5, h);
	for (i = 0; i < 3; i++) {
		if (!shown[i])
			continue;
		cells[0] = label[i];
		for (k = 0; k < 4; k++)
			cells[k + 1] = v[i][k];
		doc_row(&r->d, cells);
	}
	doc_table_end(&r->d);
	/* each side's chip and its price's source, where the paragraph said
	** the H100's and Sohu's whatever the sides were */
	if (!has_sides)
		return;
	doc_para(&r->d, "Each chip's price and where it comes from "
	         "(data/chips/README.md gives each source and range):");
	doc_list_begin(&r->d);
	for (i = 0; i < 3; i++)
		if (shown[i])
			doc_item(&r->d, "%s", src[i]);
	doc_list_end(&r->d);
}

void report_serving(rctx *r)
{
	plot_opts po = report_claim_plot(r);
	sqlite3_stmt *st;
	int has_sides;
	doc_heading(&r->d, 2, "serving", "Serving: roofline and batching");
	doc_para(&r->d, "Where each chip's prefill and decode iterations sit "
	         "against its compute and memory-bandwidth roofs, and how "
	         "throughput and time per output token grow with the number of "
	         "sequences in flight.");
	report_figure(r, "roofline", &po, "Roofline of each chip with the "
	              "prefill and decode iterations placed on it");
	report_figure(r, "batch", &po, "Throughput and time per output token "
	              "against concurrency");
	report_figure(r, "interactivity", &po, "Throughput per chip against "
	              "tokens/s per user as concurrency grows (rooflab curve)");
	has_sides = report_has(r, r->db, r->o->dbpath, "claim_sides");
	cost_table(r, has_sides);
	/* the time breakdown, where the claim run stored one */
	if (!has_sides)
		return;
	if ((st = report_prepare(r, r->db, r->o->dbpath,
	                         "SELECT 1 FROM claim_sides WHERE run_id = ?1 "
	                         "AND name = 'decode.gemm_s'"))) {
		int have;
		sqlite3_bind_int64(st, 1, r->c.id);
		have = sqlite3_step(st) == SQLITE_ROW;
		report_finish(r, st, r->o->dbpath);
		if (have)
			report_figure(r, "breakdown", &po, "Where each phase's "
			              "iteration time goes: GEMMs, attention, "
			              "elementwise, exposed communication, overheads");
	}
}
