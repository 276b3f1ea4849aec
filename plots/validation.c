/*
** validation.c: the validation plot: each measurement (published, or a
** --measurements file's, as the title says: validation_runs.rows_of) of a
** validation run (table validation) against what the model predicts for
** it, on log axes, with the y = x line and +-10% and +-25% bands; colors by
** chip, open circles for the rows the profile was calibrated on, filled
** ones for held-out rows, open squares for the fitted chip's rows of a
** version that borrows a profile fitted on another version's rows (out of
** sample; a database written before the column out_of_sample has none).
** Past MAX_CHIPS - 1 chips, the rest share the last color as "other chips
** (N)": every row is drawn, none dropped.  The title's figures are those
** of validate's text: "in sample and held out" (its first summary line), the
** out-of-sample rows on a line of their own, each from the rows' errors.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../config/shword.h"
#include "../model/stats.h"
#include "../model/utf8.h"
#include "kinds.h"

#define MAX_CHIPS 8

int plot_build_validation(sqlite3 *db, const plot_opts *o, FILE *s,
                          char *err, size_t errlen)
{
	pdb_validation v;
	sqlite3_stmt *st;
	/* a row's set: 0 held out, 1 calibration row, 2 out of sample */
	static const char *const set_name[3] = {"held out", "calibration row",
	                                        "out of sample"};
	static const int set_pt[3] = {7, 6, 4};
	char chips[MAX_CHIPS][64], last[64] = "", t[1200], sql[400];
	double lo = 1e300, hi = 0;
	long rows = 0, oos_rows = 0;
	/* the rows' errors: [0] in sample and held out, [1] out of sample */
	double *e[2] = {NULL, NULL}, med[2], p90[2];
	size_t ne[2] = {0, 0}, cap[2] = {0, 0};
	int have[MAX_CHIPS][3];
	int n = 0, i, rc, cal, oos, nother = 0;

	memset(have, 0, sizeof have);
	rc = pdb_validation_run(db, o->dbpath, o->run, &v, err, errlen);
	if (rc)
		return rc;
	if ((rc = pdb_has_column(db, o->dbpath, "validation", "out_of_sample",
	                         &oos, err, errlen)))
		return rc;
	snprintf(sql, sizeof sql, "SELECT coalesce(chip, '?'), measured, "
	         "modeled, CASE WHEN coalesce(in_calibration, 0) != 0 THEN 1 "
	         "WHEN %s THEN 2 ELSE 0 END, error FROM validation WHERE run_id = ?1 "
	         "AND measured > 0 AND modeled > 0 ORDER BY chip, id",
	         oos ? "coalesce(out_of_sample, 0) != 0" : "0");
	if ((rc = pdb_prepare(db, o->dbpath, sql, &st, err, errlen)))
		return rc;
	sqlite3_bind_int64(st, 1, v.id);
	/* one datablock per chip: measured, modeled, the row's set (above) */
	while (sqlite3_step(st) == SQLITE_ROW) {
		char chip[64];
		double m = pdb_real(st, 1), p = pdb_real(st, 2);
		pdb_text(st, 0, chip, sizeof chip);
		/* rows come by chip: a new chip starts a block, but the last
		** block takes every chip from the MAX_CHIPS-th on */
		if (n == 0 || strcmp(chip, last)) {
			if (n < MAX_CHIPS) {
				if (n)
					fputs("EOD\n", s);
				snprintf(chips[n], sizeof chips[n], "%s", chip);
				fprintf(s, "$v%d << EOD\n", n++);
			}
			nother += n == MAX_CHIPS;
			snprintf(last, sizeof last, "%s", chip);
		}
		cal = sqlite3_column_int(st, 3);
		if (cal < 0 || cal > 2)
			cal = 0; /* the CASE gives none such; a bound, not a trust */
		have[n - 1][cal] = 1;
		fprintf(s, "%.9g %.9g %d\n", m, p, cal);
		lo = fmin(lo, fmin(m, p));
		hi = fmax(hi, fmax(m, p));
		rows++;
		oos_rows += cal == 2;
		{
			int k = cal == 2;
			if (stats_push(&e[k], &ne[k], &cap[k], pdb_real(st, 4))) {
				sqlite3_finalize(st);
				free(e[0]);
				free(e[1]);
				snprintf(err, errlen, "out of memory");
				return RL_EINTERNAL;
			}
		}
	}
	for (i = 0; i < 2; i++) {
		med[i] = stats_abs_quantile(e[i], ne[i], 0.5);
		p90[i] = stats_abs_quantile(e[i], ne[i], 0.9);
	}
	free(e[0]);
	free(e[1]);
	if ((rc = pdb_finish(st, o->dbpath, err, errlen)))
		return rc;
	if (n)
		fputs("EOD\n", s);
	if (nother > 1)
		snprintf(chips[MAX_CHIPS - 1], sizeof chips[0], "other chips (%d)",
		         nother);
	if (rows == 0) {
		char q[4200]; /* (the command's file as sh reads it: rl_sh_word) */
		snprintf(err, errlen, "%s: validation run %ld has no rows with "
		         "positive measured and modeled values; rooflab validate "
		         "--db %s writes them", o->dbpath, v.id,
		         rl_sh_word(o->dbpath, "FILE", q, sizeof q));
		return RL_EINPUT;
	}
	lo = pow(10, floor(log10(lo / 1.3)));
	hi = pow(10, ceil(log10(hi * 1.3)));
	/* validate stores "versions.csv" where each row took its version's
	** profile (cmd_validate.c), which the title read as a profile's name.
	** The figures are the text's: "in sample and held out" (once "all
	** modelled rows", which all the modelled rows are with the out-of-sample
	** ones), the out-of-sample rows apart, where the title gave the run's
	** stored figure over both (4.0% / 11.4% over 1507 rows beside the
	** text's 3.9% / 11.5% over 1497) */
	{
		char oosl[200] = "", head[200];
		long ins = rows - oos_rows;
		if (oos_rows)
			snprintf(oosl, sizeof oosl, "\nout of sample (borrowed), "
			         "apart: median |error| %.1f%%, 90th percentile %.1f%%, "
			         "%ld row%s", 100 * med[1], 100 * p90[1], oos_rows,
			         oos_rows == 1 ? "" : "s");
		/* every row out of sample: no in-sample figures (they read
		** "median |error| nan%, ... 0 rows") */
		if (ins)
			snprintf(head, sizeof head, "median |error| %.1f%%, 90th "
			         "percentile %.1f%%, %ld row%s (in sample and held "
			         "out)",
			         100 * med[0], 100 * p90[0], ins, ins == 1 ? "" : "s");
		else
			snprintf(head, sizeof head, "no modelled row in sample");
		/* whose rows (validation_runs.rows_of): a --measurements file's
		** run was titled "published measurements" (small68 named them in
		** the report; the plot said it still) */
		char whose[400], fname[sizeof v.file];
		if (v.rows_of == PDB_ROWS_FILE)
			snprintf(whose, sizeof whose, "the rows of %s",
			         rl_utf8_cell(v.file, 0, 0, fname, sizeof fname));
		else
			snprintf(whose, sizeof whose, "%s",
			         v.rows_of == PDB_ROWS_SHIPPED
			             ? "published measurements"
			             : "measurements (whose rows not recorded)");
		snprintf(t, sizeof t, "Model against %s (%s%s, "
		         "validation run %ld)\n%s%s", whose,
		         strcmp(v.profile, "versions.csv") ? "profile " : "",
		         strcmp(v.profile, "versions.csv") ? v.profile
		                                           : "profiles by version",
		         v.id, head, oosl);
	}
	fputs("set title ", s);
	gp_quote(s, t);
	fprintf(s, "\nset logscale xy\nset format x '%%g'\nset format y '%%g'\n"
	        "set xrange [%g:%g]\nset yrange [%g:%g]\nset size ratio -1\n"
	        "set xlabel 'measured throughput (tokens/s, %s)'\n"
	        "set ylabel 'modeled throughput (tokens/s)'\n"
	        "set key outside right top\nset samples 200\n"
	        "set style fill transparent solid 0.25 noborder\n",
	        lo, hi, lo, hi,
	        v.rows_of == PDB_ROWS_FILE ? "as the file gives them"
	        : v.rows_of == PDB_ROWS_SHIPPED ? "as published"
	                                 : "source not recorded");
	fputs("plot '+' using 1:(0.75*$1):(1.25*$1) with filledcurves "
	      "lc rgb '#ffd27f' title '+-25%', \\\n"
	      "  '+' using 1:(0.9*$1):(1.1*$1) with filledcurves "
	      "lc rgb '#9fd99f' title '+-10%', \\\n"
	      "  x with lines lc rgb 'black' lw 1.5 title 'model = measured'", s);
	for (i = 0; i < n; i++)
		for (cal = 0; cal < 3; cal++) {
			char tt[700];
			if (!have[i][cal])
				continue;
			snprintf(tt, sizeof tt, "%s (%s)", chips[i], set_name[cal]);
			fprintf(s, ", \\\n  $v%d using 1:($3 == %d ? $2 : NaN) with "
			        "points pt %d ps 2 lw 2 lc rgb '%s' title ", i, cal,
			        set_pt[cal], plot_color(i));
			gp_quote(s, tt);
		}
	fputc('\n', s);
	return RL_OK;
}
