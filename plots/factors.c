/*
** factors.c: the factor waterfall: the Shapley factors of a claim run
** (claim_factors, in their multiplication order) as bars on a log axis
** that step from 1x to the total speedup, with the claimed target marked.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/numwords.h"
#include "../model/figtext.h"
#include "gp.h"
#include "kinds.h"

#define MAX_FACTORS 32

/* "#rrggbb" as the integer gnuplot's "lc rgb variable" reads. */
static long rgb(const char *hex)
{
	return strtol(hex + 1, NULL, 16);
}

int plot_build_factors(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                       size_t errlen)
{
	pdb_claim c;
	sqlite3_stmt *st;
	char names[MAX_FACTORS][96], t[700], a[32], b[32], lab[48];
	double f[MAX_FACTORS], cum = 1, lo = 1, hi = 1, target;
	int n = 0, i, rc;

	rc = plot_claim_rows(db, o, "claim_factors", "Shapley factors",
	                     "SELECT name, factor FROM claim_factors WHERE "
	                     "run_id = ?1 ORDER BY ord",
	                     &c, &st, err, errlen);
	if (rc)
		return rc;
	while (n < MAX_FACTORS && sqlite3_step(st) == SQLITE_ROW) {
		pdb_text(st, 0, names[n], sizeof names[n]);
		f[n] = pdb_real(st, 1);
		if (!(f[n] > 0) || !isfinite(f[n])) {
			sqlite3_finalize(st);
			snprintf(err, errlen, "%s: claim run %ld: factor '%s' is not "
			         "a positive number", o->dbpath, c.id, names[n]);
			return RL_EINPUT;
		}
		n++;
	}
	if ((rc = pdb_finish(st, o->dbpath, err, errlen)))
		return rc;
	target = plot_target(o, &c);
	/* the axis spans the running products and the target: factors of a
	** database altered by hand can multiply past the doubles (inf) or to
	** 0, which reached gnuplot as 'inf' or a log axis from 0 */
	for (i = 0; i < n; i++) {
		cum *= f[i];
		lo = fmin(lo, cum);
		hi = fmax(hi, cum);
	}
	lo = fmin(lo, target);
	hi = fmax(hi, target);
	if (!(lo / 1.6 > 0) || !isfinite(hi * 2.2)) {
		snprintf(err, errlen, "%s: claim run %ld: the running product of "
		         "its factors spans %s to %s, more than a plot's log axis "
		         "can hold", o->dbpath, c.id, rl_fig_text(a, sizeof a, lo),
		         rl_fig_text(b, sizeof b, hi));
		return RL_EINPUT;
	}
	cum = 1;

	/* each bar's label its last field, as the claim's text writes the
	** factor (claim_factor_text: x1.900) and the speedup
	** (claim_speedup_x: 21.39x), where gnuplot's %.3g wrote x1.9 and
	** 21.4x */
	fputs("$w << EOD\n", s);
	for (i = 0; i < n; i++) {
		double next = cum * f[i];
		fprintf(s, "%d %.9g %.9g %.9g %ld ", i + 1, fmin(cum, next),
		        fmax(cum, next), f[i],
		        rgb(f[i] >= 1 ? PLOT_COLOR_UP : PLOT_COLOR_DOWN));
		snprintf(lab, sizeof lab, "x%s", claim_factor_text(a, sizeof a, f[i]));
		gp_field(s, lab);
		fputc('\n', s);
		cum = next;
	}
	fprintf(s, "%d %.9g %.9g %.9g %ld ", n + 1, fmin(1, cum), fmax(1, cum),
	        cum, rgb(PLOT_COLOR_TOTAL));
	/* the total on the target's side it is on, as the claim's text says
	** the speedup (claim_speedup_side: 19.996 is 19.99x beside the 20x
	** line, where it read 20.00x) */
	snprintf(lab, sizeof lab, "total %s",
	         claim_speedup_side(a, sizeof a, cum, target));
	gp_field(s, lab);
	fputs("\nEOD\n", s);

	snprintf(t, sizeof t, "Where the speedup comes from: %s over %s = "
	         "%s\nas a product of Shapley factors; scenario %s (claim run "
	         "%ld)", c.b_label, c.a_label,
	         claim_speedup_side(a, sizeof a, cum, target),
	         c.scenario, c.id);
	fputs("set title ", s);
	gp_quote(s, t);
	fprintf(s, "\nset logscale y\nset format y '%%gx'\n"
	        "set ylabel 'cumulative speedup (x, log scale)'\n"
	        "set xlabel 'factor (multiplied left to right)'\n"
	        "set yrange [%g:%g]\nset xrange [0.3:%g]\n"
	        "set grid noxtics\nset key top left\n", lo / 1.6, hi * 2.2,
	        n + 1.7);
	fputs("set xtics rotate by -25 (", s);
	for (i = 0; i < n; i++) {
		gp_quote(s, names[i]);
		fprintf(s, " %d, ", i + 1);
	}
	fprintf(s, "'total' %d)\n", n + 1);
	fprintf(s, "set arrow 1 from graph 0, first %.9g to graph 1, first %.9g "
	        "nohead ls 99\n", target, target);
	fprintf(s, "set label 1 'claimed %sx' at graph 0.01, first %.9g "
	        "offset 0,0.7\n", claim_target_text(target).s, target);
	fputs("set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead "
	      "lc rgb '#888888'\n", s);
	fputs("set style fill solid 0.8 border rgb '#333333'\n"
	      "plot $w using 1:(sqrt($2*$3)):($1-0.38):($1+0.38):2:3:5 "
	      "with boxxyerror lc rgb variable notitle, \\\n"
	      "  $w using 1:3:6 with labels offset 0,0.8 notitle, \\\n", s);
	fprintf(s, "  NaN with boxes fs solid lc rgb '%s' title 'factor > 1 "
	        "(gain)', \\\n  NaN with boxes fs solid lc rgb '%s' title "
	        "'factor < 1 (loss)', \\\n  NaN with boxes fs solid lc rgb '%s' "
	        "title 'total speedup'\n", PLOT_COLOR_UP, PLOT_COLOR_DOWN,
	        PLOT_COLOR_TOTAL);
	return RL_OK;
}
