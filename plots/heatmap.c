/*
** heatmap.c: the heatmap: an output of a sweep (--z, default its speedup
** column) colored over two swept parameters (--x, --y; default the first two
** swept, in the parameter table's order, not the spec's), from the `results` view, with the target contour drawn (default
** 20x when z is a speedup, or --target).  When more parameters were swept,
** each cell shows the best z over the others: the least of an output
** better less (a time, a cost, power, a violation, a memory footprint:
** model/outputs.c says which), the most of the rest, an output better
** neither way said to be no best (--z-best least|most chooses).  Where
** the run stores silicon.violations (a default output since 2026-11-30),
** a design that breaks a physical constraint cannot be built and is no
** part of a cell's best (the title says how many were left out), a cell
** with no buildable design blank; unless --z is silicon.violations.
**
** One cell per pair of swept values, colored by its own value: a cell spans
** from the midpoint with the previous value to the midpoint with the next
** (geometric midpoints on a log axis), so N values give N cells and no cell
** is an average of its neighbours.  A sample (random or Sobol: nearly
** every point its own x and y) would give a cell per point, each a
** speck too thin to see, on a blank picture: an axis of more than
** BIN_OVER values whose pairs fill less than half the grid is binned into
** BINS cells of equal width (in logarithms on a log axis), each showing
** the best of the points in it, and the title says so.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../claim/numwords.h"
#include "../model/figtext.h"
#include "../model/numtext.h"
#include "kinds.h"

#define BIN_OVER 60 /* an axis of more values, sparsely filled, is binned */
#define BINS 40
/* a text heatmap's level in its key, whole: DBL_MAX's 309 digits, a sign, a
** point and 17 decimals */
#define LEVEL_TITLE_MAX 336

typedef struct {
	double *x, *y, *z;   /* the cells, sorted by x then y */
	long n;
	double *ux, *uy;     /* the distinct x and y values, sorted */
	long nx, ny;
} grid;

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

/* 1 where less of column z is better (the output table's direction,
** model/outputs.c: a time, a cost, power drawn, a violation, a memory
** footprint): a cell over other swept parameters shows their least, not
** their most.  A speedup is better more; an output better neither way
** (the batch, the traffic per second) shows the most, the title saying
** it is no best (neither_way), unless --z-best chooses. */
static int less_is_better(const char *z)
{
	const rl_output *o = plot_column_output(z);
	return o && o->better == RL_BETTER_LESS;
}

/* 1 where z is an output better neither way (RL_BETTER_NONE) */
static int neither_way(const char *z)
{
	const rl_output *o = plot_column_output(z);
	return o && o->better == RL_BETTER_NONE;
}

/* " (scenario.tp, scenario.batch)": the swept parameters other than the
** axes x and y (column names), dotted, over which a cell shows its best
** (plot_swept_params: those with more than one value in the run and the
** --at slice, read once by plot_build_heatmap, swept[0..ns)), where the
** title said "the other swept parameters" without
** naming one; "" where there are none or they cannot be read.  At most
** len bytes: the list cut at a whole name with ", ..." where it is
** longer. */
static const char *other_swept(char swept[][64], size_t ns, const char *x,
                               const char *y, char *buf, size_t len)
{
	size_t i, used = 0, n = 0;
	buf[0] = 0;
	if (len < 16)
		return buf;
	for (i = 0; i < ns; i++) {
		char dotted[64], *u;
		int w;
		if (!strcmp(swept[i], x) || !strcmp(swept[i], y))
			continue;
		memcpy(dotted, swept[i], sizeof dotted);
		dotted[sizeof dotted - 1] = 0;
		if ((u = strchr(dotted, '_')))
			*u = '.';
		w = snprintf(buf + used, len - used, "%s%s", n ? ", " : " (",
		             dotted);
		if (w < 0 || (size_t)w + 6 >= len - used) {
			snprintf(buf + used, len - used, "%s", n ? ", ..." : "");
			used += strlen(buf + used);
			break;
		}
		used += (size_t)w;
		n++;
	}
	if (n)
		snprintf(buf + used, len - used, ")");
	else
		buf[0] = 0;
	return buf;
}

/* Resolve x, y, z from the swept parameters all[0..nall) (their first 8
** taken); RL_OK or an error. */
static int columns(sqlite3 *db, const plot_opts *o, const pdb_sweep *sw,
                   char all[][64], size_t nall, char *x, char *y, char *z,
                   char *err, size_t errlen)
{
	/* the whole system's output tokens/s, else one chip's, else any
	** tokens/s kept, as pareto's --y (a spec that keeps the per-chip
	** figure alone read as having no throughput) */
	static const char *const tput[] = {
	    "throughput_output_tokens_per_s",
	    "throughput_output_tokens_per_s_per_chip", NULL};
	char swept[8][64], names[200];
	size_t ns, i, k, nnames;
	int rc, found;
	x[0] = y[0] = 0;
	ns = nall < 8 ? nall : 8;
	memcpy(swept, all, ns * sizeof swept[0]);
	/* a choice (design.hbm_gen) is no axis: its names are no numbers,
	** and the default axes pass it over */
	names[0] = 0;
	nnames = 0;
	for (i = k = 0; i < ns; i++) {
		const rl_param *p = plot_column_param(swept[i]);
		if (p && p->type == RL_PT_ENUM) {
			nnames++;
			snprintf(names + strlen(names), sizeof names - strlen(names),
			         "%s%s.%s", names[0] ? ", " : "", p->section, p->key);
			continue;
		}
		if (k != i)
			memcpy(swept[k], swept[i], sizeof swept[k]);
		k++;
	}
	ns = k;
	if (o->z) {
		if ((rc = plot_sweep_column(db, o->dbpath, "--z", o->z, z, 64,
		                            err, errlen)))
			return rc;
	} else {
		if ((rc = plot_sweep_guess(db, sw, NULL, "speedup", z, 64, &found,
		                           err, errlen)) ||
		    (!found && (rc = plot_sweep_guess(db, sw, tput, "tokens_per_s",
		                                      z, 64, &found, err,
		                                      errlen))))
			return rc;
		if (!found) {
			snprintf(err, errlen, "%s: the sweep has no speedup or "
			         "throughput column; name the output to color with "
			         "--z COLUMN", o->dbpath);
			return RL_EINPUT;
		}
	}
	if (o->y && (rc = plot_sweep_column(db, o->dbpath, "--y", o->y, y, 64,
	                                    err, errlen)))
		return rc;
	if (o->x && (rc = plot_sweep_column(db, o->dbpath, "--x", o->x, x, 64,
	                                    err, errlen)))
		return rc;
	if ((!x[0] && pick(swept, ns, y, x)) || (!y[0] && pick(swept, ns, x, y))) {
		snprintf(err, errlen, "%s: the sweep varies fewer than two "
		         "numeric parameters%s%s%s; name the axes with --x and --y",
		         o->dbpath, nnames ? " (" : "", names,
		         nnames == 0 ? "" : nnames == 1 ? " holds names, which no "
		         "axis draws)" : " hold names, which no axis draws)");
		return RL_EINPUT;
	}
	return plot_distinct_axes(x, y, err, errlen);
}

static void grid_free(grid *g)
{
	free(g->x);
	free(g->y);
	free(g->z);
	free(g->ux);
	free(g->uy);
}

static int cmp_double(const void *a, const void *b)
{
	double u = *(const double *)a, v = *(const double *)b;
	return (u > v) - (u < v);
}

/* The sorted distinct values of v[0..n) into a new array; their count. */
static long distinct(const double *v, long n, double **out)
{
	long i, k = 0;
	double *u = malloc((size_t)(n ? n : 1) * sizeof *u);
	*out = u;
	if (!u)
		return -1;
	if (n > 0) { /* v may be NULL for no rows */
		memcpy(u, v, (size_t)n * sizeof *u);
		qsort(u, (size_t)n, sizeof *u, cmp_double);
	}
	for (i = 0; i < n; i++)
		if (k == 0 || u[i] != u[k - 1])
			u[k++] = u[i];
	return k;
}

/* The cells c (rows of x, y, z) into g's arrays, and their distinct x
** and y values; RL_OK or RL_EINTERNAL. */
static int grid_take(grid *g, const plot_rows *c)
{
	long i, n = c->n;
	g->x = malloc((size_t)(n ? n : 1) * sizeof *g->x);
	g->y = malloc((size_t)(n ? n : 1) * sizeof *g->y);
	g->z = malloc((size_t)(n ? n : 1) * sizeof *g->z);
	if (!g->x || !g->y || !g->z)
		return RL_EINTERNAL;
	for (i = 0; i < n; i++) {
		g->x[i] = c->v[3 * i];
		g->y[i] = c->v[3 * i + 1];
		g->z[i] = c->v[3 * i + 2];
	}
	g->n = n;
	g->nx = distinct(g->x, g->n, &g->ux);
	g->ny = distinct(g->y, g->n, &g->uy);
	return g->nx < 0 || g->ny < 0 ? RL_EINTERNAL : RL_OK;
}

/* The rows of SQLite's GROUP BY (x, y, best z) into c; RL_OK or
** RL_EINTERNAL. */
static int grid_read(sqlite3_stmt *st, plot_rows *c)
{
	while (sqlite3_step(st) == SQLITE_ROW) {
		double *r = plot_rows_add(c);
		if (!r)
			return RL_EINTERNAL;
		r[0] = pdb_real(st, 0);
		r[1] = pdb_real(st, 1);
		r[2] = pdb_real(st, 2);
	}
	return RL_OK;
}

/* Each of v[0..n) moved to the centre of its bin: BINS of equal width
** (of equal ratio where lg) from lo to hi. */
static void bin_values(double *v, long n, double lo, double hi, int lg)
{
	double a = lg ? log(lo) : lo, w = ((lg ? log(hi) : hi) - a) / BINS;
	long i, k;
	for (i = 0; i < n; i++) {
		double t = w > 0 ? ((lg ? log(v[i]) : v[i]) - a) / w : 0;
		k = t >= BINS ? BINS - 1 : t > 0 ? (long)t : 0;
		v[i] = lg ? exp(a + ((double)k + 0.5) * w)
		          : a + ((double)k + 0.5) * w;
	}
}

static int cmp_cell(const void *a, const void *b)
{
	const double *u = a, *v = b;
	return u[0] != v[0] ? (u[0] > v[0]) - (u[0] < v[0])
	                    : (u[1] > v[1]) - (u[1] < v[1]);
}

/* Bin x (bx) and y (by) of the sparse grid g and merge the cells that
** fall together, each keeping the least (least) or the most of their
** finite z; the distinct values counted again.  RL_OK or RL_EINTERNAL. */
static int grid_bin(grid *g, int bx, int by, int lgx, int lgy, int least)
{
	double *c = malloc((size_t)(g->n ? g->n : 1) * 3 * sizeof *c);
	long i, k = 0;
	if (!c)
		return RL_EINTERNAL;
	if (bx)
		bin_values(g->x, g->n, g->ux[0], g->ux[g->nx - 1], lgx);
	if (by)
		bin_values(g->y, g->n, g->uy[0], g->uy[g->ny - 1], lgy);
	for (i = 0; i < g->n; i++) {
		c[3 * i] = g->x[i];
		c[3 * i + 1] = g->y[i];
		c[3 * i + 2] = g->z[i];
	}
	qsort(c, (size_t)g->n, 3 * sizeof *c, cmp_cell);
	for (i = 0; i < g->n; i++) {
		double z = c[3 * i + 2];
		if (k > 0 && g->x[k - 1] == c[3 * i] && g->y[k - 1] == c[3 * i + 1]) {
			double *m = &g->z[k - 1];
			if (isfinite(z) && (!isfinite(*m) || (least ? z < *m : z > *m)))
				*m = z;
			continue;
		}
		g->x[k] = c[3 * i];
		g->y[k] = c[3 * i + 1];
		g->z[k++] = z;
	}
	free(c);
	g->n = k;
	free(g->ux);
	free(g->uy);
	g->nx = distinct(g->x, g->n, &g->ux);
	g->ny = distinct(g->y, g->n, &g->uy);
	return g->nx < 0 || g->ny < 0 ? RL_EINTERNAL : RL_OK;
}

/* The midpoint of two axis values, geometric on a log axis (of the
** roots where the product leaves the doubles; halves first where the sum
** would, the same number where it does not). */
static double mid(double a, double b, int lg)
{
	if (lg)
		return isfinite(a * b) ? sqrt(a * b) : sqrt(a) * sqrt(b);
	return a / 2 + b / 2;
}

/* The edges of cell i of the sorted distinct values u[0..n): half-way to
** the neighbours, the outer cells as wide as their inner halves. */
static void edges(const double *u, long n, long i, int lg, double *lo,
                  double *hi)
{
	if (n < 2) {
		*lo = lg ? u[0] / 1.5 : u[0] - 0.5;
		*hi = lg ? u[0] * 1.5 : u[0] + 0.5;
		return;
	}
	*lo = i > 0 ? mid(u[i - 1], u[i], lg)
	      : (lg ? u[0] * sqrt(u[0] / u[1]) : u[0] - (u[1] - u[0]) / 2);
	*hi = i + 1 < n ? mid(u[i], u[i + 1], lg)
	      : (lg ? u[n - 1] * sqrt(u[n - 1] / u[n - 2])
	            : u[n - 1] + (u[n - 1] - u[n - 2]) / 2);
	/* an outer cell of values near the doubles' end (a database altered
	** by hand: 4e264 beside 0.5) would reach past it, and 'inf' in the
	** script is a name gnuplot does not know: the cell ends at its value */
	if (!isfinite(*lo))
		*lo = u[i];
	if (!isfinite(*hi))
		*hi = u[i];
}

/* gnuplot 5.4 draws nothing over a range whose ends lie more than the
** largest double apart (audit47: an x of -1e308 and 1e308 put every cell
** in one column, a z of -1.7e308 to 1.7e308 left the contours and the
** colour bar's scale blank, exit 0): refused, the column named with its
** range, where an empty picture was written.  A hair of margin for the
** 9 digits the script carries of each end. */
static int span_undrawable(double lo, double hi)
{
	return !isfinite((hi - lo) * (1 + 1e-8));
}

/* The axis's cells' edges, first to last, as the script gives them. */
static void axis_ends(const double *u, long n, int lg, double *lo,
                      double *hi)
{
	double a, b;
	edges(u, n, 0, lg, lo, &a);
	edges(u, n, n - 1, lg, &b, hi);
}

/* The message for a span refused (span_undrawable): which column, its
** least and most value (the cells' edges reach past them by half a
** cell's gap); RL_EINPUT. */
static int span_refused(const char *db, const char *what, const char *col,
                        double least, double most, char *err, size_t errlen)
{
	char l[160], a[32], b[32];
	int axis = strcmp(what, "the colour (z)") != 0;
	plot_column_label(col, l, sizeof l);
	snprintf(err, errlen, "%s: %s, %s, runs from %s to %s: %s more than "
	         "the largest double (1.8e308) apart, which gnuplot draws blank; "
	         "a heatmap takes values within about %s of it either side of 0",
	         db, what, l, rl_fig_text(a, sizeof a, least),
	         rl_fig_text(b, sizeof b, most),
	         axis ? "its cells' outer edges (half a gap past each end) lie"
	              : "its ends lie",
	         axis ? "a quarter" : "half");
	return RL_EINPUT;
}

static long index_of(const double *u, long n, double v)
{
	const double *p = bsearch(&v, u, (size_t)n, sizeof *u, cmp_double);
	return p ? (long)(p - u) : 0;
}

/* The cells (x y xlo xhi ylo yhi z) as $d, the grid for the contour (x y z,
** blank line between x values) as $g. */
static void write_cells(FILE *s, const grid *g, int lgx, int lgy)
{
	long i;
	double prev = NAN;
	fputs("$d << EOD\n", s);
	for (i = 0; i < g->n; i++) {
		double xl, xh, yl, yh;
		if (!isfinite(g->z[i]))
			continue;
		edges(g->ux, g->nx, index_of(g->ux, g->nx, g->x[i]), lgx, &xl,
		      &xh);
		edges(g->uy, g->ny, index_of(g->uy, g->ny, g->y[i]), lgy, &yl,
		      &yh);
		fprintf(s, "%.9g %.9g %.9g %.9g %.9g %.9g %.9g\n", g->x[i],
		        g->y[i], xl, xh, yl, yh, g->z[i]);
	}
	fputs("EOD\n$g << EOD\n", s);
	for (i = 0; i < g->n; i++) {
		if (i && !(g->x[i] == prev))
			fputc('\n', s);
		prev = g->x[i];
		fprintf(s, "%.9g %.9g %.9g\n", g->x[i], g->y[i], g->z[i]);
	}
	fputs("EOD\n", s);
}

/* The decimals the least level's size asks for: none at 100 and over,
** else as many as three significant digits take (at most 9) */
static int level_digits(const double *lv, int n)
{
	double least = INFINITY;
	int k, d;
	for (k = 0; k < n; k++)
		if (lv[k] != 0)
			least = fmin(least, fabs(lv[k]));
	if (!isfinite(least) || least >= 100)
		return 0;
	d = 2 - (int)floor(log10(least));
	return d < 0 ? 0 : d > 9 ? 9 : d;
}

/* The key's words for n levels (rising, n <= 4) into t: each with
** level_digits' decimals, or more where two levels print alike at them
** (levels 1000.1 to 1000.4 between z 1000 and 1000.5 all read "1000",
** 0.5001 to 0.5004 all "0.500": a key that cannot tell its lines apart),
** the fewest up to 9 that tell each from the next; else, or where a
** level reaches 1e15 (whole, its 16th digit and on no longer the value's:
** 1e300 printed 301 digits), the fewest significant digits that do, 3 to
** 17 (1.1e-20, 1.2e-20; 1.2e+300) */
static void level_titles(const double *lv, int n, char t[][LEVEL_TITLE_MAX])
{
	int k, d, same = 1;
	double most = 0;
	for (k = 0; k < n; k++)
		most = fmax(most, fabs(lv[k]));
	for (d = level_digits(lv, n); same && most < 1e15 && d <= 9; d++)
		for (same = 0, k = 0; k < n; k++) {
			snprintf(t[k], LEVEL_TITLE_MAX, "%.*f", d, lv[k]);
			if (k && !strcmp(t[k], t[k - 1]))
				same = 1;
		}
	for (d = 3; same && d <= 17; d++)
		for (same = 0, k = 0; k < n; k++) {
			snprintf(t[k], LEVEL_TITLE_MAX, "%.*g", d, lv[k]);
			if (k && !strcmp(t[k], t[k - 1]))
				same = 1;
		}
}

/* 1 where every cell of the nx x ny grid holds a finite z: gnuplot
** traces a contour on such a grid alone (a sample binned into cells, some
** of them empty, gave none), else 0 */
static int grid_full(const grid *g)
{
	long i;
	if (g->n != g->nx * g->ny)
		return 0;
	for (i = 0; i < g->n; i++)
		if (!isfinite(g->z[i]))
			return 0;
	return 1;
}

/* A text plot (--term dumb) fills a cell with one character whatever its
** colour, so the cells read as a block of '*' with no value to see: it
** draws instead the contours of four levels evenly between the least and
** the most z, each with its own character, which the key names, and the
** speedup target's where the cells cross it (target, NAN for none), on a
** full grid (grid_full; a sample with empty cells keeps its cells). */
static int text_levels(FILE *s, double zmin, double zmax, double target)
{
	double lv[5];
	char title[4][LEVEL_TITLE_MAX];
	int k, n = 0;
	for (k = 1; k <= 4; k++) {
		/* (z from -1.7e308 to 1.7e308: their difference is no double;
		** from 0 to 5e307, four times it none: the levels from each end's
		** share) */
		double at = zmin + (zmax - zmin) * k / 5.0;
		lv[n++] = isfinite(at) ? at
		                       : zmin * (1 - k / 5.0) + zmax * (k / 5.0);
	}
	if (isfinite(target))
		lv[n++] = target;
	fputs("set view map\nunset surface\nset contour base\n", s);
	/* each level in the digits that read back as it (numtext.h), so
	** that gnuplot draws the level the key names: in 9 digits, levels
	** 100000000.4 to 100000001.6 (z two units of the 9th digit apart)
	** were drawn at 100000000, 100000001 twice and 100000002 */
	for (k = 0; k < n; k++) {
		char lt[32];
		fprintf(s, "set cntrparam levels discrete %s\nset table $c%d\n"
		        "splot $g using 1:2:3 with lines\nunset table\n",
		        rl_number_write(lv[k], lt, sizeof lt), k);
	}
	fputs("unset contour\nset surface\nset key below horizontal\n"
	      "set bmargin 6\nplot ", s);
	level_titles(lv, 4, title);
	for (k = 0; k < 4; k++)
		fprintf(s, "%s$c%d using 1:2 with lines lt %d title ' %s '",
		        k ? ", \\\n  " : "", k, k + 1, title[k]);
	if (n > 4)
		fprintf(s, ", \\\n  $c4 using 1:2 with lines lt 5 title ' target "
		        "%sx '", claim_target_text(target).s);
	fputc('\n', s);
	return RL_OK;
}

/* The distinct finite values of column c in the run's rows into *n. */
static int axis_values(sqlite3 *db, const plot_opts *o, const pdb_sweep *sw,
                       const char *c, long *n, char *err, size_t errlen)
{
	char where[PDB_WHERE_LEN], sql[PDB_WHERE_LEN + 300];
	long long count;
	int rc;
	plot_sweep_where(sw, where, sizeof where);
	snprintf(sql, sizeof sql, "SELECT count(DISTINCT \"%s\") FROM "
	         "results%s%s \"%s\" " PLOT_FINITE, c, where,
	         where[0] ? " AND" : " WHERE", c);
	if ((rc = pdb_count(db, o->dbpath, sql, &count, err, errlen)))
		return rc;
	*n = (long)count;
	return RL_OK;
}

/* With --at on a run drawn as a sample (runs.sampling random or sobol):
** "; --at leaves 1 of the run's 64 points (run 1 is a sobol sample: a
** value drawn from an axis's range is about one point's)", where the
** refusal's "1 value" read as the run's own; "" otherwise, or where the
** runs table cannot be read (a file that lacks it). */
static const char *drawn_note(sqlite3 *db, const plot_opts *o,
                              const pdb_sweep *sw, char *buf, size_t len)
{
	sqlite3_stmt *st;
	char how[16] = "", where[PDB_WHERE_LEN], sql[PDB_WHERE_LEN + 64];
	long long in_slice = 0, all = 0;
	buf[0] = 0;
	if (!sw->at_words[0] || strcmp(sw->run_col, "run_id") ||
	    sqlite3_prepare_v2(db, "SELECT sampling FROM runs WHERE id = ?1", -1,
	                       &st, NULL) != SQLITE_OK)
		return buf;
	sqlite3_bind_int64(st, 1, sw->run);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, how, sizeof how);
	sqlite3_finalize(st);
	if (!how[0] || !strcmp(how, "grid"))
		return buf;
	plot_sweep_where(sw, where, sizeof where);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM results%s", where);
	if (pdb_count(db, o->dbpath, sql, &in_slice, NULL, 0))
		return buf;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM results WHERE "
	         "\"run_id\" = %ld", sw->run);
	if (pdb_count(db, o->dbpath, sql, &all, NULL, 0))
		return buf;
	snprintf(buf, len, "; --at leaves %lld of the run's %lld points (run %ld "
	         "is a %s sample: a value drawn from an axis's range is about "
	         "one point's)", in_slice, all, sw->run, how);
	return buf;
}

/* The heatmap refused: x or y with fewer than 2 values in the run (an
** axis another run of the file swept, NULL in this one's rows), or no z
** at any cell; each count said, and what the run sweeps, where "the
** sweep needs at least 2 values of X and of Y" read as if it had none.
** Counted on the --at slice, which the message names ("run 1 at
** scenario.osl=128 has 1 value of ..."), where it read as the run's. */
static int too_few(sqlite3 *db, const plot_opts *o, const pdb_sweep *sw,
                   char swept[][64], size_t nswept, const char *x,
                   const char *y, const char *z, int zset, char *err,
                   size_t errlen)
{
	char list[600], who[48], xl[160], yl[160], zl[160];
	char run[sizeof who + sizeof sw->at_words + 8], drawn[200];
	size_t ns, i, used = 0;
	long nx, ny;
	int rc;
	ns = nswept < 8 ? nswept : 8;
	/* each axis's finite values alone: the grid counted pairs of both */
	if ((rc = axis_values(db, o, sw, x, &nx, err, errlen)) ||
	    (rc = axis_values(db, o, sw, y, &ny, err, errlen)))
		return rc;
	list[0] = 0;
	for (i = 0; i < ns && used + 80 < sizeof list; i++) {
		const rl_param *p = plot_column_param(swept[i]);
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s%s%s",
		                         i ? ", " : "", p ? p->section : swept[i],
		                         p ? "." : "", p ? p->key : "");
	}
	if (sw->run_col[0])
		snprintf(who, sizeof who, "run %ld", sw->run);
	else
		snprintf(who, sizeof who, "the sweep");
	snprintf(run, sizeof run, "%s%s%s", who, sw->at_words[0] ? " at " : "",
	         sw->at_words);
	plot_column_label(x, xl, sizeof xl);
	plot_column_label(y, yl, sizeof yl);
	plot_column_label(z, zl, sizeof zl);
	if (zset && nx >= 2 && ny >= 2) /* apart, never in one point */
		snprintf(err, errlen, "%s: %s has values of %s and of %s, but "
		         "fewer than 2 of each in the points that have both",
		         o->dbpath, run, xl, yl);
	else if (!zset && nx >= 2 && ny >= 2)
		snprintf(err, errlen, "%s: %s has no value of %s at any point "
		         "(NULL where a point did not evaluate, or in a run that "
		         "does not keep it); name another with --z", o->dbpath, run,
		         zl);
	else
		snprintf(err, errlen, "%s: %s has %ld value%s of %s and %ld of "
		         "%s; a heatmap needs at least 2 of each (%s sweeps %s%s)%s",
		         o->dbpath, run, nx, nx == 1 ? "" : "s", xl, ny, yl, run,
		         ns ? "" : "no parameter", list,
		         drawn_note(db, o, sw, drawn, sizeof drawn));
	return RL_EINPUT;
}

/* The three counts of sql's one row (no parameters) into t: RL_OK, or
** pdb_unread's status and message when it cannot be read. */
static int counts3(sqlite3 *db, const char *path, const char *sql,
                   plot_cell_tally *t, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;
	t->rows = t->failed = t->bad = 0;
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		t->rows = sqlite3_column_int64(st, 0);
		t->failed = sqlite3_column_int64(st, 1);
		t->bad = sqlite3_column_int64(st, 2);
	}
	return pdb_finish(st, path, err, errlen);
}

/* The cells of the run's slice (where) into g, each pair (x, y) of finite
** numbers with its least (least) or most z, and into *t the run's points
** counted, those that did not evaluate (status != 0, where has_status)
** and those breaking a physical constraint (where hasv: their z no part
** of a cell's best).  One pass over the run: the rows read once, counted
** and their cells computed in C while reading (cellbest.c), where a
** count(*) pass came first and SQLite's GROUP BY sorted them through its
** sorter; SQLite's GROUP BY and count(*) where a value is one it
** compares otherwise.  Every query on one FROM and WHERE.  RL_OK, or the
** error (with err); the caller frees g. */
static int read_cells(sqlite3 *db, const char *path, const char *where,
                      const char *x, const char *y, const char *z,
                      int has_status, int hasv, int least, grid *g,
                      plot_cell_tally *t, char *err, size_t errlen)
{
	char from[PDB_WHERE_LEN + 32], sql[PDB_WHERE_LEN + 1024], zsel[200];
	const char *failed = has_status ? "status != 0" : "0",
	           *bad = hasv ? "NOT (" PLOT_BUILDABLE ")" : "0";
	sqlite3_stmt *st;
	plot_rows *c = plot_rows_alloc(3);
	int rc, ask_sql = 0;
	if (!c) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	snprintf(from, sizeof from, "FROM results%s", where);
	snprintf(sql, sizeof sql, "SELECT \"%s\", \"%s\", \"%s\", %s, %s %s", x,
	         y, z, failed, bad, from);
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen))) {
		plot_rows_free(c);
		return rc;
	}
	rc = plot_cell_best(st, least, c, t, &ask_sql);
	if (!rc && ask_sql) {
		/* (finite axes only: an infinity in a crafted database is no
		** cell; a constraint broken, no value) */
		sqlite3_finalize(st);
		snprintf(sql, sizeof sql, "SELECT count(*), count(CASE WHEN %s "
		         "THEN 1 END), count(CASE WHEN %s THEN 1 END) %s", failed,
		         bad, from);
		if ((rc = counts3(db, path, sql, t, err, errlen))) {
			plot_rows_free(c);
			return rc;
		}
		if (hasv)
			snprintf(zsel, sizeof zsel, "CASE WHEN " PLOT_BUILDABLE
			         " THEN \"%s\" END", z);
		else
			snprintf(zsel, sizeof zsel, "\"%s\"", z);
		snprintf(sql, sizeof sql, "SELECT \"%s\", \"%s\", %s(%s) %s%s "
		         "\"%s\" " PLOT_FINITE " AND \"%s\" " PLOT_FINITE " GROUP BY 1, "
		         "2 ORDER BY 1, 2", x, y, least ? "min" : "max", zsel, from,
		         where[0] ? " AND" : " WHERE", x, y);
		if ((rc = pdb_prepare(db, path, sql, &st, err, errlen))) {
			plot_rows_free(c);
			return rc;
		}
		rc = grid_read(st, c);
	}
	if (rc) {
		sqlite3_finalize(st);
		plot_rows_free(c);
		snprintf(err, errlen, "out of memory");
		return rc;
	}
	if ((rc = pdb_finish(st, path, err, errlen))) {
		plot_rows_free(c);
		return rc;
	}
	rc = grid_take(g, c);
	plot_rows_free(c);
	if (rc)
		snprintf(err, errlen, "out of memory");
	return rc;
}

int plot_build_heatmap(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                       size_t errlen)
{
	pdb_sweep sw;
	grid g;
	char x[64], y[64], z[64], where[PDB_WHERE_LEN];
	char xl[160], yl[160], zl[160], note[200], lack[320], zlo[32], zhi[32],
	     zf[64];
	char bnote[160], vnote[200], others[200];
	double zmin = INFINITY, zmax = -INFINITY, target, lo, hi, lo2, hi2;
	long long rows = 0, failed = 0, nbad = 0;
	plot_cell_tally tally;
	char nfail[96];
	/* the title sized from its parts at their longest, and 256 for its
	** own words and numbers (about 200 at most), where a fixed 1700
	** could cut one with eight --at values and every note */
	char t[256 + sizeof zl + sizeof xl + sizeof yl + sizeof sw.at_words +
	       sizeof nfail + sizeof vnote + sizeof bnote + sizeof note +
	       sizeof lack + sizeof others];
	long i;
	int rc, speedup, draw, flat, full, lgx, lgy, least, has_status = 0, tlines;
	int binx, biny, hasv = 0;
	char swept[16][64];
	size_t nswept;

	if ((rc = plot_sweep_open(db, o, &sw, err, errlen)))
		return rc;
	/* the swept parameters, one pass over the run read once for the
	** axes, the title's other swept and a refusal (it was three) */
	if ((rc = plot_swept_params(db, &sw, swept, 16, &nswept, err, errlen)))
		return rc;
	rc = columns(db, o, &sw, swept, nswept, x, y, z, err, errlen);
	if (rc)
		return rc;
	plot_sweep_where(&sw, where, sizeof where);
	/* the points that did not evaluate (a mapping that does not fit, a
	** design over its shares): no colour, said in the title, where their
	** cells were left blank without a word.  A design breaking a
	** physical constraint (silicon.violations > 0: a die past the
	** reticle, HBM stacks over the die's edge or PHY area, over its TDP
	** at every clock, denser than the node) cannot be built: no part of
	** a cell's best, where it took the cell from every buildable design;
	** a cell with none buildable is blank.  Unless z is the violations
	** themselves, which then are the picture */
	if ((rc = pdb_has_column(db, o->dbpath, "results", "status", &has_status,
	                         err, errlen)) ||
	    (rc = pdb_has_column(db, o->dbpath, "results", "silicon_violations",
	                         &hasv, err, errlen)))
		return rc;
	hasv = hasv && strcmp(z, "silicon_violations");
	least = o->zbest ? !strcmp(o->zbest, "least") : less_is_better(z);
	memset(&g, 0, sizeof g);
	if ((rc = read_cells(db, o->dbpath, where, x, y, z, has_status, hasv,
	                     least, &g, &tally, err, errlen))) {
		grid_free(&g);
		return rc;
	}
	rows = tally.rows;
	failed = tally.failed;
	nbad = tally.bad;
	if (failed > 0)
		snprintf(nfail, sizeof nfail, " (%lld did not evaluate: blank "
		         "where a cell has no other)", failed);
	else
		nfail[0] = 0;
	if (nbad > 0)
		snprintf(vnote, sizeof vnote, "; %lld breaking a physical "
		         "constraint (silicon.violations) left out of every cell: "
		         "blank where a cell has no other", nbad);
	else
		vnote[0] = 0;
	for (i = 0; i < g.n; i++)
		if (isfinite(g.z[i])) {
			zmin = fmin(zmin, g.z[i]);
			zmax = fmax(zmax, g.z[i]);
		}
	if (g.nx >= 2 && g.ny >= 2 && !isfinite(zmin) && nbad > 0) {
		grid_free(&g);
		plot_column_label(z, zl, sizeof zl);
		snprintf(err, errlen, "%s: no design point of the sweep that breaks "
		         "no physical constraint has a value of %s (%lld break one: "
		         "silicon.violations > 0, the reticle, HBM stacks over the "
		         "die's edge or PHY area, over the TDP at every clock, "
		         "density), so no cell has a best; --z silicon.violations "
		         "draws what they break", o->dbpath, zl, nbad);
		return RL_EINPUT;
	}
	if (g.nx < 2 || g.ny < 2 || !isfinite(zmin)) {
		grid_free(&g);
		return too_few(db, o, &sw, swept, nswept, x, y, z, isfinite(zmin),
		               err, errlen);
	}
	/* a log axis where the spec gave a log range or the values are
	** log-spaced (axislog.c), not wherever they span 20x; decided on the
	** values themselves, before any binning */
	lgx = plot_axis_log(db, &sw, x, g.ux, g.nx);
	lgy = plot_axis_log(db, &sw, y, g.uy, g.ny);
	/* a sample's axis: binned (BINS cells), where a cell a point drew
	** specks on a blank picture */
	binx = g.nx > BIN_OVER && (double)g.n < (double)g.nx * g.ny / 2;
	biny = g.ny > BIN_OVER && (double)g.n < (double)g.nx * g.ny / 2;
	bnote[0] = 0;
	if (binx || biny) {
		snprintf(bnote, sizeof bnote, "; %s%s%s binned into %d cells "
		         "each (%ld%s%.0ld distinct values: a sample), a cell the "
		         "%s of the points in it",
		         binx ? "x" : "", binx && biny ? " and " : "",
		         biny ? "y" : "", BINS, binx ? g.nx : g.ny,
		         binx && biny ? " and " : "", binx && biny ? g.ny : 0L,
		         least ? "least" : "most");
		if ((rc = grid_bin(&g, binx, biny, lgx, lgy, least))) {
			grid_free(&g);
			snprintf(err, errlen, "out of memory");
			return rc;
		}
		zmin = INFINITY; /* the cells' range now */
		zmax = -INFINITY;
		for (i = 0; i < g.n; i++)
			if (isfinite(g.z[i])) {
				zmin = fmin(zmin, g.z[i]);
				zmax = fmax(zmax, g.z[i]);
			}
	}
	axis_ends(g.ux, g.nx, lgx, &lo, &hi);
	axis_ends(g.uy, g.ny, lgy, &lo2, &hi2);
	rc = span_undrawable(lo, hi)
	     ? span_refused(o->dbpath, "the x axis", x, g.ux[0], g.ux[g.nx - 1],
	                    err, errlen)
	     : span_undrawable(lo2, hi2)
	     ? span_refused(o->dbpath, "the y axis", y, g.uy[0], g.uy[g.ny - 1],
	                    err, errlen)
	     : span_undrawable(zmin, zmax)
	     ? span_refused(o->dbpath, "the colour (z)", z, zmin, zmax, err,
	                    errlen)
	     : RL_OK;
	if (rc) {
		grid_free(&g);
		return rc;
	}
	speedup = !strncmp(z, "speedup", 7);
	target = o->target > 0 ? o->target : 20;
	draw = speedup && target > zmin && target < zmax; /* a speedup target */
	plot_column_label(x, xl, sizeof xl);
	plot_column_label(y, yl, sizeof yl);
	plot_column_label(z, zl, sizeof zl);
	note[0] = 0;
	/* a z the same at every cell, to the 9 digits the script carries
	** (an output the swept parameters do not move, or move in its last
	** bits): one colour over a range around it, said in the title, where
	** gnuplot refused the range it printed as [v:v] (exit 1) */
	snprintf(zlo, sizeof zlo, "%.9g", zmin);
	snprintf(zhi, sizeof zhi, "%.9g", zmax);
	flat = !strcmp(zlo, zhi);
	draw = draw && !flat; /* no contour on one colour */
	/* the target in all its digits (claim_target_text), the speedups
	** reached by eval's rule (rl_fig_text), where %g and %.3g wrote
	** 1.23457e+06 and 1.2e+04 */
	if (flat && !speedup)
		snprintf(note, sizeof note, "; %s at every cell",
		         rl_fig_text(zf, sizeof zf, zmin));
	else if (draw)
		snprintf(note, sizeof note, "; %sline: %sx",
		         o->mono ? "" : "white ", claim_target_text(target).s);
	else if (speedup && zmax < target)
		/* (the most with the digits that show it short of the
		** target, rl_fig_text_target, the targets table's rule: 19.97
		** short of 20 reads 19.97, where 20.0 read as reached and
		** rl_fig_text_side's 19.9 read as further short than it is) */
		snprintf(note, sizeof note, "; %s is reached nowhere (at most "
		         "%s)", claim_target_text(target).s,
		         rl_fig_text_target(zf, sizeof zf, zmax, target, 0));
	else if (speedup && zmin < target)
		/* (the most on the target and no line drawn there: z 10 to 20
		** under 20 read "exceeded everywhere (at least 10)") */
		snprintf(note, sizeof note, "; %s is reached only at the most "
		         "(%s)", claim_target_text(target).s,
		         rl_fig_text_side(zf, sizeof zf, zmax, target, 0));
	else if (speedup)
		/* (the target a floor, met at >= it: a least on it reaches it
		** everywhere, and exceeds it nowhere there; z 20 to 30 under
		** 20 read "exceeded everywhere (at least 20)"; a least just past
		** it reads past it, by the targets table's rule,
		** rl_fig_text_beside: 20.0004 "at least 20.0004", where three
		** digits read "exceeded everywhere (at least 20.0)") */
		snprintf(note, sizeof note, "; %s is %s everywhere (at least %s)",
		         claim_target_text(target).s,
		         zmin > target ? "exceeded" : "reached",
		         rl_fig_text_beside(zf, sizeof zf, zmin, target,
		                            !(zmin > target)));
	/* the parameters a cell takes its best over, named */
	if (!(binx || biny) && rows > g.n)
		other_swept(swept, nswept, x, y, others, sizeof others);
	else
		others[0] = 0;
	snprintf(t, sizeof t, "%s over %s and %s\nsweep%s%.0ld%s%s: %ld design "
	         "points%s%s%s%s%s%s%s%s", zl, xl, yl, sw.run_col[0] ? " run " : "",
	         sw.run_col[0] ? sw.run : 0L, sw.at_words[0] ? " at " : "",
	         sw.at_words, (long)rows, nfail,
	         binx || biny ? "" :
	         rows > g.n ? least ? ", the least over the other swept "
	         "parameters" : ", the most over the other swept parameters"
	         : "", others,
	         !(binx || biny) && rows > g.n && !least && !o->zbest &&
	                 neither_way(z) ? " (no best: better neither way)" : "",
	         vnote, bnote, note, pdb_missing_note(&sw, lack, sizeof lack));
	/* the axes titled in words with the unit, the column's name kept in
	** parentheses, where they read design.frac_mac and
	** speedup_total_tokens (x) alone; the title keeps the names */
	{
		char xt[320], yt[320], zt[320];
		plot_column_title(x, xt, sizeof xt);
		plot_column_title(y, yt, sizeof yt);
		plot_column_title(z, zt, sizeof zt);
		tlines = plot_labels(s, t, xt, yt);
		/* a text plot (--term dumb) writes the colour bar's label across
		** its rows: its title names the column already */
		if (!o->mono) {
			fputs("set cblabel ", s);
			gp_quote(s, zt);
		}
	}
	fputs("\nset format x '%g'\nset format y '%g'\n", s);
	edges(g.ux, g.nx, 0, lgx, &lo, &hi2);
	edges(g.ux, g.nx, g.nx - 1, lgx, &lo2, &hi);
	if (lgx)
		fputs("set logscale x\n", s);
	fprintf(s, "set xrange [%.9g:%.9g]\n", lo, hi);
	plot_axis_tics(s, 'x', g.ux, (size_t)g.nx, lgx);
	edges(g.uy, g.ny, 0, lgy, &lo, &hi2);
	edges(g.uy, g.ny, g.ny - 1, lgy, &lo2, &hi);
	if (lgy)
		fputs("set logscale y\n", s);
	fprintf(s, "set yrange [%.9g:%.9g]\n", lo, hi);
	plot_axis_tics(s, 'y', g.uy, (size_t)g.ny, lgy);
	if (flat) {
		/* 1% each side (1 about 0), in the 9 digits the cells have;
		** where that passes the largest double (z 1.79e308: gnuplot
		** read 'inf' as a variable, exit 1) from z halfway to 0, and
		** where it is lost under the least step (a subnormal z:
		** "empty cb range", exit 1) or reads as z, 1 each side */
		double h = zmin != 0 ? fabs(zmin) / 100 : 1;
		char a[32], b[32];
		lo = zmin - h;
		hi = zmin + h;
		if (!isfinite(lo) || !isfinite(hi)) {
			lo = zmin > 0 ? zmin / 2 : zmin;
			hi = zmin > 0 ? zmin : zmin / 2;
		}
		snprintf(a, sizeof a, "%.9g", lo);
		snprintf(b, sizeof b, "%.9g", hi);
		if (!strcmp(a, b)) {
			lo = zmin - 1;
			hi = zmin + 1;
		}
	} else {
		lo = zmin;
		hi = zmax;
	}
	/* a title of two lines in 5 lines of top margin, raised 1.5 lines:
	** one more line each where it wraps (plot_labels) */
	fprintf(s, "set cbrange [%.9g:%.9g]\nset palette rgbformulae 33,13,10\n"
	        "unset grid\nunset key\nset tmargin %d\nset title offset 0,1.5\n"
	        "set tics front\n", lo, hi, tlines + 3);
	full = grid_full(&g);
	write_cells(s, &g, lgx, lgy);
	grid_free(&g);
	if (o->mono && !flat && full)
		return text_levels(s, zmin, zmax, draw ? target : NAN);
	if (draw) {
		/* the contour of the values at the swept points, traced by
		** gnuplot on the grid $g and drawn over the cells */
		fprintf(s, "set contour base\nset cntrparam levels discrete %.9g\n"
		        "set view map\nunset surface\nset table $cont\n"
		        "splot $g using 1:2:3 with lines\nunset table\n"
		        "unset contour\nset surface\n", target);
	}
	fputs("plot $d using 1:2:3:4:5:6:7 with boxxyerror fs solid 1.0 "
	      "border lw 0.5 lc palette notitle", s);
	if (draw)
		fputs(", \\\n  $cont using 1:2 with lines lw 4 lc rgb 'white' "
		      "notitle", s);
	fputc('\n', s);
	return RL_OK;
}
