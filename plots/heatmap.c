/*
** heatmap.c: the heatmap: an output of a sweep (--z, default its speedup
** column) colored over two swept parameters (--x, --y; default the first two
** swept), from the `results` view, with the target contour drawn (default
** 20x when z is a speedup, or --target).  When more parameters were swept,
** each cell shows the best (largest) z over the others.
*/
#include <math.h>
#include <string.h>

#include "kinds.h"

/* The first swept parameter other than `not`; 0, or -1 if none. */
static int pick(char swept[][64], size_t ns, const char *not, char *out)
{
	size_t k;
	for (k = 0; k < ns; k++)
		if (strcmp(swept[k], not)) {
			snprintf(out, 64, "%s", swept[k]);
			return 0;
		}
	return -1;
}

/* Resolve x, y, z; PLOT_OK or an error. */
static int columns(sqlite3 *db, const plot_opts *o, const pdb_sweep *sw,
                   char *x, char *y, char *z, char *err, size_t errlen)
{
	static const char *const tput[] = {"throughput_output_tokens_per_s",
	                                   NULL};
	char swept[8][64];
	size_t ns = plot_swept_params(db, sw, swept, 8);
	x[0] = y[0] = 0;
	if (o->z) {
		if (plot_sweep_column(db, o->z, z, 64, err, errlen))
			return PLOT_EINPUT;
	} else if (!plot_sweep_guess(db, sw, NULL, "speedup", z, 64) &&
	           !plot_sweep_guess(db, sw, tput, NULL, z, 64)) {
		snprintf(err, errlen, "%s: the sweep has no speedup or throughput "
		         "column; name the output to color with --z COLUMN",
		         o->dbpath);
		return PLOT_EINPUT;
	}
	if (o->y && plot_sweep_column(db, o->y, y, 64, err, errlen))
		return PLOT_EINPUT;
	if (o->x && plot_sweep_column(db, o->x, x, 64, err, errlen))
		return PLOT_EINPUT;
	if ((!x[0] && pick(swept, ns, y, x)) || (!y[0] && pick(swept, ns, x, y))) {
		snprintf(err, errlen, "%s: the sweep varies fewer than two "
		         "parameters; name the axes with --x and --y", o->dbpath);
		return PLOT_EINPUT;
	}
	return plot_distinct_axes(x, y, err, errlen);
}

int plot_build_heatmap(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                       size_t errlen)
{
	pdb_sweep sw;
	sqlite3_stmt *st;
	char x[64], y[64], z[64], where[96], sql[512], t[800];
	char xl[160], yl[160], zl[160], note[120];
	double zmin = INFINITY, zmax = -INFINITY, xmin = INFINITY, xmax = 0;
	double ymin = INFINITY, ymax = 0, target, prev = NAN;
	long cells = 0, nx = 0, ny = 0, rows = 0;
	int rc, speedup, draw;

	rc = pdb_sweep_run(db, o->dbpath, o->run, &sw, err, errlen);
	if (rc)
		return rc;
	rc = columns(db, o, &sw, x, y, z, err, errlen);
	if (rc)
		return rc;
	plot_sweep_where(&sw, where, sizeof where);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM results%s", where);
	if (pdb_prepare(db, sql, &st, err, errlen))
		return PLOT_EINTERNAL;
	if (sqlite3_step(st) == SQLITE_ROW)
		rows = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(sql, sizeof sql, "SELECT \"%s\", \"%s\", max(\"%s\") FROM "
	         "results%s%s \"%s\" IS NOT NULL AND \"%s\" IS NOT NULL GROUP "
	         "BY 1, 2 ORDER BY 1, 2", x, y, z, where, where[0] ? " AND" :
	         " WHERE", x, y);
	if (pdb_prepare(db, sql, &st, err, errlen))
		return PLOT_EINTERNAL;
	fputs("$d << EOD\n", s);
	while (sqlite3_step(st) == SQLITE_ROW) {
		double a = pdb_real(st, 0), b = pdb_real(st, 1);
		double v = pdb_real(st, 2);
		if (!(a == prev)) {
			if (cells)
				fputc('\n', s);
			prev = a;
			nx++;
			ny = 0;
		}
		ny++;
		fprintf(s, "%.9g %.9g %.9g\n", a, b, v);
		if (isfinite(v)) {
			zmin = fmin(zmin, v);
			zmax = fmax(zmax, v);
		}
		xmin = fmin(xmin, a);
		xmax = fmax(xmax, a);
		ymin = fmin(ymin, b);
		ymax = fmax(ymax, b);
		cells++;
	}
	sqlite3_finalize(st);
	fputs("EOD\n", s);
	if (nx < 2 || ny < 2 || !isfinite(zmin)) {
		snprintf(err, errlen, "%s: the sweep needs at least 2 values of "
		         "%s and of %s with %s set to draw a heatmap", o->dbpath,
		         x, y, z);
		return PLOT_EINPUT;
	}
	speedup = !strncmp(z, "speedup", 7);
	target = o->target > 0 ? o->target : 20;
	draw = speedup && target > zmin && target < zmax; /* a speedup target */
	plot_column_label(x, xl, sizeof xl);
	plot_column_label(y, yl, sizeof yl);
	plot_column_label(z, zl, sizeof zl);
	note[0] = 0;
	if (draw)
		snprintf(note, sizeof note, "; white line: %gx", target);
	else if (speedup && zmax < target)
		snprintf(note, sizeof note, "; %g is reached nowhere (at most "
		         "%.3g)", target, zmax);
	else if (speedup)
		snprintf(note, sizeof note, "; %g is exceeded everywhere (at "
		         "least %.3g)", target, zmin);
	snprintf(t, sizeof t, "%s over %s and %s\nsweep%s%.0ld: %ld design "
	         "points%s%s", zl, xl, yl, sw.run_col[0] ? " run " : "",
	         sw.run_col[0] ? sw.run : 0L, rows,
	         rows > cells ? ", best over the other swept parameters" : "",
	         note);
	plot_labels(s, t, xl, yl);
	fputs("set cblabel ", s);
	gp_quote(s, zl);
	fputs("\nset format x '%g'\nset format y '%g'\n", s);
	/* on a log axis of under three decades, label every doubling (a log
	** axis' tic increment is a factor) rather than only the decades */
	if (xmin > 0 && xmax / xmin >= 20)
		fprintf(s, "set logscale x\n%s", xmax / xmin < 1000
		        ? "set xtics 2\n" : "");
	if (ymin > 0 && ymax / ymin >= 20)
		fprintf(s, "set logscale y\n%s", ymax / ymin < 1000
		        ? "set ytics 2\n" : "");
	fprintf(s, "set xrange [%.9g:%.9g]\nset yrange [%.9g:%.9g]\n"
	        "set palette rgbformulae 33,13,10\nset view map\nunset grid\n"
	        "unset key\nset tmargin 5\nset title offset 0,1.5\n", xmin, xmax, ymin, ymax);
	if (draw) {
		fprintf(s, "set contour base\nset cntrparam levels discrete %.9g\n"
		        "unset surface\nset table $cont\nsplot $d using 1:2:3 "
		        "with lines\nunset table\nunset contour\nset surface\n",
		        target);
	}
	fputs("splot $d using 1:2:3 with pm3d notitle", s);
	if (draw)
		fputs(", \\\n  $cont using 1:2:3 with lines lw 4 lc rgb 'white' "
		      "notitle", s);
	fputc('\n', s);
	return PLOT_OK;
}
