/*
** pareto.c: the Pareto plot: every design point of a sweep on two outputs
** (--x, a cost to minimize such as watts or dollars; --y, a benefit to
** maximize such as tokens/s) and the frontier of points no other point
** beats on both.  An output given whose table says the other way is better
** (model/outputs.c: --y latency.tpot_s, less; --x a throughput, more) is
** taken that way; one better neither way, a parameter or a speedup keeps
** its axis's role.  Clouds of more than MAX_CLOUD points are thinned for
** drawing; the frontier is always exact.  A frontier compares designs
** under one workload: a sweep that varies the workload (input or output
** length, the model) is refused with a message saying so.  Where the run
** stores silicon.violations (a default output since 2026-11-30), a design
** that breaks a physical constraint (past the reticle, HBM stacks over the
** die's edge or PHY area, over its TDP at every clock, denser than the
** node) cannot be built: it is drawn apart and never on the frontier,
** where a die past the reticle, say, took the frontier from every
** buildable design; unless --x or --y is silicon.violations.  A cost
** axis over swept chip.* parameters says that a spec-sheet chip's price
** does not follow them (fixed_price_note; not of a chip by design).
*/
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kinds.h"
#include "../sweeps/spec.h"

#define MAX_CLOUD 20000

int plot_pareto_cost(sqlite3 *db, const pdb_sweep *sw, char *x, size_t len,
                     int *found, char *err, size_t errlen)
{
	static const char *const xs[] = {"power_watts", "power_w", NULL};
	/* USD per token at the price a buyer pays, else at the manufacturing
	** cost; the axis label names which (plot_column_label) */
	static const char *const cs[] = {
	    "cost_usd_per_million_tokens_at_price",
	    "cost_usd_per_million_tokens_at_cost", NULL};
	int rc = plot_sweep_guess(db, sw, xs, "watts", x, len, found, err,
	                          errlen);
	if (rc || *found)
		return rc;
	return plot_sweep_guess(db, sw, cs, "usd", x, len, found, err, errlen);
}

static int axes(sqlite3 *db, const plot_opts *o, const pdb_sweep *sw,
                char *x, char *y, char *err, size_t errlen)
{
	static const char *const ys[] = {"throughput_output_tokens_per_s",
	                                 NULL};
	int rc, found;
	if (o->x) {
		if ((rc = plot_sweep_column(db, o->dbpath, "--x", o->x, x, 64,
		                            err, errlen)))
			return rc;
	} else {
		if ((rc = plot_pareto_cost(db, sw, x, 64, &found, err, errlen)))
			return rc;
		if (!found) {
			snprintf(err, errlen, "%s: the sweep has no power or cost "
			         "column; name the cost axis with --x COLUMN",
			         o->dbpath);
			return RL_EINPUT;
		}
	}
	if (o->y) {
		if ((rc = plot_sweep_column(db, o->dbpath, "--y", o->y, y, 64,
		                            err, errlen)))
			return rc;
	} else {
		if ((rc = plot_sweep_guess(db, sw, ys, "tokens_per_s", y, 64,
		                           &found, err, errlen)))
			return rc;
		if (!found) {
			snprintf(err, errlen, "%s: the sweep has no throughput "
			         "column; name the benefit axis with --y COLUMN",
			         o->dbpath);
			return RL_EINPUT;
		}
	}
	return plot_distinct_axes(x, y, err, errlen);
}

/* Ascending doubles, for qsort. */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Whether axis column col is drawn on a log scale, into *lg: for a swept
** parameter (a parameter's column, plot --x design.frac_mac) the
** heatmap's rule, plot_axis_log over its distinct values (the spec's log
** range, else log-spaced values), so a linear 0.02:0.58:0.04 is not drawn
** on log axes; for an output (power, cost, tokens/s, the defaults) the
** span lo..hi of 20x or more.  An output is not swept: its values are
** wherever the designs put them, so their spacing says nothing of a
** range anyone chose, and a cloud spread over decades crowds into the
** low corner of a linear axis.  Never below DBL_MIN, whose decade a
** double holds.  The values are those of the points drawn (k: 0 their x,
** 1 their y, of p and v, rows x then y), sorted and made distinct here,
** where a SELECT DISTINCT ... ORDER BY 1 read the run a second time. */
static int axis_log(sqlite3 *db, const pdb_sweep *sw, const char *col,
                    const plot_rows *p, const plot_rows *v, int k,
                    double lo, double hi, int *lg, char *err, size_t errlen)
{
	double *u;
	long i, n = 0, nu = 0;
	/* a value under DBL_MIN (a subnormal, 1e-323, of a crafted or
	** edited database) on a linear axis: its log axis began at the
	** decade below it, pow(10, -324), which is 0, and gnuplot refused
	** the range, exit 1 */
	if (!(lo >= DBL_MIN)) {
		*lg = 0;
		return RL_OK;
	}
	if (!plot_column_param(col)) {
		*lg = hi / lo >= 20;
		return RL_OK;
	}
	if (!(u = malloc(((size_t)p->n + (size_t)v->n + 1) * sizeof *u))) {
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	for (i = 0; i < p->n; i++)
		u[n++] = p->v[2 * i + k];
	for (i = 0; i < v->n; i++)
		u[n++] = v->v[2 * i + k];
	qsort(u, (size_t)n, sizeof *u, cmp_double);
	for (i = 0; i < n; i++)
		if (!nu || u[i] != u[nu - 1])
			u[nu++] = u[i];
	*lg = plot_axis_log(db, sw, col, u, nu);
	free(u);
	return RL_OK;
}

/* 1 where less of column col is better: an output whose table says so
** (model/outputs.c), else the axis's role (`role_less`: x a cost, y a
** benefit). */
static int less_better(const char *col, int role_less)
{
	const rl_output *o = plot_column_output(col);
	if (o && o->better == RL_BETTER_LESS)
		return 1;
	if (o && o->better == RL_BETTER_MORE)
		return 0;
	return role_less;
}

/* "; x better neither way" where column col is an output the table
** calls better neither way (RL_BETTER_NONE: the batch, the traffic per
** second): its axis's role orients it, and the title says so, where the
** frontier read as one of a cost or a benefit.  "" otherwise. */
static const char *neither_note(const char *col, const char *name,
                                const char *role, char *buf, size_t len)
{
	const rl_output *o = plot_column_output(col);
	if (!o || o->better != RL_BETTER_NONE)
		return "";
	snprintf(buf, len, "; %s is better neither way, taken as %s", name,
	         role);
	return buf;
}

/* The run's axes whose dotted name begins with prefix ("chip.",
** "design."), chip.by_design and those --at holds at one value left out,
** ", "-joined into buf ("" where none, or run_columns cannot be read). */
static const char *run_axes(sqlite3 *db, const pdb_sweep *sw,
                            const char *prefix, char *buf, size_t len)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT group_concat(dotted, ', ') FROM "
	                       "(SELECT dotted FROM run_columns WHERE run_id = "
	                       "?1 AND source = 'axis' AND substr(dotted, 1, "
	                       "length(?3)) = ?3 AND dotted <> 'chip.by_design' "
	                       "AND instr(?2, dotted || '=') = 0 ORDER BY ord)",
	                       -1, &st, NULL) != SQLITE_OK)
		return buf;
	sqlite3_bind_int64(st, 1, sw->run);
	/* an axis --at holds at one value varies nothing drawn */
	sqlite3_bind_text(st, 2, sw->at_words, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, prefix, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		pdb_text(st, 0, buf, len);
	sqlite3_finalize(st);
	return buf;
}

/* What the spec the run stored says of its chip's price, read and
** resolved again (rl_sweep_spec_parse): *by_design, whether its chip is
** given by its design (chip.by_design true in its [base], or swept as an
** axis: its price and cost are then not those of a spec sheet, and the
** sweep gave no note of them either); *price, whether the spec gives the
** price itself (cost.price_usd a [base] set line or an axis: no preset's,
** and the sweep gave no note).  Both 0 where the spec cannot be read or
** resolved now (a preset gone), so the notes stay. */
static void run_spec_price(sqlite3 *db, long run, int *by_design, int *price)
{
	sqlite3_stmt *st;
	rl_sweep_spec *spec = NULL;
	char err[512];
	size_t k;
	*by_design = *price = 0;
	if (sqlite3_prepare_v2(db, "SELECT spec, spec_path FROM runs WHERE id "
	                       "= ?1", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, run);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		spec = rl_sweep_spec_parse(sqlite3_column_text(st, 1)
		                               ? (const char *)sqlite3_column_text(st, 1)
		                               : "spec",
		                           (const char *)sqlite3_column_text(st, 0),
		                           err, sizeof err);
	sqlite3_finalize(st);
	if (!spec)
		return;
	*by_design = spec->setup.cfg.chip.by_design > 0.5;
	for (k = 0; k < spec->naxes && !*by_design; k++)
		*by_design = !strcmp(spec->axes[k].name, "chip.by_design");
	*price = rl_sweep_spec_gives_price(spec);
	rl_sweep_spec_free(spec);
}

/* Whether the run sweeps cost.price_usd (held by --at or not): its price
** is then the axis's, no preset's; 0 where run_columns cannot be read */
static int run_sweeps_price(sqlite3 *db, long run)
{
	sqlite3_stmt *st;
	int yes = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM run_columns WHERE run_id = ?1 "
	                       "AND source = 'axis' AND dotted = "
	                       "'cost.price_usd'", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, run);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

/* A title line where --x or --y is a cost.* output and the run sweeps
** chip.* parameters: "\ncost.X: a chip given by its spec sheet keeps its
** preset's price ... whatever chip.hbm_tbps ...": its price
** (cost.price_usd) is one number at every point and its manufacturing
** cost (model/cost.c) takes of chip.* only the HBM capacity (at
** cost.hbm_usd_per_gb) and kind, so the cost axis moves with throughput
** and power alone as those parameters vary, where a frontier read as
** "dearer for more bandwidth".  Where the axis is at the price
** (cost.chip_price_usd, cost.usd_per_million_tokens_at_price) and the run
** sweeps design.* parameters, a line that the price is the preset's
** price whatever those (a chip by its design: its manufacturing cost
** follows them, its price does not).  "" otherwise (none where the run
** sweeps cost.price_usd or its [base] sets it: the price is then the
** axis's or the [base]'s), or where run_columns cannot be read (a file
** that lacks it). */
static const char *fixed_price_note(sqlite3 *db, const pdb_sweep *sw,
                                    const char *x, const char *y, char *buf,
                                    size_t len)
{
	const rl_output *o = plot_column_output(x), *oy = plot_column_output(y);
	char axes[200];
	size_t used;
	int by_design, price;
	buf[0] = '\0';
	if (!o || strncmp(o->name, "cost.", 5))
		o = oy;
	if (!o || strncmp(o->name, "cost.", 5) || strcmp(sw->run_col, "run_id"))
		return buf;
	/* (as the sweep's own notes: none where the price is an axis) */
	if (run_sweeps_price(db, sw->run))
		return buf;
	/* (as the sweep's own notes: none where its [base] sets the price,
	** and the spec-sheet note none for a chip by design) */
	run_spec_price(db, sw->run, &by_design, &price);
	if (price)
		return buf;
	if (run_axes(db, sw, "chip.", axes, sizeof axes)[0] && !by_design)
		snprintf(buf, len, "\n%s: a chip given by its spec sheet keeps its "
		         "preset's price whatever %s; its manufacturing cost "
		         "follows only chip.hbm_gb and chip.memory of chip.*",
		         o->name, axes);
	used = strlen(buf);
	if (strcmp(o->name, "cost.chip_price_usd") &&
	    strcmp(o->name, "cost.usd_per_million_tokens_at_price"))
		return buf;
	if (run_axes(db, sw, "design.", axes, sizeof axes)[0] && used < len)
		snprintf(buf + used, len - used, "\n%s: the price is the chip "
		         "preset's whatever %s (a changed chip is not "
		         "the product priced); its manufacturing cost follows the "
		         "design", o->name, axes);
	return buf;
}

/* Widen box (x least, x most, y least, y most) to hold the point (a, b). */
static void widen(double box[4], double a, double b)
{
	box[0] = fmin(box[0], a);
	box[1] = fmax(box[1], a);
	box[2] = fmin(box[2], b);
	box[3] = fmax(box[3], b);
}

/* A point (x, y) ascending by x, then by y, for qsort. */
static int cmp_pair(const void *a, const void *b)
{
	const double *p = a, *q = b;
	if (p[0] != q[0])
		return (p[0] > q[0]) - (p[0] < q[0]);
	return (p[1] > q[1]) - (p[1] < q[1]);
}

/* The rows of sql (two finite numbers, then 1 for a buildable point and
** 0 for one breaking a physical constraint) in one pass: the buildable
** into p, ordered by x from its best (xless: least first, else most),
** then y from its best (yless), as ORDER BY 1, 2 gave them; the others
** into v in the order read (rows of width 2, x then y).  Sorted here by
** their negations where more is better (exact both ways), where a query
** of each read the run twice.  RL_OK, pdb_unread's status and message,
** or RL_EINTERNAL out of memory. */
static int read_points(sqlite3 *db, const char *path, const char *sql,
                       int xless, int yless, plot_rows *p, plot_rows *v,
                       char *err, size_t errlen)
{
	sqlite3_stmt *st;
	double sx = xless ? 1 : -1, sy = yless ? 1 : -1;
	long i;
	int rc;
	if ((rc = pdb_prepare(db, path, sql, &st, err, errlen)))
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW) {
		double *r = plot_rows_add(sqlite3_column_int(st, 2) ? p : v);
		if (!r) {
			sqlite3_finalize(st);
			snprintf(err, errlen, "out of memory");
			return RL_EINTERNAL;
		}
		r[0] = sqlite3_column_double(st, 0);
		r[1] = sqlite3_column_double(st, 1);
	}
	if ((rc = pdb_finish(st, path, err, errlen)))
		return rc;
	if (p->n < 2) /* (none read: no array at all, p->v NULL) */
		return RL_OK;
	for (i = 0; i < 2 * p->n; i += 2) {
		p->v[i] *= sx;
		p->v[i + 1] *= sy;
	}
	qsort(p->v, (size_t)p->n, 2 * sizeof *p->v, cmp_pair);
	for (i = 0; i < 2 * p->n; i += 2) {
		p->v[i] *= sx;
		p->v[i + 1] *= sy;
	}
	return RL_OK;
}

/* Write the cloud ($p, thinned to every step-th point) and the frontier
** ($f) of the points p, ordered by x from its best, then y from its
** best; ysign is 1 where more y is better, -1 where less is. */
static long write_points(FILE *s, const plot_rows *p, long step,
                         double ysign, double *fx, double *fy, double box[4])
{
	double best = -INFINITY;
	long i, front = 0;
	fputs("$p << EOD\n", s);
	for (i = 0; i < p->n; i++) {
		double a = p->v[2 * i], b = p->v[2 * i + 1];
		if (ysign * b > best) {
			best = ysign * b;
			fx[front] = a;
			fy[front++] = b;
		} else if (i % step == 0) {
			fprintf(s, "%.9g %.9g\n", a, b);
		}
		widen(box, a, b);
	}
	fputs("EOD\n$f << EOD\n", s);
	for (i = 0; i < front; i++)
		fprintf(s, "%.9g %.9g\n", fx[i], fy[i]);
	fputs("EOD\n", s);
	return front;
}

/* Write the points p breaking a physical constraint ($v, thinned to
** every step-th point). */
static void write_unbuildable(FILE *s, const plot_rows *p, long step,
                              double box[4])
{
	long i;
	fputs("$v << EOD\n", s);
	for (i = 0; i < p->n; i++) {
		const double *r = p->v + 2 * i;
		if (i % step == 0)
			fprintf(s, "%.9g %.9g\n", r[0], r[1]);
		widen(box, r[0], r[1]);
	}
	fputs("EOD\n", s);
}

int plot_build_pareto(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                      size_t errlen)
{
	pdb_sweep sw;
	char x[64], y[64], where[PDB_WHERE_LEN], sql[PDB_WHERE_LEN + 1024],
	     xl[160], yl[160],
	     xn[160], yn[160], nx[240], ny[240];
	char bad[160];
	char lack[320];
	char wl[300], price[800];
	/* the title sized from its parts, each at its longest, and 256 for
	** its own words and numbers (about 190 at most): a fixed 2100 cut a
	** title with long notes and eight --at values, unsaid */
	char t[256 + sizeof xl + sizeof yl + sizeof xn + sizeof yn + sizeof nx +
	       sizeof ny + sizeof bad + sizeof lack + sizeof price +
	       sizeof sw.at_words];
	double box[4] = {INFINITY, -INFINITY, INFINITY, -INFINITY};
	double *fx, *fy;
	plot_rows *pp = NULL, *vp = NULL;
	long long nbad = 0;
	long n = 0, step, front;
	size_t nwl;
	int rc, lgx, lgy, xless, yless, hasv;

	if ((rc = plot_sweep_open(db, o, &sw, err, errlen)))
		return rc;
	if ((rc = plot_swept_workload(db, &sw, wl, sizeof wl, &nwl, err,
	                              errlen)))
		return rc;
	if (nwl) {
		char wl_first[64];
		snprintf(wl_first, sizeof wl_first, "%.*s", (int)strcspn(wl, ","),
		         wl);
		snprintf(err, errlen, "%s: sweep%s%.0ld varies the workload (%s)%s; "
		         "a Pareto frontier compares design choices under one "
		         "workload, not short requests against long ones: draw "
		         "one workload with --at (--at %s=VALUE), sweep design "
		         "parameters only, or draw a heatmap", o->dbpath,
		         sw.run_col[0] ? " run " : "", sw.run_col[0] ? sw.run : 0L,
		         wl, sw.at_words[0] ? " at the --at given" : "", wl_first);
		return RL_EINPUT;
	}
	rc = axes(db, o, &sw, x, y, err, errlen);
	if (rc)
		return rc;
	plot_sweep_where(&sw, where, sizeof where);
	/* the buildable points and, where the run stores its constraints,
	** those breaking one, drawn apart */
	if ((rc = pdb_has_column(db, o->dbpath, "results", "silicon_violations",
	                         &hasv, err, errlen)))
		return rc;
	/* unless an axis is the violations themselves, which then are the
	** picture (as the heatmap's --z silicon.violations): a frontier of
	** the buildable alone had them all at 0 */
	hasv = hasv && strcmp(x, "silicon_violations") &&
	       strcmp(y, "silicon_violations");
	/* the points breaking a constraint and the buildable ones, the
	** latter ordered for the frontier, in one pass over the run (finite
	** numbers only: an infinity (or text) in a crafted database would
	** leave gnuplot no range to draw, NULL is a failed point) */
	xless = less_better(x, 1);
	yless = less_better(y, 0);
	if (!(pp = plot_rows_alloc(2)) || !(vp = plot_rows_alloc(2))) {
		plot_rows_free(pp);
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	snprintf(sql, sizeof sql, "SELECT \"%s\", \"%s\", %s FROM results%s%s "
	         "\"%s\" " PLOT_FINITE " AND \"%s\" " PLOT_FINITE, x, y,
	         hasv ? PLOT_BUILDABLE : "1", where, where[0] ? " AND" : " WHERE",
	         x, y);
	if ((rc = read_points(db, o->dbpath, sql, xless, yless, pp, vp, err,
	                      errlen))) {
		plot_rows_free(vp);
		plot_rows_free(pp);
		return rc;
	}
	nbad = vp->n;
	n = pp->n;
	if (n < 1) {
		plot_rows_free(vp);
		plot_rows_free(pp);
		if (nbad > 0)
			snprintf(err, errlen, "%s: each of the %lld design points "
			         "with both %s and %s finite breaks a physical "
			         "constraint (silicon.violations > 0: the reticle, HBM "
			         "stacks over the die's edge or PHY area, over the TDP "
			         "at every clock, density): none can be built, so there "
			         "is no frontier (rooflab area --chip C --set ... names "
			         "what a design breaks)", o->dbpath, nbad, x, y);
		else
			snprintf(err, errlen, "%s: the sweep has no points with both "
			         "%s and %s finite", o->dbpath, x, y);
		return RL_EINPUT;
	}
	step = n > MAX_CLOUD ? (n + MAX_CLOUD - 1) / MAX_CLOUD : 1;
	fx = malloc((size_t)n * sizeof *fx);
	fy = malloc((size_t)n * sizeof *fy);
	if (!fx || !fy) {
		free(fx);
		free(fy);
		plot_rows_free(vp);
		plot_rows_free(pp);
		snprintf(err, errlen, "out of memory");
		return RL_EINTERNAL;
	}
	front = write_points(s, pp, step, yless ? -1 : 1, fx, fy, box);
	free(fx);
	free(fy);
	bad[0] = 0;
	if (nbad > 0) {
		long vstep = nbad > MAX_CLOUD ? (long)((nbad + MAX_CLOUD - 1) /
		                                       MAX_CLOUD) : 1;
		write_unbuildable(s, vp, vstep, box);
		snprintf(bad, sizeof bad, "; %lld more breaking a physical "
		         "constraint (silicon.violations), drawn apart, none on "
		         "it", nbad);
	}
	/* log axes from the points read (box now spans them all) */
	rc = axis_log(db, &sw, x, pp, vp, 0, box[0], box[1], &lgx, err, errlen);
	if (!rc)
		rc = axis_log(db, &sw, y, pp, vp, 1, box[2], box[3], &lgy, err,
		              errlen);
	plot_rows_free(pp);
	plot_rows_free(vp);
	if (rc)
		return rc;
	plot_column_label(x, xl, sizeof xl);
	plot_column_label(y, yl, sizeof yl);
	/* the subtitle names them as the title does, dotted, without the
	** units the title gives: "less power.watts", where it read
	** "less power_watts" under "... against power.watts (W)" */
	snprintf(xn, sizeof xn, "%.*s", (int)strcspn(xl, " "), xl);
	snprintf(yn, sizeof yn, "%.*s", (int)strcspn(yl, " "), yl);
	snprintf(t, sizeof t, "Pareto frontier: %s against %s\nsweep%s%.0ld%s%s: "
	         "%ld of %ld design point%s on the frontier (%s %s, %s %s%s%s)%s%s%s%s",
	         yl, xl, sw.run_col[0] ? " run " : "", sw.run_col[0] ? sw.run :
	         0L, sw.at_words[0] ? " at " : "", sw.at_words, front, n, n == 1 ? "" : "s", xless ? "less" : "more", xn,
	         yless ? "less" : "more", yn,
	         neither_note(x, xn, "a cost (--x)", nx, sizeof nx),
	         neither_note(y, yn, "a benefit (--y)", ny, sizeof ny), bad,
	         step > 1 ? "; cloud thinned for drawing" : "",
	         pdb_missing_note(&sw, lack, sizeof lack),
	         fixed_price_note(db, &sw, x, y, price, sizeof price));
	plot_labels(s, t, xl, yl);
	/* the key under the graph, outside it (a bottom margin of 6 lines
	** keeps it off the x label): inside, "bottom right" hid the dominated
	** points, which gather there (worse on both axes), and the corner
	** beyond the frontier may hold a design that breaks a constraint, or
	** the one frontier point itself */
	fputs("set format x '%g'\nset format y '%g'\nset key below\n"
	      "set bmargin 6\n", s);
	if (lgx) {
		fputs("set logscale x\n", s);
		plot_log_tics(s, 'x', pow(10, floor(log10(box[0]))),
		              pow(10, ceil(log10(box[1]))));
	}
	if (lgy) {
		fputs("set logscale y\n", s);
		plot_log_tics(s, 'y', pow(10, floor(log10(box[2]))),
		              pow(10, ceil(log10(box[3]))));
	}
	/* (a text plot, --term dumb, draws a point type as a letter, whatever
	** its colour and size: pt 7 is 'G' both for the cloud and for the
	** frontier there, so the cloud takes pt 1, 'A') */
	fprintf(s, "plot $p using 1:2 with points pt %d ps 0.6 lc rgb '#9a9a9a' "
	        "title 'other design points', \\\n%s"
	        "  $f using 1:2 with steps lw 2 lc rgb '%s' notitle, \\\n"
	        "  $f using 1:2 with points pt 7 ps 1.5 lc rgb '%s' "
	        "title 'Pareto frontier'\n", o->mono ? 1 : 7,
	        nbad > 0 ? "  $v using 1:2 with points pt 2 ps 0.6 lc rgb "
	                   "'#e08080' title 'breaks a physical constraint', \\\n"
	                 : "",
	        PLOT_COLOR_B, PLOT_COLOR_B);
	return RL_OK;
}
