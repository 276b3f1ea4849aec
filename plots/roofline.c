/*
** roofline.c: the roofline plot: for each side of a claim run, attainable
** FLOP/s = min(peak, bandwidth x intensity) on log-log axes, with the
** prefill and decode iterations placed at their intensity and achieved
** FLOP/s (table claim_roofline).
**
** The links are a roof too: a phase that sends B bytes over the links for F
** FLOPs cannot run faster than link bandwidth x F/B, whatever its HBM
** intensity; that ceiling is drawn as a dashed bar over each phase's point.
** Sides that coincide (Sohu as claimed and by design) stay visible: each
** later side's roof is thinner and its markers smaller, so they nest, and
** points at the same place share one label.
**
** Every mapping of a side's chips that fits (claim_roofline_maps) is a
** point of its own, open markers in the side's colour, the decode point
** labelled with the mapping ("TP2 DP4"; mappings within 30% of each
** other's throughput share a label), so that a reader sees where each
** mapping sits.
**
** Every label (the sides' points, then the mappings') is placed where its
** box collides with no label placed before it, no point, no roof and no
** link bar: right or left of its point, then a line up or down at a time
** (labels.c, in fractions of the graph), a dotted leader to its point
** where it moved off the point's line.  The key sits below the graph,
** where it covers no roof.
*/
#include <math.h>
#include <string.h>

#include "../model/figtext.h"
#include "kinds.h"
#include "labels.h"

#define MAX_SIDES 8
#define MAX_MAPS 64

typedef struct {
	char side[32], label[128];
	double peak, bw, pi, pf, di, df;
	double link, pli, dli;  /* link bandwidth, FLOP per link byte */
} side_row;

/* One mapping of a side (claim_roofline_maps): where its phases sit. */
typedef struct {
	int side;               /* index into the side rows */
	char name[48];          /* "TP2 DP4" */
	double pi, pf, di, df;
} map_row;

/* v where the log axes can place it, else 0, read as absent: inside
** [1e-150, 1e150], far beyond any chip's FLOP/s, bytes/s or FLOP/byte,
** so that every ratio and product of two such values the plot takes (a
** range with its decades of margin, a label's place, link x intensity)
** is a finite double.  A database altered by hand held 1e-320 FLOP/s,
** whose TFLOP/s underflowed to 0, and an intensity of 1e308, whose range
** overflowed: NaN and inf in the script, which gnuplot refused. */
static double plotted(double v)
{
	return v >= 1e-150 && v <= 1e150 ? v : 0;
}

static void fit(double v, double *lo, double *hi)
{
	if (!(v > 0) || !isfinite(v))
		return;
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

/* 1 when two points are the same to within 3% on both axes. */
static int near(double x1, double y1, double x2, double y2)
{
	return x1 > 0 && x2 > 0 && y1 > 0 && y2 > 0 &&
	       fabs(log(x1 / x2)) < 0.03 && fabs(log(y1 / y2)) < 0.03;
}

/* A label to place: its text, colour, font size, and where it points. */
typedef struct {
	char text[600];
	const char *color;
	int font;               /* points; 0: the default (14) */
	double x, y;            /* the point, data units (TFLOP/s) */
	int pref;               /* 1: right of the point first, -1: left */
} lab_row;

#define MAX_LABELS (2 * MAX_SIDES + MAX_MAPS)

/* A line of label text as a share of the graph's height, the graph being
** shorter by the key below it (about 8 of the 800 pixels' lines) */
#define KEY_BELOW_SCALE 1.4
/* A character of the dumb terminal as a share of the graph's width: about
** 100 of its 120 columns, generously */
#define DUMB_CHAR_W 0.0100

/* The labels of the points: one per place, naming every side there;
** right of the point in the left half, left of it beyond. */
static int point_labels(lab_row *L, int nl, const side_row *r, int n,
                        double xlo, double xhi)
{
	int i, j, ph;
	for (ph = 0; ph < 2; ph++)
		for (i = 0; i < n && nl < MAX_LABELS; i++) {
			double x = ph ? r[i].di : r[i].pi, y = ph ? r[i].df : r[i].pf;
			char *t = L[nl].text, fy[32];
			size_t tl = sizeof L[nl].text;
			int dup = 0;
			if (!(x > 0) || !(y > 0))
				continue;
			for (j = 0; j < i && !dup; j++)
				dup = near(x, y, ph ? r[j].di : r[j].pi,
				           ph ? r[j].df : r[j].pf);
			if (dup)
				continue;
			snprintf(t, tl, "%s", r[i].label);
			for (j = i + 1; j < n; j++)
				if (near(x, y, ph ? r[j].di : r[j].pi,
				         ph ? r[j].df : r[j].pf))
					snprintf(t + strlen(t), tl - strlen(t), " = %s",
					         r[j].label);
			/* by eval's rule (rl_fig_text: one decimal from 100,
			** 600.0 where %.0f wrote 600; 0.500 where %.3g wrote
			** 0.5) */
			snprintf(t + strlen(t), tl - strlen(t), " %s: %s TFLOP/s",
			         ph ? "decode" : "prefill",
			         rl_fig_text(fy, sizeof fy, y / 1e12));
			L[nl].color = plot_color(i);
			L[nl].font = 0;
			L[nl].x = x;
			L[nl].y = y / 1e12;
			L[nl].pref = log(x / xlo) < 0.5 * log(xhi / xlo) ? 1 : -1;
			nl++;
		}
	return nl;
}

/* "TP2 DP4": the mapping's factors above 1 ("TP1" when all are 1). */
static void map_name(char *buf, size_t len, double tp, double pp, double dp,
                     double ep)
{
	size_t u = 0;
	const double v[4] = {tp, pp, dp, ep};
	const char *k[4] = {"TP", "PP", "DP", "EP"};
	int i;
	buf[0] = 0;
	for (i = 0; i < 4 && u < len; i++)
		if (v[i] > 1)
			/* whole, in all their digits (DP1000000, where %g wrote
			** DP1e+06), as the mapping's words write them */
			u += (size_t)snprintf(buf + u, len - u, "%s%s%.0f", u ? " " : "",
			                      k[i], v[i]);
	if (!buf[0])
		snprintf(buf, len, "TP1");
}

/* The mappings of the run's sides that fit into m, how many in *nm (none
** where the table is absent: a run written before it); RL_OK, or the
** failure to read them (with err). */
static int read_maps(sqlite3 *db, const char *path, long run,
                     const side_row *r, int n, map_row *m, int *nm,
                     char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int k = 0, i, rc, has;
	*nm = 0;
	if ((rc = pdb_has(db, path, "claim_roofline_maps", &has, err,
	                  errlen)) || !has)
		return rc;
	if ((rc = sqlite3_prepare_v2(db, "SELECT side, tp, pp, dp, ep, "
	                             "prefill_intensity, prefill_flops, "
	                             "decode_intensity, decode_flops FROM "
	                             "claim_roofline_maps WHERE run_id = ?1 "
	                             "ORDER BY side, tp, pp, dp, ep", -1, &st,
	                             NULL)))
		return pdb_unread(db, rc, path, err, errlen);
	sqlite3_bind_int64(st, 1, run);
	while (k < MAX_MAPS && sqlite3_step(st) == SQLITE_ROW) {
		char side[32];
		pdb_text(st, 0, side, sizeof side);
		for (i = 0; i < n && strcmp(r[i].side, side); i++)
			;
		if (i == n)
			continue;
		m[k].side = i;
		map_name(m[k].name, sizeof m[k].name, pdb_real(st, 1),
		         pdb_real(st, 2), pdb_real(st, 3), pdb_real(st, 4));
		m[k].pi = plotted(pdb_real(st, 5));
		m[k].pf = plotted(pdb_real(st, 6));
		m[k].di = plotted(pdb_real(st, 7));
		m[k].df = plotted(pdb_real(st, 8));
		k++;
	}
	*nm = k;
	/* a step that failed: no mappings drawn short as if they were all */
	return pdb_finish(st, path, err, errlen);
}

/* The decode points of each side's mappings, labelled by group: points
** within 30% of each other in throughput share one label (the first three
** mappings and how many more), fewer labels to place; side a's labels
** left of the points first, the others' right. */
static int map_labels(lab_row *L, int nl, const map_row *m, int nm,
                      int nsides)
{
	int side, i, j;
	for (side = 0; side < nsides; side++) {
		int idx[MAX_MAPS], n = 0;
		for (i = 0; i < nm; i++)
			if (m[i].side == side && m[i].di > 0 && m[i].df > 0)
				idx[n++] = i;
		/* by decode throughput, insertion sort (n <= MAX_MAPS) */
		for (i = 1; i < n; i++)
			for (j = i; j > 0 && m[idx[j]].df < m[idx[j - 1]].df; j--) {
				int t = idx[j];
				idx[j] = idx[j - 1];
				idx[j - 1] = t;
			}
		for (i = 0; i < n && nl < MAX_LABELS;) {
			char *t = L[nl].text;
			int k = i, shown = 0;
			size_t u = 0;
			t[0] = 0;
			while (k < n && m[idx[k]].df <= 1.3 * m[idx[i]].df) {
				if (shown < 3)
					u += (size_t)snprintf(t + u, 200 - u, "%s%s",
					                      shown ? ", " : "",
					                      m[idx[k]].name);
				shown++;
				k++;
			}
			if (shown > 3)
				snprintf(t + u, 200 - u, " +%d more", shown - 3);
			L[nl].color = plot_color(side);
			L[nl].font = 9;
			L[nl].x = m[idx[i]].di;
			L[nl].y = m[idx[i]].df / 1e12;
			L[nl].pref = side ? 1 : -1;
			nl++;
			i = k;
		}
	}
	return nl;
}

/* Appends the point (arithmetic intensity ai, FLOP/s f) to pts in graph
** fractions of the log axes that start at xlo and ylo (TFLOP/s) and span
** lx and ly (natural logs of hi / lo); a phase that is absent (zero) adds
** nothing.  The new count of numbers in pts. */
static int graph_point(double *pts, int np, double ai, double f, double xlo,
                       double ylo, double lx, double ly)
{
	if (ai > 0 && f > 0) {
		pts[np++] = log(ai / xlo) / lx;
		pts[np++] = log(f / 1e12 / ylo) / ly;
	}
	return np;
}

/* The obstacles a label keeps clear of besides the points (graph
** fractions x0, y0, x1, y1): each roof sampled along its length, each
** link bar, and each side's achieved point by its marker's size (larger
** than labels.c's MARK).  The count written to ob. */
#define ROOF_SAMPLES 120
#define MAX_OBST (MAX_SIDES * (ROOF_SAMPLES + 2 * 12 + 2))

static int add_box(double (*ob)[4], int no, double x, double y, double hw,
                   double hh)
{
	if (no >= MAX_OBST || x < -hw || x > 1 + hw || y < -hh || y > 1 + hh)
		return no;
	ob[no][0] = x - hw;
	ob[no][1] = y - hh;
	ob[no][2] = x + hw;
	ob[no][3] = y + hh;
	return no + 1;
}

static int obstacles(double (*ob)[4], const side_row *r, int n, double xlo,
                     double xhi, double ylo, double yhi)
{
	double lx = log(xhi / xlo), ly = log(yhi / ylo);
	int i, k, no = 0;
	for (i = 0; i < n; i++) {
		/* the roof's half thickness: lw 7 and down (the plot line below) */
		double lw = 7.0 - 2.8 * i, ps = 2.6 - 0.8 * i, hh;
		lw = lw < 1.5 ? 1.5 : lw;
		ps = ps < 0.9 ? 0.9 : ps;
		hh = 0.004 + 0.0008 * lw;
		for (k = 0; k <= ROOF_SAMPLES; k++) {
			double fx = (double)k / ROOF_SAMPLES, x = xlo * exp(fx * lx);
			double y = x * r[i].bw < r[i].peak ? x * r[i].bw : r[i].peak;
			no = add_box(ob, no, fx, log(y / 1e12 / ylo) / ly, 0.004, hh);
		}
		/* the link bars, intensity / 2.5 .. x 2.5 */
		for (k = 0; k < 2 && r[i].link > 0; k++) {
			double ai = k ? r[i].di : r[i].pi, li = k ? r[i].dli : r[i].pli;
			int j;
			if (!(ai > 0) || !(li > 0))
				continue;
			for (j = 0; j < 12; j++) {
				double x = ai / 2.5 * pow(2.5 * 2.5, j / 11.0);
				no = add_box(ob, no, log(x / xlo) / lx,
				             log(r[i].link * li / 1e12 / ylo) / ly, 0.006,
				             0.006);
			}
		}
		/* the achieved points, ps 2.6 and down */
		for (k = 0; k < 2; k++) {
			double ai = k ? r[i].di : r[i].pi, f = k ? r[i].df : r[i].pf;
			if (ai > 0 && f > 0)
				no = add_box(ob, no, log(ai / xlo) / lx,
				             log(f / 1e12 / ylo) / ly, 0.005 * ps,
				             0.008 * ps);
		}
	}
	return no;
}

/* Place the labels (labels.c) in graph fractions of the log axes, clear
** of every point and of the obstacles ob (obstacles()), and write them. */
static void put_labels(FILE *s, const lab_row *L, int nl, const double *pts,
                       int npts, const double (*ob)[4], int nob, double xlo,
                       double xhi, double ylo, double yhi)
{
	plot_label pl[MAX_LABELS];
	int i;
	double lx = log(xhi / xlo), ly = log(yhi / ylo);
	for (i = 0; i < nl; i++) {
		/* a smaller font against PNG's 12 pt, generous for SVG's 14 */
		double f = L[i].font ? L[i].font / 12.0 : 1;
		pl[i].px = log(L[i].x / xlo) / lx;
		pl[i].py = log(L[i].y / ylo) / ly;
		/* the dumb terminal writes every label one character wide, a
		** smaller font too */
		pl[i].w = fmax(PLOT_LABEL_CHAR_W * f, DUMB_CHAR_W) *
		          (double)strlen(L[i].text);
		/* the graph is shorter by the key below it */
		pl[i].h = PLOT_LABEL_LINE_H * KEY_BELOW_SCALE * f;
		pl[i].pref = L[i].pref;
	}
	plot_labels_place(pl, (size_t)nl, pts, (size_t)npts, ob, (size_t)nob);
	for (i = 0; i < nl; i++) {
		/* a label left of its point ends at its box's right edge, next
		** to the point, whatever the font's real width */
		int left = pl[i].x + pl[i].w <= pl[i].px;
		double x0 = pl[i].x, x1 = pl[i].x + pl[i].w;
		fprintf(s, "set label %d ", 10 + i);
		gp_quote(s, L[i].text);
		fprintf(s, " at graph %.4f, %.4f %s", left ? pl[i].x + pl[i].w
		                                            : pl[i].x, pl[i].y,
		        left ? "right" : "left");
		if (L[i].font)
			fprintf(s, " font ',%d'", L[i].font);
		fprintf(s, " tc rgb '%s' front\n", L[i].color);
		/* moved off its point's line by more than a line: a thin leader
		** from the label's end (or from under it) to the point */
		if (fabs(pl[i].y - pl[i].py) > pl[i].h)
			fprintf(s, "set arrow %d from graph %.4f, %.4f to graph %.4f, "
			        "%.4f nohead lw 0.8 dt 3 lc rgb '%s' back\n", 10 + i,
			        pl[i].px < x0 ? x0 - 0.003 : pl[i].px > x1 ? x1 + 0.003
			                                               : pl[i].px,
			        pl[i].y, pl[i].px, pl[i].py, L[i].color);
	}
}

int plot_build_roofline(sqlite3 *db, const plot_opts *o, FILE *s, char *err,
                        size_t errlen)
{
	map_row m[MAX_MAPS];
	int nm;
	pdb_claim c;
	sqlite3_stmt *st;
	side_row r[MAX_SIDES];
	int n = 0, i, rc, links = 0, has_link;
	double xlo = 1e300, xhi = 0, ylo = 1e300, yhi = 0;

	if ((rc = pdb_has_column(db, o->dbpath, "claim_roofline", "link_Bps",
	                         &has_link, err, errlen)))
		return rc;
	rc = plot_claim_rows(db, o, "claim_roofline", "roofline rows",
	                     has_link
	                         ? "SELECT side, label, peak_flops, hbm_Bps, "
	                           "prefill_intensity, prefill_flops, "
	                           "decode_intensity, decode_flops, link_Bps, "
	                           "prefill_link_intensity, "
	                           "decode_link_intensity FROM claim_roofline "
	                           "WHERE run_id = ?1 ORDER BY side"
	                         : "SELECT side, label, peak_flops, hbm_Bps, "
	                           "prefill_intensity, prefill_flops, "
	                           "decode_intensity, decode_flops, NULL, NULL, "
	                           "NULL FROM claim_roofline WHERE run_id = ?1 "
	                           "ORDER BY side",
	                     &c, &st, err, errlen);
	if (rc)
		return rc;
	while (n < MAX_SIDES && sqlite3_step(st) == SQLITE_ROW) {
		side_row *x = &r[n];
		pdb_text(st, 0, x->side, sizeof x->side);
		pdb_text(st, 1, x->label, sizeof x->label);
		if (!x->label[0])
			plot_side_label(NULL, o->dbpath, &c, x->side, x->label,
			                sizeof x->label, err, errlen);
		x->peak = plotted(pdb_real(st, 2));
		x->bw = plotted(pdb_real(st, 3));
		x->pi = plotted(pdb_real(st, 4));
		x->pf = plotted(pdb_real(st, 5));
		x->di = plotted(pdb_real(st, 6));
		x->df = plotted(pdb_real(st, 7));
		x->link = plotted(pdb_real(st, 8));
		x->pli = plotted(pdb_real(st, 9));
		x->dli = plotted(pdb_real(st, 10));
		if (!(x->peak > 0) || !(x->bw > 0))
			continue;
		fit(x->peak / x->bw, &xlo, &xhi);
		fit(x->pi, &xlo, &xhi);
		fit(x->di, &xlo, &xhi);
		fit(x->peak, &ylo, &yhi);
		fit(x->pf, &ylo, &yhi);
		fit(x->df, &ylo, &yhi);
		if (x->link > 0) {
			fit(x->link * x->pli, &ylo, &yhi);
			fit(x->link * x->dli, &ylo, &yhi);
		}
		n++;
	}
	if ((rc = pdb_finish(st, o->dbpath, err, errlen)))
		return rc;
	if (n == 0) {
		snprintf(err, errlen, "%s: claim run %ld has no usable roofline "
		         "(peak FLOP/s and bandwidth must be positive)", o->dbpath,
		         c.id);
		return RL_EINPUT;
	}
	if ((rc = read_maps(db, o->dbpath, c.id, r, n, m, &nm, err, errlen)))
		return rc;
	for (i = 0; i < nm; i++) {
		fit(m[i].pi, &xlo, &xhi);
		fit(m[i].di, &xlo, &xhi);
		fit(m[i].pf, &ylo, &yhi);
		fit(m[i].df, &ylo, &yhi);
	}
	xlo = pow(10, floor(log10(xlo)) - 1);
	xhi = pow(10, ceil(log10(xhi)) + 1);
	for (i = 0; i < n; i++)
		fit(r[i].bw * xlo, &ylo, &yhi);
	ylo = pow(10, floor(log10(ylo / 1e12)));
	/* half a decade at least above the highest roof or point, for its
	** label; the key is below the graph, over nothing */
	yhi = pow(10, ceil(log10(yhi / 1e12) + 0.3));

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
	        "set samples 800\n", xlo, xhi, ylo, yhi);
	{
		/* the key below the graph, over nothing: at the foot of the
		** picture, the bottom margin a line per entry over the x tics
		** and label (gnuplot's own "key below" put its box over the x
		** label, and a box around it drawn short of its last entry) */
		int nkey = 2 + (nm ? 2 : 0);
		/* a link roof is a key entry where its bar is drawn (below) */
		for (i = 0; i < n; i++)
			nkey += 1 + (r[i].link > 0 &&
			             ((r[i].pli > 0 && r[i].pi > 0) ||
			              (r[i].dli > 0 && r[i].di > 0)));
		fprintf(s, "set key at screen 0.97, screen 0.01 right bottom "
		        "vertical nobox\nset bmargin %d\n",
		        (int)ceil(1.3 * nkey) + 5);
	}
	{
		lab_row L[MAX_LABELS]; /* 51 kB, filled before use */
		double pts[2 * (2 * MAX_SIDES + 2 * MAX_MAPS)];
		double ob[MAX_OBST][4]; /* 31 kB */
		int nl, np = 0, nob;
		double lx = log(xhi / xlo), ly = log(yhi / ylo);
		/* every point, that no label covers one */
		for (i = 0; i < n; i++) {
			np = graph_point(pts, np, r[i].pi, r[i].pf, xlo, ylo, lx, ly);
			np = graph_point(pts, np, r[i].di, r[i].df, xlo, ylo, lx, ly);
		}
		for (i = 0; i < nm; i++) {
			np = graph_point(pts, np, m[i].pi, m[i].pf, xlo, ylo, lx, ly);
			np = graph_point(pts, np, m[i].di, m[i].df, xlo, ylo, lx, ly);
		}
		nl = point_labels(L, 0, r, n, xlo, xhi);
		nl = map_labels(L, nl, m, nm, n);
		nob = obstacles(ob, r, n, xlo, xhi, ylo, yhi);
		put_labels(s, L, nl, pts, np / 2, (const double (*)[4])ob, nob, xlo,
		           xhi, ylo, yhi);
	}
	for (i = 0; i < n; i++) {
		int j;
		/* the side's mappings: prefill (open circle), decode (open
		** square) */
		fprintf(s, "$m%d << EOD\n", i);
		for (j = 0; j < nm; j++) {
			if (m[j].side != i)
				continue;
			if (m[j].pi > 0 && m[j].pf > 0)
				fprintf(s, "%.9g %.9g 6\n", m[j].pi, m[j].pf / 1e12);
			if (m[j].di > 0 && m[j].df > 0)
				fprintf(s, "%.9g %.9g 4\n", m[j].di, m[j].df / 1e12);
		}
		fputs("EOD\n", s);
		fprintf(s, "roof%d(x) = (x * %.9g < %.9g ? x * %.9g : %.9g) / 1e12\n",
		        i, r[i].bw, r[i].peak, r[i].bw, r[i].peak);
		fprintf(s, "$p%d << EOD\n", i);
		if (r[i].pi > 0 && r[i].pf > 0)
			fprintf(s, "%.9g %.9g 7\n", r[i].pi, r[i].pf / 1e12);
		if (r[i].di > 0 && r[i].df > 0)
			fprintf(s, "%.9g %.9g 5\n", r[i].di, r[i].df / 1e12);
		fputs("EOD\n", s);
		/* the link ceiling of each phase: a bar a factor 2.5 either side
		** of the phase's intensity */
		fprintf(s, "$l%d << EOD\n", i);
		if (r[i].link > 0 && r[i].pli > 0 && r[i].pi > 0) {
			fprintf(s, "%.9g %.9g\n%.9g %.9g\n\n", r[i].pi / 2.5,
			        r[i].link * r[i].pli / 1e12, r[i].pi * 2.5,
			        r[i].link * r[i].pli / 1e12);
			links++;
		}
		if (r[i].link > 0 && r[i].dli > 0 && r[i].di > 0) {
			fprintf(s, "%.9g %.9g\n%.9g %.9g\n", r[i].di / 2.5,
			        r[i].link * r[i].dli / 1e12, r[i].di * 2.5,
			        r[i].link * r[i].dli / 1e12);
			links++;
		}
		fputs("EOD\n", s);
	}
	fputs("plot ", s);
	for (i = 0; i < n; i++) {
		char t[300], pk[32], bw[32];
		const char *col = plot_color(i);
		/* later sides thinner and smaller, so coinciding ones nest */
		double lw = 7.0 - 2.8 * i, ps = 2.6 - 0.8 * i;
		if (lw < 1.5)
			lw = 1.5;
		if (ps < 0.9)
			ps = 0.9;
		/* the peak and the bandwidth by eval's rule (rl_fig_text:
		** 1000.0 and 12345.6 TFLOP/s, where %.4g wrote 1000 and
		** 1.235e+04) */
		snprintf(t, sizeof t, "%s roof (%s TFLOP/s, %s TB/s)",
		         r[i].label, rl_fig_text(pk, sizeof pk, r[i].peak / 1e12),
		         rl_fig_text(bw, sizeof bw, r[i].bw / 1e12));
		int j, same = 0;
		for (j = 0; j < i; j++)
			same |= near(r[i].peak, r[i].bw, r[j].peak, r[j].bw);
		/* a roof on top of an earlier one: dashed, the earlier shows
		** between the dashes */
		fprintf(s, "%sroof%d(x) with lines lw %g dt %s lc rgb '%s' title ",
		        i ? ", \\\n  " : "", i, lw, same ? "(6,4)" : "1", col);
		gp_quote(s, t);
		fprintf(s, ", \\\n  $p%d using 1:2:3 with points pt variable ps "
		        "%g lc rgb '%s' notitle", i, ps, col);
		if (nm)
			fprintf(s, ", \\\n  $m%d using 1:2:3 with points pt variable "
			        "ps 1 lc rgb '%s' notitle", i, col);
		if (r[i].link > 0) {
			snprintf(t, sizeof t, "%s link bandwidth roof per phase "
			         "(%s GB/s x FLOP per link byte)", r[i].label,
			         rl_fig_text(bw, sizeof bw, r[i].link / 1e9));
			fprintf(s, ", \\\n  $l%d using 1:2 with lines dt 2 lw %g lc "
			        "rgb '%s' title ", i, lw > 3 ? 3 : lw, col);
			gp_quote(s, t);
		}
	}
	/* one key entry per marker shape, in black */
	fputs(", \\\n  NaN with points pt 7 ps 1.2 lc rgb 'black' title "
	      "'prefill iteration (achieved)', \\\n  NaN with points pt 5 ps "
	      "1.2 lc rgb 'black' title 'decode iteration (achieved)'", s);
	if (nm)
		fputs(", \\\n  NaN with points pt 6 ps 1 lc rgb 'black' title "
		      "'prefill at each mapping that fits', \\\n  NaN with points "
		      "pt 4 ps 1 lc rgb 'black' title 'decode at each mapping that "
		      "fits (labelled TP x PP x DP)'", s);
	fputc('\n', s);
	(void)links;
	return RL_OK;
}
