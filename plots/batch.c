/*
** batch.c: the batch plot: for each side of a claim run (claim_batch),
** system throughput and time per output token against the number of
** sequences in flight, side by side.  The throughput panel leaves two
** decades under its lowest curve for the key, so the key covers no curve.
*/
#include <math.h>
#include <string.h>

#include "kinds.h"

#define MAX_SIDES 8

int plot_build_batch(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                     size_t errlen)
{
	pdb_claim c;
	sqlite3_stmt *st;
	char sides[MAX_SIDES][32], labs[MAX_SIDES][128], t[700], cur[32] = "";
	int n = 0, i, rc, open = 0, have_tps = 0, have_tpot = 0;
	double ymin = INFINITY;

	rc = plot_claim_rows(db, o, "claim_batch", "batch rows",
	                     "SELECT side, batch, output_tps, total_tps, "
	                     "tpot_s FROM claim_batch WHERE run_id = ?1 AND "
	                     "batch > 0 "
	                     "ORDER BY side, batch",
	                     &c, &st, err, errlen);
	if (rc)
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char side[32];
		double tpot = pdb_real(st, 4);
		have_tpot |= isfinite(tpot) && tpot > 0;
		have_tps |= pdb_real(st, 3) > 0 || pdb_real(st, 2) > 0;
		if (pdb_real(st, 2) > 0 && pdb_real(st, 2) < ymin)
			ymin = pdb_real(st, 2);
		if (pdb_real(st, 3) > 0 && pdb_real(st, 3) < ymin)
			ymin = pdb_real(st, 3);
		pdb_text(st, 0, side, sizeof side);
		if (strcmp(side, cur)) {
			if (n == MAX_SIDES)
				break;
			if (open)
				fputs("EOD\n", s);
			snprintf(cur, sizeof cur, "%s", side);
			snprintf(sides[n], sizeof sides[n], "%s", side);
			fprintf(s, "$b%d << EOD\n", n++);
			open = 1;
		}
		fprintf(s, "%.9g %.9g %.9g %.9g\n", pdb_real(st, 1),
		        pdb_real(st, 2), pdb_real(st, 3),
		        isfinite(tpot) ? tpot * 1e3 : NAN);
	}
	if ((rc = pdb_finish(st, o->dbpath, err, errlen)))
		return rc;
	if (open)
		fputs("EOD\n", s);
	if (n == 0 || !have_tps)
		return plot_no_rows(o, c.id, "claim_batch",
		                    "batch rows with a positive batch and "
		                    "throughput", err, errlen);
	for (i = 0; i < n; i++)
		if ((rc = plot_side_label(db, o->dbpath, &c, sides[i], labs[i],
		                          sizeof labs[i], err, errlen)))
			return rc;
	snprintf(t, sizeof t, "Batching: throughput and time per output token "
	         "against concurrency, %s vs %s\nscenario %s (claim run %ld)",
	         c.a_label, c.b_label, c.scenario, c.id);
	fputs(have_tpot ? "set multiplot layout 1,2 title " : "set title ", s);
	gp_quote(s, t);
	fputs("\nset logscale x 2\nset format x '%g'\nset logscale y\n"
	      "set format y '%g'\nset key bottom right\n"
	      "set xlabel 'sequences in flight (concurrency)'\n"
	      "set ylabel 'throughput, whole system (tokens/s)'\n", s);
	/* two decades of room under the lowest curve for the key (two lines
	** per side, at most about 1.5 decades), so it covers no curve */
	fprintf(s, "set yrange [%g:*]\n", pow(10, floor(log10(ymin)) - 2));
	if (have_tpot)
		fputs("set title 'throughput: total (solid) and output (dashed) "
		      "tokens/s'\n", s);
	fputs("plot ", s);
	for (i = 0; i < n; i++) {
		char tt[200];
		fprintf(s, "%s$b%d using 1:3 with linespoints pt 7 lw 2 lc rgb "
		        "'%s' title ", i ? ", \\\n  " : "", i, plot_color(i));
		snprintf(tt, sizeof tt, "%.127s total", labs[i]);
		gp_quote(s, tt);
		fprintf(s, ", \\\n  $b%d using 1:2 with linespoints pt 6 dt 2 lw 2 "
		        "lc rgb '%s' title ", i, plot_color(i));
		snprintf(tt, sizeof tt, "%.127s output", labs[i]);
		gp_quote(s, tt);
	}
	if (!have_tpot) {
		fputc('\n', s);
		return RL_OK;
	}
	fputs("\nset key top left\nset yrange [*:*]\n"
	      "set ylabel 'time per output token (ms)'\n"
	      "set title 'latency: time per output token'\nplot ", s);
	for (i = 0; i < n; i++) {
		fprintf(s, "%s$b%d using 1:4 with linespoints pt 7 lw 2 lc rgb "
		        "'%s' title ", i ? ", \\\n  " : "", i, plot_color(i));
		gp_quote(s, labs[i]);
	}
	fputs("\nunset multiplot\n", s);
	return RL_OK;
}
