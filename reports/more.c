/*
** more.c: the report's sections beyond the claim run: the design space of
** the sweeps in the database (heatmap, Pareto frontier), the validation of
** the model against published measurements, and provenance.
*/
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/numwords.h"
#include "../claim/schema.h"
#include "../config/dbfile.h"
#include "../config/measure.h"
#include "../config/presets.h"
#include "../config/stamp.h"
#include "../config/shword.h"
#include "../config/version.h"
#include "../model/utf8.h"
#include "../plots/kinds.h"
#include "../plots/runfit.h"
#include "../sweeps/store.h"
#include "rctx.h"

#define MAX_SWEEPS 6

/* The spec path of sweep run `id` ("" if unknown). */
static void sweep_name(rctx *r, long id, char *buf, size_t len)
{
	sqlite3_stmt *st;
	buf[0] = 0;
	if (!report_has_column(r, r->sdb, r->sdbpath, "runs", "spec_path"))
		return;
	if (!(st = report_prepare(r, r->sdb, r->sdbpath,
	                          "SELECT spec_path FROM runs WHERE "
	                          "id = ?1")))
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, buf, len);
	report_finish(r, st, r->sdbpath);
}

/* What sweep run `id` asks, in its spec's own words: the comment lines
** before its first section, up to the first empty one, joined ("; NAME: "
** dropped from the first), into buf; "" when the runs table has no spec or
** the spec opens with no comment. */
static void sweep_about(rctx *r, long id, char *buf, size_t len)
{
	sqlite3_stmt *st;
	char spec[8192];
	const char *p;
	size_t used = 0;
	int first = 1;
	buf[0] = 0;
	spec[0] = 0;
	if (!report_has_column(r, r->sdb, r->sdbpath, "runs", "spec"))
		return;
	if (!(st = report_prepare(r, r->sdb, r->sdbpath,
	                          "SELECT spec FROM runs WHERE id = ?1")))
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, spec, sizeof spec);
	report_finish(r, st, r->sdbpath);
	for (p = spec; *p && used + 1 < len;) {
		size_t n = strcspn(p, "\n");
		const char *t = p, *end = p + n;
		if (*t != ';' && *t != '#')
			break;
		while (t < end && (*t == ';' || *t == '#' || *t == ' ' ||
		                   *t == '\t'))
			t++;
		while (end > t && (end[-1] == ' ' || end[-1] == '\r'))
			end--;
		if (t == end) /* an empty comment line ends the first paragraph */
			break;
		if (first) { /* "sohu-matmul-vs-hbm: how large ..." */
			const char *colon = memchr(t, ':', (size_t)(end - t));
			if (colon && !memchr(t, ' ', (size_t)(colon - t)))
				for (t = colon + 1; t < end && *t == ' '; t++)
					;
			first = 0;
		}
		used += (size_t)snprintf(buf + used, len - used, "%s%.*s",
		                         used ? " " : "", (int)(end - t), t);
		p += n + (p[n] == '\n');
	}
	if (used >= len && len > 4) /* cut: said so, at a whole character
	                             ** (rl_utf8_cut), where "..." over the
	                             ** last bytes split an 'é' into U+FFFD
	                             ** (a '?' now, doc.c's esc) */
		memcpy(buf + rl_utf8_cut(buf, len - 4), "...", 4);
	if (buf[0] >= 'a' && buf[0] <= 'z') /* a sentence */
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* Whether sweep `one` has a Pareto frontier to draw, by the plot's own
** tests (plot_swept_workload, plot_pareto_cost): RL_OK with *draw 1 when
** it has a cost axis, 0 when not or when it varies the workload (named in
** wl, how many parameters in *nwl); or the failure to read the sweep (with
** err). */
static int pareto_fits(sqlite3 *db, const pdb_sweep *one, char *wl,
                       size_t wllen, size_t *nwl, int *draw, char *err,
                       size_t errlen)
{
	char col[64];
	int rc;
	*draw = 0;
	if ((rc = plot_swept_workload(db, one, wl, wllen, nwl, err, errlen)) ||
	    *nwl)
		return rc;
	return plot_pareto_cost(db, one, col, sizeof col, draw, err, errlen);
}

/* The note of a sweep database with no sweep in it.  A file that --sweeps
** names and that sweep never writes (a claim database, another program's:
** rl_db_found) is named as such, on stderr too, where the note said only
** "No sweep in FILE", as if the sweeps had not yet been run into it. */
static void no_sweep(rctx *r)
{
	static const rl_db_kind *const kinds[] = {&claim_db_kind,
	                                          &rl_sweep_db_kind, NULL};
	char found[200], msg[1400];
	rl_db_found_kind kind = RL_DB_FOUND_EMPTY;
	if (r->o->sweeps)
		kind = rl_db_found(r->sdb, kinds, found, sizeof found);
	if (kind != RL_DB_FOUND_CLAIM && kind != RL_DB_FOUND_OTHER) {
		doc_para_class(&r->d, "note", "No sweep in %s; run rooflab sweep "
		               "SPEC --db FILE (examples in sweeps/) and give the "
		               "report --sweeps FILE.", r->sdbpath);
		return;
	}
	snprintf(msg, sizeof msg, "--sweeps %s is %s, which holds no sweep and "
	         "in which rooflab sweep writes none: run rooflab sweep SPEC "
	         "--db FILE (examples in sweeps/) into a file of its own and "
	         "give the report --sweeps FILE", r->sdbpath, found);
	doc_para_class(&r->d, "note", "%s.", msg);
	report_warn(r, msg);
}

/* one of a run's notes (plot_run_notes) as a paragraph of doc ctx:
** export's sentence with a capital and a full stop */
static void note_para(void *ctx, const char *words)
{
	doc_para_class(ctx, "note", "%c%s.", toupper((unsigned char)words[0]),
	               words + 1);
}

void report_design_space(rctx *r)
{
	pdb_sweep sw;
	sqlite3_stmt *st;
	char err[sizeof r->bad_msg], name[512];
	long ids[MAX_SWEEPS];
	int n = 0, i, rc;
	doc_heading(&r->d, 2, "design-space", "Design space (sweeps)");
	if ((rc = pdb_sweep_run(r->sdb, r->sdbpath, 0, &sw, err, sizeof err))) {
		if (pdb_is_unread(rc)) {
			report_bad(r, rc, err);
			return;
		}
		no_sweep(r);
		return;
	}
	if (!sw.run_col[0]) {
		ids[n++] = 0;
	} else {
		char sql[160];
		snprintf(sql, sizeof sql, "SELECT DISTINCT \"%s\" FROM results "
		         "ORDER BY 1 LIMIT %d", sw.run_col, MAX_SWEEPS);
		if (!(st = report_prepare(r, r->sdb, r->sdbpath, sql)))
			return;
		while (n < MAX_SWEEPS && sqlite3_step(st) == SQLITE_ROW)
			ids[n++] = (long)sqlite3_column_int64(st, 0);
		report_finish(r, st, r->sdbpath);
	}
	doc_para(&r->d, "Each sweep evaluates a set of designs (a grid, or "
	         "random or Sobol samples), said under its heading in its "
	         "spec's own words; the heatmap "
	         "colors the speedup (the throughput for a sweep without a "
	         "baseline) over two swept parameters with the %sx contour of "
	         "a speedup; the Pareto plot keeps the designs no other design "
	         "beats on both throughput and power or cost.",
	         claim_target_text(r->c.target).s);
	for (i = 0; i < n; i++) {
		plot_opts po;
		pdb_sweep one = sw;
		char cap[700], id[40], wl[300], about[1500], resume[2400];
		char zcol[64];
		size_t nwl;
		int draw, zfound = 0;
		uint64_t lack;
		one.run = ids[i];
		/* (pdb_sweep_run's count, for this run: rooflab's runs table) */
		one.missing = !strcmp(sw.run_col, "run_id")
		                  ? rl_store_run_missing(r->sdb, ids[i])
		                  : 0;
		{
			uint64_t done = 0, of = 0;
			one.unfinished = !strcmp(sw.run_col, "run_id") &&
			                 rl_store_run_progress(r->sdb, ids[i], &done,
			                                       &of);
			one.done = done;
			one.of = of;
		}
		memset(&po, 0, sizeof po);
		po.dbpath = r->sdbpath;
		po.run = ids[i];
		po.target = r->c.target;
		sweep_name(r, ids[i], name, sizeof name);
		{
			/* the spec's name: its file name without folder and .ini,
			** by the one rule a preset's name follows (preset_stem:
			** a file named ".ini" alone keeps it) */
			const char *stem;
			size_t l = preset_stem(name, &stem);
			memmove(name, stem, l);
			name[l] = 0;
		}
		snprintf(cap, sizeof cap, "Sweep %s%s(run %ld)", name,
		         name[0] ? " " : "", ids[i]);
		snprintf(id, sizeof id, "sweep-%ld", ids[i]);
		doc_heading(&r->d, 3, id, cap);
		sweep_about(r, ids[i], about, sizeof about);
		if (about[0]) /* what it asks, as its spec says: a sweep at tp 8
		              ** must not read as the claim's mapping */
			doc_para(&r->d, "%s", about);
		if (one.missing || one.unfinished)
			rl_store_resume_command(r->sdb, ids[i], r->sdbpath, resume,
			                        sizeof resume);
		if ((lack = one.missing))
			doc_para_class(&r->d, "note", "Run %ld is marked complete but "
			               "lacks %llu of its points (the file was cut "
			               "short or altered); %s evaluates them.", ids[i],
			               (unsigned long long)lack, resume);
		if (one.unfinished)
			doc_para_class(&r->d, "note", "Run %ld is not finished: %llu of "
			               "its %llu point%s done (a sweep still writing it, "
			               "or one stopped); the figures draw the points "
			               "stored so far, and %s completes it.", ids[i],
			               one.done, one.of, one.of == 1 ? "" : "s", resume);
		/* one shard of a sweep not merged, drawn as if the sweep */
		if (!strcmp(sw.run_col, "run_id")) {
			long si, sc;
			if ((rc = pdb_sweep_shard(r->sdb, r->sdbpath, ids[i], &si, &sc,
			                          err, sizeof err))) {
				report_bad(r, rc, err);
				return;
			}
			if (sc > 1)
				doc_para_class(&r->d, "note", "Run %ld is shard %ld/%ld "
				               "alone: the figures draw one in %ld of the "
				               "sweep's design points; rooflab merge OUT.db "
				               "PART.db... joins the %ld shards into one "
				               "run.", ids[i], si, sc, sc, sc);
		}
		/* a profile fitted on another chip's rows, as sweep said it
		** (runs.profile_fit): the figures below read as validated on
		** the chip they name without it; one of software the chip's
		** preset does not name (runs.software_note); a run that records
		** neither fit (an earlier rooflab's) */
		if (!strcmp(sw.run_col, "run_id"))
			plot_run_notes(r->sdb, ids[i], note_para, &r->d);
		/* the target in all its digits, as the claim's text writes
		** it (claim_target_text), where %g wrote 1.23457e+06x; what
		** the heatmap colours by the plot's own choice (heatmap.c: the
		** speedup, else the throughput), where "an output ... with the
		** 20x contour" captioned a sweep without a baseline, whose
		** throughput no target crosses */
		if ((rc = plot_sweep_guess(r->sdb, &one, NULL, "speedup", zcol,
		                           sizeof zcol, &zfound, err,
		                           sizeof err))) {
			report_bad(r, rc, err);
			return;
		}
		if (zfound)
			snprintf(cap, sizeof cap, "Sweep %s%s(run %ld): the speedup "
			         "over two swept parameters, with the %sx contour "
			         "where the speedup crosses it", name,
			         name[0] ? " " : "", ids[i],
			         claim_target_text(r->c.target).s);
		else
			snprintf(cap, sizeof cap, "Sweep %s%s(run %ld): the "
			         "throughput over two swept parameters (the sweep "
			         "has no baseline, so no speedup and no %sx contour)",
			         name, name[0] ? " " : "", ids[i],
			         claim_target_text(r->c.target).s);
		report_figure(r, "heatmap", &po, cap);
		snprintf(cap, sizeof cap, "Sweep %s%s(run %ld): the designs no "
		         "other design beats on both power or cost and "
		         "throughput", name, name[0] ? " " : "", ids[i]);
		if ((rc = pareto_fits(r->sdb, &one, wl, sizeof wl, &nwl, &draw,
		                      err, sizeof err))) {
			report_bad(r, rc, err);
			return;
		}
		if (nwl)
			doc_para_class(&r->d, "note", "No Pareto frontier: this "
			               "sweep varies the workload (%s), which is not "
			               "a design choice.", wl);
		else if (draw)
			report_figure(r, "pareto", &po, cap);
	}
}

void report_validation(rctx *r)
{
	static const char *const h[] = {"measurement", "chip", "model", "precision",
	                          "ISL/OSL", "TP", "metric", "measured",
	                          "modeled", "error", "row is"};
	const pdb_validation *v;
	const char *tcl[4];
	int tlen[4], nt, i;
	plot_opts po;
	sqlite3_stmt *st;
	char sql[256];
	int n = 0, found;
	/* as report.c's contents name it: a --measurements file's run is
	** not of published measurements (its first sentence says whose) */
	doc_heading(&r->d, 2, "validation", "Validation against measurements");
	if ((found = report_val_run(r, &v)) <= 0) {
		char qd[PATH_MAX + 64];
		/* a sweep's database (a report without a claim run), in
		** which validate writes none: a file of its own, reported
		** with the sweeps shown here (--sweeps where given) */
		if (found == 0 && r->db_sweep)
			doc_para_class(&r->d, "note", "No validation run: %s is a "
			               "sweep database, in which rooflab validate "
			               "writes none; make one with: rooflab validate "
			               "--db FILE, then rooflab report --db FILE "
			               "--sweeps %s", r->o->dbpath,
			               rl_sh_word(r->sdbpath, "FILE", qd,
			                          sizeof qd));
		else if (found == 0)
			doc_para_class(&r->d, "note", "No validation run in this "
			               "database; make one with: rooflab validate "
			               "--db %s", rl_sh_word(r->o->dbpath, "FILE", qd,
			                                      sizeof qd));
		return;
	}
	{
		/* whose rows (valrows.c): a file's named, not "published" */
		char whose[1400];
		report_rows_words(r, whose, sizeof whose);
		if (r->bad)
			return;
		/* validate stores "versions.csv" where each row took its
		** version's profile (no --profile), from the shipped list or
		** the one --versions named: "(profile versions.csv, ...)" read
		** as a profile's name (the plot's title says "profiles by
		** version", plots/validation.c) */
		char prof[200];
		if (strcmp(v->profile, "versions.csv"))
			snprintf(prof, sizeof prof, "profile %s", v->profile);
		else
			snprintf(prof, sizeof prof, "each row served by its "
			         "software version's profile");
		doc_para(&r->d, "How far the model's throughput is from %s "
		         "(%s; validation run %ld of %s, %ld row%s "
		         "modelled).", whose, prof, v->id, v->created,
		         v->rows, v->rows == 1 ? "" : "s");
	}
	/* the verdict's sentence, read and worked out once for both: its
	** first clause in short, the others listed under it, each its own
	** sentence, where one paragraph ran past 1,200 characters */
	if ((nt = report_trust_clauses(r, tcl, tlen))) {
		doc_para(&r->d, "In short, %.*s.", tlen[0], tcl[0]);
		if (nt > 1)
			doc_list_begin(&r->d);
		for (i = 1; i < nt; i++)
			doc_item(&r->d, "%c%.*s.", toupper((unsigned char)tcl[i][0]),
			         tlen[i] - 1, tcl[i] + 1);
		if (nt > 1)
			doc_list_end(&r->d);
	}
	report_validation_groups(r, v->id);
	report_validation_repeat(r, v->id);
	memset(&po, 0, sizeof po);
	po.dbpath = r->o->dbpath;
	po.run = v->id;
	report_figure(r, "validation", &po, "Model against measured throughput "
	              "with +-10% and +-25% bands");
	/* each row's metric, the unit of its measured and modeled values
	** (tokens/s, seconds, TFLOPS), and whether it is out of sample; a
	** database from before the columns has neither (metric "-", every
	** row not in calibration held out) */
	snprintf(sql, sizeof sql, "SELECT id, chip, model, precision, isl, osl, "
	         "tp, measured, modeled, error, in_calibration, %s, %s FROM "
	         "validation WHERE run_id = ?1 ORDER BY id",
	         report_has_column(r, r->db, r->o->dbpath, "validation",
	                           "metric") ? "metric" : "NULL",
	         report_has_column(r, r->db, r->o->dbpath, "validation",
	                           "out_of_sample") ? "out_of_sample" : "0");
	if (!(st = report_prepare(r, r->db, r->o->dbpath, sql)))
		return;
	sqlite3_bind_int64(st, 1, v->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *vf;
		char c[11][96];
		const char *cells[11];
		int k;
		for (k = 0; k < 4; k++)
			pdb_text(st, k, c[k], sizeof c[k]);
		pdb_text(st, 11, c[6], sizeof c[6]);
		if (meas_metric_micro(c[6])) {
			/* a microbenchmark has no lengths and no mapping: '-' as
			** validate's table writes them (meas_micro), where the
			** 0s validate stores for them read "0/0" and TP 0 */
			snprintf(c[4], sizeof c[4], "-");
			snprintf(c[5], sizeof c[5], "-");
		} else {
			/* each length as given, '-' for a NULL one (a database
			** changed by hand), where "%.0f" wrote "nan" */
			char isl[40], osl[40];
			snprintf(c[4], sizeof c[4], "%s/%s",
			         report_value(isl, sizeof isl, pdb_real(st, 4)),
			         report_value(osl, sizeof osl, pdb_real(st, 5)));
			/* tp whole */
			report_value(c[5], sizeof c[5], pdb_real(st, 6));
		}
		if (!c[6][0])
			snprintf(c[6], sizeof c[6], "-");
		/* the measured value as given and the model's figure by
		** eval's rule, as validate's table writes them */
		report_value(c[7], sizeof c[7], pdb_real(st, 7));
		report_fig(c[8], sizeof c[8], pdb_real(st, 8));
		/* report_pct: "%+.1f%%" below 1e6 %, a figure above it, where
		** 1e300's 303 digits were cut at the cell's end */
		if (isfinite(pdb_real(st, 9)))
			report_pct(c[9], sizeof c[9], pdb_real(st, 9), 1);
		else
			snprintf(c[9], sizeof c[9], "-");
		snprintf(c[10], sizeof c[10], "%s", sqlite3_column_int(st, 10)
		         ? (report_val_rows(r, &vf) == REPORT_ROWS_FILE
		            ? "fitted chip (file's row)" : "in-sample (fitted on)")
		         : sqlite3_column_int(st, 12)
		         ? "out of sample (borrowed profile)" : "held out");
		for (k = 0; k < 11; k++)
			cells[k] = c[k];
		if (n++ == 0) {
			/* (the table of every row stood under the figure with no
			** word of what its columns hold: "tb_per_s_read_plus_write
			** 3 3.02 +0.5%") */
			doc_para(&r->d, "Every row of the run: the measurement's id, "
			         "what ran (chip, model, precision, the input and "
			         "output lengths and tensor-parallel degree of a "
			         "serving row, '-' for a microbenchmark), the metric "
			         "as the measurements name it, its unit in its name "
			         "(tokens_per_s, ttft_mean_s in seconds, tflops), the "
			         "measured value, the model's, the error (modeled / "
			         "measured - 1, or from the interval a rounded "
			         "published value stands for: data/measurements/"
			         "rounding.csv) and which table above the row counts "
			         "in.");
			doc_table_begin(&r->d, 11, h);
		}
		doc_row(&r->d, cells);
	}
	report_finish(r, st, r->o->dbpath);
	if (n)
		doc_table_end(&r->d);
}

/* One row of the provenance table: an item and its value. */
static void item_row(rctx *r, const char *item, const char *value)
{
	const char *cells[2];
	cells[0] = item;
	cells[1] = value;
	doc_row(&r->d, cells);
}

void report_provenance(rctx *r)
{
	static const char *const h[] = {"item", "value"};
	char abs[PATH_MAX], now[64], run[400];
	doc_heading(&r->d, 2, "provenance", "Provenance");
	rl_utc_now(now, sizeof now);
	if (!realpath(r->o->dbpath, abs))
		snprintf(abs, sizeof abs, "%s", r->o->dbpath);
	if (r->no_claim)
		snprintf(run, sizeof run, "none in the database");
	else
		snprintf(run, sizeof run, "%ld, written %s by rooflab %s (git %s)",
		         r->c.id, r->c.created, r->c.version, r->c.git_rev);
	doc_table_begin(&r->d, 2, h);
	item_row(r, "rooflab version", RL_VERSION);
	item_row(r, "git revision", RL_GIT_REV);
	item_row(r, "database", abs);
	if (r->sdb != r->db) {
		if (!realpath(r->sdbpath, abs))
			snprintf(abs, sizeof abs, "%s", r->sdbpath);
		item_row(r, "sweep database", abs);
	}
	item_row(r, "claim run", run);
	item_row(r, "report written", now);
	doc_table_end(&r->d);
	/* the files as sh reads them back (rl_sh_word, as merge's and
	** sweep's resume commands): a blank or a ';' in a name stood bare,
	** and the command, pasted, split it and ran what followed */
	{
		char qd[PATH_MAX + 64], qs[PATH_MAX + 64], qo[PATH_MAX + 64];
		doc_para_class(&r->d, "note", "Made by rooflab report from the "
		               "databases above; every number in it comes from "
		               "them. Reproduce with: rooflab report --db %s%s%s "
		               "--out %s",
		               rl_sh_word(r->o->dbpath, "FILE", qd, sizeof qd),
		               r->sdb != r->db ? " --sweeps " : "",
		               r->sdb != r->db ? rl_sh_word(r->sdbpath, "FILE", qs,
		                                            sizeof qs)
		                               : "",
		               rl_sh_word(r->o->out, "FILE", qo, sizeof qo));
	}
}
