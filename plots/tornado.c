/*
** tornado.c: the tornado plot: for each parameter of a claim run's
** sensitivity table (claim_tornado), the speedup with that parameter at its
** low and at its high value, others at their stated values, as horizontal
** bars around the speedup at the stated values, widest swing on top.  A
** parameter whose low and high speedups both print as that speedup (three
** significant digits) moves nothing visible: its row is left out and the
** title counts it.  A row whose speedups are not finite numbers is left out
** too.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../claim/mcwords.h"
#include "../claim/numwords.h"
#include "kinds.h"

#define MAX_ROWS 40

/* 1 when v prints as base as the claim's text and the report print a
** speedup (claim_speedup2_side, two decimals on the target's side): a
** row they list as moving it (17.48 .. 17.53 about 17.5) is drawn, where
** three digits hid it */
static int same_printed(double v, double base, double target)
{
	char a[32], b[32];
	claim_speedup2_side(a, sizeof a, v, target);
	claim_speedup2_side(b, sizeof b, base, target);
	return !strcmp(a, b);
}

int plot_build_tornado(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                       size_t errlen)
{
	pdb_claim c;
	sqlite3_stmt *st;
	char name[MAX_ROWS][160], t[800], bx[40];
	double sl[MAX_ROWS], sh[MAX_ROWS], base, target, lo, hi, xlo, xhi;
	int n = 0, i, k, rc, hidden = 0;
	size_t width = 10;

	rc = plot_claim_rows(db, o, "claim_tornado", "sensitivity rows",
	                     "SELECT param, low, high, speedup_low, "
	                     "speedup_high FROM claim_tornado WHERE run_id = ?1 "
	                     "AND speedup_low IS NOT NULL AND speedup_high IS "
	                     "NOT NULL ORDER BY abs(speedup_high - speedup_low) "
	                     "DESC, param",
	                     &c, &st, err, errlen);
	if (rc)
		return rc;
	while (n < MAX_ROWS && sqlite3_step(st) == SQLITE_ROW) {
		char p[96], vl[32], vh[32];
		double low, high;
		/* the range's ends never NULL (pdb_needed), where the bar's
		** label read "(0.3 .. nan)" */
		if ((rc = pdb_needed(st, 1, o->dbpath, "claim_tornado", &low, err,
		                     errlen)) ||
		    (rc = pdb_needed(st, 2, o->dbpath, "claim_tornado", &high, err,
		                     errlen)) ||
		    (rc = pdb_number(st, 3, o->dbpath, "claim_tornado", &sl[n], err,
		                     errlen)) ||
		    (rc = pdb_number(st, 4, o->dbpath, "claim_tornado", &sh[n], err,
		                     errlen))) {
			sqlite3_finalize(st);
			return rc;
		}
		/* finite speedups only: an infinity in a crafted database is no
		** bar (it reached gnuplot's range as 'inf', an unknown name) */
		if (!isfinite(sl[n]) || !isfinite(sh[n]))
			continue;
		pdb_text(st, 0, p, sizeof p);
		/* the range as the text writes it ("5000 .. 12000", where
		** %.3g wrote "5e+03 .. 1.2e+04") */
		snprintf(name[n], sizeof name[n], "%s (%s .. %s)", p,
		         claim_plain_num(vl, sizeof vl, low),
		         claim_plain_num(vh, sizeof vh, high));
		n++;
	}
	if ((rc = pdb_finish(st, o->dbpath, err, errlen)))
		return rc;
	if (n == 0)
		return plot_no_rows(o, c.id, "claim_tornado",
		                    "sensitivity rows with speedups", err, errlen);
	base = c.speedup_total;
	if (!isfinite(base))
		base = (sl[0] + sh[0]) / 2;
	target = plot_target(o, &c);
	for (i = k = 0; i < n; i++) {
		if (same_printed(sl[i], base, target) &&
		    same_printed(sh[i], base, target)) {
			hidden++;
			continue;
		}
		if (k != i) {
			memcpy(name[k], name[i], sizeof name[k]);
			sl[k] = sl[i];
			sh[k] = sh[i];
		}
		if (strlen(name[k]) > width)
			width = strlen(name[k]);
		k++;
	}
	n = k;
	if (n == 0) {
		snprintf(err, errlen, "%s: claim run %ld: no parameter of the "
		         "sensitivity table moves the speedup away from %s",
		         o->dbpath, c.id,
		         claim_speedup_side(bx, sizeof bx, base, target));
		return RL_EINPUT;
	}
	lo = fmin(base, target);
	hi = fmax(base, target);
	for (i = 0; i < n; i++) {
		lo = fmin(lo, fmin(sl[i], sh[i]));
		hi = fmax(hi, fmax(sl[i], sh[i]));
	}
	/* the x axis, 8% of the span past each end: speedups near the
	** doubles' end (a database changed by hand: 1.7e308) took it past
	** them, 'inf' in the script, a name gnuplot does not know (exit 1);
	** refused, as factors' product past the doubles is */
	xlo = lo - 0.08 * (hi - lo + 1e-9);
	xhi = hi + 0.08 * (hi - lo + 1e-9);
	if (!isfinite(xhi - xlo)) {
		char a[40], b[40];
		snprintf(err, errlen, "%s: claim run %ld: the speedups of its "
		         "sensitivity rows run from %s to %s, more than a plot's "
		         "axis can hold", o->dbpath, c.id,
		         claim_speedup_x(a, sizeof a, lo),
		         claim_speedup_x(b, sizeof b, hi));
		return RL_EINPUT;
	}
	fputs("$t << EOD\n", s);
	for (i = 0; i < n; i++)
		fprintf(s, "%d %.9g %.9g\n", n - i, sl[i], sh[i]);
	fputs("EOD\n", s);

	/* the speedup at the stated values as the claim's text prints a
	** speedup (17.50x, where %.3g wrote 17.5x beside the distribution's
	** title's 17.50x); in the text's words ("each assumption alone at
	** the low and high ends of its range, the others at their stated
	** values", "under the stated assumptions"), where the plot said
	** "the others nominal" and "nominal 17.50x" */
	claim_speedup_side(bx, sizeof bx, base, target);
	snprintf(t, sizeof t, "Sensitivity of the speedup of %s over %s\n"
	         "each assumption alone at its low or high value, the others "
	         "at their stated values\n"
	         "scenario %s (claim run %ld), at the stated values %s", c.b_label,
	         c.a_label, c.scenario, c.id, bx);
	/* on a line of its own: at the end of the third it ran past the
	** picture's right edge */
	if (hidden)
		snprintf(t + strlen(t), sizeof t - strlen(t), "\n%d parameter%s "
		         "that leave%s it at %s not shown", hidden,
		         hidden > 1 ? "s" : "", hidden > 1 ? "" : "s", bx);
	fputs("set title ", s);
	gp_quote(s, t);
	fprintf(s, "\nset xlabel 'speedup (x)'\nset format x '%%gx'\n"
	        "set xrange [%g:%g]\nset yrange [0.3:%g]\n"
	        "set lmargin %zu\nset grid noytics\nset key bottom right\n",
	        xlo, xhi,
	        n + 0.9, width > 70 ? (size_t)72 : width + 2);
	fputs("set ytics (", s);
	for (i = 0; i < n; i++) {
		gp_quote(s, name[i]);
		fprintf(s, " %d%s", n - i, i + 1 < n ? ", " : ")\n");
	}
	fprintf(s, "set arrow 1 from first %.9g, graph 0 to first %.9g, graph 1 "
	        "nohead lc rgb 'black' lw 2\n", base, base);
	fprintf(s, "set arrow 2 from first %.9g, graph 0 to first %.9g, graph 1 "
	        "nohead ls 99 lc rgb '%s'\n", target, target, PLOT_COLOR_B);
	fprintf(s, "set label 2 'claimed %sx' at first %.9g, graph 1 "
	        "right offset -0.5,-1 tc rgb '%s'\n", claim_target_text(target).s,
	        target, PLOT_COLOR_B);
	fprintf(s, "set style fill solid 0.75 border rgb '#333333'\n"
	        "plot $t using (%.9g):1:(%.9g < $2 ? %.9g : $2):(%.9g < $2 ? $2 "
	        ": %.9g):($1-0.38):($1) with boxxyerror lc rgb '%s' "
	        "title 'parameter at its low value', \\\n"
	        "  $t using (%.9g):1:(%.9g < $3 ? %.9g : $3):(%.9g < $3 ? $3 "
	        ": %.9g):($1):($1+0.38) with boxxyerror lc rgb '%s' "
	        "title 'parameter at its high value', \\\n"
	        "  NaN with lines lc rgb 'black' lw 2 title 'at the stated values %s'\n",
	        base, base, base, base, base, PLOT_COLOR_A,
	        base, base, base, base, base, "#ff7f0e", bx);
	return RL_OK;
}
