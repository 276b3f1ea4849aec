/*
** roofline.c: the roofline plot: for each side of a claim run, attainable
** FLOP/s = min(peak, bandwidth x intensity) on log-log axes, with the
** prefill and decode iterations placed at their intensity and achieved
** FLOP/s (table claim_roofline).
*/
#include <math.h>
#include <string.h>

#include "kinds.h"

#define MAX_SIDES 8

typedef struct {
	char side[32], label[128];
	double peak, bw, pi, pf, di, df;
} side_row;

static void fit(double v, double *lo, double *hi)
{
	if (!(v > 0) || !isfinite(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

int plot_build_roofline(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                        size_t errlen)
{
	pdb_claim c;
	sqlite3_stmt *st;
	side_row r[MAX_SIDES];
	int n = 0, i, rc;
	double xlo = 1e300, xhi = 0, ylo = 1e300, yhi = 0;

	rc = plot_claim_rows(db, o, "claim_roofline", "roofline rows",
	                     "SELECT side, label, peak_flops, hbm_Bps, "
	                     "prefill_intensity, prefill_flops, "
	                     "decode_intensity, decode_flops FROM "
	                     "claim_roofline WHERE run_id = ?1 ORDER BY side",
	                     &c, &st, err, errlen);
	if (rc)
		return rc;
	while (n < MAX_SIDES && sqlite3_step(st) == SQLITE_ROW) {
		side_row *x = &r[n];
		pdb_text(st, 0, x->side, sizeof x->side);
		pdb_text(st, 1, x->label, sizeof x->label);
		if (!x->label[0])
			plot_side_label(NULL, &c, x->side, x->label,
			                sizeof x->label);
		x->peak = pdb_real(st, 2);
		x->bw = pdb_real(st, 3);
		x->pi = pdb_real(st, 4);
		x->pf = pdb_real(st, 5);
		x->di = pdb_real(st, 6);
		x->df = pdb_real(st, 7);
		if (!(x->peak > 0) || !(x->bw > 0))
			continue;
		fit(x->peak / x->bw, &xlo, &xhi);
		fit(x->pi, &xlo, &xhi);
		fit(x->di, &xlo, &xhi);
		fit(x->peak, &ylo, &yhi);
		fit(x->pf, &ylo, &yhi);
		fit(x->df, &ylo, &yhi);
		n++;
	}
	sqlite3_finalize(st);
	if (n == 0) {
		snprintf(err, errlen, "%s: claim run %ld has no usable roofline "
		         "(peak FLOP/s and bandwidth must be positive)", o->dbpath,
		         c.id);
		return PLOT_EINPUT;
	}
	xlo = pow(10, floor(log10(xlo)) - 1);
	xhi = pow(10, ceil(log10(xhi)) + 1);
	for (i = 0; i < n; i++)
		fit(r[i].bw * xlo, &ylo, &yhi);
	ylo = pow(10, floor(log10(ylo / 1e12)));
	yhi = pow(10, ceil(log10(yhi / 1e12) + 0.3) + 1); /* room for the key */

	fputs("set title ", s);
	{
		char t[700];
		snprintf(t, sizeof t, "Roofline: attainable throughput against "
		         "arithmetic intensity, %s vs %s\nscenario %s "
		         "(claim run %ld)", c.a_label, c.b_label, c.scenario, c.id);
		gp_quote(s, t);
	}
	fprintf(s, "\nset logscale xy\nset format x '%%g'\nset format y '%%g'\n"
	        "set xlabel 'arithmetic intensity (FLOP/byte of HBM traffic)'\n"
	        "set ylabel 'attainable throughput per chip (TFLOP/s)'\n"
	        "set xrange [%g:%g]\nset yrange [%g:%g]\n"
	        "set key top left\nset samples 800\n", xlo, xhi, ylo, yhi);
	for (i = 0; i < n; i++) {
		fprintf(s, "roof%d(x) = (x * %.9g < %.9g ? x * %.9g : %.9g) / 1e12\n",
		        i, r[i].bw, r[i].peak, r[i].bw, r[i].peak);
		fprintf(s, "$p%d << EOD\n", i);
		if (r[i].pi > 0 && r[i].pf > 0)
			fprintf(s, "%.9g %.9g \"prefill\"\n", r[i].pi, r[i].pf / 1e12);
		if (r[i].di > 0 && r[i].df > 0)
			fprintf(s, "%.9g %.9g \"decode\"\n", r[i].di, r[i].df / 1e12);
		fputs("EOD\n", s);
	}
	fputs("plot ", s);
	for (i = 0; i < n; i++) {
		char t[300];
		const char *col = plot_color(i);
		snprintf(t, sizeof t, "%s roof (%.4g TFLOP/s, %.3g TB/s)",
		         r[i].label, r[i].peak / 1e12, r[i].bw / 1e12);
		fprintf(s, "%sroof%d(x) with lines lw 3 lc rgb '%s' title ",
		        i ? ", \\\n  " : "", i, col);
		gp_quote(s, t);
		snprintf(t, sizeof t, "%s prefill", r[i].label);
		fprintf(s, ", \\\n  $p%d using 1:(strcol(3) eq 'prefill' ? $2 : "
		        "NaN) with points pt 7 ps 2.5 lc rgb '%s' title ", i, col);
		gp_quote(s, t);
		snprintf(t, sizeof t, "%s decode", r[i].label);
		fprintf(s, ", \\\n  $p%d using 1:(strcol(3) eq 'decode' ? $2 : "
		        "NaN) with points pt 5 ps 2.5 lc rgb '%s' title ", i, col);
		gp_quote(s, t);
		fprintf(s, ", \\\n  $p%d using 1:2:(", i);
		gp_quote(s, r[i].label);
		fprintf(s, ".' '.strcol(3).sprintf(': %%.3g TFLOP/s', $2)) with "
		        "labels left offset 1.5,%s tc rgb '%s' notitle",
		        i % 2 ? "-1" : "1", col);
	}
	fputc('\n', s);
	return PLOT_OK;
}
