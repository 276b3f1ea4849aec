/*
** distribution.c: the Monte Carlo plot: a histogram of the thinned speedup
** samples of a claim run (claim_mc_samples), their CDF on the right axis,
** the target and the 5th percentile, median and 95th percentile
** (claim_mc, else computed from the samples), named as the claim's text
** and the report name them (claim_mc_quantile_name).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/mcwords.h"
#include "../claim/numwords.h"
#include "../model/numtext.h"
#include "kinds.h"

#define NBINS 40
#define CDF_POINTS 400

static double quantile(const double *v, long n, double q)
{
	double pos = q * (double)(n - 1);
	long i = (long)floor(pos);
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (pos - (double)i) * (v[i + 1] - v[i]);
}

/* Column col of claim_mc (run's row), read by pdb_number already (a
** number or NULL): within what claim writes there, a whole number (whole:
** the samples, never NULL) or a share or NULL, within [lo, hi]; else
** RL_EINPUT | PDB_UNREAD naming the cell, its value and the range, as the
** report refuses it (reports/verdict.c), where samples = -1 titled the plot
** "-1 samples" and a prob_ge_target of 7 "P(>= 20x) = 700%". */
static int mc_range(sqlite3_stmt *st, int col, const char *path, long run,
                    int whole, double lo, double hi, char *err,
                    size_t errlen)
{
	int type = sqlite3_column_type(st, col);
	double v = sqlite3_column_double(st, col);
	char vt[40], lt[40], ht[40];
	if (type == SQLITE_NULL && !whole)
		return RL_OK;
	if (type != SQLITE_NULL && (!whole || type == SQLITE_INTEGER) &&
	    v >= lo && v <= hi)
		return RL_OK;
	if (type == SQLITE_NULL)
		snprintf(vt, sizeof vt, "NULL");
	else
		rl_number_write(v, vt, sizeof vt);
	rl_number_write(lo, lt, sizeof lt);
	if (isinf(hi))
		snprintf(ht, sizeof ht, "on");
	else
		rl_number_write(hi, ht, sizeof ht);
	snprintf(err, errlen, "%s: cannot read: claim_mc.%s of claim run %ld "
	         "holds %s, where rooflab claim writes %s from %s %s%s (a "
	         "database changed by hand?)", path,
	         sqlite3_column_name(st, col), run, vt,
	         whole ? "a whole number" : "a share, or NULL,", lt,
	         isinf(hi) ? "" : "to ", ht);
	return RL_EINPUT | PDB_UNREAD;
}

/* claim_mc's summary of the database at path: RL_OK with *have 1 when
** the run has one with finite quantiles (0: none, the table absent), or
** the failure to read it (with err). */
static int mc_summary(sqlite3 *db, const char *path, long run, double q[3],
                      double *prob, double *viol, long *samples, int *have,
                      char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc, has;
	*have = 0;
	if ((rc = pdb_has(db, path, "claim_mc", &has, err, errlen)) || !has)
		return rc;
	if ((rc = pdb_prepare(db, path, "SELECT p05, p50, p95, prob_ge_target, "
	                      "violation_rate, samples FROM claim_mc WHERE "
	                      "run_id = ?1", &st, err, errlen)))
		return rc;
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) == SQLITE_ROW) {
		double x[6];
		int k;
		for (k = 0; k < 6; k++)
			if ((rc = pdb_number(st, k, path, "claim_mc", &x[k], err,
			                     errlen))) {
				sqlite3_finalize(st);
				return rc;
			}
		if ((rc = mc_range(st, 3, path, run, 0, 0, 1, err, errlen)) ||
		    (rc = mc_range(st, 4, path, run, 0, 0, 1, err, errlen)) ||
		    (rc = mc_range(st, 5, path, run, 1, 0, INFINITY, err, errlen))) {
			sqlite3_finalize(st);
			return rc;
		}
		q[0] = x[0];
		q[1] = x[1];
		q[2] = x[2];
		*prob = x[3];
		*viol = x[4];
		*samples = (long)sqlite3_column_int64(st, 5);
		*have = isfinite(q[0]) && isfinite(q[1]) && isfinite(q[2]);
	}
	return pdb_finish(st, path, err, errlen);
}

static void write_script(FILE *s, const pdb_claim *c, const double *v,
                         const int *bad, long n, const double q[3],
                         double prob, double viol, long samples,
                         double target, int mono)
{
	/* the 90% interval widened by its width each way, and the target;
	** the tails fall into the edge bins */
	double lo = fmax(v[0], q[0] - (q[2] - q[0]));
	double hi = fmin(v[n - 1], q[2] + (q[2] - q[0])), w;
	long hist[NBINS], hbad[NBINS], i, k, nbad = 0, hmax = 1;
	int clipped = v[0] < lo || v[n - 1] > hi;
	char t[1024], pt[40], x[3][32];
	memset(hist, 0, sizeof hist);
	memset(hbad, 0, sizeof hbad);
	lo = fmin(lo, fmin(target, q[0]));
	hi = fmax(hi, fmax(target, q[2]));
	if (hi <= lo)
		hi = lo + 1;
	w = (hi - lo) / NBINS;
	for (i = 0; i < n; i++) {
		/* the bin as a double first: a sample far out (-1e300 written
		** by hand) has a bin no long holds, so it is put in its edge
		** bin before the cast, which would be undefined */
		double x = (v[i] - lo) / w;
		k = !(x >= 0) ? 0 : (x >= NBINS ? NBINS - 1 : (long)x);
		hist[k]++;
		if (bad[i]) {
			hbad[k]++;
			nbad++;
		}
	}
	for (k = 0; k < NBINS; k++)
		if (hist[k] > hmax)
			hmax = hist[k];
	fputs("$h << EOD\n", s);
	for (k = 0; k < NBINS; k++)
		fprintf(s, "%.9g %.9g %.9g\n", lo + (k + 0.5) * w,
		        (double)hist[k] / n, (double)hbad[k] / n);
	fputs("EOD\n$c << EOD\n", s);
	for (k = 0; k < CDF_POINTS && k < n; k++) {
		long j = n <= CDF_POINTS ? k : k * (n - 1) / (CDF_POINTS - 1);
		if (v[j] >= lo - w && v[j] <= hi + w)
			fprintf(s, "%.9g %.9g\n", v[j], (double)(j + 1) / n);
	}
	fputs("EOD\n", s);
	/* the probability and the quantiles as the claim's text and the
	** report print them ("0.061%", "12.45x"), where the title's "0.1%"
	** and "12.4x" disagreed with the verdict beside it; the interval on
	** the second line, which the first in its two decimals overran; on
	** the target's side each is on (claim_speedup_side: a median of
	** 19.996 is 19.99x beside P(>= 20x), as the text says it) */
	claim_prob_text(prob, pt, sizeof pt);
	for (k = 0; k < 3; k++)
		claim_speedup_side(x[k], sizeof x[k], q[k], target);
	/* a text plot (--term dumb, mono) draws no colour, its key names the
	** violating samples, and it drops a title line wider than its 120
	** columns whole: the scenario on a line of its own there, where the
	** line with "grey: ..." (177 columns) took the interval with it */
	/* the target in all its digits, as the claim's text and the report
	** write it (claim_target_text: 1234567.5x, where %g wrote
	** 1.23457e+06x) */
	snprintf(t, sizeof t, "Monte Carlo speedup of %s over %s: P(>= %sx) = "
	         "%s\n90%% interval %s .. %s, median %s%sscenario "
	         "%s (claim run %ld; %ld samples%s%s)", c->b_label, c->a_label,
	         claim_target_text(target).s, pt, x[0], x[2], x[1], mono ? "\n" : "; ", c->scenario,
	         c->id, samples, isfinite(viol) && viol > 0 && !mono ?
	         "; grey: samples that violate physical limits" : "",
	         clipped ? "; tails in the edge bins" : "");
	fputs("set title ", s);
	gp_quote(s, t);
	fprintf(s, "\nset xlabel 'speedup (x)'\nset format x '%%gx'\n"
	        "set ylabel 'share of samples per bin'\n"
	        "set y2label 'cumulative probability'\nset y2range [0:1]\n"
	        "set y2tics 0.1\nset ytics nomirror\nset yrange [0:%.9g]\n"
	        "set xrange [%g:%g]\nset key below\nset bmargin 8\n"
	        "set style fill solid 0.6 border rgb '#333333'\nset boxwidth %g\n",
	        (double)hmax / n / 0.75, lo - w, hi + w, w * 0.95);
	fprintf(s, "set arrow 1 from first %.9g, graph 0 to first %.9g, graph 1 "
	        "nohead lw 3 lc rgb 'black'\n", target, target);
	/* the target's label left of its line when it sits in the right
	** half (clear of the right axis' tics), else right of it */
	fprintf(s, "set label 1 'claimed %sx' at first %.9g, graph 0.6 %s\n",
	        claim_target_text(target).s, target, target > (lo + hi) / 2 ? "right offset -0.5,0"
	                                               : "left offset 0.5,0");
	/* the bars stay under 75% of the height; the percentiles' lines end
	** at 80%: the 5th percentile labelled left of its line, the 95th
	** right of its, the median centred above them all, so no two labels
	** share a place */
	for (k = 0; k < 3; k++) {
		static const char *const where[] = {"right offset -0.3,0",
		                              "center offset 0,0.8",
		                              "left offset 0.3,0"};
		fprintf(s, "set arrow %ld from first %.9g, graph 0 to first %.9g, "
		        "graph 0.8 nohead dt 2 lw 2 lc rgb '%s'\n", k + 2, q[k],
		        q[k], PLOT_COLOR_B);
		/* the name over the number: "95th percentile 16.9x" on one
		** line reached the target's line at 20x */
		snprintf(t, sizeof t, "%s\n%s", claim_mc_quantile_name((int)k),
		         x[k]);
		fprintf(s, "set label %ld ", k + 2);
		gp_quote(s, t);
		fprintf(s, " at first %.9g, graph %g %s front tc rgb '%s'\n", q[k],
		        k == 1 ? 0.83 : 0.76, where[k], PLOT_COLOR_B);
	}
	fprintf(s, "plot $h using 1:2 with boxes lc rgb '%s' title "
	        "'speedup samples (share per bin)'", PLOT_COLOR_A);
	if (nbad > 0)
		fputs(", \\\n  $h using 1:3 with boxes lc rgb '#999999' title "
		      "'samples that violate limits (power, reticle, stacks)'", s);
	fprintf(s, ", \\\n  $c using 1:2 axes x1y2 with lines lw 3 lc rgb '%s' "
	        "title 'cumulative probability (right axis)', \\\n"
	        "  NaN with lines dt 2 lw 2 lc rgb '%s' title '%s, %s and "
	        "%s'\n", "#2ca02c", PLOT_COLOR_B, claim_mc_quantile_name(0),
	        claim_mc_quantile_name(1), claim_mc_quantile_name(2));
}

int plot_build_distribution(sqlite3 *db, const plot_opts *o, FILE *s,
                            char *err, size_t errlen)
{
	pdb_claim c;
	sqlite3_stmt *st;
	double *v = NULL, q[3], prob = NAN, viol = NAN;
	int *bad = NULL;
	long n, i = 0, samples = 0;
	int rc, have;

	rc = pdb_claim_run(db, o->dbpath, o->run, &c, err, errlen);
	if (rc)
		return rc;
	if ((rc = pdb_rows(db, o->dbpath, "claim_mc_samples", c.id, &n, err,
	                   errlen)))
		return rc;
	if (n < 2)
		return plot_no_rows(o, c.id, "claim_mc_samples",
		                    "Monte Carlo samples", err, errlen);
	/* sorted, so violations travel with their speedups */
	if ((rc = pdb_prepare(db, o->dbpath, "SELECT speedup, violates FROM "
	                      "claim_mc_samples WHERE run_id = ?1 ORDER BY "
	                      "speedup", &st, err, errlen)))
		return rc;
	v = malloc((size_t)n * sizeof *v);
	bad = malloc((size_t)n * sizeof *bad);
	if (!v || !bad) {
		sqlite3_finalize(st);
		free(v);
		free(bad);
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	sqlite3_bind_int64(st, 1, c.id);
	while (i < n && sqlite3_step(st) == SQLITE_ROW) {
		double x;
		if ((rc = pdb_number(st, 0, o->dbpath, "claim_mc_samples", &v[i],
		                     err, errlen)) ||
		    (rc = pdb_number(st, 1, o->dbpath, "claim_mc_samples", &x, err,
		                     errlen))) {
			sqlite3_finalize(st);
			free(v);
			free(bad);
			return rc;
		}
		bad[i] = sqlite3_column_int(st, 1) != 0;
		if (isfinite(v[i]))
			i++;
	}
	if ((rc = pdb_finish(st, o->dbpath, err, errlen))) {
		free(v);
		free(bad);
		return rc;
	}
	n = i;
	if (n < 2) {
		free(v);
		free(bad);
		return plot_no_rows(o, c.id, "claim_mc_samples",
		                    "finite Monte Carlo samples", err, errlen);
	}
	if ((rc = mc_summary(db, o->dbpath, c.id, q, &prob, &viol, &samples,
	                     &have, err, errlen))) {
		free(v);
		free(bad);
		return rc;
	}
	if (!have) {
		long ge = 0;
		/* v is sorted by the query */
		q[0] = quantile(v, n, 0.05);
		q[1] = quantile(v, n, 0.50);
		q[2] = quantile(v, n, 0.95);
		for (i = 0; i < n; i++)
			ge += v[i] >= plot_target(o, &c);
		prob = (double)ge / n;
		samples = n;
	}
	if (!isfinite(prob) || o->target > 0) {
		long ge = 0;
		for (i = 0; i < n; i++)
			ge += v[i] >= plot_target(o, &c);
		prob = (double)ge / n;
	}
	write_script(s, &c, v, bad, n, q, prob, viol, samples,
	             plot_target(o, &c), o->mono);
	free(v);
	free(bad);
	return RL_OK;
}
